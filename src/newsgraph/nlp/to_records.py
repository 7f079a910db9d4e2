"""The only place that reads spaCy Docs and builds records.

When the entity component has not run (a pipeline without it), entities fall back to the
model's own NER spans, grouped by surface form, so that the output is never silently empty.
"""

from __future__ import annotations

from spacy.tokens import Doc

from newsgraph.records import Entity, Event, Quote, Span

#: NER labels kept by the fallback, mapped to the contract's entity types.
_KEPT = {"PERSON": "PERSON", "ORG": "ORG", "GPE": "GPE", "NORP": "NORP"}


def doc_to_records(doc: Doc) -> tuple[tuple[Entity, ...], tuple[Quote, ...], tuple[Event, ...]]:
    """Entities, quotes and events of an analysed Doc, as records."""
    entities = doc._.ng_entities
    if entities is None:
        entities = fallback_entities(doc)
    quotes = doc._.ng_quotes or []
    events = doc._.ng_events or []
    return tuple(entities), tuple(quotes), tuple(events)


def fallback_entities(doc: Doc) -> list[Entity]:
    """Group the model's NER spans by label and text (no repair, no coreference)."""
    groups: dict[tuple[str, str], list[Span]] = {}
    for ent in doc.ents:
        label = _KEPT.get(ent.label_)
        name = ent.text.strip()
        if label is None or not name:
            continue
        groups.setdefault((label, name), []).append(Span(ent.start_char, ent.end_char))
    return [
        Entity(id=f"e{i}", name=name, type=label, mentions=tuple(spans))
        for i, ((label, name), spans) in enumerate(groups.items(), start=1)
    ]
