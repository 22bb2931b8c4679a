"""Sentence splitting on Arabic and Latin punctuation and on line structure.

A sentence ends at a line break, or after . ! ? ؟ ؛ ; … (with any closing quotes or brackets
that follow). It does not end at a decimal point (3.5), inside a Latin word or domain
(U.S., www.site.com), after a one-letter abbreviation (د. for دكتور, م. after a year, ص.ب),
or inside «guillemets» that are still open on the same line.
"""
from __future__ import annotations

import re

from .model import Sentence

# A candidate end: a run of end marks with the quotes/brackets closing after them, or line
# breaks (a run of them at once: the blank lines between them hold no sentence; written \n\n*
# because \n+ would cost re its quick scan for the first character).
_CANDIDATE = re.compile(r"[.!?؟؛;…]+[\"'»”’)\]]*|\n\n*")
_CLOSERS = "\"'»”’)]"
# One-letter words before a full stop are abbreviations: د. (doctor), م. (AD, engineer), ق.م, U.S.
_ABBREV_BEFORE = re.compile(r"(?:^|[\s(«\"])[\u0621-\u064AA-Za-z](?:\.[\u0621-\u064AA-Za-z])*$")


def _is_end(text: str, start: int, end: int, seg_start: int) -> bool:
    """Whether the end marks at text[start:end] close a sentence."""
    marks = text[start:end].rstrip(_CLOSERS)
    after = text[end] if end < len(text) else ""
    before = text[start - 1] if start > 0 else ""
    if marks == ".":
        if before.isdigit() and after.isdigit():
            return False  # 3.5
        if after and after.isascii() and after.isalnum() and before.isascii() and before.isalnum():
            return False  # U.S.A, www.site.com
        if _ABBREV_BEFORE.search(text, seg_start if seg_start > start - 12 else start - 12, start):
            return False  # د. محمد, 2017 م. في
        # (only a digit or a space before the stop can make the segment a bare number)
        if (before.isdigit() or before.isspace()) and text[seg_start:start].strip().isdigit():
            return False  # "1." opening an item of a numbered list
    if marks in (".", ";") and after and not after.isspace() and after not in _CLOSERS:
        if after.isascii():
            return False  # 1.2.3, a;b inside Latin text
    # still inside «…» opened in this sentence: the quote goes on
    if text.find("«", seg_start, end) >= 0 \
            and text.count("«", seg_start, end) > text.count("»", seg_start, end):
        return False
    return True


def split_sentences(text: str) -> list[Sentence]:
    """Sentences of ``text`` as spans, trimmed of surrounding white space."""
    out: list[Sentence] = []
    seg_start = 0
    for m in _CANDIDATE.finditer(text):
        start, end = m.span()
        if text[start] != "\n" and not _is_end(text, start, end, seg_start):
            continue
        _append(out, text, seg_start, end)
        seg_start = end
    _append(out, text, seg_start, len(text))
    return out


def _append(out: list[Sentence], text: str, s: int, e: int) -> None:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    if e > s:
        out.append(Sentence(len(out), s, e))


__all__ = ["split_sentences"]
