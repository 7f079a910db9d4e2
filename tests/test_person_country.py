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


# --- issue 16, pc16: more kinds of evidence about the person ------------------------------------


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        ("Ana Petrova, a Bulgarian, won the women's race in Berlin.", "Ana Petrova", "BGR"),
        ("Tim Ryan, a Briton living in Spain, was freed on Monday.", "Tim Ryan", "GBR"),
        ("Jonas Berg, a Norwegian who has lived in Chile for years, was arrested.", "Jonas Berg", "NOR"),
    ],
)
def test_a_nationality_noun_in_apposition(text: str, name: str, country: str) -> None:
    assert person(text, name).country == country


def test_a_place_lived_in_is_no_nationality() -> None:
    text = "Tom Hale, a teacher who has lived in Chile for years, was arrested on Monday."
    assert person(text, "Tom Hale").country is None


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        ("A Somalia-born man, Abdi Warsame, was charged in Oslo on Friday.", "Abdi Warsame", "SOM"),
        ("The court heard that Ghana-born nurse Abena Mensah had worked there.", "Abena Mensah", "GHA"),
        ("Lena Weiss, a Vienna-born architect, designed the new museum.", "Lena Weiss", "AUT"),
    ],
)
def test_a_place_of_birth_written_with_born(text: str, name: str, country: str) -> None:
    assert person(text, name).country == country


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        (
            "Ukrainian President Ivan Bondar received his Moldovan counterparts, President Ana Rusu "
            "and Prime Minister Victor Popa, in Kyiv.",
            "Ana Rusu",
            "MDA",
        ),
        (
            "Ukrainian President Ivan Bondar received his Moldovan counterparts, President Ana Rusu "
            "and Prime Minister Victor Popa, in Kyiv.",
            "Victor Popa",
            "MDA",
        ),
        (
            "The police named two Kenyan runners, Peter Kipchoge and Mary Wambui, as the victims.",
            "Mary Wambui",
            "KEN",
        ),
        ("Chile's negotiators, Ana Ruiz and Pablo Soto, left the room.", "Pablo Soto", "CHL"),
    ],
)
def test_a_group_with_a_nationality_in_apposition_before_the_names(
    text: str, name: str, country: str
) -> None:
    assert person(text, name).country == country


@pytest.mark.parametrize(
    "text",
    [
        "Malawian police questioned two visitors, John Okafor and Ade Bello, in Lilongwe.",
        "After meeting Kenyan officials, John Bello said the talks went well.",
        "The company's lawyers, Tom Hale and John Bello, declined to comment.",
    ],
)
def test_names_after_a_group_without_nationality_stay_unknown(text: str) -> None:
    assert person(text, "Bello").country is None


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        ("Iran and its president Ebrahim Raisi rejected the offer.", "Ebrahim Raisi", "IRN"),
        (
            "The Kenyan Foreign Ministry and its minister, Ruth Achieng, denied the report.",
            "Ruth Achieng",
            "KEN",
        ),
        ("Poland said its foreign minister, Jan Lis, would attend the talks.", "Jan Lis", "POL"),
    ],
)
def test_its_or_their_title_takes_the_country_it_refers_to(text: str, name: str, country: str) -> None:
    assert person(text, name).country == country


def test_a_visitor_to_a_country_keeps_no_country_of_the_host() -> None:
    text = "Nigerian officials arrived in Malawi, and its president met the envoy Ade Bello in Lilongwe."
    assert person(text, "Ade Bello").country is None


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        (
            "Thousands marched against the inauguration of Tom Walker as president of the United States.",
            "Tom Walker",
            "USA",
        ),
        ("Ana Rusu, who was elected as Moldova's president in 2020, spoke on Monday.", "Ana Rusu", "MDA"),
        ("Victor Popa, who served as Moldova's prime minister, died on Monday.", "Victor Popa", "MDA"),
    ],
)
def test_as_a_title_of_a_country(text: str, name: str, country: str) -> None:
    assert person(text, name).country == country


def test_an_ambassador_to_a_country_is_not_of_that_country() -> None:
    text = "Anna Berg was appointed as ambassador to France on Monday."
    assert person(text, "Anna Berg").country is None


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        ("Rep. Tim Ryan (D-Ohio) said the bill would pass.", "Tim Ryan", "USA"),
        ("Sen. Ted Cruz (R-Texas) blocked the vote on Tuesday.", "Ted Cruz", "USA"),
        ("The amendment by Rep. Pat Lee (D-Vermont) failed.", "Pat Lee", "USA"),
        ("Sen. Ana Ruiz (D-NY) voted no.", "Ana Ruiz", "USA"),
    ],
)
def test_a_party_and_state_in_brackets(text: str, name: str, country: str) -> None:
    assert person(text, name).country == country


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        (
            "Turkey has prosecuted Turkish writers who discuss the war, including novelist Ayse Kaya.",
            "Ayse Kaya",
            "TUR",
        ),
        ("Several Ghanaian players, including Kwame Mensah, missed the flight.", "Kwame Mensah", "GHA"),
        ("Kenyan runners such as Mary Wambui won the race.", "Mary Wambui", "KEN"),
        ("Turkey jailed Turkish writers who criticised the war, including Ayse Kaya.", "Ayse Kaya", "TUR"),
    ],
)
def test_a_member_of_a_group_with_a_nationality(text: str, name: str, country: str) -> None:
    assert person(text, name).country == country


def test_a_member_of_a_group_without_nationality_stays_unknown() -> None:
    text = "Turkish officials met foreign reporters, including Anna Berg, in Ankara."
    assert person(text, "Anna Berg").country is None


def test_a_surname_that_is_also_a_place_gives_no_country() -> None:
    # "Montalvo" is also a town in Ecuador: the surname read alone as a place gave its country
    text = (
        "Pedro Montalvo, 19, was arrested on Monday. The police built a case against Montalvo. "
        "The bag was returned by Montalvo shortly after he left.\n\nMontalvo has been assisted by friends."
    )
    assert person(text, "Pedro Montalvo").country is None


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        (
            "The Revolutionary Armed Forces of Colombia (FARC) freed two hostages. "
            "Luis Pardo, a FARC commander, said more would follow.",
            "Luis Pardo",
            "COL",
        ),
        (
            "The Kenya Wildlife Service (KWS) moved ten rhinos on Monday. "
            "KWS spokesman Paul Udoto said the move went well.",
            "Paul Udoto",
            "KEN",
        ),
        (
            "Nigeria's Independent National Electoral Commission (INEC) delayed the vote. "
            "INEC chairman Mahmood Yakubu blamed the weather.",
            "Mahmood Yakubu",
            "NGA",
        ),
    ],
)
def test_an_organisation_named_inside_a_title_by_its_short_form(text: str, name: str, country: str) -> None:
    assert person(text, name).country == country


@pytest.mark.parametrize(
    "text",
    [
        "Malawi's parliament met in Lilongwe. The Harmony Institute opened an office there. "
        "A Harmony Institute lawyer, Grace Okonkwo, spoke.",
        "Malawi's parliament met in Lilongwe on Monday. Grace Okonkwo of the Harmony Institute spoke.",
    ],
)
def test_an_organisation_without_a_country_of_its_own_gives_none(text: str) -> None:
    # the organisation takes the story's country by default; its people do not
    assert person(text, "Grace Okonkwo").country is None


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        ("Italian Prime Minster Marco Rossi said the plan was good.", "Marco Rossi", "ITA"),
        ("Kenyan Foreign Minster Ruth Achieng arrived on Monday.", "Ruth Achieng", "KEN"),
        ("French Prime Minster Anne Dupont spoke on Monday.", "Anne Dupont", "FRA"),
    ],
)
def test_a_nationality_before_a_misspelt_title(text: str, name: str, country: str) -> None:
    assert person(text, name).country == country


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        (
            "Yusuf Ali, 24, who works for the Baghdad provincial administration, saw the blast.",
            "Yusuf Ali",
            "IRQ",
        ),
        ("Mary Wanjiru, who works for a Nairobi charity, was injured.", "Mary Wanjiru", "KEN"),
        ("Li Wei, who works for the Chinese foreign ministry, declined to comment.", "Li Wei", "CHN"),
    ],
)
def test_an_employer_with_a_country(text: str, name: str, country: str) -> None:
    assert person(text, name).country == country


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        (
            "Wafula Chebukati, who heads Kenya's electoral commission, announced the result.",
            "Wafula Chebukati",
            "KEN",
        ),
        ("Grace Banda, who leads the Malawian Red Cross, asked for help.", "Grace Banda", "MWI"),
        (
            "Speaking for the Nigerian government, John Bello said the talks would resume.",
            "John Bello",
            "NGA",
        ),
    ],
)
def test_a_body_with_a_country_that_the_person_heads_or_speaks_for(
    text: str, name: str, country: str
) -> None:
    assert person(text, name).country == country


@pytest.mark.parametrize(
    "text",
    [
        "Tom Hale, who works for peace in Sudan, was honoured.",
        "Tom Hale, who served in the Iraqi desert, was honoured.",
        "Tom Hale, who leads the fight against the Nigerian army, spoke.",
        "Tom Hale, who chairs the talks with the Kenyan government, spoke.",
    ],
)
def test_a_cause_a_place_or_an_opponent_is_no_employer(text: str) -> None:
    assert person(text, "Tom Hale").country is None


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Anna Berg, the ambassador to France, said the talks went well.", "Anna Berg"),
        ("Amos Levi, a liaison officer with the Palestinians and Egypt, said so.", "Amos Levi"),
        ("Luis Pardo, the chief negotiator with the Colombian government, spoke.", "Luis Pardo"),
    ],
)
def test_the_other_side_of_a_diplomatic_title_is_not_the_holders_country(text: str, name: str) -> None:
    assert person(text, name).country is None


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        ("Anna Berg, Sweden's ambassador to France, said the talks went well.", "Anna Berg", "SWE"),
        ("Tom Hale, a British envoy to Sudan, met the rebels.", "Tom Hale", "GBR"),
    ],
)
def test_a_diplomat_keeps_the_country_named_before_the_other_side(text: str, name: str, country: str) -> None:
    assert person(text, name).country == country


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        ("Tom Hale, who is British, was freed on Monday.", "Tom Hale", "GBR"),
        ("Jonas Berg is a Norwegian who lives in Chile.", "Jonas Berg", "NOR"),
        ("Ruth Achieng, a Kenyan national, was deported.", "Ruth Achieng", "KEN"),
    ],
)
def test_a_nationality_said_of_the_person(text: str, name: str, country: str) -> None:
    assert person(text, name).country == country


@pytest.mark.parametrize(
    "text",
    [
        "Tom Hale is in Kenya this week.",
        "Tom Hale was a guest of the Kenyan president.",
        "Tom Hale, who is close to the British ambassador, was freed.",
    ],
)
def test_a_place_or_a_host_said_of_the_person_is_no_nationality(text: str) -> None:
    assert person(text, "Tom Hale").country is None


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        ("Eliud Kipchoge (Kenya) won the race in 2:01.", "Eliud Kipchoge", "KEN"),
        ("Second was Kenenisa Bekele (Ethiopia), a minute behind.", "Kenenisa Bekele", "ETH"),
        ("The jury gave the prize to Lena Weiss (Austria) on Sunday.", "Lena Weiss", "AUT"),
    ],
)
def test_a_country_in_brackets_after_the_name(text: str, name: str, country: str) -> None:
    assert person(text, name).country == country


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        (
            "The shots killed Liam Doyle, 37, from Cork, Ireland and Sean Hale, 40, "
            "from Peebles, Borders, Scotland.",
            "Sean Hale",
            "GBR",
        ),
        (
            "The blast killed Omar Haddad, 29, from Irbid, Jordan and Sami Nasser, 33, from Sidon, Lebanon.",
            "Sami Nasser",
            "LBN",
        ),
        (
            "The court heard from Tom Hale, 30, from Leeds, England and Mark Ross, 28, from Perth, Scotland.",
            "Tom Hale",
            "GBR",
        ),
    ],
)
def test_from_a_place_after_each_name_of_a_list(text: str, name: str, country: str) -> None:
    assert person(text, name).country == country


def test_from_a_place_said_of_something_else_is_no_origin() -> None:
    assert person("John Bello said the aid from Kenya would arrive on Monday.", "John Bello").country is None


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        (
            "Shiite cleric and Mahdi Army leader Muqtada Sadr called on his followers to resist.",
            "Muqtada Sadr",
            "IRQ",
        ),
        ('"It is safe," Jim Chilton, senior vice president for space at Boeing, said.', "Jim Chilton", "USA"),
        ("Anna Berg, a Google engineer, spoke in Nairobi on Monday.", "Anna Berg", "USA"),
    ],
)
def test_an_organisation_the_dictionaries_know_gives_its_home_country(
    text: str, name: str, country: str
) -> None:
    # companies, NGOs and armed groups of the Phoenix dictionaries (knowledge/org_countries.py)
    assert person(text, name).country == country


def test_a_group_name_shared_across_countries_gives_none() -> None:
    # "Islamic Jihad" names groups of several countries in the dictionaries
    text = "Islamic Jihad spokesman Daoud Shehab said in Gaza that the truce was over."
    assert person(text, "Daoud Shehab").country is None


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        (
            "Peter Otieno was shot dead on Sunday. The Kenyan journalist had written about the police.",
            "Peter Otieno",
            "KEN",
        ),
        (
            "Omar Haddad was arrested on Friday. The Jordanian lawyer denied the charges.",
            "Omar Haddad",
            "JOR",
        ),
        (
            "Ana Ruiz was detained at the airport. The Chilean reporter said she had done nothing wrong.",
            "Ana Ruiz",
            "CHL",
        ),
    ],
)
def test_a_nationality_on_a_later_description_of_the_person(text: str, name: str, country: str) -> None:
    assert person(text, name).country == country


def test_a_new_person_described_with_a_nationality_gives_none() -> None:
    text = "Peter Otieno met reporters on Sunday. A Nigerian journalist asked about the police."
    assert person(text, "Peter Otieno").country is None
