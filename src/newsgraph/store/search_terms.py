"""What a user typed into a search box, as a bounded list of distinct FTS5 terms.

Why bounded: every FTS5 term is one more posting list to walk and intersect for each query,
and a query string is cheap to send (``a a a ...`` with 249 words is 497 bytes).  So repeated
words are dropped (an AND of a word with itself matches the same rows) and a query of more
than :data:`MAX_SEARCH_TERMS` different terms is refused with a message, instead of being cut
silently (dropping words would widen the search behind the user's back).  A prefix term needs
:data:`MIN_PREFIX_CHARS` characters before its ``*``: ``a*`` stands for most words of every
article, and FTS5's ``snippet()`` costs about the square of the matches it highlights in a row
(16 one-letter prefixes made a 500-row page take 1.4 s on 181 articles; two letters, 0.3 s).
"""

from __future__ import annotations

import re
import unicodedata

from newsgraph.errors import StoreError

#: Most different terms (words, quoted phrases or ``prefix*`` words) one search may hold.
MAX_SEARCH_TERMS = 16
#: Fewest characters a prefix search (``sanc*``) must give before its ``*``.
MIN_PREFIX_CHARS = 2

_TERM = re.compile(r'"([^"]*)"|([^\s"]+)')


def _has_text(body: str) -> bool:
    return any(unicodedata.category(c)[0] in "LN" or unicodedata.category(c) == "Co" for c in body)


def search_terms(text: str) -> list[str]:
    """The distinct FTS5 terms of ``text`` in the order typed, each a quoted FTS5 string.

    Every word becomes a quoted string, so operators (AND, OR, NOT, NEAR), ``-``, ``:``,
    parentheses and apostrophes are just text.  Text in balanced double quotes stays a phrase;
    an unbalanced quote is ignored; a trailing ``*`` keeps its prefix meaning.  Words with no
    letters or digits are dropped, and so are repeats (compared case-folded, as the FTS5
    tokenizer folds case).  Unbounded: callers check :data:`MAX_SEARCH_TERMS`.
    """
    if text.count('"') % 2:
        text = text.replace('"', " ")
    terms: list[str] = []
    seen: set[str] = set()
    for m in _TERM.finditer(text):
        phrase, word = m.group(1), m.group(2)
        prefix = phrase is None and word.endswith("*")
        body = phrase if phrase is not None else word.rstrip("*")
        if not _has_text(body):
            continue
        term = '"' + body.replace('"', '""') + '"' + ("*" if prefix else "")
        key = " ".join(term.casefold().split())
        if key not in seen:
            seen.add(key)
            terms.append(term)
    return terms


def search_problem(text: str) -> str | None:
    """Why ``text`` is refused as a search (too many terms, too short a prefix), or None."""
    terms = search_terms(text)
    if len(terms) > MAX_SEARCH_TERMS:
        return f"too many different words to search for ({len(terms)}; at most {MAX_SEARCH_TERMS})"
    short = [t for t in terms if t.endswith("*") and len(t) - 3 < MIN_PREFIX_CHARS]
    if short:
        return (
            f"{short[0][1:-2]}* is too short a prefix: give at least {MIN_PREFIX_CHARS} "
            "characters before a '*'"
        )
    return None


def bounded_fts_query(text: str) -> str:
    """The FTS5 query (terms joined by spaces: all must match); StoreError past the bound."""
    problem = search_problem(text)
    if problem:
        raise StoreError(f"search {text[:60]!r}: {problem}")
    return " ".join(search_terms(text))


__all__ = ["MAX_SEARCH_TERMS", "MIN_PREFIX_CHARS", "bounded_fts_query", "search_problem", "search_terms"]
