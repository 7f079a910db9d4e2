"""Fetching against a real HTTP server on 127.0.0.1 (started here): limits, retries, robots,
redirects, the private-address guard, feeds end to end through the CLI, and resuming.

Nothing here contacts any address but 127.0.0.1.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from newsgraph.cli import main
from newsgraph.errors import InputError
from newsgraph.ingest.feeds import parse_feed
from newsgraph.ingest.http import Fetcher, FetchPolicy, check_address

from ._ingest_server import Server, feed_xml, serve

FAST = FetchPolicy(
    allow_private=True, timeout=0.5, total_timeout=2.0, retries=1, backoff=0.05, max_bytes=1_000_000
)


@pytest.fixture(scope="module")
def server() -> Iterator[Server]:
    with serve() as s:
        yield s


@pytest.fixture()
def fetcher() -> Iterator[Fetcher]:
    with Fetcher(FAST) as f:
        yield f


def reason(fetcher: Fetcher, url: str) -> str:
    with pytest.raises(InputError) as info:
        fetcher.get(url)
    return info.value.reason


def test_page_redirect_and_user_agent(server: Server, fetcher: Fetcher) -> None:
    page = fetcher.get(f"{server.base}/a1.html")
    assert page.status == 200 and page.content_type == "text/html" and b"River treaty" in page.body
    moved = fetcher.get(f"{server.base}/redirect")
    assert moved.url == f"{server.base}/a3.html" and b"Wildfire" in moved.body
    assert fetcher.policy.user_agent.startswith("newsgraph/")


def test_404_slow_and_oversized_fail_with_one_line_reasons(server: Server, fetcher: Fetcher) -> None:
    assert reason(fetcher, f"{server.base}/missing.html") == "HTTP 404 Not Found"
    slow = reason(fetcher, f"{server.base}/slow.html")
    assert slow.startswith("timed out after 0.5 s") and "2 attempts" in slow
    huge = reason(fetcher, f"{server.base}/huge.html")
    assert huge.startswith("response too large") and "\n" not in huge


def test_5xx_is_retried(server: Server, fetcher: Fetcher) -> None:
    before = server.hits["/flaky.html"]
    assert b"Port strike" in fetcher.get(f"{server.base}/flaky.html").body
    assert server.hits["/flaky.html"] - before == 2


def test_robots_txt_is_respected_unless_ignored(server: Server) -> None:
    with Fetcher(FAST) as polite:
        assert "robots.txt" in reason(polite, f"{server.base}/private/x.html")
    with Fetcher(FetchPolicy(allow_private=True, respect_robots=False)) as rude:
        assert rude.get(f"{server.base}/private/x.html").status == 200


def test_private_addresses_are_refused_by_default(server: Server) -> None:
    before = sum(server.hits.values())
    with Fetcher() as default:
        assert "refused" in reason(default, f"{server.base}/a1.html")
        assert "only http and https" in reason(default, "file:///etc/passwd")
    assert sum(server.hits.values()) == before  # not even robots.txt was asked for
    for address in ("127.0.0.1", "10.1.2.3", "192.168.0.1", "169.254.169.254", "::1", "::ffff:127.0.0.1"):
        with pytest.raises(InputError, match="non-public"):
            check_address(address, 80, allow_private=False)
    assert check_address("127.0.0.1", 80, allow_private=True) == "127.0.0.1"


def test_feed_items_carry_feed_metadata(server: Server) -> None:
    items = parse_feed(feed_xml(server.base), "feed")
    assert [i.url.rsplit("/", 1)[1] for i in items] == ["a1.html", "redirect", "missing.html"]
    assert items[0].metadata["published"] == "2024-03-07T10:00:00+01:00"
    assert items[0].metadata["outlet"] == "Test News"
    with pytest.raises(InputError, match="not a valid RSS/Atom feed"):
        parse_feed(b"<html><body>no feed</body></html>", "x")


def _count(db: Path, sql: str) -> int:
    with sqlite3.connect(db) as conn:
        return int(conn.execute(sql).fetchone()[0])


def test_ingest_feed_stores_reachable_items_and_reports_the_dead_one(
    server: Server, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "feed.db"
    feed = f"{server.base}/feed.xml"
    code = main(["ingest", feed, "--allow-private", "--db", str(db), "--quiet", "--workers", "1"])
    out, err = capsys.readouterr()
    assert code == 1
    assert f"error: {server.base}/missing.html: HTTP 404 Not Found" in err
    assert "2 added, 0 already stored, 1 failed" in out and "1 x HTTP 404 Not Found" in out
    with sqlite3.connect(db) as conn:
        rows = conn.execute(
            "SELECT source_url, source_format, title, published FROM articles ORDER BY seq"
        ).fetchall()
    assert [r[0] for r in rows] == [f"{server.base}/a1.html", f"{server.base}/redirect"]
    assert {r[1] for r in rows} == {"feed"}
    assert _count(db, "SELECT count(*) FROM article_sources WHERE fetched_at IS NOT NULL") == 2

    hits = server.hits["/a1.html"]
    code = main(["ingest", feed, "--allow-private", "--db", str(db), "--quiet"])
    out, _ = capsys.readouterr()
    assert "0 added, 2 already stored, 1 failed" in out and "holds 2 articles" in out
    assert server.hits["/a1.html"] == hits  # a stored URL is not fetched again


def test_feed_metadata_fills_what_the_page_lacks(server: Server, capsys: pytest.CaptureFixture[str]) -> None:
    import json

    code = main(["analyze", f"{server.base}/feed.xml", "--allow-private", "--workers", "1"])
    out, _ = capsys.readouterr()
    records = [json.loads(line) for line in out.splitlines()]
    assert code == 1 and len(records) == 2
    assert records[0]["authors"] == ["Jane Doe"] and records[0]["source"]["url"].endswith("/a1.html")
    assert records[0]["published"].startswith("2024-03-07")


def test_without_allow_private_nothing_is_fetched(server: Server, capsys: pytest.CaptureFixture[str]) -> None:
    before = sum(server.hits.values())
    code = main(["analyze", f"{server.base}/feed.xml", "--workers", "1"])
    _, err = capsys.readouterr()
    assert code == 1 and "refused" in err and "--allow-private" in err
    assert sum(server.hits.values()) == before


def test_file_of_urls(server: Server, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    urls = tmp_path / "list.txt"
    urls.write_text(f"# today\n{server.base}/a2.html\n{server.base}/slow.html\n", encoding="utf-8")
    code = main(["analyze", str(urls), "--allow-private", "--timeout", "0.3", "--workers", "1"])
    out, err = capsys.readouterr()
    assert code == 1 and len(out.splitlines()) == 1 and "Port strike" in out
    assert f"error: {server.base}/slow.html: timed out" in err
