"""The analyze core: inputs of every kind, batching, masking, failure isolation."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from newsgraph import RawDocument, Settings, analyze, analyze_many
from newsgraph.core import nlp_text
from newsgraph.errors import InputError
from newsgraph.extract.base import ExtractedArticle
from newsgraph.nlp import pipeline
from newsgraph.records import RemovedLine

ARTICLE = """Talks resume in Geneva

By Jane Doe

Monday, May 18, 2015

Trending Now

Negotiators from both sides met in Geneva on Monday, officials said.
"""


def test_analyze_text_string() -> None:
    article = analyze(ARTICLE)
    assert article.text == ARTICLE
    assert article.title == "Talks resume in Geneva"
    assert article.published == "2015-05-18"
    assert article.id == article.provenance.text_sha256[:16]  # type: ignore[union-attr]
    assert article.language == "en"


def test_analyze_path(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_text(ARTICLE, encoding="utf-8")
    article = analyze(f)
    assert article.source.path == str(f) and article.source.format == "text"


def test_same_text_same_output() -> None:
    assert analyze(ARTICLE).to_dict() == analyze(ARTICLE).to_dict()


def test_removed_lines_are_masked_for_nlp() -> None:
    text = "Title\nTrending Now\nBody text here."
    extracted = ExtractedArticle(text=text, removed_lines=(RemovedLine(6, 18, "widget"),))
    masked = nlp_text(extracted)
    assert len(masked) == len(text)
    assert masked == "Title\n" + " " * 12 + "\nBody text here."


def test_analyze_many_keeps_order_and_reports_failures() -> None:
    docs: list[RawDocument | InputError] = [
        RawDocument(data=ARTICLE, format="text", id="first"),
        InputError("missing.txt", "no such file or directory"),
        RawDocument(data="   \n  ", format="text", id="blank"),
        RawDocument(data=b"\x00\x01\x02binary", format="text", path="bin.txt"),
        RawDocument(data=ARTICLE.replace("Geneva", "Vienna"), format="text", id="last"),
    ]
    outcomes = list(analyze_many(docs, Settings(batch_size=2)))
    assert [o.label for o in outcomes] == ["first", "missing.txt", "blank", "bin.txt", "last"]
    assert [o.ok for o in outcomes] == [True, False, False, False, True]
    assert outcomes[2].error == "no article text found"
    assert "binary" in (outcomes[3].error or "")
    assert outcomes[4].article is not None and "Vienna" in outcomes[4].article.text


@pytest.fixture
def exploding_model() -> Iterator[str]:
    """A real (blank) spaCy pipeline whose component fails on one document."""

    @Language.component("test_explode_on_marker")
    def explode(doc: Doc) -> Doc:
        if "EXPLODE" in doc.text:
            raise RuntimeError("component failure")
        return doc

    nlp = spacy.blank("en")
    nlp.add_pipe("test_explode_on_marker")
    name = "test-exploding-pipeline"
    pipeline._CACHE[name] = nlp
    yield name
    del pipeline._CACHE[name]


def test_a_failing_document_does_not_sink_its_batch(exploding_model: str) -> None:
    docs: list[RawDocument | InputError] = [
        RawDocument(data=f"Title {i}\n\nBody {i}{' EXPLODE' if i == 1 else ''}.", format="text", id=str(i))
        for i in range(4)
    ]
    outcomes = list(analyze_many(docs, Settings(model=exploding_model, batch_size=4)))
    assert [o.ok for o in outcomes] == [True, False, True, True]
    assert "RuntimeError: component failure" in (outcomes[1].error or "")


def test_too_long_text_is_an_input_error(exploding_model: str) -> None:
    nlp = pipeline._CACHE[exploding_model]
    nlp.max_length = 100
    with pytest.raises(InputError, match="too long"):
        analyze("Title\n\n" + "word " * 100, Settings(model=exploding_model))


def test_every_span_of_every_example_points_into_the_text() -> None:
    """The contract's invariant on real inputs: spans are non-empty, in range and consistent."""
    from newsgraph.ingest.files import iter_documents

    from .conftest import EXAMPLES

    outcomes = list(analyze_many(iter_documents([EXAMPLES], 10_000_000)))
    assert outcomes and all(o.ok for o in outcomes)
    for outcome in outcomes:
        article = outcome.article
        assert article is not None
        text = article.text
        for entity in article.entities:
            assert "" not in entity.aliases, (outcome.label, entity.name)
            for m in entity.mentions:
                assert 0 <= m.start < m.end <= len(text), (outcome.label, entity.name, m)
        for q in article.quotes:
            assert text[q.start : q.end] == q.text
            for part in (q.cue, q.speaker_mention, *q.fragments):
                if part is not None:
                    assert text[part.start : part.end] == part.text, (outcome.label, part)
            assert q.continues is None or 0 <= q.continues < len(article.quotes)
            assert q.speaker_entity is None or q.speaker_entity in {e.id for e in article.entities}
        for ev in article.events:
            assert 0 <= ev.evidence.start < ev.evidence.end <= len(text)
            assert ev.quote is None or 0 <= ev.quote < len(article.quotes)
        for removed in article.removed_lines:
            assert 0 <= removed.start < removed.end <= len(text)


def test_quotes_never_run_into_removed_lines() -> None:
    from newsgraph.nlp.to_records import realign_quote
    from newsgraph.records import Quote, TextSpan

    text = "Ana says talks will go on\n\nPhoto: Someone\nBody."
    masked = "Ana says talks will go on\n\n" + " " * 14 + "\nBody."
    quote = Quote(masked[9:41], 9, 41, "indirect", cue=TextSpan("says", 4, 8))
    fixed = realign_quote(quote, text, [RemovedLine(27, 41, "image credit")])
    assert (fixed.text, fixed.end) == ("talks will go on", 25)
    assert fixed.cue == TextSpan("says", 4, 8)


def test_an_unexpected_extraction_error_costs_one_input(monkeypatch: pytest.MonkeyPatch) -> None:
    from newsgraph import core

    real = core.extract

    def flaky(raw: RawDocument) -> ExtractedArticle:
        if raw.id == "bad":
            raise ImportError("lxml.html.clean module is now a separate project")
        return real(raw)

    monkeypatch.setattr(core, "extract", flaky)
    docs: list[RawDocument | InputError] = [
        RawDocument(data=ARTICLE, format="text", id="good"),
        RawDocument(data=ARTICLE.replace("Geneva", "Oslo"), format="text", id="bad"),
    ]
    outcomes = list(analyze_many(docs))
    assert [o.ok for o in outcomes] == [True, False]
    assert (
        outcomes[1].error
        == "extraction failed: ImportError: lxml.html.clean module is now a separate project"
    )
