"""Tokens with clitics split off: offsets kept, real stems left whole."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rasd.normalize import normalize
from rasd.sentences import split_sentences
from rasd.tokenize import segment, tokenize


def _split(word):
    seg = segment(word)
    return seg.proclitics, word[seg.core_from:seg.core_to], seg.enclitic


@pytest.mark.parametrize("word, proclitics, core, enclitic", [
    # stems whose first or last letters look like clitics stay whole
    ("ولاية", (), "ولاية", ""),
    ("بغداد", (), "بغداد", ""),
    ("وزير", (), "وزير", ""),
    ("كشفت", (), "كشفت", ""),
    ("فرنسا", (), "فرنسا", ""),
    ("بيروت", (), "بيروت", ""),
    ("ليبيا", (), "ليبيا", ""),
    ("سوريا", (), "سوريا", ""),
    ("الذي", (), "الذي", ""),
    ("الله", (), "الله", ""),
    ("ألمانيا", (), "ألمانيا", ""),
    ("تجاه", (), "تجاه", ""),
    ("تفاهم", (), "تفاهم", ""),
    ("ذلك", (), "ذلك", ""),
    ("لاسيما", (), "لاسيما", ""),
    ("المصري", ("ال",), "مصري", ""),     # a nisba adjective, not "my"
    ("محافظتي", (), "محافظتي", ""),      # a construct dual ("the two provinces of"), not "my"
    ("قانونا", (), "قانونا", ""),        # an accusative, not قانو + نا
    ("بالغة", (), "بالغة", ""),          # not ب + ال + غة
    ("والتي", ("و",), "التي", ""),
    ("بذلك", ("ب",), "ذلك", ""),
    ("لهذه", ("ل",), "هذه", ""),
    ("الترفيه", ("ال",), "ترفيه", ""),
    ("سارعت", (), "سارعت", ""),          # the future prefix comes before يتنأ only
    # the article, and the article after a preposition
    ("الليبي", ("ال",), "ليبي", ""),
    ("الكويت", ("ال",), "كويت", ""),
    ("بالقاهرة", ("ب", "ال"), "قاهرة", ""),
    ("والحكومة", ("و", "ال"), "حكومة", ""),
    ("للحكومة", ("ل", "ال"), "حكومة", ""),   # لل = ل + ال with the alef dropped
    ("لليبيا", ("ل",), "ليبيا", ""),         # لل = ل before a stem in ل
    # conjunctions, prepositions, the future prefix
    ("وبنغازي", ("و",), "بنغازي", ""),
    ("بمدينة", ("ب",), "مدينة", ""),
    ("بريف", ("ب",), "ريف", ""),
    ("سيعقدون", ("س",), "يعقدون", ""),
    ("وسيعقدون", ("و", "س"), "يعقدون", ""),
    ("ووزير", ("و",), "وزير", ""),
    ("وأشارت", ("و",), "أشارت", ""),
    ("فإن", ("ف",), "إن", ""),
    ("وقد", ("و",), "قد", ""),
    # pronoun suffixes
    ("قواته", (), "قوات", "ه"),
    ("حكومتها", (), "حكومت", "ها"),
    ("عليه", (), "علي", "ه"),
    ("فيها", (), "في", "ها"),
    ("بينهم", (), "بين", "هم"),
    ("وقادتهم", ("و",), "قادت", "هم"),
    ("بلادنا", (), "بلاد", "نا"),
    ("قواتنا", (), "قوات", "نا"),
    ("الحكم", ("ال",), "حكم", ""),          # not ال + ح + كم
    ("المتهم", ("ال",), "متهم", ""),        # not ال + مت + هم
    ("اتجاهها", (), "اتجاه", "ها"),
    ("اتجاه", (), "اتجاه", ""),
    ("وجهه", (), "وجه", "ه"),
    # diacritics inside the word do not change the analysis
    ("اجتماعًا", (), "اجتماعًا", ""),
    ("بِمَدِينَةِ", ("ب",), "مَدِينَةِ", ""),
])
def test_segment(word, proclitics, core, enclitic):
    assert _split(word) == (proclitics, core, enclitic)


def test_tokens_of_a_sentence():
    text = "وأفادت المصادر بأن مسؤولين سيعقدون اجتماعًا سريًا بالقاهرة."
    tokens = tokenize(text, split_sentences(text))
    assert [t.text for t in tokens] == ["وأفادت", "المصادر", "بأن", "مسؤولين", "سيعقدون",
                                        "اجتماعًا", "سريًا", "بالقاهرة"]
    cairo = tokens[-1]
    assert text[cairo.core_start:cairo.core_end] == "قاهرة"
    assert cairo.norm == "قاهره"
    assert cairo.proclitics == ("ب", "ال")
    assert tokens[4].norm == "يعقدون" and tokens[4].proclitics == ("س",)


def test_numbers_stay_whole_and_tokens_know_their_sentence():
    text = "قتل 12 شخصا. وأصيب ١٥٠ آخرون بنسبة 3.5 في المئة."
    tokens = tokenize(text, split_sentences(text))
    assert [t.text for t in tokens if t.text[0].isdigit()] == ["12", "١٥٠", "3.5"]
    assert [t.sentence for t in tokens] == [0, 0, 0, 1, 1, 1, 1, 1, 1, 1]
    assert tokens[4].norm == "150"


def test_seed_tokens_cover_the_text(seed_path):
    text = seed_path.read_text(encoding="utf-8")
    tokens = tokenize(text, split_sentences(text))
    assert len(tokens) > 300
    by_text = {t.text: t for t in tokens}
    assert by_text["بمدينة"].norm == normalize("مدينة")
    assert by_text["الليبية"].proclitics == ("ال",)
    assert by_text["وفجر"].proclitics == ("و",)


@settings(max_examples=200, deadline=None)
@given(st.text(st.sampled_from(list("وفبلكسالتيهمنادرةقعًٌّـ ") + [" ", ".", "\n", "3", "؟", "«", "»"]),
               max_size=80))
def test_token_spans_inside_their_sentence(text):
    sentences = split_sentences(text)
    tokens = tokenize(text, sentences)
    for t in tokens:
        s = sentences[t.sentence]
        assert s.start <= t.start <= t.core_start < t.core_end <= t.end <= s.end
        assert text[t.start:t.end] == t.text
        assert t.norm == normalize(text[t.core_start:t.core_end])
