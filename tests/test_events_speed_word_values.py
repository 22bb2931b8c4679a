"""Words are made by a plain (not frozen) dataclass for speed, and a state mention's nisba test
is memoized by its text: both must behave exactly as before."""
from __future__ import annotations

import dataclasses

import pytest

from rasd.events.lexicon import Word, default_lexicon
from rasd.events.syntax import is_nisba, nisba_adjective
from rasd.model import Actor, Mention
from rasd.normalize import normalize

WORDS = ["وقصفت", "الغارات", "بالعاصمة", "للمتظاهرين", "اعتقلت", "سيجتمع", "والحكومة", "فجر"]


@pytest.mark.parametrize("surface", WORDS)
def test_words_are_compared_and_hashed_by_value(surface):
    lex = default_lexicon()
    w = lex.word(surface)
    twin = Word(*(getattr(w, f.name) for f in dataclasses.fields(Word)))
    assert twin is not w and twin == w and hash(twin) == hash(w)
    assert {w: 1}[twin] == 1  # a Word still serves as a key
    other = dataclasses.replace(w, core=w.core + "x")
    assert other != w


def _plain_is_nisba(mention: Mention) -> bool:
    """The nisba test as written before its text answer was memoized."""
    a = mention.actor
    if a is None or a.type != "state":
        return False
    t = normalize(mention.text).split()[-1]
    if t.startswith("ال"):
        t = t[2:]
    return len(t) >= 4 and t.endswith(("ي", "يه", "يون", "يين", "يان")) and " " not in mention.text.strip()


STATE = Actor("EGY", "Egypt", "مصر", "state", "EGY")
GROUP = Actor("HAMAS", "Hamas", "حماس", "armed_group", "PSE")


@pytest.mark.parametrize("text, actor, expected", [
    ("المصرية", STATE, True),
    ("المصري", STATE, True),
    ("المصريين", STATE, True),
    ("مصريون", STATE, True),
    ("مصر", STATE, False),
    ("جمهورية مصر", STATE, False),
    ("الإسرائيليَّة", STATE, True),  # a vowel sign on the ending
    ("الإسرائيلية", GROUP, False),  # not a state
    ("السعودية", None, False),
    (" المصرية ", STATE, True),
])
def test_nisba_answers_as_the_plain_test(text, actor, expected):
    for _ in range(2):  # the second answer comes from the memo
        mention = Mention(0, len(text), text, "GPE", actor=actor)
        assert is_nisba(mention) is expected
        assert is_nisba(mention) == _plain_is_nisba(mention)
    if expected:
        assert nisba_adjective(Mention(0, len(text), text, "GPE", actor=actor)) == \
            normalize(text).split()[-1].endswith(("ي", "يه"))
