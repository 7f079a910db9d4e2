"""A quote under construction, shared by the stages of :mod:`newsgraph.nlp.quotes.build`."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token


@dataclass(slots=True)
class Candidate:
    """A quote under construction (mutable until speakers and links are settled)."""

    start: int
    end: int
    type: str
    cue: tuple[int, int] | None = None
    cue_token: int | None = None
    source: Token | None = None
    fragments: list[tuple[int, int]] = field(default_factory=list)
    follows: Candidate | None = None
    credit: tuple[int, int] | None = None
    speaker: str | None = None
    entity: str | None = None
    mention: tuple[int, int] | None = None
    confidence: float | None = None  # of the speaker choice
