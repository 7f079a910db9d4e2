"""The article's header block: only the author may come out of the byline and dateline lines.

Web and wire copy opens with a block of short lines between the headline and the first paragraph:
byline ("Written by Camilla Jessen"), dateline ("May.23 - 2024 7:37 AM CET"), section labels
("News"), photo credits ("Photo: Wikimedia Commons").  The model finds names in them and merges
lines ("Camilla Jessen\\n\\nMay.23").  We treat every line of that block, and credit lines anywhere,
as excluded, and read the author from the byline pattern (or from ``ExtractedArticle.authors`` when
the extractor has already blanked those lines).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_BYLINE = re.compile(
    r"^\s*(?:(?:Written|Posted|Reported|Story|Words|Text)\s+)?[Bb]y[:\s]+"
    r"(?P<name>[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3})"
)
_CREDIT = re.compile(
    r"^\s*(?:Photo|Image|Picture|Credit|Video|Illustration|Graphic)s?\s*(?::|by\b)", re.IGNORECASE
)
_BODY_WORDS = 12


@dataclass(frozen=True, slots=True)
class Header:
    """Excluded character ranges and the author names (with their spans, when in the text)."""

    excluded: tuple[tuple[int, int], ...]
    authors: tuple[tuple[str, int, int], ...]

    def is_excluded(self, start: int, end: int) -> bool:
        return any(s <= start and end <= e for s, e in self.excluded)


def _lines(text: str) -> list[tuple[int, int, str]]:
    out = []
    offset = 0
    for line in text.split("\n"):
        out.append((offset, offset + len(line), line))
        offset += len(line) + 1
    return out


def _is_body(line: str) -> bool:
    words = line.split()
    # a sentence that introduces what follows ("The statement read:") is body too
    return len(words) >= _BODY_WORDS or (
        len(words) >= 6 and line.rstrip()[-1:] in {".", "!", "?", '"', "”", ":"}
    )


def find_header(text: str, original: str | None = None, authors: tuple[str, ...] = ()) -> Header:
    """The header block of ``text`` (see module docstring).

    ``original`` is the text before boilerplate lines were blanked; author names given by the
    extractor are located there when they are no longer visible in ``text``.
    """
    lines = [ln for ln in _lines(text) if ln[2].strip()]
    excluded: list[tuple[int, int]] = []
    found: list[tuple[str, int, int]] = []
    in_header = True
    for n, (start, end, line) in enumerate(lines):
        if n == 0:
            continue  # the headline is content
        if in_header and _is_body(line):
            in_header = False
        if in_header or _CREDIT.match(line):
            excluded.append((start, end))
        match = _BYLINE.match(line)
        if match and in_header:
            found.append((match.group("name"), start + match.start("name"), start + match.end("name")))
    for name in authors:
        if any(a[0] == name for a in found):
            continue
        source = original if original is not None else text
        pos = source.find(name)
        found.append((name, pos, pos + len(name)) if pos >= 0 else (name, -1, -1))
    return Header(tuple(excluded), tuple(found))
