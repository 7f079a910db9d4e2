"""Event queries on a real SQLite store: find_events filters and dyad counts over time."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from newsgraph.errors import StoreError
from newsgraph.records import Article, Entity, Event, Span
from newsgraph.store import open_store
from newsgraph.store.dyad_queries import DyadRow, dyads
from newsgraph.store.event_queries import find_events
from newsgraph.store.filters import DyadFilter, EventFilter
from newsgraph.store.sqlite import SQLiteStore


def _span(text: str, sub: str) -> Span:
    start = text.index(sub)
    return Span(start, start + len(sub))


def _article(id: str, text: str, published: str | None, events: list[tuple[str, ...]]) -> Article:
    """An article whose events are ``(source, src_country, plover, cameo, target, tgt_country, evidence)``."""
    records = tuple(
        Event(
            source=s,
            source_country=sc or None,
            plover=p,
            cameo=c,
            target=t or None,
            target_country=tc or None,
            evidence=_span(text, ev),
            goldstein=-2.0 if p == "ACCUSE" else 4.0,
        )
        for s, sc, p, c, t, tc, ev in events
    )
    entities = (Entity(id="e1", name="Dmitry Peskov", type="PERSON", country="RUS"),)
    return Article(id=id, text=text, published=published, title=id, entities=entities, events=records)


MAY = "Peskov accused Washington of prolonging the war. Blinken praised Kyiv."
JUNE = "Peskov criticized the proposal. Russia and Belarus held talks."
UNDATED = "Peskov accused the West again."


@pytest.fixture
def store(tmp_path: Path) -> Iterator[SQLiteStore]:
    with open_store(tmp_path / "events.db") as s:
        s.add(
            _article(
                "may",
                MAY,
                "2024-05-23T07:37:00+01:00",
                [
                    (
                        "Dmitry Peskov",
                        "RUS",
                        "ACCUSE",
                        "112",
                        "United States",
                        "USA",
                        "Peskov accused Washington",
                    ),
                    ("Antony Blinken", "USA", "SUPPORT", "051", "Ukraine", "UKR", "Blinken praised Kyiv"),
                ],
            )
        )
        s.add(
            _article(
                "june",
                JUNE,
                "2024-06-02T10:00:00+00:00",
                [
                    (
                        "Dmitry Peskov",
                        "RUS",
                        "ACCUSE",
                        "111",
                        "proposal",
                        "",
                        "Peskov criticized the proposal",
                    ),
                    ("Russia", "RUS", "CONSULT", "040", "Belarus", "BLR", "Russia and Belarus held talks"),
                ],
            )
        )
        s.add(
            _article(
                "undated",
                UNDATED,
                None,
                [("Dmitry Peskov", "RUS", "ACCUSE", "112", "West", "", "Peskov accused")],
            )
        )
        yield s


def test_find_events_by_source_is_case_insensitive_and_newest_first(store: SQLiteStore) -> None:
    hits = find_events(store.connection, EventFilter(source="peskov"))
    assert [h.article_id for h in hits] == ["june", "may", "undated"]
    assert hits[1].evidence == "Peskov accused Washington"
    assert hits[1].cameo == "112" and hits[1].target_country == "USA"


def test_find_events_filters_type_target_country_and_dates(store: SQLiteStore) -> None:
    conn = store.connection
    assert [h.source for h in find_events(conn, EventFilter(type="support"))] == ["Antony Blinken"]
    assert [h.article_id for h in find_events(conn, EventFilter(target="united"))] == ["may"]
    assert {h.source for h in find_events(conn, EventFilter(country="blr"))} == {"Russia"}
    assert [h.article_id for h in find_events(conn, EventFilter(source="Peskov", since="2024-06-01"))] == [
        "june"
    ]
    assert [h.article_id for h in find_events(conn, EventFilter(source="Peskov", until="2024-05-31"))] == [
        "may"
    ]


def test_find_events_pages_and_escapes_like_wildcards(store: SQLiteStore) -> None:
    conn = store.connection
    first = find_events(conn, EventFilter(limit=2))
    rest = find_events(conn, EventFilter(limit=10, offset=2))
    assert len(first) == 2 and len(rest) == 3
    assert {(h.article_id, h.idx) for h in first}.isdisjoint((h.article_id, h.idx) for h in rest)
    assert find_events(conn, EventFilter(source="%")) == []


def test_unknown_type_and_bad_date_say_what_to_type(store: SQLiteStore) -> None:
    with pytest.raises(StoreError, match="PLOVER types"):
        find_events(store.connection, EventFilter(type="FIGHT"))
    with pytest.raises(StoreError, match="ISO 8601"):
        find_events(store.connection, EventFilter(since="last week"))
    with pytest.raises(StoreError, match="period"):
        dyads(store.connection, DyadFilter(period="fortnight"))


def test_dyads_count_by_month_country_pair_and_type(store: SQLiteStore) -> None:
    rows = dyads(store.connection, DyadFilter())
    assert DyadRow("2024-05", "RUS", "USA", "ACCUSE", 1, 1, -2.0) in rows
    assert DyadRow("2024-05", "USA", "UKR", "SUPPORT", 1, 1, 4.0) in rows
    assert DyadRow("2024-06", "RUS", None, "ACCUSE", 1, 1, -2.0) in rows
    assert rows[-1].period is None  # the undated article comes last
    assert [r.period for r in rows[:-1]] == sorted(r.period or "" for r in rows[:-1])


def test_dyads_by_year_and_type_with_dates(store: SQLiteStore) -> None:
    rows = dyads(store.connection, DyadFilter(period="year", type="ACCUSE", since="2024-01-01"))
    assert rows == [
        DyadRow("2024", "RUS", None, "ACCUSE", 1, 1, -2.0),
        DyadRow("2024", "RUS", "USA", "ACCUSE", 1, 1, -2.0),
    ]
    everything = dyads(store.connection, DyadFilter(period="all"))
    assert sum(r.events for r in everything) == 5


def _rated(text: str, confidences: list[float]) -> Article:
    events = tuple(
        Event(
            source="Dmitry Peskov",
            source_country="RUS",
            plover="ACCUSE",
            cameo="112",
            target="United States",
            evidence=_span(text, "Peskov accused"),
            confidence=c,
        )
        for c in confidences
    )
    return Article(id="rated", text=text, title="rated", events=events)


def test_event_confidence_is_stored_and_filters_events(tmp_path: Path) -> None:
    with open_store(tmp_path / "rated.db") as s:
        s.add(_rated("Peskov accused Washington. Peskov accused the West.", [0.91, 0.12]))
        (stored,) = list(s.iter_articles())
        assert stored is not None and [e.confidence for e in stored.events] == [0.91, 0.12]
        assert [e.confidence for e in s.find_events(source="Peskov")] == [0.91, 0.12]
        assert [e.confidence for e in s.find_events(source="Peskov", min_confidence=0.5)] == [0.91]
        assert [e.confidence for e in s.find_events(min_confidence=0.12)] == [0.91, 0.12]
        assert s.find_events(min_confidence=0.95) == []


def test_the_events_command_filters_by_confidence_and_refuses_a_share_outside_0_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from newsgraph.cli import main

    db = tmp_path / "rated.db"
    with open_store(db) as s:
        s.add(_rated("Peskov accused Washington. Peskov accused the West.", [0.91, 0.12]))
    assert main(["events", "--db", str(db), "--min-confidence", "0.5", "--json"]) == 0
    out = capsys.readouterr().out
    assert '"confidence": 0.91' in out and "0.12" not in out
    with pytest.raises(SystemExit) as exit_info:
        main(["events", "--db", str(db), "--min-confidence", "1.5"])
    assert exit_info.value.code == 2
    assert "outside 0-1" in capsys.readouterr().err
