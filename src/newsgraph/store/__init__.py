"""Where analysed articles live: the :class:`Store` interface and its SQLite implementation.

``open_store(path)`` is the entry point every shell uses; it returns the default backend.
"""

from __future__ import annotations

from newsgraph.store.base import MARK_CLOSE, MARK_OPEN, SearchHit, Store
from newsgraph.store.fts import fts_query
from newsgraph.store.quote_queries import QuoteHit
from newsgraph.store.schema_doc import SCHEMA_DOC
from newsgraph.store.sqlite import SQLiteStore, open_store

__all__ = [
    "MARK_CLOSE",
    "MARK_OPEN",
    "SCHEMA_DOC",
    "QuoteHit",
    "SQLiteStore",
    "SearchHit",
    "Store",
    "fts_query",
    "open_store",
]
