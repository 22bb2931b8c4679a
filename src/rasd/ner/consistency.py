"""One name, one label within a document: tag the other occurrences of a tagged name.

A news article names an actor with a title once ("وزير الدفاع رامسفيلد") and bare afterwards
("رامسفيلد"); the tagger is sure of the first and may miss the rest. Every untagged occurrence
of a word sequence tagged elsewhere in the same document takes that sequence's most frequent
label.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from .evaluate import entity_spans

MIN_KEY_LENGTH = 3  # one- and two-letter words are too ambiguous to carry a label around


def propagate_labels(keys: Sequence[Sequence[str]], tags: Sequence[list[str]]) -> list[list[str]]:
    """Tags with each document entity's label copied to its untagged repetitions.

    ``keys`` are the sentences' word keys (normalized forms), ``tags`` their IOB2 tags.
    """
    votes: dict[tuple[str, ...], Counter[str]] = {}
    for sentence, sentence_tags in zip(keys, tags):
        if sentence_tags.count("O") == len(sentence_tags):
            continue
        for kind, first, last in entity_spans(sentence_tags):
            name = tuple(sentence[first:last + 1])
            if len(name) > 1 or len(name[0]) >= MIN_KEY_LENGTH:
                votes.setdefault(name, Counter())[kind] += 1
    if not votes:
        return [list(t) for t in tags]
    by_first: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for name, counter in votes.items():
        by_first.setdefault(name[0], []).append((name, counter.most_common(1)[0][0]))
    for candidates in by_first.values():
        candidates.sort(key=lambda c: -len(c[0]))  # the longest name wins where names nest
    out = []
    for sentence, sentence_tags in zip(keys, tags):
        new = list(sentence_tags)
        n = len(sentence)
        for i in [i for i, key in enumerate(sentence) if key in by_first]:
            key = sentence[i]
            if new[i] != "O":
                continue
            for name, label in by_first[key]:
                end = i + len(name)
                if (end <= n and tuple(sentence[i:end]) == name
                        and all(t == "O" for t in new[i:end])
                        and not (end < n and new[end].startswith("I-"))):
                    new[i] = "B-" + label
                    for j in range(i + 1, end):
                        new[j] = "I-" + label
                    break
        out.append(new)
    return out


__all__ = ["propagate_labels", "MIN_KEY_LENGTH"]
