"""Fast decoding of the trained CRF: per-word-type score vectors and compiled loops.

A linear-chain CRF scores a token as the sum of the weights of its features. Each of our
features depends on one word at a fixed window offset, on a word pair (bigrams), or on the
cue words next to the word's other occurrences in the document. So a word type's share of
the score at each window position is one small vector, summed once and kept in a table;
a compiled loop (``kernels``) adds up a token's vectors, its word pairs' weights (a binary
search in sorted codes) and its document cues, and runs Viterbi. The tags equal crfsuite's
own on the same model (a test checks this); the work per token is a few vector additions
instead of ~50 feature strings.

Word types live in the table by (lookup key, shape), since the features depend on nothing
else: the model's frequent words come precomputed with it, and a new surface form of a known
word costs one dictionary look-up. The words a document brings that the table lacks are
scored together, in one batch, their feature rows found straight from their keys (``rows``).
"""
from __future__ import annotations

from collections.abc import Sequence
from itertools import chain, compress, repeat
from operator import is_

import numpy as np
import pycrfsuite

from .features import WINDOW, FeatureExtractor, WordEntry, shape, word_keys
from . import kernels
from .kernels import emissions, viterbi
from .rows import TypeRows

_TYPE_LIMIT = 400_000
_NO_ROW = -1
# The first two rows of the per-type tables stand for the edges between sentences: _AFTER is
# the position just past a sentence's end, _BEFORE the one just before its start.
_AFTER, _BEFORE, _FIRST_ROW = kernels.AFTER, kernels.BEFORE, 2
# Columns of the per-type metadata.
_BEFORE_KEY, _AFTER_KEY, _STEM, _MARKS, _KEY = range(5)
assert (_BEFORE_KEY, _AFTER_KEY, _STEM, _MARKS) == (kernels.BEFORE_KEY, kernels.AFTER_KEY, kernels.STEM,
                                                    kernels.MARKS)


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

    def arrays(self) -> dict[str, np.ndarray]:
        """The weights as named arrays (to store beside the model and skip parsing it)."""
        return {"labels": np.array(self.labels), "attributes": np.array(list(self.attributes)),
                "state": self.state, "transitions": self.transitions}

    @classmethod
    def from_arrays(cls, arrays) -> "CrfWeights":
        """Weights from what ``arrays`` gave."""
        names = arrays["attributes"].tolist()
        return cls(arrays["labels"].tolist(), dict(zip(names, range(len(names)))),
                   arrays["state"], arrays["transitions"])

    def score(self, features: Sequence[str]) -> np.ndarray:
        """The summed weights of ``features`` for each label."""
        get = self.attributes.get
        rows = [r for r in (get(f) for f in features) if r is not None]
        return self.state[rows].sum(axis=0) if rows else np.zeros(len(self.labels))


class _Bigrams:
    """The model's word-pair features as sorted integer codes (left key × width + right key),
    searched by the compiled loop."""

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
        # where the pairs of each left key begin (and, last, the end of the table)
        self.firsts = np.searchsorted(self.codes, np.arange(width + 1, dtype=np.int64) * width)


class Decoded:
    """One document's best labels, flat over its tokens, with what the tagger needs next."""

    __slots__ = ("labels", "key_ids", "lengths", "starts")

    def __init__(self, labels: np.ndarray, key_ids: np.ndarray, lengths: np.ndarray,
                 starts: np.ndarray):
        self.labels = labels  # label index of each token (into CrfWeights.labels)
        self.key_ids = key_ids  # the decoder's id of each token's lookup key
        self.lengths = lengths  # tokens per sentence
        self.starts = starts  # first token of each sentence


class _RowGroups:
    """The weight rows of several word types, type after type, as np.add.reduceat sums them:
    centre rows (of the state weights) and rows lent to the window (window blocks). A type with
    none gets the zero row, since reduceat needs every group to hold one."""

    __slots__ = ("own", "own_starts", "lent", "lent_starts", "_zero", "_window_zero")

    def __init__(self, zero: tuple[int], window_zero: tuple[int]):
        self.own: list[int] = []
        self.own_starts: list[int] = []
        self.lent: list[int] = []
        self.lent_starts: list[int] = []
        self._zero, self._window_zero = zero, window_zero

    def add(self, own_rows: Sequence[int], lent_rows: Sequence[int]) -> None:
        """One more type's rows."""
        self.own_starts.append(len(self.own))
        self.own += own_rows or self._zero
        self.lent_starts.append(len(self.lent))
        self.lent += lent_rows or self._window_zero


class FastDecoder:
    """Tags documents with a CRF's weights and the extractor its features came from."""

    def __init__(self, weights: CrfWeights, extractor: FeatureExtractor):
        self.weights = weights
        self.extractor = extractor
        self._transitions = np.ascontiguousarray(weights.transitions, dtype=np.float64)
        self._state = np.ascontiguousarray(weights.state, dtype=np.float64)
        self._window = np.array(WINDOW, dtype=np.int64)
        n = len(weights.labels)
        self._bias = weights.score(["bias"])
        self._boundary = {o: weights.score([f"{o}:BOUNDARY"]) for o in WINDOW}
        self._before = _Bigrams(weights, "bg-=")
        self._after = _Bigrams(weights, "bg+=")
        marks = extractor.lexicon.all_marks()
        self._mark_bit = {m: i for i, m in enumerate(marks)}
        # the document-cue features "dL=MARK" / "dR=MARK" as one row of weights per mark bit
        self._cue_left = np.array([weights.score([f"dL={m}"]) for m in marks]).reshape(len(marks), n)
        self._cue_right = np.array([weights.score([f"dR={m}"]) for m in marks]).reshape(len(marks), n)
        # the features a word has at the centre, by attribute row; the ones it lends its
        # neighbours ("-1:w=…", "2:sh=A" …), by feature without the offset, as one block of
        # weights per feature: a row per window slot
        self._own_rows: dict[str, int] = {}
        self._window_rows: dict[str, int] = {}
        slot_of = {f"{o}:": slot for slot, o in enumerate(WINDOW)}
        lent: list[tuple[int, int, int]] = []
        for attribute, r in weights.attributes.items():
            head, sep, rest = attribute.partition(":")
            slot = slot_of.get(head + sep) if sep else None
            if slot is None:
                self._own_rows[attribute] = r
            else:
                lent.append((self._window_rows.setdefault(rest, len(self._window_rows)), slot, r))
        self._zero = len(weights.state)
        self._padded_state = np.vstack([weights.state, np.zeros((1, n))])
        self._window_zero = len(self._window_rows)
        self._window_blocks = np.zeros((len(self._window_rows) + 1, len(WINDOW), n))
        for feature, slot, r in lent:
            self._window_blocks[feature, slot] = weights.state[r]
        self._type_rows = TypeRows(extractor, self._own_rows, self._window_rows)
        self._known_words: list[str] = []
        self._known_shapes: list[str] = []
        self._rows: dict[str, int] = {}  # surface token -> row
        self._types: dict[tuple[str, str], int] = {}  # (key, shape) -> row
        self._key_ids: dict[str, int] = {}
        self.key_strings: list[str] = []  # the lookup key of each key id
        self._stems: dict[str, int] = {}
        self._stem_scratch = np.zeros((0, 2), dtype=np.int64)
        self._size = _FIRST_ROW
        # rows, keys and stems kept when the table is trimmed
        self._permanent = (_FIRST_ROW, 0, 0)
        self._table = np.zeros((1024, 1 + len(WINDOW), n))  # per type: own + each offset
        self._meta = np.zeros((1024, 5), dtype=np.int64)  # see the _BEFORE_KEY… columns
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
        self._meta[_AFTER] = (_NO_ROW, self._after.keys["</s>"], _NO_ROW, 0, _NO_ROW)
        self._meta[_BEFORE] = (self._before.keys["<s>"], _NO_ROW, _NO_ROW, 0, _NO_ROW)

    def _reserve(self, rows: int) -> None:
        """Room in the tables for ``rows`` more word types."""
        need = self._size + rows
        if need > len(self._table):
            capacity = max(need, 2 * len(self._table))
            # only the rows in use are copied: fresh zeroed memory costs nothing until written
            table = np.zeros((capacity, *self._table.shape[1:]))
            table[:self._size] = self._table[:self._size]
            meta = np.zeros((capacity, 5), dtype=np.int64)
            meta[:self._size] = self._meta[:self._size]
            self._table, self._meta = table, meta

    def _trim(self) -> None:
        """Forget the word types met while tagging (a bound on memory for endless streams)."""
        rows, keys, stems = self._permanent
        self._size = rows
        self._rows = {t: r for t, r in self._rows.items() if r < rows}
        self._types = {k: r for k, r in self._types.items() if r < rows}
        del self.key_strings[keys:]
        self._key_ids = {k: i for k, i in self._key_ids.items() if i < keys}
        self._stems = {k: i for k, i in self._stems.items() if i < stems}

    def _type_meta(self, key: str, kind: str) -> tuple[int, int, int, int, int]:
        """The metadata row of a (key, shape) type: its word-pair key ids, stem id, marks, key id."""
        _, document_stem, marks = self.extractor.key_summary(key, kind)
        return self._meta_row(key, document_stem, marks)

    def _meta_row(self, key: str, document_stem: str | None, marks: tuple[str, ...]
                  ) -> tuple[int, int, int, int, int]:
        """_type_meta from what key_summary said of the type."""
        mask = 0
        for m in marks:
            mask |= 1 << self._mark_bit[m]
        stem = _NO_ROW if document_stem is None else self._stems.setdefault(document_stem, len(self._stems))
        key_id = self._key_ids.get(key)
        if key_id is None:
            key_id = self._key_ids[key] = len(self.key_strings)
            self.key_strings.append(key)
        return (self._before.keys.get(key, _NO_ROW), self._after.keys.get(key, _NO_ROW),
                stem, mask, key_id)

    def _add_tokens(self, tokens: list[str]) -> None:
        """Give rows to surface tokens not seen before, scoring the new types in one batch."""
        self._reserve(len(tokens))
        first = self._size
        metas: list[tuple[int, int, int, int, int]] = []
        groups = self._row_groups()
        types, rows = self._types, self._rows
        type_rows = self._type_rows.rows
        for token, key in zip(tokens, word_keys(tokens)):
            kind = shape(token)
            row = types.get((key, kind))
            if row is None:
                # a new type: its feature rows found once, for its scores (as _entry_scores
                # finds them from describe's strings), and its metadata
                own_rows, lent_rows, stem, marks = type_rows(key, kind)
                row = types[(key, kind)] = first + len(metas)
                metas.append(self._meta_row(key, stem, marks))
                groups.add(own_rows, lent_rows)
            rows[token] = row
        if metas:
            self._size = first + len(metas)
            self._meta[first:self._size] = metas
            self._sum_rows(groups, self._table, first)

    def _type_scores(self, types: Sequence[tuple[str, str]]) -> np.ndarray:
        """(key, shape) types' summed weights: at the centre, and lent to each window offset."""
        describe = self.extractor.describe
        return self._entry_scores([describe(key, kind) for key, kind in types])

    def _entry_scores(self, entries: Sequence[WordEntry]) -> np.ndarray:
        """_type_scores of described types."""
        own_get, window_get = self._own_rows.get, self._window_rows.get
        groups = self._row_groups()
        for entry in entries:
            groups.add([r for r in map(own_get, entry.own) if r is not None],
                       [r for r in map(window_get, entry.neighbour) if r is not None])
        out = np.empty((len(entries), 1 + len(WINDOW), self._padded_state.shape[1]))
        self._sum_rows(groups, out, 0)
        return out

    def _row_groups(self) -> _RowGroups:
        return _RowGroups((self._zero,), (self._window_zero,))

    def _sum_rows(self, groups: _RowGroups, out: np.ndarray, first: int) -> None:
        """Rows ``first``… of ``out`` (a table shaped as the decoder's) get the scores of the
        types in ``groups``."""
        end = first + len(groups.own_starts)
        out[first:end, 0] = np.add.reduceat(self._padded_state[groups.own], groups.own_starts, axis=0)
        out[first:end, 1:] = np.add.reduceat(self._window_blocks[groups.lent], groups.lent_starts, axis=0)

    def precompute(self, words: Sequence[str]) -> tuple[list[str], list[str], np.ndarray]:
        """Type scores of frequent words, computed once at training time and shipped, so that
        tagging starts warm: (words, their shapes, scores)."""
        words = list(words)
        shapes = [shape(w) for w in words]
        types = list(zip(words, shapes))  # the words are lookup keys already
        parts = [self._type_scores(types[i:i + 2000]) for i in range(0, len(types), 2000)]
        table = np.concatenate(parts) if parts else self._table[:0]
        return words, shapes, table

    def precomputed(self) -> tuple[list[str], list[str], np.ndarray]:
        """The type scores given to use_precomputed (to hand on to a copy)."""
        rows = slice(_FIRST_ROW, _FIRST_ROW + len(self._known_words))
        return list(self._known_words), list(self._known_shapes), self._table[rows].copy()

    def use_precomputed(self, words: Sequence[str], shapes: Sequence[str], table: np.ndarray) -> None:
        """Take type scores made by ``precompute`` for the same model and lexicon (the words are
        lookup keys); they stay in the table for good."""
        self._size = _FIRST_ROW
        self._rows, self._types, self._key_ids, self._stems = {}, {}, {}, {}
        self.key_strings = []
        self._known_words, self._known_shapes = list(words), list(shapes)
        # room for the new words of a long run too: growing copies the whole table, while
        # fresh zeroed memory costs nothing until a row is written
        self._reserve(3 * len(words) + 1024)
        rows = slice(_FIRST_ROW, _FIRST_ROW + len(words))
        if words:
            self._meta[rows] = np.array([self._type_meta(w, k) for w, k in zip(words, shapes)],
                                        dtype=self._meta.dtype)
        self._types = dict(zip(zip(words, shapes), range(rows.start, rows.stop)))
        self._size = rows.stop
        self._table[rows] = table
        self._permanent = (self._size, len(self.key_strings), len(self._stems))

    def _emissions(self, flat: list[str], sentence_lengths: Sequence[int]
                   ) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        """Label scores of every token of a document, with the sentences' lengths and starts and
        each token's type row (``flat``: the sentences laid end to end)."""
        if len(self._rows) >= _TYPE_LIMIT:
            self._trim()
        get = self._rows.get
        ids = list(map(get, flat))
        if None in ids:
            missing = list(compress(range(len(ids)), map(is_, ids, repeat(None))))
            self._add_tokens(list(dict.fromkeys(map(flat.__getitem__, missing))))
            for i in missing:
                ids[i] = get(flat[i])
        lengths = np.array(sentence_lengths, dtype=np.int64)
        starts = np.cumsum(lengths) - lengths
        rows = np.array(ids, dtype=np.int64)
        before, after = self._before, self._after
        e = emissions(rows, starts, lengths, self._window, self._table, self._meta, self._bias,
                      self._state, before.codes, before.rows, before.firsts, before.width, after.codes,
                      after.rows, after.firsts, after.width, self._cue_left, self._cue_right, self._stem_marks())
        return e, lengths, starts, rows

    def _stem_marks(self) -> np.ndarray:
        """The zeroed scratch table the compiled loop gathers each stem's cue marks in."""
        if len(self._stem_scratch) < len(self._stems):
            self._stem_scratch = np.zeros((2 * len(self._stems), 2), dtype=np.int64)
        return self._stem_scratch

    def _viterbi(self, e: np.ndarray, lengths: np.ndarray, starts: np.ndarray) -> np.ndarray:
        """Best label index of every token, each sentence decoded on its own (a compiled loop:
        stepping numpy through a sentence costs more than the arithmetic)."""
        return viterbi(np.ascontiguousarray(e), starts, lengths, self._transitions)

    def decode_flat(self, sentences: Sequence[Sequence[str]]) -> Decoded:
        """Best labels of a document's tokens, flat, with their key ids and sentence bounds."""
        return self.decode_words(list(chain.from_iterable(sentences)), list(map(len, sentences)))

    def decode_words(self, words: list[str], lengths: Sequence[int]) -> Decoded:
        """decode_flat of a document's words laid end to end, ``lengths`` words per sentence."""
        e, lengths, starts, rows = self._emissions(words, lengths)
        return Decoded(self._viterbi(e, lengths, starts), self._meta[rows, _KEY], lengths, starts)

    def decode(self, sentences: Sequence[Sequence[str]]) -> tuple[list[list[str]], list[list[str]]]:
        """IOB2 tags for the sentences of one document, and the words' lookup keys."""
        if not sentences:
            return [], []
        decoded = self.decode_flat(sentences)
        labels, keys = self.weights.labels, self.key_strings
        flat = [labels[i] for i in decoded.labels.tolist()]
        flat_keys = [keys[i] for i in decoded.key_ids.tolist()]
        bounds = list(zip(decoded.starts.tolist(), decoded.lengths.tolist()))
        return [flat[a:a + n] for a, n in bounds], [flat_keys[a:a + n] for a, n in bounds]

    def tag_document(self, sentences: Sequence[Sequence[str]]) -> list[list[str]]:
        """IOB2 tags for the sentences of one document."""
        return self.decode(sentences)[0]


__all__ = ["CrfWeights", "FastDecoder", "Decoded"]
