"""Articles: newest-first lists, full-text search, one article by id.

Every list is an index range: newest first is ``articles (t)`` read backwards, an outlet is
``articles (outlet COLLATE NOCASE, t)``, a date range is a range of ``t``.  Full-text search
ranks a bounded window: FTS5 reads the matches newest-stored first (``rowid DESC``, which its
doclists give without a sort), scores at most :data:`SEARCH_WINDOW` of them with bm25, and
computes snippets only for the rows of the page.  Ranking every match first (the old way)
cost 0.4 s for "said" at 200,000 articles and grows with the database; within the window the
order is by relevance.
"""

from __future__ import annotations

import json
import re
import sqlite3
from dataclasses import dataclass

from newsgraph.errors import StoreError
from newsgraph.records import Article
from newsgraph.store.base import ELLIPSIS, MARK_CLOSE, MARK_OPEN, SearchHit
from newsgraph.store.filters import ArticleFilter, Cursor
from newsgraph.store.fts import fts_query
from newsgraph.store.sqlite_rows import read_article
from newsgraph.store.timekeys import add_time_bounds, key_range

#: Most recently stored matches ranked by a search (all of them when there are fewer).
SEARCH_WINDOW = 1000
_HEX = re.compile(r"[0-9a-f]{6,64}")
_COUNTS = (
    "(SELECT count(*) FROM quotes q WHERE q.article_seq = a.seq), "
    "(SELECT count(*) FROM entities e WHERE e.article_seq = a.seq), "
    "(SELECT count(*) FROM events v WHERE v.article_seq = a.seq)"
)


@dataclass(frozen=True, slots=True)
class ArticleSummary:
    """One row of the article list; ``snippet`` marks matched words with « » when searching."""

    key: str
    id: str
    title: str | None
    published: str | None
    outlet: str | None
    authors: list[str]
    quotes: int
    entities: int
    events: int
    snippet: str | None


def _summary(r: tuple[object, ...], snip: str | None) -> ArticleSummary:
    return ArticleSummary(
        str(r[0]),
        str(r[1]),
        r[2],  # type: ignore[arg-type]
        r[3],  # type: ignore[arg-type]
        r[4],  # type: ignore[arg-type]
        json.loads(str(r[5])),
        int(r[6]),  # type: ignore[call-overload]
        int(r[7]),  # type: ignore[call-overload]
        int(r[8]),  # type: ignore[call-overload]
        snip,
    )


def _conditions(f: ArticleFilter) -> tuple[list[str], list[object]]:
    where: list[str] = []
    params: list[object] = []
    if f.outlet and f.outlet.strip():
        where.append("a.outlet = ? COLLATE NOCASE")
        params.append(f.outlet.strip())
    add_time_bounds(where, params, "a.t", *key_range(f.since, f.until))
    return where, params


def _where(clauses: list[str]) -> str:
    return f"WHERE {' AND '.join(clauses)} " if clauses else ""


def ranked_matches(
    conn: sqlite3.Connection, match: str, where: list[str], params: list[object], limit: int, offset: int
) -> list[tuple[int, float]]:
    """``(seq, bm25)`` of the best matches among the :data:`SEARCH_WINDOW` newest, best first."""
    sql = (
        "SELECT seq, score FROM (SELECT a.seq AS seq, bm25(articles_fts, 5.0, 1.0) AS score "
        "FROM articles_fts CROSS JOIN articles AS a ON a.seq = articles_fts.rowid "
        f"WHERE articles_fts MATCH ? {''.join(' AND ' + w for w in where)} "
        "ORDER BY articles_fts.rowid DESC LIMIT ?) ORDER BY score, seq DESC LIMIT ? OFFSET ?"
    )
    try:
        rows = conn.execute(sql, (match, *params, SEARCH_WINDOW, max(0, limit), max(0, offset))).fetchall()
    except sqlite3.OperationalError as exc:
        raise StoreError(f"search {match!r} failed: {exc}") from exc
    return [(int(r[0]), float(r[1])) for r in rows]


def snippet(conn: sqlite3.Connection, match: str, seq: int, column: int = 1) -> str:
    """The snippet of one matching article (computed for the rows shown only)."""
    row = conn.execute(
        f"SELECT snippet(articles_fts, {int(column)}, ?, ?, ?, 24) FROM articles_fts "
        "WHERE articles_fts MATCH ? AND rowid = ?",
        (MARK_OPEN, MARK_CLOSE, ELLIPSIS, match, seq),
    ).fetchone()
    return str(row[0]) if row else ""


def list_articles(conn: sqlite3.Connection, f: ArticleFilter) -> list[ArticleSummary]:
    """Articles matching ``f``: best match first when searching, else newest first."""
    where, params = _conditions(f)
    select = (
        f"SELECT a.text_sha256, a.id, a.title, a.published, a.outlet, a.authors, {_COUNTS} FROM articles a "
    )
    if f.search and f.search.strip():
        match = fts_query(f.search)
        if not match:
            return []
        hits = ranked_matches(conn, match, where, params, f.limit, f.offset)
        out = []
        for seq, _ in hits:
            r = conn.execute(select + "WHERE a.seq = ?", (seq,)).fetchone()
            out.append(_summary(r, snippet(conn, match, seq)))
        return out
    cursor = Cursor.parse(f.after)
    if cursor is not None:
        where.append("(a.t < ? OR (a.t = ? AND a.seq < ?))")
        params += [cursor.t, cursor.t, cursor.seq]
    rows = conn.execute(
        f"{select}{_where(where)}ORDER BY a.t DESC, a.seq DESC LIMIT ? OFFSET ?",
        (*params, max(0, f.limit), 0 if cursor else max(0, f.offset)),
    ).fetchall()
    return [_summary(r, None) for r in rows]


def article_cursor(conn: sqlite3.Connection, key: str) -> str | None:
    """The keyset cursor of an article (to continue a newest-first list after it)."""
    row = conn.execute("SELECT t, seq FROM articles WHERE text_sha256 = ?", (key,)).fetchone()
    return None if row is None else Cursor(int(row[0]), int(row[1])).token


def search_articles(
    conn: sqlite3.Connection,
    query: str,
    limit: int = 20,
    *,
    raw: bool = False,
    offset: int = 0,
    snippets: int | None = None,
) -> list[SearchHit]:
    """The CLI's search: best matches (title weighted up) with snippets over the whole text,
    snippets made for the returned page only (``snippets``: for its first that many rows; the
    CLI fetches up to 1,000 rows past its page only to say how many more there are, and a
    snippet costs about 0.2 ms)."""
    match = query if raw else fts_query(query)
    if limit <= 0 or not match.strip():
        return []
    try:
        hits = ranked_matches(conn, match, [], [], limit, offset)
    except StoreError as exc:
        hint = "check the FTS5 query syntax, or search without raw=True" if raw else "please report it"
        raise StoreError(f"{exc}; {hint}") from exc
    out = []
    for i, (seq, score) in enumerate(hits):
        r = conn.execute(
            "SELECT text_sha256, id, title, published, outlet FROM articles WHERE seq = ?", (seq,)
        ).fetchone()
        text = snippet(conn, match, seq, -1) if snippets is None or i < snippets else ""
        out.append(SearchHit(r[0], r[1], r[2], r[3], r[4], text, -score))
    return out


def list_outlets(conn: sqlite3.Connection) -> list[str]:
    """Every outlet name in the database, alphabetically (for filter menus)."""
    return [str(r[0]) for r in conn.execute("SELECT key FROM counters WHERE kind = 'outlet' ORDER BY key")]


def totals(conn: sqlite3.Connection) -> dict[str, int]:
    """Articles, statements and events stored (kept by the writer: no count over a table)."""
    n = dict(conn.execute("SELECT key, n FROM counters WHERE kind = 'total'").fetchall())
    return {
        "articles": int(n.get("articles", 0)),
        "statements": int(n.get("quotes", 0)),
        "events": int(n.get("events", 0)),
    }


def get_article(conn: sqlite3.Connection, key: str) -> Article | None:
    """The article whose id, text sha256 or unique sha256 prefix (6+ hex digits) is ``key``."""
    key = key.strip()
    row = conn.execute("SELECT seq FROM articles WHERE id = ?", (key,)).fetchone()
    if row is None and _HEX.fullmatch(key.lower()):
        rows = conn.execute(
            "SELECT seq FROM articles WHERE text_sha256 GLOB ? LIMIT 2", (key.lower() + "*",)
        ).fetchall()
        row = rows[0] if len(rows) == 1 else None
    return None if row is None else read_article(conn, int(row[0]))


def entity_actors(conn: sqlite3.Connection, article_id: str) -> dict[str, int]:
    """Actor id of each entity of the article, keyed by the entity's id in it (``e1``)."""
    rows = conn.execute(
        "SELECT e.entity_id, l.actor_id FROM articles a JOIN entities e ON e.article_seq = a.seq "
        "JOIN actor_links l ON l.article_seq = e.article_seq AND l.entity_idx = e.idx WHERE a.id = ?",
        (article_id,),
    )
    return {str(r[0]): int(r[1]) for r in rows}
