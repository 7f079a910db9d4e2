"""The HTML pages through an in-process client: content, twins of the API, and escaping.

Articles are untrusted input: the crafted article carries ``<script>`` and an ``onerror=``
attribute in its title, byline and quotes, and no page may print them as markup.
"""

from __future__ import annotations

import csv
import html
import io
import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("fastapi", reason="the web extra is not installed: pip install 'newsgraph[web]'")
pytest.importorskip("httpx", reason="fastapi's test client needs httpx")

from fastapi.testclient import TestClient

from newsgraph.cli import main
from newsgraph.web import create_app

from ._web_support import crafted_db_fixture, examples_db_fixture  # noqa: F401

SEED_ID = "10f62c019f233dad"
HOTHEADS = "hotheads in the US Congress"


@pytest.fixture(scope="module")
def client(examples_db: Path) -> Iterator[TestClient]:
    with TestClient(create_app(examples_db)) as c:
        yield c


def page(client: TestClient, url: str, status: int = 200) -> str:
    response = client.get(url)
    assert response.status_code == status, response.text[:500]
    assert response.headers["content-type"].startswith("text/html")
    return response.text


def actor_id(client: TestClient, name: str) -> int:
    items = client.get("/api/actors", params={"q": name}).json()["items"]
    return int(next(a["id"] for a in items if a["name"] == name))


def test_home_has_search_recent_statements_and_top_speakers(client: TestClient) -> None:
    body = page(client, "/")
    assert '<input type="search" name="q"' in body
    assert "Recent statements" in body and "Most-quoted speakers" in body
    assert f'href="/actors/{actor_id(client, "Antony Blinken")}">Antony Blinken</a>' in body
    assert 'href="/static/style.css"' in body and "http" not in body.split("<body>")[0].replace(
        'name="viewport"', ""
    )


def test_search_finds_statements_by_a_speaker_and_matching_articles(client: TestClient) -> None:
    body = page(client, "/?q=Peskov")
    assert html.escape(HOTHEADS, quote=False) in html.unescape(body) or HOTHEADS in html.unescape(body)
    assert f'href="/articles/{SEED_ID}#q10"' in body
    assert "<mark>Peskov</mark>" in body  # the article snippet marks the match


def test_article_page_highlights_quotes_by_speaker_with_a_legend(client: TestClient) -> None:
    body = page(client, f"/articles/{SEED_ID}")
    api = client.get(f"/api/articles/{SEED_ID}").json()
    colours = {s["speaker"]: s["colour"] for s in api["speakers"]}
    for speaker in ("Antony Blinken", "Dmitry Peskov"):
        assert f'class="swatch {colours[speaker]}"' in body
    # Peskov's partial quote is a highlighted span with his colour, anchored for links
    assert re.search(rf'<span class="q {colours["Dmitry Peskov"]} qi-10[^"]*" id="q10"', body)
    assert 'class="cue"' in body or "cue " in body
    assert re.search(r'class="[^"]*\bwho\b', body)  # speaker mentions marked
    assert re.search(r'<span class="removed"[^>]*>Trending Now</span>', body)  # boilerplate faded
    peskov = actor_id(client, "Dmitry Peskov")
    assert f'<a href="/actors/{peskov}">Peskov</a>' in body  # entity mentions link to their pages


def test_speaker_page_shows_titles_timeline_and_linked_quotes(client: TestClient) -> None:
    body = page(client, f"/actors/{actor_id(client, 'Antony Blinken')}")
    assert "<h1>Antony Blinken</h1>" in body
    assert "U.S. Secretary of State" in body and "23 May 2024" in body
    data = re.search(r'<script type="application/json" id="timeline-data">(.*?)</script>', body, re.S)
    assert data and json.loads(data.group(1)) == [{"week": "2024-05-20", "statements": 8}]
    assert body.count(f'href="/articles/{SEED_ID}#q') >= 8  # every quote links to its sentence


def test_list_pages_are_twins_of_their_api(client: TestClient) -> None:
    api = client.get("/api/quotes", params={"speaker": "Peskov"}).json()["items"]
    body = html.unescape(page(client, "/quotes?speaker=Peskov"))
    for q in api:
        assert q["text"] in body
    titles = [a["title"] for a in client.get("/api/articles?limit=3").json()["items"]]
    body = html.unescape(page(client, "/articles?limit=3"))
    assert all(t in body for t in titles) and "Next →" in body
    assert "Antony Blinken" in page(client, "/actors?type=PERSON&speakers_only=true")


def test_events_table_graph_and_csv_download(client: TestClient) -> None:
    assert "Download CSV" in page(client, "/events")
    assert "Actor graph" in page(client, "/graph?level=country")
    response = client.get("/events.csv")
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/csv")
    assert "attachment" in response.headers["content-disposition"]
    rows = list(csv.reader(io.StringIO(response.text)))
    assert rows[0][:3] == ["published", "outlet", "article_id"]
    assert len(rows) - 1 == len(client.get("/api/events?limit=500").json()["items"])


def test_errors_are_pages_too(client: TestClient) -> None:
    assert "No article" in page(client, "/articles/nope", 404)
    assert "since=&#39;soon&#39; is not an ISO 8601 date" in page(client, "/quotes?since=soon", 422)
    assert "limit: Input should be less than or equal to 500" in page(client, "/articles?limit=9999", 422)


def test_search_box_does_not_reflect_markup(client: TestClient) -> None:
    attack = '"><script>alert(1)</script><img src=x onerror=alert(1)>'
    body = client.get("/", params={"q": attack}).text
    assert "<script>alert(1)</script>" not in body
    assert "<img src=x onerror" not in body
    assert 'value="&#34;&gt;&lt;script&gt;alert(1)&lt;/script&gt;' in body


def test_crafted_article_is_inert_text_on_every_page(crafted_db: Path) -> None:
    with TestClient(create_app(crafted_db)) as c:
        article = c.get("/api/articles").json()["items"][0]
        speaker = c.get("/api/actors").json()["items"][0]
        urls = [
            "/",
            "/?q=script",
            "/?q=Ruiz",
            "/articles",
            f"/articles/{article['id']}",
            "/quotes",
            "/quotes?q=accept",
            "/actors",
            f"/actors/{speaker['id']}",
            "/events",
            "/graph",
        ]
        for url in urls:
            body = c.get(url).text
            assert "<script>alert" not in body, url
            assert "<img src=x" not in body, url
            assert "<b onmouseover" not in body, url
        article_page = c.get(f"/articles/{article['id']}").text
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in article_page
        assert "&lt;img src=x onerror=alert(3)&gt;" in article_page
        assert "<script>" not in c.get("/events.csv").text.split("\n", 1)[0]


def test_serve_refuses_a_missing_database(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["serve", "--db", str(tmp_path / "none.db"), "--port", "0"])
    assert code == 2
    assert "no such database file" in capsys.readouterr().err


def test_serve_has_help_with_an_example(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["serve", "--help"])
    out = capsys.readouterr().out
    assert "--host" in out and "--port" in out and "example: newsgraph serve" in out
