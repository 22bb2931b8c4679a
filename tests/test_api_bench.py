"""`rasd bench --api`: the synthetic database is a valid rasd database and every timed call answers."""
from __future__ import annotations

import json

import duckdb
import pytest
from fastapi.testclient import TestClient

from rasd.api import create_app
from rasd.api.bench import QUERIES, bench_api, build_synthetic_db
from rasd.model import EVENT_TYPES, STATUSES


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory):
    path = tmp_path_factory.mktemp("bench") / "bench.duckdb"
    build_synthetic_db(path, 20_000)
    return path


def test_synthetic_events_look_like_real_ones(synthetic):
    con = duckdb.connect(str(synthetic), read_only=True)
    n, ids, types, statuses = con.execute(
        "SELECT count(*), count(DISTINCT event_id), list(DISTINCT type), list(DISTINCT status) FROM events").fetchone()
    assert n == ids == 20_000
    assert set(types) == set(EVENT_TYPES) and set(statuses) == set(STATUSES)
    records = [json.loads(r[0]) for r in con.execute("SELECT record FROM events LIMIT 50").fetchall()]
    for rec in records:
        s, e = rec["evidence"]["trigger_span"]
        assert rec["evidence"]["sentence"][s:e] == rec["evidence"]["trigger"]
        assert rec["status"] in STATUSES and rec["type"] in EVENT_TYPES


def test_every_benchmark_query_finds_events(synthetic):
    with TestClient(create_app(synthetic)) as client:
        for label, params in QUERIES:
            body = client.get("/api/events", params={"limit": 5, **params}).json()
            assert body["total"] > 0, label
            assert len(body["events"]) == min(5, body["total"])


def test_bench_prints_percentiles(capsys):
    result = bench_api(5_000, as_json=True, repeats=3)
    printed = json.loads(capsys.readouterr().out)
    assert printed == result
    assert result["events"] == 5_000
    assert len(result["queries"]) == len(QUERIES) + 2
    for row in result["queries"]:
        assert 0 < row["p50_ms"] <= row["p95_ms"]
