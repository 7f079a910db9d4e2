"""Unit tests of the quotes component, one construction each, on sentences written here."""

from __future__ import annotations

import pytest

from newsgraph.core import make_doc
from newsgraph.extract.base import ExtractedArticle
from newsgraph.nlp.knowledge.cues import load_lexicon, parse_lexicon
from newsgraph.nlp.pipeline import load_pipeline
from newsgraph.nlp.quotes.marks import find_pull_quotes, find_quoted
from newsgraph.records import Quote


def quotes_of(text: str, title: str | None = None) -> list[Quote]:
    nlp = load_pipeline()
    doc = nlp(make_doc(nlp, ExtractedArticle(text=text, title=title)))
    return list(doc._.ng_quotes)


def only(quotes: list[Quote], contains: str) -> Quote:
    found = [q for q in quotes if contains in q.text]
    assert len(found) == 1, [q.text for q in quotes]
    return found[0]


# --- quotation marks ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "inner"),
    [
        ('"We will rebuild the bridge," Maria Lopez said.', "We will rebuild the bridge,"),
        ("“We will rebuild the bridge,” Maria Lopez said.", "We will rebuild the bridge,"),
        ("«We will rebuild the bridge», Maria Lopez said.", "We will rebuild the bridge"),
    ],
)
def test_paired_marks_straight_curly_guillemets(text: str, inner: str) -> None:
    q = only(quotes_of(text), "rebuild")
    assert (q.text, q.type, q.speaker) == (inner, "direct", "Maria Lopez")
    assert q.cue is not None and q.cue.text == "said"


def test_single_inside_double_stays_in_the_quote() -> None:
    text = "\"They called it 'a disaster' from the start,\" said Tom Baker."
    q = only(quotes_of(text), "disaster")
    assert q.text == "They called it 'a disaster' from the start,"
    assert q.speaker == "Tom Baker"


def test_split_quote_continues_the_first_part() -> None:
    text = 'Mayor Anna Weiss spoke on Monday. "The roads are closed," she said, "and the schools too."'
    quotes = quotes_of(text)
    first, second = only(quotes, "roads"), only(quotes, "schools")
    assert quotes.index(first) == second.continues
    assert first.speaker == second.speaker == "Anna Weiss"


def test_multi_paragraph_quote_is_chained() -> None:
    text = (
        'Coach Peter Hall said, "We played well in the first half.\n\n'
        '"After the break we lost our shape and the game."\n\nThe next match is on Sunday.'
    )
    quotes = quotes_of(text)
    first, second = only(quotes, "first half"), only(quotes, "shape")
    assert second.continues == quotes.index(first)
    assert second.speaker == "Peter Hall" and second.cue is None


def test_floating_quote_continues_last_speaker() -> None:
    text = '"We are investigating," police chief Karl Berg said. "No arrests have been made yet."'
    quotes = quotes_of(text)
    floating = only(quotes, "No arrests")
    assert floating.continues == quotes.index(only(quotes, "investigating"))
    assert floating.speaker == "Karl Berg"


def test_pull_quote_credited_with_dash() -> None:
    text = (
        "The summit ended.\n\nWe will not accept any delay in the talks. — Helen Park\n\nTalks resume in May."
    )
    q = only(quotes_of(text), "delay")
    assert q.text == "We will not accept any delay in the talks."
    assert (q.type, q.speaker, q.cue) == ("direct", "Helen Park", None)


def test_unbalanced_marks_do_not_stop_the_article() -> None:
    text = (
        'The report said "the camp was overcrowded.\n\n'
        'Minister Jane Doe said the camp would close next month. "We will act fast," she said.'
    )
    quotes = quotes_of(text)
    assert only(quotes, "We will act fast").speaker == "Jane Doe"
    assert only(quotes, "would close").type == "indirect"
    spans = find_quoted(text)
    assert spans[0].close_at is None  # the open mark stops at its paragraph's end


# --- partial quotes ---------------------------------------------------------------------


def test_partial_quote_has_fragments() -> None:
    text = 'Senator Ruth Gold said the plan was "dead on arrival" and would fail.'
    q = only(quotes_of(text), "dead on arrival")
    assert q.type == "partial"
    assert q.text.startswith("the plan was")
    assert [f.text for f in q.fragments] == ["dead on arrival"]


def test_accuse_of_with_fragment() -> None:
    text = 'Peter Novak accused the council of "wasting public money" on the stadium.'
    q = only(quotes_of(text), "wasting")
    assert q.text.startswith("of ") and q.type == "partial"
    assert q.speaker == "Peter Novak"


# --- indirect speech --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("Minister Jane Doe said that the talks would resume in May.", "that the talks would resume in May"),
        ("Minister Jane Doe said the talks would resume in May.", "the talks would resume in May"),
        ("Minister Jane Doe warned that the talks could collapse.", "that the talks could collapse"),
        ("Minister Jane Doe accused the rebels of breaking the truce.", "of breaking the truce"),
        ("Minister Jane Doe urged the rebels to return to the talks.", "to return to the talks"),
        ("Minister Jane Doe called on the rebels to return to the talks.", "to return to the talks"),
        ("Minister Jane Doe asked the rebels to return to the talks.", "to return to the talks"),
        ("Minister Jane Doe denied that the army had fired first.", "that the army had fired first"),
    ],
)
def test_indirect_complements(text: str, span: str) -> None:
    quotes = quotes_of(text)
    assert [(q.text, q.type, q.speaker) for q in quotes] == [(span, "indirect", "Jane Doe")]


def test_according_to() -> None:
    q = only(quotes_of("According to the police, the driver was drunk."), "driver")
    assert q.text == "the driver was drunk"
    assert q.cue is not None and q.cue.text == "According to"
    assert q.speaker_mention is not None and q.speaker_mention.text == "the police"


def test_describe_as() -> None:
    text = 'Amnesty International described the prisoners as "victims of a show trial."'
    q = only(quotes_of(text), "prisoners")
    assert q.text == 'the prisoners as "victims of a show trial."'
    assert q.speaker == "Amnesty International"


def test_said_in_a_statement() -> None:
    q = only(quotes_of("The ministry said in a statement that the border would reopen."), "border")
    assert q.text == "that the border would reopen"
    assert q.speaker_mention is not None and q.speaker_mention.text == "The ministry"


def test_nominal_cue() -> None:
    text = "Leaders reacted to the announcement that the ceasefire had been signed."
    q = only(quotes_of(text), "ceasefire")
    assert q.text == "that the ceasefire had been signed"
    assert q.cue is not None and q.cue.text == "announcement"


def test_headline_says_x() -> None:
    text = "Talks will resume in May, says Jane Doe\n\nMinister Jane Doe spoke on Monday."
    q = quotes_of(text, title="Talks will resume in May, says Jane Doe")[0]
    assert (q.text, q.speaker) == ("Talks will resume in May", "Jane Doe")


def test_headline_source_after_colon() -> None:
    title = "Dam at risk of collapse: officials"
    q = quotes_of(f"{title}\n\nThe river rose overnight.", title=title)[0]
    assert q.text == "Dam at risk of collapse"
    assert q.speaker_mention is not None and q.speaker_mention.text == "officials"


# --- what does not count ----------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The ministry declined to comment on the report.",
        "The army has not commented on the attack.",
        "It is believed that the attack was planned for months.",
        "The hackers were reported to have stolen the data.",
        'A group calling itself "Dark Sun" posted the files on a site called "Leaks Central".',
        'The novel "War and Peace" was read aloud at the festival.',
    ],
)
def test_not_quotes(text: str) -> None:
    assert quotes_of(text) == []


# --- speakers ---------------------------------------------------------------------------


def test_he_said_after_a_sentence_naming_another_person() -> None:
    text = (
        'Foreign Minister Paul Meyer spoke in Rome. "We are ready," Meyer stated.\n\n'
        "The letter calls for Defence Minister Tom Ward to approve the plan.\n\n"
        "Meyer also stressed the need for talks.\n\n"
        '"We want to make sure they have what they need," he said.'
    )
    assert only(quotes_of(text), "what they need").speaker == "Paul Meyer"


def test_surname_resolves_to_full_name() -> None:
    text = 'Prime Minister Karen Holt arrived on Monday. "The deal is done," Holt said.'
    assert only(quotes_of(text), "deal").speaker == "Karen Holt"


def test_relative_pronoun_speaker() -> None:
    text = "The deal was praised by Tom Ward, who added that more jobs would follow."
    assert only(quotes_of(text), "more jobs").speaker == "Tom Ward"


def test_spans_and_offsets_are_exact() -> None:
    text = 'Union leader Sam Cole said the strike would go on. "We will not back down," he added.'
    for q in quotes_of(text):
        assert text[q.start : q.end] == q.text
        for part in (q.cue, q.speaker_mention, *q.fragments):
            if part is not None:
                assert text[part.start : part.end] == part.text


# --- data -------------------------------------------------------------------------------


def test_lexicon_loads_and_rejects_unknown_patterns() -> None:
    lexicon = load_lexicon()
    assert lexicon.verb_patterns("say") is not None and ("call", "on") in lexicon.phrases
    with pytest.raises(ValueError, match="unknown pattern"):
        parse_lexicon("verb\tsay\tnonsense\n")


def test_pull_quote_needs_a_sentence_and_a_short_credit() -> None:
    assert find_pull_quotes("Group F — Sweden 1 – 0 Korea Republic") == []
    assert len(find_pull_quotes("Nobody is above the law. — Jane Doe")) == 1


def test_speaker_comes_from_the_discourse_layer() -> None:
    from newsgraph.nlp.discourse import Discourse
    from newsgraph.nlp.quotes.build import extract_quotes
    from newsgraph.records import Entity, Span

    text = 'Minister Jane Doe arrived. "We will act fast," she said.'
    nlp = load_pipeline()
    with nlp.select_pipes(disable=["newsgraph_quotes"]):
        doc = nlp(make_doc(nlp, ExtractedArticle(text=text)))
    she = text.index("she")
    entities = (Entity("e1", "Jane Q. Doe", "PERSON", mentions=(Span(9, 17), Span(she, she + 3))),)
    doc._.ng_discourse = Discourse(entities, (), (), None)
    q = only(extract_quotes(doc), "act fast")
    assert (q.speaker, q.speaker_entity) == ("Jane Q. Doe", "e1")


# --- speakers on unseen text ----------------------------------------------------------


def test_appositive_name_after_title_of_org_is_the_speaker() -> None:
    text = (
        "Aid\n\nThe director of the Riverside Care Alliance, Mirela Dobrescu, urged donors to send "
        "more money."
    )
    q = only(quotes_of(text), "send more money")
    assert q.speaker == "Mirela Dobrescu"


def test_comma_participle_after_a_reported_clause_belongs_to_the_main_subject() -> None:
    text = "Dam\n\nThe utility denied that the dam had leaked, saying its engineers had checked it daily."
    quotes = quotes_of(text)
    denied, saying = only(quotes, "dam had leaked"), only(quotes, "engineers had checked")
    assert denied.text == "that the dam had leaked"
    assert denied.speaker == saying.speaker == "The utility"


def test_unnamed_source_is_the_description_without_its_relative_clause() -> None:
    text = (
        "Port\n\nA customs officer at the port, who spoke on condition of anonymity, said the cargo "
        "was seized. Workers at the depot said the trucks had left."
    )
    quotes = quotes_of(text)
    assert only(quotes, "cargo was seized").speaker == "A customs officer at the port"
    assert only(quotes, "trucks had left").speaker == "Workers at the depot"


def test_request_for_anonymity_is_no_statement() -> None:
    text = "Port\n\nA dock worker asked not to be named. The harbour master said the port was closed."
    assert [q.text for q in quotes_of(text)] == ["the port was closed"]


def test_definite_description_points_back_to_the_subject_naming_it() -> None:
    text = (
        "Row\n\nBrazil's foreign ministry rejected the claim on Monday. In a statement, the ministry "
        "said all works were legal. The UN refugee agency said camps were full."
    )
    quotes = quotes_of(text)
    assert only(quotes, "works were legal").speaker == "Brazil's foreign ministry"
    assert only(quotes, "camps were full").speaker_entity is None


def test_a_fronted_place_with_an_apposition_is_not_a_joint_statement() -> None:
    text = (
        "Ceasefire\n\nIn Puerto Alba, the largest town in the valley, community leader Rosa Quintero "
        "said residents had heard promises of peace before."
    )
    quote = only(quotes_of(text), "residents had heard")
    assert quote.speaker == "Rosa Quintero"


def test_two_named_people_with_and_are_a_joint_statement() -> None:
    text = "Talks\n\nMinister Ana Ruiz and Minister Karl Berg said the talks would resume on Monday."
    quote = only(quotes_of(text), "the talks would resume")
    assert quote.speaker is not None and "Ruiz" in quote.speaker and "Berg" in quote.speaker
