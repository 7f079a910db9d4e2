"""What the discourse layer hands to the later stages: immutable links, referents and the setting.

Every mention that joined an entity carries the sieve pass that linked it (:data:`SIEVES`, most
precise first) and a confidence, so a user -- and a test -- can see why two mentions were taken
for one entity.  Descriptions that are no named entity ("Egyptian troops", "a United Nations
report") are referents too: a later "they" or "the report" points back to them, and a document
speaks for its author.

Quotes and events ask one question of this layer: *what does the span [start, end) refer to?*
(:meth:`Discourse.referent`).  They never look at mentions, clusters or the model's NER.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from newsgraph.records import Entity

#: The sieve passes in the order they run, most precise first, with the confidence a link made by
#: each one carries (how often such links are right; a link is never better than its pass).
SIEVES: dict[str, float] = {
    "exact": 0.99,  # the same name again ("Blinken" ... "Blinken"), or a known spelling variant
    "appositive": 0.95,  # "Fuad Basya, spokesman for the military," / "spokesman Fuad Basya"
    "acronym": 0.93,  # "World Food Programme (WFP)" ... "the WFP"
    "surname": 0.9,  # "Antony Blinken" ... "Blinken"; "Foreign Office" ... "UK Foreign Office"
    "title": 0.8,  # "the Secretary of State", "Tunisia's coach": a title used alone
    "description": 0.7,  # "the organization", "the ministry", "the report" pointing back
    "pronoun": 0.75,  # he, she, they ... by agreement and salience
    "author": 0.95,  # the byline's author and the same name in the body
}


@dataclass(frozen=True, slots=True)
class DiscourseConfig:
    """The discourse layer's knobs (the ``newsgraph_entities`` component's ``default_config``).

    ``pronoun_window``: sentences a pronoun looks back within its reach; ``paragraphs_back``: how
    many paragraphs before its own a pronoun may still reach (salience across paragraphs).
    """

    pronoun_window: int = 3
    paragraphs_back: int = 1


DEFAULT_CONFIG = DiscourseConfig()


@dataclass(frozen=True, slots=True)
class Link:
    """One mention of an entity: its character span, the pass that linked it and its confidence."""

    start: int
    end: int
    entity: str
    sieve: str
    confidence: float


@dataclass(frozen=True, slots=True)
class Referent:
    """What a span refers to: a named entity, or a description that stands for itself.

    ``entity`` is None for a description ("hackers", "the Colombian authorities"); ``name`` is
    then the description as written, without its article.
    """

    name: str
    entity: Entity | None
    kind: str  # PERSON, ORG, GPE, NORP, GROUP (people described, not named) or OTHER
    sieve: str
    confidence: float


@dataclass(frozen=True, slots=True)
class Description:
    """A described (unnamed) referent, resolved where possible to what it stands for.

    ``entity`` is the entity it points back to or speaks for ("the organization" -> Amnesty
    International; "a CIA report" -> CIA); ``name`` is the text when it stands for itself.
    """

    start: int
    end: int
    head: int  # character offset of the head word
    name: str
    kind: str  # GROUP, ORG, DOCUMENT
    entity: str | None
    sieve: str
    confidence: float


@dataclass(frozen=True, slots=True)
class Discourse:
    """The discourse layer's result for one article."""

    entities: tuple[Entity, ...]
    links: tuple[Link, ...]
    descriptions: tuple[Description, ...]
    setting: str | None  # ISO-3 of the country the article is set in, or None

    def entity(self, entity_id: str | None) -> Entity | None:
        return next((e for e in self.entities if e.id == entity_id), None) if entity_id else None

    def referent(self, start: int, end: int) -> Referent | None:
        """What ``[start, end)`` refers to: the entity with a mention covering it best, else a
        description whose head lies inside it, else None (see :func:`entity_for_span`)."""
        found = entity_for_span(self.entities, start, end)
        if found is not None:
            link = self._link(found.id, start, end)
            sieve, conf = (link.sieve, link.confidence) if link else ("exact", SIEVES["exact"])
            return Referent(found.name, found, found.type, sieve, conf)
        for d in self.descriptions:
            if start <= d.head < end:
                entity = self.entity(d.entity)
                if entity is not None:
                    return Referent(entity.name, entity, entity.type, d.sieve, d.confidence)
                kind = "GROUP" if d.kind == "GROUP" else "OTHER"
                return Referent(d.name, None, kind, d.sieve, d.confidence)
        return None

    def _link(self, entity_id: str, start: int, end: int) -> Link | None:
        best: Link | None = None
        for link in self.links:
            overlaps = link.entity == entity_id and link.start < end and start < link.end
            if overlaps and (best is None or abs(link.start - start) < abs(best.start - start)):
                best = link
        return best


def entity_for_span(entities: Sequence[Entity], start: int, end: int) -> Entity | None:
    """The entity with a mention that best covers ``[start, end)``, or None.

    An exact mention wins; otherwise the mention with the largest overlap (ties: the
    shorter mention, being more specific).
    """
    best: tuple[int, int] | None = None
    found: Entity | None = None
    for entity in entities:
        for m in entity.mentions:
            if m.start == start and m.end == end:
                return entity
            overlap = min(end, m.end) - max(start, m.start)
            if overlap <= 0:
                continue
            key = (overlap, -(m.end - m.start))
            if best is None or key > best:
                best, found = key, entity
    return found
