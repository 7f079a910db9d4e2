"""HTML page -> article body text and metadata (trafilatura underneath).

Why these choices (measured on the Zyte 181-page and WCXB 257-page gold sets, see
``benchmarks/extraction.py``):

- Body: trafilatura in *precision* mode without comments scores best on news pages, but it
  occasionally throws the whole article away.  So when it returns less than ~2,000 characters we
  run the balanced mode as well and keep that if it found more than twice as much.  This costs a
  second pass on ~15% of pages only.
- The body is rebuilt from trafilatura's XML so that headings become their own paragraphs with
  spans, paragraphs are separated by a blank line and the title is not repeated in the text.
- Metadata: ``htmlmeta`` reads what the page states (JSON-LD, ``<meta>``, ``<h1>``, ``<time>``)
  and prefers it; trafilatura's byline heuristics and htmldate run only when the page states
  nothing.  htmldate then runs once, asked to keep the time of day and the offset.  Skipping
  these where possible pays for the second body pass: we stay near trafilatura's own speed.
- Publication time: a small normaliser below turns ISO 8601 and RFC 2822 strings into
  ``2024-05-23T07:37:00+01:00`` (Zulu -> ``+00:00``), keeps ``2024-05-23`` when only a day is
  known, and reads zone abbreviations literally (``CET`` = +01:00).
- Encoding: we decide it ourselves (BOM, valid UTF-8, declared ``<meta charset>``, else cp1252
  with a warning) because charset guessers misread short legacy pages; the decoded text is
  handed to lxml, so the rest never sees bytes.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Callable
from datetime import UTC, datetime, timedelta, timezone
from email.utils import parsedate_to_datetime
from functools import cache
from typing import Any

from htmldate import find_date
from lxml import etree
from lxml.html import HtmlElement, HTMLParser, fromstring
from trafilatura import bare_extraction
from trafilatura.metadata import extract_author, extract_sitename, extract_title
from trafilatura.utils import load_html, repair_faulty_html
from trafilatura.xml import xmltotxt

from newsgraph.errors import InputError
from newsgraph.extract import htmlmeta
from newsgraph.extract.base import ExtractedArticle
from newsgraph.extract.decode import (
    decode_utf8_lines,
    looks_binary,
    shorten_punctuation_runs,
    strip_nul,
    utf16_without_bom,
)
from newsgraph.records import Span

__all__ = ["decode_html", "extract_html", "normalise_datetime"]

#: Below this many characters the precise pass may have lost the article: try balanced too.
SHORT_BODY_CHARS = 2000
#: ...and take the balanced result when it is at least this many times longer.
BALANCED_GAIN = 2.0
#: A body needs one paragraph this long: menus and captions alone are not an article.  (The
#: shortest longest-paragraph of a reference body is 77 characters on Zyte, 191 on WCXB.)
MIN_PARAGRAPH_CHARS = 50

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.IGNORECASE)
# WHATWG: pages labelled Latin-1 or ASCII are decoded as windows-1252.
_AS_CP1252 = frozenset({"iso-8859-1", "iso8859-1", "latin-1", "latin1", "l1", "us-ascii", "ascii"})
_HTML_TAG = re.compile(
    r"<(?:!doctype\s+html|html|head|body|p|div|article|main|section|meta|title|h[1-6]|span|br|table|ul)\b",
    re.IGNORECASE,
)
_HEAD_OPEN, _HEAD_CLOSE = "\u2402", "\u2403"  # ␂ ␃ mark headings while flattening (stripped from input)
#: trafilatura's parser options plus ``huge_tree``: without it libxml2 stops at 256 levels of
#: nesting and everything deeper (the article itself, on some pages) vanishes; with it, 2048.
_PARSER = HTMLParser(
    collect_ids=False,
    default_doctype=False,
    encoding="utf-8",
    remove_comments=True,
    remove_pis=True,
    huge_tree=True,
)
_SPACES = re.compile(r"\s+")
_WORDS = re.compile(r"\w+")


def extract_html(data: bytes, url: str | None, label: str) -> ExtractedArticle:
    """Extract the article of one HTML page.

    ``data`` is the page as bytes in any encoding (not compressed: the reader gunzips);
    ``url`` helps trafilatura and names the outlet when the page does not; ``label`` names the
    input in errors.  Raises InputError for binary data, non-HTML text, or a page without an
    article body.
    """
    html, warnings = decode_html(data, label)
    tree = _parse(html, label)
    page = htmlmeta.read_page_meta(tree)
    body = _extract_body(tree, url, label)
    sitename = extract_sitename(tree)
    sites = htmlmeta.site_names(page, sitename, url)
    title = htmlmeta.choose_title(page, lambda: extract_title(tree), sites)
    text, headings = _flatten(body, title)
    if not _looks_like_body(text):
        raise InputError(label, "no article body found in the HTML page")
    published, published_raw = choose_published(htmlmeta.stated_dates(page), lambda: _htmldate(tree, url))
    return ExtractedArticle(
        text=text,
        title=title,
        authors=htmlmeta.choose_authors(page, lambda: extract_author(tree)),
        published=published,
        published_raw=published_raw,
        section=htmlmeta.choose_section(page),
        outlet=htmlmeta.choose_outlet(page, sitename, url),
        language=htmlmeta.choose_language(page),
        headings=headings,
        warnings=warnings,
    )


# --- bytes -> text -> tree ----------------------------------------------------------------------


def _declared_charset(data: bytes) -> str | None:
    match = _META_CHARSET.search(data[:32768])
    if not match:
        return None
    name = match.group(1).decode("ascii").lower()
    if name in _AS_CP1252:
        return "cp1252"
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def decode_html(data: bytes, label: str) -> tuple[str, tuple[str, ...]]:
    """Page bytes -> text: BOM, UTF-16 by its NULs, valid UTF-8, the declared charset, else
    UTF-8 line by line with cp1252 for lines holding no UTF-8 (:func:`decode_utf8_lines`)."""
    html, warnings = _decode_page(data, label)
    html, removed = strip_nul(html)
    return html, warnings + removed


def _decode_page(data: bytes, label: str) -> tuple[str, tuple[str, ...]]:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding, errors="replace"), ()
    guessed = utf16_without_bom(data)
    if guessed is not None:
        text = data[: len(data) // 2 * 2].decode(guessed)
        return text, (f"decoded as {guessed.upper()} (no byte-order mark; guessed from its NUL bytes)",)
    if looks_binary(data):
        raise InputError(label, "binary data, not an HTML page (compressed or not text?)")
    try:
        return data.decode("utf-8"), ()
    except UnicodeDecodeError:
        pass
    declared = _declared_charset(data)
    if declared and declared != "utf-8":
        try:
            return data.decode(declared), ()
        except UnicodeDecodeError:
            return data.decode(declared, errors="replace"), (f"invalid {declared} bytes replaced",)
    text, notes = decode_utf8_lines(data)
    if notes == ("not valid UTF-8; decoded as cp1252",):  # no UTF-8 anywhere: say why cp1252
        reason = "declared UTF-8 but invalid" if declared else "no charset declared and not UTF-8"
        notes = (f"{reason}; decoded as cp1252",)
    return text, notes


def _parse(html: str, label: str) -> HtmlElement:
    if not _HTML_TAG.search(html):
        raise InputError(label, "not an HTML page (no HTML tags found)")
    html = html.replace(_HEAD_OPEN, "").replace(_HEAD_CLOSE, "")
    try:
        tree: HtmlElement | None = fromstring(repair_faulty_html(html, html[:50].lower()), parser=_PARSER)
    except (ValueError, etree.LxmlError):  # e.g. an XML declaration naming an encoding
        tree = None
    if tree is None or len(tree) < 1:
        tree = load_html(html)
    if tree is None:
        raise InputError(label, "the HTML could not be parsed")
    return tree


# --- body -----------------------------------------------------------------------------------------


def _run(tree: HtmlElement, url: str | None, label: str, **options: Any) -> Any:
    try:
        return bare_extraction(tree, url=url, include_comments=False, **options)
    except RecursionError as exc:
        raise InputError(label, "the HTML is nested too deeply to extract") from exc


def _body_chars(document: Any) -> int:
    return len(document.text or "") if document is not None else 0


def _extract_body(tree: HtmlElement, url: str | None, label: str) -> HtmlElement | None:
    """Precision mode, with the balanced mode as a safety net for short results.

    trafilatura's fast mode (no comparison with its fallback extractors) runs first: when it
    already finds a long body, the comparison does not change it (measured: identical scores
    on all 438 Zyte and WCXB pages, 15-20% less extraction time), so only short results pay
    for the full comparison.
    """
    quick = _run(tree, url, label, favor_precision=True, fast=True)
    if _body_chars(quick) >= SHORT_BODY_CHARS:
        return quick.body if quick is not None else None
    precise = _run(tree, url, label, favor_precision=True)
    chars = _body_chars(precise)
    if chars < SHORT_BODY_CHARS:
        balanced = _run(tree, url, label)
        if _body_chars(balanced) > BALANCED_GAIN * chars:
            precise = balanced
    return precise.body if precise is not None else None


def _mark_headings(body: HtmlElement) -> None:
    for head in body.iter("head"):
        head.text = _HEAD_OPEN + (head.text or "")
        if len(head):
            head[-1].tail = (head[-1].tail or "") + _HEAD_CLOSE
        else:
            head.text += _HEAD_CLOSE


def _paragraphs(body: HtmlElement | None) -> list[tuple[str, bool]]:
    """(text, is_heading) per block of trafilatura's body, whitespace normalised."""
    if body is None:
        return []
    _mark_headings(body)
    result = []
    for line in xmltotxt(body, include_formatting=False).split("\n"):
        stripped = line.strip()
        is_heading = stripped.startswith(_HEAD_OPEN) and stripped.endswith(_HEAD_CLOSE)
        text = _SPACES.sub(" ", stripped.replace(_HEAD_OPEN, "").replace(_HEAD_CLOSE, "")).strip()
        text = shorten_punctuation_runs(text)
        if _WORDS.search(text):
            result.append((text, is_heading))
    return result


def _looks_like_body(text: str) -> bool:
    return any(len(paragraph) >= MIN_PARAGRAPH_CHARS for paragraph in text.split("\n\n"))


def _flatten(body: HtmlElement | None, title: str | None) -> tuple[str, tuple[Span, ...]]:
    """Body text (paragraphs joined by a blank line, title dropped) and heading spans."""
    paragraphs = _paragraphs(body)
    title_words = _WORDS.findall(title.lower()) if title else None
    while paragraphs and title_words and _WORDS.findall(paragraphs[0][0].lower()) == title_words:
        paragraphs.pop(0)
    parts: list[str] = []
    headings: list[Span] = []
    offset = 0
    for text, is_heading in paragraphs:
        if is_heading:
            headings.append(Span(offset, offset + len(text)))
        parts.append(text)
        offset += len(text) + 2
    return "\n\n".join(parts), tuple(headings)


# --- publication time -------------------------------------------------------------------------

_ISO = re.compile(
    r"^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})"
    r"(?:(?:T|\s+|\s*,\s*)(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*"
    r"(Z|[+-]\d{2}(?::?\d{2})?|[A-Za-z]{2,5})?)?\s*$"
)
# Abbreviations are taken literally: "CET" is +01:00 even in summer (what the page says).
_ZONES = {
    "Z": 0, "UTC": 0, "GMT": 0, "WET": 0, "BST": 60, "CET": 60, "WEST": 60, "CEST": 120, "EET": 120,
    "EEST": 180, "MSK": 180, "EST": -300, "EDT": -240, "CST": -360, "CDT": -300, "MST": -420,
    "MDT": -360, "PST": -480, "PDT": -420, "JST": 540, "KST": 540, "AEST": 600, "AEDT": 660,
}  # fmt: skip


def _offset(zone: str | None) -> timezone | None:
    """A fixed offset for ``Z``, ``+01``, ``+0100``, ``+01:00`` or a known abbreviation."""
    if not zone:
        return None
    if zone.upper() in _ZONES:
        return timezone(timedelta(minutes=_ZONES[zone.upper()]))
    match = re.fullmatch(r"([+-])(\d{2}):?(\d{2})?", zone)
    if not match:
        return None
    minutes = int(match.group(2)) * 60 + int(match.group(3) or 0)
    if minutes > 18 * 60:
        return None
    return timezone(timedelta(minutes=-minutes if match.group(1) == "-" else minutes))


def _isoformat(moment: datetime) -> str:
    """``YYYY-MM-DDTHH:MM:SS`` plus ``+HH:MM`` when the zone is known (Zulu is ``+00:00``)."""
    text = moment.strftime("%Y-%m-%dT%H:%M:%S")
    offset = moment.utcoffset()
    if offset is None:
        return text
    sign = "-" if offset < timedelta(0) else "+"
    minutes = abs(int(offset.total_seconds())) // 60
    return f"{text}{sign}{minutes // 60:02d}:{minutes % 60:02d}"


def _plausible(year: int) -> bool:
    return 1900 <= year <= datetime.now(UTC).year + 1


def normalise_datetime(raw: str | None) -> str | None:
    """ISO 8601 (``2024-05-23T07:37:00+01:00``; ``2024-05-23`` for a bare date), or None.

    Reads ISO 8601 and RFC 2822 strings; a time without a zone keeps no offset, and a date
    without a time stays a date: a time is never invented.
    """
    text = _SPACES.sub(" ", raw or "").strip()
    match = _ISO.match(text)
    if match:
        return _from_iso_match(match)
    try:
        moment = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    if not _plausible(moment.year):
        return None
    if "-0000" in text:  # RFC 2822 for "zone unknown"
        moment = moment.replace(tzinfo=None)
    return _isoformat(moment)


def _from_iso_match(match: re.Match[str]) -> str | None:
    year, _, month, day, hour, minute, second, zone = match.groups()
    try:
        moment = datetime(int(year), int(month), int(day))
        if hour is not None:
            moment = moment.replace(hour=int(hour), minute=int(minute), second=int(second or 0))
    except ValueError:
        return None
    if not _plausible(moment.year):
        return None
    if hour is None:
        return moment.strftime("%Y-%m-%d")
    return _isoformat(moment.replace(tzinfo=_offset(zone)))


@cache
def _english_date_parser() -> Any:
    """dateparser as htmldate configures it, but for English only.

    htmldate's last resort hands a date-like string to dateparser with language detection
    over all of dateparser's ~200 locales; loading them costs 1-3 s of CPU in every process
    that meets such a string (measured here), more than htmldate spends on a hundred pages.
    newsgraph analyses English articles, and on the WCXB pages turning that last resort off
    altogether changed no date (accuracy 0.881 either way), so it keeps its settings and
    reads English only (~0.1 s to load).
    """
    from dateparser import DateDataParser

    return DateDataParser(
        languages=["en"],
        settings={
            "NORMALIZE": True,
            "PARSERS": ["custom-formats", "absolute-time"],
            "PREFER_DATES_FROM": "past",
            "PREFER_LOCALE_DATE_ORDER": True,
            "RETURN_AS_TIMEZONE_AWARE": False,
            "STRICT_PARSING": True,
        },
    )


def _use_english_date_parser() -> None:
    """Point htmldate's parser factory at :func:`_english_date_parser` (once, at import).

    htmldate looks the factory up in its module at call time, so replacing the module attribute
    is enough; if a future htmldate drops the hook, htmldate's own (slower) parser stays.
    """
    from htmldate import extractors

    if callable(getattr(extractors, "get_external_parser", None)):
        extractors.get_external_parser = _english_date_parser


_use_english_date_parser()


def _htmldate(tree: HtmlElement, url: str | None) -> str | None:
    """htmldate's guess, keeping time and offset; page metadata is read before the URL."""
    found = find_date(
        tree,
        url=url,
        original_date=True,
        extensive_search=True,
        max_date=datetime.now(UTC).strftime("%Y-%m-%d"),
        outputformat="%Y-%m-%dT%H:%M:%S%z",
        deferred_url_extractor=True,
    )
    return str(found) if found else None


def _same_instant_local(candidate: str, reference: str) -> bool:
    """True when ``candidate`` has a non-UTC offset and is the same instant as ``reference``."""
    if len(candidate) <= 19 or len(reference) <= 19 or candidate.endswith("+00:00"):
        return False
    return datetime.fromisoformat(candidate) == datetime.fromisoformat(reference)


def choose_published(stated: list[str], htmldate: Callable[[], str | None]) -> tuple[str | None, str | None]:
    """(published, published_raw): the first readable stated date, else htmldate's guess.

    When another stated value is the same instant in the outlet's local offset (JSON-LD in UTC,
    ``article:published_time`` in local time), the local one is kept: it says more.
    htmldate (its extensive search is slow) runs only when the page states no time of day.
    Its output is ``%Y-%m-%dT%H:%M:%S%z``, where midnight without an offset means "date only";
    a bare 1 January is how it reports a year alone (often the copyright line), so it is dropped
    (on WCXB this removes 19 invented dates and loses no correct one).
    A stated bare date takes the time htmldate found for the same day, if any.
    """
    readable = [(value, raw) for raw in stated if (value := normalise_datetime(raw))]
    found = readable[0] if readable else None
    if found and len(found[0]) > 10:
        return next((other for other in readable if _same_instant_local(other[0], found[0])), found)
    raw_guess = htmldate()
    if raw_guess and raw_guess[4:] == "-01-01T00:00:00":  # its fallback: a copyright/footer year
        raw_guess = None
    guess = normalise_datetime(raw_guess.removesuffix("T00:00:00")) if raw_guess else None
    if found and not (guess and len(guess) > 10 and guess[:10] == found[0]):
        return found
    return (guess, raw_guess) if guess else (None, None)
