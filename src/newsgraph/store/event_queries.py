"""Read queries over stored events: who did what to whom, and dyad counts over time.

``find_events`` answers "every ACCUSE by Peskov since May"; ``dyads`` counts events by source
country x target country x PLOVER type x period, the raw material of event graphs and time
series (what GDELT/ICEWS users aggregate).  Both run in SQL over the ``events`` table joined
to ``articles`` (publication time), in the style of :mod:`newsgraph.store.queries`: plain
frozen rows, filters validated with messages that say what to type instead.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from newsgraph.errors import StoreError
from newsgraph.records import PLOVER_TYPES
from newsgraph.store.queries import dated, like

#: Period name -> SQLite expression over ``published_utc`` (ISO ``YYYY-MM-DDTHH:MM:SS``).
PERIODS = {
    "day": "substr(a.published_utc, 1, 10)",
    "week": "strftime('%Y-W%W', a.published_utc)",
    "month": "substr(a.published_utc, 1, 7)",
    "year": "substr(a.published_utc, 1, 4)",
    "all": "'all'",
}


@dataclass(frozen=True, slots=True)
class EventHit:
    """One stored event with the article it comes from and its evidence text."""

    article_key: str
    article_id: str
    title: str | None
    published: str | None
    outlet: str | None
    idx: int
    source: str | None
    source_entity: str | None
    source_country: str | None
    plover: str
    mode: str | None
    cameo: str
    quad_class: int | None
    goldstein: float | None
    target: str | None
    target_entity: str | None
    target_country: str | None
    evidence: str
    evidence_start: int
    evidence_end: int
    quote: int | None


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


def _check_type(type: str | None) -> str | None:
    if type is None:
        return None
    upper = type.strip().upper()
    if upper not in PLOVER_TYPES:
        raise StoreError(f"type={type!r}: choose one of the PLOVER types {', '.join(PLOVER_TYPES)}")
    return upper


def _date_filters(since: str | None, until: str | None) -> tuple[list[str], list[object]]:
    where: list[str] = []
    params: list[object] = []
    dated(where, params, since, until)
    return where, params


def find_events(
    conn: sqlite3.Connection,
    *,
    source: str | None = None,
    target: str | None = None,
    country: str | None = None,
    type: str | None = None,
    since: str | None = None,
    until: str | None = None,
    limit: int = 50,
    offset: int = 0,
) -> list[EventHit]:
    """Events filtered by source and target (case-insensitive part of the name), country
    (ISO-3 code of the source or the target), PLOVER type and publication date.

    Ordered newest article first, then by position in the article (stable for paging).
    """
    where, params = _date_filters(since, until)
    if source:
        where.append("e.source LIKE ? ESCAPE '\\'")
        params.append(like(source))
    if target:
        where.append("e.target LIKE ? ESCAPE '\\'")
        params.append(like(target))
    if country:
        where.append("(e.source_country = ? OR e.target_country = ?)")
        params += [country.strip().upper()] * 2
    plover = _check_type(type)
    if plover:
        where.append("e.plover = ?")
        params.append(plover)
    sql = (
        "SELECT a.text_sha256, a.id, a.title, a.published, a.outlet, e.idx, e.source, e.source_entity, "
        "e.source_country, e.plover, e.mode, e.cameo, e.quad_class, e.goldstein, e.target, "
        "e.target_entity, e.target_country, "
        "substr(a.text, e.evidence_start + 1, e.evidence_end - e.evidence_start), "
        "e.evidence_start, e.evidence_end, e.quote "
        "FROM events AS e JOIN articles AS a ON a.seq = e.article_seq "
        + (f"WHERE {' AND '.join(where)} " if where else "")
        + "ORDER BY a.published_utc IS NULL, a.published_utc DESC, a.seq DESC, e.idx LIMIT ? OFFSET ?"
    )
    rows = conn.execute(sql, (*params, max(0, limit), max(0, offset))).fetchall()
    return [EventHit(*row) for row in rows]


def dyads(
    conn: sqlite3.Connection,
    *,
    since: str | None = None,
    until: str | None = None,
    type: str | None = None,
    period: str = "month",
) -> list[DyadRow]:
    """Event counts by period x source country x target country x PLOVER type.

    ``period`` is day, week (``YYYY-Www``), month (``YYYY-MM``), year or all; articles without
    a publication time fall in period None.  Events without a source country are left out
    (they cannot be placed in a dyad); a missing target country stays None (one-sided acts).
    Ordered by period, then by most events.
    """
    expr = PERIODS.get(period)
    if expr is None:
        raise StoreError(f"period={period!r}: choose one of {', '.join(PERIODS)}")
    where, params = _date_filters(since, until)
    where.append("e.source_country IS NOT NULL")
    plover = _check_type(type)
    if plover:
        where.append("e.plover = ?")
        params.append(plover)
    sql = (
        f"SELECT CASE WHEN a.published_utc IS NULL THEN NULL ELSE {expr} END AS period, "
        "e.source_country, e.target_country, e.plover, COUNT(*), COUNT(DISTINCT e.article_seq), "
        "SUM(e.goldstein) "
        "FROM events AS e JOIN articles AS a ON a.seq = e.article_seq "
        f"WHERE {' AND '.join(where)} "
        "GROUP BY period, e.source_country, e.target_country, e.plover "
        "ORDER BY period IS NULL, period, COUNT(*) DESC, e.source_country, e.target_country, e.plover"
    )
    return [DyadRow(*row) for row in conn.execute(sql, params).fetchall()]
