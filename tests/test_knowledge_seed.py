"""Every actor the analyst's gold lists for the seed page is found and resolved."""
from __future__ import annotations

import os
from pathlib import Path

import pytest
import yaml

from rasd.knowledge import Knowledge
from rasd.knowledge.evaluate import actor_matches
from rasd.sentences import split_sentences
from rasd.tokenize import tokenize

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("RASD_SHARED", REPO / ".." / "shared"))
SEED = "000_42e6831a5255b3c5"


def gold_actor_forms() -> list[tuple[str, str, str]]:
    """(gold key, id, surface form) for every actor form of the seed's gold file."""
    gold = yaml.safe_load((SHARED / "gold" / f"{SEED}.gold.yaml").read_text(encoding="utf-8"))
    out = []
    for key, entry in gold["actors"].items():
        actor_id = key.replace("_MIL", ".MIL").replace("_SEC", ".SEC") if key.count("_") == 1 and \
            len(key.split("_")[0]) == 3 and key.split("_")[1] in ("MIL", "SEC", "GOV") else key
        for form in entry["forms"]:
            out.append((key, actor_id, form))
    return out


@pytest.fixture(scope="module")
def seed_mentions():
    text = (SHARED / "seeds" / f"{SEED}.txt").read_text(encoding="utf-8")
    sentences = split_sentences(text)
    return text, Knowledge.load().find_mentions(text, sentences, tokenize(text, sentences))


@pytest.mark.skipif(not (SHARED / "seeds" / f"{SEED}.txt").exists(), reason="../shared is not laid out")
@pytest.mark.parametrize("key, actor_id, form", gold_actor_forms() if (SHARED / "gold").exists() else [])
def test_seed_gold_actor_is_found(seed_mentions, key, actor_id, form):
    text, mentions = seed_mentions
    gold = yaml.safe_load((SHARED / "gold" / f"{SEED}.gold.yaml").read_text(encoding="utf-8"))["actors"][key]
    # the gold form as written on the page, with ى/ي and hamza variants tolerated
    variants = [form] + (["ل" + form[1:]] if form.startswith("ال") else [])  # "للإخوان"
    starts = [i for v in variants for i in range(len(text)) if _same(text[i:i + len(v)], v)]
    assert starts, f"{form!r} is not on the page"
    hits = [m for s in starts for m in mentions
            if m.actor is not None and m.start < s + len(form) and s < m.end
            and actor_matches(m.actor.id, actor_id)]
    assert hits, f"{form!r} ({actor_id}) not found; mentions there: " + str(
        [(m.text, m.actor.id if m.actor else None) for s in starts for m in mentions
         if m.start < s + len(form) and s < m.end])
    actor = hits[0].actor
    assert actor.type == gold["type"] or (gold["type"] == "state" and actor.country == actor_id)
    if gold.get("country") and actor.type != "state":
        assert actor.country == gold["country"]
    if gold.get("title"):
        assert any(m.title == gold["title"] for m in hits)


def _same(a: str, b: str) -> bool:
    from rasd.normalize import normalize
    return normalize(a) == normalize(b)
