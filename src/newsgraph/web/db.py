"""The web app's database: one read-only SQLite connection per request.

Its own module so that the routers (api.py, pages.py) and the app factory (app.py) all import
it, and app.py can import the routers at the top: no import circle.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from fastapi import Request

from newsgraph.store.sqlite import open_store


class Database:
    """Where the app reads from; hands out one read-only connection per request."""

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path).resolve()
        # Opening through the store validates the file and its schema with the store's own
        # messages ("no such database file", "open it once read-write to upgrade it").
        open_store(self.path, readonly=True).close()

    def connect(self) -> sqlite3.Connection:
        uri = self.path.as_uri() + "?mode=ro"
        try:
            conn = sqlite3.connect(uri, uri=True, timeout=5.0, check_same_thread=False)
            conn.execute("PRAGMA query_only = ON")
        except sqlite3.Error as exc:
            raise DatabaseUnavailable(f"cannot read {self.path}: {exc}") from exc
        return conn


class DatabaseUnavailable(Exception):
    """The database could not be opened for a request (deleted, locked, unreadable)."""


def get_conn(request: Request) -> Iterator[sqlite3.Connection]:
    """FastAPI dependency: a read-only connection for the duration of one request."""
    db: Database = request.app.state.db
    conn = db.connect()
    try:
        yield conn
    finally:
        conn.close()
