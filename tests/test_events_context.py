"""Events of issue 13's fifth round whose actor the text leaves to context: the unknown author of
an attack on a named person told by an agentless passive; each rule on three or more sentences
written for these tests, with guards."""

from __future__ import annotations

import pytest

from tests._event_support import coded


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The opposition politician Ahmed Karimi was shot dead outside the parliament in Kabul "
            "on Monday, two days after he criticised the government.",
            ("unidentified attackers", "ASSAULT", "Ahmed Karimi"),
        ),
        (
            "The Colombian senator Lucia Restrepo was kidnapped near the Venezuelan border on "
            "Friday while she campaigned for the peace agreement.",
            ("unidentified kidnappers", "ASSAULT", "Lucia Restrepo"),
        ),
        (
            "The mayor of Tijuana, Roberto Salinas, was assassinated on Sunday, a week after the "
            "federal government deployed troops against the cartels.",
            ("unidentified attackers", "ASSAULT", "Roberto Salinas"),
        ),
    ],
)
def test_an_agentless_attack_on_a_named_person_is_by_unidentified_attackers(
    text: str, expected: tuple[str, str, str]
) -> None:
    assert expected in coded(text)


@pytest.mark.parametrize(
    "text",
    [
        # the author is named: he is the source, not an unknown attacker
        "The opposition politician Ahmed Karimi was shot dead by Taliban fighters in Kabul on Monday.",
        # victims with no name: a campaign whose author the article names elsewhere
        "Twenty-six civilians were killed in the village on Monday, the United Nations said.",
        # in a quote the speaker's claim is told, not an attack
        'The minister said: "Ahmed Karimi was shot dead because he told the truth."',
        # not political: a film character in a review
        "The sequel is darker than the first film. Its hero, the detective Harry Lime, is shot "
        "dead in the second act, and the soundtrack swells. Critics loved the camera work.",
    ],
)
def test_no_unidentified_attacker_without_a_named_victim_in_the_reporters_words(text: str) -> None:
    assert not any(source and source.startswith("unidentified") for source, _, _ in coded(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Protests spread across Belarus on Sunday against the disputed election. "
            "The country's police arrested two hundred demonstrators in the capital.",
            ("Belarus", "COERCE"),
        ),
        (
            "Tensions rose in Taiwan after Chinese warships sailed near its coast. "
            "The island's government put its armed forces on alert on Monday.",
            ("Taiwan", "MOBILIZE"),
        ),
        (
            "Fighting broke out again in northern Mali this week. "
            "The nation's army attacked rebel positions near Kidal on Tuesday.",
            ("Mali", "ASSAULT"),
        ),
    ],
)
def test_a_state_agent_of_the_country_named_by_a_possessive_is_the_setting(
    text: str, expected: tuple[str, str]
) -> None:
    assert expected in {(source, plover) for source, plover, _ in coded(text)}


def test_a_possessive_of_another_noun_is_no_setting() -> None:
    # "the company's" names a business, not the country the article is set in
    text = (
        "Protests spread across Belarus on Sunday against the disputed election. "
        "The company's security officers arrested two thieves in the warehouse."
    )
    assert ("Belarus", "COERCE") not in {(source, plover) for source, plover, _ in coded(text)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "A Turkish court sentenced the journalist Can Dundar to six years in prison on Friday.",
            ("Turkey", "ACCUSE"),  # a sentence is a finding of guilt (tests/test_events_coding.py)
        ),
        (
            "An Egyptian military tribunal detained the activist Alaa Fattah for fifteen days.",
            ("Egypt", "COERCE"),
        ),
        (
            "A Russian court jailed the opposition leader Lyubov Sobol for a year on Tuesday.",
            ("Russia", "COERCE"),
        ),
    ],
)
def test_a_court_qualified_by_a_country_is_that_country(text: str, expected: tuple[str, str]) -> None:
    # Phoenix agents code courts and tribunals as the judicial sector (JUD) of their state
    assert expected in {(source, plover) for source, plover, _ in coded(text)}


def test_a_court_of_another_kind_is_no_state() -> None:
    text = "A Spanish tennis court hosted the final on Sunday, and Nadal beat Federer in four sets."
    assert not any(source == "Spain" for source, _, _ in coded(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The former Bulgarian minister Ivan Petrov faces corruption charges in Bulgaria.",
            ("Bulgaria", "COERCE", "Ivan Petrov"),
        ),
        (
            "The blogger Ahmed Mansoor faces prosecution in the United Arab Emirates over his posts.",
            ("United Arab Emirates", "COERCE", "Ahmed Mansoor"),
        ),
        (
            "Julian Assange was flown to the United States, where he faces espionage charges.",
            ("United States", "COERCE", "Julian Assange"),
        ),
    ],
)
def test_facing_charges_is_a_legal_action_of_the_state(text: str, expected: tuple[str, str, str]) -> None:
    # CAMEO "FACE * CHARGE [:112]": told from the accused's side; it says what "was charged" says
    assert expected in coded(text)


@pytest.mark.parametrize(
    "text",
    [
        # not a legal action
        "Ivan Petrov, the Bulgarian finance minister, faces a difficult budget in Bulgaria this year.",
        # negated
        "The former Bulgarian minister Ivan Petrov does not face charges in Bulgaria.",
        # sport: a trial match; and a trial is no legal action the state is named for
        "The Spanish football team faces a tough trial against Brazil on Sunday.",
    ],
)
def test_facing_something_else_is_no_legal_action(text: str) -> None:
    assert not any(plover == "COERCE" for _, plover, _ in coded(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Russian hackers attacked computer servers belonging to the Estonian government on Monday.",
            ("Russian hackers", "COERCE", "Government of Estonia"),
        ),
        (
            "Israeli jets bombed a warehouse owned by Hezbollah near Beirut.",
            ("Israel", "ASSAULT", "Hezbollah"),
        ),
        (
            "Rebels attacked a convoy operated by the United Nations in Darfur.",
            ("Rebels", "ASSAULT", "United Nations"),
        ),
    ],
)
def test_a_thing_belonging_to_an_actor_makes_the_actor_the_target(
    text: str, expected: tuple[str, str, str]
) -> None:
    assert expected in coded(text)


def test_an_owner_that_is_no_actor_is_no_target() -> None:
    events = coded("Israeli jets bombed a warehouse belonging to the port of Beirut on Monday.")
    assert not any(target and "port" in target for _, _, target in events)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Russian troops shelled the Ukrainian city of Kharkiv on Monday. "
            '"The attack was brutal," the Polish foreign minister Radoslaw Sikorski said.',
            ("Radoslaw Sikorski", "ACCUSE", "Russia"),
        ),
        (
            "Hamas fighters fired rockets at the Israeli town of Sderot. "
            '"This shameful attack will not go unanswered," Israeli Prime Minister Benjamin Netanyahu said.',
            ("Benjamin Netanyahu", "ACCUSE", "Hamas fighters"),
        ),
        (
            "Police in Belarus arrested hundreds of protesters in Minsk on Sunday. "
            '"These arrests are outrageous," the German chancellor Olaf Scholz said.',
            ("Olaf Scholz", "ACCUSE", "Police in Belarus"),
        ),
    ],
)
def test_a_judgement_of_an_act_told_before_accuses_its_author(
    text: str, expected: tuple[str, str, str]
) -> None:
    assert expected in coded(text)


def test_a_judgement_of_an_act_with_no_antecedent_names_no_author() -> None:
    # no attack was told before the quote: the judgement is not pinned on anyone
    text = '"The attack was brutal," the Polish foreign minister Radoslaw Sikorski said on Monday.'
    assert not any(plover == "ACCUSE" for _, plover, _ in coded(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Rocket attacks against Israel from the Hamas-controlled Gaza Strip continued on Monday.",
            ("Hamas", "ASSAULT", "Israel"),
        ),
        (
            "Mortar attacks on Kabul from Taliban-held areas killed two soldiers.",
            ("Taliban", "ASSAULT", "Kabul"),
        ),
        (
            "Drone attacks on Saudi Arabia from Houthi-controlled Yemen continued on Tuesday.",
            ("Houthi", "ASSAULT", "Saudi Arabia"),
        ),
    ],
)
def test_an_act_from_a_place_held_by_an_actor_is_that_actors(
    text: str, expected: tuple[str, str, str]
) -> None:
    assert expected in coded(text)


def test_an_act_from_a_plain_place_has_no_holder() -> None:
    events = coded("Rocket attacks against Israel from the Gaza Strip continued on Monday.")
    assert not any(source == "Hamas" for source, _, _ in events)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "A military court in Cairo tried Ahmed Salem for bombing the Israeli embassy.",
            ("Ahmed Salem", "ASSAULT", "Israel"),
        ),
        (
            "The tribunal in The Hague tried Ratko Mladic for shelling Sarajevo.",
            ("Ratko Mladic", "ASSAULT", "Sarajevo"),
        ),
        (
            "Judges in Paris tried Carlos Ramirez for attacking the French embassy.",
            ("Carlos Ramirez", "ASSAULT", "France"),
        ),
    ],
)
def test_the_act_a_verb_gives_as_its_reason_is_its_objects(text: str, expected: tuple[str, str, str]) -> None:
    # object control: "tried X for V-ing" -- X did it, not the court
    assert expected in coded(text)


def test_object_control_needs_an_actor_object() -> None:
    # the object is a thing, no actor: the subject stays the doer
    text = "The Israeli air force used a new drone for bombing Hamas positions in Gaza."
    assert ("Israel", "ASSAULT", "Hamas positions") in coded(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Ethiopia has kept a policy of deporting refugees, which Amnesty International has criticised.",
            ("Amnesty International", "ACCUSE", "Ethiopia"),
        ),
        (
            "Chinese ships blocked the fishing boats, which the Philippine government denounced.",
            ("Government of the Philippines", "ACCUSE", "China"),
        ),
        (
            "The Egyptian government confiscated the newspapers, which Reporters Without Borders condemned.",
            ("Reporters Without Borders", "ACCUSE", "Government of Egypt"),
        ),
    ],
)
def test_a_which_clause_judging_the_object_of_an_act_targets_its_author(
    text: str, expected: tuple[str, str, str]
) -> None:
    assert expected in coded(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "whom" takes up the people, not the act: they are judged
        ("Ethiopia deported the refugees, whom the UN criticised for their violence.", "refugees"),
        # the judged thing is the object of no act
        ("The European Union condemned the homes, which it called illegal.", None),
    ],
)
def test_a_judged_person_or_plain_thing_keeps_its_target(text: str, expected: str | None) -> None:
    judged = {target for _, plover, target in coded(text) if plover == "ACCUSE"}
    assert judged <= {expected}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The opposition leader Alexei Navalny returned to Moscow in January, despite being "
            "threatened with arrest by the Russian government.",
            ("Government of Russia", "THREATEN", "Alexei Navalny"),
        ),
        (
            "The journalist Maria Ressa spoke to reporters in Manila after being released by the "
            "Philippine police.",
            ("Philippines", "RETREAT", "Maria Ressa"),
        ),
        (
            "After being detained by Iranian police for two weeks, the French tourist Benjamin Briere "
            "spoke to the press.",
            ("Iran", "COERCE", "Benjamin Briere"),
        ),
    ],
)
def test_a_passive_without_its_own_subject_targets_the_subject_it_depends_on(
    text: str, expected: tuple[str, str, str]
) -> None:
    assert expected in coded(text)


def test_a_passive_with_its_own_subject_keeps_it() -> None:
    text = (
        "The Kenyan minister Amina Mohamed said that two journalists were detained by the police in Nairobi."
    )
    assert not any(target == "Amina Mohamed" for _, _, target in coded(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Twitter complied with the Indian government's requests to block the accounts.",
            ("Government of India", "REQUEST", "Twitter"),
        ),
        (
            "Israel rejected the Palestinian Authority's demands for a settlement freeze.",
            ("Palestinian Authority", "REQUEST", "Israel"),
        ),
        (
            "The Sudanese government met the protesters' demands on Friday.",
            ("protesters", "REQUEST", "Government of Sudan"),
        ),
    ],
)
def test_a_request_is_addressed_to_whoever_answers_it(text: str, expected: tuple[str, str, str]) -> None:
    assert expected in coded(text)


@pytest.mark.parametrize(
    "text",
    [
        # business: no political actor asks or answers
        "The software company rejected the customers' demands for a refund on Friday.",
        # complying with a law answers no request
        "Twitter complied with the new law on Friday.",
    ],
)
def test_no_request_without_a_political_request_answered(text: str) -> None:
    assert not any(plover == "REQUEST" for _, plover, _ in coded(text))
