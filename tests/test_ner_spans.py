"""Flat entity spans and batched word keys: the fast paths agree with the plain ones."""
from __future__ import annotations

import numpy as np
import pytest

from rasd.ner.consistency import flat_spans, propagate_labels
from rasd.ner.evaluate import entity_spans
from rasd.ner.features import shape, word_key, word_keys

CLASSES = {"PER": 1, "LOC": 2, "ORG": 3, "MISC": 4}


def _flat(sentences: list[list[str]]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    kinds, inside, starts = [], [], []
    for tags in sentences:
        for j, tag in enumerate(tags):
            kinds.append(0 if tag == "O" else CLASSES[tag[2:]])
            inside.append(tag.startswith("I-"))
            starts.append(j == 0)
    return np.array(kinds, dtype=np.int64), np.array(inside, dtype=bool), np.array(starts, dtype=bool)


@pytest.mark.parametrize("sentences", [
    # وزير الخارجية سامح شكري في القاهرة
    [["O", "O", "B-PER", "I-PER", "O", "B-LOC"]],
    # an inside tag after outside opens an entity, as seqeval reads it
    [["O", "I-ORG", "I-ORG", "O"]],
    # a change of class opens a new entity; B after B is two entities
    [["B-ORG", "I-ORG", "I-LOC", "B-LOC", "B-LOC"]],
    # sentences never share an entity, even when the second opens with an inside tag
    [["O", "B-PER", "I-PER"], ["I-PER", "O"], ["B-MISC"], ["O", "O"]],
    [["O", "O", "O"]],
])
def test_flat_spans_read_tags_like_seqeval(sentences):
    expected, offset = [], 0
    for tags in sentences:
        expected += [(CLASSES[k], offset + a, offset + b) for k, a, b in entity_spans(tags)]
        offset += len(tags)
    assert flat_spans(*_flat(sentences)) == expected


def test_propagation_stops_at_the_end_of_a_sentence():
    # "عمر البشير" is tagged; a later sentence ending on "عمر" must not borrow the second word
    keys = [["زار", "عمر", "البشير"], ["قال", "عمر"], ["البشير", "وصل"]]
    tags = [["O", "B-PER", "I-PER"], ["O", "O"], ["O", "O"]]
    assert propagate_labels(keys, tags) == tags


@pytest.mark.parametrize("tokens", [
    ["قال", "الرئيسُ", "عبدالفتّاح", "السيسي", "،", "إنّ", "مصر"],
    ["وDell", "2011", "٢٠١٠", "COVID-19", "أمريكا", "ـ", "ﻻ"],
    ["x"],
])
def test_word_keys_of_a_batch_equal_each_word_key(tokens):
    assert word_keys(tokens) == [word_key(t) for t in tokens]


@pytest.mark.parametrize("token, expected", [
    ("القاهرة", "A"), ("الرئيسُ", "A"), ("وللأمم", "A"), ("،", "P"), ("؟؟", "P"), ("«", "P"),
    ("2011", "D"), ("٢٠١٠", "X"), ("Dell", "Lu"), ("وDell", "Lu"), ("iphone", "L"), ("x١", "X"),
    ("ﻻ", "X"),
])
def test_shape(token, expected):
    assert shape(token) == expected
