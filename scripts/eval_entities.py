"""Print the entity scores on a gold folder (default: ../shared/gold/dev).

Usage: python scripts/eval_entities.py [GOLD_DIR] [--errors] [--full]

``--full`` runs the whole ``newsgraph.analyze`` (plain-text cleaner included) instead of the
NLP pipeline alone; ``--errors`` lists misses (FN), false alarms (FP), wrong countries and titles,
and speaker mentions that resolve to the wrong entity.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from newsgraph.eval.entities import analyze_entities, format_table, pipeline_entities, run_gold

DEFAULT_GOLD = Path(__file__).resolve().parents[2] / "shared" / "gold" / "dev"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", nargs="?", type=Path, default=DEFAULT_GOLD)
    parser.add_argument("--errors", action="store_true", help="list the errors after the table")
    parser.add_argument("--full", action="store_true", help="use newsgraph.analyze (with the cleaner)")
    args = parser.parse_args()
    scores = run_gold(args.gold, analyze_entities if args.full else pipeline_entities)
    print(format_table(scores))
    if args.errors:
        print()
        print("\n".join(scores.errors))


if __name__ == "__main__":
    main()
