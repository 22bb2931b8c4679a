"""The filtered event set as a streamed download, in the formats of :mod:`rasd.export`."""
from __future__ import annotations

import csv
import io
import json
from typing import Any, Iterable, Iterator

from ..export import ACLED_COLUMNS, CSV_COLUMNS, acled_row, flat_row, plover_record, safe_cell

EXPORT_FORMATS = ("jsonl", "csv", "plover", "acled")
MEDIA_TYPES = {"jsonl": "application/x-ndjson", "csv": "text/csv; charset=utf-8",
               "plover": "application/x-ndjson", "acled": "text/csv; charset=utf-8"}
EXTENSIONS = {"jsonl": "jsonl", "csv": "csv", "plover": "plover.jsonl", "acled": "acled.csv"}


def _csv_chunks(rows: Iterable[dict[str, Any]], columns: tuple[str, ...], every: int = 500) -> Iterator[str]:
    """CSV text in chunks of ``every`` rows, with a BOM so spreadsheets read the Arabic as UTF-8."""
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=columns, extrasaction="ignore")
    buf.write("\ufeff")
    writer.writeheader()
    for i, row in enumerate(rows, 1):
        writer.writerow({k: safe_cell(v) for k, v in row.items()})
        if i % every == 0:
            yield buf.getvalue()
            buf.seek(0)
            buf.truncate()
    yield buf.getvalue()


def render(records: Iterable[dict[str, Any]], fmt: str) -> Iterator[str]:
    """Chunks of the export file, written as the records stream in."""
    if fmt == "jsonl":
        return (json.dumps(rec, ensure_ascii=False) + "\n" for rec in records)
    if fmt == "plover":
        return (json.dumps(plover_record(rec), ensure_ascii=False) + "\n" for rec in records)
    if fmt == "csv":
        return _csv_chunks((flat_row(rec) for rec in records), CSV_COLUMNS)
    if fmt == "acled":  # ACLED codes only what happened: other statuses are left out
        return _csv_chunks((row for row in map(acled_row, records) if row is not None), ACLED_COLUMNS)
    raise ValueError(f"unknown export format {fmt!r}; use one of {', '.join(EXPORT_FORMATS)}")
