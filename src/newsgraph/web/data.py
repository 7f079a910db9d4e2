"""What each page shows, computed once for both of its forms: JSON (api.py) and HTML (pages.py).

Every function here answers one API call.  The HTML route for the same URL without ``/api``
calls the same function and renders its result, so what people see and what programs read
cannot drift apart.  Results are plain dicts and dataclasses; :func:`jsonable` turns them into
JSON-ready values.

Lists come back as a :class:`Page`: ``limit`` rows from ``offset``, in the query's stable order,
and ``next_offset`` (None on the last page), found by asking for one row more than shown, so no
``COUNT(*)`` over a large table is needed per request.
"""

from __future__ import annotations

import dataclasses
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from newsgraph.store.actor_queries import actor_detail, list_actors
from newsgraph.store.article_queries import entity_actors, get_article, list_articles, totals
from newsgraph.store.dyad_queries import graph_edges
from newsgraph.store.event_queries import event_types, find_events
from newsgraph.store.filters import ActorFilter, ArticleFilter, DyadFilter, EventFilter, QuoteFilter
from newsgraph.store.quote_queries import find_quotes, search_statements
from newsgraph.web.highlight import article_view

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Page(Generic[T]):
    """One page of a list; ``next_offset`` is None when there is nothing after it."""

    items: list[T]
    limit: int
    offset: int
    next_offset: int | None
    next_after: str | None = None

    @property
    def prev_offset(self) -> int | None:
        return None if self.offset == 0 else max(0, self.offset - self.limit)


def paged(fetch: Callable[[int, int], list[T]], limit: int, offset: int) -> Page[T]:
    """Call ``fetch(limit + 1, offset)`` and split off the extra row as "there is more"."""
    rows = fetch(limit + 1, offset)
    more = len(rows) > limit
    last = rows[limit - 1] if more and limit > 0 else None
    after = getattr(last, "cursor", None)
    return Page(rows[:limit], limit, offset, offset + limit if more else None, after)


def jsonable(value: Any) -> Any:
    """Dataclasses (pages, rows) to dicts, recursively; everything else as it is."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: jsonable(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, dict):
        return {k: jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [jsonable(v) for v in value]
    return value


def home(conn: sqlite3.Connection) -> dict[str, Any]:
    """The front page: recent statements, most-quoted speakers, latest articles, totals."""
    return {
        "totals": totals(conn),
        "recent_statements": find_quotes(conn, QuoteFilter(limit=8)),
        "top_speakers": list_actors(conn, ActorFilter(speakers_only=True, order="quotes", limit=10)),
        "recent_articles": list_articles(conn, ArticleFilter(limit=6)),
    }


def search(conn: sqlite3.Connection, q: str, limit: int = 20) -> dict[str, Any]:
    """The one search box: statements by or containing ``q``, matching articles and actors."""
    return {
        "query": q,
        "statements": search_statements(conn, q, limit),
        "articles": list_articles(conn, ArticleFilter(search=q, limit=limit)),
        "actors": list_actors(conn, ActorFilter(name=q, order="quotes", limit=limit)),
    }


def articles(
    conn: sqlite3.Connection,
    *,
    q: str | None,
    outlet: str | None,
    since: str | None,
    until: str | None,
    limit: int,
    offset: int,
) -> Page[Any]:
    return paged(
        lambda n, o: list_articles(
            conn, ArticleFilter(search=q, outlet=outlet, since=since, until=until, limit=n, offset=o)
        ),
        limit,
        offset,
    )


def article(conn: sqlite3.Connection, key: str) -> dict[str, Any] | None:
    """One article: its record (the analyze contract) plus what the page needs to draw it."""
    record = get_article(conn, key)
    if record is None:
        return None
    return article_view(record, entity_actors(conn, record.id))


def quotes(
    conn: sqlite3.Connection,
    *,
    speaker: str | None,
    q: str | None,
    type: str | None,
    since: str | None,
    until: str | None,
    limit: int,
    offset: int,
) -> Page[Any]:
    return paged(
        lambda n, o: find_quotes(
            conn,
            QuoteFilter(speaker=speaker, search=q, type=type, since=since, until=until, limit=n, offset=o),
        ),
        limit,
        offset,
    )


def actors(
    conn: sqlite3.Connection, *, q: str | None, type: str | None, speakers_only: bool, limit: int, offset: int
) -> Page[Any]:
    return paged(
        lambda n, o: list_actors(
            conn,
            ActorFilter(name=q, type=type, speakers_only=speakers_only, order="quotes", limit=n, offset=o),
        ),
        limit,
        offset,
    )


def actor(conn: sqlite3.Connection, aid: int, *, limit: int, offset: int) -> dict[str, Any] | None:
    """The speaker page: who (name, titles over time, country), timeline, co-mentions, quotes."""
    detail = actor_detail(conn, aid, limit=10)
    if detail is None:
        return None
    statements = paged(
        lambda n, o: find_quotes(conn, QuoteFilter(actor_id=aid, limit=n, offset=o)), limit, offset
    )
    return {**{f.name: getattr(detail, f.name) for f in dataclasses.fields(detail)}, "statements": statements}


def events(
    conn: sqlite3.Connection,
    *,
    source: str | None,
    target: str | None,
    country: str | None,
    type: str | None,
    since: str | None,
    until: str | None,
    limit: int,
    offset: int,
    min_confidence: float | None = None,
) -> Page[Any]:
    return paged(
        lambda n, o: find_events(
            conn,
            EventFilter(
                source=source,
                target=target,
                country=country,
                type=type,
                since=since,
                until=until,
                limit=n,
                offset=o,
                min_confidence=min_confidence,
            ),
        ),
        limit,
        offset,
    )


def graph(
    conn: sqlite3.Connection,
    *,
    level: str,
    type: str | None,
    since: str | None,
    until: str | None,
    all_sides: bool = False,
    limit: int,
) -> dict[str, Any]:
    """The actor graph: dyads as edges, their two ends as nodes (with total degree)."""
    edges = graph_edges(
        conn, DyadFilter(level=level, type=type, since=since, until=until, all_sides=all_sides, limit=limit)
    )
    nodes: dict[str, dict[str, Any]] = {}
    for e in edges:
        for node, label, link in (
            (e.source_id, e.source, e.source_actor),
            (e.target_id, e.target, e.target_actor),
        ):
            entry = nodes.setdefault(node, {"id": node, "label": label, "weight": 0, "link": link})
            entry["weight"] += e.count
    ordered = sorted(nodes.values(), key=lambda n: (-n["weight"], n["id"]))
    return {"level": level, "nodes": ordered, "edges": edges, "types": event_types(conn)}
