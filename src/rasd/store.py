"""DuckDB storage: documents, mentions, events, errors and runs, written idempotently.

Every row has a stable id (document id, event id, a hash of a mention's span, a hash of an
error's path and reason), so storing the same input twice changes nothing. A document's rows
are replaced together inside one transaction (several documents share a transaction for
speed): an interrupted run leaves each document either fully stored or not at all, and running
it again stores what is missing without duplicating what is there.

Events keep the full record as JSON text (``record``) beside the flat, filterable columns the
HTTP API reads.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Iterator

from .errors import ReadError, StoreError
from .model import Analysis, Document, Event, Mention, stable_id

SCHEMA_VERSION = 1

_SCHEMA = """
CREATE TABLE IF NOT EXISTS documents (
    doc_id VARCHAR PRIMARY KEY, url VARCHAR, outlet VARCHAR, domain VARCHAR, title VARCHAR,
    published DATE, language VARCHAR, text VARCHAR, headings VARCHAR[], source VARCHAR,
    content_hash VARCHAR, text_hash VARCHAR, knowledge_version VARCHAR, n_sentences INTEGER, n_tokens INTEGER,
    n_mentions INTEGER, n_events INTEGER, run_id VARCHAR, stored_at TIMESTAMP);
CREATE TABLE IF NOT EXISTS mentions (
    mention_id VARCHAR PRIMARY KEY, doc_id VARCHAR, sentence INTEGER, "start" INTEGER,
    "end" INTEGER, text VARCHAR, label VARCHAR, actor_id VARCHAR, place_id VARCHAR,
    source VARCHAR, title VARCHAR, record VARCHAR);
CREATE TABLE IF NOT EXISTS events (
    event_id VARCHAR PRIMARY KEY, doc_id VARCHAR, type VARCHAR, mode VARCHAR, status VARCHAR,
    published DATE, date DATE, date_precision VARCHAR, country VARCHAR, place_id VARCHAR,
    place_name VARCHAR, lat DOUBLE, lon DOUBLE, source_ids VARCHAR[], target_ids VARCHAR[],
    outlet VARCHAR, url VARCHAR, evidence VARCHAR, trigger VARCHAR, confidence DOUBLE,
    cameo VARCHAR, rule VARCHAR, knowledge_version VARCHAR, record VARCHAR);
CREATE TABLE IF NOT EXISTS errors (
    error_id VARCHAR PRIMARY KEY, path VARCHAR, reason VARCHAR, detail VARCHAR, run_id VARCHAR,
    recorded_at TIMESTAMP);
CREATE TABLE IF NOT EXISTS runs (
    run_id VARCHAR PRIMARY KEY, started_at TIMESTAMP, finished_at TIMESTAMP, paths VARCHAR[],
    knowledge_version VARCHAR, documents_read INTEGER, stored INTEGER, unchanged INTEGER,
    duplicates INTEGER, failed INTEGER, events INTEGER, status VARCHAR, rasd_version VARCHAR);
CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR);
"""
# Columns added after the first release, for databases created before them.
_MIGRATIONS = """
ALTER TABLE documents ADD COLUMN IF NOT EXISTS text_hash VARCHAR;
ALTER TABLE runs ADD COLUMN IF NOT EXISTS duplicates INTEGER;
"""
# Rows of one document are replaced by doc_id, and bodies looked up by hash, on every write.
_INDEXES = """
CREATE INDEX IF NOT EXISTS events_doc_id ON events (doc_id);
CREATE INDEX IF NOT EXISTS mentions_doc_id ON mentions (doc_id);
CREATE INDEX IF NOT EXISTS documents_text_hash ON documents (text_hash);
"""
TABLES = ("documents", "mentions", "events", "errors", "runs")


def content_hash(document: Document) -> str:
    """A hash of everything a document's analysis depends on."""
    h = hashlib.blake2b(digest_size=12)
    for part in (document.text, document.title, document.url or "", document.outlet or "",
                 str(document.published or ""), "\x1e".join(document.headings)):
        h.update(part.encode("utf-8"))
        h.update(b"\x1f")
    return h.hexdigest()


def text_hash(text: str) -> str:
    """A hash of a body's words: the same article read from two formats hashes the same."""
    return hashlib.blake2b(" ".join(text.split()).encode("utf-8"), digest_size=12).hexdigest()


def event_row(event: Event) -> dict[str, Any]:
    """The flat columns of one event (the API filters on these) plus its JSON record."""
    loc = event.location
    return {
        "event_id": event.event_id, "doc_id": event.doc_id, "type": event.type, "mode": event.mode,
        "status": event.status, "published": event.published, "date": event.time.date,
        "date_precision": event.time.precision,
        "country": loc.country if loc else None, "place_id": loc.id if loc else None,
        "place_name": (loc.name or loc.name_ar) if loc else None,
        "lat": loc.lat if loc else None, "lon": loc.lon if loc else None,
        "source_ids": [a.id for a in event.source if a.id],
        "target_ids": [a.id for a in event.target if a.id],
        "outlet": event.outlet, "url": event.url, "evidence": event.evidence.sentence,
        "trigger": event.evidence.trigger, "confidence": float(event.confidence),
        "cameo": event.cameo, "rule": event.rule, "knowledge_version": event.knowledge_version,
        "record": json.dumps(event.as_dict(), ensure_ascii=False),
    }


def mention_row(doc_id: str, m: Mention) -> dict[str, Any]:
    return {
        "mention_id": stable_id(doc_id, str(m.start), str(m.end), m.label),
        "doc_id": doc_id, "sentence": m.sentence, "start": m.start, "end": m.end, "text": m.text,
        "label": m.label, "actor_id": m.actor.id if m.actor else None,
        "place_id": m.place.id if m.place else None, "source": m.source, "title": m.title,
        "record": json.dumps(m.as_dict(), ensure_ascii=False),
    }


def document_row(a: Analysis, run_id: str, now: dt.datetime) -> dict[str, Any]:
    d = a.document
    return {
        "doc_id": d.id, "url": d.url, "outlet": d.outlet, "domain": d.domain, "title": d.title,
        "published": d.published, "language": d.language, "text": d.text,
        "headings": list(d.headings), "source": d.source, "content_hash": content_hash(d),
        "text_hash": text_hash(d.text),
        "knowledge_version": a.knowledge_version, "n_sentences": len(a.sentences),
        "n_tokens": len(a.tokens), "n_mentions": len(a.mentions), "n_events": len(a.events),
        "run_id": run_id, "stored_at": now,
    }


def error_id(path: str, reason: str) -> str:
    return stable_id("error", path, reason)


@dataclass(slots=True)
class RunCounts:
    """What one run did, for the runs table and the summary line."""

    read: int = 0
    stored: int = 0
    unchanged: int = 0
    duplicates: int = 0
    failed: int = 0
    events: int = 0

    def summary(self) -> str:
        notes = [f"{self.unchanged} unchanged"] if self.unchanged else []
        notes += [f"{self.duplicates} duplicates"] if self.duplicates else []
        extra = f" ({', '.join(notes)})" if notes else ""
        return (f"{self.read} documents read, {self.stored} stored{extra}, {self.failed} failed, "
                f"{self.events} events")


class Store:
    """One rasd DuckDB file, opened for writing."""

    def __init__(self, path: str | Path = "rasd.duckdb"):
        import duckdb

        self.path = Path(path)
        if self.path.parent and not self.path.parent.exists():
            raise StoreError(f"cannot create {self.path}: the folder {self.path.parent} does not exist")
        try:
            self.con = duckdb.connect(str(self.path))
        except duckdb.Error as exc:
            raise StoreError(f"cannot open {self.path} for writing ({exc}); is `rasd serve` or another "
                             "run using it? Stop it or use another --db") from exc
        self._duckdb = duckdb
        self._schemas: dict[str, Any] = {}
        self.con.execute(_SCHEMA)
        self.con.execute(_MIGRATIONS)
        self.con.execute(_INDEXES)
        self.con.execute("INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", [str(SCHEMA_VERSION)])

    # ---- context ------------------------------------------------------------------------

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ---- runs ---------------------------------------------------------------------------

    def begin_run(self, paths: Iterable[str], knowledge_version: str) -> str:
        """Record the start of a run and return its id."""
        from . import __version__

        run_id = f"{time.strftime('%Y%m%dT%H%M%S')}-{os.urandom(4).hex()}"
        self.con.execute("INSERT INTO runs (run_id, started_at, paths, knowledge_version, status, rasd_version) "
                         "VALUES (?, ?, ?, ?, 'running', ?)",
                         [run_id, dt.datetime.now(), [str(p) for p in paths], knowledge_version, __version__])
        return run_id

    def finish_run(self, run_id: str, counts: RunCounts, status: str = "done") -> None:
        self.con.execute("UPDATE runs SET finished_at = ?, documents_read = ?, stored = ?, unchanged = ?, "
                         "duplicates = ?, failed = ?, events = ?, status = ? WHERE run_id = ?",
                         [dt.datetime.now(), counts.read, counts.stored, counts.unchanged, counts.duplicates,
                          counts.failed, counts.events, status, run_id])

    # ---- writing ------------------------------------------------------------------------

    def stored_hashes(self, doc_ids: list[str]) -> dict[str, tuple[str, str, int]]:
        """(content hash, knowledge version, events) of those of ``doc_ids`` already stored."""
        if not doc_ids:
            return {}
        rows = self.con.execute("SELECT doc_id, content_hash, knowledge_version, n_events FROM documents "
                                "WHERE doc_id IN (SELECT unnest(?))", [doc_ids]).fetchall()
        return {r[0]: (r[1], r[2], r[3] or 0) for r in rows}

    def stored_texts(self, hashes: list[str]) -> dict[str, str]:
        """text hash → id of the stored document with that body, for those already stored."""
        if not hashes:
            return {}
        rows = self.con.execute("SELECT text_hash, min(doc_id) FROM documents "
                                "WHERE text_hash IN (SELECT unnest(?)) GROUP BY text_hash", [hashes]).fetchall()
        return dict(rows)

    def is_current(self, document: Document, knowledge_version: str,
                   known: dict[str, tuple[str, str, int]] | None = None) -> bool:
        """Whether this exact document is stored already, analysed with this knowledge version."""
        known = known if known is not None else self.stored_hashes([document.id])
        return known.get(document.id, ())[:2] == (content_hash(document), knowledge_version)

    def write(self, analyses: list[Analysis], run_id: str = "") -> None:
        """Store analyses; each document's rows replace its old ones, all in one transaction."""
        if not analyses:
            return
        import pyarrow as pa

        now = dt.datetime.now()
        latest: dict[str, Analysis] = {a.document.id: a for a in analyses}  # a repeat in a batch: last wins
        docs = [document_row(a, run_id, now) for a in latest.values()]
        mentions: dict[str, dict[str, Any]] = {}
        events: dict[str, dict[str, Any]] = {}
        for a in latest.values():
            for m in a.mentions:
                row = mention_row(a.document.id, m)
                mentions.setdefault(row["mention_id"], row)
            for e in a.events:
                events.setdefault(e.event_id, event_row(e))
        ids = list(latest)
        sources = [d["source"] for d in docs if d["source"]]
        con = self.con
        schemas = {t: self._schema(t) for t in ("documents", "mentions", "events")}
        try:
            con.execute("BEGIN TRANSACTION")
            con.execute("DELETE FROM mentions WHERE doc_id IN (SELECT unnest(?))", [ids])
            con.execute("DELETE FROM events WHERE doc_id IN (SELECT unnest(?))", [ids])
            if events:  # an event id moved to another document: it is replaced there
                con.execute("DELETE FROM events WHERE event_id IN (SELECT unnest(?))", [list(events)])
            if sources:  # a file that failed before and reads now is no longer an error
                con.execute("DELETE FROM errors WHERE path IN (SELECT unnest(?))", [sources])
            self._insert("documents", pa.Table.from_pylist(docs, schema=schemas["documents"]),
                         replace=True)
            if mentions:
                self._insert("mentions", pa.Table.from_pylist(list(mentions.values()),
                                                              schema=schemas["mentions"]))
            if events:
                self._insert("events", pa.Table.from_pylist(list(events.values()),
                                                            schema=schemas["events"]))
            con.execute("COMMIT")
        except BaseException:
            try:
                con.execute("ROLLBACK")
            except self._duckdb.Error:
                pass
            raise

    def _schema(self, table: str):
        if table not in self._schemas:
            self._schemas[table] = _arrow_schema(self.con, table)
        return self._schemas[table]

    def _insert(self, table: str, rows, replace: bool = False) -> None:
        self.con.register("_rasd_batch", rows)
        try:
            verb = "INSERT OR REPLACE" if replace else "INSERT"
            self.con.execute(f"{verb} INTO {table} BY NAME SELECT * FROM _rasd_batch")
        finally:
            self.con.unregister("_rasd_batch")

    def write_error(self, error: ReadError, run_id: str = "") -> None:
        """Record a document that could not be read (once per path and reason)."""
        self.con.execute("INSERT OR REPLACE INTO errors VALUES (?, ?, ?, ?, ?, ?)",
                         [error_id(error.path, error.reason), error.path, error.reason, error.detail,
                          run_id, dt.datetime.now()])

    # ---- reading ------------------------------------------------------------------------

    def counts(self) -> dict[str, int]:
        """Rows per table."""
        return {t: self.con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}

    def iter_events(self, batch: int = 5000) -> Iterator[dict[str, Any]]:
        """Every stored event record, in a stable order."""
        cur = self.con.cursor()
        try:
            cur.execute("SELECT record FROM events ORDER BY published NULLS LAST, doc_id, event_id")
            while True:
                rows = cur.fetchmany(batch)
                if not rows:
                    break
                for (record,) in rows:
                    yield json.loads(record)
        finally:
            cur.close()

    def export_parquet(self, out: str | Path, table: str = "events") -> int:
        """Write one table to a Parquet file; returns the number of rows."""
        if table not in TABLES:
            raise StoreError(f"no table {table!r}; use one of {', '.join(TABLES)}")
        target = str(out).replace("'", "''")
        self.con.execute(f"COPY (SELECT * FROM {table}) TO '{target}' (FORMAT PARQUET)")
        return self.con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def _arrow_schema(con, table: str):
    """The Arrow schema matching a table's columns (so empty and all-null columns type right)."""
    import pyarrow as pa

    types = {"VARCHAR": pa.string(), "DATE": pa.date32(), "DOUBLE": pa.float64(),
             "INTEGER": pa.int32(), "TIMESTAMP": pa.timestamp("us"), "VARCHAR[]": pa.list_(pa.string())}
    rows = con.execute("SELECT column_name, data_type FROM information_schema.columns "
                       "WHERE table_name = ? AND table_schema = 'main' ORDER BY ordinal_position",
                       [table]).fetchall()
    return pa.schema([(name, types[dtype]) for name, dtype in rows])


def open_existing(path: str | Path) -> Store:
    """A Store over a database that must exist already (for export)."""
    if not Path(path).is_file():
        raise StoreError(f"no rasd database at {path}: create one with `rasd run DOCUMENTS --db {path}`")
    return Store(path)


__all__ = ["Store", "RunCounts", "open_existing", "content_hash", "text_hash", "event_row", "mention_row",
           "TABLES", "SCHEMA_VERSION"]
