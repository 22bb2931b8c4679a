"""The matcher: normalized Aho-Corasick with Arabic word boundaries and proclitics."""
from __future__ import annotations

import pytest

from rasd.knowledge.matcher import Matcher
from rasd.normalize import normalize

PATTERNS = [("الجيش الليبي", "LBY.MIL"), ("ليبيا", "LBY"), ("القاهرة", "CAIRO"), ("داعش", "ISIS"),
            ("الجيش", "ARMY"), ("مصر", "EGY"), ("أنصار الشريعة", "ASL")]


@pytest.fixture(scope="module")
def matcher() -> Matcher[str]:
    return Matcher.build(PATTERNS)


def found(matcher: Matcher[str], text: str) -> list[tuple[str, tuple[str, ...]]]:
    norm = normalize(text)
    return [(norm[s:e], p) for s, e, p in matcher.find(norm)]


@pytest.mark.parametrize("text, expected", [
    ("قاتل الجيش الليبي", [("الجيش الليبي", ("LBY.MIL",))]),          # longest wins over الجيش
    ("دعم للجيش الليبي", [("لجيش الليبي", ("LBY.MIL",))]),             # ل + ال written لل: ل stays out
    ("والجيش الليبي", [("الجيش الليبي", ("LBY.MIL",))]),
    ("اجتماع بالقاهرة", [("القاهره", ("CAIRO",))]),
    ("وبالقاهرة", [("القاهره", ("CAIRO",))]),
    ("عناصر لداعش", [("داعش", ("ISIS",))]),
    ("وفي ليبيا ولليبيا", [("ليبيا", ("LBY",)), ("ليبيا", ("LBY",))]),
    ("وأنصار الشريعة", [("انصار الشريعه", ("ASL",))]),                # hamza and ta marbuta folded
    ("مصرف ليبيا المركزي", [("ليبيا", ("LBY",))]),                     # مصر inside مصرف: no match
    ("الداعشي", []),                                                     # no suffix allowed by default
    ("مليبيا", []),                                                      # م is no proclitic
    ("القاهرةِ", [("القاهره", ("CAIRO",))]),                            # harakat ignored
])
def test_matcher_boundaries(matcher, text, expected):
    assert found(matcher, text) == expected


def test_matcher_allows_configured_suffixes():
    m = Matcher.build([("الحوثي", "HOUTHIS")], suffixes=("ون", "ين"))
    assert [p for _, p in found(m, "هاجم الحوثيين والحوثيون")] == [("HOUTHIS",), ("HOUTHIS",)]
    assert found(m, "الحوثيات") == []


def test_matcher_keeps_all_payloads_of_a_form():
    m = Matcher.build([("عمان", "OMN"), ("عمّان", "AMMAN")])
    assert found(m, "في عمان") == [("عمان", ("OMN", "AMMAN"))]


def test_matcher_find_all_keeps_overlaps(matcher):
    norm = normalize("الجيش الليبي")
    spans = [(s, e) for s, e, _ in matcher.find_all(norm)]
    assert (0, 5) in spans and (0, len(norm)) in spans


def test_empty_matcher_finds_nothing():
    assert Matcher.build([]).find("ليبيا") == []
