"""Build a realistic large database through the store's own write path, and time the writer.

Usage: ``python benchmarks/bigdb.py DB [--n 1000000] [--records FILE] [--shared DIR]``

Records: the gold texts (``../shared/gold/dev*``) and the benchmark pages
(``../shared/data/article-extraction/*/html``) analysed once by ``newsgraph analyze`` and
cached as JSON Lines (``.bench-cache/records.jsonl``, ignored by git: the texts are not ours
to redistribute).  Article ``n`` is record ``n mod R`` varied so that hashes, actors and dates
spread like a year of news:

* text: a line of 12-40 words drawn from a growing invented vocabulary is appended (so the
  hash and the full-text vocabulary change; spans are untouched);
* persons and organisations get invented names drawn from a Zipf distribution (a = 1.3) over an
  unbounded population: a few actors are in most articles, most actors in one or two; quotes'
  speakers and events' sides follow their entity's new name;
* publication time: uniform over 2024 (3 % undated); outlet: Zipf over 300 outlets.

Articles are written by ``SQLiteStore.add_many`` (the path ingest uses: a savepoint per article,
a transaction per 500), in chunks of 1,000 generated before the clock starts.  Every
``--report`` articles a row gives the writer's wall and CPU time per 1,000 articles over the
last chunk window, the file size (database + WAL) and bytes per article against the bytes of
article text stored.  Re-running on the same file continues where it stopped (article ``n`` is
always the same), so a long build can be stopped and resumed.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CACHE = REPO / ".bench-cache" / "records.jsonl"
SYLLABLES = [
    "ka",
    "lo",
    "mi",
    "ren",
    "sta",
    "vo",
    "dru",
    "pel",
    "ix",
    "an",
    "mor",
    "tes",
    "qui",
    "bel",
    "ran",
]
GIVEN = ["Ana", "Boris", "Chen", "Dara", "Emil", "Fatima", "Goran", "Hana", "Ivan", "Julia", "Kofi", "Lena"]


def analyse_corpus(shared: Path, cache: Path) -> None:
    """Analyse the gold texts and benchmark pages once with ``newsgraph analyze``; cache records."""
    pages = sorted(shared.glob("data/article-extraction/*/html/*.html.gz"))
    golds = sorted(shared.glob("gold/dev*/*.json"))
    if not pages and not golds:
        sys.exit(f"no gold texts or benchmark pages under {shared}; give --shared or --records")
    cache.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="newsgraph-bigdb-") as tmp:
        folder = Path(tmp)
        for page in pages:
            (folder / f"{page.parent.parent.name}-{page.name}").symlink_to(page.resolve())
        for gold in golds:
            text = json.loads(gold.read_text(encoding="utf-8"))["text"]
            (folder / f"gold-{gold.parent.name}-{gold.stem}.txt").write_text(text, encoding="utf-8")
        with cache.open("w", encoding="utf-8") as out:
            subprocess.run(
                [
                    sys.executable,
                    "-m",
                    "newsgraph",
                    "analyze",
                    "--no-progress",
                    "--format",
                    "jsonl",
                    str(folder),
                ],
                stdout=out,
                check=True,
            )


def word(rng: random.Random, k: int) -> str:
    """An invented word; ``k`` picks it (different k, usually different word)."""
    rng2 = random.Random(k)
    return "".join(rng2.choice(SYLLABLES) for _ in range(2 + k % 3)) + (str(k % 97) if k % 5 == 0 else "")


def zipf(rng: random.Random, a: float) -> int:
    """A Zipf-distributed integer >= 1 (rejection sampling, Devroye), without numpy."""
    b = 2.0 ** (a - 1.0)
    while True:
        u, v = 1.0 - rng.random(), rng.random()
        x = int(u ** (-1.0 / (a - 1.0)))
        t = (1.0 + 1.0 / x) ** (a - 1.0)
        if v * x * (t - 1.0) / (b - 1.0) <= t / b:
            return x


def invented_name(kind: str, k: int) -> str:
    rng = random.Random(k * 7919 + (1 if kind == "ORG" else 0))
    surname = "".join(rng.choice(SYLLABLES) for _ in range(3)).capitalize()
    if kind == "ORG":
        return f"{surname} {rng.choice(['Institute', 'Group', 'Party', 'Council', 'Bank', 'Agency'])}"
    return f"{GIVEN[k % len(GIVEN)]} {surname}"


def vary(base: object, n: int) -> object:
    """Article ``n``: record ``base`` with new text tail, names, date and outlet (see the docstring)."""
    from newsgraph.records import Article

    assert isinstance(base, Article)
    rng = random.Random(n)
    tail = " ".join(word(rng, zipf(rng, 1.1) + n // 50) for _ in range(rng.randrange(12, 40)))
    renamed: dict[str, str] = {}
    entities = []
    for entity in base.entities:
        if entity.type in ("PERSON", "ORG"):
            new = invented_name(entity.type, zipf(rng, 1.3))
            for old in (entity.name, *entity.aliases):
                renamed.setdefault(old, new if old == entity.name else new.split()[-1])
            aliases = tuple(renamed.get(a, a) for a in entity.aliases)
            entity = dataclasses.replace(entity, name=new, aliases=aliases)
        entities.append(entity)
    quotes = tuple(
        dataclasses.replace(q, speaker=renamed.get(q.speaker or "", q.speaker)) for q in base.quotes
    )
    events = tuple(
        dataclasses.replace(
            e, source=renamed.get(e.source or "", e.source), target=renamed.get(e.target or "", e.target)
        )
        for e in base.events
    )
    published = None
    if rng.random() > 0.03:
        second = rng.randrange(366 * 86400)
        published = time.strftime("%Y-%m-%dT%H:%M:%S+00:00", time.gmtime(1704067200 + second))
    outlet = f"Outlet {zipf(rng, 1.2) % 300}"
    return dataclasses.replace(
        base,
        id=f"big-{n}",
        text=f"{base.text}\n{tail}.",
        published=published,
        outlet=outlet,
        entities=tuple(entities),
        quotes=quotes,
        events=events,
        provenance=None,
    )


def size_of(db: Path) -> int:
    return sum(p.stat().st_size for p in (db, Path(f"{db}-wal")) if p.exists())


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("db", type=Path)
    parser.add_argument("--n", type=int, default=1_000_000, help="articles to reach (default 1,000,000)")
    parser.add_argument("--records", type=Path, default=CACHE, help="cached analysed records (JSON Lines)")
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    parser.add_argument("--report", type=int, default=10_000, help="print a row every N articles")
    parser.add_argument("--log", type=Path, default=None, help="also append the rows as JSON Lines here")
    args = parser.parse_args()

    from newsgraph.records import Article
    from newsgraph.store import open_store

    if not args.records.exists():
        analyse_corpus(args.shared, args.records)
    with args.records.open(encoding="utf-8") as lines:
        records = [Article.from_dict(json.loads(line)) for line in lines if line.strip()]
    print(f"{len(records)} analysed records; building {args.db} up to {args.n:,} articles", flush=True)
    print(
        f"{'articles':>10} {'wall s/1k':>10} {'cpu s/1k':>9} {'MB':>9} {'B/article':>10} "
        f"{'text B/art':>10} {'db/text':>8}"
    )
    with open_store(args.db) as store:
        done = store.count()
        text_bytes = store.connection.execute(
            "SELECT coalesce(sum(length(CAST(text AS BLOB))), 0) FROM articles"
        ).fetchone()[0]
        wall = cpu = 0.0
        window = 0
        while done < args.n:
            chunk = [vary(records[n % len(records)], n) for n in range(done, min(args.n, done + 1000))]
            w0, c0 = time.perf_counter(), time.process_time()
            store.add_many(chunk)
            wall += time.perf_counter() - w0
            cpu += time.process_time() - c0
            window += len(chunk)
            text_bytes += sum(len(a.text.encode("utf-8")) for a in chunk)  # type: ignore[attr-defined]
            done += len(chunk)
            if done // args.report > (done - len(chunk)) // args.report or done >= args.n:
                size = size_of(args.db)
                row = {
                    "articles": done,
                    "wall_s_per_1k": wall / window * 1000,
                    "cpu_s_per_1k": cpu / window * 1000,
                    "mb": size / 1e6,
                    "bytes_per_article": size / done,
                    "text_bytes_per_article": text_bytes / done,
                    "db_over_text": size / text_bytes,
                }
                print(
                    f"{done:>10,} {row['wall_s_per_1k']:>10.2f} {row['cpu_s_per_1k']:>9.2f} "
                    f"{row['mb']:>9.1f} "
                    f"{row['bytes_per_article']:>10,.0f} {row['text_bytes_per_article']:>10,.0f} "
                    f"{row['db_over_text']:>8.2f}",
                    flush=True,
                )
                if args.log:
                    with args.log.open("a", encoding="utf-8") as log:
                        log.write(json.dumps(row) + "\n")
                wall = cpu = 0.0
                window = 0
    os.sync()


if __name__ == "__main__":
    main()
