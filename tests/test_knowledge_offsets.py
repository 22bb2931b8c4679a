"""OffsetMap maps normalized spans back exactly as normalize_with_map does."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from rasd.knowledge import OffsetMap
from rasd.normalize import normalize_with_map, original_span

ARABIC = st.text(alphabet=st.sampled_from(list("ابتثجحخدذرزسشصضطظعغفقكلمنهوي ءأإآىة ًٌٍَُِّْـ\u200fﻻﷲ،.")),
                 max_size=40)


@settings(max_examples=300, deadline=None)
@given(ARABIC)
def test_offset_map_agrees_with_normalize_with_map(text):
    fast = OffsetMap(text)
    norm, offsets = normalize_with_map(text)
    assert fast.norm == norm
    for i in range(len(norm)):
        for j in range(i + 1, min(len(norm), i + 6) + 1):
            assert fast.span(i, j) == original_span(offsets, i, j)


def test_offset_map_on_a_vowelled_word():
    text = "تُجريها القاهرةُ"
    m = OffsetMap(text)
    start = m.norm.index("القاهره")
    s, e = m.span(start, start + len("القاهره"))
    assert text[s:e] == "القاهرةُ"[:-1]
    assert m.normalized(text.index("القاهرة")) == start
