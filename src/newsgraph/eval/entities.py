"""Entity scorer for the gold schema of ``shared/gold/README.md``.

Matching is on canonical names, per type: a predicted entity matches a gold entity of the same type
when their names are equal after normalisation (case, accents, punctuation, the word "the", a
possessive) or when the predicted name equals one of the gold aliases.  Matching is one-to-one
(greedy, in gold order).  Reported per type (PERSON, ORG, GPE, and NORP separately):

- precision, recall, F1 over entities;
- title accuracy: of the matched entities whose gold titles are not empty, the share with a
  predicted title equal to a gold title after normalisation (country words and "the" removed,
  case folded) or containing it / contained in it;
- country accuracy: of the matched entities, the share whose predicted country equals the gold one
  (null included).

``speaker_pronoun_accuracy`` measures coreference on the gold quotes whose speaker mention is a
pronoun: the pronoun nearest to the quote's cue must belong to the gold speaker's entity.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from newsgraph.eval import GoldDirs, gold_files
from newsgraph.nlp.discourse import entity_for_span
from newsgraph.records import Entity

TYPES = ("PERSON", "ORG", "GPE", "NORP")
MAIN_TYPES = ("PERSON", "ORG", "GPE")
PRONOUNS = frozenset({"he", "she", "him", "his", "her", "they", "them", "their"})
_COUNTRY_WORDS = re.compile(
    r"\b(u\.?s\.?|us|uk|u\.?k\.?|united states|united kingdom|american|british|russian|[a-z]+'s)\b"
)


def normalise(name: str) -> str:
    """Case, accents, punctuation, a leading "the" and a trailing possessive do not count."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = re.sub(r"['’]s\b", "", text)
    text = re.sub(r"[^\w\s]", " ", text)
    return " ".join(w for w in text.split() if w != "the")


def _title_norm(title: str, demonyms: Iterable[str] = ()) -> str:
    text = normalise(title)
    text = _COUNTRY_WORDS.sub(" ", text)
    for word in demonyms:
        text = re.sub(rf"\b{re.escape(word)}\b", " ", text)
    return " ".join(text.split())


def titles_match(predicted: Sequence[str], gold: Sequence[str]) -> bool:
    """A predicted title equals, contains or is contained in a gold title (normalised)."""
    pred = [_title_norm(t) for t in predicted]
    want = [_title_norm(t) for t in gold]
    for p in pred:
        for w in want:
            if p and w and (p == w or f" {w} " in f" {p} " or f" {p} " in f" {w} "):
                return True
    return False


@dataclass
class Counts:
    """Counts for one type (or all main types together)."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    title_ok: int = 0
    title_n: int = 0
    country_ok: int = 0
    country_n: int = 0

    def add(self, other: Counts) -> None:
        for name in ("tp", "fp", "fn", "title_ok", "title_n", "country_ok", "country_n"):
            setattr(self, name, getattr(self, name) + getattr(other, name))

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class EntityScores:
    """Figures over a gold set: per type, all main types together, and coreference."""

    by_type: dict[str, Counts] = field(default_factory=lambda: {t: Counts() for t in TYPES})
    errors: list[str] = field(default_factory=list)
    pronoun_ok: int = 0
    pronoun_n: int = 0
    mention_ok: int = 0
    mention_n: int = 0
    articles: int = 0

    @property
    def main(self) -> Counts:
        total = Counts()
        for t in MAIN_TYPES:
            total.add(self.by_type[t])
        return total


def match_article(
    predicted: Sequence[Entity], gold: Sequence[dict[str, Any]], scores: EntityScores, label: str = ""
) -> None:
    """Score one article's entities into ``scores`` (one-to-one matching per type)."""
    for etype in TYPES:
        counts = scores.by_type[etype]
        preds = [e for e in predicted if e.type == etype]
        used: set[int] = set()
        for g in (g for g in gold if g["type"] == etype):
            names = {normalise(g["name"])} | {normalise(a) for a in g.get("aliases") or ()}
            hit = next(
                (i for i, p in enumerate(preds) if i not in used and normalise(p.name) in names),
                None,
            )
            if hit is None:
                counts.fn += 1
                scores.errors.append(f"{label}: FN {etype} {g['name']}")
                continue
            used.add(hit)
            counts.tp += 1
            pred = preds[hit]
            counts.country_n += 1
            counts.country_ok += int(pred.country == g.get("country"))
            if pred.country != g.get("country"):
                scores.errors.append(
                    f"{label}: COUNTRY {etype} {g['name']} {pred.country} != {g.get('country')}"
                )
            if g.get("titles"):
                counts.title_n += 1
                ok = titles_match(pred.titles, g["titles"])
                counts.title_ok += int(ok)
                if not ok:
                    scores.errors.append(f"{label}: TITLE {g['name']} {list(pred.titles)} != {g['titles']}")
        for i, p in enumerate(preds):
            if i not in used:
                counts.fp += 1
                scores.errors.append(f"{label}: FP {etype} {p.name}")


def _mention_span(text: str, quote: dict[str, Any]) -> tuple[int, int] | None:
    """Where the gold speaker mention is: the occurrence nearest the quote's cue (or the quote)."""
    mention = quote.get("speaker_mention")
    if not mention:
        return None
    anchor = quote["start"]
    cue = quote.get("cue")
    if cue:
        positions = [m.start() for m in re.finditer(re.escape(cue), text)]
        if positions:
            anchor = min(positions, key=lambda p: min(abs(p - quote["start"]), abs(p - quote["end"])))
    pattern = rf"\b{re.escape(mention)}\b" if mention[:1].isalnum() else re.escape(mention)
    found = [m.start() for m in re.finditer(pattern, text)]
    if not found:
        return None
    start = min(found, key=lambda p: abs(p - anchor))
    return start, start + len(mention)


def score_speakers(
    text: str, predicted: Sequence[Entity], gold: dict[str, Any], scores: EntityScores, label: str = ""
) -> None:
    """Coreference on gold speaker mentions: does the mention resolve to the gold speaker?"""
    by_name = {normalise(g["name"]): g for g in gold.get("entities") or ()}
    for quote in gold.get("quotes") or ():
        span = _mention_span(text, quote)
        speaker = quote.get("speaker")
        if span is None or not speaker or normalise(speaker) not in by_name:
            continue
        entity = entity_for_span(predicted, *span)
        g = by_name[normalise(speaker)]
        names = {normalise(g["name"])} | {normalise(a) for a in g.get("aliases") or ()}
        ok = entity is not None and normalise(entity.name) in names
        is_pronoun = quote["speaker_mention"].lower() in PRONOUNS
        scores.mention_n += 1
        scores.mention_ok += int(ok)
        if is_pronoun:
            scores.pronoun_n += 1
            scores.pronoun_ok += int(ok)
        if not ok:
            kind = "PRONOUN" if is_pronoun else "MENTION"
            got = entity.name if entity else None
            scores.errors.append(
                f"{label}: {kind} {quote['speaker_mention']!r}@{span[0]} -> {got} != {speaker}"
            )


Predictor = Callable[[str], Sequence[Entity]]


def pipeline_entities(text: str) -> Sequence[Entity]:
    """Entities from the NLP pipeline alone (no plain-text cleaner): the title is the first line."""
    from newsgraph.core import make_doc
    from newsgraph.extract.base import ExtractedArticle
    from newsgraph.nlp.pipeline import load_pipeline
    from newsgraph.nlp.to_records import doc_to_records

    nlp = load_pipeline()
    doc = nlp(make_doc(nlp, ExtractedArticle(text=text, title=text.split("\n", 1)[0])))
    return doc_to_records(doc)[0]


def analyze_entities(text: str) -> Sequence[Entity]:
    """Entities from the whole ``newsgraph.analyze`` (plain-text cleaner included)."""
    from newsgraph.core import analyze

    return analyze(text).entities


def run_gold(gold_dir: GoldDirs, predict: Predictor) -> EntityScores:
    """Score ``predict`` (text -> entities) over every ``*.json`` gold file of ``gold_dir``."""
    scores = EntityScores()
    for path in gold_files(gold_dir):
        gold = json.loads(path.read_text(encoding="utf-8"))
        predicted = predict(gold["text"])
        match_article(predicted, gold["entities"], scores, path.stem)
        score_speakers(gold["text"], predicted, gold, scores, path.stem)
        scores.articles += 1
    return scores


def _pct(ok: int, n: int) -> str:
    return f"{ok / n:.2f} ({ok}/{n})" if n else "–"


def format_table(scores: EntityScores) -> str:
    """A Markdown table: P/R/F1, title and country accuracy per type, then coreference."""
    rows = [
        "| type | P | R | F1 | tp | fp | fn | titles | countries |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for name, c in [
        *((t, scores.by_type[t]) for t in MAIN_TYPES),
        ("PERSON+ORG+GPE", scores.main),
        ("NORP", scores.by_type["NORP"]),
    ]:
        rows.append(
            f"| {name} | {c.precision:.2f} | {c.recall:.2f} | {c.f1:.2f} | {c.tp} | {c.fp} | {c.fn} "
            f"| {_pct(c.title_ok, c.title_n)} | {_pct(c.country_ok, c.country_n)} |"
        )
    rows.append("")
    rows.append(
        f"Speaker mentions resolved to the gold speaker: {_pct(scores.mention_ok, scores.mention_n)}; "
        f"pronoun speaker mentions: {_pct(scores.pronoun_ok, scores.pronoun_n)} "
        f"({scores.articles} articles)."
    )
    return "\n".join(rows)
