"""Actors across articles: one row per real-world person, organisation or country.

Each article has its own entities (``e1``, ``e2``, ...); users ask about *people* ("everything
Blinken said this year").  When an article is stored, each of its entities is linked to an
actor, creating the actor if needed, and each title the article gives it is recorded with
the article's date and an evidence span: a role history ("Secretary of State", 2024-05-23).

Merging policy (conservative: a wrong merge corrupts every query about both people, a missed
merge only splits counts):

* countries and groups (GPE, NORP) with a country code merge on the code ("U.S." and
  "United States" are one actor);
* otherwise the key is the type plus the normalised canonical name (case, accents,
  punctuation and a leading "the" ignored), so "Antony Blinken" in two articles is one actor;
* a one-word person name (an article that only says "Keating") joins a known person whose
  name ends in that word only if there is exactly one such person of a compatible country;
  two people who share a surname are never merged by it.  The candidates are found through
  the indexed ``surname`` column (the last word of a multi-word person key, schema version 5),
  not by scanning every actor's key: the writer does this for every new one-word name.

Reading (actor lists, actor pages) is in :mod:`newsgraph.store.actor_queries`, over the
per-actor summary tables of :mod:`newsgraph.store.summaries`.

Country is not part of the person key: the entities stage infers country from context, and
splitting one person over two guessed countries would be the worse error.
"""

from __future__ import annotations

import re
import sqlite3
import unicodedata
from functools import lru_cache

from newsgraph.records import Article, Entity

_SPACE = re.compile(r"\s+")
_PUNCT = re.compile(r"[^\w\s-]")

ACTORS_SQL = """
CREATE TABLE actors (
    actor_id INTEGER PRIMARY KEY,
    key TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    type TEXT NOT NULL,
    country TEXT,
    actor_code TEXT
);
CREATE INDEX actors_name ON actors (name COLLATE NOCASE);
CREATE TABLE actor_links (
    article_seq INTEGER NOT NULL REFERENCES articles (seq) ON DELETE CASCADE,
    entity_idx INTEGER NOT NULL,
    actor_id INTEGER NOT NULL REFERENCES actors (actor_id),
    PRIMARY KEY (article_seq, entity_idx)
);
CREATE INDEX actor_links_actor ON actor_links (actor_id);
CREATE TABLE actor_roles (
    actor_id INTEGER NOT NULL REFERENCES actors (actor_id),
    article_seq INTEGER NOT NULL REFERENCES articles (seq) ON DELETE CASCADE,
    title TEXT NOT NULL,
    evidence_start INTEGER NOT NULL,
    evidence_end INTEGER NOT NULL
);
CREATE INDEX actor_roles_actor ON actor_roles (actor_id)
"""


@lru_cache(maxsize=65536)
def normalise_name(name: str) -> str:
    """Lower-case, accents and punctuation removed, spaces collapsed, no leading "the".

    Cached (bounded): the writer normalises every entity of every article, and names repeat.
    """
    decomposed = unicodedata.normalize("NFKD", name)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    plain = _SPACE.sub(" ", _PUNCT.sub(" ", plain.lower())).strip()
    return plain[4:] if plain.startswith("the ") else plain


def actor_key(entity: Entity) -> str:
    """The merge key of an entity (see the module docstring)."""
    if entity.type in ("GPE", "NORP") and entity.country:
        return f"{entity.type}:{entity.country}"
    return f"{entity.type}:{normalise_name(entity.name)}"


def surname_of_key(key: str) -> str | None:
    """The last word of a multi-word person key (``PERSON:antony blinken`` -> ``blinken``)."""
    if not key.startswith("PERSON:"):
        return None
    parts = key[len("PERSON:") :].rsplit(" ", 1)
    return parts[1] if len(parts) == 2 and parts[0] and parts[1] else None


def _surname_match(conn: sqlite3.Connection, entity: Entity, indexed: bool) -> int | None:
    """The one known person whose name ends in this one-word name, if exactly one."""
    word = normalise_name(entity.name)
    if entity.type != "PERSON" or not word or " " in word:
        return None
    if indexed:
        rows = conn.execute("SELECT actor_id, country FROM actors WHERE surname = ?", (word,)).fetchall()
    else:  # schema version 3 or 4 (the migration that backfills the links): no surname column yet
        rows = conn.execute(
            "SELECT actor_id, country FROM actors WHERE type = 'PERSON' AND key LIKE ? ESCAPE '\\'",
            ("PERSON:% " + word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_"),),
        ).fetchall()
    compatible = [r for r in rows if not entity.country or not r[1] or r[1] == entity.country]
    return int(compatible[0][0]) if len(compatible) == 1 else None


def resolve_actor(conn: sqlite3.Connection, entity: Entity, *, indexed: bool = True) -> int:
    """The actor id for ``entity``, creating the actor if it is new.

    ``indexed=False`` only for the schema-3 backfill, before the ``surname`` column exists.
    """
    key = actor_key(entity)
    row = conn.execute("SELECT actor_id FROM actors WHERE key = ?", (key,)).fetchone()
    if row is not None:
        return int(row[0])
    matched = _surname_match(conn, entity, indexed)
    if matched is not None:
        return matched
    values = (key, entity.name, entity.type, entity.country, entity.actor_code)
    if indexed:
        cur = conn.execute(
            "INSERT INTO actors (key, name, type, country, actor_code, surname) VALUES (?, ?, ?, ?, ?, ?)",
            (*values, surname_of_key(key)),
        )
    else:
        cur = conn.execute(
            "INSERT INTO actors (key, name, type, country, actor_code) VALUES (?, ?, ?, ?, ?)", values
        )
    return int(cur.lastrowid or 0)


def title_evidence(text: str, entity: Entity, title: str) -> tuple[int, int]:
    """The span of a mention with ``title`` written next to it, else the first mention."""
    lowered = text.lower()
    needle = title.lower()
    for mention in entity.mentions:
        window_start = max(0, mention.start - 80)
        found = lowered.find(needle, window_start, mention.end + 80)
        if found >= 0:
            return min(found, mention.start), max(found + len(needle), mention.end)
    if entity.mentions:
        return entity.mentions[0].start, entity.mentions[0].end
    return 0, 0


def link_article(conn: sqlite3.Connection, seq: int, article: Article, *, indexed: bool = True) -> None:
    """Link every entity of a stored article to its actor and record its titles."""
    links = []
    roles = []
    for idx, entity in enumerate(article.entities):
        actor_id = resolve_actor(conn, entity, indexed=indexed)
        links.append((seq, idx, actor_id))
        for title in dict.fromkeys(entity.titles):
            start, end = title_evidence(article.text, entity, title)
            roles.append((actor_id, seq, title, start, end))
    conn.executemany("INSERT OR IGNORE INTO actor_links VALUES (?, ?, ?)", links)
    conn.executemany("INSERT INTO actor_roles VALUES (?, ?, ?, ?, ?)", roles)


def backfill(conn: sqlite3.Connection) -> None:
    """Migration step (schema 3): create the tables.

    It used to link the articles already stored too; schema 6 re-links every stored article
    under the new identity rules (:func:`newsgraph.store.actor_identity.relink_all`), and this
    step always runs together with it, so linking here would be thrown away (and would read
    articles with today's row reader from a schema-2 file, which has fewer columns).
    """
    for statement in ACTORS_SQL.split(";"):
        if statement.strip():
            conn.execute(statement)


SURNAME_SQL = """
ALTER TABLE actors ADD COLUMN surname TEXT;
CREATE INDEX actors_surname ON actors (surname) WHERE surname IS NOT NULL
"""


def add_surnames(conn: sqlite3.Connection) -> None:
    """Migration step (schema 5): the indexed ``surname`` column, filled for stored persons."""
    for statement in SURNAME_SQL.split(";"):
        if statement.strip():
            conn.execute(statement)
    rows = conn.execute("SELECT actor_id, key FROM actors WHERE type = 'PERSON'").fetchall()
    conn.executemany(
        "UPDATE actors SET surname = ? WHERE actor_id = ?",
        [(surname, actor_id) for actor_id, key in rows if (surname := surname_of_key(key))],
    )
