"""The places half of the knowledge test set (eval/knowledge/places.yaml): precision and recall
of place mentions and their resolution, with floors a change may not lower silently.

Run ``python tests/test_knowledge_places_eval.py`` to print the figures and the misses.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import yaml

from rasd.knowledge.evaluate import TOLERANCE_KM
from rasd.knowledge.geo import haversine_km
from rasd.knowledge.places import Gazetteer
from rasd.model import Mention
from rasd.sentences import split_sentences
from rasd.tokenize import tokenize

TEST_SET = Path(__file__).resolve().parents[1] / "eval" / "knowledge" / "places.yaml"
# How far a resolved place may be from the gold point, by the gold kind: TOLERANCE_KM, the rule
# `rasd eval knowledge` uses.
PRECISION_FLOOR = 0.90
RECALL_FLOOR = 0.85


@dataclass
class Score:
    gold: int = 0
    predicted: int = 0
    found: int = 0  # gold spans with an overlapping prediction
    resolved: int = 0  # ... resolved to the right place
    misses: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.resolved / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.resolved / self.gold if self.gold else 1.0


def gold_spans(text: str, places: list[dict]) -> list[tuple[int, int, dict]]:
    """Each gold form located in the text (repeated forms: successive occurrences)."""
    out, seen = [], {}
    for p in places:
        start = text.find(p["form"], seen.get(p["form"], 0))
        assert start >= 0, f"{p['form']!r} is not in {text!r}"
        seen[p["form"]] = start + 1
        out.append((start, start + len(p["form"]), p))
    return out


def right_place(m: Mention, gold: dict) -> bool:
    """Whether a mention resolves where the gold says (country code, or within the tolerance)."""
    place = m.place
    if place is None:
        return False
    if "country" in gold and "lat" not in gold:
        return place.country == gold["country"] and place.precision == "country"
    if place.lat is None or place.lon is None:
        return False
    return haversine_km(place.lat, place.lon, gold["lat"], gold["lon"]) <= TOLERANCE_KM[gold.get("kind", "city")]


def evaluate(gazetteer: Gazetteer, items: list[dict], knowledge: object | None = None) -> Score:
    """Score the gazetteer alone, or (``knowledge``) the place mentions of the merged actor and
    place mentions, as the pipeline sees them ("قوات سوريا الديمقراطية" is then one actor)."""
    score = Score()
    for item in items:
        text = item["text"]
        sentences = split_sentences(text)
        tokens = tokenize(text, sentences)
        if knowledge is not None:
            mentions = [m for m in knowledge.find_mentions(text, sentences, tokens)  # type: ignore[attr-defined]
                        if m.place is not None]
        else:
            mentions = gazetteer.find(text, sentences, tokens)
        gold = gold_spans(text, item.get("places") or [])
        score.gold += len(gold)
        score.predicted += len(mentions)
        for start, end, g in gold:
            hits = [m for m in mentions if m.start < end and start < m.end]
            if hits:
                score.found += 1
            if any(right_place(m, g) for m in hits):
                score.resolved += 1
            else:
                got = ", ".join(f"{m.text}→{m.place.id if m.place else None}" for m in hits) or "nothing"
                score.misses.append(f"MISS {g['form']} ({got}) in: {text}")
        for m in mentions:
            if not any(m.start < e and s < m.end for s, e, _ in gold):
                score.misses.append(f"EXTRA {m.text}→{m.place.id if m.place else None} in: {text}")
    # a prediction that overlaps a gold span but resolves wrongly counts against precision too
    return score


@functools.lru_cache(maxsize=1)
def _items() -> list[dict]:
    return yaml.safe_load(TEST_SET.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.load()


def test_test_set_is_big_enough_and_well_formed() -> None:
    items = _items()
    assert len(items) >= 160
    for item in items:
        for p in item.get("places") or []:
            assert p["form"] in item["text"], p
            assert "country" in p or ("lat" in p and "lon" in p), p
        for a in item.get("actors") or []:
            assert a["form"] in item["text"], a
            assert a.get("id"), a


def test_places_precision_and_recall_hold_their_floors(gazetteer: Gazetteer) -> None:
    score = evaluate(gazetteer, _items())
    assert score.precision >= PRECISION_FLOOR, "\n".join(score.misses)
    assert score.recall >= RECALL_FLOOR, "\n".join(score.misses)


def _knowledge() -> object | None:
    """The merged knowledge base when the actor half is there, else None."""
    try:
        from rasd.knowledge import Knowledge
        return Knowledge.load()
    except Exception:  # noqa: BLE001 - the actor half may be missing in a partial checkout
        return None


def test_places_through_the_knowledge_base_hold_their_floors(gazetteer: Gazetteer) -> None:
    knowledge = _knowledge()
    if knowledge is None or getattr(knowledge, "places", None) is None:
        pytest.skip("rasd.knowledge.Knowledge is not available")
    score = evaluate(gazetteer, _items(), knowledge)
    assert score.precision >= PRECISION_FLOOR, "\n".join(score.misses)
    assert score.recall >= RECALL_FLOOR, "\n".join(score.misses)


def _report(name: str, s: Score, n: int) -> None:
    print(f"{name}: sentences {n}  gold {s.gold}  predicted {s.predicted}  "
          f"spans found {s.found}  resolved {s.resolved}  precision {s.precision:.3f}  "
          f"recall {s.recall:.3f}  span recall {s.found / s.gold:.3f}")


if __name__ == "__main__":  # the figures of the README
    import sys
    gaz = Gazetteer.load()
    kb = _knowledge()
    for split in ("tuned", "heldout", "all"):
        items = [i for i in _items() if split == "all" or i.get("split", "tuned") == split]
        alone = evaluate(gaz, items)
        merged = evaluate(gaz, items, kb) if kb is not None else None
        if "-v" in sys.argv and split != "all":
            print("\n".join((merged or alone).misses))
        _report(f"{split:8s} gazetteer", alone, len(items))
        if merged is not None:
            _report(f"{split:8s} knowledge", merged, len(items))
