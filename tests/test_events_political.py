"""Political actors only (issue 13): sentences written for these tests, and the precision check
on non-political web pages labelled by topic in ``tests/data/nonpolitical_pages.tsv``."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import pytest

from newsgraph.core import make_doc
from newsgraph.extract.base import ExtractedArticle
from newsgraph.nlp.events.actors import noun_is_political
from newsgraph.nlp.pipeline import load_pipeline
from newsgraph.records import Event
from tests.conftest import require_shared

LABELS = Path(__file__).parent / "data" / "nonpolitical_pages.tsv"
TOPICS = frozenset({"sport", "business", "technology", "entertainment", "lifestyle", "science"})
#: At most this many political events per non-political page (issue 13).
EVENTS_PER_PAGE_CEILING = 0.15


@cache
def coded(text: str, title: str | None = None) -> tuple[Event, ...]:
    nlp = load_pipeline()
    doc = nlp(make_doc(nlp, ExtractedArticle(text=text, title=title)))
    return tuple(doc._.ng_events or [])


SPORT = [
    "Manchester United beat Liverpool 3-1 on Sunday as their striker attacked the defence all afternoon.",
    "The Lakers fought back to defeat the Celtics, and their coach demanded more effort from his players.",
    "The champion threatened to retire after the club rejected his request for a new contract.",
]
BUSINESS = [
    "Acme Corp offers a cheaper laptop this year, and the company agreed to cut its prices in March.",
    "The retailer accused its rival of copying the design, and the startup rejected the buyout offer.",
    "Our baby carrier is another must-have, and the brand promises free returns to every customer.",
]
WEATHER = [
    "The storm hit the coast on Monday and floods destroyed hundreds of homes.",
    "Heavy rain battered the valley as the hurricane threatened the city's harbour.",
    "The city has been fighting dirty air for years, and the smog attacked residents' lungs.",
]


@pytest.mark.parametrize("sentence", SPORT + BUSINESS + WEATHER)
def test_no_event_without_a_political_source(sentence: str) -> None:
    assert coded(sentence) == ()


def test_political_actors_still_code_events() -> None:
    """The control: the same verbs with states and officials as actors are events."""
    found = coded(
        "Russian troops attacked the Ukrainian city of Kharkiv on Monday. "
        "The government of Ukraine accused Russia of war crimes and urged NATO to send weapons."
    )
    assert {e.plover for e in found} >= {"ASSAULT", "ACCUSE"}
    assert all(e.source for e in found)


def test_head_nouns_decide_descriptions() -> None:
    assert noun_is_political("protester") and noun_is_political("government")
    assert noun_is_political("company") is False and noun_is_political("athlete") is False
    assert noun_is_political("equipment") is None  # the article decides


def _labelled() -> list[tuple[str, str]]:
    rows = []
    for line in LABELS.read_text("utf-8").splitlines():
        if line and not line.startswith("#"):
            page, topic = line.split("\t")
            rows.append((page, topic))
    return rows


def test_labels_cover_forty_pages_of_the_six_topics() -> None:
    rows = _labelled()
    assert len(rows) >= 40 and len({p for p, _ in rows}) == len(rows)
    assert {t for _, t in rows} == TOPICS


@pytest.mark.gold
def test_events_per_non_political_page_ceiling() -> None:
    """Political events coded on the labelled pages (reference main text, title first)."""
    folder = require_shared("data", "article-extraction", "wcxb-test-articles", "ground-truth")
    total = 0
    listing = []
    for page, topic in _labelled():
        truth = json.loads((folder / f"{page}.json").read_text("utf-8"))["ground_truth"]
        title = truth.get("title") or ""
        found = coded(f"{title}\n{truth['main_content']}", title or None)
        total += len(found)
        listing += [f"{page} {topic}: {e.source} {e.plover} -> {e.target}" for e in found]
    rate = total / len(_labelled())
    assert rate <= EVENTS_PER_PAGE_CEILING, f"{rate:.3f} events per page\n" + "\n".join(listing)


def test_a_judging_adjective_in_a_statement_is_an_accusation_linked_to_the_quote() -> None:
    """Statements carry events: harsh judgement (a VADER word) of an actor inside an attributed
    quote is an accusation by the speaker, linked to that quote."""
    found = coded(
        'Foreign Minister Maria Lopez of Chile said: "The conduct of the Peruvian government is shameful."'
    )
    accusations = [e for e in found if e.plover == "ACCUSE"]
    assert accusations and accusations[0].source == "Maria Lopez" and accusations[0].quote is not None
    assert accusations[0].target is not None and "Peru" in (accusations[0].target or "") + (
        accusations[0].target_country or ""
    )


def _triples(text: str) -> list[tuple[str | None, str, str | None]]:
    return [(e.source, e.plover, e.target) for e in coded(text)]


def test_a_statement_addressee_is_the_target_of_a_directive() -> None:
    found = _triples("Foreign Minister Maria Lopez told Peru to withdraw its troops from the border.")
    assert ("Maria Lopez", "REQUEST", "Peru") in found
    assert all(p != "RETREAT" for _, p, _ in found)  # the withdrawal is the demand's content


def test_a_light_verb_subject_is_the_source_of_its_event_noun() -> None:
    found = _triples("Thousands of Chilean miners staged a hunger strike against the government of Chile.")
    assert any(p == "PROTEST" and s and "miners" in s for s, p, _ in found)


def test_capital_us_is_the_country_not_the_pronoun() -> None:
    assert ("United States", "REJECT", None) in [
        (s, p, None) for s, p, _ in _triples("The US on Monday rejected the proposal by Brazil.")
    ]


def test_coordinated_sources_of_a_reciprocal_act_target_each_other() -> None:
    found = _triples("Chile and Peru resumed negotiations on their maritime border on Monday.")
    assert ("Chile", "CONSULT", "Peru") in found and ("Peru", "CONSULT", "Chile") in found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The New York Times accused President Vladimir Putin of war crimes.",
            ("The New York Times", "ACCUSE", "Vladimir Putin"),
        ),
        ("The BBC accused the Iranian authorities of jamming its broadcasts.", ("BBC", "ACCUSE", "Iran")),
        ("Al Jazeera accused the Egyptian army of torture.", ("Al Jazeera", "ACCUSE", "Egypt")),
    ],
)
def test_the_press_accusing_a_political_actor_is_an_event(text: str, expected: tuple[str, str, str]) -> None:
    assert expected in set(_triples(text))


@pytest.mark.parametrize(
    "text", ["The magazine accused Apple of copying the design.", "The newspaper criticised the new phone."]
)
def test_the_press_judging_a_company_or_a_product_is_no_event(text: str) -> None:
    assert coded(text) == ()
