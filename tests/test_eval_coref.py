"""The GUM coreference scorer: readers, matching and metrics on an invented document; the real
GUM news documents end to end (``gold``, skipped when ``../shared`` is absent).

The invented document is written here in both GUM formats (conll and WebAnno TSV), so the readers
are tested on the formats as ``shared/data/coref/README.md`` describes them, not on GUM's texts.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from newsgraph import analyze
from newsgraph.cli import main
from newsgraph.errors import InputError
from newsgraph.eval import coref
from newsgraph.records import Entity, Span
from tests.conftest import require_shared

# One token per row: (token, conll brackets).  Sentences end at "." and after the title (3 tokens).
SENTENCES = [
    [("Mayor", "(person-1)"), ("opens", "_"), ("bridge", "(object-3)")],
    [
        ("Tom", "(person-1"),
        ("Berg", "person-1)"),
        (",", "_"),
        ("the", "(person-1"),
        ("mayor", "_"),
        ("of", "_"),
        ("Lund", "(place-2-Lund)person-1)"),
        (",", "_"),
        ("opened", "_"),
        ("the", "(object-3"),
        ("bridge", "object-3)"),
        ("on", "_"),
        ("Monday", "(time-4)"),
        (".", "_"),
    ],
    [
        ("He", "(person-1)"),
        ("said", "_"),
        ("it", "(object-3)"),
        ("would", "_"),
        ("help", "_"),
        ("Lund", "(place-2-Lund)"),
        (".", "_"),
    ],
]
TEXT_TITLE = (
    "Mayor opens bridge\n"  # the title line, then the body joined with spaces
    "Tom Berg , the mayor of Lund , opened the bridge on Monday . He said it would help Lund ."
)


def write_gum(
    root: Path, name: str = "GUM_news_bridge", sentences: list[list[tuple[str, str]]] | None = None
) -> Path:
    """Write one document as ``root/gum-conll/<name>.conll`` and ``root/gum-tsv/<name>.tsv``."""
    sentences = sentences or SENTENCES
    (root / "gum-conll").mkdir(parents=True, exist_ok=True)
    (root / "gum-tsv").mkdir(parents=True, exist_ok=True)
    conll = [f"# begin document {name}"]
    tsv = ["#FORMAT=WebAnno TSV 3.2", ""]
    pos, i = 0, 0
    for s, sentence in enumerate(sentences, 1):
        tsv += ["", "#Text=" + " ".join(t for t, _ in sentence)]
        for k, (token, marks) in enumerate(sentence, 1):
            conll.append(f"{i}\t{token}\t{marks}")
            tsv.append(f"{s}-{k}\t{pos}-{pos + len(token)}\t{token}\t_\t_\t_\t_\t_\t_\t_\t")
            pos += len(token) + 1  # one space between tokens, one separator between sentences
            i += 1
    conll.append("# end document")
    (root / "gum-conll" / f"{name}.conll").write_text("\n".join(conll) + "\n", encoding="utf-8")
    (root / "gum-tsv" / f"{name}.tsv").write_text("\n".join(tsv) + "\n", encoding="utf-8")
    return root / "gum-conll"


@pytest.fixture
def doc(tmp_path: Path) -> coref.GoldDoc:
    gold = write_gum(tmp_path)
    return coref.load_doc(gold / "GUM_news_bridge.conll", tmp_path / "gum-tsv" / "GUM_news_bridge.tsv")


def mention(doc: coref.GoldDoc, start: int, end: int) -> Span:
    """The character span of GUM tokens ``[start, end)``."""
    return Span(doc.offsets[start][0], doc.offsets[end - 1][1])


def test_read_conll_nested_single_token_and_wikipedia_mentions(tmp_path: Path) -> None:
    gold = write_gum(tmp_path)
    tokens, spans, wiki = coref.read_conll(gold / "GUM_news_bridge.conll")
    assert len(tokens) == 24 and tokens[:4] == ["Mayor", "opens", "bridge", "Tom"]
    assert (1, "person", 3, 5) in spans  # Tom Berg
    assert (1, "person", 6, 10) in spans  # the mayor of Lund, closed on the token that opens Lund
    assert (2, "place", 9, 10) in spans
    assert (1, "person", 17, 18) in spans  # He
    assert len(spans) == 10 and wiki == {2: "Lund"}


def test_read_tsv_sentences_offsets_and_sentence_numbers(tmp_path: Path) -> None:
    write_gum(tmp_path)
    sentences, tokens, offsets, sentence_of = coref.read_tsv(tmp_path / "gum-tsv" / "GUM_news_bridge.tsv")
    assert sentences[0] == "Mayor opens bridge" and len(sentences) == 3
    assert tokens[17] == "He" and offsets[17] == (80, 82) and sentence_of[17] == 2
    assert offsets[0] == (0, 5) and offsets[3] == (19, 22)  # "Tom" after the title and its separator


def test_layouts_keep_every_offset_on_its_token(doc: coref.GoldDoc) -> None:
    assert doc.text == TEXT_TITLE and doc.genre == "news"
    assert doc.sentence_starts == {0, 3, 17}
    assert coref.join_sentences(["a b", "c", "d ."], "lines") == "a b\nc\nd ."
    assert coref.join_sentences(["a b", "c", "d ."], "spaces") == "a b c d ."
    with pytest.raises(ValueError, match="layout"):
        coref.join_sentences(["a"], "paragraphs")


def test_misaligned_files_are_refused(tmp_path: Path) -> None:
    write_gum(tmp_path)
    other = [[("Mayor", "_"), ("closes", "_"), ("bridge", "_")], *SENTENCES[1:]]
    write_gum(tmp_path / "b", sentences=other)
    with pytest.raises(ValueError, match="tokens differ"):
        coref.load_doc(
            tmp_path / "gum-conll" / "GUM_news_bridge.conll", tmp_path / "b/gum-tsv/GUM_news_bridge.tsv"
        )


def test_heads_names_and_name_mentions(doc: coref.GoldDoc) -> None:
    tokens = ["Malaysia", "'s", "Prime", "Minister", "Wong", "Yeung", "-", "tat", "of", "Lund"]
    assert coref.head_of(tokens, 0, 4) == 3
    assert coref.head_of(tokens, 4, 10) == 7  # "-" joins a compound; "of" starts a post-modifier
    assert coref.name_part(tokens, coref.GoldMention(1, "person", 4, 10, 7)) == ["Wong", "Yeung", "-", "tat"]
    # "Mayor" only starts a sentence and "mayor" is written in lower case: not a name word.
    assert coref.name_words(doc) == {"Berg", "Lund", "Monday"}
    names = coref.name_mentions(doc)
    assert [(m.start, m.end) for m in names[1]] == [(3, 5)]  # Tom Berg; not "the mayor of Lund"
    assert [(m.start, m.end) for m in names[2]] == [(9, 10), (22, 23)]
    assert 3 not in names  # the bridge has no name


def test_b_cubed_by_hand() -> None:
    # Gold {m0 m1 m2} {m3 m4}; predicted {m0 m1} {m2 m3} {m4}.
    # Precision: 1 + 1 + 1/2 + 1/2 + 1 = 4; recall: 2/3 + 2/3 + 1/3 + 1/2 + 1/2 = 8/3.
    p, r = coref.b_cubed([1, 1, 1, 2, 2], [7, 7, 8, 8, 9])
    assert p == pytest.approx(4.0) and r == pytest.approx(8 / 3)
    tally = coref.Tally(mentions=5, b3_precision=p, b3_recall=r)
    assert tally.precision == pytest.approx(0.8) and tally.recall == pytest.approx(8 / 15)
    assert tally.f1 == pytest.approx(2 * 0.8 * (8 / 15) / (0.8 + 8 / 15))


def test_score_document_right_pronoun(doc: coref.GoldDoc) -> None:
    entities = [
        Entity("e1", "Tom Berg", "PERSON", mentions=(mention(doc, 3, 5), mention(doc, 17, 18))),
        Entity("e2", "Lund", "GPE", mentions=(mention(doc, 9, 10), mention(doc, 22, 23))),
    ]
    tally, errors = coref.score_document(doc, entities)
    assert (tally.pronoun_ok, tally.pronoun_n, errors) == (1, 1, [])
    # Universe: Mayor, Tom Berg, the mayor of Lund, He (person 1); Lund, Lund (place 2).  The two
    # unmatched person mentions are singletons: precision 6/6; recall 1/4+2/4+1/4+2/4+1+1 = 3.5.
    assert (tally.mentions, tally.matched) == (6, 4)
    assert tally.precision == pytest.approx(1.0) and tally.recall == pytest.approx(3.5 / 6)


def test_score_document_wrong_and_unlinked_pronouns(doc: coref.GoldDoc) -> None:
    berg = Entity("e1", "Tom Berg", "PERSON", mentions=(mention(doc, 3, 5),))
    lund = Entity(
        "e2", "Lund", "GPE", mentions=(mention(doc, 9, 10), mention(doc, 17, 18), mention(doc, 22, 23))
    )
    tally, errors = coref.score_document(doc, [berg, lund])
    assert (tally.pronoun_ok, tally.pronoun_n) == (0, 1)
    assert errors[0].predicted == "Lund" and errors[0].gold_name == "Tom Berg" and errors[0].name_found
    assert "[He] said" in errors[0].context
    # Predicted clusters: {Tom Berg}, {He, Lund, Lund}, singletons Mayor and "the mayor of Lund"
    # (it holds Lund, but Lund does not cover its head, mayor).  Precision 1+1+1+1/3+2/3+2/3 = 14/3;
    # recall 1/4 for each of the four person mentions, 1 for each Lund: 3.
    assert tally.precision == pytest.approx(14 / 18) and tally.recall == pytest.approx(3 / 6)
    _, errors = coref.score_document(doc, [berg])
    assert errors[0].predicted is None and errors[0].name_found
    _, errors = coref.score_document(doc, [Entity("e3", "He", "PERSON", mentions=(mention(doc, 17, 18),))])
    assert errors[0].predicted == "He" and not errors[0].name_found


def test_missing_tsv_folder_is_a_clear_error(tmp_path: Path) -> None:
    gold = write_gum(tmp_path)
    (tmp_path / "gum-tsv" / "GUM_news_bridge.tsv").unlink()
    (tmp_path / "gum-tsv").rmdir()
    with pytest.raises(InputError, match="no gum-tsv folder"):
        coref.load_gold(gold)


def test_evaluate_maps_newsgraph_spans_onto_gum_tokens(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """End to end through analyze_many: the analysed text is the rebuilt text, spans land on tokens."""
    gold = write_gum(tmp_path)
    doc = coref.load_gold(gold)[0]
    article = analyze(doc.text)
    assert article.text == doc.text
    mapped = coref.predicted_mentions(article.entities, doc.offsets)
    assert mapped, "newsgraph found no entity in the test document"
    for p in mapped:
        texts = {article.text[m.start : m.end] for m in article.entities[p.entity].mentions}
        assert " ".join(doc.tokens[p.start : p.end]) in texts
    scores = coref.evaluate(gold)
    assert scores.total().docs == 1 and scores.total().pronoun_n == 1 and scores.total().mentions == 6
    assert main(["eval", "coref", "--gold", str(gold), "--errors"]) == 0
    out = capsys.readouterr().out
    assert "| news | 1 |" in out and "| all | 1 |" in out


@pytest.mark.gold
def test_gum_news_scores_are_computed_and_sane() -> None:
    """The real GUM news documents: figures exist and are plausible (no floor locks today's numbers)."""
    gold = require_shared("data", "coref", "gum-conll")
    scores = coref.evaluate(gold, genres=["news"])
    news = scores.total(["news"])
    assert news.docs == 12 and set(scores.by_genre) == {"news"}
    assert news.pronoun_n > 50 and 0 < news.pronoun_ok <= news.pronoun_n
    assert news.mentions > 500 and 0 < news.matched <= news.mentions
    assert 0.5 < news.precision <= 1 and 0 < news.recall <= 1 and 0 < news.f1 <= 1
    assert len(scores.errors) == news.pronoun_n - news.pronoun_ok
    table = coref.format_table(scores, errors=True)
    assert "| news | 12 |" in table and "Wrong pronouns" in table


#: Floors about 0.02 below the figures measured when they were set (issue targets: 0.85 on news +
#: interview, 0.80 on news; measured 2026-12-04: 0.863, 0.808 and 0.836 on the other four genres).
#: A hidden set of GUM news documents is scored by the maintainers too.
NEWS_INTERVIEW_PRONOUN_FLOOR = 0.84
NEWS_PRONOUN_FLOOR = 0.78
OTHER_GENRES_PRONOUN_FLOOR = 0.81


@pytest.mark.gold
def test_gum_pronoun_accuracy_floors() -> None:
    gold = require_shared("data", "coref", "gum-conll")
    scores = coref.evaluate(gold)
    both = scores.total(["news", "interview"])
    news = scores.total(["news"])
    other = scores.total(["bio", "court", "voyage", "academic"])
    table = coref.format_table(scores)
    assert both.pronoun_ok / both.pronoun_n >= NEWS_INTERVIEW_PRONOUN_FLOOR, table
    assert news.pronoun_ok / news.pronoun_n >= NEWS_PRONOUN_FLOOR, table
    assert other.pronoun_ok / other.pronoun_n >= OTHER_GENRES_PRONOUN_FLOOR, table
