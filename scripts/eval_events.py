"""Print the event scores on a gold folder and on the PLOVER gold sentences.

Usage: python scripts/eval_events.py [GOLD_DIR] [--sentences PATH] [--errors] [--full]

Defaults: ../shared/gold/dev and ../shared/data/events/plover-gsr-cameo-examples.  ``--full``
runs the whole ``newsgraph.analyze`` (plain-text cleaner included) on the articles instead of
the NLP pipeline alone; ``--errors`` lists missed and false events; ``--no-sentences`` skips
the PLOVER sentences.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from newsgraph.eval.events import (
    analyze_events,
    evaluate_dir,
    evaluate_sentences,
    format_report,
    pipeline_events,
    sentence_events,
)

SHARED = Path(__file__).resolve().parents[2] / "shared"
DEFAULT_GOLD = SHARED / "gold" / "dev"
DEFAULT_SENTENCES = SHARED / "data" / "events" / "plover-gsr-cameo-examples"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", nargs="?", type=Path, default=DEFAULT_GOLD)
    parser.add_argument("--sentences", type=Path, default=DEFAULT_SENTENCES)
    parser.add_argument("--no-sentences", action="store_true", help="skip the PLOVER gold sentences")
    parser.add_argument("--errors", action="store_true", help="list missed and false events")
    parser.add_argument("--full", action="store_true", help="use newsgraph.analyze (with the cleaner)")
    args = parser.parse_args()
    dev = evaluate_dir(args.gold, analyze_events if args.full else pipeline_events)
    sentences = None if args.no_sentences else evaluate_sentences(args.sentences, sentence_events)
    print(format_report(dev, sentences, errors=args.errors))


if __name__ == "__main__":
    main()
