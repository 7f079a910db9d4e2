"""Every query the CLI and the web run is an indexed lookup or a bounded scan.

Each query function is called with common and rare parameters on a real store; every SELECT
it runs is captured (with its parameters) and its ``EXPLAIN QUERY PLAN`` checked:

* no full scan of a table (``SCAN t`` without an index): its cost would grow with the database;
* a scan in index order (``SCAN t USING INDEX``) only in a statement with a LIMIT, and never
  followed by a sort of everything read (``USE TEMP B-TREE FOR ORDER BY``): the LIMIT then
  stops the scan after one page.

Plans are checked twice: as the planner sees a fresh file, and after ``ANALYZE`` (what
``PRAGMA optimize`` leaves behind when a store is closed).  The few questions the summaries do
not answer (a CAMEO code prefix in dyads and in the graph) scan the events;
:data:`AGGREGATING` lists them and a test checks that they still do (so the list stays true).
A graph over a range of whole days reads the per-day edges of the range (``edge_days``: one
index range, its cost the number of distinct edges in those days, not of their events); only
a bound with a time of day reads the events of the range.
"""

from __future__ import annotations

import random
import re
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from newsgraph.store import open_store
from newsgraph.store.actor_queries import actor_detail, find_actor_ids, list_actors
from newsgraph.store.article_queries import entity_actors, get_article, list_articles, list_outlets, totals
from newsgraph.store.dyad_queries import _edges_from_events, dyads, graph_edges
from newsgraph.store.event_queries import event_types, find_events
from newsgraph.store.filters import ActorFilter, ArticleFilter, DyadFilter, EventFilter, QuoteFilter
from newsgraph.store.quote_queries import find_quotes, search_statements
from tests._random_articles import random_article

Query = Callable[[sqlite3.Connection], Any]

QUERIES: dict[str, Query] = {
    "articles newest": lambda c: list_articles(c, ArticleFilter()),
    "articles page 3": lambda c: list_articles(c, ArticleFilter(limit=20, offset=40)),
    "articles after cursor": lambda c: list_articles(c, ArticleFilter(after="1714000000.50.0")),
    "articles outlet": lambda c: list_articles(c, ArticleFilter(outlet="example times")),
    "articles dates": lambda c: list_articles(c, ArticleFilter(since="2024-03-01", until="2024-03-31")),
    "articles search common": lambda c: list_articles(c, ArticleFilter(search="w1")),
    "articles search rare": lambda c: list_articles(c, ArticleFilter(search="unique7")),
    "articles search + outlet": lambda c: list_articles(
        c, ArticleFilter(search="w2", outlet="Daily Example")
    ),
    "article by id": lambda c: get_article(c, "r5"),
    "article entity actors": lambda c: entity_actors(c, "r5"),
    "outlets": list_outlets,
    "totals": totals,
    "quotes newest": lambda c: find_quotes(c, QuoteFilter()),
    "quotes type and dates": lambda c: find_quotes(c, QuoteFilter(type="direct", since="2024-02-01")),
    "quotes speaker common": lambda c: find_quotes(c, QuoteFilter(speaker="Person")),
    "quotes speaker rare": lambda c: find_quotes(c, QuoteFilter(speaker="Person59 Surname8")),
    "quotes speaker short": lambda c: find_quotes(c, QuoteFilter(speaker="po")),
    "quotes words": lambda c: find_quotes(c, QuoteFilter(search="w3")),
    "quotes speaker + words": lambda c: find_quotes(c, QuoteFilter(speaker="Person1", search="w3")),
    "quotes of an actor": lambda c: find_quotes(c, QuoteFilter(actor_id=1)),
    "quotes after cursor": lambda c: find_quotes(c, QuoteFilter(after="1714000000.50.1")),
    "search box": lambda c: search_statements(c, "Person2"),
    "events newest": lambda c: find_events(c, EventFilter()),
    "events source": lambda c: find_events(c, EventFilter(source="Person3")),
    "events target rare": lambda c: find_events(c, EventFilter(target="Agency 14")),
    "events country": lambda c: find_events(c, EventFilter(country="UKR")),
    "events plover": lambda c: find_events(c, EventFilter(type="ACCUSE")),
    "events cameo root": lambda c: find_events(c, EventFilter(type="11")),
    "events cameo code": lambda c: find_events(c, EventFilter(type="112")),
    "events one digit": lambda c: find_events(c, EventFilter(type="1")),
    "events combined": lambda c: find_events(
        c, EventFilter(source="Person", country="USA", since="2024-04-01")
    ),
    "event types": event_types,
    "actors by articles": lambda c: list_actors(c, ActorFilter()),
    "actors by quotes": lambda c: list_actors(c, ActorFilter(order="quotes", speakers_only=True)),
    "actors of a type": lambda c: list_actors(c, ActorFilter(type="ORG", order="quotes")),
    "actors by name": lambda c: list_actors(c, ActorFilter(name="surname1")),
    "actors short name": lambda c: list_actors(c, ActorFilter(name="pe")),
    "actor lookup": lambda c: find_actor_ids(c, "Person1"),
    "actor page": lambda c: actor_detail(c, 1),
    "dyads month": lambda c: dyads(c, DyadFilter()),
    "dyads week in March": lambda c: dyads(
        c, DyadFilter(period="week", since="2024-03-01", until="2024-03-31")
    ),
    "dyads year of a type": lambda c: dyads(c, DyadFilter(period="year", type="ACCUSE")),
    "graph actors": lambda c: graph_edges(c, DyadFilter(limit=200)),
    "graph all sides of a type": lambda c: graph_edges(c, DyadFilter(all_sides=True, type="SUPPORT")),
    "graph countries": lambda c: graph_edges(c, DyadFilter(level="country")),
    # a range of days: the edges of those days (edge_days), one index range
    "graph in a week": lambda c: graph_edges(c, DyadFilter(since="2024-03-01", until="2024-03-07")),
    "graph in a month of a type": lambda c: graph_edges(
        c, DyadFilter(since="2024-03-01", until="2024-03-31", type="ACCUSE")
    ),
    "graph of countries since a day": lambda c: graph_edges(
        c, DyadFilter(level="country", since="2024-06-01")
    ),
    "graph all sides until a day": lambda c: graph_edges(c, DyadFilter(all_sides=True, until="2024-02-01")),
    # a bound with a time of day: the events of the range, read through articles (t)
    "graph from a time of day": lambda c: graph_edges(c, DyadFilter(since="2024-03-01T12:00")),
}
#: Answered by aggregating the events selected (cost grows with the selection, see dyad_queries).
AGGREGATING: dict[str, Query] = {
    "dyads of a CAMEO prefix": lambda c: dyads(c, DyadFilter(type="11")),
    "graph of a CAMEO prefix": lambda c: graph_edges(c, DyadFilter(type="11")),
}


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    path = tmp_path_factory.mktemp("plans") / "plans.db"
    rng = random.Random(3)
    with open_store(path) as store:
        store.add_many(random_article(rng, n) for n in range(400))
    yield path


def plans(conn: sqlite3.Connection, query: Query) -> list[tuple[str, list[str]]]:
    """``(sql, plan lines)`` of every SELECT ``query`` runs."""
    seen: list[str] = []
    conn.set_trace_callback(seen.append)
    try:
        query(conn)
    finally:
        conn.set_trace_callback(None)
    out = []
    for sql in dict.fromkeys(seen):
        if re.match(r"\s*(SELECT|WITH)\b", sql, re.I):
            out.append((sql, [str(r[3]) for r in conn.execute("EXPLAIN QUERY PLAN " + sql)]))
    return out


#: Tables whose size grows with the database, and the aliases the queries give them.  A scan of
#: anything else in a plan is of a sub-query or CTE with its own LIMIT (a page, a window).
LARGE = {
    *("articles", "quotes", "events", "entities", "mentions", "actors", "actor_links", "actor_roles"),
    *("postings", "actor_stats", "actor_articles", "actor_alias_counts", "actor_weeks", "actor_titles"),
    *("names", "counters", "dyad_counts", "edges", "edge_days", "article_sources", "statement_keys"),
    *("a", "q", "e", "v", "ac", "l", "r", "p", "s", "x", "n"),
}


def problems(sql: str, plan: list[str]) -> list[str]:
    if "'main'." in sql:  # FTS5's own bookkeeping (its config table: a few rows)
        return []
    found = []
    for line in plan:
        scanned = re.match(r"SCAN (\w+)", line)
        if scanned is None or scanned.group(1) not in LARGE:
            continue
        if re.fullmatch(r"SCAN \w+", line):
            found.append(f"full scan: {line}")
        else:
            if "LIMIT" not in sql.upper():
                found.append(f"index scan without LIMIT: {line}")
            if "USE TEMP B-TREE FOR ORDER BY" in plan:
                found.append(f"index scan sorted afterwards: {line}")
    return found


@pytest.mark.parametrize("analysed", [False, True], ids=["fresh", "analysed"])
@pytest.mark.parametrize("name", list(QUERIES))
def test_every_query_is_an_indexed_lookup(db: Path, name: str, analysed: bool) -> None:
    conn = sqlite3.connect(db)
    if analysed:
        conn.execute("ANALYZE")
    checked = plans(conn, QUERIES[name])
    conn.close()
    assert checked, f"{name}: no SELECT captured"
    bad = {sql: p for sql, plan in checked if (p := problems(sql, plan))}
    assert not bad, f"{name}: {bad}"


def test_only_the_listed_queries_aggregate_their_selection(db: Path) -> None:
    conn = sqlite3.connect(db)
    for name, query in AGGREGATING.items():
        found = [p for sql, plan in plans(conn, query) for p in problems(sql, plan)]
        assert found, f"{name} no longer scans: move it to QUERIES"
    conn.close()


def test_the_plans_return_the_rows_a_scan_would(db: Path) -> None:
    """The indexed paths give what a plain query over the base tables gives."""
    conn = sqlite3.connect(db)
    newest = conn.execute(
        "SELECT id FROM articles ORDER BY published_utc IS NULL, published_utc DESC, seq DESC LIMIT 50"
    ).fetchall()
    assert [a.id for a in list_articles(conn, ArticleFilter())] == [r[0] for r in newest]
    by_speaker = conn.execute(
        "SELECT a.id, q.idx FROM quotes q JOIN articles a ON a.seq = q.article_seq "
        "WHERE q.speaker LIKE '%person1%' "
        "ORDER BY a.published_utc IS NULL, a.published_utc DESC, a.seq DESC, q.idx LIMIT 30"
    ).fetchall()
    hits = find_quotes(conn, QuoteFilter(speaker="person1", limit=30))
    assert [(h.article_id, h.idx) for h in hits] == [tuple(r) for r in by_speaker]
    by_country = conn.execute(
        "SELECT a.id, e.idx FROM events e JOIN articles a ON a.seq = e.article_seq "
        "WHERE (e.source_country = 'UKR' OR e.target_country = 'UKR') AND e.plover = 'ACCUSE' "
        "ORDER BY a.published_utc IS NULL, a.published_utc DESC, a.seq DESC, e.idx LIMIT 40"
    ).fetchall()
    events = find_events(conn, EventFilter(country="ukr", type="accuse", limit=40))
    assert [(h.article_id, h.idx) for h in events] == [tuple(r) for r in by_country]
    for level, kind, since, until, all_sides in (
        ("actor", None, "2024-03-01", "2024-03-31", False),
        ("country", None, "2024-01-01", "2024-06-30", False),
        ("actor", "SUPPORT", None, "2024-05-01", True),
    ):
        f = DyadFilter(level=level, type=kind, since=since, until=until, all_sides=all_sides, limit=10_000)
        from_days = graph_edges(conn, f)
        assert len(from_days) > 3
        by_events = _edges_from_events(conn, f)  # the old path: aggregate the events of the range
        assert sorted(from_days, key=repr) == sorted(by_events, key=repr), (level, kind)
    first = find_quotes(conn, QuoteFilter(limit=7))
    after = find_quotes(conn, QuoteFilter(limit=7, after=first[-1].cursor))
    assert [(h.article_id, h.idx) for h in first + after] == [
        (h.article_id, h.idx) for h in find_quotes(conn, QuoteFilter(limit=14))
    ]
    conn.close()
