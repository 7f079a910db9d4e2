"""What every ``newsgraph`` command shares: exit codes, the error line, JSON Lines rows and the
one-article summary line."""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from dataclasses import asdict
from typing import Any

EXIT_OK, EXIT_PARTIAL, EXIT_USAGE = 0, 1, 2


def err(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def print_jsonl(rows: Sequence[Any]) -> int:
    """Print query rows (frozen dataclasses) as JSON Lines, the machine-readable form."""
    for row in rows:
        print(json.dumps(asdict(row), ensure_ascii=False))
    return EXIT_OK


def article_line(article: object, status: str) -> str:
    from newsgraph.records import Article

    assert isinstance(article, Article)
    speakers = sorted({q.speaker for q in article.quotes if q.speaker})
    lines = [
        f"[{article.id}] {article.title or '(untitled)'}  ({status})",
        f"    published {article.published or '?'}  by {', '.join(article.authors) or '?'}"
        f"  outlet {article.outlet or '?'}",
        f"    {len(article.entities)} entities, {len(article.quotes)} quotes, {len(article.events)} events",
    ]
    if speakers:
        lines.append(f"    speakers: {', '.join(speakers)}")
    return "\n".join(lines)
