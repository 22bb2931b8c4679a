"""The CRF tagger end to end on a small model trained here from sentences written for the test."""
from __future__ import annotations

import json
import pickle
import re
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from rasd.cli import main
from rasd.model import Sentence, Token
from rasd.ner import NerTagger, sentence_units
from rasd.ner.conll import TaggedSentence
from rasd.ner.features import FeatureExtractor, Lexicon, word_key
from rasd.ner.train import fit

PEOPLE = ["سمير الحداد", "خالد المصري", "نادية فهمي", "يوسف العلي", "منى الراشد", "طارق سليم"]
PLACES = ["طرابلس", "بنغازي", "صنعاء", "حلب", "الموصل", "درعا"]
ORGS = ["شركة النور", "جامعة الفرات", "حزب الأمل", "وزارة الصحة"]


def _tagged(template: str) -> TaggedSentence:
    """A sentence from a template whose entities are written [PER name], [LOC name] ..."""
    tokens, tags = [], []
    for part in re.findall(r"\[(\w+) ([^\]]+)\]|(\S+)", template):
        label, name, word = part
        if word:
            tokens.append(word)
            tags.append("O")
        else:
            for i, w in enumerate(name.split()):
                tokens.append(w)
                tags.append(("B-" if i == 0 else "I-") + label)
    return TaggedSentence(tokens, tags)


def _corpus() -> list[TaggedSentence]:
    out = []
    for i, person in enumerate(PEOPLE):
        place, org = PLACES[i], ORGS[i % len(ORGS)]
        out += [
            _tagged(f"قال الرئيس [PER {person}] إن الوفد وصل إلى مدينة [LOC {place}] أمس ."),
            _tagged(f"وأعلنت [ORG {org}] أن الوزير [PER {person}] سيزور [LOC {place}] غدا ."),
            _tagged(f"وذكر بيان صادر عن [ORG {org}] في [LOC {place}] أن الاجتماع انتهى ."),
            _tagged("وأضاف المتحدث أن المفاوضات ستستمر خلال الأسبوع المقبل ."),
        ]
    return out


def _lexicon() -> Lexicon:
    cues = {"PER_TITLE": "الرئيس رئيس الوزير وزير", "LOC_KEY": "مدينة",
            "ORG_KEY": "شركة جامعة حزب وزارة", "SPEECH": "قال", "LOC_PREP": "في إلى"}
    return Lexicon({}, {word_key(w): (cue,) for cue, words in cues.items() for w in words.split()})


@pytest.fixture(scope="module")
def model_file(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("ner") / "ner.crfsuite"
    fit(_corpus(), _lexicon(), path, c1=0.0, c2=0.01, max_iterations=150)
    return path


@pytest.fixture(scope="module")
def tagger(model_file) -> NerTagger:
    return NerTagger.load(model_file)


def _analyse(text: str) -> tuple[list[Sentence], list[Token]]:
    """Sentences and word tokens the way the pipeline hands them over (no punctuation tokens)."""
    sentences = [Sentence(i, m.start(), m.end()) for i, m in enumerate(re.finditer(r"[^.]+\.?", text))]
    tokens = []
    for s in sentences:
        for m in re.finditer(r"\w+", text[s.start:s.end]):
            a, b = s.start + m.start(), s.start + m.end()
            tokens.append(Token(a, b, m.group(), m.group(), a, b, sentence=s.index))
    return sentences, tokens


@pytest.mark.parametrize("text, expected", [
    ("قال الرئيس كريم الزين إن الوفد وصل إلى مدينة مصراتة أمس .",
     {("كريم الزين", "PER"), ("مصراتة", "LOC")}),
    ("وأعلنت جامعة الفرات أن الوزير سمير الحداد سيزور حلب غدا .",
     {("جامعة الفرات", "ORG"), ("سمير الحداد", "PER"), ("حلب", "LOC")}),
    ("وأضاف المتحدث أن المفاوضات ستستمر خلال الأسبوع المقبل .", set()),
])
def test_tagger_finds_entities_as_spans_of_the_text(tagger, text, expected):
    sentences, tokens = _analyse(text)
    mentions = tagger.tag(text, sentences, tokens)
    assert {(m.text, m.label) for m in mentions} == expected
    for m in mentions:
        assert text[m.start:m.end] == m.text
        assert m.source == "ner" and m.actor is None and m.place is None


def test_tagger_keeps_offsets_in_text_with_diacritics_and_two_sentences(tagger):
    text = "مرحبا.\nقال الرئيسُ يوسف العلي إن الوفد وصل إلى مدينة صنعاء أمس ."
    sentences, tokens = _analyse(text)
    mentions = tagger.tag(text, sentences, tokens)
    assert ("يوسف العلي", "PER") in {(m.text, m.label) for m in mentions}
    assert all(text[m.start:m.end] == m.text and m.sentence == 1 for m in mentions)


def test_tagger_notes_the_title_before_a_person(tagger):
    text = "قال الرئيس طارق سليم إن الوفد وصل إلى مدينة درعا أمس ."
    sentences, tokens = _analyse(text)
    person = next(m for m in tagger.tag(text, sentences, tokens) if m.label == "PER")
    assert person.title == "الرئيس"


def test_tagger_trims_a_conjunction_the_tokenizer_split_off(tagger):
    text = "قال الرئيس خالد المصري إن الوفد وصل إلى مدينة درعا أمس ."
    sentences, tokens = _analyse(text)
    # the tokenizer says the place word carries a proclitic "و" in this variant
    text2 = text.replace("مدينة درعا", "مدينة ودرعا")
    sentences2, tokens2 = _analyse(text2)
    for t in tokens2:
        if t.text == "ودرعا":
            t.proclitics = ("و",)
    places = [m for m in tagger.tag(text2, sentences2, tokens2) if m.label == "LOC"]
    assert [m.text for m in places] == ["درعا"]
    assert text2[places[0].start:places[0].end] == "درعا"


def test_tagger_without_tokens_or_sentences_falls_back_to_its_own_words(tagger):
    text = "قال الرئيس نادية فهمي إن الوفد وصل إلى مدينة بنغازي أمس ."
    mentions = tagger.tag(text, [], [])
    assert ("بنغازي", "LOC") in {(m.text, m.label) for m in mentions}


def test_sentence_units_add_punctuation_between_word_tokens():
    text = "قال (الوزير): نعم."
    sentences, tokens = _analyse(text)
    units = sentence_units(text, sentences[0], tokens)
    assert [text[a:b] for a, b in units] == ["قال", "(", "الوزير", ")", ":", "نعم", "."]


def test_tagger_pickles_for_worker_processes(tagger):
    text = "وأعلنت شركة النور أن الوزير منى الراشد سيزور الموصل غدا ."
    sentences, tokens = _analyse(text)
    clone = pickle.loads(pickle.dumps(tagger))
    assert clone.version == tagger.version
    assert clone.tag(text, sentences, tokens) == tagger.tag(text, sentences, tokens)


def test_feature_cache_gives_the_same_features_twice():
    extractor = FeatureExtractor(_lexicon())
    words = ["قال", "الرئيس", "كريم", "الزين", "."]
    assert extractor.sentence(words) == extractor.sentence(list(words))


def test_load_default_warns_and_returns_none_without_a_model(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("RASD_NER_MODEL", str(tmp_path / "absent.crfsuite"))
    monkeypatch.delenv("RASD_NER_TRANSFORMER", raising=False)
    assert NerTagger.load_default() is None
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "make model" in err[0]


def test_load_default_opens_the_model_it_is_pointed_at(model_file, monkeypatch):
    monkeypatch.setenv("RASD_NER_MODEL", str(model_file))
    monkeypatch.delenv("RASD_NER_TRANSFORMER", raising=False)
    start = time.perf_counter()
    tagger = NerTagger.load_default()
    assert tagger is not None and tagger.version.startswith("crf-")
    assert time.perf_counter() - start < 2.0


def test_eval_ner_command_prints_json_scores(model_file, tmp_path, monkeypatch):
    gold = tmp_path / "gold.conll"
    sentences = [_tagged("قال الرئيس [PER سمير الحداد] إن الوفد وصل إلى مدينة [LOC حلب] أمس ."),
                 _tagged("وأعلنت [ORG حزب الأمل] أن الاجتماع انتهى .")]
    gold.write_text("\n\n".join("\n".join(f"{w} {t}" for w, t in zip(s.tokens, s.tags))
                                for s in sentences) + "\n", encoding="utf-8")
    monkeypatch.setenv("RASD_NER_MODEL", str(model_file))
    monkeypatch.delenv("RASD_NER_TRANSFORMER", raising=False)
    result = CliRunner().invoke(main, ["eval", "ner", "--gold", str(gold), "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert {"precision", "recall", "f1", "per_class"} <= set(report)
    assert set(report["per_class"]) >= {"PER", "LOC", "ORG"}
    assert report["per_class"]["PER"]["support"] == 1
    text = CliRunner().invoke(main, ["eval", "ner", "--gold", str(gold)]).output
    assert "micro" in text and "PER" in text


def test_eval_ner_without_a_model_says_how_to_build_it(tmp_path, monkeypatch):
    gold = tmp_path / "gold.conll"
    gold.write_text("قال O\n", encoding="utf-8")
    monkeypatch.setenv("RASD_NER_MODEL", str(tmp_path / "absent.crfsuite"))
    monkeypatch.delenv("RASD_NER_TRANSFORMER", raising=False)
    result = CliRunner().invoke(main, ["eval", "ner", "--gold", str(gold)])
    assert result.exit_code != 0
    assert "make model" in str(result.exception)


def test_fast_decoder_gives_crfsuite_tags(model_file, tagger):
    import pycrfsuite

    reference = pycrfsuite.Tagger()
    reference.open(str(model_file))
    sentences = [s.tokens for s in _corpus()] + [
        "قال الرئيس كريم الزين إن الوفد وصل إلى مدينة مصراتة أمس .".split(),
        ["حلب"], [".", "."], "وأعلنت شركة النور".split()]
    expected = [reference.tag(f) for f in tagger.features.document(sentences)]
    assert tagger.tag_document(sentences, consistent=False) == expected


@pytest.mark.parametrize("keys, tags, expected", [
    # a name tagged once is tagged again where the tagger missed it
    ([["قال", "الوزير", "رامسفيلد", "إن"], ["وأضاف", "رامسفيلد", "أمس"]],
     [["O", "O", "B-PER", "O"], ["O", "O", "O"]],
     [["O", "O", "B-PER", "O"], ["O", "B-PER", "O"]]),
    # multi-word names keep their inside tags; the longer name wins
    ([["زار", "عمر", "البشير", "الخرطوم"], ["عمر", "البشير", "قال"]],
     [["O", "B-PER", "I-PER", "B-LOC"], ["O", "O", "O"]],
     [["O", "B-PER", "I-PER", "B-LOC"], ["B-PER", "I-PER", "O"]]),
    # the most frequent label of a name wins
    ([["الجزيره", "قال"], ["الجزيره"], ["في", "الجزيره"], ["الجزيره", "x"]],
     [["B-ORG", "O"], ["B-ORG"], ["O", "B-LOC"], ["O", "O"]],
     [["B-ORG", "O"], ["B-ORG"], ["O", "B-LOC"], ["B-ORG", "O"]]),
    # short words are not carried around; tagged words are not retagged
    ([["اب", "قال"], ["اب", "x"]], [["B-PER", "O"], ["O", "O"]], [["B-PER", "O"], ["O", "O"]]),
    # a repetition glued to an inside tag is left alone
    ([["سمير", "x"], ["ابن", "سمير", "y"]], [["B-PER", "O"], ["B-PER", "O", "I-PER"]],
     [["B-PER", "O"], ["B-PER", "O", "I-PER"]]),
])
def test_propagate_labels(keys, tags, expected):
    from rasd.ner.consistency import propagate_labels

    assert propagate_labels(keys, tags) == expected


def test_decoder_tags_the_same_after_forgetting_the_words_it_met(tagger):
    document = [s.tokens for s in _corpus()[:6]] + ["وقال الرئيس كريم الزين في مصراتة .".split()]
    first = tagger.tag_document(document)
    tagger._decoder._trim()  # what an endless stream does when the type table is full
    assert tagger.tag_document(document) == first
    assert tagger.tag_document(list(reversed(document))) == list(reversed(first))


def test_tag_document_keeps_empty_sentences_in_place(tagger):
    full = ["قال الرئيس كريم الزين إن الوفد وصل .".split(), "في مدينة مصراتة .".split()]
    tags = tagger.tag_document([full[0], [], full[1], []])
    assert tags == [*tagger.tag_document(full)[:1], [], *tagger.tag_document(full)[1:], []]
    assert tags[0][2:4] == ["B-PER", "I-PER"]


def test_tagger_gives_no_mentions_for_blank_text(tagger):
    assert tagger.tag("", [], []) == []
    assert tagger.tag("   ", [Sentence(0, 0, 3)], []) == []
