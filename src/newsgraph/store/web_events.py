"""Read queries over the ``events`` table for the web UI and API: filtered lists and dyads.

SQL over ``events`` joined to ``articles`` (dates, evidence text) and to ``actor_links`` (the
actors on either side, which the pages link to).  The filters are the shared ones of
:func:`newsgraph.store.event_queries.event_filters`, so the CLI, the API and the pages accept
the same values.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from newsgraph.errors import StoreError
from newsgraph.store.event_queries import event_filters
from newsgraph.store.web_queries import ENTITY_ACTOR, NEWEST, where_clause


@dataclass(frozen=True, slots=True)
class EventRow:
    """One coded event with its article and the words it was read from."""

    article_key: str
    article_id: str
    title: str | None
    published: str | None
    outlet: str | None
    idx: int
    source: str | None
    source_id: int | None
    source_country: str | None
    plover: str
    mode: str | None
    cameo: str
    quad_class: int | None
    goldstein: float | None
    target: str | None
    target_id: int | None
    target_country: str | None
    evidence: str
    evidence_start: int
    evidence_end: int
    quote: int | None


_SOURCE_ACTOR = ENTITY_ACTOR.format(seq="v.article_seq", entity="v.source_entity")
_TARGET_ACTOR = ENTITY_ACTOR.format(seq="v.article_seq", entity="v.target_entity")
_EVENT_FROM = "FROM events v JOIN articles a ON a.seq = v.article_seq "


def list_events(
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
) -> list[EventRow]:
    """Events by source/target name part, country (either side), type and date; newest first."""
    where, params = event_filters(
        "v", source=source, target=target, country=country, type=type, since=since, until=until
    )
    sql = (
        "SELECT a.text_sha256, a.id, a.title, a.published, a.outlet, v.idx, v.source, "
        f"{_SOURCE_ACTOR}, v.source_country, "
        "v.plover, v.mode, v.cameo, v.quad_class, v.goldstein, v.target, "
        f"{_TARGET_ACTOR}, v.target_country, "
        "substr(a.text, v.evidence_start + 1, v.evidence_end - v.evidence_start), "
        f"v.evidence_start, v.evidence_end, v.quote {_EVENT_FROM}{where_clause(where)}"
        f"ORDER BY {NEWEST}, v.idx LIMIT ? OFFSET ?"
    )
    rows = conn.execute(sql, (*params, max(0, limit), max(0, offset))).fetchall()
    return [EventRow(*r) for r in rows]


def event_types(conn: sqlite3.Connection) -> list[str]:
    """The PLOVER types present in the database (for filter menus)."""
    return [str(r[0]) for r in conn.execute("SELECT DISTINCT plover FROM events ORDER BY 1")]


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


def dyads(
    conn: sqlite3.Connection,
    *,
    level: str = "actor",
    type: str | None = None,
    since: str | None = None,
    until: str | None = None,
    all_sides: bool = False,
    limit: int = 500,
) -> list[Dyad]:
    """Who did what to whom, counted, between actors or between countries (ISO codes).

    Events missing a side (or its country, at country level) are left out: an edge needs two
    ends.  At actor level both ends must also be actors (named entities) unless ``all_sides``:
    sides the events stage could not tie to an entity ("police", "two men") are often vague.
    Most frequent pairs first, so ``limit`` keeps the strongest edges.
    """
    if level not in ("actor", "country"):
        raise StoreError(f"level={level!r}: choose actor or country")
    where, params = event_filters("v", type=type, since=since, until=until)
    if level == "actor":
        ends = (
            "coalesce(CAST(ev.sa AS TEXT), 'name:' || ev.source) AS s, coalesce(sa.name, ev.source), ev.sa, "
            "coalesce(CAST(ev.ta AS TEXT), 'name:' || ev.target) AS t, coalesce(ta.name, ev.target), ev.ta"
        )
        both = "ev.source IS NOT NULL AND ev.target IS NOT NULL"
        if not all_sides:
            both += " AND ev.sa IS NOT NULL AND ev.ta IS NOT NULL"
    else:
        ends = (
            "ev.source_country AS s, ev.source_country, NULL, ev.target_country AS t, ev.target_country, NULL"
        )
        both = "ev.source_country IS NOT NULL AND ev.target_country IS NOT NULL"
    sql = (
        f"WITH ev AS (SELECT v.source, v.target, v.source_country, v.target_country, v.plover, v.goldstein, "
        f"{_SOURCE_ACTOR} AS sa, {_TARGET_ACTOR} AS ta {_EVENT_FROM}{where_clause(where)}) "
        f"SELECT {ends}, ev.plover, count(*) AS n, avg(ev.goldstein) FROM ev "
        "LEFT JOIN actors sa ON sa.actor_id = ev.sa LEFT JOIN actors ta ON ta.actor_id = ev.ta "
        f"WHERE {both} GROUP BY s, t, ev.plover ORDER BY n DESC, s, t, ev.plover LIMIT ?"
    )
    rows = conn.execute(sql, (*params, max(0, limit))).fetchall()
    return [Dyad(*r) for r in rows]
