"""What every ``newsgraph`` command shares: exit codes, the error line, the output formats of
the query commands, paging, and the one-article summary line.

Every query command (search, quotes, actors, actor, events, dyads) prints its rows in the
same four ways, chosen by the same flags (in the manner of sqlite-utils): a readable table
(the default), ``--json`` (one JSON array), ``--nl`` (newline-delimited JSON, one object per
line) and ``--csv``.  Keeping them here means a new command gets all four by describing its
columns once, and the flags cannot drift apart between commands.  Notes about the output
("12 more ...", "no statements match") go to standard error, so standard output is always
exactly the rows in the chosen format.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, fields, is_dataclass
from typing import Any

EXIT_OK, EXIT_PARTIAL, EXIT_USAGE = 0, 1, 2

#: ``--format`` spellings kept for scripts written before the flags: jsonl is --nl, text the table.
_FORMAT_ALIASES = {"jsonl": "nl", "text": "table"}
FORMATS = ("table", "json", "nl", "csv", "jsonl", "text")

#: Rows fetched beyond a page to say how many more there are; past this we say "more than".
MORE_PROBE = 1000
#: ``--limit 0`` (everything) as an SQL LIMIT.
ALL_ROWS = 2**62

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_SPACE = re.compile(r"\s+")


def err(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


# -- flags -------------------------------------------------------------------------------------


def non_negative(text: str) -> int:
    """argparse type: a whole number >= 0 (``--limit 0`` means all)."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"{value} is negative; give 0 or more")
    return value


def share(text: str) -> float:
    """argparse type: a number from 0 to 1 (a confidence)."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number") from None
    if not 0.0 <= value <= 1.0:
        raise argparse.ArgumentTypeError(f"{value} is outside 0-1; give a confidence such as 0.26")
    return value


def output_flags(p: argparse.ArgumentParser, *, limit: int | None = None, what: str = "rows") -> None:
    """Add ``--json``/``--nl``/``--csv``/``--table`` (and ``--limit``/``--offset`` when a
    default ``limit`` is given) to a query command's parser."""
    group = p.add_mutually_exclusive_group()
    group.add_argument(
        "--table", dest="format", action="store_const", const="table", help="aligned columns (default)"
    )
    group.add_argument(
        "--json", dest="format", action="store_const", const="json", help="one JSON array of objects"
    )
    group.add_argument(
        "--nl",
        dest="format",
        action="store_const",
        const="nl",
        help="newline-delimited JSON: one object per line",
    )
    group.add_argument(
        "--csv", dest="format", action="store_const", const="csv", help="CSV with a header row"
    )
    group.add_argument("--format", choices=FORMATS, help="the same as a flag (jsonl = --nl, text = --table)")
    p.set_defaults(format="table")
    if limit is not None:
        p.add_argument(
            "--limit",
            type=non_negative,
            default=limit,
            help=f"most {what} to show (default {limit}; 0: all)",
        )
        p.add_argument(
            "--offset", type=non_negative, default=0, help=f"skip this many {what} first (default 0)"
        )


def output_format(args: argparse.Namespace) -> str:
    """The chosen format: table, json, nl or csv."""
    fmt = str(getattr(args, "format", None) or "table")
    return _FORMAT_ALIASES.get(fmt, fmt)


# -- paging ------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Page:
    """The rows of one page and how many follow it (counted up to :data:`MORE_PROBE`)."""

    rows: list[Any]
    more: int
    more_capped: bool
    limit: int
    offset: int

    def note(self, what: str) -> str | None:
        """The "N more" line for standard error, or None when nothing was left out."""
        if not self.more:
            return None
        count = f"more than {self.more:,}" if self.more_capped else f"{self.more:,}"
        following = self.offset + self.limit
        return f"{count} more {what} (use --limit/--offset: --offset {following} shows the next ones)"


def fetch_page(query: Callable[[int, int], Sequence[Any]], limit: int, offset: int) -> Page:
    """Run ``query(limit, offset)`` for one page, asking for a few more rows to count the rest.

    ``limit`` 0 means every row.  The store's queries have no count, so the rows after the page
    are counted by fetching up to :data:`MORE_PROBE` of them (cheap next to the sort every
    page already pays); beyond that the note says "more than".
    """
    if limit == 0:
        return Page(list(query(ALL_ROWS, offset)), 0, False, 0, offset)
    rows = list(query(limit + MORE_PROBE + 1, offset))
    extra = max(0, len(rows) - limit)
    capped = extra > MORE_PROBE
    return Page(rows[:limit], min(extra, MORE_PROBE), capped, limit, offset)


def slice_page(rows: Sequence[Any], limit: int, offset: int) -> Page:
    """A page of rows that are all in memory already (aggregates such as dyads)."""
    return fetch_page(lambda n, skip: rows[skip : skip + n], limit, offset)


# -- rows --------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Column:
    """One column of the readable table: its header, how to get the cell, and its widest width
    (None: the last column, which is never cut)."""

    header: str
    cell: Callable[[Any], object]
    width: int | None = 40
    right: bool = False


def one_line(value: object) -> str:
    """A cell as one line: whitespace runs become one space, other control characters
    (terminal escapes) are shown escaped, so a stored text cannot break the table or the
    terminal."""
    if value is None:
        return ""
    text = _SPACE.sub(" ", str(value)).strip()
    return _CONTROL.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


def snippet_line(snippet: str) -> str:
    """A search snippet as one line: only the lines of the excerpt that hold a match, joined
    by " … ", so that the excerpt neither runs across the title, byline and dateline lines of
    a plain-text article nor joins two paragraphs as if they were one sentence."""
    from newsgraph.store.base import MARK_CLOSE, MARK_OPEN

    lines = [line.strip() for line in snippet.splitlines()]
    matched = [line for line in lines if MARK_OPEN in line or MARK_CLOSE in line]
    return " … ".join(one_line(line) for line in (matched or [line for line in lines if line]))


def _as_dict(row: Any) -> dict[str, Any]:
    if isinstance(row, dict):
        return row
    assert is_dataclass(row) and not isinstance(row, type)
    return asdict(row)


def _headers(row_type: type | None, rows: Sequence[dict[str, Any]]) -> list[str]:
    if rows:
        return list(rows[0])
    if row_type is not None and is_dataclass(row_type):
        return [f.name for f in fields(row_type)]
    return []


def _csv_cell(value: object) -> object:
    if isinstance(value, (list, tuple, dict)):
        return json.dumps(value, ensure_ascii=False)
    return "" if value is None else value


def print_rows(
    rows: Sequence[Any],
    fmt: str,
    columns: Sequence[Column],
    *,
    row_type: type | None = None,
    to_dict: Callable[[Any], dict[str, Any]] = _as_dict,
) -> None:
    """Print ``rows`` (frozen dataclasses) in ``fmt``: table, json, nl or csv.

    JSON and CSV hold every field of the row (nested values as JSON in a CSV cell, as
    sqlite-utils does); the table shows ``columns``.  ``row_type`` gives the CSV header when
    there are no rows.
    """
    out = sys.stdout
    if fmt == "table":
        print_table(rows, columns)
        return
    dicts = [to_dict(row) for row in rows]
    if fmt == "nl":
        for d in dicts:
            out.write(json.dumps(d, ensure_ascii=False) + "\n")
    elif fmt == "json":
        body = ",\n ".join(json.dumps(d, ensure_ascii=False) for d in dicts)
        out.write(f"[{body}]\n")
    elif fmt == "csv":
        writer = csv.writer(out, lineterminator="\n")
        headers = _headers(row_type, dicts)
        writer.writerow(headers)
        for d in dicts:
            writer.writerow([_csv_cell(d.get(h)) for h in headers])
    else:
        raise ValueError(f"unknown output format {fmt!r}")
    out.flush()


def print_table(rows: Sequence[Any], columns: Sequence[Column]) -> None:
    """Aligned columns with a header; every column but the last is cut to its width with "…".

    Written by hand rather than with rich: rich wraps cells to the terminal (80 columns when
    piped), which splits a row over lines and breaks ``grep``/``wc -l`` over the output.
    """
    if not rows:
        return
    cells = [[one_line(c.cell(row)) for c in columns] for row in rows]
    widths = []
    for i, col in enumerate(columns):
        longest = max([len(col.header), *(len(r[i]) for r in cells)])
        widths.append(longest if col.width is None else min(longest, max(col.width, len(col.header))))

    def line(values: Sequence[str]) -> str:
        parts = []
        for i, (col, value) in enumerate(zip(columns, values, strict=True)):
            last = i == len(columns) - 1
            if len(value) > widths[i] and not last:
                value = value[: widths[i] - 1] + "…"
            if last:
                parts.append(value)
            else:
                parts.append(value.rjust(widths[i]) if col.right else value.ljust(widths[i]))
        return "  ".join(parts).rstrip()

    print(line([c.header for c in columns]))
    # the rule under the last column stops at the header or 40 wide: long cells wrap, the rule need not
    rule = [*widths[:-1], min(widths[-1], max(len(columns[-1].header), 40))]
    print(line(["-" * w for w in rule]))
    for r in cells:
        print(line(r))
    sys.stdout.flush()


def date_of(value: str | None) -> str:
    """The date part of an ISO time, or "undated"."""
    return (value or "undated")[:10]


def article_line(article: object, status: str) -> str:
    from newsgraph.records import Article

    assert isinstance(article, Article)
    speakers = sorted({q.speaker for q in article.quotes if q.speaker})
    lines = [
        f"[{article.id}] {article.title or '(untitled)'}  ({status})",
        f"    published {article.published or '?'}  by {', '.join(article.authors) or '?'}"
        f"  outlet {article.outlet or '?'}",
        f"    {len(article.entities)} entities, {len(article.quotes)} quotes, {len(article.events)} events",
    ]
    if speakers:
        lines.append(f"    speakers: {', '.join(speakers)}")
    return "\n".join(lines)
