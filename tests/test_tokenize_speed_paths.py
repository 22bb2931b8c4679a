"""The tokenizer's shortcuts give the tokens of the plain definitions: the per-word cache (and
its one-string entries for plain words), the stem test by first letters, the proclitics worked
out once per word."""
from __future__ import annotations

import pytest

import rasd.tokenize as tokenize_module

from rasd.normalize import normalize
from rasd.sentences import split_sentences
from rasd.tokenize import _SUFFIXES, _enclitic, _proclitics, _split, _stems, clear_cache, segment, tokenize

TEXTS = [
    "قال وزير الخارجية المصري سامح شكري إن بلاده ستواصل جهودها لوقف إطلاق النار في غزة.",
    "وأعلنت وزارة الدفاع الأمريكية أن قواتها قصفت مواقع للمسلحين شمالي سوريا، وقُتل ثلاثة منهم.",
    "وبحسب مصادر محلية، فإن الاشتباكات اندلعت بالقرب من بلدة سرت وامتدت إلى محيط مدينة بنغازي.",
    "سيعقدون اجتماعًا في بيروت لبحث الأزمة، وقالوا: «لن نقبل بذلك» بعد لقائهم رئيسَ الحكومة.",
    "وتراجعت أسعار النفط بنسبة 3.5 في المائة يوم الأحد، فيما ارتفع الدولار إلى 1,200 دينار.",
    "للحكومة الليبية موقفها، ولليبيا حدودها؛ والتي أكدها المجلس الرئاسي في طرابلس الغرب.",
    "أكدت قواتنا ومحافظتي نينوى وكركوك أن الوضع مستقرٌ، والحمد لله.",
]


def _plain_tokens(text):
    """What each token must be, from the definitions: surface, normal core, segmentation."""
    out = []
    for t in tokenize(text, split_sentences(text)):
        seg = segment(t.text)
        out.append((t.start, t.end, text[t.start:t.end], normalize(text[t.core_start:t.core_end]),
                    t.start + seg.core_from, t.start + seg.core_to, seg.proclitics, seg.enclitic,
                    t.sentence))
    return out


def _fields(tokens):
    return [(t.start, t.end, t.text, t.norm, t.core_start, t.core_end, t.proclitics, t.enclitic, t.sentence)
            for t in tokens]


@pytest.mark.parametrize("text", TEXTS)
def test_tokens_from_a_cold_and_a_warm_cache_match_the_definitions(text):
    clear_cache()
    cold = _fields(tokenize(text, split_sentences(text)))
    warm = _fields(tokenize(text, split_sentences(text)))
    assert cold == warm == _plain_tokens(text)


@pytest.mark.parametrize("text", TEXTS)
def test_every_token_of_a_type_shares_its_strings(text):
    tokens = tokenize(text + " " + text, split_sentences(text + " " + text))
    half = len(tokens) // 2
    for a, b in zip(tokens[:half], tokens[half:]):
        assert a.text == b.text and a.text is b.text
        if a.norm == a.text:
            assert a.norm is a.text  # a plain word: one string for surface and normal form


@pytest.mark.parametrize("word", [
    "ولاية", "بلادنا", "بلاده", "للحكومة", "الكويت", "والتي", "قانونًا", "بالغة", "سيعقدون", "عليه",
    "وزارتها", "فيها", "أنه", "قواتنا", "الترفيه", "المصريين", "ومحافظتي", "لإسرائيل", "بأن", "كذلك",
])
def test_the_tokenizers_plain_split_is_the_cached_segmentation(word):
    seg = segment(word)
    assert _split(word) == (seg.proclitics, seg.core_from, seg.core_to, seg.enclitic)


def _in_stems_by_every_length(norm, stems):
    """The stem test without the first-letters shortcut."""
    if norm in stems.words:
        return True
    return any(norm[:n] in stems.prefixes for n in range(min(len(norm), stems.longest_prefix), 2, -1))


@pytest.mark.parametrize("word", [
    "بلاد", "بلادنا", "بلادهم", "ولاية", "ولايات", "ليبيا", "مصر", "وزير", "الحكومة", "بغداد", "في",
    "كشفت", "والتي", "تجاهل", "سوريا", "محافظة", "الإمارات", "عن", "أمريكا", "لبنان",
])
def test_the_stem_test_by_first_letters_agrees_with_every_length(word):
    stems = _stems()
    norm = normalize(word)
    assert (norm in stems) == _in_stems_by_every_length(norm, stems)


@pytest.mark.parametrize("word", ["قواتهما", "سياستكما", "منازلهم", "أراضيهن", "بلادها", "شعبكم",
                                  "قواتنا", "قانونا", "وزارته", "اتجاه", "عليه", "ليبي", "لديهم"])
def test_suffixes_tried_by_last_letter_find_what_trying_all_finds(word, monkeypatch):
    stems = _stems()
    grouped = _enclitic(word, stems, normalize(word))

    class EverySuffix(dict):
        def get(self, key, default=None):
            return _SUFFIXES

    monkeypatch.setattr(tokenize_module, "_SUFFIXES_BY_LAST", EverySuffix())
    assert _enclitic(word, stems, normalize(word)) == grouped


@pytest.mark.parametrize("word", ["وبلادنا", "بقواتها", "ولايته", "والتي", "فإنه", "لديهم", "بهذه", "سيارتنا"])
def test_proclitics_handed_to_the_suffix_test_change_nothing(word):
    stems = _stems()
    nword = normalize(word)
    front = _proclitics(word, stems, nword)
    assert _enclitic(word, stems, nword, front) == _enclitic(word, stems, nword)
