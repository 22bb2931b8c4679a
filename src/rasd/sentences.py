"""Sentence splitting (placeholder: lines and full stops)."""
from __future__ import annotations

import re

from .model import Sentence

_SPLIT = re.compile(r"[^\n.!?؟]+[.!?؟]*")


def split_sentences(text: str) -> list[Sentence]:
    out = []
    for m in _SPLIT.finditer(text):
        s, e = m.start(), m.end()
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append(Sentence(len(out), s, e))
    return out
