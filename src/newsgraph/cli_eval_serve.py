"""The ``eval`` and ``serve`` commands: scoring against gold data, and the web UI.

Split from :mod:`newsgraph.cli` (which registers them) to keep modules short; both only call
the scorers in :mod:`newsgraph.eval` and the web app in :mod:`newsgraph.web`.
"""

from __future__ import annotations

import argparse

from newsgraph.cli_output import EXIT_OK, EXIT_USAGE, err
from newsgraph.settings import Settings


def cmd_eval(args: argparse.Namespace, settings: Settings) -> int:
    from pathlib import Path

    from newsgraph.cli_preflight import gold_problem, sentences_problem

    gold = [Path(g) for g in args.gold]
    problems = [gold_problem(folder, args.what) for folder in gold]
    problems.append(sentences_problem(args.sentences) if args.sentences else None)
    for problem in filter(None, problems):
        err(f"error: {problem}")
        return EXIT_USAGE
    if args.what == "quotes":
        from newsgraph.eval.quotes import analyze_quotes, evaluate_dir, format_report

        print(format_report(evaluate_dir(gold, analyze_quotes), errors=args.errors))
    elif args.what == "events":
        from newsgraph.eval import events

        sentences = None
        if args.sentences:
            sentences = events.evaluate_sentences(args.sentences, events.sentence_events)
        dev = events.evaluate_dir(gold, events.analyze_events)
        print(events.format_report(dev, sentences, errors=args.errors))
    elif args.what == "coref":
        from newsgraph.eval import coref

        print(coref.format_table(coref.evaluate(gold[0], settings), errors=args.errors))
    elif args.what == "actors":
        from newsgraph.eval import actors

        print(actors.format_report(actors.evaluate(gold, settings, args.db), errors=args.errors))
    else:
        from newsgraph.eval.entities import analyze_entities, format_table, run_gold

        print(format_table(run_gold(gold, analyze_entities)))
    return EXIT_OK


def cmd_serve(args: argparse.Namespace, settings: Settings) -> int:
    from newsgraph.cli_preflight import busy_port

    if problem := busy_port(args.host, args.port):  # before the web stack and the database load
        err(f"error: {problem}")
        return EXIT_USAGE
    try:
        from newsgraph.web import create_app
        from newsgraph.web.serving import allowed_hosts_for, run
    except ImportError as exc:
        err(f"error: the web UI needs the web extra: pip install 'newsgraph[web]' ({exc.name} is missing)")
        return EXIT_USAGE
    hosts = allowed_hosts_for(args.host, args.allowed_host or [])  # 0.0.0.0 needs --allowed-host
    cache = not args.no_cache
    app = create_app(settings.db_path, allowed_hosts=hosts, cache=cache)  # a missing database stops here
    shown = "127.0.0.1" if args.host in ("0.0.0.0", "", "::") else args.host
    shown = f"[{shown}]" if ":" in shown else shown
    print(
        f"newsgraph: serving {settings.db_path} (read-only) at http://{shown}:{args.port}/\n"
        f"           API docs at http://{shown}:{args.port}/docs; press Ctrl+C to stop",
        flush=True,
    )
    run(app, settings.db_path, args.host, args.port, args.workers, hosts, cache)
    return EXIT_OK
