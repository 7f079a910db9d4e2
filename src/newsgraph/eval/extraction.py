"""Scoring article extraction against the Zyte and WCXB gold sets.

Why this module exists: "our HTML extraction is good" must be a number that a test can hold
to a floor and a benchmark can compare with a baseline measured in the same run.  Both data
sets live outside the repository (``shared/data/article-extraction``); this module only reads
them.

Metrics, as the data sets' READMEs describe them (implemented here from that prose):

- Zyte body score: word tokens (``\\w+``, case kept), multisets of overlapping 4-token
  shingles, per-document TP/FP/FN normalised to sum to 1, per-document precision and recall,
  corpus precision and recall as *means* of the per-document values, F1 as the harmonic mean
  of those two means; accuracy = share of documents whose token sequence is exactly right.
- WCXB word F1: bags of lower-cased ``\\w+`` words, F1 per page, mean over pages; "with" and
  "without" snippet shares by lower-cased substring test.
- WCXB metadata: title = equal lower-cased token sequences, author = equal sets of lower-cased
  name tokens, date = equal first 10 characters; scored only where the reference has the field.
"""

from __future__ import annotations

import gzip
import json
import random
import re
import statistics
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from newsgraph.errors import InputError

_WORD = re.compile(r"\w+")
SHINGLE_SIZE = 4


@dataclass(frozen=True, slots=True)
class Prediction:
    """What an extractor produced for one page (empty body and ``failed`` when it gave up)."""

    body: str
    title: str | None = None
    authors: tuple[str, ...] = ()
    date: str | None = None
    failed: bool = False


Extractor = Callable[[bytes, str | None], Prediction]


# --- Zyte: 4-gram shingles ---------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ShingleCounts:
    """Per-document TP/FP/FN, normalised to sum to 1 (all zero when both texts are empty)."""

    tp: float
    fp: float
    fn: float
    exact: bool

    @property
    def precision(self) -> float:
        if self.fp == 0 and self.fn == 0:
            return 1.0
        return self.tp / (self.tp + self.fp) if self.tp + self.fp > 0 else 0.0

    @property
    def recall(self) -> float:
        if self.fp == 0 and self.fn == 0:
            return 1.0
        return self.tp / (self.tp + self.fn) if self.tp + self.fn > 0 else 0.0


def _shingles(tokens: Sequence[str], size: int = SHINGLE_SIZE) -> Counter[tuple[str, ...]]:
    if not tokens:
        return Counter()
    if len(tokens) < size:
        return Counter([tuple(tokens)])
    return Counter(tuple(tokens[i : i + size]) for i in range(len(tokens) - size + 1))


def shingle_counts(predicted: str, reference: str) -> ShingleCounts:
    """Compare one predicted body with its reference (Zyte metric, steps 1-3)."""
    pred_tokens, ref_tokens = _WORD.findall(predicted), _WORD.findall(reference)
    pred, ref = _shingles(pred_tokens), _shingles(ref_tokens)
    tp = sum((pred & ref).values())
    fp = sum((pred - ref).values())
    fn = sum((ref - pred).values())
    total = tp + fp + fn
    if total:
        return ShingleCounts(tp / total, fp / total, fn / total, pred_tokens == ref_tokens)
    return ShingleCounts(0.0, 0.0, 0.0, pred_tokens == ref_tokens)


def corpus_prf(docs: Sequence[ShingleCounts]) -> tuple[float, float, float]:
    """Corpus precision, recall (means of per-document values) and F1 (harmonic mean of those)."""
    precisions = [d.precision for d in docs if d.tp + d.fp > 0]
    recalls = [d.recall for d in docs if d.tp + d.fn > 0]
    p = statistics.fmean(precisions) if precisions else 0.0
    r = statistics.fmean(recalls) if recalls else 0.0
    return p, r, (2 * p * r / (p + r) if p + r > 0 else 0.0)


def bootstrap_f1_std(docs: Sequence[ShingleCounts], samples: int = 1000, seed: int = 0) -> float:
    """Standard deviation of corpus F1 over documents resampled with replacement."""
    if not docs:
        return 0.0
    rng = random.Random(seed)
    values = [corpus_prf(rng.choices(docs, k=len(docs)))[2] for _ in range(samples)]
    return statistics.pstdev(values)


@dataclass(frozen=True, slots=True)
class ZyteResult:
    """Zyte body scores of one extractor, with per-document counts for error analysis."""

    name: str
    ids: tuple[str, ...]
    docs: tuple[ShingleCounts, ...]
    seconds: float
    failures: int

    @property
    def precision(self) -> float:
        return corpus_prf(self.docs)[0]

    @property
    def recall(self) -> float:
        return corpus_prf(self.docs)[1]

    @property
    def f1(self) -> float:
        return corpus_prf(self.docs)[2]

    @property
    def accuracy(self) -> float:
        return sum(d.exact for d in self.docs) / len(self.docs) if self.docs else 0.0

    @property
    def pages_per_second(self) -> float:
        return len(self.docs) / self.seconds if self.seconds > 0 else 0.0

    def f1_std(self, samples: int = 1000) -> float:
        return bootstrap_f1_std(self.docs, samples)


def _read_gz(path: Path) -> bytes:
    return gzip.decompress(path.read_bytes())


def load_zyte(directory: Path) -> list[tuple[str, str, bytes, str]]:
    """(id, url, html bytes, reference body) for every page of the Zyte set."""
    truth = json.loads((directory / "ground-truth.json").read_text(encoding="utf-8"))
    return [
        (key, item.get("url") or "", _read_gz(directory / "html" / f"{key}.html.gz"), item["articleBody"])
        for key, item in sorted(truth.items())
    ]


def _timed(extractor: Extractor, html: bytes, url: str | None) -> tuple[Prediction, float]:
    start = time.perf_counter()
    prediction = extractor(html, url)
    return prediction, time.perf_counter() - start


def run_zyte(directory: Path, extractor: Extractor, name: str) -> ZyteResult:
    """Run ``extractor`` over the Zyte pages (timing only the extractor) and score the bodies."""
    ids: list[str] = []
    docs: list[ShingleCounts] = []
    seconds, failures = 0.0, 0
    for key, url, html, reference in load_zyte(directory):
        prediction, elapsed = _timed(extractor, html, url or None)
        seconds += elapsed
        failures += prediction.failed
        ids.append(key)
        docs.append(shingle_counts(prediction.body, reference))
    return ZyteResult(name, tuple(ids), tuple(docs), seconds, failures)


# --- WCXB: word F1, snippets, metadata -------------------------------------------------------


def _lower_words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def word_f1(predicted: str, reference: str) -> float:
    """WCXB page score: F1 of the bags of lower-cased words (1.0 when both are empty)."""
    pred, ref = Counter(_lower_words(predicted)), Counter(_lower_words(reference))
    if not pred and not ref:
        return 1.0
    overlap = sum((pred & ref).values())
    if overlap == 0:
        return 0.0
    p, r = overlap / sum(pred.values()), overlap / sum(ref.values())
    return 2 * p * r / (p + r)


def snippet_share(text: str, snippets: Sequence[str], if_none: float) -> float:
    """Share of ``snippets`` found in ``text`` (lower-cased substring test)."""
    if not snippets:
        return if_none
    lowered = text.lower()
    return sum(s.lower() in lowered for s in snippets) / len(snippets)


def title_matches(predicted: str | None, reference: str) -> bool:
    return predicted is not None and _lower_words(predicted) == _lower_words(reference)


def authors_match(predicted: Sequence[str], reference: str) -> bool:
    return set(_lower_words(" ".join(predicted))) == set(_lower_words(reference))


def date_matches(predicted: str | None, reference: str) -> bool:
    return predicted is not None and predicted[:10] == reference[:10]


@dataclass(frozen=True, slots=True)
class WcxbPage:
    """One WCXB page with its reference fields (``None`` when the reference lacks one)."""

    id: str
    url: str
    html: bytes
    body: str
    title: str | None
    author: str | None
    date: str | None
    with_snippets: tuple[str, ...]
    without_snippets: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class WcxbPageScore:
    """Scores of one page; a metadata field is ``None`` when the reference does not have it."""

    id: str
    word_f1: float
    with_share: float
    without_share: float
    title_ok: bool | None
    author_ok: bool | None
    date_ok: bool | None
    prediction: Prediction


def _share(values: Sequence[bool | None]) -> float:
    scored = [v for v in values if v is not None]
    return sum(scored) / len(scored) if scored else 0.0


@dataclass(frozen=True, slots=True)
class WcxbResult:
    """WCXB scores of one extractor."""

    name: str
    pages: tuple[WcxbPageScore, ...]
    seconds: float
    failures: int

    @property
    def word_f1(self) -> float:
        return statistics.fmean(p.word_f1 for p in self.pages) if self.pages else 0.0

    @property
    def with_pct(self) -> float:
        return 100 * statistics.fmean(p.with_share for p in self.pages) if self.pages else 0.0

    @property
    def without_pct(self) -> float:
        return 100 * statistics.fmean(p.without_share for p in self.pages) if self.pages else 0.0

    @property
    def title_accuracy(self) -> float:
        return _share([p.title_ok for p in self.pages])

    @property
    def author_accuracy(self) -> float:
        return _share([p.author_ok for p in self.pages])

    @property
    def date_accuracy(self) -> float:
        return _share([p.date_ok for p in self.pages])

    @property
    def pages_per_second(self) -> float:
        return len(self.pages) / self.seconds if self.seconds > 0 else 0.0


def _opt(value: object) -> str | None:
    return str(value) if value else None


def load_wcxb(directory: Path) -> list[WcxbPage]:
    """Every page of the WCXB article subset, in id order."""
    pages = []
    for path in sorted((directory / "ground-truth").glob("*.json")):
        item = json.loads(path.read_text(encoding="utf-8"))
        truth = item["ground_truth"]
        pages.append(
            WcxbPage(
                id=path.stem,
                url=item.get("url") or "",
                html=_read_gz(directory / "html" / f"{path.stem}.html.gz"),
                body=truth.get("main_content") or "",
                title=_opt(truth.get("title")),
                author=_opt(truth.get("author")),
                date=_opt(truth.get("publish_date")),
                with_snippets=tuple(truth.get("with") or ()),
                without_snippets=tuple(truth.get("without") or ()),
            )
        )
    return pages


def score_wcxb_page(page: WcxbPage, prediction: Prediction) -> WcxbPageScore:
    """Score one prediction; a page without ``without`` snippets has leaked nothing (0.0)."""
    return WcxbPageScore(
        id=page.id,
        word_f1=word_f1(prediction.body, page.body),
        with_share=snippet_share(prediction.body, page.with_snippets, if_none=1.0),
        without_share=snippet_share(prediction.body, page.without_snippets, if_none=0.0),
        title_ok=None if page.title is None else title_matches(prediction.title, page.title),
        author_ok=None if page.author is None else authors_match(prediction.authors, page.author),
        date_ok=None if page.date is None else date_matches(prediction.date, page.date),
        prediction=prediction,
    )


def run_wcxb(directory: Path, extractor: Extractor, name: str) -> WcxbResult:
    """Run ``extractor`` over the WCXB pages (timing only the extractor) and score them."""
    scores: list[WcxbPageScore] = []
    seconds, failures = 0.0, 0
    for page in load_wcxb(directory):
        prediction, elapsed = _timed(extractor, page.html, page.url or None)
        seconds += elapsed
        failures += prediction.failed
        scores.append(score_wcxb_page(page, prediction))
    return WcxbResult(name, tuple(scores), seconds, failures)


# --- the extractors compared ----------------------------------------------------------------


def predict_newsgraph(html: bytes, url: str | None) -> Prediction:
    """Our extractor; a page it refuses counts as an empty prediction."""
    from newsgraph.extract.html import extract_html

    try:
        article = extract_html(html, url, label=url or "page")
    except InputError:
        return Prediction("", failed=True)
    return Prediction(article.text, article.title, article.authors, article.published)


def predict_trafilatura_default(html: bytes, url: str | None) -> Prediction:
    """The baseline: trafilatura's defaults, asked for JSON so that metadata comes along."""
    import trafilatura

    output = trafilatura.extract(html, url=url, output_format="json", with_metadata=True)
    if output is None:
        return Prediction("", failed=True)
    data = json.loads(output)
    authors = tuple(a.strip() for a in (data.get("author") or "").split(";") if a.strip())
    return Prediction(data.get("text") or "", data.get("title"), authors, data.get("date"))


# --- reporting --------------------------------------------------------------------------------


def _cells_zyte(result: ZyteResult | None, bootstrap: int) -> list[str]:
    if result is None:
        return ["–"] * 5
    f1 = f"{result.f1:.3f}" + (f" ± {result.f1_std(bootstrap):.3f}" if bootstrap else "")
    return [
        f"{result.precision:.3f}",
        f"{result.recall:.3f}",
        f1,
        f"{result.accuracy:.3f}",
        f"{result.pages_per_second:.1f}",
    ]


def _cells_wcxb(result: WcxbResult | None) -> list[str]:
    if result is None:
        return ["–"] * 7
    return [
        f"{result.word_f1:.3f}",
        f"{result.with_pct:.1f}",
        f"{result.without_pct:.1f}",
        f"{result.title_accuracy:.3f}",
        f"{result.author_accuracy:.3f}",
        f"{result.date_accuracy:.3f}",
        f"{result.pages_per_second:.1f}",
    ]


_HEADER = (
    "extractor",
    "Zyte P",
    "Zyte R",
    "Zyte F1",
    "Zyte acc",
    "Zyte pages/s",
    "WCXB word F1",
    "with %",
    "without % (↓)",
    "title acc",
    "author acc",
    "date acc",
    "WCXB pages/s",
)


def format_table(zyte: Sequence[ZyteResult], wcxb: Sequence[WcxbResult], bootstrap: int = 1000) -> str:
    """A Markdown table with one row per extractor name (results paired by ``name``)."""
    names = list(dict.fromkeys([r.name for r in zyte] + [r.name for r in wcxb]))
    by_zyte = {r.name: r for r in zyte}
    by_wcxb = {r.name: r for r in wcxb}
    lines = ["| " + " | ".join(_HEADER) + " |", "|" + "---|" * len(_HEADER)]
    for name in names:
        cells = [name, *_cells_zyte(by_zyte.get(name), bootstrap), *_cells_wcxb(by_wcxb.get(name))]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)
