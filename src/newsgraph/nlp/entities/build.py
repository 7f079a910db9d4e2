"""The three entity stages over one analysed Doc: mentions -> discourse -> canonical entities.

:func:`build_discourse` runs them in order and returns the discourse layer's result, which the
entities component stores (``doc._.ng_discourse``, and its entities as ``doc._.ng_entities``).
"""

from __future__ import annotations

from spacy.tokens import Doc

from newsgraph.nlp.discourse.model import (
    DEFAULT_CONFIG,
    SIEVES,
    Description,
    Discourse,
    DiscourseConfig,
    Link,
    entity_for_span,
)
from newsgraph.nlp.discourse.sieve import run_sieve
from newsgraph.nlp.entities.canonical import to_entities
from newsgraph.nlp.mentions.collect import collect_mentions
from newsgraph.records import Entity


def build_discourse(doc: Doc, config: DiscourseConfig = DEFAULT_CONFIG) -> Discourse:
    """Entities of ``doc`` with every coreferent mention, the pass behind each link, and the
    resolved descriptions."""
    found = collect_mentions(doc)
    clusters, described = run_sieve(doc, found, config)
    entities = to_entities(doc, clusters, found.setting, described)
    by_span: dict[tuple[int, int], Entity] = {}
    for e in entities:  # the first entity holding a span, as entity_for_span finds it
        for span in e.mentions:
            by_span.setdefault((span.start, span.end), e)

    def owner(start: int, end: int) -> Entity | None:
        return by_span.get((start, end)) or entity_for_span(entities, start, end)

    links: list[Link] = []
    for c in clusters:
        for m in c.mentions:
            if m.char_end <= m.char_start:
                continue
            entity = owner(m.char_start, m.char_end)
            if entity is not None:
                conf = m.confidence if m.confidence is not None else SIEVES.get(m.sieve, 0.5)
                links.append(Link(m.char_start, m.char_end, entity.id, m.sieve, conf))
    descriptions: list[Description] = []
    for d in described:
        start, end = doc[d.start].idx, doc[d.end - 1].idx + len(doc[d.end - 1])
        entity_id = None
        if d.cluster is not None:
            first = min(
                (m for m in d.cluster.mentions if m.char_end > m.char_start), key=lambda m: m.char_start
            )
            hit = owner(first.char_start, first.char_end)
            entity_id = hit.id if hit is not None else None
        sieve = "pronoun" if d.head.pos_ == "PRON" else "description"
        conf = min(SIEVES[sieve], max(0.3, 0.5 + 0.1 * d.score))
        descriptions.append(Description(start, end, d.head.idx, d.name, d.kind, entity_id, sieve, conf))
    links.sort(key=lambda x: (x.start, x.end))
    return Discourse(tuple(entities), tuple(links), tuple(descriptions), found.setting)


def build_entities(doc: Doc) -> list[Entity]:
    """Canonical entities of ``doc`` (see :func:`build_discourse`)."""
    return list(build_discourse(doc).entities)
