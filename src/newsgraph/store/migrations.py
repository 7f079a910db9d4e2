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
:data:`SCHEMA_DOC` in step (a test compares it with the live schema).
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


SCHEMA_DOC = """\
## Database schema (SQLite, schema version 5)

One file, WAL mode, foreign keys on.  The text of an article is stored once; every span
(`start`, `end`) is a half-open character range `[start, end)` into `articles.text` (Python
string indices, which are also SQLite `substr(text, start + 1, end - start)`).  Columns marked
JSON hold the same shapes as the `newsgraph analyze` output.  `idx` columns keep the order of
the items in the article (0-based), so reading back gives an identical `Article`.

### `articles`
One row per distinct article text.

| column | type | meaning |
|---|---|---|
| `seq` | INTEGER | row number, in ingest order; internal join key of the child tables and FTS rowid |
| `text_sha256` | TEXT | sha256 of `text` (UTF-8): the content key; adding the same text again is a no-op |
| `id` | TEXT | the article id from analysis (the input's own id, else a hash); unique |
| `schema_version` | INTEGER | version of the record format (`schema_version` of the analyze output) |
| `title` | TEXT | headline, or NULL |
| `authors` | TEXT | JSON list of author names |
| `published` | TEXT | publication time as ISO 8601 with offset, as extracted, or NULL |
| `published_raw` | TEXT | the string the time was read from |
| `published_utc` | TEXT | `published` in UTC (`YYYY-MM-DDTHH:MM:SS`), for ordering and `since` filters |
| `section` | TEXT | section of the outlet, or NULL |
| `outlet` | TEXT | publisher name, or NULL |
| `language` | TEXT | language code, e.g. `en` |
| `source_path` | TEXT | input path, or NULL |
| `source_url` | TEXT | input URL, or NULL |
| `source_format` | TEXT | `text`, `html`, `warc`, `feed` or `jsonl` |
| `text` | TEXT | the article text every span points into |
| `removed_lines` | TEXT | JSON list of `{start, end, reason}`: lines left out of analysis |
| `headings` | TEXT | JSON list of `{start, end}`: in-text headings |
| `standfirst` | TEXT | JSON `{start, end}` of the standfirst, or NULL |
| `image_credits` | TEXT | JSON list of image credit strings |
| `provenance_newsgraph` | TEXT | newsgraph version that analysed the article (NULL: no provenance) |
| `provenance_model` | TEXT | spaCy model name and version |
| `provenance_lexicons` | TEXT | hash of the lexicons |
| `provenance_text_sha256` | TEXT | input hash recorded by analysis |
| `ingested_at` | TEXT | UTC time the row was written |

### `entities`
One row per distinct entity of an article.

| column | type | meaning |
|---|---|---|
| `article_seq` | INTEGER | `articles.seq` |
| `idx` | INTEGER | position in the article's entity list |
| `entity_id` | TEXT | id within the article (`e1`, ...), referenced by quotes and events |
| `name` | TEXT | canonical name |
| `type` | TEXT | `PERSON`, `ORG`, `GPE` or `NORP` |
| `country` | TEXT | ISO 3166-1 alpha-3 code, or NULL |
| `titles` | TEXT | JSON list of titles and roles |
| `aliases` | TEXT | JSON list of other names and pronouns used for it |
| `actor_code` | TEXT | CAMEO actor code, or NULL |

### `mentions`
One row per mention span of an entity.

| column | type | meaning |
|---|---|---|
| `article_seq` | INTEGER | `articles.seq` |
| `entity_idx` | INTEGER | `entities.idx` of the entity mentioned |
| `idx` | INTEGER | position among the entity's mentions |
| `start` | INTEGER | span start |
| `end` | INTEGER | span end |

### `quotes`
One row per attributed statement.

| column | type | meaning |
|---|---|---|
| `quote_id` | INTEGER | row number; FTS rowid |
| `article_seq` | INTEGER | `articles.seq` |
| `idx` | INTEGER | position in the article's quote list (what `continues` and `events.quote` refer to) |
| `text` | TEXT | the quoted or reported words (`articles.text[start:end]`) |
| `start` | INTEGER | span start |
| `end` | INTEGER | span end |
| `type` | TEXT | `direct`, `partial` or `indirect` |
| `speaker` | TEXT | canonical speaker name, or NULL |
| `speaker_entity` | TEXT | `entities.entity_id` of the speaker, or NULL |
| `speaker_mention` | TEXT | text of the mention naming the speaker here (e.g. `he`), or NULL |
| `speaker_mention_start` | INTEGER | its span start |
| `speaker_mention_end` | INTEGER | its span end |
| `cue` | TEXT | the speech verb or cue (`said`), or NULL |
| `cue_start` | INTEGER | its span start |
| `cue_end` | INTEGER | its span end |
| `continues` | INTEGER | `idx` of the earlier quote this one continues, or NULL |
| `fragments` | TEXT | JSON list of `{text, start, end}` for quotes split by the reporter's words |

### `events`
One row per coded event (who did what to whom).

| column | type | meaning |
|---|---|---|
| `article_seq` | INTEGER | `articles.seq` |
| `idx` | INTEGER | position in the article's event list |
| `source` | TEXT | acting entity name, or NULL |
| `source_entity` | TEXT | its `entities.entity_id`, or NULL |
| `source_country` | TEXT | its ISO alpha-3 country, or NULL |
| `plover` | TEXT | PLOVER event type (`ACCUSE`) |
| `mode` | TEXT | PLOVER mode, or NULL |
| `cameo` | TEXT | CAMEO code, a string of digits (`112`) |
| `quad_class` | INTEGER | CAMEO quad class 1-4, or NULL |
| `goldstein` | REAL | Goldstein scale value, or NULL |
| `target` | TEXT | target entity name, or NULL |
| `target_entity` | TEXT | its `entities.entity_id`, or NULL |
| `target_country` | TEXT | its ISO alpha-3 country, or NULL |
| `evidence_start` | INTEGER | start of the evidence span |
| `evidence_end` | INTEGER | end of the evidence span |
| `quote` | INTEGER | `quotes.idx` of the quote the event was read from, or NULL |

### `actors`
One row per person, organisation, country or group across all articles (merging policy in
`newsgraph.store.actors`: country code for GPE/NORP, else type + normalised name; a one-word
person name joins a known person only when exactly one matches).

| column | type | meaning |
|---|---|---|
| `actor_id` | INTEGER | the actor's number |
| `key` | TEXT | merge key, e.g. `PERSON:antony blinken`, `GPE:USA` |
| `name` | TEXT | canonical name (from the first article that mentioned it) |
| `type` | TEXT | `PERSON`, `ORG`, `GPE` or `NORP` |
| `country` | TEXT | ISO 3166-1 alpha-3 code, or NULL |
| `actor_code` | TEXT | CAMEO actor code, or NULL |
| `surname` | TEXT | last word of a multi-word person key (indexed), else NULL |

### `actor_links`
Which actor each article entity is.

| column | type | meaning |
|---|---|---|
| `article_seq` | INTEGER | `articles.seq` |
| `entity_idx` | INTEGER | `entities.idx` |
| `actor_id` | INTEGER | `actors.actor_id` |

### `actor_roles`
Role history: each title an article gives an actor, with the evidence span in that article.

| column | type | meaning |
|---|---|---|
| `actor_id` | INTEGER | `actors.actor_id` |
| `article_seq` | INTEGER | `articles.seq` (its `published` dates the title) |
| `title` | TEXT | the title or role as the article states it |
| `evidence_start` | INTEGER | start of the span showing the title with the name |
| `evidence_end` | INTEGER | end of that span |

### `article_sources`
One row per input that resolved to a stored article: the article's own source, and every copy
of it (the same or nearly the same text from another URL or file) that was linked to it instead
of being analysed again.  What resumable ingests look up before fetching or analysing.

| column | type | meaning |
|---|---|---|
| `source` | TEXT | the input's key: its URL, else its path, else `sha256:` + text hash |
| `text_sha256` | TEXT | sha256 of this input's extracted text (differs from the article's for a near copy) |
| `article_seq` | INTEGER | `articles.seq` of the stored (canonical) article |
| `relation` | TEXT | `original` (the stored article itself), `exact` (same text) or `near` |
| `similarity` | REAL | estimated Jaccard similarity of word 3-grams to the canonical text (1.0 for exact) |
| `input_sha256` | TEXT | sha256 of the input's bytes, or NULL (unchanged inputs are skipped unread) |
| `source_url` | TEXT | URL of this copy, or NULL |
| `source_path` | TEXT | file (or file and line/record) of this copy, or NULL |
| `source_format` | TEXT | `text`, `html`, `warc`, `feed` or `jsonl` |
| `title` | TEXT | this copy's headline, or NULL |
| `outlet` | TEXT | this copy's publisher, or NULL |
| `site` | TEXT | host of `source_url` without `www.`, or NULL (stands for an unknown outlet) |
| `published` | TEXT | this copy's publication time (ISO 8601), or NULL |
| `published_utc` | TEXT | the same in UTC (`YYYY-MM-DDTHH:MM:SS`) |
| `fetched_at` | TEXT | when the input was fetched or crawled (HTTP fetch time, WARC-Date), or NULL |
| `ingested_at` | TEXT | UTC time the row was written |

### `statement_keys`
The normalised text of each quote (`newsgraph.dedup.normalize_statement`: case, quotation
marks, dashes, punctuation and spacing folded), so that outlets' renderings of one statement
group together.

| column | type | meaning |
|---|---|---|
| `quote_id` | INTEGER | `quotes.quote_id` |
| `key` | TEXT | the normalised statement text |

### `dedup_signatures`
The MinHash signature (128 little-endian uint32 values over word 3-grams) of each stored
article long enough to compare (50 words or more).

| column | type | meaning |
|---|---|---|
| `article_seq` | INTEGER | `articles.seq` |
| `signature` | BLOB | the signature (512 bytes) |

### `dedup_bands`
The LSH index over the signatures: one row per band of each signature.  Two texts whose
signatures agree on a whole band are near-duplicate candidates, then verified on the whole
signature (threshold 0.7).

| column | type | meaning |
|---|---|---|
| `band` | INTEGER | band number (0-based) |
| `bucket` | INTEGER | signed 64-bit hash of the band's values |
| `article_seq` | INTEGER | `articles.seq` |

### `schema_migrations`
One row per applied schema migration (see `newsgraph.store.migrations`).

| column | type | meaning |
|---|---|---|
| `version` | INTEGER | migration number |
| `description` | TEXT | what it changed |
| `applied_at` | TEXT | UTC time it was applied |

### Indexes
Besides the keys: `articles (published_utc, text_sha256)`, `articles (outlet)`, `entities (name)`,
`quotes (speaker)`, `events (source)`, `events (target)`, `articles (source_url)`,
`article_sources (article_seq)`, `article_sources (input_sha256)`, `article_sources (text_sha256)`,
`statement_keys (key)`, `dedup_bands (article_seq)`.  `entities`, `mentions` and `events` are
WITHOUT ROWID tables clustered by `article_seq`, so one article's rows are one range scan;
`quotes` has an integer rowid (for FTS) and is read through its `(article_seq, idx)` index.

### View `statements`
The same quote reported by several articles, as one row per (normalised text, speaker):
`statement_key`, `speaker`, `text` (one of its renderings), `articles` (how many sources
reported it, copies included), `outlets` (how many distinct outlets, the URL's site standing for
an unknown outlet), `first_reported` and `last_reported` (publication times in UTC; NULL when
no source is dated).  Example: `SELECT speaker, text, articles, outlets FROM statements
ORDER BY articles DESC LIMIT 10`.

### Full-text search
`articles_fts` (columns `title`, `text`) and `quotes_fts` (column `text`) are FTS5 tables with
external content: they index `articles` and `quotes` without a second copy of the text.  The
store indexes the rows it inserts (in the same transaction); triggers mirror every update and
delete, including the cascade from `articles`.  Rows inserted by other programs are not indexed
until `INSERT INTO articles_fts (articles_fts) VALUES ('rebuild')` (same for `quotes_fts`).
Tokenizer: `porter unicode61 remove_diacritics 2` (case-, accent- and suffix-insensitive).
Example:
`SELECT a.id, a.title FROM articles_fts JOIN articles a ON a.seq = articles_fts.rowid
WHERE articles_fts MATCH 'ceasefire' ORDER BY bm25(articles_fts, 5.0, 1.0) LIMIT 10`.
"""
