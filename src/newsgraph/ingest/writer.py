"""The one process that writes: stores results from the workers, in batched transactions.

Why a single writer: SQLite allows one writer at a time, and deciding "is this a copy of
something stored?" is only race-free where the writes happen.  Workers check too, but only to
save analysis; this module re-checks every result against what is stored *including its own
uncommitted writes*, so two copies of one story analysed at the same time still end up as one
article and one linked copy.

Crash safety: each input's rows (the article and its children, its source row, its
near-duplicate index entry; or a copy's source row) go in one savepoint, and a transaction is
committed once it holds :data:`COMMIT_EVERY` inputs or is :data:`COMMIT_SECONDS` old, checked at
each write; the runner also calls :meth:`Writer.commit` whenever no result is ready (the
workers are busy), so an article never waits uncommitted for the next one to arrive.  The
runner reports an input as stored only once :attr:`Writer.uncommitted` is back to zero.  A
SIGKILL loses at most the uncommitted tail (nothing reported as stored), never leaves half an
input, and a rerun redoes exactly what was lost (the resume checks find everything committed).

Full-text rows are written once per transaction, just before its COMMIT, for every article the
transaction added (:func:`newsgraph.store.sqlite_rows.index_articles`), not inside each input's
savepoint: FTS5 flushes its pending terms at every savepoint release, so indexing per input
writes one tiny segment per article (``benchmarks/fts_batch.py`` measures the difference).  The
rows are in the same transaction as their articles, so a crash keeps both or neither.
"""

from __future__ import annotations

import sqlite3
import time
from datetime import UTC, datetime
from types import TracebackType

from newsgraph.errors import StoreError
from newsgraph.ingest.worker import WorkResult
from newsgraph.records import text_sha256
from newsgraph.store.ingest_state import SourceRow, known_source, record_source, seq_of_text
from newsgraph.store.sqlite import SQLiteStore
from newsgraph.store.sqlite_rows import index_articles

COMMIT_EVERY = 200
COMMIT_SECONDS = 1.0


class Writer:
    """Stores :class:`WorkResult` values; :meth:`write` returns what became of each one.

    The returned status is ``added``, ``known``, ``exact``, ``near`` or ``failed``; the second
    element is the reason of a failure, the third the row number of the article stored or
    linked to.
    """

    def __init__(self, store: SQLiteStore, *, near_dups: bool = True) -> None:
        self.store = store
        self.db = store.connection
        self.near_dups = near_dups
        self._open = False
        self._pending = 0
        self._unindexed: list[int] = []  # articles added in the open transaction, FTS rows not written
        self._since = time.monotonic()

    def __enter__(self) -> Writer:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        if exc_type is None:
            self.commit()
        elif self._open and self.db.in_transaction:
            self.db.execute("ROLLBACK")
            self._open = False
            self._unindexed = []

    @property
    def uncommitted(self) -> int:
        """Inputs written since the last commit (0: everything written is durable)."""
        return self._pending

    def commit(self) -> None:
        if self._open:
            index_articles(self.db, self._unindexed)
            self.db.execute("COMMIT")
            self._open = False
            self._unindexed = []
        self._pending = 0

    def write(self, result: WorkResult) -> tuple[str, str | None, int | None]:
        if result.status == "failed":
            return "failed", result.error, None
        if result.status == "known":
            return "known", None, None
        if not self._open:
            try:
                self.db.execute("BEGIN IMMEDIATE")
            except sqlite3.OperationalError as exc:
                raise StoreError(f"{self.store.path}: cannot get the write lock ({exc})") from exc
            self._open = True
            self._since = time.monotonic()
        self.db.execute("SAVEPOINT input")
        try:
            status, seq = self._store(result)
        except (StoreError, sqlite3.IntegrityError, ValueError) as exc:
            self.db.execute("ROLLBACK TO input")
            self.db.execute("RELEASE input")
            return "failed", str(exc), None
        except BaseException:  # Ctrl-C mid-input: the commit that follows must not keep half of it
            self.db.execute("ROLLBACK TO input")
            self.db.execute("RELEASE input")
            raise
        self.db.execute("RELEASE input")
        if status == "added" and seq is not None:
            self._unindexed.append(seq)
        self._pending += 1
        if self._pending >= COMMIT_EVERY or time.monotonic() - self._since >= COMMIT_SECONDS:
            self.commit()
        return status, None, seq

    def _store(self, result: WorkResult) -> tuple[str, int | None]:
        row = result.source
        if row is None:
            raise ValueError(f"{result.label}: a result to store has no source row")
        now = datetime.now(UTC).isoformat(timespec="seconds")
        if result.status == "copy":
            if result.canonical is None:
                raise ValueError(f"{result.label}: a copy without its canonical article")
            return self._copy(result.canonical, row, now)
        article = result.article
        if article is None:
            raise ValueError(f"{result.label}: no article to store")
        key = text_sha256(article.text)
        seq = seq_of_text(self.db, key)
        if seq is not None:  # stored meanwhile (same text earlier in this run)
            return self._copy(seq, _as(row, "exact", 1.0), now)
        sig = None
        if self.near_dups and result.signature is not None:
            from newsgraph.dedup import NearDuplicateIndex, from_bytes

            sig = from_bytes(result.signature)
            match = NearDuplicateIndex(self.db).find(sig)
            if match is not None:  # a near copy stored meanwhile: keep the first, link this one
                return self._copy(match[0], _as(row, "near", round(match[1], 4)), now)
        new_seq = self.store.insert(article, now, index=False)  # FTS rows: in commit()
        if new_seq is None:
            return "known", None
        record_source(self.db, new_seq, row, now)
        if sig is not None:
            from newsgraph.dedup import NearDuplicateIndex

            NearDuplicateIndex(self.db).add(new_seq, sig)
        return "added", new_seq

    def _copy(self, canonical: int, row: SourceRow, now: str) -> tuple[str, int | None]:
        exists = self.db.execute(
            "SELECT 1 FROM article_sources WHERE source = ? AND text_sha256 = ?",
            (row.source, row.text_sha256),
        ).fetchone()
        if exists or (row.relation == "exact" and known_source(self.db, row.source)):
            return "known", None
        if self.db.execute("SELECT 1 FROM articles WHERE seq = ?", (canonical,)).fetchone() is None:
            raise StoreError(f"{row.source}: its canonical article was deleted during the run")
        record_source(self.db, canonical, row, now)
        return row.relation, canonical


def _as(row: SourceRow, relation: str, similarity: float) -> SourceRow:
    from dataclasses import replace

    return replace(row, relation=relation, similarity=similarity)


__all__ = ["COMMIT_EVERY", "COMMIT_SECONDS", "Writer"]
