"""The sentence view's short cuts give what the long way gives: the indexed cue-phrase look-up
equals a scan of every phrase, the one-scan punctuation breaks equal a look at every gap between
tokens, the clause regions filled in runs equal a word-by-word walk, and the per-word-type flags
(Word.reports, Word.opens) say what their definitions say."""
from __future__ import annotations

import re

import pytest

from rasd.events.lexicon import CLAUSE_OPENERS, RELATIVES, default_lexicon
from rasd.events.syntax import NONE, STRONG, WEAK, build_view, cue_phrases, sentence_words
from rasd.model import Mention
from rasd.sentences import split_sentences
from rasd.tokenize import tokenize

SENTENCES = [
    "قصفت الطائرات الحربية مواقع للمسلحين في بلدة قريبة، وأكدت مصادر محلية أن الغارات أسفرت عن مقتل خمسة.",
    "وبحسب المتحدث باسم الجيش فإن القوات ستواصل عملياتها (في الشمال) - حتى إشعار آخر؛ بهدف منع التسلل.",
    "وقال مسؤول طلب عدم الكشف عن اسمه إن الاجتماع الذي عقد في 5 رمضان 1445 هـ انتهى دون اتفاق.",
    "أعلنت كل من مصر والأردن، بالإضافة إلى فرنسا، رفضها للقرار الذي اتخذته الحكومة بعد أن اجتمعت.",
    "من المقرر أن يلتقي الوزير نظيره في 2023-07-15 بينما تستمر المفاوضات: لكن الخلافات ما زالت قائمة!",
    "اعتقلت الشرطة عشرين متظاهرا ممن شاركوا في الاحتجاجات — وفقا لوكالة الأنباء — ثم أفرجت عنهم.",
]
_STRONG_GAP = re.compile("[؛;:.!?؟\n]")
_WEAK_GAP = re.compile("[،,\\-ـ–—()]")
_CLAUSE_WORDS = CLAUSE_OPENERS | RELATIVES | frozenset({"بعد", "قبل", "منذ"})


def _sentence(text: str):
    sentences = split_sentences(text)
    return sentences, tokenize(text, sentences)


def _phrase_by_scan(lex, words, i):
    """The longest cue phrase at word i, by a scan of every phrase that starts with the word."""
    w = words[i]
    if not w.phrase:
        return None
    nxt = words[i + 1].norm if i + 1 < len(words) else None
    for key in (w.norm, w.bare):
        for phrase, cue in lex.phrases.get(key, ()):
            n = len(phrase)
            if n > 1 and (phrase[1] != nxt or i + n > len(words)):
                continue
            if n <= 2 or all(words[i + k].norm == phrase[k] for k in range(2, n)):
                return n, cue
    return None


@pytest.mark.parametrize("text", SENTENCES)
def test_indexed_phrase_lookup_equals_a_scan(text):
    lex = default_lexicon()
    _, tokens = _sentence(text)
    words = sentence_words(tokens, lex)
    assert cue_phrases(words, lex) == [_phrase_by_scan(lex, words, i) for i in range(len(words))]


def test_the_phrase_index_finds_phrases_of_one_two_and_more_words():
    lex = default_lexicon()
    found = set()
    for text in SENTENCES:
        _, tokens = _sentence(text)
        words = sentence_words(tokens, lex)
        found |= {m[0] for m in cue_phrases(words, lex) if m is not None}
    assert {1, 2} <= found and max(found) >= 3  # (من المقرر أن، طلب عدم الكشف ...)


@pytest.mark.parametrize("text", SENTENCES)
def test_breaks_and_clause_regions_equal_the_word_by_word_walk(text):
    lex = default_lexicon()
    sentences, tokens = _sentence(text)
    for s in sentences:
        toks = [t for t in tokens if s.start <= t.start < s.end]
        if not toks:
            continue
        view = build_view(s.index, s.start, s.end, text, toks, [], lex)
        brk = [NONE] * len(toks)
        for i in range(1, len(toks)):
            gap = text[toks[i - 1].end:toks[i].start]
            brk[i] = STRONG if _STRONG_GAP.search(gap) else WEAK if _WEAK_GAP.search(gap) else NONE
        assert view.brk == brk
        clause, rel, c, r, rel_next = [], [], 0, 0, 0
        for i, w in enumerate(view.words):
            if brk[i] or w.clausal or w.bare in _CLAUSE_WORDS or w.norm in _CLAUSE_WORDS:
                new = brk[i] == STRONG or w.bare in CLAUSE_OPENERS or w.norm in CLAUSE_OPENERS or (
                    w.bare in ("بعد", "قبل", "منذ") and i + 1 < len(toks) and view.words[i + 1].norm == "ان")
                if i and not new and w.clausal and (w.conj or brk[i] == WEAK) and view.span_of[i] == -1:
                    new = True
                if i and new:
                    c, r = c + 1, 0
                elif brk[i] != NONE:
                    r = 0
                if w.norm in RELATIVES or w.bare in RELATIVES or (brk[i] == WEAK and w.norm in ("ما", "مما")):
                    rel_next += 1
                    r = rel_next
            clause.append(c)
            rel.append(r)
        assert (view.clause, view.rel) == (clause, rel)


def test_a_mark_inside_a_word_is_no_break():
    lex = default_lexicon()
    text = "عقد الاجتماع في 5 رمضان 1445 هـ وفي مطلع الشهر بمدينة غزة"
    sentences, tokens = _sentence(text)
    assert any("ـ" in t.text for t in tokens)  # the tatweel of «هـ» is inside its token
    view = build_view(0, 0, len(text), text, tokens, [], lex)
    assert all(b == NONE for b in view.brk)
    with_comma = text.replace(" وفي", "، وفي")
    sentences, tokens = _sentence(with_comma)
    view = build_view(0, 0, len(with_comma), with_comma, tokens, [], lex)
    assert view.brk.count(WEAK) == 1 and STRONG not in view.brk


def test_a_generic_place_noun_before_a_name_is_dropped_from_the_spans():
    lex = default_lexicon()
    text = "شنت الطائرات غارات على مدينة درنة"
    sentences, tokens = _sentence(text)
    city = text.index("مدينة")
    darna = text.index("درنة")
    mentions = [Mention(city, city + len("مدينة"), "مدينة", "LOC"),
                Mention(darna, darna + len("درنة"), "درنة", "LOC")]
    view = build_view(0, 0, len(text), text, tokens, mentions, lex)
    assert [s.mention.text for s in view.spans] == ["درنة"]


@pytest.mark.parametrize("word", ["قال", "وأضاف", "أعلنت", "قصفت", "الذين", "بينما", "بعد", "المدينة", "وفيما"])
def test_word_flags_follow_their_definitions(word):
    w = default_lexicon().word(word)
    assert w.reports == any(h.kind in ("report", "cont") for h in w.hits)
    assert w.opens == (w.clausal or w.norm in _CLAUSE_WORDS or w.bare in _CLAUSE_WORDS)
    assert w.event_or_report == any(h.kind in ("trigger", "report", "cont") for h in w.hits)
