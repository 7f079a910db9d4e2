"""Extractors: RawDocument -> ExtractedArticle (text, metadata, layout spans).

Plain text goes through our own cleaner (``text.py``), HTML through trafilatura
(``html.py``); dates and the time-zone policy live in ``dates.py``.
"""

from __future__ import annotations

import re
from dataclasses import replace

from newsgraph.errors import InputError
from newsgraph.extract.base import ExtractedArticle
from newsgraph.extract.decode import decode_text, shorten_punctuation_runs, strip_nul
from newsgraph.ingest.base import RawDocument

__all__ = ["ExtractedArticle", "extract"]

#: Control characters (C0 but tab and newline, DEL, C1): no title or name holds one, and an
#: escape sequence in a title would be replayed on the terminal of whoever lists the articles.
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def extract(raw: RawDocument) -> ExtractedArticle:
    """Turn one raw document into text and metadata, or raise InputError."""
    if raw.format == "html":
        from newsgraph.extract.html import extract_html

        removed: tuple[str, ...] = ()
        if isinstance(raw.data, str):
            page, removed = strip_nul(raw.data)
            data = page.encode("utf-8")
        else:
            data = raw.data
        article = extract_html(data, url=raw.url, label=raw.label)
        article = replace(article, warnings=article.warnings + removed) if removed else article
    elif raw.format == "text":
        warnings: tuple[str, ...] = ()
        if isinstance(raw.data, bytes):
            text, warnings = decode_text(raw.data, raw.label)
        else:
            text, warnings = strip_nul(raw.data.replace("\r\n", "\n").replace("\r", "\n"))
        from newsgraph.extract.text import clean_text

        article = clean_text(shorten_punctuation_runs(text))
        if warnings:
            article = replace(article, warnings=article.warnings + warnings)
    else:
        raise InputError(raw.label, f"unsupported format {raw.format!r}")
    if not article.text.strip():
        raise InputError(raw.label, "no article text found")
    reader_warnings = tuple(raw.metadata.get("warnings", ()))  # e.g. a JSONL line's bad bytes
    if reader_warnings:
        article = replace(article, warnings=reader_warnings + article.warnings)
    article = _without_controls(_fill_from_source(article, raw))
    from newsgraph.extract.language import detect_language

    return replace(article, language=detect_language(article.text, article.language))


def _fill_from_source(article: ExtractedArticle, raw: RawDocument) -> ExtractedArticle:
    """Use what the source knows (feed item, JSONL fields) where the content lacks it."""
    meta = raw.metadata
    changes: dict[str, object] = {}
    for key in ("title", "published", "section", "outlet", "language"):
        if getattr(article, key) is None and meta.get(key):
            changes[key] = str(meta[key])
    if not article.authors and meta.get("authors"):
        changes["authors"] = tuple(str(a) for a in meta["authors"])
    return replace(article, **changes) if changes else article  # type: ignore[arg-type]


def _without_controls(article: ExtractedArticle) -> ExtractedArticle:
    """The metadata fields with control characters replaced by spaces (the text keeps its own)."""
    changes: dict[str, object] = {}
    for key in ("title", "section", "outlet", "language", "published_raw"):
        value = getattr(article, key)
        if value is not None and _CONTROLS.search(value):
            changes[key] = _CONTROLS.sub(" ", value).strip() or None
    if any(_CONTROLS.search(author) for author in article.authors):
        changes["authors"] = tuple(_CONTROLS.sub(" ", author).strip() for author in article.authors)
    return replace(article, **changes) if changes else article  # type: ignore[arg-type]
