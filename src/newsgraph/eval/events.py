"""The event scorer: coded events against gold articles and the PLOVER gold sentences.

Definitions:

- **Names.**  A predicted source (target) matches a gold one when their normalised forms are
  equal (:func:`newsgraph.eval.quotes.normalize_name`: case, accents, outer punctuation, a
  leading determiner) or the predicted name is one of the gold entity's ``aliases``.
- **(source, type) P/R/F1.**  Per article, predicted and gold events are paired one-to-one,
  greedily in text order: a gold event takes the first free predicted event with a matching
  source and the same PLOVER type.  Pairs / predicted, pairs / gold, harmonic mean.  An event
  with no source counts as predicted and can never pair.
- **(source, type, target) P/R/F1.**  The same, with the target matched too (a gold target of
  null pairs only with a predicted null target).
- **Type accuracy (16 classes, 4 quad classes).**  On gold articles: among gold events whose
  evidence span overlaps the evidence of some predicted event (the "located" events), the share
  whose overlapping predicted event (the one with the largest overlap) has the same PLOVER type,
  or the same quad class.  On the PLOVER gold sentences: every sentence counts; the prediction
  is the first event with a source (else the first event) and "none" when nothing is coded.
  Both come with a confusion matrix (rows gold, columns predicted).
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsgraph.eval import GoldDirs, gold_files
from newsgraph.eval.quotes import normalize_name, prf
from newsgraph.records import PLOVER_TYPES, Event

AnalyzeFn = Callable[[str], Sequence[Event]]
#: Quad class of each PLOVER type (PLOVER manual, CC BY-SA 4.0: a fact table, not its text).
QUAD = {
    **dict.fromkeys(PLOVER_TYPES[:4], 1),
    **dict.fromkeys(PLOVER_TYPES[4:7], 2),
    **dict.fromkeys(PLOVER_TYPES[7:11], 3),
    **dict.fromkeys(PLOVER_TYPES[11:], 4),
}
QUAD_NAMES = {1: "verbal coop", 2: "material coop", 3: "verbal conflict", 4: "material conflict"}
NONE = "none"


@dataclass(frozen=True, slots=True)
class GoldEvent:
    """One gold event with the names its source and target may be given."""

    source: str | None
    sources: frozenset[str]
    plover: str
    cameo: str
    target: str | None
    targets: frozenset[str]
    start: int
    end: int


@dataclass(slots=True)
class EventScores:
    """Counts over a set of articles or sentences, with the errors for the listing."""

    gold: int = 0
    predicted: int = 0
    hits: int = 0
    hits_target: int = 0
    located: int = 0
    confusion: Counter[tuple[str, str]] = field(default_factory=Counter)
    misses: list[tuple[str, GoldEvent]] = field(default_factory=list)
    false_alarms: list[tuple[str, Event]] = field(default_factory=list)

    def prf(self, with_target: bool = False) -> tuple[float, float, float]:
        """P, R, F1 on (source, type), or on (source, type, target)."""
        return prf(self.hits_target if with_target else self.hits, self.predicted, self.gold)

    def type_accuracy(self, quad: bool = False) -> float:
        """Share of the confusion matrix on its diagonal (at 16 or 4 classes)."""
        total = sum(self.confusion.values())
        if not total:
            return 0.0
        right = sum(n for (g, p), n in self.confusion.items() if (_quad(g) == _quad(p) if quad else g == p))
        return right / total


def _quad(plover: str) -> int:
    return QUAD.get(plover, 0)


def _names(name: str | None, aliases: dict[str, set[str]]) -> frozenset[str]:
    found = {normalize_name(name)} | aliases.get(name or "", set())
    found.discard("")
    return frozenset(found)


def load_gold(path: Path) -> tuple[str, list[GoldEvent]]:
    """Text and gold events of one gold article file."""
    data: dict[str, Any] = json.loads(path.read_text("utf-8"))
    text = str(data["text"])
    aliases: dict[str, set[str]] = {}
    for ent in data.get("entities") or []:
        names = {normalize_name(ent["name"]), *(normalize_name(a) for a in ent.get("aliases") or [])}
        aliases.setdefault(ent["name"], set()).update(names)
    events = []
    for e in data.get("events") or []:
        start = text.find(e["evidence"])
        events.append(
            GoldEvent(
                e.get("source"),
                _names(e.get("source"), aliases),
                e["plover"],
                str(e["cameo"]),
                e.get("target"),
                _names(e.get("target"), aliases),
                max(start, 0),
                max(start, 0) + len(e["evidence"]),
            )
        )
    return text, events


def _pairs(gold: Sequence[GoldEvent], predicted: Sequence[Event], with_target: bool) -> list[tuple[int, int]]:
    used: set[int] = set()
    pairs = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(predicted):
            if pi in used or p.plover != g.plover or normalize_name(p.source) not in g.sources:
                continue
            if with_target and not _target_ok(g, p):
                continue
            used.add(pi)
            pairs.append((gi, pi))
            break
    return pairs


def _target_ok(gold: GoldEvent, pred: Event) -> bool:
    if gold.target is None:
        return pred.target is None
    return normalize_name(pred.target) in gold.targets


def _overlap(g: GoldEvent, p: Event) -> int:
    return min(g.end, p.evidence.end) - max(g.start, p.evidence.start)


def score_article(
    name: str, gold: Sequence[GoldEvent], predicted: Sequence[Event], scores: EventScores
) -> None:
    """Add one article's pairs, located types and errors to ``scores``."""
    scores.gold += len(gold)
    scores.predicted += len(predicted)
    pairs = _pairs(gold, predicted, with_target=False)
    scores.hits += len(pairs)
    scores.hits_target += len(_pairs(gold, predicted, with_target=True))
    paired_g = {g for g, _ in pairs}
    paired_p = {p for _, p in pairs}
    scores.misses.extend((name, g) for i, g in enumerate(gold) if i not in paired_g)
    scores.false_alarms.extend((name, p) for i, p in enumerate(predicted) if i not in paired_p)
    for g in gold:
        best = max(predicted, key=lambda p: _overlap(g, p), default=None)
        if best is not None and _overlap(g, best) > 0:
            scores.located += 1
            scores.confusion[(g.plover, best.plover)] += 1


def evaluate_dir(gold_dir: GoldDirs, analyze_fn: AnalyzeFn) -> EventScores:
    """Score ``analyze_fn`` (article text -> events) on every ``*.json`` file of a gold folder."""
    scores = EventScores()
    for path in gold_files(gold_dir):
        text, gold = load_gold(path)
        score_article(path.stem, gold, list(analyze_fn(text)), scores)
    return scores


def load_sentences(path: str | Path) -> list[tuple[str, str]]:
    """``(text, PLOVER type)`` of each PLOVER gold sentence (``plover_gsr_flat.jsonl``)."""
    file = Path(path)
    if file.is_dir():
        file = file / "plover_gsr_flat.jsonl"
    rows = []
    for line in file.read_text("utf-8").splitlines():
        if line.strip():
            record = json.loads(line)
            rows.append((str(record["text"]), str(record["event_current"])))
    return rows


def sentence_prediction(events: Sequence[Event]) -> str:
    """The type predicted for a one-event sentence: the first event with a source, else the
    first event, else "none"."""
    with_source = [e for e in events if e.source]
    chosen = (with_source or list(events))[:1]
    return chosen[0].plover if chosen else NONE


def evaluate_sentences(path: str | Path, analyze_fn: AnalyzeFn) -> EventScores:
    """Type accuracy on the PLOVER gold sentences (every sentence counts; see module docstring)."""
    scores = EventScores()
    for text, plover in load_sentences(path):
        events = list(analyze_fn(text))
        predicted = sentence_prediction(events)
        scores.gold += 1
        scores.predicted += predicted != NONE
        scores.located += predicted != NONE
        scores.confusion[(plover, predicted)] += 1
    return scores


def format_confusion(confusion: Counter[tuple[str, str]], quad: bool = False) -> list[str]:
    """The confusion matrix as text rows (gold down, predicted across)."""
    if quad:
        labels = [str(q) for q in QUAD_NAMES] + [NONE]
        matrix: Counter[tuple[str, str]] = Counter()
        for (g, p), n in confusion.items():
            matrix[(str(_quad(g)), str(_quad(p)) if p != NONE else NONE)] += n
    else:
        labels = [t for t in PLOVER_TYPES if any(t in key for key in confusion)] + [NONE]
        matrix = confusion
    head = "gold \\ pred".ljust(12) + "".join(label[:4].rjust(5) for label in labels)
    rows = [head]
    for g in labels[:-1]:
        cells = "".join(str(matrix.get((g, p), 0) or ".").rjust(5) for p in labels)
        rows.append((QUAD_NAMES[int(g)] if quad else g)[:11].ljust(12) + cells)
    return rows


def format_report(
    dev: EventScores | None = None, sentences: EventScores | None = None, errors: bool = False
) -> str:
    """The figures on gold articles and on the PLOVER sentences as plain text."""
    lines: list[str] = []
    if dev is not None:
        p, r, f = dev.prf()
        tp, tr, tf = dev.prf(with_target=True)
        lines += [
            f"gold articles: {dev.gold} gold events, {dev.predicted} predicted",
            f"{'measure':<28}{'P':>7}{'R':>7}{'F1':>7}",
            f"{'(source, type)':<28}{p:>7.3f}{r:>7.3f}{f:>7.3f}",
            f"{'(source, type, target)':<28}{tp:>7.3f}{tr:>7.3f}{tf:>7.3f}",
            f"located gold events: {dev.located}/{dev.gold}; type accuracy on them: "
            f"{dev.type_accuracy():.3f} (16 classes), {dev.type_accuracy(quad=True):.3f} (4 quad classes)",
            "",
            *format_confusion(dev.confusion),
            "",
        ]
    if sentences is not None:
        lines += [
            f"PLOVER gold sentences: {sentences.gold}, with an event coded: {sentences.predicted}",
            f"type accuracy: {sentences.type_accuracy():.3f} (16 classes), "
            f"{sentences.type_accuracy(quad=True):.3f} (4 quad classes)",
            "",
            *format_confusion(sentences.confusion),
            "",
            *format_confusion(sentences.confusion, quad=True),
        ]
    if errors and dev is not None:
        lines += ["", *_error_lines(dev)]
    return "\n".join(lines)


def _error_lines(scores: EventScores) -> list[str]:
    lines = []
    for name, g in scores.misses:
        lines.append(f"MISS  {name[:30]:<30} {g.source!s:<28.28} {g.plover:<9} -> {g.target!s:.30}")
    for name, p in scores.false_alarms:
        lines.append(f"FALSE {name[:30]:<30} {p.source!s:<28.28} {p.plover:<9} -> {p.target!s:.30}")
    return lines


def pipeline_events(text: str) -> list[Event]:
    """Events of a gold text through the NLP pipeline alone (no text cleaner): the first line
    is the title, as in the gold files.  An ``analyze_fn`` for :func:`evaluate_dir`."""
    from newsgraph.core import make_doc
    from newsgraph.extract.base import ExtractedArticle
    from newsgraph.nlp.pipeline import load_pipeline

    nlp = load_pipeline()
    doc = nlp(make_doc(nlp, ExtractedArticle(text=text, title=text.split("\n", 1)[0])))
    return list(doc._.ng_events or [])


def sentence_events(text: str) -> list[Event]:
    """Events of one PLOVER gold sentence (no title): an ``analyze_fn`` for
    :func:`evaluate_sentences`."""
    from newsgraph.core import make_doc
    from newsgraph.extract.base import ExtractedArticle
    from newsgraph.nlp.pipeline import load_pipeline

    nlp = load_pipeline()
    doc = nlp(make_doc(nlp, ExtractedArticle(text=text)))
    return list(doc._.ng_events or [])


def analyze_events(text: str) -> list[Event]:
    """Events of a gold text through the full :func:`newsgraph.analyze` (cleaner included)."""
    from newsgraph.core import analyze

    return list(analyze(text).events)
