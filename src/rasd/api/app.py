"""The FastAPI application: read-only routes over a rasd database, the web page and its docs."""
from __future__ import annotations

import datetime as dt
import threading
from importlib import resources
from pathlib import Path
from typing import Annotated, Any, Literal

from fastapi import Depends, FastAPI, HTTPException, Query, Request
from fastapi import Path as PathParam
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, StreamingResponse
from fastapi.staticfiles import StaticFiles
from starlette.concurrency import run_in_threadpool
from starlette.middleware.trustedhost import TrustedHostMiddleware

from ..errors import RasdError
from ..model import EVENT_TYPES, STATUSES
from . import analyse as analyse_mod
from .db import Database
from .export import EXTENSIONS, MEDIA_TYPES, render
from .queries import EventFilter, Queries, QueryError, parse_bbox

EventType = Literal[EVENT_TYPES]  # type: ignore[valid-type]
Status = Literal[STATUSES]  # type: ignore[valid-type]
SortKey = Literal["date", "-date", "published", "-published", "confidence", "-confidence",
                  "type", "-type", "status", "-status", "outlet", "-outlet"]
Role = Literal["any", "source", "target"]
_PathId = PathParam(min_length=1, max_length=200)

# The page loads only its own files: no inline script, nothing from elsewhere.
_PAGE_CSP = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
             "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; "
             "frame-ancestors 'none'; form-action 'self'")


def web_dir() -> Path:
    """The folder of the web page (index.html, app.js, vendor/ once `make web` has run)."""
    return Path(str(resources.files("rasd") / "web"))


def event_filter(
    date_from: Annotated[dt.date | None, Query(description="First day (YYYY-MM-DD) of the event date, "
                                                "which is the date the text gives, else the publication day")] = None,
    date_to: Annotated[dt.date | None, Query(description="Last day (inclusive)")] = None,
    type: Annotated[list[EventType] | None, Query(description="PLOVER event type (repeatable)")] = None,
    mode: Annotated[list[Annotated[str, Query(max_length=40)]] | None, Query(description="PLOVER mode (repeatable)")] = None,
    status: Annotated[list[Status] | None, Query(description="Factuality status (repeatable)")] = None,
    actor: Annotated[list[Annotated[str, Query(max_length=100)]] | None, Query(description="Actor id, e.g. EGY.GOV (repeatable)")] = None,
    role: Annotated[Role, Query(description="Where the actor must appear")] = "any",
    country: Annotated[list[Annotated[str, Query(pattern=r"^[A-Za-z]{2,3}$")]] | None,
                       Query(description="ISO 3166 alpha-3 country of the location (repeatable)")] = None,
    place: Annotated[list[Annotated[str, Query(max_length=100)]] | None, Query(description="Place id (repeatable)")] = None,
    bbox: Annotated[str | None, Query(max_length=100, description="west,south,east,north in degrees")] = None,
    q: Annotated[str | None, Query(max_length=200, description="Words in the evidence sentence "
                                   "(hamza, taa marbuta, alef maqsura and diacritics are ignored)")] = None,
    outlet: Annotated[list[Annotated[str, Query(max_length=200)]] | None, Query(description="Outlet (repeatable)")] = None,
    doc: Annotated[str | None, Query(max_length=200, description="Only events of this document id")] = None,
    min_confidence: Annotated[float | None, Query(ge=0, le=1)] = None,
    unique: Annotated[bool, Query(description="Leave out events repeated from an earlier near-duplicate "
                                  "copy of the same story (another outlet's or a republished copy)")] = False,
) -> EventFilter:
    """The shared event filter of every listing route."""
    if date_from and date_to and date_from > date_to:
        raise HTTPException(422, "date_from is after date_to: swap them")
    try:
        box = parse_bbox(bbox) if bbox else None
    except QueryError as exc:
        raise HTTPException(422, str(exc)) from None
    return EventFilter(date_from, date_to, list(type or []), list(mode or []), list(status or []),
                       list(actor or []), role, list(country or []), list(place or []), box, q,
                       list(outlet or []), doc, min_confidence, unique)


Filter = Annotated[EventFilter, Depends(event_filter)]


def create_app(db_path: str | Path, pipeline: Any = None,
               allowed_hosts: list[str] | None = None) -> FastAPI:
    """The rasd API and web page over the database at ``db_path`` (opened read-only).

    ``pipeline`` serves POST /api/analyse (default: the shared pipeline, loaded on first use);
    ``allowed_hosts`` restricts the Host header (serve() sets it for loopback binds).
    """
    db = Database(db_path)
    queries = Queries(db)
    web = web_dir()
    vendor_ready = (web / "vendor" / ".built").is_file()
    pipeline_box: dict[str, Any] = {"pipeline": pipeline}
    pipeline_lock = threading.Lock()

    app = FastAPI(
        title="rasd", version=_version(),
        description="Events extracted from Arabic news by rasd: who did what to whom, where, "
                    "when, whether it happened, and who says so. Read-only except /api/analyse.",
        docs_url=None, redoc_url=None,
    )
    app.state.db = db
    app.state.queries = queries
    app.state.vendor_ready = vendor_ready
    if allowed_hosts:
        app.add_middleware(TrustedHostMiddleware, allowed_hosts=allowed_hosts)

    @app.middleware("http")
    async def security_headers(request: Request, call_next):
        response = await call_next(request)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "no-referrer")
        if request.url.path == "/" or request.url.path.startswith("/static/"):
            response.headers.setdefault("Content-Security-Policy", _PAGE_CSP)
        return response

    @app.exception_handler(RasdError)
    async def rasd_error(request: Request, exc: RasdError):
        return JSONResponse({"detail": str(exc)}, status_code=500)

    # ---- page and docs --------------------------------------------------------------------

    app.mount("/static", StaticFiles(directory=str(web)), name="static")

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(web / "index.html", media_type="text/html; charset=utf-8",
                            headers={"Cache-Control": "no-cache"})

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        if not vendor_ready:
            return HTMLResponse("<p>The API docs page needs the bundled Swagger UI: run "
                                "<code>make web</code>, then restart <code>rasd serve</code>. "
                                "The schema is at <a href='/openapi.json'>/openapi.json</a>.</p>")
        return get_swagger_ui_html(openapi_url="/openapi.json", title="rasd API",
                                   swagger_js_url="/static/vendor/swagger-ui/swagger-ui-bundle.js",
                                   swagger_css_url="/static/vendor/swagger-ui/swagger-ui.css",
                                   swagger_favicon_url="/static/favicon.svg",
                                   swagger_ui_parameters={"validatorUrl": None})  # no call to swagger.io

    # ---- API ------------------------------------------------------------------------------

    @app.get("/api/info", tags=["meta"])
    def info() -> dict[str, Any]:
        """The database at a glance: event count, date range, vocabularies, page readiness."""
        return {**queries.overview(), "types": list(EVENT_TYPES), "statuses": list(STATUSES),
                "web_vendor": vendor_ready, "version": _version()}

    @app.get("/api/events", tags=["events"])
    def list_events(
        f: Filter,
        sort: Annotated[SortKey, Query(description="Field to sort by; '-' for descending")] = "-date",
        limit: Annotated[int, Query(ge=1, le=1000)] = 50,
        cursor: Annotated[str | None, Query(max_length=2000, description="next_cursor of the previous page")] = None,
        facets: Annotated[bool, Query(description="Also count events per type, status and outlet")] = False,
    ) -> dict[str, Any]:
        """Events under a filter, one page at a time (keyset cursor), with the total count."""
        try:
            events, next_cursor, total = queries.page(f, sort, limit, cursor)
        except QueryError as exc:
            raise HTTPException(422, str(exc)) from None
        out: dict[str, Any] = {"total": total, "limit": limit, "sort": sort,
                               "next_cursor": next_cursor, "events": events}
        if facets:
            out["facets"] = queries.facets(f)
        return out

    @app.get("/api/points", tags=["events"])
    def points(f: Filter, limit: Annotated[int, Query(ge=1, le=100_000)] = 20_000) -> dict[str, Any]:
        """Map points [event_id, lat, lon, type, status] of located events under a filter."""
        rows, total = queries.points(f, limit)
        return {"total": total, "truncated": total > len(rows),
                "fields": ["event_id", "lat", "lon", "type", "status"], "points": rows}

    @app.get("/api/events/{event_id}", tags=["events"])
    def get_event(event_id: Annotated[str, _PathId]) -> dict[str, Any]:
        """One event record with its evidence, the document it was read in, and links."""
        record = queries.get_event(event_id)
        if record is None:
            raise HTTPException(404, f"no event {event_id!r} in this database")
        doc_id = record.get("doc_id")
        return {"event": record, "document": queries.document_summary(doc_id) if doc_id else None,
                "corroboration": queries.corroboration(event_id),
                "links": {"document": f"/api/documents/{doc_id}", "page": f"/#/event/{event_id}",
                          "document_page": f"/#/doc/{doc_id}"}}

    @app.get("/api/documents/{doc_id}", tags=["documents"])
    def get_document(doc_id: Annotated[str, _PathId]) -> dict[str, Any]:
        """A document's clean text with the spans of its mentions and every event read in it."""
        doc = queries.get_document(doc_id)
        if doc is None:
            raise HTTPException(404, f"no document {doc_id!r} in this database")
        events, _ = queries.list_events(EventFilter(doc_id=doc_id), "date", 1000)
        events.sort(key=lambda e: tuple((e.get("evidence") or {}).get("trigger_span") or (0, 0)))
        return {"document": doc, "mentions": queries.document_mentions(doc_id), "events": events}

    @app.get("/api/actors", tags=["aggregates"])
    def actors(f: Filter, as_role: Annotated[Role, Query(alias="as")] = "any",
               name: Annotated[str | None, Query(max_length=100, description="Part of the name (Arabic or English) or id prefix")] = None,
               limit: Annotated[int, Query(ge=1, le=5000)] = 200) -> dict[str, Any]:
        """Actors of the filtered events with how many events each takes part in."""
        return {"actors": queries.actors(f, as_role, limit, name)}

    @app.get("/api/places", tags=["aggregates"])
    def places(f: Filter, limit: Annotated[int, Query(ge=1, le=5000)] = 200) -> dict[str, Any]:
        """Places of the filtered events with coordinates and event counts."""
        return {"places": queries.places(f, limit)}

    @app.get("/api/timeline", tags=["aggregates"])
    def timeline(f: Filter, interval: Literal["day", "week", "month"] = "day",
                 by: Literal["type", "status"] = "status") -> dict[str, Any]:
        """Event counts per day, week or month, split by type or status."""
        return {"interval": interval, "by": by, "series": queries.timeline(f, interval, by),
                "undated": queries.undated(f)}

    @app.get("/api/export", tags=["events"])
    def export(f: Filter, format: Literal["jsonl", "csv", "plover", "acled"] = "jsonl",
               sort: SortKey = "-date") -> StreamingResponse:
        """The filtered events as a file: JSON lines, CSV, PLOVER JSON lines or ACLED-like CSV."""
        ext = EXTENSIONS[format]
        stamp = dt.date.today().isoformat()
        return StreamingResponse(
            render(queries.iter_records(f, sort), format), media_type=MEDIA_TYPES[format],
            headers={"Content-Disposition": f'attachment; filename="rasd-events-{stamp}.{ext}"'})

    @app.post("/api/analyse", tags=["analyse"],
              openapi_extra={"requestBody": {"required": True, "content": {
                  "application/json": {"schema": {"type": "object", "properties": {
                      "text": {"type": "string"}, "html": {"type": "string"},
                      "url": {"type": "string"}, "title": {"type": "string"},
                      "outlet": {"type": "string"}, "published": {"type": "string", "format": "date"}}}},
                  "text/plain": {"schema": {"type": "string"}},
                  "text/html": {"schema": {"type": "string"}}}}})
    async def analyse(request: Request) -> dict[str, Any]:
        """Analyse an Arabic text or HTML page (≤ 1 MB) and return events without storing them."""
        limit = analyse_mod.MAX_BODY_BYTES
        declared = request.headers.get("content-length")
        if declared and declared.isdigit() and int(declared) > limit:
            raise HTTPException(413, f"body is {declared} bytes; the limit is {limit}")
        body = bytearray()
        async for chunk in request.stream():
            body += chunk
            if len(body) > limit:
                raise HTTPException(413, f"body is over the limit of {limit} bytes")
        try:
            inp = analyse_mod.parse_body(bytes(body), request.headers.get("content-type", ""))
            doc = await run_in_threadpool(analyse_mod.to_document, inp)
        except analyse_mod.AnalyseRequestError as exc:
            raise HTTPException(exc.status, str(exc)) from None
        try:
            pipe = await run_in_threadpool(_pipeline, pipeline_box, pipeline_lock)
        except RasdError as exc:
            raise HTTPException(503, f"the analyser is not ready: {exc}") from None
        return await run_in_threadpool(analyse_mod.analysis_json, doc, pipe)

    return app


def _pipeline(box: dict[str, Any], lock: threading.Lock) -> Any:
    """The analyser, loaded once on first use (knowledge and models take a moment)."""
    with lock:
        if box["pipeline"] is None:
            from ..config import knowledge_dirs
            from ..pipeline import default_pipeline

            box["pipeline"] = default_pipeline(knowledge_dirs())
        return box["pipeline"]


def _version() -> str:
    try:
        from importlib.metadata import version

        return version("rasd")
    except Exception:  # not installed (running from a source tree)
        return "0"
