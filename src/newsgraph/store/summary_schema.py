"""The tables the writer keeps beside each article so that every read is an indexed lookup.

Schema version 6.  Each table is a count, a leaderboard or a posting list that the read side
would otherwise compute by scanning (see issue 17 for the measured cost at 200,000 articles).
They are written by :mod:`newsgraph.store.summaries` in the same transaction as the article
(so they are exact and survive a crash with it), rebuilt from the stored rows by this
migration, and checked against a recount from scratch by ``tests/test_summaries.py``.

* ``articles.t``: the publication time as an integer key (:mod:`newsgraph.store.timekeys`),
  indexed, so newest-first lists and date ranges are index range scans.
* ``names``: every speaker, event side, country code, PLOVER type and CAMEO root, once, with a
  trigram FTS index (``names_fts``) so "part of a name" is an index lookup, not a scan of all
  quotes or events; ``actors_fts`` does the same for actor names.
* ``postings``: (kind, name or actor, time, article, item) rows in newest-first order: the
  statements of a speaker name or an actor, the events of a source or target name, a country,
  a PLOVER type or a CAMEO root.  A filtered page reads one range of this index.
* ``actor_stats``, ``actor_articles``, ``actor_weeks``, ``actor_alias_counts``, ``actor_titles``:
  per-actor counts and lists (keyed by ``actor_id``) behind actor lists and actor pages.
* ``counters``: totals, outlets and event types (the home page, filter menus).
* ``dyad_counts`` and ``edges``: event counts by period and country pair (``dyads``) and the
  actor and country graphs.
"""

from __future__ import annotations

import sqlite3

from newsgraph.store.timekeys import time_key

SUMMARY_SQL = """
ALTER TABLE articles ADD COLUMN t INTEGER;
CREATE INDEX articles_newest ON articles (t);
CREATE INDEX articles_outlet_newest ON articles (outlet COLLATE NOCASE, t);
DROP INDEX IF EXISTS articles_outlet;
DROP INDEX IF EXISTS entities_name;
DROP INDEX IF EXISTS quotes_speaker;
DROP INDEX IF EXISTS events_source;
DROP INDEX IF EXISTS events_target;

CREATE TABLE names (
    name_id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    uses INTEGER NOT NULL
);
CREATE VIRTUAL TABLE names_fts USING fts5 (
    name, content='names', content_rowid='name_id', tokenize='trigram'
);
CREATE TRIGGER names_fts_insert AFTER INSERT ON names BEGIN
    INSERT INTO names_fts (rowid, name) VALUES (new.name_id, new.name);
END;
CREATE TRIGGER names_fts_delete AFTER DELETE ON names BEGIN
    INSERT INTO names_fts (names_fts, rowid, name) VALUES ('delete', old.name_id, old.name);
END;

CREATE VIRTUAL TABLE actors_fts USING fts5 (
    name, content='actors', content_rowid='actor_id', tokenize='trigram'
);
CREATE TRIGGER actors_fts_insert AFTER INSERT ON actors BEGIN
    INSERT INTO actors_fts (rowid, name) VALUES (new.actor_id, new.name);
END;
CREATE TRIGGER actors_fts_delete AFTER DELETE ON actors BEGIN
    INSERT INTO actors_fts (actors_fts, rowid, name) VALUES ('delete', old.actor_id, old.name);
END;
CREATE TRIGGER actors_fts_update AFTER UPDATE OF name ON actors BEGIN
    INSERT INTO actors_fts (actors_fts, rowid, name) VALUES ('delete', old.actor_id, old.name);
    INSERT INTO actors_fts (rowid, name) VALUES (new.actor_id, new.name);
END;
INSERT INTO actors_fts (actors_fts) VALUES ('rebuild');

CREATE TABLE postings (
    kind INTEGER NOT NULL,
    value INTEGER NOT NULL,
    t INTEGER NOT NULL,
    article_seq INTEGER NOT NULL,
    idx INTEGER NOT NULL,
    PRIMARY KEY (kind, value, t DESC, article_seq DESC, idx)
) WITHOUT ROWID;

CREATE TABLE actor_stats (
    actor_id INTEGER PRIMARY KEY,
    type TEXT NOT NULL,
    articles INTEGER NOT NULL,
    mentions INTEGER NOT NULL,
    quotes INTEGER NOT NULL,
    events_source INTEGER NOT NULL,
    events_target INTEGER NOT NULL
);
CREATE INDEX actor_stats_articles ON actor_stats (articles DESC, actor_id);
CREATE INDEX actor_stats_quotes ON actor_stats (quotes DESC, articles DESC, actor_id);
CREATE INDEX actor_stats_type_articles ON actor_stats (type, articles DESC, actor_id);
CREATE INDEX actor_stats_type_quotes ON actor_stats (type, quotes DESC, articles DESC, actor_id);

CREATE TABLE actor_articles (
    actor_id INTEGER NOT NULL,
    t INTEGER NOT NULL,
    article_seq INTEGER NOT NULL,
    mentions INTEGER NOT NULL,
    quotes INTEGER NOT NULL,
    PRIMARY KEY (actor_id, t DESC, article_seq DESC)
) WITHOUT ROWID;

CREATE TABLE actor_weeks (
    actor_id INTEGER NOT NULL,
    week TEXT NOT NULL,
    statements INTEGER NOT NULL,
    PRIMARY KEY (actor_id, week)
) WITHOUT ROWID;

CREATE TABLE actor_alias_counts (
    actor_id INTEGER NOT NULL,
    alias TEXT NOT NULL,
    articles INTEGER NOT NULL,
    PRIMARY KEY (actor_id, alias)
) WITHOUT ROWID;

CREATE TABLE actor_titles (
    actor_id INTEGER NOT NULL,
    title TEXT NOT NULL,
    mentions INTEGER NOT NULL,
    first_key INTEGER NOT NULL,
    last_t INTEGER NOT NULL,
    first_seq INTEGER NOT NULL,
    evidence_start INTEGER NOT NULL,
    evidence_end INTEGER NOT NULL,
    PRIMARY KEY (actor_id, title)
) WITHOUT ROWID;

CREATE TABLE counters (
    kind TEXT NOT NULL,
    key TEXT NOT NULL,
    n INTEGER NOT NULL,
    PRIMARY KEY (kind, key)
) WITHOUT ROWID;

CREATE TABLE dyad_counts (
    period TEXT NOT NULL,
    source_country TEXT NOT NULL,
    target_country TEXT NOT NULL,
    plover TEXT NOT NULL,
    events INTEGER NOT NULL,
    articles INTEGER NOT NULL,
    goldstein_total REAL NOT NULL,
    goldstein_n INTEGER NOT NULL,
    PRIMARY KEY (period, source_country, target_country, plover)
) WITHOUT ROWID;

CREATE TABLE edges (
    level INTEGER NOT NULL,
    source INTEGER NOT NULL,
    target INTEGER NOT NULL,
    plover TEXT NOT NULL,
    n INTEGER NOT NULL,
    goldstein_total REAL NOT NULL,
    goldstein_n INTEGER NOT NULL,
    PRIMARY KEY (level, source, target, plover)
) WITHOUT ROWID;
CREATE INDEX edges_top ON edges (level, n DESC);
CREATE INDEX edges_type_top ON edges (level, plover, n DESC)
"""


def add_summaries(conn: sqlite3.Connection) -> None:
    """Migration step (schema 8): create the tables, then fill them from the stored articles.

    The rebuild runs today's writer arithmetic, which also writes ``edge_days`` (schema 9), so
    that table is created here too; migration 9 creates and fills it only where it is missing
    (a file migrated to 8 by an older newsgraph).
    """
    from newsgraph.store.day_edges import EDGE_DAYS_SQL
    from newsgraph.store.migrations import split_sql
    from newsgraph.store.summaries import rebuild_summaries

    for statement in [*split_sql(SUMMARY_SQL + ";"), EDGE_DAYS_SQL]:
        conn.execute(statement)
    conn.create_function("ng_time_key", 1, time_key, deterministic=True)
    conn.execute("UPDATE articles SET t = ng_time_key(published_utc)")
    rebuild_summaries(conn)
