"""JSON Lines input: one article per line, ``{"text": ...}`` or ``{"html": ...}``.

Optional fields: ``id`` (kept as the article id), ``url``, ``title``, ``published`` (ISO 8601),
``authors`` (list or string), ``outlet``, ``section``, ``language``.  The metadata fields are
used where the content lacks them (the page's own title wins over the line's).  A bad line (not
JSON, not an object, no text) is reported as ``file:line`` and the rest of the file is read.
Lines are read one at a time, in blocks, so a file of a million articles needs memory for one
line, and a line longer than :func:`line_limit` is skipped as an error without being held (a
3 MB ``.jsonl.gz`` can hold a 3 GiB line).  A line that is not valid UTF-8 is decoded with
replacement characters and a warning, never silently.
"""

from __future__ import annotations

import gzip
import io
import json
import zlib
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

from newsgraph.errors import InputError
from newsgraph.ingest.base import RawDocument
from newsgraph.ingest.labels import path_label

JSONL_SUFFIXES = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")
_META = ("title", "published", "outlet", "section", "language")
_BLOCK = 1 << 16


def is_jsonl(path: Path) -> bool:
    return path.name.lower().endswith(JSONL_SUFFIXES)


def _open(path: Path) -> io.BufferedIOBase:
    if path.name.lower().endswith(".gz"):
        return gzip.open(path, "rb")
    return path.open("rb")


def line_limit(max_bytes: int) -> int:
    """The longest line read: JSON escapes can make a text of ``max_bytes`` several times longer
    (``\\u00e9`` is 6 bytes for a 2-byte letter), so lines get 4x that plus room for metadata."""
    return 4 * max_bytes + _BLOCK


def bounded_lines(stream: io.BufferedIOBase, limit: int) -> Iterator[bytes | int]:
    """The lines of ``stream`` (without the newline), read in blocks; a line longer than
    ``limit`` is not kept: its length (an int) is yielded instead, once the line is over."""
    parts: list[bytes] = []
    size = 0  # bytes of the current line seen so far
    while block := stream.read(_BLOCK):
        start = 0
        while (end := block.find(b"\n", start)) >= 0:
            size += end - start
            yield size if size > limit else b"".join([*parts, block[start:end]])
            parts, size, start = [], 0, end + 1
        size += len(block) - start
        if size <= limit:
            parts.append(block[start:])
        else:
            parts = []
    if size:
        yield size if size > limit else b"".join(parts)


def line_document(obj: Any, where: str, max_bytes: int) -> RawDocument:
    """The RawDocument for one parsed line; InputError with the reason if it is unusable."""
    if not isinstance(obj, dict):
        raise InputError(where, "line is not a JSON object")
    text, html = obj.get("text"), obj.get("html")
    if isinstance(text, str) and text.strip():
        data, fmt = text, "text"
    elif isinstance(html, str) and html.strip():
        data, fmt = html, "html"
    else:
        raise InputError(where, 'no "text" or "html" field with content')
    if len(data.encode("utf-8")) > max_bytes:
        raise InputError(where, f"too large (the limit is {max_bytes / 1e6:.1f} MB, see --max-bytes)")
    meta: dict[str, Any] = {k: str(obj[k]) for k in _META if isinstance(obj.get(k), str) and obj[k].strip()}
    authors = obj.get("authors")
    if isinstance(authors, str):
        authors = [authors]
    if isinstance(authors, list) and authors:
        meta["authors"] = [str(a) for a in authors if str(a).strip()]
    raw_id = obj.get("id")
    url = obj.get("url") if isinstance(obj.get("url"), str) else None
    return RawDocument(
        data=data,
        format=fmt,
        path=where,
        url=url or None,
        id=str(raw_id) if raw_id not in (None, "") else None,
        container="jsonl",
        metadata=meta,
    )


def iter_jsonl(path: Path, max_bytes: int) -> Iterator[RawDocument | InputError]:
    """One RawDocument per usable line of ``path``; each bad line as an InputError."""
    label = path_label(path)
    try:
        handle = _open(path)
    except OSError as exc:
        yield InputError(label, exc.strerror or str(exc))
        return
    seen = False
    limit = line_limit(max_bytes)
    with handle:
        try:
            for number, raw in enumerate(bounded_lines(handle, limit), start=1):
                where = f"{label}:{number}"
                if isinstance(raw, int):
                    seen = True
                    yield InputError(
                        where, f"line too long ({raw / 1e6:,.1f} MB; the limit is {limit / 1e6:.1f} MB)"
                    )
                    continue
                if not raw.strip():
                    continue
                seen = True
                yield _line(raw, where, max_bytes)
        except (OSError, EOFError, zlib.error) as exc:
            yield InputError(label, f"cannot read the file to the end ({exc})")
    if not seen:
        yield InputError(label, "empty file")


def _line(raw: bytes, where: str, max_bytes: int) -> RawDocument | InputError:
    warnings: tuple[str, ...] = ()
    try:
        line = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.decode("utf-8", errors="replace")
        warnings = (f"line is not valid UTF-8 (first bad byte at column {exc.start + 1}); bytes replaced",)
    try:
        doc = line_document(json.loads(line), where, max_bytes)
    except json.JSONDecodeError as exc:
        return InputError(where, f"not valid JSON: {exc.msg} (column {exc.colno})")
    except InputError as exc:
        return exc
    if warnings:
        doc = replace(doc, metadata={**doc.metadata, "warnings": warnings})
    return doc


__all__ = ["JSONL_SUFFIXES", "bounded_lines", "is_jsonl", "iter_jsonl", "line_document", "line_limit"]
