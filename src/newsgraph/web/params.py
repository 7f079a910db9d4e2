"""Query parameters shared by the API and the pages, declared once with limits and help.

Declaring them as ``Annotated`` aliases keeps the twins identical: ``/quotes?limit=0`` and
``/api/quotes?limit=0`` fail the same way, and the OpenAPI docs describe both.  Dates are
plain strings here and are checked by the queries (an ISO 8601 date or time), so the 422
message can name the parameter and give an example.

Every text parameter refuses a NUL character and every number stays within SQLite's 64-bit
integers: both used to reach the database and come back as 500s (FTS5's "unterminated
string", Python's ``OverflowError``).  Search words are bounded (see store/search_terms.py).
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import Depends, Path, Query
from pydantic import AfterValidator, BeforeValidator

from newsgraph.store.search_terms import search_problem

#: The largest integer SQLite stores (ids and offsets beyond it cannot name a row).
MAX_SQL_INT = 2**63 - 1


def _no_nul(value: str | None) -> str | None:
    if value is not None and "\x00" in value:
        raise ValueError("contains a NUL character")
    return value


def _bounded_search(value: str | None) -> str | None:
    problem = search_problem(_no_nul(value) or "")
    if problem:
        raise ValueError(problem)
    return value


Text = AfterValidator(_no_nul)
SearchWords = AfterValidator(_bounded_search)

Limit = Annotated[int, Query(ge=1, le=500, description="rows per page (1-500)")]
Offset = Annotated[
    int, Query(ge=0, le=MAX_SQL_INT, description="rows to skip (use next_offset of the previous page)")
]
Search = Annotated[
    str | None,
    Query(max_length=500, description="words that must all occur (full-text search)"),
    SearchWords,
]
SearchRequired = Annotated[
    str, Query(min_length=1, max_length=500, description="what to look for"), SearchWords
]
Outlet = Annotated[str | None, Query(max_length=200, description="outlet name, exactly (any case)"), Text]
Since = Annotated[
    str | None,
    Query(
        max_length=40, description="published on or after (ISO 8601 date or time)", examples=["2024-05-01"]
    ),
    Text,
]
Until = Annotated[
    str | None,
    Query(max_length=40, description="published on or before; a date includes its whole day"),
    Text,
]
Speaker = Annotated[
    str | None, Query(max_length=200, description="part of the speaker's name, any case"), Text
]
QuoteType = Annotated[Literal["direct", "partial", "indirect"] | None, Query(description="kind of statement")]
ActorType = Annotated[
    Literal["PERSON", "ORG", "GPE", "NORP"] | None,
    Query(description="PERSON, ORG (organisation), GPE (country, city) or NORP (nationality, group)"),
]
SpeakersOnly = Annotated[bool, Query(description="only actors quoted at least once")]
SourceName = Annotated[str | None, Query(max_length=200, description="part of the acting side's name"), Text]
TargetName = Annotated[str | None, Query(max_length=200, description="part of the target's name"), Text]
Country = Annotated[
    str | None,
    Query(max_length=3, description="ISO 3166-1 alpha-3 code of either side (USA, RUS)"),
    Text,
]
EventType = Annotated[
    str | None, Query(max_length=20, description="PLOVER type (ACCUSE) or CAMEO code prefix (11)"), Text
]
MinConfidence = Annotated[
    float | None,
    Query(ge=0, le=1, description="only events the event model is at least this sure of (0-1)"),
    BeforeValidator(lambda v: None if v == "" else v),  # the page's form sends an empty field
]
Level = Annotated[Literal["actor", "country"], Query(description="graph nodes: actors or their countries")]
AllSides = Annotated[
    bool, Query(description="actor graph: also draw sides not tied to a named actor ('police', 'two men')")
]
ArticleId = Annotated[
    str,
    Path(description="article id, text sha256 or a 6+ digit prefix"),
    Text,
]
ActorId = Annotated[int, Path(ge=0, le=MAX_SQL_INT, description="actor id (the id field of /api/actors)")]


def event_filters(
    source: SourceName = None,
    target: TargetName = None,
    country: Country = None,
    type: EventType = None,
    since: Since = None,
    until: Until = None,
    min_confidence: MinConfidence = None,
) -> dict[str, Any]:
    """The event filters of ``/events``, ``/events.csv`` and ``/api/events``, as the keyword
    arguments of :func:`newsgraph.web.data.events` (declared once for the three)."""
    return dict(
        source=source,
        target=target,
        country=country,
        type=type,
        since=since,
        until=until,
        min_confidence=min_confidence,
    )


EventFilters = Annotated[dict[str, Any], Depends(event_filters)]
