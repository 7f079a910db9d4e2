"""Read queries over stored events: who did what to whom, and dyad counts over time.

``find_events`` answers "every ACCUSE by Peskov since May"; ``dyads`` counts events by source
country x target country x PLOVER type x period, the raw material of event graphs and time
series (what GDELT/ICEWS users aggregate).  Both run in SQL over the ``events`` table joined
to ``articles`` (publication time), in the style of :mod:`newsgraph.store.queries`: plain
frozen rows, filters validated with messages that say what to type instead.
"""

from __future__ import annotations

import re
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


def event_filters(
    alias: str,
    *,
    source: str | None = None,
    target: str | None = None,
    country: str | None = None,
    type: str | None = None,
    since: str | None = None,
    until: str | None = None,
) -> tuple[list[str], list[object]]:
    """WHERE conditions and parameters over the events table ``alias`` (joined to ``a``).

    ``source``/``target``: case-insensitive part of the name; ``country``: ISO 3166-1 alpha-3
    code of either side; ``type``: a PLOVER type (``ACCUSE``) or a CAMEO code prefix (``11``
    matches 111, 112, ...); dates as in :func:`newsgraph.store.queries.dated`.  Invalid values
    raise :class:`StoreError` saying what to type instead.  The one filter builder of every
    event query (CLI, API, web pages).
    """
    where: list[str] = []
    params: list[object] = []
    if source:
        where.append(f"{alias}.source LIKE ? ESCAPE '\\'")
        params.append(like(source))
    if target:
        where.append(f"{alias}.target LIKE ? ESCAPE '\\'")
        params.append(like(target))
    if country:
        code = country.strip().upper()
        if not re.fullmatch(r"[A-Z]{3}", code):
            raise StoreError(f"country={country!r}: give an ISO 3166-1 alpha-3 code such as USA or RUS")
        where.append(f"({alias}.source_country = ? OR {alias}.target_country = ?)")
        params += [code, code]
    if type:
        kind = type.strip()
        if kind.isdigit():
            where.append(f"{alias}.cameo GLOB ?")
            params.append(kind + "*")
        elif kind.upper() in PLOVER_TYPES:
            where.append(f"{alias}.plover = ?")
            params.append(kind.upper())
        else:
            raise StoreError(
                f"type={type!r}: give a PLOVER type or a CAMEO code prefix (11); "
                f"the PLOVER types are {', '.join(PLOVER_TYPES)}"
            )
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
    where, params = event_filters(
        "e", source=source, target=target, country=country, type=type, since=since, until=until
    )
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
    where, params = event_filters("e", type=type, since=since, until=until)
    where.append("e.source_country IS NOT NULL")
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
