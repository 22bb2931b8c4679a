"""normalize_with_map gives the offsets a character-by-character walk gives, also for text with
diacritics, tatweel, ligatures and invisible marks; normalized_segment gives the same, memoized."""
from __future__ import annotations

import pytest

from rasd.normalize import _table, normalize, normalize_with_map, normalized_segment


def _reference(s: str) -> tuple[str, list[int]]:
    table = _table()
    out, offsets = [], []
    for i, ch in enumerate(s):
        rep = table.get(ord(ch), ch)
        if rep is None:
            continue
        out.append(rep)
        offsets.extend([i] * len(rep))
    offsets.append(len(s))
    return "".join(out), offsets


TEXTS = [
    "قصفت الطائرات مواقع المسلحين",  # nothing to fold
    "قَصَفَتِ الطّائراتُ مواقعَ المسلّحين",  # diacritics and shadda
    "الحكــــومة أعلنت",  # tatweel
    "\u200fقال الوزير\u200e إن",  # direction marks
    "ﻻ تفاوض مع الإرهاب ﷲ",  # presentation-form ligatures that expand
    "مِئَةٌ وَخَمْسُونَ ١٥٠ قتيلاً",  # Arabic-Indic digits with tanween
    "ـــ",  # only tatweel
    "",
    "a\u064bb\u0651",  # marks after Latin letters
]


@pytest.mark.parametrize("text", TEXTS)
def test_offsets_match_the_character_walk(text):
    norm, offsets = normalize_with_map(text)
    assert (norm, offsets) == _reference(text)
    assert norm == normalize(text)


@pytest.mark.parametrize("text", TEXTS)
def test_normalized_segment_agrees(text):
    norm, offsets = normalized_segment(text)
    ref_norm, ref_offsets = normalize_with_map(text)
    assert norm == ref_norm and list(offsets) == ref_offsets
    assert normalized_segment(text) is normalized_segment(text)  # memoized
