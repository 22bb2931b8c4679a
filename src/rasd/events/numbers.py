"""Numbers as Arabic news writes them: digits (Arabic-Indic too, after normalization), number
words in every case and gender (خمسة وعشرون، ثلاثة آلاف، أحد عشر), and vague plurals (عشرات).

Everything here works on *normalized* text (rasd.normalize): ة→ه, أ/إ/آ→ا, ى→ي, digits ASCII.
The word list is package data (data/lexicon/number_words.tsv).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from ..normalize import normalize
from .alternation import longest_first

_DIGITS = r"\d{1,3}(?:[,\u066c]\d{3})+|\d+(?:[.\u066b]\d+)?"


@dataclass(frozen=True, slots=True)
class NumberWords:
    """The number-word lexicon, compiled: word → (value, kind), and regex sources."""

    words: dict[str, tuple[int, str]]
    vague: dict[str, int]
    number: str  # regex source: one exact number (digits with an optional scale word, or words)
    vague_number: str  # regex source: عشرات، مئات، آلاف (no exact count)


@lru_cache(maxsize=1)
def number_words() -> NumberWords:
    """The bundled number-word lexicon, loaded and compiled once."""
    text = resources.files("rasd").joinpath("data/lexicon/number_words.tsv").read_text("utf-8")
    words: dict[str, tuple[int, str]] = {}
    vague: dict[str, int] = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        form, value, kind = line.split("\t")[:3]
        form = normalize(form.strip())
        if kind.strip() == "vague":
            vague[form] = int(value)
        else:
            words.setdefault(form, (int(value), kind.strip()))
    word = longest_first(words)
    scales = "|".join(re.escape(w) for w, (_, k) in words.items() if k in ("thousand", "million"))
    number = (rf"(?:(?:{_DIGITS})(?:\s(?:{scales}))?(?![\w.])"
              rf"|{word}(?:(?:\sو\s?|\s|(?<=\s)و){word})*(?!\w))")
    vague_number = longest_first(vague) + r"(?!\w)"
    return NumberWords(words, vague, number, vague_number)


def parse_number(norm: str) -> int | None:
    """The value of a normalized number expression matched by ``NumberWords.number``."""
    norm = norm.strip()
    if not norm:
        return None
    lexicon = number_words()
    if norm[0].isdigit():
        head, _, scale = norm.partition(" ")
        head = head.replace(",", "").replace("\u066c", "").replace("\u066b", ".")
        try:
            value = float(head)
        except ValueError:
            return None
        kind = lexicon.words.get(scale, (0, ""))[1]
        value *= {"thousand": 1000, "million": 1_000_000}.get(kind, 1)
        return int(round(value))
    return _words_value(norm, lexicon.words)


def _words_value(norm: str, words: dict[str, tuple[int, str]]) -> int | None:
    """Arabic number words in their usual order: units before tens, then hundreds, thousands."""
    total = current = 0
    seen = False
    previous_kind = ""
    for token in norm.split():
        entry = words.get(token)
        if entry is None and token.startswith("و"):
            entry = words.get(token[1:])
        if entry is None:
            return None if not seen else total + current
        value, kind = entry
        seen = True
        if kind == "unit":
            if value == 10 and previous_kind == "unit" and current < 10:
                current += 10  # أحد عشر، ثلاثة عشر
            else:
                current += value
        elif kind == "ten":
            current += value
        elif kind == "hundred":
            if value == 100 and previous_kind == "unit" and 0 < current < 10:
                current *= 100  # ثلاث مئة
            else:
                current += value
        elif kind in ("thousand", "million"):
            if value in (1000, 1_000_000) and current:
                total += current * value  # ثلاثة آلاف، خمسة ملايين
            else:
                total += value  # ألف، ألفان
            current = 0
        previous_kind = kind
    return total + current if seen else None


def vague_value(norm: str) -> int | None:
    """The lower bound recorded for a vague plural (عشرات → 20), or None."""
    return number_words().vague.get(norm.strip())


__all__ = ["NumberWords", "number_words", "parse_number", "vague_value"]
