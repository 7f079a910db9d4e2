"""Evaluation: scorers and dataset runners that turn our quality claims into numbers.

Each module scores one stage against gold data kept outside the repository (``../shared``):
``extraction`` scores HTML article extraction on the Zyte and WCXB sets.  The scorers are
written from the data sets' own descriptions, not copied from upstream code, so that the gold
gates in ``tests/`` and the tables in ``benchmarks/`` measure what the published figures
measure.  Nothing here is imported by the analysis path.
"""

from collections.abc import Sequence
from pathlib import Path

#: One gold folder, or several scored together (dev + dev2).
GoldDirs = str | Path | Sequence[str | Path]


def gold_files(dirs: GoldDirs) -> list[Path]:
    """The ``*.json`` gold files of one folder or of several, folder by folder, each sorted."""
    folders = [dirs] if isinstance(dirs, str | Path) else list(dirs)
    return [path for folder in folders for path in sorted(Path(folder).glob("*.json"))]
