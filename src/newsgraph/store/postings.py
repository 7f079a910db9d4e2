"""Reading the ``postings`` index: newest-first statement or event keys for filter values.

A posting list (one ``kind`` and ``value``: a speaker name, an actor, a country, ...) is one
range of the table's primary key, in the order every list is shown (``t DESC, article_seq
DESC, idx``).  Several lists (a name part matching several names) are merged by SQLite from
sub-queries that each stop after ``n`` rows, so a page costs at most ``n`` rows per list, never
the length of the lists.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence

from newsgraph.store.filters import Cursor
from newsgraph.store.timekeys import add_time_bounds

_ALIAS = {"quotes": "q", "events": "e"}


def read_postings(
    conn: sqlite3.Connection,
    sources: Sequence[tuple[int, int]],
    table: str,
    extra: Sequence[str],
    extra_params: Sequence[object],
    low: int | None,
    high: int | None,
    cursor: Cursor | None,
    n: int,
) -> list[tuple[int, int, int]]:
    """The first ``n`` ``(t, article_seq, idx)`` of the ``(kind, value)`` lists, merged.

    ``extra`` are conditions on the rows of ``table`` (alias ``q`` for quotes, ``e`` for
    events), checked as the lists are read; ``low``/``high`` bound the time key; ``cursor``
    starts after a row.
    """
    if not sources or n <= 0:
        return []
    alias = _ALIAS[table]
    join = (
        f"CROSS JOIN {table} {alias} ON {alias}.article_seq = p.article_seq AND {alias}.idx = p.idx "
        if extra
        else ""
    )
    where = ["p.kind = ?", "p.value = ?", *extra]
    bounds: list[object] = [*extra_params]
    _time_window(where, bounds, "p.t", "p.article_seq", "p.idx", low, high, cursor)
    one = (
        f"SELECT p.t, p.article_seq, p.idx FROM postings p {join}WHERE {' AND '.join(where)} "
        "ORDER BY p.t DESC, p.article_seq DESC, p.idx LIMIT ?"
    )
    params: list[object] = []
    for kind, value in sources:
        params += [kind, value, *bounds, n]
    if len(sources) == 1:
        sql = one
    else:
        sql = (
            " UNION ALL ".join(f"SELECT * FROM ({one})" for _ in sources)
            + " ORDER BY 1 DESC, 2 DESC, 3 LIMIT ?"
        )
        params.append(n)
    return [(int(t), int(s), int(i)) for t, s, i in conn.execute(sql, params).fetchall()]


def read_newest(
    conn: sqlite3.Connection,
    table: str,
    extra: Sequence[str],
    extra_params: Sequence[object],
    low: int | None,
    high: int | None,
    cursor: Cursor | None,
    n: int,
) -> list[tuple[int, int, int]]:
    """``(t, article_seq, idx)`` of the newest ``n`` statements or events (``table``) matching
    ``extra``, within the time-key range and after ``cursor``: the scan the posting lists are
    not needed for (no name filter), walking articles newest first."""
    alias = _ALIAS[table]
    where, params = list(extra), list(extra_params)
    _time_window(where, params, "a.t", "a.seq", f"{alias}.idx", low, high, cursor)
    rows = conn.execute(
        f"SELECT a.t, a.seq, {alias}.idx FROM articles a CROSS JOIN {table} {alias} "
        f"ON {alias}.article_seq = a.seq "
        + (f"WHERE {' AND '.join(where)} " if where else "")
        + f"ORDER BY a.t DESC, a.seq DESC, {alias}.idx LIMIT ?",
        (*params, n),
    ).fetchall()
    return [(int(t), int(s), int(i)) for t, s, i in rows]


def _time_window(
    where: list[str],
    params: list[object],
    t: str,
    seq: str,
    idx: str,
    low: int | None,
    high: int | None,
    cursor: Cursor | None,
) -> None:
    """Add the time-key bounds and the keyset cursor of a newest-first list (columns ``t``,
    ``seq``, ``idx``) to ``where``/``params``.  The cursor is written with a leading ``t <= ?``
    so that SQLite can use it as a range bound on the ``t`` index."""
    add_time_bounds(where, params, t, low, high)
    if cursor is not None:
        where.append(f"{t} <= ? AND ({t} < ? OR {seq} < ? OR ({seq} = ? AND {idx} > ?))")
        params += [cursor.t, cursor.t, cursor.seq, cursor.seq, cursor.idx]
