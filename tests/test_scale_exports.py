"""Parquet and GDELT exports, DuckDB over the Parquet dataset, and bounded memory while streaming.

The GDELT export is read back the way a GDELT user reads GDELT's own files: tab-separated, no
header, the 61 column names of the GDELT 2.0 Event codebook (typed out here from the codebook,
not imported from newsgraph, so a wrong order or a missing column fails the test).
"""

from __future__ import annotations

import csv
import json
import re
import tracemalloc
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest

from newsgraph.cli import main
from newsgraph.core import analyze_many
from newsgraph.distributed.load import load_dataset
from newsgraph.exports import export_parquet
from newsgraph.gdelt import write_gdelt_events
from newsgraph.ingest.base import RawDocument
from newsgraph.parquet import read_articles
from newsgraph.records import Article, Entity, Event, Span
from newsgraph.settings import Settings
from newsgraph.store import open_store

from .conftest import require_shared

# GDELT 2.0 Event Codebook (V2.0, 2015), the table's fields in order.
CODEBOOK = """
GLOBALEVENTID SQLDATE MonthYear Year FractionDate
Actor1Code Actor1Name Actor1CountryCode Actor1KnownGroupCode Actor1EthnicCode Actor1Religion1Code
Actor1Religion2Code Actor1Type1Code Actor1Type2Code Actor1Type3Code
Actor2Code Actor2Name Actor2CountryCode Actor2KnownGroupCode Actor2EthnicCode Actor2Religion1Code
Actor2Religion2Code Actor2Type1Code Actor2Type2Code Actor2Type3Code
IsRootEvent EventCode EventBaseCode EventRootCode QuadClass GoldsteinScale NumMentions NumSources
NumArticles AvgTone
Actor1Geo_Type Actor1Geo_FullName Actor1Geo_CountryCode Actor1Geo_ADM1Code Actor1Geo_ADM2Code
Actor1Geo_Lat Actor1Geo_Long Actor1Geo_FeatureID
Actor2Geo_Type Actor2Geo_FullName Actor2Geo_CountryCode Actor2Geo_ADM1Code Actor2Geo_ADM2Code
Actor2Geo_Lat Actor2Geo_Long Actor2Geo_FeatureID
ActionGeo_Type ActionGeo_FullName ActionGeo_CountryCode ActionGeo_ADM1Code ActionGeo_ADM2Code
ActionGeo_Lat ActionGeo_Long ActionGeo_FeatureID
DATEADDED SOURCEURL
""".split()  # noqa: SIM905 (the codebook's lines, as printed)
# How a GDELT loader types the numeric columns (the rest are strings).
TYPES = {
    "GLOBALEVENTID": "BIGINT", "SQLDATE": "INTEGER", "MonthYear": "INTEGER", "Year": "INTEGER",
    "FractionDate": "DOUBLE", "IsRootEvent": "INTEGER", "QuadClass": "INTEGER", "GoldsteinScale": "DOUBLE",
    "NumMentions": "INTEGER", "NumSources": "INTEGER", "NumArticles": "INTEGER", "AvgTone": "DOUBLE",
    "DATEADDED": "BIGINT",
}  # fmt: skip
QUAD_OF_ROOT = {**dict.fromkeys(range(1, 6), 1), **dict.fromkeys(range(6, 9), 2),
                **dict.fromkeys(range(9, 14), 3), **dict.fromkeys(range(14, 21), 4)}  # fmt: skip


@pytest.fixture(scope="module")
def gold_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The dev gold articles analysed into a store, with their URL and date."""
    folder = require_shared("gold", "dev")
    docs = []
    for path in sorted(folder.glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        src = gold.get("source") or {}
        meta = {k: v for k, v in (("published", src.get("date")), ("title", src.get("title"))) if v}
        docs.append(RawDocument(data=gold["text"], format="text", url=src.get("url"), metadata=meta))
    db = tmp_path_factory.mktemp("gold") / "gold.db"
    with open_store(db) as store:
        for outcome in analyze_many(docs, Settings.from_env()):
            assert outcome.article is not None, outcome.error
            store.add(outcome.article)
    return db


def test_gdelt_export_of_the_gold_articles_reads_back_with_the_codebook_columns(
    gold_db: Path, tmp_path: Path
) -> None:
    out = tmp_path / "events.export.tsv"
    assert main(["export", "--format", "gdelt-events", "--db", str(gold_db), "--output", str(out)]) == 0
    with open_store(gold_db, readonly=True) as store:
        articles = list(store.iter_articles())
    events = [(a, e) for a in articles for e in a.events]
    assert len(events) >= 20
    with out.open(encoding="utf-8", newline="") as fh:
        rows = [
            dict(zip(CODEBOOK, r, strict=True))
            for r in csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)
        ]
    assert len(rows) == len(events)
    by_url = Counter(a.source.url or "" for a, _ in events)  # one gold text has no URL
    assert Counter(r["SOURCEURL"] for r in rows) == by_url
    assert len({r["GLOBALEVENTID"] for r in rows}) == len(rows)
    published = {a.source.url or "": a.published for a in articles}
    assert len(published) == len(articles)
    for row in rows:
        assert re.fullmatch(r"\d{2,3}[0-9]?", row["EventCode"]), row["EventCode"]
        assert row["EventRootCode"] == row["EventCode"][:2]
        assert row["EventBaseCode"] == row["EventCode"][:3]
        assert int(row["QuadClass"]) == QUAD_OF_ROOT[int(row["EventRootCode"])]
        assert -10 <= float(row["GoldsteinScale"]) <= 10
        assert int(row["NumArticles"]) >= 1 and int(row["NumSources"]) >= 1
        assert row["SQLDATE"] == (published[row["SOURCEURL"]] or "")[:10].replace("-", "")
        assert row["MonthYear"] == row["SQLDATE"][:6] and row["Year"] == row["SQLDATE"][:4]
        assert re.fullmatch(r"\d{14}", row["DATEADDED"])
        assert row["IsRootEvent"] in ("0", "1") and row["AvgTone"] == "" and row["ActionGeo_Lat"] == ""
    assert any(r["Actor1CountryCode"] for r in rows) and any(r["Actor1Name"] for r in rows)
    ours = Counter(e.cameo for _, e in events)
    assert Counter(r["EventCode"] for r in rows) == ours
    # and a typed GDELT loader (DuckDB with the codebook's names and types) parses every row
    columns = {name: TYPES.get(name, "VARCHAR") for name in CODEBOOK}
    rel = duckdb.sql(
        f"SELECT count(*), min(SQLDATE), max(abs(GoldsteinScale)) FROM read_csv('{out}', delim='\\t', "
        f"header=false, quote='', columns={columns!r})"
    )
    count, first_day, most = rel.fetchall()[0]
    assert count == len(rows) and first_day >= 19000101 and most <= 10


def _readme_queries() -> dict[str, str]:
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    found = re.findall(r"-- duckdb: ([^\n]+)\n(.*?)(?:\n```|\n\n)", readme, flags=re.S)
    return {title.strip(): sql for title, sql in found}


def test_parquet_export_loads_back_and_the_readme_duckdb_queries_run(gold_db: Path, tmp_path: Path) -> None:
    dataset = tmp_path / "dataset"
    assert main(["export", "--format", "parquet", "--db", str(gold_db), "--output", str(dataset)]) == 0
    with open_store(gold_db, readonly=True) as store:
        articles = {a.text_sha256: a.to_dict() for a in store.iter_articles()}
    assert {a.text_sha256: a.to_dict() for a in read_articles(str(dataset))} == articles
    with open_store(tmp_path / "copy.db") as store:
        assert load_dataset(str(dataset), store).statuses["added"] == len(articles)
    con0 = duckdb.connect()
    actors = con0.sql(f"SELECT count(*) FROM '{dataset}/actors/*.parquet'").fetchall()[0][0]
    linked = con0.sql(
        f"SELECT count(*) FROM '{dataset}/quotes/*.parquet' WHERE actor_id IS NOT NULL"
    ).fetchall()[0][0]
    assert actors > 10 and linked > 0  # the store's actors table, and each row's actor, as in CSV/JSONL
    queries = _readme_queries()
    assert set(queries) == {"statements by speaker per month", "event dyads", "most-quoted people"}
    quotes = [q for a in articles.values() for q in a["quotes"]]
    con = duckdb.connect()
    con.execute(f"SET file_search_path = '{dataset}'")
    by_month = con.sql(queries["statements by speaker per month"]).fetchall()
    expected_months = Counter(
        (q["speaker"], (a["published"] or "")[:7] or None)
        for a in articles.values() for q in a["quotes"] if q["speaker"]
    )  # fmt: skip
    assert {(s, m): n for s, m, n in by_month} == dict(expected_months)
    dyads = con.sql(queries["event dyads"]).fetchall()
    expected_dyads = Counter(
        (e["source_country"], e["target_country"], e["plover"])
        for a in articles.values()
        for e in a["events"]
    )
    assert {(s, t, p): n for s, t, p, n in dyads} == dict(expected_dyads)
    top = con.sql(queries["most-quoted people"]).fetchall()
    speakers = Counter(q["speaker"] for q in quotes if q["speaker"])
    assert top and top[0][1] == speakers.most_common(1)[0][1]
    assert {s: n for s, n, _ in top}.items() <= speakers.items()


def _synthetic(n: int) -> Iterator[Article]:
    for i in range(n):
        text = f"Minister {i} accused the neighbours of shelling the border town. " * 3
        yield Article(
            id=f"a{i}",
            text=text,
            published="2024-05-23",
            entities=(Entity("e1", f"Minister {i}", "PERSON", country="USA", actor_code="USAGOV"),),
            events=(Event(source=f"Minister {i}", plover="ACCUSE", cameo="112", evidence=Span(0, 40),
                          source_entity="e1", source_country="USA", quad_class=3, goldstein=-2.0),),
        )  # fmt: skip


class _Sink:
    def write(self, text: str) -> int:
        return len(text)


def _peak(fn: object, n: int) -> int:
    tracemalloc.start()
    fn(n)  # type: ignore[operator]
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak


@pytest.mark.parametrize("fmt", ["gdelt-events", "parquet"])
def test_exports_stream_in_bounded_memory(fmt: str, tmp_path: Path) -> None:
    def gdelt(n: int) -> None:
        write_gdelt_events(_synthetic(n), _Sink(), lambda a, e: (1, 1, 1), lambda a: "20240523000000")  # type: ignore[arg-type]

    def parquet(n: int) -> None:
        export_parquet(_synthetic(n), str(tmp_path / f"ds{n}"))

    fn = gdelt if fmt == "gdelt-events" else parquet
    small, large = _peak(fn, 1_000), _peak(fn, 10_000)
    assert large < small * 1.5 + 2_000_000, (small, large)  # ten times the rows, not ten times the memory
