"""Casualty counts are read from digits and number words next to casualty cues, and only there."""
from __future__ import annotations

import time

import pytest

from rasd.events.casualties import find_casualties, find_casualty_mentions
from rasd.model import Casualties, Sentence

# (sentence, killed, injured, abducted, arrested)
CASES = [
    ("أسفر الهجوم عن مقتل 11 شخصا وإصابة 55 آخرين", 11, 55, None, None),
    ("ما أسفر عن مقتل سبعة من عناصره وتدمير مخزن للذخيرة", 7, None, None, None),
    ("قتل 5 جنود وأصيب ثلاثة آخرون في الكمين", 5, 3, None, None),
    ("أدى الانفجار إلى سقوط 3 قتلى و١٢ جريحا", 3, 12, None, None),
    ("لقي 4 أشخاص حتفهم في انهيار المبنى", 4, None, None, None),
    ("أربعة مدنيين لقوا حتفهم في القصف", 4, None, None, None),
    ("ارتفع عدد القتلى جراء التفجير إلى 40", 40, None, None, None),
    ("بلغت حصيلة الضحايا 232 قتيلا و1900 جريح", 232, 1900, None, None),
    ("أودى بحياة 32 شخصا وتبناه التنظيم", 32, None, None, None),
    ("استشهاد خمسة وعشرين فلسطينيا برصاص الجيش", 25, None, None, None),
    ("مقتل جندي وإصابة آخر بجروح طفيفة", 1, 1, None, None),
    ("آخرها مقتل حارسين من الأسايش برصاص مسلحين", 2, None, None, None),
    ("سقط قتيلان وثلاثة جرحى في الاشتباكات", 2, 3, None, None),
    ("مقتل أحد الجنود في الهجوم", 1, None, None, None),
    ("مقتل ما لا يقل عن 28 شخصا في الغارة", 28, None, None, None),
    ("أصيب أكثر من 100 متظاهر بالرصاص المطاطي", None, 100, None, None),
    ("مقتل ٦٠ شخصا وإصابة ١٦٠٠ آخرين منذ بدء الاحتجاجات", 60, 1600, None, None),
    ("اختطف مسلحون سبعة صيادين قبالة الساحل", None, None, 7, None),
    ("أعلنت الشرطة اختطاف 21 عاملا مصريا", None, None, 21, None),
    ("اعتقلت قوات الأمن 12 شخصا للاشتباه بتورطهم", None, None, None, 12),
    ("أسفرت الحملة عن توقيف 195 شخصا", None, None, None, 195),
    ("ألقت الشرطة القبض على ثلاثة مشتبه بهم", None, None, None, 3),
    ("قتل رجل يبلغ من العمر 45 عاما في حادث إطلاق نار", 1, None, None, None),
]


def _whole(text: str) -> Sentence:
    return Sentence(0, 0, len(text))


@pytest.mark.parametrize("text, killed, injured, abducted, arrested", CASES, ids=[c[0][:30] for c in CASES])
def test_counts(text, killed, injured, abducted, arrested):
    got = find_casualties(text, _whole(text), (0, 1))
    assert got == Casualties(killed, injured, abducted, arrested)


# Numbers that are not casualties.
NOT_CASUALTIES = [
    "قتل عام 2014 قائد الفرقة 17 في ظروف غامضة",
    "انفجرت العبوة على بعد 2 كلم من الحاجز",
    "قصفت الطائرات 60 هدفا للتنظيم",
    "يبلغ عدد سكان المدينة نحو 125 ألف نسمة",
    "أعلنت الوزارة الجمعة 15 يوليو موعدا للانتخابات",
    "أصابت الغارة 3 مبان سكنية",
    "قتل أكثر من 3 ساعات في الانتظار",
]


@pytest.mark.parametrize("text", NOT_CASUALTIES)
def test_other_numbers_are_not_counted(text):
    assert not find_casualties(text, _whole(text), (0, 1)).any()


@pytest.mark.parametrize("text", [
    "أسفر القصف عن مقتل العشرات",
    "سقط عشرات القتلى والجرحى في الغارات",
    "أدت المواجهات إلى إصابة المئات",
])
def test_vague_plurals_give_no_number_but_are_reported_as_lower_bounds(text):
    assert not find_casualties(text, _whole(text), (0, 1)).any()
    with_vague = find_casualties(text, _whole(text), (0, 1), include_vague=True)
    assert with_vague.any()
    (mention,) = find_casualty_mentions(text)
    assert mention.vague and mention.count in (20, 200)


def test_killed_and_injured_together_are_not_split():
    text = "أسفر الانفجار عن مقتل وإصابة 20 شخصا"
    assert not find_casualties(text, _whole(text), (0, 1)).any()


@pytest.mark.parametrize("text, lower_bound", [
    ("مقتل ما لا يقل عن 28 شخصا", True),
    ("إصابة أكثر من 100 متظاهر", True),
    ("مقتل نحو 300 مدني", False),
    ("مقتل 28 شخصا", False),
])
def test_lower_bounds_are_flagged(text, lower_bound):
    (mention,) = find_casualty_mentions(text)
    assert mention.lower_bound is lower_bound


def test_mention_spans_point_into_the_text():
    text = "وقال المسؤول إن الهجوم أسفر عن مقتل ١١ شخصا."
    (mention,) = find_casualty_mentions(text)
    assert text[mention.number_span[0]:mention.number_span[1]] == "١١"
    assert text[mention.span[0]:mention.span[1]] == mention.text == "مقتل ١١ شخصا"


def test_counts_go_to_the_nearest_trigger_before_them():
    text = "ويأتي الهجوم بعد يومين من التفجير المزدوج الذي أودى بحياة 32 شخصا"
    attack = (text.index("الهجوم"), text.index("الهجوم") + 6)
    bombing = (text.index("التفجير"), text.index("التفجير") + 7)
    sentence = _whole(text)
    assert find_casualties(text, sentence, bombing, others=[attack]).killed == 32
    assert find_casualties(text, sentence, attack, others=[bombing]).killed is None
    assert find_casualties(text, sentence, attack).killed == 32  # alone, it takes the toll


def test_a_raised_toll_keeps_the_largest_count():
    text = "أسفر الهجوم عن مقتل 30 شخصا قبل أن يرتفع عدد القتلى إلى 40"
    assert find_casualties(text, _whole(text), (0, 5)).killed == 40


def test_only_the_sentence_is_read():
    text = "قتل 5 جنود في الكمين. ووقع انفجار آخر في السوق."
    second = Sentence(1, text.index("ووقع"), len(text))
    assert not find_casualties(text, second, (second.start, second.start + 4)).any()


def test_speed():
    texts = [c[0] for c in CASES] + NOT_CASUALTIES
    find_casualty_mentions(texts[0])
    start = time.perf_counter()
    for _ in range(20):
        for t in texts:
            find_casualty_mentions(t)
    per_sentence = (time.perf_counter() - start) / (20 * len(texts))
    assert per_sentence < 0.0004


def test_a_toll_belongs_to_the_event_it_is_the_toll_of():
    text = "ارتفعت حصيلة التفجيرين اللذين استهدفا الوزارة، أمس السبت، إلى 100 قتيل على الأقل و300 جريح"
    bombing = (text.index("التفجيرين"), text.index("التفجيرين") + 9)
    targeted = (text.index("استهدفا"), text.index("استهدفا") + 7)
    sentence = _whole(text)
    assert find_casualties(text, sentence, bombing, others=[targeted]) == Casualties(100, 300)
    assert not find_casualties(text, sentence, targeted, others=[bombing]).any()


@pytest.mark.parametrize("text, killed", [
    ("مقتل 5 جنود و3 مدنيين في الهجوم", 8),
    ("ارتفعت حصيلة الهجوم إلى 36 قتيلا من المهاجمين، إضافة إلى 12 من عناصر الأمن والجيش وسبعة مدنيين", 55),
    ("قتل 36 مسلحا من بينهم 12 طفلا", 36),
])
def test_people_counted_after_a_count_add_up(text, killed):
    assert find_casualties(text, _whole(text), (0, 1)).killed == killed


def test_a_count_belongs_to_the_event_it_is_the_consequence_of():
    text = "قُتل 10 عسكريين وأصيب 16 آخرون في هجوم انتحاري استهدف تجمعا للجيش"
    killed = (text.index("قُتل"), text.index("قُتل") + 4)
    attack = (text.index("هجوم"), text.index("هجوم") + 4)
    sentence = _whole(text)
    assert find_casualties(text, sentence, attack, others=[killed]) == Casualties(10, 16)
    assert not find_casualties(text, sentence, killed, others=[attack]).any()


@pytest.mark.parametrize("text, expected", [
    ("اختطف مسلحون يعتقد أنهم من حركة الشباب أربعة عمال إغاثة", Casualties(abducted=4)),
    ("أعلن الجيش أنه حيّد 203 من المسلحين واعتقل 51 آخرين", Casualties(killed=203, arrested=51)),
    ("قتل القائد الذي قاد 300 مقاتل في المعركة", Casualties(killed=None)),
    ("خلفت الحرب مقتل مئات الآلاف وتشريد 11 مليون شخص", Casualties(killed=None)),
])
def test_a_verb_and_its_counted_object_may_stand_apart(text, expected):
    assert find_casualties(text, _whole(text), (0, 1)) == expected
