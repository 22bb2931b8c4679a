"""The demo corpus, read in every format, against the document part of its gold files."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from rasd.errors import ReadError
from rasd.ingest import read_paths

GOLD = Path(__file__).resolve().parents[1] / "eval" / "gold"


def _gold_documents() -> dict[str, dict]:
    return {p.name.split(".")[0]: yaml.safe_load(p.read_text(encoding="utf-8"))["document"]
            for p in sorted(GOLD.glob("*.gold.yaml"))}


@pytest.fixture(scope="module")
def demo_items(demo_dir):
    if not any(demo_dir.rglob("*.*")):
        pytest.fail("the demo corpus is missing: demo/ should hold the articles of eval/gold")
    return list(read_paths([demo_dir]))


def test_demo_reads_without_errors(demo_items):
    errors = [i for i in demo_items if isinstance(i, ReadError)]
    assert errors == []
    assert len(demo_items) >= 37


def test_demo_documents_match_gold(demo_items):
    gold = _gold_documents()
    by_title = {g["title"]: g for g in gold.values()}
    checked = 0
    for doc in demo_items:
        g = by_title.get(doc.title) or next((v for k, v in gold.items() if k in doc.source), None)
        assert g is not None, f"{doc.source}: no gold document with title {doc.title!r}"
        where = doc.source
        assert doc.title == g["title"], where
        want = g.get("published")
        assert doc.published == want, where
        assert doc.headings == (g.get("headings") or []), where
        assert doc.text.startswith(g["body_starts_with"]), where
        assert doc.text.endswith(g["body_ends_with"]), where
        lines = set(doc.text.split("\n"))
        for line in g.get("boilerplate") or []:
            assert line not in lines, f"{where}: furniture {line!r} left in the text"
        # the outlet is read from the page when the page names it, and never guessed wrong
        assert doc.outlet in (g["outlet"], None), where
        assert doc.domain in (g["domain"], None), where
        checked += 1
    assert checked >= 37
