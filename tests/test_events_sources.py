"""Events of issue 13's sixth round (recall): who the source of an event is, and triggers the CAMEO
verb dictionary names that the lexicon lacked; each rule on three or more sentences written for
these tests, with guards."""

from __future__ import annotations

import pytest

from tests._event_support import analysed, coded


def _sources(text: str) -> set[tuple[str | None, str]]:
    return {(source, plover) for source, plover, _ in coded(text)}


# -- CAMEO.2.0 "HUNT * DOWN [173]"; a future conflictual act is a threat (CAMEO manual, 130) ------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Indian troops hunted down the rebel commanders in the mountains of Kashmir last week.",
            ("India", "COERCE"),
        ),
        (
            "The Nigerian army has hunted down dozens of Boko Haram fighters since January.",
            ("Nigeria", "COERCE"),
        ),
        (
            "President Hollande said France will hunt down the terrorists who attacked Paris.",
            ("France", "THREATEN"),
        ),
    ],
)
def test_hunting_people_down_is_coercion_and_its_future_a_threat(
    text: str, expected: tuple[str, str]
) -> None:
    assert expected in _sources(text)


@pytest.mark.parametrize(
    "text",
    [
        "The children hunted down the Easter eggs in the garden on Sunday morning.",
        "The striker hunted down the loose ball and scored in the last minute.",
    ],
)
def test_hunting_down_things_is_no_event(text: str) -> None:
    assert coded(text) == set()


# -- CAMEO.2.0 "CONDUCT * {&MILITARY EXERCISES} [150]" ------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Chinese warships conducted military exercises near Taiwan on Monday.", ("China", "MOBILIZE")),
        (
            "The Russian navy conducted large-scale exercises in the Baltic Sea this week.",
            ("Russia", "MOBILIZE"),
        ),
        (
            "North Korean troops conducted live-fire exercises near the border with South Korea.",
            ("North Korea", "MOBILIZE"),
        ),
    ],
)
def test_military_exercises_conducted_are_a_show_of_force(text: str, expected: tuple[str, str]) -> None:
    assert expected in _sources(text)


def test_a_school_exercise_is_no_show_of_force() -> None:
    assert coded("The school conducted evacuation exercises on Friday morning.") == set()


# -- every coordinated agent is a source, also when a quote's speaker is one of them -------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The referendum was viewed as illegal by Ukraine and the European Union.",
            {("Ukraine", "ACCUSE"), ("European Union", "ACCUSE")},
        ),
        (
            "Hamas is considered a terrorist organisation by Israel and by the European Union.",
            {("Israel", "ACCUSE"), ("European Union", "ACCUSE")},
        ),
        (
            "The attack was condemned by France and by Germany.",
            {("France", "ACCUSE"), ("Germany", "ACCUSE")},
        ),
    ],
)
def test_each_coordinated_agent_is_a_source(text: str, expected: set[tuple[str, str]]) -> None:
    assert expected <= _sources(text)


def test_coordinated_agents_outside_politics_stay_eventless() -> None:
    assert coded("The new coach was praised by the players and by the fans after the win.") == set()


# -- an act told "again" is a new act, not a repeated mention of the earlier one ------------------


@pytest.mark.parametrize(
    ("text", "act"),
    [
        (
            "Turkish police detained the journalist Can Dundar in Istanbul on Monday. On Thursday "
            "Turkish police detained Dundar again after a court hearing.",
            ("Turkey", "COERCE", "Can Dundar"),
        ),
        (
            "Israeli aircraft struck a Hamas base in Gaza on Friday. Hours later Israeli aircraft "
            "struck the Hamas base again.",
            ("Israel", "ASSAULT", "Hamas"),
        ),
        (
            "Russia expelled two British diplomats in March. In June Russia expelled the British "
            "diplomats anew.",
            ("Russia", "SANCTION", "United Kingdom"),
        ),
    ],
)
def test_an_act_told_again_is_a_second_event(text: str, act: tuple[str, str, str]) -> None:
    assert [(e.source, e.plover, e.target) for e in analysed(text)].count(act) == 2


def test_a_repeated_mention_without_again_stays_one_event() -> None:
    text = (
        "Turkish police detained the journalist Can Dundar in Istanbul on Monday. Turkish police "
        "detained Dundar at his home, his lawyer said."
    )
    assert [(e.source, e.plover) for e in analysed(text)] == [("Turkey", "COERCE")]


# -- a dateline the parser reads as a second subject is not the source ---------------------------


@pytest.mark.parametrize(
    ("text", "expected", "dateline"),
    [
        ("Brussels — On Tuesday, Turkish police arrested two journalists in Istanbul.", "Turkey", "Belgium"),
        (
            "South America — On Monday, Peruvian troops arrested the rebel commander Victor Polay.",
            "Peru",
            "United States",
        ),
        (
            "Moscow — On Sunday, Ukrainian officials accused Russia of shelling the city of Kharkiv.",
            "Ukrainian officials",
            "Russia",
        ),
    ],
)
def test_the_subject_next_to_the_verb_is_the_source_not_the_dateline(
    text: str, expected: str, dateline: str
) -> None:
    sources = {source for source, _ in _sources(text)}
    assert expected in sources
    assert dateline not in sources


def test_a_relative_pronoun_is_still_no_subject() -> None:
    text = "Boats which the United Nations has criticised were turned away by the Australian navy."
    assert ("United Nations", "ACCUSE") in _sources(text)


# -- CAMEO.2.0 "PREVENT * RALLY/PROTEST [1721]", "PREVENT * (FROM ENTERING/LEAVING) [172]" --------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Egyptian police prevented a rally by opposition supporters in Cairo on Friday.",
            ("Egypt", "COERCE"),
        ),
        (
            "The opposition leader Ali Haidar was prevented from attending a rally in Aleppo by Syrian "
            "security forces.",
            ("Syria", "COERCE"),
        ),
        (
            "Chinese border guards prevented the Tibetan activists from leaving the country.",
            ("China", "COERCE"),
        ),
    ],
)
def test_preventing_a_rally_or_a_departure_is_a_restriction(text: str, expected: tuple[str, str]) -> None:
    assert expected in _sources(text)


@pytest.mark.parametrize(
    "text",
    [
        "The goalkeeper prevented a goal in the last minute of the match.",
        "Heavy rain prevented the rally from taking place in the stadium on Sunday.",
    ],
)
def test_preventing_without_a_political_agent_is_no_event(text: str) -> None:
    assert coded(text) == set()


# -- an act noun told through a passive participle has the participle's agent as its source -----


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Amnesty International documented the attacks carried out by Ethiopian troops on Somali "
            "villages.",
            ("Ethiopia", "ASSAULT", None),
        ),
        (
            "The raid conducted by Kenyan troops on the militant camp killed twelve fighters.",
            ("Kenya", "ASSAULT", None),
        ),
        (
            "The airstrikes launched by Saudi warplanes on Sanaa were condemned by the United Nations.",
            ("United Nations", "ACCUSE", "Saudi Arabia"),
        ),
    ],
)
def test_an_act_noun_carried_out_by_an_agent_is_the_agents(
    text: str, expected: tuple[str, str, str | None]
) -> None:
    assert expected in coded(text)


@pytest.mark.parametrize(
    "text",
    [
        "The repairs carried out by the workers on the bridge were completed on Monday.",
        "The tackles made by the defenders in the second half were brutal, the coach said.",
    ],
)
def test_a_participle_agent_of_no_act_is_no_source(text: str) -> None:
    assert coded(text) == set()


# -- a clash is fighting (CAMEO.2.0 "KILL * (IN CLASH) [193]", "DIE * (AFTER CLASH) [:190]") ----


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Clashes initiated by Maoist rebels in Chhattisgarh killed six policemen on Monday.",
            "Maoist rebels",
        ),
        ("Hezbollah's clashes with the Lebanese army left ten people dead.", "Hezbollah"),
        ("The Turkish army's clashes with PKK fighters continued near the Iraqi border.", "Turkey"),
    ],
)
def test_a_clash_of_an_armed_actor_is_an_assault(text: str, expected: str) -> None:
    assert (expected, "ASSAULT") in _sources(text)


@pytest.mark.parametrize(
    "text",
    [
        "The clash between Arsenal and Chelsea ended in a draw on Sunday.",
        "The film explores a clash of cultures in a small town in Texas.",
    ],
)
def test_a_clash_of_teams_or_cultures_is_no_assault(text: str) -> None:
    assert coded(text) == set()
