"""The judgement sheet: a reproducible sample, a sheet that round-trips, and its precision."""
from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "sample_events.py"


@pytest.fixture(scope="module")
def sheet():
    spec = importlib.util.spec_from_file_location("sample_events", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _record(i: int, type_: str = "ASSAULT") -> dict:
    return {
        "event_id": f"e{i}", "doc_id": f"d{i % 7}", "outlet": "إرم نيوز", "type": type_, "status": "occurred",
        "source": [{"id": "LBY.MIL", "text": "الجيش الليبي"}], "target": [],
        "location": {"name_ar": "درنة", "country": "LBY"}, "time": {"text": "فجر اليوم", "date": None},
        "evidence": {"sentence": f"شنت مقاتلات غارات | على درنة رقم {i}", "trigger": "غارات"},
    }


def test_the_same_seed_draws_the_same_sample(sheet):
    records = [_record(i) for i in range(500)]
    a = sheet.draw(iter(records), 20, seed=7)
    b = sheet.draw(iter(records), 20, seed=7)
    c = sheet.draw(iter(records), 20, seed=8)
    assert [r["event_id"] for r in a] == [r["event_id"] for r in b]
    assert [r["event_id"] for r in a] != [r["event_id"] for r in c]
    assert len({r["event_id"] for r in a}) == 20


def test_a_small_corpus_is_taken_whole(sheet):
    assert len(sheet.draw(iter([_record(i) for i in range(5)]), 100, seed=1)) == 5


@pytest.mark.parametrize("suffix", [".csv", ".md"])
def test_sheet_round_trips(sheet, tmp_path, suffix):
    rows = [sheet.sheet_row(_record(i)) for i in range(3)]
    path = tmp_path / f"sheet{suffix}"
    sheet.write_sheet(rows, path)
    back = sheet.read_sheet(path)
    assert back == rows
    assert back[0]["source"] == "LBY.MIL (الجيش الليبي)" and back[0]["place"] == "درنة (LBY)"
    assert all(back[0][c] == "" for c in sheet.JUDGED)


def test_filled_sheet_scores(sheet, tmp_path):
    rows = [sheet.sheet_row(_record(i, "ASSAULT" if i < 3 else "PROTEST")) for i in range(4)]
    marks = [("1", "1", "1", "1"), ("yes", "0", "✓", "-"), ("نعم", "لا", "1", "0"), ("0", "", "", "")]
    for row, (t, s, a, p) in zip(rows, marks, strict=True):
        row.update(type_ok=t, status_ok=s, actors_ok=a, place_ok=p)
    path = tmp_path / "filled.csv"
    sheet.write_sheet(rows, path)
    result = sheet.score_sheet(sheet.read_sheet(path))
    assert result["columns"]["type_ok"] == {"right": 3, "judged": 4, "precision": 0.75,
                                            "ci95": sheet.wilson(3, 4)}
    assert result["columns"]["status_ok"]["judged"] == 3 and result["columns"]["status_ok"]["right"] == 1
    assert result["columns"]["place_ok"]["judged"] == 2
    # the last row's type is wrong: the event is wrong, though its other columns were left blank
    assert result["strict"] == {"right": 1, "judged": 3, "precision": 0.3333, "ci95": sheet.wilson(1, 3)}
    assert result["type_precision_by_type"]["PROTEST"]["precision"] == 0.0
    assert result["precision"] == 0.75
    assert "| type_ok | 3/4 | 0.750 |" in sheet.format_score(result)


@pytest.mark.parametrize("k, n, low, high", [(50, 100, 0.4038, 0.5962), (0, 10, 0.0, 0.2775), (10, 10, 0.7225, 1.0)])
def test_wilson_interval(sheet, k, n, low, high):
    assert sheet.wilson(k, n) == pytest.approx((low, high), abs=1e-3)


def test_redacted_sheet_keeps_ids_and_judgements_but_no_text(sheet, tmp_path):
    record = _record(3)
    record["evidence"].update(sentence_span=[120, 168], trigger_span=[131, 136])
    row = sheet.sheet_row(record)
    row.update(type_ok="1", status_ok="0", actors_ok="1", place_ok="1", note="status:purpose-missed")
    out = tmp_path / "judged.csv"
    sheet.write_sheet(sheet.redact([row]), out)
    back = sheet.read_sheet(out)[0]
    assert back["sentence_span"] == "120:168" and back["trigger_span"] == "131:136"
    assert back["source_ids"] == "LBY.MIL" and back["place_id"] == "LBY"
    assert (back["type_ok"], back["status_ok"], back["note"]) == ("1", "0", "status:purpose-missed")
    text = out.read_text(encoding="utf-8-sig")
    assert "غارات" not in text and "الجيش" not in text and "درنة" not in text
    assert sheet.score_sheet([back])["strict"]["right"] == 0
