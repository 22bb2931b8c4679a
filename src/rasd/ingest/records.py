"""JSON records (JSON lines, or a JSON array/object): one Document each.

Field names vary between news dumps; the first present of each alias list is used:
id/docno, text/body/content, title/headline, url/link, published/date/time/timestamp (ISO,
RFC 2822, Arabic, or a Unix time), outlet/source/src/site. The record's id becomes
Document.id, so re-reading the same records gives the same documents.
"""
from __future__ import annotations

import datetime as dt
import html
import json
import re
from typing import Any, BinaryIO, Iterator

from ..dates import parse_date
from ..errors import ReadError
from ..model import Document
from .encoding import decode
from .page import text_without_headings
from .sites import domain_of_url, sites

ID_FIELDS = ("id", "docno", "doc_id", "document_id", "_id", "guid", "uuid")
TEXT_FIELDS = ("text", "body", "content", "article", "maintext", "full_text", "article_text")
TITLE_FIELDS = ("title", "headline")
URL_FIELDS = ("url", "link", "source_url", "uri")
DATE_FIELDS = ("published", "date", "time", "timestamp", "pubdate", "published_at",
               "date_publish", "datetime", "publish_date", "pub_date")
OUTLET_FIELDS = ("outlet",)  # taken as given
SOURCE_FIELDS = ("source", "src", "site", "site_name", "sitename", "publisher", "source_name")
_TAG = re.compile(r"<(?:p|br|div|span|a|strong|em|b|i)\b[^>]*>|</(?:p|div|span|a|strong|em|b|i)>", re.I)
_MAX_LINE_BYTES = 16 * 1024 * 1024


def _first(record: dict[str, Any], names: tuple[str, ...]) -> Any:
    for name in names:
        value = record.get(name)
        if value not in (None, "", [], {}):
            return value
    return None


def _as_text(value: Any) -> str | None:
    if isinstance(value, dict):  # {"name": "BBC", "id": "bbc"} as NewsAPI writes a source
        value = value.get("name") or value.get("title") or value.get("id")
    if isinstance(value, list):
        value = " ".join(str(v) for v in value if v)
    return str(value).strip() if value not in (None, "") else None


def _published(value: Any) -> dt.date | None:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        seconds = value / 1000 if value > 10**11 else value  # milliseconds or seconds
        try:
            return dt.datetime.fromtimestamp(seconds, tz=dt.timezone.utc).date()
        except (OverflowError, OSError, ValueError):
            return None
    text = _as_text(value)
    if text and text.isdigit() and len(text) >= 9:
        return _published(int(text))
    return parse_date(text) if text else None


def _clean_body(text: str) -> str:
    """The body without surrounding blank lines; inline HTML (<p>, <br>, &quot;) turned to text."""
    if _TAG.search(text):
        text = _TAG.sub(lambda m: "\n" if m.group().lower().startswith(("<p", "<br", "<div", "</p", "</div")) else "",
                        text)
        text = html.unescape(text)
        text = re.sub(r"\n\s*\n+", "\n\n", text)
    elif "&" in text and re.search(r"&(?:#\d+|#x[0-9a-f]+|quot|amp|lt|gt|nbsp|apos);", text, re.I):
        text = html.unescape(text)
    return text.strip()


def document_from_record(record: Any, where: str) -> Document:
    """A Document from one decoded JSON record; ReadError when it has no usable text."""
    if not isinstance(record, dict):
        raise ReadError(where, "bad_record", f"a JSON {type(record).__name__} where an object "
                        '{"id", "text", ...} was expected')
    body = _as_text(_first(record, TEXT_FIELDS))
    text = _clean_body(body) if body else ""
    if not text:
        raise ReadError(where, "no_text", "the record has no text; put the article in a "
                        f"field named one of {', '.join(TEXT_FIELDS)}")
    text, headings = text_without_headings(text)
    url = _as_text(_first(record, URL_FIELDS))
    domain = domain_of_url(url)
    table = sites()
    outlet = _as_text(_first(record, OUTLET_FIELDS))
    if not outlet:
        given = _as_text(_first(record, SOURCE_FIELDS))
        outlet = table.outlet_for_domain(domain) or table.outlet_for_name(given) or given
    if not domain and outlet:
        domain = table.domain_of_outlet.get(outlet)
    rid = _as_text(_first(record, ID_FIELDS))
    return Document(id=rid or Document.make_id(url, text), text=text,
                    title=html.unescape(_as_text(_first(record, TITLE_FIELDS)) or ""),
                    url=url, outlet=outlet, domain=domain,
                    published=_published(_first(record, DATE_FIELDS)), headings=headings,
                    source=where)


def _lines(stream: BinaryIO, path: str) -> Iterator[tuple[int, bytes | ReadError]]:
    """Numbered lines, each at most _MAX_LINE_BYTES (a longer one is skipped as an error)."""
    number = 0
    while True:
        line = stream.readline(_MAX_LINE_BYTES + 1)
        if not line:
            return
        number += 1
        if len(line) > _MAX_LINE_BYTES and not line.endswith(b"\n"):
            while True:  # skip the rest of the over-long line without holding it
                chunk = stream.readline(_MAX_LINE_BYTES)
                if not chunk or chunk.endswith(b"\n"):
                    break
            yield number, ReadError(f"{path}:{number}", "too_big",
                                    f"a JSON line over {_MAX_LINE_BYTES // 2**20} MB; split the record")
            continue
        yield number, line


def read_jsonl(stream: BinaryIO, path: str) -> Iterator[Document | ReadError]:
    """Documents (or errors) of a JSON-lines stream, line by line."""
    for number, line in _lines(stream, path):
        where = f"{path}:{number}"
        if isinstance(line, ReadError):
            yield line
            continue
        if not line.strip():
            continue
        try:
            text = line.decode("utf-8-sig") if number == 1 else line.decode("utf-8")
        except UnicodeDecodeError:
            try:
                text, _ = decode(line, where)
            except ReadError as exc:
                yield exc
                continue
        try:
            record = json.loads(text)
        except json.JSONDecodeError as exc:
            yield ReadError(where, "bad_json", f"not JSON ({exc.msg} at column {exc.colno}); "
                            "each line must be one JSON object")
            continue
        try:
            yield document_from_record(record, where)
        except ReadError as exc:
            yield exc


def read_json(text: str, path: str) -> Iterator[Document | ReadError]:
    """Documents of a .json file: one record, a list of records, or {"documents": [...]}."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError:
        # many ".json" dumps are JSON lines in disguise
        yield from read_jsonl_text(text, path)
        return
    if isinstance(data, dict):
        inner = next((data[k] for k in ("documents", "articles", "items", "records", "data")
                      if isinstance(data.get(k), list)), None)
        records = inner if inner is not None else [data]
    elif isinstance(data, list):
        records = data
    else:
        yield ReadError(path, "bad_record", "a JSON file must hold an object or a list of objects")
        return
    for i, record in enumerate(records, 1):
        try:
            yield document_from_record(record, f"{path}:{i}")
        except ReadError as exc:
            yield exc


def read_jsonl_text(text: str, path: str) -> Iterator[Document | ReadError]:
    """JSON lines already decoded to text (standard input, a .json file of lines)."""
    import io

    yield from read_jsonl(io.BytesIO(text.encode("utf-8")), path)


__all__ = ["read_jsonl", "read_json", "read_jsonl_text", "document_from_record",
           "ID_FIELDS", "TEXT_FIELDS", "DATE_FIELDS", "SOURCE_FIELDS"]
