"""Merging actor and place readings of one span: the gazetteer's context-resolved place is kept,
an actor named by a place word is the place after a preposition, names shared by two actors
follow the document's places."""
from __future__ import annotations

import pytest

from rasd.knowledge import Knowledge
from rasd.sentences import split_sentences
from rasd.tokenize import tokenize


@pytest.fixture(scope="module")
def kb() -> Knowledge:
    return Knowledge.load()


def mentions(kb: Knowledge, text: str):
    sentences = split_sentences(text)
    return kb.find_mentions(text, sentences, tokenize(text, sentences))


def at(kb: Knowledge, text: str, form: str):
    found = [m for m in mentions(kb, text) if m.text == form]
    assert found, f"no mention {form!r} in {[m.text for m in mentions(kb, text)]}"
    return found[0]


@pytest.mark.parametrize("text", [
    "شهدت مدينة طرابلس اللبنانية احتجاجات على غلاء الأسعار.",
    "اندلعت اشتباكات في طرابلس شمال لبنان بين مسلحين من حيين متجاورين.",
    "أعلن محافظ الشمال إغلاق المدارس في طرابلس ليومين بعد اشتباكات عنيفة في شمال لبنان.",
])
def test_lebanese_tripoli_stays_in_lebanon(kb, text):
    tripoli = at(kb, text, "طرابلس")
    assert tripoli.place is not None and tripoli.place.country == "LBN"
    assert tripoli.actor is None  # not the Libyan government speaking


@pytest.mark.parametrize("text, actor, country", [
    ("طرابلس تتهم القاهرة بالتدخل في الشأن الليبي.", "LBY.GOV", "LBY"),   # the capital speaking
    ("قصفت الطائرات مواقع قرب طرابلس الليبية.", None, "LBY"),
])
def test_libyan_tripoli_is_still_the_capital(kb, text, actor, country):
    tripoli = at(kb, text, "طرابلس")
    assert tripoli.place.country == country
    assert (tripoli.actor.id if tripoli.actor else None) == actor


@pytest.mark.parametrize("text, form, actor, place_country", [
    ("عاد آلاف النازحين إلى إقليم كردستان بعد تحسن الأوضاع.", "إقليم كردستان", None, "IRQ"),
    ("قصفت تركيا مواقع بإقليم كردستان العراق.", "إقليم كردستان العراق", None, "IRQ"),
    ("رفض إقليم كردستان قرار بغداد وقف تصدير النفط.", "إقليم كردستان", "KRG", "IRQ"),
])
def test_an_actor_named_by_a_place_word_is_the_place_after_a_preposition(kb, text, form, actor, place_country):
    m = at(kb, text, form)
    assert (m.actor.id if m.actor else None) == actor
    assert m.place is not None and m.place.country == place_country


def test_the_regional_government_stays_an_actor(kb):
    m = at(kb, "وقالت حكومة إقليم كردستان إن الهجوم استهدف مطار أربيل.", "حكومة إقليم كردستان")
    assert m.actor.id == "KRG"


def test_a_crowd_word_inside_a_place_name_is_the_place(kb):
    m = at(kb, "تتهم الحكومة حركات انفصالية بإثارة الفوضى في منطقة القبائل.", "منطقة القبائل")
    assert m.actor is None and m.place.id == "DZA:A1:KABYLIE"


@pytest.mark.parametrize("text, actor", [
    ("التقى السفير الأمريكي في عدن رئيس المجلس الرئاسي لبحث الأزمة.", "PLC_YEM"),
    ("استقبل رئيس المجلس الرئاسي في طرابلس وفدا أوروبيا.", "GNA"),
])
def test_a_name_two_actors_share_follows_the_document_places(kb, text, actor):
    assert at(kb, text, "المجلس الرئاسي").actor.id == actor


@pytest.mark.parametrize("text, organ", [
    ("تسلمت السلطات المحلية في شبوة مطار عتق من القوات الإماراتية.", "YEM.GOV"),
    ("أعلنت الشرطة في البصرة توقيف مطلوبين بعد وصول تعزيزات أمريكية.", "IRQ.POL"),
])
def test_an_organ_placed_by_a_preposition_belongs_to_that_place(kb, text, organ):
    found = {m.actor.id for m in mentions(kb, text) if m.actor is not None}
    assert organ in found


@pytest.mark.parametrize("text, form", [
    ("تبنى تنظيم ولاية سيناء الهجوم على كمين للجيش.", "تنظيم ولاية سيناء"),
    ("أعلن مسلحو ولاية سيناء مسؤوليتهم عن الهجوم على نقطة تفتيش.", "مسلحو ولاية سيناء"),
])
def test_a_group_named_after_a_province_stays_the_group(kb, text, form):
    m = at(kb, text, form)
    assert m.actor.id == "ISIS_SINAI" and m.place is None
