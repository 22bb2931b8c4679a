"""`rasd eval knowledge`: matching rules, scores, and the report."""
from __future__ import annotations

from pathlib import Path

import pytest

from rasd.errors import RasdError
from rasd.knowledge.evaluate import (actor_matches, distance_km, evaluate_sentences,
                                     format_report)

GOLD = """
- text: "قالت القاهرة إن الجيش الليبي يقاتل تنظيم داعش في درنة."
  actors: [{form: "القاهرة", id: EGY}, {form: "الجيش الليبي", id: LBY.MIL}, {form: "تنظيم داعش", id: ISIS}]
  places: [{form: "درنة", lat: 32.76, lon: 22.64}]
- text: "اجتمع الوزراء في باريس."
  actors: [{form: "الوزراء", id: FRA.GOV}]
  places: [{form: "باريس", lat: 48.86, lon: 2.35}]
"""


@pytest.mark.parametrize("predicted, gold, ok", [
    ("EGY.GOV", "EGY", True), ("EGY", "EGY.MIL", True), ("LBY.MIL", "LBY.MIL", True),
    ("EGY.GOV", "LBY", False), ("ISIS", "ISIS", True), ("ISIS", "AQ", False),
    ("LNA", "LBY.MIL", False), (None, "EGY", False),
])
def test_actor_matching_rule(predicted, gold, ok):
    assert actor_matches(predicted, gold) is ok


def test_distance_is_great_circle():
    assert 2 < distance_km(32.76, 22.64, 32.77, 22.62) < 3
    assert 1000 < distance_km(30.04, 31.24, 32.89, 13.19) < 2200


def test_scores_and_errors(tmp_path: Path):
    path = tmp_path / "gold.yaml"
    path.write_text(GOLD, encoding="utf-8")
    result = evaluate_sentences(path)
    assert result["sentences"] == 2 and result["actors"]["gold"] == 4
    assert result["actors"]["tp"] == 3                      # the bare "الوزراء" is not resolved
    assert any("الوزراء" in e for e in result["errors"]["actors"])
    report = format_report(result, verbose=True)
    assert "actors" in report and "errors" in report


def test_a_gold_form_must_be_verbatim(tmp_path: Path):
    path = tmp_path / "bad.yaml"
    path.write_text('- text: "قالت القاهرة"\n  actors: [{form: "دمشق", id: SYR}]\n', encoding="utf-8")
    with pytest.raises(RasdError, match="verbatim"):
        evaluate_sentences(path)


def test_the_bundled_test_set_is_scored_by_default():
    result = evaluate_sentences(None)
    assert result["sentences"] >= 160 and any(f.endswith("actors.yaml") for f in result["files"])
    assert result["actors"]["recall"] >= 0.9


@pytest.mark.parametrize("name", ["actors.yaml", "actors_heldout.yaml"])
def test_actor_test_sets_hold_their_floors(name):
    """Quality floors: a change may not lower them silently."""
    gold = Path(__file__).resolve().parents[1] / "eval" / "knowledge" / name
    result = evaluate_sentences(gold)
    assert result["actors"]["precision"] >= 0.97, result["errors"]["actors"]
    assert result["actors"]["recall"] >= 0.97, result["errors"]["actors"]
