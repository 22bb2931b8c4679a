"""A word list compiled as a character trie matches exactly what the longest-first alternation
of the same words matches, in every regex context it is used in."""
from __future__ import annotations

import re

import pytest

from rasd.events.alternation import longest_first


def _plain(words) -> str:
    return "(?:" + "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True)) + ")"


WORD_SETS = [
    ["ثلاث", "ثلاثه", "ثلاثين", "ثلاثمائه", "ثلاثون", "ثمان", "ثماني", "ثمانيه"],
    ["قتل", "قتلي", "قتيل", "قتيلا", "قتيلان", "مقتل"],
    ["يوم", "يوما", "يومين", "ايام", "الايام", "اليوم"],
    ["ما لا يقل عن", "ما لا يقل علي", "لا يقل عن", "اكثر من", "نحو"],  # several words
    ["a.b", "a+", "(x)", "[y]"],  # regex metacharacters are escaped
    ["عشر", ""],  # an empty word matches the empty string, as in the plain alternation
    [],
]
TEXTS = [
    "قتل ثلاثه وثلاثين شخصا وأصيب ثلاثمائه آخرون خلال ثمانيه ايام",
    "سقط قتيلان ومقتل قتيل واحد بعد يومين من الهجوم اليوم",
    "ما لا يقل عن 28 قتيلا، واكثر من 100 جريح، ونحو ثلاثين مفقودا",
    "a.b a+ (x) [y] axb aa+",
    "عشرات وعشرين عشر",
]
CONTEXTS = ["{}", r"(?<!\w){}(?!\w)", r"{}(?: {})*", r"(?P<w>{})\w{{0,3}}"]


@pytest.mark.parametrize("words", WORD_SETS)
@pytest.mark.parametrize("context", CONTEXTS)
def test_same_matches_as_longest_first_alternation(words, context):
    plain = re.compile(context.format(_plain(words), _plain(words)))
    trie = re.compile(context.format(longest_first(words), longest_first(words)))
    for text in TEXTS:
        assert [m.span() for m in trie.finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_shared_prefixes_are_written_once():
    source = longest_first(["ثلاثه", "ثلاثين", "ثلاثون"])
    assert source.count("ثلاث") == 1
    assert re.fullmatch(source, "ثلاثين") and not re.fullmatch(source, "ثلا")
