"""Fit the event confidence model on the gold articles and report it by cross-validation.

Usage: ``python scripts/train_events.py [--gold DIR ...] [--write]``

Analyses every gold article (default ``../shared/gold/dev`` and ``dev2``), fits the logistic
model of :mod:`newsgraph.eval.event_training` over the events the rules code, prints the weights
and threshold, and the leave-one-article-out event scores -- rules alone beside the learned cut,
over all articles and per folder.  ``--write`` replaces ``knowledge/lexicons/event_weights.tsv``;
the test suite checks that retraining gives the shipped weights.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from newsgraph.eval.event_training import collect, cross_validate, train, weights_file

ROOT = Path(__file__).resolve().parents[1]
TARGET = ROOT / "src/newsgraph/nlp/knowledge/lexicons/event_weights.tsv"
GOLD = ROOT.parent / "shared" / "gold"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", nargs="+", type=Path, default=[GOLD / "dev", GOLD / "dev2"])
    parser.add_argument("--write", action="store_true", help="replace the shipped weights")
    args = parser.parse_args()
    dirs = tuple(args.gold)
    examples = collect(dirs)
    w = train(examples.articles)
    text = weights_file(w, examples, " + ".join(d.name for d in dirs))
    for line in text.splitlines():
        if not line.startswith("#"):
            print("  " + line)
    parts: list[tuple[str, set[str] | None]] = [("all", None)]
    if len(dirs) > 1:
        parts += [(d.name, {p.stem for p in d.glob("*.json")}) for d in dirs]
    print("\nleave-one-article-out | events | (source, type) P / R / F1 | with target F1")
    for part, names in parts:
        rules, learned = cross_validate(examples, names)
        for name, s in (("rules alone", rules), ("learned cut", learned)):
            p, r, f = s.prf()
            print(
                f"{name}, {part:<9} | {s.predicted:>4} | {p:.3f} / {r:.3f} / {f:.3f} | {s.prf(True)[2]:.3f}"
            )
    if args.write:
        TARGET.write_text(text, encoding="utf-8")
        print(f"wrote {TARGET.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
