"""find_time picks the expression that governs the trigger: its clause first, after it first."""
from __future__ import annotations

import datetime as dt

import pytest

from rasd.events.timex import find_time, lead_time
from rasd.model import Sentence
from rasd.sentences import split_sentences

D = dt.date

# (sentence, trigger, published, expected expression)
CASES = [
    # after the trigger in the same clause, before one in the same clause
    ("سيعقد المسؤولون اجتماعا سريا بالقاهرة في غضون أسبوع بعد أن التقوا أمس", "اجتماعا",
     D(2023, 5, 21), "في غضون أسبوع"),
    # the lede's time between commas governs the announced act
    ("أعلن الرئيس، مساء أمس الاثنين، عدوله عن الترشح، وتأجيل الانتخابات التي كانت مقررة في 18 أفريل المقبل",
     "عدوله", D(2019, 3, 12), "مساء أمس الاثنين"),
    # ... and the relative clause's date governs the postponed elections' own verb
    ("أعلن الرئيس، مساء أمس الاثنين، عدوله عن الترشح، وتأجيل الانتخابات التي كانت مقررة في 18 أفريل المقبل",
     "مقررة", D(2019, 3, 12), "18 أفريل المقبل"),
    # a cause phrase holds another event's time
    ("أعلنت الحكومة، اليوم الخميس، استدعاء القائم بالأعمال احتجاجا على قصف استهدف أمس الأربعاء منتجعا",
     "استدعاء", D(2022, 7, 21), "اليوم الخميس"),
    ("أعلنت الحكومة، اليوم الخميس، استدعاء القائم بالأعمال احتجاجا على قصف استهدف أمس الأربعاء منتجعا",
     "قصف", D(2022, 7, 21), "أمس الأربعاء"),
    # a relative clause right after the trigger still describes it
    ("أعلنت السلطات، اليوم الثلاثاء، ارتفاع حصيلة الهجوم الذي شنه مسلحون على المدينة، فجر أمس الاثنين، إلى 36 قتيلا",
     "الهجوم", D(2016, 3, 8), "فجر أمس الاثنين"),
    # an expression anchored to another event yields to a dated one ...
    ("أعلنت القوات، فجر اليوم الجمعة، إطلاق عملية لفتح المعبر، بعد ثلاثة أسابيع من إغلاقه",
     "عملية", D(2020, 11, 13), "فجر اليوم الجمعة"),
    # ... but belongs to the event it is anchored to
    ("أعلنت القوات، فجر اليوم الجمعة، إطلاق عملية لفتح المعبر، بعد ثلاثة أسابيع من إغلاقه",
     "إغلاقه", D(2020, 11, 13), "بعد ثلاثة أسابيع من"),
    # a later clause's time is used only when the trigger's clause has none
    ("قتل جنديان في انفجار عبوة؛ وقال الجيش إن التحقيق بدأ صباح اليوم", "انفجار",
     D(2021, 6, 1), "صباح اليوم"),
]


def _sentence(text: str) -> Sentence:
    return Sentence(0, 0, len(text))


@pytest.mark.parametrize("text, trigger, published, expected", CASES,
                         ids=[f"{c[1]}->{c[3]}" for c in CASES])
def test_governing_expression(text, trigger, published, expected):
    start = text.index(trigger)
    t = find_time(text, _sentence(text), (start, start + len(trigger)), published)
    assert t.text == expected


def test_no_expression_gives_an_empty_unknown_time():
    text = "قتل ثلاثة جنود في كمين قرب الحدود"
    t = find_time(text, _sentence(text), (0, 3), D(2023, 4, 14))
    assert (t.date, t.precision, t.text, t.span) == (None, "unknown", "", None)


def test_only_the_trigger_sentence_is_read():
    text = "وقعت المعارك صباح أمس السبت. وقال شهود إن القصف طال الأحياء."
    second = split_sentences(text)[1]
    start = text.index("القصف")
    assert find_time(text, second, (start, start + 5), D(2023, 4, 16)).text == ""


def test_seed_meeting_keeps_its_text_without_a_publication_date():
    text = ("وأفادت المصادر بأن مسؤولين لعدة دول عربية وأوروبية سيعقدون اجتماعًا سريًا بالقاهرة "
            "في غضون أسبوع لاستكمال التنسيق المشترك")
    start = text.index("اجتماعًا")
    t = find_time(text, _sentence(text), (start, start + 8), None)
    assert (t.text, t.date, t.precision) == ("في غضون أسبوع", None, "unknown")
    assert text[t.span[0]:t.span[1]] == "في غضون أسبوع"


def test_lead_time_is_the_ledes_dated_expression():
    text = ("أعلنت السلطات، صباح أمس الجمعة، مقتل عشرة جنود في هجوم انتحاري.\n"
            "وقال مصدر أمني إن المهاجمين فجروا سيارة مفخخة.")
    t = lead_time(text, split_sentences(text), D(2017, 7, 8))
    assert (t.text, t.date) == ("صباح أمس الجمعة", D(2017, 7, 7))
    assert lead_time(text, split_sentences(text), None).date is None
