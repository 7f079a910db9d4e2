"""User fixes to actor identity: merge two actors, split an actor by article, rename one.

The machine will sometimes merge two people or split one; a user who knows better says so once,
and the fix must survive a re-ingest (an article deleted and stored again, a re-analysis with a
newer model).  So an edit changes the links *and* records a rule the writer consults before its
own merging (:func:`newsgraph.store.actor_identity.resolve`):

* ``merge(keep, gone)``: ``gone``'s links, roles and locations move to ``keep``; ``gone``'s key
  (and every key already aliased to it) becomes an alias of ``keep``; ``gone`` is deleted;
* ``split(actor, article_ids, name)``: the actor's entities in those articles move to a new actor,
  and each (article id, entity key) is pinned to it;
* ``rename(actor, name)``: the display name; the writer never renames an actor.

Every edit is logged in ``actor_edits`` (operation, JSON detail, UTC time).  The summary tables
(:mod:`newsgraph.store.summaries`: counts, postings, graph edges keyed by actor id) follow the
links: each article whose links an edit moves is taken out of them before and put back after.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime

from newsgraph.errors import StoreError
from newsgraph.records import Entity
from newsgraph.store.actor_identity import entity_key
from newsgraph.store.actors import normalise_name
from newsgraph.store.sqlite_rows import read_article
from newsgraph.store.summaries import add_article, remove_article


def _actor(conn: sqlite3.Connection, actor_id: int) -> tuple[str, str, str]:
    row = conn.execute("SELECT key, name, type FROM actors WHERE actor_id = ?", (actor_id,)).fetchone()
    if row is None:
        raise StoreError(f"no actor #{actor_id}")
    return str(row[0]), str(row[1]), str(row[2])


def _log(conn: sqlite3.Connection, op: str, detail: dict[str, object]) -> int:
    cur = conn.execute(
        "INSERT INTO actor_edits (op, detail, edited_at) VALUES (?, ?, ?)",
        (op, json.dumps(detail, ensure_ascii=False), datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")),
    )
    return int(cur.lastrowid or 0)


def _move(conn: sqlite3.Connection, src: int, dst: int, seqs: Sequence[int] | None = None) -> None:
    """Move links, roles and record locations of actor ``src`` (in ``seqs`` only, if given) to
    ``dst``, keeping the summary tables in step."""
    scope = "" if seqs is None else f" AND article_seq IN ({','.join('?' * len(seqs))})"
    params = (dst, src, *(seqs or ()))
    touched = [
        int(r[0])
        for r in conn.execute(
            f"SELECT DISTINCT article_seq FROM actor_links WHERE actor_id = ?{scope}", params[1:]
        )
    ]
    with _summaries_follow(conn, touched):
        for table in ("actor_links", "actor_roles", "record_places"):
            conn.execute(f"UPDATE {table} SET actor_id = ? WHERE actor_id = ?{scope}", params)


@contextmanager
def _summaries_follow(conn: sqlite3.Connection, seqs: Sequence[int]) -> Iterator[None]:
    """Take the articles out of the summary tables, let the block move their links, put them back."""
    for seq in seqs:
        remove_article(conn, seq)
    yield
    for seq in seqs:
        article = read_article(conn, seq)
        row = conn.execute("SELECT published_utc FROM articles WHERE seq = ?", (seq,)).fetchone()
        if article is not None:
            add_article(conn, seq, article, row[0])


def merge(conn: sqlite3.Connection, keep: int, gone: int) -> str:
    """Fold actor ``gone`` into actor ``keep`` (module docstring); a one-line description."""
    if keep == gone:
        raise StoreError(f"actor #{keep} cannot be merged with itself")
    keep_key, keep_name, keep_type = _actor(conn, keep)
    gone_key, gone_name, gone_type = _actor(conn, gone)
    _move(conn, gone, keep)
    conn.execute("UPDATE actor_aliases SET actor_id = ? WHERE actor_id = ?", (keep, gone))
    conn.execute("UPDATE actor_pins SET actor_id = ? WHERE actor_id = ?", (keep, gone))
    conn.execute("INSERT OR REPLACE INTO actor_aliases (key, actor_id) VALUES (?, ?)", (gone_key, keep))
    conn.execute("DELETE FROM actors WHERE actor_id = ?", (gone,))
    _log(conn, "merge", {"keep": keep, "keep_key": keep_key, "gone": gone, "gone_key": gone_key,
                         "gone_name": gone_name})  # fmt: skip
    note = f" (types differ: {keep_type} and {gone_type})" if keep_type != gone_type else ""
    return f"merged #{gone} {gone_name!r} into #{keep} {keep_name!r}{note}"


def split(
    conn: sqlite3.Connection, actor_id: int, article_ids: Sequence[str], name: str | None = None
) -> int:
    """Move actor ``actor_id``'s entities in ``article_ids`` to a new actor; its id."""
    key, old_name, type_ = _actor(conn, actor_id)
    if not article_ids:
        raise StoreError("split needs at least one article id (--article)")
    entities: list[tuple[int, str, Entity]] = []
    for article_id in article_ids:
        rows = conn.execute(
            "SELECT a.seq, e.name, e.type, e.country FROM actor_links l "
            "JOIN articles a ON a.seq = l.article_seq "
            "JOIN entities e ON e.article_seq = l.article_seq AND e.idx = l.entity_idx "
            "WHERE a.id = ? AND l.actor_id = ?",
            (article_id, actor_id),
        ).fetchall()
        if not rows:
            raise StoreError(f"actor #{actor_id} {old_name!r} is not mentioned in article {article_id!r}")
        entities += [(int(r[0]), article_id, Entity(id="", name=r[1], type=r[2], country=r[3])) for r in rows]
    new_name = name or old_name
    edit = _log(
        conn, "split", {"actor": actor_id, "key": key, "articles": list(article_ids), "name": new_name}
    )
    country = entities[0][2].country
    cur = conn.execute(
        "INSERT INTO actors (key, name, type, country) VALUES (?, ?, ?, ?)",
        (f"{type_}:{normalise_name(new_name)}#edit{edit}", new_name, type_, country),
    )
    new_id = int(cur.lastrowid or 0)
    for _, article_id, entity in entities:
        conn.execute(
            "INSERT OR REPLACE INTO actor_pins (article_id, key, actor_id) VALUES (?, ?, ?)",
            (article_id, entity_key(entity)[0], new_id),
        )
    _move(conn, actor_id, new_id, sorted({seq for seq, _, _ in entities}))
    conn.execute(
        "UPDATE actor_edits SET detail = json_set(detail, '$.new', ?) WHERE edit_id = ?", (new_id, edit)
    )
    return new_id


def rename(conn: sqlite3.Connection, actor_id: int, name: str) -> str:
    """Give actor ``actor_id`` the display name ``name``; a one-line description."""
    name = " ".join(name.split())
    if not name:
        raise StoreError("the new name is empty")
    _, old, _ = _actor(conn, actor_id)
    conn.execute("UPDATE actors SET name = ? WHERE actor_id = ?", (name, actor_id))
    _log(conn, "rename", {"actor": actor_id, "old": old, "new": name})
    return f"renamed #{actor_id} {old!r} to {name!r}"


def edits(conn: sqlite3.Connection) -> list[tuple[int, str, str, str]]:
    """The edit log, oldest first: (edit id, operation, JSON detail, time)."""
    return [
        tuple(r)
        for r in conn.execute("SELECT edit_id, op, detail, edited_at FROM actor_edits ORDER BY edit_id")
    ]
