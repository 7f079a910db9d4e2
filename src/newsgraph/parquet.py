"""The Parquet dataset: its schema, how articles become parts, and how they are read back.

One layout serves the Dask runner (``ingest --engine dask``), ``export --format parquet``,
``load`` and DuckDB::

    DIR/articles/part-NAME.parquet    one row per article (the flat export columns, plus ``record``)
    DIR/entities/part-NAME.parquet    one row per entity
    DIR/quotes/part-NAME.parquet      one row per quote
    DIR/events/part-NAME.parquet      one row per event
    DIR/_manifest/NAME.json           (Dask runner) the shard NAME is finished

Why this shape:

* **The columns are the export columns** (:data:`newsgraph.exports.COLUMNS`), typed: a user
  who knows the CSV export knows the dataset, and DuckDB queries read them by name.
* **Articles carry what ``load`` needs to rebuild them exactly**: ``record`` is
  ``Article.to_dict()`` as JSON without the text (the ``text`` column holds it once), so a
  dataset loads into the store with every span; ``minhash`` is the MinHash signature
  (:func:`newsgraph.dedup.signature`) for near-duplicate detection without re-reading texts;
  ``shard``/``position`` give every article its place in the dataset order (what makes the
  distributed dedup agree with the single-machine one); ``source_key``, ``input_sha256`` and
  ``fetched_at`` are the store's source row.
* **A part is written to a temporary name and then moved into place**, so a reader (or a
  retried task) never sees half a part, and a part written again under the same name replaces
  the old one instead of adding to it.
* **Bounded memory**: :class:`PartWriter` buffers at most :data:`ROWS_PER_GROUP` articles and
  writes them as one row group; :func:`read_articles` reads one row group at a time.

pyarrow is the ``[dask]`` extra: this module imports it at the top, and callers import this
module only when they need Parquet.
"""

from __future__ import annotations

import json
import os
import posixpath
import uuid
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

import pyarrow as pa
import pyarrow.fs as pafs
import pyarrow.parquet as pq

from newsgraph.exports import COLUMNS, KINDS, ROW_FUNCTIONS, ColumnType, Kind, Refs, Row
from newsgraph.records import Article

#: Articles buffered before a row group is written (memory bound of a writer).
ROWS_PER_GROUP = 256
#: Folder of the finished-shard manifest inside a dataset.
MANIFEST_DIR = "_manifest"
#: Folder for parts being written (moved into place when complete).
TMP_DIR = "_tmp"

_SPAN = pa.struct([("start", pa.int64()), ("end", pa.int64())])
_ARROW: dict[ColumnType, pa.DataType] = {
    "str": pa.string(),
    "int": pa.int64(),
    "float": pa.float64(),
    "str_list": pa.list_(pa.string()),
    "span_list": pa.list_(_SPAN),
}

#: Columns only the Parquet articles table has (see the module docstring).
ARTICLE_EXTRAS: tuple[tuple[str, pa.DataType], ...] = (
    ("record", pa.string()),
    ("minhash", pa.binary()),
    ("shard", pa.string()),
    ("position", pa.int64()),
    ("source_key", pa.string()),
    ("input_sha256", pa.string()),
    ("fetched_at", pa.string()),
)


def schema(kind: Kind) -> pa.Schema:
    """The Arrow schema of one table: the export columns, typed (plus the article extras)."""
    fields = [pa.field(c.name, _ARROW[c.type]) for c in COLUMNS[kind]]
    if kind == "articles":
        fields += [pa.field(name, kind_) for name, kind_ in ARTICLE_EXTRAS]
    return pa.schema(fields)


@dataclass(frozen=True, slots=True)
class ArticleExtras:
    """What an article row carries besides the export columns (all optional but ``shard``)."""

    shard: str
    position: int
    minhash: bytes | None = None
    source_key: str | None = None
    input_sha256: str | None = None
    fetched_at: str | None = None


def _arrow_value(value: Any, kind: ColumnType) -> Any:
    if kind == "span_list":
        return [{"start": s, "end": e} for s, e in value]
    if kind == "str_list":
        return list(value)
    return value


def table_rows(
    article: Article, kind: Kind, extras: ArticleExtras | None = None, refs: Refs | None = None
) -> list[Row]:
    """The rows of ``kind`` for one article, with Arrow-ready values (``refs``: its actors)."""
    columns = COLUMNS[kind]
    rows: list[Row] = []
    for row in ROW_FUNCTIONS[kind](article, refs):
        out: dict[str, Any] = {c.name: _arrow_value(row[c.name], c.type) for c in columns}
        if kind == "articles":
            record = article.to_dict()
            del record["text"]
            out["record"] = json.dumps(record, ensure_ascii=False, separators=(",", ":"))
            e = extras or ArticleExtras(shard="", position=0)
            out.update(
                minhash=e.minhash,
                shard=e.shard,
                position=e.position,
                source_key=e.source_key,
                input_sha256=e.input_sha256,
                fetched_at=e.fetched_at,
            )
        rows.append(out)
    return rows


def filesystem(root: str) -> tuple[pafs.FileSystem, str]:
    """The pyarrow filesystem and path for a dataset location (a local path or a URL)."""
    if "://" in root:
        fs, path = pafs.FileSystem.from_uri(root)
        return fs, path.rstrip("/")
    return pafs.LocalFileSystem(), os.path.abspath(root)


def part_path(root: str, kind: str, name: str) -> str:
    """Where the part ``name`` of table ``kind`` lives (root as returned by :func:`filesystem`)."""
    return posixpath.join(root, kind, f"part-{name}.parquet")


class PartWriter:
    """Writes one part per table for a shard: temporary files, moved into place by :meth:`commit`."""

    def __init__(self, fs: pafs.FileSystem, root: str, name: str, kinds: Iterable[Kind] = KINDS) -> None:
        self.fs, self.root, self.name = fs, root, name
        self.kinds = tuple(kinds)
        token = uuid.uuid4().hex[:8]
        fs.create_dir(posixpath.join(root, TMP_DIR), recursive=True)
        self._tmp = {k: posixpath.join(root, TMP_DIR, f"{k}-{name}-{token}.parquet") for k in self.kinds}
        self._writers = {k: pq.ParquetWriter(self._tmp[k], schema(k), filesystem=fs) for k in self.kinds}
        self._rows: dict[Kind, list[Row]] = {k: [] for k in self.kinds}
        self._buffered = 0
        self.counts: dict[Kind, int] = dict.fromkeys(self.kinds, 0)

    def add(self, article: Article, extras: ArticleExtras | None = None, refs: Refs | None = None) -> None:
        for kind in self.kinds:
            if kind == "actors":
                continue  # not per article: see add_rows
            rows = table_rows(article, kind, extras, refs)
            self._rows[kind].extend(rows)
            self.counts[kind] += len(rows)
        self._buffered += 1
        if self._buffered >= ROWS_PER_GROUP:
            self.flush()

    def add_rows(self, kind: Kind, rows: Iterable[Row]) -> None:
        """Rows of a table that is not made per article (the store's ``actors``), in groups."""
        for row in rows:
            self._rows[kind].append(row)
            self.counts[kind] += 1
            if len(self._rows[kind]) >= ROWS_PER_GROUP:
                self.flush()

    def flush(self) -> None:
        for kind in self.kinds:
            if self._rows[kind]:
                table = pa.Table.from_pylist(self._rows[kind], schema=schema(kind))
                self._writers[kind].write_table(table)
                self._rows[kind] = []
        self._buffered = 0

    def commit(self) -> dict[Kind, int]:
        """Close the files and move each into its final place (replacing an older copy)."""
        self.flush()
        for kind in self.kinds:
            self._writers[kind].close()
            final = part_path(self.root, kind, self.name)
            self.fs.create_dir(posixpath.dirname(final), recursive=True)
            self.fs.move(self._tmp[kind], final)
        return self.counts

    def abort(self) -> None:
        """Close and delete the temporary files (the shard failed as a whole)."""
        for kind in self.kinds:
            try:
                self._writers[kind].close()
                self.fs.delete_file(self._tmp[kind])
            except OSError:
                pass


def part_files(root: str, kind: Kind) -> list[str]:
    """The part files of one table, sorted by name (the dataset order); [] when there are none."""
    fs, base = filesystem(root)
    folder = posixpath.join(base, kind)
    info = fs.get_file_info(folder)
    if info.type != pafs.FileType.Directory:
        return []
    found = fs.get_file_info(pafs.FileSelector(folder, recursive=False))
    return sorted(f.path for f in found if f.is_file and f.base_name.endswith(".parquet"))


def article_from_row(row: dict[str, Any]) -> Article:
    """Rebuild an Article (every span) from one row of the articles table."""
    record = json.loads(row["record"])
    record["text"] = row["text"]
    return Article.from_dict(record)


def iter_rows(root: str, kind: Kind, columns: list[str] | None = None) -> Iterator[dict[str, Any]]:
    """Every row of one table in dataset order, one row group in memory at a time."""
    fs, _ = filesystem(root)
    for path in part_files(root, kind):
        with fs.open_input_file(path) as fh:
            reader = pq.ParquetFile(fh)
            for group in range(reader.num_row_groups):
                yield from reader.read_row_group(group, columns=columns).to_pylist()


def read_articles(root: str) -> Iterator[Article]:
    """Every article of a dataset, in dataset order (part name, then position)."""
    for row in iter_rows(root, "articles", ["record", "text"]):
        yield article_from_row(row)


__all__ = [
    "MANIFEST_DIR",
    "ArticleExtras",
    "PartWriter",
    "article_from_row",
    "filesystem",
    "iter_rows",
    "part_files",
    "read_articles",
    "schema",
    "table_rows",
]
