"""Source, target and location from Arabic clause structure. Sentences written for these tests."""
from __future__ import annotations

import pytest

from events_kb import extract, ids


def _first(sentence: str, etype: str):
    events = [e for e in extract(sentence) if e.type == etype]
    assert events, [(e.type, e.evidence.trigger) for e in extract(sentence)]
    return events[0]


CASES = [
    # (sentence, type, source ids, target ids, location name or None)
    # VSO
    ("قصفت القوات التركية مواقع قوات سوريا الديمقراطية قرب عفرين.", "ASSAULT", {"TUR.MIL"}, {"SDF"}, "عفرين"),
    ("هاجم تنظيم داعش مواقع للجيش العراقي غرب الموصل.", "ASSAULT", {"ISIS"}, {"IRQ.MIL"}, "الموصل"),
    # SVO after أن
    ("وقالت المصادر إن الجيش الليبي قصف مواقع أنصار الشريعة في بنغازي.", "ASSAULT", {"LBY.MIL"},
     {"ANSAR_SHARIA_LBY"}, "بنغازي"),
    # support verb: its subject is the agent, the noun's preposition the target
    ("شنت الطائرات الإسرائيلية غارات على مواقع لحركة حماس في قطاع غزة.", "ASSAULT", {"ISR"}, {"HAMAS"}, "غزة"),
    ("نفذ تنظيم داعش هجوما على دورية للجيش المصري في سيناء.", "ASSAULT", {"ISIS"}, {"EGY.MIL"}, "سيناء"),
    # nominal: genitive agent, nisba agent, ضد / على targets
    ("أدى هجوم داعش على الموصل إلى نزوح الآلاف.", "ASSAULT", {"ISIS"}, set(), "الموصل"),
    ("قتل عشرة مدنيين في غارات روسية على إدلب.", "ASSAULT", {"RUS"}, {"CIVILIANS"}, "إدلب"),
    # transitive masdar: the genitive is the patient
    ("أعلنت الشرطة اغتيال خليفة حفتر في بنغازي.", "ASSAULT", set(), {"HAFTAR"}, "بنغازي"),
    # passive with an agent phrase
    ("اغتيل قيادي في حركة حماس على يد مسلحين تابعين لتنظيم داعش في غزة.", "ASSAULT", {"ISIS"}, {"HAMAS"}, "غزة"),
    # relative clause: the antecedent is the subject
    ("استهدفت الغارات مواقع تنظيم داعش وفجر ليبيا التي تقاتل الجيش الليبي.", "ASSAULT", set(), {"ISIS", "LIBYA_DAWN"}, None),
    # between X and Y: both are parties
    ("اندلعت اشتباكات بين الجيش السوري وقوات سوريا الديمقراطية في حلب.", "ASSAULT",
     {"SYR.MIL", "SDF"}, set(), "حلب"),
    # coordinated subjects
    ("وقعت مصر وإيطاليا اتفاقا في مجال الطاقة.", "AGREE", {"EGY", "ITA"}, set(), None),
    # consult: object and مع
    ("التقى أردوغان بشار الأسد في دمشق.", "CONSULT", {"ERDOGAN"}, {"ASSAD"}, "دمشق"),
    ("بحث وزير الخارجية الإيراني مع نظيره التركي الأزمة السورية.", "CONSULT", {"IRN"}, {"TUR"}, None),
    # a GPE as agent is an actor, as place a location
    ("استقبلت القاهرة وفدا من حركة حماس.", "CONSULT", {"EGY.GOV"}, set(), None),
    ("عقد وزراء الخارجية العرب اجتماعا في القاهرة.", "CONSULT", set(), set(), "القاهرة"),
    # aid: to a state is its recipient
    ("قدمت السعودية مساعدات إنسانية إلى اليمن.", "AID", {"SAU"}, {"YEM"}, "اليمن"),
    # the accused is the alleged agent of the embedded act
    ("اتهمت إيران إسرائيل بقصف مواقع في سوريا.", "ASSAULT", {"ISR"}, set(), "سوريا"),
    # a support masdar governed by a verb: the verb carries tense and subject
    ("تعرض وزير الخارجية السوري لمحاولة اغتيال في دمشق.", "ASSAULT", set(), {"SYR"}, "دمشق"),
    ("قامت القوات التركية بتنفيذ هجوم على عفرين.", "ASSAULT", {"TUR.MIL"}, set(), "عفرين"),
    # a spokesman speaks for his body
    ("وأشاد المتحدث باسم الجيش العراقي بدور القوات التركية في العملية.", "SUPPORT", {"IRQ.MIL"}, {"TUR.MIL"}, None),
    # a gathering verb carries the protest of its purpose phrase, and its place
    ("احتشد آلاف المتظاهرين وسط طرابلس للاحتجاج على قرار الحكومة.", "PROTEST", {"PROTESTERS"}, set(), "طرابلس"),
    # the pronoun of a reported complement is the speaker
    ("وقال الجيش العراقي إنه قصف مواقع لتنظيم داعش في الموصل.", "ASSAULT", {"IRQ.MIL"}, {"ISIS"}, "الموصل"),
    # the masdar object of a reporting verb is its subject's act
    ("أعلن الجيش العراقي شن غارات على مواقع داعش.", "ASSAULT", {"IRQ.MIL"}, {"ISIS"}, None),
    # a coordinated verb shares the subject
    ("داهمت القوات العراقية منازل في الموصل واعتقلت عشرين مشتبها.", "COERCE", {"IRQ.MIL"}, set(), "الموصل"),
]


@pytest.mark.parametrize("sentence,etype,source,target,location", CASES)
def test_roles(sentence, etype, source, target, location):
    e = _first(sentence, etype)
    assert ids(e.source) == source
    assert target <= ids(e.target)
    if location is None:
        assert e.location is None or e.location.precision == "country"
    else:
        assert e.location is not None and e.location.name_ar == location


def test_relative_clause_subject_is_its_antecedent():
    e = [x for x in extract("استهدفت الغارات مواقع تنظيم داعش وفجر ليبيا التي تقاتل الجيش الليبي.")
         if x.evidence.trigger == "تقاتل"][0]
    assert ids(e.source) == {"ISIS", "LIBYA_DAWN"}
    assert ids(e.target) == {"LBY.MIL"}


def test_purpose_clause_inherits_the_matrix_agent():
    e = _first("أجرت القاهرة اتصالات مع فرنسا لتنسيق الجهود لشن غارات على مواقع داعش في درنة.", "ASSAULT")
    assert e.status == "planned"
    assert ids(e.source) == {"EGY.GOV"}
    assert ids(e.target) == {"ISIS"}
    assert e.location.name_ar == "درنة"


def test_a_foiler_is_not_the_author_of_the_plot():
    e = _first("أحبطت الشرطة المصرية هجوما على كنيسة في العريش.", "ASSAULT")
    assert "EGY.POL" not in ids(e.source)


def test_a_place_after_another_event_is_that_events():
    events = extract("اجتمع الوزيران في جنيف بهدف تنسيق الجهود.")
    coop = [e for e in events if e.type == "COOPERATE"][0]
    assert coop.location is None


def test_attacked_state_organ_gives_a_country_when_no_place_is_said():
    e = _first("أحبطت الأجهزة الأمنية خططا لاغتيال قيادات الجيش المصري.", "ASSAULT")
    assert e.location is not None and e.location.country == "EGY" and e.location.precision == "country"
