"""POST /api/analyse: a text or an HTML page in, rasd's analysis out, nothing stored."""
from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

from ..model import Document

MAX_BODY_BYTES = 1_000_000  # an article page is rarely above 300 KB
MAX_TEXT_CHARS = 200_000


class AnalyseRequestError(ValueError):
    """A request /api/analyse refuses; ``status`` is the HTTP code (413, 415, 422)."""

    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status = status


@dataclass(slots=True)
class AnalyseInput:
    """What the client sent, as text or HTML plus optional page metadata."""

    text: str | None = None
    html: str | None = None
    url: str | None = None
    title: str | None = None
    outlet: str | None = None
    published: dt.date | None = None


def parse_body(body: bytes, content_type: str) -> AnalyseInput:
    """Read a JSON object, plain text or HTML body (already size-checked)."""
    media = content_type.split(";")[0].strip().lower()
    try:
        raw = body.decode("utf-8")
    except UnicodeDecodeError:
        raise AnalyseRequestError(422, "body must be UTF-8 encoded") from None
    if media in ("text/plain", ""):
        return AnalyseInput(text=raw)
    if media in ("text/html", "application/xhtml+xml"):
        return AnalyseInput(html=raw)
    if media != "application/json":
        raise AnalyseRequestError(415, f"unsupported content type {media!r}: send application/json "
                                       '({"text": ...} or {"html": ...}), text/plain or text/html')
    try:
        obj = json.loads(raw)
    except ValueError:
        raise AnalyseRequestError(422, "body is not valid JSON") from None
    if not isinstance(obj, dict):
        raise AnalyseRequestError(422, 'JSON body must be an object: {"text": "..."} or {"html": "..."}')
    unknown = set(obj) - {"text", "html", "url", "title", "outlet", "published"}
    if unknown:
        raise AnalyseRequestError(422, f"unknown field(s): {', '.join(sorted(unknown))}")
    for key in ("text", "html", "url", "title", "outlet", "published"):
        if obj.get(key) is not None and not isinstance(obj[key], str):
            raise AnalyseRequestError(422, f"field {key!r} must be a string")
    if (obj.get("text") is None) == (obj.get("html") is None):
        raise AnalyseRequestError(422, 'send exactly one of "text" or "html"')
    published = None
    if obj.get("published"):
        try:
            published = dt.date.fromisoformat(obj["published"][:10])
        except ValueError:
            raise AnalyseRequestError(422, "published must be an ISO date (YYYY-MM-DD)") from None
    return AnalyseInput(obj.get("text"), obj.get("html"), obj.get("url"), obj.get("title"),
                        obj.get("outlet"), published)


def _read_html(html: str, url: str | None) -> Document:
    """The article of an HTML page, read as `rasd run` reads pages (rasd.ingest.html)."""
    from ..errors import ReadError

    try:
        from ..ingest.html import read_html
    except ImportError:  # a build without the ingest package: trafilatura directly
        doc = _html_with_trafilatura(html, url)
        if doc is None:
            raise AnalyseRequestError(422, "no article text found in the HTML page") from None
        return doc
    try:
        return read_html(html, "-", url=url)
    except ReadError as exc:
        raise AnalyseRequestError(422, exc.detail or "no article text found in the HTML page") from None


def to_document(inp: AnalyseInput) -> Document:
    """The Document to analyse (HTML through the page reader), or a 422 when nothing is left."""
    if inp.html is not None:
        doc = _read_html(inp.html, inp.url)
        if not doc.text.strip():
            raise AnalyseRequestError(422, "no article text found in the HTML page")
        if inp.title:
            doc.title = inp.title
        if inp.outlet:
            doc.outlet = inp.outlet
        if inp.published:
            doc.published = inp.published
    else:
        text = (inp.text or "").replace("\r\n", "\n")
        if not text.strip():
            raise AnalyseRequestError(422, "text is empty: send the Arabic article text")
        doc = Document(id=Document.make_id(inp.url, text), text=text, title=inp.title or "",
                       url=inp.url, outlet=inp.outlet, published=inp.published, source="-")
    if len(doc.text) > MAX_TEXT_CHARS:
        raise AnalyseRequestError(413, f"text has {len(doc.text)} characters; the limit is "
                                       f"{MAX_TEXT_CHARS}: split the article or use `rasd analyse`")
    return doc


def analysis_json(doc: Document, pipeline: Any) -> dict[str, Any]:
    """Run the pipeline and return the `rasd analyse` JSON object."""
    from ..pipeline import analyse

    return analyse(doc, pipeline).as_dict()
