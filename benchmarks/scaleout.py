"""The Dask engine against the built-in runner on the same articles and cores, in one run.

Usage: ``python benchmarks/scaleout.py [--shared DIR] [--workers 2] [--repeat N] [--limit N]``

Corpus (read from ``../shared`` at run time, never copied into the repository): the HTML pages
of the article-extraction benchmarks and the plain texts of every gold article (``gold/dev`` and
``gold/dev2``), written/linked into one temporary folder that both runs read.

Rows:

1. **built-in runner**: ``newsgraph ingest DIR --workers N --no-near-duplicates`` into a fresh
   SQLite file (worker processes, one writer); near-duplicates are analysed too, so both rows
   analyse the same articles;
2. **Dask**: ``newsgraph ingest DIR --engine dask --local-workers N`` (a LocalCluster of N
   worker processes x 1 thread, started by the command) into a fresh Parquet dataset, shards of
   ``--files-per-shard`` files;
3. **load**: ``newsgraph load``'s work (:func:`load_dataset`, timed in this process without
   interpreter start-up) on that dataset into a fresh SQLite file: the single writer alone (no
   NLP), which is what bounds a store fed by many analysis cores.

Times are wall-clock for the whole command (start-up, model loads and cluster start included).
Peak RSS per worker is what each worker process reports (``ru_maxrss``).  Then the cost model:
articles/s per core measured here, and the cores that Common Crawl News (about 380,000 articles a
day) and GDELT (about 730,000 a day) would need.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from throughput import REPO, build_corpus

CC_NEWS_PER_DAY = 380_000
GDELT_PER_DAY = 730_000
_PEAK = re.compile(r"(main|worker [^,\n]+?) (\d+) MB")


def run_cli(args: list[str]) -> tuple[float, dict[str, int], str]:
    start = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-m", "newsgraph", *args], capture_output=True, text=True, check=False
    )
    seconds = time.perf_counter() - start
    if proc.returncode not in (0, 1):
        raise SystemExit(f"newsgraph {' '.join(args)} failed:\n{proc.stderr[-3000:]}")
    peaks = {name: int(mb) for name, mb in _PEAK.findall(proc.stderr)}
    return seconds, peaks, proc.stdout + proc.stderr


def run_load(dataset: Path, db: Path) -> tuple[float, dict[str, int], str]:
    """``newsgraph load``'s work timed in this process: the writer alone, without interpreter start-up."""
    from newsgraph.distributed.load import load_dataset
    from newsgraph.store import open_store

    with open_store(db) as store:
        start = time.perf_counter()
        summary = load_dataset(str(dataset), store)
        seconds = time.perf_counter() - start
    return seconds, {}, summary.line()


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--files-per-shard", type=int, default=8)
    parser.add_argument("--limit", type=int, default=None, help="use only the first N HTML pages")
    parser.add_argument(
        "--repeat", type=int, default=1, help="run the rows N times, interleaved; report the best"
    )
    args = parser.parse_args()

    from newsgraph.nlp.pipeline import resolve_model_name
    from newsgraph.settings import Settings

    model = resolve_model_name(Settings.from_env())
    names = [
        "built-in runner (ingest into SQLite)",
        "Dask LocalCluster (ingest to Parquet)",
        "load Parquet into SQLite (the writer alone)",
    ]
    times: dict[str, list[float]] = {n: [] for n in names}
    memory: dict[str, int] = {}
    outputs: dict[str, str] = {}
    with tempfile.TemporaryDirectory(prefix="newsgraph-scaleout-") as tmp_name:
        tmp = Path(tmp_name)
        corpus = tmp / "corpus"
        corpus.mkdir()
        texts = build_corpus(args.shared, corpus, args.limit)
        for gold in sorted(args.shared.glob("gold/dev2/*.json")):
            text = json.loads(gold.read_text(encoding="utf-8"))["text"]
            (corpus / f"gold2-{gold.stem}.txt").write_text(text, encoding="utf-8")
            texts.append(text)
        n, words = len(texts), sum(len(t.split()) for t in texts)
        workers = str(args.workers)
        for run in range(max(1, args.repeat)):
            db, ds, loaded = tmp / f"builtin{run}.db", tmp / f"ds{run}", tmp / f"loaded{run}.db"
            rows = [
                ["ingest", str(corpus), "--db", str(db), "--workers", workers, "--no-near-duplicates",
                 "--quiet", "--no-progress"],
                ["ingest", str(corpus), "--engine", "dask", "--local-workers", workers, "--out", str(ds),
                 "--files-per-shard", str(args.files_per_shard), "--quiet", "--no-progress"],
                ["load", str(ds), "--db", str(loaded), "--quiet"],
            ]  # fmt: skip
            for name, argv in zip(names, rows, strict=True):
                seconds, peaks, output = run_load(ds, loaded) if argv[0] == "load" else run_cli(argv)
                times[name].append(seconds)
                outputs[name] = output
                for key, mb in peaks.items():
                    label = f"{name}|{'main' if key == 'main' else 'worker'}"
                    memory[label] = max(memory.get(label, 0), mb)
        db_bytes = sum(f.stat().st_size for f in tmp.glob("loaded0.db*"))
        ds_bytes = sum(f.stat().st_size for f in (tmp / "ds0").rglob("*.parquet"))

    print(f"{n} articles, {words:,} words, model {model}, {args.workers} workers x 1 thread, same cores\n")
    print("| run | seconds | articles/s | articles/s/core | vs built-in | peak RSS per worker |")
    print("|---|---|---|---|---|---|")
    best = {name: min(times[name]) for name in names}
    for name in names:
        rate = n / best[name]
        worker = memory.get(f"{name}|worker")
        per_core = f"{rate / args.workers:.2f}" if "load" not in name else "(one writer)"
        print(
            f"| {name} | {best[name]:.1f} | {rate:.2f} | {per_core} | "
            f"{best[names[0]] / best[name]:.2f}x | {f'{worker} MB' if worker else '-'} |"
        )
    if args.repeat > 1:
        print(f"\nbest of {args.repeat} interleaved runs; all times (s):")
        for name in names:
            print(f"- {name}: " + ", ".join(f"{t:.1f}" for t in times[name]))
    for name in names:
        summary = [line for line in outputs[name].splitlines() if re.search(r"added|articles written", line)]
        if summary:
            print(f"{name}: {summary[-1].strip()}")
    per_core = n / best[names[1]] / args.workers
    writer = n / best[names[2]]
    print(f"\ncost model (articles/s per core measured here with Dask: {per_core:.2f})")
    for label, per_day in (("CC-NEWS", CC_NEWS_PER_DAY), ("GDELT", GDELT_PER_DAY)):
        rate = per_day / 86_400
        print(
            f"- {label}: {per_day:,}/day = {rate:.1f} articles/s -> {rate / per_core:.1f} cores to keep up; "
            f"a 30-day backfill in one day: {30 * rate / per_core:.0f} cores"
        )
    print(
        f"- one SQLite writer (load, no NLP): {writer:.0f} articles/s = {writer * 86_400 / 1e6:.1f} M/day; "
        f"it is outrun by about {writer / per_core:.0f} analysis cores"
    )
    print(
        f"- storage: SQLite {db_bytes / n / 1024:.0f} KB/article, "
        f"Parquet {ds_bytes / n / 1024:.0f} KB/article "
        f"-> a year of CC-NEWS: SQLite {db_bytes / n * CC_NEWS_PER_DAY * 365 / 1e12:.1f} TB, "
        f"Parquet {ds_bytes / n * CC_NEWS_PER_DAY * 365 / 1e12:.1f} TB"
    )


if __name__ == "__main__":
    main()
