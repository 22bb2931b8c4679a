"""The units the tagger reads: the pipeline's word tokens plus the punctuation between them.

The training corpus keeps punctuation as tokens; the pipeline's word tokens do not, so any
non-space character between two tokens of a sentence becomes a unit of its own (a diacritic
or tatweel right after a word stays part of that word). ``units_of_sentence`` does this for one
sentence; ``document_units`` for a whole document at once, with the same result: it looks at
each token only in a few whole-document list operations, and one by one only at the gaps that
are not plain spaces (about one in eight), since per-sentence and per-token Python steps were
most of its cost.
"""
from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from operator import attrgetter

import numpy as np

from ..model import Sentence, Token

_FALLBACK_WORDS = re.compile(r"\w+|[^\w\s]")
_GAP_CACHE = 4096


@dataclass(slots=True)
class Units:
    """A document's units, flat: texts, word tokens (None for punctuation), and how many units
    each sentence has (in the order the sentences were given). A unit's span is its token's,
    unless ``spans`` holds it (punctuation, and a word that took a mark after its token)."""

    words: list[str] = field(default_factory=list)
    owners: list[Token | None] = field(default_factory=list)
    lengths: list[int] = field(default_factory=list)
    spans: dict[int, tuple[int, int]] = field(default_factory=dict)

    def span(self, unit: int) -> tuple[int, int]:
        """The character span of one unit."""
        found = self.spans.get(unit)
        if found is not None:
            return found
        token = self.owners[unit]
        return token.start, token.end  # type: ignore[union-attr]


def sentence_units(text: str, sentence: Sentence, tokens: Sequence[Token]) -> list[tuple[int, int]]:
    """Character spans of one sentence's units (its word tokens and the punctuation between)."""
    return units_of_sentence(text, sentence, tokens)[0]


def units_of_sentence(text: str, sentence: Sentence, tokens: Sequence[Token]
                      ) -> tuple[list[tuple[int, int]], list[str], list[Token | None]]:
    """Character spans of one sentence's units, their texts and word tokens (the plain way)."""
    if not tokens:
        spans = [m.span() for m in _FALLBACK_WORDS.finditer(text, sentence.start, sentence.end)]
        return spans, [text[a:b] for a, b in spans], [None] * len(spans)
    starts = [t.start for t in tokens]
    ends = [t.end for t in tokens]
    # the usual gap is one space: only the others are looked at closer
    gaps = [text[a:b] for a, b in zip([sentence.start, *ends], [*starts, sentence.end])]
    odd = [i for i, g in enumerate(gaps) if g != " " and g]
    token_spans = list(zip(starts, ends))
    texts = [t.text for t in tokens]
    if not odd:
        return token_spans, texts, list(tokens)
    spans: list[tuple[int, int]] = []
    words: list[str] = []
    owners: list[Token | None] = []
    done = 0
    for i in odd:
        spans.extend(token_spans[done:i])
        words.extend(texts[done:i])
        owners.extend(tokens[done:i])
        done = i
        _gap_units(text, ends[i - 1] if i else sentence.start,
                   starts[i] if i < len(tokens) else sentence.end, spans, words, owners)
    spans.extend(token_spans[done:])
    words.extend(texts[done:])
    owners.extend(tokens[done:])
    return spans, words, owners


def _gap_units(text: str, start: int, end: int, spans: list[tuple[int, int]], words: list[str],
               owners: list[Token | None]) -> None:
    """Punctuation between word tokens as one-character units; a diacritic or tatweel right
    after a word stays part of that word."""
    for i in range(start, end):
        ch = text[i]
        if ch.isspace():
            continue
        if unicodedata.category(ch)[0] in "MC" or ch == "\u0640":
            if spans and spans[-1][1] == i:
                spans[-1] = (spans[-1][0], i + 1)
                words[-1] = text[spans[-1][0]:i + 1]
            continue
        spans.append((i, i + 1))
        words.append(ch)
        owners.append(None)


@lru_cache(maxsize=_GAP_CACHE)
def _gap_layout(gap: str) -> tuple[tuple[int, bool], ...]:
    """Each non-space character of a gap: its offset in the gap, and whether it is a mark
    (or tatweel) that joins the unit before it. The same few gaps (". ", "، ", ") ") recur."""
    return tuple((i, unicodedata.category(ch)[0] in "MC" or ch == "\u0640")
                 for i, ch in enumerate(gap) if not ch.isspace())


def _add_gap(text: str, start: int, end: int, first: int, units: Units) -> None:
    """The units of text[start:end] (between two tokens, or a token and the sentence's edge),
    added to ``units``, whose current sentence begins at unit ``first``."""
    words, spans = units.words, units.spans
    for offset, mark in _gap_layout(text[start:end]):
        at = start + offset
        if mark:
            _join_mark(text, at, first, units)
            continue
        spans[len(words)] = (at, at + 1)
        words.append(text[at])
        units.owners.append(None)


def _join_mark(text: str, at: int, first: int, units: Units) -> None:
    """A mark (or tatweel) at ``at`` joins the unit right before it, if that unit is in the
    current sentence (from unit ``first``) and ends there."""
    last = len(units.words) - 1
    if last >= first:
        last_start, last_end = units.span(last)
        if last_end == at:
            units.spans[last] = (last_start, at + 1)
            units.words[last] = text[last_start:at + 1]


def _token_ranges(sentences: Sequence[Sentence], sentence_of: list[int]) -> list[tuple[int, int]] | None:
    """Each sentence's tokens as one range of the token list (tokens come sentence by
    sentence), or None where they do not (the plain way then groups them)."""
    if sentence_of != sorted(sentence_of):
        return None
    return [(bisect_left(sentence_of, s.index), bisect_right(sentence_of, s.index)) for s in sentences]


def document_units(text: str, sentences: Sequence[Sentence], tokens: Sequence[Token]) -> Units:
    """The units of every sentence, laid end to end: what ``units_of_sentence`` gives for each
    sentence and the tokens whose ``sentence`` is its index."""
    units = Units()
    ranges = _token_ranges(sentences, list(map(attrgetter("sentence"), tokens)))
    if ranges is None:
        return _units_per_sentence(text, sentences, tokens, units)
    starts = list(map(attrgetter("start"), tokens))
    ends = list(map(attrgetter("end"), tokens))
    texts = list(map(attrgetter("text"), tokens))
    # the tokens after a gap holding more than spaces (a sentence's first token: its leading
    # gap is looked at below)
    odd = _odd_gaps(text, starts, ends)
    words, owners, spans = units.words, units.owners, units.spans
    for s, (a, b) in zip(sentences, ranges):
        first = len(words)
        if a == b:
            _fallback_units(text, s, units)
            units.lengths.append(len(words) - first)
            continue
        if starts[a] > s.start:
            _add_gap(text, s.start, starts[a], first, units)
        done = a
        for i in odd[bisect_right(odd, a):bisect_left(odd, b)]:
            words += texts[done:i]
            owners += tokens[done:i]
            done = i
            # _add_gap, written out: a document has a few dozen such gaps
            gap_start = ends[i - 1]
            gap = text[gap_start:starts[i]]
            for offset, mark in _gap_layout(gap):
                if mark:
                    _join_mark(text, gap_start + offset, first, units)
                else:
                    spans[len(words)] = (gap_start + offset, gap_start + offset + 1)
                    words.append(gap[offset])
                    owners.append(None)
        words += texts[done:b]
        owners += tokens[done:b]
        if s.end > ends[b - 1]:
            _add_gap(text, ends[b - 1], s.end, first, units)
        units.lengths.append(len(words) - first)
    return units


def _odd_gaps(text: str, starts: list[int], ends: list[int]) -> list[int]:
    """The tokens i (from 1) whose gap after token i - 1 holds more than whitespace.

    Most gaps are one plain space or nothing; numpy picks out the others, and only those are
    sliced and read (slicing all ~280 gaps of an article was a quarter of document_units)."""
    if len(starts) < 2:
        return []
    after = np.array(ends[:-1], dtype=np.int64)
    length = np.array(starts[1:], dtype=np.int64) - after
    plain = length == 0
    single = np.flatnonzero(length == 1)
    if len(single):
        # one code point per character (surrogatepass: a lone surrogate is one too)
        codes = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
        plain[single] = codes[after[single]] == 32
    return [i for i in (np.flatnonzero(~plain) + 1).tolist() if text[ends[i - 1]:starts[i]].strip()]


def _fallback_units(text: str, sentence: Sentence, units: Units) -> None:
    """A sentence without word tokens: its words and punctuation by a plain pattern."""
    for m in _FALLBACK_WORDS.finditer(text, sentence.start, sentence.end):
        units.spans[len(units.words)] = m.span()
        units.words.append(m.group())
        units.owners.append(None)


def _units_per_sentence(text: str, sentences: Sequence[Sentence], tokens: Sequence[Token],
                        units: Units) -> Units:
    """document_units for tokens that do not come sentence by sentence: grouped by sentence
    index, each sentence done the plain way."""
    by_sentence: dict[int, list[Token]] = {}
    for t in tokens:
        by_sentence.setdefault(t.sentence, []).append(t)
    for s in sentences:
        spans, words, owners = units_of_sentence(text, s, by_sentence.get(s.index, ()))
        at = len(units.words)
        units.spans.update((at + k, span) for k, span in enumerate(spans))
        units.words.extend(words)
        units.owners.extend(owners)
        units.lengths.append(len(words))
    return units


__all__ = ["Units", "sentence_units", "units_of_sentence", "document_units"]
