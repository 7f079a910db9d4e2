"""The batch engine: worker processes give the same records as one process, in input order, and
an ingest killed with SIGKILL at any moment loses nothing committed and resumes exactly."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from newsgraph.ingest.progress import Progress, reason_category

WORDS = ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india", "juliet", "kilo"]


def corpus(folder: Path, n: int) -> Path:
    """``n`` short, distinct plain-text articles."""
    folder.mkdir()
    for i in range(n):
        w1, w2 = WORDS[i % len(WORDS)], WORDS[(i * 5 + 3) % len(WORDS)]
        (folder / f"{i:03d}.txt").write_text(
            f"Council vote number {i} on the {w1} plan\n\n"
            f"The city council of {w2.title()}ville voted {i} to {i + 3} on Monday "
            f"to approve the {w1} plan.\n\n"
            f'"We listened to every resident," said Mayor {w1.title()} {w2.title()}.\n',
            encoding="utf-8",
        )
    return folder


def newsgraph(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "newsgraph", *args],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, **(env or {})},
        timeout=120,
    )


def test_workers_give_the_same_records_in_input_order(tmp_path: Path) -> None:
    # 20 one-article chunks for 2 workers: more than the ordered window holds (runner.py),
    # so chunks finish out of order, wait in the window, and the head blocks when it is full.
    folder = corpus(tmp_path / "c", 20)
    one = newsgraph("analyze", str(folder), "--workers", "1", "--batch-size", "20", "--no-progress")
    two = newsgraph("analyze", str(folder), "--workers", "2", "--batch-size", "1", "--no-progress")
    assert one.returncode == 0 and two.returncode == 0, two.stderr
    assert len(one.stdout.splitlines()) == 20
    assert two.stdout == one.stdout


def _count(db: Path) -> int:
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1) as conn:
            return int(conn.execute("SELECT count(*) FROM articles").fetchone()[0])
    except sqlite3.Error:
        return 0


def test_sigkill_midway_then_rerun_stores_every_article_exactly_once(tmp_path: Path) -> None:
    n = 24
    folder = corpus(tmp_path / "c", n)
    db = tmp_path / "k.db"
    args = [sys.executable, "-m", "newsgraph", "ingest", str(folder), "--db", str(db), "--quiet"]
    args += ["--workers", "1", "--batch-size", "2", "--no-progress"]
    proc = subprocess.Popen(
        args,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env={**os.environ, "NEWSGRAPH_DEBUG_DELAY": "0.15"},
    )
    try:
        deadline = time.monotonic() + 60
        while _count(db) < 4 and time.monotonic() < deadline and proc.poll() is None:
            time.sleep(0.05)
        assert proc.poll() is None, "the ingest finished before it could be killed"
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.wait()
    committed = _count(db)
    assert 4 <= committed < n
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert conn.execute(
            "SELECT count(*) FROM articles a WHERE NOT EXISTS "
            "(SELECT 1 FROM article_sources s WHERE s.article_seq = a.seq)"
        ).fetchone() == (0,)
        assert conn.execute(
            "SELECT count(*) FROM quotes q "
            "WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.seq = q.article_seq)"
        ).fetchone() == (0,)

    rerun = newsgraph("ingest", str(folder), "--db", str(db), "--quiet", "--workers", "1", "--no-progress")
    assert rerun.returncode == 0, rerun.stderr
    assert f"{n - committed} added, {committed} already stored, 0 failed" in rerun.stdout
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*), count(DISTINCT text_sha256) FROM articles").fetchone() == (n, n)
        paths = [r[0] for r in conn.execute("SELECT source_path FROM articles ORDER BY source_path")]
        assert paths == sorted(str(p) for p in folder.iterdir())
        assert conn.execute("SELECT count(*) FROM article_sources").fetchone() == (n,)


def test_progress_lines_and_reason_categories() -> None:
    import io

    stream = io.StringIO()
    progress = Progress(10, stream=stream, mode="lines", interval=0)
    progress.update(5, 1)
    assert stream.getvalue().startswith("progress: 5/10 inputs")  # the ETA: test_runner_signals.py
    assert reason_category("timed out after 0.5 s (gave up after 3 attempts)") == "timed out after N s"
    assert reason_category("HTTP 404 Not Found") == "HTTP 404 Not Found"
