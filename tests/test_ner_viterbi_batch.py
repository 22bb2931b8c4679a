"""The compiled Viterbi over a document's sentences laid end to end picks, for every sentence,
the same labels as a textbook one-sentence-at-a-time Viterbi, ties included."""
import numpy as np
import pytest

from rasd.ner.decode import CrfWeights, FastDecoder
from rasd.ner.features import FeatureExtractor, Lexicon

LABELS = ["O", "B-PER", "I-PER", "B-LOC", "I-LOC"]


def _decoder(transitions: np.ndarray) -> FastDecoder:
    weights = CrfWeights(LABELS, {}, np.zeros((0, len(LABELS))), transitions)
    return FastDecoder(weights, FeatureExtractor(Lexicon()))


def _plain_viterbi(e: np.ndarray, transitions: np.ndarray) -> list[int]:
    """Textbook Viterbi of one sentence (first label on ties, as argmax)."""
    delta = e[0].copy()
    back = []
    for t in range(1, len(e)):
        candidates = delta[None, :] + transitions.T  # [to, from]
        best = candidates.argmax(axis=1)
        back.append(best)
        delta = candidates[np.arange(len(delta)), best] + e[t]
    path = [int(delta.argmax())]
    for best in reversed(back):
        path.append(int(best[path[-1]]))
    return path[::-1]


@pytest.mark.parametrize("lengths, rounded", [
    ([5], False), ([1, 1, 1], False), ([3, 0, 7, 2], False), ([0, 4], True),
    ([12, 1, 6, 6, 0, 9], True), ([2, 9, 2, 9], False),
])
def test_batched_viterbi_equals_one_sentence_at_a_time(lengths, rounded):
    rng = np.random.default_rng(sum(lengths))
    transitions = rng.normal(size=(len(LABELS), len(LABELS)))
    e = rng.normal(size=(sum(lengths), len(LABELS)))
    if rounded:  # whole numbers: many ties, which both must break the same way
        e, transitions = np.round(e), np.round(transitions)
    lengths_a = np.array(lengths)
    starts = np.cumsum(lengths_a) - lengths_a
    got = _decoder(transitions)._viterbi(e, lengths_a, starts).tolist()
    want = [label for a, n in zip(starts, lengths) if n
            for label in _plain_viterbi(e[a:a + n], transitions)]
    assert got == want
