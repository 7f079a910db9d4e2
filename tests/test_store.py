"""The SQLite store on real files: round trips, content keys, search, migrations, readers."""

from __future__ import annotations

import hashlib
import re
import sqlite3
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from newsgraph.errors import StoreError
from newsgraph.records import Article, Entity, text_sha256
from newsgraph.store import SCHEMA_DOC, SQLiteStore, Store, fts_query, open_store
from newsgraph.store.migrations import MIGRATIONS, Migration, applied_versions, migrate, split_sql
from newsgraph.store.sqlite_rows import utc_timestamp
from tests._store_samples import busy_article, kremlin_article, plain_article


def sql(path: Path, query: str, *params: Any) -> list[tuple[Any, ...]]:
    """Run a query on a fresh connection, as an outside tool would."""
    conn = sqlite3.connect(path)
    try:
        return conn.execute(query, params).fetchall()
    finally:
        conn.close()


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "news.db"


@pytest.fixture
def store(db: Path) -> Any:
    with open_store(db) as s:
        yield s


def check_spans(a: Article) -> None:
    for e in a.entities:
        for m in e.mentions:
            assert a.text[m.start : m.end] in (e.name, *e.aliases, *e.name.split()), (e.id, m)
    for q in a.quotes:
        assert a.text[q.start : q.end] == q.text
        for part in (q.cue, q.speaker_mention, *q.fragments):
            assert part is None or a.text[part.start : part.end] == part.text


def test_sample_spans_are_correct() -> None:
    check_spans(kremlin_article())


# -- round trips and content keys -------------------------------------------------------------


def test_round_trip_is_lossless(db: Path) -> None:
    article = kremlin_article()
    bare = plain_article("bare", "Nothing happened.\n")
    with open_store(db) as store:
        assert isinstance(store, Store)
        assert store.add(article) is True
        assert store.add(bare) is True
        assert store.get(article.id) == article
    with open_store(db) as store:  # from disk, in a new connection
        key = text_sha256(article.text)
        assert store.get(key) == article
        assert store.get(key[:8]) == article
        assert store.get(key[:10].upper()) == article
        assert store.get(f"  {article.id} ") == article
        assert store.get("bare") == bare
        assert store.get("no-such-article") is None
        assert store.get(key[:5]) is None  # too short to be a prefix


def test_busy_article_round_trip(store: SQLiteStore) -> None:
    article = busy_article(1)
    store.add(article)
    assert store.get(article.id) == article


def test_re_adding_is_idempotent(store: SQLiteStore, db: Path) -> None:
    article = kremlin_article()
    assert store.add(article) is True
    children = sql(db, "SELECT (SELECT count(*) FROM quotes), (SELECT count(*) FROM mentions)")
    assert store.add(article) is False
    assert store.add_many([article, article]) == 0
    assert store.count() == 1
    assert sql(db, "SELECT (SELECT count(*) FROM quotes), (SELECT count(*) FROM mentions)") == children
    assert store.has(text_sha256(article.text))
    assert not store.has(text_sha256("other"))


def test_add_many_counts_new_articles(store: SQLiteStore) -> None:
    articles = [busy_article(i) for i in range(5)]
    assert store.add_many(a for a in articles + articles[:2]) == 5
    assert store.count() == 5
    assert [a.id for a in store.iter_articles()] == [f"busy-{i}" for i in range(5)]


def test_taken_id_is_reported_and_does_not_lose_the_batch(store: SQLiteStore) -> None:
    store.add(plain_article("a1", "First text."))
    clash = plain_article("a1", "A different text with the same id.")
    with pytest.raises(StoreError, match="already stored for a different text"):
        store.add(clash)
    failed: list[str] = []
    good = [plain_article("b1", "Second."), plain_article("b2", "Third.")]
    added = store.add_many([good[0], clash, good[1]], on_error=lambda a, e: failed.append(a.id))
    assert (added, failed, store.count()) == (2, ["a1"], 3)
    with pytest.raises(StoreError, match="1 articles were not stored"):
        store.add_many([clash, plain_article("c1", "Fourth.")])
    assert store.get("c1") is not None  # committed despite the failure


def test_failed_article_leaves_nothing_behind(store: SQLiteStore, db: Path) -> None:
    # The article row and its FTS row are written before the entity that fails (NOT NULL name).
    good = kremlin_article()
    bad = replace(good, entities=(Entity(id="e1", name=None, type="PERSON"),))  # type: ignore[arg-type]
    with pytest.raises(StoreError, match="cannot be stored"):
        store.add(bad)
    assert store.add_many([bad, plain_article("ok", "Fine.")], on_error=lambda a, e: None) == 1
    assert store.count() == 1 and store.search("Peskov") == []
    assert sql(db, "SELECT count(*) FROM quotes") == [(0,)]
    sql(db, "INSERT INTO articles_fts (articles_fts, rank) VALUES ('integrity-check', 1)")
    assert store.add(good) is True  # the failed attempts did not claim the text hash


def test_hash_prefix_lookup_and_ambiguity(store: SQLiteStore) -> None:
    first, second = _texts_sharing_a_hash_prefix(6)
    store.add(plain_article("one", first))
    store.add(plain_article("two", second))
    prefix = text_sha256(first)[:6]
    with pytest.raises(StoreError, match="more than one article"):
        store.get(prefix)
    got = store.get(text_sha256(second)[:12])
    assert got is not None and got.id == "two"


def _texts_sharing_a_hash_prefix(n: int) -> tuple[str, str]:
    seen: dict[str, str] = {}
    i = 0
    while True:
        text = f"text {i}"
        prefix = hashlib.sha256(text.encode()).hexdigest()[:n]
        if prefix in seen and text_sha256(seen[prefix])[:12] != text_sha256(text)[:12]:
            return seen[prefix], text
        seen[prefix] = text
        i += 1


def test_delete_cascades_to_children_and_search(store: SQLiteStore, db: Path) -> None:
    article = kremlin_article()
    store.add(article)
    store.add(busy_article(3))
    assert store.delete(text_sha256(article.text)[:8]) is True
    assert store.delete(article.id) is False
    assert store.get(article.id) is None
    counts = sql(
        db,
        "SELECT (SELECT count(*) FROM entities), (SELECT count(*) FROM mentions), "
        "(SELECT count(*) FROM quotes), (SELECT count(*) FROM events)",
    )
    assert counts == [(20, 60, 15, 10)]  # only the busy article's rows remain
    assert store.search("Peskov") == []
    assert sql(db, "SELECT count(*) FROM quotes_fts WHERE quotes_fts MATCH 'ultimatums'") == [(0,)]
    sql(db, "INSERT INTO articles_fts (articles_fts, rank) VALUES ('integrity-check', 1)")
    sql(db, "INSERT INTO quotes_fts (quotes_fts, rank) VALUES ('integrity-check', 1)")


def test_quotes_are_indexed_for_search(store: SQLiteStore, db: Path) -> None:
    store.add(kremlin_article())
    rows = sql(
        db,
        "SELECT q.speaker, q.idx FROM quotes_fts JOIN quotes q ON q.quote_id = quotes_fts.rowid "
        "WHERE quotes_fts MATCH 'ultimatum'",
    )
    assert rows == [("Dmitry Peskov", 3)]


# -- iteration ----------------------------------------------------------------------------------


def test_iter_articles_orders_by_utc_time_then_key(store: SQLiteStore) -> None:
    store.add(plain_article("undated", "No date."))
    store.add(plain_article("late", "Six fifty UTC.", published="2024-05-23T06:50:00+00:00"))
    store.add(plain_article("early", "Six thirty-seven UTC.", published="2024-05-23T07:37:00+01:00"))
    store.add(plain_article("prev", "Day before.", published="2024-05-22"))
    assert [a.id for a in store.iter_articles()] == ["prev", "early", "late", "undated"]
    assert [a.id for a in store.iter_articles(since="2024-05-23")] == ["early", "late"]
    assert [a.id for a in store.iter_articles(since="2024-05-23T07:45:00+01:00")] == ["late"]
    with pytest.raises(StoreError, match="ISO 8601"):
        list(store.iter_articles(since="last week"))


def test_utc_timestamp() -> None:
    assert utc_timestamp("2024-05-23T07:37:00+01:00") == "2024-05-23T06:37:00"
    assert utc_timestamp("2024-05-23T06:37:00Z") == "2024-05-23T06:37:00"
    assert utc_timestamp("2024-05-23") == "2024-05-23T00:00:00"
    assert utc_timestamp("yesterday") is None
    assert utc_timestamp(None) is None


# -- search -------------------------------------------------------------------------------------


@pytest.fixture
def searchable(store: SQLiteStore) -> SQLiteStore:
    store.add(kremlin_article())
    store.add(plain_article("p1", "Peskov's remarks angered the U.S. embassy.", title="Embassy row"))
    store.add(plain_article("p2", "A quiet day in the café. Nothing about sanctions.", title="Cafe"))
    many = "Sanctions, sanctions, sanctions: the summit on sanctions."
    store.add(plain_article("s1", many, title="Summit"))
    store.add(plain_article("s2", "Talks went on.", title="Sanctions talks"))
    return store


AWKWARD = [
    "Peskov's", "U.S.", '"unbalanced', 'un"balanced"', "NOT", "-x", "", "   ", "AND", "OR OR",
    "NEAR(", "a NEAR b", "title:foo", "(", ")", "*", "^start", "Peskov*", "''", "\\", ":", "-",
    '""', '"', "a - b", "x AND (y", "{col1 col2}: z", "¿qué?", "___", "1+1", "U.S.-Russia",
]  # fmt: skip


@pytest.mark.parametrize("query", AWKWARD)
def test_search_never_raises_on_user_input(searchable: SQLiteStore, query: str) -> None:
    hits = searchable.search(query)
    assert isinstance(hits, list)


def test_search_matches_words_as_typed(searchable: SQLiteStore) -> None:
    def ids(query: str) -> set[str]:
        return {h.id for h in searchable.search(query)}

    assert ids("Peskov's") == {"p1"}
    assert ids("U.S.") == {"p1", "kremlin-2024-05-23"}
    assert ids("peskov embassy") == {"p1"}  # all words must match
    assert ids("NOT") == {"kremlin-2024-05-23"}  # the word in "do not accept", not an operator
    assert ids("cafe") == {"p2"}  # accents folded
    assert ids("Pesk*") == {"p1", "kremlin-2024-05-23"}
    assert ids('"fanning the flames"') == {"kremlin-2024-05-23"}
    assert ids('"flames fanning"') == set()
    assert ids("") == set()


def test_search_ranks_and_marks(searchable: SQLiteStore) -> None:
    hits = searchable.search("sanctions")
    assert [h.id for h in hits] == ["s2", "s1", "p2"]  # title match, then frequency
    assert hits[0].rank > hits[1].rank > hits[2].rank
    assert "«sanctions»" in hits[1].snippet.lower()
    top = hits[0]
    assert (top.key, top.title) == (text_sha256("Talks went on."), "Sanctions talks")
    assert len(searchable.search("sanctions", limit=1)) == 1
    assert searchable.search("sanctions", limit=0) == []


def test_search_makes_snippets_for_the_rows_shown_only(searchable: SQLiteStore) -> None:
    every = searchable.search("sanctions")
    shown = searchable.search("sanctions", snippets=1)  # the CLI's rows past its page are counted only
    assert [(h.id, h.rank) for h in shown] == [(h.id, h.rank) for h in every]
    assert shown[0].snippet == every[0].snippet != ""
    assert [h.snippet for h in shown[1:]] == ["", ""] and all(h.snippet for h in every[1:])


def test_raw_search(searchable: SQLiteStore) -> None:
    assert {h.id for h in searchable.search("peskov OR summit", raw=True)} == {
        "p1",
        "s1",
        "kremlin-2024-05-23",
    }
    with pytest.raises(StoreError, match="FTS5 query syntax"):
        searchable.search('"unbalanced', raw=True)


def test_fts_query() -> None:
    assert fts_query("Peskov's claims") == '"Peskov\'s" "claims"'
    assert fts_query('say "no deal" now') == '"say" "no deal" "now"'
    assert fts_query('"unbalanced AND') == '"unbalanced" "AND"'
    assert fts_query("sanc* - * ___") == '"sanc"*'
    assert fts_query("") == ""


# -- files, modes, readers ----------------------------------------------------------------------


def test_pragmas(store: SQLiteStore, db: Path) -> None:
    assert sql(db, "PRAGMA journal_mode") == [("wal",)]
    conn = store._db
    assert conn.execute("PRAGMA foreign_keys").fetchone() == (1,)
    assert conn.execute("PRAGMA synchronous").fetchone() == (1,)  # NORMAL
    assert conn.execute("PRAGMA busy_timeout").fetchone()[0] > 0


def test_reader_sees_commits_while_writer_is_open(db: Path) -> None:
    with open_store(db) as writer:
        writer.add(plain_article("a", "First."))
        with open_store(db, readonly=True) as reader:
            assert reader.count() == 1
            writer.add(kremlin_article())
            assert reader.get("kremlin-2024-05-23") == kremlin_article()
            assert [h.id for h in reader.search("Peskov")] == ["kremlin-2024-05-23"]
            with pytest.raises(StoreError, match="read-only"):
                reader.add(plain_article("b", "Second."))
            writer.add(plain_article("c", "Third."))
            assert reader.count() == 3


def test_readers_do_not_wait_for_an_open_write(db: Path) -> None:
    with open_store(db) as writer, open_store(db, readonly=True) as reader:
        with writer._transaction():
            writer._insert(plain_article("pending", "Not committed yet."), "now")
            assert reader.count() == 0  # reads the last committed state, without blocking
        assert reader.get("pending") is not None


def test_second_writer_gets_a_clear_error(db: Path) -> None:
    with open_store(db) as first, SQLiteStore(db, timeout=0.05) as second:
        with first._transaction(), pytest.raises(StoreError, match="another process writing"):
            second.add(plain_article("late", "Second writer."))
        assert second.add(plain_article("late", "Second writer.")) is True


def test_open_errors(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="does its directory exist"):
        open_store(tmp_path / "missing" / "x.db")
    with pytest.raises(StoreError, match="no such database"):
        open_store(tmp_path / "absent.db", readonly=True)
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not a database, just some bytes" * 100)
    with pytest.raises(StoreError, match="cannot use"):
        open_store(junk)


def test_closed_store_raises_store_error(db: Path) -> None:
    store = open_store(db)
    store.close()
    store.close()  # harmless
    with pytest.raises(StoreError, match="closed"):
        store.count()


# -- migrations ---------------------------------------------------------------------------------


def test_migrates_an_empty_file(db: Path) -> None:
    db.touch()
    open_store(db).close()
    versions = [(m.version,) for m in MIGRATIONS]
    assert sql(db, "SELECT version FROM schema_migrations ORDER BY version") == versions
    assert sql(db, "PRAGMA user_version") == [versions[-1]]
    open_store(db).close()  # already current: nothing to do
    assert len(sql(db, "SELECT * FROM schema_migrations")) == len(versions)


def test_migrates_a_v1_database_and_indexes_old_rows(db: Path) -> None:
    conn = sqlite3.connect(db, isolation_level=None)
    assert migrate(conn, target=1) == [1]
    conn.execute(
        "INSERT INTO articles (text_sha256, id, schema_version, source_format, text, ingested_at) "
        "VALUES (?, 'old', 1, 'text', 'An old ceasefire story.', '2024-01-01T00:00:00+00:00')",
        (text_sha256("An old ceasefire story."),),
    )
    conn.close()
    with pytest.raises(StoreError, match="older one"):
        open_store(db, readonly=True)
    with open_store(db) as store:
        assert [h.id for h in store.search("ceasefire")] == ["old"]
        assert store.get("old") == Article(id="old", text="An old ceasefire story.")
    versions = [(m.version,) for m in MIGRATIONS]
    assert sql(db, "SELECT version FROM schema_migrations ORDER BY version") == versions


def test_custom_registry_with_callable_and_rollback(db: Path) -> None:
    def backfill(conn: sqlite3.Connection) -> None:
        conn.execute("INSERT INTO t (x) VALUES (42)")

    good = [Migration(1, "table", "CREATE TABLE t (x INTEGER);"), Migration(2, "backfill", backfill)]
    conn = sqlite3.connect(db, isolation_level=None)
    assert migrate(conn, good) == [1, 2]
    broken = [*good, Migration(3, "add y", "ALTER TABLE t ADD y;"), Migration(4, "bad", "SELEC nonsense;")]
    with pytest.raises(StoreError, match=r"migration 4 \(bad\) failed"):
        migrate(conn, broken)
    assert applied_versions(conn) == {1, 2}  # 3 rolled back with 4
    assert [r[1] for r in conn.execute("PRAGMA table_info(t)")] == ["x"]
    conn.close()


def test_newer_database_is_refused(db: Path) -> None:
    open_store(db).close()
    sql_conn = sqlite3.connect(db)
    sql_conn.execute("INSERT INTO schema_migrations VALUES (99, 'future', 'x')")
    sql_conn.commit()
    sql_conn.close()
    with pytest.raises(StoreError, match="upgrade newsgraph"):
        open_store(db)


def test_split_sql_keeps_trigger_bodies() -> None:
    script = "CREATE TABLE a (x);\nCREATE TRIGGER t AFTER INSERT ON a BEGIN\n  SELECT 1;\n  SELECT 2;\nEND;\n"
    assert len(list(split_sql(script))) == 2
    assert [m.version for m in MIGRATIONS] == sorted({m.version for m in MIGRATIONS})


def test_schema_doc_describes_every_column(store: SQLiteStore, db: Path) -> None:
    documented: dict[str, list[str]] = {}
    for section in SCHEMA_DOC.split("\n### `")[1:]:  # one section per table
        name = section.split("`")[0]
        documented[name] = re.findall(r"^\| `(\w+)` \|", section, flags=re.M)
    tables = [r[0] for r in sql(db, "SELECT name FROM sqlite_master WHERE type = 'table'")]
    tables = [t for t in tables if "_fts" not in t]
    assert sorted(tables) == sorted(documented)
    for table in tables:
        assert [r[1] for r in sql(db, f"PRAGMA table_info({table})")] == documented[table], table
