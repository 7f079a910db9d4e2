"""FTS rows per batch versus per article: CPU per article of the two write paths on a fresh database.

Usage: ``python benchmarks/fts_batch.py [--n 2000] [--repeat 3] [--records FILE]``

The two paths that store articles: ``SQLiteStore.add_many`` (batches of 500) and the ingest
``Writer`` (``newsgraph ingest``: a transaction per 200 inputs, here given as ready results so
that only the writing is timed).

``add_many`` writes each article in a savepoint; FTS5 flushes its pending terms whenever a
savepoint is released, so indexing each article inside its savepoint writes many small FTS
segments.  The store now inserts the FTS rows of a whole batch at once, before the commit.
Both paths now insert the FTS rows of a whole transaction at once, before the commit.
This script times the old and the new way of each path, interleaved in one run, on the cached
analysed records of ``benchmarks/bigdb.py`` (varied the same way), and prints the best CPU
time of each and the ratio.
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path
from unittest import mock

from bigdb import CACHE, vary


def run(articles: list[object], per_article: bool) -> float:
    from newsgraph.store import open_store
    from newsgraph.store import sqlite as store_sqlite

    with tempfile.TemporaryDirectory() as tmp, open_store(Path(tmp) / "f.db") as store:
        if per_article:  # the old way: FTS rows inside each article's savepoint
            original = store.insert

            def inline(article: object, now: str | None = None, *, index: bool = True) -> int | None:
                return original(article, now, index=True)  # type: ignore[arg-type]

            with (
                mock.patch.object(store, "insert", inline),
                mock.patch.object(store_sqlite, "index_articles", lambda db, seqs: None),
            ):
                start = time.process_time()
                store.add_many(articles)  # type: ignore[arg-type]
                return time.process_time() - start
        start = time.process_time()
        store.add_many(articles)  # type: ignore[arg-type]
        return time.process_time() - start


def run_writer(articles: list[object], per_article: bool) -> float:
    """The ingest Writer over ready results (no analysis), COMMIT_EVERY inputs per transaction."""
    from newsgraph.ingest import writer as writer_module
    from newsgraph.ingest.worker import WorkResult
    from newsgraph.records import Article, text_sha256
    from newsgraph.store import open_store
    from newsgraph.store.ingest_state import SourceRow

    results = []
    for n, article in enumerate(articles):
        assert isinstance(article, Article)
        row = SourceRow(source=f"bench:{n}", text_sha256=text_sha256(article.text))
        results.append(WorkResult(label=str(n), status="article", article=article, source=row))
    with (
        tempfile.TemporaryDirectory() as tmp,
        open_store(Path(tmp) / "f.db") as store,
        mock.patch.object(writer_module, "COMMIT_SECONDS", 3600.0),  # batches by count only
        writer_module.Writer(store, near_dups=False) as writer,
    ):
        if per_article:  # the old way: FTS rows inside each input's savepoint
            original = store.insert

            def inline(article: object, now: str | None = None, *, index: bool = True) -> int | None:
                return original(article, now, index=True)  # type: ignore[arg-type]

            with (
                mock.patch.object(store, "insert", inline),
                mock.patch.object(writer_module, "index_articles", lambda db, seqs: None),
            ):
                start = time.process_time()
                for r in results:
                    writer.write(r)
                writer.commit()
                return time.process_time() - start
        start = time.process_time()
        for r in results:
            writer.write(r)
        writer.commit()
        return time.process_time() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--n", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--records", type=Path, default=CACHE, help="cached analysed records (bigdb.py)")
    args = parser.parse_args()
    from newsgraph.records import Article

    with args.records.open(encoding="utf-8") as lines:
        records = [Article.from_dict(json.loads(line)) for line in lines if line.strip()]
    articles = [vary(records[n % len(records)], n) for n in range(args.n)]
    paths = {
        "SQLiteStore.add_many (500 per transaction)": run,
        "ingest Writer (200 per transaction)": run_writer,
    }
    best = {(path, per): float("inf") for path in paths for per in (True, False)}
    for _ in range(args.repeat):
        for path, timed in paths.items():
            for per_article in (True, False):
                key = (path, per_article)
                best[key] = min(best[key], timed(articles, per_article))
    print(f"CPU ms per article, {args.n} articles on a fresh database, best of {args.repeat}")
    print(
        "| write path | FTS rows per article (in its savepoint) | per transaction (before COMMIT) | new/old |"
    )
    print("|---|---|---|---|")
    for path in paths:
        old, new = best[(path, True)] / args.n * 1000, best[(path, False)] / args.n * 1000
        print(f"| {path} | {old:.3f} | {new:.3f} | {new / old:.2f} |")


if __name__ == "__main__":
    main()
