"""Shared fixtures: where ../shared is, and skipping cleanly when it is absent."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "examples"


def shared_dir() -> Path:
    """``../shared`` beside the repository, or ``$NEWSGRAPH_SHARED``."""
    override = os.environ.get("NEWSGRAPH_SHARED")
    return Path(override) if override else REPO.parent / "shared"


def require_shared(*parts: str) -> Path:
    """The path under ../shared, or skip the test with a message saying what is missing."""
    path = shared_dir().joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is absent: this test reads the shared gold/benchmark data")
    return path


def load_gold(name: str) -> dict[str, Any]:
    path = require_shared("gold", "dev", f"{name}.json")
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


SEED = "seed-us-open-to-discussing-deep-strikes"
