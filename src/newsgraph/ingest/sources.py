"""From command-line arguments to documents: detect each source's kind, fetch what is remote.

An argument is, by its form and content:

* a URL (``http://`` or ``https://``): fetched; if the response is an RSS/Atom feed, every
  item's page is fetched instead, with the feed's title, date and author as metadata;
* a directory: walked recursively (sorted, hidden entries skipped) for every kind below;
* a WARC file (``.warc``, ``.warc.gz``): its HTML response records;
* a JSON Lines file (``.jsonl``, ``.ndjson``, optionally ``.gz``): one article per line;
* a feed file (``.rss``, ``.atom``, or ``.xml`` holding RSS/Atom): its items' pages, fetched;
* a list of URLs (``.urls``, or a ``.txt`` whose every line is a URL; ``#`` comments allowed);
* ``-``: standard input, one article (or a list of URLs, one per line);
* otherwise an article file (``.txt``, ``.html``, ``.gz`` ...), read by :mod:`.files`.

:func:`plan` turns arguments into :data:`Task` values lazily (a million-record WARC is never
listed in memory); :func:`resolve` fetches the :class:`FetchTask` ones on a few threads, in
order, skipping URLs the caller already has *before* fetching them.  Every failure is an
:class:`~newsgraph.errors.InputError` in the stream, so one bad input never stops a batch.
"""

from __future__ import annotations

import os
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

from newsgraph.errors import InputError
from newsgraph.ingest.base import RawDocument
from newsgraph.ingest.feeds import looks_like_feed, parse_feed
from newsgraph.ingest.files import SUFFIX_FORMATS, SUPPORTED, _format_of, read_file, sniff_format
from newsgraph.ingest.http import HTML_TYPES, TEXT_TYPES, Fetcher, is_url
from newsgraph.ingest.jsonl import bounded_lines, is_jsonl, iter_jsonl
from newsgraph.ingest.labels import path_label
from newsgraph.ingest.warc import is_warc, iter_warc

FEED_SUFFIXES = (".rss", ".atom", ".xml")
URL_LIST_SUFFIXES = (".urls",)
_URL_LIST_SNIFF_BYTES = 4_000_000
#: The argument that means standard input.
STDIN = "-"


@dataclass(frozen=True, slots=True)
class FetchTask:
    """A URL still to fetch.  ``expand``: a feed found there is replaced by its items."""

    url: str
    metadata: dict[str, Any] = field(default_factory=dict)
    container: str | None = None
    expand: bool = True


@dataclass(frozen=True, slots=True)
class Skipped:
    """An input left out because the store already has it (not a failure)."""

    label: str
    reason: str = "already stored"


Task = RawDocument | FetchTask | InputError
Resolved = RawDocument | InputError | Skipped


def _walk(root: Path) -> Iterator[Path]:
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            child = Path(folder) / name
            if not name.startswith(".") and _kind(child, explicit=False) is not None:
                yield child


def _kind(path: Path, explicit: bool) -> str | None:
    name = path.name.lower()
    if is_warc(path):
        return "warc"
    if is_jsonl(path):
        return "jsonl"
    if name.endswith((".rss", ".atom")):
        return "feed"
    if name.endswith(URL_LIST_SUFFIXES):
        return "urls"
    if name.endswith(".xml"):
        return "feed" if explicit else None
    if _format_of(path) is not None:
        return "article"
    return "article" if explicit else None


def _url_lines(path: Path) -> list[str] | None:
    """The URLs of a file that holds nothing else, or None when it is not such a list."""
    try:
        if path.stat().st_size > _URL_LIST_SNIFF_BYTES:
            return None
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    lines = [line.strip() for line in text.splitlines()]
    lines = [line for line in lines if line and not line.startswith("#")]
    if lines and all(is_url(line) and " " not in line for line in lines):
        return lines
    return None


def _file_tasks(path: Path, max_bytes: int, explicit: bool) -> Iterator[Task]:
    kind = _kind(path, explicit)
    if kind == "warc":
        yield from iter_warc(path, max_bytes)
    elif kind == "jsonl":
        yield from iter_jsonl(path, max_bytes)
    elif kind == "feed":
        yield from _feed_file(path, max_bytes)
    else:
        sniff = kind == "urls" or (explicit and path.suffix.lower() == ".txt")
        urls = _url_lines(path) if sniff else None
        if urls is not None:
            yield from (FetchTask(url) for url in urls)
        elif kind == "urls":
            yield InputError(path_label(path), "not a list of URLs (one http(s):// URL per line)")
        else:
            try:
                yield read_file(path, max_bytes, explicit=explicit)
            except InputError as exc:
                yield exc


def _feed_file(path: Path, max_bytes: int) -> Iterator[Task]:
    try:
        raw = read_file(path, max_bytes)
    except InputError as exc:
        yield exc
        return
    body = raw.data if isinstance(raw.data, bytes) else raw.data.encode()
    if not looks_like_feed(body):
        yield InputError(path_label(path), "not an RSS/Atom feed")
        return
    try:
        items = parse_feed(body, path_label(path))
    except InputError as exc:
        yield exc
        return
    if not items:
        yield InputError(path_label(path), "feed has no items with links")
    for item in items:
        yield FetchTask(item.url, item.metadata, container="feed", expand=False)


def stdin_tasks(stream: BinaryIO, max_bytes: int) -> Iterator[Task]:
    """``-``: standard input as one article (HTML or text, sniffed), or a list of URLs when
    every line is one.  Read no further than ``max_bytes`` + 1, so a pipe cannot fill memory."""
    try:
        data = stream.read(max_bytes + 1)
    except OSError as exc:
        yield InputError(STDIN, f"cannot read standard input ({exc.strerror or exc})")
        return
    if len(data) > max_bytes:
        yield InputError(STDIN, f"too large (over {max_bytes / 1_000_000:.1f} MB; see --max-bytes)")
    elif not data.strip():
        yield InputError(STDIN, "empty standard input")
    else:
        lines = [line.strip() for line in data.decode("utf-8", "replace").splitlines()]
        lines = [line for line in lines if line and not line.startswith("#")]
        if lines and all(is_url(line) and " " not in line for line in lines):
            yield from (FetchTask(url) for url in lines)
        else:
            yield RawDocument(data=data, format=sniff_format(data), path=STDIN)


def plan(arguments: Iterable[str], max_bytes: int) -> Iterator[Task]:
    """Tasks for every input named by ``arguments``, lazily, in argument order."""
    for arg in arguments:
        if is_url(arg):
            if path_label(arg) != arg:  # undecodable bytes from the command line
                yield InputError(path_label(arg), "the URL is not valid UTF-8")
            else:
                yield FetchTask(arg)
            continue
        if arg == STDIN:
            yield from stdin_tasks(sys.stdin.buffer, max_bytes)
            continue
        path = Path(arg)
        if path.is_dir():
            found = False
            for child in _walk(path):
                found = True
                yield from _file_tasks(child, max_bytes, explicit=False)
            if not found:
                kinds = f"{SUPPORTED}, .jsonl, .warc(.gz), .rss, .atom, .urls"
                yield InputError(path_label(path), f"no article files in directory (supported: {kinds})")
        elif path.exists():
            yield from _file_tasks(path, max_bytes, explicit=True)
        elif "://" in arg:
            scheme = path_label(arg.split("://")[0])
            yield InputError(path_label(arg), f"unsupported URL scheme {scheme!r} (only http and https)")
        else:
            yield InputError(path_label(arg), "no such file or directory")


def estimate_total(arguments: Iterable[str]) -> int | None:
    """How many inputs the arguments hold, when that is cheap to know (for an ETA); else None."""
    total = 0
    for arg in arguments:
        if is_url(arg):
            return None  # a URL may be a feed of unknown length
        path = Path(arg)
        explicit = not path.is_dir()
        for child in _walk(path) if path.is_dir() else [path]:
            kind = _kind(child, explicit)
            if kind in ("warc", "feed") or (kind == "jsonl" and child.name.lower().endswith(".gz")):
                return None
            if kind == "jsonl":
                try:
                    with child.open("rb") as fh:  # in blocks: a line may be gigabytes long
                        total += sum(1 for line in bounded_lines(fh, 0) if line)
                except OSError:
                    total += 1
            elif kind == "urls" or (explicit and child.suffix.lower() == ".txt"):
                lines = _url_lines(child)
                total += len(lines) if lines else 1
            else:
                total += 1
    return total


class Resolver:
    """Fetches :class:`FetchTask` items on ``concurrency`` threads, keeping the input order.

    ``known(url)`` is asked before each fetch: a URL the store already has is passed on as
    :class:`Skipped` without touching the network.
    """

    def __init__(
        self, fetcher: Fetcher, known: Callable[[str], bool] | None = None, concurrency: int = 8
    ) -> None:
        self.fetcher = fetcher
        self.known = known
        self.concurrency = max(1, concurrency)

    def resolve(self, tasks: Iterable[Task]) -> Iterator[Resolved]:
        pool = ThreadPoolExecutor(self.concurrency, thread_name_prefix="newsgraph-fetch")
        finished = False
        try:
            yield from self._ordered(tasks, pool)
            finished = True
        finally:  # stopped early (Ctrl-C, an error): drop the fetches not started yet
            pool.shutdown(wait=finished, cancel_futures=not finished)

    def _ordered(self, tasks: Iterable[Task], pool: ThreadPoolExecutor) -> Iterator[Resolved]:
        window: deque[Future[list[Task] | Resolved] | Resolved] = deque()
        for task in tasks:
            if isinstance(task, FetchTask):
                if self.known is not None and self.known(task.url):
                    window.append(Skipped(task.url))
                else:
                    window.append(pool.submit(self._fetch, task))
            else:
                window.append(task)
            while len(window) > self.concurrency * 2:
                yield from self._settle(window.popleft(), pool)
        while window:
            yield from self._settle(window.popleft(), pool)

    def _settle(
        self, item: Future[list[Task] | Resolved] | Resolved, pool: ThreadPoolExecutor
    ) -> Iterator[Resolved]:
        result = item.result() if isinstance(item, Future) else item
        if isinstance(result, list):  # a feed: its items, fetched in turn
            yield from self._ordered(result, pool)
        else:
            yield result

    def _fetch(self, task: FetchTask) -> list[Task] | Resolved:
        try:
            fetched = self.fetcher.get(task.url)
        except InputError as exc:
            return exc
        if task.expand and looks_like_feed(fetched.body, fetched.content_type):
            try:
                items = parse_feed(fetched.body, task.url)
            except InputError as exc:
                return exc
            if not items:
                return InputError(task.url, "feed has no items with links")
            return [FetchTask(i.url, i.metadata, container="feed", expand=False) for i in items]
        if fetched.content_type in HTML_TYPES or (
            not fetched.content_type and fetched.body.lstrip()[:1] == b"<"
        ):
            fmt = "html"
        elif fetched.content_type in TEXT_TYPES:
            fmt = "text"
        else:
            return InputError(task.url, f"unsupported content type {fetched.content_type or 'none'!r}")
        if not fetched.body.strip():
            return InputError(task.url, "empty response")
        meta = {**task.metadata, "fetched_at": fetched.fetched_at}
        return RawDocument(
            data=fetched.body, format=fmt, url=task.url, container=task.container, metadata=meta
        )


__all__ = [
    "FEED_SUFFIXES",
    "SUFFIX_FORMATS",
    "FetchTask",
    "Resolved",
    "Resolver",
    "Skipped",
    "Task",
    "estimate_total",
    "plan",
]
