"""WARC and WARC.gz files (as in Common Crawl News): one RawDocument per HTML response record.

Only ``response`` records with HTTP status 200 and an HTML content type are articles; request,
metadata and revisit records, redirects, robots.txt and images are skipped without a message
(a crawl holds many of them and none is an error).  Each document keeps the record's target URI
as its URL (what resuming skips by) and its WARC-Date as ``metadata["fetched_at"]``; its path
is ``file#offset`` so that a failure names the record.  Records are streamed: a multi-gigabyte
file is never held in memory, and a body over ``max_bytes`` is reported and skipped.  A record
cut short (the file ends before its Content-Length) is an error, never half an article.
"""

from __future__ import annotations

import contextlib
import io
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO

from newsgraph.errors import InputError
from newsgraph.ingest.base import RawDocument
from newsgraph.ingest.labels import path_label

WARC_SUFFIXES = (".warc", ".warc.gz", ".arc.gz")


def is_warc(path: Path) -> bool:
    return path.name.lower().endswith(WARC_SUFFIXES)


def iter_warc(path: Path, max_bytes: int) -> Iterator[RawDocument | InputError]:
    """HTML responses in a WARC file; a broken record or file ends with an InputError."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    label = path_label(path)
    try:
        stream = path.open("rb")
    except OSError as exc:
        yield InputError(label, exc.strerror or str(exc))
        return
    found = False
    with stream:
        records = ArchiveIterator(stream)
        complaints = io.StringIO()
        try:
            for record in _quietly(records, complaints):
                if record.rec_type != "response" or record.http_headers is None:
                    continue
                status = record.http_headers.get_statuscode()
                ctype = (record.http_headers.get_header("Content-Type") or "").split(";")[0].strip().lower()
                if status != "200" or ctype not in ("text/html", "application/xhtml+xml"):
                    continue
                found = True
                url = record.rec_headers.get_header("WARC-Target-URI")
                body = _read_capped(record.content_stream(), max_bytes)
                where = f"{label}#{records.get_record_offset()}"  # after the read: it moves the stream
                if len(body) <= max_bytes and getattr(record.raw_stream, "limit", 0) > 0:
                    # the record's Content-Length promised more than the file holds
                    yield InputError(url or where, "truncated WARC record (the file ends inside it)")
                    continue
                if len(body) > max_bytes:
                    yield InputError(
                        url or where, f"record too large (over {max_bytes / 1e6:.1f} MB, see --max-bytes)"
                    )
                    continue
                if not body.strip():
                    yield InputError(url or where, "empty response record")
                    continue
                meta = {"fetched_at": record.rec_headers.get_header("WARC-Date")}
                yield RawDocument(
                    data=body, format="html", path=where, url=url, container="warc", metadata=meta
                )
        except (ArchiveLoadFailed, OSError, EOFError, ValueError) as exc:
            yield InputError(label, f"not a readable WARC file, or truncated ({exc})")
            return
    if not found and complaints.getvalue():
        yield InputError(label, "not a readable WARC file (its records do not match their lengths)")
    elif not found:
        yield InputError(label, "no HTML response records in WARC file")


def _quietly(records: Iterator[Any], complaints: io.StringIO) -> Iterator[Any]:
    """The records, with what warcio writes to standard error while finding the next one kept
    in ``complaints``: it prints the raw bytes of a malformed record, escape sequences and all."""
    iterator = iter(records)
    while True:
        with contextlib.redirect_stderr(complaints):  # only while this frame runs, not across yield
            record = next(iterator, None)
        if record is None:
            return
        yield record


def _read_capped(stream: BinaryIO, max_bytes: int) -> bytes:
    """Up to ``max_bytes + 1`` bytes (warcio's readers return short reads: loop)."""
    parts: list[bytes] = []
    size = 0
    while size <= max_bytes:
        block = stream.read(min(65536, max_bytes + 1 - size))
        if not block:
            break
        parts.append(block)
        size += len(block)
    return b"".join(parts)


__all__ = ["WARC_SUFFIXES", "is_warc", "iter_warc"]
