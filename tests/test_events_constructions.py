"""Constructions of the third round of issue 13: an arranged future act ("is to meet"), and
CAMEO patterns read with their roles swapped ("received aid from X": X is the source); each rule
on three or more sentences written for these tests, with guards outside politics."""

from __future__ import annotations

from functools import cache

import pytest

from newsgraph.core import make_doc
from newsgraph.extract.base import ExtractedArticle
from newsgraph.nlp.pipeline import load_pipeline
from newsgraph.records import Event


@cache
def analysed(text: str) -> tuple[Event, ...]:
    nlp = load_pipeline()
    doc = nlp(make_doc(nlp, ExtractedArticle(text=text)))
    return tuple(doc._.ng_events or [])


def coded(text: str) -> set[tuple[str | None, str, str, str | None]]:
    """``(source, plover, cameo, target)`` of each event coded in ``text``."""
    return {(e.source, e.plover, e.cameo, e.target) for e in analysed(text)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The Iranian president is to visit Moscow on Monday.",
            ("Iranian president", "AGREE", "036", "Russia"),
        ),
        (
            "NATO defence ministers are to hold talks with Ukraine in Brussels on Thursday.",
            ("NATO defence ministers", "AGREE", "036", "Ukraine"),
        ),
        (
            "The Japanese foreign minister is to meet Wang Yi in Beijing next week.",
            ("Japanese foreign minister", "AGREE", "036", "Wang Yi"),
        ),
    ],
)
def test_an_arranged_act_with_is_to_is_an_intent(text: str, expected: tuple[str, str, str, str]) -> None:
    assert expected in coded(text)


@pytest.mark.parametrize(
    "text",
    [
        "The aim of the plan is to meet demand for housing.",
        "The French president is not to meet the Russian envoy.",
        "The football club is to meet its rivals on Sunday.",
        "The storm is to hit the coast on Friday morning.",
    ],
)
def test_is_to_with_no_actor_or_a_negation_codes_nothing(text: str) -> None:
    assert coded(text) == set()
