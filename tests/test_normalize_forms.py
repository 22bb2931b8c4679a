"""Normalization for matching: spelling variants fold together, the source keeps its offsets."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rasd.normalize import normalize, normalize_with_map, original_span, strip_diacritics


@pytest.mark.parametrize("a, b", [
    ("أحمد", "احمد"),                      # hamza on alef dropped
    ("إسرائيل", "اسرائيل"),
    ("آلاف", "الاف"),
    ("على", "علي"),                        # alef maqsura / ya
    ("درنة", "درنه"),                      # ta marbuta / ha
    ("مُحَمَّدٌ", "محمد"),                  # harakat, shadda, tanween
    ("الـــقـــاهـــرة", "القاهره"),         # tatweel / kashida
    ("٢٠١٧", "2017"),                      # Arabic-Indic digits
    ("۱۴۰۰", "1400"),                      # Persian digits
    ("ﺍﻟﻘﺎﻫﺮﺓ", "القاهره"),                 # presentation forms (copied from PDF)
    ("ﻻ", "لا"),                           # lam-alef ligature
    ("کابل", "كابل"),                      # Persian kaf
    ("الأوروبى", "الاوروبي"),
    ("غزة\u200f", "غزه"),                  # a direction mark left by a web page
])
def test_variants_fold_together(a, b):
    assert normalize(a) == normalize(b)


def test_normalize_keeps_spaces_and_latin():
    assert normalize("قال UN اليوم") == "قال UN اليوم"


def test_offsets_point_back_into_the_source():
    text = "وقالَ الـمتحدثُ إنّ ﻻ تراجع"
    norm, offsets = normalize_with_map(text)
    i = norm.index("المتحدث")
    start, end = original_span(offsets, i, i + len("المتحدث"))
    assert normalize(text[start:end]) == "المتحدث"
    assert text[start:end].startswith("الـ")


def test_ligature_span_maps_to_whole_source_character():
    text = "ﻻ شيء"
    norm, offsets = normalize_with_map(text)
    assert norm.startswith("لا")
    assert original_span(offsets, 0, 2) == (0, 1)


def test_strip_diacritics_keeps_letters():
    assert strip_diacritics("إِسْرَائِيلُ") == "إسرائيل"


# ---- properties ------------------------------------------------------------------------

_ARABIC = st.characters(min_codepoint=0x0600, max_codepoint=0x06FF)
_PRESENTATION = st.characters(min_codepoint=0xFB50, max_codepoint=0xFEFC)
_TEXT = st.text(st.one_of(_ARABIC, _PRESENTATION, st.sampled_from(" .،\n\u0640\u200fabc19")), max_size=60)


@settings(max_examples=300, deadline=None)
@given(_TEXT)
def test_normalize_is_idempotent(s):
    assert normalize(normalize(s)) == normalize(s)


@settings(max_examples=300, deadline=None)
@given(_TEXT)
def test_normalize_with_map_agrees_with_normalize(s):
    norm, offsets = normalize_with_map(s)
    assert norm == normalize(s)
    assert len(offsets) == len(norm) + 1
    assert offsets == sorted(offsets) and offsets[-1] == len(s)


@settings(max_examples=300, deadline=None)
@given(st.text(st.one_of(_ARABIC, st.sampled_from(" \u0640\u064e\u0651")), max_size=40), st.data())
def test_spans_round_trip(s, data):
    """A normalized span maps back to a source span that normalizes to the same string."""
    norm, offsets = normalize_with_map(s)
    i = data.draw(st.integers(0, len(norm)))
    j = data.draw(st.integers(i, len(norm)))
    start, end = original_span(offsets, i, j)
    assert 0 <= start <= end <= len(s)
    assert normalize(s[start:end]) == norm[i:j]
