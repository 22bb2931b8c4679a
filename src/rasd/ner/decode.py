"""Fast decoding of the trained CRF: per-word-type score vectors and a batched Viterbi.

A linear-chain CRF scores a token as the sum of the weights of its features. Each of our
features depends on one word at a fixed window offset, on a word pair (bigrams), or on the
cue words next to the word's other occurrences in the document. So a word type's share of
the score at each window position is one small vector, summed once and cached; bigrams and
document cues are looked up with array operations; Viterbi runs over all sentences of a
document at once. The tags equal crfsuite's own on the same model (a test checks this);
the work per token is a few array gathers instead of ~50 feature strings.
"""
from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pycrfsuite

from .features import WINDOW, FeatureExtractor, shape

_TYPE_LIMIT = 200_000
_NO_ROW = -1
# The first two rows of the per-type tables stand for the edges between sentences: _AFTER is
# the position just past a sentence's end, _BEFORE the one just before its start.
_AFTER, _BEFORE, _FIRST_ROW = 0, 1, 2


class CrfWeights:
    """A crfsuite model's state and transition weights as numpy arrays."""

    def __init__(self, labels: list[str], attributes: dict[str, int], state: np.ndarray,
                 transitions: np.ndarray):
        self.labels = labels
        self.attributes = attributes
        self.state = state  # (attributes, labels)
        self.transitions = transitions  # (from label, to label)

    @classmethod
    def from_model(cls, model: bytes) -> "CrfWeights":
        """Read the weights out of a crfsuite model file's bytes."""
        tagger = pycrfsuite.Tagger()
        tagger.open_inmemory(model)
        info = tagger.info()
        labels = list(tagger.labels())
        index = {label: i for i, label in enumerate(labels)}
        attributes: dict[str, int] = {}
        for attribute, _ in info.state_features:
            attributes.setdefault(attribute, len(attributes))
        state = np.zeros((len(attributes), len(labels)))
        for (attribute, label), weight in info.state_features.items():
            state[attributes[attribute], index[label]] = weight
        transitions = np.zeros((len(labels), len(labels)))
        for (a, b), weight in info.transitions.items():
            transitions[index[a], index[b]] = weight
        tagger.close()
        return cls(labels, attributes, state, transitions)

    def score(self, features: Sequence[str]) -> np.ndarray:
        """The summed weights of ``features`` for each label."""
        get = self.attributes.get
        rows = [r for r in (get(f) for f in features) if r is not None]
        return self.state[rows].sum(axis=0) if rows else np.zeros(len(self.labels))


class _Bigrams:
    """The model's word-pair features as sorted integer codes, for vectorized lookup."""

    def __init__(self, weights: CrfWeights, prefix: str):
        pairs = [(a[len(prefix):].split("|", 1), row) for a, row in weights.attributes.items()
                 if a.startswith(prefix)]
        self.keys: dict[str, int] = {"<s>": 0, "</s>": 1}
        for (left, right), _ in pairs:
            self.keys.setdefault(left, len(self.keys))
            self.keys.setdefault(right, len(self.keys))
        width = len(self.keys)
        codes = np.array([self.keys[l] * width + self.keys[r] for (l, r), _ in pairs], dtype=np.int64)
        order = np.argsort(codes)
        self.width = width
        self.codes = codes[order]
        self.rows = np.array([row for _, row in pairs], dtype=np.int64)[order]

    def lookup(self, left: np.ndarray, right: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(positions, attribute rows) of the pairs (left[i], right[i]) the model has weights for."""
        if not len(self.codes):
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
        valid = (left >= 0) & (right >= 0)
        codes = np.where(valid, left * self.width + right, -1)
        at = np.minimum(np.searchsorted(self.codes, codes), len(self.codes) - 1)
        hit = valid & (self.codes[at] == codes)
        return np.nonzero(hit)[0], self.rows[at[hit]]


class FastDecoder:
    """Tags documents with a CRF's weights and the extractor its features came from."""

    def __init__(self, weights: CrfWeights, extractor: FeatureExtractor):
        self.weights = weights
        self.extractor = extractor
        n = len(weights.labels)
        self._bias = weights.score(["bias"])
        self._boundary = {o: weights.score([f"{o}:BOUNDARY"]) for o in WINDOW}
        self._before = _Bigrams(weights, "bg-=")
        self._after = _Bigrams(weights, "bg+=")
        marks = sorted({m for flags in extractor.lexicon.flags.values() for m in flags})
        self._mark_bit = {m: i for i, m in enumerate(marks)}
        # the document-cue features "dL=MARK" / "dR=MARK" as one row of weights per mark bit
        self._cue_left = np.array([weights.score([f"dL={m}"]) for m in marks]).reshape(len(marks), n)
        self._cue_right = np.array([weights.score([f"dR={m}"]) for m in marks]).reshape(len(marks), n)
        self._bits = np.arange(len(marks), dtype=np.int64)
        # attribute rows by window slot, keyed by the feature without its "-1:" prefix
        self._own_rows: dict[str, int] = {}
        self._window_rows: list[dict[str, int]] = [{} for _ in WINDOW]
        prefixes = {f"{o}:": slot for slot, o in enumerate(WINDOW)}
        for attribute, r in weights.attributes.items():
            head, sep, rest = attribute.partition(":")
            slot = prefixes.get(head + sep) if sep else None
            if slot is None:
                self._own_rows[attribute] = r
            else:
                self._window_rows[slot][rest] = r
        self._known_rows: dict[str, int] = {}
        self._known_shapes: list[str] = []
        self._known_table = np.zeros((0, 1 + len(WINDOW), n))
        self._zero = len(weights.state)
        self._padded_state = np.vstack([weights.state, np.zeros((1, n))])
        self._rows: dict[str, int] = {}
        self._keys: list[str] = ["", ""]  # word key of each row (none for the edge rows)
        self._stems: dict[str, int] = {}
        capacity = 1024
        self._table = np.zeros((capacity, 1 + len(WINDOW), n))  # per type: own + each offset
        self._meta = np.zeros((capacity, 4), dtype=np.int64)  # before-key, after-key, stem, marks
        self._set_edge_rows()

    def _set_edge_rows(self) -> None:
        """Fill the two sentence-edge rows: the "-1:BOUNDARY" … weights a word next to a
        sentence edge receives, and the "<s>"/"</s>" ends of word pairs."""
        slots = {o: slot for slot, o in enumerate(WINDOW, start=1)}
        self._table[_AFTER] = 0.0
        self._table[_BEFORE] = 0.0
        for offset, vector in self._boundary.items():
            # a word `offset` before the sentence end (offset > 0) or after its start (< 0)
            self._table[_AFTER if offset > 0 else _BEFORE, slots[offset]] = vector
        self._meta[_AFTER] = (_NO_ROW, self._after.keys["</s>"], _NO_ROW, 0)
        self._meta[_BEFORE] = (self._before.keys["<s>"], _NO_ROW, _NO_ROW, 0)

    def _reset(self) -> None:
        """Forget cached word types (a bound on memory for endless streams)."""
        self._rows.clear()
        self._stems.clear()
        del self._keys[_FIRST_ROW:]

    def _row(self, token: str) -> int:
        """The row of the per-type tables for ``token`` (filled on first sight)."""
        row = self._rows.get(token)
        if row is not None:
            return row
        row = len(self._rows) + _FIRST_ROW
        if row >= len(self._table):
            self._table = np.concatenate([self._table, np.zeros_like(self._table)])
            self._meta = np.concatenate([self._meta, np.zeros_like(self._meta)])
        key, kind, _, document_stem, marks = self.extractor.summary(token)
        known = self._known_rows.get(key)
        if known is not None and self._known_shapes[known] == kind:
            self._table[row] = self._known_table[known]  # same key and shape: same features
        else:
            self._table[row] = self._type_scores(token)
        mask = 0
        for m in marks:
            mask |= 1 << self._mark_bit[m]
        stem = _NO_ROW if document_stem is None else self._stems.setdefault(document_stem, len(self._stems))
        self._meta[row] = (self._before.keys.get(key, _NO_ROW), self._after.keys.get(key, _NO_ROW),
                           stem, mask)
        if row < len(self._keys):
            self._keys[row] = key
        else:
            self._keys.append(key)  # rows are handed out in order: row == len(self._keys)
        self._rows[token] = row
        return row



    def _type_scores(self, token: str) -> np.ndarray:
        """A word type's summed weights: at the centre, and lent to each window offset."""
        entry = self.extractor.entry(token)
        zero = self._zero
        rows = [r for r in map(self._own_rows.get, entry.own) if r is not None] or [zero]
        starts = [0]
        for slot_rows in self._window_rows:
            starts.append(len(rows))
            found = [r for r in map(slot_rows.get, entry.neighbour) if r is not None]
            rows.extend(found or (zero,))
        # every group holds at least one row (the zero row), as reduceat needs
        return np.add.reduceat(self._padded_state[rows], starts, axis=0)

    def precompute(self, words: Sequence[str]) -> tuple[list[str], list[str], np.ndarray]:
        """Type scores of frequent words, computed once at training time and shipped, so that
        tagging starts warm: (words, their shapes, scores)."""
        table = np.stack([self._type_scores(w) for w in words]) if words else self._table[:0]
        return list(words), [shape(w) for w in words], table

    def precomputed(self) -> tuple[list[str], list[str], np.ndarray]:
        """The type scores given to use_precomputed (to hand on to a copy)."""
        words = sorted(self._known_rows, key=self._known_rows.__getitem__)
        return words, list(self._known_shapes), self._known_table

    def use_precomputed(self, words: Sequence[str], shapes: Sequence[str], table: np.ndarray) -> None:
        """Take type scores made by ``precompute`` for the same model and lexicon."""
        self._known_rows = {w: i for i, w in enumerate(words)}
        self._known_shapes = list(shapes)
        self._known_table = table

    def _emissions(self, sentences: Sequence[Sequence[str]]
                   ) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        """Label scores of every token of a document, with the sentences' lengths and starts and
        each token's type row.

        The sentences are laid end to end with the two boundary rows between them (and at both
        ends), so every window offset is one shifted gather and the boundary rows supply the
        "sentence edge" weights.
        """
        if len(self._rows) >= _TYPE_LIMIT:
            self._reset()
        lengths = np.array([len(s) for s in sentences], dtype=np.int64)
        known, row = self._rows.get, self._row
        padded: list[int] = [_AFTER, _BEFORE]
        for s in sentences:
            padded.extend([known(t) or row(t) for t in s])  # word rows start at 2, never 0
            padded.append(_AFTER)
            padded.append(_BEFORE)
        pid = np.array(padded, dtype=np.int64)
        size, table = len(pid), self._table
        middle = slice(2, size - 2)
        e = table[pid[middle], 0] + self._bias
        for slot, offset in enumerate(WINDOW, start=1):
            e += table[pid[2 + offset:size - 2 + offset], slot]
        meta = self._meta[pid]
        for bigrams, column in ((self._before, 0), (self._after, 1)):
            keys = meta[:, column]
            if column == 0:  # (previous word, this word)
                left, right = keys[1:size - 3], keys[middle]
            else:  # (this word, next word)
                left, right = keys[middle], keys[3:size - 1]
            at, rows = bigrams.lookup(left, right)
            e[at] += self.weights.state[rows]  # one pair per position: positions are distinct
        marks = meta[:, 3]
        self._add_document_cues(e, meta[middle, 2], marks[1:size - 3], marks[3:size - 1])
        real = pid[middle] >= _FIRST_ROW
        starts = np.cumsum(lengths) - lengths
        return e[real], lengths, starts, pid[middle][real]

    def _add_document_cues(self, e: np.ndarray, stems: np.ndarray, left_marks: np.ndarray,
                           right_marks: np.ndarray) -> None:
        """Add "dL=/dR=" weights: the cue marks next to any occurrence of each token's stem."""
        has_stem = stems >= 0
        if not has_stem.any() or not len(self._bits):
            return
        local, inverse = np.unique(stems[has_stem], return_inverse=True)
        for cue_marks, weights in ((left_marks, self._cue_left), (right_marks, self._cue_right)):
            per_stem = np.zeros(len(local), dtype=np.int64)
            np.bitwise_or.at(per_stem, inverse, cue_marks[has_stem])
            bits = (per_stem[:, None] >> self._bits) & 1
            e[has_stem] += (bits @ weights)[inverse]

    def _viterbi(self, e: np.ndarray, lengths: np.ndarray, starts: np.ndarray) -> np.ndarray:
        """Best label index of every token, all sentences decoded together (longest first, so
        the sentences still running at step t are a prefix of the batch)."""
        n_labels = e.shape[1]
        best = np.zeros(len(e), dtype=np.int64)
        if len(e) == 0:
            return best
        order = np.argsort(-lengths, kind="stable")
        sorted_lengths = lengths[order]
        width, s = int(sorted_lengths[0]), len(order)
        rank = np.empty(s, dtype=np.int64)
        rank[order] = np.arange(s)
        sentence = np.repeat(np.arange(s), lengths)
        position = np.arange(len(e)) - starts[sentence]
        row = rank[sentence]
        scores = np.zeros((s, width, n_labels))
        scores[row, position] = e
        running = np.searchsorted(-sorted_lengths, -np.arange(width), side="left").tolist()  # k: len > t
        trans = self.weights.transitions[None]
        delta = scores[:, 0].copy()
        back = np.zeros((s, width, n_labels), dtype=np.int64)
        candidates = np.empty((s, n_labels, n_labels))
        for t in range(1, width):
            k = running[t]
            c = np.add(delta[:k, :, None], trans, out=candidates[:k])
            back[:k, t] = c.argmax(axis=1)
            np.add(c.max(axis=1), scores[:k, t], out=delta[:k])
        paths = np.zeros((s, width), dtype=np.int64)
        current = delta.argmax(axis=1)
        index = np.arange(s)
        for t in range(width - 1, -1, -1):
            k = running[t]
            paths[:k, t] = current[:k]
            if t > 0:
                current[:k] = back[index[:k], t, current[:k]]
        return paths[row, position]

    def decode(self, sentences: Sequence[Sequence[str]]) -> tuple[list[list[str]], list[list[str]]]:
        """IOB2 tags for the sentences of one document, and the words' lookup keys."""
        if not sentences:
            return [], []
        e, lengths, starts, ids = self._emissions(sentences)
        labels, keys = self.weights.labels, self._keys
        flat = [labels[i] for i in self._viterbi(e, lengths, starts).tolist()]
        flat_keys = [keys[i] for i in ids.tolist()]
        bounds = list(zip(starts.tolist(), lengths.tolist()))
        return [flat[a:a + n] for a, n in bounds], [flat_keys[a:a + n] for a, n in bounds]

    def tag_document(self, sentences: Sequence[Sequence[str]]) -> list[list[str]]:
        """IOB2 tags for the sentences of one document."""
        return self.decode(sentences)[0]


__all__ = ["CrfWeights", "FastDecoder"]
