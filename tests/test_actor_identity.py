"""One actor per real-world entity: places never merge into their country, namesakes stay apart,
user edits (merge, split, rename) survive a re-ingest, and the actor eval scores B-cubed right.

The invented articles below were written for these tests (no gold text): places of one country,
people named like places, and namesakes.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from newsgraph.cli import main
from newsgraph.eval.actors import ActorScores, Occurrence
from newsgraph.records import Article, Entity, Span
from newsgraph.store import open_store
from newsgraph.store.actor_identity import entity_key
from newsgraph.store.places import resolve_place

INVENTED = {
    "ohio-floods": (
        "Floods close schools across Ohio\n\n"
        "COLUMBUS, Ohio (AP) — Governor Jane Holloway said on Monday that flooding in Columbus had "
        'closed 40 schools. "We will rebuild," Holloway said.\n\n'
        "In Washington, President Mark Ellison promised federal aid to the state. The United States "
        "Army Corps of Engineers sent teams to Cincinnati, where the river rose two metres."
    ),
    "california-fires": (
        "Wildfires spread near Los Angeles\n\n"
        "SACRAMENTO, California — Officials in California said on Tuesday that wildfires near Los "
        "Angeles had burned 2,000 acres. Governor Rosa Delgado asked the United States for help.\n\n"
        'Police in Sacramento arrested two men. "The fires were set on purpose," said Chief Daniel '
        "Okafor, the Sacramento police chief."
    ),
    "nigeria-budget": (
        "Nigerian senate passes budget\n\n"
        "ABUJA, Nigeria — Senator Ada Okafor, a Nigerian lawmaker, said on Wednesday that the budget "
        'would fund new roads in Lagos. "This is a good day for Nigeria," Okafor said in Abuja.\n\n'
        "Georgia Harris, a spokeswoman for the World Bank, welcomed the vote."
    ),
    "georgia-deal": (
        "Georgia and Armenia sign border deal\n\n"
        "TBILISI, Georgia — The foreign ministers of Georgia and Armenia signed a border agreement in "
        "Tbilisi on Thursday. In Atlanta, Georgia, officials of the US state said they had no comment."
    ),
}


@pytest.fixture(scope="module")
def invented_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The invented articles analysed by the real pipeline and stored in one database."""
    folder = tmp_path_factory.mktemp("invented")
    for name, text in INVENTED.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    db = folder / "news.db"
    assert main(["ingest", "--db", str(db), *sorted(str(p) for p in folder.glob("*.txt"))]) == 0
    return db


def _actors(db: Path) -> dict[str, list[tuple[int, str, str | None, str | None, str | None]]]:
    """name -> [(actor id, type, country, place kind, parent place name)]."""
    with sqlite3.connect(db) as conn:
        rows = conn.execute(
            "SELECT ac.actor_id, ac.name, ac.type, ac.country, p.kind, pp.name FROM actors ac "
            "LEFT JOIN places p ON p.place_id = ac.place_id LEFT JOIN places pp ON pp.place_id = p.parent_id"
        ).fetchall()
    out: dict[str, list[tuple[int, str, str | None, str | None, str | None]]] = {}
    for actor_id, name, etype, country, kind, parent in rows:
        out.setdefault(name, []).append((actor_id, etype, country, kind, parent))
    return out


def test_places_of_one_country_stay_apart_and_link_up(invented_db: Path) -> None:
    actors = _actors(invented_db)
    usa = [
        "Columbus",
        "Cincinnati",
        "Washington",
        "Los Angeles",
        "Sacramento",
        "California",
        "United States",
        "Atlanta",
    ]
    ids = {name: actors[name][0][0] for name in usa}
    assert len(set(ids.values())) == len(usa), ids  # eight places, eight actors
    assert actors["United States"][0][3] == "country"
    assert actors["Columbus"][0][3:] == ("city", "Ohio")  # city -> region
    assert actors["Cincinnati"][0][3:] == ("city", "Ohio")
    assert actors["California"][0][3:] == ("region", "United States")  # region -> country
    assert actors["Sacramento"][0][3:] == ("city", "California")
    assert actors["Washington"][0][3:] == ("city", "District of Columbia")
    assert actors["Lagos"][0][3:] == ("city", "Nigeria")  # no region name outside the US: the country


def test_a_country_a_us_state_and_a_person_named_alike_are_three_actors(invented_db: Path) -> None:
    actors = _actors(invented_db)
    georgia_country = [a for a in actors["Georgia"] if a[3] == "country"]
    assert georgia_country and georgia_country[0][2] == "GEO"
    assert actors["Atlanta"][0][3:] == ("city", "Georgia")  # the US state, a different place
    with sqlite3.connect(invented_db) as conn:
        state = conn.execute(
            "SELECT kind, country FROM places WHERE name = 'Georgia' AND kind = 'region'"
        ).fetchone()
    assert state == ("region", "USA")
    harris = actors["Georgia Harris"]
    assert [a[1] for a in harris] == ["PERSON"]
    assert harris[0][0] != georgia_country[0][0]


def test_namesakes_by_surname_stay_apart(invented_db: Path) -> None:
    actors = _actors(invented_db)
    assert actors["Ada Okafor"][0][0] != actors["Daniel Okafor"][0][0]
    assert actors["Ada Okafor"][0][2] == "NGA"
    # his country comes from his own title ("the Sacramento police chief": a US city), not the story's
    assert actors["Daniel Okafor"][0][2] == "USA"


def test_locations_of_statements_and_events(invented_db: Path) -> None:
    with sqlite3.connect(invented_db) as conn:
        rows = conn.execute(
            "SELECT a.id, rp.record, q.text, ac.name, rp.basis FROM record_places rp "
            "JOIN articles a ON a.seq = rp.article_seq JOIN actors ac ON ac.actor_id = rp.actor_id "
            "LEFT JOIN quotes q ON rp.record = 'quote' AND q.article_seq = rp.article_seq AND q.idx = rp.idx"
        ).fetchall()
    by_quote = {text: (place, basis) for _, record, text, place, basis in rows if record == "quote"}
    assert by_quote.get("We will rebuild,") == ("Columbus", "dateline") or by_quote.get(
        "We will rebuild"
    ) == ("Columbus", "dateline")
    assert by_quote.get(
        "This is a good day for Nigeria,", by_quote.get("This is a good day for Nigeria")
    ) == (
        "Abuja",
        "clause",
    )


# -- the store's rules on hand-made entities -------------------------------------------------------


def _article(aid: str, *specs: tuple[str, str, str | None, tuple[str, ...]]) -> Article:
    text = f"Article {aid}: " + " ".join(f"{name}." for name, *_ in specs)
    entities = []
    for i, (name, etype, country, titles) in enumerate(specs, start=1):
        start = text.index(name)
        entities.append(Entity(f"e{i}", name, etype, country, titles, (), (Span(start, start + len(name)),)))
    return Article(id=aid, text=text, entities=tuple(entities))


def _actor_of(db: Path, aid: str, name: str) -> int:
    with sqlite3.connect(db) as conn:
        row = conn.execute(
            "SELECT l.actor_id FROM actor_links l JOIN articles a ON a.seq = l.article_seq "
            "JOIN entities e ON e.article_seq = l.article_seq AND e.idx = l.entity_idx "
            "WHERE a.id = ? AND e.name = ?",
            (aid, name),
        ).fetchone()
    return int(row[0])


def test_bare_surname_needs_agreement_of_country_and_title(tmp_path: Path) -> None:
    db = tmp_path / "n.db"
    with open_store(db) as store:
        store.add(_article("a", ("Jane Holloway", "PERSON", "USA", ("Governor",))))
        store.add(_article("b", ("Holloway", "PERSON", None, ("Governor",))))  # agrees: merges
        store.add(_article("c", ("Holloway", "PERSON", "GBR", ())))  # another country: apart
        store.add(_article("d", ("Holloway", "PERSON", None, ("Archbishop",))))  # another title: apart
        store.add(_article("e", ("John Smith", "PERSON", "NGA", ()), ("Jane Smith", "PERSON", None, ())))
        store.add(_article("f", ("Smith", "PERSON", None, ())))  # two Smiths: never by surname
        store.add(_article("g", ("John Smith", "PERSON", "AUS", ())))  # a namesake of another country
        store.add(_article("h", ("John Smith", "PERSON", None, ())))  # unknown country: the first one
    jane = _actor_of(db, "a", "Jane Holloway")
    assert _actor_of(db, "b", "Holloway") == jane
    assert _actor_of(db, "c", "Holloway") != jane
    assert _actor_of(db, "d", "Holloway") != jane  # (it may join the British Holloway: nothing disagrees)
    smiths = {_actor_of(db, "e", "John Smith"), _actor_of(db, "e", "Jane Smith")}
    assert _actor_of(db, "f", "Smith") not in smiths
    assert _actor_of(db, "g", "John Smith") not in smiths
    assert _actor_of(db, "h", "John Smith") == _actor_of(db, "e", "John Smith")


def test_place_keys() -> None:
    assert (
        entity_key(Entity("e1", "U.S.", "GPE", "USA"))[0]
        == entity_key(Entity("e2", "United States", "GPE", "USA"))[0]
    )
    ohio = entity_key(Entity("e1", "Ohio", "GPE", "USA"))
    assert ohio[0] != "GPE:USA" and ohio[1] is not None and ohio[1].kind == "region"
    assert entity_key(Entity("e1", "Scotland", "GPE", "GBR"))[0] == "GPE:region:GB-SCT"
    assert (
        entity_key(Entity("e1", "White House", "GPE", "USA"))[0]
        != entity_key(Entity("e2", "Pentagon", "GPE", "USA"))[0]
    )
    assert entity_key(Entity("e1", "Russians", "NORP", "RUS"))[0] == "NORP:RUS"
    assert entity_key(Entity("e1", "Democrats", "NORP", "USA"))[0] == "NORP:democrats"
    new_york = resolve_place("New York", "USA")
    assert new_york is not None and new_york.kind == "city"  # the big city over the state
    assert resolve_place("Mississippi", "USA") is not None
    assert resolve_place("Mississippi", "USA").kind == "region"  # type: ignore[union-attr]
    kiev = resolve_place("Kiev", None)
    assert kiev is not None and kiev.country == "UKR"  # an alternate name of a large city


def test_merge_split_rename_survive_reingest(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "e.db"
    first = _article("x1", ("Bob Stone", "PERSON", None, ()), ("Robert Stone", "PERSON", None, ()))
    second = _article("x2", ("Robert Stone", "PERSON", None, ()))
    with open_store(db) as store:
        store.add(first)
        store.add(second)
    bob, robert = _actor_of(db, "x1", "Bob Stone"), _actor_of(db, "x1", "Robert Stone")
    assert main(["actor", "merge", str(robert), str(bob), "--db", str(db)]) == 0
    assert _actor_of(db, "x1", "Bob Stone") == robert
    assert (
        main(
            ["actor", "split", str(robert), "--article", "x2", "--name", "Robert Stone Jr.", "--db", str(db)]
        )
        == 0
    )
    junior = _actor_of(db, "x2", "Robert Stone")
    assert junior != robert
    assert main(["actor", "rename", str(robert), "Robert 'Bob' Stone", "--db", str(db)]) == 0
    with open_store(db) as store:  # re-ingest: delete and store both articles again
        assert store.delete("x1") and store.delete("x2")
        store.add(second)
        store.add(first)
    assert _actor_of(db, "x1", "Bob Stone") == _actor_of(db, "x1", "Robert Stone") == robert
    assert _actor_of(db, "x2", "Robert Stone") == junior
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT name FROM actors WHERE actor_id = ?", (robert,)).fetchone()[0] == (
            "Robert 'Bob' Stone"
        )
    capsys.readouterr()
    assert main(["actor", "edits", "--db", str(db)]) == 0
    assert [line.split()[2] for line in capsys.readouterr().out.splitlines()] == ["merge", "split", "rename"]
    assert main(["actor", "merge", "999", str(robert), "--db", str(db)]) == 2  # a clear error


def test_bcubed_scores() -> None:
    occ = [
        Occurrence("a", "ohio", "Ohio", 1, "Ohio"),
        Occurrence("b", "ohio", "Ohio", 1, "Ohio"),
        Occurrence("c", "united states", "United States", 1, "Ohio"),  # a wrong merge
        Occurrence("d", "united states", "United States", None, None),  # a miss
    ]
    p, r = ActorScores(occurrences=occ).bcubed()
    assert p == pytest.approx((2 / 3 + 2 / 3 + 1 / 3 + 1) / 4)
    assert r == pytest.approx((1 + 1 + 1 / 2 + 1 / 2) / 4)


def test_schema_6_relinks_places_merged_into_their_country(tmp_path: Path) -> None:
    """A store made before version 6 keyed places on their country; opening it splits them."""
    from newsgraph.records import text_sha256
    from newsgraph.store.actors import add_surnames, link_article
    from newsgraph.store.migrations import migrate
    from newsgraph.store.sqlite_rows import write_article

    db = tmp_path / "v5.db"
    conn = sqlite3.connect(db, isolation_level=None)
    migrate(conn, target=4)
    old = _article(
        "old", ("Ohio", "GPE", "USA", ()), ("United States", "GPE", "USA", ()), ("Columbus", "GPE", "USA", ())
    )
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("BEGIN")
    seq = write_article(conn, old, text_sha256(old.text), "2024-06-01T00:00:00+00:00")
    assert seq is not None
    link_article(conn, seq, old, indexed=False)  # as newsgraph at schema 4 did: one actor GPE:USA
    add_surnames(conn)
    conn.execute("INSERT INTO schema_migrations VALUES (5, 'surnames', '2024-06-01T00:00:00Z')")
    conn.execute("COMMIT")
    assert conn.execute("SELECT count(*) FROM actors").fetchone()[0] == 1
    conn.close()
    with open_store(db):
        pass
    actors = _actors(db)
    assert actors["United States"][0][3] == "country"
    assert actors["Ohio"][0][3] == "region" and actors["Columbus"][0][3:] == ("city", "Ohio")
