"""More entity rules for unseen news (issue 16, part 1, second pass): each rule with sentences
written for the test; the real model runs because every rule reads its tags, parse or NER."""

from __future__ import annotations

import pytest

from tests.test_entities_unseen import entities, named


def kinds(text: str) -> list[tuple[str, str]]:
    return [(e.name, e.type) for e in entities(text)]


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Visit\n\nThe envoy travelled to the West Bank on Monday to meet local mayors.", "West Bank"),
        ("Settlers\n\nNew homes were approved in the West Bank despite objections.", "West Bank"),
        ("Border\n\nTrucks from the West Bank waited for hours at the crossing.", "West Bank"),
    ],
)
def test_a_place_list_name_with_an_org_word_in_it_stays_a_place(text: str, place: str) -> None:
    found = named(entities(text), place)
    assert found is not None and found.type == "GPE", kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        "Truce\n\nLeaders of Fatah met in Ramallah on Sunday to discuss the truce.",
        "Vote\n\nFatah won most seats in the local council election, officials said.",
        "Split\n\nThe rift between Hamas and Fatah deepened after the vote.",
    ],
)
def test_a_group_of_the_non_state_actor_dictionary_is_no_place(text: str) -> None:
    found = named(entities(text), "Fatah")
    assert found is None or found.type != "GPE", kinds(text)


@pytest.mark.parametrize(
    ("text", "city"),
    [
        ("Exit\n\nThe diplomats were told to leave Nairobi within two days.", "Nairobi"),
        ("Siege\n\nRebel units tried to enter Kabul before dawn on Sunday.", "Kabul"),
        ("Trial\n\nThe case was heard by a court in Karrada, Baghdad trying two guards.", "Baghdad"),
    ],
)
def test_a_capital_that_is_a_place_in_its_clause_stays_the_city(text: str, city: str) -> None:
    found = named(entities(text), city)
    assert found is not None and found.type == "GPE", kinds(text)


def test_a_capital_that_acts_still_stands_for_its_country() -> None:
    text = "Row\n\nWashington accused Moscow of lying about the missiles."
    assert {"United States", "Russia"} <= {e.name for e in entities(text)}, kinds(text)


@pytest.mark.parametrize(
    ("text", "place"),
    [
        (
            "Relief\n\nAid reached Kampala, Gulu, Jinja, Kitgum Matidi and Entebbe by Friday.",
            "Kitgum Matidi",
        ),
        ("Visit\n\nShe grew up in Peebles, Borders, Scotland, before moving south.", "Borders"),
        (
            "Cholera\n\nCases were reported in Suba, Migori, Oyugis Karachuonyo and Kisumu last week.",
            "Oyugis Karachuonyo",
        ),
    ],
)
def test_a_name_between_places_in_a_list_is_a_place(text: str, place: str) -> None:
    found = named(entities(text), place)
    assert found is not None and found.type == "GPE", kinds(text)


def test_a_list_of_places_closed_by_an_untagged_name_takes_it_as_a_place() -> None:
    text = 'Alert\n\nOfficials named "Busia, Kisumu, Kericho, Nakuru, Voi and Mombasa".'
    found = named(entities(text), "Mombasa")
    assert found is not None and found.type == "GPE", kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        "Crew\n\nThe two men came from Brisbane, Australia and Paul Hale, 37, from Leeds.",
        "Panel\n\nSpeakers came from Kenya, Uganda and Mary Wanjiru of the university.",
        "Trip\n\nHe visited Paris, London, and Anna Berg, his sister, in May.",
    ],
)
def test_a_person_with_a_given_name_next_to_a_list_of_places_stays_a_person(text: str) -> None:
    people = [e for e in entities(text) if e.type == "PERSON"]
    assert people, kinds(text)


@pytest.mark.parametrize(
    ("text", "place", "bare"),
    [
        (
            "Outbreak\n\nMost cases were in Nyanza Province. Health teams in Nyanza asked for more staff.",
            "Nyanza Province",
            "Nyanza",
        ),
        (
            "Truce\n\nRockets were fired from the Gaza Strip on Monday. Lorries waited outside Gaza.",
            "Gaza Strip",
            "Gaza",
        ),
        (
            "Vote\n\nTurnout was high in Kandahar Province, and observers in Kandahar praised the count.",
            "Kandahar Province",
            "Kandahar",
        ),
    ],
)
def test_a_place_named_without_its_kind_word_is_the_same_place(text: str, place: str, bare: str) -> None:
    found = entities(text)
    entity = named(found, place)
    assert entity is not None and bare in entity.aliases, kinds(text)
    assert named(found, bare) is None, kinds(text)


def test_a_country_is_not_merged_into_its_capital_city() -> None:
    text = "Visit\n\nThe emir left Kuwait City on Sunday. Kuwait has sent aid to the region."
    names = {e.name for e in entities(text)}
    assert "Kuwait" in names, kinds(text)


@pytest.mark.parametrize(
    ("text", "org"),
    [
        ("Crash\n\nThe US Air Force said two of its pilots were killed on Monday.", "US Air Force"),
        (
            "Talks\n\nA Kenya Foreign Ministry statement said the envoy had been recalled.",
            "Kenya Foreign Ministry",
        ),
        ("Drill\n\nThe Japan Coast Guard said two boats had entered its waters.", "Japan Coast Guard"),
    ],
)
def test_a_country_before_an_organisation_word_stays_in_the_name(text: str, org: str) -> None:
    found = [e for e in entities(text) if e.type == "ORG"]
    assert any(org in (e.name, *e.aliases) for e in found), kinds(text)


@pytest.mark.parametrize(
    ("text", "joined"),
    [
        ("Vote\n\nThe general defended the plan before the US Senate yesterday.", "US Senate"),
        (
            "Hearing\n\nThe admiral testified before the US Senate yesterday about the fleet.",
            "US Senate",
        ),
        ("Hearing\n\nHe testified to the US Senate about the budget. The Senate then voted.", "US Senate"),
    ],
)
def test_a_country_right_before_a_lexicon_body_without_a_country_is_part_of_its_name(
    text: str, joined: str
) -> None:
    found = [e for e in entities(text) if e.type == "ORG"]
    hit = next((e for e in found if joined in (e.name, *e.aliases)), None)
    assert hit is not None and hit.country == "USA", kinds(text)
    assert len(found) == 1, kinds(text)


@pytest.mark.parametrize(
    ("text", "body", "parent"),
    [
        (
            "Veto\n\nThe U.N. Security Council met on Friday. The UN said aid would follow.",
            "United Nations Security Council",
            "United Nations",
        ),
        (
            "Sanctions\n\nThe UN Security Council voted on the plan, and the United Nations sent envoys.",
            "United Nations Security Council",
            "United Nations",
        ),
        (
            "Camps\n\nThe United Nations High Commissioner for Refugees asked the United Nations for funds.",
            "United Nations High Commissioner for Refugees",
            "United Nations",
        ),
    ],
)
def test_two_lexicon_bodies_named_one_inside_the_other_stay_two_entities(
    text: str, body: str, parent: str
) -> None:
    names = {e.name for e in entities(text)}
    assert {body, parent} <= names, kinds(text)


@pytest.mark.parametrize(
    ("text", "thing"),
    [
        ("Arms\n\nThe convoy included Leopard tanks and Gvozdika howitzers from the depot.", "Leopard"),
        ("Arms\n\nThe unit received Patriot missiles and new Humvee vehicles last year.", "Patriot"),
        ("Navy\n\nThe frigate HMS Dauntless sailed for the gulf, and the USS Carney followed.", "Dauntless"),
        ("Navy\n\nA Daegu-class frigate was launched at the yard on Friday.", "Daegu"),
        (
            "Arms\n\nThe army showed its Bradford Armoured Vehicles at the parade.",
            "Bradford Armoured Vehicles",
        ),
    ],
)
def test_a_name_of_a_weapon_a_vehicle_or_a_ship_is_no_entity(text: str, thing: str) -> None:
    assert named(entities(text), thing) is None, kinds(text)


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Memory\n\nWreaths were laid on the anniversary of the Babyn massacre this week.", "Babyn"),
        ("Inquiry\n\nThe report into the Tenerife air disaster was published in full.", "Tenerife"),
        ("Peace\n\nDelegates said the Madrid process had stalled since the spring.", "Madrid"),
    ],
)
def test_a_place_that_names_an_event_is_no_entity_mention(text: str, place: str) -> None:
    assert named(entities(text), place) is None, kinds(text)


def test_a_country_before_an_artifact_noun_stays_a_country() -> None:
    text = "Arms\n\nUkraine tanks and Polish artillery crossed the river."
    assert named(entities(text), "Ukraine") is not None, kinds(text)


@pytest.mark.parametrize(
    ("text", "parties"),
    [
        (
            "Leak\n\nThe emails of the Republican and Democratic parties were stolen in June.",
            {"Republican Party", "Democratic Party"},
        ),
        ("Defection\n\nThe mayor left the Socialist party in May after a row.", {"Socialist Party"}),
        (
            "Poll\n\nSupport for the Democratic and Republican parties fell last month.",
            {"Democratic Party", "Republican Party"},
        ),
    ],
)
def test_an_adjective_modifying_party_names_a_party(text: str, parties: set[str]) -> None:
    orgs = {e.name for e in entities(text) if e.type == "ORG"}
    assert parties <= orgs, kinds(text)


@pytest.mark.parametrize(
    ("text", "party"),
    [
        ("Vote\n\nAnna Berg from the Liberal Democrats said the bill was fair.", "Liberal Democrats"),
        ("Vote\n\nThe Sweden Democrats gained seats in the election.", "Sweden Democrats"),
        (
            "Coalition\n\nThe Christian Democrats agreed to join the coalition on Friday.",
            "Christian Democrats",
        ),
    ],
)
def test_a_group_name_ending_in_a_party_member_plural_is_a_party(text: str, party: str) -> None:
    found = named(entities(text), party)
    assert found is not None and found.type == "ORG", kinds(text)


def test_an_organisation_before_party_keeps_its_name() -> None:
    text = "Truce\n\nLeaders of the Hamas party met officials in Cairo."
    assert named(entities(text), "Hamas") is not None, kinds(text)


@pytest.mark.parametrize(
    ("text", "long_form", "short"),
    [
        (
            "Study\n\nThe Global Institute for Water Security, or GIWS, published it. GIWS said so.",
            "Global Institute for Water Security",
            "GIWS",
        ),
        (
            "Arrest\n\nPolice held a leader of the Popular Liberation Front - PLF. The PLF denied it.",
            "Popular Liberation Front",
            "PLF",
        ),
        (
            "Report\n\nThe Kenya Wildlife Service, or KWS, counted the herds. KWS rangers then left.",
            "Kenya Wildlife Service",
            "KWS",
        ),
    ],
)
def test_a_short_form_defined_after_a_comma_or_a_dash_joins_its_long_form(
    text: str, long_form: str, short: str
) -> None:
    found = named(entities(text), long_form)
    assert found is not None and short in found.aliases, kinds(text)
    assert named(entities(text), short) is None, kinds(text)


@pytest.mark.parametrize(
    ("text", "body"),
    [
        ("Parks\n\nThe Kenya Wildlife Service counted the herds on Monday.", "Kenya Wildlife Service"),
        (
            "Ports\n\nThe Kenya Ports Authority cut fees in May.",
            "Kenya Ports Authority",
        ),
        ("Rail\n\nThe Tanzania Railways Corporation cut fares in May.", "Tanzania Railways Corporation"),
    ],
)
def test_a_country_opening_an_organisation_name_stays_in_it(text: str, body: str) -> None:
    found = named(entities(text), body)
    assert found is not None and found.type == "ORG", kinds(text)


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("Radio\n\nThe minister told CNN's Spanish service that talks would resume.", "Spain"),
        ("Food\n\nThe town has a new Italian restaurant near the station.", "Italy"),
        ("Class\n\nThe school now offers Japanese language classes to adults.", "Japan"),
    ],
)
def test_a_demonym_naming_a_language_or_a_culture_is_no_mention_of_its_country(
    text: str, country: str
) -> None:
    assert named(entities(text), country) is None, kinds(text)


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Raid\n\nGunmen attacked the market in Jebel Marra on Sunday, witnesses said.", "Jebel Marra"),
        ("Raid\n\nResidents of Ras Lanuf fled on Friday.", "Ras Lanuf"),
        ("Clash\n\nFighting broke out again near Deir Hafer overnight.", "Deir Hafer"),
    ],
)
def test_a_name_opened_by_an_arabic_place_word_is_a_place(text: str, place: str) -> None:
    found = named(entities(text), place)
    assert found is not None and found.type == "GPE", kinds(text)


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("Flood\n\nOkonta Amadiume, the district commissioner, said roads were closed.", "Okonta Amadiume"),
        ("Strike\n\nTsegaye Wolde, a spokesman for the union, said talks had failed.", "Tsegaye Wolde"),
        ("Talks\n\nMekonnen Tessema, a spokesman for the union, said talks had failed.", "Mekonnen Tessema"),
    ],
)
def test_an_untagged_name_before_a_comma_and_a_title_is_a_person(text: str, person: str) -> None:
    found = named(entities(text), person)
    assert found is not None and found.type == "PERSON" and found.titles, kinds(text)


def test_a_body_or_a_place_before_a_comma_and_a_title_is_no_person() -> None:
    text = "Visit\n\nAt the United Nations Headquarters, the ambassador said food was no weapon."
    assert not [e for e in entities(text) if e.type == "PERSON"], kinds(text)


@pytest.mark.parametrize(
    ("text", "person", "alias"),
    [
        (
            "Profile\n\nThe singer Maria Fernanda Costa, known as Nanda Vox, opened the festival.",
            "Maria Fernanda Costa",
            "Nanda Vox",
        ),
        (
            "Trial\n\nThe court heard that Pedro Alvarez Ruiz, also known as Pablo Mena, ran the network.",
            "Pedro Alvarez Ruiz",
            "Pablo Mena",
        ),
        (
            "Arrest\n\nPolice detained Samuel Okoro, nicknamed Johnny Bull, on Monday.",
            "Samuel Okoro",
            "Johnny Bull",
        ),
    ],
)
def test_a_name_after_known_as_is_the_same_person(text: str, person: str, alias: str) -> None:
    found = entities(text)
    entity = named(found, person)
    assert entity is not None and alias in entity.aliases, kinds(text)
    assert named(found, alias) is None, kinds(text)


@pytest.mark.parametrize(
    ("text", "first", "second"),
    [
        ("Bail\n\nAmina and Yusuf Haddad offered their home as surety.", "Amina Haddad", "Yusuf Haddad"),
        (
            "Award\n\nThe prize went to Greta and Lars Nilsson for their work.",
            "Greta Nilsson",
            "Lars Nilsson",
        ),
        ("Farm\n\nWanjiru and Peter Kamau run the farm near the lake.", "Wanjiru Kamau", "Peter Kamau"),
    ],
)
def test_a_given_name_joined_to_a_full_name_shares_its_surname(text: str, first: str, second: str) -> None:
    names = {e.name for e in entities(text) if e.type == "PERSON"}
    assert {first, second} <= names, kinds(text)


def test_an_organisation_joined_to_a_full_name_is_no_person() -> None:
    text = "Deal\n\nHamas and Mohammed Dahlan agreed on the plan."
    assert "Hamas Dahlan" not in {e.name for e in entities(text)}, kinds(text)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        (
            "Outbreak kills 60 in the north\n\nOfficials reported more cholera cases.\n\n"
            "Cholera is a waterborne disease and causes serious diarrhea.",
            "Cholera",
        ),
        (
            "Disease spreads in camps\n\nAid groups saw more typhoid this week.\n\n"
            "Typhoid is a bacterial disease that spreads in dirty water.",
            "Typhoid",
        ),
        (
            "Outbreak kills 60 in the north\n\nThe outbreak began in May.",
            "Outbreak",
        ),
    ],
)
def test_a_word_the_article_also_writes_in_lower_case_is_no_name(text: str, word: str) -> None:
    assert named(entities(text), word) is None, kinds(text)


def test_a_known_organisation_written_like_a_common_word_stays() -> None:
    text = "Vote\n\nLabour won the seat. The party promised better pay for labour in the mines."
    assert named(entities(text), "Labour Party") is not None, kinds(text)


@pytest.mark.parametrize(
    ("text", "person", "title"),
    [
        (
            "Title\n\nOn Friday in Nakuru, Director of Veterinary Service Dr. Mary Chege spoke.",
            "Dr. Mary Chege",
            "Director of Veterinary Service",
        ),
        (
            "Water\n\nAt a briefing in Mombasa, Director of Water Service Dr. Paul Otieno spoke.",
            "Dr. Paul Otieno",
            "Director of Water Service",
        ),
        (
            "Health\n\nIn Kisumu on Monday, Director of Public Health Service Dr. Ann Were opened a clinic.",
            "Dr. Ann Were",
            "Director of Public Health Service",
        ),
    ],
)
def test_a_title_complement_ends_before_the_holders_honorific(text: str, person: str, title: str) -> None:
    found = entities(text)
    holder = named(found, person)
    assert holder is not None and title in holder.titles, kinds(text)
    assert [e.name for e in found if e.type == "PERSON"] == [person], kinds(text)


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ('Rule\n\nPresident Hugo Ramos spoke. "In Bolivia Ramos rules alone," a critic said.', "Hugo Ramos"),
        (
            'Power\n\nPresident Dina Boluarte spoke. "In Peru Boluarte does not rule," a critic said.',
            "Dina Boluarte",
        ),
        (
            'Power\n\nPresident Hugo Ramos spoke. "In Ecuador Ramos does not rule," a critic said.',
            "Hugo Ramos",
        ),
    ],
)
def test_a_country_before_a_known_surname_is_no_part_of_the_name(text: str, person: str) -> None:
    people = [e for e in entities(text) if e.type == "PERSON"]
    assert [e.name for e in people] == [person], kinds(text)


@pytest.mark.parametrize(
    ("text", "org", "alias"),
    [
        (
            "Aid\n\nThe ministry asked the United Nations Children's Fund for help. UNICEF sent tents.",
            "UNICEF",
            "United Nations Children's Fund",
        ),
        (
            "Clinic\n\nDoctors Without Borders opened a clinic. MSF said it treated 300 people.",
            "Médecins Sans Frontières",
            "MSF",
        ),
        (
            "Oil\n\nThe Organization of the Petroleum Exporting Countries met. OPEC kept output flat.",
            "OPEC",
            "Organization of the Petroleum Exporting Countries",
        ),
    ],
)
def test_a_known_organisation_named_by_its_long_and_short_forms_is_one_entity(
    text: str, org: str, alias: str
) -> None:
    found = [e for e in entities(text) if e.type == "ORG"]
    assert [e.name for e in found] == [org], kinds(text)
    assert alias in found[0].aliases or alias == found[0].name, kinds(text)


@pytest.mark.parametrize(
    ("text", "feature"),
    [
        ("Border\n\nTroops were sent to patrol the Korean Peninsula coast last week.", "Korean Peninsula"),
        ("Border\n\nSmugglers crossed the Sinai Peninsula at night, officials said.", "Sinai Peninsula"),
        ("Floods\n\nWater rose along the Tana and Galana rivers after the rains.", "Tana"),
    ],
)
def test_a_natural_feature_is_no_geopolitical_entity(text: str, feature: str) -> None:
    found = named(entities(text), feature)
    assert found is None or found.type not in {"GPE", "PERSON"}, kinds(text)


@pytest.mark.parametrize(
    ("text", "facility"),
    [
        (
            "Visit\n\nHis family went to the Nairobi West Detention Centre on Sunday.",
            "Nairobi West Detention Centre",
        ),
        ("Summit\n\nLeaders met at the Kigali Convention Centre on Friday.", "Kigali Convention Centre"),
        ("Fire\n\nA fire broke out at the Westgate Shopping Center on Monday.", "Westgate Shopping Center"),
    ],
)
def test_a_centre_named_as_a_facility_is_no_organisation(text: str, facility: str) -> None:
    assert named(entities(text), facility) is None, kinds(text)


@pytest.mark.parametrize(
    ("text", "plural"),
    [
        ("Trade\n\nTrade between the two Koreas stopped in 2016.", "Koreas"),
        ("Talks\n\nEnvoys from both Sudans met in Addis Ababa on Friday.", "Sudans"),
        ("Talks\n\nEnvoys from both Congos met in Luanda on Friday.", "Congos"),
    ],
)
def test_the_plural_of_a_country_names_no_one_entity(text: str, plural: str) -> None:
    assert named(entities(text), plural) is None, kinds(text)


@pytest.mark.parametrize(
    ("text", "org"),
    [
        (
            "Profile\n\nShe is a member of the Frente de Libertação de Moçambique since 1990.",
            "Frente de Libertação de Moçambique",
        ),
        ("Profile\n\nHe was a member of the Foro de Porto Alegre and a teacher.", "Foro de Porto Alegre"),
    ],
)
def test_a_romance_particle_inside_a_title_complement_keeps_the_name_whole(text: str, org: str) -> None:
    found = entities(text)
    assert named(found, org) is not None, kinds(text)
    assert not [e for e in found if e.type == "PERSON"], kinds(text)


@pytest.mark.parametrize(
    ("text", "org"),
    [
        (
            "Vote\n\nThe Order and Progress Party won most seats on Sunday.",
            "Order and Progress Party",
        ),
        (
            "Rally\n\nThousands backed the Land and Freedom Movement in the capital on Sunday.",
            "Land and Freedom Movement",
        ),
        (
            "Poll\n\nSupport for the Bread and Work Alliance grew in the north this spring.",
            "Bread and Work Alliance",
        ),
    ],
)
def test_an_untagged_name_closed_by_a_political_body_word_is_an_organisation(text: str, org: str) -> None:
    found = named(entities(text), org)
    assert found is not None and found.type == "ORG", kinds(text)


@pytest.mark.parametrize(
    ("text", "town"),
    [
        (
            "Sites\n\nSites include towns such as Qom (2005) and Yazd"
            " with a population of about 300,000 (2005).",
            "Yazd",
        ),
        (
            "Sites\n\nSites include towns such as Qom (2005) and Gorgan"
            " with a population of about 300,000 (2005).",
            "Gorgan",
        ),
        (
            "Sites\n\nSites include towns such as Qom (2005) and Semnan"
            " with a population of about 300,000 (2005).",
            "Semnan",
        ),
    ],
)
def test_a_town_followed_by_its_population_is_a_place(text: str, town: str) -> None:
    found = named(entities(text), town)
    assert found is not None and found.type == "GPE", kinds(text)


@pytest.mark.parametrize(
    ("text", "org", "translation"),
    [
        (
            "Strike\n\nThe leader of the Federación Nacional de Mineros - National Federation of Miners"
            " spoke.",
            "Federación Nacional de Mineros",
            "National Federation of Miners",
        ),
        (
            "Talks\n\nDelegates of the Unión de Campesinos del Sur - Union of Southern Farmers"
            " met the minister.",
            "Unión de Campesinos del Sur",
            "Union of Southern Farmers",
        ),
        (
            "Union\n\nThe union leader of CTV (Confederación de Trabajadores de Venezuela - Confederation of"
            " Workers of Venezuela) spoke.",
            "Confederación de Trabajadores de Venezuela",
            "Confederation of Workers of Venezuela",
        ),
    ],
)
def test_two_names_joined_by_a_spaced_dash_are_one_organisation(
    text: str, org: str, translation: str
) -> None:
    found = [e for e in entities(text) if e.type == "ORG"]
    assert [e.name for e in found] == [org] and translation in found[0].aliases, kinds(text)


def test_a_full_name_before_and_shares_no_surname() -> None:
    text = "Court\n\nWith Ana Ruiz and Eva Kim at the meeting, she spoke."
    names = {e.name for e in entities(text) if e.type == "PERSON"}
    assert not any(n.endswith("Ruiz Kim") for n in names), kinds(text)
