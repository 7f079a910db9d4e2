"""Constructions of the third round of issue 13: an arranged future act ("is to meet"), CAMEO
patterns read with their roles swapped ("received aid from X": X is the source), coordinated
countries in one phrase, appeals to end an act, and the cause of a fight in a quote (no
accusation); each rule on three or more sentences written for these tests, with guards."""

from __future__ import annotations

import pytest

from tests._event_support import analysed


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


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The rebel movement received military aid from Iran.",
            ("Iran", "AID", "072", "rebel movement"),
        ),
        (
            "Ukraine has received weapons from Germany and Poland.",
            ("Poland", "AID", "072", "Ukraine"),
        ),
        (
            "The Kurdish militia got help from the United States.",
            ("United States", "AID", "070", "Kurdish militia"),
        ),
        (
            "The Palestinian president received a letter from the Israeli prime minister.",
            ("Israeli prime minister", "CONSULT", "040", "Palestinian president"),
        ),
    ],
)
def test_what_is_received_from_someone_is_the_givers_act(
    text: str, expected: tuple[str, str, str, str]
) -> None:
    assert expected in coded(text)


@pytest.mark.parametrize(
    "text",
    [
        "The company received a loan from the bank.",
        "The striker received the ball from Messi and scored.",
        "The town received heavy rain from the storm.",
        "Ukraine did not receive weapons from Germany.",
    ],
)
def test_receiving_outside_politics_or_not_at_all_codes_nothing(text: str) -> None:
    assert coded(text) == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The Chinese and Russian governments held talks in Moscow.",
            {("China", "CONSULT", "040", "Russia"), ("Russia", "CONSULT", "040", "China")},
        ),
        (
            "German and French troops attacked the rebel base.",
            {("Germany", "ASSAULT", "190", None), ("France", "ASSAULT", "190", None)},
        ),
        (
            "The Iraqi and Syrian armies launched a joint offensive against the militants.",
            {("Iraq", "ASSAULT", "190", "militants"), ("Syria", "ASSAULT", "190", "militants")},
        ),
    ],
)
def test_coordinated_countries_qualifying_state_agents_are_one_actor_each(
    text: str, expected: set[tuple[str, str, str, str | None]]
) -> None:
    found = {(s, p, c, t if t in ("Russia", "China", "militants") else None) for s, p, c, t in coded(text)}
    assert expected <= found


def test_coordinated_countries_of_a_non_state_noun_stay_one_description() -> None:
    found = coded("Chinese and Russian companies opened new factories in Vietnam.")
    assert not {s for s, _, _, _ in found} & {"China", "Russia"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The European Union called for an end to Israeli settlement building.",
            ("European Union", "REQUEST", "020", "Israel"),
        ),
        (
            "The UN appealed for a halt to Russian air strikes in Syria.",
            ("United Nations", "REQUEST", "020", "Russia"),
        ),
        ("Egypt called for a cessation of Hamas rocket fire.", ("Egypt", "REQUEST", "020", "Hamas")),
        (
            "The Arab League demanded an end to the Saudi blockade of Qatar.",
            ("Arab League", "REQUEST", "100", "Saudi Arabia"),
        ),
    ],
)
def test_an_appeal_to_stop_an_act_is_addressed_to_its_author(
    text: str, expected: tuple[str, str, str, str]
) -> None:
    assert expected in coded(text)


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("The UN called for an end to the violence.", "United Nations"),
        ("The Red Cross called for the release of the hostages.", "Red Cross"),
    ],
)
def test_an_appeal_without_an_authored_act_has_no_target(text: str, source: str) -> None:
    assert (source, "REQUEST", "020", None) in coded(text)


def test_fans_asking_a_club_to_stop_price_rises_is_no_event() -> None:
    assert coded("Fans called for an end to the club's ticket price rises.") == set()


@pytest.mark.parametrize(
    "text",
    [
        '"The capture of the rebel leader is a victory in the battle against terrorism in Mali,"'
        " the French defence minister said.",
        '"The news from Somalia is a milestone in our common fight against terrorism,"'
        " the Japanese prime minister said.",
        '"Kenya remains our partner in the war on terror," the British foreign secretary said.',
    ],
)
def test_the_cause_of_a_fight_in_a_quote_accuses_no_one(text: str) -> None:
    assert not {e for e in coded(text) if e[1] == "ACCUSE"}


def test_a_judging_word_about_an_actor_in_a_quote_still_accuses() -> None:
    text = '"The Kenyan government\'s actions are shameful," the British foreign secretary said.'
    assert ("British foreign secretary", "ACCUSE", "111", "Government of Kenya") in coded(text)


@pytest.mark.parametrize(
    "text",
    [
        "Lebanese officials warned of a possible Israeli attack on the border villages.",
        "Officials in Beirut spoke of a possible Israeli attack on the border villages.",
        "The likely Turkish offensive against Kurdish fighters worried Washington.",
        "Analysts say an eventual Russian attack on the port is expected.",
    ],
)
def test_a_possible_act_is_not_reported_as_done(text: str) -> None:
    assert not {e for e in coded(text) if e[1] == "ASSAULT"}


def test_an_act_without_a_possibility_word_is_reported() -> None:
    assert ("Israel", "ASSAULT", "190", "border villages") in coded(
        "Israeli jets attacked the border villages on Monday."
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The United States allied with the Northern Alliance to oust the Taliban.",
            ("United States", "COOPERATE", "060", "Northern Alliance"),
        ),
        ("France allied with Britain in the war.", ("France", "COOPERATE", "060", "United Kingdom")),
        (
            "Hezbollah formed an alliance with the Syrian government in 2012.",
            ("Hezbollah", "COOPERATE", "060", "Government of Syria"),
        ),
        (
            "The Nigerian government forged a coalition with Chad to fight Boko Haram.",
            ("Government of Nigeria", "COOPERATE", "060", "Chad"),
        ),
    ],
)
def test_allying_and_forming_an_alliance_are_cooperation(
    text: str, expected: tuple[str, str, str, str]
) -> None:
    assert expected in coded(text)


@pytest.mark.parametrize(
    "text",
    [
        "The two football clubs formed an alliance with a Chinese sponsor.",
        "The company allied with Google to build self-driving cars.",
        "The band formed in 1999 with three friends.",
    ],
)
def test_alliances_outside_politics_are_no_events(text: str) -> None:
    assert coded(text) == set()


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Protests spread across Kenya on Monday. Riot police fired tear gas at the crowd.", "Kenya"),
        (
            "Voting began in Belarus on Sunday. The authorities detained dozens of opposition activists.",
            "Belarus",
        ),
        (
            "Zimbabwe's opposition leader travelled to Bulawayo on Sunday."
            " Police blocked the road to the mine.",
            "Zimbabwe",
        ),
    ],
)
def test_a_bare_state_agent_is_the_setting_country(text: str, source: str) -> None:
    assert source in {e[0] for e in coded(text)}


def test_a_state_agent_with_its_own_country_keeps_it() -> None:
    found = coded("Voting began in Belarus on Sunday. Polish police detained two smugglers at the border.")
    assert {e[0] for e in found} == {"Poland"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The gunman killed two Israeli soldiers and wounded three more"
            " in an attack on their bus in Hebron.",
            ("gunman", "ASSAULT", "190", "Israel"),
        ),
        (
            "Militants stormed the police station and killed four officers in Kandahar.",
            ("Militants", "ASSAULT", "190", "officers"),
        ),
        (
            "Taliban fighters ambushed the convoy and killed six Afghan soldiers near Kandahar.",
            ("Taliban fighters", "ASSAULT", "190", "Afghanistan"),
        ),
    ],
)
def test_one_act_told_by_several_words_in_a_sentence_is_one_event(
    text: str, expected: tuple[str, str, str, str]
) -> None:
    assert coded(text) == {expected}


@pytest.mark.parametrize(
    "text",
    [
        "Russian troops shelled the town and bombed its hospital on Monday.",
        "Russian troops shelled the town on Monday. Later Russian troops bombed the hospital.",
    ],
)
def test_acts_on_different_targets_or_in_different_sentences_stay_apart(text: str) -> None:
    assert len(coded(text)) == 2


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The Iraqi government has given the militia until Friday to hand over their weapons.",
            ("Government of Iraq", "THREATEN", "139", "militia"),
        ),
        ("The army gave the rebels until midnight to leave the city.", ("army", "THREATEN", "139", "rebels")),
        (
            "NATO gave Serbia until Saturday to withdraw its troops from Kosovo.",
            ("NATO", "THREATEN", "139", "Serbia"),
        ),
    ],
)
def test_giving_someone_until_a_date_to_act_is_an_ultimatum(
    text: str, expected: tuple[str, str, str, str]
) -> None:
    assert expected in coded(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The company gave customers until June to claim refunds.", set()),
        ("The coach gave his players until Monday to rest.", set()),
        (
            "The government gave aid to the flood victims until March.",
            {("government", "AID", "070", "flood victims")},
        ),
    ],
)
def test_a_date_given_outside_politics_or_with_aid_is_no_ultimatum(
    text: str, expected: set[tuple[str, str, str, str]]
) -> None:
    assert coded(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Russian warplanes bombarded rebel positions near Aleppo.",
            ("Russia", "ASSAULT", "190", "rebel positions"),
        ),
        (
            "Government artillery bombarded the rebel-held town of Douma on Sunday.",
            ("Government artillery", "ASSAULT", "190", None),
        ),
        (
            "The Sudanese air force's aerial bombardment of the villages killed dozens.",
            ("Sudan", "ASSAULT", "195", "villages"),
        ),
    ],
)
def test_bombarding_is_an_attack(text: str, expected: tuple[str, str, str, str | None]) -> None:
    found = {(s, p, c, t if t in ("rebel positions", "villages") else None) for s, p, c, t in coded(text)}
    assert expected in found


@pytest.mark.parametrize(
    "text",
    [
        "Fans bombarded the referee with questions after the match.",
        "The team faced a bombardment of shots in the second half.",
        "Reporters bombarded the singer with questions about her new album.",
    ],
)
def test_a_bombardment_of_questions_or_shots_in_sport_is_no_event(text: str) -> None:
    assert coded(text) == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Somali gunmen kidnapped two aid workers on Monday."
            " Local clan elders are pressing for their release.",
            ("Local clan elders", "REQUEST"),
        ),
        ("Village elders met the Afghan governor on Sunday.", ("Village elders", "CONSULT")),
        (
            "Tribal elders demanded the withdrawal of the troops from the valley.",
            ("Tribal elders", "REQUEST"),
        ),
    ],
)
def test_clan_and_village_elders_in_political_news_are_actors(text: str, expected: tuple[str, str]) -> None:
    assert expected in {(e[0], e[1]) for e in coded(text)}


@pytest.mark.parametrize(
    "text",
    ["The club elders criticised the new course.", "The elders of the golf club criticised the new course."],
)
def test_elders_of_a_club_are_no_political_actor(text: str) -> None:
    assert coded(text) == set()
