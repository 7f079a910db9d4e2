"""Gold gates for events: the seed's Must-show events, and floors on dev + dev2.

The floors sit about 0.02 below the figures measured on dev + dev2 together (40 articles) when
they were set, so that one flipped item never blocks a general improvement; raise them when the
figures improve.  Skipped with a message when ``../shared`` is absent.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from newsgraph.eval.events import (
    EventScores,
    evaluate_dir,
    evaluate_sentences,
    format_report,
    pipeline_events,
    sentence_events,
)
from newsgraph.eval.quotes import normalize_name
from newsgraph.records import Event

SHARED = Path(__file__).resolve().parents[2] / "shared"
DEV = SHARED / "gold" / "dev"
DEV2 = SHARED / "gold" / "dev2"
SEED = DEV / "seed-us-open-to-discussing-deep-strikes.json"
SENTENCES = SHARED / "data" / "events" / "plover-gsr-cameo-examples"

#: Measured after issue 13's seventh round (tests/test_events_recall.py): dev + dev2
#: (source, type) F1 0.572, (source, type, target) F1 0.369, PLOVER sentences 0.714; the floors
#: sit about 0.02 below.
SOURCE_TYPE_F1_FLOOR = 0.552
SOURCE_TYPE_TARGET_F1_FLOOR = 0.349
SENTENCE_TYPE_ACCURACY_FLOOR = 0.691

pytestmark = pytest.mark.gold


def _require(path: Path) -> Path:
    if not path.exists():
        pytest.skip(f"{path} is absent: the event gold gates need ../shared")
    return path


@pytest.fixture(scope="module")
def seed_events() -> list[Event]:
    import json

    text = json.loads(_require(SEED).read_text("utf-8"))["text"]
    return pipeline_events(text)


def _has(events: list[Event], source: str, plover: str, target: str, cameo: tuple[str, ...]) -> bool:
    return any(
        normalize_name(e.source) == normalize_name(source)
        and e.plover == plover
        and e.cameo in cameo
        and normalize_name(e.target) == normalize_name(target)
        for e in events
    )


def test_seed_blinken_expressed_intent_to_discuss_with_ukraine(seed_events: list[Event]) -> None:
    assert _has(seed_events, "Antony Blinken", "AGREE", "Ukraine", ("036",))
    assert not any(e.plover == "CONSULT" for e in seed_events)  # the intent, not the act


def test_seed_house_members_letter_requests_the_biden_administration(seed_events: list[Event]) -> None:
    found = [e for e in seed_events if e.plover == "REQUEST" and e.target == "Biden administration"]
    assert found and found[0].source == "bipartisan members of the U.S. House of Representatives"
    assert found[0].quote is not None


def test_seed_peskov_accuses_the_us(seed_events: list[Event]) -> None:
    assert _has(seed_events, "Dmitry Peskov", "ACCUSE", "United States", ("111", "112"))
    peskov = [e for e in seed_events if e.source == "Dmitry Peskov"]
    assert {e.source_country for e in peskov} == {"RUS"}


def test_seed_no_event_for_the_hypothetical_strikes(seed_events: list[Event]) -> None:
    assert not any(e.plover in ("ASSAULT", "THREATEN", "COERCE") for e in seed_events)


@pytest.fixture(scope="module")
def gold_scores() -> EventScores:
    """dev and dev2 scored together (40 articles): a gate on what rules were not tuned on too."""
    return evaluate_dir((_require(DEV), _require(DEV2)), pipeline_events)


def test_dev_and_dev2_source_type_f1_floor(gold_scores: EventScores) -> None:
    f1 = gold_scores.prf()[2]
    assert f1 >= SOURCE_TYPE_F1_FLOOR, format_report(gold_scores)


def test_dev_and_dev2_source_type_target_f1_floor(gold_scores: EventScores) -> None:
    f1 = gold_scores.prf(with_target=True)[2]
    assert f1 >= SOURCE_TYPE_TARGET_F1_FLOOR, format_report(gold_scores)


def test_plover_sentences_type_accuracy_floor() -> None:
    scores = evaluate_sentences(_require(SENTENCES), sentence_events)
    assert scores.gold == 322
    assert scores.type_accuracy() >= SENTENCE_TYPE_ACCURACY_FLOOR, format_report(sentences=scores)
