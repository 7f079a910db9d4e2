"""The FastAPI application: one factory, a read-only database, JSON and HTML routers.

``create_app(db_path)`` checks the database once (it must exist and carry the current schema)
and then serves it strictly read-only: every request opens its own ``mode=ro`` SQLite
connection with ``query_only`` on, and closes it when the response is done.  Why per request:
a connection (like a :class:`~newsgraph.store.base.Store`) is not safe to share between the
threads FastAPI runs sync handlers on, opening one costs well under a millisecond, and WAL mode
lets these readers see every article an ingest commits while the server runs.

Errors: a parameter the queries reject (:class:`~newsgraph.errors.StoreError` raised while
answering, e.g. ``since=yesterday``) and FastAPI's own validation failures become 422 with a
one-line ``message`` saying which parameter is wrong and how; unknown ids are 404.  API paths
answer JSON, page paths an HTML error page.

Around the routes (outermost first): security headers on every answer, the Host check, a guard
that turns an unexpected exception into a 500 page without dropping the connection, and the
answer cache (see guards.py and cache.py).  ``/docs`` is Swagger UI from files shipped with
the package (``fastapi-offline``'s copy of the Swagger UI distribution), started by a script
of ours, so it works offline and under the Content-Security-Policy (FastAPI's own ``/docs``
loads Swagger UI from a CDN and starts it with an inline script).
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from urllib.parse import parse_qsl, urlencode

from fastapi import FastAPI, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Receive, Scope, Send

from newsgraph import __version__
from newsgraph.errors import StoreError
from newsgraph.web.api import router as api_router
from newsgraph.web.cache import AnswerCache, ResponseCache
from newsgraph.web.db import Database, DatabaseUnavailable
from newsgraph.web.guards import ErrorGuard, HostCheck, SecurityHeaders
from newsgraph.web.pages import router as pages_router
from newsgraph.web.render import templates

HERE = Path(__file__).resolve().parent


def _wants_html(request: Request) -> bool:
    path = request.url.path
    return not (path.startswith("/api") or path in ("/openapi.json", "/events.csv"))


def _error(request: Request, status: int, title: str, message: str) -> Response:
    if _wants_html(request):
        return templates.TemplateResponse(
            request,
            "error.html",
            {"nav": "", "status": status, "title": title, "message": message},
            status_code=status,
        )
    return JSONResponse({"detail": message, "status": status}, status_code=status)


def _validation_message(exc: RequestValidationError) -> str:
    parts = []
    for err in exc.errors():
        loc = [str(x) for x in err.get("loc", ()) if x not in ("query", "path", "body")]
        value = err.get("input")
        shown = f" (got {value!r})" if isinstance(value, str | int | float) else ""
        parts.append(f"{'.'.join(loc) or 'request'}: {err.get('msg', 'invalid')}{shown}")
    return "; ".join(parts)


class DropEmptyParams:
    """ASGI middleware: ``?type=&since=`` means "no filter", as an empty form field does.

    HTML forms send every field, filled or not; without this an empty ``type`` select would be
    a 422 instead of "any type".  Applied to the API too, so the twins keep behaving alike.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope.get("query_string"):
            pairs = parse_qsl(scope["query_string"].decode("latin-1"), keep_blank_values=True)
            kept = [(k, v) for k, v in pairs if v.strip()]
            scope = {**scope, "query_string": urlencode(kept).encode("latin-1")}
        await self.app(scope, receive, send)


def _swagger_ui_files() -> Path:
    """Where the installed Swagger UI distribution is (``fastapi-offline`` ships it)."""
    import fastapi_offline

    return Path(fastapi_offline.__file__).resolve().parent / "static"


def create_app(
    db_path: str | os.PathLike[str], *, allowed_hosts: Sequence[str] | None = None, cache: bool = True
) -> FastAPI:
    """The newsgraph web app over the database at ``db_path`` (read-only).

    ``allowed_hosts``: the names a request's ``Host`` header may give (``*.example.org`` and
    ``*`` work); None answers any (``newsgraph serve`` always passes a list).  ``cache``: keep
    answers in memory until the database changes.  Raises
    :class:`~newsgraph.errors.StoreError` when the file is missing or not a newsgraph
    database, before anything is served.
    """
    app = FastAPI(
        title="newsgraph",
        version=__version__,
        description=(
            "Who said what, who did what to whom, in news articles. Read-only JSON API over a "
            "newsgraph database; every HTML page of the UI is a view of one of these calls. "
            "Lists are paginated with `limit` and `offset`, in a stable order; `next_offset` is "
            "null on the last page. Dates are ISO 8601 (`2024-05-23`); `until` includes its day."
        ),
        docs_url=None,
        redoc_url=None,
    )
    app.state.db = Database(db_path)
    app.add_middleware(DropEmptyParams)
    if cache:
        app.state.cache = AnswerCache(app.state.db.path)
        app.add_middleware(ResponseCache, cache=app.state.cache, skip=("/static", "/docs-assets"))
    app.add_middleware(ErrorGuard, render=_error)
    if allowed_hosts is not None:
        app.add_middleware(HostCheck, allowed_hosts=allowed_hosts)
    app.add_middleware(SecurityHeaders)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    app.mount("/docs-assets", StaticFiles(directory=_swagger_ui_files()), name="docs-assets")
    app.include_router(api_router)
    app.include_router(pages_router)
    from newsgraph.web.map_page import api as map_api
    from newsgraph.web.map_page import pages as map_pages

    app.include_router(map_api)
    app.include_router(map_pages)

    @app.get("/docs", include_in_schema=False)
    def docs(request: Request) -> HTMLResponse:
        return templates.TemplateResponse(request, "docs.html", {})

    @app.exception_handler(StoreError)
    async def bad_parameter(request: Request, exc: StoreError) -> Response:
        return _error(request, 422, "Invalid request", str(exc))

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        message = _validation_message(exc)
        if _wants_html(request):
            return _error(request, 422, "Invalid request", message)
        # jsonable_encoder: a validator's ValueError rides along in each error's ctx
        detail = jsonable_encoder(exc.errors())
        return JSONResponse({"detail": detail, "message": message, "status": 422}, status_code=422)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        title = "Not found" if exc.status_code == 404 else "Error"
        return _error(request, exc.status_code, title, str(exc.detail))

    @app.exception_handler(DatabaseUnavailable)
    async def unavailable(request: Request, exc: DatabaseUnavailable) -> Response:
        return _error(request, 503, "Database unavailable", str(exc))

    return app
