"""What the event tests share: the events of a text through the whole pipeline (cached)."""

from __future__ import annotations

from functools import cache

from newsgraph.core import make_doc
from newsgraph.extract.base import ExtractedArticle
from newsgraph.nlp.pipeline import load_pipeline
from newsgraph.records import Event


@cache
def analysed(text: str) -> tuple[Event, ...]:
    nlp = load_pipeline()
    doc = nlp(make_doc(nlp, ExtractedArticle(text=text)))
    return tuple(doc._.ng_events or [])


def coded(text: str) -> set[tuple[str | None, str, str | None]]:
    """``(source, plover, target)`` of each event coded in ``text``."""
    return {(e.source, e.plover, e.target) for e in analysed(text)}
