"""The event confidence model: features on written sentences, the logistic fit, honest
cross-validation, and the shipped weights reproduced from the gold articles."""

from __future__ import annotations

import math
from functools import cache

import numpy as np
import pytest

from newsgraph.core import make_doc
from newsgraph.eval.event_training import (
    ArticleEvents,
    Examples,
    cross_validate,
    cut,
    fit_logistic,
    rules_f1,
    train,
)
from newsgraph.eval.events import GoldEvent
from newsgraph.extract.base import ExtractedArticle
from newsgraph.nlp.events.build import EventBuilder
from newsgraph.nlp.events.confidence import (
    FEATURES,
    event_features,
    learned_cut,
    probability,
    rate_events,
    shipped_weights,
)
from newsgraph.nlp.knowledge.event_lexicon import load_event_lexicon
from newsgraph.nlp.pipeline import load_pipeline
from newsgraph.records import Event, Span
from tests.conftest import require_shared


@cache
def analysed(text: str):  # type: ignore[no-untyped-def]
    nlp = load_pipeline()
    return nlp(make_doc(nlp, ExtractedArticle(text=text)))


def features_of(text: str) -> list[dict[str, float]]:
    doc = analysed(text)
    events = EventBuilder(doc, load_event_lexicon()).build()
    return [dict(zip(FEATURES, row, strict=True)) for row in event_features(events, doc)]


@pytest.mark.parametrize(
    "text",
    [
        "Russia accused Ukraine of shelling the power plant on Tuesday.",
        "Japan condemned North Korea for launching another missile over its territory.",
        "The Kenyan government criticised Uganda for closing the border crossing.",
    ],
)
def test_a_reported_accusation_between_named_actors(text: str) -> None:
    (f,) = features_of(text)
    assert f["type_ACCUSE"] == 1 and f["source_description"] == 0 and f["source_person"] == 0
    assert f["no_target"] == 0 and f["target_description"] == 0
    assert f["in_direct_quote"] == 0  # "accused X of ..." is an indirect statement, not direct speech


@pytest.mark.parametrize(
    "text",
    [
        '"We will never negotiate with Moscow," the Ukrainian president said. "We condemn Russia."',
        '"We strongly condemn Iran," the Israeli foreign minister said on Monday.',
        'Germany\'s chancellor said: "We condemn the Taliban for these killings."',
    ],
)
def test_an_accusation_in_direct_speech_is_marked_as_such(text: str) -> None:
    rows = [f for f in features_of(text) if f["type_ACCUSE"] == 1]
    assert rows and all(f["in_statement"] == 1 and f["in_direct_quote"] == 1 for f in rows)


def test_repeated_events_of_one_source_and_type_count_their_repeats() -> None:
    text = (
        "Israel accused Hamas of firing rockets. Hamas accused Israel of shelling Gaza.\n\n"
        "On Friday, Israel again criticised Hezbollah for the border attacks."
    )
    rows = [f for f in features_of(text) if f["type_ACCUSE"] == 1]
    assert sorted(round(math.exp(f["log_repeats"])) for f in rows) == [1, 2, 2]


def test_every_event_of_the_pipeline_has_a_confidence() -> None:
    doc = analysed(
        "Iran accused the United States of sabotage. Egypt welcomed the ceasefire between Israel and Hamas."
    )
    events = doc._.ng_events
    assert events and all(e.confidence is not None and 0.0 < e.confidence < 1.0 for e in events)


def test_a_cut_keeps_only_the_events_at_least_that_sure() -> None:
    doc = analysed("Iran accused the United States of sabotage. Protesters marched through the capital.")
    events = EventBuilder(doc, load_event_lexicon()).build()
    rated = rate_events(events, doc)
    assert len(rated) == len(events)
    middle = sorted(e.confidence or 0.0 for e in rated)[len(rated) // 2]
    kept = rate_events(events, doc, cut=middle)
    assert kept and all((e.confidence or 0.0) >= middle for e in kept)
    assert len(kept) < len(rated) or len({e.confidence for e in rated}) == 1


def test_the_shipped_file_has_a_weight_per_feature_and_a_threshold() -> None:
    w = shipped_weights()
    assert len(w) == len(FEATURES) + 1
    assert 0.0 < learned_cut() < 0.5  # half an F1
    assert probability([0.0] * len(FEATURES), w[: len(FEATURES)]) == pytest.approx(0.5)


def test_the_logistic_fit_recovers_a_known_model() -> None:
    rng = np.random.default_rng(7)
    x = np.column_stack([np.ones(4000), rng.normal(size=(4000, 2))])
    true = np.array([-0.5, 2.0, -1.0])
    y = (rng.random(4000) < 1 / (1 + np.exp(-(x @ true)))).astype(float)
    w = fit_logistic(x, y, l2=0.0)
    assert np.allclose(w, true, atol=0.15)
    assert abs(fit_logistic(x, y, l2=500.0)[1]) < abs(w[1])  # the penalty shrinks


def _article(name: str, rows: list[tuple[float, ...]], right: list[bool], gold: int) -> ArticleEvents:
    events = tuple(Event("X", "ACCUSE", "111", Span(i, i + 1)) for i in range(len(rows)))
    golds = tuple(
        GoldEvent("X", frozenset({"x"}), "ACCUSE", "111", None, frozenset(), 0, 1) for _ in range(gold)
    )
    return ArticleEvents(name, golds, events, tuple(rows), tuple(right))


def _row(good: bool) -> tuple[float, ...]:
    return tuple(1.0 if f == "bias" or (f == "in_direct_quote" and not good) else 0.0 for f in FEATURES)


def test_the_threshold_is_half_the_rules_f1_of_the_training_articles() -> None:
    a = _article("a", [_row(True), _row(False)], [True, False], gold=2)
    assert rules_f1([a]) == pytest.approx(0.5)
    assert train([a])[-1] == pytest.approx(0.25)


def test_cross_validation_cuts_each_article_with_a_model_fitted_without_it() -> None:
    # Events in direct quotes are wrong in every article: the model learns it from the others.
    arts = [_article(n, [_row(True)] * 3 + [_row(False)] * 3, [True] * 3 + [False] * 3, 3) for n in "abcd"]
    rules, learned = cross_validate(Examples(arts))
    assert rules.prf()[2] == pytest.approx(2 * 0.5 * 1.0 / 1.5)
    assert learned.prf()[2] == pytest.approx(1.0)
    w = train(arts[1:])
    assert len(cut(arts[0], w.tolist())) == 3


@pytest.mark.gold
def test_retraining_reproduces_the_shipped_weights_and_the_cut_holds_out_of_sample() -> None:
    gold = require_shared("gold")
    from newsgraph.eval.event_training import collect

    examples = collect((gold / "dev", gold / "dev2"))
    w = train(examples.articles)
    assert np.allclose(w, shipped_weights(), atol=1e-3)
    rules, learned = cross_validate(examples)
    # Leave-one-article-out: the learned cut must not cost F1 on articles it never saw.
    assert learned.prf()[2] >= rules.prf()[2] - 0.02
    assert learned.prf(True)[2] >= rules.prf(True)[2] - 0.02
