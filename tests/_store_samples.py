"""Hand-built articles for the store and export tests: small invented texts, correct spans.

Spans are computed from the text (``at``) rather than typed as numbers, so editing a text
cannot leave a span pointing at the wrong words.
"""

from __future__ import annotations

from newsgraph.records import (
    Article,
    Entity,
    Event,
    Provenance,
    Quote,
    RemovedLine,
    Source,
    Span,
    TextSpan,
    text_sha256,
)


def at(text: str, sub: str, nth: int = 0) -> Span:
    """The span of the ``nth`` occurrence of ``sub`` in ``text``."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(sub, start + 1)
    return Span(start, start + len(sub))


def within(text: str, context: str, sub: str) -> Span:
    """The span of ``sub`` inside the first occurrence of ``context`` (for short words)."""
    outer = at(text, context)
    start = text.index(sub, outer.start, outer.end)
    return Span(start, start + len(sub))


def ts(text: str, sub: str, nth: int = 0) -> TextSpan:
    s = at(text, sub, nth)
    return TextSpan(sub, s.start, s.end)


def quote(text: str, sub: str, kind: str, nth: int = 0, **kw: object) -> Quote:
    s = at(text, sub, nth)
    return Quote(text=sub, start=s.start, end=s.end, type=kind, **kw)  # type: ignore[arg-type]


KREMLIN_TEXT = (
    "WORLD\n"
    "Kremlin rejects U.S. claims\n"
    "Moscow says Washington is fanning the flames.\n"
    "\n"
    "Kremlin spokesman Dmitry Peskov on Tuesday accused the United States of "
    '"fanning the flames" in Ukraine.\n'
    "\n"
    '"This is a provocation," Peskov said. "We will respond," he added.\n'
    "\n"
    '"We do not accept ultimatums," Peskov said, "from anyone."\n'
    "\n"
    "U.S. Secretary of State Antony Blinken said Washington would keep supporting Kyiv.\n"
    "Photo: Reuters\n"
)


def kremlin_article() -> Article:
    """An article that uses every field of every record."""
    t = KREMLIN_TEXT
    he = within(t, "he added", "he")
    peskov = Entity(
        id="e1",
        name="Dmitry Peskov",
        type="PERSON",
        country="RUS",
        titles=("Kremlin spokesman",),
        aliases=("Peskov", "he"),
        mentions=(at(t, "Dmitry Peskov"), at(t, "Peskov", 1), he, at(t, "Peskov", 2)),
        actor_code="RUSGOV",
    )
    usa = Entity(
        id="e2",
        name="United States",
        type="GPE",
        country="USA",
        aliases=("U.S.", "Washington"),
        mentions=(at(t, "U.S."), at(t, "United States"), at(t, "U.S.", 1)),
        actor_code="USA",
    )
    blinken = Entity(
        id="e3",
        name="Antony Blinken",
        type="PERSON",
        country="USA",
        titles=("Secretary of State",),
        mentions=(at(t, "Antony Blinken"),),
    )
    kremlin = Entity(id="e4", name="Kremlin", type="ORG", country="RUS", mentions=(at(t, "Kremlin"),))
    quotes = (
        quote(t, "fanning the flames", "partial", 1, speaker="Dmitry Peskov", speaker_entity="e1",
              cue=ts(t, "accused")),
        quote(t, "This is a provocation,", "direct", speaker="Dmitry Peskov", speaker_entity="e1",
              speaker_mention=ts(t, "Peskov", 1), cue=ts(t, "said")),
        quote(t, "We will respond,", "direct", speaker="Dmitry Peskov", speaker_entity="e1",
              speaker_mention=TextSpan("he", he.start, he.end), cue=ts(t, "added"), continues=1),
        quote(t, "We do not accept ultimatums,", "direct", speaker="Dmitry Peskov",
              speaker_entity="e1", speaker_mention=ts(t, "Peskov", 2), cue=ts(t, "said", 1),
              fragments=(ts(t, "We do not accept ultimatums,"), ts(t, "from anyone."))),
        quote(t, "Washington would keep supporting Kyiv", "indirect", speaker="Antony Blinken",
              speaker_entity="e3", cue=ts(t, "said", 2)),
    )  # fmt: skip
    events = (
        Event(
            source="Dmitry Peskov",
            source_entity="e1",
            source_country="RUS",
            plover="ACCUSE",
            cameo="112",
            evidence=at(t, "accused the United States"),
            target="United States",
            target_entity="e2",
            target_country="USA",
            quote=0,
            mode="disapprove",
            quad_class=3,
            goldstein=-2.0,
        ),
        Event(
            source="Antony Blinken",
            plover="SUPPORT",
            cameo="051",
            evidence=at(t, "keep supporting Kyiv"),
            target="Ukraine",
            quote=4,
            goldstein=3.4,
        ),
        Event(source=None, plover="THREATEN", cameo="138", evidence=at(t, "We will respond")),
    )
    first_line = at(t, "WORLD")
    return Article(
        id="kremlin-2024-05-23",
        text=t,
        source=Source(path="inputs/kremlin.txt", url="https://news.example/kremlin", format="text"),
        title="Kremlin rejects U.S. claims",
        authors=("Jane Roe", "John Doe"),
        published="2024-05-23T07:37:00+01:00",
        published_raw="23 May 2024 07:37 BST",
        section="World",
        outlet="Example News",
        language="en",
        removed_lines=(RemovedLine(first_line.start, first_line.end, "section label"),),
        headings=(at(t, "Kremlin rejects U.S. claims"),),
        standfirst=at(t, "Moscow says Washington is fanning the flames."),
        image_credits=("Photo: Reuters",),
        entities=(peskov, usa, blinken, kremlin),
        quotes=quotes,
        events=events,
        provenance=Provenance("0.1.0", "en_core_web_sm 3.8.0", "lex-abc123", text_sha256(t)),
    )


def plain_article(
    id: str, text: str, *, title: str | None = None, published: str | None = None, outlet: str | None = None
) -> Article:
    """A bare article: text and metadata, nothing extracted, no provenance."""
    return Article(id=id, text=text, title=title, published=published, outlet=outlet)


def busy_article(n: int) -> Article:
    """A synthetic article with 20 entities (3 mentions each), 15 quotes and 10 events."""
    words = [f"Person{n}x{i} said the council{i} met on day {i} in city{i}." for i in range(40)]
    t = " ".join(words)
    entities = tuple(
        Entity(
            id=f"e{i}",
            name=f"Person{n}x{i}",
            type="PERSON",
            country="GBR",
            titles=("Minister",),
            aliases=(f"P{i}",),
            mentions=tuple(Span(k * 10 + i, k * 10 + i + 5) for k in range(3)),
        )
        for i in range(20)
    )
    quotes = tuple(
        Quote(f"q{i}", i * 7, i * 7 + 5, "indirect", speaker=f"Person{n}x{i}", speaker_entity=f"e{i}",
              cue=TextSpan("said", i * 7, i * 7 + 4))
        for i in range(15)
    )  # fmt: skip
    events = tuple(
        Event(source=f"Person{n}x{i}", plover="CONSULT", cameo="040", evidence=Span(i, i + 9),
              target=f"council{i}", quad_class=1, goldstein=1.0)
        for i in range(10)
    )  # fmt: skip
    return Article(
        id=f"busy-{n}",
        text=t,
        title=f"Busy article {n}",
        published=f"2024-01-{1 + n % 28:02d}T12:00:00+00:00",
        entities=entities,
        quotes=quotes,
        events=events,
    )
