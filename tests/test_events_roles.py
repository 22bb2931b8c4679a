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


# Read on real news (see docs/ant_sample.md): each row is a construction rasd used to misread.
CLAUSE_CASES = [
    # a person's name in apposition to a title is the same party, not the verb's object
    ("ندد الرئيس التونسي قيس سعيد بالهجوم على مقر حركة حماس.", "ACCUSE", {"TUN.GOV", "SAIED"}, set()),
    ("ودعا المبعوث الأممي إلى اليمن هانس غروندبرغ الحوثيين إلى وقف التصعيد.", "REQUEST",
     {"UN", "GRUNDBERG"}, {"HOUTHIS"}),
    # a dateline before the verb is not its subject
    ("القاهرة (رويترز) - أدانت فرنسا القصف الإسرائيلي على لبنان.", "ACCUSE", {"FRA"}, set()),
    # masdar + genitive agent + لـ object
    ("وأدانت الوزارة استهداف الجيش الإسرائيلي للمدنيين في غزة.", "ASSAULT", {"ISR.MIL"}, {"CIVILIANS"}),
    # an agent phrase (برصاص، بنيران) makes an unvocalized قتل passive: its subject is the victim
    ("قتل خمسة مدنيين برصاص القوات الإسرائيلية قرب الحدود.", "ASSAULT", {"ISR.MIL"}, {"CIVILIANS"}),
    # the bare object that the charge (بـ) follows is the accused, past a parenthetical
    ("واتهمت إيران، في بيان رسمي، الولايات المتحدة بدعم الإرهاب.", "ACCUSE", {"IRN"}, {"USA"}),
    # the subject of أعلن performs the act it announces ("كل من" opens the list)
    ("وأعلنت كل من مصر والسعودية، في بيانين منفصلين، تأييدهما لقرار الحكومة العراقية.", "SUPPORT",
     {"EGY", "SAU"}, set()),
    ("أعلن وزير الخارجية الإيراني، أمس الثلاثاء، قطع العلاقات مع الولايات المتحدة.", "SANCTION",
     {"IRN"}, {"USA"}),
    # the subject of the sentence speaks during the call it is in
    ("وأكد الرئيس التونسي قيس سعيد، في اتصال هاتفي مع أردوغان، دعم بلاده للحوار.", "CONSULT",
     {"TUN.GOV", "SAIED"}, {"ERDOGAN"}),
    # "X وحليفتها Y": the ally is a second subject
    ("ونددت سوريا وحليفتها روسيا بالغارات الأمريكية.", "ACCUSE", {"SYR", "RUS"}, set()),
    # names coordinated before the verb are all its subjects
    ("وقالت الوكالة إن مصر وتركيا وإيران قدمت مساعدات إلى اليمن.", "AID", {"EGY", "TUR", "IRN"}, {"YEM"}),
    # "قواعد لـ X": a plain noun's possessor, even when the noun can start an event elsewhere
    ("شن الجيش العراقي غارات على معسكرات لتنظيم داعش شمال الموصل.", "ASSAULT", {"IRQ.MIL"}, {"ISIS"}),
    # the pronoun of a reported complement is the speaker; "هدفا" is a noun, not "aimed"
    ("وقال الجيش الإسرائيلي إنه ضرب 40 هدفا لحزب الله بغارات جوية.", "ASSAULT", {"ISR.MIL"}, {"HEZBOLLAH"}),
    # the requested party: the bare object before بـ / إلى, past a parenthetical
    ("وطالبت إيران، في رسالة رسمية، مجلس الأمن بإدانة الهجوم.", "REQUEST", {"IRN"}, {"UNSC"}),
    # a verb coordinated with an earlier one shares its subject
    ("هاجم تنظيم داعش مواقع الجيش العراقي غرب الموصل واختطف عشرة جنود.", "ASSAULT", {"ISIS"}, set()),
    # "أسرى أطلقت المعارضة سراحهم": the subject follows the verb; the described noun is its object
    ("وعرض التلفزيون صور مدنيين اختطفهم تنظيم داعش قرب الموصل.", "ASSAULT", {"ISIS"}, {"CIVILIANS"}),
]


@pytest.mark.parametrize("sentence,etype,source,target", CLAUSE_CASES)
def test_roles_in_news_constructions(sentence, etype, source, target):
    e = _first(sentence, etype)
    assert ids(e.source) == source
    assert target <= ids(e.target)
    assert not (ids(e.target) & source)


def test_a_counted_subject_of_qatala_is_the_victim():
    e = _first("قتل عشرة مدنيين في قصف على حلب.", "ASSAULT")
    assert "CIVILIANS" not in ids(e.source)
    assert "CIVILIANS" in ids(e.target)


def test_a_bare_place_before_the_verb_is_not_its_location():
    e = _first("وقالت الوكالة إن القاهرة والرياض قدمتا مساعدات إلى اليمن.", "AID")
    assert e.location is None or e.location.name_ar != "القاهرة"



# A verb whose subject is left unsaid (a pronoun in the verb) takes the most recent overt subject,
# of this or the previous sentence, that agrees with the verb's person marking.
UNSAID_SUBJECT_CASES = [
    # feminine verb, feminine subject (a non-human plural in ات) in the previous sentence
    ("اقتحمت القوات الإسرائيلية مخيما قرب الخليل فجر اليوم. واعتقلت خلال العملية عشرين شابا.",
     "اعتقلت", {"ISR.MIL"}),
    # masculine verb: the masculine subject of the previous sentence, past a feminine state
    ("هاجم تنظيم داعش دورية للجيش العراقي غرب الموصل، في حين قصفت سوريا مواقع على الحدود. وهاجم بعدها "
     "مواقع قرب الموصل.", "هاجم", {"ISIS"}),
    # a form that also reads as a noun (قصف: shelling) is not taken for a verb with a pronoun
    ("هاجم تنظيم داعش دورية للجيش العراقي غرب الموصل. وقصف بعدها مواقع قرب الموصل.", "قصف", set()),
    # a feminine verb cannot take the masculine army as its subject
    ("قصف الجيش السوري بلدات في ريف إدلب. وقصفت بعدها مواقع قرب حلب.", "قصفت", set()),
    # an overt subject that rasd does not know as an actor is still the subject
    ("قصف الجيش السوري بلدات في ريف إدلب. وقصف مجهولون مواقع قرب حلب.", "مجهولون", set()),
    ("قصف الجيش السوري بلدات في ريف إدلب. والطائرات قصفت مواقع قرب حلب.", "قصفت", set()),
]


@pytest.mark.parametrize("text,trigger,source", UNSAID_SUBJECT_CASES)
def test_an_unsaid_subject_is_the_last_agreeing_one(text, trigger, source):
    events = extract(text)
    last = events[-1] if trigger == "مجهولون" else next(
        (e for e in events if e.evidence.trigger.endswith(trigger)), None)
    assert last is not None, [(e.type, e.evidence.trigger) for e in events]
    assert ids(last.source) == source


def test_verb_agreement_reads_person_marking():
    from rasd.events.roles import verb_agreement
    assert verb_agreement("قصفت", "perf") == ("f", False)
    assert verb_agreement("قصفوا", "perf") == ("m", True)
    assert verb_agreement("يقصف", "impf") == ("m", False)
    assert verb_agreement("تقصف", "impf") == ("f", False)
    assert verb_agreement("قصفا", "perf") is None  # a dual says too little


def test_the_sentence_place_comes_before_the_articles_city():
    text = ("انتقد أردوغان في أنقرة الصمت الدولي. وعقد أردوغان اجتماعا في أنقرة مع قادة حزبه. "
            "وفي قطاع غزة، تظاهر الآلاف قرب السياج وقتل ثلاثة منهم برصاص القوات الإسرائيلية.")
    events = extract(text)
    killed = [e for e in events if e.type == "ASSAULT"]
    assert killed and killed[0].location is not None and killed[0].location.country == "PSE"
    protest = [e for e in events if e.type == "PROTEST"]
    assert protest and "ERDOGAN" not in ids(protest[0].source)  # "تظاهر الآلاف": said subject


def test_no_fallback_to_the_articles_place_when_the_sentence_is_elsewhere():
    text = ("قصفت طائرات مجهولة مواقع في درنة. وقتل عشرة أشخاص في درنة. وتظاهر المئات في بنغازي. "
            "وفي سياق آخر قالت مصادر إن حلب شهدت احتجاجات واسعة ضد الغلاء.")
    protest = [e for e in extract(text) if e.type == "PROTEST" and "احتجاجات" in e.evidence.trigger]
    assert protest
    assert protest[0].location is None or protest[0].location.country == "SYR"


# Constructions around the verb that decide who its subject is (sentences written for these tests).
SUBJECT_CASES = [
    # a definite body rasd knows by no name is the subject; the name after it the object
    ("وتتهم المحكمة المتظاهرين بالتخريب.", "ACCUSE", set(), {"PROTESTERS"}),
    # the owner of what is hit is a target, not the subject of a verb with an unsaid subject
    ("وقال المتحدث باسم الجيش العراقي إن القوات قصفت مواقع داعش.", "ASSAULT", set(), {"ISIS"}),
    ("قصفت طائرات التحالف الدولي مواقع داعش.", "ASSAULT", {"INTL_COALITION"}, {"ISIS"}),
    # a second relative clause with و: the antecedent, not the modifier's complement, is the subject
    ("وبات سلاح حزب الله المدعوم من إيران والذي يقاتل الجيش السوري موضع خلاف.", "ASSAULT",
     {"HEZBOLLAH"}, {"SYR.MIL"}),
    ("والتقى الوفد قادة حماس في القاهرة.", "CONSULT", set(), {"HAMAS"}),
    # لـ joins its author to an agent noun, past adjectives ("غارة للقوات", "الهجوم المحتمل للجيش")
    ("وأكد السفير أن غارة للقوات الإسرائيلية أدت إلى مقتل قيادي.", "ASSAULT", {"ISR.MIL"}, set()),
    ("وتستعد المنظمات الإنسانية للهجوم المحتمل للجيش السوري على إدلب.", "ASSAULT", {"SYR.MIL"}, set()),
]


@pytest.mark.parametrize("sentence,etype,source,target", SUBJECT_CASES)
def test_who_is_the_subject(sentence, etype, source, target):
    e = _first(sentence, etype)
    assert ids(e.source) == source and ids(e.target) >= target


def test_a_resumptive_pronoun_makes_the_antecedent_the_partner():
    events = extract("وأكد الوزير أن قادة حماس الذين تتفاوض معهم مصر منذ أشهر قبلوا العرض.")
    talks = [e for e in events if "تتفاوض" in e.evidence.trigger]
    assert talks, [(e.type, e.evidence.trigger) for e in events]
    assert ids(talks[0].source) == {"EGY"} and "HAMAS" in ids(talks[0].target)


REACTION_CASES = [
    # a condemnation of an act, in the next sentence, is aimed at the act's authors
    ("شنت الطائرات الإسرائيلية غارات على مواقع في غزة. وأدانت مصر الغارات ووصفتها بالعدوان.", "ACCUSE",
     {"EGY"}, {"ISR"}),
    # a target the sentence names is kept
    ("قصف الجيش السوري بلدات في ريف إدلب. وانتقدت تركيا روسيا بعد القصف.", "ACCUSE", {"TUR"}, {"RUS"}),
]


@pytest.mark.parametrize("text,etype,source,target", REACTION_CASES)
def test_a_reaction_is_aimed_at_the_authors_of_the_act(text, etype, source, target):
    e = _first(text, etype)
    assert ids(e.source) == source and ids(e.target) == target


# A definite body named by its kind ("المنظمة", "الحركة", "الوزارة") refers back to the last
# actor of the previous or this sentence with that head or of that kind; never to the speaker.
BODY_CASES = [
    ("انتقدت الأمم المتحدة احتجاز الناشطين في طهران. وحثت المنظمة السلطات على الإفراج عنهم.", "REQUEST", {"UN"}),
    ("قتل ثلاثة جنود في هجوم شنته حركة حماس. وتوعدت الحركة بمزيد من الهجمات.", "THREATEN", {"HAMAS"}),
    ("وأدانت وزارة الخارجية الإيرانية الغارات. وطالبت الوزارة مجلس الأمن بالتحرك.", "REQUEST", {"IRN.MFA"}),
    # no antecedent of that kind nearby: no source, and not the speaker of the sentence before
    ("قصفت الطائرات مواقع حركة حماس. وأعلنت الحكومة المصرية رفضها. ودعت الحركة إلى التهدئة.", "REQUEST", set()),
]


@pytest.mark.parametrize("text,etype,source", BODY_CASES)
def test_a_definite_body_refers_back(text, etype, source):
    e = [x for x in extract(text) if x.type == etype][-1]
    assert ids(e.source) == source


def test_a_definite_body_with_two_candidates_of_its_kind_stays_unresolved():
    text = ("واندلعت اشتباكات بين حركة حماس وتنظيم داعش في غزة. "
            "ونشرت الجماعة قوات في الأحياء الشرقية.")
    e = [x for x in extract(text) if x.type == "MOBILIZE"]
    assert e and ids(e[-1].source) == set()


def test_a_place_that_is_another_events_own_is_not_borrowed():
    # the meeting is in Cairo; the fighting it is about is not
    text = ("وقالت المصادر إن وزراء خارجية عدة دول سيعقدون اجتماعا طارئا في القاهرة الأسبوع المقبل، "
            "في ظل تصعيد الجماعات المسلحة هجماتها ضد الجيش السوري.")
    events = extract(text)
    meeting = [e for e in events if e.type == "CONSULT"]
    fighting = [e for e in events if e.type == "ASSAULT"]
    assert meeting and meeting[0].location is not None and meeting[0].location.country == "EGY"
    assert fighting and (fighting[0].location is None or fighting[0].location.country != "EGY")


def test_a_participle_with_ta_marbuta_does_not_cut_a_support_verb_off():
    # "تابعة" is a participle here, not the reporting verb "تابع" with a pronoun: شنت still
    # supports غارات, so the strikes are one event carried by the verb's tense
    text = "شنت مقاتلات تابعة للجيش السوري، فجر اليوم، سلسلة غارات جوية على ريف إدلب."
    strikes = [e for e in extract(text) if e.type == "ASSAULT"]
    assert len(strikes) == 1 and "support:shan" in strikes[0].rule
