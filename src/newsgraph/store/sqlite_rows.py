"""Records to SQLite rows and back: the one place that knows both the dataclasses and the tables.

Kept apart from :mod:`newsgraph.store.sqlite` (connections, transactions, search) so that a
schema change touches the SQL here, the DDL in :mod:`newsgraph.store.migrations`, and nothing
else.  Lists inside records are stored as compact JSON in the shapes of the analyze output;
optional sub-records (cue, speaker mention) as nullable columns.  Reading back must give an
``Article`` equal to the one written: the store's round-trip test holds this module to it.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from typing import Any

from newsgraph.records import (
    Article,
    Entity,
    Event,
    Provenance,
    Quote,
    RemovedLine,
    Source,
    Span,
    TextSpan,
)

ARTICLE_COLUMNS = (
    "text_sha256, id, schema_version, title, authors, published, published_raw, published_utc, "
    "section, outlet, language, source_path, source_url, source_format, text, removed_lines, "
    "headings, standfirst, image_credits, provenance_newsgraph, provenance_model, "
    "provenance_lexicons, provenance_text_sha256, ingested_at"
)
INSERT_ARTICLE = (
    f"INSERT INTO articles ({ARTICLE_COLUMNS}) VALUES ({', '.join('?' * 24)}) "
    "ON CONFLICT (text_sha256) DO NOTHING"
)
INSERT_ENTITY = (
    "INSERT INTO entities (article_seq, idx, entity_id, name, type, country, titles, aliases, actor_code) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
INSERT_MENTION = "INSERT INTO mentions (article_seq, entity_idx, idx, start, end) VALUES (?, ?, ?, ?, ?)"
INSERT_QUOTE = (
    "INSERT INTO quotes (article_seq, idx, text, start, end, type, speaker, speaker_entity, "
    "speaker_mention, speaker_mention_start, speaker_mention_end, cue, cue_start, cue_end, "
    "continues, fragments, speaker_confidence) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
INSERT_EVENT = (
    "INSERT INTO events (article_seq, idx, source, source_entity, source_country, plover, mode, "
    "cameo, quad_class, goldstein, target, target_entity, target_country, evidence_start, "
    "evidence_end, quote, confidence) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
# FTS5 rows for new articles and quotes (see migrations.py for why these are not triggers).
INDEX_ARTICLE = "INSERT INTO articles_fts (rowid, title, text) VALUES (?, ?, ?)"
INDEX_QUOTES = "INSERT INTO quotes_fts (rowid, text) SELECT quote_id, text FROM quotes WHERE article_seq = ?"
SELECT_ARTICLE = (
    "SELECT seq, id, schema_version, title, authors, published, published_raw, section, outlet, "
    "language, source_path, source_url, source_format, text, removed_lines, headings, standfirst, "
    "image_credits, provenance_newsgraph, provenance_model, provenance_lexicons, "
    "provenance_text_sha256, nlp_skipped FROM articles WHERE seq = ?"
)
SELECT_ENTITIES = (
    "SELECT idx, entity_id, name, type, country, titles, aliases, actor_code "
    "FROM entities WHERE article_seq = ? ORDER BY idx"
)
SELECT_MENTIONS = "SELECT entity_idx, start, end FROM mentions WHERE article_seq = ? ORDER BY entity_idx, idx"
SELECT_QUOTES = (
    "SELECT text, start, end, type, speaker, speaker_entity, speaker_mention, speaker_mention_start, "
    "speaker_mention_end, cue, cue_start, cue_end, continues, fragments, speaker_confidence "
    "FROM quotes WHERE article_seq = ? ORDER BY idx"
)
SELECT_EVENTS = (
    "SELECT source, source_entity, source_country, plover, mode, cameo, quad_class, goldstein, "
    "target, target_entity, target_country, evidence_start, evidence_end, quote, confidence "
    "FROM events WHERE article_seq = ? ORDER BY idx"
)


def write_article(
    db: sqlite3.Connection, article: Article, key: str, now: str, *, index: bool = True
) -> int | None:
    """Insert one article, its children and (``index``) its FTS rows in the caller's transaction.

    ``index=False`` leaves the FTS rows to :func:`index_articles`, which the caller must run
    before it commits (``add_many`` indexes a whole batch at once: FTS5 flushes its pending
    terms at every savepoint release, so one insert per batch is cheaper than one per article).
    Returns the article's row number (``seq``), or None, writing nothing, when the text is
    already stored.  On an error the caller must roll back: rows written before the failing
    statement stay until it does.
    """
    cur = db.execute(INSERT_ARTICLE, article_row(article, key, now))
    if cur.rowcount == 0 or cur.lastrowid is None:
        return None
    seq = cur.lastrowid
    if article.nlp_skipped:
        db.execute("UPDATE articles SET nlp_skipped = ? WHERE seq = ?", (article.nlp_skipped, seq))
    if index:
        db.execute(INDEX_ARTICLE, (seq, article.title, article.text))
    if article.entities:
        db.executemany(INSERT_ENTITY, entity_rows(seq, article.entities))
        mentions = [
            (seq, i, j, m.start, m.end)
            for i, e in enumerate(article.entities)
            for j, m in enumerate(e.mentions)
        ]
        if mentions:
            db.executemany(INSERT_MENTION, mentions)
    if article.quotes:
        db.executemany(INSERT_QUOTE, quote_rows(seq, article.quotes))
        if index:
            db.execute(INDEX_QUOTES, (seq,))
    if article.events:
        _insert_events(db, event_rows(seq, article.events))
    return seq


def _insert_events(db: sqlite3.Connection, rows: list[tuple[Any, ...]]) -> None:
    """Insert event rows; a file still before schema 10 gets them without the confidence, as a
    schema-9 newsgraph wrote them (the upgrade tests build such files with this writer)."""
    try:
        db.executemany(INSERT_EVENT, rows)
    except sqlite3.OperationalError as exc:
        if "confidence" not in str(exc):
            raise
        older = INSERT_EVENT.replace(", confidence)", ")").replace(", ?)", ")", 1)
        db.executemany(older, [r[:-1] for r in rows])


def index_articles(db: sqlite3.Connection, seqs: Sequence[int]) -> None:
    """The FTS rows of stored articles written with ``index=False`` (and of their quotes)."""
    for start in range(0, len(seqs), 500):
        chunk = list(seqs[start : start + 500])
        marks = ",".join("?" * len(chunk))
        db.execute(
            "INSERT INTO articles_fts (rowid, title, text) "
            f"SELECT seq, title, text FROM articles WHERE seq IN ({marks})",
            chunk,
        )
        db.execute(
            "INSERT INTO quotes_fts (rowid, text) "
            f"SELECT quote_id, text FROM quotes WHERE article_seq IN ({marks})",
            chunk,
        )


def read_article(db: sqlite3.Connection, seq: int) -> Article | None:
    """The article stored under row number ``seq``, rebuilt exactly as it was added."""
    a = db.execute(SELECT_ARTICLE, (seq,)).fetchone()
    if a is None:
        return None
    spans: dict[int, list[Span]] = {}
    for entity_idx, start, end in db.execute(SELECT_MENTIONS, (seq,)):
        spans.setdefault(entity_idx, []).append(Span(start, end))
    entities = tuple(
        Entity(
            id=r[1],
            name=r[2],
            type=r[3],
            country=r[4],
            titles=tuple(json.loads(r[5])),
            aliases=tuple(json.loads(r[6])),
            mentions=tuple(spans.get(r[0], ())),
            actor_code=r[7],
        )
        for r in db.execute(SELECT_ENTITIES, (seq,))
    )
    quotes = tuple(
        Quote(
            text=r[0],
            start=r[1],
            end=r[2],
            type=r[3],
            speaker=r[4],
            speaker_entity=r[5],
            speaker_mention=None if r[7] is None else TextSpan(r[6], r[7], r[8]),
            cue=None if r[10] is None else TextSpan(r[9], r[10], r[11]),
            continues=r[12],
            fragments=tuple(TextSpan.from_dict(f) for f in json.loads(r[13])),
            speaker_confidence=r[14],
        )
        for r in _quote_rows_of(db, seq)
    )
    events = tuple(
        Event(
            source=r[0],
            source_entity=r[1],
            source_country=r[2],
            plover=r[3],
            mode=r[4],
            cameo=r[5],
            quad_class=r[6],
            goldstein=r[7],
            target=r[8],
            target_entity=r[9],
            target_country=r[10],
            evidence=Span(r[11], r[12]),
            quote=r[13],
            confidence=r[14],
        )
        for r in _event_rows_of(db, seq)
    )
    return Article(
        id=a[1],
        schema_version=a[2],
        title=a[3],
        authors=tuple(json.loads(a[4])),
        published=a[5],
        published_raw=a[6],
        section=a[7],
        outlet=a[8],
        language=a[9],
        source=Source(a[10], a[11], a[12]),
        text=a[13],
        removed_lines=tuple(RemovedLine.from_dict(d) for d in json.loads(a[14])),
        headings=tuple(Span.from_dict(d) for d in json.loads(a[15])),
        standfirst=None if a[16] is None else Span.from_dict(json.loads(a[16])),
        image_credits=tuple(json.loads(a[17])),
        entities=entities,
        quotes=quotes,
        events=events,
        provenance=None if a[18] is None else Provenance(a[18], a[19], a[20], a[21]),
        nlp_skipped=a[22],
    )


def utc_timestamp(value: str | None) -> str | None:
    """An ISO 8601 time as naive UTC ``YYYY-MM-DDTHH:MM:SS`` (sortable as text), or None.

    Times without an offset are taken as they are (their zone is unknown); dates become midnight.
    """
    if not value:
        return None
    try:
        dt = datetime.fromisoformat(value.strip())
    except ValueError:
        return None
    if dt.tzinfo is not None:
        dt = dt.astimezone(UTC).replace(tzinfo=None)
    return dt.isoformat(timespec="seconds")


_encode = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode  # reused: 2x faster


def _json_list(items: Sequence[Any]) -> str:
    return _encode(items) if items else "[]"


def article_row(a: Article, key: str, now: str) -> tuple[Any, ...]:
    p = a.provenance
    return (
        key,
        a.id,
        a.schema_version,
        a.title,
        _json_list(a.authors),
        a.published,
        a.published_raw,
        utc_timestamp(a.published),
        a.section,
        a.outlet,
        a.language,
        a.source.path,
        a.source.url,
        a.source.format,
        a.text,
        _json_list([r.to_dict() for r in a.removed_lines]),
        _json_list([h.to_dict() for h in a.headings]),
        None if a.standfirst is None else _encode(a.standfirst.to_dict()),
        _json_list(a.image_credits),
        None if p is None else p.newsgraph,
        None if p is None else p.model,
        None if p is None else p.lexicons,
        None if p is None else p.text_sha256,
        now,
    )


def entity_rows(seq: int | None, entities: Iterable[Entity]) -> list[tuple[Any, ...]]:
    return [
        (seq, i, e.id, e.name, e.type, e.country, _json_list(e.titles), _json_list(e.aliases), e.actor_code)
        for i, e in enumerate(entities)
    ]


def _quote_rows_of(db: sqlite3.Connection, seq: int) -> list[Any]:
    """The article's quote rows; a database still at schema 6 (read by migration 6 itself, which
    relinks every stored article before migration 7 adds the column) has no confidence yet."""
    try:
        return db.execute(SELECT_QUOTES, (seq,)).fetchall()
    except sqlite3.OperationalError as exc:
        if "speaker_confidence" not in str(exc):
            raise
        older = SELECT_QUOTES.replace("fragments, speaker_confidence", "fragments, NULL")
        return db.execute(older, (seq,)).fetchall()


def _event_rows_of(db: sqlite3.Connection, seq: int) -> list[Any]:
    """The article's event rows; a database before schema 10 (read by an earlier migration that
    relinks stored articles) has no confidence yet."""
    try:
        return db.execute(SELECT_EVENTS, (seq,)).fetchall()
    except sqlite3.OperationalError as exc:
        if "confidence" not in str(exc):
            raise
        return db.execute(SELECT_EVENTS.replace("quote, confidence", "quote, NULL"), (seq,)).fetchall()


def _text_span(ts: TextSpan | None) -> tuple[Any, Any, Any]:
    return (None, None, None) if ts is None else (ts.text, ts.start, ts.end)


def quote_rows(seq: int | None, quotes: Iterable[Quote]) -> list[tuple[Any, ...]]:
    return [
        (
            seq,
            i,
            q.text,
            q.start,
            q.end,
            q.type,
            q.speaker,
            q.speaker_entity,
            *_text_span(q.speaker_mention),
            *_text_span(q.cue),
            q.continues,
            _json_list([f.to_dict() for f in q.fragments]),
            q.speaker_confidence,
        )
        for i, q in enumerate(quotes)
    ]


def event_rows(seq: int | None, events: Iterable[Event]) -> list[tuple[Any, ...]]:
    return [
        (
            seq,
            i,
            e.source,
            e.source_entity,
            e.source_country,
            e.plover,
            e.mode,
            e.cameo,
            e.quad_class,
            e.goldstein,
            e.target,
            e.target_entity,
            e.target_country,
            e.evidence.start,
            e.evidence.end,
            e.quote,
            e.confidence,
        )
        for i, e in enumerate(events)
    ]
