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
from newsgraph.nlp.discourse.names import fold, name_tokens
from newsgraph.nlp.discourse.pronouns import quote_spans
from newsgraph.nlp.knowledge.gazetteer import country_of_place, gazetteer, lookup
from newsgraph.nlp.pipeline import load_pipeline
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


# --- rules for unseen text: appositives after "TITLE of ORG", name shapes, home country --------


def test_name_after_title_of_org_and_comma_is_the_person_with_the_full_title(analyse: Analyse) -> None:
    text = (
        "Clinic\n\nThe director of the Riverside Care Alliance, Mirela Dobrescu, said the ward was full. "
        "The mayor of Kestrel province, Tobias Hallgren, denied the claim."
    )
    entities = analyse(text)
    dobrescu = _by_name(entities, "Mirela Dobrescu")
    assert dobrescu.type == "PERSON"
    assert dobrescu.titles == ("director of the Riverside Care Alliance",)
    assert _by_name(entities, "Riverside Care Alliance").type == "ORG"
    hallgren = _by_name(entities, "Tobias Hallgren")
    assert hallgren.type == "PERSON" and hallgren.titles == ("mayor of Kestrel province",)
    assert not [e for e in entities if e.name in {"Care Alliance", "province"}]


def test_possessive_title_with_comma_attaches_to_the_name(analyse: Analyse) -> None:
    text = "Talks\n\nThe union's chief negotiator, Lorna Vasquez Prieto, said a deal was near."
    person = _by_name(analyse(text), "Lorna Vasquez Prieto")
    assert person.type == "PERSON" and person.titles == ("chief negotiator",)


def test_first_of_two_surnames_joins_the_full_name(analyse: Analyse) -> None:
    text = "Vote\n\nSenator Gloria Restano Quiroz won the vote on Sunday. Restano said she would resign."
    person = _by_name(analyse(text), "Gloria Restano Quiroz")
    assert "Restano" in _mention_texts(text, person)


def test_hyphenated_surname_and_who_clause_make_a_person() -> None:
    from newsgraph.nlp.mentions import name_types as mentions

    nlp = load_pipeline()
    doc = nlp.make_doc("They met Ingrid Holm-Larsen and Pavel Ostrov, who runs the depot.")
    for token in doc:
        token.pos_ = "PROPN" if token.text[:1].isupper() else "NOUN"
    assert mentions._person_shaped(doc, 2, 6)  # Ingrid Holm - Larsen
    assert mentions._person_shaped(doc, 7, 9)  # Pavel Ostrov, who
    assert not mentions._person_shaped(doc, 0, 2)


def test_typographic_apostrophe_and_accents_find_places() -> None:
    g = gazetteer()
    assert lookup(g.capitals, "N’Djamena") is not None
    assert country_of_place("Asunción") == "PRY"


def test_bare_government_is_the_one_named_before_not_the_venue(analyse: Analyse) -> None:
    text = (
        "Ceasefire signed in Oslo\n\nPeru's government and a rebel group signed a truce in Oslo on "
        "Friday. The talks in Oslo were hosted by Norway. Oslo had hosted such talks before, and "
        "Norway's envoy praised both sides. The government said troops would stay."
    )
    entities = analyse(text)
    governments = [e.name for e in entities if e.name.startswith("Government of")]
    assert governments == ["Government of Peru"]


def test_one_word_person_spelled_like_an_organisation_joins_it(analyse: Analyse) -> None:
    text = (
        "Fine\n\nThe regulator Brightwater fined the firm. Brightwater said the fine was fair. "
        "According to Brightwater, the money goes to a fund."
    )
    names = [e.name for e in analyse(text) if e.name == "Brightwater"]
    assert len(names) <= 1


def test_a_title_inside_an_institutions_name_stays_in_the_name(analyse: Analyse) -> None:
    text = (
        "Court ruling\n\nThe Office of the Prosecutor General said on Monday that it would appeal. "
        "Prosecutor General Ana Duarte did not attend."
    )
    entities = analyse(text)
    office = _by_name(entities, "Office of the Prosecutor General")
    assert office.type == "ORG"
    assert "Office of the" not in [e.name for e in entities]


@pytest.mark.parametrize(
    "text", ["the deputy prime minister", "Deputy Foreign Minister", "Talks ended, said the president"]
)
def test_a_text_that_ends_with_a_title_is_analysed(text: str) -> None:
    """The title finder looked one token past the end of such a text (IndexError)."""
    from newsgraph.core import analyze

    assert analyze(text).text.endswith(text.split()[-1])


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The Harbour Workers Council (HWC) called a strike on Monday.", "Harbour Workers Council"),
        ("The Northern Liberation Front - NLF claimed the attack.", "Northern Liberation Front"),
        ("The Scottish Parliament on Wednesday passed the bill.", "Scottish Parliament"),
    ],
)
def test_an_organisation_name_ends_before_its_bracket_dash_or_date(text: str, name: str) -> None:
    from newsgraph.core import analyze

    names = [e.name for e in analyze(text).entities if e.type == "ORG"]
    assert name in names and not any(n != name and n.startswith(name) for n in names), names


def test_a_short_first_paragraph_that_ends_in_a_colon_is_body_not_header() -> None:
    """A 6-11 word sentence ending in a colon ("The statement read:") is prose, so the names in
    its paragraph are not blanked out as a byline or dateline block."""
    from newsgraph.nlp.mentions.byline import find_header

    text = "Border closed\n\nAmnesty International issued a statement. It read:\n\nThe border is closed."
    assert find_header(text).excluded == ()
    assert find_header("Border closed\n\nBy Jane Roe\n\nThe border is closed to all traffic today.").excluded
