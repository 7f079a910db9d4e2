"""End-to-end throughput against bare spaCy, in one run, same model, same number of processes.

Usage: ``python benchmarks/throughput.py [--shared DIR] [--workers N] [--limit N]``

Corpus (read from ``../shared`` at run time, never copied into the repository): the HTML pages
of the article-extraction benchmarks (``data/article-extraction/*/html/*.html.gz``) and the
plain texts of the gold articles (``gold/dev/*.json``).  They are linked/written into a
temporary directory, which is what the CLI rows read.

Rows:

1. **bare spaCy**: ``spacy.load(model)`` in ``N`` spawned processes, ``nlp.pipe`` over the
   texts newsgraph analyses (the extracted article bodies and the gold texts), in chunks of
   ``batch_size``: the same harness shape as newsgraph's workers, start-up included;
2. **spaCy + newsgraph components**: the same harness with newsgraph's entity, quote and event
   components added (no extraction, no records): what the NLP stages cost by themselves;
3. **newsgraph analyze**: the command end to end (reading, HTML extraction, our components,
   records as JSON on stdout), ``--workers N``;
4. **newsgraph ingest**: the same into a fresh SQLite file (store writes, near-duplicate index,
   statement keys).

Articles/s and words/s use the same article and word counts for every row (words of the texts
spaCy sees), so the ratios compare time only.  Peak RSS is per process: each worker, and the
parent (for the CLI rows, as the command reports it on stderr).

``--repeat N`` runs the four rows N times, interleaved (row 1, 2, 3, 4, then again), and the
table shows each row's best time (the usual way to read a benchmark on a machine whose speed
drifts: on this 2-core VM one row varies by about +-5% from run to run); every time measured
is printed under the table.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
_NLP = None


def _init(model: str, components: bool = False) -> None:
    global _NLP
    import spacy

    _NLP = spacy.load(model)
    if components:  # newsgraph's entity, quote and event components, without the engine around them
        from newsgraph.nlp.pipeline import add_components

        add_components(_NLP)


def _pipe(texts: list[str]) -> tuple[int, int, int]:
    assert _NLP is not None
    tokens = sum(len(doc) for doc in _NLP.pipe(texts, batch_size=len(texts)))
    return tokens, os.getpid(), resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def bare_spacy(
    texts: list[str], model: str, workers: int, batch: int, components: bool = False
) -> tuple[float, dict[int, int]]:
    start = time.perf_counter()
    peaks: dict[int, int] = {}
    ctx = get_context("spawn")
    with ProcessPoolExecutor(
        workers, mp_context=ctx, initializer=_init, initargs=(model, components)
    ) as pool:
        chunks = [texts[i : i + batch] for i in range(0, len(texts), batch)]
        for _, pid, peak in pool.map(_pipe, chunks):
            peaks[pid] = max(peaks.get(pid, 0), peak)
    return time.perf_counter() - start, peaks


def build_corpus(shared: Path, folder: Path, limit: int | None) -> list[str]:
    """Link the HTML pages and write the gold texts into ``folder``; return the texts spaCy sees."""
    from newsgraph.extract import extract
    from newsgraph.ingest.base import RawDocument

    texts: list[str] = []
    pages = sorted(shared.glob("data/article-extraction/*/html/*.html.gz"))
    for page in pages[:limit]:
        try:
            article = extract(
                RawDocument(data=gzip.decompress(page.read_bytes()), format="html", path=str(page))
            )
        except Exception:
            continue  # pages newsgraph cannot extract are not counted for anyone
        link = folder / f"{page.parent.parent.name}-{page.name}"
        link.symlink_to(page)
        texts.append(article.text)
    for gold in sorted(shared.glob("gold/dev/*.json")):
        text = json.loads(gold.read_text(encoding="utf-8"))["text"]
        (folder / f"gold-{gold.stem}.txt").write_text(text, encoding="utf-8")
        texts.append(text)
    return texts


def run_cli(args: list[str], stdout: int | None = subprocess.DEVNULL) -> tuple[float, dict[str, int], str]:
    start = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-m", "newsgraph", *args],
        stdout=stdout,
        stderr=subprocess.PIPE,
        text=True,
        check=False,
    )
    seconds = time.perf_counter() - start
    peaks = {}
    for name, mb in re.findall(r"(main|worker \d+) (\d+) MB", proc.stderr):
        peaks[name] = int(mb) * 1024
    return seconds, peaks, (proc.stdout or "") + proc.stderr


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--batch-size", type=int, default=16)
    parser.add_argument("--limit", type=int, default=None, help="use only the first N HTML pages")
    parser.add_argument("--repeat", type=int, default=1, help="run the rows N times; report the best")
    args = parser.parse_args()

    from newsgraph.nlp.pipeline import resolve_model_name
    from newsgraph.settings import Settings

    model = resolve_model_name(Settings.from_env())
    with tempfile.TemporaryDirectory(prefix="newsgraph-bench-") as tmp:
        corpus = Path(tmp) / "corpus"
        corpus.mkdir()
        texts = build_corpus(args.shared, corpus, args.limit)
        n, words = len(texts), sum(len(t.split()) for t in texts)
        common = ["--workers", str(args.workers), "--batch-size", str(args.batch_size), "--no-progress"]
        names = [
            "bare spaCy nlp.pipe",
            "spaCy + newsgraph components",
            "newsgraph analyze (end to end)",
            "newsgraph ingest into SQLite",
        ]
        times: dict[str, list[float]] = {name: [] for name in names}
        memory: dict[str, dict[str, int]] = {name: {} for name in names}
        db = Path(tmp) / "bench.db"
        err = ""
        for _ in range(max(1, args.repeat)):
            for name in names:
                if name.startswith("bare"):
                    seconds, peaks = bare_spacy(texts, model, args.workers, args.batch_size)
                    found = {f"worker {p}": kb for p, kb in peaks.items()}
                elif name.startswith("spaCy +"):
                    seconds, peaks = bare_spacy(texts, model, args.workers, args.batch_size, components=True)
                    found = {f"worker {p}": kb for p, kb in peaks.items()}
                elif "analyze" in name:
                    seconds, found, err = run_cli(["analyze", str(corpus), *common])
                else:
                    for leftover in Path(tmp).glob("bench.db*"):
                        leftover.unlink()  # every ingest starts from an empty database
                    seconds, found, err = run_cli(
                        ["ingest", str(corpus), "--db", str(db), "--quiet", *common], stdout=subprocess.PIPE
                    )
                times[name].append(seconds)
                for key, kb in found.items():  # the largest worker and the parent, over the runs
                    label = "main" if key == "main" else "worker"
                    memory[name][label] = max(memory[name].get(label, 0), kb)
        rows = [(name, min(times[name]), memory[name]) for name in names]
        copies = re.search(r"(\d+) copies linked", err)
        proc = subprocess.run(
            [sys.executable, "-m", "newsgraph", "ingest", str(corpus), "--db", str(db), "--quiet", *common],
            capture_output=True,
            text=True,
            check=False,
        )
        summary = [line for line in proc.stdout.splitlines() if "added" in line]

    print(
        f"{n} articles, {words:,} words, model {model}, {args.workers} processes, batch {args.batch_size}\n"
    )
    print("| run | seconds | articles/s | words/s | vs bare spaCy | peak RSS per worker | peak RSS parent |")
    print("|---|---|---|---|---|---|---|")
    base = rows[0][1]
    for name, seconds, peaks in rows:
        workers = [kb for k, kb in peaks.items() if k.startswith("worker")]
        worker_mb = f"{max(workers) / 1024:.0f} MB" if workers else "-"
        parent_mb = f"{peaks['main'] / 1024:.0f} MB" if "main" in peaks else "-"
        print(
            f"| {name} | {seconds:.1f} | {n / seconds:.2f} | {words / seconds:,.0f} | "
            f"{base / seconds:.2f}x | {worker_mb} | {parent_mb} |"
        )
    if args.repeat > 1:
        print(f"\nbest of {args.repeat} interleaved runs; all times (s):")
        for name, _, _ in rows:
            print(f"- {name}: " + ", ".join(f"{t:.1f}" for t in times[name]))
    if copies:
        print(f"\n(ingest linked {copies.group(1)} near/exact copies instead of analysing them)")
    if summary:
        print(f"rerun of the ingest: {summary[-1].strip()}")


if __name__ == "__main__":
    main()
