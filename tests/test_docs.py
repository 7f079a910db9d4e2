"""The README stays true: every command documented, the schema current, the quick start = CI."""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
from pathlib import Path

from newsgraph.cli import build_parser
from newsgraph.store import SCHEMA_DOC

from .conftest import REPO

README = (REPO / "README.md").read_text(encoding="utf-8")


def _commands() -> list[str]:
    parser = build_parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return sorted(sub.choices)


def test_every_command_is_documented_with_an_example() -> None:
    commands = _commands()
    assert {"analyze", "ingest", "search", "show", "export", "quotes", "eval"} <= set(commands)
    for name in commands:
        assert f"`newsgraph {name}" in README, f"README does not document `newsgraph {name}`"


def test_every_command_help_has_an_example() -> None:
    parser = build_parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    for name, command in sub.choices.items():
        assert command.epilog and command.epilog.startswith("example: newsgraph "), name


def _demote(text: str) -> str:
    return re.sub(r"^(#+) ", lambda m: "#" * (len(m.group(1)) + 1) + " ", text, flags=re.M)


def test_schema_section_matches_the_live_schema_doc() -> None:
    section = README.split("<!-- schema:", 1)[1].split("-->", 1)[1].split("<!-- /schema -->", 1)[0]
    assert section.strip() == _demote(SCHEMA_DOC.strip()), "regenerate the README schema from SCHEMA_DOC"


def test_quick_start_is_two_commands_and_ci_runs_the_same_tests() -> None:
    block = README.split("## Quick start", 1)[1].split("```bash", 1)[1].split("```", 1)[0]
    lines = [line for line in block.strip().splitlines() if line.strip()]
    assert len(lines) == 2
    setup, tests = lines
    assert "newsgraph ingest examples/" in setup
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert tests.strip() in ci


def _python_blocks() -> list[str]:
    return re.findall(r"^```python\n(.*?)^```", README, flags=re.S | re.M)


def test_readme_python_examples_run(tmp_path: Path) -> None:
    """Every Python block of the README, in order, as one program, in a fresh directory that has
    only ``examples/`` (the blocks' relative paths) and no database yet: what a new user runs."""
    blocks = _python_blocks()
    assert len(blocks) >= 2 and any("open_store" in b for b in blocks), "the README shows the API"
    (tmp_path / "examples").symlink_to(REPO / "examples")
    program = tmp_path / "readme_examples.py"
    program.write_text("\n".join(blocks), encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEWSGRAPH_")}
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO / "src"), env.get("PYTHONPATH")]))
    result = subprocess.run(
        [sys.executable, str(program)], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=600
    )
    assert result.returncode == 0, result.stderr[-3000:]
    out = result.stdout
    assert "U.S. Open to Discussing Deep Strikes on Russia, Says Blinken" in out
    assert "Talks resume ['Jane Doe']" in out or "Talks resume ('Jane Doe',)" in out
    assert "\nb failed: " in out  # the batch form reports the empty text and goes on
    assert "Dmitry Peskov" in out and (tmp_path / "newsgraph.db").is_file()


def test_readme_has_a_user_install_without_the_dev_tools() -> None:
    assert "pip install -e '.[web]'" in README and "pip install -e '.[dev]'" in README
    pyproject = (REPO / "pyproject.toml").read_text(encoding="utf-8")
    web = pyproject.split("\nweb = [", 1)[1].split("]", 1)[0]
    assert "pytest" not in web and "playwright" not in web and "mypy" not in web


def test_readme_documents_the_output_flags_every_query_command_has() -> None:
    parser = build_parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    for name in ("search", "quotes", "actors", "actor", "events", "dyads"):
        options = {o for action in sub.choices[name]._actions for o in action.option_strings}
        assert {"--json", "--nl", "--csv", "--table", "--limit", "--offset"} <= options, name
        assert f"`{name}`" in README.split("**Output of the query commands**", 1)[1].split("\n\n", 1)[0]
    for flag in ("`--json`", "`--nl`", "`--csv`", "`--offset N`", "`0` means all", "`-` as a SOURCE"):
        assert flag in README, flag
