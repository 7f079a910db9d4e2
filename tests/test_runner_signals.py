"""An ingest killed or interrupted (issue 15, items 3, 4 and 15): what it printed as added is
stored, its workers do not outlive it, Ctrl-C stops it at once; and its progress display.

The process tests start real worker processes (``--workers 2``) and slow them down with
``NEWSGRAPH_DEBUG_DELAY``; they poll for what they wait for, with generous deadlines, so that a
loaded machine makes them slower, not flaky.
"""

from __future__ import annotations

import io
import os
import re
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from newsgraph.ingest.progress import Progress
from newsgraph.runner import RunOptions, run
from newsgraph.settings import Settings

from .test_runner import corpus

NEW_LINE = re.compile(r"^\[(?P<id>[0-9a-f]+)\] .*\(new\)$")
LINUX = sys.platform.startswith("linux")


def _descendants(pid: int) -> set[int]:
    """Every live process below ``pid`` (Linux /proc)."""
    parents: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as fh:
                    stat = fh.read()
            except OSError:
                continue
            parents[int(entry)] = int(stat.rsplit(")", 1)[1].split()[1])
    found: set[int] = set()
    frontier = {pid}
    while frontier:
        frontier = {child for child, parent in parents.items() if parent in frontier} - found
        found |= frontier
    return found


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as fh:
            return fh.read().rsplit(")", 1)[1].split()[0] != "Z"  # a zombie has exited
    except OSError:
        return False


def _wait_until_gone(pids: set[int], seconds: float) -> set[int]:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        alive = {pid for pid in pids if _alive(pid)}
        if not alive:
            return alive
        time.sleep(0.2)
    return {pid for pid in pids if _alive(pid)}


@dataclass
class Lines:
    """Standard output lines of a process with the time each was read."""

    seen: list[tuple[float, str]] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def follow(self, stream: io.TextIOBase) -> None:
        for line in stream:
            with self.lock:
                self.seen.append((time.monotonic(), line.rstrip("\n")))

    def added(self) -> list[tuple[float, str]]:
        with self.lock:
            return [(t, m["id"]) for t, line in self.seen if (m := NEW_LINE.match(line))]


def _default_sigint() -> None:
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _ingest(
    folder: Path, db: Path, delay: str, batch: str, stderr: Path | None = None
) -> subprocess.Popen[str]:
    args = [sys.executable, "-m", "newsgraph", "ingest", str(folder), "--db", str(db)]
    args += ["--workers", "2", "--batch-size", batch, "--no-progress"]
    return subprocess.Popen(
        args,
        stdout=subprocess.PIPE,
        stderr=stderr.open("w") if stderr is not None else subprocess.DEVNULL,
        text=True,
        # (faulthandler: a hung run shows its threads' stacks on SIGABRT, for the failure message)
        env={**os.environ, "NEWSGRAPH_DEBUG_DELAY": delay, "PYTHONFAULTHANDLER": "1"},
        start_new_session=True,  # its own process group, as a terminal would give it
        # and Ctrl-C's default action, as a terminal's foreground job has it: a test run started
        # in the background of a script inherits SIGINT ignored, and so would the ingest
        preexec_fn=_default_sigint,
    )


def _poll(condition: object, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():  # type: ignore[operator]
            return True
        time.sleep(0.05)
    return False


@dataclass
class Killed:
    db: Path
    added: list[tuple[float, str]]
    killed_at: float
    workers: set[int]
    survivors: set[int]


@pytest.fixture(scope="module")
def killed_ingest(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Killed]:
    """An ingest SIGKILLed 1.2 s after a batch of articles was printed as added.

    Each worker takes 3 x 0.6 s per chunk, so results come in bursts ~1.8 s apart: the kill
    lands between two bursts, when a writer that commits only as the next result arrives
    still holds the last burst uncommitted.
    """
    root = tmp_path_factory.mktemp("killed")
    folder = corpus(root / "c", 40)
    db = root / "k.db"
    proc = _ingest(folder, db, delay="0.6", batch="3")
    lines = Lines()
    assert proc.stdout is not None
    reader = threading.Thread(target=lines.follow, args=(proc.stdout,), daemon=True)
    reader.start()
    workers: set[int] = set()
    try:
        assert _poll(lambda: len(lines.added()) >= 4 or proc.poll() is not None, 240)
        burst = len(lines.added())
        assert _poll(lambda: len(lines.added()) > burst or proc.poll() is not None, 60)
        last = lines.added()[-1][0]
        workers = _descendants(proc.pid) if LINUX else set()
        time.sleep(max(0.0, last + 1.2 - time.monotonic()))  # past the one-second allowance
        assert proc.poll() is None, "the ingest finished before it could be killed"
        killed_at = time.monotonic()
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=60)
        reader.join(timeout=10)
        survivors = _wait_until_gone(workers, 30) if LINUX else set()
        yield Killed(db, lines.added(), killed_at, workers, survivors)
    finally:
        if proc.poll() is None:
            proc.kill()
        for pid in workers:  # our own processes, should the test fail
            if _alive(pid):
                os.kill(pid, signal.SIGKILL)


def test_every_article_printed_as_added_before_a_sigkill_is_stored(killed_ingest: Killed) -> None:
    printed = [article for t, article in killed_ingest.added if t < killed_ingest.killed_at - 1.0]
    assert len(printed) >= 4
    with sqlite3.connect(killed_ingest.db) as conn:
        stored = {row[0] for row in conn.execute("SELECT id FROM articles")}
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    missing = [article for article in printed if article not in stored]
    assert not missing, f"{len(missing)} of {len(printed)} articles printed as added were lost"


@pytest.mark.skipif(not LINUX, reason="finds the worker processes through /proc")
def test_workers_exit_when_the_ingest_is_killed(killed_ingest: Killed) -> None:
    assert len(killed_ingest.workers) >= 2, "the two worker processes were not found"
    assert not killed_ingest.survivors, f"still running 30 s after the kill: {killed_ingest.survivors}"


def test_ctrl_c_stops_an_ingest_at_once(tmp_path: Path) -> None:
    """Ctrl-C (SIGINT to the process group) while each worker has a chunk of ~8 s to go (128
    inputs: however the chunks are handed out, most of the work is still ahead at the first
    stored article -- with 32, and once with 64 under four parallel test runs, a loaded machine
    delivered the first result near the end; the run stops at the signal, so more inputs cost
    no time)."""
    folder = corpus(tmp_path / "c", 128)
    db = tmp_path / "i.db"
    errors = tmp_path / "stderr.txt"
    proc = _ingest(folder, db, delay="1.0", batch="8", stderr=errors)
    lines = Lines()
    assert proc.stdout is not None
    threading.Thread(target=lines.follow, args=(proc.stdout,), daemon=True).start()
    workers: set[int] = set()
    try:
        assert _poll(lambda: lines.added() or proc.poll() is not None, 240)
        assert proc.poll() is None
        assert len(lines.added()) < 128, "the ingest finished before it could be interrupted"
        workers = _descendants(proc.pid) if LINUX else set()
        interrupted_at = time.monotonic()
        os.killpg(proc.pid, signal.SIGINT)
        try:
            code = proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            code = None
            os.kill(proc.pid, signal.SIGABRT)  # where it hangs, for the message below
            proc.wait(timeout=10)
        took = time.monotonic() - interrupted_at
        if code != 130:
            stacks = "\n".join(
                x for x in errors.read_text().splitlines() if not x.startswith("Extension modules")
            )
            pytest.fail(f"exit code {code}; the ingest's stderr:\n{stacks[-6000:]}")
        assert took < 4.0, f"Ctrl-C took {took:.1f} s (a chunk in flight has ~8 s to go)"
        assert not _wait_until_gone(workers, 10)
    finally:
        if proc.poll() is None:
            proc.kill()
        for pid in workers:
            if _alive(pid):
                os.kill(pid, signal.SIGKILL)


# --- progress -------------------------------------------------------------------------------------


class Terminal(io.StringIO):
    """Standard output and error of one terminal: what is left on screen, line by line."""

    def isatty(self) -> bool:
        return True

    def screen(self) -> list[str]:
        rows: list[str] = []
        row: list[str] = []
        col = 0
        for char in re.sub(r"\x1b\[[0-9;]*[A-Za-z]", "", self.getvalue()):
            if char == "\n":
                rows.append("".join(row).rstrip())
                row, col = [], 0
            elif char == "\r":
                col = 0
            else:
                if col < len(row):
                    row[col] = char
                else:
                    row.append(char)
                col += 1
        rows.append("".join(row).rstrip())
        return [r for r in rows if r]


def test_the_eta_counts_from_the_first_result(monkeypatch: pytest.MonkeyPatch) -> None:
    """20 s of model loading, then 16 results at once, then 4 a second: 19 s are left."""
    clock = [100.0]
    monkeypatch.setattr("newsgraph.ingest.progress.time.monotonic", lambda: clock[0])
    stream = io.StringIO()
    progress = Progress(100, stream=stream, mode="lines", interval=0)
    clock[0] = 120.0
    progress.update(16)
    clock[0] = 122.0
    progress.update(24)
    last = stream.getvalue().splitlines()[-1]
    eta = re.search(r"ETA (\d+)s", last)
    assert eta is not None and 15 <= int(eta.group(1)) <= 23, last


def test_the_bar_never_shares_a_line_with_output_and_a_spinner_shows_first(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = corpus(tmp_path / "c", 6)
    terminal = Terminal()
    monkeypatch.setattr(sys, "stdout", terminal)
    monkeypatch.setattr(sys, "stderr", terminal)
    settings = Settings.from_env(batch_size=2)

    def report(result: object, status: str, reason: str | None) -> None:
        print(f"ARTICLE {getattr(result, 'label', '')}", flush=True)

    summary = run([str(folder)], settings, RunOptions(workers=1, progress="bar"), on_result=report)
    assert summary.added == 6
    raw = terminal.getvalue()
    assert "loading the language model" in raw.split("ARTICLE", 1)[0]
    screen = terminal.screen()
    articles = [row for row in screen if "ARTICLE" in row]
    assert len(articles) == 6
    assert all(row.startswith("ARTICLE") and "inputs" not in row for row in articles), screen
    assert any("6/6" in row for row in screen), screen


def test_a_worker_killed_by_one_input_costs_that_input_only(tmp_path: Path) -> None:
    """A worker dies on 001.txt (as out of memory would kill it): the chunks in flight with it
    are run again, and only 001.txt is reported, with a reason that names the death."""
    folder = corpus(tmp_path / "c", 4)
    db = tmp_path / "d.db"
    flags = ["--db", str(db), "--quiet", "--workers", "2", "--batch-size", "1", "--no-progress"]
    result = subprocess.run(
        [sys.executable, "-m", "newsgraph", "ingest", str(folder), *flags],
        capture_output=True,
        text=True,
        env={**os.environ, "NEWSGRAPH_DEBUG_CRASH": "/001.txt"},
        timeout=300,
        check=False,
    )
    assert result.returncode == 1, result.stderr
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert errors == [f"error: {folder}/001.txt: a worker process died analysing this input (out of memory?)"]
    assert "3 added, 0 already stored, 1 failed" in result.stdout


def test_workers_that_cannot_start_stop_the_run_with_the_reason(tmp_path: Path) -> None:
    """No such model, with worker processes: one clear error and exit 2, not every input
    failing with "a worker process died" (nor a retry per input)."""
    folder = corpus(tmp_path / "c", 4)
    flags = ["--model", "no_such_model_xyz", "--workers", "2", "--batch-size", "1", "--no-progress"]
    result = subprocess.run(
        [sys.executable, "-m", "newsgraph", "analyze", str(folder), *flags],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 2, result.stderr
    assert result.stdout == ""
    assert result.stderr.startswith("error: cannot load spaCy model 'no_such_model_xyz'")
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr


def test_ctrl_c_inside_a_write_leaves_no_half_article(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """KeyboardInterrupt after an article row is inserted but before its source row: the
    runner's final commit keeps the inputs written before, and nothing of this one."""
    from newsgraph.ingest import writer as writer_module
    from newsgraph.store import open_store

    folder = corpus(tmp_path / "c", 3)
    calls = []

    def interrupted(*args: object, **kwargs: object) -> None:
        calls.append(args)
        if len(calls) == 2:
            raise KeyboardInterrupt
        return original(*args, **kwargs)  # type: ignore[operator]

    original = writer_module.record_source
    monkeypatch.setattr(writer_module, "record_source", interrupted)
    with open_store(str(tmp_path / "w.db")) as store, pytest.raises(KeyboardInterrupt):
        run([str(folder)], Settings.from_env(), RunOptions(workers=1, progress="off"), store=store)
    with sqlite3.connect(tmp_path / "w.db") as conn:
        assert conn.execute("SELECT count(*) FROM articles").fetchone() == (1,)
        assert conn.execute("SELECT count(*) FROM article_sources").fetchone() == (1,)


def test_a_chunk_that_kills_a_worker_again_is_run_input_by_input(monkeypatch: pytest.MonkeyPatch) -> None:
    """The retry logic alone (no processes): a run with the killer in it "dies"."""
    from newsgraph.ingest.base import RawDocument
    from newsgraph.ingest.worker import ChunkResult, WorkResult
    from newsgraph.runner import Engine

    chunk = [RawDocument(data=f"text {i}", format="text", path=f"{i}.txt") for i in range(4)]
    runs: list[list[str]] = []

    def alone(self: Engine, items: list[RawDocument], near: bool) -> ChunkResult | None:
        runs.append([item.label for item in items])
        if any(item.label == "2.txt" for item in items):
            return None  # the worker died
        return ChunkResult([WorkResult(item.label, "known") for item in items], 1, 0)

    monkeypatch.setattr(Engine, "_alone", alone)
    engine = Engine(Settings.from_env(), RunOptions(workers=2), None, None)
    results = engine._retry(chunk, near=False)
    assert [(r.label, r.status) for r in results] == [
        ("0.txt", "known"),
        ("1.txt", "known"),
        ("2.txt", "failed"),
        ("3.txt", "known"),
    ]
    assert runs == [["0.txt", "1.txt", "2.txt", "3.txt"], ["0.txt"], ["1.txt"], ["2.txt"], ["3.txt"]]
