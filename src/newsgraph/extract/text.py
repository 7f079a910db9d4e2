"""The plain-text article cleaner: metadata and layout from a pasted or scraped article.

The text is never changed (every span of the NLP stages points into it); the cleaner only
*describes* it: which line is the title, the byline, the dateline, which lines are page furniture
to leave out (``removed_lines``), which are subheadings and which paragraph is the standfirst.
Rules are whole-line, conservative and driven by small lexicons in ``lexicons/`` so that a real
sentence is never dropped: a line is removed only when the whole line is a short label.

Rules, in order (a "line" is a non-empty line, stripped):

1. Removed anywhere: image credits ("Photo: X", "Photo by X/Reuters", "(AP Photo/X)", captions that
   end in such a credit, "Getty Images", "Name/AGENCY") and widgets ("Trending Now", "Read more",
   "Read more: <headline>", "Share on Facebook", "Advertisement", ...).  Every repetition too.
2. The header is the first 8 lines.  In it: datelines (a line that is a date plus labels such as
   "Published"/"Updated", optionally a byline or a place), one byline ("By ...", "Written by ...",
   "Jane Doe, Reuters", "Jane Doe | Staff writer", "Reporting by X; Editing by Y"), section labels
   before the first body line (lexicon word or a breadcrumb "World > Europe"), and the title: the
   first other line, if at most 30 words.  A "Reporting by" credit is also read from the last
   3 lines.  Byline and dateline lines stay in the text and are not reported as removed.
3. Authors are reporters and writers; editors ("Editing by") are not authors.  A name needs
   2-5 capitalised words; all-caps names are title-cased.  An outlet in a byline fills ``outlet``.
4. A paragraph is a body line, plus the following lines of the same block while it reads as
   hard-wrapped (no sentence end, and a lower-case start or a long previous line).  The standfirst
   is the first body paragraph when the article marks it as one: a byline, dateline or page
   furniture separates it from the next paragraph.  A plain lede (Wikinews style) is not one.
5. A heading is a one-line paragraph after the first one, at most 10 words, starting with a capital
   or digit, without sentence-final punctuation (a "?" is allowed), not a quotation, not two
   sentences, not ending in ":" (that introduces a list or a quote), with prose paragraphs on both
   sides (so list items and runs of short lines are not headings).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from newsgraph.extract.base import ExtractedArticle
from newsgraph.extract.bylines import (
    REPORTING,
    WORD,
    Byline,
    alternatives,
    lower_set,
    norm,
    prefix_re,
    read_byline,
)
from newsgraph.extract.dates import find_date, load_lexicon, parse_datetime
from newsgraph.records import RemovedLine, Span

__all__ = ["clean_text"]

HEADER_LINES = 8
MAX_TITLE_WORDS = 30
MAX_HEADING_WORDS = 10
MAX_WIDGET_WORDS = 15

_STRIP = " \t\r\u00a0\ufeff\u200b"
_QUOTES = "\"'“”‘’«»„"
_DATE_SEPARATORS = r"[\s|·•,:;\-–—/()]"
_BREADCRUMB = re.compile(r"\s*[>›»]\s*")
_SENTENCE_END = re.compile(r"(\w+)[.!?][\"”’']?\s+\S")
_ABBREVIATIONS = frozenset(
    {"Mr", "Mrs", "Ms", "Dr", "St", "Jr", "Sr", "vs", "Gen", "Sen", "Rep", "Gov", "Col", "No"}
)
_AP_CREDIT = re.compile(r"\((?P<name>[^()]*?\bPhotos?\s*/\s*[^()]+?)\)\s*\.?$")
_WIDGET_SPLIT = re.compile(r"\s*[|·•]\s*")
_QUOTE_MARK = re.compile(r"[\"“”]")
_SENTENCE_PUNCT = re.compile(r"[.!?\"“”]")


@dataclass(slots=True)
class _Line:
    start: int  # offset of the line in the text
    end: int  # end of the line, without its "\n"
    lo: int  # first non-blank character
    hi: int  # end of the last non-blank character
    text: str  # the stripped line
    block: int  # index of its blank-line-separated block
    kind: str = "body"  # body | title | byline | dateline | removed
    reason: str = ""  # why a removed line was removed


@cache
def _credit_re() -> re.Pattern[str]:
    prefixes = alternatives("credit-prefixes.txt")
    return re.compile(
        rf"^\(?\s*(?:{prefixes})\s*(?::|\bby\b|\bcourtesy(?:\s+of)?\b)\s*(?P<name>[^()]+?)\s*\)?\.?$",
        re.IGNORECASE,
    )


@cache
def _date_labels() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Labels and separators at either end of a text; the labels that mean "updated"."""
    entries = [e.split() for e in load_lexicon("date-labels.txt")]
    labels = [r"\s+".join(re.escape(w) for w in e if w != "update") for e in entries]
    updates = [r"\s+".join(re.escape(w) for w in e if w != "update") for e in entries if "update" in e[1:]]
    unit = rf"(?:{_DATE_SEPARATORS}|\b(?:{'|'.join(sorted(labels, key=len, reverse=True))})\b)"
    update = rf"\b(?:{'|'.join(updates)})\b"
    return re.compile(rf"^{unit}+|{unit}+$", re.IGNORECASE), re.compile(update, re.IGNORECASE)


def _split_lines(text: str) -> list[_Line]:
    lines: list[_Line] = []
    block, pos, blank = 0, 0, False
    for raw in text.split("\n"):
        stripped = raw.strip(_STRIP)
        if stripped:
            if blank and lines:
                block += 1
            lo = pos + len(raw) - len(raw.lstrip(_STRIP))
            lines.append(_Line(pos, pos + len(raw), lo, lo + len(stripped), stripped, block))
            blank = False
        else:
            blank = True
        pos += len(raw) + 1
    return lines


def _credit(text: str) -> str | None:
    """The credited name if ``text`` is an image-credit line (or a caption ending in one)."""
    m = _credit_re().match(text)
    name = m.group("name").strip(" .") if m else ""
    if name and name.removeprefix("the ")[:1].isupper() and len(name.split()) <= 10:
        return name
    m = _AP_CREDIT.search(text)
    if m and len(text.split()) <= 80:
        return m.group("name").strip()
    low = text.rstrip(".").lower()
    agencies = lower_set("photo-agencies.txt")
    if low in agencies:
        return text.rstrip(".")
    sources = agencies | lower_set("outlets.txt")
    for sep in ("/", " via "):
        left, found, right = low.partition(sep)
        if found and _short(left) and _short(right) and (left.strip() in sources or right.strip() in sources):
            return text.rstrip(".")
    return None


def _short(part: str) -> bool:
    return 0 < len(part.split()) <= 5 and not _SENTENCE_PUNCT.search(part)


def _widget(text: str) -> bool:
    if _QUOTE_MARK.search(text):
        return False
    parts = [p for p in _WIDGET_SPLIT.split(text) if p]
    labels = lower_set("widgets.txt")
    if parts and all(norm(p) in labels for p in parts):
        return True
    return len(text.split()) <= MAX_WIDGET_WORDS and bool(prefix_re("widget-prefixes.txt", "").match(text))


def _section(text: str) -> str | None:
    """The section name if ``text`` is a section label or a breadcrumb ("World > Europe")."""
    if norm(text) in lower_set("sections.txt") and len(text) <= 30:
        return text.strip(" :")
    parts = [p for p in _BREADCRUMB.split(text) if p]
    if len(parts) < 2 or not _BREADCRUMB.search(text):
        return None
    if all(len(p.split()) <= 4 and p[0].isupper() and p[-1] not in ".!?,;:" for p in parts):
        kept = [p for p in parts if p.lower() not in ("home", "start", "homepage")]
        return " > ".join(kept) or None
    return None


@dataclass(frozen=True, slots=True)
class _Dateline:
    raw: str
    iso: str | None
    update: bool
    byline: Byline | None


def _dateline(text: str) -> _Dateline | None:
    """A line that is a date plus labels, and possibly a byline or a place name."""
    found = find_date(text)
    if found is None:
        return None
    raw, s, e = found
    labels, updates = _date_labels()
    byline: Byline | None = None
    for i, part in enumerate((text[:s], text[e:])):
        core = labels.sub("", part)
        if not core:
            continue
        if byline is None and (byline := read_byline(core)) is not None:
            continue
        if i == 0 and _place(core, part):
            continue
        return None
    return _Dateline(raw, parse_datetime(raw), bool(updates.search(text[:s])), byline)


def _place(core: str, part: str) -> bool:
    """A place before a date, as in "LONDON, May 23, 2024" or "Kyiv - May 23, 2024"."""
    words = core.split()
    return len(words) <= 3 and all(w[0].isupper() for w in words) and part.rstrip()[-1:] in ",-–—("


@dataclass(slots=True)
class _Header:
    title: str | None = None
    byline: Byline | None = None
    section: str | None = None
    datelines: tuple[_Dateline, ...] = ()


def _mark_boilerplate(lines: list[_Line]) -> list[str]:
    """Mark credit and widget lines anywhere as removed; return the credited names in order."""
    credits: list[str] = []
    for line in lines:
        if (name := _credit(line.text)) is not None:
            line.kind, line.reason = "removed", "image credit"
            credits.append(name)
        elif _widget(line.text):
            line.kind, line.reason = "removed", "widget"
    return list(dict.fromkeys(credits))


def _read_header(lines: list[_Line]) -> _Header:
    """Title, byline, datelines and section labels among the first lines (rule 2)."""
    head = _Header()
    datelines: list[_Dateline] = []
    body_seen = False
    header = lines[:HEADER_LINES]
    for n, line in enumerate(header):
        if line.kind != "body":
            continue
        if head.byline is None and (b := _name_over_role(line, header[n + 1 : n + 2])) is not None:
            line.kind, head.byline = "byline", b
            header[n + 1].kind = "byline"
            continue
        if (d := _dateline(line.text)) is not None:
            line.kind = "dateline"
            datelines.append(d)
            head.byline = head.byline or d.byline
        elif head.byline is None and (b := read_byline(line.text)) is not None:
            line.kind, head.byline = "byline", b
        elif not body_seen and (section := _section(line.text)) is not None:
            line.kind, line.reason = "removed", "section label"
            head.section = head.section or section
        elif head.title is None and not body_seen and len(line.text.split()) <= MAX_TITLE_WORDS:
            line.kind, head.title = "title", line.text
        else:
            body_seen = True
    if head.byline is None:
        for line in lines[-3:]:
            if line.kind == "body" and REPORTING.match(line.text) and (b := read_byline(line.text)):
                line.kind, head.byline = "byline", b
                break
    head.datelines = tuple(datelines)
    return head


def _name_over_role(line: _Line, following: list[_Line]) -> Byline | None:
    """A byline set on two lines of one block, the name above its role ("Jane Doe" /
    "Diplomatic editor"): each line alone is no byline, together they read as "Name, role"."""
    if not following or following[0].kind != "body" or following[0].block != line.block:
        return None
    if read_byline(line.text) is not None or read_byline(following[0].text) is not None:
        return None
    joined = read_byline(f"{line.text}, {following[0].text}")
    return joined if joined is not None and joined.outlet is None else None


def _published(datelines: tuple[_Dateline, ...]) -> _Dateline | None:
    """The publication dateline: a parsed non-"Updated" one first, then any parsed one."""
    parsed = [d for d in datelines if d.iso is not None]
    return next((d for d in parsed if not d.update), parsed[0] if parsed else None)


def _paragraphs(lines: list[_Line]) -> list[list[int]]:
    """Runs of body lines (indices) that read as one paragraph (see :func:`_continues`)."""
    paras: list[list[int]] = []
    for i, line in enumerate(lines):
        if line.kind != "body":
            continue
        if paras and paras[-1][-1] == i - 1 and _continues(lines[i - 1], line):
            paras[-1].append(i)
        else:
            paras.append([i])
    return paras


def _continues(prev: _Line, line: _Line) -> bool:
    """A hard-wrapped paragraph goes on: same block, no sentence end, and a lower-case start or a
    previous line too long for a heading.  A text with one paragraph per line is thus split per line.
    """
    if prev.block != line.block or prev.text.rstrip(_QUOTES + ")")[-1:] in ".!?…:":
        return False
    return line.text[0].islower() or len(WORD.findall(prev.text)) > MAX_HEADING_WORDS


def _standfirst(lines: list[_Line], paras: list[list[int]]) -> Span | None:
    """The first paragraph, when a byline, dateline or furniture separates it from the body."""
    if len(paras) < 2:
        return None
    first, following = paras[0], paras[1]
    if sum(len(lines[i].text.split()) for i in first) < 4:
        return None
    between = lines[first[-1] + 1 : following[0]]
    if not any(line.kind in ("removed", "byline", "dateline") for line in between):
        return None
    return Span(lines[first[0]].lo, lines[first[-1]].hi)


def _heading_like(text: str) -> bool:
    """Short, capitalised, no sentence-final punctuation, not a quotation, one sentence at most."""
    words = WORD.findall(text)
    if not 1 <= len(words) <= MAX_HEADING_WORDS or len(text) > 90:
        return False
    if not (text[0].isupper() or text[0].isdigit()) or text.rstrip(_QUOTES)[-1] in ".,;:!":
        return False
    if "http" in text or "www." in text:
        return False
    return not any(
        m.group(1) not in _ABBREVIATIONS and (m.group(1)[-1].islower() or m.group(1)[-1].isdigit())
        for m in _SENTENCE_END.finditer(text)
    )


def _headings(lines: list[_Line], paras: list[list[int]]) -> list[Span]:
    """One-line heading-like paragraphs with prose on both sides (rule 5)."""
    like = [len(p) == 1 and _heading_like(lines[p[0]].text) for p in paras]
    spans: list[Span] = []
    for k in range(1, len(paras) - 1):
        if like[k] and not like[k - 1] and not like[k + 1] and not lines[paras[k - 1][-1]].text.endswith(":"):
            line = lines[paras[k][0]]
            spans.append(Span(line.lo, line.hi))
    return spans


def clean_text(text: str) -> ExtractedArticle:
    """Describe a plain-text article: metadata, removed lines, headings, standfirst.

    ``text`` is returned unchanged as ``ExtractedArticle.text``; every span points into it.
    """
    lines = _split_lines(text)
    if not lines:
        return ExtractedArticle(text=text)
    credits = _mark_boilerplate(lines)
    head = _read_header(lines)
    paras = _paragraphs(lines)
    published = _published(head.datelines)
    byline = head.byline or Byline((), None)
    return ExtractedArticle(
        text=text,
        title=head.title,
        authors=byline.authors,
        published=published.iso if published else None,
        published_raw=published.raw if published else None,
        section=head.section,
        outlet=byline.outlet,
        removed_lines=tuple(RemovedLine(ln.start, ln.end, ln.reason) for ln in lines if ln.kind == "removed"),
        headings=tuple(_headings(lines, paras)),
        standfirst=_standfirst(lines, paras),
        image_credits=tuple(credits),
    )
