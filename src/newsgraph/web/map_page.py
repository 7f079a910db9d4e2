"""The map page and its JSON twin: where events and statements happened, by place.

A place is an actor resolved to a GeoNames place (:mod:`newsgraph.store.places`); each event and
statement is located by :mod:`newsgraph.store.record_places` (the place named in its sentence,
else the dateline).  The page draws them over a world outline shipped with the package
(``static/world.svg``, Natural Earth, public domain): no tiles, no CDN, no network.  Markers are
drawn by the server in the SVG's own coordinates (x = longitude, y = -latitude), so the map works
without JavaScript and every name passes through Jinja's escaping.
"""

from __future__ import annotations

import math
import sqlite3
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, Response

from newsgraph.errors import StoreError
from newsgraph.store.record_places import MapPlace, map_places
from newsgraph.store.sqlite_rows import utc_timestamp
from newsgraph.web.db import get_conn
from newsgraph.web.params import Country, EventType, Limit, Since, Until
from newsgraph.web.render import templates

pages = APIRouter(include_in_schema=False)
api = APIRouter(prefix="/api", tags=["api"])
Conn = Annotated[sqlite3.Connection, Depends(get_conn)]


def _date(name: str, value: str | None) -> str | None:
    if value and utc_timestamp(value) is None:
        raise StoreError(f"{name}={value!r} is not an ISO 8601 date or time (e.g. 2024-05-23)")
    return utc_timestamp(value) if value and len(value) > 10 else value


def places(
    conn: sqlite3.Connection,
    *,
    since: str | None,
    until: str | None,
    country: str | None,
    type: str | None,
    limit: int,
) -> list[MapPlace]:
    """The map's places for the filters (dates checked, ``type`` a PLOVER type)."""
    return map_places(
        conn,
        since=_date("since", since),
        until=_date("until", until),
        country=country,
        plover=type,
        limit=limit,
    )


def _markers(rows: list[MapPlace]) -> list[dict[str, Any]]:
    """SVG markers: a circle per place, its area proportional to what happened there."""
    top = max((r.events + r.statements for r in rows), default=1) or 1
    return [
        {
            "place": r,
            "x": round(r.longitude, 3),
            "y": round(-r.latitude, 3),
            "r": round(0.8 + 3.2 * math.sqrt((r.events + r.statements) / top), 2),
        }
        for r in rows
    ]


def _types(conn: sqlite3.Connection) -> list[str]:
    return [str(r[0]) for r in conn.execute("SELECT DISTINCT plover FROM events ORDER BY 1")]


@pages.get("/map", response_class=HTMLResponse)
def map_page(
    request: Request,
    conn: Conn,
    since: Since = None,
    until: Until = None,
    country: Country = None,
    type: EventType = None,
    limit: Limit = 300,
) -> Response:
    params = {"since": since, "until": until, "country": country, "type": type, "limit": limit}
    rows = places(conn, since=since, until=until, country=country, type=type, limit=limit)
    context = {"nav": "map", "params": params, "markers": _markers(rows), "types": _types(conn)}
    return templates.TemplateResponse(request, "map.html", context)


@api.get("/map", summary="Places with coordinates and how many events and statements happened there")
def api_map(
    conn: Conn,
    since: Since = None,
    until: Until = None,
    country: Country = None,
    type: EventType = None,
    limit: Limit = 300,
) -> Any:
    rows = places(conn, since=since, until=until, country=country, type=type, limit=limit)
    return {
        "items": [
            {
                "actor_id": r.actor_id,
                "name": r.name,
                "kind": r.kind,
                "country": r.country,
                "latitude": r.latitude,
                "longitude": r.longitude,
                "events": r.events,
                "statements": r.statements,
            }
            for r in rows
        ],
        "filters": {"since": since, "until": until, "country": country, "type": type, "limit": limit},
    }
