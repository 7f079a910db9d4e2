"""p50/p95 of every web page, API route and CLI query command on a (large) database.

Usage: ``python benchmarks/queries.py DB [--runs 20] [--markdown]``

Build the database with ``benchmarks/bigdb.py``.  Parameters come in two kinds, chosen from the
database itself before timing: *common* (the most written-about actor, the most quoted
speaker's name, the biggest outlet and country, the most frequent event type, the word
"said") and *rare* (an actor and a speaker name seen once, a small outlet, the rarest event
type, a word in one article).

* Web pages and API routes: the FastAPI app over the database in this process (Starlette's
  test client: routing, validation, the queries, JSON or Jinja rendering; no sockets), with
  its answer cache off (``create_app(cache=False)``): a repeated request would otherwise be a
  cache hit, and the table would time the cache instead of the query.
  ``/events.csv`` is left out: it is a download of every matching event, not a page.
* CLI commands: ``newsgraph.cli.main([...])`` in this process with output to /dev/null (the
  command's own work: opening the store, the query, formatting; not the interpreter's start,
  which is printed once for reference).

Each query runs once to warm up, then ``--runs`` times; the table gives p50 and p95 in ms.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import sqlite3
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path


def pick(conn: sqlite3.Connection) -> dict[str, str]:
    """Common and rare parameter values, read from the summary tables."""

    def one(sql: str) -> str:
        row = conn.execute(sql).fetchone()
        return "" if row is None or row[0] is None else str(row[0])

    top_actor = one("SELECT actor_id FROM actor_stats ORDER BY articles DESC LIMIT 1")
    top_speaker = one("SELECT actor_id FROM actor_stats ORDER BY quotes DESC LIMIT 1")
    rare_actor = one(
        "SELECT actor_id FROM actor_stats WHERE articles = 1 AND quotes > 0 ORDER BY actor_id DESC LIMIT 1"
    )
    return {
        "actor": top_actor,
        "actor_name": one(f"SELECT name FROM actors WHERE actor_id = {top_actor or 0}"),
        "rare_actor": rare_actor,
        "rare_actor_name": one(f"SELECT name FROM actors WHERE actor_id = {rare_actor or 0}"),
        "speaker": one(f"SELECT name FROM actors WHERE actor_id = {top_speaker or 0}").split()[-1],
        "rare_speaker": one(
            "SELECT n.name FROM postings p JOIN names n ON n.name_id = p.value WHERE p.kind = 1 "
            "ORDER BY p.t DESC LIMIT 1"
        ),
        "outlet": one("SELECT key FROM counters WHERE kind = 'outlet' ORDER BY n DESC LIMIT 1"),
        "rare_outlet": one("SELECT key FROM counters WHERE kind = 'outlet' ORDER BY n, key LIMIT 1"),
        "country": one(
            "SELECT n.name FROM names n WHERE n.name GLOB '[A-Z][A-Z][A-Z]' ORDER BY n.uses DESC LIMIT 1"
        ),
        "plover": one("SELECT key FROM counters WHERE kind = 'plover' ORDER BY n DESC LIMIT 1"),
        "rare_plover": one("SELECT key FROM counters WHERE kind = 'plover' ORDER BY n, key LIMIT 1"),
        "article": one("SELECT id FROM articles ORDER BY seq DESC LIMIT 1"),
        "rare_word": one("SELECT text FROM articles ORDER BY seq DESC LIMIT 1").split()[-1].strip("."),
    }


def timed(fn: Callable[[], object], runs: int) -> tuple[float, float, float, float]:
    """Wall p50, wall p95, CPU p50, CPU p95 (ms) of ``runs`` calls after one warm-up call.

    CPU time is the process's (the web handler runs in a worker thread of this process): on a
    machine shared with other work it shows what the query costs when wall time includes
    waiting for a core.
    """
    fn()
    walls, cpus = [], []
    for _ in range(runs):
        start, cpu = time.perf_counter(), time.process_time()
        fn()
        walls.append((time.perf_counter() - start) * 1000)
        cpus.append((time.process_time() - cpu) * 1000)

    def p95(values: list[float]) -> float:
        return sorted(values)[min(len(values) - 1, round(0.95 * len(values)) - 1)]

    return statistics.median(walls), p95(walls), statistics.median(cpus), p95(cpus)


def web_cases(p: dict[str, str]) -> list[tuple[str, str, str]]:
    """(label, path, common/rare) for every page; API twins are added under /api."""
    month = "since=2024-06-01&until=2024-06-30"
    week = "since=2024-06-03&until=2024-06-09"
    pages = [
        ("home", "/", "-"),
        ("search box", f"/?q={p['speaker']}", "common"),
        ("search box", "/?q=said", "common"),
        ("search box", f"/?q={p['rare_word']}", "rare"),
        ("articles", "/articles", "-"),
        ("articles words", "/articles?q=said", "common"),
        ("articles words", f"/articles?q={p['rare_word']}", "rare"),
        ("articles outlet", f"/articles?outlet={p['outlet']}", "common"),
        ("articles outlet", f"/articles?outlet={p['rare_outlet']}", "rare"),
        ("articles month", f"/articles?{month}", "common"),
        ("articles page 100", "/articles?offset=5000&limit=50", "deep"),
        ("article", f"/articles/{p['article']}", "-"),
        ("quotes", "/quotes", "-"),
        ("quotes speaker", f"/quotes?speaker={p['speaker']}", "common"),
        ("quotes speaker", f"/quotes?speaker={p['rare_speaker']}", "rare"),
        ("quotes words", "/quotes?q=said", "common"),
        ("quotes type+month", f"/quotes?type=direct&{month}", "common"),
        ("actors", "/actors", "-"),
        ("actors speakers", "/actors?speakers_only=true", "common"),
        ("actors name", f"/actors?q={p['speaker']}", "common"),
        ("actors name", f"/actors?q={p['rare_actor_name']}", "rare"),
        ("actors type", "/actors?type=ORG", "common"),
        ("actor", f"/actors/{p['actor']}", "common"),
        ("actor", f"/actors/{p['rare_actor']}", "rare"),
        ("events", "/events", "-"),
        ("events source", f"/events?source={p['speaker']}", "common"),
        ("events source", f"/events?source={p['rare_actor_name']}", "rare"),
        ("events country", f"/events?country={p['country']}", "common"),
        ("events type", f"/events?type={p['plover']}", "common"),
        ("events type", f"/events?type={p['rare_plover']}", "rare"),
        ("events CAMEO", "/events?type=112", "rare"),
        ("graph", "/graph", "-"),
        ("graph countries", "/graph?level=country", "common"),
        ("graph type", f"/graph?type={p['rare_plover']}", "rare"),
        ("graph week", f"/graph?{week}", "common"),
        ("graph month", f"/graph?{month}", "common"),
        ("graph week countries", f"/graph?level=country&{week}", "common"),
    ]
    api = [
        (f"api {label}", "/api" + (path if path != "/" else "/search?q=said"), kind)
        for label, path, kind in pages
    ]
    api = [(label, path.replace("/api/?q=", "/api/search?q="), kind) for label, path, kind in api]
    api += [("api dyads", "/api/dyads", "-"), ("api dyads countries", "/api/dyads?level=country", "common")]
    api = [(label, path.replace("/api/graph", "/api/dyads"), kind) for label, path, kind in api]
    return pages + api


def cli_cases(p: dict[str, str]) -> list[tuple[str, list[str], str]]:
    return [
        ("search", ["search", "said"], "common"),
        ("search", ["search", p["rare_word"]], "rare"),
        ("show", ["show", p["article"]], "-"),
        ("quotes", ["quotes"], "-"),
        ("quotes --speaker", ["quotes", "--speaker", p["speaker"]], "common"),
        ("quotes --speaker", ["quotes", "--speaker", p["rare_speaker"]], "rare"),
        ("quotes --search", ["quotes", "--search", "said"], "common"),
        ("actors", ["actors"], "-"),
        ("actors --name", ["actors", "--name", p["speaker"]], "common"),
        ("actors --type", ["actors", "--type", "person"], "common"),
        ("actor", ["actor", f"#{p['actor']}"], "common"),
        ("actor", ["actor", p["rare_actor_name"]], "rare"),
        ("events", ["events"], "-"),
        ("events --source", ["events", "--source", p["speaker"]], "common"),
        ("events --country", ["events", "--country", p["country"]], "common"),
        ("events --type", ["events", "--type", p["rare_plover"]], "rare"),
        ("dyads --period month", ["dyads", "--period", "month"], "common"),
        (
            "dyads --period day, a month",
            ["dyads", "--period", "day", "--since", "2024-06-01", "--until", "2024-06-30"],
            "common",
        ),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("db", type=Path)
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--only", default="", help="run only rows whose label contains this")
    args = parser.parse_args()

    from fastapi.testclient import TestClient

    from newsgraph.cli import main as cli_main
    from newsgraph.web import create_app

    conn = sqlite3.connect(f"file:{args.db}?mode=ro", uri=True)
    articles = conn.execute("SELECT n FROM counters WHERE kind = 'total' AND key = 'articles'").fetchone()[0]
    text = conn.execute("SELECT page_count * page_size FROM pragma_page_count, pragma_page_size").fetchone()[
        0
    ]
    params = pick(conn)
    conn.close()
    size = sum(os.path.getsize(f) for f in (args.db, f"{args.db}-wal") if os.path.exists(f))
    print(f"database: {articles:,} articles, {size / 1e9:.2f} GB ({text / 1e9:.2f} GB in pages)")
    print("parameters:", params)
    client = TestClient(create_app(args.db, cache=False))  # the work of each request, not a cached answer
    client.__enter__()  # one event-loop portal for all requests (else each request starts one)
    rows: list[tuple[str, str, str, float, float, float, float]] = []

    def get(path: str) -> None:
        response = client.get(path)
        if response.status_code != 200:
            raise SystemExit(f"{path}: HTTP {response.status_code}: {response.text[:300]}")

    for label, path, kind in web_cases(params):
        if args.only in label:
            t = timed(lambda path=path: get(path), args.runs)
            rows.append(("api" if label.startswith("api") else "page", label.removeprefix("api "), kind, *t))
            print(f"  {label:<28} {kind:<6} {t[0]:8.1f} {t[1]:8.1f}  {path}", file=sys.stderr)

    def run(argv: list[str]) -> None:
        with (
            open(os.devnull, "w") as sink,
            contextlib.redirect_stdout(sink),
            contextlib.redirect_stderr(io.StringIO()),
        ):
            code = cli_main([*argv, "--db", str(args.db)])
        if code not in (0,):
            raise SystemExit(f"newsgraph {' '.join(argv)}: exit {code}")

    for label, argv, kind in cli_cases(params):
        if args.only in label:
            t = timed(lambda argv=argv: run(argv), args.runs)
            rows.append(("cli", label, kind, *t))
            print(f"  cli {label:<24} {kind:<6} {t[0]:8.1f} {t[1]:8.1f}", file=sys.stderr)

    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", "import newsgraph.cli"], check=True)
    startup = (time.perf_counter() - start) * 1000
    print("\n| kind | query | parameters | p50 ms | p95 ms | CPU p50 ms | CPU p95 ms |")
    print("|---|---|---|---|---|---|---|")
    for kind, label, which, p50, p95, c50, c95 in rows:
        flag = " **over 100**" if p95 > 100 else ""
        print(f"| {kind} | {label} | {which} | {p50:.1f} | {p95:.1f}{flag} | {c50:.1f} | {c95:.1f} |")
    worst = max(rows, key=lambda r: r[4])
    over = sum(r[4] > 100 for r in rows)
    cpu_worst = max(rows, key=lambda r: r[6])
    print(
        f"\n{len(rows)} queries, {args.runs} runs each; worst p95 {worst[4]:.1f} ms "
        f"({worst[0]} {worst[1]}, {worst[2]}); {over} over 100 ms.  Interpreter start + "
        f"`import newsgraph.cli`: {startup:.0f} ms (not in the CLI rows).  "
        f"Worst CPU p95 {cpu_worst[6]:.1f} ms "
        f"({cpu_worst[0]} {cpu_worst[1]}, {cpu_worst[2]}); load average {os.getloadavg()[0]:.1f} on "
        f"{os.cpu_count()} cores."
    )


if __name__ == "__main__":
    main()
