"""SQL for the API: filters, keyset pagination and aggregates, all with bound parameters.

Only column names from :class:`EventColumns` and fixed keywords are ever written into SQL text;
every value a client sends travels as a parameter.
"""
from __future__ import annotations

import base64
import binascii
import datetime as dt
import json
import re
from dataclasses import dataclass, field
from typing import Any, Iterator

from .db import Database

# The date an event is filed under: the date its text gives, else the day it was published.
SORT_KEYS = ("date", "published", "confidence", "type", "status", "outlet")
TIMELINE_INTERVALS = ("day", "week", "month")
TIMELINE_GROUPS = ("type", "status")

_ALEF = "[اأإآٱ]"
_CLASSES = {"ا": _ALEF, "أ": _ALEF, "إ": _ALEF, "آ": _ALEF, "ٱ": _ALEF,
            "ة": "[ةه]", "ه": "[ةه]", "ى": "[ىي]", "ي": "[ىي]"}
_DIACRITICS = re.compile("[\u064B-\u0652\u0670\u0640]")
_OPTIONAL_MARKS = "[\u064B-\u0652\u0670\u0640]*"


class QueryError(ValueError):
    """A request the API understands but cannot answer (bad cursor, bad box): a 422."""


@dataclass(slots=True)
class EventFilter:
    """What a client asks for; empty fields do not filter."""

    date_from: dt.date | None = None
    date_to: dt.date | None = None
    types: list[str] = field(default_factory=list)
    modes: list[str] = field(default_factory=list)
    statuses: list[str] = field(default_factory=list)
    actors: list[str] = field(default_factory=list)
    actor_role: str = "any"  # any / source / target
    countries: list[str] = field(default_factory=list)
    places: list[str] = field(default_factory=list)
    bbox: tuple[float, float, float, float] | None = None  # west, south, east, north
    text: str | None = None
    outlets: list[str] = field(default_factory=list)
    doc_id: str | None = None
    min_confidence: float | None = None
    unique: bool = False  # leave out events repeated from an earlier copy of the same story


def parse_bbox(value: str) -> tuple[float, float, float, float]:
    """'west,south,east,north' in degrees, as Leaflet's toBBoxString() writes it."""
    parts = value.split(",")
    try:
        west, south, east, north = (float(p) for p in parts)
    except ValueError:
        raise QueryError("bbox must be four numbers: west,south,east,north (e.g. 9,19,26,34)") from None
    if not (-90 <= south <= north <= 90):
        raise QueryError("bbox latitudes must satisfy -90 <= south <= north <= 90")
    if not (-180 <= west <= 180 and -180 <= east <= 180):
        raise QueryError("bbox longitudes must lie within -180..180")
    return west, south, east, north


def search_pattern(text: str) -> str:
    """A regular expression that finds ``text`` across Arabic spelling variants and diacritics."""
    core = _DIACRITICS.sub("", text.strip())
    parts = []
    for ch in core:
        parts.append(_CLASSES.get(ch, re.escape(ch)))
    return "(?i)" + _OPTIONAL_MARKS.join(parts)


class Queries:
    """Every read the API makes, over one :class:`Database`."""

    def __init__(self, db: Database):
        self.db = db
        c = db.events
        self.c = c
        published = c["published"] if c.has("published") else "NULL"
        own = c["date"] if c.has("date") else "NULL"
        self.date_expr = f"coalesce({own}, CAST({published} AS DATE))"

    # ---- filters --------------------------------------------------------------------------

    def _ids_clause(self, column: str, ids: list[str]) -> tuple[str, list[Any]]:
        """Any of ``ids`` in an id-list column (list_contains per id is ~10x faster than list_has_any)."""
        if self.c.ids_are_lists:
            return " OR ".join(f"list_contains({self.c[column]}, ?)" for _ in ids), list(ids)
        # a delimited string of ids: match whole ids only
        pattern = "(^|[ ,;|])(" + "|".join(re.escape(i) for i in ids) + ")($|[ ,;|])"
        return f"regexp_matches({self.c[column]}, ?)", [pattern]

    def where(self, f: EventFilter) -> tuple[str, list[Any]]:
        """The WHERE clause and its parameters for a filter."""
        c = self.c
        clauses: list[str] = []
        params: list[Any] = []

        def one_of(column: str, values: list[str]) -> None:
            if values:
                clauses.append(f"{c[column]} IN ({', '.join('?' * len(values))})")
                params.extend(values)

        if f.date_from:
            clauses.append(f"{self.date_expr} >= ?")
            params.append(f.date_from)
        if f.date_to:
            clauses.append(f"{self.date_expr} <= ?")
            params.append(f.date_to)
        one_of("type", f.types)
        if f.modes and c.has("mode"):
            one_of("mode", f.modes)
        one_of("status", f.statuses)
        if f.countries and c.has("country"):
            one_of("country", [x.upper() for x in f.countries])
        if f.places and c.has("place_id"):
            one_of("place_id", f.places)
        if f.outlets and c.has("outlet"):
            one_of("outlet", f.outlets)
        if f.doc_id:
            clauses.append(f"{c['doc_id']} = ?")
            params.append(f.doc_id)
        if f.actors and c.has("source_ids"):
            roles = {"source": ["source_ids"], "target": ["target_ids"]}.get(
                f.actor_role, ["source_ids", "target_ids"])
            parts = []
            for col in roles:
                sql, values = self._ids_clause(col, f.actors)
                parts.append(sql)
                params.extend(values)
            clauses.append("(" + " OR ".join(parts) + ")")
        if f.bbox and c.has("lat"):
            west, south, east, north = f.bbox
            clauses.append(f"{c['lat']} BETWEEN ? AND ?")
            params += [south, north]
            if west <= east:
                clauses.append(f"{c['lon']} BETWEEN ? AND ?")
                params += [west, east]
            else:  # a box across the antimeridian
                clauses.append(f"({c['lon']} >= ? OR {c['lon']} <= ?)")
                params += [west, east]
        if f.text and f.text.strip() and c.has("evidence"):
            clauses.append(f"regexp_matches({c['evidence']}, ?)")
            params.append(search_pattern(f.text))
        if f.min_confidence is not None and c.has("confidence"):
            clauses.append(f"{c['confidence']} >= ?")
            params.append(f.min_confidence)
        if f.unique and c.has("duplicate_of"):
            clauses.append(f"{c['duplicate_of']} IS NULL")
        return (" WHERE " + " AND ".join(clauses)) if clauses else "", params

    # ---- sorting and cursors --------------------------------------------------------------

    def _sort_expr(self, key: str, descending: bool) -> str:
        """A NULL-free sort expression: a sentinel puts missing values last in either direction."""
        c = self.c
        if key in ("date", "published"):
            sentinel = "0001-01-01" if descending else "9999-12-31"
            col = self.date_expr if key == "date" else (
                f"CAST({c['published']} AS DATE)" if c.has("published") else "NULL")
            return f"coalesce({col}, DATE '{sentinel}')"
        if key == "confidence":
            col = c["confidence"] if c.has("confidence") else "NULL"
            return f"coalesce(CAST({col} AS DOUBLE), {-1.0 if descending else 2.0})"
        sentinel = "" if descending else "\U0010ffff"
        col = c[key] if c.has(key) else "NULL"
        return f"coalesce(CAST({col} AS VARCHAR), '{sentinel}')"

    @staticmethod
    def encode_cursor(sort: str, value: Any, event_id: str) -> str:
        if isinstance(value, dt.date):
            value = value.isoformat()
        raw = json.dumps([sort, value, event_id], ensure_ascii=False).encode("utf-8")
        return base64.urlsafe_b64encode(raw).decode("ascii").rstrip("=")

    @staticmethod
    def decode_cursor(cursor: str, sort: str) -> tuple[Any, str]:
        try:
            raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
            cur_sort, value, event_id = json.loads(raw.decode("utf-8"))
        except (binascii.Error, ValueError, TypeError, UnicodeDecodeError):
            raise QueryError("cursor is not one this API returned: pass next_cursor unchanged") from None
        if cur_sort != sort or not isinstance(event_id, str):
            raise QueryError("cursor belongs to another sort order: restart without cursor")
        key = sort.lstrip("-")
        try:
            if key in ("date", "published"):
                value = dt.date.fromisoformat(value)
            elif key == "confidence":
                value = float(value)
            elif not isinstance(value, str):
                raise ValueError
        except (TypeError, ValueError):
            raise QueryError("cursor is damaged: restart without cursor") from None
        return value, event_id

    # ---- events ---------------------------------------------------------------------------

    def page(self, f: EventFilter, sort: str = "-date", limit: int = 50,
             cursor: str | None = None, with_total: bool = True
             ) -> tuple[list[dict[str, Any]], str | None, int | None]:
        """One page of full records, the cursor of the next page (None at the end) and the total.

        The sort runs over narrow columns only; the JSON records of the page's rows are read
        afterwards by row id, which keeps a page of a million-row table in milliseconds.
        """
        key, descending = sort.lstrip("-"), sort.startswith("-")
        expr = self._sort_expr(key, descending)
        where, params = self.where(f)
        op = "<" if descending else ">"
        after: list[Any] = []
        if cursor:
            value, after_id = self.decode_cursor(cursor, sort)
            after = [value, value, after_id]

        def after_sql(v: str, event_id: str) -> str:
            return f"({v} {op} ? OR ({v} = ? AND {event_id} {op} ?))"

        direction = "DESC" if descending else "ASC"
        ref = "rowid" if self.db.has_rowid else self.c["event_id"]
        eid = self.c["event_id"]
        total = None
        with self.db.cursor() as cur:
            if f.text and with_total:
                # an expensive text filter runs once: page and total from one materialized match set
                cond = f" WHERE {after_sql('v', 'event_id')}" if after else ""
                rows = cur.execute(
                    f"WITH m AS MATERIALIZED (SELECT {ref} AS ref, {expr} AS v, {eid} AS event_id "
                    f"FROM events{where}) "
                    f"SELECT (SELECT count(*) FROM m), ref, v, event_id FROM m{cond} "
                    f"ORDER BY v {direction}, event_id {direction} LIMIT ?",
                    params + after + [limit + 1]).fetchall()
                total = rows[0][0] if rows else None
                rows = [r[1:] for r in rows]
            else:
                page_where = where
                if after:
                    page_where += (" AND " if where else " WHERE ") + after_sql(expr, eid)
                rows = cur.execute(
                    f"SELECT {ref}, {expr} AS sort_value, {eid} FROM events{page_where} "
                    f"ORDER BY sort_value {direction}, {eid} {direction} LIMIT ?",
                    params + after + [limit + 1]).fetchall()
            next_cursor = None
            if len(rows) > limit:
                rows = rows[:limit]
                next_cursor = self.encode_cursor(sort, rows[-1][1], rows[-1][2])
            records: dict[Any, Any] = {}
            if rows:
                refs = [r[0] for r in rows]
                cast = "BIGINT[]" if self.db.has_rowid else "VARCHAR[]"
                records = dict(cur.execute(
                    f"SELECT {ref}, {self.c['record']} FROM events WHERE {ref} = ANY(?::{cast})",
                    [refs]).fetchall())
        if with_total and total is None:
            total = self.count(f)
        return [_record(records[r[0]]) for r in rows], next_cursor, total

    def list_events(self, f: EventFilter, sort: str = "-date", limit: int = 50,
                    cursor: str | None = None) -> tuple[list[dict[str, Any]], str | None]:
        """One page of full event records and the cursor of the next page (None at the end)."""
        records, next_cursor, _ = self.page(f, sort, limit, cursor, with_total=False)
        return records, next_cursor

    def count(self, f: EventFilter) -> int:
        where, params = self.where(f)
        with self.db.cursor() as cur:
            return cur.execute(f"SELECT count(*) FROM events{where}", params).fetchone()[0]

    def facets(self, f: EventFilter) -> dict[str, dict[str, int]]:
        """Counts per type, status and outlet under a filter (for the filter controls)."""
        where, params = self.where(f)
        out: dict[str, dict[str, int]] = {}
        with self.db.cursor() as cur:
            for key in ("type", "status", "outlet"):
                if not self.c.has(key):
                    continue
                rows = cur.execute(
                    f"SELECT {self.c[key]} AS k, count(*) AS n FROM events{where} "
                    f"GROUP BY k ORDER BY n DESC, k LIMIT 200", params).fetchall()
                out[key] = {str(k): n for k, n in rows if k is not None}
        return out

    def points(self, f: EventFilter, limit: int) -> tuple[list[list[Any]], int]:
        """Compact map points [id, lat, lon, type, status] of events with coordinates."""
        c = self.c
        if not c.has("lat"):
            return [], 0
        where, params = self.where(f)
        where += (" AND " if where else " WHERE ") + f"{c['lat']} IS NOT NULL AND {c['lon']} IS NOT NULL"
        with self.db.cursor() as cur:
            total = cur.execute(f"SELECT count(*) FROM events{where}", params).fetchone()[0]
            rows = cur.execute(
                f"SELECT {c['event_id']}, {c['lat']}, {c['lon']}, {c['type']}, {c['status']} "
                f"FROM events{where} ORDER BY {self.date_expr} DESC NULLS LAST, {c['event_id']} LIMIT ?",
                params + [limit]).fetchall()
        return [list(r) for r in rows], total

    def get_event(self, event_id: str) -> dict[str, Any] | None:
        with self.db.cursor() as cur:
            row = cur.execute(f"SELECT {self.c['record']} FROM events WHERE {self.c['event_id']} = ?",
                              [event_id]).fetchone()
        return _record(row[0]) if row else None

    def corroboration(self, event_id: str) -> dict[str, Any] | None:
        """The outlets that reported one event: its original and every near-duplicate copy of it."""
        c = self.c
        if not c.has("duplicate_of"):
            return None
        outlet = c["outlet"] if c.has("outlet") else "NULL"
        with self.db.cursor() as cur:
            row = cur.execute(f"SELECT coalesce({c['duplicate_of']}, {c['event_id']}) FROM events "
                              f"WHERE {c['event_id']} = ?", [event_id]).fetchone()
            if row is None:
                return None
            original = row[0]
            rows = cur.execute(
                f"SELECT {c['event_id']}, {c['doc_id']}, {outlet} FROM events "
                f"WHERE {c['event_id']} = ? OR {c['duplicate_of']} = ? ORDER BY {c['event_id']} = ? DESC, 1",
                [original, original, original]).fetchall()
        copies = [{"event_id": e, "doc_id": d, "outlet": o} for e, d, o in rows]
        outlets = sorted({o for _, _, o in rows if o})
        return {"original": original, "events": copies, "outlets": outlets, "n_outlets": len(outlets),
                "n_reports": len(copies)}

    def iter_records(self, f: EventFilter, sort: str = "-date", batch: int = 2000) -> Iterator[dict[str, Any]]:
        """Every record under a filter, in pages (for exports of any size)."""
        cursor = None
        while True:
            page, cursor = self.list_events(f, sort, batch, cursor)
            yield from page
            if cursor is None:
                return

    def overview(self) -> dict[str, Any]:
        """Event and document counts and the span of event dates."""
        with self.db.cursor() as cur:
            total, first, last, low, high = cur.execute(
                f"SELECT count(*), min(d), max(d), quantile_disc(d, 0.01), quantile_disc(d, 0.99) "
                f"FROM (SELECT {self.date_expr} AS d FROM events)").fetchone()
            docs = (cur.execute("SELECT count(*) FROM documents").fetchone()[0]
                    if "documents" in self.db.tables else None)
        # p01/p99: the span most events fall in (a misread year must not stretch the timeline)
        return {"events": total, "documents": docs, "date_min": _plain(first), "date_max": _plain(last),
                "date_p01": _plain(low), "date_p99": _plain(high)}

    # ---- documents ------------------------------------------------------------------------

    def get_document(self, doc_id: str) -> dict[str, Any] | None:
        """The stored document (every column) or None."""
        if self.db.document_id is None:
            return None
        with self.db.cursor() as cur:
            rel = cur.execute(f"SELECT * FROM documents WHERE {self.db.document_id} = ?", [doc_id])
            names = [d[0] for d in rel.description]
            row = rel.fetchone()
        return {k: _plain(v) for k, v in zip(names, row)} if row else None

    def document_mentions(self, doc_id: str) -> list[dict[str, Any]]:
        """The named spans of a document, in reading order."""
        cols = self.db.tables.get("mentions")
        if not cols or "doc_id" not in cols or "start" not in cols:
            return []
        wanted = [c for c in ("start", "end", "text", "label", "actor_id", "place_id", "sentence", "source", "title")
                  if c in cols]
        select = ", ".join(f'"{c}"' for c in wanted)
        with self.db.cursor() as cur:
            rows = cur.execute(f'SELECT {select} FROM mentions WHERE doc_id = ? ORDER BY "start", "end"',
                               [doc_id]).fetchall()
        return [dict(zip(wanted, r)) for r in rows]

    def document_summary(self, doc_id: str) -> dict[str, Any] | None:
        """Title, url, outlet and date of a document, without its text."""
        doc = self.get_document(doc_id)
        if doc is None:
            return None
        doc.pop("text", None)
        return doc

    # ---- aggregates -----------------------------------------------------------------------

    def actors(self, f: EventFilter, role: str, limit: int, name: str | None) -> list[dict[str, Any]]:
        """Actors of the filtered events with the number of events they take part in, most first."""
        if not self.c.ids_are_lists:
            return self._actors_from_json(f, role, limit, name)
        where, params = self.where(f)
        ref = "rowid" if self.db.has_rowid else self.c["event_id"]
        if name and name.strip():
            # names live in the JSON record: keep only rows whose record mentions the name at all
            where += (" AND " if where else " WHERE ") + f"regexp_matches({self.c['record']}, ?)"
            params = params + [search_pattern(name)]
        roles = {"source": ["source"], "target": ["target"]}.get(role, ["source", "target"])
        unions = " UNION ALL ".join(
            f"SELECT r, unnest({self.c[role_ + '_ids']}) AS id, '{role_}' AS role FROM f" for role_ in roles)
        sql = (f"WITH f AS (SELECT {ref} AS r, {self.c['source_ids']}, {self.c['target_ids']} FROM events{where}), "
               f"x AS ({unions}) "
               f"SELECT id, count(DISTINCT r) AS n, count(*) FILTER (WHERE role = 'source'), "
               f"count(*) FILTER (WHERE role = 'target'), min(r) FROM x WHERE id IS NOT NULL "
               f"GROUP BY id ORDER BY n DESC, id")
        with self.db.cursor() as cur:
            rows = cur.execute(sql, params).fetchall()
            described = self._describe_actors(cur, {r[0]: r[4] for r in rows}, ref)
        out = []
        pattern = re.compile(search_pattern(name)) if name and name.strip() else None
        for actor_id, n, as_source, as_target, _ in rows:
            info = described.get(actor_id, {})
            if pattern and not (pattern.search(info.get("name") or "") or pattern.search(info.get("name_ar") or "")
                                or actor_id.lower().startswith(name.strip().lower())):
                continue
            out.append({"id": actor_id, "name": info.get("name"), "name_ar": info.get("name_ar"),
                        "type": info.get("type"), "country": info.get("country"),
                        "events": n, "as_source": as_source, "as_target": as_target})
            if len(out) >= limit:
                break
        return out

    def _describe_actors(self, cur: Any, sample: dict[str, Any], ref: str) -> dict[str, dict[str, Any]]:
        """Name, type and country of each actor id, read from one record that mentions it."""
        if not sample:
            return {}
        cast = "BIGINT[]" if self.db.has_rowid else "VARCHAR[]"
        records = dict(cur.execute(f"SELECT {ref}, {self.c['record']} FROM events WHERE {ref} = ANY(?::{cast})",
                                   [list(set(sample.values()))]).fetchall())
        out: dict[str, dict[str, Any]] = {}
        for actor_id, r in sample.items():
            rec = _record(records.get(r) or "{}")
            for a in (rec.get("source") or []) + (rec.get("target") or []):
                if a.get("id") == actor_id:
                    out[actor_id] = a
                    break
        return out

    def _actors_from_json(self, f: EventFilter, role: str, limit: int, name: str | None) -> list[dict[str, Any]]:
        """The same answer from the JSON records alone (databases without id lists)."""
        where, params = self.where(f)
        rec = self.c["record"]
        roles = {"source": ["source"], "target": ["target"]}.get(role, ["source", "target"])
        shape = '[{"id":"VARCHAR","name":"VARCHAR","name_ar":"VARCHAR","type":"VARCHAR","country":"VARCHAR"}]'
        unions = " UNION ALL ".join(
            f"SELECT {self.c['event_id']} AS event_id, '{r}' AS role, "
            f"unnest(from_json(json_extract({rec}, '$.{r}'), '{shape}')) AS a FROM events{where}"
            for r in roles)
        name_clause, name_params = "", []
        if name and name.strip():
            name_clause = " WHERE regexp_matches(a.name, ?) OR regexp_matches(a.name_ar, ?) OR a.id ILIKE ?"
            pattern = search_pattern(name)
            name_params = [pattern, pattern, name.strip() + "%"]
        sql = (f"SELECT a.id AS key, any_value(a.name), any_value(a.name_ar), any_value(a.type), "
               f"any_value(a.country), count(DISTINCT event_id) AS n, "
               f"count(*) FILTER (WHERE role = 'source'), count(*) FILTER (WHERE role = 'target') "
               f"FROM ({unions}){name_clause} GROUP BY key HAVING key IS NOT NULL ORDER BY n DESC, key LIMIT ?")
        with self.db.cursor() as cur:
            rows = cur.execute(sql, params * len(roles) + name_params + [limit]).fetchall()
        return [{"id": r[0], "name": r[1], "name_ar": r[2], "type": r[3], "country": r[4],
                 "events": r[5], "as_source": r[6], "as_target": r[7]} for r in rows]

    def places(self, f: EventFilter, limit: int) -> list[dict[str, Any]]:
        """Places with event counts and coordinates, most frequent first."""
        c = self.c
        if not c.has("place_id") and not c.has("place_name"):
            return []
        where, params = self.where(f)
        pid = c["place_id"] if c.has("place_id") else "NULL"
        pname = c["place_name"] if c.has("place_name") else "NULL"
        country = c["country"] if c.has("country") else "NULL"
        lat = c["lat"] if c.has("lat") else "NULL"
        lon = c["lon"] if c.has("lon") else "NULL"
        ref = "rowid" if self.db.has_rowid else c["event_id"]
        where += (" AND " if where else " WHERE ") + f"coalesce({pid}, {pname}) IS NOT NULL"
        # flat columns for the counts; the Arabic name and precision from one record per place
        sql = (f"SELECT coalesce({pid}, {pname}) AS key, any_value({pid}), any_value({pname}), "
               f"any_value({country}), any_value({lat}), any_value({lon}), count(*) AS n, min({ref}) "
               f"FROM events{where} GROUP BY key ORDER BY n DESC, key LIMIT ?")
        with self.db.cursor() as cur:
            rows = cur.execute(sql, params + [limit]).fetchall()
            cast = "BIGINT[]" if self.db.has_rowid else "VARCHAR[]"
            records = dict(cur.execute(
                f"SELECT {ref}, {c['record']} FROM events WHERE {ref} = ANY(?::{cast})",
                [[r[7] for r in rows]]).fetchall()) if rows else {}
        out = []
        for key, place_id, name, ctry, la, lo, n, sample in rows:
            loc = _record(records.get(sample) or "{}").get("location") or {}
            out.append({"id": place_id, "name": name, "name_ar": loc.get("name_ar"), "country": ctry,
                        "lat": la, "lon": lo, "precision": loc.get("precision"), "events": n})
        return out

    def timeline(self, f: EventFilter, interval: str, by: str) -> list[dict[str, Any]]:
        """Event counts per period (day/week/month) and type or status, oldest first."""
        where, params = self.where(f)
        where += (" AND " if where else " WHERE ") + f"{self.date_expr} IS NOT NULL"
        sql = (f"SELECT date_trunc('{interval}', {self.date_expr})::DATE AS period, "
               f"{self.c[by]} AS k, count(*) FROM events{where} GROUP BY period, k ORDER BY period, k")
        with self.db.cursor() as cur:
            rows = cur.execute(sql, params).fetchall()
        return [{"period": p.isoformat(), "key": k, "count": n} for p, k, n in rows]

    def undated(self, f: EventFilter) -> int:
        where, params = self.where(f)
        where += (" AND " if where else " WHERE ") + f"{self.date_expr} IS NULL"
        with self.db.cursor() as cur:
            return cur.execute(f"SELECT count(*) FROM events{where}", params).fetchone()[0]


def _record(value: Any) -> dict[str, Any]:
    """The stored JSON record as a dict (DuckDB may hand it back as text or as a map)."""
    if isinstance(value, (str, bytes)):
        return json.loads(value)
    return value


def _plain(value: Any) -> Any:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value
