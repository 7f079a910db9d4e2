"""The quote scorer: quotes and speakers against a gold folder (``shared/gold`` format).

Definitions (the issue's, made precise here):

- **Pairing.**  A predicted and a gold quote may pair when their character spans overlap with
  Jaccard >= 0.5 (intersection over union of the two ``[start, end)`` ranges).  Pairing is
  one-to-one and *greedy by best Jaccard*: all admissible pairs are sorted by Jaccard
  (ties: earlier gold, then earlier prediction) and taken while both sides are free.  With a
  0.5 threshold two spans that both pair with a third overlap each other heavily, so greedy
  and maximum matching differ only in contrived cases.
- **Quote P/R/F1**: paired / predicted, paired / gold, their harmonic mean.
- **Exact-span rate**: among paired quotes, the share whose texts are equal after stripping
  outer whitespace, punctuation and quotation marks (as the gold README says scoring does).
- **Speaker accuracy**: among paired quotes, the share whose predicted speaker matches the
  gold one.  A match is equality after normalising case, accents, outer punctuation and a
  leading determiner ("the", "a", "an", "one", "some") with the gold ``speaker`` or, when
  that names a gold entity, any of its ``aliases``.  When the gold speaker is a description
  (no entity of that name), the gold ``speaker_mention`` is accepted too: it is the text's
  own description of the source ("Officials" for "Iraqi officials").
- **End-to-end P/R/F1**: as quote P/R/F1, counting only pairs with the right speaker.
- **Recall by type**: paired / gold, per gold type (direct, partial, indirect).
"""

from __future__ import annotations

import json
import string
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsgraph.eval import GoldDirs, gold_files
from newsgraph.records import Quote

AnalyzeFn = Callable[[str], Sequence[Quote]]
THRESHOLD = 0.5
_STRIP = string.whitespace + string.punctuation + "“”‘’«»„—–…"
_DETERMINERS = ("the ", "a ", "an ", "one ", "some ")


@dataclass(frozen=True, slots=True)
class GoldQuote:
    """One gold quote with the names its speaker may be given."""

    text: str
    start: int
    end: int
    type: str
    speaker: str | None
    speaker_mention: str | None
    accepted: frozenset[str]


@dataclass(slots=True)
class ArticleResult:
    """Pairing and errors for one article."""

    name: str
    gold: int
    predicted: int
    paired: int = 0
    exact: int = 0
    speaker_right: int = 0
    gold_by_type: dict[str, int] = field(default_factory=dict)
    paired_by_type: dict[str, int] = field(default_factory=dict)
    misses: list[GoldQuote] = field(default_factory=list)
    false_alarms: list[Quote] = field(default_factory=list)
    wrong_speakers: list[tuple[GoldQuote, Quote]] = field(default_factory=list)


@dataclass(slots=True)
class QuoteScores:
    """Totals over a gold folder, with the per-article results (for the error listing)."""

    articles: list[ArticleResult] = field(default_factory=list)

    def _sum(self, attr: str) -> int:
        return sum(int(getattr(a, attr)) for a in self.articles)

    @property
    def gold(self) -> int:
        return self._sum("gold")

    @property
    def predicted(self) -> int:
        return self._sum("predicted")

    @property
    def paired(self) -> int:
        return self._sum("paired")

    @property
    def exact(self) -> int:
        return self._sum("exact")

    @property
    def speaker_right(self) -> int:
        return self._sum("speaker_right")

    def prf(self, end_to_end: bool = False) -> tuple[float, float, float]:
        """Precision, recall, F1 of quote pairing (or of pairing with the right speaker)."""
        hits = self.speaker_right if end_to_end else self.paired
        return prf(hits, self.predicted, self.gold)

    @property
    def exact_rate(self) -> float:
        return self.exact / self.paired if self.paired else 0.0

    @property
    def speaker_accuracy(self) -> float:
        return self.speaker_right / self.paired if self.paired else 0.0

    def recall_by_type(self) -> dict[str, tuple[int, int]]:
        """``type -> (paired, gold)``."""
        out: dict[str, tuple[int, int]] = {}
        for a in self.articles:
            for kind, n in a.gold_by_type.items():
                p, g = out.get(kind, (0, 0))
                out[kind] = (p + a.paired_by_type.get(kind, 0), g + n)
        return dict(sorted(out.items()))


def prf(hits: int, predicted: int, gold: int) -> tuple[float, float, float]:
    """Precision, recall and F1 from counts (0.0 where undefined)."""
    p = hits / predicted if predicted else 0.0
    r = hits / gold if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def normalize_name(name: str | None) -> str:
    """Case-, accent- and punctuation-insensitive form of a speaker name, without a leading
    determiner."""
    if not name:
        return ""
    folded = unicodedata.normalize("NFKD", name)
    folded = "".join(c for c in folded if not unicodedata.combining(c)).lower()
    folded = " ".join(folded.replace("’", "'").split()).strip(_STRIP)
    for det in _DETERMINERS:
        if folded.startswith(det):
            folded = folded[len(det) :]
            break
    return folded.removesuffix("'s")


def strip_span(text: str) -> str:
    """A quote's text without outer whitespace, punctuation and quotation marks."""
    return text.strip(_STRIP)


def jaccard(a_start: int, a_end: int, b_start: int, b_end: int) -> float:
    """Intersection over union of two character ranges."""
    inter = min(a_end, b_end) - max(a_start, b_start)
    if inter <= 0:
        return 0.0
    return inter / (max(a_end, b_end) - min(a_start, b_start))


def load_gold(path: Path) -> tuple[str, list[GoldQuote]]:
    """The text and gold quotes of one gold file."""
    data: dict[str, Any] = json.loads(path.read_text("utf-8"))
    aliases: dict[str, set[str]] = {}
    for ent in data.get("entities") or []:
        names = {normalize_name(ent["name"]), *(normalize_name(a) for a in ent.get("aliases") or [])}
        aliases.setdefault(ent["name"], set()).update(names)
    quotes = []
    for q in data.get("quotes") or []:
        accepted = {normalize_name(q.get("speaker"))} | aliases.get(q.get("speaker") or "", set())
        if q.get("speaker") not in aliases and q.get("speaker_mention"):
            accepted.add(normalize_name(q["speaker_mention"]))
        accepted.discard("")
        quotes.append(
            GoldQuote(
                q["text"],
                q["start"],
                q["end"],
                q["type"],
                q.get("speaker"),
                q.get("speaker_mention"),
                frozenset(accepted),
            )
        )
    return str(data["text"]), quotes


def pair(gold: Sequence[GoldQuote], predicted: Sequence[Quote]) -> list[tuple[int, int]]:
    """One-to-one pairs ``(gold index, predicted index)``, greedy by best Jaccard >= 0.5."""
    options = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(predicted):
            score = jaccard(g.start, g.end, p.start, p.end)
            if score >= THRESHOLD:
                options.append((-score, gi, pi))
    options.sort()
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs = []
    for _, gi, pi in options:
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            pairs.append((gi, pi))
    return sorted(pairs)


def score_article(name: str, gold: Sequence[GoldQuote], predicted: Sequence[Quote]) -> ArticleResult:
    """Pair one article's quotes and count hits and errors."""
    result = ArticleResult(name, len(gold), len(predicted))
    for g in gold:
        result.gold_by_type[g.type] = result.gold_by_type.get(g.type, 0) + 1
    pairs = pair(gold, predicted)
    for gi, pi in pairs:
        g, p = gold[gi], predicted[pi]
        result.paired += 1
        result.paired_by_type[g.type] = result.paired_by_type.get(g.type, 0) + 1
        result.exact += strip_span(g.text) == strip_span(p.text)
        if normalize_name(p.speaker) in g.accepted:
            result.speaker_right += 1
        else:
            result.wrong_speakers.append((g, p))
    paired_g = {gi for gi, _ in pairs}
    paired_p = {pi for _, pi in pairs}
    result.misses = [g for i, g in enumerate(gold) if i not in paired_g]
    result.false_alarms = [p for i, p in enumerate(predicted) if i not in paired_p]
    return result


def evaluate_dir(gold_dir: GoldDirs, analyze_fn: AnalyzeFn) -> QuoteScores:
    """Score ``analyze_fn`` (article text -> quotes) on every ``*.json`` gold file of a folder."""
    scores = QuoteScores()
    for path in gold_files(gold_dir):
        text, gold = load_gold(path)
        scores.articles.append(score_article(path.stem, gold, list(analyze_fn(text))))
    return scores


def format_report(scores: QuoteScores, errors: bool = False) -> str:
    """The figures as a plain-text table; with ``errors``, the misses and false alarms."""
    p, r, f = scores.prf()
    ep, er, ef = scores.prf(end_to_end=True)
    lines = [
        f"quotes: {scores.gold} gold, {scores.predicted} predicted, {scores.paired} paired "
        f"({len(scores.articles)} articles)",
        "",
        f"{'measure':<28}{'P':>7}{'R':>7}{'F1':>7}",
        f"{'quote (Jaccard >= 0.5)':<28}{p:>7.3f}{r:>7.3f}{f:>7.3f}",
        f"{'end-to-end (+ speaker)':<28}{ep:>7.3f}{er:>7.3f}{ef:>7.3f}",
        "",
        f"exact-span rate (paired):   {scores.exact_rate:.3f} ({scores.exact}/{scores.paired})",
        f"speaker accuracy (paired):  {scores.speaker_accuracy:.3f} ({scores.speaker_right}/{scores.paired})",
        "recall by type:",
    ]
    for kind, (hit, total) in scores.recall_by_type().items():
        lines.append(f"  {kind:<10}{hit / total if total else 0.0:>7.3f} ({hit}/{total})")
    if errors:
        lines.extend(_error_lines(scores.articles))
    return "\n".join(lines)


def _short(text: str, width: int = 100) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def _error_lines(articles: Iterable[ArticleResult]) -> list[str]:
    lines: list[str] = []
    for a in articles:
        if not (a.misses or a.false_alarms or a.wrong_speakers):
            continue
        lines += ["", f"== {a.name}"]
        for g in a.misses:
            lines.append(f"  MISS   [{g.type}] {g.speaker!s:<28} {_short(g.text)}")
        for q in a.false_alarms:
            lines.append(f"  FALSE  [{q.type}] {q.speaker!s:<28} {_short(q.text)}")
        for g, q in a.wrong_speakers:
            lines.append(f"  SPKR   gold {g.speaker!s} / got {q.speaker!s}  ({_short(g.text, 60)})")
    return lines


def pipeline_quotes(text: str) -> list[Quote]:
    """Quotes of a gold text through the NLP pipeline alone (no text cleaner): the first
    line is the title, as in the gold files.  An ``analyze_fn`` for :func:`evaluate_dir`."""
    from newsgraph.core import make_doc
    from newsgraph.extract.base import ExtractedArticle
    from newsgraph.nlp.pipeline import load_pipeline

    nlp = load_pipeline()
    doc = nlp(make_doc(nlp, ExtractedArticle(text=text, title=text.split("\n", 1)[0])))
    return list(doc._.ng_quotes or [])


def analyze_quotes(text: str) -> list[Quote]:
    """Quotes of a gold text through the full :func:`newsgraph.analyze` (cleaner included)."""
    from newsgraph.core import analyze

    return list(analyze(text).quotes)
