"""The example page of DESIGN.md: every place of its gold reading is found and resolved.

Reads ../shared (or $RASD_SHARED) at run time; nothing of the page is copied here."""
from __future__ import annotations

import os
from pathlib import Path

import pytest
import yaml

from rasd.knowledge.geo import haversine_km
from rasd.knowledge.places import Gazetteer
from rasd.sentences import split_sentences
from rasd.tokenize import tokenize

SHARED = Path(os.environ.get("RASD_SHARED", Path(__file__).resolve().parents[1] / ".." / "shared"))
SEED = SHARED / "seeds" / "000_42e6831a5255b3c5.txt"
GOLD = SHARED / "gold" / "000_42e6831a5255b3c5.gold.yaml"

pytestmark = pytest.mark.skipif(not SEED.exists() or not GOLD.exists(), reason="../shared is not there")


@pytest.fixture(scope="module")
def mentions():
    text = SEED.read_text(encoding="utf-8")
    sentences = split_sentences(text)
    return Gazetteer.load().find(text, sentences, tokenize(text, sentences))


def _gold_places() -> list[dict]:
    return yaml.safe_load(GOLD.read_text(encoding="utf-8"))["places"] if GOLD.exists() else []


@pytest.mark.parametrize("gold", _gold_places(), ids=lambda g: g["form"])
def test_every_gold_place_of_the_seed_is_resolved(mentions, gold):
    hits = [m for m in mentions if m.text == gold["form"]]
    assert hits, f"{gold['form']} not found"
    for m in hits:
        p = m.place
        if gold.get("kind") == "country":
            assert (p.id, p.precision) == (gold["country"], "country")
        elif gold.get("kind") == "region":
            assert p.precision == "region"
        else:
            assert p.country == gold["country"] and p.precision == "city"
            assert haversine_km(p.lat, p.lon, gold["lat"], gold["lon"]) <= 50


def test_derna_is_within_50_km_of_the_gold_point(mentions):
    (derna,) = [m for m in mentions if m.text == "درنة"]
    assert haversine_km(derna.place.lat, derna.place.lon, 32.76, 22.64) <= 50
    assert derna.place.country == "LBY"


def test_nothing_is_found_in_the_page_furniture(mentions):
    assert not any(m.text in ("logo", "No stories found") for m in mentions)
