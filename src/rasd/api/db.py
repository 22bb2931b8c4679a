"""A read-only view of a rasd DuckDB file, with the names of the columns the API reads."""
from __future__ import annotations

import threading
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

import duckdb

from ..errors import StoreError

# The logical columns the API needs, each with the physical names a rasd database may use
# for it (first match wins). One place to adapt when the store's schema grows.
_EVENT_COLUMNS: dict[str, tuple[str, ...]] = {
    "event_id": ("event_id", "id"),
    "doc_id": ("doc_id", "document_id"),
    "type": ("type", "event_type"),
    "mode": ("mode", "event_mode"),
    "status": ("status",),
    "published": ("published",),
    "date": ("date", "event_date", "time_date"),
    "country": ("country", "location_country", "place_country"),
    "place_id": ("place_id", "location_id"),
    "place_name": ("place_name", "location_name"),
    "lat": ("lat", "latitude"),
    "lon": ("lon", "longitude"),
    "source_ids": ("source_ids",),
    "target_ids": ("target_ids",),
    "outlet": ("outlet",),
    "evidence": ("evidence", "evidence_sentence", "sentence"),
    "confidence": ("confidence",),
    "duplicate_of": ("duplicate_of",),
    "record": ("record", "json", "event_json", "data", "event"),
}
_REQUIRED = ("event_id", "doc_id", "type", "status", "record")


@dataclass(frozen=True, slots=True)
class EventColumns:
    """Physical column names (quoted SQL identifiers) of the events table, or None if absent."""

    names: dict[str, str | None]
    ids_are_lists: bool  # source_ids/target_ids as VARCHAR[] (else a delimited string)

    def __getitem__(self, key: str) -> str:
        name = self.names.get(key)
        if name is None:
            raise KeyError(key)
        return name

    def has(self, key: str) -> bool:
        return self.names.get(key) is not None


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


class Database:
    """One read-only DuckDB connection; each request works on its own cursor (thread-safe)."""

    def __init__(self, path: str | Path):
        self.path = Path(path)
        if not self.path.is_file():
            raise StoreError(f"no rasd database at {self.path}: create one with "
                             f"`rasd run DOCUMENTS --db {self.path}`, or pass --db PATH")
        try:
            self._con = duckdb.connect(str(self.path), read_only=True)
        except duckdb.Error as exc:
            raise StoreError(f"cannot open {self.path} read-only ({exc}); is another process "
                             "writing it? Wait for `rasd run` to finish") from exc
        self._con.execute("SET enable_progress_bar = false")  # a server must not draw on stdout
        self._lock = threading.Lock()
        self.tables = self._tables()
        if "events" not in self.tables:
            raise StoreError(f"{self.path} has no events table: is it a rasd database? "
                             "Create one with `rasd run DOCUMENTS --db PATH`")
        self.events = self._event_columns()
        self.has_rowid = self._has_rowid()
        self.document_id = self._first(self.tables.get("documents", {}), ("doc_id", "id", "document_id"))

    def _tables(self) -> dict[str, dict[str, str]]:
        rows = self._con.execute(
            "SELECT table_name, column_name, data_type FROM information_schema.columns "
            "WHERE table_schema = 'main' ORDER BY table_name, ordinal_position").fetchall()
        tables: dict[str, dict[str, str]] = {}
        for table, column, dtype in rows:
            tables.setdefault(table, {})[column] = dtype
        return tables

    @staticmethod
    def _first(columns: dict[str, str], candidates: tuple[str, ...]) -> str | None:
        for name in candidates:
            if name in columns:
                return _quote(name)
        return None

    def _event_columns(self) -> EventColumns:
        columns = self.tables["events"]
        names = {key: self._first(columns, cands) for key, cands in _EVENT_COLUMNS.items()}
        missing = [k for k in _REQUIRED if names[k] is None]
        if missing:
            raise StoreError(f"{self.path}: events table lacks {', '.join(missing)}; "
                             "rebuild it with this version of `rasd run`")
        src = next((c for c in _EVENT_COLUMNS["source_ids"] if c in columns), None)
        lists = bool(src) and columns[src].endswith("[]")
        return EventColumns(names, lists)

    def _has_rowid(self) -> bool:
        """Whether events is a table (row ids to fetch records by) rather than a view."""
        try:
            self._con.execute("SELECT rowid FROM events LIMIT 0")
        except duckdb.Error:
            return False
        return True

    @contextmanager
    def cursor(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """A cursor of its own for one request (DuckDB connections are not shared across threads)."""
        with self._lock:
            cur = self._con.cursor()
        try:
            yield cur
        finally:
            cur.close()

    def close(self) -> None:
        self._con.close()
