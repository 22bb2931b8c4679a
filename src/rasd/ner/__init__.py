"""Statistical named-entity tagger: a CRF trained on ANERcorp, run on surface word tokens.

``NerTagger.load_default()`` opens the model that `make model` (``rasd train ner``) writes
into the package; ``tag(text, sentences, tokens)`` returns PER/ORG/LOC/MISC mentions as
character spans into ``text``. A transformer model can stand in: see ``rasd.ner.transformer``.
"""
from __future__ import annotations

import hashlib
import os
import re
import sys
import unicodedata
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from ..errors import RasdError
from ..model import Mention, Sentence, Token
from .consistency import propagate_labels
from .decode import CrfWeights, FastDecoder
from .evaluate import entity_spans
from .features import FeatureExtractor, Lexicon, word_key
from .lexicon import load_lexicon
from .train import DOCUMENT_SENTENCES, default_model_path, lexicon_path, types_path

# Corpus classes to DESIGN.md's mention labels (ANERcorp's LOC covers countries and cities).
LABEL_MAP = {"PER": "PER", "PERS": "PER", "ORG": "ORG", "LOC": "LOC", "GPE": "GPE", "MISC": "MISC"}
_FALLBACK_WORDS = re.compile(r"\w+|[^\w\s]")


def missing_model_error(path: Path | None = None) -> RasdError:
    """The error for a missing model file, saying how to build it."""
    where = path or default_model_path()
    return RasdError(f"no NER model at {where}; build it with `make model` "
                     "(or `rasd train ner --shared ../shared`)")


def mentions_from_tags(text: str, spans: Sequence[tuple[int, int]], tags: Sequence[str],
                       sentence: int = 0) -> list[Mention]:
    """Mentions for the entities in ``tags`` over tokens at character ``spans`` of ``text``."""
    out = []
    for kind, first, last in entity_spans(tags):
        label = LABEL_MAP.get(kind)
        if label is None:
            continue
        start, end = spans[first][0], spans[last][1]
        out.append(Mention(start, end, text[start:end], label, source="ner", sentence=sentence))
    return out


def _proclitic_length(token: Token) -> int:
    """Characters of conjunction/preposition clitics before a name ("و" of "وبغداد"), kept off
    the mention; the article stays, since it belongs to names like "القاهرة"."""
    if not token.proclitics:
        return 0
    n = sum(len(p) for p in token.proclitics if p != "ال")
    rest = token.text[n:]
    if n == 0 or len(rest) < 2 or ("ال" in token.proclitics and not rest.startswith("ال")):
        return 0  # "للقاهرة": the article's alef is gone, so no clean cut exists
    return n


def sentence_units(text: str, sentence: Sentence, tokens: Sequence[Token]) -> list[tuple[int, int]]:
    """Character spans of one sentence's surface words and the punctuation between them.

    The training corpus keeps punctuation as tokens; the pipeline's word tokens may not, so
    any non-space character between two tokens becomes a token of its own here.
    """
    if not tokens:
        return [m.span() for m in _FALLBACK_WORDS.finditer(text, sentence.start, sentence.end)]
    units: list[tuple[int, int]] = []
    pos = sentence.start
    for t in tokens:
        # the usual gap is one space: only look closer when it holds something else
        if t.start > pos and not (t.start - pos == 1 and text[pos] == " "):
            _gap_units(text, pos, t.start, units)
        units.append((t.start, t.end))
        pos = max(pos, t.end)
    if sentence.end > pos:
        _gap_units(text, pos, sentence.end, units)
    return units


def _gap_units(text: str, start: int, end: int, units: list[tuple[int, int]]) -> None:
    """Punctuation between word tokens as one-character units; a diacritic or tatweel right
    after a word stays part of that word."""
    for i in range(start, end):
        ch = text[i]
        if ch.isspace():
            continue
        if unicodedata.category(ch)[0] in "MC" or ch == "\u0640":
            if units and units[-1][1] == i:
                units[-1] = (units[-1][0], i + 1)
            continue
        units.append((i, i + 1))


class NerTagger:
    """The CRF tagger: a crfsuite model plus the lexicon its features were trained with."""

    def __init__(self, model: bytes, lexicon: Lexicon, version: str):
        self._model = model
        self.lexicon = lexicon
        self.version = version
        self.features = FeatureExtractor(lexicon)
        self._decoder = FastDecoder(CrfWeights.from_model(model), self.features)

    def __getstate__(self) -> tuple:  # for worker processes: rebuilt from the model's bytes
        return self._model, self.lexicon, self.version, self._decoder.precomputed()

    def __setstate__(self, state: tuple) -> None:
        model, lexicon, version, precomputed = state
        self.__init__(model, lexicon, version)
        self._decoder.use_precomputed(*precomputed)

    @classmethod
    def load(cls, path: Path) -> "NerTagger":
        """Open a model file and the lexicon written beside it."""
        path = Path(path)
        lexicon_file = lexicon_path(path)
        if not path.exists() or not lexicon_file.exists():
            raise missing_model_error(path)
        model = path.read_bytes()
        digest = hashlib.blake2b(model, digest_size=4)
        digest.update(lexicon_file.read_bytes())
        tagger = cls(model, load_lexicon(lexicon_file), f"crf-{digest.hexdigest()}")
        if types_path(path).exists():
            with np.load(types_path(path)) as known:
                tagger._decoder.use_precomputed(known["words"].tolist(), known["shapes"].tolist(),
                                                known["table"])
        return tagger

    @classmethod
    def load_default(cls, warn: bool = True) -> "NerTagger | None":
        """The packaged model, or None (with a one-line warning) when it has not been built.

        $RASD_NER_TRANSFORMER (a token-classification model directory) selects the transformer
        backend instead; $RASD_NER_MODEL points at another CRF model file.
        """
        transformer_dir = os.environ.get("RASD_NER_TRANSFORMER")
        if transformer_dir:
            from .transformer import TransformerTagger
            return TransformerTagger.load(Path(transformer_dir))  # type: ignore[return-value]
        path = default_model_path()
        if not path.exists() or not lexicon_path(path).exists():
            if warn:
                print(f"rasd: warning: {missing_model_error(path)}; tagging without NER", file=sys.stderr)
            return None
        return cls.load(path)

    def tag_document(self, sentences: Sequence[Sequence[str]], consistent: bool = True) -> list[list[str]]:
        """IOB2 tags (PER/LOC/ORG/MISC) for the sentences of one document; ``consistent``
        copies each tagged name's label to its untagged repetitions in the document."""
        tags, keys = self._decoder.decode(sentences)
        return propagate_labels(keys, tags) if consistent else tags

    def tag_sentences(self, sentences: Sequence[Sequence[str]], consistent: bool = True) -> list[list[str]]:
        """IOB2 tags for a corpus of sentences, read as documents of DOCUMENT_SENTENCES each
        (CoNLL files mark no article boundaries)."""
        out: list[list[str]] = []
        for i in range(0, len(sentences), DOCUMENT_SENTENCES):
            out.extend(self.tag_document(sentences[i:i + DOCUMENT_SENTENCES], consistent))
        return out

    def tag(self, text: str, sentences: Sequence[Sentence], tokens: Sequence[Token]) -> list[Mention]:
        """Named-entity mentions in ``text`` (source "ner", no actor or place resolved)."""
        if not sentences:
            sentences = [Sentence(0, 0, len(text))]
        by_sentence: dict[int, list[Token]] = {}
        for t in tokens:
            by_sentence.setdefault(t.sentence, []).append(t)
        token_at = {t.start: t for t in tokens}
        units = [sentence_units(text, s, by_sentence.get(s.index, ())) for s in sentences]
        words = [[text[a:b] for a, b in u] for u in units]
        mentions: list[Mention] = []
        for sentence, spans, sent_words, tags in zip(sentences, units, words,
                                                     self.tag_document(words)):
            if tags.count("O") != len(tags):
                for m in mentions_from_tags(text, spans, tags, sentence.index):
                    self._finish(m, text, token_at, spans, sent_words)
                    mentions.append(m)
        return mentions

    def _finish(self, mention: Mention, text: str, token_at: dict[int, Token],
                units: list[tuple[int, int]], words: list[str]) -> None:
        """Trim a leading conjunction/preposition off the span; note a title before a person."""
        first = token_at.get(mention.start)
        if first is not None:
            cut = _proclitic_length(first)
            if cut and mention.start + cut < mention.end:
                mention.start += cut
                mention.text = text[mention.start:mention.end]
        if mention.label == "PER":
            i = next((k for k, (s, e) in enumerate(units) if s <= mention.start < e), 0)
            if i > 0 and "PER_TITLE" in self.lexicon.flags.get(word_key(words[i - 1]), ()):
                mention.title = words[i - 1]


__all__ = ["NerTagger", "LABEL_MAP", "mentions_from_tags", "sentence_units", "missing_model_error"]
