"""``newsgraph load DIR --db FILE``: a Parquet dataset into the SQLite store.

So that the web UI, the query commands and the exports serve what a cluster produced.  Every
article goes through the store's normal write path, the ingest :class:`Writer
<newsgraph.ingest.writer.Writer>`: the article with its children, actor links (actors are
merged across articles there, as for a local ingest), statement keys, its source row and its
near-duplicate index entry, one savepoint per article, batched commits.  Hence:

* **idempotent by content hash**: an article whose text is stored already (and whose source
  is recorded) is ``known`` and adds nothing, so loading twice, or loading an overlapping
  dataset, adds each text once;
* **duplicates linked as at ingest**: in dataset order, an exact or near copy of a stored text
  becomes a source row of that article (with ``near_dups``), the same decisions
  ``newsgraph dedup`` reports for the dataset;
* **bounded memory**: one row group of the articles table is read at a time.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from newsgraph.ingest.worker import WorkResult
from newsgraph.ingest.writer import Writer
from newsgraph.parquet import article_from_row, iter_rows
from newsgraph.records import text_sha256
from newsgraph.store.ingest_state import SourceRow, source_key
from newsgraph.store.sqlite import SQLiteStore


@dataclass
class LoadSummary:
    """How many articles of the dataset were added, already stored, linked as copies, or failed."""

    statuses: Counter[str] = field(default_factory=Counter)
    failures: list[tuple[str, str]] = field(default_factory=list)

    def line(self) -> str:
        s = self.statuses
        return (
            f"{s['added']} added, {s['known']} already stored, {s['exact'] + s['near']} linked as copies "
            f"({s['exact']} exact, {s['near']} near duplicates), {s['failed']} failed"
        )


def load_dataset(
    root: str,
    store: SQLiteStore,
    *,
    near_dups: bool = True,
    on_result: Callable[[str, str, str | None], None] | None = None,
) -> LoadSummary:
    """Store every article of the dataset at ``root``; ``on_result(label, status, reason)`` each."""
    summary = LoadSummary()
    with Writer(store, near_dups=near_dups) as writer:
        for row in iter_rows(root, "articles"):
            article = article_from_row(row)
            key = text_sha256(article.text)
            label = article.source.url or article.source.path or article.id
            source = SourceRow(
                source=row.get("source_key") or source_key(article.source.url, article.source.path, key),
                text_sha256=key,
                input_sha256=row.get("input_sha256"),
                url=article.source.url,
                path=article.source.path,
                format=article.source.format,
                title=article.title,
                outlet=article.outlet,
                published=article.published,
                fetched_at=row.get("fetched_at"),
            )
            result = WorkResult(label, "article", article, source=source, signature=row.get("minhash"))
            status, reason, _ = writer.write(result)
            summary.statuses[status] += 1
            if status == "failed":
                summary.failures.append((label, reason or "unknown error"))
            if on_result is not None:
                on_result(label, status, reason)
    return summary


__all__ = ["LoadSummary", "load_dataset"]
