"""What every reader produces: a raw document, not yet decoded or extracted."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class RawDocument:
    """The bytes (or text) of one input plus what is known about where it came from.

    ``format`` is the kind of content: ``"text"`` or ``"html"`` (a WARC record or a feed item
    carries HTML too; ``container`` says where it was found).  ``metadata`` holds what the
    source itself knows (a feed item's title and date, a JSONL line's fields) for the
    extractor to use where the content lacks it.
    """

    data: bytes | str
    format: str
    path: str | None = None
    url: str | None = None
    id: str | None = None
    container: str | None = None
    metadata: dict[str, Any] = field(default_factory=dict)

    @property
    def label(self) -> str:
        """How to name this input in messages."""
        return self.path or self.url or self.id or "<input>"
