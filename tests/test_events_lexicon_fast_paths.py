"""The lexicon's short cuts give what the long way gives: a word none of whose cores is a
lexicon form skips the reading loop, a token's clitic split copies every field, and the
per-sentence loop equals the per-token look-up."""
from __future__ import annotations

import dataclasses

import pytest

from rasd.events import lexicon as lexicon_module
from rasd.events.lexicon import _MAX_PROCLITICS, Lexicon, _segmentations, _with_clitics, default_lexicon
from rasd.normalize import normalize
from rasd.sentences import split_sentences
from rasd.tokenize import tokenize

WORDS = ["قصفت", "والقصف", "بالغارات", "وللهجوم", "سيقصفون", "فقصفوها", "اتفاقهما", "ولاستهداف", "المدينة",
         "الحكومة", "وبالمفاوضات", "كالاشتباكات", "لتجنب", "اعتقلتهم", "وسيلتقي", "ترامب", "الكويت",
         "ونفت", "وأكدت", "بحسب", "مصادر", "ان", "و", "بال", "قتيلا"]


def _fresh() -> Lexicon:
    """The bundled lexicon with empty per-word caches (its compiled forms shared)."""
    lex = default_lexicon()
    lex._may_hit("")  # compile the form matcher once, so that the copies share it
    return dataclasses.replace(lex, _cache={}, _token_cache={})


@pytest.mark.parametrize("word", WORDS)
def test_the_quick_test_changes_no_reading(word, monkeypatch):
    fast = _fresh()._analyse(word)
    monkeypatch.setattr(Lexicon, "_may_hit", lambda self, norm: True)
    assert _fresh()._analyse(word) == fast


@pytest.mark.parametrize("word", WORDS)
def test_readings_take_at_most_the_bounded_proclitics(word):
    norm = normalize(word)
    for _conj, _prep, _al, _fut, rest in _segmentations(norm):
        assert len(norm) - len(rest) <= _MAX_PROCLITICS


@pytest.mark.parametrize("word", WORDS)
def test_clitic_copy_equals_dataclasses_replace(word):
    w = _fresh().word(word)
    changes = {"prep": "ب", "conj": True, "al": True, "core": "سلام"}
    assert _with_clitics(w, **changes) == dataclasses.replace(w, **changes)


def test_sentence_loop_equals_token_lookups():
    text = ("قصفت الطائرات الحربية مواقع للمسلحين في بلدة قريبة، وأكدت مصادر محلية أن الغارات أسفرت عن "
            "مقتل خمسة مدنيين. وبحسب المتحدث فإن الجيش سيواصل عملياته.")
    tokens = tokenize(text, split_sentences(text))
    words = _fresh().token_words(tokens)
    lex = _fresh()
    assert words == [lex.token_word(t.text, t.norm, t.proclitics) for t in tokens]
    # the same written word with another clitic split is not served from the cache
    first = lex.token_word("الحكومة", "حكومه", ("ال",))
    other = lex.token_word("الحكومة", "حكومه", ("و", "ال"))
    assert not first.conj and other.conj and other.core == "حكومه"


@pytest.mark.slow
def test_the_quick_test_is_exact_on_the_corpus(ant_dir, monkeypatch):
    from rasd.errors import ReadError
    from rasd.ingest import read_paths

    words: set[str] = set()
    for doc in read_paths([str(ant_dir)]):
        if isinstance(doc, ReadError):
            continue
        words.update(doc.text.split())
        if len(words) > 20000:
            break
    words = {w.strip(".,،؛:!؟?()«»\"'") for w in words} - {""}
    lex = _fresh()
    fast = [lex._analyse(w) for w in sorted(words)]
    monkeypatch.setattr(lexicon_module.Lexicon, "_may_hit", lambda self, norm: True)
    assert [lex._analyse(w) for w in sorted(words)] == fast
