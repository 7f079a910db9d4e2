"""FTS rows per batch versus per article: CPU per article of ``add_many`` on a fresh database.

Usage: ``python benchmarks/fts_batch.py [--n 2000] [--repeat 3]``

``add_many`` writes each article in a savepoint; FTS5 flushes its pending terms whenever a
savepoint is released, so indexing each article inside its savepoint writes many small FTS
segments.  The store now inserts the FTS rows of a whole batch at once, before the commit.
This script times both ways, interleaved, on the cached analysed records of
``benchmarks/bigdb.py`` (varied the same way), and prints the best CPU time of each.
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--n", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    from newsgraph.records import Article

    with CACHE.open(encoding="utf-8") as lines:
        records = [Article.from_dict(json.loads(line)) for line in lines if line.strip()]
    articles = [vary(records[n % len(records)], n) for n in range(args.n)]
    best = {True: float("inf"), False: float("inf")}
    for _ in range(args.repeat):
        for per_article in (True, False):
            best[per_article] = min(best[per_article], run(articles, per_article))
    print(f"| FTS rows | CPU ms per article ({args.n} articles, best of {args.repeat}) |")
    print("|---|---|")
    print(f"| per article (in its savepoint) | {best[True] / args.n * 1000:.3f} |")
    print(f"| per batch of 500 (before the commit) | {best[False] / args.n * 1000:.3f} |")


if __name__ == "__main__":
    main()
