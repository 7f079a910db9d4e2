"""The README stays true: every command documented, the schema current, the quick start = CI."""

from __future__ import annotations

import argparse
import re

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
