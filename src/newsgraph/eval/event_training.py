"""Fit the event confidence model (:mod:`newsgraph.nlp.events.confidence`) on gold articles, and
measure it honestly by leave-one-article-out cross-validation.

Each gold article is analysed once with every component; the events the rules code (before any
confidence cut) become the examples: an event is right when the event scorer pairs it with a
gold event (same source and PLOVER type; :func:`newsgraph.eval.events.score_article`).  The
model is a logistic regression with an L2 penalty (not on the bias), fitted by Newton's method
(:func:`fit_logistic`: a concave objective, so a few exact steps converge; written here because
the project has no scikit-learn, and its dozen lines do not justify the dependency).  Its keep
threshold is half the rules' (source, type) F1 on the training articles.

Cross-validation: for each article, the model and its threshold are fitted on the other
articles, and the article's events are cut with them; the held-out articles are scored with the
event scorer, so the figures are what the product would have done on articles it never saw.
Features do not depend on the weights, so one analysis per article serves every fold.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from newsgraph.eval import GoldDirs, gold_files
from newsgraph.eval.conditional_logit import L2
from newsgraph.eval.events import EventScores, GoldEvent, _pairs, load_gold, score_article
from newsgraph.eval.quotes import prf
from newsgraph.nlp.events.confidence import FEATURES, THRESHOLD, event_features, probability, split_weights
from newsgraph.records import Event

HEADER = (
    "# Weights of the event confidence features (newsgraph.nlp.events.confidence.FEATURES), then\n"
    "# the keep threshold.  Fitted by scripts/train_events.py (newsgraph.eval.event_training): a\n"
    "# logistic model of 'the event scorer pairs this event with a gold event' over the events the\n"
    "# rules code on the gold articles of {sets} ({articles} articles, {examples} events, {right}\n"
    "# right; L2 {l2}); threshold = half the rules' F1 there.  Leave-one-article-out figures are in\n"
    "# the README.  Do not edit by hand: retrain.\n"
    "# Columns: feature<TAB>weight\n"
)


@dataclass(frozen=True, slots=True)
class ArticleEvents:
    """One gold article's coded events (before the cut), their features and their labels."""

    name: str
    gold: tuple[GoldEvent, ...]
    events: tuple[Event, ...]
    features: tuple[tuple[float, ...], ...]
    right: tuple[bool, ...]


@dataclass
class Examples:
    """The examples by article, in gold-file order."""

    articles: list[ArticleEvents] = field(default_factory=list)

    def training(self, leave_out: str | None = None) -> list[ArticleEvents]:
        return [a for a in self.articles if a.name != leave_out]


def label(
    name: str, gold: Sequence[GoldEvent], events: Sequence[Event], features: Sequence[tuple[float, ...]]
) -> ArticleEvents:
    """An article's examples: an event is right when the scorer pairs it on (source, type)."""
    paired = {p for _, p in _pairs(gold, events, with_target=False)}
    return ArticleEvents(
        name, tuple(gold), tuple(events), tuple(features), tuple(i in paired for i in range(len(events)))
    )


def collect(gold_dirs: GoldDirs) -> Examples:
    """Analyse every gold article (title on the first line, as in the gold files) and keep the
    events the rules code before the confidence cut."""
    from newsgraph.core import make_doc
    from newsgraph.extract.base import ExtractedArticle
    from newsgraph.nlp.doc_cache import release
    from newsgraph.nlp.events.build import EventBuilder
    from newsgraph.nlp.knowledge.event_lexicon import load_event_lexicon
    from newsgraph.nlp.pipeline import load_pipeline

    nlp = load_pipeline()
    lexicon = load_event_lexicon()
    examples = Examples()
    for path in gold_files(gold_dirs):
        text, gold = load_gold(path)
        with nlp.select_pipes(disable=["newsgraph_events"]):
            doc = nlp(make_doc(nlp, ExtractedArticle(text=text, title=text.split("\n", 1)[0])))
        events = EventBuilder(doc, lexicon).build()
        examples.articles.append(label(path.stem, gold, events, event_features(events, doc)))
        release(doc)
    return examples


def fit_logistic(
    x: np.ndarray[Any, Any], y: np.ndarray[Any, Any], l2: float = L2, steps: int = 25
) -> np.ndarray[Any, Any]:
    """Logistic-regression weights (column 0 is the unpenalised bias) by Newton's method from
    zero: maximise the log-likelihood minus ``l2 / 2 * |w[1:]|^2``; deterministic."""
    w = np.zeros(x.shape[1])
    penalty = np.full(x.shape[1], l2)
    penalty[0] = 0.0
    for _ in range(steps):
        p = 1.0 / (1.0 + np.exp(-np.clip(x @ w, -30, 30)))
        gradient = x.T @ (y - p) - penalty * w
        hessian = (x.T * (p * (1 - p))) @ x + np.diag(penalty) + 1e-9 * np.eye(x.shape[1])
        step = np.linalg.solve(hessian, gradient)
        w += step
        if np.abs(step).max() < 1e-10:
            break
    return w


def _design(articles: Iterable[ArticleEvents]) -> tuple[np.ndarray[Any, Any], np.ndarray[Any, Any]]:
    rows = [row for a in articles for row in a.features]
    labels = [float(ok) for a in articles for ok in a.right]
    return np.array(rows, dtype=float).reshape(len(rows), len(FEATURES)), np.array(labels)


def rules_f1(articles: Sequence[ArticleEvents]) -> float:
    """The (source, type) F1 of the uncut events on ``articles``."""
    return prf(
        sum(sum(a.right) for a in articles),
        sum(len(a.events) for a in articles),
        sum(len(a.gold) for a in articles),
    )[2]


def train(articles: Sequence[ArticleEvents], l2: float = L2) -> np.ndarray[Any, Any]:
    """Weights fitted on ``articles``, then the threshold (half the rules' F1 there)."""
    return np.append(fit_logistic(*_design(articles), l2), rules_f1(articles) / 2)


def cut(article: ArticleEvents, weights: Sequence[float]) -> list[Event]:
    """The article's events the model keeps."""
    coefficients, threshold = split_weights(weights)
    return [
        e
        for e, row in zip(article.events, article.features, strict=True)
        if probability(row, coefficients) >= threshold
    ]


def cross_validate(
    examples: Examples, scored: Iterable[str] | None = None, l2: float = L2
) -> tuple[EventScores, EventScores]:
    """(rules alone, learned cut) over the ``scored`` articles (default all), each cut by a model
    fitted on every other article."""
    names = None if scored is None else set(scored)
    rules, learned = EventScores(), EventScores()
    for article in examples.articles:
        if names is not None and article.name not in names:
            continue
        w = train(examples.training(leave_out=article.name), l2)
        score_article(article.name, article.gold, article.events, rules)
        score_article(article.name, article.gold, cut(article, w.tolist()), learned)
    return rules, learned


def weights_file(w: np.ndarray[Any, Any], examples: Examples, sets: str, l2: float = L2) -> str:
    """The text of ``event_weights.tsv`` for ``w`` (features, then threshold; 4 decimals)."""
    head = HEADER.format(
        sets=sets,
        articles=len(examples.articles),
        examples=sum(len(a.events) for a in examples.articles),
        right=sum(sum(a.right) for a in examples.articles),
        l2=l2,
    )
    names = (*FEATURES, THRESHOLD)
    return head + "".join(f"{name}\t{value:.4f}\n" for name, value in zip(names, w, strict=True))


__all__ = [
    "ArticleEvents",
    "Examples",
    "collect",
    "cross_validate",
    "cut",
    "fit_logistic",
    "label",
    "rules_f1",
    "train",
    "weights_file",
]
