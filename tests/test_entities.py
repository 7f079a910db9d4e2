"""Unit tests for the entities component: one sentence (written for the test) per rule.

They run the real model (``en_core_web_sm*``) because every rule reads its tags, parse or NER;
each test names the rule it covers.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.language import Language

from newsgraph.core import make_doc
from newsgraph.eval.entities import normalise, titles_match
from newsgraph.extract.base import ExtractedArticle
from newsgraph.nlp.coref import fold, name_tokens
from newsgraph.nlp.gazetteer import country_of_place, gazetteer, lookup
from newsgraph.nlp.pipeline import load_pipeline
from newsgraph.nlp.pronouns import quote_spans
from newsgraph.records import Entity

Analyse = Callable[[str], list[Entity]]


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_pipeline()


@pytest.fixture(scope="module")
def analyse(nlp: Language) -> Analyse:
    def run(text: str) -> list[Entity]:
        doc = nlp(make_doc(nlp, ExtractedArticle(text=text, title=text.split("\n", 1)[0])))
        entities: list[Entity] = doc._.ng_entities
        return entities

    return run


def _by_name(entities: list[Entity], name: str) -> Entity:
    found = [e for e in entities if e.name == name]
    assert found, f"{name!r} not in {[e.name for e in entities]}"
    return found[0]


def _mention_texts(text: str, entity: Entity) -> list[str]:
    return [text[m.start : m.end] for m in entity.mentions]


def test_lexicon_lookup_keeps_us_apart_from_us() -> None:
    g = gazetteer()
    hit = lookup(g.country_names, "US")
    assert hit is not None and hit.iso3 == "USA"
    assert lookup(g.country_names, "us") is None
    assert country_of_place("Basra") == "IRQ"
    assert lookup(g.seats, "Kremlin") is not None


def test_name_folding_ignores_accents_and_honorifics() -> None:
    assert fold("Chávez") == "chavez"
    assert name_tokens("Mr. John Smith's") == ("john", "smith")


def test_quote_spans_pair_marks_and_run_unclosed_quotes_to_the_paragraph_end() -> None:
    text = 'He said "yes" and left.\n"An open quote\nNext'
    spans = quote_spans(text)
    assert (8, 12) in spans
    assert any(s == 24 and e == 38 for s, e in spans)


def test_prenominal_title_is_attached_and_no_org_state(analyse: Analyse) -> None:
    text = "Talks\n\nU.S. Secretary of State Antony Blinken met reporters in Paris on Monday."
    entities = analyse(text)
    blinken = _by_name(entities, "Antony Blinken")
    assert blinken.type == "PERSON"
    assert any("Secretary of State" in t for t in blinken.titles)
    assert blinken.country == "USA"
    assert blinken.actor_code == "USAGOV"
    assert not any(e.name == "State" for e in entities)


def test_possessive_title_gives_the_country(analyse: Analyse) -> None:
    text = "Talks\n\nRussia's foreign minister Sergei Lavrov said the talks had failed."
    lavrov = _by_name(analyse(text), "Sergei Lavrov")
    assert "foreign minister" in [t.lower() for t in lavrov.titles]
    assert lavrov.country == "RUS"


def test_appositive_title_and_gendered_title(analyse: Analyse) -> None:
    text = "Visit\n\nMaria Lopez, a government spokeswoman, said the visit was cancelled."
    lopez = _by_name(analyse(text), "Maria Lopez")
    assert lopez.titles and "spokeswoman" in lopez.titles[0]


def test_editorial_brackets_are_dropped_from_the_name_but_kept_in_the_span(analyse: Analyse) -> None:
    text = 'Hearing\n\n"As I said to Congressman [Bill] Keating, we are open to talks," he added.'
    keating = _by_name(analyse(text), "Bill Keating")
    assert "[Bill] Keating" in _mention_texts(text, keating)
    assert keating.titles == ("Congressman",)


def test_country_aliases_get_iso3_and_canonical_names(analyse: Analyse) -> None:
    text = "Deal\n\nThe U.S. and Britain signed the agreement with Germany on Friday."
    entities = analyse(text)
    assert _by_name(entities, "United States").country == "USA"
    assert _by_name(entities, "United Kingdom").country == "GBR"
    assert _by_name(entities, "Germany").type == "GPE"


def test_capital_acting_is_its_government_and_a_place_otherwise(analyse: Analyse) -> None:
    text = "War\n\nWashington accused Moscow of prolonging the war. Russia denied it.\n\nHe lives in Moscow."
    entities = analyse(text)
    usa = _by_name(entities, "United States")
    assert "Washington" in _mention_texts(text, usa)
    russia = _by_name(entities, "Russia")
    assert _mention_texts(text, russia).count("Moscow") == 1
    city = _by_name(entities, "Moscow")
    assert city.type == "GPE" and city.country == "RUS"


def test_demonym_plural_is_norp_with_country(analyse: Analyse) -> None:
    text = "Flight\n\nThousands of Ukrainians crossed the border into Poland on Sunday."
    ukrainians = _by_name(analyse(text), "Ukrainians")
    assert ukrainians.type == "NORP" and ukrainians.country == "UKR"


def test_demonym_adjective_is_a_mention_of_the_named_country(analyse: Analyse) -> None:
    text = "Strikes\n\nIran said Iranian officials would respond to the strikes."
    iran = _by_name(analyse(text), "Iran")
    assert "Iranian" in iran.aliases


def test_country_government_becomes_an_org(analyse: Analyse) -> None:
    text = "Arrests\n\nThe Iranian government denied the reports. Iran said the journalists were free."
    gov = _by_name(analyse(text), "Government of Iran")
    assert gov.type == "ORG" and gov.country == "IRN" and gov.actor_code == "IRNGOV"


def test_byline_block_yields_only_the_author(analyse: Analyse) -> None:
    text = (
        "Ministers meet in Brussels\n\nWritten by Jane Doe\n\nMay.2 - 2024 9:00 AM CET\n\n"
        "Photo: Reuters\n\nForeign ministers of the European Union met in Brussels on Thursday to "
        "discuss new sanctions, officials said."
    )
    entities = analyse(text)
    author = _by_name(entities, "Jane Doe")
    assert author.type == "PERSON" and author.country is None
    assert not any(e.name == "Reuters" for e in entities)


def test_surname_and_untagged_repeats_join_the_full_name(analyse: Analyse) -> None:
    text = (
        "Visit\n\nCarlos Lage arrived in Bolivia on Monday. Lage, who met officials, said the trip went well."
    )
    lage = _by_name(analyse(text), "Carlos Lage")
    assert _mention_texts(text, lage).count("Lage") == 1


def test_title_without_name_resolves_to_its_holder(analyse: Analyse) -> None:
    text = (
        "Raid\n\nThe raid began at dawn, said Ali Hassan, a government spokesman. "
        "The spokesman added that the operation was going smoothly."
    )
    hassan = _by_name(analyse(text), "Ali Hassan")
    assert any(t.lower().endswith("spokesman") for t in _mention_texts(text, hassan))


def test_pronoun_resolves_to_the_salient_compatible_person(analyse: Analyse) -> None:
    text = "Talks\n\nMary Jones met Tom Brown in London on Monday. She said the talks had gone well."
    entities = analyse(text)
    jones = _by_name(entities, "Mary Jones")
    assert "She" in _mention_texts(text, jones)
    assert "She" not in _mention_texts(text, _by_name(entities, "Tom Brown"))


def test_ids_follow_first_mention_and_spans_point_into_the_text(analyse: Analyse) -> None:
    text = "Summit\n\nAngela Merkel met Emmanuel Macron in Berlin. Merkel said Germany would help France."
    entities = analyse(text)
    assert [e.id for e in entities] == [f"e{i}" for i in range(1, len(entities) + 1)]
    firsts = [min(m.start for m in e.mentions) for e in entities]
    assert firsts == sorted(firsts)
    for e in entities:
        for m in e.mentions:
            assert text[m.start : m.end].strip()


def test_scorer_normalisation_and_title_matching() -> None:
    assert normalise("The Church of Scientology's") == normalise("church of scientology")
    assert normalise("Hugo Chávez") == "hugo chavez"
    assert titles_match(["U.S. Secretary of State"], ["Secretary of State"])
    assert not titles_match(["Prime Minister"], ["Secretary of State"])
