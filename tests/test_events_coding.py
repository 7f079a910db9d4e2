"""Event coding rules of issue 13's last round: sentencing is a finding of guilt, burning a flag
or an effigy is a protest, and a state's own agents blocking a road impose a restriction.
Sentences written for these tests."""

from __future__ import annotations

from functools import cache

import pytest

from newsgraph.core import make_doc
from newsgraph.extract.base import ExtractedArticle
from newsgraph.nlp.pipeline import load_pipeline


@cache
def coded(text: str) -> tuple[tuple[str | None, str, str], ...]:
    nlp = load_pipeline()
    doc = nlp(make_doc(nlp, ExtractedArticle(text=text)))
    return tuple((e.source, e.plover, e.cameo) for e in doc._.ng_events)


@pytest.mark.parametrize(
    "text",
    [
        "A military court in Cairo sentenced the blogger to three years in prison on Sunday.",
        "The tribunal sentenced the former general to life imprisonment for war crimes.",
        "A Russian court sentenced the opposition activist to 25 years for treason.",
    ],
)
def test_a_sentence_is_a_finding_of_guilt(text: str) -> None:
    # The annotation guide's ACCUSE 116 "find guilty": a sentence presupposes the verdict, as
    # "convicted" does (CAMEO's dictionary files "sentence" under arrest, 173).
    assert any(p == "ACCUSE" and c == "116" for _, p, c in coded(text))
    assert not any(p == "COERCE" for _, p, _ in coded(text))


@pytest.mark.parametrize(
    "text",
    [
        "Hundreds of Pakistani students burned American flags outside the consulate in Lahore.",
        "Protesters burned an effigy of the prime minister in front of parliament.",
        "Angry villagers burned Chinese flags after the border clash.",
    ],
)
def test_burning_a_flag_or_an_effigy_is_a_protest(text: str) -> None:
    # CAMEO.2.0 "BURN * FLAG [141]", "BURN * EFFIGY [141]".
    assert any(p == "PROTEST" and c == "141" for _, p, c in coded(text))
    assert not any(p == "ASSAULT" for _, p, _ in coded(text))


def test_burning_houses_stays_an_attack() -> None:
    text = "Militiamen burned dozens of houses in the village, the United Nations said."
    assert any(p == "ASSAULT" for _, p, _ in coded(text))


@pytest.mark.parametrize(
    "text",
    [
        "On Monday the police blocked the road to the opposition leader's rally in Harare.",
        "Soldiers blocked the entrance to the parliament building, the Zimbabwean opposition said.",
        "The country's security forces blocked the main highway into the capital overnight.",
    ],
)
def test_a_states_own_agents_blocking_a_road_impose_a_restriction(text: str) -> None:
    assert any(p == "COERCE" and c == "172" for _, p, c in coded(text))
    assert not any(p == "PROTEST" for _, p, _ in coded(text))


@pytest.mark.parametrize(
    "text",
    [
        "Farmers blocked the road to the capital with their tractors.",
        "Hundreds of Egyptians blocked the road to the Israeli embassy.",
    ],
)
def test_civilians_blocking_a_road_protest(text: str) -> None:
    assert any(p == "PROTEST" and c == "144" for _, p, c in coded(text))


@pytest.mark.parametrize(
    "text",
    [
        "A police officer in Arequipa, who asked not to be named, said 43 people were held.",
        "One official, who requested anonymity, said the talks had failed.",
        "A senior officer, who asked that his name not be used, said the army had withdrawn.",
    ],
)
def test_a_sources_request_for_anonymity_is_no_appeal(text: str) -> None:
    assert not any(p == "REQUEST" for _, p, _ in coded(text))


@pytest.mark.parametrize(
    "text",
    [
        "Kenya asked Uganda to reopen the border.",
        "The minister asked the court not to release the suspects.",
    ],
)
def test_a_request_to_an_actor_stays_a_request(text: str) -> None:
    assert any(p == "REQUEST" for _, p, _ in coded(text))


@pytest.mark.parametrize(
    ("text", "doer"),
    [
        ("Rosa Mamani, a local leader, said her arrest was meant to silence the protest.", None),
        (
            "Supporters of the journalist condemned his detention by the security services.",
            "security services",
        ),
        ("The family condemned his assassination by unknown gunmen.", "unknown gunmen"),
    ],
)
def test_the_possessor_of_an_act_done_to_a_person_is_who_underwent_it(text: str, doer: str | None) -> None:
    acts = [(s, p) for s, p, _ in coded(text) if p in ("COERCE", "ASSAULT")]
    assert all(s == doer for s, _ in acts) and (doer is None or acts)


def test_a_possessor_with_an_object_of_the_act_is_its_doer() -> None:
    assert ("Israel", "COERCE") in {
        (s, p) for s, p, _ in coded("Israel's arrest of two Hamas members angered Gaza.")
    }
