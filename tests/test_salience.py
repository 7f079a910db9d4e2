"""The pronoun choice: features, weights as data, the probability kept as confidence, and the
(experimental) conditional-logit fit on synthetic choices."""

from __future__ import annotations

from types import SimpleNamespace

import numpy as np
import pytest

from newsgraph.eval.pronoun_training import accuracy, fit
from newsgraph.nlp.discourse import salience
from newsgraph.nlp.discourse.salience import FEATURES, choose, observed, weights


def test_every_feature_has_a_shipped_weight() -> None:
    assert len(weights()) == len(FEATURES)
    assert weights()[FEATURES.index("sentence_distance")] < 0  # distance costs


def _mention(cluster: object) -> SimpleNamespace:
    return SimpleNamespace(cluster=cluster, group=None)


def test_choose_takes_the_best_score_and_sums_an_entitys_mentions() -> None:
    near, far = object(), object()
    cands = [_mention(far), _mention(near), _mention(near)]
    vectors = [[0.0] * len(FEATURES) for _ in cands]
    vectors[0][FEATURES.index("sentence_distance")] = 3.0
    index, probability = choose(0, cands, vectors)
    assert index == 2  # a tie between the two "near" mentions goes to the later one
    assert 0.5 < probability <= 1.0


def test_an_observer_decides_while_training() -> None:
    seen: list[salience.Choice] = []

    def observer(choice: salience.Choice) -> int:
        seen.append(choice)
        return 0

    with observed(observer):
        assert choose(7, [_mention(object()), _mention(object())], [[0.0] * len(FEATURES)] * 2) == (0, 1.0)
    assert seen[0].pronoun_start == 7
    assert salience._observer is None


@pytest.mark.parametrize("signal", [0, 4])
def test_fit_learns_which_feature_marks_the_right_candidate(signal: int) -> None:
    rng = np.random.default_rng(0)
    groups = []
    for _ in range(60):
        x = rng.normal(size=(4, len(FEATURES)))
        gold = int(rng.integers(4))
        x[gold, signal] += 3.0  # the right candidate stands out on one feature
        groups.append((x, (gold,)))
    w = fit(groups)
    assert int(np.argmax(np.abs(w))) == signal and w[signal] > 0
    assert accuracy(groups, w) > 0.9
