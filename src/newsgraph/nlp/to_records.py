"""The only place that reads spaCy Docs and builds records.

The NLP stages read a masked copy of the article text (removed lines blanked to spaces, same
offsets).  Records must quote the article text itself, so every text field of a quote is
re-read from the original text here, and a quote span never runs into a removed line: it is
cut before the first one it reaches (a removed line is boilerplate, never part of a statement).

When the entity component has not run (a pipeline without it), entities fall back to the
model's own NER spans, grouped by surface form, so that the output is never silently empty.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Doc

from newsgraph.nlp.doc_cache import release, text_of
from newsgraph.records import Entity, Event, Quote, RemovedLine, Span, TextSpan

#: NER labels kept by the fallback, mapped to the contract's entity types.
_KEPT = {"PERSON": "PERSON", "ORG": "ORG", "GPE": "GPE", "NORP": "NORP"}


def doc_to_records(
    doc: Doc, text: str | None = None, removed: Sequence[RemovedLine] = ()
) -> tuple[tuple[Entity, ...], tuple[Quote, ...], tuple[Event, ...]]:
    """Entities, quotes and events of an analysed Doc, as records over ``text``.

    ``text`` is the article text the Doc was made from (default: the Doc's own text) and
    ``removed`` the lines that were blanked out of it.
    """
    release(doc)  # in case the events component did not run (see doc_cache)
    source = text_of(doc) if text is None else text
    entities = doc._.ng_entities
    if entities is None:
        entities = fallback_entities(doc)
    quotes = [realign_quote(q, source, removed) for q in doc._.ng_quotes or []]
    events = doc._.ng_events or []
    return tuple(entities), tuple(quotes), tuple(events)


def _text_span(part: TextSpan | None, text: str) -> TextSpan | None:
    return None if part is None else TextSpan(text[part.start : part.end], part.start, part.end)


def realign_quote(quote: Quote, text: str, removed: Sequence[RemovedLine] = ()) -> Quote:
    """``quote`` with its span cut before any removed line and its texts read from ``text``."""
    end = quote.end
    for line in removed:
        if quote.start <= line.start < end:
            end = line.start
    while end > quote.start and text[end - 1].isspace():
        end -= 1
    if end <= quote.start:  # nothing before the removed line: keep the span as found
        end = quote.end
    fragments = tuple(
        TextSpan(text[f.start : f.end], f.start, f.end) for f in quote.fragments if f.end <= end
    )
    return replace(
        quote,
        text=text[quote.start : end],
        end=end,
        cue=_text_span(quote.cue, text),
        speaker_mention=_text_span(quote.speaker_mention, text),
        fragments=fragments,
    )


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
