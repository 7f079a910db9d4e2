"""Find the entity a character span refers to, through the entities' coreferent mentions."""

from __future__ import annotations

from collections.abc import Sequence

from newsgraph.records import Entity


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
