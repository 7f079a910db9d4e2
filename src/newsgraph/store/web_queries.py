"""Read queries behind the web UI and REST API: article lists, actors, events, dyads.

Every function takes a ``sqlite3.Connection`` (the web app opens one read-only connection per
request) and returns plain frozen rows that the API serialises and the pages render, so a page
and its JSON twin always show the same data.  Statements are read with
:func:`newsgraph.store.queries.find_quotes` wherever its filters fit; only the per-actor view
(which needs the exact entity, not a name substring) has its own query here.

**Actors across articles** are the rows of the ``actors`` table (see
:mod:`newsgraph.store.actors`: merging policy, role history); an actor's id in URLs and JSON is
its integer ``actors.actor_id``, and an article's entity reaches it through ``actor_links``
``(article_seq, entity_idx)``.  Statements are an actor's when their ``speaker_entity`` is one
of its linked entities.

**Events** (lists, dyads) are in :mod:`newsgraph.store.web_events`.

**Dates.**  ``since``/``until`` are ISO 8601 dates or times compared with the articles' UTC
publication time; a bare date as ``until`` includes that whole day (:func:`until_bound`).
Undated articles are never inside a date range and sort last.
"""

from __future__ import annotations

import json
import re
import sqlite3
from dataclasses import dataclass
from datetime import date, timedelta

from newsgraph.errors import StoreError
from newsgraph.records import Article
from newsgraph.store.actors import get_actor
from newsgraph.store.queries import QuoteHit, dated, find_quotes, like
from newsgraph.store.sqlite import fts_query
from newsgraph.store.sqlite_rows import read_article

ACTOR_TYPES = ("PERSON", "ORG", "GPE", "NORP")
_HEX = re.compile(r"[0-9a-f]{6,64}")
NEWEST = "a.published_utc IS NULL, a.published_utc DESC, a.seq DESC"
#: The actor of an article's entity, given the entity's article-local id (quotes, events use it).
ENTITY_ACTOR = (
    "(SELECT l.actor_id FROM entities e JOIN actor_links l "
    "ON l.article_seq = e.article_seq AND l.entity_idx = e.idx "
    "WHERE e.article_seq = {seq} AND e.entity_id = {entity})"
)


# -- bounds ------------------------------------------------------------------------------------


def where_clause(clauses: list[str]) -> str:
    """``WHERE a AND b`` (with a trailing space), or nothing when there are no conditions."""
    return f"WHERE {' AND '.join(clauses)} " if clauses else ""


# -- articles ----------------------------------------------------------------------------------


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


def list_articles(
    conn: sqlite3.Connection,
    *,
    search: str | None = None,
    outlet: str | None = None,
    since: str | None = None,
    until: str | None = None,
    limit: int = 50,
    offset: int = 0,
) -> list[ArticleSummary]:
    """Articles filtered by words (FTS5), outlet (exact, any case) and date range.

    Best match first when searching, else newest first; ties broken by row number so pages
    never overlap or skip.
    """
    where: list[str] = []
    params: list[object] = []
    join = ""
    snippet = "NULL"
    order = NEWEST
    if search and search.strip():
        match = fts_query(search)
        if not match:
            return []
        join = "JOIN articles_fts ON articles_fts.rowid = a.seq"
        snippet = "snippet(articles_fts, 1, '«', '»', '…', 24)"
        where.append("articles_fts MATCH ?")
        params.append(match)
        order = "bm25(articles_fts, 5.0, 1.0), a.seq DESC"
    if outlet:
        where.append("a.outlet = ? COLLATE NOCASE")
        params.append(outlet.strip())
    dated(where, params, since, until)
    # The page is chosen first (rank, LIMIT, OFFSET over row numbers only), and the costly
    # columns (snippet, the three counts) are computed for its rows alone: in one flat query
    # SQLite computes them for every match before sorting, so a search matching most of the
    # corpus would build a snippet per article to show 50.
    page = f"SELECT a.seq FROM articles AS a {join} {where_clause(where)}ORDER BY {order} LIMIT ? OFFSET ?"
    outer_where = "WHERE a.seq IN page" + (" AND articles_fts MATCH ?" if join else "")
    sql = (
        f"WITH page AS ({page}) "
        f"SELECT a.text_sha256, a.id, a.title, a.published, a.outlet, a.authors, "
        "(SELECT count(*) FROM quotes q WHERE q.article_seq = a.seq), "
        "(SELECT count(*) FROM entities e WHERE e.article_seq = a.seq), "
        f"(SELECT count(*) FROM events v WHERE v.article_seq = a.seq), {snippet} "
        f"FROM articles AS a {join} {outer_where} ORDER BY {order}"
    )
    bound = (*params, max(0, limit), max(0, offset), *([params[0]] if join else []))
    rows = conn.execute(sql, bound).fetchall()
    return [ArticleSummary(r[0], r[1], r[2], r[3], r[4], json.loads(r[5]), *r[6:10]) for r in rows]


def list_outlets(conn: sqlite3.Connection) -> list[str]:
    """Every outlet name in the database, alphabetically (for filter menus)."""
    rows = conn.execute("SELECT DISTINCT outlet FROM articles WHERE outlet IS NOT NULL ORDER BY 1")
    return [str(r[0]) for r in rows]


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


# -- statements --------------------------------------------------------------------------------


def search_statements(conn: sqlite3.Connection, query: str, limit: int = 20) -> list[QuoteHit]:
    """Statements *by* a speaker whose name contains ``query``, then statements containing it.

    What a journalist means by typing a name into one search box: "Peskov" should find what
    Peskov said, even though his name is not inside his words.
    """
    by_speaker = find_quotes(conn, speaker=query, limit=limit)
    by_words = find_quotes(conn, search=query, limit=limit)
    seen: set[tuple[str, int]] = set()
    hits: list[QuoteHit] = []
    for hit in [*by_speaker, *by_words]:
        if (hit.article_key, hit.idx) not in seen:
            seen.add((hit.article_key, hit.idx))
            hits.append(hit)
    return hits[:limit]


def quote_actor_ids(conn: sqlite3.Connection, hits: list[QuoteHit]) -> dict[tuple[str, int], int]:
    """Actor ids of the resolved speakers of ``hits``, keyed by ``(article_key, idx)``."""
    if not hits:
        return {}
    keys = sorted({h.article_key for h in hits})
    actor = ENTITY_ACTOR.format(seq="q.article_seq", entity="q.speaker_entity")
    rows = conn.execute(
        f"SELECT a.text_sha256, q.idx, {actor} FROM quotes q JOIN articles a ON a.seq = q.article_seq "
        f"WHERE q.speaker_entity IS NOT NULL AND a.text_sha256 IN ({', '.join('?' * len(keys))})",
        keys,
    )
    return {(r[0], int(r[1])): int(r[2]) for r in rows if r[2] is not None}


# -- actors ------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ActorSummary:
    """An actor aggregated over all articles: how often it is named and quoted."""

    id: int
    name: str
    type: str
    country: str | None
    articles: int
    mentions: int
    quotes: int
    last_seen: str | None


_ACTOR_SELECT = (
    "SELECT ac.actor_id, ac.name, ac.type, ac.country, count(DISTINCT l.article_seq) AS na, "
    "sum((SELECT count(*) FROM mentions m "
    "WHERE m.article_seq = l.article_seq AND m.entity_idx = l.entity_idx)), "
    "sum((SELECT count(*) FROM entities e JOIN quotes q ON q.article_seq = e.article_seq "
    "AND q.speaker_entity = e.entity_id "
    "WHERE e.article_seq = l.article_seq AND e.idx = l.entity_idx)) AS nq, "
    "max(a.published_utc) "
    "FROM actors ac JOIN actor_links l ON l.actor_id = ac.actor_id JOIN articles a ON a.seq = l.article_seq "
)


def list_actors(
    conn: sqlite3.Connection,
    *,
    search: str | None = None,
    type: str | None = None,
    speakers_only: bool = False,
    limit: int = 50,
    offset: int = 0,
) -> list[ActorSummary]:
    """Actors by name part and type: most quoted first, then most written about, then name."""
    where: list[str] = []
    params: list[object] = []
    if search and search.strip():
        where.append("ac.name LIKE ? ESCAPE '\\'")
        params.append(like(search))
    if type:
        if type.upper() not in ACTOR_TYPES:
            raise StoreError(f"type={type!r}: choose one of {', '.join(ACTOR_TYPES)}")
        where.append("ac.type = ?")
        params.append(type.upper())
    having = "HAVING nq > 0 " if speakers_only else ""
    sql = (
        f"{_ACTOR_SELECT}{where_clause(where)}GROUP BY ac.actor_id {having}"
        "ORDER BY nq DESC, na DESC, ac.name, ac.actor_id LIMIT ? OFFSET ?"
    )
    rows = conn.execute(sql, (*params, max(0, limit), max(0, offset))).fetchall()
    return [ActorSummary(r[0], r[1], r[2], r[3], r[4], r[5] or 0, r[6] or 0, r[7]) for r in rows]


@dataclass(frozen=True, slots=True)
class TitleSpan:
    """A title an actor was given: first and last article dates, and the words that show it."""

    title: str
    first_seen: str | None
    last_seen: str | None
    articles: int
    evidence: str
    article_id: str


@dataclass(frozen=True, slots=True)
class WeekCount:
    """Statements in the week starting on Monday ``week``."""

    week: str
    statements: int


@dataclass(frozen=True, slots=True)
class CoMention:
    """Another actor named in the same articles, and in how many of them."""

    id: int
    name: str
    type: str
    articles: int


@dataclass(frozen=True, slots=True)
class ActorDetail:
    """Everything the speaker page shows about one actor (statements are paged separately)."""

    summary: ActorSummary
    actor_code: str | None
    aliases: list[str]
    titles: list[TitleSpan]
    timeline: list[WeekCount]
    co_mentioned: list[CoMention]
    events_as_source: int
    events_as_target: int


#: Aliases not worth showing as "also written as".
_PRONOUNS = frozenset(("he", "him", "his", "she", "her", "hers", "they", "them", "their", "it", "its", "we"))


def actor_detail(conn: sqlite3.Connection, aid: int, *, co_limit: int = 15) -> ActorDetail | None:
    """The actor with id ``aid``, or None when there is none (or it is in no article)."""
    base = get_actor(conn, aid)
    row = conn.execute(f"{_ACTOR_SELECT}WHERE ac.actor_id = ? GROUP BY ac.actor_id", (aid,)).fetchone()
    if base is None or row is None:
        return None
    summary = ActorSummary(row[0], row[1], row[2], row[3], row[4], row[5] or 0, row[6] or 0, row[7])
    titles: dict[str, TitleSpan] = {}
    for role in base.roles:  # oldest first
        seen = titles.get(role.title)
        if seen is None:
            titles[role.title] = TitleSpan(
                role.title, role.published, role.published, 1, role.evidence, role.article_id
            )
        else:
            titles[role.title] = TitleSpan(
                seen.title, seen.first_seen, role.published, seen.articles + 1, seen.evidence, seen.article_id
            )
    names: set[str] = set()
    for aliases_json, name in conn.execute(
        "SELECT e.aliases, e.name FROM actor_links l JOIN entities e "
        "ON e.article_seq = l.article_seq AND e.idx = l.entity_idx WHERE l.actor_id = ?",
        (aid,),
    ):
        names.update([name, *json.loads(aliases_json)])
    aliases = sorted(n for n in names - {summary.name} if n.lower() not in _PRONOUNS)
    return ActorDetail(
        summary=summary,
        actor_code=base.actor.actor_code,
        aliases=aliases,
        titles=list(titles.values()),
        timeline=statements_per_week(conn, aid),
        co_mentioned=co_mentioned(conn, aid, limit=co_limit),
        events_as_source=_count_events(conn, "source", aid),
        events_as_target=_count_events(conn, "target", aid),
    )


_ACTOR_QUOTES = (
    "FROM actor_links l JOIN entities e ON e.article_seq = l.article_seq AND e.idx = l.entity_idx "
    "JOIN quotes q ON q.article_seq = e.article_seq AND q.speaker_entity = e.entity_id "
    "JOIN articles a ON a.seq = q.article_seq WHERE l.actor_id = ? "
)


def statements_per_week(conn: sqlite3.Connection, aid: int) -> list[WeekCount]:
    """Dated statements of the actor per Monday-started week (UTC), gaps filled with zeros."""
    rows = conn.execute(
        "SELECT date(a.published_utc, 'weekday 0', '-6 days') AS wk, count(*) "
        f"{_ACTOR_QUOTES}AND a.published_utc IS NOT NULL GROUP BY wk ORDER BY wk",
        (aid,),
    ).fetchall()
    counts = {str(r[0]): int(r[1]) for r in rows}
    if not counts:
        return []
    week, last = date.fromisoformat(min(counts)), date.fromisoformat(max(counts))
    filled: list[WeekCount] = []
    while week <= last and len(filled) < 520:  # ten years of weeks at most
        filled.append(WeekCount(week.isoformat(), counts.get(week.isoformat(), 0)))
        week += timedelta(weeks=1)
    return filled


def actor_quotes(conn: sqlite3.Connection, aid: int, *, limit: int = 50, offset: int = 0) -> list[QuoteHit]:
    """Statements attributed to the actor, in :func:`find_quotes`' order (newest article first)."""
    rows = conn.execute(
        "SELECT a.text_sha256, a.id, a.title, a.published, a.outlet, q.idx, q.text, q.start, q.end, "
        f"q.type, q.speaker, q.speaker_entity, q.cue {_ACTOR_QUOTES}"
        f"ORDER BY {NEWEST}, q.idx LIMIT ? OFFSET ?",
        (aid, max(0, limit), max(0, offset)),
    ).fetchall()
    return [QuoteHit(*r) for r in rows]


def co_mentioned(conn: sqlite3.Connection, aid: int, *, limit: int = 15) -> list[CoMention]:
    """Actors named in the same articles as ``aid``, most shared articles first."""
    rows = conn.execute(
        "WITH mine AS (SELECT DISTINCT article_seq FROM actor_links WHERE actor_id = ?) "
        "SELECT ac.actor_id, ac.name, ac.type, count(DISTINCT l.article_seq) AS n "
        "FROM actor_links l JOIN mine ON mine.article_seq = l.article_seq "
        "JOIN actors ac ON ac.actor_id = l.actor_id WHERE l.actor_id != ? "
        "GROUP BY ac.actor_id ORDER BY n DESC, ac.name, ac.actor_id LIMIT ?",
        (aid, aid, max(0, limit)),
    ).fetchall()
    return [CoMention(r[0], r[1], r[2], r[3]) for r in rows]


def _count_events(conn: sqlite3.Connection, side: str, aid: int) -> int:
    actor = ENTITY_ACTOR.format(seq="v.article_seq", entity=f"v.{side}_entity")
    row = conn.execute(
        f"SELECT count(*) FROM events v WHERE v.{side}_entity IS NOT NULL AND {actor} = ?", (aid,)
    ).fetchone()
    return int(row[0])
