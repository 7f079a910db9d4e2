"""Input shards: the unit of work (one Dask task) and of output (one Parquet part per table).

A shard is a WARC/WARC.gz file, a JSON Lines file, or a chunk of the loose article files of a
directory (:data:`FILES_PER_SHARD` files, in the sorted order the built-in runner walks).
Directories are walked for all three, so ``ingest --engine dask crawl/`` makes one shard per
WARC file in ``crawl/``.

Why names and fingerprints:

* **The name derives from the shard** (the file's base name and a hash of its absolute path;
  a directory chunk adds its index), never from the run: a retried task, or a rerun after a
  crash, writes the same part names and so replaces its own parts instead of adding copies.
* **The fingerprint** (paths, sizes, modification times) is what the manifest keeps for a
  finished shard: a rerun skips a shard whose fingerprint is unchanged and redoes one that was
  rewritten.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from newsgraph.errors import InputError
from newsgraph.ingest.http import is_url
from newsgraph.ingest.sources import _kind, _walk

#: Loose article files per shard when a directory is split into chunks.
FILES_PER_SHARD = 200

_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


@dataclass(frozen=True, slots=True)
class Shard:
    """One unit of work: ``paths`` are read in order by one task; ``name`` names its parts."""

    name: str
    paths: tuple[str, ...]
    kind: str  # "warc", "jsonl" or "files"

    def fingerprint(self) -> str:
        """A hash of the shard's files as they are now (path, size, modification time)."""
        digest = hashlib.sha256()
        for path in self.paths:
            try:
                st = os.stat(path)
                digest.update(f"{path}\0{st.st_size}\0{st.st_mtime_ns}\n".encode())
            except OSError:
                digest.update(f"{path}\0missing\n".encode())
        return digest.hexdigest()[:32]


def _name(label: str, identity: str) -> str:
    slug = _UNSAFE.sub("_", label).strip("_")[:60] or "shard"
    return f"{slug}-{hashlib.sha256(identity.encode()).hexdigest()[:10]}"


def _file_shard(path: Path, kind: str) -> Shard:
    full = str(path.resolve())
    return Shard(_name(path.name, full), (full,), kind)


def _chunks(folder: Path, files: list[Path], size: int) -> Iterator[Shard]:
    base = str(folder.resolve())
    for i in range(0, len(files), size):
        index = i // size
        paths = tuple(str(f.resolve()) for f in files[i : i + size])
        yield Shard(_name(f"{folder.name}-files{index:05d}", f"{base}#{index}"), paths, "files")


def plan_shards(
    arguments: Iterable[str], files_per_shard: int = FILES_PER_SHARD
) -> tuple[list[Shard], list[InputError]]:
    """The shards named by ``arguments`` (in order, each once), and the arguments that are unusable.

    URLs are refused: the Dask engine reads files a cluster can reach; fetch pages with the
    built-in runner, or crawl them to WARC first.
    """
    shards: list[Shard] = []
    problems: list[InputError] = []
    seen: set[str] = set()

    def add(shard: Shard) -> None:
        if shard.name not in seen:
            seen.add(shard.name)
            shards.append(shard)

    for arg in arguments:
        path = Path(arg)
        if is_url(arg) or "://" in arg:
            problems.append(
                InputError(
                    arg,
                    "the dask engine reads files, not URLs: ingest URLs with the built-in runner "
                    "(no --engine), or crawl them to WARC first",
                )
            )
        elif path.is_dir():
            loose: list[Path] = []
            found = False
            for child in _walk(path):
                found = True
                kind = _kind(child, explicit=False)
                if kind in ("warc", "jsonl"):
                    add(_file_shard(child, kind))
                else:
                    loose.append(child)
            for shard in _chunks(path, loose, max(1, files_per_shard)):
                add(shard)
            if not found:
                problems.append(InputError(arg, "no article files in directory"))
        elif path.exists():
            kind = _kind(path, explicit=True)
            add(_file_shard(path, kind if kind in ("warc", "jsonl") else "files"))
        else:
            problems.append(InputError(arg, "no such file or directory"))
    return shards, problems


__all__ = ["FILES_PER_SHARD", "Shard", "plan_shards"]
