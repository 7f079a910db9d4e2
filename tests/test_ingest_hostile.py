"""Hostile and broken inputs (issue 15, reliability items 1, 2, 5, 6, 7): each is one clear
error or a warning, never a dead worker, an aborted batch, a memory bomb or silent half data."""

from __future__ import annotations

import gzip
import importlib
import inspect
import json
import os
import pickle
import pkgutil
import sqlite3
import subprocess
import sys
import tracemalloc
from pathlib import Path

import pytest

import newsgraph
from newsgraph.cli import main
from newsgraph.errors import InputError
from newsgraph.extract import extract
from newsgraph.extract.decode import decode_text
from newsgraph.extract.html import decode_html, extract_html
from newsgraph.ingest.base import RawDocument
from newsgraph.ingest.jsonl import iter_jsonl
from newsgraph.ingest.sources import estimate_total
from newsgraph.ingest.warc import iter_warc

from ._ingest_server import article_html, article_text
from .test_ingest_files import write_warc
from .test_runner import corpus

# --- 1. every exception that crosses a process boundary survives pickling -----------------------


def _exception_classes() -> list[type[BaseException]]:
    """Every exception class defined in the newsgraph package (all modules imported)."""
    for info in pkgutil.walk_packages(newsgraph.__path__, "newsgraph."):
        if info.name.endswith("__main__"):
            continue
        importlib.import_module(info.name)
    found: dict[str, type[BaseException]] = {}
    pending: list[type[BaseException]] = [Exception]
    while pending:
        cls = pending.pop()
        for sub in cls.__subclasses__():
            pending.append(sub)
            if sub.__module__.startswith("newsgraph"):
                found[f"{sub.__module__}.{sub.__qualname__}"] = sub
    return [found[name] for name in sorted(found)]


def _sample_arguments(cls: type[BaseException]) -> list[object]:
    values: list[object] = []
    for param in list(inspect.signature(cls.__init__).parameters.values())[1:]:
        if param.kind in (param.VAR_POSITIONAL, param.VAR_KEYWORD):
            continue
        values.append(7 if "int" in str(param.annotation) else f"{param.name} value")
    return values or ["a message"]


CLASSES = _exception_classes()


def test_the_exception_census_finds_the_known_classes() -> None:
    names = {cls.__name__ for cls in CLASSES}
    assert {"NewsgraphError", "InputError", "StoreError", "ModelNotFoundError", "LexiconError"} <= names


@pytest.mark.parametrize("cls", CLASSES, ids=lambda c: c.__qualname__)
def test_exception_round_trips_through_pickle(cls: type[BaseException]) -> None:
    exc = cls(*_sample_arguments(cls))
    back = pickle.loads(pickle.dumps(exc))
    assert type(back) is cls
    assert str(back) == str(exc)
    assert vars(back) == vars(exc)


# --- 2 and 7. file names: not UTF-8, newlines, escape sequences ---------------------------------

GOOD = article_text("a1")


def _non_utf8_names_allowed(folder: Path) -> bool:
    try:
        (Path(os.fsdecode(bytes(folder) + b"/probe\xff.txt"))).write_text("x", encoding="utf-8")
    except (OSError, UnicodeError):
        return False
    os.remove(os.fsdecode(bytes(folder) + b"/probe\xff.txt"))
    return True


def test_non_utf8_file_names_are_ingested_and_shown_escaped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    if not _non_utf8_names_allowed(tmp_path):
        pytest.skip("this file system refuses file names that are not UTF-8")
    named = os.fsdecode(bytes(tmp_path) + b"/caf\xe9.txt")  # a Latin-1 name, as a command argument
    Path(named).write_text(GOOD, encoding="utf-8")
    folder = tmp_path / "scan"
    folder.mkdir()
    Path(os.fsdecode(bytes(folder) + b"/r\xe9sum\xe9.txt")).write_text(article_text("a2"), encoding="utf-8")
    db = tmp_path / "n.db"
    code = main(["ingest", named, str(folder), "--db", str(db), "--workers", "1", "--no-progress"])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert "2 added" in out
    with sqlite3.connect(db) as conn:
        paths = sorted(row[0] for row in conn.execute("SELECT source_path FROM articles"))
    assert paths == sorted([f"{tmp_path}/caf\\xe9.txt", f"{folder}/r\\xe9sum\\xe9.txt"])


def test_error_lines_escape_newlines_and_terminal_sequences(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    evil = tmp_path / "evil\n\x1b[2J\x1b[31mname.txt"
    evil.write_bytes(b"")
    code = main(["analyze", str(evil), "--workers", "1", "--no-progress"])
    _, err = capsys.readouterr()
    assert code == 1
    assert "\x1b" not in err
    lines = err.strip().splitlines()
    errors = [line for line in lines if line.startswith("error:")]
    assert errors == [f"error: {tmp_path}/evil\\n\\x1b[2J\\x1b[31mname.txt: empty file"]


def test_jsonl_error_wording(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    path.write_text('{"text": "unterminated\n', encoding="utf-8")
    (bad,) = list(iter_jsonl(path, 1_000_000))
    assert isinstance(bad, InputError)
    assert "at at" not in bad.reason
    assert bad.reason == "not valid JSON: Unterminated string starting at (column 10)"


# --- 5. memory bombs -------------------------------------------------------------------------------


def test_a_giant_jsonl_line_is_an_error_read_in_bounded_memory(tmp_path: Path) -> None:
    giant = b'{"text": "' + b"a" * 40_000_000 + b'"}\n'
    good = json.dumps({"text": GOOD}).encode() + b"\n"
    gz = tmp_path / "bomb.jsonl.gz"
    with gzip.open(gz, "wb", compresslevel=1) as fh:
        fh.write(good + giant + good)
    plain = tmp_path / "bomb.jsonl"
    plain.write_bytes(good + giant + good)
    tracemalloc.start()
    try:
        items = list(iter_jsonl(gz, 100_000))
        total = estimate_total([str(plain)])
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert [type(i).__name__ for i in items] == ["RawDocument", "InputError", "RawDocument"]
    assert isinstance(items[1], InputError) and items[1].reason.startswith("line too long (40.0 MB")
    assert items[1].source.endswith("bomb.jsonl.gz:2")
    assert total == 3
    assert peak < 5_000_000, f"peak {peak / 1e6:.1f} MB for a 40 MB line"


def test_a_long_run_of_dots_is_shortened_before_any_nlp() -> None:
    dots = ". " * 20_000  # a 40 KB line: 20,000 tokens that mean nothing
    text = f"Council approves the budget\n\n{GOOD}\n\n{dots}\n\nThe vote was close.\n"
    article = extract(RawDocument(data=text.encode(), format="text", path="dots.txt"))
    assert len(article.text) < len(text) - 39_000
    assert ". . ." in article.text and "The vote was close." in article.text
    page = f"<html><head><title>Budget</title></head><body><article><p>{GOOD}</p><p>{dots}</p>"
    page += "<p>The vote was close, and the council adjourned late in the evening after a long debate.</p>"
    html = extract_html((page + "</article></body></html>").encode(), None, "dots.html")
    assert len(html.text) < 2 * len(GOOD)


# --- 6. silent partial data ------------------------------------------------------------------------


def test_a_truncated_warc_record_is_an_error_not_half_an_article(tmp_path: Path) -> None:
    whole = tmp_path / "whole.warc"
    write_warc(whole)
    cut = tmp_path / "cut.warc"
    cut.write_bytes(whole.read_bytes()[:-300])  # the file ends inside the last record (a2)
    items = list(iter_warc(cut, 1_000_000))
    assert isinstance(items[0], RawDocument) and items[0].url == "https://news.example/a1"
    assert isinstance(items[1], InputError) and items[1].source == "https://news.example/a2"
    assert "truncated" in items[1].reason
    assert len(items) == 2


def _record_ends(path: Path) -> list[int]:
    from warcio.archiveiterator import ArchiveIterator

    with path.open("rb") as fh:
        records = ArchiveIterator(fh)
        return [records.get_record_offset() + records.get_record_length() for _ in records]


@pytest.mark.parametrize("name", ["cut.warc", "cut.warc.gz"])
def test_a_warc_cut_anywhere_is_never_half_an_article_nor_silent(tmp_path: Path, name: str) -> None:
    whole = tmp_path / f"whole{name[3:]}"
    write_warc(whole)
    data = whole.read_bytes()
    bodies = {doc.url: doc.data for doc in iter_warc(whole, 1_000_000) if isinstance(doc, RawDocument)}
    ends = _record_ends(whole)
    cut = tmp_path / name
    silent = []
    for size in range(1, len(data), 5):
        cut.write_bytes(data[:size])
        items = list(iter_warc(cut, 1_000_000))  # never raises
        docs = [item for item in items if isinstance(item, RawDocument)]
        assert all(doc.data == bodies[doc.url] for doc in docs), f"half an article at {size}"
        if len(docs) == len(items) and not any(0 <= size - end <= 4 for end in ends):
            silent.append(size)  # a cut not at a record's end, and no error said so
    assert not silent


def test_one_stray_byte_does_not_turn_a_utf8_file_into_cp1252() -> None:
    text = (
        "Budget vote\n\n“We will not wait,” said the mayor.\nA stray byte: \xff here.\n“Next year,” she said."
    )
    data = text.replace("\xff", "\x00").encode("utf-8").replace(b"\x00", b"\xff")
    decoded, warnings = decode_text(data, "x.txt")
    assert "“We will not wait,” said the mayor." in decoded and "“Next year,” she said." in decoded
    assert warnings == ("not valid UTF-8 on line 4; decoded as cp1252 there",)
    page = (
        f"<html><body><p>{text}</p></body></html>".replace("\xff", "\x00").encode().replace(b"\x00", b"\xff")
    )
    html, notes = decode_html(page, "x.html")
    assert "“We will not wait,”" in html and notes


def test_a_utf8_line_with_a_bad_byte_keeps_its_utf8() -> None:
    data = "“Quoted,” he said.\n".encode() + "“Broken ".encode() + b"\xe2\x80 byte,\xe2\x80\x9d she said."
    decoded, warnings = decode_text(data, "x.txt")
    assert decoded.startswith("“Quoted,” he said.\n“Broken \ufffd byte,” she said.")
    assert warnings == ("invalid UTF-8 bytes replaced on line 2",)


def test_nul_bytes_are_removed_everywhere() -> None:
    late = ("A long article. " * 600 + "\x00tail").encode()  # the NUL after 8 KB
    text, warnings = decode_text(late, "late.txt")
    assert "\x00" not in text and text.endswith("tail") and "1 NUL character(s) removed" in warnings
    line = extract(RawDocument(data=GOOD.replace("Officials", "Offi\x00cials"), format="text", path="l:1"))
    assert "\x00" not in line.text and "Officials" in line.text
    page = extract(RawDocument(data=article_html("a1").decode().replace("<p>", "<p>\x00", 1), format="html"))
    assert "\x00" not in page.text


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_byte_order_mark_is_text_not_binary(encoding: str) -> None:
    text, warnings = decode_text(GOOD.encode(encoding), "u16.txt")
    assert text == GOOD
    assert warnings == (f"decoded as {encoding.upper()} (no byte-order mark; guessed from its NUL bytes)",)


def test_binary_with_nul_bytes_is_still_refused() -> None:
    with pytest.raises(InputError, match="binary"):
        decode_text(bytes(range(256)) * 40, "b.txt")


def test_a_body_nested_beyond_255_levels_keeps_its_text() -> None:
    paragraphs = "".join(
        f"<p>Paragraph {i}: the minister said that bridge number {i} would open in the spring, "
        "after years of delays and a long argument about its cost.</p>"
        for i in range(5)
    )
    depth = 600
    page = f"<html><head><title>Deep</title></head><body>{'<div>' * depth}<article>{paragraphs}"
    page += f"</article>{'</div>' * depth}</body></html>"
    article = extract_html(page.encode(), None, "deep.html")
    assert all(f"bridge number {i}" in article.text for i in range(5))


# --- the mixed batch: 25 bad inputs among good ones, default workers --------------------------------


def _mixed_batch(root: Path) -> tuple[list[str | bytes], list[tuple[str, str]]]:
    """Arguments for one ingest, and for each bad input the (label, reason) its error must show."""
    good = corpus(root / "good", 8)
    bad = root / "bad"
    bad.mkdir()
    (root / "emptydir").mkdir()
    (bad / "empty.txt").write_bytes(b"")
    (bad / "big.txt").write_text("word " * 60_000, encoding="utf-8")
    (bad / "binary.txt").write_bytes(bytes(range(256)) * 40)
    (bad / "badgz.txt.gz").write_bytes(b"this is not gzip at all")
    (bad / "bomb.txt.gz").write_bytes(gzip.compress(b" " * 3_000_000))
    (bad / "nobody.html").write_text("<html><body><p>Hi.</p></body></html>", encoding="utf-8")
    (bad / "notags.html").write_text("just words, no markup at all", encoding="utf-8")
    (bad / "u16bad.txt").write_bytes(b"\xff\xfe" + b"\x00\xd8" + b"a\x00")  # BOM, then a lone surrogate
    lines = ["not json", "[1, 2]", '{"title": "no text"}', json.dumps({"text": "x" * 2_000_000})]
    lines.append(json.dumps({"id": "j3", "text": article_text("a3")}))
    (bad / "lines.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (bad / "empty.jsonl").write_bytes(b"")
    write_warc(bad / "good.warc")
    (bad / "cut.warc").write_bytes((bad / "good.warc").read_bytes()[:-300])
    first_record = _record_ends(bad / "good.warc")[0]  # a request record: a whole, valid WARC
    (bad / "request.warc").write_bytes((bad / "good.warc").read_bytes()[:first_record])
    (bad / "junk.warc").write_bytes(b"hello, this is not a web archive\n" * 5)
    (bad / "notfeed.rss").write_text("plain words", encoding="utf-8")
    (bad / "noitems.rss").write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>T</title></channel></rss>', encoding="utf-8"
    )
    (bad / "list.urls").write_text("https://example.com/a\nnot a url\n", encoding="utf-8")
    evil = bad / "evil\n\x1b[31m.txt"
    evil.write_bytes(b"")
    odd = bytes(bad) + b"/odd\xff.html"
    with open(odd, "wb") as fh:
        fh.write(b"words without any tags")
    args: list[str | bytes] = [str(good), "missing.txt", str(root / "emptydir"), "ftp://example.com/x"]
    args += ["http://127.0.0.1:9/private"]
    args += [str(p) for p in sorted(bad.iterdir()) if p.name.isascii() and p.name.isprintable()]
    args += [str(evil), odd]
    b = str(bad)
    expected = [
        ("missing.txt", "no such file or directory"),
        (str(root / "emptydir"), "no article files in directory"),
        ("ftp://example.com/x", "unsupported URL scheme 'ftp'"),
        ("http://127.0.0.1:9/private", "refused: 127.0.0.1 resolves to 127.0.0.1, a non-public address"),
        (f"{b}/empty.txt", "empty file"),
        (f"{b}/big.txt", "too large (0.3 MB; the limit is 0.2 MB"),
        (f"{b}/binary.txt", "binary file, not text"),
        (f"{b}/badgz.txt.gz", "not a valid gzip file"),
        (f"{b}/bomb.txt.gz", "too large when decompressed"),
        (f"{b}/nobody.html", "no article body found"),
        (f"{b}/notags.html", "not an HTML page"),
        (f"{b}/u16bad.txt", "invalid utf-16 text after byte-order mark"),
        (f"{b}/lines.jsonl:1", "not valid JSON: Expecting value (column 1)"),
        (f"{b}/lines.jsonl:2", "line is not a JSON object"),
        (f"{b}/lines.jsonl:3", 'no "text" or "html" field with content'),
        (f"{b}/lines.jsonl:4", "line too long (2.0 MB; the limit is 0.9 MB)"),
        (f"{b}/empty.jsonl", "empty file"),
        ("https://news.example/a2", "truncated WARC record"),
        (f"{b}/request.warc", "no HTML response records"),
        (f"{b}/junk.warc", "not a readable WARC file (its records do not match their lengths)"),
        (f"{b}/notfeed.rss", "not an RSS/Atom feed"),
        (f"{b}/noitems.rss", "feed has no items with links"),
        (f"{b}/list.urls", "not a list of URLs"),
        (f"{b}/evil\\n\\x1b[31m.txt", "empty file"),
        (f"{b}/odd\\xff.html", "not an HTML page"),
    ]
    return args, expected


def test_mixed_batch_of_25_bad_inputs_with_default_workers(tmp_path: Path) -> None:
    args, expected = _mixed_batch(tmp_path)
    assert len(expected) == 25
    db = tmp_path / "mixed.db"
    env = {k: v for k, v in os.environ.items() if k != "NEWSGRAPH_WORKERS"}  # the default count
    flags = ["--db", str(db), "--batch-size", "3", "--max-bytes", "200000", "--no-progress", "--quiet"]
    result = subprocess.run(
        [sys.executable, "-m", "newsgraph", "ingest", *args, *flags],
        capture_output=True,
        env=env,
        timeout=300,
        check=False,
    )
    out, err = result.stdout.decode(), result.stderr.decode()
    assert result.returncode == 1, err
    assert "\x1b" not in err and "worker process died" not in err and "WARNING" not in err
    errors = [line for line in err.splitlines() if line.startswith("error:")]
    assert len(errors) == len(expected), "\n".join(errors)
    for label, reason in expected:
        matching = [line for line in errors if line.startswith(f"error: {label}") and reason in line]
        assert len(matching) == 1, (label, reason, errors)
    assert "11 added, 1 already stored, 25 failed" in out  # cut.warc's first record is good.warc's
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*) FROM articles").fetchone() == (11,)
        ids = {row[0] for row in conn.execute("SELECT id FROM articles")}
    assert "j3" in ids


def test_titles_and_names_lose_their_control_characters() -> None:
    """A JSONL line's title, or a text's first line, may carry an escape sequence that the
    ingest's "(new)" line would replay on the terminal."""
    meta = {"title": "Evil\x1b]0;owned\x07 title", "authors": ["Ann\x1b[2J Lee"]}
    page = article_html("a1", with_title=False).decode()
    article = extract(RawDocument(data=page, format="html", path="a.jsonl:1", metadata=meta))
    assert article.title == "Evil ]0;owned  title" and article.authors == ("Ann [2J Lee",)
    text = extract(RawDocument(data=f"Budget\x1b[31m vote passes\n\n{GOOD}".encode(), format="text"))
    assert text.title is not None and "\x1b" not in text.title
