"""Exports: analysed articles as JSONL, CSV or Parquet, and events in the GDELT 2.0 layout.

Four kinds of rows, one table each: ``articles`` (one row per article), ``entities`` (one per
entity), ``quotes`` (one per quote) and ``events`` (one per event).  Child rows repeat the
article's id, publication time, outlet and title, so each file stands alone in a spreadsheet.

The work is split in two so that every format shares it (Parquet, :func:`export_parquet` with
:mod:`newsgraph.parquet`, only needs a writer; the GDELT layout is :mod:`newsgraph.gdelt`):

* **Row functions** (:data:`ROW_FUNCTIONS`) turn an :class:`Article` into flat rows of typed
  values: ``str``/``int``/``float``/``None``, tuples of strings, and tuples of ``(start, end)``
  spans.  :data:`COLUMNS` declares every column's name and type, which fixes the column order
  and gives a typed schema even for an export with no rows.
* **Writers** encode values per format: JSONL keeps lists as JSON arrays; CSV joins lists with
  ``"; "`` and spans as ``start-end``, and writes None as an empty cell.

Entry points: :func:`export` writes one kind to a stream (what ``newsgraph export`` uses);
:func:`export_dir` writes several kinds into a folder in one pass over the articles.

JSONL of ``articles`` is lossless (one ``Article.to_dict()`` per line; read it back with
:func:`read_jsonl`); the flat rows and CSV are for analysis, not for round trips.
"""

from __future__ import annotations

import csv
import json
import os
from collections.abc import Callable, Iterable, Iterator
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, TextIO

from newsgraph.errors import InputError
from newsgraph.records import Article, text_sha256
from newsgraph.store.actor_refs import ACTOR_TABLE_COLUMNS, ActorRef, actor_refs, actor_table
from newsgraph.store.base import Store

Kind = Literal["articles", "entities", "quotes", "events", "actors"]
KINDS: tuple[Kind, ...] = ("articles", "entities", "quotes", "events")
Format = Literal["jsonl", "csv"]
ColumnType = Literal["str", "int", "float", "str_list", "span_list"]
Value = str | int | float | None | tuple[str, ...] | tuple[tuple[int, int], ...]
Row = dict[str, Value]


@dataclass(frozen=True, slots=True)
class Column:
    """A column of a flat export: its name and value type (for typed formats like Parquet)."""

    name: str
    type: ColumnType = "str"


_TYPES: dict[str, ColumnType] = {t: t for t in ("str", "int", "float", "str_list", "span_list")}


def _columns(spec: str) -> tuple[Column, ...]:
    """``"a b:int c:str_list"`` -> columns (type ``str`` unless given); keeps the tables readable."""
    out = []
    for item in spec.split():
        name, _, kind = item.partition(":")
        out.append(Column(name, _TYPES[kind or "str"]))
    return tuple(out)


_CONTEXT = "article_id published outlet title"
#: Identity columns (schema 6): the actor behind an entity, a quote's speaker, an event's source and
#: target, read from the store (:mod:`newsgraph.store.actor_refs`); empty for bare records.
_ACTOR = "actor_id:int actor_name actor_type actor_country"
_SOURCE_TARGET = " ".join(f"{side}_{c}" for side in ("source", "target") for c in _ACTOR.split())
Refs = dict[str, ActorRef]

#: Every column of every kind, in file order.
COLUMNS: dict[Kind, tuple[Column, ...]] = {
    "articles": _columns(
        f"{_CONTEXT} text_sha256 authors:str_list section language source_path source_url "
        "source_format entities:int quotes:int events:int newsgraph model text"
    ),
    "entities": _columns(
        f"{_CONTEXT} entity name type country actor_code titles:str_list aliases:str_list "
        f"mention_count:int mentions:span_list {_ACTOR}"
    ),
    "quotes": _columns(
        f"{_CONTEXT} quote:int type speaker speaker_entity text start:int end:int cue cue_start:int "
        "cue_end:int speaker_mention speaker_mention_start:int speaker_mention_end:int continues:int "
        f"fragments:span_list speaker_confidence:float {_ACTOR}"
    ),
    "events": _columns(
        f"{_CONTEXT} event:int source source_entity source_country plover mode cameo quad_class:int "
        "goldstein:float target target_entity target_country evidence evidence_start:int "
        f"evidence_end:int quote:int confidence:float {_SOURCE_TARGET}"
    ),
    "actors": _columns(
        "actor_id:int name type country actor_code key place_id:int place_kind latitude:float "
        "longitude:float parent_place articles:int mentions:int"
    ),
}
assert tuple(c.name for c in COLUMNS["actors"]) == ACTOR_TABLE_COLUMNS


def _actor(entity_id: str | None, refs: Refs | None, prefix: str = "") -> Row:
    ref = refs.get(entity_id) if refs and entity_id else None
    return {
        f"{prefix}actor_id": ref.actor_id if ref else None,
        f"{prefix}actor_name": ref.name if ref else None,
        f"{prefix}actor_type": ref.type if ref else None,
        f"{prefix}actor_country": ref.country if ref else None,
    }


def _context(a: Article) -> Row:
    return {"article_id": a.id, "published": a.published, "outlet": a.outlet, "title": a.title}


def article_rows(a: Article, refs: Refs | None = None) -> Iterator[Row]:
    """One row describing the article (the counts say how many child rows it has)."""
    p = a.provenance
    yield {
        **_context(a),
        "text_sha256": text_sha256(a.text),
        "authors": a.authors,
        "section": a.section,
        "language": a.language,
        "source_path": a.source.path,
        "source_url": a.source.url,
        "source_format": a.source.format,
        "entities": len(a.entities),
        "quotes": len(a.quotes),
        "events": len(a.events),
        "newsgraph": None if p is None else p.newsgraph,
        "model": None if p is None else p.model,
        "text": a.text,
    }


def entity_rows(a: Article, refs: Refs | None = None) -> Iterator[Row]:
    """One row per entity, with its mention spans and (``refs``: entity id -> actor) its actor."""
    ctx = _context(a)
    for e in a.entities:
        yield {
            **ctx,
            "entity": e.id,
            "name": e.name,
            "type": e.type,
            "country": e.country,
            "actor_code": e.actor_code,
            "titles": e.titles,
            "aliases": e.aliases,
            "mention_count": len(e.mentions),
            "mentions": tuple((m.start, m.end) for m in e.mentions),
            **_actor(e.id, refs),
        }


def quote_rows(a: Article, refs: Refs | None = None) -> Iterator[Row]:
    """One row per quote; ``quote`` is its index (what ``continues`` and events refer to)."""
    ctx = _context(a)
    for i, q in enumerate(a.quotes):
        cue, sm = q.cue, q.speaker_mention
        yield {
            **ctx,
            "quote": i,
            "type": q.type,
            "speaker": q.speaker,
            "speaker_entity": q.speaker_entity,
            "text": q.text,
            "start": q.start,
            "end": q.end,
            "cue": None if cue is None else cue.text,
            "cue_start": None if cue is None else cue.start,
            "cue_end": None if cue is None else cue.end,
            "speaker_mention": None if sm is None else sm.text,
            "speaker_mention_start": None if sm is None else sm.start,
            "speaker_mention_end": None if sm is None else sm.end,
            "continues": q.continues,
            "fragments": tuple((f.start, f.end) for f in q.fragments),
            "speaker_confidence": q.speaker_confidence,
            **_actor(q.speaker_entity, refs),
        }


def event_rows(a: Article, refs: Refs | None = None) -> Iterator[Row]:
    """One row per event; ``evidence`` is the text of the evidence span."""
    ctx = _context(a)
    for i, e in enumerate(a.events):
        yield {
            **ctx,
            "event": i,
            "source": e.source,
            "source_entity": e.source_entity,
            "source_country": e.source_country,
            "plover": e.plover,
            "mode": e.mode,
            "cameo": e.cameo,
            "quad_class": e.quad_class,
            "goldstein": e.goldstein,
            "target": e.target,
            "target_entity": e.target_entity,
            "target_country": e.target_country,
            "evidence": a.text[e.evidence.start : e.evidence.end],
            "evidence_start": e.evidence.start,
            "evidence_end": e.evidence.end,
            "quote": e.quote,
            "confidence": e.confidence,
            **_actor(e.source_entity, refs, "source_"),
            **_actor(e.target_entity, refs, "target_"),
        }


#: The row function of each kind.
ROW_FUNCTIONS: dict[Kind, Callable[[Article, Refs | None], Iterator[Row]]] = {
    "articles": article_rows,
    "entities": entity_rows,
    "quotes": quote_rows,
    "events": event_rows,
}

# JSON allows these unescaped inside strings, but str.splitlines() and some JSONL readers treat
# them as line ends; escaping them keeps "one record per line" true for every reader.
_LINE_BREAKS = {0x2028: "\\u2028", 0x2029: "\\u2029", 0x85: "\\u0085"}


def json_line(obj: Any) -> str:
    """``obj`` as one line of JSON (UTF-8 text, no raw line breaks), with the newline."""
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":")).translate(_LINE_BREAKS) + "\n"


#: First characters that make a spreadsheet read a cell as a formula (CSV injection).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: Value) -> str | int | float:
    """A value as a CSV cell: None is empty, lists are joined by ``"; "``, spans are ``start-end``.

    Article text is untrusted: a text cell that a spreadsheet would run as a formula
    (``=HYPERLINK(...)``, ``@SUM(...)``, ``-2+3``) gets a leading apostrophe, the usual
    neutralisation, so that opening an export never executes anything.  JSONL keeps every
    value exactly.
    """
    if value is None:
        return ""
    if isinstance(value, tuple):
        value = "; ".join(f"{v[0]}-{v[1]}" if isinstance(v, tuple) else v for v in value)
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def _check(kind: str, fmt: str) -> None:
    if kind not in COLUMNS:
        raise ValueError(f"unknown export kind {kind!r}; choose from {', '.join(COLUMNS)}")
    if fmt not in ("jsonl", "csv"):
        raise ValueError(f"unknown export format {fmt!r}; choose jsonl or csv")


class _Writer:
    """Writes the rows of one kind to one open text file in one format."""

    def __init__(self, out: TextIO, kind: Kind, fmt: Format) -> None:
        _check(kind, fmt)
        self.out, self.kind, self.rows = out, kind, 0
        self._csv: Any = None
        if fmt == "csv":
            self._csv = csv.writer(out)
            self._csv.writerow([c.name for c in COLUMNS[kind]])

    def write(self, article: Article, refs: Refs | None = None) -> None:
        if self._csv is None and self.kind == "articles":
            self.out.write(json_line(article.to_dict()))  # the lossless analyze-output shape
            self.rows += 1
            return
        for row in ROW_FUNCTIONS[self.kind](article, refs):
            self.write_row(row)

    def write_row(self, row: Row) -> None:
        if self._csv is not None:
            self._csv.writerow([csv_cell(v) for v in row.values()])
        else:
            self.out.write(json_line(row))
        self.rows += 1


def write_jsonl(articles: Iterable[Article], out: TextIO, kind: Kind = "articles") -> int:
    """Write ``kind`` rows as JSON lines to ``out``; return the number of lines.

    For ``articles`` each line is ``Article.to_dict()`` (lossless); for the other kinds each line
    is a flat row with the :data:`COLUMNS` keys.
    """
    writer = _Writer(out, kind, "jsonl")
    for article in articles:
        writer.write(article)
    return writer.rows


def write_csv(articles: Iterable[Article], out: TextIO, kind: Kind) -> int:
    """Write ``kind`` rows as CSV (header first) to ``out``; return the number of data rows.

    Open ``out`` with ``newline=""`` as the :mod:`csv` module requires.
    """
    writer = _Writer(out, kind, "csv")
    for article in articles:
        writer.write(article)
    return writer.rows


def export(source: Store | Iterable[Article], fmt: Format, kind: Kind, out: TextIO) -> int:
    """Write one kind of rows, as ``fmt``, to ``out``; return the number of rows (lines for JSONL).

    ``source`` is a store (every article, oldest first) or any iterable of articles.  For CSV,
    open ``out`` with ``newline=""``.
    """
    _check(kind, fmt)
    conn = getattr(source, "connection", None) if isinstance(source, Store) else None
    if kind == "actors":
        if conn is None:
            raise ValueError("the actors table comes from a database: export it from a store")
        writer = _Writer(out, kind, fmt)
        for row in actor_table(conn):
            writer.write_row(row)
        return writer.rows
    if conn is not None and kind != "articles":
        writer = _Writer(out, kind, fmt)
        for article in source.iter_articles():  # type: ignore[union-attr]
            writer.write(article, actor_refs(conn, article.id))
        return writer.rows
    articles = source.iter_articles() if isinstance(source, Store) else source
    if fmt == "csv":
        return write_csv(articles, out, kind)
    return write_jsonl(articles, out, kind)


def export_dir(
    articles: Iterable[Article],
    directory: str | os.PathLike[str],
    fmt: Format = "jsonl",
    kinds: Iterable[Kind] = KINDS,
) -> dict[Kind, int]:
    """Write one file per kind (``articles.jsonl``, ``quotes.csv``, ...) into ``directory``.

    Reads ``articles`` once (it may be a store iterator over millions of articles) and writes
    all files side by side.  Returns the number of rows written per kind.
    """
    wanted = list(dict.fromkeys(kinds))
    for kind in wanted:
        _check(kind, fmt)
    folder = Path(directory)
    folder.mkdir(parents=True, exist_ok=True)
    with ExitStack() as stack:
        writers = []
        for kind in wanted:
            out = stack.enter_context(
                (folder / f"{kind}.{fmt}").open("w", encoding="utf-8", newline="" if fmt == "csv" else "\n")
            )
            writers.append(_Writer(out, kind, fmt))
        for article in articles:
            for writer in writers:
                writer.write(article)
    return {w.kind: w.rows for w in writers}


def export_parquet(source: Store | Iterable[Article], directory: str) -> dict[Kind, int]:
    """Write every table as Parquet into ``directory`` (the :mod:`newsgraph.parquet` layout).

    One part per table (``articles/part-export.parquet`` ...), written in row groups as the
    articles are read, so memory stays flat; ``load`` and DuckDB read the result like a
    dataset the Dask runner wrote.  From a store, rows carry their actors (as the JSONL/CSV
    exports do) and the ``actors`` table is written too.  Needs the ``[dask]`` extra (pyarrow).
    """
    from newsgraph.parquet import ArticleExtras, PartWriter, filesystem

    conn = getattr(source, "connection", None) if isinstance(source, Store) else None
    articles = source.iter_articles() if isinstance(source, Store) else source
    fs, root = filesystem(directory)
    writer = PartWriter(fs, root, "export", (*KINDS, "actors") if conn is not None else KINDS)
    try:
        for position, article in enumerate(articles):
            refs = actor_refs(conn, article.id) if conn is not None else None
            writer.add(article, ArticleExtras(shard="export", position=position), refs)
        if conn is not None:
            writer.add_rows("actors", actor_table(conn))
    except BaseException:
        writer.abort()
        raise
    return writer.commit()


def export_gdelt_events(store: Store, out: TextIO) -> int:
    """Write every stored event as a GDELT 2.0 Events row (:mod:`newsgraph.gdelt`); return the rows."""
    from newsgraph.gdelt import StoreCounts, write_gdelt_events

    connection = getattr(store, "connection", None)
    if connection is None:
        raise ValueError("the GDELT export needs the SQLite store (it reads the statements view)")
    counts = StoreCounts(connection)
    return write_gdelt_events(store.iter_articles(), out, counts.counts, counts.added)


def read_jsonl(source: str | os.PathLike[str] | TextIO) -> Iterator[Article]:
    """Articles from a JSONL file of ``Article.to_dict()`` lines (blank lines are skipped).

    Raises :class:`InputError` naming the line when a line is not an article.
    """
    if isinstance(source, str | os.PathLike):
        with open(source, encoding="utf-8") as f:
            yield from _read_lines(f, os.fspath(source))
    else:
        yield from _read_lines(source, getattr(source, "name", "<stream>"))


def _read_lines(f: TextIO, name: str) -> Iterator[Article]:
    for lineno, line in enumerate(f, 1):
        if not line.strip():
            continue
        try:
            article = Article.from_dict(json.loads(line))
        except (ValueError, KeyError, TypeError) as exc:
            raise InputError(f"{name}:{lineno}", f"not an article record ({exc})") from exc
        yield article
