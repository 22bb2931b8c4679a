"""GET /api/documents/{id}, /api/actors, /api/places and /api/timeline against hand-counted answers."""
from __future__ import annotations

import datetime as dt
from collections import Counter

import pytest

from test_api_sample import (ACTORS, DOCS, PLACES, TEXTS, build_document, client, effective_date,  # noqa: F401
                             sample_db, sample_events)

ALL = sample_events()


@pytest.mark.parametrize("key", list(TEXTS))
def test_document_text_with_mention_and_event_offsets(client, key):
    doc = build_document(key)
    body = client.get(f"/api/documents/{doc.id}").json()
    text = body["document"]["text"]
    assert text == doc.text
    assert body["document"]["title"] == DOCS[key]["title"]
    for m in body["mentions"]:
        assert text[m["start"]:m["end"]] == m["text"]
    mine = [ev for ev in ALL if ev.doc_id == doc.id]
    assert {e["event_id"] for e in body["events"]} == {ev.event_id for ev in mine}
    starts = [e["evidence"]["trigger_span"][0] for e in body["events"]]
    assert starts == sorted(starts)  # in reading order
    for e in body["events"]:
        s, t = e["evidence"]["trigger_span"]
        assert text[s:t] == e["evidence"]["trigger"]
        for actor in e["source"] + e["target"]:
            assert text[actor["span"][0]:actor["span"][1]] == actor["text"]


def test_unknown_document_is_404(client):
    res = client.get("/api/documents/ffffffffffffffff")
    assert res.status_code == 404


def _actor_counts(events, role="any"):
    counts = Counter()
    for ev in events:
        refs = {"source": ev.source, "target": ev.target}.get(role, ev.source + ev.target)
        for actor_id in {a.id for a in refs}:
            counts[actor_id] += 1
    return counts


@pytest.mark.parametrize("params,pred,role", [
    ({}, lambda ev: True, "any"),
    ({"as": "source"}, lambda ev: True, "source"),
    ({"as": "target"}, lambda ev: True, "target"),
    ({"status": "occurred"}, lambda ev: ev.status == "occurred", "any"),
    ({"country": "SYR"}, lambda ev: ev.location is not None and ev.location.country == "SYR", "any"),
], ids=["all", "as source", "as target", "occurred only", "no location filter hides unlocated"])
def test_actors_with_event_counts(client, params, pred, role):
    body = client.get("/api/actors", params=params).json()
    expected = _actor_counts([ev for ev in ALL if pred(ev)], role)
    assert {a["id"]: a["events"] for a in body["actors"]} == dict(expected)
    counts = [a["events"] for a in body["actors"]]
    assert counts == sorted(counts, reverse=True)
    for a in body["actors"]:
        assert (a["name"], a["name_ar"], a["type"], a["country"]) == ACTORS[a["id"]]


@pytest.mark.parametrize("name,expected", [
    ("مسلحة", {"SYR.REB"}),
    ("الامن", {"UNSC", "YEM.SEC"}),  # hamza-free spelling finds الأمن
    ("syria", {"SYR.GOV", "SYR.REB"}),
    ("EGY.", {"EGY.GOV"}),  # EGY.SEC is only quoted as a reporter, never an actor
    ("لا أحد", set()),
])
def test_actors_by_name(client, name, expected):
    body = client.get("/api/actors", params={"name": name}).json()
    assert {a["id"] for a in body["actors"]} == expected


def test_places_with_counts_and_coordinates(client):
    body = client.get("/api/places").json()
    expected = Counter(ev.location.id for ev in ALL if ev.location)
    assert {p["id"]: p["events"] for p in body["places"]} == dict(expected)
    for p in body["places"]:
        name, name_ar, country, _, lat, lon, precision = PLACES[p["id"]]
        assert (p["name"], p["name_ar"], p["country"], p["lat"], p["lon"], p["precision"]) == \
            (name, name_ar, country, lat, lon, precision)
    limited = client.get("/api/places", params={"limit": 1, "type": "PROTEST"}).json()["places"]
    assert [p["id"] for p in limited] == ["sanaa"]


def _bucket(d: dt.date, interval: str) -> str:
    if interval == "day":
        return d.isoformat()
    if interval == "week":
        return (d - dt.timedelta(days=d.weekday())).isoformat()
    return d.replace(day=1).isoformat()


@pytest.mark.parametrize("interval", ["day", "week", "month"])
@pytest.mark.parametrize("by", ["status", "type"])
def test_timeline_counts(client, interval, by):
    body = client.get("/api/timeline", params={"interval": interval, "by": by}).json()
    expected = Counter((_bucket(effective_date(ev), interval), getattr(ev, by))
                       for ev in ALL if effective_date(ev))
    assert {(r["period"], r["key"]): r["count"] for r in body["series"]} == dict(expected)
    assert body["undated"] == sum(1 for ev in ALL if effective_date(ev) is None)
    periods = [r["period"] for r in body["series"]]
    assert periods == sorted(periods)


def test_timeline_follows_the_filter(client):
    body = client.get("/api/timeline", params={"interval": "month", "status": "planned"}).json()
    planned = [ev for ev in ALL if ev.status == "planned"]
    assert sum(r["count"] for r in body["series"]) == len(planned)
    assert {r["key"] for r in body["series"]} == {"planned"}


@pytest.fixture(scope="module")
def string_ids_client(sample_db, tmp_path_factory):
    """The sample database with actor ids stored as comma-joined text instead of lists."""
    import duckdb
    from fastapi.testclient import TestClient

    from rasd.api import create_app

    path = tmp_path_factory.mktemp("string-ids") / "sample.duckdb"
    con = duckdb.connect(str(path))
    con.execute(f"ATTACH '{sample_db}' AS src (READ_ONLY)")
    con.execute("CREATE TABLE documents AS SELECT * FROM src.documents")
    con.execute("CREATE TABLE events AS SELECT * REPLACE (array_to_string(source_ids, ',') AS source_ids, "
                "array_to_string(target_ids, ',') AS target_ids) FROM src.events")
    con.close()
    with TestClient(create_app(path)) as c:
        yield c


@pytest.mark.parametrize("params", [{}, {"as": "source"}, {"status": "occurred"}, {"name": "الامن"}])
def test_string_id_columns_give_the_same_actors(client, string_ids_client, params):
    assert client.get("/api/actors", params=params).json() == \
        string_ids_client.get("/api/actors", params=params).json()


@pytest.mark.parametrize("params", [{"actor": "SYR.REB"}, {"actor": ["YEM.CVL", "UNSC"], "role": "target"}])
def test_string_id_columns_filter_the_same_events(client, string_ids_client, params):
    ids = lambda c: {e["event_id"] for e in c.get("/api/events", params=params).json()["events"]}  # noqa: E731
    assert ids(client) == ids(string_ids_client) and ids(client)
