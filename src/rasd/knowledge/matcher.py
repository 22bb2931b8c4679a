"""A compiled multi-pattern matcher over normalized Arabic with word-boundary checks.

Patterns and text are both in the matching form of ``rasd.normalize``. A pattern matches
only at a word boundary, or after a chain of proclitics (و ف ب ل ك and the article):
"والجيش", "بالقاهرة", "للقاهرة", "وفرنسا" all match their bare pattern. A pattern that
begins with the article is stored without its alef so that "لل" (ل + ال) matches too.
On the right a match must end the word, unless the suffix is one the matcher was built
to allow. Overlaps are settled by ``find``: the longest match wins.
"""
from __future__ import annotations

from collections.abc import Iterable
from operator import itemgetter
from typing import Any, Generic, TypeVar

import ahocorasick

from ..normalize import normalize

P = TypeVar("P")
_START = itemgetter(0)
_END = itemgetter(1)

# What may stand between the start of a word and a pattern without the article ...
PLAIN_PREFIXES = frozenset({"", "و", "ف", "ب", "ل", "ك", "وب", "ول", "فب", "فل", "وك", "فك"})
# ... and before a pattern that begins with the article, once its alef is dropped
# ("الجيش" is stored as "لجيش": "الجيش" leaves "ا", "للجيش" leaves "ل", "وبالجيش" "وبا").
ARTICLE_PREFIXES = frozenset({"ا", "وا", "فا", "با", "كا", "وبا", "فبا", "وكا", "فكا",
                              "ل", "ول", "فل"})


def is_word_char(ch: str) -> bool:
    """Letters and digits of any script belong to words; everything else separates them."""
    return ch.isalnum()


def matching_key(form: str) -> tuple[str, bool]:
    """The stored key of a surface form and whether it carries the article."""
    norm = " ".join(normalize(form).split())
    if norm.startswith("ال") and len(norm) > 3:
        return norm[1:], True
    return norm, False


class Matcher(Generic[P]):
    """Aho-Corasick over normalized forms; payloads are whatever the caller attaches."""

    def __init__(self, automaton: Any, suffixes: frozenset[str]):
        self._automaton = automaton
        self._suffixes = suffixes
        self._empty = len(automaton) == 0

    @classmethod
    def build(cls, entries: Iterable[tuple[str, P]], suffixes: Iterable[str] = ()) -> "Matcher[P]":
        """Compile (surface form, payload) pairs; several payloads may share one form."""
        grouped: dict[str, tuple[bool, list[P]]] = {}
        for form, payload in entries:
            key, article = matching_key(form)
            if len(key) < 2:
                continue
            # a form with the article and one without can collide on a key only in theory;
            # the article flag of the first form decides, which keeps the key unique.
            slot = grouped.setdefault(key, (article, []))
            if payload not in slot[1]:
                slot[1].append(payload)
        automaton = ahocorasick.Automaton()
        for key, (article, payloads) in grouped.items():
            automaton.add_word(key, (len(key), article, tuple(payloads)))
        if len(automaton):
            automaton.make_automaton()
        return cls(automaton, frozenset(suffixes))

    def __len__(self) -> int:
        return len(self._automaton)

    def find_all(self, norm: str) -> list[tuple[int, int, tuple[P, ...]]]:
        """Every match that respects word boundaries, overlapping ones included, by start."""
        if self._empty:
            return []
        out = []
        append = out.append
        n = len(norm)
        suffixes = self._suffixes
        # most hits lie inside a word; a space after the text lets that test skip the bounds check
        padded = norm + " "
        for last, payload in self._automaton.iter(norm):
            end = last + 1
            if not suffixes and padded[end].isalnum():
                continue  # inside a word ("سوري" in "السوريه"): the cheap test first
            length, article, payloads = payload
            start = end - length
            # left boundary: the word start, or a proclitic chain from the word start
            if start and norm[start - 1].isalnum():
                w = start - 1
                # a chain has at most 4 letters: stop looking back once it would be longer
                while w > 0 and norm[w - 1].isalnum() and start - w <= 4:
                    w -= 1
                if start - w > 4:
                    continue
                prefix = norm[w:start]
                if not (prefix in ARTICLE_PREFIXES if article else prefix in PLAIN_PREFIXES):
                    continue
                if article and prefix[-1] == "ا":
                    start -= 1  # the span starts at the article; in "للجيش" at its lam
            elif article:
                continue  # an article key always has a letter of the article before it
            # right boundary: the word ends here (tested above when no suffix is allowed), or
            # only an allowed suffix follows
            if suffixes and end < n and norm[end].isalnum():
                e = end
                while e < n and norm[e].isalnum():
                    e += 1
                if norm[end:e] not in suffixes:
                    continue
                end = e
            append((start, end, payloads))
        # by start, the longest first (two stable C-level sorts instead of a key function)
        out.sort(key=_END, reverse=True)
        out.sort(key=_START)
        return out

    def find(self, norm: str) -> list[tuple[int, int, tuple[P, ...]]]:
        """Non-overlapping matches, the longest first, then the leftmost."""
        return longest_first(self.find_all(norm))


def longest_first(matches: list[tuple[int, int, Any]]) -> list[tuple[int, int, Any]]:
    """Keep the longest of overlapping spans (ties: the leftmost), in text order."""
    taken: list[tuple[int, int, Any]] = []
    occupied = bytearray(max((m[1] for m in matches), default=0))
    for m in sorted(matches, key=lambda m: (m[0] - m[1], m[0])):
        if occupied.find(1, m[0], m[1]) < 0:
            taken.append(m)
            occupied[m[0]:m[1]] = b"\x01" * (m[1] - m[0])
    taken.sort(key=lambda m: m[0])
    return taken


__all__ = ["Matcher", "longest_first", "matching_key", "is_word_char",
           "PLAIN_PREFIXES", "ARTICLE_PREFIXES"]
