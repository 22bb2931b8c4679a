"""Time expressions are found in Arabic text and resolved against the publication date."""
from __future__ import annotations

import datetime as dt
import time

import pytest

from rasd.events.timex import find_times
from rasd.model import TimeRef

D = dt.date

# (sentence, published, expected expression text, expected date, expected precision)
CASES = [
    # absolute dates, in every month naming and digit system
    ("وقعت الاشتباكات في 15 يوليو 2023 قرب الحدود", None, "15 يوليو 2023", D(2023, 7, 15), "day"),
    ("وقعت الاشتباكات في ١٥ تموز ٢٠٢٣ قرب الحدود", None, "١٥ تموز ٢٠٢٣", D(2023, 7, 15), "day"),
    ("انطلقت المسيرة يوم 3 جويلية 2022 من العاصمة", None, "3 جويلية 2022", D(2022, 7, 3), "day"),
    ("صدر القرار بتاريخ 15/7/2023 عن المحكمة", None, "15/7/2023", D(2023, 7, 15), "day"),
    ("صدر القرار بتاريخ 2023-07-15 عن المحكمة", None, "2023-07-15", D(2023, 7, 15), "day"),
    ("وصل الوفد الأحد 30 يوليو 2017 إلى بغداد", None, "الأحد 30 يوليو 2017", D(2017, 7, 30), "day"),
    ("اندلعت المواجهات في 5 رمضان 1445 هـ وسط المدينة", None, "5 رمضان 1445 هـ", D(2024, 3, 15), "day"),
    ("أغلق المعبر في 12 كانون الأول الماضي", D(2020, 1, 10), "12 كانون الأول الماضي", D(2019, 12, 12), "day"),
    ("أعلنت الهدنة في 20 مارس", D(2021, 4, 2), "20 مارس", D(2021, 3, 20), "day"),
    ("تعقد الجلسة الثانية في الثالث من حزيران/يونيو المقبل", D(2018, 5, 1),
     "الثالث من حزيران/يونيو المقبل", D(2018, 6, 3), "day"),
    ("وقعت الغارة في الحادي والعشرين من مارس الماضي", D(2018, 5, 1),
     "الحادي والعشرين من مارس الماضي", D(2018, 3, 21), "day"),
    ("بدأت الحملة في مارس/آذار 2018 شمال البلاد", None, "مارس/آذار 2018", D(2018, 3, 1), "month"),
    ("يحاصر الجيش المدينة منذ مايو/أيار الماضي", D(2024, 6, 14), "منذ مايو/أيار الماضي", D(2024, 5, 1), "month"),
    ("تزور البعثة البلاد منتصف جويلية القادم", D(2022, 6, 16), "منتصف جويلية القادم", D(2022, 7, 15), "month"),
    ("يسيطر التنظيم على البلدة منذ عام 2013", D(2024, 6, 14), "منذ عام 2013", D(2013, 1, 1), "year"),
    ("نفذت العملية بين 23 و31 مارس/آذار الماضي", D(2022, 4, 5), "بين 23 و31 مارس/آذار الماضي", D(2022, 3, 23), "week"),
    ("شنت الطائرات غارات خلال شهري ديسمبر ويناير الماضيين", D(2015, 2, 16),
     "خلال شهري ديسمبر ويناير الماضيين", D(2014, 12, 1), "month"),
    # relative days
    ("شنت مقاتلات، فجر اليوم، سلسلة غارات جوية", D(2024, 1, 12), "فجر اليوم", D(2024, 1, 12), "day"),
    ("قتل ثلاثة جنود مساء أمس السبت في كمين", D(2023, 5, 21), "مساء أمس السبت", D(2023, 5, 20), "day"),
    ("أعلن الوزير أمس الثلاثاء قطع العلاقات", D(2021, 8, 25), "أمس الثلاثاء", D(2021, 8, 24), "day"),
    ("وصل الموفد إلى بيروت أمس", D(2024, 2, 10), "أمس", D(2024, 2, 9), "day"),
    ("انفجرت سيارة مفخخة الليلة الماضية في السوق", D(2023, 4, 14), "الليلة الماضية", D(2023, 4, 13), "day"),
    ("قصفت طائرات حربية خلال ساعات الليل مواقع للمسلحين", D(2017, 7, 8), "خلال ساعات الليل", D(2017, 7, 7), "day"),
    ("يصل الوفد غدا الأحد إلى القاهرة", D(2019, 10, 5), "غدا الأحد", D(2019, 10, 6), "day"),
    ("قتل 18 متظاهرا يوم الجمعة وحده", D(2019, 10, 5), "يوم الجمعة", D(2019, 10, 4), "day"),
    ("اعتقلت الشرطة عشرة أشخاص صباح الأحد", D(2023, 5, 24), "صباح الأحد", D(2023, 5, 21), "day"),
    ("تتواصل الاحتجاجات منذ الثلاثاء الماضي", D(2019, 10, 5), "منذ الثلاثاء الماضي", D(2019, 10, 1), "day"),
    ("تدخل الهدنة حيز التنفيذ مساء الاثنين المقبل", D(2023, 5, 21), "مساء الاثنين المقبل", D(2023, 5, 22), "day"),
    ("تسري القرارات اعتبارا من الأحد المقبل", D(2017, 7, 8), "اعتبارا من الأحد المقبل", D(2017, 7, 9), "day"),
    ("أطلقت الفصائل صواريخ فجر الخميس الماضي", D(2022, 8, 28), "فجر الخميس الماضي", D(2022, 8, 25), "day"),
    ("تظاهر الآلاف اليوم الجمعة في الساحات", D(2019, 12, 20), "اليوم الجمعة", D(2019, 12, 20), "day"),
    # relative periods
    ("حذر الرئيس الأسبوع الماضي من المساس بحصة بلاده", D(2021, 4, 6), "الأسبوع الماضي", D(2021, 3, 30), "week"),
    ("تبدأ جولة جديدة من المفاوضات الشهر المقبل", D(2023, 4, 14), "الشهر المقبل", D(2023, 5, 1), "month"),
    ("ارتفعت الأسعار الشهر الماضي بنسبة كبيرة", D(2023, 4, 14), "الشهر الماضي", D(2023, 3, 1), "month"),
    ("أجريت الانتخابات العام الماضي وسط مقاطعة", D(2023, 4, 14), "العام الماضي", D(2022, 1, 1), "year"),
    ("تنتهي المهلة أواخر العام الماضي", D(2023, 4, 14), "أواخر العام الماضي", D(2022, 12, 1), "month"),
    ("وقعت الحوادث مطلع الشهر الجاري", D(2023, 4, 14), "مطلع الشهر الجاري", D(2023, 4, 1), "month"),
    ("نفذ التنظيم منذ مطلع العام أكثر من 40 عملية", D(2022, 8, 27), "منذ مطلع العام", D(2022, 1, 1), "month"),
    ("استولى المسلحون على البلدة قبل يومين", D(2023, 4, 14), "قبل يومين", D(2023, 4, 12), "day"),
    ("أعلن الجيش مقتل قائد الخلية قبل ثلاثة أيام", D(2023, 4, 14), "قبل ثلاثة أيام", D(2023, 4, 11), "day"),
    ("تنتهي المهلة بعد ثلاثة أيام", D(2023, 4, 14), "بعد ثلاثة أيام", D(2023, 4, 17), "day"),
    ("ستقتحم القوات المدينة خلال الأيام القادمة", D(2023, 4, 14), "خلال الأيام القادمة", D(2023, 4, 17), "week"),
    ("أفرجت الهيئة عن المعتقلين خلال الأيام الماضية", D(2024, 3, 15), "خلال الأيام الماضية", D(2024, 3, 12), "week"),
    ("سيعقدون اجتماعا سريا بالقاهرة في غضون أسبوع", D(2023, 5, 21), "في غضون أسبوع", D(2023, 5, 24), "week"),
    ("ارتفع عدد الضحايا خلال الـ24 ساعة الماضية", D(2015, 2, 16), "خلال الـ24 ساعة الماضية", D(2015, 2, 16), "day"),
]


@pytest.mark.parametrize("sentence, published, expression, date, precision", CASES,
                         ids=[c[2] for c in CASES])
def test_expression_is_found_and_resolved(sentence, published, expression, date, precision):
    times = find_times(sentence, published=published)
    assert [t.text for t in times] == [expression]
    t = times[0]
    assert (t.date, t.precision) == (date, precision)
    assert sentence[t.span[0]:t.span[1]] == expression, "the span points into the original text"


# Without a publication date a relative expression keeps its text and span and gets no date.
UNDATED = [
    ("سيعقدون اجتماعًا سريًا بالقاهرة في غضون أسبوع لاستكمال التنسيق", "في غضون أسبوع"),
    ("قتل ثلاثة جنود مساء أمس السبت في كمين", "مساء أمس السبت"),
    ("تتواصل الاشتباكات ليل الأحد في الأحياء الشرقية", "ليل الأحد"),
    ("أجريت الانتخابات العام الماضي وسط مقاطعة", "العام الماضي"),
    ("وقعت المواجهات في 15 يوليو قرب الحدود", "15 يوليو"),
]


@pytest.mark.parametrize("sentence, expression", UNDATED, ids=[c[1] for c in UNDATED])
def test_relative_expression_stays_unresolved_without_a_publication_date(sentence, expression):
    times = find_times(sentence, published=None)
    assert len(times) == 1
    assert times[0] == TimeRef(None, "unknown", expression,
                               (sentence.index(expression), sentence.index(expression) + len(expression)))


# Expressions that take their meaning from another event, or give no date at all.
VAGUE = [
    ("ويأتي الهجوم بعد يومين من التفجير الانتحاري", "بعد يومين من"),
    ("يعاني السكان من نقص حاد في الوقود منذ أشهر", "منذ أشهر"),
    ("هدد الاتحاد بإضرابات أخرى في غضون أسابيع", "في غضون أسابيع"),
    ("استمرت المحادثات نحو أسبوعين", "نحو أسبوعين"),
    # how long a tenure lasted, not a date years after publication
    ("أعلن رئيس الوزراء استقالته بعد 12 عاما في السلطة", "بعد 12 عاما"),
]


@pytest.mark.parametrize("sentence, expression", VAGUE, ids=[c[1] for c in VAGUE])
def test_anchored_or_vague_expression_gets_no_date(sentence, expression):
    times = find_times(sentence, published=D(2023, 4, 14))
    assert [(t.text, t.date, t.precision) for t in times] == [(expression, None, "unknown")]


# Words that look like time words and are not.
NOT_TIMES = [
    "قال الأمين العام للأمم المتحدة إن الوضع خطير",
    "مارس الجيش ضغوطا كبيرة على السكان",
    "نشرت صحيفة الغد الأردنية تقريرا مطولا",
    "عاد المقاتلون في اليوم التالي إلى مواقعهم",
    "بلغ عدد سكان المدينة 125 ألف نسمة",
    "أصدر مجلس الأمن القرار 2254 بالإجماع",
    "قتل ثلاثة جنود في كمين قرب الحدود",
    "ناقش النواب الفصل الثاني من مشروع القانون",
]


@pytest.mark.parametrize("sentence", NOT_TIMES)
def test_no_time_is_invented(sentence):
    assert find_times(sentence, published=D(2023, 4, 14)) == []


@pytest.mark.parametrize("future, expected", [(False, D(2017, 5, 31)), (True, D(2017, 6, 7))])
def test_bare_weekday_looks_back_unless_the_context_is_future(future, expected):
    sentence = "أعلن البرلمان أنه سيصوت الأربعاء على نشر قوات"
    (t,) = find_times(sentence, published=D(2017, 6, 6), future=future)  # a Tuesday
    assert t.date == expected


def test_weekday_of_publication_is_that_day():
    (t,) = find_times("تظاهر الآلاف الجمعة في الساحات", published=D(2019, 12, 20))  # a Friday
    assert t.date == D(2019, 12, 20)


def test_diacritics_and_tatweel_do_not_matter():
    (t,) = find_times("شُنَّت الغاراتُ فجـرَ اليومِ على المواقع", published=D(2024, 1, 12))
    assert (t.date, t.precision, t.text) == (D(2024, 1, 12), "day", "فجـرَ اليومِ")


def test_speed_is_under_a_fifth_of_a_millisecond_per_sentence():
    sentences = [c[0] for c in CASES] + NOT_TIMES
    find_times(sentences[0], published=D(2023, 4, 14))  # compile once
    start = time.perf_counter()
    rounds = 20
    for _ in range(rounds):
        for s in sentences:
            find_times(s, published=D(2023, 4, 14))
    per_sentence = (time.perf_counter() - start) / (rounds * len(sentences))
    assert per_sentence < 0.0002 * 2  # twice the budget: a loaded test machine is slower
