"""Actors across articles: merging policy, role history, backfill migration, CLI."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from newsgraph.cli import main
from newsgraph.records import Article, Entity, Span
from newsgraph.store import open_store
from newsgraph.store.actors import actor_key, normalise_name
from newsgraph.store.migrations import migrate


def article(aid: str, published: str, text: str, *entities: Entity) -> Article:
    return Article(id=aid, text=text, published=published, entities=entities)


def make(
    aid: str, published: str, text: str, specs: list[tuple[str, str, str | None, tuple[str, ...]]]
) -> Article:
    entities = []
    for i, (name, etype, country, titles) in enumerate(specs, start=1):
        start = text.index(name)
        entities.append(Entity(f"e{i}", name, etype, country, titles, (), (Span(start, start + len(name)),)))
    return article(aid, published, text, *entities)


A1 = make(
    "a1",
    "2024-05-23T07:37:00+01:00",
    "Secretary of State Antony Blinken met officials from the United States.",
    [("Antony Blinken", "PERSON", "USA", ("Secretary of State",)), ("United States", "GPE", "USA", ())],
)
A2 = make(
    "a2",
    "2025-01-10",
    "Former secretary Antony Blinken spoke in the United States about Keating.",
    [
        ("Antony Blinken", "PERSON", "USA", ("Former secretary",)),
        ("United States", "GPE", "USA", ()),
        ("Keating", "PERSON", None, ()),
    ],
)
A3 = make(
    "a3",
    "2025-02-01",
    "Congressman Bill Keating and Maria Keating spoke.",
    [("Bill Keating", "PERSON", "USA", ("Congressman",)), ("Maria Keating", "PERSON", "IRL", ())],
)


def test_keys() -> None:
    assert normalise_name("The Kremlin's") == "kremlin s"
    assert normalise_name("Hugo Chávez") == "hugo chavez"
    assert actor_key(Entity("e1", "U.S.", "GPE", "USA")) == actor_key(
        Entity("e2", "United States", "GPE", "USA")
    )


def test_same_person_merges_across_articles_with_role_history(tmp_path: Path) -> None:
    with open_store(tmp_path / "a.db") as store:
        for a in (A2, A1, A3):
            store.add(a)
        (blinken,) = store.find_actors("Antony Blinken")
        assert blinken.actor.articles == 2
        assert [(r.title, r.published) for r in blinken.roles] == [
            ("Secretary of State", "2024-05-23T07:37:00+01:00"),
            ("Former secretary", "2025-01-10"),
        ]
        assert blinken.roles[0].evidence == "Secretary of State Antony Blinken"
        assert [a.article_id for a in blinken.articles] == ["a2", "a1"]  # newest first, paged
        (usa,) = store.find_actors("United States")
        assert usa.actor.articles == 2
        # "Keating" alone came before either full Keating was known: its own actor, and the two
        # Keatings who share a surname are never merged.
        keatings = store.list_actors(name="keating")
        assert sorted(a.name for a in keatings) == ["Bill Keating", "Keating", "Maria Keating"]


def test_surname_joins_the_only_matching_person(tmp_path: Path) -> None:
    later = make("a4", "2025-03-01", "Blinken said so.", [("Blinken", "PERSON", "USA", ())])
    with open_store(tmp_path / "a.db") as store:
        store.add(A1)
        store.add(later)
        (blinken,) = store.find_actors("Antony Blinken")
        assert blinken.actor.articles == 2


def test_backfill_links_articles_stored_before_the_migration(tmp_path: Path) -> None:
    db = tmp_path / "old.db"
    conn = sqlite3.connect(db, isolation_level=None)
    migrate(conn, target=2)
    conn.close()
    # write through the v2 row writer, as an older newsgraph would have
    from newsgraph.records import text_sha256
    from newsgraph.store.sqlite_rows import write_article

    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("BEGIN")
    write_article(conn, A1, text_sha256(A1.text), "2024-06-01T00:00:00+00:00")
    conn.execute("COMMIT")
    conn.close()
    with open_store(db) as store:
        assert [a.name for a in store.list_actors()] == ["Antony Blinken", "United States"]


def test_schema_5_fills_surnames_of_stored_persons_and_uses_them(tmp_path: Path) -> None:
    db = tmp_path / "v4.db"
    conn = sqlite3.connect(db, isolation_level=None)
    migrate(conn, target=4)
    from newsgraph.records import text_sha256
    from newsgraph.store.actors import link_article
    from newsgraph.store.sqlite_rows import write_article

    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("BEGIN")
    seq = write_article(conn, A1, text_sha256(A1.text), "2024-06-01T00:00:00+00:00")
    link_article(conn, seq, A1, indexed=False)  # as newsgraph at schema 4 did
    conn.execute("COMMIT")
    conn.close()
    later = make("a4", "2025-03-01", "Blinken said so.", [("Blinken", "PERSON", "USA", ())])
    with open_store(db) as store:
        rows = store.connection.execute("SELECT key, surname FROM actors ORDER BY actor_id").fetchall()
        assert rows == [("PERSON:antony blinken", "blinken"), ("GPE:USA", None)]
        store.add(later)
        (blinken,) = store.find_actors("Antony Blinken")
        assert blinken.actor.articles == 2


def test_actor_commands(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "a.db")
    with open_store(db) as store:
        for a in (A1, A2, A3):
            store.add(a)
    assert main(["actors", "--db", db, "--type", "person"]) == 0
    out = capsys.readouterr().out
    assert out.index("Antony Blinken") < out.index("Bill Keating")
    assert main(["actor", "Blinken", "--db", db]) == 0
    out = capsys.readouterr().out
    assert "2024-05-23  Secretary of State" in out and "2025-01-10  Former secretary" in out
    assert main(["actor", "Nobody Known", "--db", db]) == 1
