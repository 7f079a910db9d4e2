"""Speaker error classes of issue 12 seen on unseen articles, on sentences written here.

- an outlet the text presents with an outlet noun ("the British newspaper X") is what a later
  "the newspaper" / "the paper" points back to;
- a weekday that the model tags as a date is the first word of an outlet's name ("the Sunday X").
"""

from __future__ import annotations

import pytest

from newsgraph.core import make_doc
from newsgraph.extract.base import ExtractedArticle
from newsgraph.nlp.pipeline import load_pipeline
from newsgraph.records import Quote


def quotes_of(text: str) -> list[Quote]:
    nlp = load_pipeline()
    return list(nlp(make_doc(nlp, ExtractedArticle(text=text, title=None)))._.ng_quotes)


@pytest.mark.parametrize(
    ("text", "outlet"),
    [
        (
            "The Kenyan newspaper Daily Clarion reported that the dam was cracked. "
            "The newspaper said that engineers had warned the ministry.",
            "Daily Clarion",
        ),
        (
            "The weekly Harbour Gazette published the letters on Friday. "
            "The paper said that the mayor had known for months.",
            "Harbour Gazette",
        ),
        (
            "The Morning Ledger newspaper obtained the contract. "
            "The newspaper said that the price had doubled.",
            "Morning Ledger",
        ),
    ],
)
def test_the_newspaper_points_back_to_an_outlet_the_text_introduced(text: str, outlet: str) -> None:
    later = [
        q for q in quotes_of(text) if q.speaker_mention and q.speaker_mention.text.lower().startswith("the")
    ]
    assert later and all(q.speaker is not None and outlet in q.speaker for q in later), [
        (q.text, q.speaker) for q in quotes_of(text)
    ]


@pytest.mark.parametrize(
    ("text", "outlet"),
    [
        ("The Sunday Chronicle reported that the minister had resigned.", "Sunday Chronicle"),
        ("The Saturday Courier said that the strike would spread.", "Saturday Courier"),
        ("According to the Sunday Herald, the talks had failed.", "Sunday Herald"),
    ],
)
def test_a_weekday_opens_an_outlet_name(text: str, outlet: str) -> None:
    [quote] = quotes_of(text)
    assert quote.speaker is not None and outlet in quote.speaker


@pytest.mark.parametrize(
    ("text", "person"),
    [
        (
            'U.N. Deputy Secretary-General Ingrid Lindqvist\'s remarks called the flooding "a disaster".',
            "Ingrid Lindqvist",
        ),
        (
            "The spokesperson for the United Nations High Commissioner for Refugees, Marco Bellini, "
            "said that the camps were full.",
            "Marco Bellini",
        ),
        (
            "A senior adviser to the European Commission for Energy, Petra Novak, "
            "said that prices would fall.",
            "Petra Novak",
        ),
    ],
)
def test_a_long_title_before_a_name_leaves_the_person_as_speaker(text: str, person: str) -> None:
    [quote] = quotes_of(text)
    assert quote.speaker == person


@pytest.mark.parametrize(
    ("text", "person"),
    [
        (
            "Security contractor Owen Pryce was charged in Basra. "
            "The contractor said that he had acted in self-defence.",
            "Owen Pryce",
        ),
        (
            "Marta Kowal's lawyer, Daniel Szabo, asked for bail. "
            "Her lawyer said that she would not leave the country.",
            "Daniel Szabo",
        ),
        (
            "Rui Tavares, a fisherman from Peniche, found the wreck. "
            "The fisherman said that the boat had sunk in minutes.",
            "Rui Tavares",
        ),
    ],
)
def test_a_role_noun_points_back_to_the_person_introduced_with_it(text: str, person: str) -> None:
    later = [q for q in quotes_of(text) if "said" in (q.cue.text if q.cue else "")]
    assert later and later[-1].speaker == person, [(q.text, q.speaker) for q in quotes_of(text)]


def test_a_role_noun_introduced_without_a_name_stays_a_description() -> None:
    text = (
        "Owen Pryce was charged in Basra. A contractor who worked with him spoke to reporters. "
        "The contractor said that the charges were false."
    )
    [quote] = [q for q in quotes_of(text) if "charges" in q.text]
    assert quote.speaker != "Owen Pryce"


@pytest.mark.parametrize(
    ("text", "person"),
    [
        (
            "Senator Ruth Jordan visited Amman on Monday. Jordan said that the border should reopen.",
            "Ruth Jordan",
        ),
        (
            "Coach Mark Washington spoke after the vote. Washington said that the team was ready.",
            "Mark Washington",
        ),
        ("Judge Anna Florence heard the case. Florence said that the evidence was thin.", "Anna Florence"),
    ],
)
def test_a_person_whose_surname_is_a_place_speaks_as_the_person(text: str, person: str) -> None:
    [quote] = quotes_of(text)
    assert quote.speaker == person


def test_the_place_itself_still_acts_where_no_such_person_speaks() -> None:
    [quote] = quotes_of("Officials in Amman met on Monday. Jordan said that the border would reopen.")
    assert quote.speaker == "Jordan"


@pytest.mark.parametrize(
    ("text", "author"),
    [
        ("A statement released by the Red Cross said that the workers were safe.", "Red Cross"),
        ("A report issued by Amnesty International said the army had tortured prisoners.", "Amnesty"),
        ("A letter signed by Greenpeace said that the permit was illegal.", "Greenpeace"),
        (
            "The Foreign Ministry of Peru met on Monday. The ministry report said the border was closed.",
            "Foreign Ministry of Peru",
        ),
        (
            "According to the Pentagon press release, the soldier had died of cancer.",
            "Department of Defense",
        ),
    ],
)
def test_a_document_speaks_for_the_author_that_made_it(text: str, author: str) -> None:
    """A document's author: named by a participle's by-phrase, by an organisation noun that the
    text ties to a named body, or by a name anywhere in its compound chain."""
    [quote] = quotes_of(text)
    assert author in (quote.speaker or "")


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Minister Ivan Petrov spoke for an hour. His remarks described the cuts as very serious.",
            "Ivan Petrov",
        ),
        (
            "Senator Ruth Alder testified on Tuesday. "
            "Her testimony said that the agency had ignored warnings.",
            "Ruth Alder",
        ),
        ("The mayor's response said the bridge would be repaired by May.", "mayor"),
    ],
)
def test_an_utterance_speaks_for_its_possessor(text: str, speaker: str) -> None:
    """ "his remarks", "her testimony", "the mayor's response": the possessor speaks."""
    [quote] = quotes_of(text)
    assert speaker in (quote.speaker or "") and "remarks" not in (quote.speaker or "")


@pytest.mark.parametrize(
    ("text", "speakers"),
    [
        (
            "Vice presidents Maria Lopez and Juan Perez said that the leader was recovering well.",
            "Maria Lopez and Juan Perez",
        ),
        (
            "Defence lawyers Tom Baker and Anne Cole asked the judge to delay the trial.",
            "Tom Baker and Anne Cole",
        ),
        (
            "According to analysts Paul Hart and Ellen Marsh, the plan would fail.",
            "Paul Hart and Ellen Marsh",
        ),
        (
            "The Foreign Ministry and its minister, Ali Hassan, said the suspect had lived there for a year.",
            "Foreign Ministry and Ali Hassan",
        ),
    ],
)
def test_a_joint_statement_names_each_speaker(text: str, speakers: str) -> None:
    """A coordinated source speaks jointly, each conjunct by its name (titles and a shared
    description left out, a name in apposition preferred)."""
    [quote] = quotes_of(text)
    assert quote.speaker == speakers


@pytest.mark.parametrize(
    ("text", "person"),
    [
        (
            "Arid Vance shot two guards at the depot. Vance was arrested at the scene. "
            "The killer told the court that he had acted alone.",
            "Arid Vance",
        ),
        (
            "Danny Harlow is accused of murder. Harlow denies the charge. "
            "The contractor said that his colleagues had attacked him.",
            "Danny Harlow",
        ),
        (
            "Maria Keller was freed after six years. Keller returned home on Sunday. "
            "The activist said that she would keep campaigning.",
            "Maria Keller",
        ),
    ],
)
def test_a_definite_person_noun_that_speaks_is_the_person_the_story_is_about(text: str, person: str) -> None:
    """ "the killer said", "the contractor said": news uses a bare person noun for a person it
    has named, the most salient one."""
    quote = quotes_of(text)[-1]
    assert quote.speaker == person


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "A security official in the north reported heavy fighting. "
            "The official said that rebels had taken the town.",
            "security official",
        ),
        (
            "Omar Reyes was released on bail. The family said that they were relieved.",
            "family",
        ),
    ],
)
def test_an_introduced_or_collective_noun_is_not_the_named_person(text: str, speaker: str) -> None:
    """An unnamed person introduced with "a" stays that person; a collective noun ("the
    family") is no person noun."""
    quote = quotes_of(text)[-1]
    assert speaker in (quote.speaker or "") and "Reyes" not in (quote.speaker or "")


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ('"We are ready to go back to work," said Ana Ruiz, a union leader in the port.', "Ana Ruiz"),
        ('"We are ready to go back to work," said Ana Ruiz, who leads the dockers\' union.', "Ana Ruiz"),
        ('"The bridge is safe," said Tom Vance, the city\'s chief engineer since 2019.', "Tom Vance"),
    ],
)
def test_said_name_with_an_appositive_after_it(text: str, speaker: str) -> None:
    """ ""...," said X, a ...": the name speaks, not the description after it."""
    [quote] = quotes_of("Port strike ends\n\n" + text)
    assert quote.speaker == speaker


@pytest.mark.parametrize(
    ("text", "last"),
    [
        (
            'Mayor Tom Vance welcomed the deal. "The city needs its port," he said.\n\n'
            '"Nobody wanted this strike to last," said Ana Ruiz of the dockers\' union.',
            "Ana Ruiz",
        ),
        (
            "Mayor Tom Vance said the port would reopen on Monday.\n\n"
            '"The talks were hard," union leader Ana Ruiz said. "But we won."',
            "Ana Ruiz",
        ),
        (
            "Minister Lena Ortiz said the budget was balanced.\n\n"
            '"It is not," opposition leader Omar Haddad told reporters.',
            "Omar Haddad",
        ),
    ],
)
def test_a_quote_whose_cue_follows_in_its_paragraph_is_not_the_previous_speakers(
    text: str, last: str
) -> None:
    quotes = quotes_of("Port strike ends\n\n" + text)
    assert quotes[-1].speaker == last


@pytest.mark.parametrize(
    "subheading",
    ["Hard talks, fair deal", "What comes next", "A long night at the port"],
)
def test_a_subheading_is_not_credited_to_the_nearest_speaker(subheading: str) -> None:
    text = (
        "Port strike ends\n\nMayor Tom Vance said the port would reopen on Monday.\n\n"
        f"{subheading}\n\nThe dockers voted to accept the offer."
    )
    assert [q.text for q in quotes_of(text)] == ["the port would reopen on Monday"]


@pytest.mark.parametrize(
    ("claim", "words"),
    [
        ("Mayor Tom Vance said that the deal was fair to both sides.", "This is a good day for the city"),
        ("The union said it had won a pay rise of six percent.", "Our members stood together"),
        ("Police said that two men had been arrested near the port.", "We expect more arrests"),
    ],
)
def test_an_indirect_claim_and_the_next_paragraphs_direct_quote_stay_apart(claim: str, words: str) -> None:
    text = f'Port strike ends\n\n{claim}\n\n"{words} and for the port," a spokesman said.'
    quotes = quotes_of(text)
    assert len(quotes) == 2 and quotes[0].type == "indirect" and quotes[1].type == "direct"
    assert quotes[1].text.startswith(words)


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            'The minister Ana Costa spoke at length, quoting President Omar Haddad, "The border will stay'
            ' open."',
            "Omar Haddad",
        ),
        ("The newspaper quoted Tom Becker as saying that the strike would go on.", "Tom Becker"),
        ("The agency, citing Lena Park, said the plant would close in May.", "Lena Park"),
        (
            'Judge Peter Hall opened the hearing by quoting Karl Weber: "No one is above the law."',
            "Karl Weber",
        ),
    ],
)
def test_nested_attribution_gives_the_words_to_the_source_quoted(text: str, speaker: str) -> None:
    """A verb of quoting names the innermost source as its object ("quoting X", "quoted X as
    saying", "X, citing Y, said"): the gold guideline gives the words to that source."""
    found = quotes_of(text)
    assert [q.speaker for q in found] == [speaker]


def test_a_reason_cited_is_no_source() -> None:
    """ "citing security concerns": the object is a reason, so the subject still speaks."""
    found = quotes_of("Citing security concerns, the ministry said the border would close on Friday.")
    assert found and {q.speaker for q in found} == {"the ministry"}


@pytest.mark.parametrize(
    ("text", "body"),
    [
        (
            'The Peruvian cabinet met on Monday. "We will close the border," the cabinet statement said.',
            "Cabinet of Peru",
        ),
        ("Kenya's cabinet said that the budget would be cut by a tenth.", "Cabinet of Kenya"),
        (
            "The Chilean cabinet, in an official statement, said that the talks had failed.",
            "Cabinet of Chile",
        ),
    ],
)
def test_a_countrys_cabinet_and_its_statements_speak_as_that_cabinet(text: str, body: str) -> None:
    """ "the Egyptian cabinet", "Kenya's cabinet" and a later "the cabinet statement" are the
    country's cabinet (named like its government: "Cabinet of X")."""
    assert [q.speaker for q in quotes_of(text)] == [body]


def test_cabinet_ministers_are_not_the_cabinet() -> None:
    text = "President Ana Costa of Chile met cabinet ministers. Her aide Tom Reed said the talks failed."
    assert [q.speaker for q in quotes_of(text)] == ["Tom Reed"]


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        (
            "According to the Reuters news agency, officials have reported 30 people dead in the north,"
            " 12 in the east and five in the south.",
            "30 people dead in the north, 12 in the east and five in the south",
            "officials",
        ),
        (
            "The Harbour Gazette reported that witnesses said the mayor was injured in the arm.",
            "the mayor was injured in the arm",
            "witnesses",
        ),
        (
            "The agency reported that local officials said the bridge had collapsed overnight.",
            "the bridge had collapsed overnight",
            "local officials",
        ),
        (
            "The Daily Clarion wrote that party members believe the vote was rigged.",
            "the vote was rigged",
            "party members",
        ),
    ],
)
def test_a_statement_restated_by_an_intermediary_is_annotated_once_for_the_inner_source(
    text: str, content: str, speaker: str
) -> None:
    """Nested attribution ("X reported that Y said Z", "According to X, Y reported Z"): one
    statement, Z, for the innermost source Y (the gold guideline), with the whole of Z."""
    assert [(q.text, q.speaker) for q in quotes_of(text)] == [(content, speaker)]


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "The minister Ana Costa denied that the union had threatened to strike.",
            "that the union had threatened to strike",
        ),
        (
            "Ana Costa said the plan was sound and that critics had claimed it was too costly.",
            "the plan was sound and that critics had claimed it was too costly",
        ),
        (
            "Ana Costa said that the rebels had claimed the town as an act of force.",
            "that the rebels had claimed the town as an act of force",
        ),
        (
            "Ana Costa told reporters that the council had claimed the land for the new school.",
            "that the council had claimed the land for the new school",
        ),
    ],
)
def test_a_disputed_or_partial_inner_statement_stays_the_outer_sources(text: str, content: str) -> None:
    """Only an intermediary's cue (according to, report, write, quote) relays another source's
    statement: a denial asserts nothing for the inner source, a second clause is only part of
    the outer content, and a speaker telling of someone's act ("said the rebels had claimed the
    town") is the speaker's own account -- the outer source keeps the words."""
    assert [(q.text, q.speaker) for q in quotes_of(text)] == [(content, "Ana Costa")]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "UN officials in Rome, Italy said that the two engineers worked for a survey firm.",
            "UN officials in Rome",
        ),
        (
            "Residents of Springfield, Illinois told reporters that the river was rising.",
            "Residents of Springfield",
        ),
        ("Diplomats in Geneva, Switzerland said the talks would resume on Monday.", "Diplomats in Geneva"),
    ],
)
def test_the_country_after_a_city_is_not_the_speaker(text: str, speaker: str) -> None:
    """ "officials in Rome, Italy said": the parser may make the country the subject; the
    people the place phrase describes are the source."""
    assert [q.speaker for q in quotes_of(text)] == [speaker]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "A group known as the Northern Liberation Front claimed responsibility for the attack.",
            "Northern Liberation Front",
        ),
        ("A militia called the Southern Brigade said it had fired the rockets.", "Southern Brigade"),
        (
            "An organisation named Citizens for Clean Water said the river was polluted.",
            "Citizens for Clean Water",
        ),
    ],
)
def test_a_description_named_by_a_participle_is_the_name(text: str, speaker: str) -> None:
    """ "a group known as X", "a militia called X": the description is X."""
    assert [q.speaker for q in quotes_of(text)] == [speaker]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "David Hicks returned on Sunday. His lawyer David McLeod told reporters that he was well."
            " According to his lawyer, Hicks was grateful to the taxpayers.",
            "David McLeod",
        ),
        (
            "Ana Roth, a lawyer for Tom Becker, spoke on Monday. According to the lawyer, Becker was"
            " not in the city that night.",
            "Ana Roth",
        ),
        (
            "Party leader Ian Reid spoke after the vote. According to the party leader, Anna Kovac will"
            " stand again.",
            "Ian Reid",
        ),
    ],
)
def test_the_name_after_according_to_a_title_is_the_clauses_subject(text: str, speaker: str) -> None:
    """ "According to his lawyer, Hicks was grateful": the name after the comma begins the main
    clause (a verb follows it), so it is not the lawyer; "according to the minister, Ali Kaya,"
    with a closing comma still is."""
    assert [q.speaker for q in quotes_of(text)][-1] == speaker


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "A statement released by the UN country office for Somalia said that the workers were safe.",
            "UN country office for Somalia",
        ),
        (
            "A letter signed by the EU trade commissioner said the tariffs would stay.",
            "EU trade commissioner",
        ),
        (
            "A report issued by the Kenyan health ministry said that 40 people had died.",
            "Kenyan health ministry",
        ),
        ("A statement released by a local official said the road was open.", "local official"),
    ],
)
def test_a_document_made_by_an_unnamed_body_or_person_speaks_for_it(text: str, speaker: str) -> None:
    """ "a statement released by the UN country office": the maker in the by-phrase is the
    speaker even when it is a description (a body named by its modifiers, a person noun)."""
    assert [q.speaker for q in quotes_of(text)] == [speaker]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("The bishops on Sunday called on the government to end the strike.", "bishops"),
        ("The nurses in May warned that the hospital would close.", "nurses"),
        ("Residents of the town said the water was unsafe.", "Residents of the town"),
    ],
)
def test_a_time_phrase_is_not_part_of_the_speakers_name(text: str, speaker: str) -> None:
    """ "The bishops on Sunday called on ...": the date says when, not who."""
    assert [q.speaker for q in quotes_of(text)] == [speaker]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Microsoft released a patch on Monday. The Internet security firm Secunia.com said the patch"
            " did not fix the flaw.",
            "Secunia.com",
        ),
        (
            "Apple sold fewer phones. The market research firm Gartner.com said demand had slowed.",
            "Gartner.com",
        ),
        ("Labour won the seat. The polling company YouGov said turnout was low.", "YouGov"),
    ],
)
def test_an_organisation_noun_with_a_name_after_it_introduces_that_name(text: str, speaker: str) -> None:
    """ "The security firm Secunia.com said": the noun introduces the name in apposition; it does
    not point back to the organisation named before."""
    assert [q.speaker for q in quotes_of(text)] == [speaker]


@pytest.mark.parametrize(
    ("text", "reader"),
    [
        ("A leaked letter seen by the Daily Clarion says the plan will be dropped.", "Daily Clarion"),
        ("A memo obtained by Reuters says the factory will close.", "Reuters"),
        ("An email read by the BBC says the minister knew of the delay.", "BBC"),
    ],
)
def test_who_saw_or_obtained_a_document_is_not_its_author(text: str, reader: str) -> None:
    """ "a letter seen by X", "a memo obtained by X": X read it, it did not write it; only a
    participle of making (issued, released, signed, written, ...) names the author."""
    found = quotes_of(text)
    assert found and all(q.speaker != reader for q in found)


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Ali Said, the ambassador in Israel, was recalled by the Egyptian government yesterday, who"
            " claim that the treaty had been breached.",
            "Government of Egypt",
        ),
        (
            "Minister Tom Reed was criticised by the opposition party on Tuesday, which said that the plan"
            " would raise taxes.",
            "the opposition party",
        ),
        (
            "John Harris, the port manager, was sacked by the city council last week, who said that he had"
            " ignored safety rules.",
            "the city council",
        ),
        (
            "The workers were joined by the teachers union on Monday, who said that wages had not risen.",
            "the teachers union",
        ),
    ],
)
def test_a_relative_clause_after_a_comma_is_about_the_phrase_before_the_comma(
    text: str, speaker: str
) -> None:
    """ "... was recalled by the government yesterday, who claim that ...": the parser hangs the
    clause on the distant subject or on the date; it is about the noun phrase before the comma."""
    assert [q.speaker for q in quotes_of(text)] == [speaker]
