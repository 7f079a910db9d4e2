"""Actors across articles: lists (most written about, most quoted) and the actor page.

Everything is read from the per-actor summary tables the writer keeps (``actor_stats``,
``actor_articles``, ``actor_weeks``, ``actor_alias_counts``, ``actor_titles``; see
:mod:`newsgraph.store.summaries`): a top-50 is an index scan of 50 rows, an actor page a few
index ranges, whatever the number of articles.  A name part is looked up in ``actors_fts``
(trigram) instead of ``LIKE '%x%'`` over every actor.  Co-mentioned actors are counted over
the actor's :data:`CO_MENTION_ARTICLES` latest articles (counting over all of them cost
seconds for a common actor and grows with the database).
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from newsgraph.errors import StoreError
from newsgraph.store.filters import ActorFilter
from newsgraph.store.names import MAX_MATCHES as MAX_NAME_MATCHES
from newsgraph.store.names import TRIGRAM, trigram_query
from newsgraph.store.timekeys import UNDATED, utc_of_key

ACTOR_TYPES = ("PERSON", "ORG", "GPE", "NORP")
#: Latest articles of an actor over which co-mentioned actors are counted.
CO_MENTION_ARTICLES = 100
#: Most matching actors looked up for a name part (most written about first).
MAX_MATCHES = 200


@dataclass(frozen=True, slots=True)
class ActorSummary:
    """An actor aggregated over all articles: how often it is named, quoted and acting."""

    id: int
    name: str
    type: str
    country: str | None
    articles: int
    mentions: int
    quotes: int
    last_seen: str | None
    first_seen: str | None = None
    actor_code: str | None = None
    events_as_source: int = 0
    events_as_target: int = 0

    @property
    def actor_id(self) -> int:
        return self.id


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
class RoleRow:
    """A title with the date, article and words of its first use (the CLI's role history)."""

    title: str
    published: str | None
    article_id: str
    article_title: str | None
    evidence: str


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
class ActorArticle:
    """An article that mentions an actor."""

    article_id: str
    title: str | None
    published: str | None
    outlet: str | None
    mentions: int
    quotes: int


@dataclass(frozen=True, slots=True)
class ActorDetail:
    """Everything about one actor; statements are paged separately, articles newest first."""

    summary: ActorSummary
    actor_code: str | None
    aliases: list[str]
    titles: list[TitleSpan]
    timeline: list[WeekCount]
    co_mentioned: list[CoMention]
    events_as_source: int
    events_as_target: int
    articles: list[ActorArticle]

    @property
    def actor(self) -> ActorSummary:
        return self.summary

    @property
    def roles(self) -> tuple[RoleRow, ...]:
        return tuple(RoleRow(t.title, t.first_seen, t.article_id, None, t.evidence) for t in self.titles)


_SUMMARY = (
    "SELECT s.actor_id, ac.name, s.type, ac.country, s.articles, s.mentions, s.quotes, "
    "(SELECT max(t) FROM actor_articles WHERE actor_id = s.actor_id), "
    f"(SELECT min(t) FROM actor_articles WHERE actor_id = s.actor_id AND t > {UNDATED}), "
    "ac.actor_code, s.events_source, s.events_target "
    "FROM actor_stats s JOIN actors ac ON ac.actor_id = s.actor_id "
)


def _summary(r: Any) -> ActorSummary:
    values: list[Any] = [*r[:7], utc_of_key(r[7]), utc_of_key(r[8]), *r[9:12]]
    return ActorSummary(*values)


def matching_actor_ids(conn: sqlite3.Connection, part: str) -> list[int]:
    """Actors whose name contains ``part`` (any case; a 1-2 character part: starts with it).

    At most the first 5,000 actors (oldest first) that match: a part as broad as "ana"
    matches a large share of all actors, and reading them all would grow with the database.
    """
    part = part.strip()
    if len(part) >= TRIGRAM:
        rows = conn.execute(
            "SELECT rowid FROM actors_fts WHERE actors_fts MATCH ? LIMIT ?",
            (trigram_query(part), MAX_NAME_MATCHES),
        ).fetchall()
    else:
        rows = conn.execute(
            "SELECT actor_id FROM actors WHERE name >= ? COLLATE NOCASE AND name < ? COLLATE NOCASE LIMIT ?",
            (part, part + "\U0010ffff", MAX_NAME_MATCHES),
        ).fetchall()
    return [int(r[0]) for r in rows]


def list_actors(conn: sqlite3.Connection, f: ActorFilter) -> list[ActorSummary]:
    """Actors matching ``f`` in its order (ties by actor id)."""
    where: list[str] = []
    params: list[object] = []
    if f.type:
        if f.type.upper() not in ACTOR_TYPES:
            raise StoreError(f"type={f.type!r}: choose one of {', '.join(ACTOR_TYPES)}")
        where.append("s.type = ?")
        params.append(f.type.upper())
    if f.name and f.name.strip():
        ids = matching_actor_ids(conn, f.name)
        if not ids:
            return []
        where.append(f"s.actor_id IN ({','.join('?' * len(ids))})")
        params += ids
    if f.speakers_only:
        where.append("s.quotes > 0")
    if f.order == "quotes":
        order = "s.quotes DESC, s.articles DESC, s.actor_id"
    elif f.order == "articles":
        order = "s.articles DESC, s.actor_id"
    else:
        raise StoreError(f"order={f.order!r}: choose articles or quotes")
    sql = _SUMMARY + (f"WHERE {' AND '.join(where)} " if where else "") + f"ORDER BY {order} LIMIT ? OFFSET ?"
    rows = conn.execute(sql, (*params, max(0, f.limit), max(0, f.offset))).fetchall()
    return [_summary(r) for r in rows]


def find_actor_ids(conn: sqlite3.Connection, ident: str, *, limit: int = MAX_MATCHES) -> list[int]:
    """Actor ids for an id (``91`` or ``#91``), an exact name (any case), or else a part of a
    name (most written about first)."""
    ident = ident.strip()
    number = ident.lstrip("#")
    if number.isdigit():
        row = conn.execute("SELECT actor_id FROM actors WHERE actor_id = ?", (int(number),)).fetchone()
        if row:
            return [int(row[0])]
    rows = conn.execute("SELECT actor_id FROM actors WHERE name = ? COLLATE NOCASE", (ident,)).fetchall()
    if rows:
        return [int(r[0]) for r in rows]
    ids = matching_actor_ids(conn, ident) if ident else []
    if not ids:
        return []
    ranked = conn.execute(
        f"SELECT actor_id FROM actor_stats WHERE actor_id IN ({','.join('?' * len(ids))}) "
        "ORDER BY articles DESC, actor_id LIMIT ?",
        (*ids, limit),
    ).fetchall()
    return [int(r[0]) for r in ranked]


def actor_detail(
    conn: sqlite3.Connection, aid: int, *, limit: int = 50, offset: int = 0, co_limit: int = 15
) -> ActorDetail | None:
    """The actor with id ``aid`` (None when it is in no article); ``limit`` newest articles."""
    row = conn.execute(_SUMMARY + "WHERE s.actor_id = ?", (aid,)).fetchone()
    if row is None:
        return None
    summary = _summary(row)
    aliases = [
        str(r[0])
        for r in conn.execute(
            "SELECT alias FROM actor_alias_counts WHERE actor_id = ? AND alias != ? "
            "ORDER BY articles DESC, alias LIMIT 25",
            (aid, summary.name),
        )
    ]
    return ActorDetail(
        summary=summary,
        actor_code=summary.actor_code,
        aliases=sorted(aliases),
        titles=titles(conn, aid),
        timeline=statements_per_week(conn, aid),
        co_mentioned=co_mentioned(conn, aid, limit=co_limit),
        events_as_source=summary.events_as_source,
        events_as_target=summary.events_as_target,
        articles=actor_articles(conn, aid, limit=limit, offset=offset),
    )


def titles(conn: sqlite3.Connection, aid: int) -> list[TitleSpan]:
    """The actor's titles, in the order they were first used (undated last)."""
    rows = conn.execute(
        "SELECT x.title, a.published, x.last_t, x.mentions, "
        "substr(a.text, x.evidence_start + 1, x.evidence_end - x.evidence_start), a.id "
        "FROM actor_titles x JOIN articles a ON a.seq = x.first_seq WHERE x.actor_id = ? "
        "ORDER BY x.first_key, x.first_seq, x.title",
        (aid,),
    ).fetchall()
    return [TitleSpan(r[0], r[1], utc_of_key(r[2]), *r[3:]) for r in rows]


def statements_per_week(conn: sqlite3.Connection, aid: int) -> list[WeekCount]:
    """Dated statements of the actor per Monday-started week (UTC), gaps filled with zeros."""
    counts = {
        str(w): int(n)
        for w, n in conn.execute("SELECT week, statements FROM actor_weeks WHERE actor_id = ?", (aid,))
    }
    if not counts:
        return []
    week, last = date.fromisoformat(min(counts)), date.fromisoformat(max(counts))
    filled: list[WeekCount] = []
    while week <= last and len(filled) < 520:  # ten years of weeks at most
        filled.append(WeekCount(week.isoformat(), counts.get(week.isoformat(), 0)))
        week += timedelta(weeks=1)
    return filled


def actor_articles(
    conn: sqlite3.Connection, aid: int, *, limit: int = 50, offset: int = 0
) -> list[ActorArticle]:
    """Articles mentioning the actor, newest first."""
    rows = conn.execute(
        "SELECT a.id, a.title, a.published, a.outlet, x.mentions, x.quotes FROM actor_articles x "
        "JOIN articles a ON a.seq = x.article_seq WHERE x.actor_id = ? "
        "ORDER BY x.t DESC, x.article_seq DESC LIMIT ? OFFSET ?",
        (aid, max(0, limit), max(0, offset)),
    ).fetchall()
    return [ActorArticle(*r) for r in rows]


def co_mentioned(conn: sqlite3.Connection, aid: int, *, limit: int = 15) -> list[CoMention]:
    """Actors named in the same articles as ``aid`` (its latest ones), most shared first."""
    rows = conn.execute(
        "WITH mine AS (SELECT article_seq FROM actor_articles WHERE actor_id = ? "
        "ORDER BY t DESC, article_seq DESC LIMIT ?), "
        "top AS (SELECT l.actor_id, count(DISTINCT l.article_seq) AS n "
        "FROM mine CROSS JOIN actor_links l ON l.article_seq = mine.article_seq WHERE l.actor_id != ? "
        "GROUP BY l.actor_id ORDER BY n DESC, l.actor_id LIMIT ?) "
        "SELECT ac.actor_id, ac.name, ac.type, top.n "
        "FROM top CROSS JOIN actors ac ON ac.actor_id = top.actor_id "
        "ORDER BY top.n DESC, ac.name, ac.actor_id",
        (aid, CO_MENTION_ARTICLES, aid, max(0, limit)),
    ).fetchall()
    return [CoMention(*r) for r in rows]
