"""The store's record of where articles came from: ``article_sources`` and ``statement_keys``.

Kept out of :mod:`newsgraph.store.sqlite` (connections, transactions) and
:mod:`newsgraph.store.sqlite_rows` (the record <-> row mapping) because it is a different idea:
what an ingest needs to resume (which inputs are done, by URL, by input bytes, by text) and to
link copies to their canonical article.  Every function takes a connection; the writing ones
run inside the caller's transaction, next to the article they describe, so a crash can never
leave an article without its source row or the reverse.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from urllib.parse import urlsplit

from newsgraph.dedup import statement_hash
from newsgraph.records import Article
from newsgraph.store.sqlite_rows import utc_timestamp

RELATIONS = ("original", "exact", "near")

_UPSERT = (
    "INSERT INTO article_sources (source, text_sha256, article_seq, relation, similarity, input_sha256, "
    "source_url, source_path, source_format, title, outlet, site, published, published_utc, fetched_at, "
    "ingested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
    "ON CONFLICT (source, text_sha256) DO UPDATE SET "
    "input_sha256 = coalesce(excluded.input_sha256, input_sha256), "
    "fetched_at = coalesce(excluded.fetched_at, fetched_at)"
)


@dataclass(frozen=True, slots=True)
class SourceRow:
    """One input that resolved to a stored article (see ``article_sources`` in SCHEMA_DOC)."""

    source: str
    text_sha256: str
    relation: str = "original"
    similarity: float | None = 1.0
    input_sha256: str | None = None
    url: str | None = None
    path: str | None = None
    format: str | None = None
    title: str | None = None
    outlet: str | None = None
    published: str | None = None
    fetched_at: str | None = None


def site_of(url: str | None) -> str | None:
    """The host of ``url`` in lower case without ``www.``; None when there is none."""
    if not url:
        return None
    try:
        host = urlsplit(url).hostname
    except ValueError:
        return None
    if not host:
        return None
    return host[4:] if host.startswith("www.") else host


def source_key(url: str | None, path: str | None, text_sha256: str) -> str:
    """The key an input is known by: its URL, else its path, else its text hash."""
    return url or path or f"sha256:{text_sha256}"


def article_source(article: Article, text_sha256: str) -> SourceRow:
    """The 'original' source row of an article, from what the article itself records."""
    src = article.source
    return SourceRow(
        source=source_key(src.url, src.path, text_sha256),
        text_sha256=text_sha256,
        url=src.url,
        path=src.path,
        format=src.format,
        title=article.title,
        outlet=article.outlet,
        published=article.published,
    )


def record_source(db: sqlite3.Connection, seq: int, row: SourceRow, now: str) -> None:
    """Insert (or complete) one source row pointing at article ``seq``."""
    if row.relation not in RELATIONS:
        raise ValueError(f"relation must be one of {RELATIONS}, not {row.relation!r}")
    db.execute(
        _UPSERT,
        (
            row.source,
            row.text_sha256,
            seq,
            row.relation,
            row.similarity,
            row.input_sha256,
            row.url,
            row.path,
            row.format,
            row.title,
            row.outlet,
            site_of(row.url),
            row.published,
            utc_timestamp(row.published),
            row.fetched_at,
            now,
        ),
    )


def record_article(db: sqlite3.Connection, seq: int, article: Article, key: str, now: str) -> None:
    """What the store writes with every new article: its source row and its statement keys."""
    record_source(db, seq, article_source(article, key), now)
    if article.quotes:
        ids = [
            r[0] for r in db.execute("SELECT quote_id FROM quotes WHERE article_seq = ? ORDER BY idx", (seq,))
        ]
        db.executemany(
            "INSERT INTO statement_keys (quote_id, key) VALUES (?, ?)",
            [(qid, statement_hash(q.text)) for qid, q in zip(ids, article.quotes, strict=True)],
        )


def seq_of_text(db: sqlite3.Connection, text_sha256: str) -> int | None:
    """The stored article whose text, or one of whose copies' text, has this hash."""
    row = db.execute("SELECT seq FROM articles WHERE text_sha256 = ?", (text_sha256,)).fetchone()
    if row is None:
        row = db.execute(
            "SELECT article_seq FROM article_sources WHERE text_sha256 = ? LIMIT 1", (text_sha256,)
        ).fetchone()
    return None if row is None else int(row[0])


def known_source(db: sqlite3.Connection, source: str) -> bool:
    """Whether an input with this key (URL, path) has been stored, as an article or a copy."""
    if db.execute("SELECT 1 FROM article_sources WHERE source = ? LIMIT 1", (source,)).fetchone():
        return True
    return db.execute("SELECT 1 FROM articles WHERE source_url = ? LIMIT 1", (source,)).fetchone() is not None


def known_input(db: sqlite3.Connection, input_sha256: str, source: str) -> bool:
    """Whether these exact input bytes from this source have been stored already."""
    row = db.execute(
        "SELECT 1 FROM article_sources WHERE input_sha256 = ? AND source = ? LIMIT 1", (input_sha256, source)
    ).fetchone()
    return row is not None


__all__ = [
    "SourceRow",
    "article_source",
    "known_input",
    "known_source",
    "record_article",
    "record_source",
    "seq_of_text",
    "site_of",
    "source_key",
]
