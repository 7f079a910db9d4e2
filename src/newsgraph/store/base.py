"""The one interface every storage backend implements, and the search hit it returns.

The shells (CLI, REST API, exports, the distributed runner) talk to :class:`Store` only, so a
second backend (say, PostgreSQL for a shared server) can be added without touching them.  The
contract, whatever the backend:

* Articles are keyed by the sha256 of their text (:func:`newsgraph.records.text_sha256`): adding
  the same text twice stores it once, which makes re-running an ingest safe.
* Reading back is lossless: ``store.get(key) == article`` for the article that was added.
* A store has one writer (the process that ingests); readers may open the same store at the
  same time and see every committed article.
* A ``Store`` object is not thread-safe: open one per thread (opening is cheap).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from types import TracebackType
from typing import Protocol, Self, runtime_checkable

from newsgraph.errors import StoreError
from newsgraph.records import Article
from newsgraph.store.actor_queries import ActorDetail, ActorSummary
from newsgraph.store.dyad_queries import DyadRow
from newsgraph.store.event_queries import EventHit
from newsgraph.store.quote_queries import QuoteHit

#: Marks around matched words in :attr:`SearchHit.snippet`.  Chosen because they are rare in
#: English news text, so a UI can HTML-escape the snippet and then turn them into ``<mark>``.
MARK_OPEN = "«"
MARK_CLOSE = "»"
#: Marks text left out of a snippet.
ELLIPSIS = "…"

#: Called by :meth:`Store.add_many` for an article that could not be stored.
ErrorHandler = Callable[[Article, StoreError], None]


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One full-text search result.

    ``key`` is the article's text sha256 (pass it to :meth:`Store.get`); ``snippet`` is a short
    excerpt with the matched words between :data:`MARK_OPEN` and :data:`MARK_CLOSE`; ``rank``
    is the relevance, higher is better (the negated bm25 score, title matches weighted up).
    """

    key: str
    id: str
    title: str | None
    published: str | None
    outlet: str | None
    snippet: str
    rank: float


@runtime_checkable
class Store(Protocol):
    """A collection of analysed articles: add, look up, iterate and search."""

    def add(self, article: Article) -> bool:
        """Store ``article`` and everything extracted from it, atomically.

        Returns False, and writes nothing, when an article with the same text is already stored.
        Raises :class:`StoreError` when it cannot be stored (e.g. its id is taken by another text).
        """
        ...

    def add_many(self, articles: Iterable[Article], *, on_error: ErrorHandler | None = None) -> int:
        """Store many articles; return how many were new.

        An article that cannot be stored does not stop the others: it is passed to
        ``on_error`` if given, else a :class:`StoreError` naming every failure is raised after
        the others have been committed.
        """
        ...

    def get(self, key: str) -> Article | None:
        """The article whose id, text sha256, or unique sha256 prefix (>= 6 hex digits) is ``key``.

        Returns None when nothing matches; raises :class:`StoreError` when a prefix is ambiguous.
        """
        ...

    def has(self, text_sha256: str) -> bool:
        """Whether an article with this full text sha256 is stored (cheap; for skipping work)."""
        ...

    def count(self) -> int:
        """The number of stored articles."""
        ...

    def iter_articles(self, since: str | None = None) -> Iterator[Article]:
        """Every article, oldest first (publication time in UTC, then key; undated last).

        ``since`` (an ISO 8601 date or time) keeps articles published at or after it.
        """
        ...

    def search(
        self, query: str, limit: int = 20, *, raw: bool = False, offset: int = 0, snippets: int | None = None
    ) -> list[SearchHit]:
        """Articles whose title or text contain every word of ``query``, best first (after
        skipping the first ``offset``, for paging).  ``snippets``: make snippets for the first
        that many hits only (the rest get ""; a caller that fetches rows past its page only to
        count them need not pay for their snippets); None: for every hit.

        The query is taken as plain words (punctuation and operators are not syntax, so no
        input raises); ``word*`` matches a prefix.  ``raw=True`` passes the query through as
        backend syntax (FTS5 for SQLite) and raises :class:`StoreError` if it is invalid.
        """
        ...

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
        """Stored statements by speaker (part of the name), words, date range and type."""
        ...

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
        """Stored events by source, target (parts of names), country, PLOVER type, dates and the
        least confidence of the event model."""
        ...

    def dyads(
        self,
        *,
        since: str | None = None,
        until: str | None = None,
        type: str | None = None,
        period: str = "month",
    ) -> list[DyadRow]:
        """Event counts by source country x target country x PLOVER type x period."""
        ...

    def list_actors(
        self, *, type: str | None = None, name: str | None = None, limit: int = 50, offset: int = 0
    ) -> list[ActorSummary]:
        """Actors across articles, most-mentioned first, filtered by type and part of the name."""
        ...

    def find_actors(self, ident: str) -> list[ActorDetail]:
        """Actors by id or name, each with its role history and the articles mentioning it."""
        ...

    def delete(self, key: str) -> bool:
        """Remove an article (looked up as in :meth:`get`) and everything extracted from it."""
        ...

    def close(self) -> None:
        """Release the database; further calls fail.  Closing twice is harmless."""
        ...

    def __enter__(self) -> Self: ...

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None: ...
