"""Training the CRF tagger on ANERcorp's training region (never its test text)."""
from __future__ import annotations

import hashlib
import os
import sys
import time
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import numpy as np
import pycrfsuite

from ..errors import RasdError
from .conll import TaggedSentence, anercorp_training_sentences
from .decode import CrfWeights, FastDecoder
from .features import FeatureExtractor, Lexicon
from .lexicon import build_lexicon, save_lexicon, with_training_flags

# L1/L2 weights and iterations, chosen on two tenths of the training region held out (its 4th
# and 9th tenths); the test splits played no part.
C1 = 0.02
C2 = 0.1
MAX_ITERATIONS = 150
# ANERcorp marks no article boundaries: runs of this many sentences stand in for documents.
DOCUMENT_SENTENCES = 20
# Blocks for the out-of-fold training-label flags.
FOLDS = 5


@dataclass(slots=True)
class TrainReport:
    """What a training run produced and how long it took."""

    model: Path
    lexicon: Path
    sentences: int
    tokens: int
    seconds: float
    model_bytes: int


def default_model_path() -> Path:
    """Where the package looks for its model: $RASD_NER_MODEL, else rasd/data/models/ner.crfsuite."""
    override = os.environ.get("RASD_NER_MODEL")
    if override:
        return Path(override)
    return Path(str(resources.files("rasd"))) / "data" / "models" / "ner.crfsuite"


def lexicon_path(model: Path) -> Path:
    """The lexicon file that travels with a model file."""
    return model.with_name(model.stem + ".lexicon.tsv")


def fit(sentences: list[TaggedSentence], lexicon: Lexicon, out: Path, c1: float = C1,
        c2: float = C2, max_iterations: int = MAX_ITERATIONS) -> Lexicon:
    """Train a CRF on tagged sentences, write it to ``out`` with its lexicon beside it.

    The lexicon written is ``lexicon`` plus the training-label flags of all ``sentences``;
    while training, each block of sentences sees those flags computed from the other blocks.
    """
    documents = [sentences[i:i + DOCUMENT_SENTENCES] for i in range(0, len(sentences), DOCUMENT_SENTENCES)]
    folds = min(FOLDS, len(documents))
    trainer = pycrfsuite.Trainer(verbose=False)
    for fold in range(folds):
        mine = [d for i, d in enumerate(documents) if i * folds // len(documents) == fold]
        others = [s for i, d in enumerate(documents) if i * folds // len(documents) != fold for s in d]
        extractor = FeatureExtractor(with_training_flags(lexicon, others))
        for document in mine:
            for s, feats in zip(document, extractor.document([s.tokens for s in document])):
                trainer.append(feats, s.tags)
    trainer.set_params({"c1": c1, "c2": c2, "max_iterations": max_iterations,
                        "feature.possible_transitions": True})
    trainer.train(str(out))
    final = with_training_flags(lexicon, sentences)
    save_lexicon(final, lexicon_path(out))
    save_type_scores(out, final)
    return final


def types_path(model: Path) -> Path:
    """The precomputed word-type scores that travel with a model file."""
    return model.with_name(model.stem + ".types.npz")


def save_type_scores(model: Path, lexicon: Lexicon) -> None:
    """Precompute the score vectors of the lexicon's frequent words, so tagging starts warm."""
    data = model.read_bytes()
    weights = CrfWeights.from_model(data)
    decoder = FastDecoder(weights, FeatureExtractor(lexicon))
    words, shapes, table = decoder.precompute(sorted(lexicon.clusters))
    # the model's weights too, read out once here: parsing crfsuite's dump costs a second
    np.savez_compressed(types_path(model), words=np.array(words), shapes=np.array(shapes), table=table,
                        model_digest=np.array(model_digest(data)), **weights.arrays())


def model_digest(model: bytes) -> str:
    """A short fingerprint of a model file's bytes."""
    return hashlib.blake2b(model, digest_size=8).hexdigest()


def train(shared: Path, out: Path | None = None, quiet: bool = False) -> TrainReport:
    """Build the lexicon and train the tagger; write ``out`` and its lexicon beside it."""
    start = time.perf_counter()
    shared = Path(shared)
    corpus = shared / "data" / "anercorp_original_benajiba" / "ANERCorp.txt"
    if not corpus.exists():
        raise RasdError(f"ANERcorp not found at {corpus}; pass --shared pointing at the shared folder")
    out = Path(out) if out is not None else default_model_path()
    out.parent.mkdir(parents=True, exist_ok=True)
    sentences = anercorp_training_sentences(shared)
    fit(sentences, build_lexicon(shared, sentences), out)
    report = TrainReport(out, lexicon_path(out), len(sentences), sum(len(s.tokens) for s in sentences),
                         time.perf_counter() - start, out.stat().st_size)
    if not quiet:
        print(f"rasd: trained NER on {report.sentences} sentences ({report.tokens} tokens) in "
              f"{report.seconds:.0f} s -> {out} ({report.model_bytes / 1e6:.1f} MB)", file=sys.stderr)
    return report


__all__ = ["train", "fit", "types_path", "save_type_scores", "TrainReport", "default_model_path", "lexicon_path", "C1", "C2",
           "MAX_ITERATIONS"]
