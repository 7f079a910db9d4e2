"""A person's country comes from evidence in the text about that person (nlp/entities/person_country.py)."""

from __future__ import annotations

import pytest

from newsgraph.core import make_doc
from newsgraph.extract.base import ExtractedArticle
from newsgraph.nlp.pipeline import load_pipeline
from newsgraph.records import Entity


def person(text: str, name: str) -> Entity:
    nlp = load_pipeline()
    doc = nlp(make_doc(nlp, ExtractedArticle(text=text, title=None)))
    [found] = [e for e in doc._.ng_entities if e.type == "PERSON" and name in e.name]
    return found


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        (
            "Amina Diallo, an official from the Kayes region in Mali, said the road was closed.",
            "Amina Diallo",
            "MLI",
        ),
        ("The ambush killed his Kenyan colleague, Peter Otieno, on Tuesday.", "Peter Otieno", "KEN"),
        ("The crash killed Liam Doyle, 37, from Cork, Ireland, and two others.", "Liam Doyle", "IRL"),
        ("Talks were chaired by President Jacob Mbeki of South Africa in Pretoria.", "Jacob Mbeki", "ZAF"),
    ],
)
def test_country_from_evidence_about_the_person(text: str, name: str, country: str) -> None:
    assert person(text, name).country == country


def test_the_story_setting_gives_no_person_a_country() -> None:
    text = (
        "Malawi's parliament met in Lilongwe on Monday. Malawi's finance minister spoke first. "
        "Grace Okonkwo, a visiting adviser, said the budget was sound."
    )
    assert person(text, "Grace Okonkwo").country is None
