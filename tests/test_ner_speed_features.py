"""The word-type features and the decoder's cold path (new words described once) agree with
the plain ways of computing them."""
from __future__ import annotations

import numpy as np
import pytest

from rasd.ner.decode import CrfWeights, FastDecoder
from rasd.ner.features import CLUSTER_LEVELS, FeatureExtractor, Lexicon, shape, strip_proclitics, word_key

LEXICON = Lexicon(
    clusters={"القاهره": "3.1.7.2", "مصر": "3.1.7", "حكومه": "5.0.2.4", "الحكومه": "5.0.2.1",
              "وزير": "1.2.0.0", "شكري": "7.7", "بغداد": "3.1.4.4"},
    flags={"القاهره": ("LOC", "nnLOC+"), "قاهره": ("LOC",), "وزير": ("PER_TITLE",),
           "الوزير": ("PER_TITLE",), "مصر": ("LOC", "trLOC+"), "شركه": ("ORG_KEY",),
           "بغداد": ("LOC",), "سامح": ("PER_FIRST", "trPER")})

WORDS = ["القاهرة", "والقاهرة", "للقاهرة", "مصر", "ومصر", "الحكومة", "والحكومة", "حكومة", "وزير",
         "الوزير", "بالوزير", "شكري", "سامح", "شركة", "بغداد", "وبغداد", "في", "و", "،", ".", "2011",
         "٢٠١٠", "Reuters", "وReuters", "COVID-19", "بخيـــر", "عبدالفتّاح", "x", ""]


def _plain_features(extractor: FeatureExtractor, key: str, kind: str) -> tuple[list[str], list[str]]:
    """The features of a word type written out one by one, in the model's order."""
    stem, _, marks = extractor.key_summary(key, kind)
    clusters = extractor.lexicon.clusters
    own = [f"w={key}", f"st={stem}", f"sh={kind}", f"len={min(len(stem), 8)}"]
    for n in (1, 2, 3, 4):
        if len(key) > n:
            own.append(f"p{n}={key[:n]}")
            own.append(f"s{n}={key[-n:]}")
    for n in (2, 3):
        if len(stem) > n:
            own.append(f"sp{n}={stem[:n]}")
            own.append(f"ss{n}={stem[-n:]}")
    if stem != key:
        own.append(f"pre={key[: len(key) - len(stem)]}")
    if key.startswith(("ال", "وال", "بال", "فال", "كال", "لل")):
        own.append("al")
    path = clusters.get(key) or clusters.get(stem)
    if path is None:
        own.append("oov")
    neighbour = [f"w={key}", f"sh={kind}"]
    if stem != key:
        neighbour.append(f"st={stem}")
    if path is not None:
        parts = path.split(".")
        for level in CLUSTER_LEVELS:
            if len(parts) >= level:
                own.append(f"c{level}=" + ".".join(parts[:level]))
                neighbour.append(f"c{level}=" + ".".join(parts[:level]))
    stem_path = clusters.get(stem) if stem != key else None
    if stem_path is not None:
        parts = stem_path.split(".")
        own.extend(f"sc{level}=" + ".".join(parts[:level]) for level in (2, 4))
    for m in marks:
        own.append(f"g={m}")
        neighbour.append(f"g={m}")
    return own, neighbour


@pytest.mark.parametrize("word", WORDS)
def test_describe_gives_the_plain_features_in_order(word):
    extractor = FeatureExtractor(LEXICON)
    key, kind = word_key(word), shape(word)
    for _ in range(2):  # the second time from the shared feature strings
        entry = extractor.describe(key, kind)
        assert (entry.own, entry.neighbour) == _plain_features(extractor, key, kind)
        stem, document_stem, marks = extractor.key_summary(key, kind)
        assert (entry.stem, entry.marks) == (document_stem, marks)
        assert stem == strip_proclitics(key)


def _weights(extractor: FeatureExtractor, words: list[str]) -> CrfWeights:
    """Weights for every feature the words can have, centred and lent, drawn at random."""
    labels = ["O", "B-PER", "I-PER", "B-LOC", "I-LOC"]
    names: dict[str, int] = {"bias": 0}
    for w in words:
        entry = extractor.describe(word_key(w), shape(w))
        for f in entry.own:
            names.setdefault(f, len(names))
        for f in entry.neighbour:
            for offset in (-2, -1, 1, 2):
                names.setdefault(f"{offset}:{f}", len(names))
    rng = np.random.default_rng(7)
    return CrfWeights(labels, names, rng.normal(size=(len(names), len(labels))),
                      rng.normal(size=(len(labels), len(labels))))


def test_new_words_get_the_rows_of_the_plain_scoring():
    extractor = FeatureExtractor(LEXICON)
    decoder = FastDecoder(_weights(extractor, WORDS), extractor)
    # the first document brings every word; the second a known word in a new spelling
    decoder.decode_words(WORDS, [len(WORDS)])
    decoder.decode_words(["القاهرة", "القاهرة", "مصر"], [3])
    for word in WORDS:
        key, kind = word_key(word), shape(word)
        row = decoder._rows[word]
        assert decoder._types[(key, kind)] == row
        assert np.array_equal(decoder._table[row], decoder._type_scores([(key, kind)])[0])
        assert tuple(decoder._meta[row]) == decoder._type_meta(key, kind)


def _plain_rows(decoder: FastDecoder, key: str, kind: str) -> tuple[list[int], list[int]]:
    """A type's centre and lent rows the plain way: describe's strings looked up one by one."""
    entry = decoder.extractor.describe(key, kind)
    own = [decoder._own_rows[f] for f in entry.own if f in decoder._own_rows]
    lent = [decoder._window_rows[f] for f in entry.neighbour if f in decoder._window_rows]
    return own, lent


# words the random model has never seen, so that the family tables, not the word's own
# features, decide: new names, new spellings of known stems, clitics on lexicon words
NEW_WORDS = ["الشوابكة", "وبالقاهرة", "فالحكومة", "للوزير", "كمصر", "وشكري", "بغداديون", "سامحني",
             "المصريين", "Dell", "وGoogle", "OPEC", "2013م", "١٤٣٤هـ", "؟", "»", "قنا", "ب", "ال",
             "والشركة", "لشركة", "عبدالله", "بوزير"]


@pytest.mark.parametrize("word", WORDS + NEW_WORDS)
def test_type_rows_are_the_rows_of_describes_features_in_order(word):
    extractor = FeatureExtractor(LEXICON)
    decoder = FastDecoder(_weights(extractor, WORDS), extractor)
    key, kind = word_key(word), shape(word)
    own, lent, stem, marks = decoder._type_rows.rows(key, kind)
    assert (own, lent) == _plain_rows(decoder, key, kind)
    _, document_stem, summary_marks = extractor.key_summary(key, kind)
    assert (stem, marks) == (document_stem, summary_marks)


def test_type_rows_skip_the_features_a_model_lacks():
    extractor = FeatureExtractor(LEXICON)
    # a model that knows only some prefixes, one cluster level and one mark: the rest are absent
    names = {"bias": 0, "p1=ا": 1, "p3=وال": 2, "c2=3.1": 3, "g=LOC": 4, "-1:g=LOC": 5, "1:c1=3": 6,
             "sh=A": 7, "oov": 8, "len=5": 9}
    rng = np.random.default_rng(3)
    weights = CrfWeights(["O", "B-LOC"], names, rng.normal(size=(len(names), 2)), rng.normal(size=(2, 2)))
    decoder = FastDecoder(weights, extractor)
    for word in WORDS + NEW_WORDS:
        key, kind = word_key(word), shape(word)
        assert decoder._type_rows.rows(key, kind)[:2] == _plain_rows(decoder, key, kind)


@pytest.mark.slow
def test_type_rows_agree_with_describe_on_the_packaged_model():
    from rasd.ner import NerTagger
    tagger = NerTagger.load_default(warn=False)
    if tagger is None:
        pytest.skip("no packaged NER model (make model)")
    decoder = tagger._decoder
    # the model's own vocabulary, each word also with clitics it may carry and in other shapes
    keys = decoder._known_words[::7]
    for key in keys:
        for variant in (key, "و" + key, "بال" + key, key + "ه"):
            kind = shape(variant)
            assert decoder._type_rows.rows(variant, kind)[:2] == _plain_rows(decoder, variant, kind)
