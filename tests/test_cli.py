"""The CLI end to end on real files and a real SQLite database (no mocks).

Covers the analyze contract, ingest idempotence, search/show/export, and the bad-input
policy: every broken input gets one clear line on stderr, the rest of the batch is stored,
the exit code says something failed, and a rerun adds nothing.
"""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from newsgraph.cli import main
from newsgraph.records import Article

from .conftest import EXAMPLES, SEED

GOOD = """Ministers agree on river treaty

By Jane Doe

Thursday, March 7, 2024

The foreign ministers of two neighbouring states signed a treaty on Thursday.

"This is a good day for both our peoples," said Minister Ana Ruiz.
"""


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_analyze_prints_one_json_object_per_article(capsys: pytest.CaptureFixture[str]) -> None:
    seed = EXAMPLES / f"{SEED}.txt"
    code, out, err = run(capsys, "analyze", str(seed), "--format", "jsonl")
    assert code == 0, err
    lines = out.splitlines()
    assert len(lines) == 1
    record = json.loads(lines[0])
    assert record["schema_version"] == 1
    assert record["text"] == seed.read_text(encoding="utf-8")
    assert record["source"] == {"path": str(seed), "url": None, "format": "text"}
    assert record["title"] == "U.S. Open to Discussing Deep Strikes on Russia, Says Blinken"
    assert record["authors"] == ["Camilla Jessen"]
    assert record["published"] == "2024-05-23T07:37:00+01:00"
    assert record["section"] == "News"
    removed = [record["text"][r["start"] : r["end"]] for r in record["removed_lines"]]
    assert removed == ["News", "Photo: Wikimedia Commons", "Photo: Wikimedia Commons", "Trending Now"]
    prov = record["provenance"]
    assert prov["newsgraph"] == "0.1.0" and "core_web_sm" in prov["model"] and len(prov["text_sha256"]) == 64
    assert Article.from_dict(record).to_dict() == record


def test_analyze_json_pretty(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_text(GOOD, encoding="utf-8")
    code, out, _ = run(capsys, "analyze", str(f), "--format", "json")
    assert code == 0
    assert out.startswith("[\n{\n") and json.loads(out)[0]["title"] == "Ministers agree on river treaty"


def test_ingest_examples_is_idempotent(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    db = str(tmp_path / "ng.db")
    n_files = len([p for p in EXAMPLES.iterdir() if p.suffix in (".txt", ".html")])
    code, out, err = run(capsys, "ingest", str(EXAMPLES), "--db", db)
    assert code == 0, err
    assert f"{n_files} added, 0 already stored, 0 failed" in out
    code, out, _ = run(capsys, "ingest", str(EXAMPLES), "--db", db, "--quiet")
    assert code == 0
    assert f"0 added, {n_files} already stored" in out and f"holds {n_files} articles" in out


def test_search_show_export(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    db = str(tmp_path / "ng.db")
    f = tmp_path / "a.txt"
    f.write_text(GOOD, encoding="utf-8")
    assert run(capsys, "ingest", str(f), "--db", db)[0] == 0
    code, out, _ = run(capsys, "search", "river treaty", "--db", db)
    assert code == 0 and "Ministers agree on river treaty" in out
    code, out, _ = run(capsys, "search", "river treaty", "--db", db, "--nl")
    article_id = json.loads(out)["id"]
    code, out, _ = run(capsys, "show", article_id, "--db", db, "--format", "json")
    assert code == 0 and json.loads(out)["text"] == GOOD
    code, out, _ = run(capsys, "show", "ffffffffff", "--db", db)
    assert code == 1
    code, out, _ = run(capsys, "export", "--db", db, "--format", "jsonl")
    assert code == 0 and json.loads(out.splitlines()[0])["text"] == GOOD
    code, out, _ = run(capsys, "export", "--db", db, "--format", "csv", "--table", "articles")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0 and len(rows) == 1


def _bad_batch(tmp_path: Path) -> tuple[list[str], dict[str, str]]:
    """A batch mixing good and broken inputs; returns paths and the expected error per path."""
    d = tmp_path / "batch"
    d.mkdir()
    (d / "good.txt").write_text(GOOD, encoding="utf-8")
    (d / "empty.txt").write_bytes(b"")
    (d / "binary.txt").write_bytes(bytes(range(256)) * 40)
    (d / "legacy.txt").write_bytes(GOOD.replace("Ana", "Zoë").replace("\n", "\r\n").encode("cp1252"))
    (d / "wide.txt").write_bytes(GOOD.replace("Jane", "Joan").encode("utf-16"))
    big = d / "huge.html"
    with big.open("wb") as fh:
        fh.write(b"<html><body><p>" + b"word " * (50_000_000 // 5) + b"</p></body></html>")
    empty_dir = tmp_path / "nothing-here"
    empty_dir.mkdir()
    (empty_dir / "notes.bin").write_bytes(b"x")
    missing = tmp_path / "missing.txt"
    expected = {
        str(d / "empty.txt"): "empty file",
        str(d / "binary.txt"): "binary file",
        str(big): "too large (50.0 MB",
        str(empty_dir): "no article files in directory",
        str(missing): "No such file or directory",
    }
    return [str(d), str(empty_dir), str(missing)], expected


def test_bad_inputs_reported_and_batch_goes_on(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    paths, expected = _bad_batch(tmp_path)
    db = str(tmp_path / "ng.db")
    code, out, err = run(capsys, "ingest", *paths, "--db", db)
    assert code == 1
    error_lines = [line for line in err.splitlines() if line.startswith("error: ")]
    assert len(error_lines) == len(expected), err
    for path, reason in expected.items():
        matching = [line for line in error_lines if line.startswith(f"error: {path}: ")]
        assert len(matching) == 1 and reason.lower() in matching[0].lower(), (path, err)
    assert "decoded as cp1252" in err and "UTF-16" in err
    assert "3 added, 0 already stored, 5 failed" in out
    code, out, _ = run(capsys, "ingest", *paths, "--db", db, "--quiet")
    assert code == 1 and "0 added, 3 already stored, 5 failed" in out and "holds 3 articles" in out


def test_decoded_legacy_text_is_stored_correctly(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    f = tmp_path / "legacy.txt"
    f.write_bytes(GOOD.replace("Ana", "Zoë").encode("cp1252"))
    code, out, _ = run(capsys, "analyze", str(f))
    assert code == 0 and "Zoë Ruiz" in json.loads(out)["text"]


def test_missing_model_is_a_short_error(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_text(GOOD, encoding="utf-8")
    code, out, err = run(capsys, "analyze", str(f), "--model", "no_such_model_xyz")
    assert code == 2 and out == ""
    assert "no_such_model_xyz" in err and "pip install" in err and len(err.strip().splitlines()) == 1


def test_console_entry_point_help() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "newsgraph", "--help"], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0
    for command in ("analyze", "ingest", "search", "show", "export"):
        assert command in result.stdout


def test_quotes_command_lists_statements_by_speaker(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    db = str(tmp_path / "ng.db")
    seed = EXAMPLES / f"{SEED}.txt"
    assert run(capsys, "ingest", str(seed), "--db", db, "--quiet")[0] == 0
    code, out, _ = run(capsys, "quotes", "--speaker", "peskov", "--db", db, "--format", "jsonl")
    rows = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and rows and all(r["speaker"] == "Dmitry Peskov" for r in rows)
    assert any("hotheads in the US Congress" in r["text"] for r in rows)
    code, out, _ = run(capsys, "quotes", "--search", "hotheads", "--type", "direct", "--db", db)
    assert code == 0 and "hotheads" not in out
    code, out, err = run(capsys, "quotes", "--since", "not-a-date", "--db", db)
    assert code == 2 and "ISO 8601" in err


def test_eval_quotes_command(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    gold = tmp_path / "gold"
    gold.mkdir()
    text = 'Talks\n\n"We will not give up," Minister Ana Ruiz said.\n'
    start = text.index("We")
    quote = "We will not give up,"
    (gold / "a.json").write_text(
        json.dumps(
            {
                "id": "a",
                "text": text,
                "entities": [{"name": "Ana Ruiz", "type": "PERSON", "aliases": []}],
                "quotes": [
                    {
                        "text": quote,
                        "start": start,
                        "end": start + len(quote),
                        "type": "direct",
                        "speaker": "Ana Ruiz",
                        "speaker_mention": "Ana Ruiz",
                        "cue": "said",
                        "continues": None,
                    }
                ],
                "events": [],
            }
        ),
        encoding="utf-8",
    )
    code, out, _ = run(capsys, "eval", "quotes", "--gold", str(gold))
    assert code == 0 and "1 gold, 1 predicted, 1 paired" in out
    code, _, err = run(capsys, "eval", "quotes", "--gold", str(tmp_path / "nope"))
    assert code == 2 and "not a directory" in err


def test_events_and_dyads_commands(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    db = str(tmp_path / "ng.db")
    assert run(capsys, "ingest", str(EXAMPLES / f"{SEED}.txt"), "--db", db, "--quiet")[0] == 0
    code, out, _ = run(capsys, "events", "--source", "peskov", "--db", db, "--format", "jsonl")
    rows = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and rows and {r["plover"] for r in rows} == {"ACCUSE"}
    assert any(r["target_country"] == "USA" for r in rows)
    code, out, _ = run(capsys, "dyads", "--db", db, "--type", "ACCUSE", "--format", "jsonl")
    dyads = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and any((d["source_country"], d["target_country"]) == ("RUS", "USA") for d in dyads)
    code, _, err = run(capsys, "events", "--type", "NOT_A_TYPE", "--db", db)
    assert code == 2 and "NOT_A_TYPE" in err


def test_until_a_bare_date_includes_that_whole_day(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    db = str(tmp_path / "ng.db")
    assert run(capsys, "ingest", str(EXAMPLES / f"{SEED}.txt"), "--db", db, "--quiet")[0] == 0
    # the seed was published 2024-05-23T07:37:00+01:00, i.e. 06:37 UTC on that day
    for command in (["quotes", "--speaker", "Peskov"], ["events", "--source", "Peskov"]):
        code, out, _ = run(capsys, *command, "--until", "2024-05-23", "--db", db, "--format", "jsonl")
        assert code == 0 and out.strip(), command
        code, out, _ = run(capsys, *command, "--until", "2024-05-22", "--db", db, "--format", "jsonl")
        assert code == 0 and not out.strip(), command
