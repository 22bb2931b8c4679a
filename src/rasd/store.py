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
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Iterator, NamedTuple

from . import dedup
from .errors import ReadError, StoreError
from .model import Analysis, Document, Event, Mention, stable_id
from .normalize import normalize

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
CREATE TABLE IF NOT EXISTS signatures (
    doc_id VARCHAR PRIMARY KEY, seq BIGINT, minhash BLOB, dedup_version VARCHAR);
CREATE TABLE IF NOT EXISTS doc_bands (band_key BIGINT, doc_id VARCHAR);
"""
# Columns added after the first release, for databases created before them.
_MIGRATIONS = """
ALTER TABLE documents ADD COLUMN IF NOT EXISTS text_hash VARCHAR;
ALTER TABLE runs ADD COLUMN IF NOT EXISTS duplicates INTEGER;
ALTER TABLE documents ADD COLUMN IF NOT EXISTS near_duplicate_of VARCHAR;
ALTER TABLE events ADD COLUMN IF NOT EXISTS duplicate_of VARCHAR;
ALTER TABLE runs ADD COLUMN IF NOT EXISTS near_duplicates INTEGER;
"""
# Rows of one document are replaced by doc_id, and bodies looked up by hash, on every write.
_INDEXES = """
CREATE INDEX IF NOT EXISTS events_doc_id ON events (doc_id);
CREATE INDEX IF NOT EXISTS mentions_doc_id ON mentions (doc_id);
CREATE INDEX IF NOT EXISTS documents_text_hash ON documents (text_hash);
CREATE INDEX IF NOT EXISTS doc_bands_key ON doc_bands (band_key);
CREATE INDEX IF NOT EXISTS doc_bands_doc_id ON doc_bands (doc_id);
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
    near_duplicates: int = 0  # stored, but mostly the text of an earlier document
    failed: int = 0
    events: int = 0

    def summary(self) -> str:
        notes = [f"{self.unchanged} unchanged"] if self.unchanged else []
        notes += [f"{self.duplicates} duplicates"] if self.duplicates else []
        extra = f" ({', '.join(notes)})" if notes else ""
        near = f", {self.near_duplicates} near-duplicates" if self.near_duplicates else ""
        return (f"{self.read} documents read, {self.stored} stored{extra}, {self.failed} failed, "
                f"{self.events} events{near}")


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
                         "duplicates = ?, near_duplicates = ?, failed = ?, events = ?, status = ? "
                         "WHERE run_id = ?",
                         [dt.datetime.now(), counts.read, counts.stored, counts.unchanged, counts.duplicates,
                          counts.near_duplicates, counts.failed, counts.events, status, run_id])

    # ---- writing ------------------------------------------------------------------------

    def stored_hashes(self, doc_ids: list[str]) -> dict[str, tuple[str, str, int, str | None]]:
        """(content hash, knowledge version, events, near_duplicate_of) of those of ``doc_ids``
        already stored."""
        if not doc_ids:
            return {}
        rows = self.con.execute("SELECT doc_id, content_hash, knowledge_version, n_events, near_duplicate_of "
                                "FROM documents WHERE doc_id IN (SELECT unnest(?))", [doc_ids]).fetchall()
        return {r[0]: (r[1], r[2], r[3] or 0, r[4]) for r in rows}

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

    def write(self, analyses: list[Analysis], run_id: str = "") -> int:
        """Store analyses; each document's rows replace its old ones, all in one transaction.

        Returns how many of them are near-duplicates of documents stored before them (marked in
        ``documents.near_duplicate_of``, their repeated events in ``events.duplicate_of``)."""
        if not analyses:
            return 0
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
        marks = self._near_duplicates(list(latest.values()))
        for d in docs:
            d["near_duplicate_of"] = marks.roots.get(d["doc_id"])
        for event_id, original in marks.events.items():
            events[event_id]["duplicate_of"] = original
        sources = [d["source"] for d in docs if d["source"]]
        con = self.con
        schemas = {t: self._schema(t) for t in ("documents", "mentions", "events")}
        try:
            con.execute("BEGIN TRANSACTION")
            con.execute("DELETE FROM mentions WHERE doc_id IN (SELECT unnest(?))", [ids])
            con.execute("DELETE FROM events WHERE doc_id IN (SELECT unnest(?))", [ids])
            if events:  # an event id moved to another document: it is replaced there
                con.execute("DELETE FROM events WHERE event_id IN (SELECT unnest(?))", [list(events)])
            con.execute("DELETE FROM signatures WHERE doc_id IN (SELECT unnest(?))", [ids])
            con.execute("DELETE FROM doc_bands WHERE doc_id IN (SELECT unnest(?))", [ids])
            if marks.signatures:
                self._insert("signatures", pa.Table.from_pylist(
                    marks.signatures, schema=self._schema("signatures")), replace=True)
                self._insert("doc_bands", pa.Table.from_pylist(marks.bands, schema=self._schema("doc_bands")))
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
        return len(marks.roots)

    def sign_missing(self, batch: int = 2000) -> int:
        """Sign the documents stored without a signature (by an older rasd, or another signature
        version), in storage order, so that new documents are compared with them too."""
        cur = self.con.cursor()
        try:
            cur.execute("SELECT d.doc_id, d.text FROM documents d LEFT JOIN signatures s USING (doc_id) "
                        "WHERE s.doc_id IS NULL OR s.dedup_version IS DISTINCT FROM ? "
                        "ORDER BY d.stored_at NULLS FIRST, d.doc_id", [dedup.VERSION])
            done = 0
            while rows := cur.fetchmany(batch):
                self._sign(rows)
                done += len(rows)
        finally:
            cur.close()
        return done

    def _sign(self, rows: list[tuple[str, str]]) -> None:
        import pyarrow as pa

        ids = [doc_id for doc_id, _ in rows]
        start = (self.con.execute("SELECT max(seq) FROM signatures").fetchone()[0] or 0) + 1
        signatures, bands = [], []
        for k, (doc_id, text) in enumerate(rows):
            sig = dedup.signature(text or "")
            signatures.append({"doc_id": doc_id, "seq": start + k, "minhash": sig.to_bytes() if sig else None,
                               "dedup_version": dedup.VERSION})
            bands += [{"band_key": key, "doc_id": doc_id} for key in (sig.bands if sig else ())]
        self.con.execute("BEGIN TRANSACTION")
        try:
            self.con.execute("DELETE FROM signatures WHERE doc_id IN (SELECT unnest(?))", [ids])
            self.con.execute("DELETE FROM doc_bands WHERE doc_id IN (SELECT unnest(?))", [ids])
            self._insert("signatures", pa.Table.from_pylist(signatures, schema=self._schema("signatures")),
                         replace=True)
            if bands:
                self._insert("doc_bands", pa.Table.from_pylist(bands, schema=self._schema("doc_bands")))
            self.con.execute("COMMIT")
        except BaseException:
            self.con.execute("ROLLBACK")
            raise

    def _near_duplicates(self, analyses: list[Analysis]) -> NearDuplicates:
        """Which documents of a batch repeat earlier ones, and which of their events (a few queries
        per batch: band keys, then the events of the groups found)."""
        con = self.con
        ids = [a.document.id for a in analyses]
        sigs = {a.document.id: dedup.signature(a.document.text) for a in analyses}
        # a document keeps its place in storage order when stored again (no cycles, stable marks)
        seqs = dict(con.execute("SELECT doc_id, seq FROM signatures WHERE doc_id IN (SELECT unnest(?))",
                                [ids]).fetchall())
        next_seq = (con.execute("SELECT max(seq) FROM signatures").fetchone()[0] or 0) + 1
        for doc_id in ids:
            if doc_id not in seqs:
                seqs[doc_id], next_seq = next_seq, next_seq + 1
        keys = sorted({k for s in sigs.values() if s for k in s.bands})
        stored: dict[str, tuple[int, dedup.Signature, str | None]] = {}
        by_band: dict[int, list[str]] = {}
        if keys:
            rows = con.execute(
                "SELECT DISTINCT b.band_key, s.doc_id, s.seq, s.minhash, d.near_duplicate_of "
                "FROM doc_bands b JOIN signatures s USING (doc_id) LEFT JOIN documents d USING (doc_id) "
                "WHERE b.band_key IN (SELECT unnest(?)) AND s.dedup_version = ?",
                [keys, dedup.VERSION]).fetchall()
            batch = set(ids)
            for key, doc_id, seq, blob, root in rows:
                if doc_id in batch:  # being stored again: compared as part of this batch below
                    continue
                stored.setdefault(doc_id, (seq, dedup.Signature.from_bytes(blob), root))
                by_band.setdefault(key, []).append(doc_id)
        marks = NearDuplicates()
        for doc_id in sorted(ids, key=seqs.__getitem__):  # earlier documents first
            sig, seq = sigs[doc_id], seqs[doc_id]
            marks.signatures.append({"doc_id": doc_id, "seq": seq, "minhash": sig.to_bytes() if sig else None,
                                     "dedup_version": dedup.VERSION})  # too short: signed as nothing
            if sig is None:
                continue
            marks.bands += [{"band_key": k, "doc_id": doc_id} for k in sig.bands]
            near = {other for k in sig.bands for other in by_band.get(k, ())}
            matches = sorted((stored[o][0], o) for o in near
                             if stored[o][0] < seq and dedup.similarity(sig, stored[o][1]) >= dedup.THRESHOLD)
            if matches:
                first = matches[0][1]
                marks.roots[doc_id] = stored[first][2] or first
            for k in sig.bands:  # later documents of the batch compare with this one
                by_band.setdefault(k, []).append(doc_id)
            stored[doc_id] = (seq, sig, marks.roots.get(doc_id))
        if marks.roots:
            self._duplicate_events(analyses, marks, seqs)
        return marks

    def _duplicate_events(self, analyses: list[Analysis], marks: NearDuplicates,
                          seqs: dict[str, int]) -> None:
        """Point each event of a near-duplicate document at the same event read earlier in its group."""
        roots = sorted(set(marks.roots.values()))
        root_set = set(roots)
        batch = {a.document.id for a in analyses}
        rows = self.con.execute(
            "SELECT e.event_id, e.doc_id, e.type, e.status, e.trigger, e.evidence, e.place_id, e.date, "
            "e.duplicate_of, coalesce(s.seq, 0), coalesce(d.near_duplicate_of, d.doc_id) "
            "FROM documents d JOIN events e USING (doc_id) LEFT JOIN signatures s USING (doc_id) "
            "WHERE d.doc_id IN (SELECT unnest(?)) OR d.near_duplicate_of IN (SELECT unnest(?))",
            [roots, roots]).fetchall()
        groups: dict[str, list[ReportedEvent]] = {}  # per group, earlier documents first
        for event_id, doc_id, etype, status, trigger, evidence, place_id, date, original, seq, root in rows:
            if doc_id not in batch:
                groups.setdefault(root, []).append(ReportedEvent(
                    seq, event_id, (etype, status, normalize(trigger or "")), dedup.sentence_words(evidence or ""),
                    (place_id, date) if place_id and date else None, original or event_id))
        for a in sorted(analyses, key=lambda a: seqs[a.document.id]):
            doc_id = a.document.id
            root = marks.roots.get(doc_id, doc_id)
            if doc_id not in marks.roots and doc_id not in root_set:
                continue  # a document no other one of this batch repeats
            group = groups.setdefault(root, [])
            group.sort(key=lambda g: (g.seq, g.event_id))  # the same order whichever batch stored them
            seq = seqs[doc_id]
            mine = []
            for e in a.events:
                here = ReportedEvent(seq, e.event_id, (e.type, e.status, normalize(e.evidence.trigger or "")),
                                 dedup.sentence_words(e.evidence.sentence or ""),
                                 (e.location.id, e.time.date) if e.location and e.location.id and e.time.date
                                 else None, e.event_id)
                original = None
                if doc_id in marks.roots:
                    original = next((g.original for g in group if g.seq < seq and here.repeats(g)), None)
                if original and original != e.event_id:
                    marks.events[e.event_id] = original
                mine.append(here._replace(original=marks.events.get(e.event_id, e.event_id)))
            group.extend(mine)

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


class ReportedEvent(NamedTuple):
    """One event as read in one document of a near-duplicate group."""

    seq: int  # the document's place in storage order
    event_id: str
    key: tuple[str, str, str]  # type, status, normalized trigger
    words: frozenset[str]  # the words of its sentence
    where_when: tuple[str, Any] | None  # place id and date, when both are known
    original: str  # the event it stands for: its own id, or the one it repeats

    def repeats(self, earlier: "ReportedEvent") -> bool:
        """The same event: same type, status and trigger, told in an equivalent sentence, or in a
        rewritten sentence that places it at the same place on the same day."""
        if self.key != earlier.key:
            return False
        return dedup.same_sentence(self.words, earlier.words) or (
            self.where_when is not None and self.where_when == earlier.where_when)


@dataclass(slots=True)
class NearDuplicates:
    """What one batch adds to near-duplicate detection: marks, signatures and band keys to store."""

    roots: dict[str, str] = field(default_factory=dict)   # doc id → earliest document of its group
    events: dict[str, str] = field(default_factory=dict)  # event id → the event it repeats
    signatures: list[dict[str, Any]] = field(default_factory=list)
    bands: list[dict[str, Any]] = field(default_factory=list)


def _arrow_schema(con, table: str):
    """The Arrow schema matching a table's columns (so empty and all-null columns type right)."""
    import pyarrow as pa

    types = {"VARCHAR": pa.string(), "DATE": pa.date32(), "DOUBLE": pa.float64(),
             "INTEGER": pa.int32(), "TIMESTAMP": pa.timestamp("us"), "VARCHAR[]": pa.list_(pa.string()),
             "BIGINT": pa.int64(), "BLOB": pa.binary()}
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
