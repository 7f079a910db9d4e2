"""Read article files and directories into RawDocuments, reporting bad inputs one by one.

A bad input (missing path, empty or oversized file, an empty directory) is yielded as an
:class:`~newsgraph.errors.InputError` instead of raised, so that the batch goes on and the
caller can report it.  Files are read whole but never beyond ``max_bytes``: a 50 MB page is
refused from its size, and a gzip bomb from its decompressed size.
"""

from __future__ import annotations

import os
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path

from newsgraph.errors import InputError
from newsgraph.ingest.base import RawDocument
from newsgraph.ingest.labels import path_label

#: File name endings we read, and the content format they hold.
SUFFIX_FORMATS: dict[str, str] = {
    ".txt": "text",
    ".text": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
}

SUPPORTED = ", ".join([*SUFFIX_FORMATS, *(s + ".gz" for s in (".txt", ".html", ".htm"))])


def _format_of(path: Path) -> str | None:
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes = suffixes[:-1]
    return SUFFIX_FORMATS.get(suffixes[-1]) if suffixes else None


def _mb(n: int) -> str:
    return f"{n / 1_000_000:.1f} MB"


def _too_large(label: str, size: int, max_bytes: int) -> InputError:
    return InputError(label, f"too large ({_mb(size)}; the limit is {_mb(max_bytes)}, see --max-bytes)")


def read_file(path: Path, max_bytes: int, explicit: bool = True) -> RawDocument:
    """Read one file; raise InputError with a one-line reason if it cannot be used."""
    label = path_label(path)
    fmt = _format_of(path)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise _too_large(label, size, max_bytes)
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(label, exc.strerror or str(exc)) from exc
    if path.suffix.lower() == ".gz":
        data = _gunzip(data, label, max_bytes)
    if not data.strip():
        raise InputError(label, "empty file")
    if fmt is None:
        if not explicit:
            raise InputError(label, f"unsupported file type (supported: {SUPPORTED})")
        fmt = sniff_format(data)
    return RawDocument(data=data, format=fmt, path=label)


def _gunzip(data: bytes, label: str, max_bytes: int) -> bytes:
    try:
        decompressor = zlib.decompressobj(16 + zlib.MAX_WBITS)
        out = decompressor.decompress(data, max_bytes + 1)
    except zlib.error as exc:
        raise InputError(label, f"not a valid gzip file ({exc})") from exc
    if len(out) > max_bytes or decompressor.unconsumed_tail:
        raise InputError(label, f"too large when decompressed (over {_mb(max_bytes)}, see --max-bytes)")
    return out


def sniff_format(data: bytes) -> str:
    """Guess html or text from the first bytes (for files with an unknown ending)."""
    head = data[:2048].lstrip().lower()
    if head.startswith((b"<!doctype html", b"<html", b"<?xml")) or b"<body" in head or b"<head" in head:
        return "html"
    return "text"


def iter_paths(paths: Iterable[str | os.PathLike[str]]) -> Iterator[Path | InputError]:
    """Expand files and directories (recursively, sorted) into article file paths."""
    for item in paths:
        path = Path(item)
        if path.is_dir():
            found = False
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    child = Path(root) / name
                    if not name.startswith(".") and _format_of(child) is not None:
                        found = True
                        yield child
            if not found:
                yield InputError(path_label(path), f"no article files in directory (supported: {SUPPORTED})")
        elif path.exists():
            yield path
        else:
            yield InputError(path_label(path), "no such file or directory")


def iter_documents(
    paths: Iterable[str | os.PathLike[str]], max_bytes: int
) -> Iterator[RawDocument | InputError]:
    """RawDocuments for every readable article under ``paths``; bad inputs as InputError."""
    for item in iter_paths(paths):
        if isinstance(item, InputError):
            yield item
            continue
        try:
            yield read_file(item, max_bytes)
        except InputError as exc:
            yield exc


__all__ = ["SUFFIX_FORMATS", "iter_documents", "iter_paths", "read_file", "sniff_format"]
