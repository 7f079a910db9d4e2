"""Entity rules for unseen news (issue 16, part 1): each rule with sentences written for the test.

They run the real model (``en_core_web_sm*``) because every rule reads its tags, parse or NER.
"""

from __future__ import annotations

import pytest

from newsgraph.core import make_doc
from newsgraph.extract.base import ExtractedArticle
from newsgraph.nlp.pipeline import load_pipeline
from newsgraph.records import Entity


def entities(text: str) -> list[Entity]:
    nlp = load_pipeline()
    doc = nlp(make_doc(nlp, ExtractedArticle(text=text, title=text.split("\n", 1)[0])))
    found: list[Entity] = doc._.ng_entities
    return found


def named(found: list[Entity], name: str) -> Entity | None:
    return next((e for e in found if e.name == name), None)


@pytest.mark.parametrize(
    ("text", "country", "alias"),
    [
        ("Talks\n\nKenyan officials said the road to the border would reopen on Friday.", "Kenya", "Kenyan"),
        ("Visit\n\nThe Italian leader praised the deal at a dinner on Tuesday.", "Italy", "Italian"),
        ("Aid\n\nThe ship carried Ethiopian soldiers to the port.", "Ethiopia", "Ethiopian"),
    ],
)
def test_a_demonym_adjective_mentions_its_country_even_when_the_country_is_not_named(
    text: str, country: str, alias: str
) -> None:
    found = named(entities(text), country)
    assert found is not None and found.type == "GPE", [(e.name, e.type) for e in entities(text)]
    assert alias in found.aliases or found.name == alias


@pytest.mark.parametrize(
    "text",
    [
        "Trade\n\nThousands of Ukrainians crossed the border on Sunday.",
        "Match\n\nThe Belgians celebrated long after the final whistle.",
        "Exodus\n\nMany Somalis have fled the fighting this year.",
    ],
)
def test_a_demonym_used_as_a_noun_stays_a_group(text: str) -> None:
    assert not [e for e in entities(text) if e.type == "GPE"], [(e.name, e.type) for e in entities(text)]


@pytest.mark.parametrize(
    ("text", "region"),
    [
        ("Drought\n\nThe drought has spread across East Africa and parts of Asia this year.", "Asia"),
        ("Oil\n\nPrices rose as tension grew in the Middle East on Monday.", "Middle East"),
        ("Tour\n\nThe band will play in Europe and South America next spring.", "Europe"),
    ],
)
def test_a_continent_or_world_region_is_no_entity(text: str, region: str) -> None:
    found = entities(text)
    assert not [e for e in found if region in e.name], [(e.name, e.type) for e in found]
