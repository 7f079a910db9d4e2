"""Quotation marks paired on the characters of the text, and pull-quotes found by layout.

spaCy splits quotations into several sentences and often isolates the closing mark, so the
quoted spans are found here, before any syntax, by pairing the marks themselves:

- double marks (straight ``"``, curly “ ”, low „, guillemets « ») are paired within a
  paragraph with a depth counter, so a stray inner pair (``"A "B" C"``) yields one span from
  the first opening to the last closing mark, as the gold convention wants;
- a straight mark's direction comes from its neighbours (space before: opening; space or
  punctuation after: closing); when both or neither hold, from the current depth;
- a curly mark whose neighbours contradict its shape is read by its neighbours (corpora and
  typists swap them);
- an opening mark left open at the end of a paragraph yields a span to the paragraph's end
  (``unclosed``): that is how multi-paragraph quotations are written, and it keeps one bad
  mark from swallowing the rest of the article;
- single marks count only outside double ones (inside, they are nested quotes or
  apostrophes), and only where an apostrophe reading is impossible.

Pull-quotes are paragraphs of the form ``text — Credit`` (no marks needed).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_OPENERS = frozenset("“„«")
_CLOSERS = frozenset("”»")
_DOUBLE = frozenset('"') | _OPENERS | _CLOSERS
_OPEN_BEFORE = frozenset("([{—–-/")
_CLOSE_AFTER = frozenset(".,;:!?)]}—–-…")
# The loops below visit the marks only (a character-by-character scan costs more than the rest).
_DOUBLE_MARKS = re.compile("[" + re.escape("".join(sorted(_DOUBLE))) + "]")
_SINGLE_MARKS = re.compile("['‘’]")


@dataclass(frozen=True, slots=True)
class Quoted:
    """A span of text between quotation marks (offsets of the content, without the marks)."""

    start: int
    end: int
    open_at: int
    close_at: int | None
    para_start: int
    para_end: int
    single: bool = False

    @property
    def outer_end(self) -> int:
        """The offset just after the closing mark (or the content end when unclosed)."""
        return self.end if self.close_at is None else self.close_at + 1

    @property
    def starts_paragraph(self) -> bool:
        return self.open_at == self.para_start


@dataclass(frozen=True, slots=True)
class PullQuote:
    """A paragraph ``words — Credit``: the words are a quote by the credited source."""

    start: int
    end: int
    credit_start: int
    credit_end: int


def paragraphs(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each non-blank line, leading and trailing spaces excluded."""
    spans = []
    for match in re.finditer(r"[^\n]+", text):
        line = match.group()
        left = len(line) - len(line.lstrip())
        right = len(line.rstrip())
        if right > left:
            spans.append((match.start() + left, match.start() + right))
    return spans


def _direction(text: str, i: int, start: int, end: int, depth: int) -> str:
    """``"open"`` or ``"close"`` for the double mark at ``i`` inside paragraph ``[start, end)``."""
    prev = text[i - 1] if i > start else " "
    nxt = text[i + 1] if i + 1 < end else " "
    opening = prev.isspace() or prev in _OPEN_BEFORE or prev in _DOUBLE
    closing = nxt.isspace() or nxt in _CLOSE_AFTER or nxt in _DOUBLE
    mark = text[i]
    if mark in _OPENERS and not (closing and not opening and prev.isalnum()):
        return "open"
    if mark in _CLOSERS and not (opening and not closing and nxt.isalnum()):
        return "close"
    if opening and not closing:
        return "open"
    if closing and not opening:
        return "close"
    return "close" if depth > 0 else "open"


def _pair_doubles(text: str, start: int, end: int, carried: bool) -> list[Quoted]:
    """Pair the double marks of one paragraph.

    ``carried``: the previous paragraph ended inside a quotation; then a closing mark before
    any opening one closes a quotation that started at this paragraph's first character
    (a multi-paragraph quotation written without the usual opening mark).
    """
    found: list[Quoted] = []
    depth, first = 0, -1
    for mark in _DOUBLE_MARKS.finditer(text, start, end):
        i = mark.start()
        if carried and not found and depth == 0 and _direction(text, i, start, end, 0) == "close":
            if i > start:
                found.append(Quoted(start, i, start, i, start, end))
            carried = False
            continue
        carried = False
        if _direction(text, i, start, end, depth) == "open":
            if depth == 0:
                first = i
            depth += 1
        elif depth > 0:
            depth -= 1
            if depth == 0:
                found.append(Quoted(first + 1, i, first, i, start, end))
        # a closing mark with nothing open is a stray: ignored
    if depth > 0 and end > first + 1:
        found.append(Quoted(first + 1, end, first, None, start, end))
    return found


def _pair_singles(text: str, start: int, end: int, taken: list[Quoted]) -> list[Quoted]:
    """Single-mark quotations outside double ones, where no apostrophe reading fits."""
    found: list[Quoted] = []
    pending = -1
    for mark in _SINGLE_MARKS.finditer(text, start, end):
        i, ch = mark.start(), mark.group()
        if any(q.open_at <= i < q.outer_end for q in taken):
            continue
        prev = text[i - 1] if i > start else " "
        nxt = text[i + 1] if i + 1 < end else " "
        if pending < 0 and ch in "'‘" and (prev.isspace() or prev in _OPEN_BEFORE) and nxt.isalnum():
            pending = i
        elif pending >= 0 and ch in "'’" and not prev.isspace() and not nxt.isalnum():
            found.append(Quoted(pending + 1, i, pending, i, start, end, single=True))
            pending = -1
    return found


def find_quoted(text: str) -> list[Quoted]:
    """All quoted spans of ``text``, in text order (see the module docstring)."""
    quoted: list[Quoted] = []
    carried = False
    for start, end in paragraphs(text):
        doubles = _pair_doubles(text, start, end, carried)
        carried = bool(doubles) and doubles[-1].close_at is None
        quoted.extend(doubles)
        quoted.extend(_pair_singles(text, start, end, doubles))
    quoted.sort(key=lambda q: q.open_at)
    return quoted


_PULL = re.compile(r"^(?P<body>.*?\S)\s+(?:—|–|--)\s*(?P<credit>[A-Z][^—–\n]{1,80})$")


def find_pull_quotes(text: str) -> list[PullQuote]:
    """Paragraphs ``words. — Credit``: a sentence (or 8+ words) and a short capitalised credit."""
    found: list[PullQuote] = []
    for start, end in paragraphs(text):
        match = _PULL.match(text[start:end])
        if match is None:
            continue
        body_start, body_end = start + match.start("body"), start + match.end("body")
        credit = match.group("credit")
        if len(credit.split()) > 12 or credit.rstrip()[-1] in ".!?:;":
            continue
        if text[body_end - 1] not in ".!?…\"”'’" and len(match.group("body").split()) < 8:
            continue
        while body_start < body_end and not (text[body_start].isalnum() or text[body_start] == "["):
            body_start += 1  # leading dots and opening marks are not part of the words
        if text[body_end - 1] in '"”' and text[start + match.start("body")] in '"“':
            body_end -= 1
        if body_end - body_start < 20:
            continue
        credit_start = start + match.start("credit")
        found.append(PullQuote(body_start, body_end, credit_start, start + match.end("credit")))
    return found
