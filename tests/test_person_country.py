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


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        (
            "Talks stalled. Lea Stein, senior researcher at Vienna's Institute for Peace, said so.",
            "Lea Stein",
            "AUT",
        ),
        ("Omar Haddad, a corporal in the Jordanian army, was wounded on Friday.", "Omar Haddad", "JOR"),
        ("Rates will rise, said Maria Lopes, head of research at a Lisbon bank.", "Maria Lopes", "PRT"),
    ],
)
def test_an_appositive_title_is_read_to_the_end_of_its_clause(text: str, name: str, country: str) -> None:
    assert person(text, name).country == country


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        ("The Brazilian Paulo Souza, known as Pe, was a friend of the singer.", "Paulo Souza", "BRA"),
        ("In the 20th minute Chile's Diego Rojas was shown a yellow card.", "Diego Rojas", "CHL"),
        ("The kidnapped engineers included Briton Tom Hale and two drivers.", "Tom Hale", "GBR"),
    ],
)
def test_a_demonym_or_a_country_possessive_right_before_the_name(text: str, name: str, country: str) -> None:
    assert person(text, name).country == country


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        (
            "In Gdansk, Polish Prime Minister Ewa Nowak and Defence Minister Jan Lis met the troops.",
            "Jan Lis",
            "POL",
        ),
        ("He met Israeli President Dan Levi and Prime Minister Avi Katz on Sunday.", "Avi Katz", "ISR"),
        (
            "Kenyan President Paul Mwangi and Foreign Minister Ruth Achieng flew to Addis Ababa.",
            "Ruth Achieng",
            "KEN",
        ),
    ],
)
def test_a_title_coordinated_with_a_titled_name_shares_its_country(
    text: str, name: str, country: str
) -> None:
    assert person(text, name).country == country


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        ("Critics cited the Mexican drug-dealer Rafael Ortiz, arrested last year.", "Rafael Ortiz", "MEX"),
        (
            "The Venezuelan deputy for the opposition Julio Marquez said members had fled.",
            "Julio Marquez",
            "VEN",
        ),
        ("Ivo Kranjc, Croatian Undersecretary of State for Defence, noted the drills.", "Ivo Kranjc", "HRV"),
    ],
)
def test_a_role_or_title_with_a_nationality(text: str, name: str, country: str) -> None:
    assert person(text, name).country == country


def test_two_conjoined_people_of_different_titles_keep_their_own_countries() -> None:
    text = "Russian President Ivan Orlov and Turkish Prime Minister Deniz Kaya met in Sochi."
    assert person(text, "Deniz Kaya").country == "TUR"
    assert person(text, "Ivan Orlov").country == "RUS"
