"""DuckDB storage: stable ids, idempotent re-runs, atomic documents, Parquet export."""
from __future__ import annotations

import datetime as dt
import json

import duckdb
import pyarrow.parquet as pq
import pytest

from rasd.errors import ReadError
from rasd.store import RunCounts, Store, text_hash

from conftest import EVENT_TEXT as TEXT
from conftest import make_analysis as _analysis


def _counts(path) -> dict[str, int]:
    con = duckdb.connect(str(path), read_only=True)
    try:
        return {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                for t in ("documents", "mentions", "events", "errors")}
    finally:
        con.close()


def test_write_and_flat_columns(tmp_path):
    db = tmp_path / "r.duckdb"
    with Store(db) as store:
        store.write([_analysis()], "run-1")
    con = duckdb.connect(str(db), read_only=True)
    row = con.execute("SELECT type, mode, status, published, date, country, place_id, place_name, lat, lon, "
                      "source_ids, target_ids, outlet, evidence, confidence, record FROM events").fetchone()
    assert row[:14] == ("ASSAULT", "aerial", "occurred", dt.date(2015, 2, 16), dt.date(2015, 2, 16), "LBY",
                        "geonames:87205", "Derna", 32.76, 22.64, ["LBY.MIL"], ["ISIS"], "إرم نيوز",
                        TEXT[:TEXT.index(".") + 1])
    assert row[14] == pytest.approx(0.8)
    record = json.loads(row[15])
    assert record["location"]["span"] == [TEXT.index("درنة"), TEXT.index("درنة") + 4]
    doc = con.execute("SELECT text, headings, n_events FROM documents WHERE doc_id = 'doc-1'").fetchone()
    assert doc == (TEXT, [], 1)
    con.close()


def test_rewriting_the_same_documents_changes_nothing(tmp_path):
    db = tmp_path / "r.duckdb"
    batch = [_analysis("a"), _analysis("b", n_events=3)]
    with Store(db) as store:
        store.write(batch, "run-1")
        store.write_error(ReadError("/data/bad.bin", "binary", "a PNG image"), "run-1")
    first = _counts(db)
    with Store(db) as store:
        store.write(batch, "run-2")
        store.write_error(ReadError("/data/bad.bin", "binary", "a PNG image"), "run-2")
    assert _counts(db) == first == {"documents": 2, "mentions": 2, "events": 4, "errors": 1}


def test_a_document_analysed_again_replaces_its_rows(tmp_path):
    db = tmp_path / "r.duckdb"
    with Store(db) as store:
        store.write([_analysis("a", n_events=3)])
        store.write([_analysis("a", n_events=1)])
    assert _counts(db)["events"] == 1


def test_interrupted_write_leaves_no_partial_document(tmp_path, monkeypatch):
    db = tmp_path / "r.duckdb"
    with Store(db) as store:
        store.write([_analysis("a")])
        real_insert = store._insert

        def failing_insert(table, rows, replace=False):
            if table == "events":
                raise KeyboardInterrupt  # the user presses Ctrl+C half-way through a batch
            real_insert(table, rows, replace)

        monkeypatch.setattr(store, "_insert", failing_insert)
        with pytest.raises(KeyboardInterrupt):
            store.write([_analysis("b", n_events=2), _analysis("a", n_events=2)])
    # nothing of the interrupted batch is visible; what was stored before is intact
    assert _counts(db) == {"documents": 1, "mentions": 1, "events": 1, "errors": 0}
    with Store(db) as store:  # running again stores the batch once
        store.write([_analysis("b", n_events=2), _analysis("a", n_events=2)])
    assert _counts(db) == {"documents": 2, "mentions": 2, "events": 4, "errors": 0}


def test_known_documents_are_recognised(tmp_path):
    with Store(tmp_path / "r.duckdb") as store:
        a = _analysis("a")
        store.write([a])
        assert store.is_current(a.document, "k1")
        assert not store.is_current(a.document, "k2")          # new knowledge: analyse again
        changed = _analysis("a", text=TEXT + " وتابع القصف.")
        assert not store.is_current(changed.document, "k1")     # new text: analyse again


def test_errors_clear_once_the_file_reads(tmp_path):
    with Store(tmp_path / "r.duckdb") as store:
        store.write_error(ReadError("/data/a.txt", "unknown_encoding", "..."))
        store.write([_analysis("a")])  # its source is /data/a.txt
        assert store.counts()["errors"] == 0


def test_runs_are_logged(tmp_path):
    with Store(tmp_path / "r.duckdb") as store:
        run = store.begin_run(["demo/"], "k1")
        store.finish_run(run, RunCounts(read=3, stored=2, failed=1, events=5))
        row = store.con.execute("SELECT paths, documents_read, stored, failed, events, status FROM runs").fetchone()
    assert row == (["demo/"], 3, 2, 1, 5, "done")


def test_parquet_export(tmp_path):
    with Store(tmp_path / "r.duckdb") as store:
        store.write([_analysis("a", n_events=2)])
        n = store.export_parquet(tmp_path / "events.parquet")
    table = pq.read_table(tmp_path / "events.parquet")
    assert n == table.num_rows == 2
    assert {"event_id", "type", "status", "lat", "lon", "record"} <= set(table.column_names)


def test_the_same_body_is_found_under_its_first_id(tmp_path):
    with Store(tmp_path / "r.duckdb") as store:
        store.write([_analysis("a")])
        same = text_hash(TEXT.replace(" ", "  "))  # white space does not make another article
        assert store.stored_texts([same, text_hash("نص آخر")]) == {same: "a"}


def test_an_old_database_gains_new_columns(tmp_path):
    db = tmp_path / "old.duckdb"
    con = duckdb.connect(str(db))
    con.execute("CREATE TABLE documents (doc_id VARCHAR PRIMARY KEY, text VARCHAR)")
    con.close()
    with Store(db) as store:
        columns = {r[0] for r in store.con.execute("DESCRIBE documents").fetchall()}
    assert "text_hash" in columns


def test_event_records_round_trip(tmp_path):
    analysis = _analysis("a", n_events=2)
    with Store(tmp_path / "r.duckdb") as store:
        store.write([analysis])
        stored = {r["event_id"]: r for r in store.iter_events()}
    for event in analysis.events:
        assert stored[event.event_id] == json.loads(json.dumps(event.as_dict(), ensure_ascii=False))


def test_rewriting_near_duplicates_keeps_their_marks(tmp_path):
    db = tmp_path / "r.duckdb"
    batch = [_analysis("a"), _analysis("b")]  # one report stored under two ids (two outlets' urls)
    with Store(db) as store:
        assert store.write(batch, "run-1") == 1
    first = _counts(db)
    with Store(db) as store:
        assert store.write(list(reversed(batch)), "run-2") == 1  # b stays the copy: a was stored first
    assert _counts(db) == first == {"documents": 2, "mentions": 2, "events": 2, "errors": 0}
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("SELECT doc_id, near_duplicate_of FROM documents ORDER BY 1").fetchall() == [
        ("a", None), ("b", "a")]
    assert con.execute("SELECT event_id, duplicate_of FROM events ORDER BY 1").fetchall() == [
        ("a-e0", None), ("b-e0", "a-e0")]
    con.close()
