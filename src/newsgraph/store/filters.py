"""One filter dataclass per resource: what the CLI options and the web parameters both become.

The shells build one of these from their own inputs (argparse options, query parameters) and
pass it down unchanged to the one query function of the resource
(:mod:`newsgraph.store.article_queries`, ``quote_queries``, ``event_queries``,
``actor_queries``, ``dyad_queries``).  Values are validated where they are used (a bad date or
type raises :class:`~newsgraph.errors.StoreError` saying what to type instead), so a filter
built by hand behaves exactly like one built from a web request.

Paging: ``limit`` rows from ``offset`` in the resource's stable order; or, for the newest-first
lists, ``after`` = :attr:`Cursor.token` of the last row already shown (keyset paging: the
cost of a page does not grow with how deep it is).
"""

from __future__ import annotations

from dataclasses import dataclass

from newsgraph.errors import StoreError


@dataclass(frozen=True, slots=True)
class Cursor:
    """A position in a newest-first list: the time key, article row and item of a row."""

    t: int
    seq: int
    idx: int = 0

    @property
    def token(self) -> str:
        return f"{self.t}.{self.seq}.{self.idx}"

    @classmethod
    def parse(cls, token: str | None) -> Cursor | None:
        if not token:
            return None
        try:
            t, seq, idx = (int(part) for part in token.split("."))
        except ValueError:
            raise StoreError(
                f"after={token!r} is not a page cursor (use next_after of the last page)"
            ) from None
        return cls(t, seq, idx)


@dataclass(frozen=True, slots=True)
class ArticleFilter:
    """Articles by words (full-text), outlet (exact, any case) and publication date range."""

    search: str | None = None
    outlet: str | None = None
    since: str | None = None
    until: str | None = None
    limit: int = 50
    offset: int = 0
    after: str | None = None


@dataclass(frozen=True, slots=True)
class QuoteFilter:
    """Statements by speaker (part of the name), words, type, dates, or one actor's."""

    speaker: str | None = None
    search: str | None = None
    type: str | None = None
    since: str | None = None
    until: str | None = None
    actor_id: int | None = None
    limit: int = 50
    offset: int = 0
    after: str | None = None


@dataclass(frozen=True, slots=True)
class EventFilter:
    """Events by source and target (parts of names), country (either side), type, dates and the
    event model's confidence."""

    source: str | None = None
    target: str | None = None
    country: str | None = None
    type: str | None = None
    since: str | None = None
    until: str | None = None
    limit: int = 50
    offset: int = 0
    after: str | None = None
    min_confidence: float | None = None  # events the model is at least this sure of


@dataclass(frozen=True, slots=True)
class ActorFilter:
    """Actors by part of the name and type; ``order`` "articles" (most written about first)
    or "quotes" (most quoted first, then most written about)."""

    name: str | None = None
    type: str | None = None
    speakers_only: bool = False
    order: str = "articles"
    limit: int = 50
    offset: int = 0


@dataclass(frozen=True, slots=True)
class DyadFilter:
    """Event counts by period x country pair x type (``period``), or the event graph between
    actors or countries (``level``, ``all_sides``, ``limit`` strongest edges)."""

    since: str | None = None
    until: str | None = None
    type: str | None = None
    period: str = "month"
    level: str = "actor"
    all_sides: bool = False
    limit: int = 500
