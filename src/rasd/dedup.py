"""Near-duplicate documents: MinHash signatures of word shingles, LSH band keys, Jaccard estimates.

The same story republished by several outlets (a wire copy with another intro, a trimmed
paragraph) is one story, not several. A document is reduced to the set of its 5-word windows
(over the normalized words, so hamza, taa marbuta and diacritics do not matter), signed with a
128-permutation MinHash, and cut into 32 bands of 4 rows: two documents that share a band key
are candidates, and are near-duplicates when their estimated Jaccard similarity reaches
``THRESHOLD``. Every hash here is stable across processes and machines (BLAKE2b for words and
band keys, fixed-seed permutations): signatures are stored and compared across runs.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from .normalize import normalize

# 128 permutations cost no more than 64 (hashing the shingles dominates) and halve the error of
# the estimate (±0.04 instead of ±0.06 at J = 0.6): with 64, a copy at J = 0.66 was missed.
NUM_PERM = 128
SEED = 20180218  # fixed: signatures from every run must be comparable
# P(candidate) = 1 - (1 - J^4)^32: 0.99 at J = 0.6, 0.87 at J = 0.5, 0.0002 at J = 0.05
BANDS, ROWS = 32, 4
SHINGLE = 5  # words per shingle
MIN_SHINGLES = 8  # shorter texts (a caption, a headline) are too short to call copies
# Estimated Jaccard of the 5-word shingles from which two documents count as one story told twice.
# Measured on the ANT corpus (README, "Near-duplicate stories"): a 240-word wire copy with its own
# intro and one paragraph trimmed scores 0.63-0.68, and its estimate wanders by +-0.05, so 0.6
# would miss some; between 0.5 and 0.8 ANT holds both republished stories and follow-ups that
# repeat a long background paragraph. Events are matched one by one afterwards (rasd.store), so
# a follow-up's new events stay unmarked and only what it repeats is marked.
THRESHOLD = 0.5
VERSION = f"minhash-{NUM_PERM}-{SEED}-{BANDS}x{ROWS}-w{SHINGLE}-fnv"  # stored; a change re-signs

_WORD = re.compile(r"\w+")
_PRIME = np.uint64(0x100000001B3)  # FNV-1 64-bit prime: folds five word hashes, in order, into one


@dataclass(frozen=True, slots=True)
class Signature:
    """A document's MinHash values and the LSH band keys cut from them."""

    values: np.ndarray  # NUM_PERM unsigned 32-bit minima
    bands: tuple[int, ...]  # BANDS signed 64-bit keys (DuckDB BIGINT), band index mixed in

    def to_bytes(self) -> bytes:
        return self.values.astype("<u4").tobytes()

    @classmethod
    def from_bytes(cls, data: bytes) -> "Signature":
        values = np.frombuffer(data, dtype="<u4").astype(np.uint32)
        return cls(values, band_keys(values))


def shingles(text: str) -> set[bytes]:
    """The distinct 5-word windows of the normalized words of ``text``."""
    words = _WORD.findall(normalize(text).lower())
    return {" ".join(words[i:i + SHINGLE]).encode("utf-8") for i in range(len(words) - SHINGLE + 1)}


@lru_cache(maxsize=1 << 16)
def _word_hash(word: str) -> int:
    """A stable 64-bit hash of one word (cached: a corpus repeats its words)."""
    # 62 bits: numpy converts Python ints below 2^63 quickly
    return int.from_bytes(hashlib.blake2b(word.encode("utf-8"), digest_size=8).digest(), "little") >> 2


def shingle_hashes(text: str) -> np.ndarray:
    """Stable 32-bit hashes of the distinct 5-word windows of ``text`` (what ``shingles`` lists),
    computed from cached word hashes with array arithmetic instead of hashing every window's string."""
    words = _WORD.findall(normalize(text).lower())
    n = len(words) - SHINGLE + 1
    if n <= 0:
        return np.empty(0, dtype=np.uint32)
    ids = np.fromiter(map(_word_hash, words), dtype=np.uint64, count=len(words))
    h = np.zeros(n, dtype=np.uint64)
    for k in range(SHINGLE):  # multiplication wraps modulo 2^64, as intended
        h = h * _PRIME + ids[k:k + n]
    return np.unique((h ^ (h >> np.uint64(32))).astype(np.uint32))


def band_keys(values: np.ndarray) -> tuple[int, ...]:
    """One stable 64-bit key per band of ``ROWS`` values (never Python's salted ``hash()``)."""
    raw = values.astype("<u4").tobytes()
    width = ROWS * 4
    return tuple(int.from_bytes(hashlib.blake2b(bytes([b]) + raw[b * width:(b + 1) * width],
                                                digest_size=8).digest(), "little", signed=True)
                 for b in range(BANDS))


@lru_cache(maxsize=1)
def _permutations():
    """The MinHash permutations of ``SEED``, drawn once (drawing them costs more than signing)."""
    from datasketch import MinHash

    return MinHash(num_perm=NUM_PERM, seed=SEED, scheme="affine32").permutations


def signature(text: str) -> Signature | None:
    """The signature of a document's body, or None when it is too short to compare."""
    from datasketch import MinHash

    grams = shingle_hashes(text)
    if len(grams) < MIN_SHINGLES:
        return None
    # the shingles are hashed already: datasketch only permutes them (its affine32 scheme)
    m = MinHash(num_perm=NUM_PERM, hashfunc=int, scheme="affine32", permutations=_permutations())
    m.update_batch(grams)
    values = np.asarray(m.hashvalues, dtype=np.uint32)
    return Signature(values, band_keys(values))


def similarity(a: Signature, b: Signature) -> float:
    """The estimated Jaccard similarity of two documents' shingle sets."""
    return float(np.count_nonzero(a.values == b.values)) / NUM_PERM


def sentence_words(sentence: str) -> frozenset[str]:
    """The normalized words of an evidence sentence (to tell equivalent sentences)."""
    return frozenset(_WORD.findall(normalize(sentence).lower()))


def same_sentence(a: frozenset[str], b: frozenset[str], threshold: float = 0.5) -> bool:
    """Whether two sentences share most of their words (one copy edited lightly)."""
    if not a or not b:
        return False
    return len(a & b) / len(a | b) >= threshold


__all__ = ["Signature", "signature", "shingles", "band_keys", "similarity", "sentence_words",
           "same_sentence", "shingle_hashes", "THRESHOLD", "VERSION", "NUM_PERM", "BANDS", "ROWS"]
