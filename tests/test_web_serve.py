"""``newsgraph serve``: several worker processes, the answer cache and its invalidation, Host names.

The workers test starts the real command in a subprocess on 127.0.0.1 and a free port; the
cache tests ingest into a copy of a real database while the app serves it.
"""

from __future__ import annotations

import os
import signal
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

pytest.importorskip("fastapi", reason="the web extra is not installed: pip install 'newsgraph[web]'")
pytest.importorskip("uvicorn", reason="the web extra is not installed: pip install 'newsgraph[web]'")

from fastapi.testclient import TestClient

from newsgraph.cli import main
from newsgraph.web import create_app

from ._web_support import examples_db_fixture  # noqa: F401

SEED_ID = "10f62c019f233dad"
NEW_ARTICLE = """Harbour strike ends in Freedonia

The dock workers' union of Freedonia ended its strike on Monday, the union said.

"We have an agreement on wages," said union leader Marta Ilic.
"""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry.name))
    return found


def _cpu_ticks(pid: int) -> int:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])  # utime + stime


def _get(url: str) -> tuple[int, bytes]:
    request = urllib.request.Request(url, headers={"Connection": "close"})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return int(response.status), response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read()
    except OSError:  # not listening yet (URLError is an OSError)
        return 0, b""


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads worker CPU times from /proc")
def test_two_worker_processes_share_the_port_and_both_answer(examples_db: Path) -> None:
    port = _free_port()
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in sys.path if p)}
    command = [sys.executable, "-m", "newsgraph", "serve", "--db", str(examples_db), "--port", str(port)]
    server = subprocess.Popen(
        [*command, "--workers", "2"], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        workers: list[int] = []
        while len(workers) < 2 or _get(f"{base}/api/articles?limit=1")[0] != 200:
            assert server.poll() is None, server.communicate()[1].decode()[-2000:]
            assert time.monotonic() < deadline, "the server did not start two workers in 60 s"
            time.sleep(0.2)
            workers = [
                p for p in _children(server.pid) if b"spawn" in Path(f"/proc/{p}/cmdline").read_bytes()
            ]
        assert len(workers) == 2
        before = {p: _cpu_ticks(p) for p in workers}
        # Distinct query strings: every request is computed (no answer cache hit), each on a
        # new connection, so the kernel hands them to whichever worker accepts first.
        urls = [f"{base}/articles/{SEED_ID}?n={i}" for i in range(240)]
        with ThreadPoolExecutor(12) as pool:
            statuses = list(pool.map(lambda u: _get(u)[0], urls))
        assert statuses == [200] * len(urls)
        used = {p: _cpu_ticks(p) - before[p] for p in workers}
        total = sum(used.values())
        assert total > 0 and all(t >= 0.05 * total for t in used.values()), f"CPU ticks per worker: {used}"
    finally:
        server.send_signal(signal.SIGINT)
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


@pytest.fixture()
def live_db(examples_db: Path, tmp_path: Path) -> Path:
    """A copy of the examples database that a test may ingest into."""
    copy = tmp_path / "live.db"
    with sqlite3.connect(examples_db) as source, sqlite3.connect(copy) as target:
        source.backup(target)
    return copy


def _ingest_new_article(db: Path, folder: Path) -> None:
    path = folder / "harbour-strike.txt"
    path.write_text(NEW_ARTICLE, encoding="utf-8")
    assert main(["ingest", str(path), "--db", str(db), "--quiet"]) == 0


def test_answers_are_cached_until_an_ingest_changes_the_database(live_db: Path, tmp_path: Path) -> None:
    app = create_app(live_db)
    cache = app.state.cache
    with TestClient(app) as client:
        first = client.get("/api/articles?limit=50")
        page = client.get("/articles?limit=50")
        assert len(first.json()["items"]) == 9 and "Harbour strike" not in page.text
        hits = cache.hits
        again = client.get("/api/articles?limit=50")
        assert again.content == first.content and cache.hits == hits + 1
        assert client.get("/articles?limit=50").text == page.text and cache.hits == hits + 2

        _ingest_new_article(live_db, tmp_path)  # another connection commits, as an ingest would

        misses = cache.misses
        after = client.get("/api/articles?limit=50")
        assert len(after.json()["items"]) == 10 and cache.misses == misses + 1
        assert "Harbour strike ends in Freedonia" in client.get("/articles?limit=50").text
        assert client.get("/api/articles?limit=50").content == after.content and cache.hits == hits + 3


def test_etags_revalidate_and_change_with_the_data(live_db: Path, tmp_path: Path) -> None:
    with TestClient(create_app(live_db)) as client:
        first = client.get("/api/articles?limit=50")
        etag = first.headers["etag"]
        assert first.headers["cache-control"] == "no-cache"
        unchanged = client.get("/api/articles?limit=50", headers={"If-None-Match": etag})
        assert unchanged.status_code == 304 and unchanged.content == b""
        assert unchanged.headers["x-frame-options"] == "DENY"  # security headers on a 304 too
        _ingest_new_article(live_db, tmp_path)
        changed = client.get("/api/articles?limit=50", headers={"If-None-Match": etag})
        assert changed.status_code == 200 and changed.headers["etag"] != etag


def test_errors_and_streams_are_not_cached(live_db: Path) -> None:
    app = create_app(live_db)
    with TestClient(app) as client:
        for _ in range(2):
            assert client.get("/articles/no-such-article").status_code == 404
            assert client.get("/events.csv").headers["content-type"].startswith("text/csv")
        assert app.state.cache.entries == {}


def test_serving_on_every_interface_needs_allowed_hosts(
    examples_db: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import uvicorn

    started: list[object] = []
    monkeypatch.setattr(uvicorn, "run", lambda *args, **kwargs: started.append(args))  # never listen
    assert main(["serve", "--db", str(examples_db), "--host", "0.0.0.0"]) == 2
    err = capsys.readouterr().err
    assert "--allowed-host" in err and "every interface" in err and started == []
    assert main(["serve", "--db", str(examples_db), "--host", "0.0.0.0", "--allowed-host", "news.lan"]) == 0
    assert len(started) == 1


def test_allowed_hosts_for_each_kind_of_bind() -> None:
    from newsgraph.errors import NewsgraphError
    from newsgraph.web.serving import allowed_hosts_for

    loopback = ["localhost", "127.0.0.1", "::1"]
    assert allowed_hosts_for("127.0.0.1", []) == loopback
    assert allowed_hosts_for("::1", ["news.local"]) == [*loopback, "news.local"]
    assert allowed_hosts_for("192.168.1.20", []) == [*loopback, "192.168.1.20"]
    assert allowed_hosts_for("0.0.0.0", ["news.example.org"]) == [*loopback, "news.example.org"]
    with pytest.raises(NewsgraphError, match="--allowed-host"):
        allowed_hosts_for("::", [])


def test_no_cache_serves_every_answer_fresh(live_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import uvicorn

    apps: list[object] = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **kwargs: apps.append(app))
    assert main(["serve", "--db", str(live_db), "--no-cache"]) == 0
    (app,) = apps
    with TestClient(app, base_url="http://127.0.0.1:8000") as client:  # type: ignore[arg-type]
        assert TestClient(app).get("/api/articles").status_code == 400  # type: ignore[arg-type]  # Host
        first = client.get("/api/articles?limit=50")
        assert "etag" not in first.headers and not hasattr(app.state, "cache")  # type: ignore[attr-defined]
        assert client.get("/api/articles?limit=50").json() == first.json()
