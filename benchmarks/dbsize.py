"""Where a store's bytes go: each table with its indexes, per article and against the text.

Usage: ``python benchmarks/dbsize.py DB [--top 25]``

Reads SQLite's ``dbstat`` virtual table (the pages each table and index occupies, free space
in them included) read-only, so it can run beside a writer.  The ratio the issue targets is the
file size over the UTF-8 bytes of ``articles.text``; run it on a checkpointed file (or a
``VACUUM INTO`` copy, which also drops the free pages) and say which.  FTS5 shadow tables are
grouped under their FTS table, an index under its table.
"""

from __future__ import annotations

import argparse
import sqlite3
from collections import Counter
from pathlib import Path


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("db", type=Path)
    parser.add_argument("--top", type=int, default=25, help="rows to print (the rest summed)")
    args = parser.parse_args()
    conn = sqlite3.connect(f"file:{args.db}?mode=ro", uri=True)
    owner = {
        name: table
        for name, table in conn.execute(
            "SELECT name, tbl_name FROM sqlite_master WHERE type IN ('table', 'index')"
        )
    }
    fts = [
        r[0]
        for r in conn.execute("SELECT name FROM sqlite_master WHERE sql LIKE 'CREATE VIRTUAL TABLE%fts5%'")
    ]
    sizes: Counter[str] = Counter()
    detail: Counter[str] = Counter()
    for name, size in conn.execute("SELECT name, sum(pgsize) FROM dbstat GROUP BY name"):
        table = owner.get(name, name)
        for base in fts:
            if table.startswith(base + "_"):
                table = base
        sizes[table] += size
        detail[name] += size
    articles, text = conn.execute(
        "SELECT count(*), total(length(CAST(text AS BLOB))) FROM articles"
    ).fetchone()
    page_size, pages, free = (
        conn.execute(f"PRAGMA {p}").fetchone()[0] for p in ("page_size", "page_count", "freelist_count")
    )
    file_bytes = args.db.stat().st_size
    total = sum(sizes.values())
    print(f"{args.db}: {file_bytes:,} bytes, {articles:,} articles, {text:,.0f} bytes of article text")
    print(f"file / text = {file_bytes / text:.3f}; free pages {free:,} of {pages:,} ({free * page_size:,} B)")
    print()
    print("| table (with its indexes) | bytes | bytes / article | share of text |")
    print("|---|---|---|---|")
    rest = 0
    for i, (table, size) in enumerate(sizes.most_common()):
        if i >= args.top:
            rest += size
            continue
        print(f"| `{table}` | {size:,} | {size / articles:,.0f} | {size / text:.3f} |")
    if rest:
        print(
            f"| (the other {len(sizes) - args.top}) | {rest:,} | {rest / articles:,.0f} | {rest / text:.3f} |"
        )
    print(f"| **all** | {total:,} | {total / articles:,.0f} | {total / text:.3f} |")
    print()
    print("Largest indexes:")
    indexes = [
        (n, s) for n, s in detail.most_common() if owner.get(n, n) != n or n.startswith("sqlite_autoindex")
    ]
    for name, size in indexes[:12]:
        print(f"  {name} (on {owner.get(name, '?')}): {size / articles:,.0f} bytes / article")


if __name__ == "__main__":
    main()
