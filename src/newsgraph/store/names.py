"""Interned names: each speaker, event side, country code and event type stored once.

Why: a filter such as ``speaker=peskov`` or ``source=united`` used to be ``LIKE '%x%'`` over
every quote or event (a full scan, sorted in a temporary table).  Now the name part is looked
up in ``names_fts`` (a trigram index: any 3+ character part of a name, case-insensitive), which
gives a handful of name ids, and each id's statements or events are one range of the
``postings`` index, already newest first.  ``uses`` counts the postings of a name, so a part
that matches very many names reads the most used ones first.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable

#: A name part shorter than this cannot use the trigram index; it matches a whole name or a
#: name's first characters (index range on ``names.name``) instead.
TRIGRAM = 3
#: At most this many names are read for one name filter (the most used first).
MAX_NAMES = 64
#: At most this many index matches of a name part are considered (a part as broad as "ana"
#: matches a large share of all names; reading them all would grow with the database).  The
#: index returns them oldest first, so the names that were used first are kept.
MAX_MATCHES = 5000


def name_ids(conn: sqlite3.Connection, names: Iterable[str]) -> dict[str, int]:
    """Ids of the names already stored (unknown names are left out)."""
    wanted = list(names)
    found: dict[str, int] = {}
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        rows = conn.execute(
            f"SELECT name, name_id FROM names WHERE name IN ({','.join('?' * len(chunk))})", chunk
        )
        found.update((str(n), int(i)) for n, i in rows)
    return found


def intern_names(conn: sqlite3.Connection, names: Iterable[str]) -> dict[str, int]:
    """Ids of ``names``, adding the new ones (with ``uses`` 0) in the caller's transaction."""
    wanted = set(names)
    ids = name_ids(conn, wanted)
    for name in sorted(wanted - ids.keys()):
        cur = conn.execute("INSERT INTO names (name, uses) VALUES (?, 0)", (name,))
        ids[name] = int(cur.lastrowid or 0)
    return ids


def forget_names(conn: sqlite3.Connection, uses: dict[int, int]) -> None:
    """Subtract uses; names no longer used by any posting are deleted."""
    conn.executemany("UPDATE names SET uses = uses - ? WHERE name_id = ?", [(n, i) for i, n in uses.items()])
    conn.executemany("DELETE FROM names WHERE name_id = ? AND uses <= 0", [(i,) for i in uses])


def trigram_query(part: str) -> str:
    """An FTS5 trigram query matching names that contain ``part`` (any case)."""
    return '"' + part.replace('"', '""') + '"'


def matching_names(conn: sqlite3.Connection, part: str, *, limit: int = MAX_NAMES) -> list[int]:
    """Ids of names containing ``part`` (any case), most used first, at most ``limit``
    (among the first :data:`MAX_MATCHES` names that contain it).

    A part shorter than :data:`TRIGRAM` characters matches names equal to it or starting with
    it (``Xi`` finds "Xi" and "Xi Jinping"), through the unique index on ``names.name``.
    """
    part = part.strip()
    if not part:
        return []
    if len(part) >= TRIGRAM:
        rows = conn.execute(
            "SELECT n.name_id FROM (SELECT rowid FROM names_fts WHERE names_fts MATCH ? LIMIT ?) m "
            "JOIN names n ON n.name_id = m.rowid ORDER BY n.uses DESC, n.name_id LIMIT ?",
            (trigram_query(part), MAX_MATCHES, limit),
        ).fetchall()
        return [int(r[0]) for r in rows]
    ids: list[int] = []
    for variant in dict.fromkeys((part, part.lower(), part.upper(), part.title())):
        rows = conn.execute(
            "SELECT name_id FROM names WHERE name >= ? AND name < ? ORDER BY name LIMIT ?",
            (variant, variant + "\U0010ffff", limit),
        ).fetchall()
        ids += [int(r[0]) for r in rows if int(r[0]) not in ids]
    return ids[:limit]
