"""The per-Doc cache equals what spaCy computes, follows a changed Doc, and lets the Doc go."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.nlp import doc_cache
from newsgraph.nlp.pipeline import load_pipeline

TEXT = (
    "The mayor opened the new bridge on Monday.  Traffic was light.\n\n"
    '"It took nine years," she said, thanking the engineers who built it.'
)


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_pipeline()


def test_values_equal_spacys(nlp: Language) -> None:
    doc = nlp(TEXT)
    assert doc_cache.text_of(doc) == doc.text
    assert [t.i for t in doc_cache.tokens_of(doc)] == list(range(len(doc)))
    assert doc_cache.sentence_bounds(doc) == [(s.start, s.end) for s in doc.sents]
    index = doc_cache.sentence_index(doc)
    for n, sent in enumerate(doc.sents):
        assert all(index[i] == n for i in range(sent.start, sent.end))
    for start in range(len(doc)):
        for end in range(start, min(len(doc), start + 5) + 1):
            assert doc_cache.span_text(doc, start, end) == doc[start:end].text


def test_a_retokenised_doc_is_read_again(nlp: Language) -> None:
    doc = nlp.make_doc("New York is big.")
    assert len(doc_cache.tokens_of(doc)) == 5
    with doc.retokenize() as retokenizer:
        retokenizer.merge(doc[0:2])
    assert [t.text for t in doc_cache.tokens_of(doc)] == ["New York", "is", "big", "."]


def test_the_pipeline_leaves_no_token_list_behind(nlp: Language) -> None:
    # The token list refers back to its Doc; each of our components drops it when done, so an
    # analysed Doc is freed by reference counting, not by the cycle collector.
    doc = nlp(TEXT)
    assert "newsgraph.tokens" not in doc.user_data
    assert doc_cache.text_of(doc) == TEXT
    probe = Doc(nlp.vocab, words=["a", "b"])
    doc_cache.tokens_of(probe)
    doc_cache.release(probe)
    assert "newsgraph.tokens" not in probe.user_data


def test_the_seeded_text_of_an_analysed_article_is_the_docs_text(nlp: Language) -> None:
    """``make_doc`` records the text the Doc was made from (``seed_text``); after the whole
    pipeline -- layout included -- it is still exactly ``doc.text``."""
    from newsgraph.core import make_doc
    from newsgraph.extract.base import ExtractedArticle

    text = "Bridge opens\n\n" + TEXT + "\n\n  Trailing  spaces   and\ttabs.  "
    doc = nlp(make_doc(nlp, ExtractedArticle(text=text, title="Bridge opens")))
    assert doc_cache.text_of(doc) == doc.text
