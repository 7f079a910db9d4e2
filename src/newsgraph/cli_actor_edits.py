"""``newsgraph actor merge|split|rename|edits``: user fixes to actor identity (a thin shell).

``newsgraph actor NAME`` shows an actor (:mod:`newsgraph.cli_queries`); when its first word is
one of the edit operations, :func:`newsgraph.cli.main` hands the arguments here instead.  The work
is done by :mod:`newsgraph.store.actor_edits`, in one write transaction per edit.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence

from newsgraph.cli_output import EXIT_OK, EXIT_USAGE, err
from newsgraph.errors import NewsgraphError
from newsgraph.settings import Settings

OPERATIONS = ("merge", "split", "rename", "edits")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newsgraph actor",
        description="Fix what the machine got wrong about actors; every edit is recorded and kept "
        "on re-ingest.",
    )
    sub = parser.add_subparsers(dest="op", required=True)
    p = sub.add_parser("merge", help="merge actor B into actor A (A keeps its id and name)")
    p.add_argument("keep", help="actor A: its #id number or exact name")
    p.add_argument("gone", help="actor B: its #id number or exact name")
    p = sub.add_parser("split", help="move an actor's mentions in some articles to a new actor")
    p.add_argument("actor", help="the actor: its #id number or exact name")
    p.add_argument("--article", action="append", required=True, help="article id (repeatable)")
    p.add_argument("--name", help="name of the new actor (default: the same name)")
    p = sub.add_parser("rename", help="give an actor a new display name")
    p.add_argument("actor", help="the actor: its #id number or exact name")
    p.add_argument("name", help="the new name")
    p = sub.add_parser("edits", help="list the recorded edits, oldest first")
    for p in sub.choices.values():
        p.add_argument("--db", help="SQLite database file (default ./newsgraph.db; env NEWSGRAPH_DB_PATH)")
    return parser


def _one_actor(conn: object, ident: str) -> int:
    import sqlite3

    from newsgraph.errors import StoreError
    from newsgraph.store.actor_queries import find_actor_ids

    assert isinstance(conn, sqlite3.Connection)
    found = find_actor_ids(conn, ident.lstrip("#"))
    if len(found) != 1:
        what = "no actor" if not found else f"{len(found)} actors ({', '.join(f'#{i}' for i in found[:5])})"
        raise StoreError(f"{what} match {ident!r}; give the actor's #id number")
    return found[0]


def main(argv: Sequence[str]) -> int:
    """Run one edit operation; ``argv`` starts with the operation name."""
    from newsgraph.store import actor_edits as edits
    from newsgraph.store import open_store

    args = parser_args = build_parser().parse_args(list(argv))
    settings = Settings.from_env().replace(**({"db_path": parser_args.db} if parser_args.db else {}))
    try:
        with open_store(settings.db_path) as store:
            conn = store.connection
            if args.op == "edits":
                for edit_id, op, detail, when in edits.edits(conn):
                    print(
                        f"{edit_id:>4}  {when}  {op:<6}  {json.dumps(json.loads(detail), ensure_ascii=False)}"
                    )
                return EXIT_OK
            with store.transaction():
                if args.op == "merge":
                    print(edits.merge(conn, _one_actor(conn, args.keep), _one_actor(conn, args.gone)))
                elif args.op == "split":
                    actor = _one_actor(conn, args.actor)
                    new = edits.split(conn, actor, args.article, args.name)
                    print(
                        f"split #{actor}: its mentions in {len(args.article)} article(s) are now actor #{new}"
                    )
                else:
                    print(edits.rename(conn, _one_actor(conn, args.actor), args.name))
    except NewsgraphError as exc:
        err(f"error: {exc}")
        return EXIT_USAGE
    return EXIT_OK
