"""Exact-span NER scores read the way seqeval reads IOB tags."""
from __future__ import annotations

import pytest

from rasd.ner.evaluate import entity_spans, format_report, score


@pytest.mark.parametrize("tags, expected", [
    (["B-PER", "I-PER", "O", "B-LOC"], [("PER", 0, 1), ("LOC", 3, 3)]),
    (["I-PER", "I-PER", "O"], [("PER", 0, 1)]),                    # I after O opens an entity
    (["B-PER", "I-LOC", "I-LOC"], [("PER", 0, 0), ("LOC", 1, 2)]),  # a type change splits
    (["B-ORG", "B-ORG", "I-ORG"], [("ORG", 0, 0), ("ORG", 1, 2)]),
    (["O", "O"], []),
    (["B-MISC"], [("MISC", 0, 0)]),                                  # ends at the sentence end
    (["B-LOC", "I-LOC", "I-LOC", "I-LOC"], [("LOC", 0, 3)]),
])
def test_entity_spans(tags, expected):
    assert entity_spans(tags) == expected


def test_score_counts_exact_spans_only():
    gold = [["B-PER", "I-PER", "O", "B-LOC"], ["B-ORG", "I-ORG", "O"]]
    pred = [["B-PER", "O", "O", "B-LOC"], ["B-ORG", "I-ORG", "B-MISC"]]
    result = score(gold, pred)
    # right: LOC, ORG; wrong boundary: PER; spurious: MISC
    assert result["precision"] == pytest.approx(2 / 4)
    assert result["recall"] == pytest.approx(2 / 3)
    assert result["f1"] == pytest.approx(2 * (0.5 * 2 / 3) / (0.5 + 2 / 3))
    assert result["per_class"]["PER"] == {"precision": 0.0, "recall": 0.0, "f1": 0.0, "support": 1}
    assert result["per_class"]["LOC"]["f1"] == 1.0
    assert result["per_class"]["MISC"] == {"precision": 0.0, "recall": 0.0, "f1": 0.0, "support": 0}


def test_score_of_perfect_prediction_is_one():
    gold = [["B-PER", "I-PER", "O", "B-LOC", "I-LOC"]]
    assert score(gold, gold)["f1"] == 1.0


def test_score_rejects_misaligned_input():
    with pytest.raises(ValueError):
        score([["O", "B-PER"]], [["O"]])


def test_format_report_lists_every_class_and_micro():
    text = format_report(score([["B-PER", "O", "B-LOC"]], [["B-PER", "O", "O"]]))
    lines = text.splitlines()
    assert lines[0].split() == ["precision", "recall", "f1", "support"]
    assert [line.split()[0] for line in lines[1:]] == ["LOC", "PER", "micro"]
    assert lines[-1].split()[1:] == ["1.0000", "0.5000", "0.6667", "2"]
