"""Event arguments read beyond the plain subject and object (issue 13, second round), each rule
on three sentences written for these tests."""

from __future__ import annotations

import pytest

from tests._event_support import coded


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Briton John Smith was abducted along with his Kenyan colleague, Peter Mwangi, by six "
            "Taliban fighters.",
            ("Taliban fighters", "ASSAULT"),
        ),
        (
            "The prime minister was praised as a hero by the Kenyan parliament.",
            ("Kenyan parliament", "SUPPORT"),
        ),
        (
            "The general was denounced as a traitor by the Syrian government.",
            ("Government of Syria", "ACCUSE"),
        ),
    ],
)
def test_a_passive_by_phrase_after_another_phrase_names_the_source(
    text: str, expected: tuple[str, str]
) -> None:
    assert expected in {(s, p) for s, p, _ in coded(text)}


@pytest.mark.parametrize(
    "text",
    [
        "Police said the opposition leader was arrested by Friday night.",
        "The minister said the rebel commander was captured by 2010.",
        "The envoy was expelled by the end of the week, the Foreign Ministry said.",
    ],
)
def test_a_by_phrase_of_time_names_no_source(text: str) -> None:
    sources = {(s or "").lower() for s, _, _ in coded(text)}
    assert not sources & {"friday night", "2010", "end", "the end of the week", "end of the week"}


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("The ministry said the village was attacked by six armed militiamen.", "armed militiamen"),
        ("The army said two soldiers were ambushed by several rebel fighters.", "rebel fighters"),
        ("Officials said the convoy was attacked by 300 masked gunmen.", "masked gunmen"),
    ],
)
def test_a_described_source_is_named_without_its_count(text: str, source: str) -> None:
    assert source in {s for s, p, _ in coded(text) if p == "ASSAULT"}


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("The election was viewed as illegal by Kenya and the African Union.", "Kenya"),
        ('Germany called the blockade "outrageous" on Tuesday.', "Germany"),
        ('The Polish president views the deployment of Russian missiles as "a threat".', None),
    ],
)
def test_calling_something_by_a_judging_word_is_criticism(text: str, source: str | None) -> None:
    accusations = {s for s, p, _ in coded(text) if p == "ACCUSE"}
    assert accusations if source is None else source in accusations


@pytest.mark.parametrize(
    "text",
    [
        "The ministry called the crisis meeting for Friday.",
        "France described the attack on its embassy in detail.",
        "Germany views the treaty as a model for the region.",
    ],
)
def test_calling_or_describing_without_a_judging_predicate_is_no_criticism(text: str) -> None:
    assert "ACCUSE" not in {p for _, p, _ in coded(text)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The Indian foreign minister began his tour with visits to Egypt and Jordan.",
            {
                ("Indian foreign minister", "CONSULT", "Egypt"),
                ("Indian foreign minister", "CONSULT", "Jordan"),
            },
        ),
        (
            "In a telephone conversation with Russian President Vladimir Putin, French President Emmanuel "
            "Macron said the deal was close.",
            {("Emmanuel Macron", "CONSULT", "Vladimir Putin")},
        ),
        (
            "During talks with Russian President Vladimir Putin, Turkish President Recep Tayyip Erdogan "
            "said the war must end.",
            {("Recep Tayyip Erdogan", "CONSULT", "Vladimir Putin")},
        ),
        (
            "Officials announced a new round of talks between the United States and Iran.",
            {("United States", "CONSULT", "Iran"), ("Iran", "CONSULT", "United States")},
        ),
    ],
)
def test_a_meeting_noun_takes_its_holders_from_the_clause(
    text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert expected <= coded(text)


@pytest.mark.parametrize(
    "text",
    [
        "South Korea announced sanctions against North Korea in response to the attack.",
        "Police reinforced the border after the attack on the embassy.",
        "Israel closed the crossing during the fighting.",
    ],
)
def test_an_attack_noun_in_a_phrase_is_not_the_clause_subjects(text: str) -> None:
    first = text.split()[0]
    assert not any(p == "ASSAULT" and (s or "").startswith(first) for s, p, _ in coded(text))


@pytest.mark.parametrize(
    ("text", "source"),
    [
        (
            "Trump's proposed Secretary of Defense, James Mattis, backed NATO before the US Senate.",
            "James Mattis",
        ),
        (
            "The Russian foreign minister, Sergei Lavrov, criticised the sanctions imposed by the EU.",
            "Sergei Lavrov",
        ),
        ("Germany's chancellor, Angela Merkel, praised the agreement with Turkey.", "Angela Merkel"),
    ],
)
def test_a_title_with_the_name_in_apposition_is_the_named_person(text: str, source: str) -> None:
    assert source in {s for s, _, _ in coded(text)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The Iranian envoy to the UN, Mohammad Javad Zarif, condemned the Israeli strikes on Syria.",
            ("Mohammad Javad Zarif", "ACCUSE", "Israel"),
        ),
        (
            "The Palestinian Authority rejected the US proposal for Gaza.",
            ("Palestinian Authority", "REJECT", "United States"),
        ),
        (
            "The European Union welcomed Russia's withdrawal from the region.",
            ("European Union", "SUPPORT", "Russia"),
        ),
    ],
)
def test_judging_an_act_targets_its_author(text: str, expected: tuple[str, str, str]) -> None:
    assert expected in coded(text)


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Russian airstrikes hit rebel positions near Aleppo.", "Russia"),
        ("Turkish shelling killed three Kurdish fighters, the Syrian observatory said.", "Turkey"),
        ("Israeli air strikes destroyed the building, Palestinian officials said.", "Israel"),
    ],
)
def test_a_nationality_adjective_acting_is_its_country(text: str, source: str) -> None:
    assert source in {s for s, p, _ in coded(text) if p == "ASSAULT"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Police dispersed the Hamas-led demonstrations in Ramallah on Friday.", ("Hamas", "PROTEST")),
        ("The Taliban-led attacks on Afghan police posts continued on Monday.", ("Taliban", "ASSAULT")),
        (
            "It followed a long series of Hezbollah-led protests against the government.",
            ("Hezbollah", "PROTEST"),
        ),
    ],
)
def test_the_leader_named_before_led_is_the_source(text: str, expected: tuple[str, str]) -> None:
    assert expected in {(s, p) for s, p, _ in coded(text)}


def test_a_backer_named_before_backed_is_not_the_source() -> None:
    assert ("United States", "ASSAULT") not in {
        (s, p) for s, p, _ in coded("Syria faced a US-backed offensive in the north.")
    }


@pytest.mark.parametrize(
    ("text", "sources"),
    [
        (
            "There have been other threats of military response by both the U.S. and Israel.",
            {"United States", "Israel"},
        ),
        ("The threats of force by Russia alarmed the Baltic states.", {"Russia"}),
        (
            "Analysts noted repeated threats of sanctions by the European Union against Belarus.",
            {"European Union"},
        ),
    ],
)
def test_a_by_phrase_under_the_of_complement_names_the_source(text: str, sources: set[str]) -> None:
    assert sources <= {s for s, p, _ in coded(text) if p == "THREATEN"}
