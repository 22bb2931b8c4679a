"""Place mentions against an independent annotation: the LOC entities of the ANERcorp test split
(CAMeL Lab, CC BY-SA 4.0), read from ../shared at run time. Only spans are compared (ANERcorp has
no coordinates), and ANERcorp tags sports clubs named after cities as ORG, so both figures are
floors rather than targets."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from rasd.knowledge.places import Gazetteer
from rasd.sentences import split_sentences
from rasd.tokenize import tokenize

SHARED = Path(os.environ.get("RASD_SHARED", Path(__file__).resolve().parents[1] / ".." / "shared"))
TEST_SPLIT = SHARED / "data" / "anercorp_camel_split" / "ANERCorp_CamelLab_test.txt"


def sentences_with_locations(path: Path) -> list[tuple[str, list[tuple[int, int]]]]:
    """Each CoNLL sentence as text (tokens joined by spaces) with its LOC spans."""
    out, rows = [], []
    for line in path.read_text(encoding="utf-8").splitlines() + [""]:
        if line.strip():
            token, _, tag = line.strip().rpartition(" ")
            rows.append((token or tag, tag if token else "O"))
            continue
        if not rows:
            continue
        text, spans, starts = "", [], []
        for token, _ in rows:
            text += (" " if text else "") + token
            starts.append((len(text) - len(token), len(text)))
        i = 0
        while i < len(rows):
            if rows[i][1] == "B-LOC":
                j = i + 1
                while j < len(rows) and rows[j][1] == "I-LOC":
                    j += 1
                spans.append((starts[i][0], starts[j - 1][1]))
                i = j
            else:
                i += 1
        out.append((text, spans))
        rows = []
    return out


@pytest.mark.slow
@pytest.mark.skipif(not TEST_SPLIT.exists(), reason="../shared/data/anercorp_camel_split is not there")
def test_gazetteer_finds_most_anercorp_locations():
    gaz = Gazetteer.load()
    gold = found = predicted = right = 0
    for text, spans in sentences_with_locations(TEST_SPLIT):
        sentences = split_sentences(text)
        mentions = gaz.find(text, sentences, tokenize(text, sentences))
        gold += len(spans)
        predicted += len(mentions)
        found += sum(any(m.start < e and s < m.end for m in mentions) for s, e in spans)
        right += sum(any(m.start < e and s < m.end for s, e in spans) for m in mentions)
    assert gold > 600
    assert found / gold >= 0.85, f"recall {found / gold:.3f}"
    assert right / predicted >= 0.80, f"precision {right / predicted:.3f}"
