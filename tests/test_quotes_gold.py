"""Gold gates for quotes: the seed's 12 statements, and dev-wide F1 floors.

The floors are the figures reached when they were set, rounded down (issue targets: quote
F1 >= 0.85, end-to-end F1 >= 0.80); raise them when the figures improve.  Skipped with a
message when ``../shared`` is absent.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from newsgraph.eval.quotes import (
    QuoteScores,
    evaluate_dir,
    format_report,
    load_gold,
    normalize_name,
    pair,
    pipeline_quotes,
)

SHARED = Path(__file__).resolve().parents[2] / "shared"
DEV = SHARED / "gold" / "dev"
SEED = DEV / "seed-us-open-to-discussing-deep-strikes.json"

QUOTE_F1_FLOOR = 0.92
END_TO_END_F1_FLOOR = 0.79

pytestmark = pytest.mark.gold


def _require(path: Path) -> Path:
    if not path.exists():
        pytest.skip(f"{path} is absent: the quote gold gates need ../shared/gold")
    return path


@pytest.fixture(scope="module")
def dev_scores() -> QuoteScores:
    return evaluate_dir(_require(DEV), pipeline_quotes)


def test_seed_all_twelve_statements_with_the_right_speaker() -> None:
    text, gold = load_gold(_require(SEED))
    predicted = pipeline_quotes(text)
    pairs = dict(pair(gold, predicted))
    assert len(gold) == 12
    missing = [g.text[:60] for i, g in enumerate(gold) if i not in pairs]
    assert missing == []
    wrong = [
        (gold[g].speaker, predicted[p].speaker)
        for g, p in pairs.items()
        if normalize_name(predicted[p].speaker) not in gold[g].accepted
    ]
    assert wrong == []


def test_seed_he_said_after_lloyd_austin_is_blinken() -> None:
    text, _ = load_gold(_require(SEED))
    quote = next(q for q in pipeline_quotes(text) if q.text.startswith("I'm always open"))
    assert quote.speaker == "Antony Blinken"
    assert quote.speaker_mention is not None and quote.speaker_mention.text == "he"


def test_dev_quote_f1_floor(dev_scores: QuoteScores) -> None:
    assert dev_scores.prf()[2] >= QUOTE_F1_FLOOR


def test_dev_end_to_end_f1_floor(dev_scores: QuoteScores) -> None:
    assert dev_scores.prf(end_to_end=True)[2] >= END_TO_END_F1_FLOOR


def test_report_lists_the_figures(dev_scores: QuoteScores) -> None:
    report = format_report(dev_scores, errors=True)
    assert "end-to-end" in report and "recall by type" in report
