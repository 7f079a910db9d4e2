"""The ingest writer indexes full text once per transaction, before its COMMIT, and a SIGKILL
mid-batch leaves no article without its FTS rows and no FTS row without its article.

The FTS tables use external content, so ``SELECT rowid FROM articles_fts`` would read the
articles table itself; the check reads the index's own per-document table (``*_docsize``, one
row per indexed document) and runs FTS5's integrity check against the content table.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from newsgraph.ingest import writer as writer_module
from newsgraph.ingest.worker import WorkResult
from newsgraph.ingest.writer import Writer
from newsgraph.records import text_sha256
from newsgraph.store import open_store
from newsgraph.store.ingest_state import SourceRow
from tests._random_articles import random_article

REPO = Path(__file__).resolve().parents[1]


def result(rng: random.Random, n: int) -> WorkResult:
    article = random_article(rng, n)
    return WorkResult(
        label=f"in-{n}",
        status="article",
        article=article,
        source=SourceRow(source=f"test:{n}", text_sha256=text_sha256(article.text)),
    )


def assert_fts_matches_content(conn: sqlite3.Connection) -> None:
    """Every article and quote has exactly its FTS rows, and there are no others."""
    seqs = {r[0] for r in conn.execute("SELECT seq FROM articles")}
    indexed = {r[0] for r in conn.execute("SELECT id FROM articles_fts_docsize")}
    assert indexed == seqs
    quotes = {r[0] for r in conn.execute("SELECT quote_id FROM quotes")}
    assert {r[0] for r in conn.execute("SELECT id FROM quotes_fts_docsize")} == quotes
    for table in ("articles_fts", "quotes_fts"):  # raises when the index and the content differ
        conn.execute(f"INSERT INTO {table} ({table}, rank) VALUES ('integrity-check', 1)")
    for (n,) in conn.execute("SELECT CAST(substr(id, 2) AS INTEGER) FROM articles").fetchall():
        hits = conn.execute("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?", (f"unique{n}",))
        assert hits.fetchone()[0] == 1


def test_the_writer_indexes_a_transaction_once_before_its_commit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(writer_module, "COMMIT_SECONDS", 3600.0)  # one transaction, however slow
    rng = random.Random(3)
    with open_store(tmp_path / "w.db") as store, Writer(store, near_dups=False) as writer:
        statuses = [writer.write(result(rng, n))[0] for n in range(30)]
        bad = WorkResult(label="bad", status="article", article=None, source=SourceRow("x", "y"))
        assert writer.write(bad)[0] == "failed"  # rolled back alone: no row, no FTS row
        assert writer.uncommitted == 30
        conn = store.connection
        assert conn.in_transaction
        # Before the commit the batch's articles are stored but not yet in the index ...
        assert conn.execute("SELECT count(*) FROM articles_fts_docsize").fetchone()[0] == 0
        writer.commit()
        # ... and the commit indexed all of them, in the same transaction.
        assert not conn.in_transaction
        assert statuses == ["added"] * 30
        assert_fts_matches_content(conn)


_CHILD = """
import random, sys, time
from newsgraph.ingest import writer as writer_module
from newsgraph.store import open_store
from tests.test_writer_fts import result
writer_module.COMMIT_EVERY = 40
writer_module.COMMIT_SECONDS = 3600.0
rng = random.Random(int(sys.argv[2]))
hold = sys.argv[3] == "hold"
with open_store(sys.argv[1]) as store, writer_module.Writer(store, near_dups=False) as writer:
    n = int(sys.argv[2]) * 100000
    while True:
        writer.write(result(rng, n))
        n += 1
        if hold and writer.uncommitted == 25 and store.count() >= 80:
            print("mid-batch", flush=True)  # 25 inputs written, not committed: wait for the kill
            time.sleep(60)
"""


def _child(db: Path, seed: int, mode: str) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": f"{REPO / 'src'}{os.pathsep}{REPO}"}
    return subprocess.Popen(
        [sys.executable, "-c", _CHILD, str(db), str(seed), mode],
        cwd=REPO,
        env=env,
        stdout=subprocess.PIPE,
        text=True,
    )


def test_a_sigkill_mid_batch_keeps_articles_and_fts_rows_together(tmp_path: Path) -> None:
    db = tmp_path / "killed.db"
    # 1: killed while a batch is written but not committed (articles in, FTS rows not yet).
    child = _child(db, 1, "hold")
    try:
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "mid-batch"
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait()
    with sqlite3.connect(db) as conn:
        stored = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        assert stored == 80  # two committed batches of 40; the open one is gone whole
        assert_fts_matches_content(conn)
    # 2: killed at random moments while writing continuously, on top of the first run.
    for seed in (2, 3):
        child = _child(db, seed, "run")
        time.sleep(random.Random(seed).uniform(1.5, 3.0))
        child.send_signal(signal.SIGKILL)
        child.wait()
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] >= 80
        assert_fts_matches_content(conn)
