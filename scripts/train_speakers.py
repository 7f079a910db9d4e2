"""Fit the speaker-option weights on the gold articles and report them by cross-validation.

Usage: ``python scripts/train_speakers.py [--gold DIR ...] [--write] [--no-cv]``

Analyses every gold article (default ``../shared/gold/dev`` and ``dev2``), fits a conditional
logit over each quote's speaker options (:mod:`newsgraph.eval.speaker_training`), prints the
weights, the in-sample choice accuracy, and -- unless ``--no-cv`` -- the leave-one-article-out
quote scores beside the rules alone (the weights file as shipped before training).  ``--write``
replaces ``knowledge/lexicons/speaker_weights.tsv``; the test suite checks that retraining gives
the shipped weights.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from newsgraph.eval.quotes import QuoteScores, pipeline_quotes
from newsgraph.eval.speaker_training import RULES_ONLY, accuracy, cross_validate, train, weights_file
from newsgraph.nlp.quotes.ranking import using_weights

ROOT = Path(__file__).resolve().parents[1]
TARGET = ROOT / "src/newsgraph/nlp/knowledge/lexicons/speaker_weights.tsv"
GOLD = ROOT.parent / "shared" / "gold"


def _by_set(scores: QuoteScores, dirs: tuple[Path, ...]) -> list[tuple[str, QuoteScores]]:
    """All articles, then (with several folders) each folder's own: the held-out figure of the
    unseen set is the one the issue asks for."""
    parts = [("", scores)]
    if len(dirs) > 1:
        for d in dirs:
            names = {p.stem for p in d.glob("*.json")}
            parts.append((f", {d.name}", QuoteScores([a for a in scores.articles if a.name in names])))
    return parts


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", nargs="+", type=Path, default=[GOLD / "dev", GOLD / "dev2"])
    parser.add_argument("--write", action="store_true", help="replace the shipped weights")
    parser.add_argument("--no-cv", action="store_true", help="skip the cross-validation")
    args = parser.parse_args()
    dirs = tuple(args.gold)
    examples, w = train(dirs, pipeline_quotes)
    rules = None
    if not args.no_cv:
        with using_weights(RULES_ONLY):
            rules = cross_validate(dirs, pipeline_quotes, examples)
    sets = " + ".join(d.name for d in dirs)
    text = weights_file(w, examples, sets)
    print(f"{len(examples.by_article)} articles, {len(examples.all())} quotes with a right option")
    print(f"({examples.unreachable} without); in-sample choice accuracy {accuracy(examples.all(), w):.3f}")
    for line in text.splitlines():
        if not line.startswith("#"):
            print("  " + line)
    if rules is not None:
        learned = cross_validate(dirs, pipeline_quotes, examples)
        print("\nleave-one-article-out | quote F1 | speaker acc. | end-to-end F1")
        for name, s in (("rules alone", rules), ("learned ranking", learned)):
            for part, scores in _by_set(s, dirs):
                label = f"{name}{part}"
                print(
                    f"{label:<21} | {scores.prf()[2]:.3f} | {scores.speaker_accuracy:.3f}"
                    f" | {scores.prf(end_to_end=True)[2]:.3f}"
                )
    if args.write:
        TARGET.write_text(text, encoding="utf-8")
        print(f"wrote {TARGET.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
