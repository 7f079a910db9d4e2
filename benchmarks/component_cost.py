"""What each pipeline component costs, against spaCy's own components, in one process and one run.

Usage: ``python benchmarks/component_cost.py [--gold DIR ...] [--repeat N]``

Runs every component of the loaded pipeline by hand over the gold texts (default
``../shared/gold/dev`` and ``dev2``, read at run time), timing each call, and keeps each
component's best total over N repeats.  The table gives each component's seconds and its cost as
a share of spaCy's own components (tok2vec, tagger, parser, attribute ruler, lemmatizer, NER) --
the baseline measured in the same run.  Issue 12's budget: the discourse layer (inside
``newsgraph_entities``) and ``newsgraph_quotes`` together at most 15% of bare spaCy.
"""

from __future__ import annotations

import argparse
import json
import time
from collections import defaultdict
from pathlib import Path

from newsgraph.core import make_doc
from newsgraph.extract.base import ExtractedArticle
from newsgraph.nlp.pipeline import load_pipeline

GOLD = Path(__file__).resolve().parents[2] / "shared" / "gold"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", nargs="+", type=Path, default=[GOLD / "dev", GOLD / "dev2"])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    nlp = load_pipeline()
    texts = [json.loads(p.read_text())["text"] for d in args.gold for p in sorted(d.glob("*.json"))]
    best: dict[str, float] = {}
    for _ in range(args.repeat):
        spent: dict[str, float] = defaultdict(float)
        for text in texts:
            doc = make_doc(nlp, ExtractedArticle(text=text, title=text.split("\n", 1)[0]))
            for name, proc in nlp.pipeline:
                started = time.perf_counter()
                doc = proc(doc)
                spent[name] += time.perf_counter() - started
        for name, seconds in spent.items():
            best[name] = min(best.get(name, float("inf")), seconds)
    base = sum(s for n, s in best.items() if not n.startswith("newsgraph"))
    words = sum(len(t.split()) for t in texts)
    print(f"{len(texts)} gold texts, {words:,} words, best of {args.repeat} runs\n")
    print("| component | seconds | vs spaCy's own components |")
    print("|---|---|---|")
    for name, seconds in best.items():
        print(f"| {name} | {seconds:.3f} | {100 * seconds / base:.1f}% |")
    print(f"| **spaCy's own components** | {base:.3f} | 100% |")
    ours = {n: s for n, s in best.items() if n.startswith("newsgraph")}
    budget = ours.get("newsgraph_entities", 0.0) + ours.get("newsgraph_quotes", 0.0)
    print(f"| **discourse + entities + quotes** | {budget:.3f} | **{100 * budget / base:.1f}%** |")
    print(f"| all newsgraph components | {sum(ours.values()):.3f} | {100 * sum(ours.values()) / base:.1f}% |")


if __name__ == "__main__":
    main()
