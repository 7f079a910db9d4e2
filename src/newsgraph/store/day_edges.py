"""The event graph per day (``edge_days``): a graph over a date range without reading its events.

Why: the graph over a date range used to aggregate every event of the range, looking up both
sides' actors per event (169 ms CPU for one week at 534,000 articles, growing with the
database).  ``edge_days`` holds what ``edges`` holds, per UTC day of publication: the writer
adds an article's edges to its day in the article's transaction
(:func:`newsgraph.store.summaries.contribution` gives both tables the same rows), so a range
of whole days sums the rows of those days, one index range, and the events are not read.  The
cost of a range is the number of distinct edges reported in it (news per day times days), not
the size of the database.  Undated articles have no day: they are only in ``edges``.

Schema version 9 (:func:`add_edge_days` creates the table and fills it from the stored events
in SQL; ``tests/test_summaries.py`` checks it equals a recount).
"""

from __future__ import annotations

import sqlite3

from newsgraph.store.summaries import ACTOR_LEVEL, COUNTRY_LEVEL
from newsgraph.store.timekeys import DAY_SECONDS, UNDATED

EDGE_DAYS_SQL = """
CREATE TABLE edge_days (
    level INTEGER NOT NULL,
    day INTEGER NOT NULL,
    source INTEGER NOT NULL,
    target INTEGER NOT NULL,
    plover TEXT NOT NULL,
    n INTEGER NOT NULL,
    goldstein_total REAL NOT NULL,
    goldstein_n INTEGER NOT NULL,
    PRIMARY KEY (level, day, source, target, plover)
) WITHOUT ROWID
"""


# The actor linked to an event side's entity (``v``: events), or NULL.
_ACTOR = (
    "(SELECT l.actor_id FROM entities x JOIN actor_links l ON l.article_seq = x.article_seq "
    "AND l.entity_idx = x.idx WHERE x.article_seq = v.article_seq AND x.entity_id = v.{side}_entity "
    "ORDER BY x.idx DESC LIMIT 1)"
)
# The day of ``a.t`` rounded down (SQLite's integer division rounds towards zero).
_DAY = f"(a.t / {DAY_SECONDS} - (a.t % {DAY_SECONDS} < 0))"


def add_edge_days(conn: sqlite3.Connection) -> None:
    """Migration step: create ``edge_days`` and fill it from the stored events, in SQL.

    The same rows :mod:`newsgraph.store.summaries` writes: at actor level an event with both
    sides named, each end its entity's actor or else minus the ``names`` id of the side's text
    (every such name is already interned by the ``edges`` summary); at country level an event
    with both countries.  The last entity with the side's id wins, as in ``contribution``.
    """
    conn.execute(EDGE_DAYS_SQL)
    sides = (
        f"SELECT v.article_seq, v.source, v.target, v.source_country, v.target_country, v.plover, "
        f"v.goldstein, {_DAY} AS day, {_ACTOR.format(side='source')} AS sa, "
        f"{_ACTOR.format(side='target')} AS ta "
        f"FROM events v JOIN articles a ON a.seq = v.article_seq WHERE a.t > {UNDATED}"
    )
    conn.execute(
        "INSERT INTO edge_days SELECT ?, s.day, "
        "coalesce(s.sa, -(SELECT name_id FROM names WHERE name = s.source)), "
        "coalesce(s.ta, -(SELECT name_id FROM names WHERE name = s.target)), "
        "s.plover, count(*), total(s.goldstein), count(s.goldstein) "
        f"FROM ({sides}) s WHERE s.source != '' AND s.target != '' "
        "GROUP BY 2, 3, 4, 5",
        (ACTOR_LEVEL,),
    )
    conn.execute(
        "INSERT INTO edge_days SELECT ?, s.day, -ns.name_id, -nt.name_id, "
        "s.plover, count(*), total(s.goldstein), count(s.goldstein) "
        f"FROM (SELECT v.source_country, v.target_country, v.plover, v.goldstein, {_DAY} AS day "
        f"FROM events v JOIN articles a ON a.seq = v.article_seq WHERE a.t > {UNDATED}) s "
        "JOIN names ns ON ns.name = s.source_country JOIN names nt ON nt.name = s.target_country "
        "WHERE s.source_country != '' AND s.target_country != '' GROUP BY 2, 3, 4, 5",
        (COUNTRY_LEVEL,),
    )


__all__ = ["EDGE_DAYS_SQL", "add_edge_days"]
