"""Speed of the analyze core against bare spaCy, measured in one run on the same texts.

Usage: ``python benchmarks/analyze_speed.py [--shared DIR] [--repeat N]``

Texts: the plain-text gold articles in ``../shared/gold/dev`` and the bundled ``examples/``
(``.txt``).  Three rows, one process, the same loaded model:

1. bare spaCy: ``nlp.pipe`` over the texts with the model's own components only;
2. spaCy + newsgraph components: the same, with newsgraph's components added;
3. ``analyze_many`` end to end: reading, cleaning, the pipeline, and building records.

Each row prints articles/s, words/s and its ratio to bare spaCy.  Timings are the best of
``--repeat`` runs (the machine is shared; the best run is the least disturbed one).
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Callable
from pathlib import Path

import spacy

from newsgraph.core import analyze_many
from newsgraph.ingest.base import RawDocument
from newsgraph.nlp.pipeline import load_pipeline, resolve_model_name
from newsgraph.settings import Settings

REPO = Path(__file__).resolve().parents[1]


def load_texts(shared: Path) -> list[str]:
    texts = [
        json.loads(p.read_text(encoding="utf-8"))["text"] for p in sorted(shared.glob("gold/dev/*.json"))
    ]
    texts += [p.read_text(encoding="utf-8") for p in sorted((REPO / "examples").glob("*.txt"))]
    return texts


def best_of(repeat: int, fn: Callable[[], object]) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    texts = load_texts(args.shared)
    words = sum(len(t.split()) for t in texts)
    settings = Settings.from_env()
    bare = spacy.load(resolve_model_name(settings))
    full = load_pipeline(settings)
    bs = settings.batch_size

    rows = [
        ("bare spaCy nlp.pipe", best_of(args.repeat, lambda: list(bare.pipe(texts, batch_size=bs)))),
        ("spaCy + newsgraph components", best_of(args.repeat, lambda: list(full.pipe(texts, batch_size=bs)))),
        (
            "analyze_many (end to end)",
            best_of(
                args.repeat,
                lambda: list(analyze_many((RawDocument(data=t, format="text") for t in texts), settings)),
            ),
        ),
    ]
    base = rows[0][1]
    print(f"{len(texts)} articles, {words:,} words, model {resolve_model_name(settings)}, 1 process\n")
    print("| run | seconds | articles/s | words/s | throughput vs bare spaCy |")
    print("|---|---|---|---|---|")
    for name, seconds in rows:
        rate, wps, ratio = len(texts) / seconds, words / seconds, base / seconds
        print(f"| {name} | {seconds:.2f} | {rate:.1f} | {wps:,.0f} | {ratio:.2f}x |")


if __name__ == "__main__":
    main()
