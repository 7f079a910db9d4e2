"""Fit the speaker-option weights (:mod:`newsgraph.nlp.quotes.ranking`) on gold articles, and
measure them honestly by leave-one-article-out cross-validation.

Each gold article is analysed with an observer that sees every quote's speaker options.  A quote
that pairs with a gold quote (Jaccard >= 0.5, the scorer's rule) becomes one training example:
its options' feature matrix and the options whose name the gold accepts (speaker or mention).
The observer answers with the gold option when there is one (teacher forcing: the "previous
speaker" feature then carries the right history) and lets the weights decide otherwise.

Cross-validation: for each article, weights are fitted on the other articles' examples, and the
article is analysed again with those weights (:func:`~newsgraph.nlp.quotes.ranking.using_weights`);
the held-out articles' quotes are scored with the quote scorer, so the figures are what the
product would have done on articles the weights never saw.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from newsgraph.eval import GoldDirs, gold_files
from newsgraph.eval.conditional_logit import L2, Group, accuracy, fit
from newsgraph.eval.quotes import (
    GoldQuote,
    QuoteScores,
    jaccard,
    load_gold,
    normalize_name,
    score_article,
)
from newsgraph.nlp.quotes.ranking import FEATURES, SpeakerChoice, observed, using_weights
from newsgraph.records import Quote

HEADER = (
    "# Weights of the speaker option features (newsgraph.nlp.quotes.ranking.FEATURES).\n"
    "# Fitted by scripts/train_speakers.py (newsgraph.eval.speaker_training): a conditional logit over\n"
    "# each quote's speaker options on the gold articles of {sets} ({articles} articles, {examples}\n"
    "# quotes with a right option; L2 {l2}).  Leave-one-article-out figures are in the README.\n"
    "# Do not edit by hand: retrain.\n"
    "# Columns: feature<TAB>weight\n"
)

Analyze = Callable[[str], Sequence[Quote]]
#: The rules alone: their answer always wins, "no speaker" when they have none.  Training
#: examples are collected under these weights, so the features never depend on the weights
#: being fitted (retraining reproduces the shipped file).
RULES_ONLY = tuple(5.0 if f == "rule" else 3.0 if f == "none" else 0.0 for f in FEATURES)


@dataclass
class Examples:
    """Training examples by article, and how many paired quotes had no right option."""

    by_article: dict[str, list[Group]] = field(default_factory=dict)
    unreachable: int = 0

    def all(self, leave_out: str | None = None) -> list[Group]:
        return [g for name, groups in self.by_article.items() if name != leave_out for g in groups]


def _paired_gold(quote: tuple[int, int], gold: Sequence[GoldQuote]) -> GoldQuote | None:
    best = max(gold, key=lambda g: jaccard(g.start, g.end, *quote), default=None)
    return best if best is not None and jaccard(best.start, best.end, *quote) >= 0.5 else None


def _observer(
    gold: Sequence[GoldQuote], found: list[Group], counts: list[int]
) -> Callable[[SpeakerChoice], int | None]:
    def observe(choice: SpeakerChoice) -> int | None:
        g = _paired_gold(choice.quote, gold)
        if g is None:
            return None
        right = tuple(i for i, o in enumerate(choice.options) if normalize_name(o.name) in g.accepted)
        if not right:
            counts[0] += 1
            return None
        found.append((np.array([o.features for o in choice.options], dtype=float), right))
        return right[0]

    return observe


def collect(gold_dirs: GoldDirs, analyze: Analyze) -> Examples:
    """Analyse every gold article under the observer and gather its examples."""
    examples = Examples()
    for path in gold_files(gold_dirs):
        text, gold = load_gold(path)
        found: list[Group] = []
        counts = [0]
        with observed(_observer(gold, found, counts)):
            analyze(text)
        examples.by_article[path.stem] = found
        examples.unreachable += counts[0]
    return examples


def train(gold_dirs: GoldDirs, analyze: Analyze, l2: float = L2) -> tuple[Examples, np.ndarray[Any, Any]]:
    """Examples collected under the rules alone, and the weights fitted on all of them."""
    with using_weights(RULES_ONLY):
        examples = collect(gold_dirs, analyze)
    return examples, fit(examples.all(), l2)


def cross_validate(gold_dirs: GoldDirs, analyze: Analyze, examples: Examples, l2: float = L2) -> QuoteScores:
    """Leave-one-article-out: each article analysed with weights fitted on the others."""
    scores = QuoteScores()
    for path in gold_files(gold_dirs):
        text, gold = load_gold(path)
        w = fit(examples.all(leave_out=path.stem), l2)
        with using_weights(w.tolist()):
            predicted = list(analyze(text))
        scores.articles.append(score_article(path.stem, gold, predicted))
    return scores


def weights_file(w: np.ndarray[Any, Any], examples: Examples, sets: str, l2: float = L2) -> str:
    """The text of ``speaker_weights.tsv`` for weights ``w`` (4 decimals)."""
    head = HEADER.format(sets=sets, articles=len(examples.by_article), examples=len(examples.all()), l2=l2)
    return head + "".join(f"{name}\t{value:.4f}\n" for name, value in zip(FEATURES, w, strict=True))


__all__ = ["RULES_ONLY", "Examples", "accuracy", "collect", "cross_validate", "fit", "train", "weights_file"]
