"""Reported content that is not a that-clause (issue 12, "Statements"), on sentences written here.

Each class is a general construction, with several variants: noun-phrase objects of speech
verbs of the say, request and characterize classes, object + predicate ("called the plan a
mistake"), "blame X for Y", "on ..." after report, a framing clause that ends in a colon, and the
setting of a speech act (place, time, channel) kept out of its content.
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


def spans(text: str) -> list[tuple[str, str, str | None]]:
    return [(q.text, q.type, q.speaker) for q in quotes_of(text)]


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        (
            "The electoral commission announced a recount in three districts.",
            "a recount in three districts",
            "electoral commission",
        ),
        (
            "Mayor Ingrid Solberg proposed the creation of a flood authority.",
            "the creation of a flood authority",
            "Ingrid Solberg",
        ),
        (
            "The union demanded the resignation of the transport minister.",
            "the resignation of the transport minister",
            "union",
        ),
        ("Farid Haddad requested political asylum in Canada.", "political asylum in Canada", "Farid Haddad"),
        (
            "The rebel group claimed responsibility for the ambush.",
            "responsibility for the ambush",
            "rebel group",
        ),
        (
            "The health ministry reported an increase in measles cases.",
            "an increase in measles cases",
            "health ministry",
        ),
    ],
)
def test_noun_phrase_object_of_a_speech_verb(text: str, content: str, speaker: str) -> None:
    [(got, kind, who)] = spans(text)
    assert (got, kind) == (content, "indirect")
    assert who is not None and speaker.lower() in who.lower()


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            'Senator Tom Okafor called the budget "a betrayal of farmers".',
            'the budget "a betrayal of farmers"',
        ),
        ("The court deemed the search unlawful.", "the search unlawful"),
        ("Mayor Ana Ferreira considered the strike a threat to the city.", "the strike a threat to the city"),
        ("The ministry labelled the report as propaganda.", "the report as propaganda"),
    ],
)
def test_object_and_predicate(text: str, content: str) -> None:
    [(got, _, _)] = spans(text)
    assert got == content


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("Investigators blamed the pilots for the crash.", "the pilots for the crash"),
        ("Helen Brandt blamed the heat for the power cuts.", "the heat for the power cuts"),
        ("The report blamed poor maintenance.", "poor maintenance"),
    ],
)
def test_blame_x_for_y(text: str, content: str) -> None:
    [(got, kind, _)] = spans(text)
    assert (got, kind) == (content, "indirect")


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("Defence Minister Karl Weber announced the reforms on national television.", "the reforms"),
        ("Lina Moreau described the negotiations in an interview with a local radio.", "the negotiations"),
        ("The company revealed the figures at a press conference.", "the figures"),
    ],
)
def test_setting_of_the_speech_act_is_not_content(text: str, content: str) -> None:
    [(got, _, _)] = spans(text)
    assert got == content


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ('Carla Mendes sighed: "We have waited for ten years."', "Carla Mendes"),
        ('The governor welcomed the vote: "This is a good day for the state."', "governor"),
        ('Paul Achebe voiced concerns: "Our schools cannot take more pupils."', "Paul Achebe"),
    ],
)
def test_a_colon_frame_introduces_a_direct_quote_whatever_its_verb(text: str, speaker: str) -> None:
    direct = [q for q in quotes_of(text) if q.type == "direct"]
    assert len(direct) == 1 and direct[0].speaker is not None and speaker in direct[0].speaker


@pytest.mark.parametrize(
    "text",
    [
        'The museum closed: "Renovation" was the sign on the door.',  # short term, not a statement
        "Rescue teams found the survivors on Sunday.",  # find is no cue
        "The minister visited the flooded villages.",
    ],
)
def test_no_statement(text: str) -> None:
    assert spans(text) == []


@pytest.mark.parametrize(
    ("text", "summary", "words"),
    [
        (
            'Mayor Lena Ortiz said the city needs more buses, "We have waited long enough. '
            'The money is there and the drivers are ready."',
            "the city needs more buses",
            "We have waited long enough.",
        ),
        (
            "The coach, Ivo Brandt, said the team was tired, "
            '"Three games in six days is too many for anyone."',
            "the team was tired",
            "Three games in six days",
        ),
        (
            'Farmers said the price was unfair, "Nobody can live on what the dairies pay us now."',
            "the price was unfair",
            "Nobody can live on",
        ),
    ],
)
def test_a_summary_followed_by_a_full_quoted_sentence_is_two_statements(
    text: str, summary: str, words: str
) -> None:
    found = {q.type: q for q in quotes_of(text)}
    assert found["indirect"].text == summary
    assert found["direct"].text.startswith(words) and found["direct"].speaker == found["indirect"].speaker


def test_a_lower_case_quote_after_the_content_stays_a_fragment() -> None:
    [quote] = quotes_of('The judge described him as an individual, "facing serious charges".')
    assert quote.type == "partial"


@pytest.mark.parametrize(
    ("text", "first", "second"),
    [
        (
            "According to a report by the Harbour Institute, former minister Paula Reyes led the review "
            "of all budgets from 2001 to 2005, and told the institute that the accounts were incomplete.",
            "former minister Paula Reyes led the review of all budgets from 2001 to 2005",
            "that the accounts were incomplete",
        ),
        (
            "According to police, the driver fled the scene and told a neighbour that he had panicked.",
            "the driver fled the scene",
            "that he had panicked",
        ),
        (
            "According to the ministry, Omar Haddad signed the contract in May but told auditors that he "
            "had never read it.",
            "Omar Haddad signed the contract in May",
            "that he had never read it",
        ),
    ],
)
def test_according_to_stops_where_the_subject_speaks_for_itself(text: str, first: str, second: str) -> None:
    assert [q.text for q in quotes_of(text)] == [first, second]


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        ("The union is concerned that jobs will be lost.", "that jobs will be lost", "union"),
        ("Doctors are worried that the clinic will close.", "that the clinic will close", "Doctors"),
        (
            "Mayor Elif Kaya is confident that the bridge will open in May.",
            "that the bridge will open in May",
            "Elif Kaya",
        ),
    ],
)
def test_an_attitude_adjective_states_a_position(text: str, content: str, speaker: str) -> None:
    [(got, kind, who)] = spans(text)
    assert (got, kind) == (content, "indirect") and who is not None and speaker in who


def test_a_negated_attitude_is_no_position() -> None:
    assert spans("The union is not convinced that jobs will be saved.") == []


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ('Mayor Dara Quinn was blunt — "We cannot pay for this bridge."', "Dara Quinn"),
        ('The coach summed it up - "We were simply not good enough."', "coach"),
        ('Nurse Abena Osei put it plainly – "We are exhausted after every shift."', "Abena Osei"),
    ],
)
def test_a_dash_frame_introduces_a_direct_quote(text: str, speaker: str) -> None:
    direct = [q for q in quotes_of(text) if q.type == "direct"]
    assert len(direct) == 1 and direct[0].speaker is not None and speaker in direct[0].speaker


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "The government said the man was arrested inside its borders, so the arrest was illegal.",
            "the man was arrested inside its borders, so the arrest was illegal",
        ),
        (
            "The analysts said the patrols are not meant to intimidate the North; rather, they are a"
            " gesture of support.",
            "the patrols are not meant to intimidate the North; rather, they are a gesture of support",
        ),
        (
            "The official argued that the rebels had taken control of the villages and a deployment"
            " of troops was necessary to regain them.",
            "that the rebels had taken control of the villages and a deployment of troops was"
            " necessary to regain them",
        ),
        (
            "The spokesman said that the attacks were not uncommon in the region and that many"
            " reporters regard the country as dangerous.",
            "that the attacks were not uncommon in the region and that many reporters regard the"
            " country as dangerous",
        ),
    ],
)
def test_content_the_parser_split_off_the_cue_stays_whole(text: str, content: str) -> None:
    """A second complement after a comma or semicolon, a clause joined by "and" without a
    comma, and a second "that" clause are all part of what was said (one statement)."""
    assert [q.text for q in quotes_of(text)] == [content]


@pytest.mark.parametrize(
    "text",
    [
        "The mayor said the bridge would reopen in May, and the police closed the road on Monday.",
        "The coach said the team was tired, and the players went home early.",
        "Officials said the border would stay shut, but the traders crossed it anyway.",
    ],
)
def test_narration_after_the_content_is_not_content(text: str) -> None:
    """A clause after ", and"/", but" with a subject of its own is the reporter's narration."""
    [quote] = quotes_of(text)
    assert not any(word in quote.text for word in ("police", "players", "traders"))


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Rosa Diaz of the tenants' union also welcomed the ruling: "
            '"This is a victory for every family in the city."',
            "Rosa Diaz",
        ),
        (
            'The minister rejected the report: "Nobody in my office has ever seen these documents."',
            "minister",
        ),
        ('Farmers criticised the new tariff: "We cannot sell our milk at these prices any more."', "Farmers"),
    ],
)
def test_a_colon_frame_deep_in_an_article(text: str, speaker: str) -> None:
    """The colon frame found where the sentence does not start the text (after a headline and
    a paragraph), with the object of the framing verb before the colon."""
    article = "Tenants win in court\n\nThe court ruled on Monday after a long hearing.\n\n" + text
    direct = [q for q in quotes_of(article) if q.type == "direct"]
    assert len(direct) == 1 and speaker in (direct[0].speaker or "")


@pytest.mark.parametrize(
    ("text", "first", "second"),
    [
        (
            'The president responded in two posts, "Why did they not vote?" and "Peaceful protest'
            ' is a hallmark of our democracy."',
            "Why did they not vote?",
            "Peaceful protest is a hallmark of our democracy.",
        ),
        (
            'Mayor Ana Lind said "the bridge is safe" and "the repairs are finished."',
            "the bridge is safe",
            "the repairs are finished.",
        ),
        (
            '"We will appeal," the lawyer said, "and we will win," or "at least be heard."',
            "We will appeal,",
            "and we will win,",
        ),
    ],
)
def test_quotations_joined_by_and_are_the_same_sources_words(text: str, first: str, second: str) -> None:
    found = [q for q in quotes_of(text) if q.type == "direct"]
    texts = [q.text for q in found]
    assert first in texts and second in texts
    assert len({q.speaker for q in found}) == 1 and found[0].speaker is not None


@pytest.mark.parametrize(
    ("text", "summary", "words"),
    [
        (
            "The defendant replied that he believes the trial is unfair: "
            '"Nobody here has listened to a single word I said."',
            "that he believes the trial is unfair",
            "Nobody here has listened",
        ),
        (
            "The mayor argued that the budget was too small: "
            '"We cannot build schools with promises and good wishes alone."',
            "that the budget was too small",
            "We cannot build schools",
        ),
        (
            'Union leaders said the offer was an insult: "Our members will not accept a cut in pay."',
            "the offer was an insult",
            "Our members will not accept",
        ),
    ],
)
def test_a_summary_and_the_quoted_sentence_after_its_colon_are_two_statements(
    text: str, summary: str, words: str
) -> None:
    found = {q.type: q for q in quotes_of(text)}
    assert found["indirect"].text == summary and found["direct"].text.startswith(words)


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("The general announced his victory on one of the state television channels.", "his victory"),
        ("The party announced its candidate on one of the radio stations.", "its candidate"),
        ("The coach announced his retirement in one of his interviews.", "his retirement"),
    ],
)
def test_the_setting_is_not_content_when_it_is_one_of_several(text: str, content: str) -> None:
    assert [q.text for q in quotes_of(text)] == [content]


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "A draft resolution calls for negotiations and an end to violence.",
            "for negotiations and an end to violence",
        ),
        (
            "The union demanded the resignation of the director and an apology to the workers.",
            "the resignation of the director and an apology to the workers",
        ),
        (
            "The opposition called for new elections and a neutral caretaker government.",
            "for new elections and a neutral caretaker government",
        ),
        ("The mayor announced the closure of the bridge and left the meeting.", "the closure of the bridge"),
    ],
)
def test_coordinated_noun_phrases_are_one_content(text: str, content: str) -> None:
    """A coordinated object the parser hung on the verb is still content; a coordinated verb
    (another act of the source) is not."""
    assert [q.text for q in quotes_of(text)] == [content]


@pytest.mark.parametrize(
    "text",
    [
        "Evidence suggests that the fire was started deliberately.",
        "The results suggest the vaccine is safe.",
        "The figures indicate that exports fell in March.",
        "The footage reveals that the police fired first.",
    ],
)
def test_evidence_that_suggests_is_no_statement(text: str) -> None:
    """An evidential cue ("suggest", "indicate", "reveal") needs a source that can speak."""
    assert quotes_of(text) == []


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("The minister suggested that talks could resume in May.", "minister"),
        ("The study suggests that the drug is safe for children.", "study"),
        ("Police indicated that the suspect had left the country.", "Police"),
        ("Dr Ana Ruiz revealed that the clinic had closed.", "Ana Ruiz"),
    ],
)
def test_a_source_that_suggests_is_a_statement(text: str, speaker: str) -> None:
    [quote] = quotes_of(text)
    assert speaker in (quote.speaker or "")


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("The reporter asked whether the minister would resign.", "whether the minister would resign"),
        ("Residents asked if the water was safe to drink.", "if the water was safe to drink"),
        (
            "The senator asked the general whether troops would stay in the region.",
            "whether troops would stay in the region",
        ),
    ],
)
def test_asked_if_or_whether_reports_a_question(text: str, content: str) -> None:
    assert [q.text for q in quotes_of(text)] == [content]


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        (
            "Border closed\n\nAmnesty International issued a statement on Friday. The statement read:\n\n"
            "The border will remain closed until further notice. All travellers must register.\n\n"
            "No reason was given.",
            "The border will remain closed until further notice.",
            "Amnesty International",
        ),
        (
            "Verdict\n\nThe judge ruled on Monday. According to the court's ruling:\n\n"
            "The defendant acted with full knowledge of the risks and is guilty on all counts."
            "\n\nHe will appeal.",
            "The defendant acted with full knowledge",
            "court",
        ),
        (
            "Crime falls\n\nMayor Lena Ortiz spoke on Monday. She wrote on her blog:\n\n"
            "Our city has never been safer. Crime fell in every district last year.\n\nCritics disagreed.",
            "Our city has never been safer.",
            "Lena Ortiz",
        ),
    ],
)
def test_an_unmarked_block_quotation_after_a_framing_colon(text: str, words: str, speaker: str) -> None:
    """A paragraph introduced by a line that ends in a colon and holds a cue is a direct quote."""
    [quote] = quotes_of(text)
    assert quote.type == "direct" and quote.text.startswith(words) and speaker in (quote.speaker or "")


def test_a_colon_without_a_cue_introduces_no_quotation() -> None:
    text = (
        "Festival\n\nThe schedule for the weekend is as follows:\n\n"
        "Concerts start at noon on Saturday and the market opens on Sunday morning.\n\nTickets are sold out."
    )
    assert quotes_of(text) == []


def test_of_two_clauses_the_one_after_the_cue_is_the_content() -> None:
    """The small model sometimes makes a fronted phrase a second clausal complement ("With the
    browser almost complete, X announced that ..."); the clause after the cue is the content.
    The parse is built by hand so the test holds whatever the model does."""
    import spacy
    from spacy.tokens import Doc

    from newsgraph.nlp.quotes.content import clause

    vocab = spacy.blank("en").vocab

    words = ["With", "the", "browser", "complete", ",", "Northwind", "announced", "that", "it", "is", "time"]
    heads = [2, 2, 6, 2, 6, 6, 6, 9, 9, 6, 9]
    deps = ["prep", "det", "ccomp", "acomp", "punct", "nsubj", "ROOT", "mark", "nsubj", "ccomp", "attr"]
    doc = Doc(vocab, words=words, heads=heads, deps=deps)
    assert clause(doc[6]) is not None and clause(doc[6]).text == "is"
    single = Doc(
        vocab,
        words=["He", "said", "it", "rained"],
        heads=[1, 1, 3, 1],
        deps=["nsubj", "ROOT", "nsubj", "ccomp"],
    )
    assert clause(single[1]).text == "rained"


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        ("This election was viewed as illegal by the African Union.", "as illegal", "African Union"),
        (
            "The group is considered a terrorist organisation by the government of Colombia.",
            "a terrorist organisation",
            "Colombia",
        ),
        ("The label is disputed by the Turkish government.", "The label", "Turkey"),
        ("The plan was described as reckless by the opposition.", "as reckless", "opposition"),
    ],
)
def test_a_passive_cue_with_a_by_phrase_is_the_agents_statement(
    text: str, content: str, speaker: str
) -> None:
    [quote] = quotes_of(text)
    assert quote.text == content and speaker in (quote.speaker or "")


@pytest.mark.parametrize(
    "text",
    [
        "The group is considered a terrorist organisation.",
        "The election was widely viewed as illegal.",
        "The label is disputed.",
    ],
)
def test_an_agentless_passive_names_no_source(text: str) -> None:
    assert quotes_of(text) == []


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        (
            "The government, the minister said, would not resign over the vote.",
            "The government, the minister said, would not resign over the vote",
            "minister",
        ),
        (
            "Some of the prisoners, Ana Ruiz says, are innocent.",
            "Some of the prisoners, Ana Ruiz says, are innocent",
            "Ana Ruiz",
        ),
        ("The costs had doubled since May, officials said.", "The costs had doubled since May", "officials"),
    ],
)
def test_a_cue_inside_or_after_its_clause_reports_the_clause(text: str, content: str, speaker: str) -> None:
    """A parenthetical cue: the whole clause is the content (the cue kept when it stands inside)."""
    [quote] = quotes_of(text)
    assert quote.text == content and speaker in (quote.speaker or "")


def test_a_parenthetical_cue_between_quoted_halves_leaves_them_direct() -> None:
    quotes = quotes_of('"The costs," the minister said, "had doubled since May."')
    assert [q.type for q in quotes] == ["direct", "direct"]


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("A judge in Bavaria has ordered a man to be jailed for life.", "to be jailed for life"),
        ("The court ordered the company to pay a fine.", "to pay a fine"),
        ("The minister asked the banks to lower their fees.", "to lower their fees"),
    ],
)
def test_an_infinitive_after_the_object_is_the_content(text: str, content: str) -> None:
    """ "ordered X to ...": also when the parser hangs the infinitive on the object."""
    assert [q.text for q in quotes_of(text)] == [content]


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "According to analysts, the patrols are not meant to scare the North; rather, they are a"
            " gesture of support.",
            "the patrols are not meant to scare the North; rather, they are a gesture of support",
        ),
        (
            "According to the police, the driver was drunk; he had also lost his licence.",
            "the driver was drunk; he had also lost his licence",
        ),
        (
            "According to the report, exports fell in May and imports rose sharply.",
            "exports fell in May and imports rose sharply",
        ),
    ],
)
def test_according_to_at_the_start_reports_the_whole_sentence(text: str, content: str) -> None:
    assert [q.text for q in quotes_of(text)] == [content]


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "For example, the mayor called for the election to be postponed.",
            "for the election to be postponed",
        ),
        ("For years, the union has called for higher wages.", "for higher wages"),
        ("On Monday, the agency reported on plans for a new dam.", "on plans for a new dam"),
    ],
)
def test_a_fronted_phrase_is_not_the_content_of_a_prepositional_cue(text: str, content: str) -> None:
    assert [q.text for q in quotes_of(text)] == [content]


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "The minister remarked last week any improvement in relations should avoid harming farmers.",
            "any improvement in relations should avoid harming farmers",
        ),
        (
            "The analyst noted any rise in rates would hurt exporters.",
            "any rise in rates would hurt exporters",
        ),
        (
            "Officials told reporters every claim will be assessed on its merits.",
            "every claim will be assessed on its merits",
        ),
    ],
)
def test_an_object_the_parser_split_from_its_clause_is_the_clauses_subject(text: str, content: str) -> None:
    """ "remarked [any improvement]dobj [should avoid ...]ccomp": one clause; an addressee
    ("told reporters") stays out."""
    assert [q.text for q in quotes_of(text)] == [content]


@pytest.mark.parametrize("text", ["The mayor said that.", "He denied it.", "The ministry confirmed this."])
def test_a_pronoun_alone_is_no_reported_content(text: str) -> None:
    assert quotes_of(text) == []


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            'The minister reacted that "it is the task of historians and not of lawmakers'
            ' to clarify history."',
            "minister",
        ),
        ('Her lawyer countered that "no court has ever accepted such evidence."', "lawyer"),
        ('Senator Ana Ruiz replied on Monday that "the bill will pass."', "Ana Ruiz"),
    ],
)
def test_a_quoted_that_clause_is_direct_whatever_the_verb(text: str, speaker: str) -> None:
    [quote] = quotes_of(text)
    assert quote.type == "direct" and speaker in (quote.speaker or "")


def test_a_quoted_that_clause_of_a_mute_subject_is_no_statement() -> None:
    assert quotes_of('The evidence showed that "the risk is low."') == []


@pytest.mark.parametrize(
    ("text", "first"),
    [
        (
            'At the rally, protesters chanted slogans like "This is what democracy looks like!" and'
            ' "Our rights are human rights!"',
            "This is what democracy looks like!",
        ),
        ('Farmers shouted slogans such as "No farmers, no food, no future!" outside.', "No farmers, no food"),
        (
            'The workers yelled demands including "Pay us what you owe us now!" at the gate.',
            "Pay us what you owe",
        ),
    ],
)
def test_quoted_examples_of_what_was_said_are_direct(text: str, first: str) -> None:
    found = [q for q in quotes_of(text) if q.type == "direct"]
    assert found and found[0].text.startswith(first)


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            'Senator Ana Ruiz spoke on Monday. Some of the rebels, she says, are "worse than the army".',
            'Some of the rebels, she says, are "worse than the army"',
        ),
        (
            'Mayor Tom Vance spoke on Monday. The plan, he said, was "a disaster for the city".',
            'The plan, he said, was "a disaster for the city"',
        ),
        (
            'Ana Ruiz spoke on Monday. The talks, Ruiz said, had "gone nowhere at all".',
            'The talks, Ruiz said, had "gone nowhere at all"',
        ),
    ],
)
def test_a_parenthetical_cue_with_a_quoted_fragment_is_partial(text: str, content: str) -> None:
    quote = quotes_of(text)[-1]
    assert quote.type == "partial" and quote.text == content and quote.speaker is not None


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        (
            "According to his lawyer, David Corr, Hicks will be freed in December.",
            "Hicks will be freed in December",
            "David Corr",
        ),
        ("According to a spokesman, Tom Vance, the plant will close.", "the plant will close", "Tom Vance"),
        (
            "According to her doctor, Ana Ruiz, the patient had recovered.",
            "the patient had recovered",
            "Ana Ruiz",
        ),
    ],
)
def test_according_to_a_person_noun_and_its_name_leaves_the_name_out_of_the_content(
    text: str, content: str, speaker: str
) -> None:
    [quote] = quotes_of(text)
    assert quote.text == content and quote.speaker == speaker


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            'The minister noted "large exercises" by Russia near the border as another reason for'
            " the troops.",
            '"large exercises" by Russia near the border as another reason for the troops',
        ),
        (
            "The union described the offer by the company as an insult.",
            "the offer by the company as an insult",
        ),
        ("The mayor announced the plan by telephone on Monday.", "the plan"),
    ],
)
def test_a_by_phrase_is_content_unless_it_names_the_channel(text: str, content: str) -> None:
    assert [q.text for q in quotes_of(text)] == [content]


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("Witnesses reported seeing planes and helicopters.", "seeing planes and helicopters"),
        ("The suspect denied taking the money.", "taking the money"),
        ("Villagers recalled hearing shots near the market.", "hearing shots near the market"),
    ],
)
def test_a_gerund_after_a_speech_verb_is_the_content(text: str, content: str) -> None:
    assert [q.text for q in quotes_of(text)] == [content]


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        ("The minister has made clear that the tax will not rise.", "that the tax will not rise", "minister"),
        (
            "The president made it clear that he would veto the bill.",
            "that he would veto the bill",
            "president",
        ),
        (
            "Trump has made clear he intends to seek a second term.",
            "he intends to seek a second term",
            "Trump",
        ),
    ],
)
def test_made_clear_reports_its_clause(text: str, content: str, speaker: str) -> None:
    [(got, kind, who)] = spans(text)
    assert (got, kind) == (content, "indirect")
    assert who is not None and speaker.lower() in who.lower()


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "The prime minister held the rebels responsible for the attack on the convoy.",
            "the rebels responsible for the attack on the convoy",
        ),
        (
            "The committee holds the company accountable for the spill.",
            "the company accountable for the spill",
        ),
        (
            "Ruritania's foreign ministry held the neighbouring government responsible for the clashes.",
            "the neighbouring government responsible for the clashes",
        ),
    ],
)
def test_holding_someone_responsible_is_a_statement_of_blame(text: str, content: str) -> None:
    assert [q.text for q in quotes_of(text)] == [content]


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        ("What the minister said was that the talks had failed.", "that the talks had failed", "minister"),
        (
            "The one thing the general admitted was that the troops had fired first.",
            "that the troops had fired first",
            "general",
        ),
        (
            "The main allegation against the mayor was that he had taken bribes.",
            "that he had taken bribes",
            None,
        ),
    ],
)
def test_a_pseudo_cleft_names_the_statement_and_be_gives_it(
    text: str, content: str, speaker: str | None
) -> None:
    [(got, kind, who)] = spans(text)
    assert (got, kind) == (content, "indirect")
    assert (who is None) if speaker is None else (who is not None and speaker in who)


@pytest.mark.parametrize(
    "text",
    [
        "The company made a profit last year.",
        "The police held the suspect for two days.",
        "What matters is that the talks continue.",
        "The problem was that the road had been closed.",
        "The minister did not make clear whether the tax would rise.",
    ],
)
def test_light_verbs_and_clefts_without_a_statement_give_none(text: str) -> None:
    assert quotes_of(text) == []


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("The rebels attacked what the army called a training camp.", "a training camp"),
        ("The strike hit what the ministry describes as a weapons depot.", "a weapons depot"),
        (
            "Parliament passed a law that would punish what the government calls foreign interference.",
            "foreign interference",
        ),
    ],
)
def test_what_a_source_calls_something_is_the_name_it_gives(text: str, content: str) -> None:
    assert [q.text for q in quotes_of(text)] == [content]


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "The army said the militants infiltrated from the south, through the mountains.",
            "the militants infiltrated from the south, through the mountains",
        ),
        (
            "The ministry said the insurgents infiltrated from Syria, through the desert.",
            "the insurgents infiltrated from Syria, through the desert",
        ),
        (
            "The government said the hackers infiltrated from abroad, through a server in Ohio.",
            "the hackers infiltrated from abroad, through a server in Ohio",
        ),
    ],
)
def test_a_reported_verb_parsed_as_the_objects_participle_is_a_clause(text: str, content: str) -> None:
    assert [q.text for q in quotes_of(text)] == [content]


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "The council on Monday called on the government of Ruritania to release the prisoners.",
            "to release the prisoners",
        ),
        (
            "The ministry on Tuesday called on the residents of the valley to leave their homes.",
            "to leave their homes",
        ),
        (
            "The UN on Friday called on the government of Chad to protect the refugees.",
            "to protect the refugees",
        ),
    ],
)
def test_called_on_someone_to_act_whatever_the_parse_of_the_infinitive(text: str, content: str) -> None:
    assert [q.text for q in quotes_of(text)] == [content]


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "Critics view the law passed by parliament as an attack on the press.",
            "the law passed by parliament as an attack on the press",
        ),
        (
            "Activists regard the dam built by the company as a disaster.",
            "the dam built by the company as a disaster",
        ),
        (
            "Analysts regard the groups fighting in the north as a threat to the region.",
            "the groups fighting in the north as a threat to the region",
        ),
    ],
)
def test_as_hung_on_a_participle_of_the_object_still_gives_the_position(text: str, content: str) -> None:
    assert [q.text for q in quotes_of(text)] == [content]


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "The government held Ruritania and the rebel militias responsible for the bombing.",
            "Ruritania and the rebel militias responsible for the bombing",
        ),
        (
            "The president held Iran and the Houthi rebels responsible for the attacks on shipping.",
            "Iran and the Houthi rebels responsible for the attacks on shipping",
        ),
        (
            "The minister held the army and the police commanders accountable for the deaths.",
            "the army and the police commanders accountable for the deaths",
        ),
    ],
)
def test_everyone_held_responsible_is_in_the_content(text: str, content: str) -> None:
    assert [q.text for q in quotes_of(text)] == [content]


@pytest.mark.parametrize(
    ("text", "summary", "words"),
    [
        (
            'The charity told the BBC any process "must be well thought out": "Moves to cut the backlog are'
            ' welcome but the answer is not more forms."',
            'any process "must be well thought out"',
            "Moves to cut the backlog are welcome but the answer is not more forms.",
        ),
        (
            'The mayor told the council every bridge "must be inspected": "We cannot take risks with the'
            ' lives of our citizens."',
            'every bridge "must be inspected"',
            "We cannot take risks with the lives of our citizens.",
        ),
        (
            'The judge told the court the delays "were not acceptable": "The defendants have waited in prison'
            ' for three years."',
            'the delays "were not acceptable"',
            "The defendants have waited in prison for three years.",
        ),
    ],
)
def test_content_ends_at_a_colon_that_opens_a_quotation(text: str, summary: str, words: str) -> None:
    assert [(q.text, q.type) for q in quotes_of(text)] == [(summary, "partial"), (words, "direct")]


@pytest.mark.parametrize(
    ("text", "first", "second"),
    [
        (
            'The head of the charity told the BBC any new rule "must be fair": "Families cannot wait for'
            ' years to hear about their claims.\n\n"It is not reasonable to ask them to fill in a long'
            ' form."',
            "Families cannot wait for years to hear about their claims.",
            "It is not reasonable to ask them to fill in a long form.",
        ),
        (
            'The mayor told Radio Ruritania the bridge "must be rebuilt": "We cannot ask people to drive two'
            ' hours every day.\n\n"The river has cut the valley in two for far too long."',
            "We cannot ask people to drive two hours every day.",
            "The river has cut the valley in two for far too long.",
        ),
        (
            'The minister told reporters the plan "was never serious": "Nobody in the cabinet voted for it.'
            '\n\n"It was an idea for a newspaper, not for a country."',
            "Nobody in the cabinet voted for it.",
            "It was an idea for a newspaper, not for a country.",
        ),
    ],
)
def test_a_quotation_over_paragraphs_after_a_colon_is_the_sources_words(
    text: str, first: str, second: str
) -> None:
    quotes = quotes_of(text)
    assert [q.text for q in quotes if q.type == "direct"] == [first, second]
    assert quotes[1].speaker == quotes[2].speaker == quotes[0].speaker is not None


@pytest.mark.parametrize(
    ("text", "words"),
    [
        (
            'The doctor described the scene at the hospital: "There were patients lying in the corridors."',
            "There were patients lying in the corridors.",
        ),
        (
            'One survivor described an attack on the village: "They came at night and burned everything."',
            "They came at night and burned everything.",
        ),
        (
            'The governor spoke with reporters about the flood: "We have never seen water this high."',
            "We have never seen water this high.",
        ),
    ],
)
def test_a_noun_phrase_before_a_quotation_colon_is_its_topic_not_a_statement(text: str, words: str) -> None:
    assert [(q.text, q.type) for q in quotes_of(text)] == [(words, "direct")]


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "Officials have warned that the death toll is likely to rise, as rescue workers are still"
            " searching the rubble.",
            "that the death toll is likely to rise",
        ),
        (
            "The mayor said that the bridge would stay closed, as engineers were still inspecting the"
            " damage.",
            "that the bridge would stay closed",
        ),
        (
            "Police said the roads would remain blocked, as the snow was still falling.",
            "the roads would remain blocked",
        ),
        ("The minister said that prices would rise as demand grew.", "that prices would rise as demand grew"),
    ],
)
def test_an_as_clause_after_a_comma_is_background_not_content(text: str, content: str) -> None:
    assert [q.text for q in quotes_of(text)] == [content]


def headline_quotes(title: str) -> list[Quote]:
    nlp = load_pipeline()
    text = title + "\n\nMonday, May 4, 2015\n\nThe report was published on Monday in Geneva."
    return list(nlp(make_doc(nlp, ExtractedArticle(text=text, title=title)))._.ng_quotes)


def test_a_headline_verb_after_a_comma_agrees_with_its_source() -> None:
    [quote] = headline_quotes("Floods kill dozens in the north, say officials")
    assert (quote.text, quote.speaker) == ("Floods kill dozens in the north", "officials")
    [quote] = headline_quotes("Floods kill dozens in the north, says Red Cross")
    assert (quote.text, quote.speaker) == ("Floods kill dozens in the north", "Red Cross")


@pytest.mark.parametrize(
    ("title", "content", "speaker"),
    [
        (
            "Red Cross: Floods have killed dozens in the north",
            "Floods have killed dozens in the north",
            "Red Cross",
        ),
        ("NATO: Russian jets violated Estonian airspace", "Russian jets violated Estonian airspace", "NATO"),
        (
            "Barack Obama: The economy will recover next year",
            "The economy will recover next year",
            "Barack Obama",
        ),
    ],
)
def test_a_headline_name_before_a_colon_and_a_clause_is_the_source(
    title: str, content: str, speaker: str
) -> None:
    [quote] = headline_quotes(title)
    assert (quote.text, quote.speaker) == (content, speaker)


@pytest.mark.parametrize(
    "title",
    [
        "Iraq: Car bomb kills 20 in Baghdad",
        "Analysis: The election is far from over",
        "Over 60 dead in cholera outbreak, state issues alert",
    ],
)
def test_a_place_or_label_before_a_headline_colon_or_a_bare_verb_after_a_comma_attributes_nothing(
    title: str,
) -> None:
    assert headline_quotes(title) == []


@pytest.mark.parametrize(
    "text",
    [
        "The judges will consider if this should affect their decision.",
        "The board is considering whether the plan is legal.",
        "The court will consider if the law applies to foreign companies.",
    ],
)
def test_considering_whether_or_if_weighs_a_question_and_states_nothing(text: str) -> None:
    assert quotes_of(text) == []


def test_a_small_clause_after_consider_is_still_a_position() -> None:
    assert [q.text for q in quotes_of("The ministry considered the strike a threat to the economy.")] == [
        "the strike a threat to the economy"
    ]


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "The newspaper reports that the government is making payments to farmers, totalling about $1"
            " billion a year.",
            "that the government is making payments to farmers, totalling about $1 billion a year",
        ),
        (
            "The ministry said that prices had risen sharply, reaching a record in March.",
            "that prices had risen sharply, reaching a record in March",
        ),
        (
            "Police said that the crowd had grown quickly, filling the square by noon.",
            "that the crowd had grown quickly, filling the square by noon",
        ),
    ],
)
def test_a_participle_that_is_no_speech_verb_stays_in_the_content(text: str, content: str) -> None:
    assert [q.text for q in quotes_of(text)] == [content]


def test_a_speech_participle_after_the_content_is_still_the_sources_next_act() -> None:
    text = "The ministry denied that any strike had taken place, saying the reports were false."
    assert quotes_of(text)[0].text == "that any strike had taken place"


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("The coach urged the players to stay calm and left the stadium.", "to stay calm"),
        ("The minister asked the crowd to go home and returned to his office.", "to go home"),
        ("The general ordered the troops to withdraw and flew back to the capital.", "to withdraw"),
        (
            "The minister accused the rebels of breaking the truce and called for talks.",
            "of breaking the truce",
        ),
        (
            "The mayor accused the council of wasting public money and called for new elections.",
            "of wasting public money",
        ),
    ],
)
def test_a_finite_verb_after_a_non_finite_content_is_the_sources_next_act(text: str, content: str) -> None:
    assert quotes_of(text)[0].text == content


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("The union urged workers to strike and to join the march.", "to strike and to join the march"),
        (
            "The group called on the government to resign and hold new elections.",
            "to resign and hold new elections",
        ),
        (
            "The ministry said the trio were drinking whisky and began fighting.",
            "the trio were drinking whisky and began fighting",
        ),
    ],
)
def test_coordinated_acts_inside_the_content_stay(text: str, content: str) -> None:
    assert quotes_of(text)[0].text == content


@pytest.mark.parametrize(
    "text",
    [
        "The measures, endorsed by the government, include the following:\n\nEnding all trade between the"
        " two countries and closing the border crossings for a year;",
        "The rules, announced by the ministry on Monday, are as follows:\n\nEvery shop must close at eight in"
        " the evening on weekdays and at noon on Sundays.",
        "The plan, proposed by the mayor last week, has three parts:\n\nThe city will build two new bridges"
        " over the river and widen the ring road by 2030.",
    ],
)
def test_a_participle_describing_a_noun_does_not_frame_a_block_quotation(text: str) -> None:
    assert quotes_of(text) == []


def test_a_speech_verb_still_frames_a_block_quotation() -> None:
    text = (
        "The ministry said in a statement:\n\nThe city will build two new bridges over the river and widen"
        " the ring road by 2030."
    )
    [quote] = quotes_of(text)
    assert quote.type == "direct" and "ministry" in (quote.speaker or "")


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ('The senator called the decision "a disgrace."', 'the decision "a disgrace."'),
        ('The senator called the ruling "a disgrace."', 'the ruling "a disgrace."'),
        ('The governor called the verdict "a tragedy."', 'the verdict "a tragedy."'),
    ],
)
def test_a_quoted_name_parsed_as_an_apposition_of_the_object_is_what_it_was_called(
    text: str, content: str
) -> None:
    assert [(q.text, q.type) for q in quotes_of(text)] == [(content, "partial")]


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("The court ruled that the law was unconstitutional.", "that the law was unconstitutional"),
        ("The tribunal ruled that the dismissal had been unfair.", "that the dismissal had been unfair"),
        ("Officials fear that the death toll could rise.", "that the death toll could rise"),
        (
            "The opposition questioned whether the election had been fair.",
            "whether the election had been fair",
        ),
        ("Human rights groups have criticised the law as discriminatory.", "the law as discriminatory"),
        (
            "The bishops condemned the killings as a crime against humanity.",
            "the killings as a crime against humanity",
        ),
        ("The president praised the deal as a victory for peace.", "the deal as a victory for peace"),
    ],
)
def test_rulings_fears_doubts_and_judgements_with_as_are_statements(text: str, content: str) -> None:
    assert [q.text for q in quotes_of(text)] == [content]


@pytest.mark.parametrize(
    "text",
    [
        "The government ruled out new taxes.",
        "The king ruled the country for forty years.",
        "Residents fear for their safety.",
        "Police questioned the suspect for three hours.",
        "The bishops condemned the killings.",
    ],
)
def test_the_same_verbs_without_content_state_nothing(text: str) -> None:
    assert quotes_of(text) == []


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        (
            "The senator said she believed the voters were being misled.",
            "she believed the voters were being misled",
            "senator",
        ),
        (
            "The mayor said he thought the bridge would reopen in May.",
            "he thought the bridge would reopen in May",
            "mayor",
        ),
        (
            "The senator said she feared the voters were being misled.",
            "she feared the voters were being misled",
            "senator",
        ),
    ],
)
def test_the_speakers_own_attitude_inside_a_statement_is_part_of_it(
    text: str, content: str, speaker: str
) -> None:
    [(got, _, who)] = spans(text)
    assert got == content and who is not None and speaker in who


def test_an_innermost_named_believer_is_still_the_source() -> None:
    [(got, _, who)] = spans("According to the newspaper, the minister believes the talks will fail.")
    assert got == "the talks will fail" and who is not None and "minister" in who


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "The army said it had killed 20 militants, a claim that could not be independently verified.",
            "it had killed 20 militants",
        ),
        (
            "The army said it had killed 30 rebels, a claim that could not be confirmed.",
            "it had killed 30 rebels",
        ),
        (
            "The militia said it had shot down a drone, a claim that could not be verified independently.",
            "it had shot down a drone",
        ),
    ],
)
def test_the_reporters_verdict_in_apposition_is_not_part_of_the_content(text: str, content: str) -> None:
    assert quotes_of(text)[0].text == content


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("Asked whether the army would withdraw, the general said it would not.", "it would not"),
        ("Urged to resign, the minister said he had no regrets.", "he had no regrets"),
        ("Asked to comment, the company said it would not speculate.", "it would not speculate"),
    ],
)
def test_a_passive_participle_of_address_is_the_question_put_not_a_statement(text: str, content: str) -> None:
    assert [q.text for q in quotes_of(text)] == [content]


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("The doctors warned against using the drug.", "against using the drug"),
        (
            "The foreign ministry advised against all travel to the region.",
            "against all travel to the region",
        ),
        (
            "Experts cautioned against drawing conclusions from a single poll.",
            "against drawing conclusions from a single poll",
        ),
    ],
)
def test_warning_against_something_is_the_content(text: str, content: str) -> None:
    assert [q.text for q in quotes_of(text)] == [content]


def test_against_after_another_verb_is_no_statement() -> None:
    assert quotes_of("The union voted against the deal.") == []


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        (
            'The ministry addressed reports that two soldiers had been wounded: "Both men are in stable'
            ' condition and will recover."',
            "Both men are in stable condition and will recover.",
            "ministry",
        ),
        (
            'The union addressed rumours that the strike had been called off: "The strike goes ahead on'
            ' Monday as planned."',
            "The strike goes ahead on Monday as planned.",
            "union",
        ),
        (
            'The hospital addressed fears that the ward would be closed: "The ward will stay open for as long'
            ' as patients need it."',
            "The ward will stay open for as long as patients need it.",
            "hospital",
        ),
    ],
)
def test_a_colon_frame_whose_last_clause_is_subordinate_takes_the_main_verb(
    text: str, words: str, speaker: str
) -> None:
    [quote] = [q for q in quotes_of(text) if q.type == "direct"]
    assert quote.text == words and speaker in (quote.speaker or "")


def test_a_colon_frame_never_takes_a_verb_inside_the_quotation() -> None:
    assert quotes_of('The report was published: "The findings are clear and the government must act."') == []


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        (
            "The minister was quoted as saying that the talks had failed.",
            "that the talks had failed",
            "minister",
        ),
        (
            "The general was quoted by Reuters as saying the army would withdraw.",
            "the army would withdraw",
            "general",
        ),
        (
            "State media quoted the president as saying the country would not give in.",
            "the country would not give in",
            "president",
        ),
        (
            "The coach was quoted in the newspaper as saying that his team was tired.",
            "that his team was tired",
            "coach",
        ),
    ],
)
def test_quoted_as_saying_gives_the_words_to_the_one_quoted(text: str, content: str, speaker: str) -> None:
    [(got, kind, who)] = spans(text)
    assert (got, kind) == (content, "indirect") and who is not None and speaker in who


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            'The report called for "urgent reform" of the prison system.',
            'for "urgent reform" of the prison system',
        ),
        (
            'The report called for "immediate action" on climate change.',
            'for "immediate action" on climate change',
        ),
        ('The audit called for "urgent reform" of the tax office.', 'for "urgent reform" of the tax office'),
    ],
)
def test_a_main_verb_parsed_as_the_root_nouns_participle_is_still_the_cue(text: str, content: str) -> None:
    [(got, kind, who)] = spans(text)
    assert (got, kind) == (content, "partial") and who is not None


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ('The opposition dismissed the plan as "a gimmick".', 'the plan as "a gimmick"'),
        ("The minister dismissed the claims as nonsense.", "the claims as nonsense"),
        ("The union dismissed the offer as an insult.", "the offer as an insult"),
    ],
)
def test_dismissing_x_as_y_is_a_characterisation(text: str, content: str) -> None:
    assert [q.text for q in quotes_of(text)] == [content]


@pytest.mark.parametrize(
    "text", ['A website called "Freedom Now" was closed.', "The judge dismissed the case."]
)
def test_a_naming_participle_or_a_dismissal_without_as_states_nothing(text: str) -> None:
    assert quotes_of(text) == []


def test_dismissing_claims_that_still_reports_the_claims() -> None:
    text = "Trotter dismissed claims that the mosque was tied to terrorism."
    assert [q.text for q in quotes_of(text)] == ["that the mosque was tied to terrorism"]


@pytest.mark.parametrize(
    "text",
    [
        "Secretary of State Hillary Clinton will announce the US response on Wednesday.",
        "The president will tell the nation that the war is over.",
        "The mayor will announce her decision on Friday.",
    ],
)
def test_a_speech_act_still_to_come_has_no_content_yet(text: str) -> None:
    assert quotes_of(text) == []


def test_a_statement_about_the_future_is_still_a_statement() -> None:
    assert [q.text for q in quotes_of("The president said the army will withdraw.")] == [
        "the army will withdraw"
    ]


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "The ministry later clarified that the rules applied only to new contracts.",
            "that the rules applied only to new contracts",
        ),
        ("The governor hinted that he might run for president.", "that he might run for president"),
        ("Analysts reckon the economy will shrink this year.", "the economy will shrink this year"),
        ("The union protested that the talks had been rigged.", "that the talks had been rigged"),
        ("Ruiz has long argued for lower taxes.", "for lower taxes"),
    ],
)
def test_more_verbs_of_saying_with_a_clause(text: str, content: str) -> None:
    assert [q.text for q in quotes_of(text)] == [content]


@pytest.mark.parametrize(
    "text",
    [
        "The students protested outside the embassy.",
        "The neighbours objected to the plan.",
        "The mayor underlined the importance of the vote.",
    ],
)
def test_the_same_verbs_without_a_clause_report_nothing(text: str) -> None:
    assert quotes_of(text) == []


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "Ministry denies plans to close hospitals\n\nThe ministry spoke on Monday.",
            "plans to close hospitals",
        ),
        ("Agency says drought will worsen\n\nThe rains failed again.", "drought will worsen"),
        ("Talks\n\nThe minister said the talks would resume\n\nin March.", "the talks would resume"),
    ],
)
def test_content_ending_a_paragraph_leaves_the_line_break_out(text: str, content: str) -> None:
    """A clause that ends its line (a headline, a line without a full stop): the parser hangs
    the line break on it, but the break is no content."""
    nlp = load_pipeline()
    doc = nlp(make_doc(nlp, ExtractedArticle(text=text, title=text.split("\n", 1)[0])))
    assert content in [q.text for q in doc._.ng_quotes]


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        (
            "The central bank expects that inflation will fall next year.",
            "that inflation will fall next year",
            "The central bank",
        ),
        (
            "Ana Costa doubts that the deal will survive the vote.",
            "that the deal will survive the vote",
            "Ana Costa",
        ),
        (
            "Police suspect that the fire was started on purpose.",
            "that the fire was started on purpose",
            "Police",
        ),
        (
            "Farmers worry that the drought will last another year.",
            "that the drought will last another year",
            "Farmers",
        ),
    ],
)
def test_expectation_doubt_and_suspicion_are_attributed_positions(
    text: str, content: str, speaker: str
) -> None:
    """Beside believe, feel, hope and fear: a source's stated expectation, doubt, suspicion or
    worry about a clause is its position (the gold guideline's attributed positions)."""
    assert [(q.text, q.speaker) for q in quotes_of(text)] == [(content, speaker)]
