"""Which antecedent a pronoun takes: explicit features and a weight per feature.

The pronoun pass generates candidates by rule (every mention in reach that agrees with the
pronoun and is not ruled out by binding or quotation) and chooses between them with a linear
score over :data:`FEATURES`; the weights are data (``knowledge/lexicons/pronoun_weights.tsv``),
and the probability mass of the chosen entity among the candidates is the link's confidence.

The shipped weights are hand-set (two sentences of distance outweigh any single preference).
``scripts/train_pronouns.py`` fits them on GUM's non-news genres instead; so far the fitted
weights do worse at run time on every genre but biographies (the table is in the script's
docstring), so they are not shipped.  :func:`observed` is its hook into the pipeline.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache

from newsgraph.nlp.knowledge.tsv import read_weights

#: The features, in the order of the weight vector, of one candidate mention for one pronoun: its
#: distance and role, and what the entity it belongs to has been so far.
FEATURES: tuple[str, ...] = (
    "sentence_distance",  # sentences between the representative mention and the pronoun
    "same_sentence",  # 1 when they share a sentence
    "earlier_paragraph",  # 1 when the representative stands in an earlier paragraph
    "log_token_distance",  # log(1 + tokens between them)
    "subject",  # the representative is a subject (or a pronoun that was one)
    "possessor",  # ... a possessor ("Peskov's")
    "object",  # ... an object
    "pronoun_mention",  # ... is itself a pronoun (a chain of he ... he ... he)
    "reported_subject",  # the entity is the subject of the speech verb reporting the pronoun's clause
    "log_mentions",  # log(1 + mentions of the entity so far)
    "recent_subject",  # the entity was a subject within the last two sentences
    "gender_match",  # he/she and the entity's gender is known (and agrees: clashes are filtered)
    "gender_unknown",  # he/she and the entity's gender is unknown
    "first_entity",  # the entity is the first person or organisation the text names
    "titled",  # the entity holds a title (a minister, a spokesman)
    "group",  # a described group ("the troops"), not a named entity
    "plural_org",  # they/their and an organisation
    "plural_nation",  # they/their and a nationality or people (NORP)
    "parallel_subject",  # a main-clause subject pronoun, and the previous sentence's main subject
    "cataphora_subject",  # the main subject after a fronted modifier holding the pronoun
)


@dataclass(frozen=True, slots=True)
class Choice:
    """A pronoun's candidates with their feature vectors, as the trainer sees them."""

    pronoun_start: int  # character offset of the pronoun
    candidates: tuple[object, ...]  # the candidates (clusters or groups), opaque to the trainer
    features: tuple[tuple[float, ...], ...]


#: Set only while training: receives each choice and returns the index to take (the gold one).
_observer: Callable[[Choice], int | None] | None = None


@contextmanager
def observed(observer: Callable[[Choice], int | None]) -> Iterator[None]:
    """Within this block every pronoun choice goes to ``observer``, which decides it."""
    global _observer
    previous, _observer = _observer, observer
    try:
        yield
    finally:
        _observer = previous


@cache
def weights() -> tuple[float, ...]:
    """The shipped weights, in :data:`FEATURES` order (every feature must have one)."""
    return read_weights("pronoun_weights.tsv", FEATURES)


def choose(
    pronoun_start: int, candidates: Sequence[object], vectors: Sequence[Sequence[float]]
) -> tuple[int, float]:
    """Index of the best candidate and its probability among the candidates."""
    if _observer is not None:
        picked = _observer(Choice(pronoun_start, tuple(candidates), tuple(tuple(v) for v in vectors)))
        return (picked, 1.0) if picked is not None else (-1, 0.0)
    w = weights()
    scores = [sum(a * b for a, b in zip(w, v, strict=True)) for v in vectors]
    top = max(range(len(scores)), key=lambda i: (scores[i], i))  # a tie goes to the later mention
    same = [i for i, c in enumerate(candidates) if _entity_of(c) == _entity_of(candidates[top])]
    norm = sum(math.exp(s - scores[top]) for s in scores)
    return top, sum(math.exp(scores[i] - scores[top]) for i in same) / norm


def _entity_of(candidate: object) -> int:
    """What a candidate mention stands for (its cluster or group), so that the probability of an
    entity sums over its mentions."""
    cluster = getattr(candidate, "cluster", None)
    return id(cluster) if cluster is not None else id(getattr(candidate, "group", candidate))
