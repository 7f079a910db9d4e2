"""Where each event and statement happened: the place named in its clause, else the dateline place.

Written by the store with the actor links, so the map page reads a table, not article texts.

* **clause**: a place mention introduced by a locative word ("in Kyiv", "at the border near
  Rafah") inside the sentence of the event's evidence or of the quote and its cue.  Only
  locatives count: in "Russia accused Ukraine" neither country is where anything happened;
* **dateline**: the place a news dateline opens the article with ("KYIV, Ukraine (AP) --",
  "LONDON --"), the place the reporter files from;
* otherwise no location: a map must not show guesses.

The place is an actor (a GPE); its coordinates come from the GeoNames place it resolved to.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass

from newsgraph.records import Article

LOCATIONS_SQL = """
CREATE TABLE record_places (
    article_seq INTEGER NOT NULL REFERENCES articles (seq) ON DELETE CASCADE,
    record TEXT NOT NULL,
    idx INTEGER NOT NULL,
    actor_id INTEGER NOT NULL REFERENCES actors (actor_id),
    basis TEXT NOT NULL,
    PRIMARY KEY (article_seq, record, idx)
) WITHOUT ROWID;
CREATE INDEX record_places_actor ON record_places (actor_id);
"""

_LOCATIVE = re.compile(r"\b(?:in|at|near|outside|inside|across|throughout)\s+(?:the\s+)?$", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*\s+|\n")
_DATELINE_TAIL = re.compile(r"^[^\n]{0,40}?(?:\(|—|–|--|:)")
_DATELINE_CHARS = 400


@dataclass(frozen=True, slots=True)
class _PlaceMention:
    start: int
    end: int
    actor_id: int


def _sentence(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence (or sentences) around ``[start, end)``: from the previous end mark to the next."""
    left = 0
    for m in _SENTENCE_END.finditer(text, max(0, start - 600), start):
        left = m.end()
    right_match = _SENTENCE_END.search(text, end)
    return left, right_match.start() if right_match else len(text)


def _clause_place(text: str, places: Sequence[_PlaceMention], start: int, end: int) -> int | None:
    left, right = _sentence(text, start, end)
    for p in places:
        if left <= p.start and p.end <= right and _LOCATIVE.search(text, max(left, p.start - 30), p.start):
            return p.actor_id
    return None


def _dateline_place(text: str, places: Sequence[_PlaceMention]) -> int | None:
    """A place opening a line in the article's first characters, followed by an agency or dash."""
    for p in places:
        if p.start >= _DATELINE_CHARS:
            break
        line_start = p.start == 0 or text[p.start - 1] == "\n"
        if not line_start:
            continue
        surface = text[p.start : p.end]
        if (surface.isupper() and len(surface) > 3) or _DATELINE_TAIL.match(text, p.end):
            return p.actor_id
    return None


def locate_records(conn: sqlite3.Connection, seq: int, article: Article, actor_ids: Sequence[int]) -> None:
    """Write the location of each quote and event of a stored article (module docstring)."""
    places = sorted(
        (
            _PlaceMention(m.start, m.end, actor_ids[i])
            for i, e in enumerate(article.entities)
            if e.type == "GPE" and i < len(actor_ids)
            for m in e.mentions
        ),
        key=lambda p: p.start,
    )
    if not places:
        return
    text = article.text
    dateline = _dateline_place(text, places)
    rows = []
    for i, q in enumerate(article.quotes):
        start, end = q.start, q.end
        if q.cue is not None:
            start, end = min(start, q.cue.start), max(end, q.cue.end)
        rows.append(("quote", i, _clause_place(text, places, start, end)))
    for i, ev in enumerate(article.events):
        rows.append(("event", i, _clause_place(text, places, ev.evidence.start, ev.evidence.end)))
    conn.executemany(
        "INSERT OR REPLACE INTO record_places VALUES (?, ?, ?, ?, ?)",
        [
            (seq, record, idx, found if found is not None else dateline, "clause" if found else "dateline")
            for record, idx, found in rows
            if found is not None or dateline is not None
        ],
    )


# -- reading: the map ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class MapPlace:
    """One place on the map with how many events and statements happened there."""

    actor_id: int
    name: str
    kind: str | None
    country: str | None
    latitude: float
    longitude: float
    events: int
    statements: int


def map_places(
    conn: sqlite3.Connection,
    *,
    since: str | None = None,
    until: str | None = None,
    country: str | None = None,
    plover: str | None = None,
    limit: int = 500,
) -> list[MapPlace]:
    """Places with coordinates, by number of events and statements located there.

    ``since``/``until`` filter on the article's UTC publication time, ``country`` on the place's
    country (ISO alpha-3), ``plover`` keeps events of one type (statements then do not count).
    """
    where = ["p.latitude IS NOT NULL"]
    params: list[object] = []
    if since:
        where.append("a.published_utc >= ?")
        params.append(since)
    if until:
        where.append("a.published_utc <= ?")
        params.append(until + ("T23:59:59Z" if len(until) == 10 else ""))
    if country:
        where.append("ac.country = ?")
        params.append(country.upper())
    if plover:
        where.append("rp.record = 'event' AND e.plover = ?")
        params.append(plover.upper())
    sql = f"""
        SELECT ac.actor_id, ac.name, p.kind, ac.country, p.latitude, p.longitude,
               sum(rp.record = 'event'), sum(rp.record = 'quote')
        FROM record_places rp
        JOIN actors ac ON ac.actor_id = rp.actor_id
        JOIN places p ON p.place_id = ac.place_id
        JOIN articles a ON a.seq = rp.article_seq
        LEFT JOIN events e ON rp.record = 'event' AND e.article_seq = rp.article_seq AND e.idx = rp.idx
        WHERE {" AND ".join(where)}
        GROUP BY ac.actor_id
        ORDER BY count(*) DESC, ac.name
        LIMIT ?
    """
    rows = conn.execute(sql, (*params, max(0, limit))).fetchall()
    return [
        MapPlace(int(r[0]), r[1], r[2], r[3], float(r[4]), float(r[5]), int(r[6]), int(r[7])) for r in rows
    ]
