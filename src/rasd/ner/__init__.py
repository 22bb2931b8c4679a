"""Statistical named-entity tagger: a CRF trained on ANERcorp, run on surface word tokens.

``NerTagger.load_default()`` opens the model that `make model` (``rasd train ner``) writes
into the package; ``tag(text, sentences, tokens)`` returns PER/ORG/LOC/MISC mentions as
character spans into ``text``. A transformer model can stand in: see ``rasd.ner.transformer``.
"""
from __future__ import annotations

import hashlib
from bisect import bisect_right
from itertools import accumulate, chain
import os
import sys
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from ..errors import RasdError
from ..model import Mention, Sentence, Token
from .consistency import flat_spans, propagate_spans
from .decode import CrfWeights, FastDecoder
from .evaluate import entity_spans
from .features import FeatureExtractor, Lexicon, word_key
from .lexicon import load_lexicon
from .train import DOCUMENT_SENTENCES, default_model_path, lexicon_path, model_digest, types_path
from .units import document_units, sentence_units

# Corpus classes to DESIGN.md's mention labels (ANERcorp's LOC covers countries and cities).
LABEL_MAP = {"PER": "PER", "PERS": "PER", "ORG": "ORG", "LOC": "LOC", "GPE": "GPE", "MISC": "MISC"}


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


class NerTagger:
    """The CRF tagger: a crfsuite model plus the lexicon its features were trained with."""

    def __init__(self, model: bytes, lexicon: Lexicon, version: str, weights: CrfWeights | None = None):
        self._model = model
        self.lexicon = lexicon
        self.version = version
        self.features = FeatureExtractor(lexicon)
        self._decoder = FastDecoder(weights or CrfWeights.from_model(model), self.features)
        labels = self._decoder.weights.labels
        # each label as a class number (0 for outside) and whether it continues an entity
        self._classes = ["O", *sorted({label[2:] for label in labels if label != "O"})]
        self._class_labels = [LABEL_MAP.get(c) for c in self._classes]  # mention label by class
        number = {c: i for i, c in enumerate(self._classes)}
        self._label_class = np.array([number[label[2:]] if label != "O" else 0 for label in labels])
        self._label_inside = np.array([label.startswith("I-") for label in labels])

    def __getstate__(self) -> tuple:  # for worker processes: rebuilt from the model's bytes
        return (self._model, self.lexicon, self.version, self._decoder.precomputed(),
                self._decoder.weights.arrays())

    def __setstate__(self, state: tuple) -> None:
        model, lexicon, version, precomputed, weights = state
        self.__init__(model, lexicon, version, CrfWeights.from_arrays(weights))
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
        version = f"crf-{digest.hexdigest()}"
        if not types_path(path).exists():
            return cls(model, load_lexicon(lexicon_file), version)
        with np.load(types_path(path)) as known:
            weights = None
            if "model_digest" in known and str(known["model_digest"]) == model_digest(model):
                weights = CrfWeights.from_arrays(known)  # stored at training: no dump to parse
            tagger = cls(model, load_lexicon(lexicon_file), version, weights)
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

    def _tag_flat(self, sentences: Sequence[Sequence[str]], consistent: bool = True
                  ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Class number and inside flag of every token of one document, and its sentence starts."""
        kinds, inside, starts, _ = self._tag_words(list(chain.from_iterable(sentences)),
                                                   list(map(len, sentences)), consistent)
        return kinds, inside, starts

    def _tag_words(self, words: list[str], lengths: Sequence[int], consistent: bool = True
                   ) -> tuple[np.ndarray, np.ndarray, np.ndarray, list[tuple[int, int, int]]]:
        """_tag_flat of a document's words laid end to end, ``lengths`` words per sentence,
        with its entities as flat_spans reads them."""
        decoded = self._decoder.decode_words(words, lengths)
        kinds = self._label_class[decoded.labels]
        inside = self._label_inside[decoded.labels]
        starts = np.zeros(len(kinds), dtype=bool)
        starts[decoded.starts[decoded.lengths > 0]] = True
        if consistent and kinds.any():
            ends = np.repeat(decoded.starts + decoded.lengths, decoded.lengths)
            kinds, inside, spans = propagate_spans(decoded.key_ids.tolist(), self._decoder.key_strings,
                                                   kinds, inside, starts, ends)
            return kinds, inside, starts, spans
        return kinds, inside, starts, flat_spans(kinds, inside, starts)

    def tag_document(self, sentences: Sequence[Sequence[str]], consistent: bool = True) -> list[list[str]]:
        """IOB2 tags (PER/LOC/ORG/MISC) for the sentences of one document; ``consistent``
        copies each tagged name's label to its untagged repetitions in the document."""
        if not sentences:
            return []
        kinds, inside, _ = self._tag_flat(sentences, consistent)
        classes = self._classes
        flat = ["O" if k == 0 else ("I-" if i else "B-") + classes[k]
                for k, i in zip(kinds.tolist(), inside.tolist())]
        out, at = [], 0
        for s in sentences:
            out.append(flat[at:at + len(s)])
            at += len(s)
        return out

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
        units = document_units(text, sentences, tokens)
        if not units.words:
            return []
        _, _, starts, entities = self._tag_words(units.words, units.lengths)
        first_unit = list(accumulate(units.lengths[:-1], initial=0))
        mentions: list[Mention] = []
        for kind, first, last in entities:
            label = self._class_labels[kind]
            if label is None:
                continue
            sentence = sentences[bisect_right(first_unit, first) - 1]
            start, end = units.span(first)[0], units.span(last)[1]
            mention = Mention(start, end, text[start:end], label, source="ner", sentence=sentence.index)
            self._finish(mention, text, units.owners[first],
                         units.span(first - 1) if first > 0 and not starts[first] else None)
            mentions.append(mention)
        return mentions

    def _finish(self, mention: Mention, text: str, first: Token | None,
                before: tuple[int, int] | None) -> None:
        """Trim a leading conjunction/preposition off the span; note a title before a person."""
        if first is not None and first.start == mention.start:
            cut = _proclitic_length(first)
            if cut and mention.start + cut < mention.end:
                mention.start += cut
                mention.text = text[mention.start:mention.end]
        if mention.label == "PER" and before is not None:
            word = text[before[0]:before[1]]
            if "PER_TITLE" in self.lexicon.flags.get(word_key(word), ()):
                mention.title = word


__all__ = ["NerTagger", "LABEL_MAP", "mentions_from_tags", "sentence_units", "missing_model_error"]
