"""The transformer backend on a tiny BERT token-classification model built and saved here."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

torch = pytest.importorskip("torch")
transformers = pytest.importorskip("transformers")

from rasd.model import Sentence, Token  # noqa: E402
from rasd.ner import NerTagger  # noqa: E402
from rasd.ner.transformer import TransformerTagger  # noqa: E402

LABELS = ["O", "B-PERS", "I-PERS", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "B-MISC", "I-MISC"]
WORDS = ("قال الرئيس إن الوفد وصل إلى مدينة أمس وأعلنت شركة النور أن الوزير سيزور غدا "
         "سمير الحداد حلب صنعاء . ، ( )").split()
TEXT = "قال الرئيس سمير الحداد إن الوفد وصل إلى مدينة حلب أمس .\nوأعلنت شركة النور ( صنعاء ) غدا ."


def _save_tiny_model(directory: Path, favour: str | None = None) -> Path:
    """A random 1-layer BERT with a word-level vocabulary; ``favour`` biases every prediction."""
    from transformers import BertConfig, BertForTokenClassification, BertTokenizerFast

    vocab = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"] + WORDS + ["وص", "##ل", "##ور"]
    directory.mkdir(parents=True, exist_ok=True)
    (directory / "vocab.txt").write_text("\n".join(vocab) + "\n", encoding="utf-8")
    tokenizer = BertTokenizerFast(vocab_file=str(directory / "vocab.txt"), do_lower_case=False,
                                  tokenize_chinese_chars=False, strip_accents=False)
    config = BertConfig(vocab_size=len(vocab), hidden_size=16, num_hidden_layers=1,
                        num_attention_heads=2, intermediate_size=32, max_position_embeddings=128,
                        num_labels=len(LABELS), id2label=dict(enumerate(LABELS)),
                        label2id={label: i for i, label in enumerate(LABELS)})
    torch.manual_seed(0)
    model = BertForTokenClassification(config)
    if favour is not None:
        with torch.no_grad():
            model.classifier.weight.zero_()
            model.classifier.bias.fill_(-5.0)
            model.classifier.bias[LABELS.index(favour)] = 5.0
    model.save_pretrained(directory)
    tokenizer.save_pretrained(directory)
    return directory


def _analyse(text: str) -> tuple[list[Sentence], list[Token]]:
    sentences = [Sentence(i, m.start(), m.end()) for i, m in enumerate(re.finditer(r"[^\n]+", text))]
    tokens = []
    for s in sentences:
        for m in re.finditer(r"\w+", text[s.start:s.end]):
            a, b = s.start + m.start(), s.start + m.end()
            tokens.append(Token(a, b, m.group(), m.group(), a, b, sentence=s.index))
    return sentences, tokens


@pytest.fixture(scope="module")
def models(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("hf")


def test_every_word_a_person_gives_one_mention_per_word(models):
    tagger = TransformerTagger.load(_save_tiny_model(models / "per", "B-PERS"), device="cpu")
    sentences, tokens = _analyse(TEXT)
    mentions = tagger.tag(TEXT, sentences, tokens)
    words = [m.group() for m in re.finditer(r"\S+", TEXT)]
    assert [m.text for m in mentions] == words  # "وصل" is two subwords, still one word
    assert {m.label for m in mentions} == {"PER"}  # the checkpoint's B-PERS reads as PER
    assert all(TEXT[m.start:m.end] == m.text and m.source == "ner" for m in mentions)
    assert [m.sentence for m in mentions] == [0] * 12 + [1] * 8


def test_inside_tags_join_a_whole_sentence_into_one_span(models):
    tagger = TransformerTagger.load(_save_tiny_model(models / "loc", "I-LOC"), device="cpu")
    sentences, tokens = _analyse(TEXT)
    mentions = tagger.tag(TEXT, sentences, tokens)
    assert [(m.text, m.label) for m in mentions] == [
        (TEXT[s.start:s.end], "LOC") for s in sentences]


def test_batches_and_long_sentences_give_the_same_tags(models):
    tagger = TransformerTagger.load(_save_tiny_model(models / "random"), device="cpu")
    sentences = [TEXT.split()[:n] for n in (3, 12, 19)] + [TEXT.split() * 20]  # 380 words
    tagger.batch_size = 1
    one_by_one = tagger.tag_sentences(sentences)
    tagger.batch_size = 8
    batched = tagger.tag_sentences(sentences)
    assert one_by_one == batched
    assert [len(t) for t in batched] == [len(s) for s in sentences]
    assert set(sum(batched, [])) <= {"O", "B-PER", "I-PER", "B-LOC", "I-LOC", "B-ORG", "I-ORG",
                                     "B-MISC", "I-MISC"}


def test_load_default_uses_the_transformer_directory_it_is_given(models, monkeypatch):
    directory = _save_tiny_model(models / "default", "B-ORG")
    monkeypatch.setenv("RASD_NER_TRANSFORMER", str(directory))
    tagger = NerTagger.load_default()
    assert isinstance(tagger, TransformerTagger) and tagger.version.startswith("hf-default-")
    sentences, tokens = _analyse(TEXT)
    assert {m.label for m in tagger.tag(TEXT, sentences, tokens)} == {"ORG"}


def test_a_directory_without_a_model_is_a_clear_error(tmp_path):
    from rasd.errors import RasdError

    with pytest.raises(RasdError, match="save_pretrained"):
        TransformerTagger.load(tmp_path)
