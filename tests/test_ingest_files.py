"""WARC (written here with warcio), JSON Lines and mixed directories, read and analysed."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newsgraph.cli import main
from newsgraph.errors import InputError
from newsgraph.ingest.base import RawDocument
from newsgraph.ingest.jsonl import iter_jsonl
from newsgraph.ingest.sources import FetchTask, estimate_total, plan
from newsgraph.ingest.warc import iter_warc

from ._ingest_server import article_html, article_text


def write_warc(path: Path) -> None:
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=path.suffix == ".gz")

        def response(url: str, status: str, ctype: str, body: bytes, date: str) -> None:
            headers = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
            record = writer.create_warc_record(
                url,
                "response",
                payload=io.BytesIO(body),
                http_headers=headers,
                warc_headers_dict={"WARC-Date": date},
            )
            writer.write_record(record)

        writer.write_record(
            writer.create_warc_record("https://news.example/a1", "request", payload=io.BytesIO(b"GET /"))
        )
        response(
            "https://news.example/a1",
            "200 OK",
            "text/html; charset=utf-8",
            article_html("a1"),
            "2024-03-07T10:00:00Z",
        )
        response(
            "https://news.example/logo.png", "200 OK", "image/png", b"\x89PNG....", "2024-03-07T10:00:01Z"
        )
        response("https://news.example/old", "301 Moved", "text/html", b"", "2024-03-07T10:00:02Z")
        response("https://news.example/a2", "200 OK", "text/html", article_html("a2"), "2024-03-07T10:00:03Z")


@pytest.mark.parametrize("name", ["crawl.warc.gz", "crawl.warc"])
def test_warc_html_responses_keep_uri_and_date(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    write_warc(path)
    docs = list(iter_warc(path, 1_000_000))
    assert all(isinstance(d, RawDocument) for d in docs)
    assert [d.url for d in docs if isinstance(d, RawDocument)] == [
        "https://news.example/a1",
        "https://news.example/a2",
    ]
    first = docs[0]
    assert isinstance(first, RawDocument)
    assert (
        first.container == "warc"
        and first.format == "html"
        and first.path
        and first.path.startswith(str(path) + "#")
    )
    assert first.metadata["fetched_at"] == "2024-03-07T10:00:00Z"


def test_broken_warc_is_reported(tmp_path: Path) -> None:
    bad = tmp_path / "bad.warc.gz"
    bad.write_bytes(b"this is not a warc file at all\n" * 10)
    items = list(iter_warc(bad, 1_000_000))
    assert len(items) == 1 and isinstance(items[0], InputError) and "WARC" in items[0].reason


def test_analyze_warc_end_to_end(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "crawl.warc.gz"
    write_warc(path)
    assert main(["analyze", str(path), "--workers", "1"]) == 0
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [r["source"]["url"] for r in records] == ["https://news.example/a1", "https://news.example/a2"]
    assert records[0]["source"]["format"] == "warc" and records[0]["title"].startswith("River treaty")


def write_jsonl(path: Path) -> None:
    lines = [
        json.dumps(
            {
                "id": "j1",
                "text": article_text("a1"),
                "title": "Treaty (from JSONL)",
                "published": "2024-03-07",
            }
        ),
        "{not json",
        json.dumps({"id": "j3", "html": article_html("a2").decode(), "url": "https://news.example/a2"}),
        json.dumps({"id": "j4", "text": "   "}),
        "",
        json.dumps(["a list"]),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_jsonl_lines_and_bad_lines(tmp_path: Path) -> None:
    path = tmp_path / "articles.jsonl"
    write_jsonl(path)
    items = list(iter_jsonl(path, 1_000_000))
    assert len(items) == 5
    good = [i for i in items if isinstance(i, RawDocument)]
    bad = {i.source: i.reason for i in items if isinstance(i, InputError)}
    assert [(d.id, d.format, d.container) for d in good] == [("j1", "text", "jsonl"), ("j3", "html", "jsonl")]
    assert good[0].metadata == {"title": "Treaty (from JSONL)", "published": "2024-03-07"}
    assert bad[f"{path}:2"].startswith("not valid JSON") and "text" in bad[f"{path}:4"]
    assert bad[f"{path}:6"] == "line is not a JSON object"
    assert estimate_total([str(path)]) == 5


def test_analyze_jsonl_uses_line_ids_and_metadata(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "articles.jsonl"
    write_jsonl(path)
    assert main(["analyze", str(path), "--workers", "1"]) == 1
    out, err = capsys.readouterr()
    records = [json.loads(line) for line in out.splitlines()]
    assert [r["id"] for r in records] == ["j1", "j3"]
    assert records[0]["source"] == {"path": f"{path}:1", "url": None, "format": "jsonl"}
    assert records[1]["source"]["url"] == "https://news.example/a2"
    assert len([line for line in err.splitlines() if line.startswith("error: ")]) == 3


def test_directory_mixes_kinds_recursively(tmp_path: Path) -> None:
    (tmp_path / "sub" / "deeper").mkdir(parents=True)
    (tmp_path / "a.txt").write_text(article_text("a1"), encoding="utf-8")
    write_warc(tmp_path / "sub" / "crawl.warc.gz")
    write_jsonl(tmp_path / "sub" / "deeper" / "lines.jsonl")
    (tmp_path / "sub" / "feeds.urls").write_text("https://news.example/x\n", encoding="utf-8")
    (tmp_path / "notes.bin").write_bytes(b"\x00")
    tasks = list(plan([str(tmp_path)], 1_000_000))
    kinds = [type(t).__name__ for t in tasks]
    assert kinds.count("RawDocument") == 1 + 2 + 2 and kinds.count("InputError") == 3
    assert any(isinstance(t, FetchTask) and t.url == "https://news.example/x" for t in tasks)
