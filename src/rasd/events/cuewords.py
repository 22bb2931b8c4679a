"""The written words of a normalized sentence that the time and casualty readers look up, found
by one scan for both.

Both readers read every sentence that holds an event, and each used to scan it for the words of
its own vocabulary (a word with at most two clitic letters before a vocabulary word). One scan
for the union of the two vocabularies costs about as much as either scan alone; each reader
then looks the found words up in its own memo, where a word of the other's vocabulary asks for
nothing (a test checks that both readers see the same as with their own scans).
"""
from __future__ import annotations

import re
from functools import lru_cache

from .alternation import clitic_words


@lru_cache(maxsize=1)
def _scanner() -> re.Pattern[str]:
    """Whole words that are a vocabulary word of either reader after at most two letters."""
    from .casualties import _cues  # (imported here: both readers import this module)
    from .timex import _grammar
    vocabulary = set(_grammar().key_vocabulary)
    vocabulary |= _cues().cue_vocabulary  # empty when a cue is not one word (no short cut there)
    return clitic_words(vocabulary)


# A sentence is read by the time reader, then by the casualty reader: the last few answers kept.
@lru_cache(maxsize=64)
def vocabulary_words(norm: str) -> tuple[str, ...]:
    """The words of a normalized text that hold a time or casualty vocabulary word, in order."""
    return tuple(_scanner().findall(norm))


__all__ = ["vocabulary_words"]
