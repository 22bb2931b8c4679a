"""One name, one label within a document: tag the other occurrences of a tagged name.

A news article names an actor with a title once ("وزير الدفاع رامسفيلد") and bare afterwards
("رامسفيلد"); the tagger is sure of the first and may miss the rest. Every untagged occurrence
of a word sequence tagged elsewhere in the same document takes that sequence's most frequent
label.

The work is done on flat arrays over the document's tokens (a class number per token, 0 for
outside, and whether the token continues an entity), so that only the few tokens that are
tagged, or repeat a tagged name, are looked at one by one.
"""
from __future__ import annotations

from collections.abc import Sequence
from itertools import compress

import numpy as np

MIN_KEY_LENGTH = 3  # one- and two-letter words are too ambiguous to carry a label around


def flat_spans(kinds: np.ndarray, inside: np.ndarray, sentence_start: np.ndarray
               ) -> list[tuple[int, int, int]]:
    """(class, first, last) of each entity, read the way seqeval reads IOB2 (an inside tag
    after outside or after another class opens an entity; sentences never share one)."""
    tagged = np.flatnonzero(kinds > 0)
    if not len(tagged):
        return []
    # a document has a few dozen tagged tokens: stepping through them beats whole-array passes
    out: list[tuple[int, int, int]] = []
    last_at, last_kind = -2, 0
    for at, kind, continues, opens_sentence in zip(tagged.tolist(), kinds[tagged].tolist(),
                                                   inside[tagged].tolist(),
                                                   sentence_start[tagged].tolist()):
        if continues and not opens_sentence and last_at == at - 1 and last_kind == kind:
            out[-1] = (kind, out[-1][1], at)
        else:
            out.append((kind, at, at))
        last_at, last_kind = at, kind
    return out


def propagate_flat(key_ids: Sequence[int], key_strings: Sequence[str], kinds: np.ndarray,
                   inside: np.ndarray, sentence_start: np.ndarray, sentence_end: np.ndarray
                   ) -> tuple[np.ndarray, np.ndarray]:
    """Classes and inside flags with each document entity's class copied to its untagged
    repetitions.

    ``key_ids`` number the tokens' word keys (same key, same id; ``key_strings[id]`` is the
    key); ``sentence_end[i]`` is the position just past token i's sentence.
    """
    kinds, inside, _ = propagate_spans(key_ids, key_strings, kinds, inside, sentence_start, sentence_end)
    return kinds, inside


def propagate_spans(key_ids: Sequence[int], key_strings: Sequence[str], kinds: np.ndarray,
                    inside: np.ndarray, sentence_start: np.ndarray, sentence_end: np.ndarray
                    ) -> tuple[np.ndarray, np.ndarray, list[tuple[int, int, int]]]:
    """propagate_flat, with the flat_spans of its result (read once where nothing was copied)."""
    spans = flat_spans(kinds, inside, sentence_start)
    if not spans:
        return kinds, inside, spans
    keys = list(key_ids)
    votes: dict[tuple[int, ...], dict[int, int]] = {}
    for kind, first, last in spans:
        name = tuple(keys[first:last + 1])
        if len(name) > 1 or len(key_strings[name[0]]) >= MIN_KEY_LENGTH:
            counts = votes.setdefault(name, {})
            counts[kind] = counts.get(kind, 0) + 1
    if not votes:
        return kinds, inside, spans
    by_first: dict[int, list[tuple[tuple[int, ...], int]]] = {}
    for name, counts in votes.items():
        # the most frequent class; the first seen among equals (max keeps the first maximum)
        by_first.setdefault(name[0], []).append((name, max(counts, key=counts.__getitem__)))
    for candidates in by_first.values():
        candidates.sort(key=lambda c: -len(c[0]))  # the longest name wins where names nest
    # the untagged repetitions: a set look-up per token (np.isin costs more on a document)
    untagged = kinds.tolist()
    where = [i for i in compress(range(len(keys)), map(by_first.__contains__, keys)) if not untagged[i]]
    if not where:
        return kinds, inside, spans
    kinds, inside = kinds.copy(), inside.copy()
    ends = sentence_end.tolist()
    copied = False
    for i in where:
        if kinds[i] != 0:
            continue  # a name copied just before covers it
        end_of_sentence = ends[i]
        for name, kind in by_first[keys[i]]:
            end = i + len(name)
            if (end <= end_of_sentence and tuple(keys[i:end]) == name
                    and not kinds[i:end].any()
                    and not (end < end_of_sentence and kinds[end] and inside[end])):
                kinds[i:end] = kind
                inside[i] = False
                inside[i + 1:end] = True
                copied = True
                break
    return kinds, inside, (flat_spans(kinds, inside, sentence_start) if copied else spans)


def propagate_labels(keys: Sequence[Sequence[str]], tags: Sequence[list[str]]) -> list[list[str]]:
    """Tags with each document entity's label copied to its untagged repetitions.

    ``keys`` are the sentences' word keys (normalized forms), ``tags`` their IOB2 tags.
    """
    ids: dict[str, int] = {}
    classes: dict[str, int] = {}
    flat_keys, flat_kinds, flat_inside, starts, ends = [], [], [], [], []
    for sentence, sentence_tags in zip(keys, tags):
        end = len(flat_keys) + len(sentence)
        for j, (key, tag) in enumerate(zip(sentence, sentence_tags)):
            flat_keys.append(ids.setdefault(key, len(ids)))
            flat_kinds.append(0 if tag == "O" else classes.setdefault(tag[2:], len(classes) + 1))
            flat_inside.append(tag.startswith("I-"))
            starts.append(j == 0)
            ends.append(end)
    kinds, inside = propagate_flat(flat_keys, list(ids), np.array(flat_kinds, dtype=np.int64),
                                   np.array(flat_inside, dtype=bool), np.array(starts, dtype=bool),
                                   np.array(ends, dtype=np.int64))
    names = {i: c for c, i in classes.items()}
    out, k = [], 0
    for sentence in tags:
        row = []
        for _ in sentence:
            row.append("O" if kinds[k] == 0 else ("I-" if inside[k] else "B-") + names[int(kinds[k])])
            k += 1
        out.append(row)
    return out


__all__ = ["propagate_labels", "propagate_flat", "propagate_spans", "flat_spans", "MIN_KEY_LENGTH"]
