"""What a Dask worker does with one shard: read it, analyse it, write its parts, mark it done.

The analysis is the built-in runner's own code: :func:`newsgraph.ingest.worker.process_chunk`
over chunks of ``batch_size`` documents (extraction, ``nlp.pipe``, records: the core
``analyze`` path), with no database to consult, so every readable input becomes an article.
Near-duplicates are found later, across the whole dataset (:mod:`.dedup`); here each article
only gets its MinHash signature.

Why this shape:

* **The model is loaded once per worker process**: :class:`ModelPlugin` loads it when the
  worker starts, and :func:`ensure_model` (a per-process cache) covers workers that joined
  before the plugin was registered.  A lock keeps one chunk at a time in the pipeline, so a
  worker started with several threads stays correct (spaCy's pipeline is not meant to be
  shared by threads; one thread per worker process is the configuration to use).
* **Parts first, manifest last**: the four parts are written under temporary names and moved
  into place (:class:`newsgraph.parquet.PartWriter`), then the manifest entry is written.  A
  worker killed at any point leaves either nothing or complete parts without a manifest entry;
  the task is run again (by Dask's retry, or by a rerun) and writes the same names again.
* **Only plain values cross the process boundary**: the task returns a :class:`ShardReport`
  (strings and numbers) and raises :class:`ShardError`, which survives pickling.
"""

from __future__ import annotations

import gc
import json
import os
import posixpath
import resource
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from itertools import islice
from pathlib import Path
from typing import Any

from distributed.diagnostics.plugin import WorkerPlugin

from newsgraph import __version__
from newsgraph.dedup import signature, to_bytes
from newsgraph.distributed.shards import Shard
from newsgraph.errors import InputError, NewsgraphError
from newsgraph.ingest.base import RawDocument
from newsgraph.ingest.http import Fetcher, FetchPolicy
from newsgraph.ingest.sources import Resolver, Skipped, Task, _file_tasks
from newsgraph.ingest.worker import WORKER_GC_THRESHOLD, process_chunk, use_state
from newsgraph.parquet import MANIFEST_DIR, ArticleExtras, PartWriter, filesystem
from newsgraph.settings import Settings

_MODEL_LOCK = threading.Lock()
_PIPELINE_LOCK = threading.Lock()
_READY: Settings | None = None


class ShardError(NewsgraphError):
    """A shard could not be processed as a whole (its parts were not written)."""

    def __init__(self, shard: str, reason: str) -> None:
        super().__init__(f"shard {shard}: {reason}")
        self.shard = shard
        self.reason = reason

    def __reduce__(self) -> tuple[type[ShardError], tuple[str, str]]:
        return (type(self), (self.shard, self.reason))


@dataclass(frozen=True, slots=True)
class ShardReport:
    """What a finished shard holds (also its manifest entry)."""

    name: str
    fingerprint: str
    paths: tuple[str, ...]
    inputs: int
    articles: int
    entities: int
    quotes: int
    events: int
    words: int
    failures: tuple[tuple[str, str], ...] = ()
    seconds: float = 0.0
    worker: str = ""
    peak_rss_kb: int = 0
    newsgraph: str = __version__
    finished_at: str = field(default_factory=lambda: datetime.now(UTC).isoformat(timespec="seconds"))

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False, indent=1)

    @classmethod
    def from_json(cls, text: str) -> ShardReport:
        data: dict[str, Any] = json.loads(text)
        data["paths"] = tuple(data.get("paths") or ())
        data["failures"] = tuple(tuple(f) for f in data.get("failures") or ())
        return cls(**data)


def ensure_model(settings: Settings) -> None:
    """Load the pipeline into this process once per settings (the per-process cache)."""
    global _READY
    with _MODEL_LOCK:
        if settings != _READY:
            use_state(settings, None, False)
            gc.freeze()  # as the built-in runner's workers do (see init_worker)
            gc.set_threshold(*WORKER_GC_THRESHOLD)
            _READY = settings


class ModelPlugin(WorkerPlugin):
    """Loads the model when a worker starts, so the first task does not pay for it."""

    name = "newsgraph-model"

    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    def setup(self, worker: Any) -> None:
        ensure_model(self.settings)


def manifest_path(root: str, name: str) -> str:
    return posixpath.join(root, MANIFEST_DIR, f"{name}.json")


def _documents(shard: Shard, settings: Settings) -> Iterator[RawDocument | InputError | Skipped]:
    """The shard's documents in order; URLs it names (URL lists, feed files) are fetched."""

    def tasks() -> Iterator[Task]:
        for path in shard.paths:
            yield from _file_tasks(Path(path), settings.max_bytes, explicit=shard.kind != "files")

    with Fetcher(FetchPolicy()) as fetcher:
        for item in Resolver(fetcher).resolve(tasks()):
            if isinstance(item, RawDocument | InputError):
                yield item


def process_shard(shard: Shard, settings: Settings, out: str) -> ShardReport:
    """Analyse every document of ``shard`` and write its parts and manifest entry under ``out``."""
    start = time.monotonic()
    try:
        ensure_model(settings)
        fs, root = filesystem(out)
        writer = PartWriter(fs, root, shard.name)
    except (OSError, NewsgraphError) as exc:
        raise ShardError(shard.name, f"{type(exc).__name__}: {exc}") from None
    totals = {"inputs": 0, "articles": 0, "entities": 0, "quotes": 0, "events": 0, "words": 0}
    failures: list[tuple[str, str]] = []
    try:
        items = _documents(shard, settings)
        while chunk := list(islice(items, max(1, settings.batch_size))):
            with _PIPELINE_LOCK:
                answer = process_chunk(chunk)
            for result in answer.results:
                totals["inputs"] += 1
                article, row = result.article, result.source
                if result.status != "article" or article is None:
                    failures.append((result.label, result.error or "unknown error"))
                    continue
                sig = signature(article.text)
                writer.add(
                    article,
                    ArticleExtras(
                        shard=shard.name,
                        position=totals["articles"],
                        minhash=None if sig is None else to_bytes(sig),
                        source_key=row.source if row else None,
                        input_sha256=row.input_sha256 if row else None,
                        fetched_at=row.fetched_at if row else None,
                    ),
                )
                totals["articles"] += 1
                totals["entities"] += len(article.entities)
                totals["quotes"] += len(article.quotes)
                totals["events"] += len(article.events)
                totals["words"] += len(article.text.split())
        writer.commit()
    except Exception as exc:
        writer.abort()
        raise ShardError(shard.name, f"{type(exc).__name__}: {exc}") from None
    report = ShardReport(
        name=shard.name,
        fingerprint=shard.fingerprint(),
        paths=shard.paths,
        failures=tuple(failures),
        seconds=round(time.monotonic() - start, 3),
        worker=f"{socket.gethostname()}:{os.getpid()}",
        peak_rss_kb=int(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss),
        inputs=totals["inputs"],
        articles=totals["articles"],
        entities=totals["entities"],
        quotes=totals["quotes"],
        events=totals["events"],
        words=totals["words"],
    )
    tmp = manifest_path(root, shard.name) + f".{os.getpid()}.tmp"
    fs.create_dir(posixpath.join(root, MANIFEST_DIR), recursive=True)
    with fs.open_output_stream(tmp) as fh:
        fh.write(report.to_json().encode("utf-8"))
    fs.move(tmp, manifest_path(root, shard.name))
    return report


def finished_shards(out: str) -> dict[str, ShardReport]:
    """The manifest: every finished shard of the dataset at ``out``, by name."""
    import pyarrow.fs as pafs

    fs, root = filesystem(out)
    folder = posixpath.join(root, MANIFEST_DIR)
    if fs.get_file_info(folder).type != pafs.FileType.Directory:
        return {}
    done: dict[str, ShardReport] = {}
    for info in fs.get_file_info(pafs.FileSelector(folder)):
        if info.is_file and info.base_name.endswith(".json"):
            with fs.open_input_stream(info.path) as fh:
                try:
                    report = ShardReport.from_json(fh.read().decode("utf-8"))
                except (ValueError, TypeError):
                    continue  # a damaged entry: the shard is redone
            done[report.name] = report
    return done


__all__ = ["ModelPlugin", "ShardError", "ShardReport", "ensure_model", "finished_shards", "process_shard"]
