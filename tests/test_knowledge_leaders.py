"""Heads before a leader or a group: the force the leader commands (one convention: "قوات
حفتر" is LNA, "حفتر" alone is HAFTAR), across a title or "الموالية لـ", and what stays apart."""
from __future__ import annotations

import pytest

from rasd.knowledge import Knowledge
from rasd.sentences import split_sentences
from rasd.tokenize import tokenize


@pytest.fixture(scope="module")
def kb() -> Knowledge:
    return Knowledge.load()


def actors(kb: Knowledge, text: str) -> dict[str, str]:
    sentences = split_sentences(text)
    return {m.text: m.actor.id for m in kb.find_mentions(text, sentences, tokenize(text, sentences))
            if m.actor is not None and m.actor.id is not None}


@pytest.mark.parametrize("text, form", [
    ("صدت قوات الحكومة هجوما لقوات حفتر جنوب العاصمة.", "قوات حفتر"),
    ("تقدمت ميليشيات حفتر نحو المطار القديم.", "ميليشيات حفتر"),
    ("قصفت قوات المشير خليفة حفتر مواقع في غريان.", "قوات المشير خليفة حفتر"),
    ("اشتبكت القوات الموالية لحفتر مع قوات الوفاق.", "القوات الموالية لحفتر"),
    ("سيطرت قوات خليفة حفتر على قاعدة الجفرة.", "قوات خليفة حفتر"),
])
def test_forces_of_haftar_are_the_lna(kb, text, form):
    assert actors(kb, text).get(form) == "LNA"


@pytest.mark.parametrize("text, form", [
    ("وقال حفتر إن قواته ستدخل طرابلس.", "حفتر"),
    ("التقى المشير خليفة حفتر السفير الأمريكي.", "خليفة حفتر"),
])
def test_the_leader_alone_is_the_person(kb, text, form):
    assert actors(kb, text).get(form) == "HAFTAR"


def test_loyal_to_a_state_is_not_its_army(kb):
    found = actors(kb, "هاجمت الميليشيات الموالية لإيران قاعدة عين الأسد.")
    assert "IRN.MIL" not in found.values()
    assert found.get("إيران") == "IRN"


@pytest.mark.parametrize("text, head, head_id, group, group_id", [
    ("اعتقلت الشرطة عناصر تابعة لداعش في الموصل.", "الشرطة", "IRQ.POL", "عناصر تابعة لداعش", "ISIS"),
    ("اعتقلت الشرطة العراقية عناصر داعش في الموصل.", "الشرطة العراقية", "IRQ.POL", "عناصر داعش", "ISIS"),
])
def test_a_definite_head_does_not_swallow_the_phrase_after_it(kb, text, head, head_id, group, group_id):
    found = actors(kb, text)
    assert found.get(group) == group_id
    assert found.get(head) == head_id


@pytest.mark.parametrize("text, word", [
    ("شهدت المدينة هجوما انتحاريا استهدف مقر البلدية.", "انتحاريا"),
    ("نفذ التنظيم تفجيرا انتحاريا قرب السوق.", "انتحاريا"),
])
def test_an_accusative_adjective_is_no_actor(kb, text, word):
    assert word not in actors(kb, text)


@pytest.mark.parametrize("text, form, generic", [
    ("يقيم أكثر من مليون لاجئ سوري في لبنان.", "لاجئ سوري", "REFUGEES"),
    ("اندلعت اشتباكات بين فصائل فلسطينية في المخيم.", "فصائل فلسطينية", "ARMED_GROUPS"),
    ("اغتال مسلحون ناشطا في كربلاء.", "ناشطا", "ACTIVISTS"),
])
def test_typed_crowds(kb, text, form, generic):
    assert actors(kb, text).get(form) == generic


@pytest.mark.parametrize("text, form, actor", [
    # a head before a named force of a divided state is that force, not the state's army
    ("شنت مقاتلات الجيش الوطني الليبي غارات على مواقع في درنة.", "مقاتلات الجيش الوطني الليبي", "LNA"),
    # with a plain nisba it stays the state's army
    ("قصفت طائرات الجيش الليبي مواقع في درنة.", "طائرات الجيش الليبي", "LBY.MIL"),
])
def test_a_head_before_a_named_force_is_that_force(kb, text, form, actor):
    assert actors(kb, text)[form] == actor
