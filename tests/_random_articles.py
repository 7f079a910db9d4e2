"""Random but valid analysed articles for store tests: heavy-tailed actors, dates, quotes, events.

Invented names and words only (no gold text).  Deterministic for a seed.
"""

from __future__ import annotations

import random

from newsgraph.records import PLOVER_TYPES, Article, Entity, Event, Quote, Span

PEOPLE = [f"Person{i} Surname{i % 17}" for i in range(60)]
ORGS = [f"Agency {i}" for i in range(15)]
COUNTRIES = ["USA", "RUS", "UKR", "FRA", "CHN", "BRA", "IND", None]
TITLES = ["minister", "spokesman", "president", "chief executive"]
OUTLETS = ["Daily Example", "Example Times", "the wire", None]
SIDES = ["police", "two men", "the government", None]


def _pick(rng: random.Random, pool: list[str]) -> str:
    """Heavy tail: low indexes much more often than high ones."""
    return pool[min(len(pool) - 1, int(rng.paretovariate(1.2)) - 1)]


def random_article(rng: random.Random, n: int) -> Article:
    words = [f"w{rng.randrange(500)}" for _ in range(rng.randrange(60, 160))]
    text = " ".join(words) + f" unique{n}."
    size = len(text)

    def span() -> Span:
        start = rng.randrange(0, size - 20)
        return Span(start, start + rng.randrange(1, 15))

    entities = []
    names = set()
    for _ in range(rng.randrange(0, 7)):
        kind = rng.choice(["PERSON", "PERSON", "ORG", "GPE"])
        if kind == "GPE":
            country = rng.choice(COUNTRIES[:-1])
            name = f"Land {country}"
        else:
            name = _pick(rng, PEOPLE if kind == "PERSON" else ORGS)
            country = rng.choice(COUNTRIES)
        if name in names:
            continue
        names.add(name)
        entities.append(
            Entity(
                id=f"e{len(entities) + 1}",
                name=name,
                type=kind,
                country=country,
                titles=tuple(rng.sample(TITLES, rng.randrange(0, 2))),
                aliases=tuple(rng.sample([name.split()[-1], "he", "the official"], rng.randrange(0, 3))),
                mentions=tuple(sorted({span() for _ in range(rng.randrange(1, 4))}, key=lambda s: s.start)),
            )
        )
    quotes = []
    for _ in range(rng.randrange(0, 5)):
        sp = span()
        speaker = rng.choice([*entities, None]) if entities else None
        quotes.append(
            Quote(
                text=text[sp.start : sp.end],
                start=sp.start,
                end=sp.end,
                type=rng.choice(["direct", "partial", "indirect"]),
                speaker=speaker.name if speaker else rng.choice(SIDES),
                speaker_entity=speaker.id if speaker else None,
            )
        )
    events = []
    for _ in range(rng.randrange(0, 4)):
        ends = []
        for _side in range(2):
            entity = rng.choice([*entities, None]) if entities else None
            ends.append(
                (entity.name, entity.id, entity.country)
                if entity
                else (rng.choice(SIDES), None, rng.choice(COUNTRIES))
            )
        events.append(
            Event(
                source=ends[0][0],
                source_entity=ends[0][1],
                source_country=ends[0][2],
                plover=rng.choice(PLOVER_TYPES[:6]),
                cameo=str(rng.randrange(10, 200)).zfill(3),
                evidence=span(),
                target=ends[1][0],
                target_entity=ends[1][1],
                target_country=ends[1][2],
                goldstein=rng.choice([None, -2.0, 1.5, 4.0]),
            )
        )
    published = None
    if rng.random() > 0.1:
        published = (
            f"2024-{rng.randrange(1, 13):02d}-{rng.randrange(1, 29):02d}T{rng.randrange(24):02d}:00:00+00:00"
        )
    return Article(
        id=f"r{n}",
        text=text,
        title=f"Title {n}",
        published=published,
        outlet=rng.choice(OUTLETS),
        entities=tuple(entities),
        quotes=tuple(quotes),
        events=tuple(events),
    )
