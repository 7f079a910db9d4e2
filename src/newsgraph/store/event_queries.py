"""Events: who did what to whom, filtered by side, country, type and date; newest first.

One list read per page: the filter with the fewest postings drives (a source or target name
part through ``names_fts``, a country, a PLOVER type, a CAMEO root), the others are checked on
the rows as they are read; with no such filter, the newest articles' events are read through
``articles (t)``.  The filters are validated here for every shell (CLI, API, pages, CSV).
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from typing import Any

from newsgraph.errors import StoreError
from newsgraph.records import PLOVER_TYPES
from newsgraph.store.filters import Cursor, EventFilter
from newsgraph.store.names import TRIGRAM, matching_names, name_ids
from newsgraph.store.postings import read_newest, read_postings
from newsgraph.store.summaries import (
    EVENT_CAMEO_ROOT,
    EVENT_COUNTRY,
    EVENT_PLOVER,
    EVENT_SOURCE,
    EVENT_TARGET,
)
from newsgraph.store.timekeys import key_range

_SIDE_ACTOR = (
    "(SELECT l.actor_id FROM entities x JOIN actor_links l ON l.article_seq = x.article_seq "
    "AND l.entity_idx = x.idx WHERE x.article_seq = e.article_seq AND x.entity_id = e.{side}_entity)"
)
_SELECT = (
    "SELECT a.text_sha256, a.id, a.title, a.published, a.outlet, e.idx, e.source, e.source_entity, "
    f"{_SIDE_ACTOR.format(side='source')}, e.source_country, e.plover, e.mode, e.cameo, e.quad_class, "
    f"e.goldstein, e.target, e.target_entity, {_SIDE_ACTOR.format(side='target')}, e.target_country, "
    "substr(a.text, e.evidence_start + 1, e.evidence_end - e.evidence_start), "
    "e.evidence_start, e.evidence_end, e.quote, e.confidence, a.t, a.seq "
    "FROM events e JOIN articles a ON a.seq = e.article_seq "
)


@dataclass(frozen=True, slots=True)
class EventHit:
    """One coded event with its article, the words it was read from, and its sides' actors.

    ``source_entity``/``target_entity`` are the article-local entity ids (``e1``);
    ``source_id``/``target_id`` the actor ids across articles (None when a side is no actor).
    """

    article_key: str
    article_id: str
    title: str | None
    published: str | None
    outlet: str | None
    idx: int
    source: str | None
    source_entity: str | None
    source_id: int | None
    source_country: str | None
    plover: str
    mode: str | None
    cameo: str
    quad_class: int | None
    goldstein: float | None
    target: str | None
    target_entity: str | None
    target_id: int | None
    target_country: str | None
    evidence: str
    evidence_start: int
    evidence_end: int
    quote: int | None
    confidence: float | None = None
    cursor: str | None = None


def like(value: str) -> str:
    """A LIKE pattern (with ``ESCAPE '\\'``) matching ``value`` anywhere, wildcards escaped."""
    escaped = value.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%" if len(value.strip()) >= TRIGRAM else f"{escaped}%"


def event_type_condition(kind: str, alias: str = "e") -> tuple[str, list[object]]:
    """The condition for ``type``: a PLOVER type (any case) or a CAMEO code prefix (``11``)."""
    kind = kind.strip()
    if kind.isdigit():
        return f"{alias}.cameo GLOB ?", [kind + "*"]
    if kind.upper() in PLOVER_TYPES:
        return f"{alias}.plover = ?", [kind.upper()]
    raise StoreError(
        f"type={kind!r}: give a PLOVER type or a CAMEO code prefix (11); "
        f"the PLOVER types are {', '.join(PLOVER_TYPES)}"
    )


def country_code(country: str) -> str:
    code = country.strip().upper()
    if not re.fullmatch(r"[A-Z]{3}", code):
        raise StoreError(f"country={country!r}: give an ISO 3166-1 alpha-3 code such as USA or RUS")
    return code


def find_events(conn: sqlite3.Connection, f: EventFilter) -> list[EventHit]:
    """Events matching ``f``, newest article first, then in article order."""
    low, high = key_range(f.since, f.until)
    # (postings that answer it or None, SQL condition on the event row, its parameters, exact):
    # a condition whose postings are exact need not be checked again on the rows.
    conditions: list[tuple[list[tuple[int, int]] | None, str, list[object], bool]] = []
    for kind, part, column in ((EVENT_SOURCE, f.source, "source"), (EVENT_TARGET, f.target, "target")):
        if part and part.strip():
            ids = matching_names(conn, part)
            conditions.append(
                ([(kind, i) for i in ids], f"e.{column} LIKE ? ESCAPE '\\'", [like(part)], True)
            )
    if f.country:
        code = country_code(f.country)
        ids = list(name_ids(conn, [code]).values())
        condition = "(e.source_country = ? OR e.target_country = ?)"
        conditions.append(([(EVENT_COUNTRY, i) for i in ids], condition, [code, code], True))
    if f.min_confidence is not None:
        conditions.append((None, "e.confidence >= ?", [f.min_confidence], False))
    if f.type:
        sql, params = event_type_condition(f.type)
        wanted = f.type.strip()
        if not wanted.isdigit():
            ids = list(name_ids(conn, [wanted.upper()]).values())
            conditions.append(([(EVENT_PLOVER, i) for i in ids], sql, params, True))
        elif len(wanted) >= 2:
            ids = list(name_ids(conn, [wanted[:2]]).values())
            conditions.append(([(EVENT_CAMEO_ROOT, i) for i in ids], sql, params, len(wanted) == 2))
        else:
            conditions.append((None, sql, params, False))
    cursor = Cursor.parse(f.after)
    n = max(0, f.limit) + (0 if cursor else max(0, f.offset))
    drivers = [c for c in conditions if c[0] is not None]
    if drivers:
        driver = min(drivers, key=lambda c: _uses(conn, c[0] or []))
        checked = [c for c in conditions if c is not driver or not c[3]]
        extra = [c[1] for c in checked]
        extra_params = [p for c in checked for p in c[2]]
        keys = read_postings(conn, driver[0] or [], "events", extra, extra_params, low, high, cursor, n)
    else:
        keys = read_newest(
            conn,
            "events",
            [c[1] for c in conditions],
            [p for c in conditions for p in c[2]],
            low,
            high,
            cursor,
            n,
        )
    keys = keys[0 if cursor else max(0, f.offset) :][: max(0, f.limit)]
    out = []
    for _, seq, idx in keys:
        r = conn.execute(_SELECT + "WHERE e.article_seq = ? AND e.idx = ?", (seq, idx)).fetchone()
        if r is not None:
            values: list[Any] = [*r[:24], Cursor(int(r[24]), int(r[25]), int(r[5])).token]
            out.append(EventHit(*values))
    return out


def _uses(conn: sqlite3.Connection, sources: list[tuple[int, int]]) -> int:
    if not sources:
        return 0
    total = 0
    for _, name_id in sources:  # point lookups: at most MAX_NAMES of them
        row = conn.execute("SELECT uses FROM names WHERE name_id = ?", (name_id,)).fetchone()
        total += int(row[0]) if row else 0
    return total


def event_types(conn: sqlite3.Connection) -> list[str]:
    """The PLOVER types present in the database (for filter menus)."""
    return [str(r[0]) for r in conn.execute("SELECT key FROM counters WHERE kind = 'plover' ORDER BY key")]
