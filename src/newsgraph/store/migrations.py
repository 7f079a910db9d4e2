"""Versioned schema migrations for the SQLite store, and the schema's documentation.

Why a registry instead of ``CREATE TABLE IF NOT EXISTS`` on every open: stores outlive the code
that made them.  Each change to the schema is a numbered :class:`Migration`; the table
``schema_migrations`` records which numbers a file has seen, and opening a file applies the
missing ones, in order, inside one ``BEGIN IMMEDIATE`` transaction, so a file is always at some
whole version (never half migrated), and two processes opening a new file at once cannot both
migrate it.  ``PRAGMA user_version`` mirrors the highest applied version for outside tools.

Rules for adding a migration: append, never edit or renumber a released one; a step is either a
SQL script (statements separated by ``;``, triggers allowed) or a callable that gets the
connection for work SQL cannot express (backfilling a derived column in Python).  Keep
:data:`newsgraph.store.schema_doc.SCHEMA_DOC` in step (a test compares it with the live schema).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from newsgraph.errors import StoreError

MigrationStep = str | Callable[[sqlite3.Connection], None]


@dataclass(frozen=True, slots=True)
class Migration:
    """One schema change: its version number, what it does, and how (SQL script or callable)."""

    version: int
    description: str
    step: MigrationStep


_V1_CORE = """
CREATE TABLE articles (
    seq INTEGER PRIMARY KEY,
    text_sha256 TEXT NOT NULL UNIQUE,
    id TEXT NOT NULL UNIQUE,
    schema_version INTEGER NOT NULL,
    title TEXT,
    authors TEXT NOT NULL DEFAULT '[]',
    published TEXT,
    published_raw TEXT,
    published_utc TEXT,
    section TEXT,
    outlet TEXT,
    language TEXT,
    source_path TEXT,
    source_url TEXT,
    source_format TEXT NOT NULL,
    text TEXT NOT NULL,
    removed_lines TEXT NOT NULL DEFAULT '[]',
    headings TEXT NOT NULL DEFAULT '[]',
    standfirst TEXT,
    image_credits TEXT NOT NULL DEFAULT '[]',
    provenance_newsgraph TEXT,
    provenance_model TEXT,
    provenance_lexicons TEXT,
    provenance_text_sha256 TEXT,
    ingested_at TEXT NOT NULL
);
CREATE INDEX articles_published ON articles (published_utc, text_sha256);
CREATE INDEX articles_outlet ON articles (outlet);

CREATE TABLE entities (
    article_seq INTEGER NOT NULL REFERENCES articles (seq) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    entity_id TEXT NOT NULL,
    name TEXT NOT NULL,
    type TEXT NOT NULL,
    country TEXT,
    titles TEXT NOT NULL DEFAULT '[]',
    aliases TEXT NOT NULL DEFAULT '[]',
    actor_code TEXT,
    PRIMARY KEY (article_seq, idx)
) WITHOUT ROWID;
CREATE INDEX entities_name ON entities (name);

CREATE TABLE mentions (
    article_seq INTEGER NOT NULL,
    entity_idx INTEGER NOT NULL,
    idx INTEGER NOT NULL,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    PRIMARY KEY (article_seq, entity_idx, idx),
    FOREIGN KEY (article_seq, entity_idx) REFERENCES entities (article_seq, idx) ON DELETE CASCADE
) WITHOUT ROWID;

CREATE TABLE quotes (
    quote_id INTEGER PRIMARY KEY,
    article_seq INTEGER NOT NULL REFERENCES articles (seq) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    text TEXT NOT NULL,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    type TEXT NOT NULL,
    speaker TEXT,
    speaker_entity TEXT,
    speaker_mention TEXT,
    speaker_mention_start INTEGER,
    speaker_mention_end INTEGER,
    cue TEXT,
    cue_start INTEGER,
    cue_end INTEGER,
    continues INTEGER,
    fragments TEXT NOT NULL DEFAULT '[]',
    UNIQUE (article_seq, idx)
);
CREATE INDEX quotes_speaker ON quotes (speaker);

CREATE TABLE events (
    article_seq INTEGER NOT NULL REFERENCES articles (seq) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    source TEXT,
    source_entity TEXT,
    source_country TEXT,
    plover TEXT NOT NULL,
    mode TEXT,
    cameo TEXT NOT NULL,
    quad_class INTEGER,
    goldstein REAL,
    target TEXT,
    target_entity TEXT,
    target_country TEXT,
    evidence_start INTEGER NOT NULL,
    evidence_end INTEGER NOT NULL,
    quote INTEGER,
    PRIMARY KEY (article_seq, idx)
) WITHOUT ROWID;
CREATE INDEX events_source ON events (source);
CREATE INDEX events_target ON events (target);
"""

# External-content FTS5 tables: the text lives once, in ``articles``/``quotes``.  ``content_rowid``
# points at an INTEGER PRIMARY KEY because implicit rowids may change on VACUUM, which would
# corrupt the map.  Deletes and updates are mirrored by triggers (deletes cascaded from
# ``articles`` included); inserts are indexed by the store itself, in the same transaction,
# because an AFTER INSERT trigger into FTS5 costs ~10 us per row (measured: 0.33 ms of a 0.8 ms
# article add went to the two insert triggers; direct inserts take 0.08 ms).
_V2_FTS = """
CREATE VIRTUAL TABLE articles_fts USING fts5 (
    title, text, content='articles', content_rowid='seq',
    tokenize='porter unicode61 remove_diacritics 2'
);
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, text)
    VALUES ('delete', old.seq, old.title, old.text);
END;
CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, text)
    VALUES ('delete', old.seq, old.title, old.text);
    INSERT INTO articles_fts (rowid, title, text) VALUES (new.seq, new.title, new.text);
END;
INSERT INTO articles_fts (articles_fts) VALUES ('rebuild');

CREATE VIRTUAL TABLE quotes_fts USING fts5 (
    text, content='quotes', content_rowid='quote_id',
    tokenize='porter unicode61 remove_diacritics 2'
);
CREATE TRIGGER quotes_fts_delete AFTER DELETE ON quotes BEGIN
    INSERT INTO quotes_fts (quotes_fts, rowid, text) VALUES ('delete', old.quote_id, old.text);
END;
CREATE TRIGGER quotes_fts_update AFTER UPDATE OF text ON quotes BEGIN
    INSERT INTO quotes_fts (quotes_fts, rowid, text) VALUES ('delete', old.quote_id, old.text);
    INSERT INTO quotes_fts (rowid, text) VALUES (new.quote_id, new.text);
END;
INSERT INTO quotes_fts (quotes_fts) VALUES ('rebuild');
"""


def _v3_actors(conn: sqlite3.Connection) -> None:
    from newsgraph.store.actors import backfill

    backfill(conn)


def _v5_surnames(conn: sqlite3.Connection) -> None:
    from newsgraph.store.actors import add_surnames

    add_surnames(conn)


def _v6_identity(conn: sqlite3.Connection) -> None:
    from newsgraph.store.actor_identity import relink_all

    conn.execute("ALTER TABLE articles ADD COLUMN nlp_skipped TEXT")
    relink_all(conn)


def _v8_summaries(conn: sqlite3.Connection) -> None:
    from newsgraph.store.summary_schema import add_summaries

    add_summaries(conn)


def _v9_graph_days_and_keys(conn: sqlite3.Connection) -> None:
    from newsgraph.store.schema_v9 import migrate_v9

    migrate_v9(conn)


# Version 4: ingest state, duplicates and statements (see newsgraph.dedup and newsgraph.runner).
# ``article_sources`` has one row per input that resolved to a stored article: the article's own
# source ('original') and every copy of it found later ('exact' / 'near'), so a syndicated copy
# is kept (who published it, when) without being analysed again, and a rerun can skip an input
# by its URL or by the hash of its bytes before fetching or analysing it.
_V4_INGEST = """
CREATE INDEX articles_source_url ON articles (source_url);

CREATE TABLE article_sources (
    source TEXT NOT NULL,
    text_sha256 TEXT NOT NULL,
    article_seq INTEGER NOT NULL REFERENCES articles (seq) ON DELETE CASCADE,
    relation TEXT NOT NULL,
    similarity REAL,
    input_sha256 TEXT,
    source_url TEXT,
    source_path TEXT,
    source_format TEXT,
    title TEXT,
    outlet TEXT,
    site TEXT,
    published TEXT,
    published_utc TEXT,
    fetched_at TEXT,
    ingested_at TEXT NOT NULL,
    PRIMARY KEY (source, text_sha256)
);
CREATE INDEX article_sources_article ON article_sources (article_seq);
CREATE INDEX article_sources_input ON article_sources (input_sha256);
CREATE INDEX article_sources_text ON article_sources (text_sha256);

CREATE TABLE statement_keys (
    quote_id INTEGER PRIMARY KEY REFERENCES quotes (quote_id) ON DELETE CASCADE,
    key TEXT NOT NULL
);
CREATE INDEX statement_keys_key ON statement_keys (key);

CREATE TABLE dedup_signatures (
    article_seq INTEGER PRIMARY KEY REFERENCES articles (seq) ON DELETE CASCADE,
    signature BLOB NOT NULL
);
CREATE TABLE dedup_bands (
    band INTEGER NOT NULL,
    bucket INTEGER NOT NULL,
    article_seq INTEGER NOT NULL REFERENCES articles (seq) ON DELETE CASCADE,
    PRIMARY KEY (band, bucket, article_seq)
) WITHOUT ROWID;
CREATE INDEX dedup_bands_article ON dedup_bands (article_seq);

CREATE VIEW statements AS
SELECT
    k.key AS statement_key,
    q.speaker AS speaker,
    min(q.text) AS text,
    count(DISTINCT s.source) AS articles,
    count(DISTINCT coalesce(s.outlet, s.site)) AS outlets,
    min(s.published_utc) AS first_reported,
    max(s.published_utc) AS last_reported
FROM statement_keys AS k
JOIN quotes AS q ON q.quote_id = k.quote_id
JOIN article_sources AS s ON s.article_seq = q.article_seq
GROUP BY k.key, q.speaker;
"""


def _v4_ingest(conn: sqlite3.Connection) -> None:
    """Create the v4 tables, then backfill sources and statement keys of stored articles."""
    from newsgraph.dedup import normalize_statement
    from newsgraph.store.ingest_state import site_of

    for statement in split_sql(_V4_INGEST):
        conn.execute(statement)
    conn.create_function("ng_site", 1, site_of, deterministic=True)
    conn.create_function("ng_statement_key", 1, normalize_statement, deterministic=True)
    conn.execute(
        "INSERT OR IGNORE INTO article_sources (source, text_sha256, article_seq, relation, similarity, "
        "source_url, source_path, source_format, title, outlet, site, published, published_utc, "
        "ingested_at) SELECT coalesce(source_url, source_path, 'sha256:' || text_sha256), text_sha256, seq, "
        "'original', 1.0, source_url, source_path, source_format, title, outlet, ng_site(source_url), "
        "published, published_utc, ingested_at FROM articles"
    )
    conn.execute(
        "INSERT INTO statement_keys (quote_id, key) SELECT quote_id, ng_statement_key(text) FROM quotes"
    )


#: The registry, oldest first.  Append only.
MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "articles, entities, mentions, quotes, events", _V1_CORE),
    Migration(2, "full-text search over articles and quotes (FTS5)", _V2_FTS),
    Migration(3, "actors across articles, entity links and role history", _v3_actors),
    Migration(4, "ingest state, duplicates (MinHash LSH) and the statements view", _v4_ingest),
    Migration(5, "actors.surname: one-word person names find their actor through an index", _v5_surnames),
    Migration(
        6,
        "actors per real-world entity: places (GeoNames hierarchy), user edits, record locations, "
        "articles.nlp_skipped",
        _v6_identity,
    ),
    Migration(
        7,
        "quotes.speaker_confidence: how sure the speaker ranking was (NULL for older rows)",
        "ALTER TABLE quotes ADD COLUMN speaker_confidence REAL;",
    ),
    Migration(8, "summary tables, postings and name indexes: every read an indexed lookup", _v8_summaries),
    Migration(
        9,
        "edge_days: the event graph per day; statement keys as 64-bit hashes; actor_links WITHOUT ROWID",
        _v9_graph_days_and_keys,
    ),
    Migration(
        10,
        "events.confidence: how sure the event model is (NULL for older rows)",
        "ALTER TABLE events ADD COLUMN confidence REAL;",
    ),
)

_BOOKKEEPING = """
CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY,
    description TEXT NOT NULL,
    applied_at TEXT NOT NULL
)
"""


def latest_version(migrations: Sequence[Migration] = MIGRATIONS) -> int:
    """The version a fully migrated database has."""
    return max((m.version for m in migrations), default=0)


def split_sql(script: str) -> Iterator[str]:
    """Split a script into complete statements (trigger bodies keep their inner ``;``).

    ``executescript`` would do this for us but it COMMITs first, which would break the
    all-or-nothing transaction a migration runs in.
    """
    pending = ""
    for line in script.splitlines(keepends=True):
        pending += line
        if sqlite3.complete_statement(pending):
            if pending.strip().rstrip(";").strip():
                yield pending.strip()
            pending = ""
    if pending.strip():
        raise ValueError(f"incomplete SQL statement at the end of a migration: {pending.strip()[:80]!r}")


def applied_versions(conn: sqlite3.Connection) -> set[int]:
    """Versions recorded in ``schema_migrations`` (empty for a new or foreign database)."""
    exists = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'"
    ).fetchone()
    if not exists:
        return set()
    return {int(row[0]) for row in conn.execute("SELECT version FROM schema_migrations")}


def pending_migrations(
    conn: sqlite3.Connection, migrations: Sequence[Migration] = MIGRATIONS, *, target: int | None = None
) -> list[Migration]:
    """The migrations not applied yet (up to ``target``), oldest first.

    Raises :class:`StoreError` when the file was made by a newer newsgraph: guessing at a schema
    we do not know could corrupt it.
    """
    _check_registry(migrations)
    applied = applied_versions(conn)
    known = latest_version(migrations)
    newer = sorted(v for v in applied if v > known)
    if newer:
        raise StoreError(
            f"the database has schema version {max(newer)}, newer than this newsgraph supports "
            f"({known}); upgrade newsgraph to open it"
        )
    return [m for m in migrations if m.version not in applied and (target is None or m.version <= target)]


def migrate(
    conn: sqlite3.Connection, migrations: Sequence[Migration] = MIGRATIONS, *, target: int | None = None
) -> list[int]:
    """Apply the missing migrations in one transaction; return the versions applied.

    ``conn`` must be in autocommit mode (``isolation_level=None``) so that we own the
    transaction.  Nothing is written when the database is already current, so opening a current
    file never waits for the write lock.
    """
    if not pending_migrations(conn, migrations, target=target):
        return []
    try:
        conn.execute("BEGIN IMMEDIATE")
    except sqlite3.Error as exc:
        raise StoreError(f"cannot lock the database to migrate it: {exc}") from exc
    try:
        conn.execute(_BOOKKEEPING)
        todo = pending_migrations(conn, migrations, target=target)  # re-read under the lock
        for migration in todo:
            _run(conn, migration)
            conn.execute(
                "INSERT INTO schema_migrations (version, description, applied_at) VALUES (?, ?, ?)",
                (migration.version, migration.description, datetime.now(UTC).isoformat(timespec="seconds")),
            )
        current = max(applied_versions(conn), default=0)
        conn.execute(f"PRAGMA user_version = {int(current)}")
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    return [m.version for m in todo]


def _run(conn: sqlite3.Connection, migration: Migration) -> None:
    try:
        if isinstance(migration.step, str):
            for statement in split_sql(migration.step):
                conn.execute(statement)
        else:
            migration.step(conn)
    except sqlite3.Error as exc:
        hint = " (this SQLite lacks FTS5; install a Python built with it)" if "fts5" in str(exc) else ""
        raise StoreError(
            f"migration {migration.version} ({migration.description}) failed: {exc}{hint}"
        ) from exc


def _check_registry(migrations: Sequence[Migration]) -> None:
    versions = [m.version for m in migrations]
    if versions != sorted(set(versions)) or any(v < 1 for v in versions):
        raise ValueError(f"migration versions must be positive, unique and ascending: {versions}")
