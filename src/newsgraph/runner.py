"""The batch engine behind ``newsgraph analyze`` and ``newsgraph ingest``.

::

    arguments --plan--> tasks --resolve (fetch threads, skip known URLs)--> documents
      --chunks of batch_size--> worker processes (pipeline loaded once each; gate, extract,
      nlp.pipe; plain records back) --in input order--> the caller (analyze: print) or the
      Writer (ingest: one process, batched transactions)

Design choices, and why:

* **Processes, not threads**: spaCy holds the GIL for much of its work.  Each worker loads the
  model once (``spawn``: a clean interpreter, the same on every OS, no copy of the parent's
  threads or database connection) and returns plain records, never Docs.
* **Ordered results with a bounded window**: ``analyze`` prints records in input order, as a
  single process would, and memory stays flat however large the input (a WARC file is
  streamed, never listed): at most :data:`QUEUED_PER_WORKER` chunks per worker are waiting or
  running, and at most :data:`WINDOW_PER_WORKER` per worker are held in all, finished ones
  included.  The two limits differ so that one slow chunk at the head of the order (a long
  article) does not idle the other workers: they go on with later chunks, whose results wait
  in the window until the head is done.
* **Small batches stay in one process**: when the whole input fits in one chunk, starting
  worker processes (a model load each) would cost more than it saves.
* **A dead worker costs one input only**: ``ProcessPoolExecutor`` notices a killed worker (out
  of memory, a segfault in a C extension) and fails every chunk in flight; each is run again,
  alone, in a fresh pool, and a chunk that kills a worker again is run input by input, so
  that only the input that kills a worker is reported as failed.  Workers are recycled every
  :data:`TASKS_PER_CHILD` chunks so that spaCy's growing string store cannot creep a long
  run's memory up.  Workers exit by themselves if this process dies
  (:func:`~newsgraph.ingest.worker.watch_parent`); on Ctrl-C they are stopped at once rather
  than waited for.
* **Commit before waiting**: :meth:`Engine.run` yields ``None`` whenever it is about to wait
  (for a worker, or for the next input), and :func:`run` then commits what it has written and
  only then reports those inputs as stored: what was printed as added survives a SIGKILL.
"""

from __future__ import annotations

import multiprocessing
import os
import resource
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field, replace
from itertools import islice
from typing import TYPE_CHECKING

from newsgraph.errors import InputError, ModelNotFoundError, StoreError, WorkerStartError
from newsgraph.ingest.base import RawDocument
from newsgraph.ingest.http import Fetcher, FetchPolicy
from newsgraph.ingest.progress import Progress, Summary, reason_category
from newsgraph.ingest.sources import Resolved, Resolver, Skipped, estimate_total, plan
from newsgraph.ingest.worker import ChunkResult, WorkResult, init_worker, process_chunk, use_state
from newsgraph.settings import Settings
from newsgraph.store.sqlite import SQLiteStore

if TYPE_CHECKING:
    from newsgraph.ingest.writer import Writer

#: Chunks a worker process handles before it is replaced by a fresh one.
TASKS_PER_CHILD = 200
#: Chunks per worker submitted and not finished (one running, one queued so it never waits).
QUEUED_PER_WORKER = 2
#: Chunks per worker held in the ordered window, finished or not.
WINDOW_PER_WORKER = 8

Item = RawDocument | InputError | Skipped


@dataclass(frozen=True, slots=True)
class RunOptions:
    """How to run a batch (the CLI fills it from flags)."""

    workers: int = 1
    fetch: FetchPolicy = field(default_factory=FetchPolicy)
    fetch_concurrency: int = 8
    near_duplicates: bool = True
    progress: str = "auto"

    @classmethod
    def from_flags(
        cls,
        *,
        workers: int | None = None,
        allow_private: bool = False,
        ignore_robots: bool = False,
        timeout: float | None = None,
        max_bytes: int | None = None,
        near_duplicates: bool = True,
        progress: str | None = None,
    ) -> RunOptions:
        """Options from command-line values (None: the default)."""
        policy = FetchPolicy(allow_private=allow_private, respect_robots=not ignore_robots)
        if timeout is not None:
            policy = replace(policy, timeout=timeout, total_timeout=max(policy.total_timeout, 3 * timeout))
        if max_bytes is not None:
            policy = replace(policy, max_bytes=max_bytes)
        return cls(
            workers=workers if workers and workers > 0 else default_workers(),
            fetch=policy,
            near_duplicates=near_duplicates,
            progress=progress or "auto",
        )


def default_workers() -> int:
    """``NEWSGRAPH_WORKERS`` if set, else the number of cores this process may use."""
    env = os.environ.get("NEWSGRAPH_WORKERS")
    if env and env.isdigit() and int(env) > 0:
        return int(env)
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _chunks(items: Iterator[Item], size: int) -> Iterator[list[Item]]:
    while chunk := list(islice(items, size)):
        yield chunk


class Engine:
    """Runs chunks through workers, in order; see the module docstring."""

    def __init__(
        self, settings: Settings, options: RunOptions, db_path: str | None, store: SQLiteStore | None
    ):
        self.settings = settings
        self.options = options
        self.db_path = db_path
        self.store = store
        self.peak_rss_kb: dict[int, int] = {}
        self._pool: ProcessPoolExecutor | None = None

    def run(self, items: Iterator[Item]) -> Iterator[WorkResult | None]:
        """One result per item, in order; ``None`` whenever the next result is not ready yet."""
        chunks = _chunks(items, max(1, self.settings.batch_size))
        first = next(chunks, None)
        if first is None:
            return
        second = next(chunks, None)
        near = self.options.near_duplicates and self.store is not None
        if second is None or self.options.workers <= 1:
            use_state(self.settings, self.store.connection if self.store else None, near)
            rest = iter([first] if second is None else _prepend(first, second, chunks))
            while True:
                yield None  # the next chunk is read and analysed here, in this process
                chunk = next(rest, None)
                if chunk is None:
                    return
                yield from self._local(chunk)
        interrupted = True
        try:
            yield from self._parallel(_prepend(first, second, chunks), near)
            interrupted = False
        finally:
            self._shutdown(interrupted)

    def _local(self, chunk: list[Item]) -> list[WorkResult]:
        answer = process_chunk(chunk)
        self.peak_rss_kb[answer.pid] = answer.peak_rss_kb
        return answer.results

    def _start(self, near: bool) -> ProcessPoolExecutor:
        if self._pool is None:
            self._pool = ProcessPoolExecutor(
                max_workers=self.options.workers,
                mp_context=multiprocessing.get_context("spawn"),
                initializer=init_worker,
                initargs=(self.settings, self.db_path, near, os.getpid()),
                max_tasks_per_child=TASKS_PER_CHILD,
            )
        return self._pool

    def _shutdown(self, interrupted: bool = False) -> None:
        """Wait for the workers to exit; stop them at once if the run was interrupted.

        ``ProcessPoolExecutor`` can only cancel chunks that have not started, so after Ctrl-C
        (or an error) it would wait for every running chunk: many seconds of NLP whose
        results nobody reads.  Its worker processes are terminated instead (an attribute of
        the executor, read defensively; the parent-death check is the fallback).
        """
        pool, self._pool = self._pool, None
        if pool is None:
            return
        if interrupted:
            # also the workers still starting (spawned, not yet in the pool's table): under load
            # a worker can take many seconds to load the model, and interpreter exit would wait
            processes = getattr(pool, "_processes", None) or {}
            running = {p.pid: p for p in [*processes.values(), *multiprocessing.active_children()]}
            for process in running.values():
                process.terminate()
        pool.shutdown(wait=not interrupted, cancel_futures=True)

    def _parallel(self, chunks: Iterable[list[Item]], near: bool) -> Iterator[WorkResult | None]:
        window: deque[tuple[list[Item], Future[ChunkResult]]] = deque()
        queued = self.options.workers * QUEUED_PER_WORKER
        held = self.options.workers * WINDOW_PER_WORKER
        for chunk in chunks:
            window.append((chunk, self._submit(chunk, near)))
            while True:
                while window and window[0][1].done():
                    yield from self._collect(*window.popleft(), near)
                unfinished = [future for _, future in window if not future.done()]
                yield None  # about to read the next input or to wait for a worker
                if len(unfinished) < queued and len(window) < held:
                    break
                if len(window) >= held:
                    yield from self._collect(*window.popleft(), near)  # waits for the head
                else:
                    wait(unfinished, return_when=FIRST_COMPLETED)
        while window:
            if not window[0][1].done():
                yield None
            yield from self._collect(*window.popleft(), near)

    def _submit(self, chunk: list[Item], near: bool) -> Future[ChunkResult]:
        try:
            return self._start(near).submit(process_chunk, chunk)
        except BrokenProcessPool:  # a worker died since the last submit: start a fresh pool
            pool, self._pool = self._pool, None
            if pool is not None:
                pool.shutdown(wait=False, cancel_futures=True)
            return self._start(near).submit(process_chunk, chunk)

    def _collect(self, chunk: list[Item], future: Future[ChunkResult], near: bool) -> list[WorkResult]:
        try:
            answer = future.result()
        except BrokenProcessPool:  # a worker died while this chunk was in flight
            return self._retry(chunk, near)
        except (ModelNotFoundError, StoreError, WorkerStartError):
            raise  # the workers could not start: the run stops with the reason (exit 2)
        except Exception as exc:  # an unpicklable result or a bug: lose the chunk, not the run
            return [
                WorkResult(_label(item), "failed", error=f"worker error: {type(exc).__name__}: {exc}")
                for item in chunk
            ]
        return self._keep(answer)

    def _keep(self, answer: ChunkResult) -> list[WorkResult]:
        self.peak_rss_kb[answer.pid] = max(self.peak_rss_kb.get(answer.pid, 0), answer.peak_rss_kb)
        return answer.results

    def _alone(self, items: list[Item], near: bool) -> ChunkResult | None:
        """Run ``items`` with nothing else submitted meanwhile; None if a worker died."""
        try:
            return self._submit(items, near).result()
        except BrokenProcessPool:
            return None

    def _retry(self, chunk: list[Item], near: bool) -> list[WorkResult]:
        """Run a chunk again after a worker died, then its inputs one by one if it dies again.

        The chunks in the window were all submitted before the death, so while a retry runs
        it is the only work in the fresh pool: a death now is the retried input's own.
        """
        answer = self._alone(chunk, near)
        if answer is not None:
            return self._keep(answer)
        results: list[WorkResult] = []
        for item in chunk:
            single = self._alone([item], near) if len(chunk) > 1 else None
            if single is not None:
                results.extend(self._keep(single))
            else:
                reason = "a worker process died analysing this input (out of memory?)"
                results.append(WorkResult(_label(item), "failed", error=reason))
        return results


def _prepend(first: list[Item], second: list[Item], rest: Iterator[list[Item]]) -> Iterator[list[Item]]:
    yield first
    yield second
    yield from rest


def _label(item: Item) -> str:
    return item.source if isinstance(item, InputError) else item.label


Report = tuple[WorkResult, str, str | None]


def run(
    arguments: Iterable[str],
    settings: Settings,
    options: RunOptions,
    *,
    store: SQLiteStore | None = None,
    on_result: Callable[[WorkResult, str, str | None], None] | None = None,
) -> Summary:
    """Analyse (and, given a ``store``, ingest) every input named by ``arguments``.

    ``on_result(result, status, reason)`` is called for each input in input order, with the
    final status (``analysed`` without a store; ``added``, ``known``, ``exact``, ``near`` with
    one; ``failed`` with the reason either way), and with a store only once the transaction
    that holds the input is committed.  Returns the summary.
    """
    from newsgraph.ingest.writer import Writer
    from newsgraph.store.ingest_state import known_source

    arguments = list(arguments)
    summary = Summary()
    progress = Progress(estimate_total(arguments), mode=options.progress)
    known = (lambda url: known_source(store.connection, url)) if store is not None else None
    engine = Engine(settings, options, store.path if store is not None else None, store)
    writer = Writer(store, near_dups=options.near_duplicates) if store is not None else None
    pending: list[Report] = []  # written, not yet committed: reported after the commit

    def report() -> None:
        for result, status, reason in pending:
            _tally(summary, result, status, reason)
            if on_result is not None:
                with progress.output():
                    on_result(result, status, reason)
        if pending:
            progress.update(summary.inputs, summary.failed)
        pending.clear()

    with Fetcher(options.fetch) as fetcher:
        resolved = Resolver(fetcher, known, options.fetch_concurrency).resolve(
            plan(arguments, settings.max_bytes)
        )
        try:
            progress.waiting("loading the language model")  # until the first result
            for result in engine.run(_skip_known(resolved, store)):
                if result is None:  # nothing ready: make what is written durable, then say so
                    if writer is not None:
                        writer.commit()
                    report()
                    continue
                pending.append(_outcome(result, writer))
                if writer is None or writer.uncommitted == 0:
                    report()
        finally:
            if writer is not None:
                writer.commit()
            report()
            progress.close()
    summary.seconds = time.monotonic() - progress.start
    summary.peak_rss_kb = {
        f"worker {pid}": kb for pid, kb in engine.peak_rss_kb.items() if pid != os.getpid()
    }
    summary.peak_rss_kb["main"] = int(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
    return summary


def _outcome(result: WorkResult, writer: Writer | None) -> Report:
    """Store ``result`` (with a writer) and say what became of it."""
    if writer is None:
        return (result, "analysed", None) if result.status == "article" else (result, "failed", result.error)
    status, reason, seq = writer.write(result)
    if status in ("exact", "near") and seq != result.canonical:
        result = replace(result, canonical=seq)
    return result, status, reason


def _skip_known(resolved: Iterable[Resolved], store: SQLiteStore | None) -> Iterator[Item]:
    """Mark as :class:`Skipped` what the store already has (reported in order, not analysed).

    URLs were skipped before fetching; here an input whose exact bytes from the same source
    are stored is skipped before it reaches a worker (a rerun over files costs a hash each).
    """
    from newsgraph.ingest.worker import input_sha256
    from newsgraph.store.ingest_state import known_input

    for item in resolved:
        if isinstance(item, RawDocument) and store is not None:
            where = item.url or item.path
            if where and known_input(store.connection, input_sha256(item), where):
                item = Skipped(item.label)
        yield item


def _tally(summary: Summary, result: WorkResult, status: str, reason: str | None) -> None:
    summary.inputs += 1
    if status == "failed":
        summary.failures[reason_category(reason or "unknown error")] += 1
        return
    if status in ("added", "analysed"):
        summary.added += 1
    elif status == "known":
        summary.known += 1
    elif status == "exact":
        summary.exact += 1
    elif status == "near":
        summary.near += 1
    article = result.article
    if article is not None and status in ("added", "analysed"):
        summary.entities += len(article.entities)
        summary.quotes += len(article.quotes)
        summary.events += len(article.events)
        summary.words += len(article.text.split())
        summary.not_analysed += int(article.nlp_skipped is not None)


__all__ = ["Engine", "RunOptions", "default_workers", "run"]
