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
import os
from collections.abc import Iterator
from functools import cache
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
    label = path_label(path)
    try:
        stream = path.open("rb")
    except OSError as exc:
        yield InputError(label, exc.strerror or str(exc))
        return
    found = cut = False
    with stream:
        records = _checked_iterator()(stream)
        complaints = io.StringIO()
        try:
            for record in _quietly(records, complaints):
                item = _response(record, records, label, max_bytes)
                if item is not None:
                    found = True
                    cut = isinstance(item, InputError) and item.reason == TRUNCATED
                    yield item
        except Exception as exc:  # warcio fails on malformed data with anything, AttributeError included
            yield InputError(label, f"not a readable WARC file, or truncated ({type(exc).__name__}: {exc})")
            return
    if records.truncated and not cut:
        yield InputError(label, "truncated file (it ends inside a record)")
    elif not found and complaints.getvalue():
        yield InputError(label, "not a readable WARC file (its records do not match their lengths)")
    elif not found and not records.truncated:
        yield InputError(label, "no HTML response records in WARC file")


TRUNCATED = "truncated WARC record (the file ends inside it)"


def _response(record: Any, records: Any, label: str, max_bytes: int) -> RawDocument | InputError | None:
    """The document of an HTML response record, an error for a broken one, None for the rest
    (a record skipped is still read to its end, as warcio would, to see that it is whole)."""
    url = record.rec_headers.get_header("WARC-Target-URI")
    if str(getattr(record, "format", "warc")).startswith("warc") and not record.rec_headers.get_header(
        "Content-Length"
    ):  # warcio passes on a header block cut short as a record
        return InputError(url or f"{label}#{records.get_record_offset()}", TRUNCATED)
    article = record.rec_type == "response" and record.http_headers is not None
    if article:
        status = record.http_headers.get_statuscode()
        ctype = (record.http_headers.get_header("Content-Type") or "").split(";")[0].strip().lower()
        article = status == "200" and ctype in ("text/html", "application/xhtml+xml")
    if not article:
        while record.raw_stream.read(65536):
            pass
        if getattr(record.raw_stream, "limit", 0) > 0:
            return InputError(url or f"{label}#{records.get_record_offset()}", TRUNCATED)
        return None
    body = _read_capped(record.content_stream(), max_bytes)
    where = f"{label}#{records.get_record_offset()}"  # after the read: it moves the stream
    if len(body) <= max_bytes and getattr(record.raw_stream, "limit", 0) > 0:
        return InputError(url or where, TRUNCATED)  # Content-Length promised more than the file holds
    if len(body) > max_bytes:
        return InputError(url or where, f"record too large (over {max_bytes / 1e6:.1f} MB, see --max-bytes)")
    if not body.strip():
        return InputError(url or where, "empty response record")
    meta = {"fetched_at": record.rec_headers.get_header("WARC-Date")}
    return RawDocument(data=body, format="html", path=where, url=url, container="warc", metadata=meta)


@cache
def _checked_iterator() -> type[Any]:
    """warcio's ArchiveIterator, noting whether the last gzip member ended before its end marker.

    warcio stops quietly at a cut in a file (the records after it are simply not there): in a
    compressed file its decompressor knows, and is read here just before warcio drops it; in
    an uncompressed one, bytes are left after the last record warcio could read.
    """
    from warcio.archiveiterator import ArchiveIterator

    class CheckedArchiveIterator(ArchiveIterator):  # type: ignore[misc]
        truncated = False

        def close(self) -> None:
            reader = getattr(self, "reader", None)
            decompressor = getattr(reader, "decompressor", None)
            if decompressor is not None and not getattr(decompressor, "eof", True):
                self.truncated = True
            elif reader is not None and decompressor is None:  # uncompressed: bytes left over?
                try:
                    size = os.fstat(self.fh.fileno()).st_size
                except (AttributeError, OSError, ValueError):
                    size = 0
                self.truncated = size - int(getattr(self, "offset", size)) > 4  # more than CRLF CRLF
            super().close()

    return CheckedArchiveIterator


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
