"""Which actor an entity is: one actor per real-world entity across the whole database.

The key of an entity (schema version 6):

* a GPE is resolved to a GeoNames place (:mod:`newsgraph.store.places`): a country is keyed on its
  ISO code (``GPE:USA``: "U.S." and "United States" are one actor), a city or region on its
  GeoNames id (``GPE:place:5128581``), so New York, Ohio and the United States are three actors
  linked by the place hierarchy, never one.  A place GeoNames does not know is keyed on its name
  and country (``GPE:white house|USA``): two unknown places are never merged because they share
  a country;
* a NORP is keyed on its country only when its name is that country's people ("Russians",
  "Russian" -> ``NORP:RUS``); "Democrats" stays "Democrats";
* a person or organisation is keyed on its type and normalised name; a person whose country is
  known and differs from the known country of the actor of that name is a namesake, keyed on name
  and country (``PERSON:john smith|NGA``).  A person's country comes only from evidence in the
  text (a nationality word, a title with a country), so "unknown" agrees with any country.

A one-word person name ("Keating") joins a known person whose name ends in that word only when
exactly one such person agrees with it: same type (a person), the same country when both are
known, and a shared title when both have titles.  Two people who share a surname are never merged
by it.

User edits come first (:mod:`newsgraph.store.actor_edits`): a key a user merged into another actor
(``actor_aliases``) and an entity a user split off in one article (``actor_pins``) resolve as the
user said, so that a re-ingest keeps them.
"""

from __future__ import annotations

import sqlite3

from newsgraph.nlp.knowledge.gazetteer import gazetteer, lookup
from newsgraph.records import Article, Entity
from newsgraph.store.actors import normalise_name, surname_of_key, title_evidence
from newsgraph.store.places import Place, is_country_name, resolve_place, store_place, subdivision_code

IDENTITY_SQL = """
ALTER TABLE actors ADD COLUMN place_id INTEGER;
CREATE INDEX actors_place ON actors (place_id) WHERE place_id IS NOT NULL;
CREATE TABLE actor_aliases (
    key TEXT PRIMARY KEY,
    actor_id INTEGER NOT NULL REFERENCES actors (actor_id)
);
CREATE TABLE actor_pins (
    article_id TEXT NOT NULL,
    key TEXT NOT NULL,
    actor_id INTEGER NOT NULL REFERENCES actors (actor_id),
    PRIMARY KEY (article_id, key)
);
CREATE TABLE actor_edits (
    edit_id INTEGER PRIMARY KEY,
    op TEXT NOT NULL,
    detail TEXT NOT NULL,
    edited_at TEXT NOT NULL
);
"""


def entity_key(entity: Entity) -> tuple[str, Place | None]:
    """The actor key of ``entity`` and, for a place GeoNames knows, the place (module docstring)."""
    name = normalise_name(entity.name)
    if entity.type == "GPE":
        place = resolve_place(entity.name, entity.country)
        if place is not None and place.kind == "country":
            return f"GPE:{place.country}", place
        if place is not None:
            return f"GPE:place:{place.place_id}", place
        if is_country_name(entity.name, entity.country) and entity.country:
            return f"GPE:{entity.country}", None
        region = subdivision_code(entity.name, entity.country)
        if region:  # a first-level region GeoNames does not name: "Scotland", "Ontario"
            return f"GPE:region:{region}", None
        return (f"GPE:{name}|{entity.country}" if entity.country else f"GPE:{name}"), None
    if entity.type == "NORP" and entity.country and _people_of(entity.name, entity.country):
        return f"NORP:{entity.country}", None
    return f"{entity.type}:{name}", None


def _people_of(name: str, country: str) -> bool:
    g = gazetteer()
    for table in (g.demonyms, g.peoples):
        hit = lookup(table, name) or (lookup(table, name[:-1]) if name.endswith("s") else None)
        if hit is not None and hit.iso3 == country:
            return True
    return is_country_name(name, country)


def titles_agree(first: tuple[str, ...] | list[str], second: tuple[str, ...] | list[str]) -> bool:
    """Some title of one equals, or is contained word by word in, a title of the other."""
    a = [f" {normalise_name(t)} " for t in first]
    b = [f" {normalise_name(t)} " for t in second]
    return any(x.strip() and y.strip() and (x in y or y in x) for x in a for y in b)


def _titles_of(conn: sqlite3.Connection, actor_id: int) -> list[str]:
    rows = conn.execute("SELECT DISTINCT title FROM actor_roles WHERE actor_id = ?", (actor_id,)).fetchall()
    return [str(r[0]) for r in rows]


def _surname_match(conn: sqlite3.Connection, entity: Entity) -> int | None:
    """The one known person this one-word person name agrees with (module docstring)."""
    word = normalise_name(entity.name)
    if entity.type != "PERSON" or not word or " " in word:
        return None
    rows = conn.execute(
        "SELECT actor_id, country FROM actors WHERE surname = ? AND type = 'PERSON'", (word,)
    ).fetchall()
    agreeing = []
    for actor_id, country in rows:
        if entity.country and country and country != entity.country:
            continue
        known = _titles_of(conn, int(actor_id))
        if entity.titles and known and not titles_agree(entity.titles, known):
            continue
        agreeing.append(int(actor_id))
    return agreeing[0] if len(agreeing) == 1 else None


def resolve(conn: sqlite3.Connection, entity: Entity, article_id: str) -> int:
    """The actor id for ``entity`` of article ``article_id``, creating the actor if it is new."""
    key, place = entity_key(entity)
    for sql, params in (
        ("SELECT actor_id FROM actor_pins WHERE article_id = ? AND key = ?", (article_id, key)),
        ("SELECT actor_id FROM actor_aliases WHERE key = ?", (key,)),
    ):
        row = conn.execute(sql, params).fetchone()
        if row is not None:
            return int(row[0])
    row = conn.execute("SELECT actor_id, country FROM actors WHERE key = ?", (key,)).fetchone()
    if row is not None and entity.type == "PERSON" and entity.country and row[1] and row[1] != entity.country:
        key = f"{key}|{entity.country}"  # a namesake from another country: "John Smith" of Nigeria
        row = conn.execute("SELECT actor_id, country FROM actors WHERE key = ?", (key,)).fetchone()
    if row is not None:
        _learn_country(conn, int(row[0]), entity)
        return int(row[0])
    matched = _surname_match(conn, entity)
    if matched is not None:
        _learn_country(conn, matched, entity)
        return matched
    name = place.name if place is not None and place.kind != "country" else entity.name
    if place is not None:
        store_place(conn, place)
    country = place.country if place is not None else entity.country
    cur = conn.execute(
        "INSERT INTO actors (key, name, type, country, actor_code, surname, place_id) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        (
            key,
            name,
            entity.type,
            country,
            entity.actor_code,
            surname_of_key(key.split("|")[0]),
            place.place_id if place else None,
        ),
    )
    return int(cur.lastrowid or 0)


def _learn_country(conn: sqlite3.Connection, actor_id: int, entity: Entity) -> None:
    """An actor first seen without a country takes one when a later article gives evidence of it."""
    if entity.country and entity.type in ("PERSON", "ORG"):
        conn.execute(
            "UPDATE actors SET country = ? WHERE actor_id = ? AND country IS NULL", (entity.country, actor_id)
        )


def link_entities(conn: sqlite3.Connection, seq: int, article: Article) -> list[int]:
    """Link every entity of a stored article to its actor, record its titles; the actor ids."""
    links = []
    roles = []
    actor_ids = []
    for idx, entity in enumerate(article.entities):
        actor_id = resolve(conn, entity, article.id)
        actor_ids.append(actor_id)
        links.append((seq, idx, actor_id))
        for title in dict.fromkeys(entity.titles):
            start, end = title_evidence(article.text, entity, title)
            roles.append((actor_id, seq, title, start, end))
        # the titles of this article count for the next one-word name of the same person
        conn.executemany("INSERT INTO actor_roles VALUES (?, ?, ?, ?, ?)", roles)
        roles = []
    conn.executemany("INSERT OR IGNORE INTO actor_links VALUES (?, ?, ?)", links)
    return actor_ids


def relink_all(conn: sqlite3.Connection) -> None:
    """Migration step (schema 6): re-key every stored entity under the rules above.

    Stores made before version 6 keyed places on their country; their actors are rebuilt from
    the stored entities (no user edits existed before this version).
    """
    from newsgraph.store.migrations import split_sql
    from newsgraph.store.places import PLACES_SQL
    from newsgraph.store.record_places import LOCATIONS_SQL, locate_records
    from newsgraph.store.sqlite_rows import read_article

    for script in (IDENTITY_SQL, PLACES_SQL, LOCATIONS_SQL):
        for statement in split_sql(script):
            conn.execute(statement)
    conn.execute("DELETE FROM actor_links")
    conn.execute("DELETE FROM actor_roles")
    conn.execute("DELETE FROM actors")
    for (seq,) in conn.execute("SELECT seq FROM articles ORDER BY seq").fetchall():
        article = read_article(conn, seq)
        if article is not None:
            locate_records(conn, seq, article, link_entities(conn, seq, article))
