"""find_all's word boundaries: a pattern inside a word matches only after a chain of at most
four proclitic letters; matches come by start, the longest first."""
from __future__ import annotations

import pytest

from rasd.knowledge.matcher import Matcher
from rasd.normalize import normalize

PATTERNS = [("الجيش", "ARMY"), ("الجيش الوطني", "NATIONAL_ARMY"), ("مصر", "EGY"),
            ("حماس", "HAMAS"), ("رام الله", "RAMALLAH")]


@pytest.fixture(scope="module")
def matcher() -> Matcher[str]:
    return Matcher.build(PATTERNS)


def spans(matcher: Matcher[str], text: str) -> list[tuple[str, tuple[str, ...]]]:
    norm = normalize(text)
    return [(norm[s:e], p) for s, e, p in matcher.find_all(norm)]


@pytest.mark.parametrize("text, expected", [
    ("وبالجيش", [("الجيش", ("ARMY",))]),  # و + ب + ال: the article belongs to the span
    ("فبمصر", [("مصر", ("EGY",))]),  # a chain of two letters
    ("ولمصر", [("مصر", ("EGY",))]),
    ("تمصر", []),  # ت is no proclitic
    ("استمصر", []),  # a pattern deep inside a longer word
    ("الاستحماس", []),  # five letters before it: too long for any chain
    ("مصري", []),  # the word goes on after the pattern
    ("حماس.", [("حماس", ("HAMAS",))]),  # punctuation ends the word
    ("رام الله", [("رام الله", ("RAMALLAH",))]),
])
def test_boundaries(matcher, text, expected):
    assert spans(matcher, text) == expected


def test_overlapping_matches_come_by_start_longest_first(matcher):
    got = spans(matcher, "قال الجيش الوطني إن حماس")
    assert got == [("الجيش الوطني", ("NATIONAL_ARMY",)), ("الجيش", ("ARMY",)), ("حماس", ("HAMAS",))]
