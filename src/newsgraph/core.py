"""The single core: one input document in, one :class:`~newsgraph.records.Article` out.

(The module is ``core``, not ``analyze``, so that ``newsgraph.analyze`` stays the function.)

Every shell (CLI, Python API, REST, distributed runner) calls :func:`analyze` or
:func:`analyze_many`; none of them contains extraction or NLP logic of its own.

``analyze_many`` is the batch form: it extracts each document, runs the NLP pipeline over
batches with ``nlp.pipe`` (the fast path), and yields one :class:`Outcome` per input, in
input order.  A failure in one input never stops the batch: it becomes an Outcome with an
error, and a batch that fails inside the pipeline is retried one document at a time so that
only the culprit is lost.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from newsgraph import __version__
from newsgraph.errors import InputError, NewsgraphError
from newsgraph.extract import ExtractedArticle, extract
from newsgraph.ingest.base import RawDocument
from newsgraph.ingest.files import read_file
from newsgraph.nlp.doc_cache import seed_text
from newsgraph.nlp.extensions import register_extensions
from newsgraph.nlp.pipeline import load_pipeline, model_label
from newsgraph.nlp.to_records import doc_to_records
from newsgraph.records import Article, Provenance, RemovedLine, Source, text_sha256
from newsgraph.settings import Settings


@dataclass(frozen=True, slots=True)
class Outcome:
    """The result for one input: an article, or the reason it failed; plus warnings."""

    label: str
    article: Article | None = None
    error: str | None = None
    warnings: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        return self.article is not None


@cache
def lexicons_hash() -> str:
    """A short hash over every lexicon data file shipped in the package."""
    digest = hashlib.sha256()
    for package in ("newsgraph.nlp.knowledge", "newsgraph.extract"):
        folder = resources.files(package).joinpath("lexicons")
        if not folder.is_dir():
            continue
        for entry in sorted(folder.iterdir(), key=lambda e: e.name):
            if entry.is_file():
                digest.update(entry.name.encode())
                digest.update(entry.read_bytes())
    return digest.hexdigest()[:16]


def nlp_text(article: ExtractedArticle) -> str:
    """The text the NLP stages read: removed lines blanked out, offsets unchanged."""
    if not article.removed_lines:
        return article.text
    chars = list(article.text)
    for removed in article.removed_lines:
        for i in range(removed.start, removed.end):
            if chars[i] != "\n":
                chars[i] = " "
    return "".join(chars)


def make_doc(nlp: Language, article: ExtractedArticle) -> Doc:
    """A tokenised Doc for the article, carrying the layout for our components."""
    register_extensions()
    text = nlp_text(article)
    doc = nlp.make_doc(text)
    seed_text(doc, text)
    doc._.ng_article = article
    return doc


def build_article(raw: RawDocument, extracted: ExtractedArticle, doc: Doc, nlp: Language) -> Article:
    """Assemble the Article record from the extraction and the analysed Doc."""
    entities, quotes, events = doc_to_records(doc, extracted.text, extracted.removed_lines)
    return _article(
        raw, extracted, nlp, extracted.language or nlp.lang, entities=entities, quotes=quotes, events=events
    )


def _article(
    raw: RawDocument, extracted: ExtractedArticle, nlp: Language, language: str | None, **nlp_fields: Any
) -> Article:
    """The Article record's metadata and text from the extraction; ``nlp_fields`` add what the
    analysis found (entities, quotes, events) or why there was none (``nlp_skipped``)."""
    digest = text_sha256(extracted.text)
    return Article(
        id=raw.id or digest[:16],
        text=extracted.text,
        source=Source(path=raw.path, url=raw.url, format=raw.container or raw.format),
        title=extracted.title,
        authors=extracted.authors,
        published=extracted.published,
        published_raw=extracted.published_raw,
        section=extracted.section,
        outlet=extracted.outlet,
        language=language,
        removed_lines=tuple(RemovedLine(r.start, r.end, r.reason) for r in extracted.removed_lines),
        headings=extracted.headings,
        standfirst=extracted.standfirst,
        image_credits=extracted.image_credits,
        provenance=Provenance(
            newsgraph=__version__, model=model_label(nlp), lexicons=lexicons_hash(), text_sha256=digest
        ),
        **nlp_fields,
    )


def analysed_languages(nlp: Language, settings: Settings) -> frozenset[str] | None:
    """The languages to analyse: ``settings.language`` (comma-separated), else the model's own.

    A spaCy pipeline covers one language (``nlp.lang``: ``en`` for en_core_web_sm), or any for a
    multi-language one (``xx``, then None: analyse everything).  Asking for a language the loaded
    model does not cover is an error, not a silent run of the wrong model.
    """
    wanted = frozenset(x.strip().lower() for x in (settings.language or "").split(",") if x.strip())
    if nlp.lang == "xx":
        return wanted or None
    if wanted - {str(nlp.lang)}:
        raise NewsgraphError(
            f"--language {','.join(sorted(wanted))}: the loaded model {model_label(nlp)} covers "
            f"{nlp.lang} only; load a pipeline for the other languages with --model"
        )
    return frozenset({str(nlp.lang)})


def check_language(settings: Settings) -> None:
    """Refuse ``--language`` values the model does not cover, before any work starts."""
    if settings.language:
        analysed_languages(load_pipeline(settings), settings)


def skipped_article(raw: RawDocument, extracted: ExtractedArticle, nlp: Language) -> Article:
    """The Article of a text in a language the model does not cover: metadata and text, no NLP."""
    why = f"language {extracted.language}: the model {model_label(nlp)} covers {nlp.lang}"
    return _article(raw, extracted, nlp, extracted.language, nlp_skipped=why)


def prepare(raw: RawDocument, nlp: Language) -> tuple[ExtractedArticle, Doc]:
    """Extract one document and tokenise it: the step before the pipeline.

    Public so that the ingest workers can look at the extracted text (and skip analysing a
    text that is already stored) between this step and :func:`run_batch`.
    """
    try:
        extracted = extract(raw)
    except NewsgraphError:
        raise
    except Exception as exc:  # a bug or a broken install must cost one input, not the batch
        raise InputError(raw.label, f"extraction failed: {type(exc).__name__}: {exc}") from exc
    if len(extracted.text) > nlp.max_length:
        raise InputError(
            raw.label, f"article text too long ({len(extracted.text):,} characters; limit {nlp.max_length:,})"
        )
    return extracted, make_doc(nlp, extracted)


def analyze_many(
    documents: Iterable[RawDocument | InputError], settings: Settings | None = None
) -> Iterator[Outcome]:
    """Analyse documents in batches through ``nlp.pipe``; one Outcome per input, in order.

    InputErrors in ``documents`` (from the readers) pass through as failed Outcomes, so the
    caller sees every input exactly once.
    """
    settings = settings or Settings.from_env()
    nlp = load_pipeline(settings)
    pending: list[Outcome | tuple[RawDocument, ExtractedArticle, Doc]] = []
    prepared = 0  # documents in ``pending`` waiting for the pipeline
    for item in documents:
        if isinstance(item, InputError):
            pending.append(Outcome(item.source, error=item.reason))
            continue
        try:
            pending.append((item, *prepare(item, nlp)))
            prepared += 1
        except NewsgraphError as exc:
            pending.append(_failure(item, exc))
        if prepared >= settings.batch_size:
            yield from run_batch(pending, nlp, settings)
            pending, prepared = [], 0
    if pending:
        yield from run_batch(pending, nlp, settings)


def _failure(raw: RawDocument, exc: Exception) -> Outcome:
    reason = exc.reason if isinstance(exc, InputError) else str(exc)
    return Outcome(raw.label, error=reason)


def run_batch(
    pending: list[Outcome | tuple[RawDocument, ExtractedArticle, Doc]], nlp: Language, settings: Settings
) -> Iterator[Outcome]:
    """Run the pipeline over the prepared documents of ``pending``; Outcomes pass through.

    A batch that fails inside the pipeline is rerun one document at a time, so that only the
    failing document is lost.
    """
    languages = analysed_languages(nlp, settings)
    pending = [
        p
        if isinstance(p, Outcome) or languages is None or not p[1].language or p[1].language in languages
        else _skip(p[0], p[1], nlp)
        for p in pending
    ]
    work = [p for p in pending if not isinstance(p, Outcome)]
    docs: list[Doc | Exception]
    try:
        docs = list(nlp.pipe([doc for _, _, doc in work], batch_size=settings.batch_size))
    except Exception:  # isolate the failing document: rerun one by one
        docs = []
        for _, _, doc in work:
            try:
                docs.append(nlp(doc))
            except Exception as exc:  # a bug in a component must not stop the batch
                docs.append(exc)
    done = iter(zip(work, docs, strict=True))
    for item in pending:
        if isinstance(item, Outcome):
            yield item
            continue
        (raw, extracted, _), analysed = next(done)
        if isinstance(analysed, Exception):
            yield Outcome(raw.label, error=f"analysis failed: {type(analysed).__name__}: {analysed}")
            continue
        try:
            article = build_article(raw, extracted, analysed, nlp)
        except Exception as exc:
            yield Outcome(raw.label, error=f"analysis failed: {type(exc).__name__}: {exc}")
            continue
        yield Outcome(raw.label, article=article, warnings=extracted.warnings)


def _skip(raw: RawDocument, extracted: ExtractedArticle, nlp: Language) -> Outcome:
    """A text in another language: stored, marked, not analysed; one warning line says so."""
    article = skipped_article(raw, extracted, nlp)
    warning = f"not analysed: {article.nlp_skipped} (stored with its text and metadata)"
    return Outcome(raw.label, article=article, warnings=(*extracted.warnings, warning))


def analyze(document: RawDocument | str | os.PathLike[str], settings: Settings | None = None) -> Article:
    """Analyse one document and return its Article; raise InputError if it cannot be read.

    ``document`` is a :class:`RawDocument`, a path (``pathlib.Path`` or other PathLike) to an
    article file, or a ``str`` holding the plain text of an article.
    """
    settings = settings or Settings.from_env()
    if isinstance(document, RawDocument):
        raw = document
    elif isinstance(document, str):
        raw = RawDocument(data=document, format="text", id=None)
    else:
        raw = read_file(Path(document), settings.max_bytes)
    outcome = next(analyze_many([raw], settings))
    if outcome.article is None:
        raise InputError(outcome.label, outcome.error or "unknown error")
    return outcome.article
