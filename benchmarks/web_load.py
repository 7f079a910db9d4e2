"""Web capacity: latency of the article page and the graph page under 1, 8 and 32 clients.

Usage: ``python benchmarks/web_load.py --db news.db [--workers 2] [--seconds 5]``
(without ``--db``: ingests up to ``--articles`` pages of ../shared's article-extraction
benchmark into a temporary database first; they are read at run time, never copied).

Each server is the real command, ``newsgraph serve`` on 127.0.0.1 and a free port, started
and stopped here, one after the other, in one run:

1. **1 worker, no cache**: ``--workers 1 --no-cache``, how ``serve`` answered before it had
   workers or a cache: the baseline of the last column;
2. **N workers, no cache**: ``--workers N --no-cache``: what the workers alone give;
3. **1 worker**: ``--workers 1`` with the answer cache: the baseline of the "same cache" column;
4. **N workers**: ``--workers N`` with the cache.

Clients are threads, each with its own keep-alive connection, sending requests back to back
for ``--seconds``; the article page cycles through every article of the database, the graph
page is always ``/graph``.  Before measuring, every URL is requested ``2 x workers`` times on
new connections, so that each worker's cache has seen it (the steady state between two
ingests).  The clients run on the same machine as the server, so on a small machine they
compete with it for the CPU: compare rows with each other, not with another machine's
figures.
"""

from __future__ import annotations

import argparse
import http.client
import itertools
import os
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import quote

REPO = Path(__file__).resolve().parents[1]
SHARED_PAGES = REPO.parent / "shared" / "data" / "article-extraction"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def build_db(folder: Path, limit: int) -> Path:
    pages = sorted(SHARED_PAGES.glob("*/html/*.html.gz"))[:limit]
    if not pages:
        sys.exit(f"no --db given and no pages under {SHARED_PAGES}")
    inputs = folder / "pages"
    inputs.mkdir()
    for page in pages:
        (inputs / f"{page.parent.parent.name}-{page.name}").symlink_to(page)
    db = folder / "bench.db"
    print(f"ingesting {len(pages)} pages into {db} ...", file=sys.stderr, flush=True)
    command = [sys.executable, "-m", "newsgraph", "ingest", str(inputs), "--db", str(db), "--quiet"]
    subprocess.run(command, check=False, stdout=subprocess.DEVNULL)
    return db


def start(command: list[str], port: int) -> subprocess.Popen[bytes]:
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        if server.poll() is not None:
            sys.exit(f"server failed: {server.communicate()[1].decode()[-2000:]}")
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            conn.request("GET", "/api/articles?limit=1")
            if conn.getresponse().status == 200:
                conn.close()
                return server
        except OSError:
            time.sleep(0.2)
    server.kill()
    sys.exit("server did not start in 90 s")


def load(port: int, urls: list[str], clients: int, seconds: float) -> list[float]:
    """Latencies (s) of every request completed by ``clients`` threads in ``seconds``."""
    latencies: list[float] = []
    lock = threading.Lock()
    stop = time.monotonic() + seconds
    errors: list[str] = []

    def client(offset: int) -> None:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        mine = []
        for url in itertools.islice(itertools.cycle(urls), offset, None):
            if time.monotonic() >= stop:
                break
            began = time.perf_counter()
            conn.request("GET", url)
            response = conn.getresponse()
            response.read()
            mine.append(time.perf_counter() - began)
            if response.status != 200:
                errors.append(f"{url}: {response.status}")
                break
        conn.close()
        with lock:
            latencies.extend(mine)

    threads = [threading.Thread(target=client, args=(i * 7,)) for i in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    if errors:
        sys.exit(f"errors: {errors[:3]}")
    return latencies


def percentile(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1] if len(values) > 1 else values[0]


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--db", type=Path, help="database to serve (default: build one from ../shared)")
    parser.add_argument("--articles", type=int, default=200, help="pages to ingest without --db")
    parser.add_argument("--workers", type=int, default=2, help="workers of the last server (default 2)")
    parser.add_argument("--clients", default="1,8,32", help="client counts (default 1,8,32)")
    parser.add_argument("--seconds", type=float, default=5.0, help="measuring time per cell")
    args = parser.parse_args()
    tmp = tempfile.TemporaryDirectory(prefix="web-load-")
    db = args.db or build_db(Path(tmp.name), args.articles)
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
        ids = [str(r[0]) for r in conn.execute("SELECT id FROM articles ORDER BY seq")]
    pages = {"article": [f"/articles/{quote(i, safe='')}" for i in ids], "graph": ["/graph"]}
    counts = [int(c) for c in args.clients.split(",")]
    serve = [sys.executable, "-m", "newsgraph", "serve", "--db", str(db)]
    n = args.workers
    configs = [
        ("1 worker, no cache", 1, ["--workers", "1", "--no-cache"]),
        (f"{n} workers, no cache", n, ["--workers", str(n), "--no-cache"]),
        ("1 worker", 1, ["--workers", "1"]),
        (f"{n} workers", n, ["--workers", str(n)]),
    ]
    rows: dict[tuple[str, str, int], tuple[int, float, float]] = {}
    for name, workers, flags in configs:
        port = free_port()
        server = start([*serve, "--port", str(port), *flags], port)
        try:
            for page, urls in pages.items():
                for url in urls * (2 * workers):  # new connections: each worker gets its share
                    warm = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
                    warm.request("GET", url, headers={"Connection": "close"})
                    warm.getresponse().read()
                    warm.close()
                for clients in counts:
                    latencies = load(port, urls, clients, args.seconds)
                    rows[(name, page, clients)] = (
                        len(latencies),
                        percentile(latencies, 50) * 1000,
                        percentile(latencies, 95) * 1000,
                    )
                    print(
                        f"  {name:20} {page:8} {clients:3} clients: {len(latencies)} requests",
                        file=sys.stderr,
                    )
        finally:
            server.terminate()
            server.wait(timeout=30)
    setup = f"{len(ids)} articles, {os.cpu_count()} CPUs, {args.seconds:.0f} s per cell"
    print(
        f"\n{setup}; p95 ratios against 1 worker with the same cache setting, and against "
        "1 worker without cache (serve before this change), at the same page and clients\n"
    )
    print(
        "| server | page | clients | req/s | p50 ms | p95 ms | p95 / 1 worker, same cache | p95 / no cache |"
    )
    print("|---|---|---:|---:|---:|---:|---:|---:|")
    for name, page, clients in rows:
        count, p50, p95 = rows[(name, page, clients)]
        same = rows[("1 worker, no cache" if "no cache" in name else "1 worker", page, clients)][2]
        old = rows[("1 worker, no cache", page, clients)][2]
        cells = f"{count / args.seconds:.0f} | {p50:.1f} | {p95:.1f} | {p95 / same:.2f} | {p95 / old:.2f}"
        print(f"| {name} | {page} | {clients} | {cells} |")


if __name__ == "__main__":
    main()
