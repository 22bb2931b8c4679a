"""Factuality, scoped to the trigger its cue governs. Sentences written for these tests."""
from __future__ import annotations

import pytest

from events_kb import extract

CASES = [
    # (sentence, type, trigger word, status)
    # occurred: perfect verbs, passive, plain nouns
    ("قصفت الطائرات الروسية مواقع في إدلب.", "ASSAULT", "قصفت", "occurred"),
    ("اغتيل ضابط في الشرطة المصرية في العريش.", "ASSAULT", "اغتيل", "occurred"),
    ("أسفرت الغارة عن مقتل عشرة مدنيين.", "ASSAULT", "الغارة", "occurred"),
    ("وكانت الشرطة المصرية قد اعتقلت عشرة أشخاص.", "COERCE", "اعتقلت", "occurred"),
    # ongoing: imperfective present, لا يزال، متواصلة
    ("تقاتل قوات سوريا الديمقراطية تنظيم داعش في ريف حلب.", "ASSAULT", "تقاتل", "ongoing"),
    ("لا تزال الاشتباكات مستمرة في طرابلس.", "ASSAULT", "الاشتباكات", "ongoing"),
    ("تشن الطائرات التركية غارات يومية على عفرين.", "ASSAULT", "غارات", "ongoing"),
    ("يواصل المحتجون اعتصامهم في ساحة التحرير.", "PROTEST", "اعتصامهم", "ongoing"),
    # planned: future, intention, purpose, schedule
    ("سيعقد وزراء الخارجية العرب اجتماعا في القاهرة.", "CONSULT", "اجتماعا", "planned"),
    ("سوف تفرض الولايات المتحدة عقوبات على إيران.", "SANCTION", "عقوبات", "planned"),
    ("يعتزم الجيش التركي شن هجوم على عفرين.", "ASSAULT", "هجوم", "planned"),
    ("وصلت تعزيزات إلى الحدود بهدف شن هجوم على إدلب.", "ASSAULT", "هجوم", "planned"),
    ("من المقرر أن يزور أردوغان موسكو الشهر المقبل.", "CONSULT", "يزور", "planned"),
    ("تخطط حركة حماس لتنظيم مظاهرات في غزة.", "PROTEST", "مظاهرات", "planned"),
    ("يبحث الرئيسان في الاجتماع المرتقب ملف الطاقة.", "CONSULT", "الاجتماع", "planned"),
    ("احتشد آلاف المتظاهرين وسط طرابلس للاحتجاج على قرار الحكومة.", "PROTEST", "للاحتجاج", "occurred"),
    # threatened
    ("هدد أردوغان بشن عملية عسكرية ضد قوات سوريا الديمقراطية.", "ASSAULT", "عملية", "threatened"),
    ("توعد حزب الله بقصف مواقع إسرائيلية.", "ASSAULT", "بقصف", "threatened"),
    # alleged
    ("اتهمت إيران إسرائيل بقصف مواقع في سوريا.", "ASSAULT", "بقصف", "alleged"),
    ("زعمت وسائل إعلام أن الطائرات الروسية قصفت مستشفى في إدلب.", "ASSAULT", "قصفت", "alleged"),
    ("نقلت مصادر عن الهجوم المزعوم على القاعدة.", "ASSAULT", "الهجوم", "alleged"),
    # denied
    ("نفى الجيش الإسرائيلي قصف المستشفى في غزة.", "ASSAULT", "قصف", "denied"),
    ("نفت روسيا أن تكون طائراتها قد شنت غارات على إدلب.", "ASSAULT", "غارات", "denied"),
    # foiled
    ("أحبطت الشرطة المصرية هجوما انتحاريا على كنيسة في العريش.", "ASSAULT", "هجوما", "foiled"),
    ("تمكنت القوات العراقية من إحباط مخطط لتفجير سيارة مفخخة في بغداد.", "ASSAULT", "لتفجير", "foiled"),
    ("منعت الشرطة تنظيم مظاهرة أمام البرلمان.", "PROTEST", "مظاهرة", "foiled"),
    # negated
    ("لم تشن الطائرات الروسية أي غارات على إدلب.", "ASSAULT", "غارات", "negated"),
    ("لن تعقد الحكومة أي مفاوضات مع المحتجين.", "CONSULT", "مفاوضات", "negated"),
    ("أكد الوزير عدم عقد أي اجتماع مع المعارضة.", "CONSULT", "اجتماع", "negated"),
    # hypothetical
    ("إذا هاجمت إيران السفن الأمريكية فإن واشنطن سترد.", "ASSAULT", "هاجمت", "hypothetical"),
    ("في حال فشلت المفاوضات ستفرض واشنطن عقوبات جديدة.", "CONSULT", "المفاوضات", "hypothetical"),
]


def _event(sentence: str, etype: str, word: str):
    for e in extract(sentence):
        if e.type == etype and (word in e.evidence.trigger or any(word in m.trigger for m in e.more_evidence)):
            return e
    raise AssertionError(f"no {etype} event on {word!r}: " + repr(
        [(e.type, e.status, e.evidence.trigger) for e in extract(sentence)]))


@pytest.mark.parametrize("sentence,etype,word,status", CASES)
def test_status(sentence, etype, word, status):
    assert _event(sentence, etype, word).status == status


SCOPE = [
    # one sentence, two events, two statuses: a cue governs its own clause only
    ("نفى الجيش الإسرائيلي قصف المستشفى، وقال إن الاشتباكات مستمرة في غزة.",
     [("ASSAULT", "قصف", "denied"), ("ASSAULT", "الاشتباكات", "ongoing")]),
    ("هدد أردوغان بشن هجوم على عفرين بعد أن قصفت القوات التركية مواقع في حلب.",
     [("THREATEN", "هدد", "occurred"), ("ASSAULT", "هجوم", "threatened"), ("ASSAULT", "قصفت", "occurred")]),
    ("أعربت المعارضة عن ارتياحها لاعتقال القيادي في الشرطة.",
     [("COERCE", "لاعتقال", "occurred")]),              # لـ after ارتياح: not a purpose
    ("نفى الوزير أي تلاعب في موقع الهجوم المزعوم على دوما.",
     [("ASSAULT", "الهجوم", "alleged")]),
    ("اجتمع الوزيران في القاهرة، وسيعقدان اجتماعا آخر في جنيف.",
     [("CONSULT", "اجتمع", "occurred"), ("CONSULT", "اجتماعا", "planned")]),
    ("بهدف شن غارات على مواقع تنظيم داعش التي تقاتل الجيش العراقي.",
     [("ASSAULT", "غارات", "planned"), ("ASSAULT", "تقاتل", "ongoing")]),
    ("أحبطت الأجهزة الأمنية المصرية خططا للسيطرة على معسكرات الجيش المصري واغتيال قيادات عسكرية.",
     [("ASSAULT", "اغتيال", "foiled")]),
]


@pytest.mark.parametrize("sentence,expected", SCOPE)
def test_status_scope(sentence, expected):
    for etype, word, status in expected:
        assert _event(sentence, etype, word).status == status, (etype, word)


def test_a_call_for_a_ceasefire_is_not_a_ceasefire():
    events = extract("دعا مجلس الأمن إلى وقف إطلاق النار في إدلب.")
    assert [e.type for e in events] == ["REQUEST"]


def test_condemnation_presupposes_the_attack():
    attack = _event("ندد مجلس الأمن بالهجوم على السفارة في طرابلس.", "ASSAULT", "بالهجوم")
    assert attack.status == "occurred"


NEWS_STATUS = [
    # "هدفا" (a target) is a noun, not "aimed": the strike occurred
    ("وقال الجيش الإسرائيلي إنه ضرب 25 هدفا لحماس بغارات جوية.", "ASSAULT", "", "occurred"),
    # "تهدف إلى" still marks a purpose
    ("تهدف الحملة إلى شن هجمات على مواقع التنظيم.", "ASSAULT", "هجمات", "planned"),
    # a resolution or statement that calls for something: the call was made
    ("وتبنى مجلس الأمن بالإجماع قرارا يدعو إلى هدنة إنسانية في اليمن.", "REQUEST", "يدعو", "occurred"),
    ("وأصدرت الخارجية الإيرانية بيانا، يندد بالعقوبات الأمريكية.", "ACCUSE", "يندد", "occurred"),
    # without a document noun the imperfect stays ongoing
    ("ويندد المحتجون بالفساد كل يوم.", "ACCUSE", "يندد", "ongoing"),
    # denying an accusation denies the deed, not that the accusation was made
    ("ونفت إيران الاتهامات الأمريكية.", "ACCUSE", "الاتهامات", "occurred"),
    # a first-person present speech verb does what it says: "ندين" is a condemnation made
    ("وقال الوزير: ندين بأشد العبارات الهجوم على السفارة.", "ACCUSE", "ندين", "occurred"),
    ("وأضاف: ندعو جميع الأطراف إلى وقف التصعيد.", "REQUEST", "ندعو", "occurred"),
    # a masculine "مستمر" after the event, or before it, says it goes on
    ("وأدان البيان القصف المستمر على الغوطة.", "ASSAULT", "القصف", "ongoing"),
    ("وأكد أن الجيش مستمر بالتنسيق مع التحالف الدولي.", "COOPERATE", "بالتنسيق", "ongoing"),
    # sanctions or threats already made, after لـ, are no purpose
    ("ونقلت شركات أوروبية أعمالها إلى خارج إيران تفاديا للعقوبات الأمريكية.", "SANCTION", "للعقوبات", "occurred"),
    ("وأكد الوزير أن بلاده تتصدى للتهديدات الإسرائيلية بحزم.", "THREATEN", "للتهديدات", "occurred"),
    # a singular masdar after لـ still marks a purpose
    ("وأرسل الجيش تعزيزات لشن هجوم على مواقع التنظيم.", "ASSAULT", "هجوم", "planned"),
    # «لم … إلا» (only) affirms
    ("ولم تنسحب القوات التركية من البلدة إلا بعد أسبوع من القتال.", "RETREAT", "تنسحب", "occurred"),
    ("ولم تنسحب القوات التركية من البلدة.", "RETREAT", "تنسحب", "negated"),
    # a proposal, a capability and a blocked text are not deeds done
    ("واقترح الرئيس التركي هدنة في إدلب خلال القمة.", "RETREAT", "هدنة", "planned"),
    ("وأبحرت المدمرة إلى منطقة يمكنها منها استهداف سوريا بسهولة.", "ASSAULT", "استهداف", "hypothetical"),
    ("وحجبت الولايات المتحدة بيانا يدين إسرائيل في مجلس الأمن.", "ACCUSE", "يدين", "foiled"),
]


@pytest.mark.parametrize("sentence,etype,word,status", NEWS_STATUS)
def test_news_status(sentence, etype, word, status):
    assert _event(sentence, etype, word).status == status
