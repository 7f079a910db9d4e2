"""Print the quote scores on a gold folder (default: ../shared/gold/dev).

Usage: python scripts/eval_quotes.py [GOLD_DIR] [--errors] [--full]

``--full`` runs the whole ``newsgraph.analyze`` (plain-text cleaner included) instead of the
NLP pipeline alone; ``--errors`` lists misses, false alarms and wrong speakers.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from newsgraph.eval.quotes import analyze_quotes, evaluate_dir, format_report, pipeline_quotes

DEFAULT_GOLD = Path(__file__).resolve().parents[2] / "shared" / "gold" / "dev"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", nargs="?", type=Path, default=DEFAULT_GOLD)
    parser.add_argument("--errors", action="store_true", help="list misses and false alarms")
    parser.add_argument("--full", action="store_true", help="use newsgraph.analyze (with the cleaner)")
    args = parser.parse_args()
    scores = evaluate_dir(args.gold, analyze_quotes if args.full else pipeline_quotes)
    print(format_report(scores, errors=args.errors))


if __name__ == "__main__":
    main()
