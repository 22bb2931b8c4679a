"""Exports of stored events: JSON lines, CSV, Parquet, PLOVER-style JSON and ACLED-like CSV.

Each format is a function of the event records (the JSON of DESIGN.md), so the same code
serves the command line and any other caller that has records.
"""
from __future__ import annotations

import csv
import json
import sys
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterable, Iterator, TextIO

from .errors import RasdError

FORMATS = ("jsonl", "csv", "parquet", "plover", "acled")

CSV_COLUMNS = (
    "event_id", "date", "date_precision", "published", "type", "mode", "cameo", "status",
    "source_ids", "source_names", "target_ids", "target_names", "location_id", "location_name",
    "location_name_ar", "country", "lat", "lon", "location_precision", "killed", "injured",
    "abducted", "arrested", "attribution_kind", "attribution_text", "outlet", "url", "doc_id",
    "trigger", "sentence", "confidence", "rule",
)
ACLED_COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "actor2", "assoc_actor_2", "iso", "country",
    "admin1", "location", "latitude", "longitude", "geo_precision", "source", "source_scale",
    "notes", "fatalities", "tags", "rasd_status", "rasd_confidence", "rasd_event_id", "rasd_url",
)
# ACLED codes what happened: planned, threatened, alleged, denied or foiled events stay out.
ACLED_STATUSES = ("occurred", "ongoing")
_ACLED_TIME_PRECISION = {"day": 1, "week": 2, "month": 3, "year": 3}
_ACLED_GEO_PRECISION = {"site": 1, "city": 1, "admin1": 2, "country": 3, "region": 3}
_POLITICAL_VIOLENCE = ("Battles", "Explosions/Remote violence", "Violence against civilians")
# Spreadsheets run cells that start with these as formulas; article text must stay text.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _names(actors: list[dict[str, Any]] | None, key: str) -> str:
    return "; ".join(str(a.get(key) or "") for a in (actors or []))


def flat_row(rec: dict[str, Any]) -> dict[str, Any]:
    """One CSV row of an event record."""
    loc = rec.get("location") or {}
    time = rec.get("time") or {}
    cas = rec.get("casualties") or {}
    att = rec.get("attribution") or {}
    ev = rec.get("evidence") or {}
    return {
        "event_id": rec.get("event_id"), "date": time.get("date"),
        "date_precision": time.get("precision"), "published": rec.get("published"),
        "type": rec.get("type"), "mode": rec.get("mode"), "cameo": rec.get("cameo"),
        "status": rec.get("status"),
        "source_ids": _names(rec.get("source"), "id"), "source_names": _names(rec.get("source"), "name"),
        "target_ids": _names(rec.get("target"), "id"), "target_names": _names(rec.get("target"), "name"),
        "location_id": loc.get("id"), "location_name": loc.get("name"),
        "location_name_ar": loc.get("name_ar"), "country": loc.get("country"),
        "lat": loc.get("lat"), "lon": loc.get("lon"), "location_precision": loc.get("precision"),
        "killed": cas.get("killed"), "injured": cas.get("injured"), "abducted": cas.get("abducted"),
        "arrested": cas.get("arrested"), "attribution_kind": att.get("kind"),
        "attribution_text": att.get("text"), "outlet": rec.get("outlet"), "url": rec.get("url"),
        "doc_id": rec.get("doc_id"), "trigger": ev.get("trigger"), "sentence": ev.get("sentence"),
        "confidence": rec.get("confidence"), "rule": rec.get("rule"),
    }


def plover_record(rec: dict[str, Any]) -> dict[str, Any]:
    """The record in PLOVER's field names (event_type, event_mode, source_actor …), rasd extras kept."""
    loc = rec.get("location") or {}
    time = rec.get("time") or {}
    src = rec.get("source") or [{}]
    tgt = rec.get("target") or [{}]
    att = rec.get("attribution") or {}
    ev = rec.get("evidence") or {}
    return {
        "event_id": rec.get("event_id"),
        "event_date": time.get("date") or rec.get("published"),
        "event_type": rec.get("type"), "event_mode": rec.get("mode"), "event_context": [],
        "source": src[0].get("name"), "source_actor": src[0].get("id"),
        "source_agent": src[0].get("type"), "source_country": src[0].get("country"),
        "target": tgt[0].get("name"), "target_actor": tgt[0].get("id"),
        "target_agent": tgt[0].get("type"), "target_country": tgt[0].get("country"),
        "placename": loc.get("name"), "country": loc.get("country"), "admin1": loc.get("admin1"),
        "latitude": loc.get("lat"), "longitude": loc.get("lon"), "geo_precision": loc.get("precision"),
        "cameo": rec.get("cameo"), "story_id": rec.get("doc_id"), "url": rec.get("url"),
        "publisher": rec.get("outlet"), "story_date": rec.get("published"),
        "event_text": ev.get("sentence"), "rasd_status": rec.get("status"),
        "rasd_attribution": att.get("kind"), "rasd_confidence": rec.get("confidence"),
    }


def _country_name(iso3: str | None) -> str | None:
    if not iso3:
        return None
    import pycountry

    country = pycountry.countries.get(alpha_3=iso3.split(".")[0])
    return getattr(country, "common_name", None) or (country.name if country else iso3)


def _iso_numeric(iso3: str | None) -> str | None:
    if not iso3:
        return None
    import pycountry

    country = pycountry.countries.get(alpha_3=iso3.split(".")[0])
    return str(int(country.numeric)) if country else None


def acled_row(rec: dict[str, Any]) -> dict[str, Any] | None:
    """An ACLED-like row, or None for events ACLED would not code (no ACLED type, not occurred)."""
    acled = rec.get("acled") or {}
    if not acled.get("event_type") or rec.get("status") not in ACLED_STATUSES:
        return None
    loc = rec.get("location") or {}
    time = rec.get("time") or {}
    cas = rec.get("casualties") or {}
    src = rec.get("source") or []
    tgt = rec.get("target") or []
    date = time.get("date") or rec.get("published")
    country = loc.get("country")
    event_type = acled.get("event_type")
    return {
        "event_id_cnty": f"{(country or 'XXX')}{rec.get('event_id')}",
        "event_date": date, "year": str(date)[:4] if date else None,
        "time_precision": _ACLED_TIME_PRECISION.get(time.get("precision") or "", 3),
        "disorder_type": "Political violence" if event_type in _POLITICAL_VIOLENCE else
        "Demonstrations" if event_type in ("Protests", "Riots") else "Strategic developments",
        "event_type": event_type, "sub_event_type": acled.get("sub_event_type"),
        "actor1": src[0].get("name") if src else None,
        "assoc_actor_1": "; ".join(a.get("name") or "" for a in src[1:]) or None,
        "actor2": tgt[0].get("name") if tgt else None,
        "assoc_actor_2": "; ".join(a.get("name") or "" for a in tgt[1:]) or None,
        "iso": _iso_numeric(country), "country": _country_name(country), "admin1": loc.get("admin1"),
        "location": loc.get("name") or loc.get("name_ar"), "latitude": loc.get("lat"),
        "longitude": loc.get("lon"), "geo_precision": _ACLED_GEO_PRECISION.get(loc.get("precision") or "", 3),
        "source": rec.get("outlet"), "source_scale": "National",
        "notes": (rec.get("evidence") or {}).get("sentence"),
        "fatalities": cas.get("killed") or 0,
        "tags": "; ".join(f"{k}={v}" for k, v in cas.items() if v and k != "killed") or None,
        "rasd_status": rec.get("status"), "rasd_confidence": rec.get("confidence"),
        "rasd_event_id": rec.get("event_id"), "rasd_url": rec.get("url"),
    }


def safe_cell(value: Any) -> Any:
    """A CSV cell a spreadsheet shows as text, never runs as a formula."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def write_csv(rows: Iterable[dict[str, Any]], columns: tuple[str, ...], out: TextIO) -> int:
    """CSV with a BOM (so spreadsheets read the Arabic as UTF-8); returns the row count."""
    out.write("\ufeff")
    writer = csv.DictWriter(out, fieldnames=columns, extrasaction="ignore")
    writer.writeheader()
    n = 0
    for row in rows:
        writer.writerow({k: safe_cell(v) for k, v in row.items()})
        n += 1
    return n


def write_jsonl(records: Iterable[dict[str, Any]], out: TextIO) -> int:
    n = 0
    for rec in records:
        out.write(json.dumps(rec, ensure_ascii=False) + "\n")
        n += 1
    return n


def write_records(records: Iterable[dict[str, Any]], fmt: str, out: TextIO) -> int:
    """Write event records in a text format; returns how many rows were written."""
    if fmt == "jsonl":
        return write_jsonl(records, out)
    if fmt == "plover":
        return write_jsonl((plover_record(r) for r in records), out)
    if fmt == "csv":
        return write_csv((flat_row(r) for r in records), CSV_COLUMNS, out)
    if fmt == "acled":
        rows: Iterator[dict[str, Any]] = (row for row in map(acled_row, records) if row is not None)
        return write_csv(rows, ACLED_COLUMNS, out)
    raise RasdError(f"unknown export format {fmt!r}; use one of {', '.join(FORMATS)}")


@contextmanager
def _open_out(out: str) -> Iterator[TextIO]:
    if out == "-":
        yield sys.stdout
        return
    path = Path(out)
    if not path.parent.exists():
        raise RasdError(f"cannot write {out}: the folder {path.parent} does not exist")
    with open(path, "w", encoding="utf-8", newline="") as f:
        yield f


def export(store, fmt: str, out: str) -> int:
    """Export a Store's events to ``out`` (a path, or - for standard output); returns the row count."""
    if fmt == "parquet":
        if out == "-":
            raise RasdError("Parquet cannot go to standard output; give a file with --out FILE.parquet")
        if not Path(out).resolve().parent.exists():
            raise RasdError(f"cannot write {out}: its folder does not exist")
        return store.export_parquet(out, "events")
    with _open_out(out) as f:
        return write_records(store.iter_events(), fmt, f)


__all__ = ["FORMATS", "CSV_COLUMNS", "ACLED_COLUMNS", "flat_row", "plover_record", "acled_row",
           "safe_cell", "write_records", "export"]
