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
