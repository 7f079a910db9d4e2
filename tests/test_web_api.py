"""The JSON API through an in-process client, on a database built by ``newsgraph ingest examples``.

No mocks: the app reads the real SQLite file read-only, as ``newsgraph serve`` does.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("fastapi", reason="the web extra is not installed: pip install 'newsgraph[web]'")
pytest.importorskip("httpx", reason="fastapi's test client needs httpx")

from fastapi.testclient import TestClient

from newsgraph.errors import StoreError
from newsgraph.web import create_app
from newsgraph.web.app import Database

from ._web_support import crafted_db_fixture, examples_db_fixture, seed_peskov_edge  # noqa: F401

SEED_ID = "10f62c019f233dad"


@pytest.fixture(scope="module")
def client(examples_db: Path) -> Iterator[TestClient]:
    with TestClient(create_app(examples_db)) as c:
        yield c


def get(client: TestClient, url: str, status: int = 200) -> Any:
    response = client.get(url)
    assert response.status_code == status, response.text
    return response.json()


def actor_id(client: TestClient, name: str) -> int:
    items = get(client, f"/api/actors?q={name}")["items"]
    return int(next(a["id"] for a in items if a["name"] == name))


# -- articles ------------------------------------------------------------------------------------


def test_articles_page_through_every_article_once_in_a_stable_order(client: TestClient) -> None:
    seen: list[str] = []
    offset: int | None = 0
    while offset is not None:
        page = get(client, f"/api/articles?limit=4&offset={offset}")
        assert page["limit"] == 4 and page["offset"] == offset
        seen += [a["id"] for a in page["items"]]
        offset = page["next_offset"]
    assert len(seen) == len(set(seen)) == 9
    assert seen == [a["id"] for a in get(client, "/api/articles?limit=50")["items"]]


def test_articles_filter_by_words_outlet_and_dates(client: TestClient) -> None:
    hits = get(client, "/api/articles?q=Peskov")["items"]
    assert [a["id"] for a in hits] == [SEED_ID]
    assert "«Peskov»" in hits[0]["snippet"]
    outlet = get(client, "/api/articles?outlet=northbridge%20gazette")["items"]
    assert [a["outlet"] for a in outlet] == ["Northbridge Gazette"]
    # the seed was published 2024-05-23 06:37 UTC: a bare date as `until` includes the whole day
    day = get(client, "/api/articles?since=2024-05-23&until=2024-05-23")["items"]
    assert SEED_ID in [a["id"] for a in day]
    assert get(client, "/api/articles?since=2030-01-01")["items"] == []


def test_article_detail_has_text_entities_quotes_events_and_removed_lines(client: TestClient) -> None:
    view = get(client, f"/api/articles/{SEED_ID}")
    article = view["article"]
    assert article["title"] == "U.S. Open to Discussing Deep Strikes on Russia, Says Blinken"
    assert "hotheads in the US Congress" in article["text"]
    assert {"entities", "quotes", "events", "removed_lines"} <= set(article)
    removed = [article["text"][r["start"] : r["end"]] for r in article["removed_lines"]]
    assert "Trending Now" in removed
    speakers = {s["speaker"]: s for s in view["speakers"]}
    assert speakers["Antony Blinken"]["colour"] != speakers["Dmitry Peskov"]["colour"]
    assert speakers["Dmitry Peskov"]["actor_id"] == actor_id(client, "Dmitry Peskov")
    # the text sha256 (or a 6+ digit prefix of it) works as the id too
    assert get(client, f"/api/articles/{view['key'][:10]}")["article"]["id"] == SEED_ID


def test_unknown_ids_are_404(client: TestClient) -> None:
    assert "no article" in get(client, "/api/articles/no-such-article", 404)["detail"]
    assert "no actor" in get(client, "/api/actors/999999", 404)["detail"]


# -- statements ------------------------------------------------------------------------------------


def test_quotes_by_speaker_words_and_type(client: TestClient) -> None:
    by_speaker = get(client, "/api/quotes?speaker=peskov")["items"]
    assert any("hotheads in the US Congress" in q["text"] for q in by_speaker)
    assert {q["speaker"] for q in by_speaker} == {"Dmitry Peskov"}
    assert all(q["actor_id"] == by_speaker[0]["actor_id"] is not None for q in by_speaker)
    by_words = get(client, "/api/quotes?q=hotheads%20Congress")["items"]
    assert [q["speaker"] for q in by_words] == ["Dmitry Peskov"]
    direct = get(client, "/api/quotes?speaker=Blinken&type=direct")["items"]
    assert direct and {q["type"] for q in direct} == {"direct"}


def test_quotes_page_without_gaps_or_overlaps(client: TestClient) -> None:
    everything = [(q["article_id"], q["idx"]) for q in get(client, "/api/quotes?limit=500")["items"]]
    paged: list[tuple[str, int]] = []
    offset: int | None = 0
    while offset is not None:
        page = get(client, f"/api/quotes?limit=37&offset={offset}")
        paged += [(q["article_id"], q["idx"]) for q in page["items"]]
        offset = page["next_offset"]
    assert paged == everything and len(set(paged)) == len(paged) > 100


@pytest.mark.parametrize(
    ("url", "words"),
    [
        ("/api/quotes?since=last-week", "since='last-week' is not an ISO 8601 date"),
        ("/api/quotes?until=2024-13-45", "until='2024-13-45' is not an ISO 8601 date"),
        ("/api/quotes?type=rumour", "type: Input should be 'direct', 'partial' or 'indirect'"),
        ("/api/quotes?limit=0", "limit: Input should be greater than or equal to 1"),
        ("/api/articles?offset=-1", "offset: Input should be greater than or equal to 0"),
        ("/api/actors?type=ALIEN", "type: Input should be 'PERSON', 'ORG', 'GPE' or 'NORP'"),
        ("/api/actors/blinken", "actor_id: Input should be a valid integer"),
        ("/api/events?country=Russia", "country: String should have at most 3 characters"),
        ("/api/events?country=R1", "country='R1': give an ISO 3166-1 alpha-3 code"),
        ("/api/events?type=ACCUSE;DROP", "type='ACCUSE;DROP': give a PLOVER type"),
        ("/api/dyads?level=planet", "level: Input should be 'actor' or 'country'"),
        ("/api/search", "q: Field required"),
    ],
)
def test_invalid_parameters_are_422_with_a_clear_message(client: TestClient, url: str, words: str) -> None:
    body = get(client, url, 422)
    message = body.get("message") or body["detail"]
    assert words in message


def test_empty_parameters_mean_no_filter(client: TestClient) -> None:
    """HTML forms send empty fields; ``?type=&since=`` is the same as no filter at all."""
    assert get(client, "/api/quotes?type=&since=&q=") == get(client, "/api/quotes")


# -- actors ----------------------------------------------------------------------------------------


def test_actors_most_quoted_first_with_type_and_speaker_filters(client: TestClient) -> None:
    speakers = get(client, "/api/actors?speakers_only=true&limit=500")["items"]
    assert speakers and all(a["quotes"] > 0 for a in speakers)
    assert [a["quotes"] for a in speakers] == sorted((a["quotes"] for a in speakers), reverse=True)
    blinken = next(a for a in speakers if a["name"] == "Antony Blinken")
    assert blinken["type"] == "PERSON" and blinken["country"] == "USA" and blinken["quotes"] == 8
    places = get(client, "/api/actors?type=GPE&limit=500")["items"]
    assert places and {a["type"] for a in places} == {"GPE"}


def test_actor_detail_titles_timeline_co_mentions_and_statements(client: TestClient) -> None:
    view = get(client, f"/api/actors/{actor_id(client, 'Antony Blinken')}")
    assert view["summary"]["name"] == "Antony Blinken"
    title = next(t for t in view["titles"] if t["title"] == "U.S. Secretary of State")
    assert title["first_seen"].startswith("2024-05-23") and title["article_id"] == SEED_ID
    assert view["timeline"] == [{"week": "2024-05-20", "statements": 8}]
    assert "Dmitry Peskov" in [c["name"] for c in view["co_mentioned"]]
    statements = view["statements"]["items"]
    assert len(statements) == 8 and {s["article_id"] for s in statements} == {SEED_ID}
    assert "he" not in view["aliases"]


def test_actor_statements_are_paginated(client: TestClient) -> None:
    aid = actor_id(client, "Antony Blinken")
    first = get(client, f"/api/actors/{aid}?limit=5")["statements"]
    second = get(client, f"/api/actors/{aid}?limit=5&offset=5")["statements"]
    assert first["next_offset"] == 5 and second["next_offset"] is None
    assert len(first["items"]) + len(second["items"]) == 8


# -- events ----------------------------------------------------------------------------------------


def test_events_and_dyads_answer_with_the_paged_shape(client: TestClient) -> None:
    page = get(client, "/api/events?limit=5")
    assert set(page) == {"items", "limit", "offset", "next_offset", "next_after"}
    graph = get(client, "/api/dyads")
    assert set(graph) == {"level", "nodes", "edges", "types"}
    assert get(client, "/api/dyads?level=country")["level"] == "country"


def test_events_carry_their_confidence_and_filter_by_it(client: TestClient) -> None:
    every = get(client, "/api/events?limit=500")["items"]
    assert every and all(0.0 < e["confidence"] < 1.0 for e in every)
    middle = sorted(e["confidence"] for e in every)[len(every) // 2]
    sure = get(client, f"/api/events?limit=500&min_confidence={middle}")["items"]
    assert sure and all(e["confidence"] >= middle for e in sure) and len(sure) < len(every)
    assert len(get(client, "/api/events?limit=500&min_confidence=")["items"]) == len(every)  # empty field
    get(client, "/api/events?min_confidence=1.5", status=422)
    get(client, "/api/events?min_confidence=nan", status=422)


def test_seed_accusation_is_an_event_and_a_dyad(client: TestClient, examples_db: Path) -> None:
    if not seed_peskov_edge(examples_db):
        pytest.xfail("events component not landed: the seed's Peskov -> United States event is not coded")
    events = get(client, "/api/events?source=Peskov")["items"]
    assert any(e["target"] == "United States" and e["plover"] == "ACCUSE" for e in events)
    assert "Washington" in " ".join(e["evidence"] for e in events)
    edges = get(client, "/api/dyads")["edges"]
    assert any(e["source"] == "Dmitry Peskov" and e["target"] == "United States" for e in edges)


# -- the app itself ----------------------------------------------------------------------------------


def test_openapi_documents_every_api_route(client: TestClient) -> None:
    paths = set(get(client, "/openapi.json")["paths"])
    assert {
        "/api/articles",
        "/api/articles/{article_id}",
        "/api/quotes",
        "/api/actors",
        "/api/actors/{actor_id}",
        "/api/events",
        "/api/dyads",
        "/api/search",
    } <= paths
    assert not any(p.startswith("/actors") for p in paths)  # pages are not part of the API
    assert client.get("/docs").status_code == 200


def test_the_app_reads_only(examples_db: Path) -> None:
    conn = Database(examples_db).connect()
    try:
        with pytest.raises(sqlite3.OperationalError):
            conn.execute("DELETE FROM quotes")
    finally:
        conn.close()


def test_a_missing_database_is_refused_before_serving(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no such database file"):
        create_app(tmp_path / "absent.db")


def test_api_returns_markup_in_article_text_as_data(crafted_db: Path) -> None:
    with TestClient(create_app(crafted_db)) as c:
        article = get(c, "/api/articles")["items"][0]
        assert article["title"].startswith("Minister <script>alert(1)</script>")
        response = c.get(f"/api/articles/{article['id']}")
        assert response.headers["content-type"].startswith("application/json")
