"""`rasd bench` reports where the time goes: CPU ms per article of each pipeline stage, which add
up to the whole analysis; the timed run analyses exactly as the plain one does."""
from __future__ import annotations

import pytest

from rasd.bench import run_bench
from rasd.errors import ReadError
from rasd.ingest import read_paths
from rasd.pipeline import STAGES, default_pipeline


@pytest.fixture(scope="module")
def result(fixtures_dir):
    return run_bench([str(fixtures_dir)], limit=5)


def test_every_stage_is_reported(result):
    assert list(result.stages_ms) == list(STAGES) == ["text", "knowledge", "ner", "events"]
    assert all(ms >= 0 for ms in result.stages_ms.values())
    assert "per stage" in result.report() and "events" in result.report()
    assert result.as_dict()["stages_ms"] == result.stages_ms


def test_stages_add_up_to_the_whole_analysis(result):
    whole_ms = result.analyse_s / result.articles * 1000
    assert sum(result.stages_ms.values()) <= whole_ms * 1.05 + 0.05
    assert sum(result.stages_ms.values()) >= whole_ms * 0.5  # the stages are most of the time


def test_timed_analysis_equals_the_plain_one(demo_dir):
    pipe = default_pipeline()
    spent = {}
    docs = [d for d in read_paths([str(demo_dir)]) if not isinstance(d, ReadError)][:8]
    assert docs
    for doc in docs:
        assert pipe.timed(doc, spent).as_dict() == pipe(doc).as_dict()
    assert set(spent) == set(STAGES)
