"""Time the spaCy pipeline with and without the quotes component on the gold dev texts.

Usage: python benchmarks/quotes_speed.py [GOLD_DIR] [--repeat N]

Prints the seconds of ``nlp.pipe`` over the texts for the pipeline without
``newsgraph_quotes`` and for the same pipeline with it, and the overhead in percent (the
issue's budget is 15%).  Both runs share one loaded model; the best of N repeats is kept.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from newsgraph.core import make_doc
from newsgraph.extract.base import ExtractedArticle
from newsgraph.nlp.pipeline import load_pipeline

DEFAULT_GOLD = Path(__file__).resolve().parents[2] / "shared" / "gold" / "dev"


def _best(run: list[float]) -> float:
    return min(run)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", nargs="?", type=Path, default=DEFAULT_GOLD)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    texts = [json.loads(p.read_text("utf-8"))["text"] for p in sorted(args.gold.glob("*.json"))]
    nlp = load_pipeline()
    words = sum(len(t.split()) for t in texts)

    def run(disable: list[str]) -> float:
        docs = [make_doc(nlp, ExtractedArticle(text=t, title=t.split("\n", 1)[0])) for t in texts]
        start = time.perf_counter()
        with nlp.select_pipes(disable=disable):
            for _ in nlp.pipe(docs, batch_size=16):
                pass
        return time.perf_counter() - start

    run([])  # warm-up
    without, with_quotes = [], []
    for _ in range(args.repeat):
        without.append(run(["newsgraph_quotes"]))
        with_quotes.append(run([]))
    base, full = _best(without), _best(with_quotes)
    print(f"{len(texts)} texts, {words:,} words; best of {args.repeat}")
    print(f"{'pipeline':<34}{'seconds':>9}{'words/s':>10}")
    print(f"{'spaCy + layout (no quotes)':<34}{base:>9.3f}{words / base:>10,.0f}")
    print(f"{'with newsgraph_quotes':<34}{full:>9.3f}{words / full:>10,.0f}")
    print(f"quotes overhead: {100 * (full - base) / base:.1f}% (budget 15%)")


if __name__ == "__main__":
    main()
