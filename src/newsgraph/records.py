"""The data model every part of newsgraph speaks: frozen records with character spans.

Records are the common currency between the layers: readers produce them, the NLP layer
fills them, the store and the shells read them.  They hold no spaCy objects and do no I/O,
so they can cross process boundaries (workers, Dask) and be compared in tests.

Every extracted item points at a character span ``[start, end)`` into ``Article.text`` so
that a user can always see the evidence.  ``to_dict``/``from_dict`` are lossless and produce
exactly the JSON shape of the ``newsgraph analyze`` output contract (schema_version 1).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any, Literal

SCHEMA_VERSION = 1

EntityType = Literal["PERSON", "ORG", "GPE", "NORP"]
QuoteType = Literal["direct", "partial", "indirect"]
SourceFormat = Literal["text", "html", "warc", "feed", "jsonl"]

#: The 16 PLOVER event types, in the order of their quad classes (verbal cooperation, material
#: cooperation, verbal conflict, material conflict), as the PLOVER manual lists them.
PLOVER_TYPES = (
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
)


def text_sha256(text: str) -> str:
    """The content key of an article: sha256 of its text, UTF-8 encoded."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _opt_str(value: Any) -> str | None:
    return None if value is None else str(value)


@dataclass(frozen=True, slots=True)
class Span:
    """A character span ``[start, end)`` into the article text."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if self.start < 0 or self.end < self.start:
            raise ValueError(f"invalid span [{self.start}, {self.end})")

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Span:
        return cls(int(d["start"]), int(d["end"]))


@dataclass(frozen=True, slots=True)
class TextSpan:
    """A span together with the text it covers (cues, speaker mentions, fragments)."""

    text: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> TextSpan:
        return cls(str(d["text"]), int(d["start"]), int(d["end"]))


@dataclass(frozen=True, slots=True)
class RemovedLine:
    """A line left out of the body the NLP stages read, with the reason (boilerplate)."""

    start: int
    end: int
    reason: str

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "reason": self.reason}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> RemovedLine:
        return cls(int(d["start"]), int(d["end"]), str(d["reason"]))


@dataclass(frozen=True, slots=True)
class Entity:
    """One distinct real-world entity of an article, with every mention of it."""

    id: str
    name: str
    type: str
    country: str | None = None
    titles: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    mentions: tuple[Span, ...] = ()
    actor_code: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "type": self.type,
            "country": self.country,
            "titles": list(self.titles),
            "aliases": list(self.aliases),
            "mentions": [[m.start, m.end] for m in self.mentions],
            "actor_code": self.actor_code,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Entity:
        return cls(
            id=str(d["id"]),
            name=str(d["name"]),
            type=str(d["type"]),
            country=_opt_str(d.get("country")),
            titles=tuple(d.get("titles") or ()),
            aliases=tuple(d.get("aliases") or ()),
            mentions=tuple(Span(int(m[0]), int(m[1])) for m in d.get("mentions") or ()),
            actor_code=_opt_str(d.get("actor_code")),
        )


@dataclass(frozen=True, slots=True)
class Quote:
    """An attributed statement: its reported content span, type, cue and resolved speaker."""

    text: str
    start: int
    end: int
    type: str
    speaker: str | None = None
    speaker_entity: str | None = None
    speaker_mention: TextSpan | None = None
    cue: TextSpan | None = None
    continues: int | None = None
    fragments: tuple[TextSpan, ...] = ()
    #: Probability of the chosen speaker among the options the ranker weighed (nlp.quotes.ranking).
    speaker_confidence: float | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "type": self.type,
            "speaker": self.speaker,
            "speaker_entity": self.speaker_entity,
            "speaker_confidence": self.speaker_confidence,
            "speaker_mention": self.speaker_mention.to_dict() if self.speaker_mention else None,
            "cue": self.cue.to_dict() if self.cue else None,
            "continues": self.continues,
            "fragments": [f.to_dict() for f in self.fragments],
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Quote:
        sm = d.get("speaker_mention")
        cue = d.get("cue")
        cont = d.get("continues")
        return cls(
            text=str(d["text"]),
            start=int(d["start"]),
            end=int(d["end"]),
            type=str(d["type"]),
            speaker=_opt_str(d.get("speaker")),
            speaker_entity=_opt_str(d.get("speaker_entity")),
            speaker_mention=TextSpan.from_dict(sm) if sm else None,
            cue=TextSpan.from_dict(cue) if cue else None,
            continues=None if cont is None else int(cont),
            fragments=tuple(TextSpan.from_dict(f) for f in d.get("fragments") or ()),
            speaker_confidence=None
            if d.get("speaker_confidence") is None
            else float(d["speaker_confidence"]),
        )


@dataclass(frozen=True, slots=True)
class Event:
    """Who did what to whom: a PLOVER/CAMEO-coded event with its evidence span."""

    source: str | None
    plover: str
    cameo: str
    evidence: Span
    source_entity: str | None = None
    source_country: str | None = None
    target: str | None = None
    target_entity: str | None = None
    target_country: str | None = None
    quote: int | None = None
    mode: str | None = None
    quad_class: int | None = None
    goldstein: float | None = None
    confidence: float | None = None  # how sure the event model is (0-1; nlp/events/confidence)

    def to_dict(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "source_entity": self.source_entity,
            "source_country": self.source_country,
            "plover": self.plover,
            "mode": self.mode,
            "cameo": self.cameo,
            "quad_class": self.quad_class,
            "goldstein": self.goldstein,
            "target": self.target,
            "target_entity": self.target_entity,
            "target_country": self.target_country,
            "evidence": self.evidence.to_dict(),
            "quote": self.quote,
            "confidence": self.confidence,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Event:
        q = d.get("quote")
        qc = d.get("quad_class")
        gs = d.get("goldstein")
        sure = d.get("confidence")
        return cls(
            source=_opt_str(d.get("source")),
            plover=str(d["plover"]),
            cameo=str(d["cameo"]),
            evidence=Span.from_dict(d["evidence"]),
            source_entity=_opt_str(d.get("source_entity")),
            source_country=_opt_str(d.get("source_country")),
            target=_opt_str(d.get("target")),
            target_entity=_opt_str(d.get("target_entity")),
            target_country=_opt_str(d.get("target_country")),
            quote=None if q is None else int(q),
            mode=_opt_str(d.get("mode")),
            quad_class=None if qc is None else int(qc),
            goldstein=None if gs is None else float(gs),
            confidence=None if sure is None else float(sure),
        )


@dataclass(frozen=True, slots=True)
class Source:
    """Where an article came from."""

    path: str | None = None
    url: str | None = None
    format: str = "text"

    def to_dict(self) -> dict[str, Any]:
        return {"path": self.path, "url": self.url, "format": self.format}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Source:
        return cls(_opt_str(d.get("path")), _opt_str(d.get("url")), str(d.get("format") or "text"))


@dataclass(frozen=True, slots=True)
class Provenance:
    """The versions that made a record, and the hash of the input text (reproducibility)."""

    newsgraph: str
    model: str
    lexicons: str
    text_sha256: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "newsgraph": self.newsgraph,
            "model": self.model,
            "lexicons": self.lexicons,
            "text_sha256": self.text_sha256,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Provenance:
        return cls(str(d["newsgraph"]), str(d["model"]), str(d["lexicons"]), str(d["text_sha256"]))


@dataclass(frozen=True, slots=True)
class Article:
    """One analysed article: metadata, text, and everything extracted from it.

    ``text`` is what every span points into: for plain-text input the input as read (decoded,
    line endings normalised to ``\\n``, nothing removed); for HTML the extracted body.
    """

    id: str
    text: str
    source: Source = field(default_factory=Source)
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
    entities: tuple[Entity, ...] = ()
    quotes: tuple[Quote, ...] = ()
    events: tuple[Event, ...] = ()
    provenance: Provenance | None = None
    schema_version: int = SCHEMA_VERSION
    #: Why the NLP stages did not run (the article's language is not one the model covers), else None.
    nlp_skipped: str | None = None

    @property
    def text_sha256(self) -> str:
        return self.provenance.text_sha256 if self.provenance else text_sha256(self.text)

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema_version": self.schema_version,
            "id": self.id,
            "source": self.source.to_dict(),
            "text": self.text,
            "title": self.title,
            "authors": list(self.authors),
            "published": self.published,
            "published_raw": self.published_raw,
            "section": self.section,
            "outlet": self.outlet,
            "language": self.language,
            "removed_lines": [r.to_dict() for r in self.removed_lines],
            "headings": [h.to_dict() for h in self.headings],
            "standfirst": self.standfirst.to_dict() if self.standfirst else None,
            "image_credits": list(self.image_credits),
            "entities": [e.to_dict() for e in self.entities],
            "quotes": [q.to_dict() for q in self.quotes],
            "events": [e.to_dict() for e in self.events],
            "provenance": self.provenance.to_dict() if self.provenance else None,
            "nlp_skipped": self.nlp_skipped,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Article:
        sf = d.get("standfirst")
        prov = d.get("provenance")
        return cls(
            schema_version=int(d.get("schema_version", SCHEMA_VERSION)),
            id=str(d["id"]),
            source=Source.from_dict(d.get("source") or {}),
            text=str(d["text"]),
            title=_opt_str(d.get("title")),
            authors=tuple(d.get("authors") or ()),
            published=_opt_str(d.get("published")),
            published_raw=_opt_str(d.get("published_raw")),
            section=_opt_str(d.get("section")),
            outlet=_opt_str(d.get("outlet")),
            language=_opt_str(d.get("language")),
            removed_lines=tuple(RemovedLine.from_dict(r) for r in d.get("removed_lines") or ()),
            headings=tuple(Span.from_dict(h) for h in d.get("headings") or ()),
            standfirst=Span.from_dict(sf) if sf else None,
            image_credits=tuple(d.get("image_credits") or ()),
            entities=tuple(Entity.from_dict(e) for e in d.get("entities") or ()),
            quotes=tuple(Quote.from_dict(q) for q in d.get("quotes") or ()),
            events=tuple(Event.from_dict(e) for e in d.get("events") or ()),
            provenance=Provenance.from_dict(prov) if prov else None,
            nlp_skipped=_opt_str(d.get("nlp_skipped")),
        )
