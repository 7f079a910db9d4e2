"""Gold gates for entities: the seed's Must-show list (issue 3) and floors on dev + dev2.

The floors sit about 0.02 below the figures measured on dev + dev2 together (40 articles) when
they were set, so that one flipped item never blocks a general improvement; raise them when the
figures improve.  Skipped with a message when ``../shared`` is absent.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsgraph.eval.entities import EntityScores, format_table, pipeline_entities, run_gold
from newsgraph.records import Entity

SHARED = Path(__file__).resolve().parents[2] / "shared"
DEV = SHARED / "gold" / "dev"
DEV2 = SHARED / "gold" / "dev2"
SEED = DEV / "seed-us-open-to-discussing-deep-strikes.json"

MAIN_F1_FLOOR = 0.91  # measured 0.93 (2026-12-05, issue 16 part 1 second pass; 0.89 before)
PERSON_F1_FLOOR = 0.95  # measured 0.97
GPE_F1_FLOOR = 0.94  # measured 0.96
ORG_F1_FLOOR = 0.82  # measured 0.84
#: Each set on its own (issue 16 Must-show: dev >= 0.92, dev2 >= 0.90): measured 0.924 and 0.930.
DEV_MAIN_F1_FLOOR = 0.90
DEV2_MAIN_F1_FLOOR = 0.91
TITLE_ACCURACY_FLOOR = 0.90  # measured 0.92 (198/216)
# A person's country from evidence in the text only (issue 16): measured 0.45 (126/279, pc16: 15 gained
# by more evidence rules, 12 lost when the story's default country of organisations stopped reaching
# their people; 118 of the 123 countries given are right); most of
# the rest is annotated from world knowledge the text does not state.
PERSON_COUNTRY_FLOOR = 0.43
PRONOUN_ACCURACY_FLOOR = 0.78
SPEAKER_MENTION_ACCURACY_FLOOR = 0.80

pytestmark = pytest.mark.gold


def _require(path: Path) -> Path:
    if not path.exists():
        pytest.skip(f"{path} is absent: the entity gold gates need ../shared/gold")
    return path


@pytest.fixture(scope="module")
def seed() -> tuple[str, list[Entity]]:
    text: str = json.loads(_require(SEED).read_text(encoding="utf-8"))["text"]
    return text, list(pipeline_entities(text))


@pytest.fixture(scope="module")
def set_scores() -> dict[str, EntityScores]:
    """dev and dev2 scored one set at a time (each article is analysed once)."""
    return {
        "dev": run_gold(_require(DEV), pipeline_entities),
        "dev2": run_gold(_require(DEV2), pipeline_entities),
    }


@pytest.fixture(scope="module")
def gold_scores(set_scores: dict[str, EntityScores]) -> EntityScores:
    """dev and dev2 scored together (40 articles): a gate on what rules were not tuned on too."""
    total = EntityScores()
    for scores in set_scores.values():
        for etype, counts in scores.by_type.items():
            total.by_type[etype].add(counts)
        total.pronoun_ok += scores.pronoun_ok
        total.pronoun_n += scores.pronoun_n
        total.mention_ok += scores.mention_ok
        total.mention_n += scores.mention_n
        total.articles += scores.articles
    return total


def _entity(entities: list[Entity], name: str) -> Entity:
    found = [e for e in entities if e.name == name]
    assert found, f"{name!r} missing from {[e.name for e in entities]}"
    return found[0]


@pytest.mark.parametrize(
    ("name", "country", "title"),
    [
        ("Antony Blinken", "USA", "Secretary of State"),
        ("Dmitry Peskov", "RUS", "Presidential Spokesman"),
        ("Lloyd Austin", "USA", "Secretary of Defense"),
        # "Congressman [Bill] Keating": no nationality word, no country in the title; a person's
        # country is never the article's main country (issue 16), so it stays unknown
        ("Bill Keating", None, "Congressman"),
    ],
)
def test_seed_people_with_country_and_title(
    seed: tuple[str, list[Entity]], name: str, country: str | None, title: str
) -> None:
    person = _entity(seed[1], name)
    assert person.type == "PERSON"
    assert person.country == country
    assert any(title in t for t in person.titles), person.titles


@pytest.mark.parametrize(("name", "iso3"), [("United States", "USA"), ("Ukraine", "UKR"), ("Russia", "RUS")])
def test_seed_countries_with_iso3(seed: tuple[str, list[Entity]], name: str, iso3: str) -> None:
    country = _entity(seed[1], name)
    assert country.type == "GPE" and country.country == iso3


def test_seed_standfirst_title_and_pronouns_link_to_blinken(seed: tuple[str, list[Entity]]) -> None:
    text, entities = seed
    mentions = [text[m.start : m.end] for m in _entity(entities, "Antony Blinken").mentions]
    assert "US Secretary of State" in mentions
    for at in (m.start() for m in __import__("re").finditer(r"\bhe (?:added|said)\b", text)):
        owner = [e.name for e in entities if any(s.start == at for s in e.mentions)]
        assert owner == ["Antony Blinken"], (at, owner)


def test_seed_no_org_state_and_nothing_from_the_byline_but_the_author(seed: tuple[str, list[Entity]]) -> None:
    text, entities = seed
    assert not any(e.name == "State" for e in entities)
    body = text.index("US Secretary of State")
    header = [
        e.name for e in entities if any(m.start < body and m.start > text.index("\n") for m in e.mentions)
    ]
    assert header == ["Camilla Jessen"]


def test_dev_and_dev2_entity_f1_floors(gold_scores: EntityScores) -> None:
    table = format_table(gold_scores)
    assert gold_scores.main.f1 >= MAIN_F1_FLOOR, table
    assert gold_scores.by_type["PERSON"].f1 >= PERSON_F1_FLOOR, table
    assert gold_scores.by_type["GPE"].f1 >= GPE_F1_FLOOR, table
    assert gold_scores.by_type["ORG"].f1 >= ORG_F1_FLOOR, table


def test_each_set_entity_f1_floor(set_scores: dict[str, EntityScores]) -> None:
    assert set_scores["dev"].main.f1 >= DEV_MAIN_F1_FLOOR, format_table(set_scores["dev"])
    assert set_scores["dev2"].main.f1 >= DEV2_MAIN_F1_FLOOR, format_table(set_scores["dev2"])


def test_dev_and_dev2_title_and_person_country_floors(gold_scores: EntityScores) -> None:
    table = format_table(gold_scores)
    person = gold_scores.by_type["PERSON"]
    assert person.title_ok / person.title_n >= TITLE_ACCURACY_FLOOR, table
    assert person.country_ok / person.country_n >= PERSON_COUNTRY_FLOOR, table


def test_dev_and_dev2_coreference_floors(gold_scores: EntityScores) -> None:
    table = format_table(gold_scores)
    assert gold_scores.pronoun_ok / gold_scores.pronoun_n >= PRONOUN_ACCURACY_FLOOR, table
    assert gold_scores.mention_ok / gold_scores.mention_n >= SPEAKER_MENTION_ACCURACY_FLOOR, table
