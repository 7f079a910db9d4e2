"""What a user types, turned into an FTS5 query that cannot fail (shared by every search).

Its own module so that the query modules and the store import it without a circle.  The words
are read and bounded by :mod:`newsgraph.store.search_terms` (distinct terms only, at most
``MAX_SEARCH_TERMS``, prefixes of ``MIN_PREFIX_CHARS`` or more: issue 15 item 9).
"""

from __future__ import annotations

from newsgraph.store.search_terms import bounded_fts_query


def fts_query(text: str) -> str:
    """Turn what a user typed into an FTS5 query that matches all its words.

    Every word becomes a quoted FTS5 string, so operators (AND, OR, NOT, NEAR), ``-``, ``:``,
    parentheses and apostrophes are just text ("Peskov's" and "U.S." match as typed).  Text in
    balanced double quotes stays a phrase; an unbalanced quote is ignored; a trailing ``*``
    keeps its prefix meaning.  Words with no letters or digits, NUL characters and repeated
    words are dropped; more than ``MAX_SEARCH_TERMS`` different terms is a StoreError.
    """
    return bounded_fts_query(text.replace("\x00", " "))


__all__ = ["fts_query"]
