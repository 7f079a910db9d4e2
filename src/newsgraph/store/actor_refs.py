"""Actor identity for exports: which actor each entity of an article is, and the actors table.

An export row of an entity, quote or event names the actor behind it (``actor_id`` and the
actor's canonical name, type and country), so that rows from many articles can be grouped by
who they are about without re-doing the store's identity work.  Read here, not in the record:
identity is a property of the database (it depends on the other articles and on user edits),
not of one analysed article.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class ActorRef:
    """The actor an entity links to."""

    actor_id: int
    name: str
    type: str
    country: str | None


def actor_refs(conn: sqlite3.Connection, article_id: str) -> dict[str, ActorRef]:
    """Entity id (``e1``) -> its actor, for one stored article (empty if none is linked)."""
    rows = conn.execute(
        "SELECT e.entity_id, ac.actor_id, ac.name, ac.type, ac.country FROM articles a "
        "JOIN entities e ON e.article_seq = a.seq "
        "JOIN actor_links l ON l.article_seq = e.article_seq AND l.entity_idx = e.idx "
        "JOIN actors ac ON ac.actor_id = l.actor_id WHERE a.id = ?",
        (article_id,),
    ).fetchall()
    return {str(r[0]): ActorRef(int(r[1]), str(r[2]), str(r[3]), r[4]) for r in rows}


ACTOR_TABLE_SQL = """
SELECT ac.actor_id, ac.name, ac.type, ac.country, ac.actor_code, ac.key, p.place_id, p.kind,
       p.latitude, p.longitude, pp.name,
       (SELECT count(DISTINCT l.article_seq) FROM actor_links l WHERE l.actor_id = ac.actor_id),
       (SELECT count(*) FROM actor_links l JOIN mentions m
           ON m.article_seq = l.article_seq AND m.entity_idx = l.entity_idx WHERE l.actor_id = ac.actor_id)
FROM actors ac
LEFT JOIN places p ON p.place_id = ac.place_id
LEFT JOIN places pp ON pp.place_id = p.parent_id
ORDER BY ac.actor_id
"""

ACTOR_TABLE_COLUMNS = (
    "actor_id",
    "name",
    "type",
    "country",
    "actor_code",
    "key",
    "place_id",
    "place_kind",
    "latitude",
    "longitude",
    "parent_place",
    "articles",
    "mentions",
)


def actor_table(conn: sqlite3.Connection) -> Iterator[dict[str, Any]]:
    """Every actor with its place (GeoNames id, kind, coordinates, parent) and how often it appears."""
    for row in conn.execute(ACTOR_TABLE_SQL):
        yield dict(zip(ACTOR_TABLE_COLUMNS, row, strict=True))
