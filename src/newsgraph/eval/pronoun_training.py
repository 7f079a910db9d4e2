"""Fit the pronoun antecedent weights on GUM (see :mod:`newsgraph.nlp.discourse.salience`): an
experiment whose weights are not shipped yet (``scripts/train_pronouns.py`` has the figures).

The training documents are GUM's biographies, travel guides, academic and court texts: news and
interviews are held out, because they are what ``newsgraph eval coref`` reports and what the
product reads.  Each document is analysed with every pronoun choice handed to an observer that
records the candidates' feature vectors with the gold answer, and either takes the gold answer
(teacher forcing, ``w`` None) or answers as given weights would (so the features carry the errors
the pipeline really makes).

The model is a conditional logit: for each pronoun, a softmax over its candidate mentions, the
mass on the gold entity's mentions maximised with an L2 penalty (:mod:`.conditional_logit`).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from newsgraph.eval.conditional_logit import accuracy, fit
from newsgraph.eval.coref import PRONOUN_TYPES, GoldDoc, load_gold
from newsgraph.nlp.discourse.salience import FEATURES, Choice, observed

TRAINING_GENRES = ("academic", "bio", "court", "voyage")
HEADER = (
    "# Weights of the pronoun antecedent features (newsgraph.nlp.discourse.salience.FEATURES).\n"
    "# Fitted by scripts/train_pronouns.py (newsgraph.eval.pronoun_training): a conditional logit over each\n"
    "# pronoun's candidates on the GUM coreference gold of the {genres} documents ({docs} documents,\n"
    "# {pronouns} pronouns with their gold antecedent among the candidates; L2 {l2}).  GUM: CC BY 4.0,\n"
    "# Zeldes (2017); news and interviews are held out.  Do not edit by hand: retrain.\n"
    "# Columns: feature<TAB>weight\n"
)


@dataclass
class TrainingSet:
    """Per pronoun: the candidates' feature matrix and the index of the gold candidate."""

    groups: list[tuple[np.ndarray[Any, Any], tuple[int, ...]]] = field(default_factory=list)
    unreachable: int = 0  # pronouns whose gold antecedent was not among the candidates
    documents: int = 0


def _gold_observer(doc: GoldDoc, found: TrainingSet, w: np.ndarray[Any, Any] | None) -> Any:
    """An observer that records each choice with its gold antecedent and answers it with the
    gold antecedent (``w`` None: teacher forcing) or as weights ``w`` would (the runtime's own
    choices, so that the features carry the errors the pipeline really makes)."""
    starts = {start: i for i, (start, _) in enumerate(doc.offsets)}
    by_token = {m.start: m for m in doc.mentions if m.end - m.start == 1}
    heads: dict[int, list[tuple[int, int]]] = {}
    for m in doc.mentions:
        heads.setdefault(m.entity, []).append(doc.offsets[m.head])

    def spans(candidate: Any) -> list[tuple[int, int]]:
        if candidate.cluster is not None:  # its own mentions, not pronouns an earlier choice added
            return [(m.char_start, m.char_end) for m in candidate.cluster.mentions if m.kind != "pronoun"]
        group = candidate.group
        return [(group.head.idx, group.head.idx + len(group.head))]

    def observe(choice: Choice) -> int | None:
        token = starts.get(choice.pronoun_start)
        gold = by_token.get(token) if token is not None else None
        if gold is None or gold.type not in PRONOUN_TYPES:
            return None if w is None else int(np.argmax(np.array(choice.features) @ w))
        antecedent = [h for h in heads[gold.entity] if h[0] < choice.pronoun_start]
        hits = [
            i
            for i, c in enumerate(choice.candidates)
            if any(s <= h0 and h1 <= e for s, e in spans(c) for h0, h1 in antecedent)
        ]
        if not hits:
            found.unreachable += 1
            return None if w is None else int(np.argmax(np.array(choice.features) @ w))
        x = np.array(choice.features, dtype=float)
        found.groups.append((x, tuple(hits)))  # every mention of the gold entity is a right answer
        return hits[-1] if w is None else int(np.argmax(x @ w))

    return observe


def collect(
    gold_dir: Path, genres: Iterable[str] = TRAINING_GENRES, w: np.ndarray[Any, Any] | None = None
) -> TrainingSet:
    """Analyse the training documents with the gold observer and gather their choices."""
    from newsgraph.core import analyze

    found = TrainingSet()
    for doc in load_gold(gold_dir, genres):
        with observed(_gold_observer(doc, found, w)):
            analyze(doc.text)
        found.documents += 1
    return found


def weights_file(w: np.ndarray[Any, Any], found: TrainingSet, genres: Sequence[str] = TRAINING_GENRES) -> str:
    """The text of ``pronoun_weights.tsv`` for weights ``w`` (4 decimals)."""
    head = HEADER.format(genres=", ".join(genres), docs=found.documents, pronouns=len(found.groups), l2=1.0)
    return head + "".join(f"{name}\t{value:.4f}\n" for name, value in zip(FEATURES, w, strict=True))


__all__ = ["accuracy", "collect", "fit", "weights_file"]
