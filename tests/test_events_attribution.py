"""Who says so: named, anonymous and outlet sources, and how a source carries on."""
from __future__ import annotations

import pytest

from events_kb import extract

CASES = [
    # (text, kind, words the attribution text must contain, actor id or None)
    ("قال المتحدث باسم الجيش العراقي إن القوات العراقية قصفت مواقع داعش.", "named", "المتحدث", "IRQ.MIL"),
    ("أعلنت وزارة الخارجية الإيرانية أن طهران ستعقد اجتماعا مع أنقرة.", "named", "الخارجية", "IRN.MFA"),
    ("وقالت مصادر أمنية إن مسلحين اختطفوا ثلاثة مهندسين في بنغازي.", "anonymous", "مصادر أمنية", None),
    ("أفاد شهود عيان بأن الطائرات قصفت حيا سكنيا في إدلب.", "anonymous", "شهود عيان", None),
    ("قال مسؤول طلب عدم الكشف عن اسمه إن الشرطة اعتقلت عشرة أشخاص.", "anonymous", "مسؤول", None),
    ("قصفت الطائرات الروسية مواقع في إدلب، وفقا لرويترز.", "outlet", "رويترز", "REUTERS"),
    ("ذكرت وكالة الأنباء الرسمية أن الشرطة اعتقلت خمسة أشخاص.", "outlet", "وكالة", None),
    ("اعتقلت الشرطة المصرية خمسة أشخاص في سيناء.", "none", None, None),
]


@pytest.mark.parametrize("text,kind,words,actor", CASES)
def test_attribution_kind(text, kind, words, actor):
    events = extract(text)
    assert events
    a = events[-1].attribution
    assert a.kind == kind
    if words:
        assert words in (a.text or "")
    if actor:
        assert a.actor is not None and a.actor.id == actor


def test_a_source_carries_to_the_report_that_continues_it():
    text = ("قالت مصادر أمنية إن مسلحين اختطفوا مهندسا في بنغازي.\n"
            "وأضافت المصادر أن الشرطة اعتقلت اثنين من الخاطفين.\n"
            "وتابع أن اشتباكات اندلعت في المدينة.")
    kinds = [e.attribution.kind for e in extract(text)]
    assert kinds == ["anonymous", "anonymous", "anonymous"]


def test_a_source_carries_within_its_paragraph_only():
    text = ("قالت مصادر أمنية إن مسلحين اختطفوا مهندسا في بنغازي. واعتقلت الشرطة اثنين من الخاطفين.\n"
            "وفي سياق آخر، تظاهر المئات في طرابلس.")
    events = extract(text)
    assert [e.attribution.kind for e in events] == ["anonymous", "anonymous", "none"]


def test_a_declaration_is_not_a_report():
    # "أعلنها" (declared it) is not a verb of saying with a complement
    events = extract("اتفقت الفصائل على هدنة، على غرار الخلافة التي أعلنها البغدادي في العراق.")
    assert all(e.attribution.kind == "none" for e in events)


def test_the_speaker_is_the_source_of_a_speech_act():
    e = [x for x in extract("قال وزير الخارجية الإيراني إن بلاده ترفض المقترح الأمريكي.")
         if x.type == "REJECT"][0]
    assert "IRN" in {r.id for r in e.source}


@pytest.mark.parametrize("text,words,absent", [
    # "كل من" opens the list of speakers; it is not a speaker
    ("وأعلنت كل من مصر والسعودية أن القوات العراقية قصفت مواقع داعش.", "مصر", "كل"),
    # a particle before the verb is not part of the source
    ("وكانت الخارجية الإيرانية قد أعلنت أن طهران ستعقد اجتماعا مع أنقرة.", "الخارجية", "قد"),
])
def test_source_phrase_boundaries(text, words, absent):
    a = extract(text)[-1].attribution
    assert words in (a.text or "")
    assert absent not in (a.text or "").split()
