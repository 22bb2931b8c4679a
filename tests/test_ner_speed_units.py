"""The tagger's document-wide units and entity reading agree with the plain per-sentence ones."""
from __future__ import annotations

import numpy as np
import pytest

from rasd.model import Sentence, Token
from rasd.ner.consistency import flat_spans, propagate_flat, propagate_spans
from rasd.ner.evaluate import entity_spans
from rasd.ner.units import document_units, units_of_sentence
from rasd.sentences import split_sentences
from rasd.tokenize import tokenize

TEXTS = [
    # plain prose: gaps are single spaces but for the full stops
    "قال وزير الخارجية سامح شكري إن مصر ترفض التدخل. وأضاف أن القاهرة ستستضيف القمة.",
    # punctuation of every kind between words, quotes, brackets, a colon and a question mark
    "أعلن «الجيش السوري الحر» (المعارض)، أمس: سيطرنا على حلب؟ ثم نفى ذلك!",
    # diacritics and tatweel right after a word, which stay part of it
    "قالَ الرئيسُ عبدالفتّاح السيسي ـ في كلمته ـ إنّ مصرَ بخيـــر.",
    # numbers with decimal points, Latin words and a line break between sentences
    "ارتفع سعر النفط 3.5 دولار في نيويورك.\nوقالت وكالة Reuters إن الطلب زاد 1,200 برميل.",
    # a sentence of punctuation only, and spaces of several kinds
    "...\n\n  انفجرت سيارة مفخخة  في بغداد\u00a0صباح اليوم .  ",
    "",
]


def _plain(text: str, sentences: list[Sentence], tokens: list[Token]
           ) -> tuple[list[tuple[int, int]], list[str], list[Token | None], list[int]]:
    """Units the plain way: each sentence on its own, with the tokens of its index."""
    spans, words, owners, lengths = [], [], [], []
    for s in sentences:
        s_spans, s_words, s_owners = units_of_sentence(text, s, [t for t in tokens if t.sentence == s.index])
        spans += s_spans
        words += s_words
        owners += s_owners
        lengths.append(len(s_words))
    return spans, words, owners, lengths


def _check(text: str, sentences: list[Sentence], tokens: list[Token]) -> None:
    units = document_units(text, sentences, tokens)
    spans, words, owners, lengths = _plain(text, sentences, tokens)
    assert units.words == words
    assert units.lengths == lengths
    assert [units.span(u) for u in range(len(units.words))] == spans
    assert [o is p for o, p in zip(units.owners, owners)] == [True] * len(owners)


@pytest.mark.parametrize("text", TEXTS)
def test_document_units_equal_the_plain_units_of_each_sentence(text):
    sentences = split_sentences(text)
    _check(text, sentences, tokenize(text, sentences))


@pytest.mark.parametrize("text", TEXTS[:4])
def test_document_units_of_a_document_with_a_sentence_without_tokens(text):
    # the tokens of the second sentence are missing: its units come from the plain pattern
    sentences = split_sentences(text)
    tokens = [t for t in tokenize(text, sentences) if t.sentence != 1]
    _check(text, sentences, tokens)


@pytest.mark.parametrize("text", TEXTS[:4])
def test_document_units_of_tokens_out_of_sentence_order(text):
    sentences = split_sentences(text)
    tokens = tokenize(text, sentences)
    last = max(t.sentence for t in tokens)
    shuffled = [t for t in tokens if t.sentence == last] + [t for t in tokens if t.sentence != last]
    _check(text, sentences, shuffled)
    _check(text, list(reversed(sentences)), tokens)


def test_a_mark_after_a_word_extends_the_word_not_the_unit_before_the_sentence():
    text = "زار الوفد دمشقَ"
    sentences = [Sentence(0, 0, len(text))]
    # tokens that leave the last word's fatha out: the mark joins the word before it
    tokens = [Token(0, 3, "زار", "زار", 0, 3), Token(4, 9, "الوفد", "الوفد", 4, 9),
              Token(10, 14, "دمشق", "دمشق", 10, 14)]
    units = document_units(text, sentences, tokens)
    assert units.words == ["زار", "الوفد", "دمشقَ"]
    assert units.span(2) == (10, 15)


def _random_tags(rng: np.random.Generator, length: int) -> list[str]:
    tags = ["O", "B-PER", "I-PER", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "I-MISC"]
    return [tags[i] for i in rng.integers(0, len(tags), size=length)]


@pytest.mark.parametrize("seed", range(12))
def test_flat_spans_equal_the_plain_iob2_reading_per_sentence(seed):
    rng = np.random.default_rng(seed)
    sentences = [_random_tags(rng, int(n)) for n in rng.integers(0, 9, size=5)]
    classes = {"PER": 1, "LOC": 2, "ORG": 3, "MISC": 4}
    kinds, inside, starts, expected, offset = [], [], [], [], 0
    for tags in sentences:
        for j, tag in enumerate(tags):
            kinds.append(0 if tag == "O" else classes[tag[2:]])
            inside.append(tag.startswith("I-"))
            starts.append(j == 0)
        expected += [(classes[k], offset + a, offset + b) for k, a, b in entity_spans(tags)]
        offset += len(tags)
    got = flat_spans(np.array(kinds, dtype=np.int64), np.array(inside, dtype=bool),
                     np.array(starts, dtype=bool))
    assert got == expected


def test_a_mark_opening_a_sentence_stays_out_of_the_sentence_before():
    text = "زار دمشقَ ثم عاد"
    # a sentence cut right before the fatha: the mark opens the second sentence
    sentences = [Sentence(0, 0, 8), Sentence(1, 8, len(text))]
    tokens = [Token(0, 3, "زار", "زار", 0, 3), Token(4, 8, "دمشق", "دمشق", 4, 8),
              Token(10, 12, "ثم", "ثم", 10, 12, sentence=1), Token(13, 16, "عاد", "عاد", 13, 16, sentence=1)]
    _check(text, sentences, tokens)
    assert document_units(text, sentences, tokens).words == ["زار", "دمشق", "ثم", "عاد"]


@pytest.mark.parametrize("keys, tags", [
    # "رامسفيلد" tagged once and bare later: the repetition is copied, the spans read again
    ([["وزير", "الدفاع", "رامسفيلد", "قال"], ["ان", "رامسفيلد", "وصل"]],
     [["O", "O", "B-PER", "O"], ["O", "O", "O"]]),
    # nothing to copy: the spans of the tagger's own labels stand
    ([["زار", "شكري", "القاهره"], ["ثم", "عاد"]], [["O", "B-PER", "B-LOC"], ["O", "O"]]),
    # a two-word name repeated, and a short word that carries no label around
    ([["عمر", "البشير", "في", "الخرطوم"], ["قال", "عمر", "البشير", "ان", "في"]],
     [["B-PER", "I-PER", "B-LOC", "B-LOC"], ["O", "O", "O", "O", "O"]]),
    ([["لا", "شيء"]], [["O", "O"]]),
])
def test_propagation_gives_the_spans_of_its_own_result(keys, tags):
    classes = {"PER": 1, "LOC": 2, "ORG": 3, "MISC": 4}
    ids: dict[str, int] = {}
    flat_ids, kinds, inside, starts, ends = [], [], [], [], []
    for sentence, sentence_tags in zip(keys, tags):
        end = len(flat_ids) + len(sentence)
        for j, (key, tag) in enumerate(zip(sentence, sentence_tags)):
            flat_ids.append(ids.setdefault(key, len(ids)))
            kinds.append(0 if tag == "O" else classes[tag[2:]])
            inside.append(tag.startswith("I-"))
            starts.append(j == 0)
            ends.append(end)
    arrays = (np.array(kinds, dtype=np.int64), np.array(inside, dtype=bool), np.array(starts, dtype=bool),
              np.array(ends, dtype=np.int64))
    new_kinds, new_inside, spans = propagate_spans(flat_ids, list(ids), *arrays)
    plain_kinds, plain_inside = propagate_flat(flat_ids, list(ids), *arrays)
    assert new_kinds.tolist() == plain_kinds.tolist() and new_inside.tolist() == plain_inside.tolist()
    assert spans == flat_spans(new_kinds, new_inside, arrays[2])


def _words_between(text: str, cuts: list[tuple[int, int]]) -> list[Token]:
    """Tokens at the given character spans (what a tokenizer would give)."""
    return [Token(a, b, text[a:b], text[a:b], a, b) for a, b in cuts]


@pytest.mark.parametrize("text, cuts", [
    # plain spaces, a comma glued to a word, a full stop before a space
    ("قال الوزير، إن الوفد وصل. ثم غادر", [(0, 3), (4, 10), (12, 14), (15, 19), (20, 23), (26, 28), (29, 33)]),
    # gaps of a non-breaking space, a tab, a line break and two spaces: only whitespace, so plain
    ("زار\u00a0الوفد\tدمشق\nوبيروت  أمس", [(0, 3), (4, 9), (10, 14), (15, 21), (23, 26)]),
    # tokens that touch, a gap of one letter the tokens left out, and a tatweel
    ("ب2013مـ والرياض", [(0, 1), (1, 5), (6, 7), (8, 15)]),
    # a lone surrogate in a gap (a broken page): still one character
    ("قال \ud800 الوزير «نعم»", [(0, 3), (6, 12), (14, 17)]),
    # overlapping tokens (an empty gap read backwards) and a single token
    ("الأمم المتحدة", [(0, 5), (3, 13)]),
    ("غزة", [(0, 3)]),
])
def test_odd_gaps_are_the_gaps_holding_more_than_whitespace(text, cuts):
    from rasd.ner.units import _odd_gaps
    tokens = _words_between(text, cuts)
    starts, ends = [t.start for t in tokens], [t.end for t in tokens]
    plain = [i for i in range(1, len(tokens)) if text[ends[i - 1]:starts[i]].strip()]
    assert _odd_gaps(text, starts, ends) == plain
    # and the units of the whole text are the plain ones
    _check(text, [Sentence(0, 0, len(text))], tokens)
