"""The writer's summary tables equal a recount from scratch: after a random ingest, after
deletes, after a SIGKILL in the middle of an ingest, and after the migration that builds them.

The recount is plain SQL over the base tables (articles, entities, mentions, quotes, events,
actor links and roles), written independently of ``newsgraph.store.summaries``.
"""

from __future__ import annotations

import dataclasses
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from newsgraph.store import open_store
from newsgraph.store.migrations import migrate
from newsgraph.store.timekeys import UNDATED
from tests._random_articles import random_article

REPO = Path(__file__).resolve().parents[1]
PRONOUNS = "('he','him','his','she','her','hers','they','them','their','it','its','we')"
# The actor of a linked entity, as a join fragment over alias ``e`` (entities).
LINKED = "JOIN actor_links l ON l.article_seq = e.article_seq AND l.entity_idx = e.idx"

RECOUNT = {
    "counters": """
        SELECT 'total', 'articles', count(*) FROM articles HAVING count(*) > 0
        UNION ALL SELECT 'total', 'quotes', count(*) FROM quotes HAVING count(*) > 0
        UNION ALL SELECT 'total', 'events', count(*) FROM events HAVING count(*) > 0
        UNION ALL SELECT 'outlet', outlet, count(*) FROM articles WHERE outlet != '' GROUP BY outlet
        UNION ALL SELECT 'plover', plover, count(*) FROM events GROUP BY plover""",
    "actor_stats": f"""
        SELECT ac.actor_id, ac.type,
          (SELECT count(DISTINCT article_seq) FROM actor_links WHERE actor_id = ac.actor_id),
          (SELECT count(*) FROM actor_links l JOIN mentions m
             ON m.article_seq = l.article_seq AND m.entity_idx = l.entity_idx WHERE l.actor_id = ac.actor_id),
          (SELECT count(*) FROM entities e {LINKED} JOIN quotes q
             ON q.article_seq = e.article_seq AND q.speaker_entity = e.entity_id WHERE l.actor_id =
               ac.actor_id),
          (SELECT count(*) FROM entities e {LINKED} JOIN events v
             ON v.article_seq = e.article_seq AND v.source_entity = e.entity_id WHERE l.actor_id =
               ac.actor_id),
          (SELECT count(*) FROM entities e {LINKED} JOIN events v
             ON v.article_seq = e.article_seq AND v.target_entity = e.entity_id WHERE l.actor_id =
               ac.actor_id)
        FROM actors ac WHERE ac.actor_id IN (SELECT actor_id FROM actor_links)""",
    "actor_articles": f"""
        SELECT l.actor_id, a.t, l.article_seq,
          (SELECT count(*) FROM actor_links l2 JOIN mentions m ON m.article_seq = l2.article_seq
             AND m.entity_idx = l2.entity_idx WHERE l2.actor_id = l.actor_id AND l2.article_seq =
               l.article_seq),
          (SELECT count(*) FROM entities e {LINKED.replace(" l ", " l3 ").replace("l.", "l3.")}
             JOIN quotes q ON q.article_seq = e.article_seq AND q.speaker_entity = e.entity_id
             WHERE l3.actor_id = l.actor_id AND e.article_seq = l.article_seq)
        FROM (SELECT DISTINCT actor_id, article_seq FROM actor_links) l JOIN articles a ON a.seq =
          l.article_seq""",
    "actor_weeks": f"""
        SELECT l.actor_id, date(a.published_utc, 'weekday 0', '-6 days'), count(*)
        FROM quotes q JOIN entities e ON e.article_seq = q.article_seq AND e.entity_id =
          q.speaker_entity {LINKED}
        JOIN articles a ON a.seq = q.article_seq WHERE a.published_utc IS NOT NULL GROUP BY 1, 2""",
    "actor_alias_counts": f"""
        SELECT l.actor_id, n.alias, count(DISTINCT e.article_seq) FROM entities e {LINKED}
        JOIN (SELECT article_seq, idx, name AS alias FROM entities UNION
              SELECT e2.article_seq, e2.idx, j.value FROM entities e2, json_each(e2.aliases) j) n
          ON n.article_seq = e.article_seq AND n.idx = e.idx
        WHERE lower(n.alias) NOT IN {PRONOUNS} GROUP BY 1, 2""",
    "actor_titles": f"""
        SELECT r.actor_id, r.title, count(*),
          min(CASE WHEN a.t > {UNDATED} THEN a.t ELSE {-UNDATED} END), max(a.t),
          (SELECT r2.article_seq FROM actor_roles r2 JOIN articles a2 ON a2.seq = r2.article_seq
            WHERE r2.actor_id = r.actor_id AND r2.title = r.title
            ORDER BY CASE WHEN a2.t > {UNDATED} THEN a2.t ELSE {-UNDATED} END, a2.seq, r2.rowid LIMIT 1),
          (SELECT r2.evidence_start FROM actor_roles r2 JOIN articles a2 ON a2.seq = r2.article_seq
            WHERE r2.actor_id = r.actor_id AND r2.title = r.title
            ORDER BY CASE WHEN a2.t > {UNDATED} THEN a2.t ELSE {-UNDATED} END, a2.seq, r2.rowid LIMIT 1),
          (SELECT r2.evidence_end FROM actor_roles r2 JOIN articles a2 ON a2.seq = r2.article_seq
            WHERE r2.actor_id = r.actor_id AND r2.title = r.title
            ORDER BY CASE WHEN a2.t > {UNDATED} THEN a2.t ELSE {-UNDATED} END, a2.seq, r2.rowid LIMIT 1)
        FROM actor_roles r JOIN articles a ON a.seq = r.article_seq GROUP BY r.actor_id, r.title""",
    "dyad_counts": """
        SELECT p.period, v.source_country, coalesce(v.target_country, ''), v.plover, count(*),
          count(DISTINCT v.article_seq), round(total(v.goldstein), 6), count(v.goldstein)
        FROM events v JOIN articles a ON a.seq = v.article_seq
        JOIN (SELECT seq, 'D' || coalesce(substr(published_utc, 1, 10), '') AS period FROM articles UNION ALL
              SELECT seq, 'M' || coalesce(substr(published_utc, 1, 7), '') FROM articles) p ON p.seq = a.seq
        WHERE v.source_country IS NOT NULL GROUP BY 1, 2, 3, 4""",
}
# Postings and graph edges with names as text, so the comparison does not depend on name ids.
ENDS = f"""
    WITH ev AS (
      SELECT v.*, a.t, a.published_utc AS utc,
                  (SELECT l.actor_id FROM entities e {LINKED} WHERE e.article_seq = v.article_seq
                        AND e.entity_id = v.source_entity) AS sa,
                  (SELECT l.actor_id FROM entities e {LINKED} WHERE e.article_seq = v.article_seq
                        AND e.entity_id = v.target_entity) AS ta
      FROM events v JOIN articles a ON a.seq = v.article_seq)
"""
RECOUNT_POSTINGS = f"""
    {ENDS}, qs AS (
      SELECT q.*, a.t, (SELECT l.actor_id FROM entities e {LINKED} WHERE e.article_seq = q.article_seq
                        AND e.entity_id = q.speaker_entity) AS qa
      FROM quotes q JOIN articles a ON a.seq = q.article_seq)
    SELECT 1, speaker, t, article_seq, idx FROM qs WHERE speaker != ''
    UNION SELECT 2, qa, t, article_seq, idx FROM qs WHERE qa IS NOT NULL
    UNION SELECT 3, source, t, article_seq, idx FROM ev WHERE source != ''
    UNION SELECT 4, target, t, article_seq, idx FROM ev WHERE target != ''
    UNION SELECT 5, source_country, t, article_seq, idx FROM ev WHERE source_country IS NOT NULL
    UNION SELECT 5, target_country, t, article_seq, idx FROM ev WHERE target_country IS NOT NULL
    UNION SELECT 6, plover, t, article_seq, idx FROM ev
    UNION SELECT 7, substr(cameo, 1, 2), t, article_seq, idx FROM ev WHERE length(cameo) >= 2"""
STORED_POSTINGS = """
    SELECT p.kind, CASE WHEN p.kind = 2 THEN p.value ELSE n.name END, p.t, p.article_seq, p.idx
    FROM postings p LEFT JOIN names n ON n.name_id = p.value AND p.kind != 2"""
RECOUNT_EDGES = f"""
    {ENDS}
    SELECT 0, coalesce(sa, 'name:' || source), coalesce(ta, 'name:' || target), plover, count(*),
      round(total(goldstein), 6), count(goldstein) FROM ev WHERE source != '' AND target != '' GROUP BY
        2, 3, 4
    UNION ALL
    SELECT 1, 'name:' || source_country, 'name:' || target_country, plover, count(*),
      round(total(goldstein), 6),
      count(goldstein) FROM ev WHERE source_country IS NOT NULL AND target_country IS NOT NULL GROUP BY
        2, 3, 4"""
# The same per UTC day of publication (dated articles), the day taken from the text of the date.
DAY = "CAST(strftime('%s', date(utc)) AS INTEGER) / 86400"
RECOUNT_EDGE_DAYS = f"""
    {ENDS}
    SELECT 0, {DAY}, coalesce(sa, 'name:' || source), coalesce(ta, 'name:' || target), plover, count(*),
      round(total(goldstein), 6), count(goldstein) FROM ev
      WHERE source != '' AND target != '' AND utc IS NOT NULL GROUP BY 2, 3, 4, 5
    UNION ALL
    SELECT 1, {DAY}, 'name:' || source_country, 'name:' || target_country, plover, count(*),
      round(total(goldstein), 6), count(goldstein) FROM ev
      WHERE source_country IS NOT NULL AND target_country IS NOT NULL AND utc IS NOT NULL
      GROUP BY 2, 3, 4, 5"""
STORED_EDGE_DAYS = """
    SELECT level, day, CASE WHEN source > 0 THEN source ELSE 'name:' || s.name END,
      CASE WHEN target > 0 THEN target ELSE 'name:' || t.name END, plover, n, round(goldstein_total, 6),
        goldstein_n
    FROM edge_days LEFT JOIN names s ON s.name_id = -source LEFT JOIN names t ON t.name_id = -target"""
STORED_EDGES = """
    SELECT level, CASE WHEN source > 0 THEN source ELSE 'name:' || s.name END,
      CASE WHEN target > 0 THEN target ELSE 'name:' || t.name END, plover, n, round(goldstein_total, 6),
        goldstein_n
    FROM edges LEFT JOIN names s ON s.name_id = -source LEFT JOIN names t ON t.name_id = -target"""


def _rows(conn: sqlite3.Connection, sql: str) -> list[tuple[object, ...]]:
    return sorted(conn.execute(sql).fetchall(), key=repr)


def assert_summaries_match_recount(conn: sqlite3.Connection) -> None:
    from newsgraph.store.timekeys import time_key

    for seq, utc, t in conn.execute("SELECT seq, published_utc, t FROM articles"):
        assert t == time_key(utc), seq
    for table, sql in RECOUNT.items():
        stored = f"SELECT * FROM {table}"
        if table == "dyad_counts":
            stored = (
                "SELECT period, source_country, target_country, plover, events, articles, "
                "round(goldstein_total, 6), goldstein_n FROM dyad_counts"
            )
        assert _rows(conn, stored) == _rows(conn, sql), table
    assert _rows(conn, STORED_POSTINGS) == _rows(conn, RECOUNT_POSTINGS), "postings"
    assert _rows(conn, STORED_EDGES) == _rows(conn, RECOUNT_EDGES), "edges"
    assert _rows(conn, STORED_EDGE_DAYS) == _rows(conn, RECOUNT_EDGE_DAYS), "edge_days"
    uses = (
        "SELECT n.name, count(*) FROM postings p JOIN names n ON n.name_id = p.value "
        "WHERE p.kind != 2 GROUP BY 1"
    )
    assert _rows(conn, "SELECT name, uses FROM names") == _rows(conn, uses), "names"


def test_summaries_equal_a_recount_after_a_random_ingest_and_deletes(tmp_path: Path) -> None:
    rng = random.Random(17)
    with open_store(tmp_path / "s.db") as store:
        store.add_many(random_article(rng, n) for n in range(300))
        for n in range(5):
            store.add(random_article(rng, 1000 + n))
        assert_summaries_match_recount(store.connection)
        assert store.connection.execute("SELECT count(*) FROM actor_titles").fetchone()[0] > 10
        assert store.connection.execute("SELECT count(*) FROM edges WHERE source > 0").fetchone()[0] > 10
        assert store.connection.execute("SELECT count(*) FROM edge_days WHERE source > 0").fetchone()[0] > 10
        for n in rng.sample(range(300), 40):
            store.delete(f"r{n}")
        assert_summaries_match_recount(store.connection)


def test_the_migration_builds_the_summaries_of_stored_articles(tmp_path: Path) -> None:
    """Articles written by a schema-7 newsgraph (no summary tables) get them on upgrade."""
    from newsgraph.records import text_sha256
    from newsgraph.store.actor_identity import link_entities
    from newsgraph.store.ingest_state import record_article
    from newsgraph.store.record_places import locate_records
    from newsgraph.store.sqlite_rows import write_article

    db = tmp_path / "v7.db"
    rng = random.Random(5)
    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("PRAGMA foreign_keys = ON")
    assert migrate(conn, target=7) == [1, 2, 3, 4, 5, 6, 7]
    conn.execute("BEGIN")
    for n in range(120):
        article = random_article(rng, n)
        key = text_sha256(article.text)
        seq = write_article(conn, article, key, "2024-06-01T00:00:00+00:00")
        assert seq is not None
        locate_records(conn, seq, article, link_entities(conn, seq, article))
        record_article(conn, seq, article, key, "2024-06-01T00:00:00+00:00")
    conn.execute("COMMIT")
    assert migrate(conn) == [8, 9, 10]
    assert conn.execute("SELECT count(*) FROM postings").fetchone()[0] > 100
    assert_summaries_match_recount(conn)
    conn.close()


def test_migration_9_converts_a_schema_8_file(tmp_path: Path) -> None:
    """A file made by a schema-8 newsgraph (no edge_days, statement keys as text, actor_links a
    rowid table) gets the per-day graph, hashed keys and a clustered actor_links on upgrade."""
    from newsgraph.dedup import normalize_statement, statement_hash
    from newsgraph.records import text_sha256
    from newsgraph.store.actor_identity import link_entities
    from newsgraph.store.ingest_state import record_article
    from newsgraph.store.record_places import locate_records
    from newsgraph.store.sqlite_rows import utc_timestamp, write_article
    from newsgraph.store.summaries import add_article

    db = tmp_path / "v8.db"
    rng = random.Random(9)
    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("PRAGMA foreign_keys = ON")
    assert migrate(conn, target=8) == [1, 2, 3, 4, 5, 6, 7, 8]
    conn.execute("BEGIN")
    for n in range(150):
        article = random_article(rng, n)
        if n % 10 == 0:  # the same statement reported again by another article
            article = dataclasses.replace(article, quotes=random_article(random.Random(0), 0).quotes)
        key = text_sha256(article.text)
        seq = write_article(conn, article, key, "2024-06-01T00:00:00+00:00")
        assert seq is not None
        locate_records(conn, seq, article, link_entities(conn, seq, article))
        record_article(conn, seq, article, key, "2024-06-01T00:00:00+00:00")
        add_article(conn, seq, article, utc_timestamp(article.published))
    # What schema 8 looked like before version 9: no edge_days, the normalised text as the key.
    conn.execute("DROP TABLE edge_days")
    conn.create_function("ng_norm", 1, normalize_statement)
    conn.execute(
        "UPDATE statement_keys SET key = "
        "(SELECT ng_norm(text) FROM quotes q WHERE q.quote_id = statement_keys.quote_id)"
    )
    conn.execute("COMMIT")
    assert conn.execute("SELECT count(*) FROM statement_keys WHERE typeof(key) = 'text'").fetchone()[0] > 100
    links = _rows(conn, "SELECT * FROM actor_links")
    grouped = _rows(conn, "SELECT speaker, text, articles FROM statements")

    assert migrate(conn) == [9, 10]
    assert_summaries_match_recount(conn)  # edge_days included
    assert conn.execute("SELECT count(*) FROM edge_days").fetchone()[0] > 50
    keys = conn.execute(
        "SELECT k.key, q.text FROM statement_keys k JOIN quotes q USING (quote_id)"
    ).fetchall()
    assert len(keys) > 100 and all(key == statement_hash(text) for key, text in keys)
    assert _rows(conn, "SELECT speaker, text, articles FROM statements") == grouped
    assert max(r[2] for r in grouped) >= 15  # the repeated statement is still one row
    sql = conn.execute("SELECT sql FROM sqlite_master WHERE name = 'actor_links'").fetchone()[0]
    assert "WITHOUT ROWID" in sql
    assert _rows(conn, "SELECT * FROM actor_links") == links
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    conn.close()


_CHILD = """
import random, sys
from newsgraph.store import open_store
from tests._random_articles import random_article
rng = random.Random(int(sys.argv[2]))
with open_store(sys.argv[1]) as store:
    n = 0
    while True:
        store.add_many(random_article(rng, int(sys.argv[2]) * 100000 + n + i) for i in range(7))
        n += 7
"""


def test_summaries_equal_a_recount_after_a_sigkill_mid_ingest(tmp_path: Path) -> None:
    db = tmp_path / "killed.db"
    env = {**os.environ, "PYTHONPATH": f"{REPO / 'src'}{os.pathsep}{REPO}"}
    for seed in (1, 2):  # killed twice: the second ingest resumes on top of the first
        child = subprocess.Popen([sys.executable, "-c", _CHILD, str(db), str(seed)], cwd=REPO, env=env)
        deadline = time.monotonic() + 60
        stored = 0
        while stored < 150 * seed and time.monotonic() < deadline:
            time.sleep(0.2)
            if db.exists():
                try:
                    with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5) as probe:
                        stored = probe.execute("SELECT count(*) FROM articles").fetchone()[0]
                except sqlite3.OperationalError:
                    stored = 0
        child.send_signal(signal.SIGKILL)
        child.wait()
        assert stored >= 150 * seed, "the child did not store enough articles before the deadline"
    with open_store(db) as store:
        assert store.connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert_summaries_match_recount(store.connection)
