"""Compiled loops of the CRF decoder (numba): the per-token work that numpy can only do as
many small array operations or step by step.

The arithmetic is the plain sum the features define, in a fixed order, so a document's labels
do not depend on how it was batched. Compiled code is cached on disk beside this file (or in
numba's per-user cache), so only the first run of an installation compiles (a few seconds).
"""
from __future__ import annotations

import numpy as np
from numba import njit

# Rows of the decoder's per-type tables that stand for the positions just past a sentence's
# end and just before its start (see decode.py), and the columns of its type metadata.
AFTER, BEFORE = 0, 1
BEFORE_KEY, AFTER_KEY, STEM, MARKS = 0, 1, 2, 3


def _compiled(function=None, **options):
    """``function`` compiled, cached on disk where a writable place exists (``options`` go
    to numba: ``_compiled(inline="always")`` for a small helper called per token)."""
    if function is None:
        return lambda f: _compiled(f, **options)
    try:
        return njit(cache=True, nogil=True, **options)(function)
    except RuntimeError:  # no writable cache location (a read-only install): compile per process
        return njit(nogil=True, **options)(function)


# Helpers called per token are inlined where they are used: a compiled call that passes arrays
# counts references on each of them, which cost the emissions loop about a quarter of its time.
@_compiled(inline="always")
def _pair_row(codes: np.ndarray, attribute_rows: np.ndarray, firsts: np.ndarray, width: int,
              left: int, right: int) -> int:
    """The attribute row of the word pair (left, right) in a sorted code table, or -1.

    ``firsts[k]`` is where the codes of left key k begin, so the search runs over the few
    pairs of one left word, not the whole table (fewer cache misses)."""
    if left < 0 or right < 0:
        return -1
    code = left * width + right
    low, high = firsts[left], firsts[left + 1]
    at = low + np.searchsorted(codes[low:high], code)
    if at < high and codes[at] == code:
        return attribute_rows[at]
    return -1


@_compiled
def emissions(rows: np.ndarray, starts: np.ndarray, lengths: np.ndarray, window: np.ndarray,
              table: np.ndarray, meta: np.ndarray, bias: np.ndarray, state: np.ndarray,
              before_codes: np.ndarray, before_rows: np.ndarray, before_firsts: np.ndarray,
              before_width: int, after_codes: np.ndarray, after_rows: np.ndarray,
              after_firsts: np.ndarray, after_width: int,
              cue_left: np.ndarray, cue_right: np.ndarray, stem_marks: np.ndarray) -> np.ndarray:
    """Label scores of every token of a document (its sentences laid end to end).

    A token's score is, in this order: its own type scores and the bias; what each neighbour
    at the ``window`` offsets lends it (the edge rows stand in just outside the sentence); the
    weights of the word pairs it forms with its left and right neighbours; and the cue marks
    next to any occurrence of its stem in the document, left then right.
    """
    n, labels = len(rows), table.shape[2]
    e = np.empty((n, labels))
    left_of = np.empty(n, dtype=np.int64)
    right_of = np.empty(n, dtype=np.int64)
    for s in range(len(starts)):
        first, end = starts[s], starts[s] + lengths[s]
        for i in range(first, end):
            left_of[i] = rows[i - 1] if i > first else BEFORE
            right_of[i] = rows[i + 1] if i + 1 < end else AFTER
            row = rows[i]
            for y in range(labels):
                e[i, y] = table[row, 0, y] + bias[y]
            for slot in range(len(window)):
                j = i + window[slot]
                if first <= j < end:
                    lender = rows[j]
                elif j == first - 1:
                    lender = BEFORE
                elif j == end:
                    lender = AFTER
                else:
                    continue
                for y in range(labels):
                    e[i, y] += table[lender, slot + 1, y]
            pair = _pair_row(before_codes, before_rows, before_firsts, before_width,
                             meta[left_of[i], BEFORE_KEY], meta[row, BEFORE_KEY])
            if pair >= 0:
                for y in range(labels):
                    e[i, y] += state[pair, y]
            pair = _pair_row(after_codes, after_rows, after_firsts, after_width,
                             meta[row, AFTER_KEY], meta[right_of[i], AFTER_KEY])
            if pair >= 0:
                for y in range(labels):
                    e[i, y] += state[pair, y]
    _add_document_cues(e, rows, left_of, right_of, meta, cue_left, cue_right, stem_marks)
    return e


@_compiled
def _add_document_cues(e: np.ndarray, rows: np.ndarray, left_of: np.ndarray, right_of: np.ndarray,
                       meta: np.ndarray, cue_left: np.ndarray, cue_right: np.ndarray,
                       stem_marks: np.ndarray) -> None:
    """Add to each token the weights of the cue marks found left and right of any occurrence
    of its stem in the document ("وزير الدفاع رامسفيلد" … "رامسفيلد").

    ``stem_marks`` (stems × 2, all zero) collects the marks per stem id; it is left zero again.
    """
    if cue_left.shape[0] == 0:
        return
    for i in range(len(rows)):
        stem = meta[rows[i], STEM]
        if stem >= 0:
            stem_marks[stem, 0] |= meta[left_of[i], MARKS]
            stem_marks[stem, 1] |= meta[right_of[i], MARKS]
    cue = np.empty(e.shape[1])
    for i in range(len(rows)):
        stem = meta[rows[i], STEM]
        if stem >= 0:
            _add_cue(e, i, stem_marks[stem, 0], cue_left, cue)
            _add_cue(e, i, stem_marks[stem, 1], cue_right, cue)
    for i in range(len(rows)):
        stem = meta[rows[i], STEM]
        if stem >= 0:
            stem_marks[stem, 0] = 0
            stem_marks[stem, 1] = 0


@_compiled(inline="always")
def _add_cue(e: np.ndarray, token: int, marks: int, weights: np.ndarray, cue: np.ndarray) -> None:
    """Add the summed weights of the mark bits in ``marks`` to one token's scores."""
    if marks == 0:
        return
    cue[:] = 0.0
    for bit in range(weights.shape[0]):
        if (marks >> bit) & 1:
            for y in range(weights.shape[1]):
                cue[y] += weights[bit, y]
    for y in range(weights.shape[1]):
        e[token, y] += cue[y]


@_compiled
def viterbi(e: np.ndarray, starts: np.ndarray, lengths: np.ndarray, transitions: np.ndarray) -> np.ndarray:
    """Best label index of every token of the sentences laid end to end in ``e`` (tokens ×
    labels), each sentence decoded on its own; ties go to the lower label, as numpy's argmax."""
    n, labels = e.shape
    out = np.zeros(n, dtype=np.int64)
    back = np.empty((n, labels), dtype=np.int64)
    delta = np.empty(labels)
    step = np.empty(labels)
    for s in range(len(starts)):
        first, length = starts[s], lengths[s]
        if length == 0:
            continue
        for y in range(labels):
            delta[y] = e[first, y]
        for t in range(first + 1, first + length):
            for y in range(labels):
                best, score = 0, delta[0] + transitions[0, y]
                for source in range(1, labels):
                    candidate = delta[source] + transitions[source, y]
                    if candidate > score:
                        best, score = source, candidate
                back[t, y] = best
                step[y] = score + e[t, y]
            delta[:] = step
        y = 0
        for label in range(1, labels):
            if delta[label] > delta[y]:
                y = label
        last = first + length - 1
        out[last] = y
        for t in range(last, first, -1):
            y = back[t, y]
            out[t - 1] = y
    return out
