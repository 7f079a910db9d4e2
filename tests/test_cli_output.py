"""Everyday use of the CLI (issue 15, item 16), on real SQLite files built by ``newsgraph ingest``.

Every query command prints the same rows as a table, ``--json``, ``--nl`` and ``--csv``; pages
say how many rows they left out instead of stopping silently at 50; ``--limit 0`` is all;
``analyze --format json`` is one JSON array; ``-`` is standard input; ``actor "#91"`` works;
``eval`` refuses folders without gold files; ``serve`` reports a busy port first; search
snippets stay on the lines that match.
"""

from __future__ import annotations

import csv
import io
import json
import re
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from newsgraph.cli import main
from newsgraph.cli_output import MORE_PROBE, one_line, slice_page, snippet_line
from newsgraph.errors import InputError
from newsgraph.ingest.base import RawDocument
from newsgraph.ingest.sources import FetchTask, stdin_tasks

from ._web_support import examples_db_fixture  # noqa: F401  (the session's examples database)
from .conftest import EXAMPLES, SEED
from .test_cli import GOOD


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


class _Stdin:
    """Stands in for ``sys.stdin``: what the CLI reads is ``.buffer``, as for a real pipe."""

    def __init__(self, data: bytes) -> None:
        self.buffer = io.BytesIO(data)


@pytest.fixture(scope="module")
def piped_db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A database holding GOOD, ingested from standard input (``newsgraph ingest -``)."""
    db = tmp_path_factory.mktemp("cli-output") / "piped.db"
    saved = sys.stdin
    sys.stdin = _Stdin(GOOD.encode("utf-8"))  # type: ignore[assignment]
    try:
        assert main(["ingest", "-", "--db", str(db), "--quiet", "--no-progress"]) == 0
    finally:
        sys.stdin = saved
    yield db


def _top_actor_id(db: Path, capsys: pytest.CaptureFixture[str]) -> int:
    code, out, _ = run(capsys, "actors", "--db", str(db), "--limit", "1", "--nl")
    assert code == 0
    return int(json.loads(out)["actor_id"])


QUERIES = {
    "search": ["search", "the"],
    "quotes": ["quotes"],
    "actors": ["actors"],
    "events": ["events"],
    "dyads": ["dyads", "--period", "all"],
}


@pytest.mark.parametrize("command", [*QUERIES, "actor"])
def test_every_query_command_prints_the_same_rows_in_four_formats(
    command: str, examples_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(examples_db)
    argv = ["actor", f"#{_top_actor_id(examples_db, capsys)}"] if command == "actor" else QUERIES[command]
    limit = ["--limit", "3"]
    code, out, err = run(capsys, *argv, "--db", db, *limit, "--json")
    assert code == 0, err
    rows = json.loads(out)
    assert isinstance(rows, list) and 1 <= len(rows) <= 3, command
    code, out, _ = run(capsys, *argv, "--db", db, *limit, "--nl")
    assert code == 0 and [json.loads(line) for line in out.splitlines()] == rows
    code, out, _ = run(capsys, *argv, "--db", db, *limit, "--format", "jsonl")  # the older spelling
    assert code == 0 and [json.loads(line) for line in out.splitlines()] == rows
    code, out, _ = run(capsys, *argv, "--db", db, *limit, "--csv")
    table = list(csv.DictReader(io.StringIO(out)))
    assert code == 0 and len(table) == len(rows)
    assert list(table[0]) == list(rows[0])  # every field, in order
    first = rows[0]
    for key, value in first.items():
        cell = table[0][key]
        if isinstance(value, (list, dict)):
            assert json.loads(cell) == value  # nested values are JSON in their cell
        elif value is not None:
            assert cell == str(value), (command, key)
    if command == "actor":
        return  # its readable form is the detail view, tested below
    code, out, _ = run(capsys, *argv, "--db", db, *limit)
    lines = out.splitlines()
    assert code == 0 and len(lines) == 2 + len(rows), out
    assert set(lines[1]) <= {"-", " "}  # header, rule, then one line per row


def test_default_page_says_how_many_more_instead_of_stopping_silently_at_50(
    examples_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(examples_db)
    code, out, err = run(capsys, "quotes", "--db", db, "--limit", "0", "--nl")
    every = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and len(every) > 50, "the examples hold more than 50 statements"
    assert "more" not in err  # --limit 0: everything, no note
    code, out, err = run(capsys, "quotes", "--db", db, "--nl")
    assert code == 0 and len(out.splitlines()) == 50
    assert f"{len(every) - 50} more statements (use --limit/--offset: --offset 50" in err
    pages = []
    for offset in range(0, len(every) + 7, 7):
        code, out, err = run(capsys, "quotes", "--db", db, "--limit", "7", "--offset", str(offset), "--nl")
        assert code == 0
        pages += [json.loads(line) for line in out.splitlines()]
        left = max(0, len(every) - offset - 7)
        assert (f"{left} more statements" in err) == (left > 0), (offset, err)
    assert pages == every  # pages neither overlap nor skip


@pytest.mark.parametrize("command", [*QUERIES, "actor"])
def test_offset_and_limit_0_on_every_query_command(
    command: str, examples_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(examples_db)
    argv = ["actor", "ian"] if command == "actor" else QUERIES[command]  # "ian": many actors match
    code, out, _ = run(capsys, *argv, "--db", db, "--limit", "0", "--nl")
    every = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and len(every) > 4, command
    code, out, err = run(capsys, *argv, "--db", db, "--limit", "2", "--offset", "2", "--nl")
    assert code == 0 and [json.loads(line) for line in out.splitlines()] == every[2:4]
    assert f"{len(every) - 4} more" in err, err


def test_the_more_note_counts_up_to_a_bound_then_says_more_than() -> None:
    page = slice_page(list(range(5000)), 10, 20)
    assert page.rows == list(range(20, 30))
    assert (
        page.note("rows")
        == f"more than {MORE_PROBE:,} more rows (use --limit/--offset: --offset 30 shows the next ones)"
    )
    page = slice_page(list(range(100)), 10, 85)
    assert page.rows == list(range(85, 95)) and page.more == 5 and not page.more_capped
    assert str(page.note("rows")).startswith("5 more rows (use --limit/--offset: --offset 95")
    assert slice_page(list(range(100)), 0, 90).rows == list(range(90, 100))
    assert slice_page(list(range(100)), 0, 90).note("rows") is None


def test_bad_limit_or_offset_is_a_usage_error(examples_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for flag, value, reason in (
        ("--limit", "-1", "-1 is negative"),
        ("--offset", "x", "'x' is not a whole number"),
    ):
        with pytest.raises(SystemExit) as exit_info:
            main(["quotes", "--db", str(examples_db), flag, value])
        err = capsys.readouterr().err
        assert exit_info.value.code == 2 and f"argument {flag}: {reason}" in err, err


def test_actor_takes_the_hash_id_that_actors_prints(
    examples_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(examples_db)
    code, out, _ = run(capsys, "actors", "--db", db, "--limit", "1")
    shown = re.search(r"#(\d+)", out.splitlines()[2])
    assert shown, out
    code, out, err = run(capsys, "actor", shown.group(0), "--db", db)
    assert code == 0, err
    assert out.startswith(f"#{shown.group(1)} ") and "articles:" in out
    code, as_json, _ = run(capsys, "actor", shown.group(0), "--db", db, "--json")
    (detail,) = json.loads(as_json)
    assert detail["actor_id"] == int(shown.group(1)) and detail["mentioned_in"]
    code, _, err = run(capsys, "actor", "#999999", "--db", db)
    assert code == 1 and "no actor named '#999999'" in err


def test_search_snippets_keep_to_the_matching_lines(
    piped_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(piped_db)
    code, out, _ = run(capsys, "search", "treaty", "--db", db, "--nl")
    (hit,) = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and "\n" not in hit["snippet"]
    assert "«treaty»" in hit["snippet"] and "Jane Doe" not in hit["snippet"]  # the byline between
    code, out, _ = run(capsys, "search", "Thursday", "--db", db)
    assert code == 0 and len(out.splitlines()) == 3 and "By Jane" not in out


def test_snippet_line_and_table_cells() -> None:
    raw = "Ministers agree on river «treaty»\n\nBy Jane Doe\n\nThursday\n\nThey signed a «treaty»…"
    assert snippet_line(raw) == "Ministers agree on river «treaty» … They signed a «treaty»…"
    assert snippet_line("no match here\nat all") == "no match here … at all"
    assert one_line("a\n\tb  c\x1b[31m\x07") == "a b c\\x1b[31m\\x07"  # no terminal escapes
    assert one_line(None) == ""


def test_analyze_json_on_several_files_is_one_array(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = tmp_path / "a.txt"
    good.write_text(GOOD, encoding="utf-8")
    seed = EXAMPLES / f"{SEED}.txt"
    missing = tmp_path / "missing.txt"
    code, out, err = run(
        capsys, "analyze", str(good), str(missing), str(seed), "--format", "json", "--workers", "1"
    )
    records = json.loads(out)
    assert code == 1 and "missing.txt" in err
    assert [r["title"] for r in records] == [
        "Ministers agree on river treaty",
        "U.S. Open to Discussing Deep Strikes on Russia, Says Blinken",
    ]
    code, out, _ = run(capsys, "analyze", str(missing), "--format", "json")
    assert code == 1 and json.loads(out) == []


def test_dash_reads_an_article_from_standard_input(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], piped_db: Path
) -> None:
    monkeypatch.setattr(sys, "stdin", _Stdin(GOOD.encode("utf-8")))
    code, out, err = run(capsys, "analyze", "-")
    record = json.loads(out)
    assert code == 0, err
    assert record["text"] == GOOD and record["title"] == "Ministers agree on river treaty"
    assert record["source"]["path"] == "-" and record["authors"] == ["Jane Doe"]
    code, out, _ = run(capsys, "search", "river", "--db", str(piped_db), "--nl")
    assert code == 0 and json.loads(out)["title"] == "Ministers agree on river treaty"  # ingest - as well
    monkeypatch.setattr(sys, "stdin", _Stdin(b"  \n"))
    code, out, err = run(capsys, "analyze", "-")
    assert code == 1 and out == "" and "error: -: empty standard input" in err


def test_standard_input_kinds() -> None:
    urls = b"# feeds to read\nhttps://example.org/a.html\n\nhttp://example.org/b\n"
    assert list(stdin_tasks(io.BytesIO(urls), 1000)) == [
        FetchTask("https://example.org/a.html"),
        FetchTask("http://example.org/b"),
    ]
    (html,) = stdin_tasks(io.BytesIO(b"<!doctype html><html><body><p>Hi</p></body></html>"), 1000)
    assert isinstance(html, RawDocument) and html.format == "html" and html.path == "-"
    (big,) = stdin_tasks(io.BytesIO(b"x" * 2001), 2000)
    assert isinstance(big, InputError) and "too large" in big.reason


def _gold(folder: Path, name: str, data: object) -> None:
    folder.mkdir(exist_ok=True)
    (folder / f"{name}.json").write_text(json.dumps(data), encoding="utf-8")


def test_eval_refuses_folders_without_gold_articles(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    other = tmp_path / "other"
    _gold(other, "config", {"name": "not an article"})
    for what in ("quotes", "entities", "events"):
        code, out, err = run(capsys, "eval", what, "--gold", str(other))
        assert code == 2 and out == "", what
        assert "config.json: not a gold article" in err and f'"{what}" list' in err
    empty = tmp_path / "empty-gold"
    _gold(empty, "a", {"text": "Talks.", "quotes": [], "entities": [], "events": []})
    code, out, err = run(capsys, "eval", "quotes", "--gold", str(empty))
    assert code == 2 and "hold no quotes to score" in err
    code, _, err = run(capsys, "eval", "coref", "--gold", str(empty))
    assert code == 2 and "*.conll" in err
    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / "a.json").write_text("{not json", encoding="utf-8")
    code, _, err = run(capsys, "eval", "events", "--gold", str(broken))
    assert code == 2 and "a.json: not a readable JSON file" in err
    gold = tmp_path / "gold"
    _gold(gold, "a", {"text": "Ruiz accused Sylvania.", "quotes": [], "entities": [], "events": [{}]})
    for sentences, reason in (
        (tmp_path / "nowhere", "No such file or directory"),
        (empty, "No such file or directory"),  # a folder without plover_gsr_flat.jsonl
        (other / "config.json", "not PLOVER gold sentences"),
    ):
        code, _, err = run(capsys, "eval", "events", "--gold", str(gold), "--sentences", str(sentences))
        assert code == 2 and reason in err, err
    (tmp_path / "blank.jsonl").write_text("\n", encoding="utf-8")
    code, _, err = run(
        capsys, "eval", "events", "--gold", str(gold), "--sentences", str(tmp_path / "blank.jsonl")
    )
    assert code == 2 and "holds no gold sentences" in err


def test_serve_on_a_busy_port_says_so_before_anything_else(tmp_path: Path) -> None:
    # a fresh process, to see what the command loaded before it stopped
    probe = (
        "import sys; from newsgraph.cli import main; code = main(sys.argv[1:]); "
        "print(sorted(m for m in ('uvicorn', 'fastapi', 'spacy', 'sqlite3') if m in sys.modules)); "
        "sys.exit(code)"
    )
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        # the database does not exist either: the port is the first thing checked
        argv = ["serve", "--db", str(tmp_path / "none.db"), "--port", str(port)]
        result = subprocess.run(
            [sys.executable, "-c", probe, *argv], capture_output=True, text=True, check=False, timeout=60
        )
    assert result.returncode == 2
    assert result.stderr.strip() == (
        f"error: port {port} on 127.0.0.1 is already in use (another newsgraph serve?); "
        "stop that server or choose another port with --port"
    )
    assert "uvicorn" not in result.stdout and "fastapi" not in result.stdout and "spacy" not in result.stdout


def test_serve_on_an_unknown_host_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, "serve", "--db", str(tmp_path / "none.db"), "--host", "no-such-host.invalid")
    assert code == 2 and out == "" and "no-such-host.invalid" in err and "not a known host" in err


def test_statement_text_marks_only_direct_words() -> None:
    from types import SimpleNamespace

    from newsgraph.cli_queries import statement_text

    assert statement_text(SimpleNamespace(type="direct", text="We will win")) == "“We will win”"
    assert (
        statement_text(SimpleNamespace(type="indirect", text="that they would win")) == "that they would win"
    )
    partial = 'the plan "a betrayal"'
    assert statement_text(SimpleNamespace(type="partial", text=partial)) == partial


def test_statements_carry_the_speaker_confidence(
    examples_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Issue 12: every statement with a speaker carries how sure the ranking was, stored and shown."""
    code, out, _ = run(capsys, "quotes", "--db", str(examples_db), "--limit", "0", "--json")
    rows = json.loads(out)
    named = [r for r in rows if r["speaker"]]
    assert code == 0 and named
    assert all(r["speaker_confidence"] is not None and 0 < r["speaker_confidence"] <= 1 for r in named)
    code, out, _ = run(capsys, "quotes", "--db", str(examples_db), "--limit", "3")
    assert code == 0 and "sure" in out.splitlines()[0]


def test_eval_actors_runs_and_refuses_folders_without_gold_articles(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``newsgraph eval actors`` checks its folders like the other scorers (it crashed on the
    check: the preflight had no entry for it) and scores a gold folder."""
    other = tmp_path / "other"
    _gold(other, "config", {"name": "not an article"})
    code, out, err = run(capsys, "eval", "actors", "--gold", str(other))
    assert code == 2 and out == "" and '"entities" list' in err
    gold = tmp_path / "gold"
    text = "Talks\n\nMinister Ana Ruiz met Tom Becker in Lima. Ruiz said the talks went well."
    entities = [
        {"name": "Ana Ruiz", "type": "PERSON", "country": None, "titles": [], "aliases": ["Ruiz"]},
        {"name": "Tom Becker", "type": "PERSON", "country": None, "titles": [], "aliases": []},
        {"name": "Lima", "type": "GPE", "country": "PER", "titles": [], "aliases": []},
    ]
    _gold(gold, "a", {"text": text, "quotes": [], "entities": entities, "events": []})
    code, out, err = run(capsys, "eval", "actors", "--gold", str(gold))
    assert code == 0, err
    assert "precision" in out.lower() or "B-cubed" in out or "B3" in out, out
