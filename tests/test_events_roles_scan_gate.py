"""The argument scanner skips its word tests for a word in none of its word sets: the gate set
must hold every word those tests look for, or an argument would be missed."""
from __future__ import annotations

import pytest

from rasd.events import roles, syntax
from rasd.events.lexicon import default_lexicon

SCANNED_SETS = {
    "RELATIVES": roles.RELATIVES, "SCAN_STOPS": syntax.SCAN_STOPS, "COMPLEMENTIZERS": syntax.COMPLEMENTIZERS,
    "PREPOSITIONS": syntax.PREPOSITIONS, "AGENT": roles._AGENT_WORDS, "MEMBERS": roles._MEMBER_WORDS,
    "AFFILIATION": roles._AFFILIATION_WORDS, "MODIFIER": roles._MODIFIER_WORDS, "LOC_PREPS": syntax.LOC_PREPS,
    "PLACE_NOUNS": syntax.PLACE_NOUNS, "by": frozenset({"بواسطه"}),
}


@pytest.mark.parametrize("name", sorted(SCANNED_SETS))
def test_gate_holds_every_scanned_word(name):
    assert SCANNED_SETS[name] <= roles._SCAN_WORDS


@pytest.mark.parametrize("surface, marked", [
    ("الطائرات", False), ("مواقع", False), ("الحدود", False),  # plain nouns: every test skipped
    ("التي", True), ("بهدف", True), ("على", True), ("برصاص", True), ("بقيادة", True),
    ("ريف", True), ("شمال", True), ("التابعين", True), ("بواسطة", True), ("يتكون", True),
])
def test_words_the_scanner_reads_are_marked(surface, marked):
    w = default_lexicon().word(surface)
    assert (w.norm in roles._SCAN_WORDS or w.bare in roles._SCAN_WORDS or w.core in roles._SCAN_WORDS) == marked
