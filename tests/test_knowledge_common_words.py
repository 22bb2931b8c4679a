"""Place names that are also ordinary words: found with a cue, not without one, and not from a
tagger's LOC span alone (``resolve_place``, which the NER merge calls)."""
from __future__ import annotations

import pytest

from rasd.knowledge import Knowledge
from rasd.sentences import split_sentences
from rasd.tokenize import tokenize


@pytest.fixture(scope="module")
def kb() -> Knowledge:
    return Knowledge.load()


def place_ids(kb: Knowledge, text: str) -> dict[str, str]:
    sentences = split_sentences(text)
    return {m.text: m.place.id for m in kb.find_mentions(text, sentences, tokenize(text, sentences))
            if m.place is not None}


@pytest.mark.parametrize("text, word", [
    ("قالت جدة الطفلة إن حفيدتها كانت تخرج دوما إلى المدرسة.", "جدة"),
    ("وأكد أن الحل السياسي يبقى العقبة الأكبر على الصعيد الداخلي.", "العقبة"),
    ("وأكد أن الحل السياسي يبقى العقبة الأكبر على الصعيد الداخلي.", "الصعيد"),
    ("وقال الوزير في حواره مع الصحيفة إن الأزمة في طريقها إلى الحل.", "حواره"),
    ("ودان مجلس الأمن الهجوم وطالب بمحاسبة المسؤولين.", "ودان"),
    ("وتوقع أن تقابل المعارضة بعقوبة قاسية.", "بعقوبة"),
    ("وكسرت الحركة احتكار الحزبين للسلطة.", "وكسرت"),
    ("هدمت السلطات منازل بحجة البناء دون ترخيص.", "بحجة"),
    ("حيث ينبع النهر من المرتفعات الإثيوبية.", "ينبع"),
    ("ومسقط رأسه قرية صغيرة في الجنوب.", "مسقط"),
    ("وقالت المصادر إن سكان المدينة يعانون من انقطاع الكهرباء.", "المدينة"),
])
def test_an_ordinary_word_is_no_place(kb, text, word):
    assert word not in place_ids(kb, text)


@pytest.mark.parametrize("text, word, place_id", [
    ("استهدف قصف مدفعي مدينة دوما في الغوطة الشرقية.", "دوما", "SYR:DOUMA"),
    ("وصل الوفد إلى جدة للمشاركة في المحادثات.", "جدة", "gn:105343"),
    ("قصفت طائرات التحالف مواقع في حجة شمال غرب اليمن.", "حجة", "gn:75337"),
    ("اتهم محافظ عدن الحكومة بالتقصير في دفع الرواتب.", "عدن", None),
    ("انفجرت سيارة مفخخة في الكرادة وسط بغداد.", "الكرادة", "IRQ:KARRADA"),
    ("هاجمت بوكو حرام قرية في ولاية بورنو شمال شرق نيجيريا.", "بورنو", "NGA:A1:BORNO"),
])
def test_the_same_word_with_a_cue_is_the_place(kb, text, word, place_id):
    found = place_ids(kb, text)
    assert word in found
    if place_id:
        assert found[word] == place_id


@pytest.mark.parametrize("surface", ["المدينة", "بمدينة", "للمدينة", "وفدا", "كريمة", "وكسرت", "حواره",
                                     "الصعيد", "مدينة"])
def test_a_tagged_span_that_is_an_ordinary_word_is_not_resolved(kb, surface):
    assert kb.resolve_place(surface) is None


@pytest.mark.parametrize("surface, countries, place_id", [
    ("بمدينة درنة", (), "LBY:DERNA"),
    ("مدينة جدة", (), "gn:105343"),
    ("محافظة ريمة", (), "YEM:A1:RAYMAH"),
    ("دوما", (), "SYR:DOUMA"),
    ("العقبة", (), "gn:250774"),               # needs a preposition in running text; a tag will do
    ("صور", ("LBN",), "LBN:TYRE"),             # the document is about Lebanon
    ("وبنغازي", (), "gn:88319"),
])
def test_a_tagged_span_with_a_cue_is_resolved(kb, surface, countries, place_id):
    place = kb.resolve_place(surface, countries)
    assert place is not None and place.id == place_id


def test_a_word_the_text_already_placed_with_a_cue_is_that_place_later(kb):
    text = "قتل عشرة جنود في هجوم على محافظة صلاح الدين. وقال قائد شرطة صلاح الدين إن التعزيزات وصلت."
    sentences = split_sentences(text)
    found = [m for m in kb.find_mentions(text, sentences, tokenize(text, sentences))
             if m.place is not None and m.place.id == "IRQ:A1:SALAHUDDIN"]
    assert len(found) == 2
    # ... but without the cue, the person's name stays a name
    assert "صلاح الدين" not in place_ids(kb, "وقال قائد الشرطة إن صلاح الدين دميرتاش غادر السجن.")
