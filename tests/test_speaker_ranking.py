"""The speaker ranking (nlp/quotes/ranking.py): options, weights, confidence, and the trainer."""

from __future__ import annotations

import numpy as np
import pytest

from newsgraph.core import make_doc
from newsgraph.eval.conditional_logit import accuracy, fit
from newsgraph.extract.base import ExtractedArticle
from newsgraph.nlp.pipeline import load_pipeline
from newsgraph.nlp.quotes.ranking import FEATURES, SpeakerChoice, observed, shipped_weights, using_weights
from newsgraph.records import Quote
from tests.conftest import require_shared

TEXT = (
    "Mayor Ines Duarte met union leader Tomas Berg on Monday. Berg said that the strike would end on Friday."
)


def quotes_of(text: str) -> list[Quote]:
    nlp = load_pipeline()
    return list(nlp(make_doc(nlp, ExtractedArticle(text=text, title=None)))._.ng_quotes)


def test_every_quote_with_a_speaker_carries_a_confidence() -> None:
    [quote] = quotes_of(TEXT)
    assert quote.speaker == "Tomas Berg"
    assert quote.speaker_confidence is not None and 0.0 < quote.speaker_confidence <= 1.0
    assert Quote.from_dict(quote.to_dict()) == quote


def test_options_are_the_rules_answer_and_the_entities_in_reach() -> None:
    seen: list[SpeakerChoice] = []

    def observe(choice: SpeakerChoice) -> int | None:
        seen.append(choice)
        return None

    with observed(observe):
        quotes_of(TEXT)
    [choice] = seen
    names = [o.name for o in choice.options]
    assert names[0] == "Tomas Berg" and choice.options[0].features[FEATURES.index("rule")] == 1.0
    assert "Ines Duarte" in names  # named in the sentence before: a rival option


def test_the_weights_decide_between_the_options() -> None:
    w = [0.0] * len(FEATURES)
    w[FEATURES.index("rule")] = -5.0  # an absurd model that distrusts the rules
    with using_weights(w):
        [quote] = quotes_of(TEXT)
    assert quote.speaker == "Ines Duarte"


def test_conditional_logit_learns_which_option_is_right() -> None:
    rng = np.random.default_rng(0)
    groups = []
    for _ in range(60):
        x = rng.normal(size=(4, 3))
        groups.append((x, (int(np.argmax(x[:, 1])),)))  # the option highest on feature 1 is right
    w = fit(groups)
    assert w[1] > abs(w[0]) and w[1] > abs(w[2])
    assert accuracy(groups, w) > 0.9


@pytest.mark.gold
def test_retraining_reproduces_the_shipped_weights() -> None:
    gold = require_shared("gold")
    from newsgraph.eval.quotes import pipeline_quotes
    from newsgraph.eval.speaker_training import train

    _, w = train((gold / "dev", gold / "dev2"), pipeline_quotes)
    assert np.allclose(w, shipped_weights(), atol=1e-3)
