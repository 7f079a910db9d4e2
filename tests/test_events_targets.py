"""Targets of issue 13's fourth round: a reaction to an act named by a definite noun ("denounced
the operation") targets the act's author; each rule on three or more sentences written for
these tests, with guards."""

from __future__ import annotations

import pytest

from tests._event_support import coded


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Turkish troops crossed into Syria and shelled Kurdish positions near the border. "
            "The Swedish foreign minister denounced the operation on Tuesday.",
            ("Swedish foreign minister", "ACCUSE", "Turkey"),
        ),
        (
            "Chilean police arrested three opposition leaders in Santiago on Friday. "
            "Amnesty International condemned the arrests.",
            ("Amnesty International", "ACCUSE", "Chile"),
        ),
        (
            "Ethiopia released two hundred political prisoners on Monday. "
            "Kenya and Uganda welcomed the news.",
            ("Kenya", "SUPPORT", "Ethiopia"),
        ),
        (
            "Ethiopia released two hundred political prisoners on Monday. "
            "Kenya and Uganda welcomed the news.",
            ("Uganda", "SUPPORT", "Ethiopia"),
        ),
        (
            "Nigerian forces launched an offensive against Boko Haram in the north. "
            "Chad and Niger provided logistical support for the operation.",
            ("Chad", "AID", "Nigeria"),
        ),
    ],
)
def test_a_reaction_to_an_act_named_by_a_definite_noun_targets_its_author(
    text: str, expected: tuple[str, str, str]
) -> None:
    assert expected in coded(text)


@pytest.mark.parametrize(
    ("text", "source"),
    [
        # the noun names an act of its own, told later or not at all: no antecedent
        ("The Swedish foreign minister denounced the operation on Tuesday.", "Swedish foreign minister"),
        # "another" attack is a new one, not the one told before
        (
            "Chilean police arrested three opposition leaders on Friday. "
            "The Peruvian president condemned another attack.",
            "Peruvian president",
        ),
        # a judgement is not what "the news" refers back to
        (
            "The French president praised the Kenyan elections. Germany welcomed the news.",
            "Germany",
        ),
    ],
)
def test_no_antecedent_no_target(text: str, source: str) -> None:
    found = [(s, p, t) for s, p, t in coded(text) if s == source]
    assert found and all(t is None for _, _, t in found), found


def test_the_antecedent_is_never_the_reacting_actor_itself() -> None:
    text = "Russia deployed troops to the border. Russia later defended the move."
    assert all(t != "Russia" for s, _, t in coded(text) if s == "Russia")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The Swiss president urged the talks between Armenia and Azerbaijan to resume soon.",
            {("Swiss president", "REQUEST", "Armenia"), ("Swiss president", "REQUEST", "Azerbaijan")},
        ),
        (
            "The UN envoy demanded that the ceasefire between Ethiopia and Eritrea be respected.",
            {("UN envoy", "REQUEST", "Ethiopia"), ("UN envoy", "REQUEST", "Eritrea")},
        ),
        (
            "Norway called for the dialogue between Colombia and Venezuela to continue.",
            {("Norway", "REQUEST", "Colombia"), ("Norway", "REQUEST", "Venezuela")},
        ),
    ],
)
def test_a_demand_on_a_process_between_parties_targets_each_party(
    text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert expected <= coded(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Peru recalled its ambassador to Venezuela on Monday.", ("Peru", "SANCTION", "Venezuela")),
        ("Qatar recalled its envoy in Cairo after the row.", ("Qatar", "SANCTION", "Egypt")),
        (
            "Maria Lopez, the Chilean ambassador in Bolivia, was recalled by Chile on Friday.",
            ("Chile", "SANCTION", "Bolivia"),
        ),
        ("Sweden recalled its ambassador from Iran.", ("Sweden", "SANCTION", "Iran")),
    ],
)
def test_a_recalled_diplomat_stands_for_the_host_country(text: str, expected: tuple[str, str, str]) -> None:
    assert expected in coded(text)


@pytest.mark.parametrize(
    "text",
    [
        "Ghana expelled the Nigerian ambassador in Accra on Monday.",
        "Ghana recalled the Nigerian ambassador's car to Accra.",
    ],
)
def test_no_host_country_is_the_acting_state_itself(text: str) -> None:
    assert all(t != "Ghana" for s, _, t in coded(text) if s == "Ghana")


@pytest.mark.parametrize(
    "text",
    [
        "The killing of three Kenyan soldiers violated the peace agreement.",
        "The arrest of two Turkish journalists threatened the talks.",
        "The invasion of Iraqi Kurdistan threatened the peace talks.",
    ],
)
def test_an_act_is_never_an_actor_even_when_a_name_qualifies_it(text: str) -> None:
    head = text.split()[1]  # "killing", "arrest", "invasion"
    assert not any(s and s.startswith(head) for s, _, _ in coded(text)), coded(text)


@pytest.mark.parametrize(
    ("text", "sources"),
    [
        ("Kenya and Uganda offered their help.", {"Kenya", "Uganda"}),
        ("The Iraqi and Syrian governments promised their cooperation.", {"Iraq", "Syria"}),
        ("Kenya and Uganda accepted the proposal.", {"Kenya", "Uganda"}),
    ],
)
def test_coordinated_actors_of_a_one_sided_act_do_not_target_each_other(text: str, sources: set[str]) -> None:
    """Only a symmetric act (one done "with" a partner: agree, sign, negotiate, meet) makes
    coordinated sources each other's targets; one offers, promises or accepts to someone else."""
    found = coded(text)
    assert {s for s, _, _ in found} == sources
    assert not any(t in sources for _, _, t in found)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Iranian police arrested two reporters in Tehran.", ("Iran", "COERCE", "reporters")),
        (
            "The Turkish authorities detained several journalists on Monday.",
            ("Turkey", "COERCE", "journalists"),
        ),
        (
            "Egypt expelled the correspondent of a British newspaper.",
            ("Egypt", "COERCE", "correspondent of a British newspaper"),
        ),
    ],
)
def test_people_of_the_media_can_be_targets(text: str, expected: tuple[str, str, str]) -> None:
    assert expected in coded(text)


def test_the_news_is_no_target() -> None:
    assert coded("Japan welcomed the news.") == {("Japan", "SUPPORT", None)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Lebanon deported numerous Syrian refugees last year.", ("Lebanon", "COERCE", "Syrian refugees")),
        ("Hungary expelled multiple Afghan migrants.", ("Hungary", "COERCE", "Afghan migrants")),
        ("Serbia detained various Kosovar activists.", ("Serbia", "COERCE", "Kosovar activists")),
    ],
)
def test_a_quantity_word_is_no_part_of_a_group_description(text: str, expected: tuple[str, str, str]) -> None:
    assert expected in coded(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Rebels attacked Colombian military installations near the border.",
            ("Rebels", "ASSAULT", "Colombia"),
        ),
        ("Russian hackers attacked Ukrainian government servers.", ("Russian hackers", "COERCE", "Ukraine")),
        ("Israeli jets bombed Syrian air defence sites.", ("Israel", "ASSAULT", "Syria")),
    ],
)
def test_a_thing_qualified_by_a_nationality_stands_for_its_country(
    text: str, expected: tuple[str, str, str]
) -> None:
    assert expected in coded(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Zimbabwean police arrested the opposition leader on Monday. "
            "The US ambassador called it outrageous.",
            ("US ambassador", "ACCUSE", "Zimbabwe"),
        ),
        (
            "Ethiopia expelled two UN officials last week. Kenya condemned it on Friday.",
            ("Kenya", "ACCUSE", "Ethiopia"),
        ),
        (
            "Russian troops shelled the port of Odessa. The Polish president denounced this as a war crime.",
            ("Polish president", "ACCUSE", "Russia"),
        ),
    ],
)
def test_a_pronoun_naming_the_act_just_told_targets_its_author(
    text: str, expected: tuple[str, str, str]
) -> None:
    assert expected in coded(text)


def test_a_pronoun_after_no_act_has_no_target() -> None:
    assert coded("The Senate passed the budget on Monday. The Kenyan president welcomed it.") == {
        ("Kenyan president", "SUPPORT", None)
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The Thai foreign minister contacted Malaysia's prime minister about the refugees out at sea.",
            ("Thai foreign minister", "CONSULT"),
        ),
        (
            "Japan contacted the Chinese ambassador about the fishing boats out near the islands.",
            ("Japan", "CONSULT"),
        ),
        ("Iran detained the British sailors of a small boat out in the Gulf.", ("Iran", "COERCE")),
    ],
)
def test_a_particle_far_from_its_verb_does_not_change_the_verb(text: str, expected: tuple[str, str]) -> None:
    assert expected in {(s, p) for s, p, _ in coded(text)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Japan contacted the Chinese ambassador about the fishing boats out near the islands.",
            ("Japan", "CONSULT", "Chinese ambassador"),
        ),
        (
            "The Thai minister met the Malaysian envoy about the refugee boats.",
            ("Thai minister", "CONSULT", "Malaysian envoy"),
        ),
        (
            "The French minister met the Algerian students about the visa rules.",
            ("French minister", "CONSULT", "Algerian students"),
        ),
    ],
)
def test_a_phrase_of_topic_or_time_is_no_part_of_an_actor(text: str, expected: tuple[str, str, str]) -> None:
    assert expected in coded(text)


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("The journalist was arrested by a police officer named Ahmed Salem.", "Ahmed Salem"),
        ("A militant group called Jundallah attacked the Iranian base.", "Jundallah"),
        ("An Iraqi politician named Saleh Mutlaq condemned the bombing.", "Saleh Mutlaq"),
    ],
)
def test_a_description_given_a_name_is_the_one_named(text: str, source: str) -> None:
    assert source in {s for s, _, _ in coded(text)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Briton Murray Watson was abducted along with his Kenyan colleague, Patrick Amukhuma, "
            "by six armed militiamen.",
            {
                ("armed militiamen", "ASSAULT", "Murray Watson"),
                ("armed militiamen", "ASSAULT", "Patrick Amukhuma"),
            },
        ),
        (
            "Russian forces detained the mayor of Kherson along with two of his deputies.",
            {("Russia", "COERCE", "mayor of Kherson"), ("Russia", "COERCE", "deputies")},
        ),
        (
            "Gunmen kidnapped an Italian engineer along with his Somali translator.",
            {("Gunmen", "ASSAULT", "Italian engineer"), ("Gunmen", "ASSAULT", "Somali translator")},
        ),
    ],
)
def test_who_undergoes_an_act_along_with_its_target_is_a_target_too(
    text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert expected <= coded(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Israeli jets struck a Hamas base in Gaza.", ("Israel", "ASSAULT", "Hamas")),
        ("US drones struck a Taliban compound near Kandahar.", ("United States", "ASSAULT", "Taliban")),
        ("Turkish jets bombed a PKK building in Iraq.", ("Turkey", "ASSAULT", "PKK")),
        (
            "The Iranian president praised the solidarity of Venezuela.",
            ("Iranian president", "SUPPORT", "Venezuela"),
        ),
    ],
)
def test_a_place_or_thing_is_no_actor_its_owner_is(text: str, expected: tuple[str, str, str]) -> None:
    """Nouns of places, things and fields ("base", "compound", "presence", "solidarity") head
    no actor description; the organisation or country that owns them is the target."""
    assert expected in coded(text)
