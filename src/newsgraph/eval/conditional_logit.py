"""A conditional logit: a softmax over a varying set of options per example, fitted by
gradient ascent with numpy.

Both learned choices of the pipeline use it -- a pronoun's antecedent
(:mod:`.pronoun_training`) and a quote's speaker (:mod:`.speaker_training`).  Written here rather
than taken from a library because the usual classifiers (scikit-learn's included) fit a softmax
over fixed classes, not over a different set of candidates per example.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

L2 = 1.0

#: One example: the options' feature matrix and the indexes of the right options.
Group = tuple[np.ndarray[Any, Any], tuple[int, ...]]


def fit(groups: Sequence[Group], l2: float = L2, steps: int = 400) -> np.ndarray[Any, Any]:
    """Conditional-logit weights by gradient ascent from zero, a fixed number of steps
    (deterministic): maximise, per example, the log of the probability mass on its right
    options, minus an L2 penalty.  (The objective is not concave when an example has several
    right options, so Newton's method is not safe here.)"""
    w = np.zeros(groups[0][0].shape[1] if groups else 0)
    rate = 1.0 / max(len(groups), 1)
    for _ in range(steps):
        grad = -l2 * w
        for x, gold in groups:
            s = x @ w
            p = np.exp(s - s.max())
            p /= p.sum()
            right = list(gold)
            q = np.zeros_like(p)
            q[right] = np.exp(s[right] - s[right].max())  # the right options' own softmax (no underflow)
            q /= q.sum()
            grad += q @ x - p @ x
        w += rate * grad
    return w


def accuracy(groups: Sequence[Group], w: np.ndarray[Any, Any]) -> float:
    """Share of examples whose highest-scoring option is a right one."""
    right = sum(int(np.argmax(x @ w)) in gold for x, gold in groups)
    return right / len(groups) if groups else 0.0
