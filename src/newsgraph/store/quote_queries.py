"""Statements: by speaker, by actor, by words, by type and date; newest first.

How each filter is answered (every page is a bounded index read; see ``tests/test_query_plans.py``):

* an actor's statements: its range of ``postings`` (kind 2), already newest first;
* ``speaker``: the name part is looked up in ``names_fts`` (:func:`newsgraph.store.names.matching_names`),
  and the postings of each matching name (kind 1) are merged, each read only as far as the page;
* ``search`` alone: the newest :data:`SEARCH_WINDOW` matching statements (``quotes_fts`` read
  backwards by rowid), shown newest article first; with a speaker or an actor, each of that
  speaker's statements is checked against the words instead;
* nothing (or only type and dates): newest articles first through ``articles (t)``, their
  statements through the ``(article_seq, idx)`` key.

Other conditions (type, date range, the words) filter the rows of the chosen list as it is read.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from typing import Any

from newsgraph.errors import StoreError
from newsgraph.store.filters import Cursor, QuoteFilter
from newsgraph.store.fts import fts_query
from newsgraph.store.names import matching_names
from newsgraph.store.postings import read_newest, read_postings
from newsgraph.store.summaries import QUOTE_ACTOR, QUOTE_SPEAKER
from newsgraph.store.timekeys import key_range

QUOTE_TYPES = ("direct", "partial", "indirect")
#: Newest matching statements a word search reads when no speaker narrows it.
SEARCH_WINDOW = 1000
#: The actor of a statement's speaker entity (NULL when unresolved).
SPEAKER_ACTOR = (
    "(SELECT l.actor_id FROM entities e JOIN actor_links l ON l.article_seq = e.article_seq "
    "AND l.entity_idx = e.idx WHERE e.article_seq = q.article_seq AND e.entity_id = q.speaker_entity)"
)
_SELECT = (
    "SELECT a.text_sha256, a.id, a.title, a.published, a.outlet, q.idx, q.text, q.start, q.end, "
    f"q.type, q.speaker, q.speaker_entity, q.cue, {SPEAKER_ACTOR}, a.t, a.seq, q.speaker_confidence "
    "FROM quotes q JOIN articles a ON a.seq = q.article_seq "
)


@dataclass(frozen=True, slots=True)
class QuoteHit:
    """One stored statement with the article it comes from and its speaker's actor id."""

    article_key: str
    article_id: str
    title: str | None
    published: str | None
    outlet: str | None
    idx: int
    text: str
    start: int
    end: int
    type: str
    speaker: str | None
    speaker_entity: str | None
    cue: str | None
    actor_id: int | None = None
    cursor: str | None = None
    #: How sure the speaker ranking was (0-1; None for statements stored before schema 7).
    speaker_confidence: float | None = None


def _row(r: Any) -> QuoteHit:
    values: list[Any] = [*r[:14], Cursor(int(r[14]), int(r[15]), int(r[5])).token, r[16]]
    return QuoteHit(*values)


def find_quotes(conn: sqlite3.Connection, f: QuoteFilter) -> list[QuoteHit]:
    """Statements matching ``f``, newest article first, then in article order."""
    if f.type and f.type not in QUOTE_TYPES:
        raise StoreError(f"type={f.type!r}: choose one of {', '.join(QUOTE_TYPES)}")
    low, high = key_range(f.since, f.until)
    match = None
    if f.search and f.search.strip():
        match = fts_query(f.search)
        if not match:
            return []
    cursor = Cursor.parse(f.after)
    n = max(0, f.limit) + (0 if cursor else max(0, f.offset))
    extra: list[str] = []
    extra_params: list[object] = []
    if f.type:
        extra.append("q.type = ?")
        extra_params.append(f.type)
    if match:
        extra.append(
            "q.quote_id IN (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ? AND rowid = q.quote_id)"
        )
        extra_params.append(match)
    if f.actor_id is not None or (f.speaker and f.speaker.strip()):
        if f.actor_id is not None:
            sources = [(QUOTE_ACTOR, int(f.actor_id))]
        else:
            sources = [(QUOTE_SPEAKER, i) for i in matching_names(conn, str(f.speaker))]
        keys = read_postings(conn, sources, "quotes", extra, extra_params, low, high, cursor, n)
    elif match:
        keys = _search_window(conn, match, f, low, high, cursor, n)
    else:
        keys = read_newest(conn, "quotes", extra, extra_params, low, high, cursor, n)
    keys = keys[0 if cursor else max(0, f.offset) :][: max(0, f.limit)]
    out = []
    for _, seq, idx in keys:
        row = conn.execute(_SELECT + "WHERE q.article_seq = ? AND q.idx = ?", (seq, idx)).fetchone()
        if row is not None:
            out.append(_row(row))
    return out


def _search_window(
    conn: sqlite3.Connection,
    match: str,
    f: QuoteFilter,
    low: int | None,
    high: int | None,
    cursor: Cursor | None,
    n: int,
) -> list[tuple[int, int, int]]:
    where: list[str] = ["quotes_fts MATCH ?"]
    params: list[object] = [match]
    if f.type:
        where.append("q.type = ?")
        params.append(f.type)
    if low is not None:
        where.append("a.t >= ?")
        params.append(low)
    if high is not None:
        where.append("a.t <= ?")
        params.append(high)
    rows = conn.execute(
        "SELECT a.t, q.article_seq, q.idx FROM quotes_fts "
        "CROSS JOIN quotes q ON q.quote_id = quotes_fts.rowid "
        f"CROSS JOIN articles a ON a.seq = q.article_seq WHERE {' AND '.join(where)} "
        "ORDER BY quotes_fts.rowid DESC LIMIT ?",
        (*params, SEARCH_WINDOW),
    ).fetchall()
    keys = sorted(((int(t), int(s), int(i)) for t, s, i in rows), key=lambda k: (-k[0], -k[1], k[2]))
    if cursor is not None:
        keys = [k for k in keys if (-k[0], -k[1], k[2]) > (-cursor.t, -cursor.seq, cursor.idx)]
    return keys[:n]


def search_statements(conn: sqlite3.Connection, query: str, limit: int = 20) -> list[QuoteHit]:
    """Statements *by* a speaker whose name contains ``query``, then statements containing it.

    What a journalist means by typing a name into one search box: "Peskov" should find what
    Peskov said, even though his name is not inside his words.
    """
    by_speaker = find_quotes(conn, QuoteFilter(speaker=query, limit=limit))
    by_words = find_quotes(conn, QuoteFilter(search=query, limit=limit))
    seen: set[tuple[str, int]] = set()
    hits: list[QuoteHit] = []
    for hit in [*by_speaker, *by_words]:
        if (hit.article_key, hit.idx) not in seen:
            seen.add((hit.article_key, hit.idx))
            hits.append(hit)
    return hits[:limit]
