"""Regex alternations of many literal words, compiled as a character trie.

``(?:ثلاثه|ثلاثين|ثلاث)`` makes the regex engine try every word at every position; the trie
form ``(?:ثلاث(?:ه|ين)?)`` tests each character once, which makes the time and casualty
grammars several times faster. The matches are the same as those of the longest-first
alternation: of the words that fit at one position (all prefixes of one another), the longest
is tried first and shorter ones only when the rest of the pattern fails.
"""
from __future__ import annotations

import re
from collections.abc import Iterable


def longest_first(words: Iterable[str]) -> str:
    """A regex source that matches any of ``words``, longest first (as a non-capturing group)."""
    trie: dict = {}
    for word in set(words):
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = None  # a word ends here
    return "(?:" + _emit(trie) + ")"


def clitic_words(words: Iterable[str]) -> re.Pattern[str]:
    """Whole written words that are one of ``words`` after at most two letters (the clitics
    و ف ب ل ك ال and their pairs), as the time and casualty readers look for their vocabulary."""
    return re.compile(rf"(?<!\w)\w{{0,2}}{longest_first(words)}(?!\w)")


def _emit(node: dict) -> str:
    branches = [re.escape(ch) + _emit(child) for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if "" not in node:
        return body
    # a word ends here and longer ones go on: try the longer ones first (greedy "?")
    return f"(?:{body})?"


__all__ = ["longest_first", "clitic_words"]
