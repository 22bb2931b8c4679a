"""The casualty reader runs only the constructions whose cue word a sentence holds; the counts
it finds must be exactly those that running every construction finds."""
from __future__ import annotations

import pytest

from rasd.events import casualties
from rasd.normalize import normalized_segment

SENTENCES = [
    "أسفر الهجوم عن مقتل 11 شخصا وإصابة 55 آخرين",
    "قتل 5 جنود وأصيب ثلاثة آخرون في الكمين",
    "أدى الانفجار إلى سقوط 3 قتلى و١٢ جريحا",
    "لقي 4 أشخاص حتفهم في انهيار المبنى",
    "أربعة مدنيين لقوا حتفهم في القصف",
    "ارتفع عدد القتلى جراء التفجير إلى 40",
    "بلغت حصيلة الضحايا 232 قتيلا و1900 جريح",
    "مقتل وإصابة 20 شخصا في الغارة",
    "سقط قتيلان وثلاثة جرحى في الاشتباكات",
    "اعتقلت قوات الأمن 12 شخصا بتهمة الانتماء إلى التنظيم",
    "مقتل جندي وإصابة آخر بجروح طفيفة",
    "قتل عام 2014 في ظروف غامضة",
    "اختطف مسلحون سبعة صيادين قبالة الساحل",
    "وصل الوفد إلى المدينة على بعد 2 كلم من الحدود",
    "ألقت الشرطة القبض على ثلاثة مشتبه بهم",
    "وبمقتل قائدها تراجعت الجماعة",
    "لم يصب أحد في الحادث",
]


def _mentions(segment: str):
    casualties._segment_mentions.cache_clear()
    return casualties._segment_mentions(segment)


def _compare(monkeypatch, segments: list[str]) -> int:
    filtered = [_mentions(s) for s in segments]
    with monkeypatch.context() as m:
        m.setattr(casualties, "_constructions_for",
                  lambda norm, cues: frozenset(cues.needs) if casualties._may_hold_casualties(norm, cues.keys)
                  else frozenset())
        everything = [_mentions(s) for s in segments]
    assert filtered == everything
    return sum(len(c) for c in filtered)


def test_filter_finds_what_every_construction_finds(monkeypatch):
    assert _compare(monkeypatch, SENTENCES) >= 15


@pytest.mark.parametrize("sentence, run, skipped", [
    ("لقي 4 أشخاص حتفهم في الحادث", "laqi", "dual"),
    ("سقط قتيلان في الاشتباكات", "dual", "laqi"),
    ("مقتل وإصابة 20 شخصا", "mixed", "tally"),
    ("ارتفع عدد القتلى إلى 40", "tally", "laqi"),
])
def test_only_constructions_with_their_word_run(sentence, run, skipped):
    norm, _ = normalized_segment(sentence)
    found = casualties._constructions_for(norm, casualties._cues())
    assert run in found and skipped not in found


def test_a_sentence_without_a_cue_runs_nothing():
    norm, _ = normalized_segment("وصل الوفد إلى العاصمة لإجراء محادثات مع الحكومة")
    assert not casualties._constructions_for(norm, casualties._cues())


@pytest.mark.slow
def test_filter_is_exact_on_the_corpus(monkeypatch, ant_sentences):
    assert _compare(monkeypatch, ant_sentences) > 50
