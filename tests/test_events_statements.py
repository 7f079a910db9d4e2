"""Statements carry events (issue 13 item 4, second round): judging nouns in attributed quotes,
places criticised, quotes that report acts; each rule on three sentences written for these tests."""

from __future__ import annotations

import pytest

from tests._event_support import analysed, coded


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Foreign Minister Maria Lopez of Chile said: "
            '"The conduct of the Peruvian government is a disgrace."',
            ("Maria Lopez", "ACCUSE", "Government of Peru"),
        ),
        (
            '"The blockade by the Israeli government is a crime," said the Turkish foreign minister Ahmet '
            "Davutoglu.",
            ("Ahmet Davutoglu", "ACCUSE", "Government of Israel"),
        ),
        (
            '"The sanctions imposed by Washington are a crime against our people," Iranian President Hassan '
            "Rouhani said.",
            ("Hassan Rouhani", "ACCUSE", "United States"),
        ),
    ],
)
def test_a_judging_noun_in_a_statement_is_an_accusation(text: str, expected: tuple[str, str, str]) -> None:
    assert expected in coded(text)
    assert all(e.quote is not None for e in analysed(text) if e.plover == "ACCUSE")


@pytest.mark.parametrize(
    "text",
    [
        '"The weather was a disaster for the harvest," said the farmer John Smith.',
        '"Our team had a disaster in the second half," coach Pep Guardiola said.',
        '"It was a tragedy that our village was flooded," said Maria Lopez, a resident.',
    ],
)
def test_a_judging_noun_about_no_political_actor_is_no_accusation(text: str) -> None:
    assert coded(text) == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            '"The shelling of Aleppo is a crime," said the French foreign minister Laurent Fabius.',
            ("Laurent Fabius", "ACCUSE", "Syria"),
        ),
        (
            '"What happened in Grozny is a disgrace," said the German foreign minister '
            "Frank-Walter Steinmeier.",
            ("Frank-Walter Steinmeier", "ACCUSE", "Russia"),
        ),
        (
            '"The bombing of Basra is shameful," said the Iranian foreign minister Javad Zarif.',
            ("Javad Zarif", "ACCUSE", "Iraq"),
        ),
    ],
)
def test_a_town_criticised_in_a_statement_stands_for_its_country(
    text: str, expected: tuple[str, str, str]
) -> None:
    found = coded(text)
    assert expected in found
    assert not {t for _, _, t in found} & {"Aleppo", "Grozny", "Basra"}


@pytest.mark.parametrize(
    "text",
    [
        '"The attack on our embassy was carried out by Hamas," said the Israeli foreign minister Avigdor '
        "Lieberman.",
        '"The killing of the protesters by the Syrian army continued all night," said the French foreign '
        "minister Laurent Fabius.",
        '"The bombing of the market by Russian jets killed forty people," said the Turkish foreign minister '
        "Ahmet Davutoglu.",
    ],
)
def test_a_statement_that_reports_an_act_is_no_accusation(text: str) -> None:
    assert "ACCUSE" not in {p for _, p, _ in coded(text)}


@pytest.mark.parametrize(
    "text",
    [
        "Foreign Minister Ana Silva said that the death of President Moi had saddened Kenya.",
        "The Swedish envoy said that criticism of Turkey had grown in the region.",
        "UN spokesman Tom Berg said the killings in Mali had been reported to the council.",
    ],
)
def test_a_negative_word_in_the_reporters_paraphrase_is_no_accusation(text: str) -> None:
    """Indirect speech is the reporter's wording: its negative words describe, they do not judge."""
    assert not any(p == "ACCUSE" for _, p, _ in coded(text)), coded(text)


@pytest.mark.parametrize(
    "text",
    [
        'Foreign Minister Ana Silva said Kenya had acted in a "shameful and illegal" way.',
        'Foreign Minister Ana Silva said: "Kenya\'s conduct is shameful."',
        '"The conduct of Kenya is a disgrace," Foreign Minister Ana Silva said.',
    ],
)
def test_a_judging_word_in_the_speakers_own_words_is_an_accusation(text: str) -> None:
    assert ("Ana Silva", "ACCUSE", "Kenya") in coded(text)


@pytest.mark.parametrize(
    "text",
    [
        '"We will fight to the last man," militia leader Aden Ali said.',
        '"We have promised to help," Kenyan foreign minister Amina Mohamed said.',
        '"Our soldiers will attack at dawn," Sudanese general Omar Bashir said.',
        '"We are investigating the reports," police chief Tom Holt said.',
    ],
)
def test_an_act_in_direct_speech_with_no_recipient_is_no_event(text: str) -> None:
    """Direct speech is full of first-person generalities; an act told in it is coded when it
    names whom it is done to."""
    assert coded(text) == set()


def test_an_act_in_direct_speech_with_a_recipient_is_still_coded() -> None:
    found = coded('"We urge Israel to stop the raids," Egyptian foreign minister Sameh Shoukry said.')
    assert ("Sameh Shoukry", "REQUEST", "Israel") in found


@pytest.mark.parametrize(
    "text",
    [
        '"The death of President Moi of Kenya saddens us all," Foreign Minister Ana Silva said.',
        '"Our fears for the people of Syria grow every day," Foreign Minister Ana Silva said.',
        '"The suffering of the Yemeni people is immense," Foreign Minister Ana Silva said.',
        '"Civilian casualties in Yemen keep rising," Foreign Minister Ana Silva said.',
    ],
)
def test_a_word_of_suffering_in_a_quote_accuses_no_one(text: str) -> None:
    assert not any(p == "ACCUSE" for _, p, _ in coded(text)), coded(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            '"We would like to congratulate the Kenyan people on their elections," the Ugandan president '
            "Yoweri Museveni said.",
            ("Yoweri Museveni", "SUPPORT", "Kenya"),
        ),
        (
            '"I wish to thank the government of Japan for its help," Foreign Minister Ana Silva said.',
            ("Ana Silva", "SUPPORT", "Government of Japan"),
        ),
        (
            '"We would like to condemn the Syrian government for the bombing," '
            "Foreign Minister Ana Silva said.",
            ("Ana Silva", "ACCUSE", "Government of Syria"),
        ),
    ],
)
def test_a_verbal_act_one_would_like_to_do_is_done_by_saying_it(
    text: str, expected: tuple[str, str, str]
) -> None:
    assert expected in coded(text)


def test_a_material_act_one_would_like_to_do_is_not_done() -> None:
    assert coded('"We would like to attack Syria," the rebel leader Omar Ali said.') == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            'In failing to "separate fighters from civilians", the EU accused the Ethiopian army '
            "of breaking the law.",
            ("European Union", "ACCUSE", "Ethiopia"),
        ),
        (
            'In choosing to "ignore the court", NATO accused the Serbian police of violating the agreement.',
            ("NATO", "ACCUSE", "Serbia"),
        ),
        (
            'In failing to "protect the refugees", the UN accused the Libyan coast guard '
            "of breaking the law.",
            ("United Nations", "ACCUSE", "Libya"),
        ),
    ],
)
def test_the_named_subject_of_a_cue_is_the_source_of_its_event(
    text: str, expected: tuple[str, str, str]
) -> None:
    """When the quote's speaker and the cue verb's named subject differ, the subject is who acts."""
    assert expected in coded(text)
