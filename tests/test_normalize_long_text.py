"""normalize folds a sentence or an article in a few passes over the whole string; the result
must be what folding it character by character gives, whatever marks and letters it holds."""
from __future__ import annotations

import pytest

from rasd.normalize import _table, letter_for_letter, normalize


def _by_character(s: str) -> str:
    table = _table()
    return "".join((table.get(ord(ch), ch) or "") for ch in s)


SENTENCES = [
    "أعلنت وزارة الدفاع الأمريكية إرسال قوات إضافية إلى المنطقة الشرقية",  # the frequent letters only
    "قَصَفَتِ الطّائراتُ مواقعَ المسلّحين جنوبَ العاصمةِ أمسِ",  # harakat and shadda
    "الحكــــومة أعلنت حالة الطوارئ في البلاد لمدة شهرين",  # tatweel
    "\u200fقال الوزير\u200e إن المفاوضات ستستأنف الأسبوع المقبل\u200f",  # direction marks
    "ﻻ تفاوض مع الإرهاب قال ﷲ أكبر المتظاهرون في الساحة",  # ligatures that expand
    "قُتل ١٥٠ شخصاً وأصيب ۲۳ آخرون في الانفجار",  # Arabic-Indic and Persian digits
    "یک گروه از پژوهشگران ایرانی در کنفرانس",  # Persian letters
    "مستشفى الشفاء استقبل الجرحى 😢 حتى مساء الأحد",  # a character outside the BMP
    "ً" * 50 + "ا" * 10,  # many distinct-looking marks of one kind
    "".join(chr(c) for c in range(0x064B, 0x0660)) * 5 + " سوريا",  # every haraka, many times
    "Reuters: the army said on Sunday (AFP) — 2024",  # nothing Arabic at all
]


@pytest.mark.parametrize("text", SENTENCES)
def test_long_text_folds_as_character_by_character(text):
    assert len(text) >= 16  # the multi-pass path
    assert normalize(text) == _by_character(text)
    assert normalize(normalize(text)) == normalize(text)


def test_an_article_with_every_changing_character_folds_as_character_by_character():
    article = " ".join(chr(k) + "ب" for k in sorted(_table())) + " وقالت الحكومة"
    assert normalize(article) == _by_character(article)


@pytest.mark.parametrize("text, expected", [
    ("الحكومة", True),  # letters fold one for one
    ("قَصَفَ", False),  # harakat are deleted
    ("ﻻجئين", False),  # the ligature becomes two letters
    ("\u200fقال", False),  # an invisible mark is deleted
])
def test_letter_for_letter_tells_when_slices_keep_their_place(text, expected):
    assert letter_for_letter(text) is expected
    if expected:
        assert all(normalize(text[i:j]) == normalize(text)[i:j]
                   for i in range(len(text)) for j in range(i, len(text) + 1))
