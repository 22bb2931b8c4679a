"""`rasd spark` gives the same documents, events and errors as a local `rasd run` on the same input."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

pytest.importorskip("pyspark")
if shutil.which("java") is None:
    pytest.skip("rasd spark needs Java (apt install openjdk-17-jre-headless)", allow_module_level=True)

import duckdb  # noqa: E402

from rasd.commands import run_command  # noqa: E402
from rasd.spark import plan_inputs, run_spark, spark_session  # noqa: E402
from dedup_stories import write_jsonl  # noqa: E402

DEMO = Path(__file__).resolve().parents[1] / "demo"

# Records written for this test: one article, the same article again under another id (a
# duplicate a local run skips), a line that is not JSON and a record without text.
EXTRA = [
    json.dumps({"id": "oran-1", "published": "2024-03-02", "source": "الشروق",
                "text": "أعلنت وزارة الدفاع الجزائرية أن وحدات الجيش أوقفت ثلاثة مهربين مسلحين قرب الحدود "
                        "مع مالي أمس الجمعة، وحجزت أسلحة وذخائر."}, ensure_ascii=False),
    json.dumps({"id": "oran-1-copy", "published": "2024-03-02",
                "text": "أعلنت وزارة الدفاع الجزائرية أن وحدات الجيش أوقفت ثلاثة مهربين مسلحين قرب الحدود "
                        "مع مالي أمس الجمعة، وحجزت أسلحة وذخائر."}, ensure_ascii=False),
    '{"id": "broken", "text": "نص مقطوع',
    json.dumps({"id": "empty", "title": "بلا نص"}, ensure_ascii=False),
]


@pytest.fixture(scope="module")
def inputs(tmp_path_factory) -> list[str]:
    folder = tmp_path_factory.mktemp("spark_in")
    (folder / "extra.jsonl").write_text("\n".join(EXTRA) + "\n", encoding="utf-8")
    copies = write_jsonl(folder / "taiz.jsonl", ["wire", "rewrite", "other", "republished"])  # near-duplicates
    return [str(DEMO / "jsonl"), str(DEMO / "warc"), str(DEMO / "pages"), str(copies), str(folder / "extra.jsonl")]


@pytest.fixture(scope="module")
def local_db(inputs, tmp_path_factory) -> Path:
    db = tmp_path_factory.mktemp("local") / "rasd.duckdb"
    run_command(inputs, str(db))
    return db


@pytest.fixture(scope="module")
def spark():
    session = spark_session("local[2]")
    yield session
    session.stop()


@pytest.fixture(scope="module")
def spark_out(inputs, spark, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("spark_out")
    summary = run_spark(inputs, out, spark=spark, partitions=3)
    (out / "summary.json").write_text(json.dumps([summary.documents, summary.duplicates, summary.failed,
                                                  summary.events]), encoding="utf-8")
    return out


def _local(db: Path, sql: str) -> list[tuple]:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(sql).fetchall()


def _spark(out: Path, table: str, columns: str) -> list[tuple]:
    return duckdb.sql(f"SELECT {columns} FROM read_parquet('{out / table}/*.parquet') ORDER BY 1").fetchall()


def test_the_same_counts_as_the_local_summary(local_db, spark_out):
    documents, duplicates, failed, events = json.loads((spark_out / "summary.json").read_text())
    local = _local(local_db, "SELECT stored, duplicates, failed, events FROM runs")[0]
    assert (documents, duplicates, failed, events) == local
    assert duplicates >= 1 and failed == 2  # the copied article, the broken line, the empty record


def test_the_same_documents_are_kept(local_db, spark_out):
    cols = "doc_id, text_hash, outlet, published, n_events"
    assert _spark(spark_out, "documents", cols) == _local(local_db, f"SELECT {cols} FROM documents ORDER BY 1")


def test_the_same_events_with_the_same_records(local_db, spark_out):
    cols = "event_id, doc_id, type, status, place_id, record"
    spark_rows = _spark(spark_out, "events", cols)
    assert len(spark_rows) > 50
    assert spark_rows == _local(local_db, f"SELECT {cols} FROM events ORDER BY 1")


def test_the_same_mentions(local_db, spark_out):
    cols = "mention_id, actor_id, place_id"
    assert _spark(spark_out, "mentions", cols) == _local(local_db, f"SELECT {cols} FROM mentions ORDER BY 1")


def test_bad_records_are_errors_with_their_line(local_db, spark_out):
    cols = "path, reason"
    spark_rows = _spark(spark_out, "errors", cols)
    assert [r[1] for r in spark_rows] == ["bad_json", "no_text"]
    assert spark_rows[0][0].endswith("extra.jsonl:3")
    assert spark_rows == _local(local_db, f"SELECT {cols} FROM errors ORDER BY 1")


def test_inputs_are_planned_in_local_reading_order(inputs):
    plan = plan_inputs(inputs)
    assert plan.ordered[0].endswith("articles.jsonl") and plan.ordered[-1].endswith("extra.jsonl")
    assert any(f.endswith(".warc.gz") for f in plan.files)
    assert not plan.missing


def test_parquet_records_read_like_json_lines(spark, local_db, tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    records = [json.loads(line) for line in (DEMO / "jsonl" / "articles.jsonl").read_text(encoding="utf-8").splitlines()
               if line.strip()]
    columns = sorted({k for r in records for k in r})
    table = pa.Table.from_pylist([{k: (str(r[k]) if k in r else None) for k in columns} for r in records])
    pq.write_table(table, tmp_path / "articles.parquet")
    summary = run_spark([str(tmp_path / "articles.parquet")], tmp_path / "out", spark=spark)
    local_docs = _local(local_db, "SELECT doc_id FROM documents WHERE source LIKE '%articles.jsonl:%' ORDER BY 1")
    assert summary.failed == 0 and summary.documents == len(local_docs) == len(records)
    assert _spark(tmp_path / "out", "documents", "doc_id") == local_docs
    cols = "event_id, record"
    assert _spark(tmp_path / "out", "events", cols) == _local(
        local_db, f"SELECT {cols} FROM events WHERE doc_id IN (SELECT doc_id FROM documents "
                  "WHERE source LIKE '%articles.jsonl:%') ORDER BY 1")


def test_the_same_near_duplicates_are_marked(local_db, spark_out):
    docs = _spark(spark_out, "documents", "doc_id, near_duplicate_of")
    assert docs == _local(local_db, "SELECT doc_id, near_duplicate_of FROM documents ORDER BY 1")
    assert any(mark for _, mark in docs)  # the demo holds copies of one story
    events = "event_id, duplicate_of"
    assert _spark(spark_out, "events", events) == _local(local_db, f"SELECT {events} FROM events ORDER BY 1")
