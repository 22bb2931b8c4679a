"""The time reader runs only the rules whose words a sentence holds; what it finds must be
exactly what running every rule on every sentence finds."""
from __future__ import annotations

import datetime as dt

import pytest

from rasd.events import timex
from rasd.events.alternation import clitic_words
from rasd.normalize import normalized_segment

# sentences written for this test: each names a time in a different way, or almost does
SENTENCES = [
    "قصفت الطائرات مواقع المسلحين فجر اليوم الأحد قرب الحدود",
    "وقعت الاشتباكات في 15 يوليو 2023 في ريف المدينة",
    "أغلق المعبر منذ 12 كانون الأول الماضي بقرار من الحكومة",
    "اندلعت المواجهات في 5 رمضان 1445 هـ وسط البلدة",
    "قال المتحدث الذي رفض الكشف عن اسمه إن الهجوم وقع ليلة الخميس",
    "شنت الطائرات غارات خلال شهري ديسمبر ويناير الماضيين",
    "نفذت العملية بين 23 و31 مارس/آذار الماضي شمال البلاد",
    "وصل الوفد يوم الثلاثاء المقبل إلى العاصمة لإجراء محادثات",
    "أعلن الأمين العام للأمم المتحدة أن المساعدات ستصل خلال الأيام المقبلة",
    "يسيطر التنظيم على البلدة منذ عام 2013 بحسب مصادر محلية",
    "قتل عشرون شخصا قبل ثلاثة أيام في انفجار سيارة مفخخة",
    "صدر القرار بتاريخ 2023-07-15 عن المحكمة العليا",
    "تعقد الجلسة في الثالث من حزيران/يونيو المقبل في جنيف",
    "اتفق الطرفان على هدنة تبدأ غدا وتستمر أسبوعين",
    "زار الكتاب والشباب معرض الكتاب في مارس",
    "التقى الرئيس وفدا من ذي قار في مكتبه",
    "قتل جنديان الليلة الماضية في هجوم على نقطة تفتيش",
    "ارتفعت الأسعار بنسبة 20 بالمئة هذا العام مقارنة بعام 2019",
    "وقعت الحادثة في 3/4/2021 قرب الميناء",
    "لم يحدد موعد الاجتماع حتى الآن",
    "بلغت مساحة المخيم 3 كم² وافتتح عام2014م",  # a superscript digit, a year glued to its word
    "وقع الهجوم 😢 فجر الأحد 5 مايو قرب المعبر",  # a character outside the BMP
    "قتل ① شخص في عام 2019",
]

DATES = [None, dt.date(2024, 1, 12)]


def _all_rules(norm: str, grammar) -> set[str]:
    return {rule.name for rule in grammar.rules}


def _times(segment: str, published, future: bool):
    timex._segment_times.cache_clear()
    return timex._segment_times(segment, published, future)


def _compare(monkeypatch, segments: list[str]) -> int:
    """Times found with the word filter and with every rule; returns how many were found."""
    filtered = [_times(s, p, f) for s in segments for p in DATES for f in (False, True)]
    with monkeypatch.context() as m:
        m.setattr(timex, "_rules_for", _all_rules)
        everything = [_times(s, p, f) for s in segments for p in DATES for f in (False, True)]
    assert filtered == everything
    return sum(len(t) for t in filtered)


def test_filter_finds_what_every_rule_finds(monkeypatch):
    found = _compare(monkeypatch, SENTENCES)
    assert found > 20  # the table does exercise the rules


@pytest.mark.parametrize("sentence, skipped", [
    ("قال المتحدث الذي رفض الكشف عن اسمه", "hijri"),  # «الذي» is not the month «ذي الحجة»
    ("زار الوزير الأحد معرض الكتاب", "day_month"),  # a weekday without a month or a day number
    ("قال الأمين العام إن الوضع خطير", "year"),  # «العام» without a four-digit year
    ("زار الكتاب معرض الشباب", "month"),  # «آب» only inside «الكتاب»، «الشباب»
])
def test_rules_that_cannot_match_are_not_run(sentence, skipped):
    norm, _ = normalized_segment(sentence)
    assert skipped not in timex._rules_for(norm, timex._grammar())


@pytest.mark.parametrize("sentence, needed", [
    ("وقعت الاشتباكات في 15 يوليو 2023", "day_month"),
    ("غادر الوفد يوم الأحد", "weekday"),
    ("بدأ الصيام في 1 رمضان", "hijri"),
    ("وصل الوفد أمس", "day"),
    ("ومنذ عام 2013 يسيطر التنظيم", "year"),
    ("وبأيار الماضي", "month"),  # a month after و + ب
])
def test_rules_that_can_match_are_run(sentence, needed):
    norm, _ = normalized_segment(sentence)
    assert needed in timex._rules_for(norm, timex._grammar())


@pytest.mark.slow
def test_filter_is_exact_on_the_corpus(monkeypatch, ant_sentences):
    assert _compare(monkeypatch, ant_sentences[:1501]) > 100



@pytest.mark.parametrize("sentence", SENTENCES + [
    "أصيب 3 أشخاص بجروح في 2 حزيران",  # numbers that are words of their own
    "وفي2020 وقع الانفجار",  # a year glued to its clitics
    "قتل ٣ مدنيين يوم ١٥ آذار ٢٠٢٢",  # Arabic-Indic digits
    "بلغ العدد x1x قبل يومين",  # a digit inside a Latin word
])
def test_only_key_and_digit_words_can_ask_for_a_rule(sentence):
    # _rules_for looks up only the words that hold a key or a digit: every other word must ask
    # for no rule and belong to no word group
    norm, _ = normalized_segment(sentence)
    grammar = timex._grammar()
    asking = {w for w in timex._WORD.findall(norm) if any(timex._word_rules(w, grammar))}
    looked_up = set(clitic_words(grammar.key_vocabulary).findall(norm))
    if grammar.maybe_digit.search(norm):
        looked_up |= set(grammar.digit_words.findall(norm))
    assert asking <= looked_up
    assert asking or "لم يحدد" in sentence or "ذي قار" in sentence or "الكتاب" in sentence
