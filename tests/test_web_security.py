"""Attacks on the web app, each through the real app over a database built by ``newsgraph ingest``.

Source URLs that would run script when clicked, article ids that break paths, search strings
built to cost much, NULs and 64-bit overflows that used to be 500s (which also dropped the
keep-alive connection), missing security headers, and Host headers from DNS rebinding.
"""

from __future__ import annotations

import http.client
import re
import sqlite3
import threading
import time
import typing
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest

pytest.importorskip("fastapi", reason="the web extra is not installed: pip install 'newsgraph[web]'")
pytest.importorskip("uvicorn", reason="the web extra is not installed: pip install 'newsgraph[web]'")

import uvicorn
from fastapi import FastAPI
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient

from newsgraph.errors import StoreError
from newsgraph.store.article_queries import list_articles
from newsgraph.store.filters import ArticleFilter
from newsgraph.store.fts import fts_query
from newsgraph.web import create_app

from ._web_support import (  # noqa: F401
    HOSTILE_URLS,
    ODD_ID,
    examples_db_fixture,
    hostile_db_fixture,
    hostile_id,
)

SEED_ID = "10f62c019f233dad"
BIG = 2**63
HEADERS = {
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "referrer-policy": "no-referrer",
}


@pytest.fixture(scope="module")
def client(examples_db: Path) -> Iterator[TestClient]:
    with TestClient(create_app(examples_db)) as c:
        yield c


@pytest.fixture(scope="module")
def hostile(hostile_db: Path) -> Iterator[TestClient]:
    with TestClient(create_app(hostile_db)) as c:
        yield c


def hrefs(html: str) -> list[str]:
    return [m.group(1) for m in re.finditer(r'href="([^"]*)"', html)]


# -- 8. stored XSS through the source URL ----------------------------------------------------------


@pytest.mark.parametrize("n", range(len(HOSTILE_URLS)), ids=[repr(u) for u in HOSTILE_URLS])
def test_only_http_source_urls_become_links(hostile: TestClient, n: int) -> None:
    url = HOSTILE_URLS[n]
    # by its text's sha256, so that this test does not depend on ids with "/" (item 13)
    key = next(
        a["key"] for a in hostile.get("/api/articles?limit=50").json()["items"] if a["id"] == hostile_id(n)
    )
    response = hostile.get(f"/articles/{key}")
    assert response.status_code == 200, response.text[:300]
    links = [h for h in hrefs(response.text) if not h.startswith(("/", "#"))]
    if url.lower().startswith(("http://", "https://")):
        assert links == [url.replace("&", "&amp;")]
    else:
        assert links == [], f"{url!r} became a link"
        assert "source:" in response.text  # still shown, as text


def test_web_link_refuses_everything_but_absolute_http_urls() -> None:
    from newsgraph.web.render import web_link

    assert web_link("https://example.org/a?b=1") == "https://example.org/a?b=1"
    assert web_link("HtTpS://example.org/") == "HtTpS://example.org/"
    for bad in (*HOSTILE_URLS[:7], "http:/no-host", "https://exa mple.org/", "\x00https://x.org/", "", None):
        assert web_link(bad) is None, bad


# -- 13. article ids with "/" ------------------------------------------------------------------------


def test_every_article_link_works_whatever_the_id(hostile: TestClient) -> None:
    followed = 0
    for listing in ("/articles", "/quotes", "/", "/?q=Ruiz"):
        for href in hrefs(hostile.get(listing).text):
            if href.startswith("/articles/"):
                page = hostile.get(href.split("#")[0])
                assert page.status_code == 200, f"{href} from {listing}: {page.status_code}"
                followed += 1
    assert followed >= 2 * 10  # every article from the list, and their statements


def test_ids_with_slashes_and_reserved_characters_are_encoded(hostile: TestClient) -> None:
    listing = hostile.get("/articles?limit=50").text
    odd = "/articles/" + quote(ODD_ID, safe="")
    assert odd == "/articles/odd%2F100%25%20sure%3F%23x"
    assert f'href="{odd}"' in listing and 'href="/articles/wire%2F2024%2F0"' in listing
    page = hostile.get(odd)
    assert page.status_code == 200 and f'href="/api/articles/{quote(ODD_ID, safe="")}"' in page.text
    assert hostile.get("/api/articles/" + quote(ODD_ID, safe="")).json()["article"]["id"] == ODD_ID
    assert hostile.get("/api/articles/wire/2024/3").json()["article"]["id"] == "wire/2024/3"


# -- 9. search cost: bounded, deduplicated terms; snippets for the page only -----------------------


def test_search_terms_are_deduplicated_and_bounded() -> None:
    from newsgraph.store.search_terms import MAX_SEARCH_TERMS, search_problem, search_terms

    assert search_terms("a A a a") == ['"a"']
    assert search_terms('"No deal" "no  deal" now Now') == ['"No deal"', '"now"']
    assert fts_query(" ".join(["a"] * 249)) == '"a"'
    many = " ".join(f"word{i}" for i in range(MAX_SEARCH_TERMS + 1))
    assert "too many different words" in (search_problem(many) or "")
    assert search_problem(" ".join(f"word{i}" for i in range(MAX_SEARCH_TERMS))) is None
    with pytest.raises(StoreError, match="too many different words"):
        fts_query(many)
    assert "too short a prefix" in (search_problem("a* sanctions") or "")
    assert search_problem("sa* sanctions") is None


def test_the_api_refuses_costly_searches_and_folds_repeats(client: TestClient) -> None:
    repeated = client.get("/api/articles", params={"q": " ".join(["a"] * 249)})  # 497 bytes
    assert repeated.status_code == 200
    assert repeated.json()["items"] == client.get("/api/articles", params={"q": "a"}).json()["items"]
    many = " ".join(f"w{i}" for i in range(100))  # 389 bytes
    for url in ("/api/articles", "/api/quotes", "/api/search", "/api/actors", "/articles", "/"):
        response = client.get(url, params={"q": many})
        assert response.status_code == 422, url
        assert "too many different words" in response.text
        assert client.get(url, params={"q": "a*"}).status_code == 422


def test_snippets_are_made_for_the_returned_page_only(examples_db: Path) -> None:
    conn = sqlite3.connect(examples_db.as_uri() + "?mode=ro", uri=True)
    statements: list[str] = []
    conn.set_trace_callback(statements.append)
    page = list_articles(conn, ArticleFilter(search="the said", limit=2, offset=1))
    # The page is chosen by a ranking query that builds no snippet; then one snippet per row
    # of the page, each for one article.
    ranking = [s for s in statements if "bm25(" in s]
    snippets = [s for s in statements if "snippet(" in s]
    assert ranking and not any("snippet(" in s for s in ranking)
    assert len(snippets) == len(page) == 2
    assert all(re.search(r"rowid = (\?|\d+)", s) for s in snippets)
    # Same rows and snippets as the flat query computing a snippet per match.
    flat = conn.execute(
        "SELECT a.id, snippet(articles_fts, 1, '«', '»', '…', 24) FROM articles a "
        "JOIN articles_fts ON articles_fts.rowid = a.seq WHERE articles_fts MATCH ? "
        "ORDER BY bm25(articles_fts, 5.0, 1.0), a.seq DESC LIMIT 2 OFFSET 1",
        (fts_query("the said"),),
    ).fetchall()
    assert [(a.id, a.snippet) for a in page] == flat and len(flat) == 2
    conn.close()


# -- 10. NUL and 64-bit overflows: 422 on every route, connection kept -----------------------------


def _get_routes(app: FastAPI) -> list[tuple[str, APIRoute]]:
    """(full path with {params}, route) of every GET route, routers included."""
    try:
        from fastapi.routing import iter_route_contexts
    except ImportError:  # FastAPI before 0.130 keeps included routes flat in app.routes
        return [(r.path_format, r) for r in app.routes if isinstance(r, APIRoute) and "GET" in r.methods]
    found = []
    for ctx in iter_route_contexts(app.routes):
        route = ctx.original_route
        if isinstance(route, APIRoute) and "GET" in (ctx.methods or ()):
            found.append((str(ctx.path_format), route))
    return found


def _kind(annotation: Any) -> str | None:
    args = set(typing.get_args(annotation)) or {annotation}
    if str in args:
        return "text"
    if int in args and bool not in args:
        return "number"
    return None


def bad_requests(app: FastAPI) -> list[str]:
    """One URL per text parameter (with a NUL) and per number parameter (with 2**63), every route."""
    urls = []
    for path, route in _get_routes(app):
        fill = {
            f.name: "x" if _kind(f.field_info.annotation) == "text" else "1"
            for f in route.dependant.path_params
        }
        for field in route.dependant.path_params:
            bad = "a%00b" if _kind(field.field_info.annotation) == "text" else str(BIG)
            urls.append(path.format(**{**fill, field.name: bad}))
        for field in route.dependant.query_params:
            kind = _kind(field.field_info.annotation)
            if kind:
                bad = "a%00b" if kind == "text" else str(BIG)
                urls.append(f"{path.format(**fill)}?{field.alias}={bad}")
    return urls


def test_every_route_answers_422_to_nul_and_to_numbers_past_64_bits(client: TestClient) -> None:
    urls = bad_requests(client.app)  # type: ignore[arg-type]
    routes_with_params = {
        p for p, r in _get_routes(client.app) if r.dependant.query_params or r.dependant.path_params
    }  # type: ignore[arg-type]
    assert {u.split("?")[0] for u in urls if "?" in u} | {"/api/articles/{article_id}"} >= {
        p for p in routes_with_params if "{" not in p
    }
    assert len(urls) > 60
    for url in urls:
        response = client.get(url)
        assert response.status_code == 422, f"{url}: {response.status_code} {response.text[:200]}"
    assert client.get(f"/api/actors/{BIG - 1}").status_code == 404  # the largest id is just unknown
    assert client.get(f"/api/articles?offset={BIG - 1}").json()["items"] == []


@pytest.fixture(scope="module")
def live(examples_db: Path) -> Iterator[tuple[str, int, FastAPI]]:
    """The app under a real uvicorn on 127.0.0.1, with one extra route that fails on purpose."""
    app = create_app(examples_db)

    @app.get("/test-only-failure")
    def failure() -> None:
        raise RuntimeError("a bug in a route")

    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=0, log_level="critical"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        assert time.monotonic() < deadline and thread.is_alive(), "the test server did not start"
        time.sleep(0.02)
    port = server.servers[0].sockets[0].getsockname()[1]
    yield "127.0.0.1", port, app
    server.should_exit = True
    thread.join(timeout=5)


def test_the_keep_alive_connection_survives_bad_requests_and_errors(live: tuple[str, int, FastAPI]) -> None:
    host, port, app = live
    conn = http.client.HTTPConnection(host, port, timeout=10)
    conn.connect()
    local = conn.sock.getsockname()
    for url in [*bad_requests(app), "/test-only-failure", "/api/articles?limit=1"]:
        conn.request("GET", url)
        response = conn.getresponse()
        body = response.read()
        expected = 500 if "failure" in url else 200 if "limit=1" in url else 422
        assert response.status == expected, (url, body[:200])
        assert not response.will_close and conn.sock is not None, f"connection closed after {url}"
        assert conn.sock.getsockname() == local
    conn.close()


# -- 11. security headers and the Host check ---------------------------------------------------------


def test_every_answer_carries_the_security_headers(client: TestClient) -> None:
    actor = client.get("/api/actors?limit=1").json()["items"][0]["id"]
    fill = {"article_id": SEED_ID, "actor_id": str(actor)}
    urls = [path.format(**fill) for path, _ in _get_routes(client.app)]  # type: ignore[arg-type]
    urls += ["/openapi.json", "/static/style.css", "/docs-assets/swagger-ui.css", "/nowhere", "/api/nowhere"]
    urls += ["/api/articles?limit=0", "/articles/no-such-id", "/api/quotes?q=a%00"]
    statuses = set()
    for url in urls:
        response = client.get(url)
        statuses.add(response.status_code)
        for name, value in HEADERS.items():
            assert response.headers.get(name) == value, f"{url}: {name} missing"
        csp = response.headers.get("content-security-policy", "")
        assert "default-src 'none'" in csp and "script-src 'self';" in csp, url
        assert "frame-ancestors 'none'" in csp and "unsafe-eval" not in csp, url
    assert statuses == {200, 404, 422}


def test_pages_have_no_inline_script(client: TestClient) -> None:
    for url in ("/", f"/articles/{SEED_ID}", "/graph", "/events", "/docs"):
        html = client.get(url).text
        for tag in re.findall(r"<script\b[^>]*>", html):
            assert "src=" in tag or 'type="application/json"' in tag, f"{url}: inline script {tag}"
        assert "cdn" not in html.lower() and "https://" not in html.split("<body")[0]


def test_the_host_check_refuses_unknown_hosts(examples_db: Path) -> None:
    app = create_app(examples_db, allowed_hosts=["localhost", "127.0.0.1", "::1", "*.news.example"])
    with TestClient(app, base_url="http://localhost:8000") as c:
        assert c.get("/api/articles?limit=1").status_code == 200
        for host, status in [
            ("127.0.0.1:8000", 200),
            ("[::1]:8000", 200),
            ("LOCALHOST", 200),
            ("web.news.example", 200),
            ("news.example", 400),
            ("attacker.example", 400),
            ("localhost.attacker.example", 400),
            ("127.0.0.1.nip.io:8000", 400),
            ("", 400),
        ]:
            response = c.get("/api/articles?limit=1", headers={"host": host})
            assert response.status_code == status, host
            assert response.headers["x-frame-options"] == "DENY"


def test_host_names_are_parsed_and_matched() -> None:
    from newsgraph.web.guards import host_allowed, host_name

    assert host_name("Example.ORG:8000") == "example.org"
    assert host_name("[::1]:8000") == "::1" and host_name("::1") == "::1"
    assert host_allowed("a.example.org", ["*.example.org"]) and not host_allowed(
        "example.org", ["*.example.org"]
    )
    assert not host_allowed("evilexample.org", ["*.example.org"]) and host_allowed("anything", ["*"])
