"""`rasd run` marks near-duplicate documents and their repeated events, keeps everything, and the
API can leave the repeats out or list the outlets that reported an event."""
from __future__ import annotations

from pathlib import Path

import duckdb
import pytest
from click.testing import CliRunner

from rasd.cli import main

from dedup_stories import write_jsonl

ALL = ["wire", "rewrite", "other", "republished"]


def _run(paths: list[Path], db: Path) -> str:
    result = CliRunner().invoke(main, ["run", *map(str, paths), "--db", str(db)])
    assert result.exit_code == 0, result.output
    return [ln for ln in result.output.splitlines() if "documents read" in ln][-1]


def _marks(db: Path) -> tuple[dict, dict, dict]:
    """near_duplicate_of per document, duplicate_of per event, and the events per document."""
    with duckdb.connect(str(db), read_only=True) as con:
        docs = dict(con.execute("SELECT doc_id, near_duplicate_of FROM documents").fetchall())
        events = dict(con.execute("SELECT event_id, duplicate_of FROM events").fetchall())
        per_doc = dict(con.execute("SELECT doc_id, list(event_id ORDER BY event_id) FROM events "
                                   "GROUP BY doc_id").fetchall())
    return docs, events, per_doc


def _lead(db: Path, doc_id: str) -> tuple[str, str | None]:
    """The killing in the market, as read in one document: (event id, duplicate_of)."""
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute("SELECT event_id, duplicate_of FROM events WHERE doc_id = ? AND type = 'ASSAULT' "
                           "AND status = 'occurred' AND trigger = 'قصف'", [doc_id]).fetchone()


@pytest.fixture(scope="module")
def one_run(tmp_path_factory) -> tuple[Path, str, Path]:
    folder = tmp_path_factory.mktemp("dedup")
    source = write_jsonl(folder / "taiz.jsonl", ALL)
    db = folder / "r.duckdb"
    return db, _run([source], db), source


def test_copies_point_at_the_first_document_and_the_other_story_does_not(one_run):
    db, summary, _ = one_run
    docs, _, _ = _marks(db)
    assert docs == {"wire": None, "rewrite": "wire", "other": None, "republished": "wire"}
    assert ", 2 near-duplicates" in summary


def test_repeated_events_point_at_the_first_report_and_nothing_is_dropped(one_run):
    db, _, _ = one_run
    docs, events, per_doc = _marks(db)
    wire_lead, original = _lead(db, "wire")
    assert original is None
    for copy in ("rewrite", "republished"):
        # the rewritten intro tells the killing in other words: same place and day, same event
        assert _lead(db, copy)[1] == wire_lead
        assert all(events[e] in per_doc["wire"] for e in per_doc[copy] if events[e])
    assert not any(events[e] for e in per_doc["wire"] + per_doc["other"])
    # the republished wire repeats every event of the wire; all its events stay stored
    assert len(per_doc["republished"]) == len(per_doc["wire"])
    assert all(events[e] for e in per_doc["republished"])


def test_running_again_changes_nothing_and_says_the_same(one_run):
    db, summary, source = one_run
    before = _marks(db)
    again = _run([source], db)
    assert _marks(db) == before
    assert "(4 unchanged)" in again and "events, 2 near-duplicates →" in again
    assert again.replace(" (4 unchanged)", "") == summary


def test_a_later_run_finds_copies_of_documents_stored_before(one_run, tmp_path):
    db_all, _, _ = one_run
    first = write_jsonl(tmp_path / "monday.jsonl", ["wire", "other"])
    later = write_jsonl(tmp_path / "tuesday.jsonl", ["rewrite", "republished"])
    db = tmp_path / "r.duckdb"
    assert "near-duplicates" not in _run([first], db)
    assert ", 2 near-duplicates" in _run([later], db)
    assert _marks(db) == _marks(db_all)


def test_the_first_document_stored_is_the_original(tmp_path):
    db = tmp_path / "r.duckdb"
    _run([write_jsonl(tmp_path / "a.jsonl", ["rewrite"])], db)
    _run([write_jsonl(tmp_path / "b.jsonl", ["wire"])], db)
    docs, _, _ = _marks(db)
    assert docs == {"rewrite": None, "wire": "rewrite"}
    assert _lead(db, "wire")[1] == _lead(db, "rewrite")[0]


def test_a_database_from_before_near_duplicates_is_upgraded(tmp_path):
    from rasd import store

    db = tmp_path / "old.duckdb"
    with duckdb.connect(str(db)) as con:  # the tables as the first release wrote them
        con.execute(store._SCHEMA)
        con.execute("DROP TABLE signatures; DROP TABLE doc_bands")
        assert "near_duplicate_of" not in {r[0] for r in con.execute("DESCRIBE documents").fetchall()}
    assert ", 2 near-duplicates" in _run([write_jsonl(tmp_path / "t.jsonl", ALL)], db)
    assert _marks(db)[0]["republished"] == "wire"


# ---- the API ---------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def client(one_run):
    from fastapi.testclient import TestClient

    from rasd.api import create_app

    with TestClient(create_app(one_run[0])) as c:
        yield c


def test_unique_leaves_out_repeated_events_only(client, one_run):
    _, events, _ = _marks(one_run[0])
    every = client.get("/api/events", params={"limit": 500}).json()
    unique = client.get("/api/events", params={"limit": 500, "unique": "true"}).json()
    assert every["total"] == len(events)  # the default is unchanged
    assert {e["event_id"] for e in unique["events"]} == {e for e, d in events.items() if d is None}
    assert unique["total"] == sum(d is None for d in events.values()) < every["total"]


@pytest.mark.parametrize("route", ["/api/timeline", "/api/places"])
def test_aggregates_count_each_event_once_with_unique(client, route):
    every = client.get(route).json()
    unique = client.get(route, params={"unique": "true"}).json()
    assert every != unique


def test_event_detail_lists_the_outlets_that_reported_it(client, one_run):
    db = one_run[0]
    wire_lead = _lead(db, "wire")[0]
    for event_id in (wire_lead, _lead(db, "rewrite")[0]):
        body = client.get(f"/api/events/{event_id}").json()
        corroboration = body["corroboration"]
        assert corroboration["original"] == wire_lead
        assert corroboration["outlets"] == sorted(["وكالة الأنباء", "صحيفة الصباح", "موقع الخبر"])
        assert corroboration["n_reports"] == 3 and corroboration["events"][0]["event_id"] == wire_lead
    other = client.get("/api/events", params={"doc": "other", "limit": 1}).json()["events"][0]
    assert client.get(f"/api/events/{other['event_id']}").json()["corroboration"]["n_outlets"] == 1


def test_documents_stored_by_an_older_rasd_are_signed_and_found(tmp_path):
    db = tmp_path / "r.duckdb"
    _run([write_jsonl(tmp_path / "a.jsonl", ["wire", "other"])], db)
    with duckdb.connect(str(db)) as con:  # as an older rasd left it: documents, no signatures
        con.execute("DELETE FROM signatures; DELETE FROM doc_bands")
    assert ", 1 near-duplicates" in _run([write_jsonl(tmp_path / "b.jsonl", ["rewrite"])], db)
    assert _marks(db)[0] == {"wire": None, "other": None, "rewrite": "wire"}


def test_batch_size_does_not_change_the_marks(one_run, tmp_path, monkeypatch):
    from rasd import commands

    monkeypatch.setattr(commands, "BATCH", 1)  # every document in a transaction of its own
    db = tmp_path / "r.duckdb"
    _run([write_jsonl(tmp_path / "t.jsonl", ALL)], db)
    assert _marks(db) == _marks(one_run[0])
