"""The default store: one SQLite file, written by one process, read by any number.

Design choices, and why:

* **Content keys.**  An article is identified by the sha256 of its text, so re-ingesting the
  same input is a no-op and ``has()`` lets an ingest skip analysis it has already done.  The
  article id from analysis is kept too (unique) because people refer to articles by it.
* **Integer join key.**  ``articles.seq`` (an INTEGER PRIMARY KEY) joins the child tables and
  the FTS index; the 64-character hash is stored once.  Repeating it in every entity, mention,
  quote and event row (and their indexes) would more than double the file, and external-content
  FTS needs a rowid that VACUUM cannot renumber.  ``text_sha256`` is NOT NULL UNIQUE and is the
  key of the whole API.
* **One writer.**  A ``SQLiteStore`` opened read-write is meant to be the single writer of its
  file (the ingest command holds one; the distributed runner funnels results to one process).
  WAL mode lets any number of readers (``open_store(path, readonly=True)``, the web app) read
  committed data while it writes.  A second writer would not corrupt anything, only wait for
  the lock (up to ``timeout`` seconds) and then fail with :class:`StoreError`.
* **Atomic articles.**  An article and all its children are written in one transaction (a
  savepoint inside a batch), so readers never see half an article.
* **Speed.**  ``synchronous=NORMAL`` in WAL mode does not fsync on every commit (a power cut can
  lose the last commits, never corrupt the file); children go in with ``executemany`` on
  statements the connection caches; FTS rows are inserted directly, not by triggers (4x
  cheaper).  Measured on a 2-CPU VM (SQLite 3.40) for an article with 20 entities (60
  mentions), 15 quotes and 10 events, FTS included: ``add`` 0.8 ms (one commit each),
  ``add_many`` 0.5 ms per article, ``get`` 0.27 ms.

The tables and columns are described in :data:`newsgraph.store.schema_doc.SCHEMA_DOC`.
"""

from __future__ import annotations

import os
import re
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import AbstractContextManager, contextmanager, suppress
from datetime import UTC, datetime
from itertools import islice
from pathlib import Path
from types import TracebackType
from typing import Self

from newsgraph.errors import StoreError
from newsgraph.records import Article, text_sha256
from newsgraph.store.actor_identity import link_entities
from newsgraph.store.actor_queries import ActorDetail, ActorSummary, actor_detail, find_actor_ids, list_actors
from newsgraph.store.article_queries import search_articles
from newsgraph.store.base import ErrorHandler, SearchHit
from newsgraph.store.dyad_queries import DyadRow, dyads
from newsgraph.store.event_queries import EventHit, find_events
from newsgraph.store.filters import ActorFilter, DyadFilter, EventFilter, QuoteFilter
from newsgraph.store.ingest_state import record_article
from newsgraph.store.migrations import migrate, pending_migrations
from newsgraph.store.quote_queries import QuoteHit, find_quotes
from newsgraph.store.record_places import locate_records
from newsgraph.store.sqlite_rows import index_articles, read_article, utc_timestamp, write_article
from newsgraph.store.summaries import add_article as add_summaries
from newsgraph.store.summaries import remove_article as remove_summaries

#: Articles per transaction in ``add_many``: large enough to amortise the commit, small enough
#: that readers see progress and a crash loses little.
BATCH_SIZE = 500
#: Page cache of a read-write connection, in KiB.  A batch of articles touches pages all over
#: the indexes (FTS segments, postings, per-actor rows); with SQLite's default 2 MB cache they
#: are evicted and spilled to the WAL within the batch.  Measured adding 2,000 articles to a
#: 70,000-article database (2-core VM, busy): default cache 4.5 s CPU and 27 s wall per 1,000
#: articles, a 200 MB cache 3.3 s CPU and 12 s wall.
WRITER_CACHE_KB = 131072
#: Shortest hash prefix ``get`` accepts (6 hex digits: 16 million values).
MIN_PREFIX = 6

_HEX = re.compile(r"[0-9a-f]+")

# Errors caused by one article's content (a taken id, a value SQLite cannot bind): the article is
# rejected and a batch goes on.  Anything else (disk full, lock timeout) stops the batch.
_BAD_ARTICLE = (
    sqlite3.IntegrityError,
    sqlite3.InterfaceError,
    sqlite3.ProgrammingError,
    ValueError,
    TypeError,
    OverflowError,
)


class SQLiteStore:
    """A :class:`~newsgraph.store.base.Store` in one SQLite file (see the module docstring).

    Opening creates the file if needed and applies pending schema migrations (read-write), or
    refuses a file that needs them (read-only, which opens ``file:...?mode=ro``).
    """

    def __init__(self, path: str | os.PathLike[str], *, readonly: bool = False, timeout: float = 5.0) -> None:
        self.path = os.fspath(path)
        self.readonly = readonly
        self._conn: sqlite3.Connection | None = _connect(self.path, readonly, timeout)
        try:
            if readonly:
                if pending_migrations(self._conn):
                    raise StoreError(
                        f"{self.path} has no newsgraph schema or an older one; open it once "
                        "read-write (e.g. run an ingest) to create or upgrade it"
                    )
            else:
                migrate(self._conn)
        except BaseException:
            self._conn.close()
            raise

    # -- lifecycle ---------------------------------------------------------------------------

    def close(self) -> None:
        if self._conn is None:
            return
        if not self.readonly:
            with suppress(sqlite3.Error):
                self._conn.execute("PRAGMA optimize")  # cheap; keeps the query planner's stats fresh
        self._conn.close()
        self._conn = None

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    @property
    def _db(self) -> sqlite3.Connection:
        if self._conn is None:
            raise StoreError(f"the store {self.path} is closed")
        return self._conn

    # -- writing -------------------------------------------------------------------------------

    def add(self, article: Article) -> bool:
        try:
            with self._transaction():
                return self._insert(article, _now())
        except sqlite3.Error as exc:
            raise StoreError(f"{self.path}: cannot store article {article.id!r}: {exc}") from exc

    def add_many(self, articles: Iterable[Article], *, on_error: ErrorHandler | None = None) -> int:
        """See :meth:`Store.add_many`.

        Articles are written :data:`BATCH_SIZE` per transaction, each inside a savepoint: a bad
        article is rolled back alone and reported, the rest of its batch is committed.  A
        database-level failure (disk full, lock timeout) rolls back the current batch and
        raises; earlier batches stay committed.  ``on_error`` is called after each batch commits.
        """
        added = 0
        failures: list[tuple[Article, StoreError]] = []
        source = iter(articles)
        try:
            while chunk := list(islice(source, BATCH_SIZE)):
                chunk_failures: list[tuple[Article, StoreError]] = []
                now = _now()
                stored: list[int] = []
                with self._transaction():
                    for article in chunk:
                        self._db.execute("SAVEPOINT article")
                        try:
                            seq = self.insert(article, now, index=False)
                        except StoreError as exc:
                            self._db.execute("ROLLBACK TO article")
                            chunk_failures.append((article, exc))
                        else:
                            if seq is not None:
                                stored.append(seq)
                        self._db.execute("RELEASE article")
                    index_articles(self._db, stored)  # one FTS insert per batch, see write_article
                added += len(stored)
                if on_error is not None:
                    for failed, error in chunk_failures:
                        on_error(failed, error)
                failures += chunk_failures
        except sqlite3.Error as exc:
            raise StoreError(
                f"{self.path}: writing stopped after {added} new articles were committed: {exc}"
            ) from exc
        if failures and on_error is None:
            reasons = "; ".join(str(error) for _, error in failures[:5])
            more = f" (and {len(failures) - 5} more)" if len(failures) > 5 else ""
            raise StoreError(
                f"{len(failures)} articles were not stored ({added} new ones were): {reasons}{more}"
            )
        return added

    def delete(self, key: str) -> bool:
        seq = self._resolve(key)
        if seq is None:
            return False
        with self._transaction():
            remove_summaries(self._db, seq)
            self._db.execute("DELETE FROM articles WHERE seq = ?", (seq,))  # children cascade
        return True

    @property
    def connection(self) -> sqlite3.Connection:
        """The underlying connection, for companion tables written with articles (ingest state)."""
        return self._db

    def transaction(self) -> AbstractContextManager[None]:
        """A write transaction (``BEGIN IMMEDIATE`` ... ``COMMIT``, rolled back on error)."""
        return self._transaction()

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        if self.readonly:
            raise StoreError(f"{self.path} is open read-only; open it with readonly=False to write")
        db = self._db
        try:
            db.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            raise StoreError(
                f"{self.path}: cannot get the write lock ({exc}); is another process writing to it?"
            ) from exc
        try:
            yield
            db.execute("COMMIT")
        except BaseException:
            if db.in_transaction:  # SQLite may already have rolled back (e.g. disk full)
                db.execute("ROLLBACK")
            raise

    def _insert(self, article: Article, now: str) -> bool:
        """Insert one article and its children in the caller's transaction; False if present."""
        return self.insert(article, now) is not None

    def insert(self, article: Article, now: str | None = None, *, index: bool = True) -> int | None:
        """Insert one article inside :meth:`transaction`; its row number, or None if present.

        Besides the article and its children this writes its actor links, its source row and
        its statement keys (:mod:`newsgraph.store.ingest_state`), so every path keeps them.
        """
        key = text_sha256(article.text)
        now = now or _now()
        try:
            seq = write_article(self._db, article, key, now, index=index)
            if seq is None:
                return None
            locate_records(self._db, seq, article, link_entities(self._db, seq, article))
            record_article(self._db, seq, article, key, now)
            add_summaries(self._db, seq, article, utc_timestamp(article.published))
            return seq
        except _BAD_ARTICLE as exc:
            raise StoreError(self._explain(article, key, exc)) from exc

    def _explain(self, article: Article, key: str, exc: Exception) -> str:
        if isinstance(exc, sqlite3.IntegrityError) and "articles.id" in str(exc):
            row = self._db.execute("SELECT text_sha256 FROM articles WHERE id = ?", (article.id,)).fetchone()
            other = f" (sha256 {row[0][:12]})" if row else ""
            return (
                f"article {article.id!r}: the id is already stored for a different text{other}; "
                "give the input a distinct id, or delete the stored article first"
            )
        return f"article {article.id!r} (sha256 {key[:12]}) cannot be stored: {exc}"

    # -- reading -------------------------------------------------------------------------------

    def get(self, key: str) -> Article | None:
        seq = self._resolve(key)
        return None if seq is None else read_article(self._db, seq)

    def has(self, text_sha256: str) -> bool:
        row = self._db.execute(
            "SELECT 1 FROM articles WHERE text_sha256 = ?", (text_sha256.strip().lower(),)
        ).fetchone()
        return row is not None

    def count(self) -> int:
        return int(self._db.execute("SELECT count(*) FROM articles").fetchone()[0])

    def iter_articles(self, since: str | None = None) -> Iterator[Article]:
        """See :meth:`Store.iter_articles`.

        The order is fixed when iteration starts (a list of row numbers); articles are then
        loaded one at a time, so no read transaction stays open while the caller works, and an
        article deleted meanwhile is skipped.
        """
        order = "ORDER BY published_utc IS NULL, published_utc, text_sha256"
        if since is None:
            rows = self._db.execute(f"SELECT seq FROM articles {order}").fetchall()
        else:
            bound = utc_timestamp(since)
            if bound is None:
                raise StoreError(f"since={since!r} is not an ISO 8601 date or time (e.g. 2024-05-23)")
            rows = self._db.execute(
                f"SELECT seq FROM articles WHERE published_utc >= ? {order}", (bound,)
            ).fetchall()
        for (seq,) in rows:
            article = read_article(self._db, seq)
            if article is not None:
                yield article

    def search(
        self, query: str, limit: int = 20, *, raw: bool = False, offset: int = 0, snippets: int | None = None
    ) -> list[SearchHit]:
        """See :func:`newsgraph.store.article_queries.search_articles` (a bounded ranked window)."""
        return search_articles(self._db, query, limit, raw=raw, offset=offset, snippets=snippets)

    def find_quotes(
        self,
        *,
        speaker: str | None = None,
        search: str | None = None,
        since: str | None = None,
        until: str | None = None,
        type: str | None = None,
        limit: int = 50,
        offset: int = 0,
    ) -> list[QuoteHit]:
        """See :func:`newsgraph.store.quote_queries.find_quotes`."""
        return find_quotes(
            self._db,
            QuoteFilter(
                speaker=speaker,
                search=search,
                since=since,
                until=until,
                type=type,
                limit=limit,
                offset=offset,
            ),
        )

    def find_events(
        self,
        *,
        source: str | None = None,
        target: str | None = None,
        country: str | None = None,
        type: str | None = None,
        since: str | None = None,
        until: str | None = None,
        limit: int = 50,
        offset: int = 0,
        min_confidence: float | None = None,
    ) -> list[EventHit]:
        """See :func:`newsgraph.store.event_queries.find_events`."""
        f = EventFilter(
            source,
            target,
            country,
            type,
            since,
            until,
            limit=limit,
            offset=offset,
            min_confidence=min_confidence,
        )
        return find_events(self._db, f)

    def dyads(
        self,
        *,
        since: str | None = None,
        until: str | None = None,
        type: str | None = None,
        period: str = "month",
    ) -> list[DyadRow]:
        """See :func:`newsgraph.store.dyad_queries.dyads`."""
        return dyads(self._db, DyadFilter(since=since, until=until, type=type, period=period))

    def list_actors(
        self, *, type: str | None = None, name: str | None = None, limit: int = 50, offset: int = 0
    ) -> list[ActorSummary]:
        """See :func:`newsgraph.store.actor_queries.list_actors` (most written about first)."""
        return list_actors(self._db, ActorFilter(name=name, type=type, limit=limit, offset=offset))

    def find_actors(self, ident: str, *, limit: int = 20, articles: int = 50) -> list[ActorDetail]:
        """Actors whose id or name is ``ident`` (exact name first, else part of a name, most
        written about first; at most ``limit``), each with its ``articles`` newest articles."""
        found = (
            actor_detail(self._db, actor_id, limit=articles)
            for actor_id in find_actor_ids(self._db, ident, limit=limit)
        )
        return [detail for detail in found if detail is not None]

    def _resolve(self, key: str) -> int | None:
        """Row number of the article with this id, text sha256 or unique sha256 prefix."""
        key = key.strip()
        db = self._db
        row = db.execute("SELECT seq FROM articles WHERE id = ?", (key,)).fetchone()
        if row is not None:
            return int(row[0])
        digest = key.lower()
        if len(digest) < MIN_PREFIX or len(digest) > 64 or not _HEX.fullmatch(digest):
            return None
        rows = db.execute(
            "SELECT seq, text_sha256 FROM articles WHERE text_sha256 GLOB ? ORDER BY text_sha256 LIMIT 3",
            (digest + "*",),
        ).fetchall()
        if len(rows) > 1:
            shown = ", ".join(r[1][: len(digest) + 4] for r in rows[:2])
            raise StoreError(
                f"{key!r} matches more than one article ({shown}, ...); give more digits of the sha256"
            )
        return int(rows[0][0]) if rows else None


def open_store(path: str | os.PathLike[str], readonly: bool = False) -> SQLiteStore:
    """Open (and create or upgrade, unless ``readonly``) the store at ``path``."""
    return SQLiteStore(path, readonly=readonly)


def _connect(path: str, readonly: bool, timeout: float) -> sqlite3.Connection:
    # isolation_level=None: autocommit, so transactions are exactly the BEGIN/COMMIT we issue.
    try:
        if readonly:
            file = Path(path)
            if path == ":memory:" or not file.is_file():
                raise StoreError(f"{path}: no such database file (a read-only store must exist)")
            uri = file.resolve().as_uri() + "?mode=ro"
            conn = sqlite3.connect(uri, uri=True, timeout=timeout, isolation_level=None)
        else:
            conn = sqlite3.connect(path, timeout=timeout, isolation_level=None)
    except sqlite3.Error as exc:
        raise StoreError(f"cannot open the database {path}: {exc} (does its directory exist?)") from exc
    try:
        conn.execute("PRAGMA foreign_keys = ON")
        if not readonly:
            conn.execute("PRAGMA journal_mode = WAL").fetchone()
            conn.execute("PRAGMA synchronous = NORMAL")
            conn.execute(f"PRAGMA cache_size = -{WRITER_CACHE_KB}")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.Error as exc:
        conn.close()
        raise StoreError(f"cannot use {path} as a database: {exc}") from exc
    return conn


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")
