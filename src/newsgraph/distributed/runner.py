"""``newsgraph ingest --engine dask``: one task per input shard on a Dask cluster, Parquet out.

::

    arguments --plan_shards--> shards --skip those in the manifest--> one task each
      (worker: model loaded once; the built-in runner's chunk code; parts + manifest entry)
      --as they finish--> progress line and summary on the client

Why this shape:

* **Partitions are the input shards** (WARC files, JSONL files, chunks of a directory): a
  shard is read where it is, analysed and written by one task, so no document travels through
  the scheduler and the client holds only shard names and reports.
* **Exactly once by construction, not by coordination**: part names derive from the shard,
  a task replaces its own parts, and the manifest (one small file per finished shard) is
  written last.  Dask reschedules the tasks of a worker that dies (``retries`` more times if
  they fail); a rerun skips shards whose manifest entry matches their files' fingerprint.
* **Any cluster**: ``--scheduler ADDRESS`` joins an existing ``dask.distributed`` cluster
  (its workers must have newsgraph and the model installed and see the input paths and the
  output location); ``--local-workers N`` starts a LocalCluster of N processes, one thread
  each (spaCy holds the GIL, so threads would not add speed).
"""

from __future__ import annotations

import contextlib
import os
import sys
import time
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from newsgraph.distributed.shards import FILES_PER_SHARD, Shard, plan_shards
from newsgraph.distributed.task import (
    ModelPlugin,
    ShardError,
    ShardReport,
    finished_shards,
    process_shard,
)
from newsgraph.ingest.progress import Progress, Summary, reason_category
from newsgraph.ingest.sources import estimate_total
from newsgraph.settings import Settings

#: Times Dask reruns a shard task that failed (a worker dying counts separately, by Dask).
RETRIES = 2


@dataclass(frozen=True, slots=True)
class DaskOptions:
    """Where to run: an existing scheduler, or a LocalCluster of ``local_workers`` processes."""

    scheduler: str | None = None
    local_workers: int | None = None
    files_per_shard: int = FILES_PER_SHARD
    progress: str = "auto"
    retries: int = RETRIES


@dataclass
class DaskRun:
    """What a run did: the shards (run, skipped as finished, failed) and the article summary."""

    summary: Summary = field(default_factory=Summary)
    shards: int = 0
    skipped: int = 0
    failed_shards: list[str] = field(default_factory=list)
    reports: list[ShardReport] = field(default_factory=list)
    dashboard: str | None = None


def connect(options: DaskOptions) -> tuple[Any, Any]:
    """``(client, cluster)``: a client of the given scheduler, or of a new LocalCluster."""
    from distributed import Client, LocalCluster

    if options.scheduler:
        return Client(options.scheduler, timeout="30s"), None
    cluster = LocalCluster(
        n_workers=max(1, options.local_workers or 1),
        threads_per_worker=1,
        processes=True,
        dashboard_address=":0",
        silence_logs=40,  # logging.ERROR: the progress line is ours
    )
    return Client(cluster), cluster


def _pending(shards: list[Shard], out: str) -> tuple[list[Shard], list[ShardReport]]:
    done = finished_shards(out)
    todo, skipped = [], []
    for shard in shards:
        report = done.get(shard.name)
        if report is not None and report.fingerprint == shard.fingerprint():
            skipped.append(report)
        else:
            todo.append(shard)
    return todo, skipped


def run_dask(
    arguments: Iterable[str],
    out: str,
    settings: Settings,
    options: DaskOptions,
    *,
    client: Any = None,
    on_shard: Callable[[ShardReport | ShardError], None] | None = None,
) -> DaskRun:
    """Ingest every input named by ``arguments`` into the Parquet dataset at ``out``.

    ``client``: an existing ``distributed.Client`` to use (tests, notebooks); else one is made
    from ``options``.  ``on_shard`` is called as each shard finishes (a report, or the error of
    a shard that failed as a whole).
    """
    arguments = list(arguments)
    if "://" not in out:
        out = os.path.abspath(out)  # the workers' current directory is not ours
    shards, problems = plan_shards(arguments, options.files_per_shard)
    run = DaskRun(shards=len(shards))
    summary = run.summary
    for problem in problems:
        summary.inputs += 1
        summary.failures[reason_category(problem.reason)] += 1
        if on_shard is not None:
            on_shard(ShardError(problem.source, problem.reason))
    todo, skipped = _pending(shards, out)
    run.skipped = len(skipped)
    summary.known += sum(report.articles for report in skipped)
    progress = Progress(estimate_total(arguments), mode=options.progress)
    if todo:
        own = client is None
        cluster = None
        if own:
            client, cluster = connect(options)
        try:
            run.dashboard = getattr(client, "dashboard_link", None)
            if run.dashboard and options.progress != "off":
                print(f"dask dashboard: {run.dashboard}", file=sys.stderr, flush=True)
            _run_tasks(client, todo, out, settings, options, run, progress, on_shard)
        finally:
            progress.close()
            if own:
                client.close()
                if cluster is not None:
                    cluster.close()
    summary.seconds = time.monotonic() - progress.start
    return run


def _run_tasks(
    client: Any,
    todo: list[Shard],
    out: str,
    settings: Settings,
    options: DaskOptions,
    run: DaskRun,
    progress: Progress,
    on_shard: Callable[[ShardReport | ShardError], None] | None,
) -> None:
    from distributed import as_completed

    client.register_plugin(ModelPlugin(settings), name=ModelPlugin.name)
    token = uuid.uuid4().hex[:8]
    # Largest shards first: the last tasks to finish are then small ones, so no worker idles
    # long while another finishes a big shard (the usual longest-first rule).
    by_size = sorted(todo, key=_size)
    futures = {
        client.submit(
            process_shard,
            shard,
            settings,
            out,
            key=f"newsgraph-shard-{shard.name}-{token}",
            pure=False,
            retries=options.retries,
            priority=rank,
        ): shard
        for rank, shard in enumerate(by_size)
    }
    summary = run.summary
    for future in as_completed(futures):
        shard = futures[future]
        try:
            report: ShardReport = future.result()
        except Exception as exc:  # a shard that failed as a whole (after Dask's retries)
            reason = exc.reason if isinstance(exc, ShardError) else f"{type(exc).__name__}: {exc}"
            run.failed_shards.append(shard.name)
            summary.inputs += 1
            summary.failures[reason_category(reason)] += 1
            if on_shard is not None:
                on_shard(ShardError(shard.name, reason))
        else:
            _tally(summary, report)
            run.reports.append(report)
            if on_shard is not None:
                on_shard(report)
        progress.update(summary.inputs, summary.failed)


def _size(shard: Shard) -> int:
    total = 0
    for path in shard.paths:
        with contextlib.suppress(OSError):  # a vanished file: the task reports it
            total += os.stat(path).st_size
    return total


def _tally(summary: Summary, report: ShardReport) -> None:
    summary.inputs += report.inputs
    summary.added += report.articles
    summary.entities += report.entities
    summary.quotes += report.quotes
    summary.events += report.events
    summary.words += report.words
    for _, reason in report.failures:
        summary.failures[reason_category(reason)] += 1
    key = f"worker {report.worker}"
    summary.peak_rss_kb[key] = max(summary.peak_rss_kb.get(key, 0), report.peak_rss_kb)


def main_line(run: DaskRun, out: str) -> str:
    """The closing line of ``ingest --engine dask``."""
    s = run.summary
    return (
        f"{run.shards} shards ({run.skipped} already finished, {len(run.failed_shards)} failed); "
        f"{s.added} articles written to {out} ({s.entities} entities, {s.quotes} quotes, "
        f"{s.events} events); {s.failed} inputs failed"
    )


def print_failures(run: DaskRun) -> None:
    for line in run.summary.failure_lines():
        print(line, file=sys.stderr)


__all__ = ["DaskOptions", "DaskRun", "connect", "main_line", "run_dask"]
