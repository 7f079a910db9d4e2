"""What a user types, turned into an FTS5 query that cannot fail (shared by every search).

Its own module so that the query modules and the store import it without a circle.
"""

from __future__ import annotations

import re
import unicodedata

_TERM = re.compile(r'"([^"]*)"|([^\s"]+)')
#: At most this many distinct terms are kept: each term is one more doclist to merge, and a
#: 249-word query must not cost a minute (issue 15 item 9).
MAX_TERMS = 16


def fts_query(text: str) -> str:
    """Turn what a user typed into an FTS5 query that matches all its words and cannot fail.

    Every word becomes a quoted FTS5 string, so operators (AND, OR, NOT, NEAR), ``-``, ``:``,
    parentheses and apostrophes are just text ("Peskov's" and "U.S." match as typed).  Text in
    balanced double quotes stays a phrase; an unbalanced quote is ignored; a trailing ``*``
    keeps its prefix meaning.  Words with no letters or digits are dropped; repeated terms are
    kept once, and at most :data:`MAX_TERMS` terms are used.
    """
    text = text.replace("\x00", " ")
    if text.count('"') % 2:
        text = text.replace('"', " ")
    terms: list[str] = []
    for m in _TERM.finditer(text):
        phrase, word = m.group(1), m.group(2)
        prefix = phrase is None and word.endswith("*")
        body = phrase if phrase is not None else word.rstrip("*")
        if any(unicodedata.category(c)[0] in "LN" or unicodedata.category(c) == "Co" for c in body):
            terms.append('"' + body.replace('"', '""') + '"' + ("*" if prefix else ""))
    return " ".join(list(dict.fromkeys(terms))[:MAX_TERMS])
