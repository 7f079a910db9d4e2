"""Query parameters shared by the API and the pages, declared once with limits and help.

Declaring them as ``Annotated`` aliases keeps the twins identical: ``/quotes?limit=0`` and
``/api/quotes?limit=0`` fail the same way, and the OpenAPI docs describe both.  Dates are
plain strings here and are checked by the queries (an ISO 8601 date or time), so the 422
message can name the parameter and give an example.
"""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import Query

Limit = Annotated[int, Query(ge=1, le=500, description="rows per page (1-500)")]
Offset = Annotated[int, Query(ge=0, description="rows to skip (use next_offset of the previous page)")]
Search = Annotated[
    str | None, Query(max_length=500, description="words that must all occur (full-text search)")
]
SearchRequired = Annotated[str, Query(min_length=1, max_length=500, description="what to look for")]
Outlet = Annotated[str | None, Query(max_length=200, description="outlet name, exactly (any case)")]
Since = Annotated[
    str | None,
    Query(
        max_length=40, description="published on or after (ISO 8601 date or time)", examples=["2024-05-01"]
    ),
]
Until = Annotated[
    str | None,
    Query(max_length=40, description="published on or before; a date includes its whole day"),
]
Speaker = Annotated[str | None, Query(max_length=200, description="part of the speaker's name, any case")]
QuoteType = Annotated[Literal["direct", "partial", "indirect"] | None, Query(description="kind of statement")]
ActorType = Annotated[
    Literal["PERSON", "ORG", "GPE", "NORP"] | None,
    Query(description="PERSON, ORG (organisation), GPE (country, city) or NORP (nationality, group)"),
]
SpeakersOnly = Annotated[bool, Query(description="only actors quoted at least once")]
SourceName = Annotated[str | None, Query(max_length=200, description="part of the acting side's name")]
TargetName = Annotated[str | None, Query(max_length=200, description="part of the target's name")]
Country = Annotated[
    str | None,
    Query(max_length=3, description="ISO 3166-1 alpha-3 code of either side (USA, RUS)"),
]
EventType = Annotated[
    str | None, Query(max_length=20, description="PLOVER type (ACCUSE) or CAMEO code prefix (11)")
]
Level = Annotated[Literal["actor", "country"], Query(description="graph nodes: actors or their countries")]
AllSides = Annotated[
    bool, Query(description="actor graph: also draw sides not tied to a named actor ('police', 'two men')")
]
