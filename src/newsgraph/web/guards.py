"""ASGI middleware that protects every response: security headers, a Host check, no bare 500s.

Why each:

* **Headers.**  Article text, titles and source URLs come from whatever was ingested, so the
  pages assume hostile content even though it is escaped: the Content-Security-Policy lets
  the browser run scripts from this server only (every script of the UI is a file in
  ``static/``, the data they read is ``application/json``, never executed), forbids framing
  (clickjacking) and plugins; ``nosniff`` stops a JSON or CSV answer being read as HTML; no
  Referer leaves the app, since local URLs carry what a user searched for.  Style attributes
  stay allowed (``style-src-attr``): the event colours are ``style="--ec: ..."``.
* **Host check.**  A server on 127.0.0.1 is still reachable from any web page the user opens
  through DNS rebinding (a hostile name that resolves to 127.0.0.1); answering only requests
  whose ``Host`` is a name the server was told about closes that.  ``newsgraph serve`` always
  passes the list (loopback names for a loopback bind, ``--allowed-host`` otherwise).
* **No bare 500s.**  An exception that escapes a route reaches Starlette's error middleware,
  which answers 500 and re-raises, and uvicorn then drops the keep-alive connection.  Here the
  error is logged with its traceback and answered as a 500 page, and the connection lives on.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable

from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

log = logging.getLogger("newsgraph.web")

CONTENT_SECURITY_POLICY = "; ".join(
    (
        "default-src 'none'",
        "script-src 'self'",
        "style-src 'self'",
        "style-src-attr 'unsafe-inline'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "form-action 'self'",
        "base-uri 'none'",
        "frame-ancestors 'none'",
    )
)
SECURITY_HEADERS: tuple[tuple[bytes, bytes], ...] = (
    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
)
#: What a server bound to a loopback address answers to.
LOOPBACK_HOSTS = ("localhost", "127.0.0.1", "::1")


class SecurityHeaders:
    """Adds :data:`SECURITY_HEADERS` to every HTTP response (errors and static files too)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                names = {k.lower() for k, _ in message.get("headers", [])}
                extra = [(k, v) for k, v in SECURITY_HEADERS if k not in names]
                message = {**message, "headers": [*message.get("headers", []), *extra]}
            await send(message)

        await self.app(scope, receive, send_with_headers)


def host_name(header: str) -> str:
    """The name in a ``Host`` header, lower case, without port or IPv6 brackets."""
    value = header.strip().lower()
    if value.startswith("["):
        return value[1 : value.find("]")] if "]" in value else ""
    return value.rsplit(":", 1)[0] if value.count(":") == 1 else value


def host_allowed(name: str, allowed: Iterable[str]) -> bool:
    """Whether ``name`` is one of ``allowed``: exact names, ``*.example.org`` or ``*`` (any)."""
    for pattern in allowed:
        pattern = pattern.strip().lower().strip("[]")
        if pattern == "*" or pattern == name:
            return True
        if pattern.startswith("*.") and name.endswith(pattern[1:]) and len(name) > len(pattern) - 1:
            return True
    return False


class HostCheck:
    """Answers 400 to a request whose ``Host`` header names none of the allowed hosts."""

    def __init__(self, app: ASGIApp, allowed_hosts: Iterable[str]) -> None:
        self.app = app
        self.allowed = tuple(allowed_hosts)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            headers = dict(scope.get("headers") or [])
            name = host_name(headers.get(b"host", b"").decode("latin-1"))
            if not host_allowed(name, self.allowed):
                response = PlainTextResponse(
                    f"Invalid Host header {name!r}: this server answers to {', '.join(self.allowed)} "
                    "(see newsgraph serve --allowed-host)\n",
                    status_code=400,
                )
                await response(scope, receive, send)
                return
        await self.app(scope, receive, send)


class ErrorGuard:
    """Turns an unexpected exception into a logged 500 answer instead of a dropped connection."""

    def __init__(self, app: ASGIApp, render: Callable[[Request, int, str, str], Response]) -> None:
        self.app = app
        self.render = render

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def watch(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, receive, watch)
        except Exception:
            if started:  # half a response is out: nothing to do but drop the connection
                raise
            log.exception("error answering %s %s", scope.get("method"), scope.get("path"))
            message = "The server failed to answer this request; the error is in its log."
            response = self.render(Request(scope), 500, "Server error", message)
            await response(scope, receive, send)


__all__ = [
    "CONTENT_SECURITY_POLICY",
    "LOOPBACK_HOSTS",
    "SECURITY_HEADERS",
    "ErrorGuard",
    "HostCheck",
    "SecurityHeaders",
    "host_allowed",
    "host_name",
]
