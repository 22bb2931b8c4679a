"""Near-duplicate signatures: copies of one story match, another story on the same topic does not."""
from __future__ import annotations

import os
import subprocess
import sys

import pytest

from rasd import dedup
from rasd.dedup import THRESHOLD, shingles, signature, similarity

from dedup_stories import OTHER, REPUBLISHED, REWRITE, WIRE

COPIES = [("wire / rewritten intro, trimmed paragraph", WIRE, REWRITE),
          ("wire / republished under a dateline", WIRE, REPUBLISHED),
          ("rewrite / republished", REWRITE, REPUBLISHED)]
DIFFERENT = [("wire / other shelling in Taiz", WIRE, OTHER),
             ("rewrite / other shelling in Taiz", REWRITE, OTHER)]


def _jaccard(a: str, b: str) -> float:
    x, y = shingles(a), shingles(b)
    return len(x & y) / len(x | y)


@pytest.mark.parametrize("name,a,b", COPIES, ids=[c[0] for c in COPIES])
def test_copies_of_one_story_are_near_duplicates(name, a, b):
    sa, sb = signature(a), signature(b)
    assert similarity(sa, sb) >= THRESHOLD
    assert set(sa.bands) & set(sb.bands), "copies must meet in at least one LSH band"
    assert abs(similarity(sa, sb) - _jaccard(a, b)) < 0.1  # the estimate tracks the real Jaccard


@pytest.mark.parametrize("name,a,b", DIFFERENT, ids=[d[0] for d in DIFFERENT])
def test_another_story_on_the_same_topic_is_not(name, a, b):
    sa, sb = signature(a), signature(b)
    assert similarity(sa, sb) < 0.2
    assert not set(sa.bands) & set(sb.bands)


@pytest.mark.parametrize("variant", [
    WIRE.replace("أفادت", "افادت").replace("الثلاثاء", "الثلاثاءْ"),  # hamza dropped, a sukun added
    WIRE.replace("مدينة", "مدينه"),                                     # taa marbuta written as haa
    WIRE.replace("\n\n", "\n"),                                         # other paragraph breaks
])
def test_spelling_and_layout_do_not_change_the_signature(variant):
    assert signature(variant).values.tolist() == signature(WIRE).values.tolist()


@pytest.mark.parametrize("text", ["", "عاجل: انفجار في بيروت", "قتل خمسة مدنيين في قصف على سوق في تعز"])
def test_short_texts_have_no_signature(text):
    assert signature(text) is None


def test_signature_round_trips_through_bytes():
    sig = signature(WIRE)
    back = dedup.Signature.from_bytes(sig.to_bytes())
    assert back.values.tolist() == sig.values.tolist() and back.bands == sig.bands
    assert len(sig.bands) == dedup.BANDS and len(sig.values) == dedup.NUM_PERM


def test_band_keys_are_the_same_in_every_process():
    # stored keys are compared across runs: they must not depend on Python's salted hash()
    code = ("import sys; sys.path.insert(0, 'tests'); from dedup_stories import WIRE; "
            "from rasd.dedup import signature; print(signature(WIRE).bands)")
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    outs = {subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=root, check=True,
                           env={**os.environ, "PYTHONHASHSEED": seed}).stdout for seed in ("1", "2")}
    assert outs == {f"{signature(WIRE).bands}\n"}
