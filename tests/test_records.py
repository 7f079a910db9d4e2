"""Records are lossless to and from dicts/JSON and keep the contract's shape."""

from __future__ import annotations

import json

import pytest

from newsgraph.records import (
    Article,
    Entity,
    Event,
    Provenance,
    Quote,
    RemovedLine,
    Source,
    Span,
    TextSpan,
    text_sha256,
)

TEXT = 'Minister Ana Ruiz said "we will act." She added that talks go on.'


def sample_article() -> Article:
    return Article(
        id="abc",
        text=TEXT,
        source=Source(path="a.txt", url=None, format="text"),
        title="T",
        authors=("Jane Doe",),
        published="2024-05-23T07:37:00+01:00",
        published_raw="May.23 - 2024 7:37 AM CET",
        section="News",
        outlet="Example Times",
        language="en",
        removed_lines=(RemovedLine(0, 4, "section label"),),
        headings=(Span(5, 9),),
        standfirst=Span(10, 20),
        image_credits=("Wikimedia Commons",),
        entities=(
            Entity(
                "e1",
                "Ana Ruiz",
                "PERSON",
                "ESP",
                ("Minister",),
                ("Ruiz", "She"),
                (Span(9, 17), Span(38, 41)),
                "ESPGOV",
            ),
        ),
        quotes=(
            Quote(
                "we will act.",
                24,
                36,
                "direct",
                "Ana Ruiz",
                "e1",
                TextSpan("Ana Ruiz", 9, 17),
                TextSpan("said", 18, 22),
            ),
            Quote(
                "that talks go on",
                48,
                64,
                "indirect",
                "Ana Ruiz",
                "e1",
                None,
                TextSpan("added", 42, 47),
                0,
                (TextSpan("talks", 53, 58),),
            ),
        ),
        events=(
            Event(
                "Ana Ruiz",
                "THREATEN",
                "130",
                Span(0, 36),
                "e1",
                "ESP",
                None,
                None,
                None,
                0,
                "verbal",
                3,
                -4.4,
            ),
        ),
        provenance=Provenance("0.1.0", "en_core_web_sm 3.8.0", "abcd", text_sha256(TEXT)),
    )


def test_article_round_trip_through_json() -> None:
    article = sample_article()
    back = Article.from_dict(json.loads(json.dumps(article.to_dict())))
    assert back == article


def test_contract_shape() -> None:
    d = sample_article().to_dict()
    for key in (
        "schema_version",
        "id",
        "source",
        "text",
        "title",
        "authors",
        "published",
        "published_raw",
        "section",
        "outlet",
        "language",
        "removed_lines",
        "entities",
        "quotes",
        "events",
        "provenance",
    ):
        assert key in d
    assert d["schema_version"] == 1
    assert d["entities"][0]["mentions"] == [[9, 17], [38, 41]]
    assert d["quotes"][0]["speaker_mention"] == {"text": "Ana Ruiz", "start": 9, "end": 17}
    assert d["quotes"][1]["continues"] == 0
    assert d["events"][0]["evidence"] == {"start": 0, "end": 36}
    assert set(d["provenance"]) == {"newsgraph", "model", "lexicons", "text_sha256"}


def test_records_are_frozen() -> None:
    with pytest.raises(AttributeError):
        sample_article().title = "x"  # type: ignore[misc]


def test_invalid_span_rejected() -> None:
    with pytest.raises(ValueError):
        Span(5, 2)


def test_text_sha256_is_content_key() -> None:
    assert text_sha256("a") == text_sha256("a") != text_sha256("b")
    assert len(text_sha256("a")) == 64
