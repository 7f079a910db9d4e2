"""Schema version 9: the event graph per day, and smaller keys (issue 17: size at most 2.5x text).

* ``edge_days`` (:mod:`newsgraph.store.day_edges`): the graph over a date range.
* ``statement_keys.key`` becomes a signed 64-bit hash of the normalised statement
  (:func:`newsgraph.dedup.statement_hash`) instead of the text: the text was stored and indexed
  once per quote (about 1.2 KB per article at 534,000 articles).  The ``statements`` view keeps
  its columns; ``statement_key`` is now that integer.
* ``actor_links`` becomes a WITHOUT ROWID table keyed by ``(article_seq, entity_idx)``: as a
  rowid table it kept its key twice (the table and a unique index), about 440 bytes per article.

Existing rows are converted in SQL (the stored key text is hashed, not recomputed from quotes).
"""

from __future__ import annotations

import sqlite3

from newsgraph.dedup import key_hash
from newsgraph.store.day_edges import add_edge_days

_STATEMENT_KEYS = """
DROP VIEW statements;
CREATE TABLE statement_keys_v9 (
    quote_id INTEGER PRIMARY KEY REFERENCES quotes (quote_id) ON DELETE CASCADE,
    key INTEGER NOT NULL
);
INSERT INTO statement_keys_v9 (quote_id, key) SELECT quote_id, ng_key_hash(key) FROM statement_keys;
DROP TABLE statement_keys;
ALTER TABLE statement_keys_v9 RENAME TO statement_keys;
CREATE INDEX statement_keys_key ON statement_keys (key);
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

_ACTOR_LINKS = """
CREATE TABLE actor_links_v9 (
    article_seq INTEGER NOT NULL REFERENCES articles (seq) ON DELETE CASCADE,
    entity_idx INTEGER NOT NULL,
    actor_id INTEGER NOT NULL REFERENCES actors (actor_id),
    PRIMARY KEY (article_seq, entity_idx)
) WITHOUT ROWID;
INSERT INTO actor_links_v9 (article_seq, entity_idx, actor_id)
SELECT article_seq, entity_idx, actor_id FROM actor_links ORDER BY article_seq, entity_idx;
DROP TABLE actor_links;
ALTER TABLE actor_links_v9 RENAME TO actor_links;
CREATE INDEX actor_links_actor ON actor_links (actor_id);
"""


def migrate_v9(conn: sqlite3.Connection) -> None:
    """Migration step 9 (see the module docstring)."""
    from newsgraph.store.migrations import split_sql

    conn.create_function("ng_key_hash", 1, key_hash, deterministic=True)
    for script in (_STATEMENT_KEYS, _ACTOR_LINKS):
        for statement in split_sql(script):
            conn.execute(statement)
    exists = conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'edge_days'")
    if exists.fetchone() is None:  # made by migration 8 when 8 and 9 run together (summary_schema)
        add_edge_days(conn)


__all__ = ["migrate_v9"]
