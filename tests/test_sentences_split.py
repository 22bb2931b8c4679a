"""Sentence splitting on Arabic and Latin punctuation and line structure."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rasd.sentences import split_sentences


def _texts(text):
    return [text[s.start:s.end] for s in split_sentences(text)]


@pytest.mark.parametrize("text, expected", [
    ("قصفت الطائرات المدينة. وقتل عشرة أشخاص.",
     ["قصفت الطائرات المدينة.", "وقتل عشرة أشخاص."]),
    ("هل ستنسحب القوات؟ لم يؤكد المتحدث ذلك!",
     ["هل ستنسحب القوات؟", "لم يؤكد المتحدث ذلك!"]),
    ("أجرت القاهرة اتصالات مع عدة دول؛ بهدف تنسيق الجهود",
     ["أجرت القاهرة اتصالات مع عدة دول؛", "بهدف تنسيق الجهود"]),
    ("العنوان الفرعي\nوقال الوزير إن الاجتماع انتهى.",
     ["العنوان الفرعي", "وقال الوزير إن الاجتماع انتهى."]),
    ("ارتفع التضخم إلى 3.5 في المئة خلال الربع الأول. وتراجع الدينار.",
     ["ارتفع التضخم إلى 3.5 في المئة خلال الربع الأول.", "وتراجع الدينار."]),
    ("وقال د. محمد علي إن الوضع خطير. وأضاف أن المستشفيات ممتلئة.",
     ["وقال د. محمد علي إن الوضع خطير.", "وأضاف أن المستشفيات ممتلئة."]),
    ("تأسست الجمعية عام 1950 م. في القاهرة وما زالت تعمل.",
     ["تأسست الجمعية عام 1950 م. في القاهرة وما زالت تعمل."]),
    ("وقال المتحدث «لن نتراجع. هذا قرار نهائي» ثم غادر القاعة. وانتهى المؤتمر.",
     ["وقال المتحدث «لن نتراجع. هذا قرار نهائي» ثم غادر القاعة.", "وانتهى المؤتمر."]),
    ("ونقلت وكالة رويترز عن مسؤول في U.S. Army أن القوات باقية.",
     ["ونقلت وكالة رويترز عن مسؤول في U.S. Army أن القوات باقية."]),
    ("زوروا www.eremnews.com للمزيد. شكرا.",
     ["زوروا www.eremnews.com للمزيد.", "شكرا."]),
    ("قال: «سننتصر.» ثم صمت.", ["قال: «سننتصر.»", "ثم صمت."]),
    ("انتظروا... فالأمر لم يحسم بعد", ["انتظروا...", "فالأمر لم يحسم بعد"]),
    ("النقاط هي:\n1. وقف إطلاق النار فورا.\n2. انسحاب القوات.",
     ["النقاط هي:", "1. وقف إطلاق النار فورا.", "2. انسحاب القوات."]),
    ("وقال المتحدث (أ.ف.ب) إن الاتفاق صامد. وانتهى الاجتماع.",
     ["وقال المتحدث (أ.ف.ب) إن الاتفاق صامد.", "وانتهى الاجتماع."]),
    ("   \n\n  ", []),
])
def test_split(text, expected):
    assert _texts(text) == expected


def test_seed_headings_are_their_own_lines(seed_path):
    text = seed_path.read_text(encoding="utf-8")
    sentences = _texts(text)
    assert "اجتماعٌ سري" in sentences
    assert any(s.startswith("كشفت مصادر دبلوماسية") and s.endswith("الأخيرة مع عدة دول عربية وأوروبية؛")
               for s in sentences)
    assert all("\n" not in s for s in sentences)


@settings(max_examples=200, deadline=None)
@given(st.text(st.sampled_from("قال الجيش . ! ؟ ؛ « » \n 3 .5 د"), max_size=80))
def test_sentences_are_ordered_trimmed_spans(text):
    sentences = split_sentences(text)
    last_end = 0
    for i, s in enumerate(sentences):
        assert s.index == i
        assert last_end <= s.start < s.end <= len(text)
        assert not text[s.start].isspace() and not text[s.end - 1].isspace()
        last_end = s.end
    # nothing but white space is left out
    covered = "".join(text[s.start:s.end] for s in sentences)
    assert "".join(covered.split()) == "".join(text.split())
