"""How sure an event is: explicit features of a coded event, weighted by a learned logistic model.

The rules of :mod:`.build` propose events; not all of them are events an analyst would record.
Gold annotation is selective in ways a rule cannot see alone -- an act told inside a direct
quote, an event whose source is only a description ("the protesters"), an act with no recipient
are right far less often than a reported accusation between two named actors.  Each event gets a
vector of explicit features (:data:`FEATURES`); a linear score with the weights of
``knowledge/lexicons/event_weights.tsv`` gives the probability that the event is right (its
``confidence``, stored with the event).

Every coded event is kept: the confidence is for the reader and the queries
(``newsgraph events --min-confidence``, ``/api/events?min_confidence=``).  The file's
``threshold`` is the learned cut for F1 on articles; it is not applied by default because the
model learned how selective article annotation is (an act with only a described source or no
recipient is rarely recorded in an article), and the same cut on one-sentence event reports
(the PLOVER gold sentences, where every sentence is an event) drops a fifth of the right events.

The weights are fitted on the gold articles by ``scripts/train_events.py``
(:mod:`newsgraph.eval.event_training`: a logistic model; the event is "right" when the event scorer
pairs it with a gold event of the same source and type), and reported by leave-one-article-out
cross-validation.  The threshold is half the rules' F1 on the training articles: keeping an event
of probability p raises the expected F1 exactly when p exceeds half the F1 reached (the optimal
cut for F1 of a calibrated model).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from functools import cache

from spacy.tokens import Doc

from newsgraph.nlp.discourse import discourse_of
from newsgraph.nlp.knowledge.tsv import read_weights
from newsgraph.records import Event, Quote

#: PLOVER types with a weight of their own (the frequent ones); the rest share the baseline.
TYPED = ("ACCUSE", "ASSAULT", "REQUEST", "COERCE", "CONSULT", "SUPPORT", "AGREE", "REJECT", "THREATEN")

#: Features of one event, in the order of the weight vector.
FEATURES: tuple[str, ...] = (
    "bias",
    "in_statement",  # coded from an attributed statement (linked to a quote)
    "in_direct_quote",  # ... and that statement is a direct quote
    "source_person",
    "source_place",  # a state or place (GPE)
    "source_description",  # the source is no named entity ("protesters", "the police")
    "no_target",
    "target_description",  # a target that is no named entity
    "log_repeats",  # log(events of this source and type in the article)
    "four_digit_code",  # a CAMEO code at its most specific level
    "early",  # evidence in the first 30% of the text (the lead)
    "log_source_mentions",  # log(1 + the source entity's mentions)
    *(f"type_{t}" for t in TYPED),
)
#: The file's extra row: events whose confidence is below it are dropped.
THRESHOLD = "threshold"


@cache
def shipped_weights() -> tuple[float, ...]:
    """The learned weights, then the keep threshold (``event_weights.tsv``)."""
    return read_weights("event_weights.tsv", (*FEATURES, THRESHOLD))


def event_features(events: Sequence[Event], doc: Doc) -> list[tuple[float, ...]]:
    """The feature vector of each event (:data:`FEATURES` order); entities come from the
    discourse layer, statements from ``doc._.ng_quotes``."""
    discourse = discourse_of(doc)
    quotes: list[Quote] = list(doc._.ng_quotes or []) if doc.has_extension("ng_quotes") else []
    repeats = Counter((e.source, e.plover) for e in events)
    length = max(len(doc.text), 1)
    rows = []
    for e in events:
        source = discourse.entity(e.source_entity)
        target = discourse.entity(e.target_entity)
        quote = quotes[e.quote] if e.quote is not None and 0 <= e.quote < len(quotes) else None
        rows.append(
            (
                1.0,
                float(quote is not None),
                float(quote is not None and quote.type == "direct"),
                float(source is not None and source.type == "PERSON"),
                float(source is not None and source.type == "GPE"),
                float(source is None),
                float(e.target is None),
                float(e.target is not None and target is None),
                math.log(repeats[(e.source, e.plover)]),
                float(len(e.cameo) == 4),
                float(e.evidence.start < 0.3 * length),
                math.log1p(len(source.mentions) if source is not None else 0),
                *(float(e.plover == t) for t in TYPED),
            )
        )
    return rows


def probability(features: Sequence[float], weights: Sequence[float]) -> float:
    """The logistic model's probability that the event is right."""
    z = sum(f * w for f, w in zip(features, weights, strict=False))
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def split_weights(weights: Sequence[float]) -> tuple[Sequence[float], float]:
    """A weights vector as the file stores it: the feature weights, then the threshold."""
    return weights[: len(FEATURES)], weights[len(FEATURES)]


def learned_cut() -> float:
    """The shipped threshold: half the rules' F1 on the training articles."""
    return split_weights(shipped_weights())[1]


def rate_events(
    events: Sequence[Event], doc: Doc, weights: Sequence[float] | None = None, cut: float | None = None
) -> list[Event]:
    """Each event with its confidence (``weights``: features, then threshold; default the
    shipped ones); with ``cut``, only the events at least that sure."""
    coefficients, _ = split_weights(tuple(weights) if weights is not None else shipped_weights())
    out = []
    for event, row in zip(events, event_features(events, doc), strict=True):
        p = round(probability(row, coefficients), 4)  # as stored, so a cut at a shown value keeps it
        if cut is None or p >= cut:
            out.append(replace(event, confidence=p))
    return out


__all__ = [
    "FEATURES",
    "THRESHOLD",
    "event_features",
    "learned_cut",
    "probability",
    "rate_events",
    "shipped_weights",
    "split_weights",
]
