"""The JSON API: one route per question, each the twin of an HTML page (see data.py).

Parameters are declared once here with their limits and descriptions (they feed the OpenAPI
docs at ``/docs``); the page routes reuse the same declarations from :mod:`newsgraph.web.params`.
"""

from __future__ import annotations

import sqlite3
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException

from newsgraph.web import data
from newsgraph.web.db import get_conn
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
    SearchRequired,
    Since,
    Speaker,
    SpeakersOnly,
    Until,
)

router = APIRouter(prefix="/api", tags=["api"])
Conn = Annotated[sqlite3.Connection, Depends(get_conn)]


@router.get("/search", summary="Statements, articles and actors matching words (the home search box)")
def api_search(conn: Conn, q: SearchRequired, limit: Limit = 20) -> Any:
    return data.jsonable(data.search(conn, q, limit))


@router.get("/articles", summary="Articles by words, outlet and date range")
def api_articles(
    conn: Conn,
    q: Search = None,
    outlet: Outlet = None,
    since: Since = None,
    until: Until = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> Any:
    page = data.articles(conn, q=q, outlet=outlet, since=since, until=until, limit=limit, offset=offset)
    return data.jsonable(page)


@router.get("/articles/{article_id:path}", summary="One article: text, metadata, entities, quotes, events")
def api_article(conn: Conn, article_id: ArticleId) -> Any:
    view = data.article(conn, article_id)
    if view is None:
        raise HTTPException(404, f"no article with id or sha256 {article_id!r}")
    return data.jsonable(view)


@router.get("/quotes", summary="Statements by speaker, words, type and date range")
def api_quotes(
    conn: Conn,
    speaker: Speaker = None,
    q: Search = None,
    type: QuoteType = None,
    since: Since = None,
    until: Until = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> Any:
    page = data.quotes(
        conn, speaker=speaker, q=q, type=type, since=since, until=until, limit=limit, offset=offset
    )
    return data.jsonable(page)


@router.get("/actors", summary="People, organisations and places, most quoted first")
def api_actors(
    conn: Conn,
    q: Search = None,
    type: ActorType = None,
    speakers_only: SpeakersOnly = False,
    limit: Limit = 50,
    offset: Offset = 0,
) -> Any:
    page = data.actors(conn, q=q, type=type, speakers_only=speakers_only, limit=limit, offset=offset)
    return data.jsonable(page)


@router.get(
    "/actors/{actor_id}",
    summary="One actor: titles over time, statements per week, co-mentioned actors, statements",
)
def api_actor(conn: Conn, actor_id: ActorId, limit: Limit = 50, offset: Offset = 0) -> Any:
    view = data.actor(conn, actor_id, limit=limit, offset=offset)
    if view is None:
        raise HTTPException(404, f"no actor with id {actor_id!r}")
    return data.jsonable(view)


@router.get("/events", summary="Who did what to whom: events by source, target, country, type, date")
def api_events(conn: Conn, filters: EventFilters, limit: Limit = 50, offset: Offset = 0) -> Any:
    page = data.events(conn, **filters, limit=limit, offset=offset)
    return data.jsonable(page)


@router.get("/dyads", summary="Source -> target pairs per event type, counted (the actor graph)")
def api_dyads(
    conn: Conn,
    level: Level = "actor",
    type: EventType = None,
    since: Since = None,
    until: Until = None,
    all_sides: AllSides = False,
    limit: Limit = 200,
) -> Any:
    return data.jsonable(
        data.graph(conn, level=level, type=type, since=since, until=until, all_sides=all_sides, limit=limit)
    )
