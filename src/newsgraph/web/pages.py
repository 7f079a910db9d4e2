"""The HTML pages: each renders the result of the same data.py call as its ``/api`` twin.

Server-rendered with Jinja (autoescaped); the timeline chart, the actor graph and the
evidence highlighting are small scripts in ``static/`` that read JSON embedded in the page
(``tojson`` escapes ``<``, ``>`` and ``&``, so embedded data cannot close its script element).
"""

from __future__ import annotations

import csv
import io
import sqlite3
from collections.abc import Iterator
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import HTMLResponse, Response, StreamingResponse

from newsgraph.exports import csv_cell
from newsgraph.records import Article
from newsgraph.web import data
from newsgraph.web.db import get_conn
from newsgraph.web.highlight import segments
from newsgraph.web.params import (
    ActorId,
    ActorType,
    AllSides,
    ArticleId,
    EventFilters,
    EventType,
    Level,
    Limit,
    Offset,
    Outlet,
    QuoteType,
    Search,
    Since,
    Speaker,
    SpeakersOnly,
    Until,
)
from newsgraph.web.render import EVENT_COLOURS, event_colour, templates

router = APIRouter(include_in_schema=False)
Conn = Annotated[sqlite3.Connection, Depends(get_conn)]


def _page(request: Request, name: str, **context: Any) -> Response:
    return templates.TemplateResponse(request, name, {"nav": name.split(".")[0], **context})


@router.get("/", response_class=HTMLResponse)
def home_page(request: Request, conn: Conn, q: Search = None) -> Response:
    if q and q.strip():
        return _page(request, "search.html", q=q, result=data.search(conn, q.strip()))
    return _page(request, "home.html", q="", home=data.home(conn))


@router.get("/articles", response_class=HTMLResponse)
def articles_page(
    request: Request,
    conn: Conn,
    q: Search = None,
    outlet: Outlet = None,
    since: Since = None,
    until: Until = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> Response:
    from newsgraph.store.article_queries import list_outlets

    params = {"q": q, "outlet": outlet, "since": since, "until": until, "limit": limit}
    page = data.articles(conn, q=q, outlet=outlet, since=since, until=until, limit=limit, offset=offset)
    return _page(request, "articles.html", page=page, params=params, outlets=list_outlets(conn))


@router.get("/articles/{article_id:path}", response_class=HTMLResponse)
def article_page(request: Request, conn: Conn, article_id: ArticleId) -> Response:
    view = data.article(conn, article_id)
    if view is None:
        raise HTTPException(404, f"No article with id or sha256 {article_id!r}.")
    record = Article.from_dict(view["article"])
    spans = segments(record, view["entity_actor_ids"])
    return _page(request, "article.html", view=view, a=view["article"], segments=spans)


@router.get("/quotes", response_class=HTMLResponse)
def quotes_page(
    request: Request,
    conn: Conn,
    speaker: Speaker = None,
    q: Search = None,
    type: QuoteType = None,
    since: Since = None,
    until: Until = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> Response:
    params = {"speaker": speaker, "q": q, "type": type, "since": since, "until": until, "limit": limit}
    page = data.quotes(
        conn, speaker=speaker, q=q, type=type, since=since, until=until, limit=limit, offset=offset
    )
    return _page(request, "quotes.html", page=page, params=params)


@router.get("/actors", response_class=HTMLResponse)
def actors_page(
    request: Request,
    conn: Conn,
    q: Search = None,
    type: ActorType = None,
    speakers_only: SpeakersOnly = False,
    limit: Limit = 50,
    offset: Offset = 0,
) -> Response:
    params = {"q": q, "type": type, "speakers_only": speakers_only, "limit": limit}
    page = data.actors(conn, q=q, type=type, speakers_only=speakers_only, limit=limit, offset=offset)
    return _page(request, "actors.html", page=page, params=params)


@router.get("/actors/{actor_id}", response_class=HTMLResponse)
def actor_page(
    request: Request, conn: Conn, actor_id: ActorId, limit: Limit = 50, offset: Offset = 0
) -> Response:
    view = data.actor(conn, actor_id, limit=limit, offset=offset)
    if view is None:
        raise HTTPException(404, f"No actor with id {actor_id!r}.")
    timeline = data.jsonable(view["timeline"])
    return _page(
        request, "actor.html", view=view, actor=view["summary"], params={"limit": limit}, timeline=timeline
    )


@router.get("/events", response_class=HTMLResponse)
def events_page(
    request: Request, conn: Conn, filters: EventFilters, limit: Limit = 50, offset: Offset = 0
) -> Response:
    from newsgraph.store.event_queries import event_types

    page = data.events(conn, **filters, limit=limit, offset=offset)
    return _page(
        request, "events.html", page=page, params={**filters, "limit": limit}, types=event_types(conn)
    )


CSV_COLUMNS = (
    "published",
    "outlet",
    "article_id",
    "title",
    "source",
    "source_country",
    "plover",
    "mode",
    "cameo",
    "quad_class",
    "goldstein",
    "target",
    "target_country",
    "evidence",
    "evidence_start",
    "evidence_end",
    "confidence",
)


@router.get("/events.csv")
def events_csv(conn: Conn, filters: EventFilters) -> Response:
    """Every event matching the filters (no paging: a download is for the whole selection)."""
    rows = data.events(conn, **filters, limit=1_000_000, offset=0).items

    def lines() -> Iterator[str]:
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(CSV_COLUMNS)
        for row in rows:
            writer.writerow([csv_cell(getattr(row, c)) for c in CSV_COLUMNS])
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
        yield buffer.getvalue()

    headers = {"Content-Disposition": 'attachment; filename="newsgraph-events.csv"'}
    return StreamingResponse(lines(), media_type="text/csv; charset=utf-8", headers=headers)


@router.get("/graph", response_class=HTMLResponse)
def graph_page(
    request: Request,
    conn: Conn,
    level: Level = "actor",
    type: EventType = None,
    since: Since = None,
    until: Until = None,
    all_sides: AllSides = False,
    limit: Limit = 200,
) -> Response:
    params = {
        "level": level,
        "type": type,
        "since": since,
        "until": until,
        "all_sides": all_sides,
        "limit": limit,
    }
    graph = data.graph(
        conn, level=level, type=type, since=since, until=until, all_sides=all_sides, limit=limit
    )
    graph_json = {
        "nodes": graph["nodes"],
        "edges": [{**data.jsonable(e), "colour": event_colour(e.plover)} for e in graph["edges"]],
    }
    return _page(
        request, "graph.html", graph=graph, graph_json=graph_json, params=params, colours=EVENT_COLOURS
    )
