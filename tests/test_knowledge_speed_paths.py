"""Knowledge matching gives the same mentions whether the tokens share the tokenizer's cached
strings (the fast path: look-ups by identity) or carry strings of their own; a word's place
analysis keeps its surface string as normal form only where the two are equal; the word after
a head, read with one regex, is the word read letter by letter."""
from __future__ import annotations

import pytest

from rasd.knowledge import Knowledge
from rasd.knowledge.organs import word_at
from rasd.model import Token
from rasd.normalize import normalize
from rasd.sentences import split_sentences
from rasd.tokenize import tokenize

TEXTS = [
    "قال وزير الخارجية المصري سامح شكري إن القاهرة ستواصل جهودها لوقف إطلاق النار في غزة.",
    "وأعلنت وزارة الدفاع الأمريكية أن قواتها قصفت مواقع لتنظيم داعش شمالي سوريا قرب مدينة الرقة.",
    "اندلعت اشتباكات بين قوات حفتر ومسلحين في محيط مدينة سرت الليبية، ووصل التوتر إلى طرابلس.",
    "زار الرئيس التركي أنقرة ثم توجه إلى بغداد، حيث التقى رئيس الوزراء العراقي في المنطقة الخضراء.",
    "وقصفت الطائرات الإسرائيلية مواقع جنوب لبنان، فيما أعلن الجيش اللبناني استنفار وحداته.",
    "قُتل ثلاثة أشخاص في انفجار بمدينة عدن اليمنية، وأصيب آخرون بجروح في محافظة لحج.",
]


@pytest.fixture(scope="module")
def kb() -> Knowledge:
    return Knowledge.load()


@pytest.fixture(scope="module")
def kb_own() -> Knowledge:
    """A second knowledge base: its word cache is filled only by tokens with their own strings."""
    return Knowledge.load()


def _with_own_strings(tokens):
    """The same tokens, each with freshly made strings (as a caller building tokens would)."""
    fresh = []
    for t in tokens:
        text = "".join(list(t.text))
        norm = "".join(list(t.norm))
        fresh.append(Token(t.start, t.end, text, norm, t.core_start, t.core_end, t.proclitics,
                           t.enclitic, t.sentence))
    return fresh


def _shown(mentions):
    return [m.as_dict() for m in mentions]


@pytest.mark.parametrize("text", TEXTS)
def test_mentions_do_not_depend_on_shared_strings(kb, kb_own, text):
    sentences = split_sentences(text)
    tokens = tokenize(text, sentences)
    shared = _shown(kb.find_mentions(text, sentences, tokens))
    own = _shown(kb_own.find_mentions(text, sentences, _with_own_strings(tokens)))
    assert shared == own
    assert shared  # every text names a place or an actor


@pytest.mark.parametrize("surface", ["غزة", "بالقاهرة", "مدينة", "الليبية", "قُتل", "والرقة", "إطلاق", "في"])
def test_a_words_place_analysis_has_its_normal_form(kb, surface):
    info = kb.places._analyse_word(surface)
    assert info.norm == normalize(surface)
    if normalize(surface) == surface:
        assert info.norm is surface


def _word_at_letter_by_letter(norm, pos):
    """``word_at`` as a loop over characters."""
    end = pos
    while end < len(norm) and norm[end].isalnum():
        end += 1
    return norm[pos:end], end


@pytest.mark.parametrize("norm, pos", [
    ("قوات الامن المصريه في القاهره", 5), ("قوات الامن المصريه", 0), ("الجيش، الذي", 0),
    ("الجيش، الذي", 5), ("عدد 1200 قتيل", 4), ("شركه Total الفرنسيه", 5), ("a_b جيش", 0),
    ("المسلحين", 8), ("", 0), ("قوات ـ الامن", 5),
])
def test_the_word_at_a_position_is_the_letter_by_letter_one(norm, pos):
    assert word_at(norm, pos) == _word_at_letter_by_letter(norm, pos)


@pytest.mark.parametrize("text, span, actor, country", [
    ("قال مسلحون ليبيون إن الهجوم وقع فجرا.", "مسلحون ليبيون", "GUNMEN", "LBY"),  # a generic and its nisba
    ("وصلت القوات الخاصة الأمريكية إلى القاعدة.", "القوات الخاصة الأمريكية", "USA.MIL", "USA"),  # a modifier skipped
    ("تقدمت قوات الجيش الوطني الليبي نحو المدينة.", "قوات الجيش الوطني الليبي", "LNA", "LBY"),  # a head before a name
])
def test_generics_and_heads_still_compose_with_what_follows(kb, text, span, actor, country):
    sentences = split_sentences(text)
    found = {m.text: m.actor for m in kb.find_mentions(text, sentences, tokenize(text, sentences))}
    assert found[span] is not None
    assert (found[span].id, found[span].country) == (actor, country)
