"""Rewrite the README's database section from ``newsgraph.store.SCHEMA_DOC``.

Usage: ``python scripts/update_readme_schema.py`` (tests/test_docs.py fails until the README
matches the live schema documentation, so run this after adding a migration).
"""

from __future__ import annotations

import re
from pathlib import Path

from newsgraph.store import SCHEMA_DOC

README = Path(__file__).resolve().parents[1] / "README.md"
START = "<!-- schema: generated from newsgraph.store.SCHEMA_DOC; tests/test_docs.py checks it -->"
END = "<!-- /schema -->"


def demote(text: str) -> str:
    """Headings one level down, so that the schema sits under the README's "## Database"."""
    return re.sub(r"^(#+) ", lambda m: "#" * (len(m.group(1)) + 1) + " ", text, flags=re.M)


def main() -> None:
    text = README.read_text(encoding="utf-8")
    head, rest = text.split(START, 1)
    _, tail = rest.split(END, 1)
    README.write_text(f"{head}{START}\n{demote(SCHEMA_DOC.strip())}\n{END}{tail}", encoding="utf-8")
    print(f"updated {README}")


if __name__ == "__main__":
    main()
