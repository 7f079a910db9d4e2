"""Read queries over the stored records, beyond whole articles: statements by speaker, etc.

These are the questions users ask of the database ("everything Peskov said since May"), so
they are answered in SQL with indexes, not by loading articles.  Every function takes a
``sqlite3.Connection`` and returns plain frozen rows; :class:`~newsgraph.store.sqlite.SQLiteStore`
exposes them as methods, and the CLI and web shells only format them.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from newsgraph.errors import StoreError
from newsgraph.store.sqlite_rows import utc_timestamp

QUOTE_TYPES = ("direct", "partial", "indirect")


@dataclass(frozen=True, slots=True)
class QuoteHit:
    """One stored statement with the article it comes from."""

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


def like(value: str) -> str:
    """A LIKE pattern (with ``ESCAPE '\\'``) matching ``value`` anywhere, wildcards escaped."""
    escaped = value.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def since_bound(value: str | None) -> str | None:
    """``since`` as a UTC timestamp bound; raises :class:`StoreError` with the fix if invalid."""
    return _bound("since", value, end_of_day=False)


def until_bound(value: str | None) -> str | None:
    """``until`` as a UTC bound; a bare date (``2024-05-23``) includes the whole of that day."""
    return _bound("until", value, end_of_day=True)


def _bound(name: str, value: str | None, *, end_of_day: bool) -> str | None:
    if not value:
        return None
    value = value.strip()
    bound = utc_timestamp(value)
    if bound is None:
        raise StoreError(f"{name}={value!r} is not an ISO 8601 date or time (e.g. 2024-05-23)")
    if end_of_day and len(value) == 10:
        bound = bound[:10] + "T23:59:59"
    return bound


def dated(where: list[str], params: list[object], since: str | None, until: str | None) -> None:
    """Add the date-range conditions on ``a.published_utc`` (validated) to a query being built."""
    if (low := since_bound(since)) is not None:
        where.append("a.published_utc >= ?")
        params.append(low)
    if (high := until_bound(until)) is not None:
        where.append("a.published_utc <= ?")
        params.append(high)


def find_quotes(
    conn: sqlite3.Connection,
    *,
    speaker: str | None = None,
    search: str | None = None,
    since: str | None = None,
    until: str | None = None,
    type: str | None = None,
    limit: int = 50,
    offset: int = 0,
) -> list[QuoteHit]:
    """Statements filtered by speaker (case-insensitive part of the name), words, date and type.

    Ordered newest article first, then by position in the article (stable for paging).
    ``search`` is plain words, all of which must occur in the statement (FTS5 over quote text).
    """
    from newsgraph.store.sqlite import fts_query

    where: list[str] = []
    params: list[object] = []
    joins = ""
    if speaker:
        where.append("q.speaker LIKE ? ESCAPE '\\'")
        params.append(like(speaker))
    if search:
        match = fts_query(search)
        if not match:
            return []
        joins = "JOIN quotes_fts ON quotes_fts.rowid = q.quote_id"
        where.append("quotes_fts MATCH ?")
        params.append(match)
    dated(where, params, since, until)
    if type:
        if type not in QUOTE_TYPES:
            raise StoreError(f"type={type!r}: choose one of {', '.join(QUOTE_TYPES)}")
        where.append("q.type = ?")
        params.append(type)
    sql = (
        "SELECT a.text_sha256, a.id, a.title, a.published, a.outlet, q.idx, q.text, q.start, q.end, "
        "q.type, q.speaker, q.speaker_entity, q.cue "
        f"FROM quotes AS q JOIN articles AS a ON a.seq = q.article_seq {joins} "
        + (f"WHERE {' AND '.join(where)} " if where else "")
        + "ORDER BY a.published_utc IS NULL, a.published_utc DESC, a.seq DESC, q.idx LIMIT ? OFFSET ?"
    )
    rows = conn.execute(sql, (*params, max(0, limit), max(0, offset))).fetchall()
    return [QuoteHit(*row) for row in rows]
