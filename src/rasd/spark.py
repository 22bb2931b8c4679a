"""`rasd spark`: the same ``analyse`` over a Spark cluster (or ``local[N]``), writing Parquet.

The driver only lists the inputs. Executors read them with rasd's own readers, analyse each
document with the same pipeline and knowledge as a local run, and turn it into the rows the
local store writes (``rasd.store``), so a laptop and a cluster give the same events for the
same input. Where a local run would skip an article already read from another file (the same
text), the Spark run keeps the first one in input order too; and it marks near-duplicate copies
(``near_duplicate_of``, ``duplicate_of``; see ``rasd.dedup``) as a local run into an empty database does.

Output folder: ``documents/``, ``mentions/``, ``events/`` and ``errors/``, each a Parquet dataset
with the columns of the DuckDB table of the same name (less the per-run bookkeeping).
"""
from __future__ import annotations

import io
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Iterator

from .errors import RasdError, ReadError
from .model import Document

# Spark SQL types of the stored tables (see rasd.store._SCHEMA).
SCHEMAS = {
    "documents": "doc_id STRING, url STRING, outlet STRING, domain STRING, title STRING, "
                 "published DATE, language STRING, text STRING, headings ARRAY<STRING>, source STRING, "
                 "content_hash STRING, text_hash STRING, knowledge_version STRING, n_sentences INT, "
                 "n_tokens INT, n_mentions INT, n_events INT",
    "mentions": 'mention_id STRING, doc_id STRING, sentence INT, start INT, `end` INT, text STRING, '
                "label STRING, actor_id STRING, place_id STRING, source STRING, title STRING, record STRING",
    "events": "event_id STRING, doc_id STRING, type STRING, mode STRING, status STRING, published DATE, "
              "date DATE, date_precision STRING, country STRING, place_id STRING, place_name STRING, "
              "lat DOUBLE, lon DOUBLE, source_ids ARRAY<STRING>, target_ids ARRAY<STRING>, outlet STRING, "
              "url STRING, evidence STRING, trigger STRING, confidence DOUBLE, cameo STRING, rule STRING, "
              "knowledge_version STRING, record STRING",
    "errors": "error_id STRING, path STRING, reason STRING, detail STRING",
}
_RUN_ONLY = ("run_id", "stored_at")  # local bookkeeping, not part of the analysis
# Computed in the executors for near-duplicate detection (rasd.dedup), not written out.
_SIGNATURE = "minhash BINARY, bands ARRAY<BIGINT>"


@dataclass(slots=True)
class InputPlan:
    """The files of a Spark run, in the order a local run reads them."""

    jsonl: list[str] = field(default_factory=list)     # read line by line, in parallel
    files: list[str] = field(default_factory=list)     # pages, HTML, feeds, WARC: one task per file
    parquet: list[str] = field(default_factory=list)   # record tables (id, text, title, url, ...)
    missing: list[str] = field(default_factory=list)
    ordered: list[str] = field(default_factory=list)  # every file, in the order a local run reads

    def order(self) -> dict[str, int]:
        """Each file's rank in input order (ties broken by line or record number)."""
        return {p: i for i, p in enumerate(self.ordered)}


def plan_inputs(paths: Iterable[str | Path]) -> InputPlan:
    """Sort files and folders (recursive, as a local run walks them) into the three kinds."""
    from .ingest import files_under, kind_of

    plan = InputPlan()
    named: set[str] = set()  # files named on the command line are read whatever their extension
    for path in paths:
        p = Path(path)
        if str(path) == "-":
            raise RasdError("rasd spark reads files and folders, not standard input")
        if p.is_dir():
            plan.ordered += [str(f) for f in files_under(p)]
        elif p.exists():
            plan.ordered.append(str(p))
            named.add(str(p))
        else:
            plan.missing.append(str(p))
    for name in plan.ordered:
        kind = kind_of(Path(name).name)
        if name.endswith(".parquet"):
            plan.parquet.append(name)
        elif kind == "jsonl":
            plan.jsonl.append(name)
        elif kind is not None or name in named:
            plan.files.append(name)
    return plan


# ---- executor side: plain functions over plain values, so Spark can ship them ------------

def _documents_of_line(where: str, line: str) -> Iterator[Document | ReadError]:
    from .ingest.records import read_jsonl_text

    for item in read_jsonl_text(line, where.rsplit(":", 1)[0]):
        # read_jsonl_text numbers lines from 1 within the one line it got: name the real one
        if isinstance(item, Document):
            item.source = where
            yield item
        else:
            yield ReadError(where, item.reason, item.detail)


def _documents_of_file(name: str, data: bytes) -> Iterator[Document | ReadError]:
    from .ingest import MAX_FILE_BYTES, kind_of, read_stream

    if not data:
        yield ReadError(name, "empty", "the file is empty")
        return
    yield from read_stream(io.BufferedReader(io.BytesIO(data)), name, kind_of(Path(name).name),
                           MAX_FILE_BYTES)


def _documents_of_record(where: str, record: dict[str, Any]) -> Iterator[Document | ReadError]:
    from .ingest.records import document_from_record

    try:
        yield document_from_record(record, where)
    except ReadError as exc:
        yield exc


def _rows(items: Iterator[tuple[tuple[int, int, int], Document | ReadError]],
          knowledge_dirs: tuple[str, ...]) -> Iterator[tuple[str, tuple[int, int, int], dict[str, Any]]]:
    """(table, order, row) for every document and error of a partition."""
    import datetime as dt

    from . import dedup
    from .commands import _analyse_safely
    from .pipeline import default_pipeline
    from .store import document_row, error_id, event_row, mention_row

    pipeline = default_pipeline(tuple(Path(d) for d in knowledge_dirs))  # once per worker process
    now = dt.datetime.now()
    for order, item in items:
        if isinstance(item, Document):
            item = _analyse_safely(pipeline, item)
        if isinstance(item, ReadError):
            yield "errors", order, {"error_id": error_id(item.path, item.reason), "path": item.path,
                                    "reason": item.reason, "detail": item.detail}
            continue
        doc = document_row(item, "", now)
        for key in _RUN_ONLY:
            doc.pop(key)
        sig = dedup.signature(item.document.text)
        doc["minhash"], doc["bands"] = (sig.to_bytes(), list(sig.bands)) if sig else (None, None)
        yield "documents", order, doc
        doc_id = item.document.id
        for m in item.mentions:
            yield "mentions", order, mention_row(doc_id, m)
        for e in item.events:
            yield "events", order, event_row(e)


# ---- driver ----------------------------------------------------------------------------------

@dataclass(slots=True)
class SparkSummary:
    documents: int
    duplicates: int
    failed: int
    events: int
    out: str
    near_duplicates: int = 0  # kept, marked with near_duplicate_of

    def line(self) -> str:
        near = f", {self.near_duplicates} near-duplicates" if self.near_duplicates else ""
        return (f"rasd spark: {self.documents} documents analysed, {self.duplicates} duplicates skipped, "
                f"{self.failed} failed, {self.events} events{near} -> {self.out}")


def spark_session(master: str | None = None, app_name: str = "rasd"):
    """A Spark session (``master`` e.g. ``local[4]``; none: what spark-submit or the cluster gives)."""
    try:
        from pyspark.sql import SparkSession
    except ImportError:
        raise RasdError("rasd spark needs PySpark: pip install 'rasd[spark]' (and Java 17)") from None
    # Workers run this interpreter (and so this rasd) unless the cluster names its own.
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    builder = SparkSession.builder.appName(app_name)
    if master:
        builder = builder.master(master)
    if master and master.startswith("local"):  # small shuffles and a quiet console on one machine
        builder = (builder.config("spark.sql.shuffle.partitions", "8")
                   .config("spark.ui.showConsoleProgress", "false"))
    # Quiet, local-friendly defaults; a cluster's own settings take precedence when submitted.
    builder = (builder.config("spark.ui.enabled", "false")
               .config("spark.sql.session.timeZone", "UTC")
               .config("spark.python.worker.reuse", "true"))
    session = builder.getOrCreate()
    session.sparkContext.setLogLevel("ERROR")
    return session


def run_spark(paths: Iterable[str | Path], out: str | Path, spark=None, master: str | None = None,
              knowledge_dirs: Iterable[str | Path] = (), partitions: int | None = None) -> SparkSummary:
    """Read, analyse and write Parquet under ``out`` with Spark; returns the summary."""
    paths = [str(p) for p in paths]
    plan = plan_inputs(paths)
    own_session = spark is None
    spark = spark or spark_session(master)
    try:
        return _run(spark, plan, str(out), tuple(str(Path(d).resolve()) for d in knowledge_dirs), partitions)
    finally:
        if own_session:
            spark.stop()


def _run(spark, plan: InputPlan, out: str, knowledge_dirs: tuple[str, ...],
         partitions: int | None) -> SparkSummary:
    from pyspark import StorageLevel
    from pyspark.sql import Window
    from pyspark.sql import functions as F

    sc = spark.sparkContext
    rank = plan.order()
    n = partitions or max(2, sc.defaultParallelism * 2)
    parts = []
    for name in plan.missing:
        parts.append(sc.parallelize([((len(rank), 0, 0), ReadError(name, "not_found",
                                                                 "no such file or folder; check the path"))], 1))
    for name in plan.jsonl:
        lines = sc.textFile(str(Path(name).resolve()), n).zipWithIndex()
        r = rank[name]
        parts.append(lines.flatMap(lambda li, name=name, r=r: (
            ((r, li[1], k), d) for k, d in enumerate(_documents_of_line(f"{name}:{li[1] + 1}", li[0]))
            if li[0].strip())))
    if plan.files:
        named = [(rank[f], f) for f in plan.files]
        files = sc.parallelize(named, min(n, len(named)))
        parts.append(files.flatMap(lambda rf: (
            ((rf[0], k, 0), d) for k, d in enumerate(_documents_of_file(rf[1], Path(rf[1]).read_bytes())))))
    for name in plan.parquet:
        rows = spark.read.parquet(str(Path(name).resolve())).rdd.zipWithIndex()
        r = rank[name]
        parts.append(rows.flatMap(lambda ri, name=name, r=r: (
            ((r, ri[1], 0), d) for d in _documents_of_record(f"{name}:{ri[1] + 1}", ri[0].asDict()))))
    if not parts:
        raise RasdError("nothing to read: give JSONL, WARC, HTML, page, feed or Parquet files or folders")
    items = sc.union(parts).repartition(n)
    rows = items.mapPartitions(lambda it: _rows(it, knowledge_dirs)).persist(StorageLevel.MEMORY_AND_DISK)

    def table(name: str):
        from pyspark.sql.types import _parse_datatype_string

        extra = ", " + _SIGNATURE if name == "documents" else ""
        schema = _parse_datatype_string("order ARRAY<BIGINT>, " + SCHEMAS[name] + extra)
        data = rows.filter(lambda t: t[0] == name).map(lambda t, cols=schema.names[1:]: (
            list(t[1]), *[t[2][c] for c in cols]))
        return spark.createDataFrame(data, schema)

    # The first of several documents with one text (or one id) wins, as in a local run.
    docs = table("documents")
    first = (docs.withColumn("_by_text", F.row_number().over(Window.partitionBy("text_hash").orderBy("order")))
             .withColumn("_by_id", F.row_number().over(Window.partitionBy("doc_id").orderBy("order"))))
    kept = first.where("_by_text = 1 AND _by_id = 1").drop("_by_text", "_by_id")
    kept = kept.persist(StorageLevel.MEMORY_AND_DISK)
    keys = kept.select("doc_id", F.col("order").alias("_order"))

    def of_kept(df):
        return df.join(keys, on="doc_id").where("order = _order").drop("order", "_order")

    out_path = Path(out)
    events = of_kept(table("events")).dropDuplicates(["event_id"])
    roots, repeats = _near_duplicates(kept, events)
    doc_marks = spark.createDataFrame(sorted(roots.items()), "doc_id STRING, near_duplicate_of STRING")
    event_marks = spark.createDataFrame(sorted(repeats.items()), "event_id STRING, duplicate_of STRING")
    (kept.drop("order", "minhash", "bands").join(doc_marks, on="doc_id", how="left")
     .write.mode("overwrite").parquet(str(out_path / "documents")))
    events = events.join(event_marks, on="event_id", how="left")
    events.write.mode("overwrite").parquet(str(out_path / "events"))
    of_kept(table("mentions")).dropDuplicates(["mention_id"]).write.mode("overwrite").parquet(
        str(out_path / "mentions"))
    errors = table("errors").drop("order").dropDuplicates(["error_id"])
    errors.write.mode("overwrite").parquet(str(out_path / "errors"))

    read_docs = docs.count()
    n_kept = kept.count()
    summary = SparkSummary(documents=n_kept, duplicates=read_docs - n_kept,
                           failed=spark.read.parquet(str(out_path / "errors")).count(),
                           events=spark.read.parquet(str(out_path / "events")).count(), out=str(out_path),
                           near_duplicates=len(roots))
    rows.unpersist()
    kept.unpersist()
    return summary


def _near_duplicates(kept, events) -> tuple[dict[str, str], dict[str, str]]:
    """near_duplicate_of per document and duplicate_of per event, as a local run into an empty
    database marks them: candidate pairs from shared band keys (Spark SQL), verified in the
    executors, then replayed in input order on the driver (only the documents found)."""
    from pyspark.sql import functions as F

    from . import dedup
    from .normalize import normalize
    from .store import ReportedEvent

    signed = kept.where("bands IS NOT NULL").select("doc_id", "order", "minhash", F.explode("bands").alias("band"))
    a, b = signed.alias("a"), signed.alias("b")
    pairs = (a.join(b, F.col("a.band") == F.col("b.band"))
             .where((F.col("a.order") < F.col("b.order")) & (F.col("a.doc_id") != F.col("b.doc_id")))
             .select(F.col("a.doc_id").alias("early"), F.col("b.doc_id").alias("late"),
                     F.col("a.order").alias("early_order"), F.col("b.order").alias("late_order"),
                     F.col("a.minhash").alias("ea"), F.col("b.minhash").alias("lb"))
             .dropDuplicates(["early", "late"]))
    threshold = dedup.THRESHOLD
    found = pairs.rdd.filter(lambda r: dedup.similarity(dedup.Signature.from_bytes(r.ea),
                                                        dedup.Signature.from_bytes(r.lb)) >= threshold) \
        .map(lambda r: (r.early, tuple(r.early_order), r.late, tuple(r.late_order))).collect()
    if not found:
        return {}, {}
    order: dict[str, tuple[int, ...]] = {}
    earlier: dict[str, list[str]] = {}
    for early, early_order, late, late_order in found:
        order[early], order[late] = early_order, late_order
        earlier.setdefault(late, []).append(early)
    roots: dict[str, str] = {}
    for late in sorted(earlier, key=order.__getitem__):
        first = min(earlier[late], key=order.__getitem__)
        roots[late] = roots.get(first, first)
    members = sorted(set(roots) | set(roots.values()), key=order.__getitem__)
    rows = (events.where(F.col("doc_id").isin(members))
            .select("event_id", "doc_id", "type", "status", "trigger", "evidence", "place_id", "date").collect())
    by_doc: dict[str, list] = {}
    for r in rows:
        by_doc.setdefault(r.doc_id, []).append(r)
    rank = {doc_id: k for k, doc_id in enumerate(members)}
    repeats: dict[str, str] = {}
    groups: dict[str, list[ReportedEvent]] = {}
    for doc_id in members:
        group = groups.setdefault(roots.get(doc_id, doc_id), [])
        group.sort(key=lambda g: (g.seq, g.event_id))
        seq = rank[doc_id]
        mine = []
        for r in by_doc.get(doc_id, ()):
            here = ReportedEvent(seq, r.event_id, (r.type, r.status, normalize(r.trigger or "")),
                             dedup.sentence_words(r.evidence or ""),
                             (r.place_id, r.date) if r.place_id and r.date else None, r.event_id)
            original = None
            if doc_id in roots:
                original = next((g.original for g in group if g.seq < seq and here.repeats(g)), None)
            if original and original != r.event_id:
                repeats[r.event_id] = original
            mine.append(here._replace(original=repeats.get(r.event_id, r.event_id)))
        group.extend(mine)
    return roots, repeats


__all__ = ["run_spark", "plan_inputs", "spark_session", "SparkSummary", "SCHEMAS"]
