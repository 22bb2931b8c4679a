"""Tokenization with clitic segmentation (placeholder: whitespace words, no clitics)."""
from __future__ import annotations

import re

from .model import Sentence, Token

_WORD = re.compile(r"\w+", re.UNICODE)


def tokenize(text: str, sentences: list[Sentence]) -> list[Token]:
    out = []
    for s in sentences:
        for m in _WORD.finditer(text, s.start, s.end):
            out.append(Token(m.start(), m.end(), m.group(), m.group(), m.start(), m.end(),
                             sentence=s.index))
    return out
