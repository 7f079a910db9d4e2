"""An in-process cache of whole answers, valid until the database changes.

Why: between two ingests every page of the app is a pure function of its URL, and the costly
ones (an article page highlights every quote and entity; the graph page aggregates every
event) were computed again for each visitor.  Each uvicorn worker keeps the answers it gave
(status 200, complete bodies only) and serves them again until the database changes.

How a change is seen: SQLite's ``PRAGMA data_version``, read on one connection kept open for
that, changes whenever another connection (an ingest in another process) commits.  Together
with the file's inode (a database replaced by a new file is a change too) it makes the
*generation* the cache is keyed on; a new generation empties the cache.  Reading it costs
microseconds, so every request checks.

Every answer also gets an ``ETag`` (a hash of its body, so all workers agree) with
``Cache-Control: no-cache``: a browser asks again each time and gets a bodiless 304 while the
page is unchanged.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import threading
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path

from starlette.types import ASGIApp, Message, Receive, Scope, Send

#: Answers larger than this are not kept (a big CSV or a 500-row page is rare and cheap to redo).
MAX_ENTRY_BYTES = 2_000_000
#: What one worker keeps at most, in body bytes, before dropping the least recently used.
MAX_CACHE_BYTES = 64_000_000


class DataVersion:
    """The database's generation: a number that changes whenever its data may have changed."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._conn = sqlite3.connect(path.as_uri() + "?mode=ro", uri=True, check_same_thread=False)
        self._lock = threading.Lock()
        self._seen: tuple[int, int, int] | None = None
        self.generation = 0

    def current(self) -> int:
        """The generation now (checks the database: one PRAGMA and one stat)."""
        with self._lock:
            try:
                stat = os.stat(self.path)
                version = int(self._conn.execute("PRAGMA data_version").fetchone()[0])
                seen = (stat.st_dev, stat.st_ino, version)
            except (OSError, sqlite3.Error):
                seen = None  # unreadable now: never reuse what was cached before
            if seen is None or seen != self._seen:
                self._seen = seen
                self.generation += 1
            return self.generation

    def close(self) -> None:
        self._conn.close()


@dataclass(frozen=True, slots=True)
class Entry:
    status: int
    headers: list[tuple[bytes, bytes]]
    body: bytes
    etag: bytes


class AnswerCache:
    """The answers one process keeps, for one database, and how often they were reused."""

    def __init__(self, db_path: Path) -> None:
        self.version = DataVersion(db_path)
        self.entries: OrderedDict[tuple[str, bytes], Entry] = OrderedDict()
        self.size = 0
        self.generation = -1
        self.hits = 0
        self.misses = 0

    def refresh(self) -> int:
        """Check the database; empty the cache if it changed.  Returns the generation."""
        generation = self.version.current()
        if generation != self.generation:
            self.entries.clear()
            self.size = 0
            self.generation = generation
        return generation

    def get(self, key: tuple[str, bytes]) -> Entry | None:
        entry = self.entries.get(key)
        if entry is None:
            self.misses += 1
        else:
            self.hits += 1
            self.entries.move_to_end(key)
        return entry

    def put(self, key: tuple[str, bytes], entry: Entry, generation: int) -> None:
        """Keep ``entry`` if it is a complete 200 of the current generation and not too big."""
        if entry.status != 200 or len(entry.body) > MAX_ENTRY_BYTES or generation != self.generation:
            return
        old = self.entries.pop(key, None)
        self.size -= len(old.body) if old else 0
        self.entries[key] = entry
        self.size += len(entry.body)
        while self.size > MAX_CACHE_BYTES and self.entries:
            _, dropped = self.entries.popitem(last=False)
            self.size -= len(dropped.body)


class ResponseCache:
    """ASGI middleware: answers repeated GETs from an :class:`AnswerCache` while it is valid."""

    def __init__(self, app: ASGIApp, cache: AnswerCache, *, skip: tuple[str, ...] = ()) -> None:
        self.app = app
        self.cache = cache
        self.skip = skip

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path = str(scope.get("path", ""))
        if scope["type"] != "http" or scope.get("method") != "GET" or path.startswith(self.skip):
            await self.app(scope, receive, send)
            return
        generation = self.cache.refresh()
        key = (path, bytes(scope.get("query_string", b"")))
        entry = self.cache.get(key)
        if entry is not None:
            await _answer(scope, send, entry)
            return
        start: Message | None = None
        passing = False

        async def capture(message: Message) -> None:
            nonlocal start, passing
            if passing:
                await send(message)
            elif message["type"] == "http.response.start":
                start = message
            elif message["type"] == "http.response.body" and start is not None:
                if message.get("more_body", False):  # streamed: pass it on as it comes
                    passing = True
                    await send(start)
                    await send(message)
                    return
                body = bytes(message.get("body", b""))
                made = Entry(int(start["status"]), list(start.get("headers", [])), body, _etag(body))
                self.cache.put(key, made, generation)
                await _answer(scope, send, made)
            else:
                await send(message)

        await self.app(scope, receive, capture)


def _etag(body: bytes) -> bytes:
    return b'"' + hashlib.blake2b(body, digest_size=12).hexdigest().encode() + b'"'


async def _answer(scope: Scope, send: Send, entry: Entry) -> None:
    """Send ``entry``, or 304 when the request already holds this body (its ETag matches)."""
    request_headers = dict(scope.get("headers") or [])
    wanted = request_headers.get(b"if-none-match", b"")
    kept = [(k, v) for k, v in entry.headers if k.lower() not in (b"etag", b"cache-control")]
    validators = [(b"etag", entry.etag), (b"cache-control", b"no-cache")]
    if entry.status == 200 and entry.etag in (t.strip() for t in wanted.split(b",")):
        headers = [(k, v) for k, v in kept if k.lower() not in (b"content-length", b"content-type")]
        await send({"type": "http.response.start", "status": 304, "headers": [*headers, *validators]})
        await send({"type": "http.response.body", "body": b""})
        return
    extra = validators if entry.status == 200 else []
    await send({"type": "http.response.start", "status": entry.status, "headers": [*kept, *extra]})
    await send({"type": "http.response.body", "body": entry.body})


__all__ = ["MAX_CACHE_BYTES", "MAX_ENTRY_BYTES", "AnswerCache", "DataVersion", "ResponseCache"]
