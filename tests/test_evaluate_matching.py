"""The event scorer on small hand-built gold files and predictions whose right score is known."""
from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from rasd.evaluate import evaluate_gold, format_report, read_must_not
from rasd.model import (ActorRef, Analysis, Attribution, Casualties, Event, Evidence, LocationRef,
                        TimeRef)

TEXT = (
    "غارات على المدينة\n\n"
    "شنت طائرات الجيش الليبي غارات جوية على مواقع مجلس شورى مجاهدي درنة فجر اليوم، ما أسفر عن مقتل سبعة.\n\n"
    "وقال مصدر عسكري مصري إن القاهرة لم تشارك في القصف.\n\n"
    "ودعا المبعوث الأممي الأطراف إلى ضبط النفس.\n"
)
S1 = "شنت طائرات الجيش الليبي غارات جوية على مواقع مجلس شورى مجاهدي درنة فجر اليوم، ما أسفر عن مقتل سبعة."
S2 = "وقال مصدر عسكري مصري إن القاهرة لم تشارك في القصف."
S3 = "ودعا المبعوث الأممي الأطراف إلى ضبط النفس."

GOLD = {
    "document": {"title": "غارات على المدينة", "published": None, "boilerplate": []},
    "actors": {
        "LBY_MIL": {"type": "military", "country": "LBY", "forms": ["الجيش الليبي"]},
        "DERNA_SHURA": {"type": "armed_group", "country": "LBY", "forms": ["مجلس شورى مجاهدي درنة"]},
        "EGY": {"type": "state", "country": "EGY", "forms": ["القاهرة"]},
        "UN": {"type": "igo", "forms": ["المبعوث الأممي"]},
    },
    "places": [{"form": "درنة", "country": "LBY", "kind": "city", "lat": 32.76, "lon": 22.64},
               {"form": "ليبيا", "country": "LBY", "kind": "country"}],
    "events": [
        {"id": "strikes", "type": "ASSAULT", "status": "occurred", "source": ["LBY_MIL"],
         "target": ["DERNA_SHURA"], "trigger": "غارات جوية", "location": "درنة",
         "time": {"expression": "فجر اليوم", "relative": True}, "casualties": {"killed": 7}},
        {"id": "egypt-denied", "type": "ASSAULT", "status": "denied", "source": ["EGY"],
         "trigger": "تشارك", "location": None},
        {"id": "un-call", "type": "REQUEST", "status": "occurred", "source": ["UN"], "trigger": "ودعا"},
    ],
    "must_not": [
        "an ASSAULT with status occurred and source EGY (the Egyptian part is denied)",
        "a COERCE with status occurred located in درنة",
        "an event from the repeated title lines",
        "a dated event (the page has no date)",
        "an AID from the army to the tribes with status occurred",
    ],
    "optional": [{"type": "ASSAULT", "trigger": "القصف", "status": "denied"}],
}


def _actor(actor_id, country, text, kind="military"):
    return ActorRef(actor_id, actor_id or text, text, kind, country, text, (0, len(text)))


def _place(name, country, lat, lon):
    return LocationRef(name, name, name, country, None, lat, lon, "city", name, (0, len(name)))


def _event(type_, status, sentence, trigger, source=(), target=(), location=None, date=None,
           casualties=None, more=()):
    start = TEXT.index(sentence)
    t0 = start + sentence.index(trigger)
    return Event(
        event_id=f"{type_}-{trigger}", doc_id="d", url=None, outlet=None, published=None, type=type_,
        mode=None, cameo=None, acled=None, status=status, source=list(source), target=list(target),
        location=location, time=TimeRef(date, "day" if date else "unknown", "", None),
        casualties=casualties or Casualties(), attribution=Attribution("none"),
        evidence=Evidence(sentence, (start, start + len(sentence)), trigger, (t0, t0 + len(trigger))),
        confidence=0.5, rule="test",
        more_evidence=[Evidence(s, (0, len(s)), "", (0, 0)) for s in more])


class FixedPipeline:
    """Returns the given events for every document: the scorer is what is under test."""

    def __init__(self, events):
        self.events = events

    def __call__(self, document):
        return Analysis(document, [], [], [], self.events)


@pytest.fixture()
def gold_dir(tmp_path: Path) -> Path:
    (tmp_path / "001_test.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "001_test.gold.yaml").write_text(yaml.safe_dump(GOLD, allow_unicode=True), encoding="utf-8")
    return tmp_path


def _score(gold_dir, events, verbose=False):
    return evaluate_gold(gold_dir, verbose=verbose, pipeline=FixedPipeline(events))


def test_perfect_predictions_score_one(gold_dir):
    events = [
        _event("ASSAULT", "occurred", S1, "غارات", [_actor("LBY.MIL", "LBY", "الجيش الليبي")],
               [_actor("SHURA_DERNA", "LBY", "مجلس شورى مجاهدي درنة", "armed_group")],
               _place("درنة", "LBY", 32.77, 22.63), casualties=Casualties(killed=7)),
        _event("ASSAULT", "denied", S2, "تشارك", [_actor("EGY.GOV", "EGY", "القاهرة", "government")]),
        _event("REQUEST", "occurred", S3, "ودعا", [_actor("UN", None, "المبعوث الأممي", "igo")]),
    ]
    r = _score(gold_dir, events)
    assert (r["precision"], r["recall"], r["f1"]) == (1.0, 1.0, 1.0)
    assert r["status_accuracy"] == 1.0
    assert r["actor_accuracy"] == 1.0  # LBY.MIL by id, SHURA_DERNA by form, EGY.GOV by country
    assert r["location_accuracy"] == 1.0
    assert r["casualty_accuracy"] == 1.0
    assert r["must_not"]["violations"] == []


def test_wrong_type_is_a_miss_and_a_false_positive(gold_dir):
    events = [_event("COERCE", "occurred", S1, "غارات")]
    r = _score(gold_dir, events)
    assert r["counts"]["matched"] == 0
    assert r["counts"]["false_positives"] == 1
    assert (r["precision"], r["recall"]) == (0.0, 0.0)


def test_one_to_one_matching_counts_a_duplicate_as_false_positive(gold_dir):
    events = [_event("ASSAULT", "occurred", S1, "غارات"), _event("ASSAULT", "occurred", S1, "مقتل")]
    r = _score(gold_dir, events, verbose=True)
    assert r["counts"]["matched"] == 1 and r["counts"]["false_positives"] == 1
    assert r["precision"] == 0.5 and r["recall"] == round(1 / 3, 4)
    # the prediction whose trigger is the gold trigger is the one matched
    assert r["details"][0]["matches"][0]["predicted"]["trigger"] == "غارات"


def test_status_actor_and_location_are_scored_on_matched_pairs(gold_dir):
    events = [
        _event("ASSAULT", "ongoing", S1, "غارات", [_actor("EGY.MIL", "EGY", "الجيش المصري")], [],
               _place("بنغازي", "LBY", 32.12, 20.07)),
        _event("ASSAULT", "denied", S2, "تشارك", [], [], None),
    ]
    r = _score(gold_dir, events)
    assert r["counts"]["matched"] == 2
    assert r["status_accuracy"] == 0.5  # ongoing for occurred, denied right
    assert r["actor_accuracy"] == round(0 / 3, 4)  # LBY_MIL, DERNA_SHURA, EGY: none found
    assert r["location_accuracy"] == 0.0  # Benghazi is ~290 km from Derna; the second has no gold place
    assert r["per_status"]["occurred"]["status_accuracy"] == 0.0
    assert r["status_confusion"] == {"denied->denied": 1, "occurred->ongoing": 1}


@pytest.mark.parametrize("place, ok", [
    (_place("درنة", "LBY", None, None), True),          # same name
    (_place("Derna port", "LBY", 32.75, 22.66), True),  # within 50 km
    (_place("طبرق", "LBY", 32.08, 23.96), False),       # 140 km away
    (_place("بمدينة درنة", "LBY", None, None), True),   # clitics and «مدينة» stripped
])
def test_location_by_name_or_distance(gold_dir, place, ok):
    r = _score(gold_dir, [_event("ASSAULT", "occurred", S1, "غارات", location=place)])
    assert r["location_accuracy"] == (1.0 if ok else 0.0)


def test_gold_trigger_found_in_more_evidence_matches(gold_dir):
    merged = _event("REQUEST", "occurred", S1, "شنت", more=[S3])
    r = _score(gold_dir, [merged])
    assert r["counts"]["matched"] == 1


def test_optional_reading_is_neutral_only_with_its_status(gold_dir):
    neutral = _score(gold_dir, [_event("ASSAULT", "denied", S2, "القصف"),
                                _event("ASSAULT", "denied", S2, "تشارك")])
    # one prediction takes the gold event, the other the optional entry: neither is counted against
    assert neutral["counts"]["false_positives"] == 0 and neutral["counts"]["neutral_optional"] == 1
    assert neutral["precision"] == 1.0
    wrong_status = _score(gold_dir, [_event("COERCE", "occurred", S2, "القصف")])
    assert wrong_status["counts"]["false_positives"] == 1


def test_must_not_violations_are_reported(gold_dir):
    events = [
        _event("ASSAULT", "occurred", S2, "القصف", [_actor("EGY.MIL", "EGY", "القاهرة")]),
        _event("COERCE", "occurred", S1, "غارات", location=_place("درنة", "LBY", 32.76, 22.64),
               date=dt.date(2020, 1, 1)),
        _event("ASSAULT", "occurred", "غارات على المدينة", "غارات"),
    ]
    r = _score(gold_dir, events)
    broken = {v["must_not"].split(" (")[0] for v in r["must_not"]["violations"]}
    assert broken == {
        "a COERCE with status occurred located in درنة",
        "a dated event",
        "an ASSAULT with status occurred and source EGY",
        "an event from the repeated title lines",
    }
    assert r["must_not"]["checked"] == 4 and r["must_not"]["unchecked"] == 1


@pytest.mark.parametrize("line, checkable", [
    ("a SANCTION with status occurred (the EU has imposed nothing)", True),
    ("a CONSULT in Berlin with status occurred (the page is written on the eve)", True),
    ("an ASSAULT with source PKK (Turkey only suggests it)", True),
    ("a dated event (the page has no date)", True),
    ('a resolved calendar date for "ليل الأحد" (the page is undated)', True),
    ("the 60 targets read as 60 casualties", True),
    ("an AID from the army to the tribes with status occurred", False),
    ("an occurred storming of Derna (only threatened)", False),
    ("a ceasefire (RETREAT) with status occurred (it takes effect on Monday)", False),
])
def test_which_must_not_lines_are_read_mechanically(line, checkable):
    assert (read_must_not(line) is not None) is checkable


def test_report_and_cli_json(gold_dir, monkeypatch):
    events = [_event("ASSAULT", "occurred", S1, "غارات")]
    r = _score(gold_dir, events, verbose=True)
    report = format_report(r)
    assert "| precision | 1.000 |" in report and "missed REQUEST occurred «ودعا»" in report
    assert "## 001_test: 1/3 matched, 0 false positives" in report
    assert r["details"][0]["false_positives"] == 0 and len(r["details"][0]["missed_events"]) == 2

    from rasd import cli, pipeline
    monkeypatch.setattr(pipeline, "default_pipeline", lambda *a, **k: FixedPipeline(events))
    out = CliRunner().invoke(cli.main, ["eval", "events", "--gold", str(gold_dir), "--json"])
    assert out.exit_code == 0, out.output
    data = json.loads(out.output)
    for key in ("precision", "recall", "f1", "status_accuracy", "actor_accuracy", "location_accuracy", "details"):
        assert key in data
    assert data["recall"] == round(1 / 3, 4)


def test_seed_text_is_found_in_the_shared_layout(tmp_path):
    (tmp_path / "gold").mkdir()
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "000_x.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "gold" / "000_x.gold.yaml").write_text(yaml.safe_dump(GOLD, allow_unicode=True), encoding="utf-8")
    r = evaluate_gold(tmp_path / "gold" / "000_x.gold.yaml", pipeline=FixedPipeline([]))
    assert r["counts"]["gold_events"] == 3 and r["recall"] == 0.0


def test_missing_article_says_where_to_put_it(tmp_path):
    (tmp_path / "001_lonely.gold.yaml").write_text(yaml.safe_dump(GOLD, allow_unicode=True), encoding="utf-8")
    with pytest.raises(FileNotFoundError, match="001_lonely.txt"):
        evaluate_gold(tmp_path, pipeline=FixedPipeline([]))


@pytest.mark.parametrize("gold_id, predicted, found", [
    ("LBY_MIL", _actor("LBY.MIL", "LBY", "قوات الجيش"), True),                     # same id, "_" = "."
    ("EGY", _actor("EGY.GOV", "EGY", "الحكومة المصرية", "government"), True),      # a state's organ
    ("DERNA_SHURA", _actor("SHURA_DERNA", "LBY", "«مجلس شورى مجاهدي درنة»", "armed_group"), True),  # form
    ("DERNA_SHURA", _actor("LBY.MIL", "LBY", "الجيش الليبي"), False),              # not a state actor
    ("UN", _actor(None, None, "الأممي", "igo"), True),                             # a word of its form
    ("DERNA_SHURA", _actor(None, None, "درنة", "unknown"), False),                 # one word of four
])
def test_actor_matching(tmp_path, gold_id, predicted, found):
    from rasd.evaluate import Gold, actor_found
    gold = Gold(tmp_path / "x.gold.yaml", tmp_path / "x.txt", GOLD["document"], GOLD["actors"], GOLD["places"],
                [], [], [])
    assert actor_found(gold_id, gold, [predicted]) is found


def test_a_generic_word_does_not_stand_for_a_named_actor(tmp_path):
    from rasd.evaluate import Gold, actor_found
    actors = {"ISIS": {"type": "armed_group", "forms": ["تنظيم الدولة الإسلامية"]}}
    gold = Gold(tmp_path / "x.gold.yaml", tmp_path / "x.txt", {}, actors, [], [], [], [])
    assert not actor_found("ISIS", gold, [_actor(None, None, "الدولة", "generic")])
    assert actor_found("ISIS", gold, [_actor(None, None, "الدولة الإسلامية", "armed_group")])


def test_verbose_report_names_the_missed_actors(gold_dir):
    events = [
        _event("ASSAULT", "occurred", S1, "غارات", [_actor("LBY.MIL", "LBY", "الجيش الليبي")], [],
               _place("درنة", "LBY", 32.76, 22.64)),
    ]
    r = _score(gold_dir, events, verbose=True)
    match = r["details"][0]["matches"][0]
    assert match["actors"] == "1/2" and match["actors_missed"] == ["DERNA_SHURA"]
    assert "- actors DERNA_SHURA missed on «غارات جوية»" in format_report(r)
