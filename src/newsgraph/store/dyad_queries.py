"""Event counts: dyads per period (the ``dyads`` command) and the event graph (web, API).

Two different questions, two row types:

* :class:`DyadRow`: events of one source country on one target country, of one PLOVER type,
  in one period (day, week, month, year, all): what GDELT/ICEWS users aggregate.  Read from
  ``dyad_counts`` (kept per day and per month by the writer); a week is a sum of days, a year
  of months.
* :class:`Dyad`: an edge of the graph, source -> target (actors or countries) per type, with
  its count; read from ``edges`` (kept by the writer), strongest first through an index, or,
  over a range of whole days, summed from ``edge_days`` (the same per day).

A filter the summaries cannot answer (a CAMEO prefix; a time of day as a bound) is answered
by aggregating the events in SQL instead (:func:`_dyads_from_events`,
:func:`_edges_from_events`): correct, but its cost grows with the number of events selected.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from newsgraph.errors import StoreError
from newsgraph.records import PLOVER_TYPES
from newsgraph.store.event_queries import event_type_condition
from newsgraph.store.filters import DyadFilter
from newsgraph.store.summaries import ACTOR_LEVEL, COUNTRY_LEVEL
from newsgraph.store.timekeys import add_time_bounds, day_number, key_range, since_bound, until_bound

#: Period name -> SQLite expression over a UTC date or time text ``{x}``.
PERIODS = {
    "day": "substr({x}, 1, 10)",
    "week": "strftime('%Y-W%W', {x})",
    "month": "substr({x}, 1, 7)",
    "year": "substr({x}, 1, 4)",
    "all": "'all'",
}


@dataclass(frozen=True, slots=True)
class DyadRow:
    """Events of one source country on one target country, of one type, in one period."""

    period: str | None
    source_country: str | None
    target_country: str | None
    plover: str
    events: int
    articles: int
    goldstein_total: float | None


@dataclass(frozen=True, slots=True)
class Dyad:
    """Directed pair (source -> target) with one event type and how often it was reported.

    ``source_id``/``target_id`` name the graph's nodes: the actor id (as text) when the side is
    linked to an actor, ``name:<text>`` when it is not, the ISO code at country level;
    ``source_actor``/``target_actor`` are the actor ids to link to (None if there is none).
    """

    source_id: str
    source: str
    source_actor: int | None
    target_id: str
    target: str
    target_actor: int | None
    plover: str
    count: int
    goldstein: float | None


def _whole_days(f: DyadFilter) -> tuple[str | None, str | None] | None:
    """The bounds as dates when both are whole days (so day rows answer them), else None."""
    low, high = since_bound(f.since), until_bound(f.until)
    if (low and not low.endswith("T00:00:00")) or (high and not high.endswith("T23:59:59")):
        return None
    return (low[:10] if low else None, high[:10] if high else None)


def dyads(conn: sqlite3.Connection, f: DyadFilter) -> list[DyadRow]:
    """Event counts by period x source country x target country x PLOVER type.

    Articles without a publication time fall in period None; events without a source country
    are left out; a missing target country stays None.  Ordered by period, then most events.
    """
    if f.period not in PERIODS:
        raise StoreError(f"period={f.period!r}: choose one of {', '.join(PERIODS)}")
    kind = (f.type or "").strip()
    if kind and not kind.isdigit() and kind.upper() not in PLOVER_TYPES:
        event_type_condition(kind)  # raises with the list of types
    days = _whole_days(f)
    if kind.isdigit() or days is None:
        return _dyads_from_events(conn, f)
    where: list[str] = []
    params: list[object] = []
    dated = days != (None, None)
    coarse = f.period in ("month", "year", "all") and not dated
    prefix = "M" if coarse else "D"
    where.append("period >= ? AND period < ?")
    params += [prefix, chr(ord(prefix) + 1)]
    if days[0]:
        where.append("period >= ?")
        params.append("D" + days[0])
    if days[1]:
        where.append("period <= ?")
        params.append("D" + days[1])
    if kind:
        where.append("plover = ?")
        params.append(kind.upper())
    expr = PERIODS[f.period].format(x="substr(period, 2)")
    sql = (
        f"SELECT CASE WHEN length(period) = 1 THEN NULL ELSE {expr} END AS p, source_country, "
        "nullif(target_country, ''), plover, sum(events) AS n, sum(articles), "
        "CASE WHEN sum(goldstein_n) > 0 THEN sum(goldstein_total) END "
        f"FROM dyad_counts WHERE {' AND '.join(where)} GROUP BY p, source_country, target_country, plover "
        "ORDER BY p IS NULL, p, n DESC, source_country, target_country, plover"
    )
    return [DyadRow(*r) for r in conn.execute(sql, params).fetchall()]


def _dyads_from_events(conn: sqlite3.Connection, f: DyadFilter) -> list[DyadRow]:
    where: list[str] = ["e.source_country IS NOT NULL"]
    params: list[object] = []
    add_time_bounds(where, params, "a.t", *key_range(f.since, f.until))
    if f.type:
        condition, values = event_type_condition(f.type)
        where.append(condition)
        params += values
    expr = PERIODS[f.period].format(x="a.published_utc")
    sql = (
        f"SELECT CASE WHEN a.published_utc IS NULL THEN NULL ELSE {expr} END AS period, "
        "e.source_country, e.target_country, e.plover, COUNT(*), COUNT(DISTINCT e.article_seq), "
        "SUM(e.goldstein) "
        f"FROM events AS e JOIN articles AS a ON a.seq = e.article_seq WHERE {' AND '.join(where)} "
        "GROUP BY period, e.source_country, e.target_country, e.plover "
        "ORDER BY period IS NULL, period, COUNT(*) DESC, e.source_country, e.target_country, e.plover"
    )
    return [DyadRow(*row) for row in conn.execute(sql, params).fetchall()]


_NODE = (
    "CASE WHEN {a}.{side} > 0 THEN CAST({a}.{side} AS TEXT) "
    "ELSE (SELECT {prefix}name FROM names WHERE name_id = -{a}.{side}) END, "
    "CASE WHEN {a}.{side} > 0 THEN (SELECT name FROM actors WHERE actor_id = {a}.{side}) "
    "ELSE (SELECT name FROM names WHERE name_id = -{a}.{side}) END, "
    "CASE WHEN {a}.{side} > 0 THEN {a}.{side} END"
)


def _ends(alias: str, prefix: str) -> str:
    """The six node columns (source then target) of an edge row under ``alias``."""
    return ", ".join(_NODE.format(a=alias, side=side, prefix=prefix) for side in ("source", "target"))


def graph_edges(conn: sqlite3.Connection, f: DyadFilter) -> list[Dyad]:
    """Who did what to whom, counted, between actors or between countries (ISO codes).

    Events missing a side (or its country, at country level) are left out: an edge needs two
    ends.  At actor level both ends must be actors unless ``all_sides``.  Strongest first.
    """
    if f.level not in ("actor", "country"):
        raise StoreError(f"level={f.level!r}: choose actor or country")
    kind = (f.type or "").strip()
    if kind:
        event_type_condition(kind)  # validates
    days = _whole_days(f) if f.since or f.until else None
    if kind.isdigit() or (days is None and (f.since or f.until)):
        return _edges_from_events(conn, f)
    if days is not None:
        return _edges_of_days(conn, f, days)
    level = ACTOR_LEVEL if f.level == "actor" else COUNTRY_LEVEL
    where: list[str] = ["x.level = ?"]
    params: list[object] = [level]
    if kind:
        where.append("x.plover = ?")
        params.append(kind.upper())
    if level == ACTOR_LEVEL and not f.all_sides:
        where.append("x.source > 0 AND x.target > 0")
    prefix = "'name:' || " if level == ACTOR_LEVEL else ""
    sql = (
        f"SELECT {_ends('x', prefix)}, "
        "x.plover, x.n, CASE WHEN x.goldstein_n > 0 THEN x.goldstein_total / x.goldstein_n END "
        f"FROM edges x WHERE {' AND '.join(where)} ORDER BY x.n DESC LIMIT ?"
    )
    rows = conn.execute(sql, (*params, max(0, f.limit))).fetchall()
    return [Dyad(*r) for r in rows]


def _edges_of_days(
    conn: sqlite3.Connection, f: DyadFilter, days: tuple[str | None, str | None]
) -> list[Dyad]:
    """The graph over whole days, summed from ``edge_days`` (:mod:`newsgraph.store.day_edges`).

    One index range (level, day) per query: its cost is the number of distinct edges reported
    in those days, not the number of their events nor the size of the database.
    """
    level = ACTOR_LEVEL if f.level == "actor" else COUNTRY_LEVEL
    where: list[str] = ["level = ?"]
    params: list[object] = [level]
    if days[0]:
        where.append("day >= ?")
        params.append(day_number(days[0]))
    if days[1]:
        where.append("day <= ?")
        params.append(day_number(days[1]))
    if f.type:
        where.append("plover = ?")
        params.append(f.type.strip().upper())
    if level == ACTOR_LEVEL and not f.all_sides:
        where.append("source > 0 AND target > 0")
    prefix = "'name:' || " if level == ACTOR_LEVEL else ""
    sql = (
        f"SELECT {_ends('d', prefix)}, "
        "d.plover, d.n, CASE WHEN d.gn > 0 THEN d.gt / d.gn END FROM ("
        "SELECT source, target, plover, sum(n) AS n, sum(goldstein_total) AS gt, sum(goldstein_n) AS gn "
        f"FROM edge_days WHERE {' AND '.join(where)} GROUP BY source, target, plover "
        "ORDER BY n DESC, source, target, plover LIMIT ?) d ORDER BY d.n DESC, d.source, d.target, d.plover"
    )
    return [Dyad(*r) for r in conn.execute(sql, (*params, max(0, f.limit))).fetchall()]


_ENTITY_ACTOR = (
    "(SELECT l.actor_id FROM entities x JOIN actor_links l ON l.article_seq = x.article_seq "
    "AND l.entity_idx = x.idx WHERE x.article_seq = v.article_seq AND x.entity_id = v.{side}_entity)"
)


def _edges_from_events(conn: sqlite3.Connection, f: DyadFilter) -> list[Dyad]:
    where: list[str] = []
    params: list[object] = []
    add_time_bounds(where, params, "a.t", *key_range(f.since, f.until))
    if f.type:
        condition, values = event_type_condition(f.type, "v")
        where.append(condition)
        params += values
    if f.level == "actor":
        ends = (
            "coalesce(CAST(ev.sa AS TEXT), 'name:' || ev.source) AS s, coalesce(sa.name, ev.source), ev.sa, "
            "coalesce(CAST(ev.ta AS TEXT), 'name:' || ev.target) AS t, coalesce(ta.name, ev.target), ev.ta"
        )
        both = "ev.source IS NOT NULL AND ev.target IS NOT NULL"
        if not f.all_sides:
            both += " AND ev.sa IS NOT NULL AND ev.ta IS NOT NULL"
    else:
        ends = (
            "ev.source_country AS s, ev.source_country, NULL, ev.target_country AS t, ev.target_country, NULL"
        )
        both = "ev.source_country IS NOT NULL AND ev.target_country IS NOT NULL"
    sql = (
        "WITH ev AS (SELECT v.source, v.target, v.source_country, v.target_country, v.plover, v.goldstein, "
        f"{_ENTITY_ACTOR.format(side='source')} AS sa, {_ENTITY_ACTOR.format(side='target')} AS ta "
        "FROM events v JOIN articles a ON a.seq = v.article_seq "
        + (f"WHERE {' AND '.join(where)}" if where else "")
        + f") SELECT {ends}, ev.plover, count(*) AS n, avg(ev.goldstein) FROM ev "
        "LEFT JOIN actors sa ON sa.actor_id = ev.sa LEFT JOIN actors ta ON ta.actor_id = ev.ta "
        f"WHERE {both} GROUP BY s, t, ev.plover ORDER BY n DESC, s, t, ev.plover LIMIT ?"
    )
    return [Dyad(*r) for r in conn.execute(sql, (*params, max(0, f.limit))).fetchall()]
