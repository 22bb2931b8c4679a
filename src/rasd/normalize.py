"""Arabic normalization for matching. It never touches ``Document.text``: a normalized view
comes with a map back to original offsets.

What is folded, and why (one small table each, camel_tools-style):
- diacritics (harakat, tanween, shadda, sukun, dagger alef) and tatweel/kashida: decoration;
- alef forms أ إ آ ٱ → ا: writers drop hamzas freely;
- ى → ي and ة → ه: both are confused in print (على/علي, درنة/درنه);
- Persian/Urdu letters and Arabic presentation forms → base letters (copied PDF and old sites);
- Arabic-Indic and Persian digits → ASCII digits.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from functools import lru_cache

DIACRITICS = "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0653\u0654\u0655\u0656\u0657\u0658\u0670"
TATWEEL = "\u0640"
# Zero-width and direction marks that scraped pages leave inside words.
INVISIBLE = "\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff"

_LETTERS = {
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ٲ": "ا", "ٳ": "ا",
    "ى": "ي", "ی": "ي", "ې": "ي", "ے": "ي",
    "ة": "ه", "ۀ": "ه", "ە": "ه", "ھ": "ه",
    "ک": "ك", "ڪ": "ك", "گ": "ك",
    "ٹ": "ت", "پ": "ب", "چ": "ج", "ژ": "ز", "ڤ": "ف", "ڨ": "ق",
}
_DIGITS = {chr(0x0660 + i): str(i) for i in range(10)} | {chr(0x06F0 + i): str(i) for i in range(10)}


def _presentation_forms() -> dict[str, str]:
    """Arabic presentation forms (U+FB50–U+FDFF, U+FE70–U+FEFF) to their base letters."""
    table = {}
    for cp in list(range(0xFB50, 0xFE00)) + list(range(0xFE70, 0xFEFF)):
        ch = chr(cp)
        base = unicodedata.normalize("NFKC", ch)
        if base != ch and base.strip():
            table[ch] = base
    return table


def _build_table() -> dict[int, str | None]:
    table: dict[int, str | None] = {ord(c): None for c in DIACRITICS + TATWEEL + INVISIBLE}
    for src, dst in _presentation_forms().items():
        # ligatures of marks (ﳲ = tatweel + shadda + fatha) fold to nothing, like the marks
        folded = "".join(_LETTERS.get(c, _DIGITS.get(c, c)) for c in dst
                         if c not in DIACRITICS and c != TATWEEL and not c.isspace())
        table[ord(src)] = folded or None
    table.update({ord(k): v for k, v in _LETTERS.items()})
    table.update({ord(k): v for k, v in _DIGITS.items()})
    return table


@lru_cache(maxsize=1)
def _table() -> dict[int, str | None]:
    """The translation table, built on first use."""
    return _build_table()


@lru_cache(maxsize=1)
def _length_changers() -> re.Pattern[str]:
    """Characters whose normalized form is not exactly one character long."""
    chars = [chr(k) for k, v in _table().items() if v is None or len(v) != 1]
    return re.compile("[" + re.escape("".join(chars)) + "]")


@lru_cache(maxsize=1)
def _lookup() -> list[str | None]:
    """``_table`` as a list indexed by code point: str.translate reads it ~40% faster than a
    dict (characters past U+FFFF fall outside it and stay as they are, as with the dict)."""
    out: list[str | None] = [chr(i) for i in range(0x10000)]
    for k, v in _table().items():
        out[k] = v
    return out


# Letters that change in almost every text; every other changing character is rare.
_FREQUENT = "ةأإىآ"


@lru_cache(maxsize=1)
def _passes() -> tuple[tuple[tuple[str, str], ...], re.Pattern[str], dict[str, str]]:
    """The frequent letters with their folded forms, a pattern for the rare changing
    characters, and the folded form (maybe empty) of each of those."""
    table = _table()
    frequent = tuple((c, table[ord(c)] or "") for c in _FREQUENT)
    rare = {chr(k): v or "" for k, v in table.items() if chr(k) not in _FREQUENT}
    return frequent, re.compile("[" + re.escape("".join(rare)) + "]"), rare


def normalize(s: str) -> str:
    """The matching form of ``s`` (see module docstring). Idempotent."""
    if len(s) < 16:
        return s.translate(_lookup())
    # str.translate looks every character up in turn; on a sentence or an article a few
    # str.replace passes (each one C loop over the string) are 3-4x faster: one per frequent
    # letter, then one per distinct rare character present (harakat, tatweel: usually none
    # or a handful). Every folded form is already normal, so the passes cannot interfere.
    frequent, rare, folded = _passes()
    for c, r in frequent:
        s = s.replace(c, r)
    found = rare.findall(s)
    if len(found) > 40:
        return s.translate(_lookup())
    for c in set(found):
        s = s.replace(c, folded[c])
    return s


def letter_for_letter(s: str) -> bool:
    """Whether ``normalize`` turns each character of ``s`` into exactly one character, so that
    ``normalize(s[i:j]) == normalize(s)[i:j]``."""
    return _length_changers().search(s) is None


def normalize_with_map(s: str) -> tuple[str, list[int]]:
    """Normalize ``s`` and return, for each character of the result, its offset in ``s``.

    The list has one extra entry, ``len(s)``, so a normalized span [i, j) maps back to
    ``s[offsets[i]:offsets[j]]`` — including a span that ends at the end of the string.
    """
    table = _table()
    norm = normalize(s)
    if len(norm) == len(s) and not _length_changers().search(s):
        return norm, list(range(len(s) + 1))  # the common case: one char for one char
    lookup = _lookup()
    out: list[str] = []
    offsets: list[int] = []
    done = 0
    # between the characters that change length, one character stays one character
    for m in _length_changers().finditer(s):
        i = m.start()
        if i > done:
            out.append(s[done:i].translate(lookup))
            offsets.extend(range(done, i))
        rep = table[ord(s[i])]
        if rep is not None:
            out.append(rep)
            offsets.extend([i] * len(rep))
        done = i + 1
    if done < len(s):
        out.append(s[done:].translate(lookup))
        offsets.extend(range(done, len(s)))
    offsets.append(len(s))
    norm = "".join(out)
    # a multi-letter replacement (ﻻ → لا) maps each of its letters to the one source char;
    # the end of a span inside it then maps to the character after it.
    return norm, offsets


@lru_cache(maxsize=1024)
def normalized_segment(s: str) -> tuple[str, Sequence[int]]:
    """``normalize_with_map`` of a sentence, memoized and read-only: the time and casualty
    readers and the clause splitter all read the same sentences, once per event trigger."""
    norm = normalize(s)
    if len(norm) == len(s) and not _length_changers().search(s):
        return norm, range(len(s) + 1)
    norm, offsets = normalize_with_map(s)
    return norm, tuple(offsets)


def original_span(offsets: list[int], start: int, end: int) -> tuple[int, int]:
    """Map a [start, end) span of the normalized string back to the original string."""
    if end <= start:
        return offsets[start], offsets[start]
    return offsets[start], offsets[end - 1] + 1


def strip_diacritics(s: str) -> str:
    """Only remove harakat and tatweel (for display forms that keep their letters)."""
    return s.translate({ord(c): None for c in DIACRITICS + TATWEEL})


__all__ = ["normalize", "normalize_with_map", "letter_for_letter", "normalized_segment", "original_span",
           "strip_diacritics", "DIACRITICS", "TATWEEL"]
