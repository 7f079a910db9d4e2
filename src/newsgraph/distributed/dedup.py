"""Near-duplicates across a whole Parquet dataset, on Dask: ``newsgraph dedup DIR --engine dask``.

The single-machine path (:mod:`newsgraph.dedup`, used by the ingest writer) decides article by
article, in ingest order: a text equal to a kept article's text is an ``exact`` copy of it;
otherwise the kept article with the most similar MinHash signature among those sharing an LSH
band with it is the original if the similarity reaches :data:`~newsgraph.dedup.MATCH_THRESHOLD`
(ties: the earliest); otherwise the text is kept.  Here the same decision is made over a
dataset that no single machine reads whole:

1. **Keys, per partition** (one task per articles part): each article's ``(band, bucket)``
   keys, from the signature the worker stored (:func:`newsgraph.dedup.band_keys`), plus one key
   for its text hash (exact copies, and texts too short for a signature).
2. **Grouped across partitions** (a hash shuffle of those keys, ``dask.bag.groupby``): every
   key shared by two or more articles gives candidate pairs, whichever shards they are in.
3. **Signatures of the candidates only** are read back (one task per part), and the
   sequential rule above is applied to the candidate pairs in dataset order on the client.
   That step is proportional to the candidates, not to the corpus.

The dataset order is the part name, then the position in the part (what ``load`` and
:func:`read_articles <newsgraph.parquet.read_articles>` follow), so the result is the one the
single-machine path gives on the same articles in the same order: :func:`dedup_single_machine`
is that path, run on an in-memory index, and a test compares the two.
"""

from __future__ import annotations

import hashlib
import posixpath
import sqlite3
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from newsgraph.dedup import MATCH_THRESHOLD, NearDuplicateIndex, band_keys, from_bytes, similarity
from newsgraph.parquet import filesystem, iter_rows, part_files

#: The "band" number of the text-hash key (LSH bands are 0..bands-1).
EXACT_BAND = -1
#: Where ``dedup`` writes its result inside the dataset.
RESULT_PATH = "_dedup/duplicates.parquet"

Order = tuple[int, int]  # (part index, position in the part)
Member = tuple[Order, str]  # (order, text sha256)


@dataclass(frozen=True, slots=True)
class Duplicate:
    """An article that copies an earlier one: ``exact`` (same text) or ``near`` (similar text)."""

    text_sha256: str
    canonical_sha256: str
    relation: str
    similarity: float


def _exact_bucket(sha: str) -> int:
    return int.from_bytes(hashlib.blake2b(sha.encode(), digest_size=8).digest(), "little", signed=True)


def _keys_of_part(item: tuple[int, str, str]) -> list[tuple[tuple[int, int], Member]]:
    """Step 1 for one part: ``((band, bucket), (order, sha))`` for every key of every article."""
    index, root, path = item
    out: list[tuple[tuple[int, int], Member]] = []
    for row in _part_rows(root, path, ["text_sha256", "minhash", "position"]):
        member: Member = ((index, int(row["position"])), str(row["text_sha256"]))
        out.append(((EXACT_BAND, _exact_bucket(member[1])), member))
        if row["minhash"] is not None:
            out.extend((key, member) for key in band_keys(from_bytes(row["minhash"])))
    return out


def _part_rows(root: str, path: str, columns: list[str]) -> Iterator[dict[str, Any]]:
    import pyarrow.parquet as pq

    fs, _ = filesystem(root)
    with fs.open_input_file(path) as fh:
        reader = pq.ParquetFile(fh)
        for group in range(reader.num_row_groups):
            yield from reader.read_row_group(group, columns=columns).to_pylist()


def _pairs(group: tuple[tuple[int, int], list[tuple[tuple[int, int], Member]]]) -> list[tuple[Any, ...]]:
    """Step 2 for one key: ``(later, earlier, exact)`` for every two articles sharing it."""
    key, entries = group
    members = sorted({member for _, member in entries})
    exact = key[0] == EXACT_BAND
    return [
        (members[j][0], members[i][0], exact)
        for j in range(1, len(members))
        for i in range(j)
        if not exact or members[i][1] == members[j][1]
    ]


def _signatures(item: tuple[int, str, str, frozenset[int]]) -> dict[Order, tuple[str, bytes | None]]:
    """Step 3 for one part: text hash and signature of the wanted positions."""
    index, root, path, wanted = item
    found: dict[Order, tuple[str, bytes | None]] = {}
    for row in _part_rows(root, path, ["text_sha256", "minhash", "position"]):
        if int(row["position"]) in wanted:
            found[(index, int(row["position"]))] = (str(row["text_sha256"]), row["minhash"])
    return found


def decide(
    pairs: Iterable[tuple[Order, Order, bool]], info: dict[Order, tuple[str, bytes | None]]
) -> dict[Order, tuple[Order, str, float]]:
    """The sequential rule over candidate pairs, in dataset order: copy -> (original, relation, sim)."""
    earlier: dict[Order, set[Order]] = defaultdict(set)
    exact: dict[Order, set[Order]] = defaultdict(set)
    for later, first, is_exact in pairs:
        (exact if is_exact else earlier)[later].add(first)
    copies: dict[Order, tuple[Order, str, float]] = {}
    for order in sorted(set(earlier) | set(exact)):
        same = sorted(o for o in exact.get(order, ()) if o not in copies)
        if same:
            copies[order] = (same[0], "exact", 1.0)
            continue
        sig = info[order][1]
        if sig is None:
            continue
        mine = from_bytes(sig)
        best: tuple[Order, float] | None = None
        for other in sorted(earlier.get(order, ())):
            other_sig = info[other][1]
            if other in copies or other_sig is None:
                continue
            score = similarity(mine, from_bytes(other_sig))
            if score >= MATCH_THRESHOLD and (best is None or score > best[1]):
                best = (other, score)
        if best is not None:
            copies[order] = (best[0], "near", round(best[1], 4))
    return copies


def dedup_dask(root: str, client: Any = None) -> list[Duplicate]:
    """Near-duplicates of the dataset at ``root`` on the current Dask client (steps 1-3)."""
    import dask.bag as db

    parts = part_files(root, "articles")
    if not parts:
        return []
    compute: dict[str, Any] = {} if client is None else {"scheduler": client.get}
    items = [(i, root, path) for i, path in enumerate(parts)]
    keys = db.from_sequence(items, npartitions=len(items)).map(_keys_of_part).flatten()
    groups = keys.groupby(lambda kv: kv[0], shuffle="tasks", npartitions=max(1, len(items)))
    pairs = groups.map(_pairs).flatten().distinct().compute(**compute)
    wanted: dict[int, set[int]] = defaultdict(set)
    for later, first, _ in pairs:
        wanted[later[0]].add(later[1])
        wanted[first[0]].add(first[1])
    lookups = [(i, root, parts[i], frozenset(pos)) for i, pos in sorted(wanted.items())]
    info: dict[Order, tuple[str, bytes | None]] = {}
    if lookups:
        for found in db.from_sequence(lookups, npartitions=len(lookups)).map(_signatures).compute(**compute):
            info.update(found)
    copies = decide(pairs, info)
    return [
        Duplicate(info[order][0], info[original][0], relation, score)
        for order, (original, relation, score) in sorted(copies.items())
    ]


def dedup_single_machine(root: str) -> list[Duplicate]:
    """The single-machine path over the same dataset, in dataset order (the reference).

    Exactly what the ingest writer does: exact copies by text hash, then
    :class:`~newsgraph.dedup.NearDuplicateIndex` (an in-memory SQLite index) for the rest;
    only kept articles are indexed.
    """
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE TABLE dedup_signatures (article_seq INTEGER PRIMARY KEY, signature BLOB NOT NULL)")
    conn.execute(
        "CREATE TABLE dedup_bands (band INTEGER NOT NULL, bucket INTEGER NOT NULL, "
        "article_seq INTEGER NOT NULL, PRIMARY KEY (band, bucket, article_seq))"
    )
    index = NearDuplicateIndex(conn)
    kept_by_text: dict[str, int] = {}
    kept_sha: list[str] = []
    found: list[Duplicate] = []
    for row in iter_rows(root, "articles", ["text_sha256", "minhash"]):
        sha = str(row["text_sha256"])
        if sha in kept_by_text:
            found.append(Duplicate(sha, sha, "exact", 1.0))
            continue
        sig = None if row["minhash"] is None else from_bytes(row["minhash"])
        match = index.find(sig) if sig is not None else None
        if match is not None:
            found.append(Duplicate(sha, kept_sha[match[0]], "near", round(match[1], 4)))
            continue
        seq = len(kept_sha)
        kept_sha.append(sha)
        kept_by_text[sha] = seq
        if sig is not None:
            index.add(seq, sig)
    return found


def write_result(root: str, duplicates: list[Duplicate]) -> str:
    """Write the duplicates table into the dataset; return its path."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    fs, base = filesystem(root)
    path = posixpath.join(base, RESULT_PATH)
    fs.create_dir(posixpath.dirname(path), recursive=True)
    table = pa.Table.from_pylist(
        [
            {
                "text_sha256": d.text_sha256,
                "canonical_sha256": d.canonical_sha256,
                "relation": d.relation,
                "similarity": d.similarity,
            }
            for d in duplicates
        ],
        schema=pa.schema(
            [
                ("text_sha256", pa.string()),
                ("canonical_sha256", pa.string()),
                ("relation", pa.string()),
                ("similarity", pa.float64()),
            ]
        ),
    )
    pq.write_table(table, path, filesystem=fs)
    return path


__all__ = ["Duplicate", "decide", "dedup_dask", "dedup_single_machine", "write_result"]
