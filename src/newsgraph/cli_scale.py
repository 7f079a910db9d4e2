"""The scale-out commands: ``ingest --engine dask``, ``dedup``, ``load``, and the Parquet and
GDELT export formats.  Thin shells over :mod:`newsgraph.distributed`, :mod:`newsgraph.parquet`
and :mod:`newsgraph.gdelt`; kept out of ``cli.py`` so that it stays one idea (and small), and
so that nothing here imports Dask or pyarrow until a command needs them.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from newsgraph.cli_output import EXIT_OK, EXIT_PARTIAL, EXIT_USAGE, err
from newsgraph.settings import Settings

if TYPE_CHECKING:
    from newsgraph.distributed.task import ShardError, ShardReport

Handler = Callable[[argparse.Namespace, Settings], int]
Command = Callable[[str, Handler, str, str], argparse.ArgumentParser]

_NEEDS_EXTRA = "error: this needs the dask extra: pip install 'newsgraph[dask]' ({} is missing)"


def _missing_extra() -> str | None:
    for module in ("distributed", "pyarrow"):
        try:
            __import__(module)
        except ImportError:
            return module
    return None


def cluster_flags(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="address of a running dask.distributed scheduler (tcp://host:8786)",
    )
    p.add_argument(
        "--local-workers",
        type=int,
        metavar="N",
        help="start a local Dask cluster of N worker processes, one thread each (default 2)",
    )


def add_engine_flags(p: argparse.ArgumentParser) -> None:
    """The ``ingest`` flags of the Dask engine."""
    p.add_argument(
        "--engine",
        choices=("builtin", "dask"),
        default="builtin",
        help="builtin (default: worker processes, SQLite out) or dask (a cluster, Parquet out to --out)",
    )
    p.add_argument("--out", metavar="DIR", help="dask engine: the Parquet dataset to write (path or URL)")
    cluster_flags(p)
    p.add_argument(
        "--files-per-shard",
        type=int,
        default=200,
        help="dask engine: loose article files of a directory per task (default 200)",
    )


def _options(args: argparse.Namespace) -> Any:
    from newsgraph.distributed.runner import DaskOptions

    return DaskOptions(
        scheduler=args.scheduler,
        local_workers=args.local_workers or (None if args.scheduler else 2),
        files_per_shard=getattr(args, "files_per_shard", 200),
        progress="off" if getattr(args, "no_progress", False) else "auto",
    )


def cmd_ingest_dask(args: argparse.Namespace, settings: Settings) -> int:
    if not args.out:
        err("error: --engine dask writes a Parquet dataset: give it --out DIR (then `newsgraph load DIR`)")
        return EXIT_USAGE
    if (missing := _missing_extra()) is not None:
        err(_NEEDS_EXTRA.format(missing))
        return EXIT_USAGE
    from newsgraph.distributed.runner import main_line, run_dask
    from newsgraph.distributed.task import ShardError

    def report(item: ShardReport | ShardError) -> None:
        if isinstance(item, ShardError):
            err(f"error: {item}")
            return
        for label, reason in item.failures:
            err(f"error: {label}: {reason}")
        if not args.quiet:
            print(f"{item.name}: {item.articles} articles from {item.inputs} inputs in {item.seconds:.1f}s")

    run = run_dask(args.paths, args.out, settings, _options(args), on_shard=report)
    print(main_line(run, args.out))
    if run.summary.failed:
        print("failures by reason:\n" + "\n".join(run.summary.failure_lines()))
    for line in (run.summary.rate_line(), run.summary.memory_line()):
        if line:
            err(line)
    return EXIT_PARTIAL if run.summary.failed else EXIT_OK


def cmd_dedup(args: argparse.Namespace, settings: Settings) -> int:
    if (missing := _missing_extra()) is not None:
        err(_NEEDS_EXTRA.format(missing))
        return EXIT_USAGE
    from newsgraph.distributed import dedup
    from newsgraph.parquet import part_files

    if not part_files(args.dir, "articles"):
        err(f"error: {args.dir}: no articles parts (a dataset written by ingest --engine dask?)")
        return EXIT_USAGE
    if args.engine == "local":
        found = dedup.dedup_single_machine(args.dir)
    else:
        from newsgraph.distributed.runner import connect

        client, cluster = connect(_options(args))
        try:
            found = dedup.dedup_dask(args.dir, client)
        finally:
            client.close()
            if cluster is not None:
                cluster.close()
    path = dedup.write_result(args.dir, found)
    if args.format == "jsonl":
        for d in found:
            print(json.dumps({"text_sha256": d.text_sha256, "canonical_sha256": d.canonical_sha256,
                              "relation": d.relation, "similarity": d.similarity}))  # fmt: skip
    exact = sum(d.relation == "exact" for d in found)
    err(f"{exact} exact and {len(found) - exact} near duplicates; written to {path}")
    return EXIT_OK


def cmd_load(args: argparse.Namespace, settings: Settings) -> int:
    if (missing := _missing_extra()) is not None:
        err(_NEEDS_EXTRA.format(missing))
        return EXIT_USAGE
    from newsgraph.distributed.load import load_dataset
    from newsgraph.parquet import part_files
    from newsgraph.store import open_store

    if not part_files(args.dir, "articles"):
        err(f"error: {args.dir}: no articles parts (a dataset written by ingest --engine dask?)")
        return EXIT_USAGE

    def report(label: str, status: str, reason: str | None) -> None:
        if status == "failed":
            err(f"error: {label}: {reason}")
        elif not args.quiet and status != "known":
            print(f"{label}  ({status})")

    with open_store(settings.db_path) as store:
        summary = load_dataset(args.dir, store, near_dups=not args.no_near_duplicates, on_result=report)
        total = store.count()
    print(f"{summary.line()}; database {settings.db_path} now holds {total} articles")
    return EXIT_PARTIAL if summary.failures else EXIT_OK


def cmd_export_any(args: argparse.Namespace, settings: Settings) -> int:
    """``export``: JSONL and CSV as before; Parquet (every table) and the GDELT events layout."""
    from newsgraph.cli_queries import cmd_export

    if args.format in ("jsonl", "csv"):
        return cmd_export(args, settings)
    from newsgraph.exports import export_gdelt_events, export_parquet
    from newsgraph.store import open_store

    if args.format == "parquet":
        if (missing := _missing_extra()) is not None:
            err(_NEEDS_EXTRA.format(missing))
            return EXIT_USAGE
        if not args.output or args.output == "-":
            err("error: --format parquet writes a folder of tables: give it --output DIR")
            return EXIT_USAGE
        with open_store(settings.db_path, readonly=True) as store:
            counts = export_parquet(store, args.output)
        err("exported " + ", ".join(f"{n} {kind}" for kind, n in counts.items()) + f" rows to {args.output}")
        return EXIT_OK
    with open_store(settings.db_path, readonly=True) as store:
        if args.output and args.output != "-":
            with open(args.output, "w", encoding="utf-8", newline="\n") as out:
                n = export_gdelt_events(store, out)
        else:
            n = export_gdelt_events(store, sys.stdout)
    err(f"exported {n} events in the GDELT 2.0 Events layout (61 tab-separated columns)")
    return EXIT_OK


def register(command: Command, db_flag: Callable[[argparse.ArgumentParser], None]) -> None:
    """Add ``dedup`` and ``load`` to the parser (``command`` is cli.build_parser's helper)."""
    p = command(
        "dedup",
        cmd_dedup,
        "Find near-duplicate articles across a whole Parquet dataset (MinHash LSH, on Dask).",
        "newsgraph dedup crawl-out/ --engine dask --local-workers 4",
    )
    p.add_argument(
        "dir", metavar="DIR", help="a dataset written by ingest --engine dask or export --format parquet"
    )
    p.add_argument(
        "--engine",
        choices=("dask", "local"),
        default="dask",
        help="dask (default: band keys grouped across partitions) or local (one process)",
    )
    cluster_flags(p)
    p.add_argument(
        "--format", choices=("summary", "jsonl"), default="summary", help="jsonl: one line per copy"
    )

    p = command(
        "load",
        cmd_load,
        "Load a Parquet dataset into the SQLite store (idempotent by content hash).",
        "newsgraph load crawl-out/ --db newsgraph.db && newsgraph serve --db newsgraph.db",
    )
    p.add_argument(
        "dir", metavar="DIR", help="a dataset written by ingest --engine dask or export --format parquet"
    )
    db_flag(p)
    p.add_argument("--quiet", action="store_true", help="print only the summary line")
    p.add_argument(
        "--no-near-duplicates",
        action="store_true",
        help="store near-duplicate texts as articles of their own",
    )


__all__ = ["add_engine_flags", "cmd_export_any", "cmd_ingest_dask", "register"]
