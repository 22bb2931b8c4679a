"""The time and casualty readers share one scan of a sentence for the words they look up, and the
time reader runs its dated-number rules only where the digits have their shape. What they find
must be what their own scans and every rule find."""
from __future__ import annotations

import datetime as dt

import pytest

from rasd.events import casualties, cuewords, timex
from rasd.events.alternation import clitic_words
from rasd.normalize import normalized_segment

# sentences written for this test: times, counts, both, near misses and neither
SENTENCES = [
    "قتل 5 جنود وأصيب ثلاثة آخرون في كمين فجر اليوم الأحد",
    "وبمقتل قائدها في 15 يوليو 2023 تراجعت الجماعة",
    "أسفرت الغارة أمس عن سقوط 3 قتلى و١٢ جريحا",
    "لقي 4 أشخاص حتفهم الليلة الماضية في انهيار المبنى",
    "اعتقلت الشرطة 12 شخصا منذ مطلع الشهر الجاري",
    "وقعت الاشتباكات في 2023-07-15 وأسفرت عن مقتل 11 شخصا",
    "وقعت الاشتباكات في 2023-7-1 بعد منتصف الليل",
    "سجل الرقم 2023-07 في التقرير وحده",  # an iso shape cut short
    "صدر القرار في 3/4/2021 وأعلن في 15.07.2022",
    "سجلت الحالة رقم 15/7 في 12-2021",  # numeric shapes without a full date
    "دارت المعارك بين 23 و31 مارس الماضي",
    "دارت المعارك بين 23 و 31 آذار وأوقعت قتيلين",
    "استمر الحصار من 3 الى 5 أيار 2019",
    "امتد القصف من 3 حتى 9 نيسان الماضي",
    "بين 23 وبين 31 جنديا قتلوا في مارس",  # a range broken by a word
    "التقى الوزير وفدا من 3 دول في مايو",
    "قال الأمين العام إن 20 شخصا أصيبوا بجروح",
    "وصل الوفد إلى العاصمة لإجراء محادثات مع الحكومة",
    "وللقتلى والجرحى ولليوم الثالث تتواصل الاحتجاجات",  # cue words after two clitic letters
    "بلغ العدد ٢٠٢٣-٠٧-١٥ وقتل ٣ يوم ١٥/٧/٢٠٢٣",  # Arabic-Indic digits
]

DATES = [None, dt.date(2024, 1, 12)]


@pytest.mark.parametrize("sentence", SENTENCES)
def test_shared_scan_finds_each_readers_own_words(sentence):
    norm, _ = normalized_segment(sentence)
    shared = set(cuewords.vocabulary_words(norm))
    grammar, cues = timex._grammar(), casualties._cues()
    own_time = set(clitic_words(grammar.key_vocabulary).findall(norm))
    own_casualty = set(cues.cue_words.findall(norm))
    assert shared == own_time | own_casualty
    # a word found for the other reader asks this one for nothing
    for word in shared - own_time:
        if not grammar.maybe_digit.search(word):  # (a digit word is the time reader's own)
            assert timex._word_rules(word, grammar) == (frozenset(), frozenset())
    for word in shared - own_casualty:
        candidates = (word, word[1:], word[2:])
        assert not any(c in cues.keys for c in candidates)
        assert not any(c in words for c in candidates for words in cues.needs.values())


def test_the_table_holds_words_of_both_readers():
    norms = [normalized_segment(s)[0] for s in SENTENCES]
    grammar, cues = timex._grammar(), casualties._cues()
    assert sum(bool(clitic_words(grammar.key_vocabulary).findall(n)) for n in norms) >= 10
    assert sum(bool(cues.cue_words.findall(n)) for n in norms) >= 10


def _all_rules(norm: str, grammar) -> set[str]:
    return {rule.name for rule in grammar.rules}


def _times(segment: str, published, future: bool):
    timex._segment_times.cache_clear()
    return timex._segment_times(segment, published, future)


def test_time_filter_finds_what_every_rule_finds(monkeypatch):
    filtered = [_times(s, p, f) for s in SENTENCES for p in DATES for f in (False, True)]
    with monkeypatch.context() as m:
        m.setattr(timex, "_rules_for", _all_rules)
        everything = [_times(s, p, f) for s in SENTENCES for p in DATES for f in (False, True)]
    assert filtered == everything
    assert sum(len(t) for t in filtered) > 30


def _mentions(segment: str):
    casualties._segment_mentions.cache_clear()
    return casualties._segment_mentions(segment)


def test_casualty_filter_finds_what_every_construction_finds(monkeypatch):
    filtered = [_mentions(s) for s in SENTENCES]
    with monkeypatch.context() as m:
        m.setattr(casualties, "_constructions_for",
                  lambda norm, cues: frozenset(cues.needs) if casualties._may_hold_casualties(norm, cues.keys)
                  else frozenset())
        everything = [_mentions(s) for s in SENTENCES]
    assert filtered == everything
    assert sum(len(c) for c in filtered) >= 8


@pytest.mark.parametrize("sentence, rule, runs", [
    ("صدر القرار في 2023-07-15", "iso", True),
    ("سجل الرقم 2023-07 وحده", "iso", False),
    ("وقعت الحادثة في 3/4/2021", "numeric", True),
    ("وقعت الحادثة في 15.07.2022", "numeric", True),
    ("سجلت الحالة رقم 15/7 في 2021", "numeric", False),
    ("دارت المعارك بين 23 و31 مارس", "day_range", True),
    ("امتد القصف من 3 حتى 9 نيسان", "day_range", True),
    ("التقى الوزير وفدا من 3 دول في مايو", "day_range", False),
])
def test_dated_number_rules_run_only_on_their_shape(sentence, rule, runs):
    norm, _ = normalized_segment(sentence)
    assert (rule in timex._rules_for(norm, timex._grammar())) is runs
    found = any(r.pattern.search(norm) for r in timex._grammar().rules if r.name == rule)
    assert found is runs  # (the table's cases do match, or cannot)
