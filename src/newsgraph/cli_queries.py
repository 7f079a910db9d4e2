"""The query commands of ``newsgraph`` (search, show, quotes, actors, actor, events, dyads,
export): thin shells over the store's one query layer, printing tables or JSON Lines.

Split from :mod:`newsgraph.cli` (which builds the parser and runs the analysis commands) so
that neither module grows past a readable size.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import TextIO

from newsgraph.cli_output import EXIT_OK, EXIT_PARTIAL, article_line, err, print_jsonl
from newsgraph.settings import Settings


def cmd_search(args: argparse.Namespace, settings: Settings) -> int:
    from newsgraph.store import open_store

    with open_store(settings.db_path, readonly=True) as store:
        hits = store.search(args.query, limit=args.limit)
    if not hits:
        err(f"no articles match {args.query!r}")
        return EXIT_OK
    for hit in hits:
        print(f"[{hit.id}] {hit.title or '(untitled)'}  {hit.published or ''}  {hit.outlet or ''}".rstrip())
        print(f"    {hit.snippet}")
    return EXIT_OK


def cmd_show(args: argparse.Namespace, settings: Settings) -> int:
    from newsgraph.store import open_store

    with open_store(settings.db_path, readonly=True) as store:
        article = store.get(args.id)
    if article is None:
        err(f"error: no article with id or hash {args.id!r} in {settings.db_path}")
        return EXIT_PARTIAL
    if args.format == "json":
        print(json.dumps(article.to_dict(), ensure_ascii=False, indent=2))
        return EXIT_OK
    print(article_line(article, "stored"))
    for e in article.entities:
        extra = f" {e.country}" if e.country else ""
        titles = f" ({'; '.join(e.titles)})" if e.titles else ""
        print(f"  entity {e.id}: {e.name} [{e.type}{extra}]{titles} x{len(e.mentions)}")
    for i, q in enumerate(article.quotes):
        print(f"  quote {i} [{q.type}] {q.speaker or '?'}: {q.text}")
    for ev in article.events:
        print(f"  event {ev.plover}/{ev.cameo}: {ev.source or '?'} -> {ev.target or '?'}")
    return EXIT_OK


def cmd_export(args: argparse.Namespace, settings: Settings) -> int:
    from newsgraph.exports import export
    from newsgraph.store import open_store

    out: TextIO
    with open_store(settings.db_path, readonly=True) as store:
        if args.output and args.output != "-":
            with open(args.output, "w", encoding="utf-8", newline="") as out:
                n = export(store, args.format, args.table, out)
        else:
            n = export(store, args.format, args.table, sys.stdout)
    err(f"exported {n} {args.table} rows as {args.format}")
    return EXIT_OK


def cmd_quotes(args: argparse.Namespace, settings: Settings) -> int:
    from newsgraph.store import open_store

    with open_store(settings.db_path, readonly=True) as store:
        hits = store.find_quotes(
            speaker=args.speaker,
            search=args.search,
            since=args.since,
            until=args.until,
            type=args.type,
            limit=args.limit,
        )
    if args.format == "jsonl":
        return print_jsonl(hits)
    if not hits:
        err("no statements match")
    for hit in hits:
        when = (hit.published or "undated")[:10]
        print(f"{when}  {hit.speaker or '(unattributed)'} [{hit.type}]: {hit.text}")
        print(
            f"    in [{hit.article_id}] {hit.title or '(untitled)'}{f' ({hit.outlet})' if hit.outlet else ''}"
        )
    return EXIT_OK


def cmd_actors(args: argparse.Namespace, settings: Settings) -> int:
    from newsgraph.store import open_store

    with open_store(settings.db_path, readonly=True) as store:
        rows = store.list_actors(type=args.type, name=args.name, limit=args.limit)
    print(f"{'articles':>8} {'quotes':>6}  {'type':<6} {'ctry':<4}  name")
    for r in rows:
        print(f"{r.articles:>8} {r.quotes:>6}  {r.type:<6} {r.country or '':<4}  {r.name}  (#{r.actor_id})")
    return EXIT_OK


def cmd_actor(args: argparse.Namespace, settings: Settings) -> int:
    from newsgraph.store import open_store

    with open_store(settings.db_path, readonly=True) as store:
        found = store.find_actors(args.name)
    if not found:
        err(f"error: no actor named {args.name!r} in {settings.db_path}")
        return EXIT_PARTIAL
    for detail in found[: args.limit]:
        a = detail.actor
        print(
            f"#{a.actor_id} {a.name} [{a.type}{' ' + a.country if a.country else ''}]"
            f"{' ' + a.actor_code if a.actor_code else ''}: {a.articles} articles, {a.quotes} quotes"
        )
        if detail.roles:
            print("  titles over time:")
            for role in detail.roles:
                when = (role.published or "undated")[:10]
                print(f"    {when}  {role.title}  ({role.evidence!r} in [{role.article_id}])")
        print("  articles:")
        for art in detail.articles:
            print(
                f"    {(art.published or 'undated')[:10]}  [{art.article_id}] {art.title or '(untitled)'}"
                f"  {art.mentions} mentions, {art.quotes} quotes"
            )
    if len(found) > args.limit:
        err(f"{len(found) - args.limit} more actors match; give the full name or the #id")
    return EXIT_OK


def cmd_events(args: argparse.Namespace, settings: Settings) -> int:
    from newsgraph.store import open_store

    with open_store(settings.db_path, readonly=True) as store:
        hits = store.find_events(
            source=args.source,
            target=args.target,
            country=args.country,
            type=args.type,
            since=args.since,
            until=args.until,
            limit=args.limit,
        )
    if args.format == "jsonl":
        return print_jsonl(hits)
    if not hits:
        err("no events match")
    for hit in hits:
        when = (hit.published or "undated")[:10]
        source = f"{hit.source or '?'}{f' ({hit.source_country})' if hit.source_country else ''}"
        target = f"{hit.target or '?'}{f' ({hit.target_country})' if hit.target_country else ''}"
        print(f"{when}  {hit.plover:<9} {hit.cameo:<5} {source} -> {target}")
        print(f"    {hit.evidence!r} in [{hit.article_id}]")
    return EXIT_OK


def cmd_dyads(args: argparse.Namespace, settings: Settings) -> int:
    from newsgraph.store import open_store

    with open_store(settings.db_path, readonly=True) as store:
        rows = store.dyads(since=args.since, until=args.until, type=args.type, period=args.period)
    if args.format == "jsonl":
        return print_jsonl(rows)
    print(f"{'period':<10} {'source':<6} {'target':<6} {'type':<10} {'events':>6} {'articles':>8}")
    for r in rows:
        print(
            f"{r.period or 'undated':<10} {r.source_country or '-':<6} {r.target_country or '-':<6} "
            f"{r.plover:<10} {r.events:>6} {r.articles:>8}"
        )
    return EXIT_OK
