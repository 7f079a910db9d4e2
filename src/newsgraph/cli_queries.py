"""The query commands of ``newsgraph`` (search, show, quotes, actors, actor, events, dyads,
export): thin shells over the store's one query layer; every list prints through
:mod:`newsgraph.cli_output`, so all take the same format and paging flags.

Split from :mod:`newsgraph.cli` (which builds the parser and runs the analysis commands) so
that neither module grows past a readable size.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Callable
from dataclasses import asdict, replace
from typing import Any, TextIO

from newsgraph.cli_output import (
    EXIT_OK,
    EXIT_PARTIAL,
    Column,
    Page,
    article_line,
    date_of,
    err,
    fetch_page,
    one_line,
    output_format,
    print_rows,
    slice_page,
    snippet_line,
)
from newsgraph.settings import Settings


def cmd_search(args: argparse.Namespace, settings: Settings) -> int:
    from newsgraph.store import SearchHit, open_store

    with open_store(settings.db_path, readonly=True) as store:
        page = fetch_page(
            lambda n, skip: store.search(args.query, limit=n, offset=skip, snippets=args.limit or None),
            args.limit,
            args.offset,
        )
    hits = [replace(hit, snippet=snippet_line(hit.snippet)) for hit in page.rows]
    columns = (
        Column("id", lambda h: h.id, 16),
        Column("published", lambda h: date_of(h.published), 10),
        Column("outlet", lambda h: h.outlet, 20),
        Column("title", lambda h: h.title or "(untitled)", 50),
        Column("snippet", lambda h: h.snippet, None),
    )
    return _print_page(
        args, replace(page, rows=hits), columns, SearchHit, "articles", f"match {args.query!r}"
    )


def _print_page(
    args: argparse.Namespace,
    page: Page,
    columns: tuple[Column, ...],
    row_type: type,
    what: str,
    condition: str = "match",
    to_dict: Callable[[Any], dict[str, Any]] | None = None,
) -> int:
    """Print one page of rows in the chosen format, then the notes on stderr."""
    fmt = output_format(args)
    if to_dict is None:
        print_rows(page.rows, fmt, columns, row_type=row_type)
    else:
        print_rows(page.rows, fmt, columns, row_type=row_type, to_dict=to_dict)
    if not page.rows:
        err(f"no more {what} (--offset {page.offset})" if page.offset else f"no {what} {condition}")
    if note := page.note(what):
        err(note)
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
        sure = "" if q.speaker_confidence is None else f" ({q.speaker_confidence:.2f})"
        print(f"  quote {i} [{q.type}] {q.speaker or '?'}{sure}: {statement_text(q)}")
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


def statement_text(q: Any) -> str:
    """A statement as a reader should see it: a direct one in quotation marks (the speaker's own
    words); an indirect or partial one without (the reporter's summary; a partial one keeps the
    marks around its quoted fragments)."""
    return f"“{q.text}”" if q.type == "direct" else str(q.text)


def cmd_quotes(args: argparse.Namespace, settings: Settings) -> int:
    from newsgraph.store import QuoteHit, open_store

    with open_store(settings.db_path, readonly=True) as store:
        page = fetch_page(
            lambda n, skip: store.find_quotes(
                speaker=args.speaker,
                search=args.search,
                since=args.since,
                until=args.until,
                type=args.type,
                limit=n,
                offset=skip,
            ),
            args.limit,
            args.offset,
        )
    columns = (
        Column("published", lambda q: date_of(q.published), 10),
        Column("article", lambda q: q.article_id, 16),
        Column("type", lambda q: q.type, 8),
        Column("speaker", lambda q: q.speaker or "(unattributed)", 28),
        Column("sure", lambda q: "" if q.speaker_confidence is None else f"{q.speaker_confidence:.2f}", 4),
        Column("statement", statement_text, None),
    )
    return _print_page(args, page, columns, QuoteHit, "statements")


def cmd_actors(args: argparse.Namespace, settings: Settings) -> int:
    from newsgraph.store import open_store
    from newsgraph.store.actor_queries import ActorSummary

    with open_store(settings.db_path, readonly=True) as store:
        page = fetch_page(
            lambda n, skip: store.list_actors(type=args.type, name=args.name, limit=n, offset=skip),
            args.limit,
            args.offset,
        )
    return _print_page(args, page, ACTOR_COLUMNS, ActorSummary, "actors", to_dict=_actor_dict)


def _actor_dict(row: Any) -> dict[str, Any]:
    """An actor row with its id as ``actor_id`` (the name the other commands and exports use)."""
    return {"actor_id": row.actor_id, **asdict(row)}


ACTOR_COLUMNS = (
    Column("id", lambda r: f"#{r.actor_id}", 8, right=True),
    Column("articles", lambda r: r.articles, 8, right=True),
    Column("quotes", lambda r: r.quotes, 6, right=True),
    Column("type", lambda r: r.type, 6),
    Column("ctry", lambda r: r.country, 4),
    Column("name", lambda r: r.name, None),
)


def actor_ident(text: str) -> str:
    """``#91`` (as ``actors`` shows ids) is the id 91; anything else is a name or part of one."""
    text = text.strip()
    return text[1:] if re.fullmatch(r"#\d+", text) else text


def cmd_actor(args: argparse.Namespace, settings: Settings) -> int:
    from newsgraph.store import open_store
    from newsgraph.store.actor_queries import ActorDetail

    with open_store(settings.db_path, readonly=True) as store:
        found = store.find_actors(actor_ident(args.name))
    if not found:
        err(f"error: no actor named {args.name!r} in {settings.db_path}")
        return EXIT_PARTIAL
    page = slice_page(found, args.limit, args.offset)
    if output_format(args) == "table":
        for detail in page.rows:
            _print_actor(detail)
        if page.more:
            err(f"{page.more} more actors match; give the full name or the #id")
        return EXIT_OK

    def flat(detail: ActorDetail) -> dict[str, Any]:
        return {
            **_actor_dict(detail.actor),
            "roles": [asdict(r) for r in detail.roles],
            "mentioned_in": [asdict(a) for a in detail.articles],
        }

    return _print_page(args, page, ACTOR_COLUMNS, ActorDetail, "actors", to_dict=flat)


def _print_actor(detail: Any) -> None:
    a = detail.actor
    print(
        f"#{a.actor_id} {a.name} [{a.type}{' ' + a.country if a.country else ''}]"
        f"{' ' + a.actor_code if a.actor_code else ''}: {a.articles} articles, {a.quotes} quotes"
    )
    if detail.roles:
        print("  titles over time:")
        for role in detail.roles:
            print(f"    {date_of(role.published)}  {role.title}  ({role.evidence!r} in [{role.article_id}])")
    print("  articles:")
    for art in detail.articles:
        print(
            f"    {date_of(art.published)}  [{art.article_id}] {one_line(art.title or '(untitled)')}"
            f"  {art.mentions} mentions, {art.quotes} quotes"
        )


def cmd_events(args: argparse.Namespace, settings: Settings) -> int:
    from newsgraph.store import open_store
    from newsgraph.store.event_queries import EventHit

    with open_store(settings.db_path, readonly=True) as store:
        page = fetch_page(
            lambda n, skip: store.find_events(
                source=args.source,
                target=args.target,
                country=args.country,
                type=args.type,
                since=args.since,
                until=args.until,
                limit=n,
                offset=skip,
                min_confidence=args.min_confidence,
            ),
            args.limit,
            args.offset,
        )

    def side(name: str | None, country: str | None) -> str:
        return f"{name or '?'}{f' ({country})' if country else ''}"

    columns = (
        Column("published", lambda e: date_of(e.published), 10),
        Column("article", lambda e: e.article_id, 16),
        Column("type", lambda e: e.plover, 9),
        Column("cameo", lambda e: e.cameo, 5),
        Column("source", lambda e: side(e.source, e.source_country), 28),
        Column("target", lambda e: side(e.target, e.target_country), 28),
        Column("sure", lambda e: "" if e.confidence is None else f"{e.confidence:.2f}", 4),
        Column("evidence", lambda e: e.evidence, None),
    )
    return _print_page(args, page, columns, EventHit, "events")


def cmd_dyads(args: argparse.Namespace, settings: Settings) -> int:
    from newsgraph.store import open_store
    from newsgraph.store.dyad_queries import DyadRow

    with open_store(settings.db_path, readonly=True) as store:
        rows = store.dyads(since=args.since, until=args.until, type=args.type, period=args.period)
    columns = (
        Column("period", lambda r: r.period or "undated", 10),
        Column("source", lambda r: r.source_country or "-", 6),
        Column("target", lambda r: r.target_country or "-", 6),
        Column("type", lambda r: r.plover, 10),
        Column("events", lambda r: r.events, 6, right=True),
        Column("articles", lambda r: r.articles, 8, right=True),
        Column(
            "goldstein",
            lambda r: "" if r.goldstein_total is None else f"{r.goldstein_total:.1f}",
            None,
            right=True,
        ),
    )
    return _print_page(args, slice_page(rows, args.limit, args.offset), columns, DyadRow, "dyads")
