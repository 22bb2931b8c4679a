"""GET /api/events and /api/events/{id}: every filter, sorting, cursor pagination, counts."""
from __future__ import annotations

import datetime as dt
import re

import pytest

from test_api_sample import DOCS, build_document, client, effective_date, sample_db, sample_events  # noqa: F401

ALL = sample_events()
_ALEF = re.compile("[أإآ]")


def _loose(s: str) -> str:
    return _ALEF.sub("ا", s).replace("ة", "ه").replace("ى", "ي")


def _ids(pred) -> set[str]:
    return {ev.event_id for ev in ALL if pred(ev)}


def _in_box(ev, w, s, e, n) -> bool:
    loc = ev.location
    return bool(loc and loc.lat is not None and s <= loc.lat <= n and w <= loc.lon <= e)


LIBYA_DOC = build_document("libya").id

FILTERS = [
    ("nothing", {}, lambda ev: True),
    ("one status", {"status": "planned"}, lambda ev: ev.status == "planned"),
    ("two statuses", {"status": ["planned", "foiled"]}, lambda ev: ev.status in ("planned", "foiled")),
    ("type", {"type": "ASSAULT"}, lambda ev: ev.type == "ASSAULT"),
    ("type and mode", {"type": "CONSULT", "mode": "phone"}, lambda ev: ev.type == "CONSULT" and ev.mode == "phone"),
    ("date from", {"date_from": "2025-03-20"},
     lambda ev: effective_date(ev) is not None and effective_date(ev) >= dt.date(2025, 3, 20)),
    ("date range", {"date_from": "2025-03-14", "date_to": "2025-04-01"},
     lambda ev: effective_date(ev) is not None and dt.date(2025, 3, 14) <= effective_date(ev) <= dt.date(2025, 4, 1)),
    ("actor anywhere", {"actor": "SYR.REB"},
     lambda ev: any(a.id == "SYR.REB" for a in ev.source + ev.target)),
    ("actor as source", {"actor": "SYR.REB", "role": "source"}, lambda ev: any(a.id == "SYR.REB" for a in ev.source)),
    ("actor as target", {"actor": "YEM.CVL", "role": "target"}, lambda ev: any(a.id == "YEM.CVL" for a in ev.target)),
    ("two actors", {"actor": ["LBY.MIL", "UNSC"]},
     lambda ev: any(a.id in ("LBY.MIL", "UNSC") for a in ev.source + ev.target)),
    ("country", {"country": "LBY"}, lambda ev: ev.location is not None and ev.location.country == "LBY"),
    ("country in lower case", {"country": "egy"}, lambda ev: ev.location is not None and ev.location.country == "EGY"),
    ("place", {"place": "cairo"}, lambda ev: ev.location is not None and ev.location.id == "cairo"),
    ("bounding box over Libya", {"bbox": "9,19,26,34"}, lambda ev: _in_box(ev, 9, 19, 26, 34)),
    ("bounding box over Yemen and Sudan", {"bbox": "20,10,50,20"}, lambda ev: _in_box(ev, 20, 10, 50, 20)),
    ("text", {"q": "غارات"}, lambda ev: "غارات" in ev.evidence.sentence),
    ("text without hamza finds hamza", {"q": "اسفر"}, lambda ev: "اسفر" in _loose(ev.evidence.sentence)),
    ("text with taa marbuta as haa", {"q": "سفاره"}, lambda ev: "سفاره" in _loose(ev.evidence.sentence)),
    ("text with diacritics", {"q": "اجْتِماعا"}, lambda ev: "اجتماعا" in ev.evidence.sentence),
    ("outlet", {"outlet": "الشرق"}, lambda ev: ev.outlet == "الشرق"),
    ("document", {"doc": LIBYA_DOC}, lambda ev: ev.doc_id == LIBYA_DOC),
    ("confidence", {"min_confidence": 0.85}, lambda ev: ev.confidence >= 0.85),
    ("status and country", {"status": "occurred", "country": "YEM"},
     lambda ev: ev.status == "occurred" and ev.location is not None and ev.location.country == "YEM"),
    ("nothing matches", {"type": "RETREAT"}, lambda ev: False),
]


@pytest.mark.parametrize("params,pred", [(p, f) for _, p, f in FILTERS], ids=[n for n, _, _ in FILTERS])
def test_events_filter(client, params, pred):
    res = client.get("/api/events", params={**params, "limit": 1000})
    assert res.status_code == 200, res.text
    body = res.json()
    expected = _ids(pred)
    assert {e["event_id"] for e in body["events"]} == expected
    assert body["total"] == len(expected)
    assert body["next_cursor"] is None


def _sort_value(ev, key):
    return {"date": effective_date(ev), "published": ev.published, "confidence": ev.confidence,
            "type": ev.type, "status": ev.status, "outlet": ev.outlet}[key]


@pytest.mark.parametrize("sort", ["date", "-date", "published", "-published", "confidence", "-confidence",
                                  "type", "-type", "status", "-status", "outlet", "-outlet"])
def test_events_sorted_with_nulls_last(client, sort):
    key = sort.lstrip("-")
    body = client.get("/api/events", params={"sort": sort, "limit": 1000}).json()
    by_id = {ev.event_id: ev for ev in ALL}
    values = [_sort_value(by_id[e["event_id"]], key) for e in body["events"]]
    present = [v for v in values if v is not None]
    assert present == sorted(present, reverse=sort.startswith("-"))
    nulls = [i for i, v in enumerate(values) if v is None]
    assert nulls == list(range(len(present), len(values)))  # every missing value after the others


@pytest.mark.parametrize("sort", ["-date", "date", "confidence", "-outlet", "status"])
@pytest.mark.parametrize("limit", [1, 4, 7])
def test_cursor_pages_cover_everything_once(client, sort, limit):
    whole = [e["event_id"] for e in client.get("/api/events", params={"sort": sort, "limit": 1000}).json()["events"]]
    seen, cursor = [], None
    for _ in range(100):
        params = {"sort": sort, "limit": limit, **({"cursor": cursor} if cursor else {})}
        body = client.get("/api/events", params=params).json()
        assert len(body["events"]) <= limit
        seen += [e["event_id"] for e in body["events"]]
        cursor = body["next_cursor"]
        if cursor is None:
            break
    assert seen == whole
    assert len(seen) == len(ALL)


def test_cursor_pages_keep_the_filter(client):
    first = client.get("/api/events", params={"type": "ASSAULT", "limit": 2}).json()
    second = client.get("/api/events", params={"type": "ASSAULT", "limit": 50,
                                               "cursor": first["next_cursor"]}).json()
    got = [e["event_id"] for e in first["events"] + second["events"]]
    assert set(got) == _ids(lambda ev: ev.type == "ASSAULT") and len(got) == len(set(got))
    assert first["total"] == second["total"] == len(got)


def test_facets_count_types_statuses_and_outlets(client):
    body = client.get("/api/events", params={"facets": "true", "country": "LBY", "limit": 1}).json()
    libya = [ev for ev in ALL if ev.location and ev.location.country == "LBY"]
    assert body["facets"]["status"] == {s: sum(ev.status == s for ev in libya) for s in {ev.status for ev in libya}}
    assert body["facets"]["type"] == {"ASSAULT": len(libya)}
    assert body["facets"]["outlet"] == {"الوسط": len(libya)}


def test_event_record_with_evidence_and_document_link(client):
    ev = next(ev for ev in ALL if ev.status == "foiled")
    res = client.get(f"/api/events/{ev.event_id}")
    assert res.status_code == 200
    body = res.json()
    assert body["event"] == ev.as_dict()
    assert body["document"]["title"] == DOCS["cairo"]["title"]
    assert "text" not in body["document"]
    doc = client.get(body["links"]["document"]).json()["document"]
    s, e = body["event"]["evidence"]["trigger_span"]
    assert doc["text"][s:e] == "استهداف"


@pytest.mark.parametrize("event_id", ["0000000000000000", "nope", "x" * 200])
def test_unknown_event_is_404(client, event_id):
    res = client.get(f"/api/events/{event_id}")
    assert res.status_code == 404
    assert event_id[:20] in res.json()["detail"]


def test_points_are_the_located_events(client):
    body = client.get("/api/points", params={"status": ["planned", "occurred"]}).json()
    expected = {ev.event_id: ev for ev in ALL
                if ev.status in ("planned", "occurred") and ev.location and ev.location.lat is not None}
    assert body["total"] == len(expected) and not body["truncated"]
    for event_id, lat, lon, type_, status in body["points"]:
        ev = expected[event_id]
        assert (lat, lon, type_, status) == (ev.location.lat, ev.location.lon, ev.type, ev.status)
    capped = client.get("/api/points", params={"limit": 2}).json()
    assert len(capped["points"]) == 2 and capped["truncated"]


def test_info_summarises_the_database(client):
    body = client.get("/api/info").json()
    dates = [effective_date(ev) for ev in ALL if effective_date(ev)]
    assert body["events"] == len(ALL) and body["documents"] == len(DOCS)
    assert (body["date_min"], body["date_max"]) == (min(dates).isoformat(), max(dates).isoformat())


@pytest.mark.parametrize("limit", [1, 2])
def test_cursor_pages_of_a_text_search(client, limit):
    expected = _ids(lambda ev: "في" in ev.evidence.sentence)
    seen, cursor, totals = [], None, set()
    for _ in range(50):
        body = client.get("/api/events", params={"q": "في", "limit": limit, **({"cursor": cursor} if cursor else {})}).json()
        seen += [e["event_id"] for e in body["events"]]
        totals.add(body["total"])
        cursor = body["next_cursor"]
        if cursor is None:
            break
    assert set(seen) == expected and len(seen) == len(expected)
    assert totals == {len(expected)}
