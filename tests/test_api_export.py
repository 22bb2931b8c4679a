"""GET /api/export: the current filter as JSON lines, CSV or PLOVER, streamed as a download."""
from __future__ import annotations

import csv
import io
import json

import pytest

from rasd.api.export import CSV_COLUMNS, render
from test_api_sample import client, sample_db, sample_events  # noqa: F401

ALL = sample_events()


@pytest.mark.parametrize("params,pred", [
    ({}, lambda ev: True),
    ({"status": "alleged"}, lambda ev: ev.status == "alleged"),
    ({"type": "ASSAULT", "country": "LBY"}, lambda ev: ev.type == "ASSAULT" and ev.location and ev.location.country == "LBY"),
], ids=["everything", "one status", "type and country"])
def test_jsonl_export_is_the_filtered_records(client, params, pred):
    res = client.get("/api/export", params={**params, "format": "jsonl"})
    assert res.status_code == 200
    assert res.headers["content-type"].startswith("application/x-ndjson")
    assert 'attachment; filename="rasd-events-' in res.headers["content-disposition"]
    records = [json.loads(line) for line in res.text.splitlines()]
    expected = {ev.event_id: ev.as_dict() for ev in ALL if pred(ev)}
    assert {r["event_id"]: r for r in records} == expected


def test_csv_export_has_one_row_per_event_in_arabic(client):
    res = client.get("/api/export", params={"format": "csv", "outlet": "الوسط"})
    assert res.headers["content-type"].startswith("text/csv")
    assert res.headers["content-disposition"].endswith('.csv"')
    text = res.content.decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    libya = {ev.event_id: ev for ev in ALL if ev.outlet == "الوسط"}
    assert tuple(rows[0].keys()) == CSV_COLUMNS
    assert {r["event_id"] for r in rows} == set(libya)
    for r in rows:
        ev = libya[r["event_id"]]
        assert r["sentence"] == ev.evidence.sentence
        assert r["trigger"] == ev.evidence.trigger
        assert r["status"] == ev.status
        assert r["killed"] == (str(ev.casualties.killed) if ev.casualties.killed is not None else "")


def test_plover_export_uses_plover_names(client):
    res = client.get("/api/export", params={"format": "plover", "type": "CONSULT"})
    assert res.headers["content-disposition"].endswith('.plover.jsonl"')
    records = [json.loads(line) for line in res.text.splitlines()]
    consult = {ev.event_id: ev for ev in ALL if ev.type == "CONSULT"}
    assert {r["event_id"] for r in records} == set(consult)
    for r in records:
        ev = consult[r["event_id"]]
        assert r["event_type"] == "CONSULT" and r["event_mode"] == ev.mode
        assert r["rasd_status"] == ev.status
        assert r["source_actor"] == (ev.source[0].id if ev.source else None)
        assert r["event_date"] == (ev.time.date or ev.published).isoformat()


def test_acled_export_keeps_only_what_happened(client):
    res = client.get("/api/export", params={"format": "acled"})
    assert res.headers["content-disposition"].endswith('.acled.csv"')
    rows = list(csv.DictReader(io.StringIO(res.content.decode("utf-8-sig"))))
    coded = [ev for ev in ALL if ev.acled and ev.status in ("occurred", "ongoing")]
    assert [r["rasd_event_id"] for r in rows] == [ev.event_id for ev in coded]
    assert rows[0]["event_type"] == "Explosions/Remote violence" and rows[0]["fatalities"] == "6"
    assert any(ev.acled and ev.status == "planned" for ev in ALL)  # a planned one exists and stays out


def test_csv_cells_never_start_a_spreadsheet_formula():
    record = {"event_id": "e1", "evidence": {"sentence": "=HYPERLINK(\"http://x\")", "trigger": "+1"},
              "outlet": "@outlet", "status": "occurred"}
    text = "".join(render([record], "csv")).lstrip("\ufeff")
    row = next(csv.DictReader(io.StringIO(text)))
    assert row["sentence"] == "'=HYPERLINK(\"http://x\")"
    assert row["trigger"] == "'+1" and row["outlet"] == "'@outlet"


def test_export_streams_more_than_one_page(client, monkeypatch):
    # the export reads in pages; a page of 2 must still yield every record exactly once
    from rasd.api import queries

    original = queries.Queries.iter_records
    monkeypatch.setattr(queries.Queries, "iter_records",
                        lambda self, f, sort="-date", batch=2: original(self, f, sort, 2))
    lines = client.get("/api/export", params={"format": "jsonl"}).text.splitlines()
    assert len(lines) == len({json.loads(x)["event_id"] for x in lines}) == len(ALL)
