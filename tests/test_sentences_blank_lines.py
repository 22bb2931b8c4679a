"""Runs of line breaks, numbered items and open quotes: the sentence ends that the fast paths
of split_sentences take or skip."""
from __future__ import annotations

import pytest

from rasd.sentences import split_sentences


def _texts(text):
    return [text[s.start:s.end] for s in split_sentences(text)]


@pytest.mark.parametrize("text, expected", [
    ("العنوان\n\n\nوقال المتحدث إن القوات انسحبت.",
     ["العنوان", "وقال المتحدث إن القوات انسحبت."]),
    ("الفقرة الأولى.\n\n \n\nالفقرة الثانية", ["الفقرة الأولى.", "الفقرة الثانية"]),
    ("\n\n\n", []),
    ("1. انسحاب القوات\n2. تبادل الأسرى", ["1. انسحاب القوات", "2. تبادل الأسرى"]),
    ("12 . بند ثانٍ", ["12 . بند ثانٍ"]),  # a number and a space before the stop: an item
    ("قتل 12. وأصيب آخرون", ["قتل 12.", "وأصيب آخرون"]),  # words before the number: an end
    ("قال «انتهى الأمر. لن نعود» ثم غادر.", ["قال «انتهى الأمر. لن نعود» ثم غادر."]),
    ("قال «انتهى الأمر». ثم غادر.", ["قال «انتهى الأمر».", "ثم غادر."]),
])
def test_split(text, expected):
    assert _texts(text) == expected
    assert [s.index for s in split_sentences(text)] == list(range(len(expected)))
