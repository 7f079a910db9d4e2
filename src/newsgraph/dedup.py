"""Duplicate detection: exact (text hash) and near (MinHash LSH), and statement keys.

Why this shape:

* **Exact duplicates** are the same extracted text: the store is keyed by its sha256, so the
  check is one indexed lookup.
* **Near duplicates** are the same wire story republished by another outlet with a changed
  headline line, a trimmed last paragraph or a different byline.  We compare word 3-gram
  shingles with MinHash signatures (datasketch's, computed here: see :func:`_permutations`)
  and find candidates with
  locality-sensitive hashing: the signature is cut into ``b`` bands of ``r`` values (datasketch's
  optimal ``b, r`` for :data:`LSH_THRESHOLD`), and two texts are candidates when any band is
  equal.  Candidates are then verified on the whole signature (:data:`MATCH_THRESHOLD`).
* **The LSH index lives in SQLite** (tables ``dedup_signatures`` and ``dedup_bands``) instead of
  in datasketch's in-memory ``MinHashLSH``: it is written in the same transaction as the
  article (so a crash never leaves an article without its index entry, or the reverse), it
  needs no rebuild at start (rebuilding from stored texts costs about as much as extraction:
  ~2-3 ms per article), it does not grow the writer's memory with the corpus, and worker
  processes can query it through a read-only connection *before* analysing a text, which is
  what saves the NLP work for a syndicated copy.  A lookup is ``b`` primary-key probes.
* **Statement keys**: the same quote reported by several articles should count once with
  several sources.  :func:`normalize_statement` folds the differences outlets introduce
  (case, curly vs straight quotes, dashes, punctuation, spacing); the store keeps the key per
  quote and the ``statements`` view groups by it.

numpy is imported lazily: the store imports :func:`normalize_statement`
and must stay light.
"""

from __future__ import annotations

import hashlib
import re
import sqlite3
import unicodedata
from functools import cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    Signature = npt.NDArray[np.uint32]
else:
    Signature = Any

#: Permutations per MinHash signature (512 bytes stored per article).
NUM_PERM = 128
#: Jaccard similarity at which LSH makes two texts candidates about half the time; set below
#: :data:`MATCH_THRESHOLD` so that few true copies are missed by the banding.
LSH_THRESHOLD = 0.6
#: Estimated Jaccard similarity (word 3-grams) from which a text is a copy of an earlier one.
MATCH_THRESHOLD = 0.7
#: Texts shorter than this (in words) are only checked for exact duplicates: a few shared
#: sentences would make two different short items look alike.
MIN_WORDS = 50
#: Words per shingle.
SHINGLE = 3

_WORD = re.compile(r"\w+")
_PUNCT_OR_SPACE = re.compile(r"[\W_]+")


def normalize_statement(text: str) -> str:
    """A key under which outlets' renderings of the same quote agree.

    NFKC, case-folded, every run of punctuation and space collapsed to one space.  ``"We're
    ready — now."`` and ``“we’re ready - now”`` get the same key.
    """
    folded = unicodedata.normalize("NFKC", text).replace("’", "'").casefold()
    folded = folded.replace("'", "")  # "we're" and "were" differ less than "we re" and "were"
    return _PUNCT_OR_SPACE.sub(" ", folded).strip()


def key_hash(key: str) -> int:
    """A normalised statement as a signed 64-bit integer (``statement_keys.key``).

    Why a hash instead of the text: the key is stored and indexed once per quote, and the text
    twice (table and index) cost about 1.2 KB per article; 8 bytes do the same job.  Two
    different statements share a key with probability about n^2 / 2^65 (3e-8 for a million
    distinct statements), which would merge their counts in the ``statements`` view.
    """
    digest = hashlib.blake2b(key.encode("utf-8"), digest_size=8).digest()
    return int.from_bytes(digest, "little", signed=True)


def statement_hash(text: str) -> int:
    """The ``statement_keys.key`` of a quote's text: :func:`key_hash` of :func:`normalize_statement`."""
    return key_hash(normalize_statement(text))


def _shingles(text: str) -> list[bytes]:
    words = _WORD.findall(text.casefold())
    if len(words) < SHINGLE:
        return [" ".join(words).encode()] if words else []
    return list({" ".join(words[i : i + SHINGLE]).encode() for i in range(len(words) - SHINGLE + 1)})


#: The Mersenne prime 2**61 - 1 and the 32-bit mask of the universal hash functions.
_PRIME = (1 << 61) - 1
_MAX_HASH = (1 << 32) - 1
#: Shingles hashed per numpy step (bounds the ``shingles x NUM_PERM`` matrix to ~4 MB).
_BLOCK = 4096


@cache
def _permutations() -> tuple[Any, Any]:
    """``(a, b)``: the parameters of the :data:`NUM_PERM` hash functions of a signature.

    Each is ``h(x) = ((a * x + b) mod p) & (2**32 - 1)`` over the 32-bit hash ``x`` of a
    shingle, ``p = 2**61 - 1``.  They are drawn the way datasketch draws them for
    ``MinHash(num_perm=128, seed=1)`` (numpy ``RandomState(1)``, ``a`` in ``[1, p)`` then ``b``
    in ``[0, p)``, per function), so our signatures are datasketch's, bit for bit (a test
    compares them): stored signatures stay comparable whichever computed them.  We compute
    them ourselves because importing datasketch imports scipy, ~0.4 s in every process.
    """
    import numpy as np

    rng = np.random.RandomState(1)
    pairs = [
        (rng.randint(1, _PRIME, dtype=np.uint64), rng.randint(0, _PRIME, dtype=np.uint64))
        for _ in range(NUM_PERM)
    ]
    a = np.array([pair[0] for pair in pairs], dtype=np.uint64)
    b = np.array([pair[1] for pair in pairs], dtype=np.uint64)
    return a, b


#: ``(bands, rows)`` of the LSH index: what datasketch's optimiser finds for
#: :data:`LSH_THRESHOLD` and :data:`NUM_PERM` with equal weights on false positives and false
#: negatives (``datasketch.lsh._optimal_param(0.6, 128, 0.5, 0.5)``).  A constant because that
#: optimiser integrates numerically for ~0.5 s, in every process; a test checks the two agree.
#: Stored band keys depend on it: changing it needs a migration that rebuilds ``dedup_bands``.
LSH_BANDS_ROWS = (18, 7)


def lsh_params() -> tuple[int, int]:
    """``(bands, rows)`` of the LSH index (:data:`LSH_BANDS_ROWS`)."""
    return LSH_BANDS_ROWS


def _hash32(data: bytes) -> int:
    return int.from_bytes(hashlib.blake2b(data, digest_size=4).digest(), "little")


def signature(text: str) -> Signature | None:
    """The MinHash signature of ``text`` (uint32 values), or None when it is too short."""
    if len(_WORD.findall(text)) < MIN_WORDS:
        return None
    import numpy as np

    a, b = _permutations()
    values = np.full(NUM_PERM, _MAX_HASH, dtype=np.uint64)
    shingles = _shingles(text)
    for start in range(0, len(shingles), _BLOCK):
        hashes = np.array([_hash32(s) for s in shingles[start : start + _BLOCK]], dtype=np.uint64)
        # uint64 arithmetic wraps on overflow, exactly as datasketch's does
        permuted = ((hashes[:, None] * a + b) % np.uint64(_PRIME)) & np.uint64(_MAX_HASH)
        values = np.minimum(values, permuted.min(axis=0))
    signature_values: Signature = values.astype(np.uint32)
    return signature_values


def to_bytes(sig: Signature) -> bytes:
    """Little-endian bytes of a signature (what the store keeps)."""
    return bytes(sig.astype("<u4").tobytes())


def from_bytes(data: bytes) -> Signature:
    import numpy as np

    values: Signature = np.frombuffer(data, dtype="<u4").astype(np.uint32)
    return values


def similarity(a: Signature, b: Signature) -> float:
    """Estimated Jaccard similarity: the share of equal signature values."""
    return float((a == b).mean())


def band_keys(sig: Signature) -> list[tuple[int, int]]:
    """``(band, bucket)`` pairs: bucket is a signed 64-bit hash of the band's values."""
    bands, rows = lsh_params()
    raw = to_bytes(sig)
    width = rows * 4
    keys = []
    for band in range(bands):
        digest = hashlib.blake2b(raw[band * width : (band + 1) * width], digest_size=8).digest()
        keys.append((band, int.from_bytes(digest, "little", signed=True)))
    return keys


class NearDuplicateIndex:
    """The LSH index stored in a newsgraph database (see the module docstring).

    Reads work on any connection (workers use a read-only one); :meth:`add` must run inside
    the writer's transaction, next to the article it indexes.
    """

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn

    def find(self, sig: Signature) -> tuple[int, float] | None:
        """The stored article most similar to ``sig`` above the threshold: ``(seq, similarity)``."""
        candidates: set[int] = set()
        for band, bucket in band_keys(sig):
            rows = self._conn.execute(
                "SELECT article_seq FROM dedup_bands WHERE band = ? AND bucket = ?", (band, bucket)
            )
            candidates.update(int(r[0]) for r in rows)
        best: tuple[int, float] | None = None
        for seq in sorted(candidates):
            row = self._conn.execute(
                "SELECT signature FROM dedup_signatures WHERE article_seq = ?", (seq,)
            ).fetchone()
            if row is None:
                continue
            score = similarity(sig, from_bytes(row[0]))
            if score >= MATCH_THRESHOLD and (best is None or score > best[1]):
                best = (seq, score)
        return best

    def add(self, seq: int, sig: Signature) -> None:
        """Index the stored article ``seq`` (in the caller's transaction)."""
        self._conn.execute(
            "INSERT OR REPLACE INTO dedup_signatures (article_seq, signature) VALUES (?, ?)",
            (seq, to_bytes(sig)),
        )
        self._conn.executemany(
            "INSERT OR IGNORE INTO dedup_bands (band, bucket, article_seq) VALUES (?, ?, ?)",
            [(band, bucket, seq) for band, bucket in band_keys(sig)],
        )


__all__ = [
    "LSH_THRESHOLD",
    "MATCH_THRESHOLD",
    "NearDuplicateIndex",
    "band_keys",
    "key_hash",
    "normalize_statement",
    "signature",
    "similarity",
    "statement_hash",
]
