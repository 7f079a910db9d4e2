"""newsgraph: who said what, who did what to whom, about whom, when, and where it was reported.

The public API::

    from pathlib import Path
    from newsgraph import analyze, Settings

    article = analyze(Path("examples/seed-us-open-to-discussing-deep-strikes.txt"))
    for quote in article.quotes:
        print(quote.speaker, quote.text)

The NLP core (and so spaCy) is imported on first use, so that store-only commands such as
``newsgraph search`` start fast.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from newsgraph.errors import InputError, ModelNotFoundError, NewsgraphError, StoreError
from newsgraph.ingest.base import RawDocument
from newsgraph.records import Article, Entity, Event, Provenance, Quote, RemovedLine, Source, Span, TextSpan
from newsgraph.settings import Settings

__version__ = "0.1.0"

if TYPE_CHECKING:
    from newsgraph.core import Outcome, analyze, analyze_many

_LAZY = {"Outcome", "analyze", "analyze_many"}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        from newsgraph import core

        return getattr(core, name)
    raise AttributeError(f"module 'newsgraph' has no attribute {name!r}")


__all__ = [
    "Article",
    "Entity",
    "Event",
    "InputError",
    "ModelNotFoundError",
    "NewsgraphError",
    "Outcome",
    "Provenance",
    "Quote",
    "RawDocument",
    "RemovedLine",
    "Settings",
    "Source",
    "Span",
    "StoreError",
    "TextSpan",
    "__version__",
    "analyze",
    "analyze_many",
]
