"""The highlighted article: the text cut into segments, each carrying its annotations.

Why segments and not HTML: article text is untrusted, and its annotations (quotes, cues,
speaker mentions, entity mentions, removed lines, event evidence) overlap freely.  We collect
every span boundary, cut the text at each one, and give every piece the set of annotations
covering it.  The template then prints each piece as escaped text inside one ``<span>`` whose
classes and attributes come only from our own values; no part of the article is ever treated as
markup, and no nesting has to be balanced.

Speaker colours: speakers get ``spk-0``, ``spk-1``, ... in order of their first statement in the
article (the legend uses the same classes); after :data:`~newsgraph.web.render.SPEAKER_COLOURS`
the colours repeat.  Unattributed statements are ``spk-none``.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise
from typing import Any

from newsgraph.records import Article, Quote
from newsgraph.web.render import SPEAKER_COLOURS


@dataclass(frozen=True, slots=True)
class Segment:
    """A piece of article text and how to show it (all values are ours, the text is escaped)."""

    text: str
    classes: str = ""
    anchor: str | None = None
    href: str | None = None
    tip: str | None = None
    events: str = ""


@dataclass(frozen=True, slots=True)
class _Mark:
    start: int
    end: int
    kind: str
    value: Any = None


def _speaker_key(quote: Quote) -> str:
    return quote.speaker_entity or quote.speaker or ""


def speaker_colours(article: Article) -> dict[str, str]:
    """Colour class per speaker key (entity id, else name), in order of first statement."""
    colours: dict[str, str] = {}
    for quote in article.quotes:
        key = _speaker_key(quote)
        if key and key not in colours:
            colours[key] = f"spk-{len(colours) % SPEAKER_COLOURS}"
    return colours


def article_view(article: Article, entity_ids: dict[str, int]) -> dict[str, Any]:
    """The article record plus the legend and entity links the page (and API clients) need.

    ``entity_ids`` maps each entity's id in the article (``e1``) to its actor id.
    """
    colours = speaker_colours(article)
    legend: dict[str, dict[str, Any]] = {}
    for quote in article.quotes:
        key = _speaker_key(quote)
        entry = legend.setdefault(
            key or "",
            {
                "speaker": quote.speaker or "Unattributed",
                "colour": colours.get(key, "spk-none"),
                "actor_id": entity_ids.get(quote.speaker_entity or ""),
                "statements": 0,
            },
        )
        entry["statements"] += 1
    return {
        "article": article.to_dict(),
        "key": article.text_sha256,
        "entity_actor_ids": entity_ids,
        "speakers": list(legend.values()),
    }


def _marks(article: Article, colours: dict[str, str], entity_ids: dict[str, int]) -> list[_Mark]:
    n = len(article.text)
    marks: list[_Mark] = []

    def add(start: int, end: int, kind: str, value: Any = None) -> None:
        start, end = max(0, start), min(n, end)
        if start < end:
            marks.append(_Mark(start, end, kind, value))

    for line in article.removed_lines:
        add(line.start, line.end, "removed", line.reason)
    for heading in article.headings:
        add(heading.start, heading.end, "heading")
    if article.title and article.text.startswith(article.title):
        add(0, len(article.title), "heading")
    for entity in article.entities:
        for m in entity.mentions:
            add(m.start, m.end, "entity", (entity.type, entity_ids.get(entity.id)))
    for idx, quote in enumerate(article.quotes):
        colour = colours.get(_speaker_key(quote), "spk-none")
        for piece in quote.fragments or (quote,):
            add(piece.start, piece.end, "quote", (idx, quote, colour))
        if quote.cue:
            add(quote.cue.start, quote.cue.end, "cue")
        if quote.speaker_mention:
            add(quote.speaker_mention.start, quote.speaker_mention.end, "who", colour)
    for idx, event in enumerate(article.events):
        add(event.evidence.start, event.evidence.end, "event", idx)
    return marks


def segments(article: Article, entity_ids: dict[str, int]) -> list[Segment]:
    """The article text cut at every annotation boundary (see the module docstring)."""
    text = article.text
    marks = _marks(article, speaker_colours(article), entity_ids)
    cuts = sorted({0, len(text), *(m.start for m in marks), *(m.end for m in marks)})
    starting: dict[int, list[_Mark]] = {}
    for mark in marks:
        starting.setdefault(mark.start, []).append(mark)
    active: list[_Mark] = []
    anchored: set[int] = set()
    out: list[Segment] = []
    for start, end in pairwise(cuts):
        active = [m for m in active if m.end > start] + starting.get(start, [])
        out.append(_segment(text[start:end], active, anchored))
    return out


def _segment(piece: str, active: list[_Mark], anchored: set[int]) -> Segment:
    if not active:
        return Segment(piece)
    classes: list[str] = []
    anchor = href = None
    tips: list[str] = []
    events: list[str] = []
    for mark in active:
        if mark.kind == "quote":
            idx, quote, colour = mark.value
            classes += ["q", colour, f"qi-{idx}"]
            tips.append(f"{quote.speaker or 'Unattributed'} ({quote.type} quote)")
            if idx not in anchored:
                anchored.add(idx)
                anchor = f"q{idx}"
        elif mark.kind == "who":
            classes += ["who", f"who-{mark.value}"]
        elif mark.kind == "entity":
            kind, actor = mark.value
            classes += ["ent", f"ent-{kind.lower()}"]
            href = f"/actors/{actor}" if actor is not None else None
        elif mark.kind == "event":
            classes.append("ev")
            events.append(str(mark.value))
        elif mark.kind == "removed":
            classes.append("removed")
            tips.append(f"left out of analysis: {mark.value}")
        else:  # cue, heading
            classes.append(mark.kind)
    return Segment(
        piece,
        " ".join(dict.fromkeys(classes)),
        anchor,
        href,
        "; ".join(dict.fromkeys(tips)) or None,
        " ".join(events),
    )
