"""Duplicates: statement keys, MinHash signatures, and copies linked instead of re-analysed."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from newsgraph.cli import main
from newsgraph.dedup import MATCH_THRESHOLD, normalize_statement, signature, similarity, statement_hash

WIRE = (
    "The foreign ministers of two neighbouring states signed a treaty on Thursday that ends a decade of "
    "disputes over the river that marks their shared border.\n\n"
    '"This is a good day for both our peoples," said Foreign Minister Ana Ruiz after the ceremony in '
    "the capital.\n\n"
    "The agreement covers water sharing, fishing rights and the dredging of the shared channel, which "
    "has silted up in recent years and stopped most cargo traffic during the dry season.\n\n"
    "Engineers from both countries will form a joint commission to plan the work, and the first contracts "
    "are expected to be awarded before the end of the year, officials said.\n\n"
    "Farmers on both banks have long complained that upstream dams took too much water in summer, and "
    "several protests ended in arrests last year.\n\n"
    "Parliament in each country still has to ratify the treaty, and opposition parties said they would "
    "ask for a public debate before the vote next month."
)
SYNDICATED = WIRE.replace(
    "and opposition parties said they would ask for a public debate before the vote next month.",
    "a step expected in the spring, according to the government's spokesperson.",
)
OTHER = (
    "Dock workers at the country's largest port ended a nine-day strike on Friday after their unions "
    "accepted a new pay offer from the port authority. Hundreds of ships had waited offshore while the "
    "strike lasted, and exporters said the delays had cost them millions. The agreement raises wages by "
    "six percent this year and four percent next year, and it adds two paid rest days a month. "
    '"The workers have won a fair deal," said union leader Tomas Berg.'
)


def test_statement_keys_fold_outlet_differences() -> None:
    assert normalize_statement("“We’re ready — now.”") == normalize_statement('"We\'re  ready - now"')
    assert normalize_statement("This is a good day") != normalize_statement("This was a good day")


def test_signatures_tell_copies_from_other_stories() -> None:
    a, b, c = signature(WIRE), signature(SYNDICATED), signature(OTHER)
    assert a is not None and b is not None and c is not None
    assert similarity(a, b) >= MATCH_THRESHOLD
    assert similarity(a, c) < 0.2
    assert signature("Too short to compare.") is None


def _jsonl(path: Path, rows: list[dict[str, str]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def _sql(db: Path, query: str) -> list[tuple[object, ...]]:
    with sqlite3.connect(db) as conn:
        return conn.execute(query).fetchall()


def test_copies_are_linked_not_analysed_and_statements_count_sources(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "d.db"
    first = _jsonl(
        tmp_path / "day1.jsonl",
        [
            {
                "id": "wire",
                "text": WIRE,
                "url": "https://wire.example/1",
                "outlet": "Wire",
                "published": "2024-03-07T10:00:00+00:00",
            },
            {"id": "port", "text": OTHER, "url": "https://port.example/1", "outlet": "Port News"},
            {
                "id": "synd",
                "text": SYNDICATED,
                "url": "https://daily.example/1",
                "outlet": "Daily",
                "published": "2024-03-08T09:00:00+00:00",
            },
        ],
    )
    assert main(["ingest", str(first), "--db", str(db), "--workers", "1"]) == 0
    out = capsys.readouterr().out
    assert "2 added, 0 already stored, 0 failed; 1 copies linked to stored articles (0 exact, 1 near" in out
    assert f"{first}:3  (near duplicate of stored article #1)" in out

    second = _jsonl(
        tmp_path / "day2.jsonl",
        [
            {
                "id": "again",
                "text": WIRE,
                "url": "https://weekly.example/9",
                "outlet": "Weekly",
                "published": "2024-03-10T08:00:00+00:00",
            }
        ],
    )
    assert main(["ingest", str(second), "--db", str(db), "--workers", "1", "--quiet"]) == 0
    assert "0 added, 0 already stored, 0 failed; 1 copies linked to stored articles (1 exact, 0 near" in (
        capsys.readouterr().out
    )
    assert _sql(db, "SELECT count(*) FROM articles") == [(2,)]
    relations = _sql(db, "SELECT source, relation FROM article_sources ORDER BY source")
    assert relations == [
        ("https://daily.example/1", "near"),
        ("https://port.example/1", "original"),
        ("https://weekly.example/9", "exact"),
        ("https://wire.example/1", "original"),
    ]
    rows = _sql(
        db,
        "SELECT text, speaker, articles, outlets, first_reported, last_reported FROM statements "
        f"WHERE statement_key = {statement_hash('this is a good day for both our peoples')}",
    )
    assert rows == [
        (
            "This is a good day for both our peoples,",
            "Ana Ruiz",
            3,
            3,
            "2024-03-07T10:00:00",
            "2024-03-10T08:00:00",
        )
    ]

    assert main(["ingest", str(first), str(second), "--db", str(db), "--workers", "1", "--quiet"]) == 0
    assert "0 added, 4 already stored, 0 failed; 0 copies" in capsys.readouterr().out


def test_deleting_the_canonical_removes_its_copies(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from newsgraph.store import open_store

    db = tmp_path / "d.db"
    rows = [
        {"id": "w", "text": WIRE, "url": "https://a.example/1"},
        {"id": "s", "text": SYNDICATED, "url": "https://b.example/1"},
    ]
    main(["ingest", str(_jsonl(tmp_path / "x.jsonl", rows)), "--db", str(db), "--workers", "1", "--quiet"])
    capsys.readouterr()
    with open_store(db) as store:
        assert store.delete("w")
    for table in ("article_sources", "dedup_signatures", "dedup_bands", "statement_keys"):
        assert _sql(db, f"SELECT count(*) FROM {table}") == [(0,)], table


def test_lsh_bands_are_what_datasketch_finds_optimal() -> None:
    _optimal_param = pytest.importorskip("datasketch.lsh")._optimal_param

    from newsgraph.dedup import LSH_BANDS_ROWS, LSH_THRESHOLD, NUM_PERM

    assert tuple(int(v) for v in _optimal_param(LSH_THRESHOLD, NUM_PERM, 0.5, 0.5)) == LSH_BANDS_ROWS


def test_signatures_are_datasketchs_bit_for_bit() -> None:
    # newsgraph computes datasketch's MinHash itself (its import pulls in scipy); stored
    # signatures must not depend on which of the two computed them.
    import numpy as np

    MinHash = pytest.importorskip("datasketch").MinHash

    from newsgraph.dedup import NUM_PERM, _hash32, _shingles

    words = [f"w{i % 97}x{i % 13}" for i in range(6000)]  # more shingles than one numpy block
    for text in (" ".join(words[:60]), " ".join(words), "The council met on Monday. " * 30):
        ours = signature(text)
        assert ours is not None
        reference = MinHash(num_perm=NUM_PERM, seed=1, hashfunc=_hash32)
        reference.update_batch(_shingles(text))
        assert np.array_equal(ours, reference.hashvalues.astype(np.uint32))
