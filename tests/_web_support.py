"""Databases for the web tests, each built once per test session by the real ingest command.

Test modules import the fixture functions (``examples_db_fixture``) to use the fixtures
``examples_db`` and ``crafted_db``.  ``examples_db`` holds the bundled ``examples/``;
``crafted_db`` holds one article whose title, byline and quotes carry markup (``<script>``,
an ``onerror=`` attribute), to show that every page prints article text as inert text.
Both are built through ``newsgraph.cli.main``, so the tests read exactly what a user's
``newsgraph ingest`` writes.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from newsgraph.cli import main

from .conftest import EXAMPLES

CRAFTED = """Minister <script>alert(1)</script> warns <img src=x onerror=alert(2)> rivals

By Jane <b onmouseover=alert(5)>Doe</b>

Thursday, March 7, 2024

The foreign minister of Freedonia, Ana Ruiz, spoke to reporters in the capital on Thursday.

"We will never accept <script>alert(1)</script> or <img src=x onerror=alert(3)> here," said Ana Ruiz.

Ruiz accused Sylvania of sending <img src=x onerror=alert(4)> agents across the border.
"""

_built: dict[str, Path] = {}


def _ingest(name: str, source: Path, tmp: Path) -> Path:
    if name not in _built:
        db = tmp / f"{name}.db"
        code = main(["ingest", str(source), "--db", str(db), "--quiet"])
        assert code == 0, f"ingest of {source} failed with exit code {code}"
        _built[name] = db
    return _built[name]


@pytest.fixture(scope="session", name="examples_db")
def examples_db_fixture(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database built by ``newsgraph ingest examples``."""
    return _ingest("examples", EXAMPLES, tmp_path_factory.mktemp("web-examples"))


@pytest.fixture(scope="session", name="crafted_db")
def crafted_db_fixture(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database with one article full of markup (see :data:`CRAFTED`)."""
    folder = tmp_path_factory.mktemp("web-crafted")
    source = folder / "crafted-markup.txt"
    source.write_text(CRAFTED, encoding="utf-8")
    return _ingest("crafted", source, folder)


def event_count(db: Path) -> int:
    """How many events the database holds (0 until the events component produces them)."""
    with sqlite3.connect(db) as conn:
        return int(conn.execute("SELECT count(*) FROM events").fetchone()[0])


def seed_peskov_edge(db: Path) -> bool:
    """Whether the seed's accusation (Peskov -> United States) was coded as an event."""
    with sqlite3.connect(db) as conn:
        row = conn.execute(
            "SELECT count(*) FROM events WHERE source LIKE '%Peskov%' AND target = 'United States'"
        ).fetchone()
    return bool(row[0])


#: Source URLs an input file may give: only the last two may become links.
HOSTILE_URLS = (
    "javascript:alert(document.domain)",
    "  JaVaScRiPt:alert(1)",
    "\tjavascript:alert(1)",
    "java\tscript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
    "//evil.example/x",
    "https://news.example.org/story?a=1&b=2",
    "HTTP://NEWS.EXAMPLE.ORG/x",
)
#: An article id that needs encoding in a path: slashes, a percent sign, "?" and "#".
ODD_ID = "odd/100% sure?#x"


def hostile_id(n: int) -> str:
    """The id of the article whose source URL is ``HOSTILE_URLS[n]`` (ids carry slashes too)."""
    return f"wire/2024/{n}"


@pytest.fixture(scope="session", name="hostile_db")
def hostile_db_fixture(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database from one JSON Lines file whose lines carry hostile source URLs and ids with "/"."""
    folder = tmp_path_factory.mktemp("web-hostile")
    source = folder / "hostile.jsonl"
    lines = []
    for n, url in enumerate(HOSTILE_URLS):
        text = (
            f"Minister speaks {n}\n\nThe minister of Freedonia, Ana Ruiz, spoke on Thursday.\n\n"
            f'"We will talk to Sylvania about the river," said Ana Ruiz.'
        )
        lines.append({"id": hostile_id(n), "url": url, "title": f"Minister speaks {n}", "text": text})
    odd_text = 'Odd id\n\nAna Ruiz said the talks would go on. "We are ready," said Ruiz.'
    lines.append({"id": ODD_ID, "text": odd_text})
    source.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    return _ingest("hostile", source, folder)
