"""Word clusters from unlabeled Arabic news: Brown-like hierarchical paths, built with numpy.

Each frequent word gets a vector from its left and right neighbours (positive PMI of the
co-occurrence counts, reduced by a randomized SVD); a hierarchical spherical k-means over
those vectors gives every word a path such as "3.1.7.2", whose prefixes are coarse-to-fine
word classes. Deterministic for a given corpus and seed.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

import numpy as np
from scipy import sparse

# (window offset, how many of the most frequent words serve as contexts at that offset)
_CONTEXTS = ((-1, 4000), (1, 4000), (-2, 1000), (2, 1000))


def _ppmi(counts: sparse.csr_matrix, alpha: float = 0.75) -> sparse.csr_matrix:
    """Positive PMI with context-distribution smoothing (Levy et al. 2015)."""
    counts = counts.tocoo()
    total = counts.sum()
    row = np.asarray(counts.sum(axis=1)).ravel()
    col = np.asarray(counts.sum(axis=0)).ravel() ** alpha
    col_total = col.sum()
    pmi = np.log(counts.data / total) - np.log(row[counts.row] / total) - np.log(col[counts.col] / col_total)
    keep = pmi > 0
    return sparse.csr_matrix((pmi[keep], (counts.row[keep], counts.col[keep])), shape=counts.shape)


def _randomized_svd(m: sparse.csr_matrix, k: int, rng: np.random.Generator, iters: int = 3) -> np.ndarray:
    """Left singular vectors scaled by sqrt(singular values): the word vectors."""
    q = m @ rng.standard_normal((m.shape[1], k + 20))
    for _ in range(iters):
        q, _ = np.linalg.qr(q)
        q = m @ (m.T @ q)
    q, _ = np.linalg.qr(q)
    b = (m.T @ q).T
    u_small, s, _ = np.linalg.svd(b, full_matrices=False)
    u = q @ u_small[:, :k]
    return u * np.sqrt(s[:k])


def _kmeans(x: np.ndarray, k: int, rng: np.random.Generator, iters: int = 12) -> np.ndarray:
    """Spherical k-means (k-means++ seeding) on unit rows; returns each row's cluster."""
    n = x.shape[0]
    centres = [x[rng.integers(n)]]
    closest = 1.0 - x @ centres[0]
    for _ in range(1, k):
        p = np.clip(closest, 0, None)
        p = p / p.sum() if p.sum() > 0 else np.full(n, 1.0 / n)
        centres.append(x[rng.choice(n, p=p)])
        closest = np.minimum(closest, 1.0 - x @ centres[-1])
    c = np.stack(centres)
    assign = np.zeros(n, dtype=np.int64)
    for _ in range(iters):
        assign = np.argmax(x @ c.T, axis=1)
        for j in range(k):
            members = x[assign == j]
            if len(members):
                v = members.sum(axis=0)
                c[j] = v / (np.linalg.norm(v) + 1e-12)
    return assign


def _split(x: np.ndarray, ids: np.ndarray, branching: tuple[int, ...], rng: np.random.Generator,
           prefix: str, out: dict[int, str]) -> None:
    """Give every row in ``ids`` a path, splitting groups top-down."""
    if not branching or len(ids) < 2 * branching[0]:
        for i in ids:
            out[int(i)] = prefix
        return
    assign = _kmeans(x[ids], branching[0], rng)
    # number children by size so the paths do not depend on k-means++'s random order
    order = sorted(range(branching[0]), key=lambda j: (-int((assign == j).sum()), j))
    for rank, j in enumerate(order):
        members = ids[assign == j]
        if len(members):
            child = f"{prefix}.{rank}" if prefix else str(rank)
            _split(x, members, branching[1:], rng, child, out)


def word_vectors(sentences: Iterable[list[str]], min_count: int = 3, max_words: int = 80_000,
                 dims: int = 100, seed: int = 13) -> tuple[list[str], np.ndarray]:
    """Unit-length distributional vectors for the frequent words of ``sentences`` (word keys)."""
    sentences = [s for s in sentences if s]
    freq = Counter(w for s in sentences for w in s)
    vocab = [w for w, c in freq.most_common(max_words) if c >= min_count]
    index = {w: i for i, w in enumerate(vocab)}
    ids = np.fromiter((index.get(w, -1) for s in sentences for w in s + ["\0"]), dtype=np.int64)
    rows, cols, width = [], [], 0
    for offset, n_ctx in _CONTEXTS:
        n_ctx = min(n_ctx, len(vocab))
        centre = ids[max(0, -offset): len(ids) - max(0, offset)]
        context = ids[max(0, offset): len(ids) - max(0, -offset)]
        ok = (centre >= 0) & (context >= 0) & (context < n_ctx)
        rows.append(centre[ok])
        cols.append(context[ok] + width)
        width += n_ctx
    r, c = np.concatenate(rows), np.concatenate(cols)
    counts = sparse.csr_matrix((np.ones(len(r), dtype=np.float64), (r, c)), shape=(len(vocab), width))
    vectors = _randomized_svd(_ppmi(counts), dims, np.random.default_rng(seed))
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return vocab, vectors / np.where(norms > 0, norms, 1.0)


def cluster_paths(vocab: list[str], vectors: np.ndarray, branching: tuple[int, ...] = (16, 8, 8, 8),
                  seed: int = 13) -> dict[str, str]:
    """Hierarchical k-means paths ("3.1.7.2") for the words of ``vocab``."""
    paths: dict[int, str] = {}
    _split(vectors, np.arange(len(vocab)), branching, np.random.default_rng(seed), "", paths)
    return {vocab[i]: p for i, p in paths.items() if p}


def build_clusters(sentences: Iterable[list[str]], **options) -> dict[str, str]:
    """Cluster paths for the frequent words of ``sentences`` (lists of word keys)."""
    vocab, vectors = word_vectors(sentences, **options)
    return cluster_paths(vocab, vectors)


def neighbour_votes(vocab: list[str], vectors: np.ndarray, labelled: dict[str, dict[str, float]],
                    k: int = 10, chunk: int = 4096) -> dict[str, dict[str, float]]:
    """For each word, the label distribution of its ``k`` nearest labelled words (itself excluded).

    ``labelled`` maps a word to the share of its training occurrences in each class; a word
    never seen in training thus borrows the classes of the words it is used like.
    """
    index = {w: i for i, w in enumerate(vocab)}
    known = [w for w in labelled if w in index]
    if not known:
        return {}
    kv = vectors[[index[w] for w in known]]
    classes = sorted({c for d in labelled.values() for c in d})
    table = np.array([[labelled[w].get(c, 0.0) for c in classes] for w in known])
    known_pos = {index[w]: j for j, w in enumerate(known)}
    out: dict[str, dict[str, float]] = {}
    for start in range(0, len(vocab), chunk):
        sims = vectors[start:start + chunk] @ kv.T
        for i in range(sims.shape[0]):
            j = known_pos.get(start + i)
            if j is not None:
                sims[i, j] = -1.0  # a word may not vote for itself
        top = np.argpartition(-sims, k, axis=1)[:, :k]
        weights = np.clip(np.take_along_axis(sims, top, axis=1), 0, None)
        votes = np.einsum("ik,ikc->ic", weights, table[top]) / (weights.sum(axis=1, keepdims=True) + 1e-9)
        for i, row in enumerate(votes):
            out[vocab[start + i]] = dict(zip(classes, row.tolist()))
    return out


__all__ = ["build_clusters", "word_vectors", "cluster_paths", "neighbour_votes"]
