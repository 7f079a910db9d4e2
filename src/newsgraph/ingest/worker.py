"""What one worker process does with a chunk of documents: gate, extract, analyse, report.

A worker loads the spaCy pipeline once (:func:`init_worker`) and then receives chunks of
:class:`RawDocument` (one ``nlp.pipe`` batch each).  For every document it decides, cheapest
check first, whether analysis is needed at all:

1. (done by the runner before dispatch: the same input bytes from the same source are stored)
2. after extraction, the same text is stored -> ``known`` (same source) or an ``exact`` copy;
3. a near-duplicate text is stored (MinHash LSH, :mod:`newsgraph.dedup`) -> a ``near`` copy;
4. otherwise the document goes through ``nlp.pipe`` with the rest of its chunk.

The checks read the database through a read-only connection (WAL lets it read while the
writer writes); they only save work, the writer re-checks before storing, so two copies of one
story in flight at once still end up as one article and one copy.  Results are plain picklable
records (:class:`WorkResult`), never spaCy objects.

The extraction and batching steps are :func:`newsgraph.core.prepare` and
:func:`newsgraph.core.run_batch`, the same code ``analyze_many`` runs, called separately
because ``analyze_many`` has no point between extraction and analysis to skip a document at.

A worker never outlives the process that started it: a thread checks every
:data:`PARENT_CHECK_SECONDS` that its parent is still the one it was started by, and exits
otherwise (a SIGKILLed ingest used to leave every worker running, ~236 MB each).  Workers
ignore SIGINT: on Ctrl-C the parent stops them itself, at once, instead of each printing a
traceback.

``NEWSGRAPH_DEBUG_DELAY`` (seconds per document) slows workers down deterministically; the
crash-safety test uses it to kill an ingest in the middle.  ``NEWSGRAPH_DEBUG_CRASH`` (a
string) makes a worker process (never the main one) die at once on an input whose label
contains it, as an out-of-memory kill would: the test of the runner's retries uses it.
"""

from __future__ import annotations

import gc
import hashlib
import os
import resource
import signal
import sqlite3
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newsgraph.core import Outcome, prepare, run_batch
from newsgraph.errors import InputError, ModelNotFoundError, NewsgraphError, WorkerStartError
from newsgraph.extract import ExtractedArticle
from newsgraph.ingest.base import RawDocument
from newsgraph.ingest.sources import Skipped
from newsgraph.nlp.pipeline import load_pipeline
from newsgraph.records import Article, text_sha256
from newsgraph.settings import Settings
from newsgraph.store.ingest_state import SourceRow, known_source, seq_of_text, source_key

DELAY_ENV = "NEWSGRAPH_DEBUG_DELAY"
CRASH_ENV = "NEWSGRAPH_DEBUG_CRASH"
#: Most tokens handed to one ``nlp.pipe`` call (see :func:`_by_tokens`).
MAX_BATCH_TOKENS = 8_000
#: How often a worker checks that its parent is alive.
PARENT_CHECK_SECONDS = 0.5


@dataclass(frozen=True, slots=True)
class WorkResult:
    """The outcome for one input.

    ``status``: ``article`` (analysed; ``article`` set), ``copy`` (a duplicate of stored
    article ``canonical``; ``source.relation`` says exact or near), ``known`` (already stored),
    ``failed`` (``error`` says why).  ``source`` describes the input for the store;
    ``signature`` is its MinHash (bytes) for the near-duplicate index.
    """

    label: str
    status: str
    article: Article | None = None
    error: str | None = None
    warnings: tuple[str, ...] = ()
    source: SourceRow | None = None
    canonical: int | None = None
    signature: bytes | None = None


@dataclass(frozen=True, slots=True)
class ChunkResult:
    """A worker's answer for one chunk, with its process id and peak memory (for the summary)."""

    results: list[WorkResult]
    pid: int
    peak_rss_kb: int


@dataclass(slots=True)
class WorkerState:
    settings: Settings
    conn: sqlite3.Connection | None
    near_dups: bool
    delay: float
    crash_on: str | None = None


_STATE: WorkerState | None = None
_START_FAILURE: NewsgraphError | None = None


#: Allocations between young-generation collections in a worker (Python's default: 700).
WORKER_GC_THRESHOLD = (20_000, 50, 100)


def _exit_when_orphaned(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(PARENT_CHECK_SECONDS)
    os._exit(1)  # no cleanup to do: the worker holds a read-only connection only


def watch_parent(parent: int) -> None:
    """Exit this process as soon as ``parent`` is no longer its parent (it died)."""
    thread = threading.Thread(
        target=_exit_when_orphaned, args=(parent,), name="newsgraph-parent-watch", daemon=True
    )
    thread.start()


def init_worker(settings: Settings, db_path: str | None, near_dups: bool, parent: int | None = None) -> None:
    """Process initializer: watch the parent, load the pipeline once, open the database read-only.

    Garbage collection: the model and lexicons, loaded once, are moved out of the collector's
    sight (``gc.freeze``) and young collections run less often.  Analysing an article makes
    many short-lived objects, freed by reference counting; the collector only finds cycles,
    but each run walked the whole model: measured, ~2% of a worker's time went to it, ~0.5%
    after this.

    A failure here (no such model, an unreadable database) is kept and raised by every
    :func:`process_chunk` call, so that it reaches the parent as what it is and stops the
    run there with its own message; raised here, it would only kill the worker, and the
    parent would see every input fail with "a worker process died".
    """
    global _STATE, _START_FAILURE
    if parent is not None:
        watch_parent(parent)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        _start(settings, db_path, near_dups)
    except ModelNotFoundError as exc:
        _START_FAILURE = exc
    except Exception as exc:
        _START_FAILURE = WorkerStartError(f"a worker process could not start: {type(exc).__name__}: {exc}")


def _start(settings: Settings, db_path: str | None, near_dups: bool) -> None:
    global _STATE
    load_pipeline(settings)
    gc.freeze()
    gc.set_threshold(*WORKER_GC_THRESHOLD)
    conn = None
    if db_path is not None:
        uri = Path(db_path).resolve().as_uri() + "?mode=ro"
        conn = sqlite3.connect(uri, uri=True, isolation_level=None, timeout=30.0, check_same_thread=False)
    _STATE = WorkerState(
        settings,
        conn,
        near_dups and conn is not None,
        float(os.environ.get(DELAY_ENV) or 0),
        os.environ.get(CRASH_ENV) or None,
    )


def use_state(settings: Settings, conn: sqlite3.Connection | None, near_dups: bool) -> None:
    """Set up this process to run chunks itself (no worker processes: small batches)."""
    global _STATE
    load_pipeline(settings)
    _STATE = WorkerState(
        settings, conn, near_dups and conn is not None, float(os.environ.get(DELAY_ENV) or 0)
    )


def input_sha256(raw: RawDocument) -> str:
    data = raw.data.encode("utf-8") if isinstance(raw.data, str) else raw.data
    return hashlib.sha256(data).hexdigest()


def _row(
    raw: RawDocument, extracted: ExtractedArticle | None, text_hash: str, digest: str, **kw: object
) -> SourceRow:
    meta = raw.metadata
    return SourceRow(
        source=source_key(raw.url, raw.path, text_hash),
        text_sha256=text_hash,
        input_sha256=digest,
        url=raw.url,
        path=raw.path,
        format=raw.container or raw.format,
        title=extracted.title if extracted else None,
        outlet=extracted.outlet if extracted else None,
        published=extracted.published if extracted else None,
        fetched_at=str(meta["fetched_at"]) if meta.get("fetched_at") else None,
        **kw,  # type: ignore[arg-type]
    )


def process_chunk(items: list[RawDocument | InputError | Skipped]) -> ChunkResult:
    """Gate, extract and analyse one chunk; one WorkResult per item, in order."""
    if _START_FAILURE is not None:
        raise _START_FAILURE
    state = _STATE
    if state is None:
        raise RuntimeError("worker not initialised: call init_worker or use_state first")
    nlp = load_pipeline(state.settings)
    slots: list[WorkResult | int] = []
    batch: list[tuple[RawDocument, ExtractedArticle, Any]] = []
    pending: list[tuple[SourceRow, bytes | None]] = []
    for item in items:
        if state.delay:
            time.sleep(state.delay)
        if isinstance(item, InputError):
            slots.append(WorkResult(item.source, "failed", error=item.reason))
            continue
        if isinstance(item, Skipped):  # passed along so that it is reported in input order
            slots.append(WorkResult(item.label, "known"))
            continue
        if state.crash_on is not None and state.crash_on in item.label:
            os._exit(70)
        try:
            gated = _gate(item, state, nlp, batch, pending)
        except NewsgraphError as exc:
            reason = exc.reason if isinstance(exc, InputError) else str(exc)
            gated = WorkResult(item.label, "failed", error=reason)
        slots.append(gated if gated is not None else len(batch) - 1)
    outcomes: list[Outcome] = []
    for part in _by_tokens(batch):
        outcomes.extend(run_batch(list(part), nlp, state.settings))
    results = []
    for slot in slots:
        if isinstance(slot, WorkResult):
            results.append(slot)
            continue
        outcome = outcomes[slot]
        row, sig = pending[slot]
        if outcome.article is None:
            results.append(
                WorkResult(outcome.label, "failed", error=outcome.error, warnings=outcome.warnings)
            )
        else:
            results.append(
                WorkResult(
                    outcome.label, "article", outcome.article, None, outcome.warnings, row, signature=sig
                )
            )
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return ChunkResult(results, os.getpid(), int(peak))


def _by_tokens(
    batch: list[tuple[RawDocument, ExtractedArticle, Any]],
) -> Iterator[list[tuple[RawDocument, ExtractedArticle, Any]]]:
    """Split a chunk so that one ``nlp.pipe`` call sees at most :data:`MAX_BATCH_TOKENS` tokens.

    spaCy's memory grows with the tokens in flight, not the documents: sixteen long pages in
    one batch took a worker past 1.1 GB (measured), while the speed per word hardly depends
    on the batch size on CPU.  A document longer than the budget runs alone.
    """
    part: list[tuple[RawDocument, ExtractedArticle, Any]] = []
    tokens = 0
    for item in batch:
        size = len(item[2])
        if part and tokens + size > MAX_BATCH_TOKENS:
            yield part
            part, tokens = [], 0
        part.append(item)
        tokens += size
    if part:
        yield part


def _gate(
    raw: RawDocument,
    state: WorkerState,
    nlp: object,
    batch: list[tuple[RawDocument, ExtractedArticle, Any]],
    pending: list[tuple[SourceRow, bytes | None]],
) -> WorkResult | None:
    """A result that makes analysis unnecessary, or None after queueing ``raw`` for analysis."""
    digest = input_sha256(raw)
    conn = state.conn
    extracted, doc = prepare(raw, nlp)  # type: ignore[arg-type]
    text_hash = text_sha256(extracted.text)
    if conn is not None:
        seq = seq_of_text(conn, text_hash)
        if seq is not None:
            key = source_key(raw.url, raw.path, text_hash)
            if known_source(conn, key):
                return WorkResult(raw.label, "known")
            row = _row(raw, extracted, text_hash, digest, relation="exact", similarity=1.0)
            return WorkResult(raw.label, "copy", source=row, canonical=seq, warnings=extracted.warnings)
    sig_bytes = None
    if state.near_dups and conn is not None:
        from newsgraph.dedup import NearDuplicateIndex, signature, to_bytes

        sig = signature(extracted.text)
        if sig is not None:
            sig_bytes = to_bytes(sig)
            match = NearDuplicateIndex(conn).find(sig)
            if match is not None:
                row = _row(raw, extracted, text_hash, digest, relation="near", similarity=round(match[1], 4))
                return WorkResult(
                    raw.label, "copy", source=row, canonical=match[0], warnings=extracted.warnings
                )
    batch.append((raw, extracted, doc))
    pending.append((_row(raw, extracted, text_hash, digest), sig_bytes))
    return None


__all__ = [
    "DELAY_ENV",
    "ChunkResult",
    "WorkResult",
    "init_worker",
    "input_sha256",
    "process_chunk",
    "use_state",
]
