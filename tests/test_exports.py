"""Exports: JSONL round trips, CSV headers and rows, one file per kind."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from newsgraph.errors import InputError
from newsgraph.exports import (
    COLUMNS,
    KINDS,
    ROW_FUNCTIONS,
    csv_cell,
    export,
    export_dir,
    json_line,
    read_jsonl,
    write_csv,
    write_jsonl,
)
from newsgraph.records import Article, text_sha256
from newsgraph.store import open_store
from tests._store_samples import busy_article, kremlin_article, plain_article


def articles() -> list[Article]:
    return [kremlin_article(), plain_article("bare", "Line one\u2028line two.\n"), busy_article(7)]


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def test_row_functions_match_declared_columns() -> None:
    for kind in KINDS:
        names = [c.name for c in COLUMNS[kind]]
        assert len(names) == len(set(names)), kind
        for article in articles():
            for row in ROW_FUNCTIONS[kind](article):
                assert list(row) == names, kind


def test_jsonl_articles_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "articles.jsonl"
    with path.open("w", encoding="utf-8", newline="\n") as f:
        assert write_jsonl(articles(), f) == 3
    lines = path.read_text(encoding="utf-8").splitlines()  # splitlines breaks on U+2028 too
    assert len(lines) == 3
    assert [Article.from_dict(json.loads(line)) for line in lines] == articles()
    assert list(read_jsonl(path)) == articles()


def test_export_from_a_store_round_trips(tmp_path: Path) -> None:
    with open_store(tmp_path / "news.db") as store:
        store.add_many(articles())
        buf = io.StringIO()
        assert export(store, "jsonl", "articles", buf) == 3
        table = io.StringIO(newline="")
        assert export(store, "csv", "events", table) == 13
    buf.seek(0)
    assert sorted(read_jsonl(buf), key=lambda a: a.id) == sorted(articles(), key=lambda a: a.id)
    table.seek(0)
    assert len(list(csv.DictReader(table))) == 13


def test_read_jsonl_names_the_bad_line() -> None:
    good = json_line(plain_article("a", "Text.").to_dict())
    with pytest.raises(InputError, match="<stream>:3"):
        list(read_jsonl(io.StringIO(good + "\n" + '{"id": "no text"}\n')))


def test_flat_jsonl_rows() -> None:
    buf = io.StringIO()
    assert write_jsonl([kremlin_article()], buf, "quotes") == 5
    rows = [json.loads(line) for line in buf.getvalue().splitlines()]
    assert rows[3]["fragments"] == [list(f) for f in _fragment_spans()]
    assert rows[2]["continues"] == 1 and rows[2]["speaker_mention"] == "he"


def _fragment_spans() -> list[tuple[int, int]]:
    return [(f.start, f.end) for f in kremlin_article().quotes[3].fragments]


def test_csv_quotes(tmp_path: Path) -> None:
    counts = export_dir(articles(), tmp_path, "csv")
    assert counts == {"articles": 3, "entities": 24, "quotes": 20, "events": 13}
    rows = read_csv(tmp_path / "quotes.csv")
    assert list(rows[0])[:12] == [
        "article_id", "published", "outlet", "title", "quote", "type", "speaker", "speaker_entity",
        "text", "start", "end", "cue",
    ]  # fmt: skip
    first = rows[0]
    a = kremlin_article()
    q = a.quotes[0]
    assert first["article_id"] == a.id and first["published"] == a.published
    assert (first["quote"], first["type"], first["speaker"]) == ("0", "partial", "Dmitry Peskov")
    assert (first["text"], first["start"], first["end"]) == (q.text, str(q.start), str(q.end))
    assert first["cue"] == "accused" and first["speaker_mention"] == "" and first["continues"] == ""
    assert rows[3]["fragments"] == "; ".join(f"{s}-{e}" for s, e in _fragment_spans())


def test_csv_entities_events_articles(tmp_path: Path) -> None:
    export_dir(articles(), tmp_path, "csv")
    entities = read_csv(tmp_path / "entities.csv")
    peskov = entities[0]
    assert (peskov["entity"], peskov["name"], peskov["country"]) == ("e1", "Dmitry Peskov", "RUS")
    assert peskov["aliases"] == "Peskov; he" and peskov["mention_count"] == "4"
    events = read_csv(tmp_path / "events.csv")
    assert events[0]["evidence"] == "accused the United States"
    assert (events[0]["cameo"], events[0]["goldstein"], events[0]["quote"]) == ("112", "-2.0", "0")
    assert events[2]["source"] == ""
    arts = read_csv(tmp_path / "articles.csv")
    assert [r["article_id"] for r in arts] == ["kremlin-2024-05-23", "bare", "busy-7"]
    assert arts[0]["text"] == kremlin_article().text  # newlines survive CSV quoting
    assert arts[0]["text_sha256"] == text_sha256(kremlin_article().text)
    assert arts[0]["authors"] == "Jane Roe; John Doe" and arts[0]["quotes"] == "5"


def test_csv_of_nothing_has_headers(tmp_path: Path) -> None:
    buf = io.StringIO(newline="")
    assert write_csv([], buf, "events") == 0
    assert buf.getvalue().strip().split(",") == [c.name for c in COLUMNS["events"]]


def test_export_jsonl_files_and_kinds(tmp_path: Path) -> None:
    counts = export_dir(articles(), tmp_path / "out", "jsonl", kinds=["quotes", "articles"])
    assert counts == {"quotes": 20, "articles": 3}
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["articles.jsonl", "quotes.jsonl"]
    assert list(read_jsonl(tmp_path / "out" / "articles.jsonl")) == articles()


def test_bad_kind_or_format(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="unknown export kind"):
        write_csv([], io.StringIO(), "speakers")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="unknown export format"):
        export_dir([], tmp_path / "out", "xml")  # type: ignore[arg-type]
    assert not (tmp_path / "out").exists()  # checked before anything is created


def test_cells_and_lines() -> None:
    assert csv_cell(None) == "" and csv_cell(3) == 3 and csv_cell(("a", "b")) == "a; b"
    assert csv_cell(((1, 2), (5, 9))) == "1-2; 5-9"
    assert json_line({"t": "a\u2028b\u0085c"}) == '{"t":"a\\u2028b\\u0085c"}\n'


@pytest.mark.parametrize("text", ['=HYPERLINK("http://x")', "+1+2", "-2+3", "@SUM(A1)", "\tx"])
def test_csv_cells_that_a_spreadsheet_would_run_are_neutralised(text: str) -> None:
    from newsgraph.exports import csv_cell

    assert csv_cell(text) == "'" + text
    assert csv_cell("plain words") == "plain words"
    assert csv_cell(-3) == -3


def test_rows_carry_actor_identity_from_the_store(tmp_path: Path) -> None:
    """Entity, quote and event rows name the actor behind them, in every format; `--table actors`."""
    with open_store(tmp_path / "n.db") as store:
        store.add(kremlin_article())
        for fmt in ("jsonl", "csv"):
            rows: dict[str, list[dict[str, object]]] = {}
            for kind in ("entities", "quotes", "events", "actors"):
                out = io.StringIO()
                export(store, fmt, kind, out)  # type: ignore[arg-type]
                out.seek(0)
                if fmt == "csv":
                    rows[kind] = list(csv.DictReader(out))
                else:
                    rows[kind] = [json.loads(line) for line in out]
            actors = {str(r["name"]): r for r in rows["actors"]}
            peskov = actors["Dmitry Peskov"]
            assert peskov["type"] == "PERSON" and peskov["country"] == "RUS", fmt
            entity = next(r for r in rows["entities"] if r["name"] == "Dmitry Peskov")
            assert (
                str(entity["actor_id"]) == str(peskov["actor_id"]) and entity["actor_name"] == "Dmitry Peskov"
            )
            assert entity["actor_type"] == "PERSON" and entity["actor_country"] == "RUS"
            assert entity["article_id"] == kremlin_article().id
            spoken = [r for r in rows["quotes"] if r["speaker_entity"] == "e1"]
            assert spoken and all(str(r["actor_id"]) == str(peskov["actor_id"]) for r in spoken)
            accuse = next(r for r in rows["events"] if r["plover"] == "ACCUSE")
            assert str(accuse["source_actor_id"]) == str(peskov["actor_id"])
            assert accuse["target_actor_name"] == "United States" and accuse["target_actor_country"] == "USA"
            usa = actors["United States"]
            assert usa["place_kind"] == "country" and float(str(usa["latitude"])) > 20, fmt


def test_actors_table_needs_a_store() -> None:
    with pytest.raises(ValueError, match="database"):
        export([kremlin_article()], "jsonl", "actors", io.StringIO())
