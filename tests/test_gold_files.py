"""The event gold set (eval/gold) is internally consistent: every gold string is in its article."""
from __future__ import annotations

import datetime
import re
from pathlib import Path

import pytest
import yaml

GOLD_DIR = Path(__file__).resolve().parents[1] / "eval" / "gold"
GOLD_FILES = sorted(GOLD_DIR.glob("*.gold.yaml"))

PLOVER_TYPES = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
                "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}
STATUSES = {"occurred", "ongoing", "planned", "threatened", "alleged", "denied", "foiled", "negated",
            "hypothetical"}
ATTRIBUTION_KINDS = {"named", "anonymous", "outlet", "none"}
CASUALTY_KEYS = {"killed", "injured", "abducted", "arrested"}
PLACE_KINDS = {"site", "city", "admin1", "country", "region"}
TIME_PRECISIONS = {"day", "week", "month", "year", "unknown"}
ACTOR_ID = re.compile(r"^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$")
COUNTRY = re.compile(r"^[A-Z]{3}$")


def _load(path: Path) -> tuple[dict, str, str]:
    """Return the gold, the whole page text and the article body delimited by the gold."""
    gold = yaml.safe_load(path.read_text(encoding="utf-8"))
    page = path.with_name(path.name.replace(".gold.yaml", ".txt")).read_text(encoding="utf-8")
    doc = gold["document"]
    start = page.index(doc["body_starts_with"])
    end = page.index(doc["body_ends_with"], start) + len(doc["body_ends_with"])
    return gold, page, page[start:end]


def test_gold_set_is_not_empty():
    assert len(GOLD_FILES) >= 40, f"expected the gold set in {GOLD_DIR}"


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.name)
def test_document_block_matches_page(path):
    gold = yaml.safe_load(path.read_text(encoding="utf-8"))
    page = path.with_name(path.name.replace(".gold.yaml", ".txt")).read_text(encoding="utf-8")
    doc = gold["document"]
    lines = [line.strip() for line in page.splitlines()]
    assert lines[0] == doc["title"], "the first line of the page is the title"
    assert doc["published"] is None or isinstance(doc["published"], datetime.date)
    start = page.find(doc["body_starts_with"])
    assert start >= 0 and (start == 0 or page[start - 1] == "\n"), "body_starts_with opens a line"
    end = page.find(doc["body_ends_with"], start)
    assert end > start, "body_ends_with comes after body_starts_with"
    after = end + len(doc["body_ends_with"])
    assert after == len(page) or page[after] == "\n", "body_ends_with closes a line"
    for heading in doc.get("headings") or []:
        assert heading in lines[1:], f"heading {heading!r} is not a line of the page"
    for line in doc.get("boilerplate") or []:
        assert line in lines, f"boilerplate {line!r} is not a line of the page"
        assert line not in page[start:after].splitlines(), f"boilerplate {line!r} inside the body"
    assert page[start:after].count(doc["title"]) == doc.get("title_lines_in_body", 0)


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.name)
def test_actor_and_place_forms_occur_in_body(path):
    gold, _, body = _load(path)
    for actor_id, actor in gold["actors"].items():
        assert ACTOR_ID.match(actor_id), f"actor id {actor_id} is not an UPPER_SNAKE slug"
        assert actor.get("country") is None or COUNTRY.match(actor["country"]), actor_id
        assert actor.get("forms"), f"{actor_id} has no surface forms"
        for form in actor["forms"]:
            assert form in body, f"actor {actor_id} form {form!r} is not in the body"
    for place in gold["places"]:
        assert place["form"] in body, f"place form {place['form']!r} is not in the body"
        assert place["kind"] in PLACE_KINDS
        assert place.get("country") is None or COUNTRY.match(place["country"]), place["form"]
        if place["kind"] in {"site", "city", "admin1"}:
            assert -90 <= place["lat"] <= 90 and -180 <= place["lon"] <= 180
            assert place.get("country"), f"place {place['form']!r} needs a country"


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.name)
def test_events_are_well_formed_and_anchored(path):
    gold, _, body = _load(path)
    place_forms = {place["form"] for place in gold["places"]}
    ids = [event["id"] for event in gold["events"]]
    assert len(ids) == len(set(ids)), "event ids are unique within a document"
    for event in gold["events"]:
        where = f"event {event['id']}"
        assert event["type"] in PLOVER_TYPES, where
        assert event["status"] in STATUSES, where
        assert event["trigger"] in body, f"{where}: trigger {event['trigger']!r} is not in the body"
        assert body.count(event["trigger"]) == 1, f"{where}: trigger {event['trigger']!r} names no single sentence"
        for role in ("source", "target"):
            for actor_id in event.get(role) or []:
                assert actor_id in gold["actors"], f"{where}: unknown {role} {actor_id}"
        if event.get("location") is not None:
            assert event["location"] in place_forms, f"{where}: location is not a listed place form"
        attribution = event.get("attribution")
        if attribution:
            assert attribution["kind"] in ATTRIBUTION_KINDS, where
            if attribution.get("text"):
                assert attribution["text"] in body, f"{where}: attribution text not in the body"
        time = event.get("time")
        if time:
            assert time["expression"] in body, f"{where}: time expression not in the body"
            if gold["document"]["published"] is None:
                assert time.get("relative") is True and "date" not in time, f"{where}: undated page, unresolved time"
            else:
                assert time.get("precision") in TIME_PRECISIONS, f"{where}: time needs a precision"
                assert isinstance(time.get("date"), datetime.date) or time["precision"] == "unknown", where
        for key, value in (event.get("casualties") or {}).items():
            assert key in CASUALTY_KEYS and isinstance(value, int) and value >= 0, where
    credited = {(event["type"], event["trigger"]) for event in gold["events"]}
    for extra in gold.get("optional") or []:
        assert extra["type"] in PLOVER_TYPES and extra["status"] in STATUSES
        assert (extra["type"], extra["trigger"]) not in credited, f"optional {extra} duplicates a gold event"
        assert extra["trigger"] in body, f"optional trigger {extra['trigger']!r} is not in the body"


def test_gold_set_covers_every_type_and_status():
    types, statuses = {}, {}
    for path in GOLD_FILES:
        for event in yaml.safe_load(path.read_text(encoding="utf-8"))["events"]:
            types[event["type"]] = types.get(event["type"], 0) + 1
            statuses[event["status"]] = statuses.get(event["status"], 0) + 1
    assert {t for t, n in types.items() if n >= 3} == PLOVER_TYPES
    assert {s for s, n in statuses.items() if n >= 3} == STATUSES
