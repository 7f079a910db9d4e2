"""Gold gates for HTML extraction (Zyte body F1, WCXB metadata accuracy) and their scorers.

Floors sit a little below what was measured when they were set (numbers in the comments, from
``benchmarks/extraction.py``); raise them when extraction improves, never lower them to make a
change pass.  Each data set is extracted once per session (module-scoped fixtures), ~15 s here.
The data live in ``../shared/data/article-extraction`` (or ``$NEWSGRAPH_SHARED``); the tests skip
when it is absent.
"""

from __future__ import annotations

import pytest

from newsgraph.eval.extraction import (
    Prediction,
    ShingleCounts,
    WcxbResult,
    ZyteResult,
    authors_match,
    corpus_prf,
    date_matches,
    format_table,
    predict_newsgraph,
    run_wcxb,
    run_zyte,
    shingle_counts,
    snippet_share,
    title_matches,
    word_f1,
)

from .conftest import require_shared

gold = pytest.mark.gold

# --- the scorers, on hand-computed cases ---------------------------------------------------------


def test_shingle_counts_exact_match() -> None:
    # Case is kept: only "two three four five" is shared; TP, FP and FN are 1 of 3 each.
    assert shingle_counts("One two, three four five.", "one two three four five") == ShingleCounts(
        1 / 3, 1 / 3, 1 / 3, False
    )
    assert shingle_counts("a b c d e", "a  b\nc d e") == ShingleCounts(1.0, 0.0, 0.0, True)


def test_shingle_counts_partial_overlap() -> None:
    # predicted shingles: abcd bcde cdef; reference: abcd bcde -> TP 2, FP 1, FN 0 (of 3)
    counts = shingle_counts("a b c d e f", "a b c d e")
    assert counts == ShingleCounts(2 / 3, 1 / 3, 0.0, False)
    assert counts.precision == pytest.approx(2 / 3)
    assert counts.recall == 1.0


def test_short_and_empty_texts() -> None:
    assert shingle_counts("a b", "a b") == ShingleCounts(1.0, 0.0, 0.0, True)  # one shingle of 2 tokens
    assert shingle_counts("", "a b c d") == ShingleCounts(0.0, 0.0, 1.0, False)
    assert shingle_counts("", "") == ShingleCounts(0.0, 0.0, 0.0, True)


def test_corpus_scores_are_means_then_harmonic_mean() -> None:
    perfect = ShingleCounts(1.0, 0.0, 0.0, True)
    half = ShingleCounts(0.5, 0.5, 0.0, False)  # P 0.5, R 1.0
    empty_prediction = ShingleCounts(0.0, 0.0, 1.0, False)  # not in P's mean; R 0.0
    p, r, f1 = corpus_prf([perfect, half, empty_prediction])
    assert p == pytest.approx(0.75)
    assert r == pytest.approx(2 / 3)
    assert f1 == pytest.approx(2 * 0.75 * (2 / 3) / (0.75 + 2 / 3))


def test_word_f1() -> None:
    assert word_f1("The cat sat", "the cat sat down") == pytest.approx(2 * 1.0 * 0.75 / 1.75)
    assert word_f1("", "") == 1.0
    assert word_f1("x", "") == 0.0


def test_metadata_matchers() -> None:
    assert title_matches("Ministers agree: talks resume!", "ministers agree talks resume")
    assert not title_matches(None, "Ministers")
    assert authors_match(("John Smith", "Jane Doe"), "Jane Doe, John Smith")
    assert not authors_match((), "Jane Doe")
    assert date_matches("2024-05-23T07:37:00+01:00", "2024-05-23")
    assert not date_matches(None, "2024-05-23")
    assert snippet_share("Some Text here", ["some text", "missing"], if_none=1.0) == 0.5
    assert snippet_share("anything", [], if_none=1.0) == 1.0


def test_format_table_pairs_rows_by_name() -> None:
    zyte = ZyteResult("x", ("a",), (ShingleCounts(1.0, 0.0, 0.0, True),), 0.5, 0)
    wcxb = WcxbResult("y", (), 1.0, 0)
    table = format_table([zyte], [wcxb], bootstrap=0).splitlines()
    assert table[0].startswith("| extractor | Zyte P |")
    assert table[2] == "| x | 1.000 | 1.000 | 1.000 | 1.000 | 2.0 | – | – | – | – | – | – | – |"
    assert table[3].startswith("| y | – | – | – | – | – | 0.000 |")
    assert len(table) == 4
    assert Prediction("").failed is False


# --- the gates ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def zyte() -> ZyteResult:
    directory = require_shared("data", "article-extraction", "zyte-article-extraction-benchmark")
    return run_zyte(directory, predict_newsgraph, "newsgraph")


@pytest.fixture(scope="module")
def wcxb() -> WcxbResult:
    directory = require_shared("data", "article-extraction", "wcxb-test-articles")
    return run_wcxb(directory, predict_newsgraph, "newsgraph")


@gold
def test_zyte_covers_every_page(zyte: ZyteResult) -> None:
    assert len(zyte.docs) == 181
    assert zyte.failures == 0


@gold
def test_zyte_body_f1(zyte: ZyteResult) -> None:
    # Measured 0.971 (P 0.966, R 0.976); trafilatura 2.3.1 defaults: 0.958.
    assert zyte.f1 >= 0.965


@gold
def test_zyte_precision_and_recall(zyte: ZyteResult) -> None:
    # Measured P 0.966, R 0.976.
    assert zyte.precision >= 0.96
    assert zyte.recall >= 0.97


@gold
def test_wcxb_body_word_f1(wcxb: WcxbResult) -> None:
    # Measured 0.953 (trafilatura defaults 0.953); boilerplate snippets found: 6.0% (defaults 7.5%).
    assert len(wcxb.pages) == 257
    assert wcxb.failures == 0
    assert wcxb.word_f1 >= 0.945
    assert wcxb.without_pct <= 7.0


@gold
def test_wcxb_title_accuracy(wcxb: WcxbResult) -> None:
    # Measured 0.848 over 257 pages (trafilatura defaults 0.588: site-name suffixes).
    assert wcxb.title_accuracy >= 0.83


@gold
def test_wcxb_author_accuracy(wcxb: WcxbResult) -> None:
    # Measured 0.799 over 184 pages (trafilatura defaults 0.663).
    assert wcxb.author_accuracy >= 0.78


@gold
def test_wcxb_date_accuracy(wcxb: WcxbResult) -> None:
    # Measured 0.881 over 218 pages (trafilatura defaults 0.872).
    assert wcxb.date_accuracy >= 0.86
