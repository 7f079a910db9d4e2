"""Bylines of the plain-text cleaner: who wrote an article, and for which outlet.

"By A and B", "Written by ...", "Jane Doe, Reuters", "Jane Doe | Staff writer", "Reporting by X;
Editing by Y": a byline gives 2-5 word capitalised names (all-caps ones title-cased) and maybe an
outlet; editors are not authors.  Split from :mod:`newsgraph.extract.text`, which decides where
the byline stands.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from newsgraph.extract.dates import load_lexicon

_SEPARATORS = re.compile(r"\s*(?:[|·•]|\s[-–—]\s)\s*")
_LIST_SPLIT = re.compile(r"\s*(?:,\s*and\s+|,|;|&|\band\b)\s*", re.IGNORECASE)
_IN_PLACE = re.compile(r"\s+in\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2}$")
REPORTING = re.compile(r"^\(?\s*(?:additional\s+)?reporting\s+by\b", re.IGNORECASE)
_CLAUSE = re.compile(r"^(?P<label>[A-Za-z ]+?)\s+by\s+(?P<names>.+)$", re.IGNORECASE)
WORD = re.compile(r"[\w'’]+")
_NAME_TOKEN = re.compile(r"[^\W\d_][\w.'’-]*")
_LETTERS = re.compile(r"[^\W\d_]+")
_MC = re.compile(r"^Mc(\w)")
_EDGE_PUNCT = re.compile(r"^[^\w']+|[^\w']+$")


@dataclass(frozen=True, slots=True)
class Byline:
    authors: tuple[str, ...]
    outlet: str | None


@cache
def lower_set(name: str) -> frozenset[str]:
    return frozenset(e.lower() for e in load_lexicon(name))


def alternatives(name: str) -> str:
    """The entries of lexicon ``name`` as a regex alternation, longest first; "a b" matches "a  b"."""
    words = sorted(load_lexicon(name), key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") + ("" if w.endswith(":") else r"\b") for w in words)


@cache
def prefix_re(name: str, follow: str) -> re.Pattern[str]:
    """A case-insensitive pattern for the lexicon ``name`` at the start of a line."""
    return re.compile(rf"^(?:{alternatives(name)}){follow}", re.IGNORECASE)


def norm(text: str) -> str:
    """A line reduced for lexicon look-up: lower case, no surrounding punctuation or bullets."""
    text = text.lower().replace("’", "'")
    text = _EDGE_PUNCT.sub("", text)
    return " ".join(text.split())


def _name(item: str) -> str | None:
    """``item`` as a person's name (all-caps title-cased), or None: 2-5 capitalised words."""
    tokens = item.split()
    if not 2 <= len(tokens) <= 5 or any(c.isdigit() for c in item):
        return None
    if item.isupper():
        tokens = [_title_case(t) for t in tokens]
    stop, particles = lower_set("name-stopwords.txt"), lower_set("name-particles.txt")
    for i, tok in enumerate(tokens):
        if tok in particles and 0 < i < len(tokens) - 1:
            continue
        if tok.lower().strip(".,") in stop or not _NAME_TOKEN.fullmatch(tok) or not tok[0].isupper():
            return None
    return " ".join(tokens)


def _title_case(token: str) -> str:
    out = _LETTERS.sub(lambda m: m.group(0).capitalize(), token.lower())
    return _MC.sub(lambda m: "Mc" + m.group(1).upper(), out)


def _outlet(item: str) -> str | None:
    low = item.lower().removeprefix("the ").strip()
    outlets = lower_set("outlets.txt")
    return item if low in outlets or f"the {low}" in outlets else None


def _role(item: str, strict: bool = False) -> bool:
    """A job title: ends with a role head word; ``strict``: every other word is a known modifier."""
    words = item.lower().split()
    if not (0 < len(words) <= 5 and words[-1] in lower_set("byline-roles.txt")):
        return False
    return not strict or all(w in lower_set("byline-role-modifiers.txt") for w in words[:-1])


@dataclass(slots=True)
class _Parts:
    """What the items of a byline turned out to be."""

    names: list[str] = field(default_factory=list)
    outlet: str | None = None
    roles: int = 0
    items: int = 0
    ok: bool = True


def _people(segment: str, parts: _Parts) -> None:
    """Sort the comma/"and" items of ``segment`` into names, outlet and roles.

    Only the very first item may carry a role without a separator ("Jane Doe Political Editor");
    a later one ending in a role word is a role ("..., Latin America Correspondent").
    """
    for item in _LIST_SPLIT.split(segment):
        item = _IN_PLACE.sub("", item.strip(" ."))
        if not item:
            continue
        parts.items += 1
        if (outlet := _outlet(item)) is not None:
            parts.outlet = parts.outlet or outlet
        elif _role(item):
            parts.roles += 1
            if parts.items == 1 and (name := _name_before_role(item)) is not None:
                parts.names.append(name)
        elif (name := _name(item)) is not None:
            parts.names.append(name)
        else:
            parts.ok = False


def _name_before_role(item: str) -> str | None:
    """ "Jane Doe Political Editor" -> "Jane Doe"; None for a bare role ("Staff writer")."""
    tokens = item.split()
    for k in range(2, len(tokens)):
        if _role(" ".join(tokens[k:]), strict=True) and (name := _name(" ".join(tokens[:k]))) is not None:
            return name
    return None


def read_byline(text: str) -> Byline | None:
    """Authors (and outlet) if ``text`` is a byline line.

    With a prefix ("By", "Written by", "Author:") every item must be a name, outlet or role.
    Without one, only "Jane Doe, Reuters" / "Jane Doe | Staff writer": one name plus an outlet or
    a role, so that a list of names in a sentence is not a byline.
    """
    if len(text.split()) > 25:
        return None
    if REPORTING.match(text):
        return _reporting(text)
    m = prefix_re("byline-prefixes.txt", r"\s*:?\s*").match(text)
    parts = _Parts()
    for segment in _SEPARATORS.split(text[m.end() :] if m else text):
        _people(segment, parts)
    if not parts.ok or not parts.items:
        return None
    if not m and (len(parts.names) != 1 or not (parts.outlet or parts.roles)):
        return None
    return Byline(tuple(dict.fromkeys(parts.names)), parts.outlet)


def _reporting(text: str) -> Byline | None:
    """Reuters-style credits: reporters and writers are authors, editors are not."""
    authors: list[str] = []
    for clause in text.strip(" ().").split(";"):
        m = _CLAUSE.match(clause.strip(" ()."))
        if not m:
            continue
        parts = _Parts()
        _people(m.group("names"), parts)
        label = m.group("label").lower()
        if parts.ok and ("report" in label or "writ" in label or "compil" in label):
            authors += parts.names
    return Byline(tuple(dict.fromkeys(authors)), None) if authors else None
