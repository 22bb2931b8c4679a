"""Exports: JSON lines, CSV, Parquet, PLOVER-style JSON, ACLED-like CSV."""
from __future__ import annotations

import csv
import io
import json

import pyarrow.parquet as pq
import pytest

from rasd.errors import RasdError
from rasd.export import ACLED_COLUMNS, CSV_COLUMNS, acled_row, export, write_records
from rasd.store import Store

from conftest import make_analysis


@pytest.fixture()
def store(tmp_path):
    with Store(tmp_path / "r.duckdb") as s:
        s.write([make_analysis("a", n_events=2), make_analysis("b")])
        yield s


def _csv(text):
    assert text.startswith("\ufeff")
    return list(csv.DictReader(io.StringIO(text[1:])))


def test_jsonl_holds_full_records(store, tmp_path):
    out = tmp_path / "events.jsonl"
    assert export(store, "jsonl", str(out)) == 3
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert {r["event_id"] for r in records} == {"a-e0", "a-e1", "b-e0"}
    assert records[0]["location"]["name_ar"] == "درنة" and records[0]["casualties"]["killed"] == 10


def test_csv_one_flat_row_per_event(store, tmp_path):
    out = tmp_path / "events.csv"
    export(store, "csv", str(out))
    rows = _csv(out.read_text(encoding="utf-8"))
    assert list(rows[0]) == list(CSV_COLUMNS) and len(rows) == 3
    assert rows[0]["source_ids"] == "LBY.MIL" and rows[0]["location_name_ar"] == "درنة"


def test_parquet(store, tmp_path):
    out = tmp_path / "events.parquet"
    assert export(store, "parquet", str(out)) == 3
    assert pq.read_table(out).num_rows == 3
    with pytest.raises(RasdError):
        export(store, "parquet", "-")


def test_plover_fields(store):
    buf = io.StringIO()
    write_records(store.iter_events(), "plover", buf)
    rec = json.loads(buf.getvalue().splitlines()[0])
    assert rec["event_type"] == "ASSAULT" and rec["event_mode"] == "aerial"
    assert rec["source_actor"] == "LBY.MIL" and rec["target_actor"] == "ISIS"
    assert rec["country"] == "LBY" and rec["latitude"] == 32.76
    assert rec["rasd_status"] == "occurred" and rec["publisher"] == "إرم نيوز"


def test_acled_rows(store):
    buf = io.StringIO()
    assert write_records(store.iter_events(), "acled", buf) == 3
    rows = _csv(buf.getvalue())
    assert list(rows[0]) == list(ACLED_COLUMNS)
    row = rows[0]
    assert row["event_type"] == "Explosions/Remote violence" and row["sub_event_type"] == "Air/drone strike"
    assert row["country"] == "Libya" and row["iso"] == "434"
    assert row["fatalities"] == "10" and row["location"] == "Derna" and row["time_precision"] == "1"
    assert row["actor1"] == "Libyan army" and row["actor2"] == "Islamic State"


@pytest.mark.parametrize("status", ["planned", "threatened", "alleged", "denied", "foiled", "negated"])
def test_acled_leaves_out_what_did_not_happen(status):
    rec = make_analysis().events[0].as_dict() | {"status": status}
    assert acled_row(rec) is None


def test_csv_cells_cannot_run_as_formulas():
    rec = make_analysis().events[0].as_dict()
    rec["evidence"]["sentence"] = "=HYPERLINK(\"x\")"
    buf = io.StringIO()
    write_records([rec], "csv", buf)
    assert _csv(buf.getvalue())[0]["sentence"].startswith("'=")


def test_export_to_missing_folder_says_so(store, tmp_path):
    with pytest.raises(RasdError, match="does not exist"):
        export(store, "csv", str(tmp_path / "nope" / "x.csv"))
