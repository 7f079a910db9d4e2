"""What every extractor produces: article text with its metadata and layout spans."""

from __future__ import annotations

from dataclasses import dataclass

from newsgraph.records import RemovedLine, Span


@dataclass(frozen=True, slots=True)
class ExtractedArticle:
    """Text plus metadata, before any NLP.

    Spans (``removed_lines``, ``headings``, ``standfirst``) point into ``text``.
    ``published`` is ISO 8601 (with an offset when the source states a time zone; a bare date
    ``YYYY-MM-DD`` when only a day is known); ``published_raw`` is the string it came from.
    ``warnings`` are non-fatal notes for the user (e.g. "decoded as cp1252").
    """

    text: str
    title: str | None = None
    authors: tuple[str, ...] = ()
    published: str | None = None
    published_raw: str | None = None
    section: str | None = None
    outlet: str | None = None
    language: str | None = None
    removed_lines: tuple[RemovedLine, ...] = ()
    headings: tuple[Span, ...] = ()
    standfirst: Span | None = None
    image_credits: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()
