"""Who an event is by and to (issue 13, targets and false events): general constructions of
the recipient and of coordinated actors, each rule on three or more sentences written for these
tests, with guards it must not fire on."""

from __future__ import annotations

import pytest

from tests._event_support import coded


def _pairs(text: str) -> set[tuple[str | None, str]]:
    return {(source, plover) for source, plover, _ in coded(text)}


# -- two subjects: the one next to the verb acts ----------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "South America — On Monday, Chilean troops attacked rebel camps near the border.",
            ("Chile", "ASSAULT"),
        ),
        (
            "Central America — On Monday, Guatemalan troops attacked rebel camps near the Mexican border.",
            ("Guatemala", "ASSAULT"),
        ),
        (
            "West Africa — On Monday, Malian troops attacked rebel positions near Kidal.",
            ("Mali", "ASSAULT"),
        ),
        (
            "East Africa — On Monday, Ethiopian troops attacked rebel positions near the Eritrean border.",
            ("Ethiopia", "ASSAULT"),
        ),
    ],
)
def test_of_two_subjects_the_one_next_to_the_verb_acts(text: str, expected: tuple[str, str]) -> None:
    assert expected in _pairs(text)


def test_a_relative_object_is_no_subject_even_next_to_the_verb() -> None:
    # "which" is nearer the verb but is its object: the named subject acts
    events = coded("Malaysia turned away boats which the United Nations has criticised.")
    assert ("United Nations", "ACCUSE") in {(s, p) for s, p, _ in events}


# -- "X and other Ys": the unnamed rest of a class is no actor ----------------------------


@pytest.mark.parametrize(
    ("text", "kept", "dropped"),
    [
        (
            "The United States allied with the Kurdish militias and other armed groups against "
            "the Islamic State in 2014.",
            ("United States", "COOPERATE", "Kurdish militias"),
            "other armed groups",
        ),
        (
            "More than 2,000 students and other demonstrators marched through Caracas on "
            "Saturday to protest against the election result.",
            ("More than 2,000 students", "PROTEST", None),
            "other demonstrators",
        ),
        (
            "France and other states criticised the Russian annexation of Crimea.",
            ("France", "ACCUSE", "Russia"),
            "other states",
        ),
    ],
)
def test_a_closing_other_conjunct_names_no_actor(
    text: str, kept: tuple[str, str, str | None], dropped: str
) -> None:
    events = coded(text)
    assert kept in events
    assert not any(dropped in (source, target) for source, _, target in events)


def test_an_other_conjunct_with_a_name_stays() -> None:
    # "other MDC leaders" names their party
    events = coded("Police in Harare arrested Morgan Tsvangirai and other MDC leaders on Monday.")
    assert {target for _, _, target in events} >= {"Morgan Tsvangirai", "MDC"}


# -- criticism in a quote: a title before a name is part of the name ------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            'The opposition senator Maria Lopez said: "The decision by President Morales to '
            'close the newspaper is shameful and illegal."',
            ("Maria Lopez", "ACCUSE", "Morales"),
        ),
        (
            'The activist Ana Ruiz told reporters: "The arrests ordered by Governor Alvarez are outrageous."',
            ("Ana Ruiz", "ACCUSE", "Alvarez"),
        ),
        (
            'The union leader Pedro Silva said: "What Prime Minister Okafor did to the strikers '
            'is unacceptable."',
            ("Pedro Silva", "ACCUSE", "Okafor"),
        ),
        (
            'The human rights lawyer Omar Haddad said: "The ban imposed by General Karimov is a disgrace."',
            ("Omar Haddad", "ACCUSE", "Karimov"),
        ),
    ],
)
def test_a_criticised_person_is_named_by_the_name_not_the_title_before_it(
    text: str, expected: tuple[str, str, str]
) -> None:
    assert expected in coded(text)


def test_a_name_before_a_common_noun_still_names_the_criticised() -> None:
    # "Hamas" qualifies "leadership", a common noun: it is the actor named
    events = coded('The minister said: "The Hamas leadership has made a shameful choice."')
    assert any(target == "Hamas" for _, plover, target in events if plover == "ACCUSE")


# -- criticism in a quote: what is a judgement, and of whom ---------------------------------


@pytest.mark.parametrize(
    "text",
    [
        'The interior minister Paul Mensah said: "Our police will dismantle the criminal gangs '
        'that smuggle migrants across the border from Togo."',
        'The defence minister Ali Rahimi said: "We will expand our counter terrorism units with '
        'help from the United States."',
        'The senator Jane Doyle told reporters: "We discussed the terrorist organisations active '
        'in the region with President Lopez."',
    ],
)
def test_a_word_that_classifies_a_noun_judges_no_one(text: str) -> None:
    assert not any(plover == "ACCUSE" for _, plover, _ in coded(text))


def test_an_evaluative_adjective_still_judges() -> None:
    events = coded('The senator Jane Doyle said: "On Monday the government took a shameful decision."')
    assert any(plover == "ACCUSE" and target for _, plover, target in events)


@pytest.mark.parametrize(
    ("text", "victim"),
    [
        (
            'The minister Ahmed Nasser said: "The killing of Hassan Amiri has been reported to the '
            'United Nations."',
            "Hassan Amiri",
        ),
        (
            'The spokesman Tom Reyes said: "The killing of the journalist Maria Santos, in Lagos, '
            'has shocked us all."',
            "Maria Santos",
        ),
        (
            'The mayor Karen Holt said: "We grieve for the death of Governor Alvarez, and the pain '
            'is terrible."',
            "Alvarez",
        ),
    ],
)
def test_who_suffered_an_act_is_not_the_one_criticised(text: str, victim: str) -> None:
    assert not any(
        plover == "ACCUSE" and target and (victim in target or target == "Governor")
        for _, plover, target in coded(text)
    )


@pytest.mark.parametrize(
    "text",
    [
        'The minister Ahmed Nasser said: "The killing of Hassan Amiri has been reported to the '
        'United Nations."',
        'The officer Juan Cruz said: "The killing of two farmers was reported to the governor on Monday."',
        'The witness Ana Mendes said: "The killing in the village was reported to President Lopez."',
    ],
)
def test_a_noun_that_names_an_act_reports_it_and_judges_no_one(text: str) -> None:
    assert not any(plover == "ACCUSE" for _, plover, _ in coded(text))


@pytest.mark.parametrize(
    "text",
    [
        'The monitor Lena Ortiz said: "Since January we have seen shocking abuse in the prisons."',
        'The spokesman Ken Adu said: "On Friday there was outrageous violence against the marchers."',
        'The human rights lawyer Ana Ruiz said: "Last December we documented cruel treatment of detainees."',
    ],
)
def test_a_date_is_never_the_one_criticised(text: str) -> None:
    assert not any(plover == "ACCUSE" for _, plover, _ in coded(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            'The activist Dana Cole said: "Moscow keeps silent about the brutality of the Syrian regime."',
            ("Dana Cole", "ACCUSE", "Syria"),
        ),
        (
            'The senator Maria Lopez said: "Washington ignores the arrogance of President Morales."',
            ("Maria Lopez", "ACCUSE", "Morales"),
        ),
        (
            'The lawyer Omar Haddad said: "The United Nations has documented the cruelty of the Taliban."',
            ("Omar Haddad", "ACCUSE", "Taliban"),
        ),
    ],
)
def test_the_owner_of_a_judged_quality_is_the_one_criticised(
    text: str, expected: tuple[str, str, str]
) -> None:
    assert expected in coded(text)


# -- the recipient's preposition, taken twice: the phrase that names no date ----------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The European Union on Monday called on the government of Kenya to release the journalists.",
            ("European Union", "REQUEST", "Government of Kenya"),
        ),
        (
            "Amnesty International on Tuesday called on the Iranian authorities to free the students.",
            ("Amnesty International", "REQUEST", "Iran"),
        ),
        (
            "The United States on Friday called on Russia to withdraw its troops from the border.",
            ("United States", "REQUEST", "Russia"),
        ),
    ],
)
def test_the_recipient_phrase_is_the_one_that_names_no_date(
    text: str, expected: tuple[str, str, str]
) -> None:
    assert expected in coded(text)


def test_a_date_phrase_alone_gives_no_recipient() -> None:
    events = coded("The United Nations on Friday called for calm in the capital.")
    assert ("United Nations", "REQUEST", None) in events


# -- a meeting with a state and with one of its leaders: one meeting at two grains ----------


@pytest.mark.parametrize(
    ("text", "kept", "merged"),
    [
        (
            "US Secretary of State John Kerry met with Egyptian leaders on Sunday. Kerry met the "
            "Egyptian President Abdel Fattah el-Sisi in Cairo in the afternoon.",
            ("John Kerry", "CONSULT", "Egypt"),
            "Abdel Fattah el-Sisi",
        ),
        (
            "The French foreign minister Laurent Fabius met with Israeli and Palestinian leaders on "
            "Monday. Fabius met the Israeli Prime Minister Benjamin Netanyahu in Jerusalem.",
            ("Laurent Fabius", "CONSULT", "Israel"),
            "Benjamin Netanyahu",
        ),
        (
            "The German chancellor Angela Merkel met with Russian leaders on Tuesday. Merkel met the "
            "Russian President Vladimir Putin in Sochi in the evening.",
            ("Angela Merkel", "CONSULT", "Russia"),
            "Vladimir Putin",
        ),
    ],
)
def test_meeting_a_state_and_its_leader_is_one_meeting(
    text: str, kept: tuple[str, str, str], merged: str
) -> None:
    events = coded(text)
    assert kept in events
    assert not any(target == merged for _, _, target in events)


@pytest.mark.parametrize(
    ("text", "both"),
    [
        # a leader of another state is another meeting
        (
            "US Secretary of State John Kerry met with Egyptian leaders on Sunday. Kerry met the "
            "Jordanian King Abdullah in Amman on Monday.",
            {"Egypt", "Jordanian King Abdullah"},
        ),
        # an attack on a state and the killing of one of its commanders are two acts
        (
            "Israeli troops attacked Lebanon on Monday. Israeli troops killed the Lebanese commander "
            "Ali Hassan on Tuesday.",
            {"Lebanon", "Ali Hassan"},
        ),
    ],
)
def test_other_states_and_other_acts_stay_apart(text: str, both: set[str]) -> None:
    assert {target for _, _, target in coded(text)} >= both


# -- direct speech about people in general is about no one ---------------------------------

_IRAN = "Protests continued across Iran on Monday. "


@pytest.mark.parametrize(
    "text",
    [
        _IRAN + '"Students have been arrested for peacefully expressing their views," said the '
        "Amnesty researcher Sara Kline.",
        '"Every year 300 farmers are killed by armed gangs in the region," the Nigerian minister '
        "Paul Okoye said.",
        '"We recognize the rights of workers," the Chilean president Sebastian Pinera said on Monday.',
        _IRAN + '"Reporters are being detained every day," said the Amnesty researcher Sara Kline.',
    ],
)
def test_direct_speech_about_a_bare_plural_is_no_event(text: str) -> None:
    assert not any(plover in ("COERCE", "ASSAULT", "SUPPORT") for _, plover, _ in coded(text))


@pytest.mark.parametrize(
    "text",
    [
        # the students the speaker identifies
        _IRAN + '"The police arrested the students on Monday," said the Amnesty researcher Sara Kline.',
        # the reporter's words, not the speaker's
        _IRAN
        + "The Amnesty researcher Sara Kline said students have been arrested for expressing their views.",
    ],
)
def test_identified_people_and_indirect_speech_keep_the_event(text: str) -> None:
    assert ("Iran", "COERCE", "students") in coded(text)


# -- a group and the members of it the text names ------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The Zimbabwean government banned several aid groups, including Oxfam and CARE "
            "International, on Monday.",
            {"Oxfam", "CARE International"},
        ),
        (
            "Several opposition parties, including the Movement for Democratic Change, were banned "
            "by the Zimbabwean government.",
            {"Movement for Democratic Change"},
        ),
        (
            "The Congolese army attacked rebel groups such as the Allied Democratic Forces near Beni.",
            {"Allied Democratic Forces"},
        ),
        (
            "Iranian police arrested several journalists, including Maziar Bahari, in Tehran on Monday.",
            {"Maziar Bahari"},
        ),
    ],
)
def test_the_named_members_of_a_group_are_its_targets(text: str, expected: set[str]) -> None:
    assert {target for _, _, target in coded(text)} == expected


def test_a_group_with_no_member_named_stays_the_target() -> None:
    events = coded("The Zimbabwean government banned several aid groups on Monday.")
    assert ("Government of Zimbabwe", "COERCE", "aid groups") in events


# -- judging a thing judges who made or backed it ------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The Israeli government rejected a peace plan put forward by the Arab League on Monday.",
            ("Government of Israel", "REJECT", "Arab League"),
        ),
        (
            "Russia criticised the resolution drafted by France and Britain.",
            ("Russia", "ACCUSE", "United Kingdom"),
        ),
        (
            "The United States welcomed the ceasefire agreement brokered by Egypt.",
            ("United States", "SUPPORT", "Egypt"),
        ),
        (
            "A peace plan backed by the African Union was rejected by the Sudanese government.",
            ("Government of Sudan", "REJECT", "African Union"),
        ),
    ],
)
def test_judging_a_thing_targets_who_made_or_backed_it(text: str, expected: tuple[str, str, str]) -> None:
    assert expected in coded(text)


def test_a_thing_with_no_maker_named_gives_no_target() -> None:
    events = coded("The Israeli government rejected the peace plan on Monday.")
    assert ("Government of Israel", "REJECT", None) in events


# -- a document with no author named judges no one -----------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        'Protests continued in Iran on Monday. "The government\'s treatment of students is shameful," '
        "a statement said.",
        'Troops entered the town on Friday. "The behaviour of the Ethiopian government is outrageous," '
        "the letter said.",
        'Troops entered the town on Friday. "The behaviour of the Ethiopian government is outrageous," '
        "the communique said.",
    ],
)
def test_a_document_with_no_author_is_no_critic(text: str) -> None:
    assert not any(plover == "ACCUSE" for _, plover, _ in coded(text))


def test_a_document_with_its_author_speaks_for_the_author() -> None:
    text = (
        'Protests continued in Iran on Monday. "The government\'s treatment of students is shameful," '
        "a statement from Amnesty International said."
    )
    assert ("Amnesty International", "ACCUSE", "Government of Iran") in coded(text)


# -- "the Republican and Democratic parties": one organisation per name ---------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Russian hackers attacked the servers of the Republican and Democratic parties in 2016.",
            {"Republican Party", "Democratic Party"},
        ),
        (
            "The Turkish government banned the Islamist and Kurdish parties on Monday.",
            {"Islamist Party", "Kurdish Party"},
        ),
        (
            "The Egyptian government banned the Islamist and Salafist movements in 2013.",
            {"Islamist", "Salafist"},
        ),
    ],
)
def test_coordinated_names_before_an_organisation_noun_are_one_organisation_each(
    text: str, expected: set[str]
) -> None:
    assert {target for _, _, target in coded(text)} == expected


@pytest.mark.parametrize(
    ("text", "target"),
    [
        # people, not organisations: one group described by two nationalities
        (
            "The army shelled villages and killed Israeli and Palestinian civilians.",
            "Israeli and Palestinian civilians",
        ),
        ("The government banned the opposition parties on Monday.", "opposition parties"),
    ],
)
def test_other_plural_descriptions_stay_whole(text: str, target: str) -> None:
    assert target in {t for _, _, t in coded(text)}


# -- a vehicle is no actor: the people in it are -------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The Thai navy turned away boats of Rohingya refugees on Monday.",
            ("Thailand", "COERCE", "Rohingya refugees"),
        ),
        (
            "Taliban militants attacked a vehicle of aid workers near Kabul on Tuesday.",
            ("Taliban militants", "ASSAULT", "aid workers near Kabul"),
        ),
    ],
)
def test_the_people_a_vehicle_carries_are_the_target(text: str, expected: tuple[str, str, str]) -> None:
    assert expected in coded(text)


def test_a_vessel_is_never_a_target() -> None:
    events = coded("Somali pirates seized a vessel of Indian sailors in the Gulf of Aden.")
    assert events and not any(target and "vessel" in target for _, _, target in events)


def test_aircraft_of_a_state_still_stand_for_it() -> None:
    events = coded("U.S. helicopters attacked Taliban positions near Kandahar on Friday.")
    assert ("United States", "ASSAULT", "Taliban positions") in events


# -- one speaks for the organisation one's title names ---------------------------------------


@pytest.mark.parametrize(
    ("text", "own"),
    [
        (
            'Jens Stoltenberg, the chief of NATO, said: "As terrorism remains a brutal threat, NATO '
            'will stand firm."',
            "NATO",
        ),
        (
            'Ahmed Yousef, a spokesman for Hamas, said: "Hamas will never accept this shameful siege."',
            "Hamas",
        ),
        (
            'Moussa Faki, the head of the African Union, said: "The violence is outrageous, and the '
            'African Union will send observers."',
            "African Union",
        ),
    ],
)
def test_a_speaker_does_not_criticise_the_body_his_title_names(text: str, own: str) -> None:
    assert not any(plover == "ACCUSE" and target == own for _, plover, target in coded(text))


def test_a_speaker_still_criticises_others() -> None:
    text = 'Jens Stoltenberg, the chief of NATO, said: "The Russian government\'s conduct is shameful."'
    assert ("Jens Stoltenberg", "ACCUSE", "Government of Russia") in coded(text)


# -- an intent to meet needs someone to meet, as a meeting does -----------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Russia will hold talks in Moscow on Monday.",
        "The United Nations Security Council will hold consultations on Friday.",
        "The Arab League will hold an urgent meeting on Sunday in order to discuss the Israeli air strikes.",
        "Iran will hold negotiations in Vienna next month.",
    ],
)
def test_an_intent_to_meet_nobody_named_is_no_event(text: str) -> None:
    assert not any(plover == "AGREE" for _, plover, _ in coded(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Arab League will hold talks with Iran on Sunday.", ("Arab League", "AGREE", "Iran")),
        # coordinated sources meet each other
        ("Israel and Syria will hold talks in Ankara next week.", ("Israel", "AGREE", "Syria")),
    ],
)
def test_an_intent_to_meet_someone_stays(text: str, expected: tuple[str, str, str]) -> None:
    assert expected in coded(text)
