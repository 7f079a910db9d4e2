"""Summary tables kept by the writer, in the same transaction as the article they count.

Tables: :mod:`newsgraph.store.summary_schema`.  One function computes everything an article
contributes (:func:`contribution`) from the article record and its actor links; it is added
with sign +1 when the article is stored (:func:`add_article`) and with sign -1 before it is
deleted (:func:`remove_article`), so a store, a delete and the migration's rebuild all go
through the same arithmetic, and a SIGKILL loses the counts only together with the article.

Keyed by ``actor_id``: code that changes actor identity (merging or splitting actors) must call
:func:`remove_article` for each affected article before it moves the links and
:func:`add_article` after, or :func:`rebuild_summaries` once at the end.

Only what is additive is kept as a count; a maximum or minimum that a delete cannot undo
(an actor title's first date) is recomputed from the stored rows for the actor concerned.
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from newsgraph.records import Article
from newsgraph.store.actors import title_evidence
from newsgraph.store.names import forget_names, intern_names, name_ids
from newsgraph.store.sqlite_rows import read_article
from newsgraph.store.timekeys import UNDATED, day_of_key, time_key, week_of

# Posting kinds (``postings.kind``); ``value`` is a ``names.name_id`` unless noted.
QUOTE_SPEAKER = 1
QUOTE_ACTOR = 2  # value: actors.actor_id
EVENT_SOURCE = 3
EVENT_TARGET = 4
EVENT_COUNTRY = 5  # either side
EVENT_PLOVER = 6
EVENT_CAMEO_ROOT = 7  # the first two digits of the CAMEO code
#: ``edges.level``
ACTOR_LEVEL, COUNTRY_LEVEL = 0, 1
#: Aliases not worth showing as "also written as".
PRONOUNS = frozenset(("he", "him", "his", "she", "her", "hers", "they", "them", "their", "it", "its", "we"))


#: A graph edge's end before names get ids: an actor id, or ("name", text).
End = int | tuple[str, str]


@dataclass
class Contribution:
    """What one article adds to every summary table (names still as text)."""

    t: int
    counters: Counter[tuple[str, str]] = field(default_factory=Counter)
    actor_types: dict[int, str] = field(default_factory=dict)
    actor_counts: dict[int, list[int]] = field(default_factory=dict)  # mentions, quotes, ev src, ev tgt
    actor_weeks: Counter[tuple[int, str]] = field(default_factory=Counter)
    actor_aliases: set[tuple[int, str]] = field(default_factory=set)
    actor_titles: dict[tuple[int, str], list[int]] = field(default_factory=dict)  # n, start, end
    name_postings: set[tuple[int, str, int]] = field(default_factory=set)  # kind, name, idx
    actor_postings: set[tuple[int, int, int]] = field(default_factory=set)  # kind, actor, idx
    dyads: dict[tuple[str, str, str, str], list[float]] = field(default_factory=dict)
    edges: dict[tuple[int, End, End, str], list[float]] = field(default_factory=dict)


def contribution(
    article: Article, published_utc: str | None, links: dict[int, int], types: dict[int, str]
) -> Contribution:
    """Everything ``article`` contributes, given its entities' actors (``idx -> actor_id``)."""
    c = Contribution(time_key(published_utc))
    c.counters[("total", "articles")] += 1
    c.counters[("total", "quotes")] += len(article.quotes)
    c.counters[("total", "events")] += len(article.events)
    if article.outlet:
        c.counters[("outlet", article.outlet)] += 1
    actor_of: dict[str, int] = {}
    for idx, entity in enumerate(article.entities):
        aid = links.get(idx)
        if aid is None:
            continue
        actor_of[entity.id] = aid
        c.actor_types[aid] = types[aid]
        counts = c.actor_counts.setdefault(aid, [0, 0, 0, 0])
        counts[0] += len(entity.mentions)
        for alias in (entity.name, *entity.aliases):
            if alias.lower() not in PRONOUNS:
                c.actor_aliases.add((aid, alias))
        for title in dict.fromkeys(entity.titles):
            start, end = title_evidence(article.text, entity, title)
            seen = c.actor_titles.setdefault((aid, title), [0, start, end])
            seen[0] += 1
    week = week_of(published_utc)
    for i, quote in enumerate(article.quotes):
        if quote.speaker:
            c.name_postings.add((QUOTE_SPEAKER, quote.speaker, i))
        aid = actor_of.get(quote.speaker_entity or "")
        if aid is not None:
            c.actor_counts[aid][1] += 1
            c.actor_postings.add((QUOTE_ACTOR, aid, i))
            if week is not None:
                c.actor_weeks[(aid, week)] += 1
    period_day = "D" + (published_utc[:10] if published_utc else "")
    period_month = "M" + (published_utc[:7] if published_utc else "")
    in_dyad: set[tuple[str, str, str, str]] = set()
    for i, event in enumerate(article.events):
        c.counters[("plover", event.plover)] += 1
        c.name_postings.add((EVENT_PLOVER, event.plover, i))
        if len(event.cameo) >= 2:
            c.name_postings.add((EVENT_CAMEO_ROOT, event.cameo[:2], i))
        for kind, name in ((EVENT_SOURCE, event.source), (EVENT_TARGET, event.target)):
            if name:
                c.name_postings.add((kind, name, i))
        for country in {event.source_country, event.target_country} - {None}:
            c.name_postings.add((EVENT_COUNTRY, str(country), i))
        source_actor = actor_of.get(event.source_entity or "")
        target_actor = actor_of.get(event.target_entity or "")
        if source_actor is not None:
            c.actor_counts[source_actor][2] += 1
        if target_actor is not None:
            c.actor_counts[target_actor][3] += 1
        gold = [1.0, event.goldstein or 0.0, 1.0 if event.goldstein is not None else 0.0]
        if event.source_country:
            for period in (period_day, period_month):
                key = (period, event.source_country, event.target_country or "", event.plover)
                dyad = c.dyads.setdefault(key, [0.0, 0.0, 0.0, 0.0])
                dyad[0] += 1
                dyad[2] += gold[1]
                dyad[3] += gold[2]
                if key not in in_dyad:
                    in_dyad.add(key)
                    dyad[1] += 1
        if event.source and event.target:
            source_end: End = source_actor if source_actor is not None else ("name", event.source)
            target_end: End = target_actor if target_actor is not None else ("name", event.target)
            _add(c.edges, (ACTOR_LEVEL, source_end, target_end, event.plover), gold)
        if event.source_country and event.target_country:
            countries = (("name", event.source_country), ("name", event.target_country))
            _add(c.edges, (COUNTRY_LEVEL, countries[0], countries[1], event.plover), gold)
    return c


def _add(
    table: dict[tuple[int, End, End, str], list[float]],
    key: tuple[int, End, End, str],
    v: list[float],
) -> None:
    row = table.setdefault(key, [0.0, 0.0, 0.0])
    for i, x in enumerate(v):
        row[i] += x


def article_links(conn: sqlite3.Connection, seq: int) -> tuple[dict[int, int], dict[int, str]]:
    """The stored article's entity -> actor links and the types of those actors."""
    links = {
        int(idx): int(aid)
        for idx, aid in conn.execute(
            "SELECT entity_idx, actor_id FROM actor_links WHERE article_seq = ?", (seq,)
        )
    }
    ids = sorted(set(links.values()))
    types = {
        int(aid): str(kind)
        for aid, kind in conn.execute(
            f"SELECT actor_id, type FROM actors WHERE actor_id IN ({','.join('?' * len(ids))})", ids
        )
    }
    return links, types


def add_article(conn: sqlite3.Connection, seq: int, article: Article, published_utc: str | None) -> None:
    """Add a just-stored article (its actor links written) to the summary tables."""
    links, types = article_links(conn, seq)
    c = contribution(article, published_utc, links, types)
    conn.execute("UPDATE articles SET t = ? WHERE seq = ?", (c.t, seq))
    _apply(conn, seq, c, +1)


def remove_article(conn: sqlite3.Connection, seq: int) -> None:
    """Take a stored article out of the summary tables (call before deleting it)."""
    article = read_article(conn, seq)
    if article is None:
        return
    row = conn.execute("SELECT published_utc FROM articles WHERE seq = ?", (seq,)).fetchone()
    links, types = article_links(conn, seq)
    _apply(conn, seq, contribution(article, row[0], links, types), -1)


def rebuild_summaries(conn: sqlite3.Connection) -> None:
    """Empty the summary tables and recount them from every stored article (migration 6)."""
    for table in ("postings", "actor_stats", "actor_articles", "actor_weeks", "actor_alias_counts"):
        conn.execute(f"DELETE FROM {table}")
    for table in ("actor_titles", "counters", "dyad_counts", "edges", "edge_days", "names"):
        conn.execute(f"DELETE FROM {table}")
    for seq, published_utc in conn.execute("SELECT seq, published_utc FROM articles ORDER BY seq").fetchall():
        article = read_article(conn, seq)
        if article is not None:
            add_article(conn, seq, article, published_utc)


def _apply(conn: sqlite3.Connection, seq: int, c: Contribution, sign: int) -> None:
    names = {n for _, n, _ in c.name_postings}
    for _, source, target, _ in c.edges:
        names.update(end[1] for end in (source, target) if isinstance(end, tuple))
    uses: Counter[str] = Counter(n for _, n, _ in c.name_postings)
    ids = intern_names(conn, names) if sign > 0 else name_ids(conn, names)
    _upsert(conn, "counters", ("kind", "key"), ("n",), [(*k, v) for k, v in c.counters.items() if v], sign)
    _upsert(
        conn,
        "actor_stats",
        ("actor_id", "type"),
        ("articles", "mentions", "quotes", "events_source", "events_target"),
        [(aid, c.actor_types[aid], 1, *n) for aid, n in c.actor_counts.items()],
        sign,
        conflict=("actor_id",),
    )
    _upsert(
        conn,
        "actor_weeks",
        ("actor_id", "week"),
        ("statements",),
        [(*k, v) for k, v in c.actor_weeks.items()],
        sign,
    )
    _upsert(
        conn,
        "actor_alias_counts",
        ("actor_id", "alias"),
        ("articles",),
        [(*k, 1) for k in c.actor_aliases],
        sign,
    )
    dyads = [(*k, int(v[0]), int(v[1]), v[2], int(v[3])) for k, v in c.dyads.items()]
    _upsert(
        conn,
        "dyad_counts",
        ("period", "source_country", "target_country", "plover"),
        ("events", "articles", "goldstein_total", "goldstein_n"),
        dyads,
        sign,
    )

    def node(end: End) -> int:
        return -ids[end[1]] if isinstance(end, tuple) else end

    edges = [(k[0], node(k[1]), node(k[2]), k[3], int(v[0]), v[1], int(v[2])) for k, v in c.edges.items()]
    _upsert(
        conn,
        "edges",
        ("level", "source", "target", "plover"),
        ("n", "goldstein_total", "goldstein_n"),
        edges,
        sign,
    )
    day = day_of_key(c.t)
    if day is not None:  # the same edges on the article's day (newsgraph.store.day_edges)
        _upsert(
            conn,
            "edge_days",
            ("level", "day", "source", "target", "plover"),
            ("n", "goldstein_total", "goldstein_n"),
            [(e[0], day, *e[1:]) for e in edges],
            sign,
        )
    postings = [(kind, ids[name], c.t, seq, idx) for kind, name, idx in c.name_postings]
    postings += [(kind, aid, c.t, seq, idx) for kind, aid, idx in c.actor_postings]
    articles = [(aid, c.t, seq, n[0], n[1]) for aid, n in c.actor_counts.items()]
    if sign > 0:
        conn.executemany("INSERT OR IGNORE INTO postings VALUES (?, ?, ?, ?, ?)", postings)
        conn.executemany("INSERT OR REPLACE INTO actor_articles VALUES (?, ?, ?, ?, ?)", articles)
        conn.executemany(
            "INSERT INTO actor_titles VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT (actor_id, title) DO UPDATE SET "
            "mentions = mentions + excluded.mentions, last_t = max(last_t, excluded.last_t), "
            "first_seq = CASE WHEN (excluded.first_key, excluded.first_seq) < (first_key, first_seq) "
            "THEN excluded.first_seq ELSE first_seq END, "
            "evidence_start = CASE WHEN (excluded.first_key, excluded.first_seq) < (first_key, first_seq) "
            "THEN excluded.evidence_start ELSE evidence_start END, "
            "evidence_end = CASE WHEN (excluded.first_key, excluded.first_seq) < (first_key, first_seq) "
            "THEN excluded.evidence_end ELSE evidence_end END, "
            "first_key = min(first_key, excluded.first_key)",
            [
                (aid, title, v[0], c.t if c.t > UNDATED else -UNDATED, c.t, seq, v[1], v[2])
                for (aid, title), v in c.actor_titles.items()
            ],
        )
        conn.executemany(
            "UPDATE names SET uses = uses + ? WHERE name_id = ?", [(n, ids[k]) for k, n in uses.items()]
        )
    else:
        conn.executemany(
            "DELETE FROM postings WHERE kind = ? AND value = ? AND t = ? AND article_seq = ? AND idx = ?",
            postings,
        )
        conn.executemany(
            "DELETE FROM actor_articles WHERE actor_id = ? AND t = ? AND article_seq = ?",
            [a[:3] for a in articles],
        )
        for aid, title in c.actor_titles:
            _recount_title(conn, aid, title, seq)
        forget_names(conn, {ids[k]: n for k, n in uses.items()})


def _upsert(
    conn: sqlite3.Connection,
    table: str,
    keys: tuple[str, ...],
    counts: tuple[str, ...],
    rows: Sequence[tuple[object, ...]],
    sign: int,
    *,
    conflict: tuple[str, ...] | None = None,
) -> None:
    """Add (sign +1) or subtract (-1) count columns; rows whose first count reaches 0 go."""
    if not rows:
        return
    conflict = conflict or keys
    cols = (*keys, *counts)
    if sign > 0:
        sets = ", ".join(f"{c} = {c} + excluded.{c}" for c in counts)
        conn.executemany(
            f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))}) "
            f"ON CONFLICT ({', '.join(conflict)}) DO UPDATE SET {sets}",
            rows,
        )
        return
    where = " AND ".join(f"{k} = ?" for k in conflict)
    sets = ", ".join(f"{c} = {c} - ?" for c in counts)
    key_at = [cols.index(k) for k in conflict]
    count_at = [cols.index(c) for c in counts]
    params = [tuple(r[i] for i in count_at) + tuple(r[i] for i in key_at) for r in rows]
    conn.executemany(f"UPDATE {table} SET {sets} WHERE {where}", params)
    conn.executemany(
        f"DELETE FROM {table} WHERE {where} AND {counts[0]} <= 0", [p[len(counts) :] for p in params]
    )


def _recount_title(conn: sqlite3.Connection, aid: int, title: str, seq: int) -> None:
    """An actor's title row from its stored roles other than article ``seq`` (for deletes)."""
    rows = conn.execute(
        "SELECT a.t, a.seq, r.evidence_start, r.evidence_end FROM actor_roles r "
        "JOIN articles a ON a.seq = r.article_seq "
        "WHERE r.actor_id = ? AND r.title = ? AND r.article_seq != ? "
        "ORDER BY r.rowid",
        (aid, title, seq),
    ).fetchall()
    conn.execute("DELETE FROM actor_titles WHERE actor_id = ? AND title = ?", (aid, title))
    if not rows:
        return
    first = min(rows, key=lambda r: (r[0] if r[0] > UNDATED else -UNDATED, r[1]))
    conn.execute(
        "INSERT INTO actor_titles VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (
            aid,
            title,
            len(rows),
            first[0] if first[0] > UNDATED else -UNDATED,
            max(r[0] for r in rows),
            first[1],
            first[2],
            first[3],
        ),
    )
