"""JSON Lines input: one article per line, ``{"text": ...}`` or ``{"html": ...}``.

Optional fields: ``id`` (kept as the article id), ``url``, ``title``, ``published`` (ISO 8601),
``authors`` (list or string), ``outlet``, ``section``, ``language``.  The metadata fields are
used where the content lacks them (the page's own title wins over the line's).  A bad line (not
JSON, not an object, no text) is reported as ``file:line`` and the rest of the file is read.
Lines are read one at a time, so a file of a million articles needs memory for one.
"""

from __future__ import annotations

import gzip
import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from newsgraph.errors import InputError
from newsgraph.ingest.base import RawDocument

JSONL_SUFFIXES = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")
_META = ("title", "published", "outlet", "section", "language")


def is_jsonl(path: Path) -> bool:
    return path.name.lower().endswith(JSONL_SUFFIXES)


def _open(path: Path) -> IO[str]:
    if path.name.lower().endswith(".gz"):
        return io.TextIOWrapper(gzip.open(path, "rb"), encoding="utf-8", errors="replace")
    return path.open(encoding="utf-8", errors="replace")


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
    label = str(path)
    try:
        handle = _open(path)
    except OSError as exc:
        yield InputError(label, exc.strerror or str(exc))
        return
    seen = False
    with handle:
        try:
            for number, line in enumerate(handle, start=1):
                if not line.strip():
                    continue
                seen = True
                where = f"{label}:{number}"
                try:
                    yield line_document(json.loads(line), where, max_bytes)
                except json.JSONDecodeError as exc:
                    yield InputError(where, f"not valid JSON ({exc.msg} at column {exc.colno})")
                except InputError as exc:
                    yield exc
        except (OSError, EOFError) as exc:
            yield InputError(label, f"cannot read the file to the end ({exc})")
    if not seen:
        yield InputError(label, "empty file")


__all__ = ["JSONL_SUFFIXES", "is_jsonl", "iter_jsonl", "line_document"]
