"""One event for one happening: repeated mentions merge and keep all their evidence."""
from __future__ import annotations

from events_kb import extract, ids


def test_repeated_report_of_one_strike_is_one_event():
    text = ("شنت الطائرات الروسية غارات على إدلب.\n"
            "وأسفرت الغارات عن مقتل عشرة مدنيين.")
    events = [e for e in extract(text) if e.type == "ASSAULT"]
    assert len(events) == 1
    assert {m.trigger for m in events[0].more_evidence} == {"الغارات", "مقتل"}
    assert ids(events[0].source) == {"RUS"} and ids(events[0].target) == {"CIVILIANS"}


def test_killing_and_strike_in_one_sentence_are_one_event_with_the_strike_as_evidence():
    events = extract("قتل عشرة مدنيين في غارات روسية على إدلب.")
    assert len(events) == 1
    e = events[0]
    assert e.mode == "aerial" and "غارات" in e.evidence.trigger
    assert ids(e.source) == {"RUS"} and ids(e.target) == {"CIVILIANS"}


def test_different_places_stay_different_events():
    text = "قصفت الطائرات الروسية إدلب. وقصفت المدفعية التركية عفرين."
    events = [e for e in extract(text) if e.type == "ASSAULT"]
    assert len(events) == 2


def test_different_statuses_stay_different_events():
    text = "نفى الجيش الإسرائيلي قصف المستشفى، وقال إن الاشتباكات مستمرة في غزة."
    assert sorted(e.status for e in extract(text)) == ["denied", "ongoing"]


def test_contacts_merge_across_sentences_when_they_share_an_actor():
    text = ("كشفت مصادر عن اتصالات تجريها القاهرة مع عدة دول.\n"
            "وأشارت المصادر إلى أن القاهرة أجرت اتصالات بفرنسا وإيطاليا.")
    events = [e for e in extract(text) if e.type == "CONSULT"]
    assert len(events) == 1
    e = events[0]
    assert e.status == "occurred"  # the perfect outweighs the imperfective report
    assert {"FRA", "ITA"} <= ids(e.target) and ids(e.source) == {"EGY.GOV"}


def test_the_steps_of_a_foiled_plot_are_one_foiled_event():
    text = ("أحبطت الأجهزة الأمنية المصرية خططا للسيطرة على معسكرات الجيش المصري "
            "واغتيال قيادات عسكرية واستهداف رموز إعلامية.")
    events = extract(text)
    assert [(e.type, e.status) for e in events] == [("ASSAULT", "foiled")]
    assert "EGY.MIL" in ids(events[0].target)


def test_an_agreement_that_contacts_produced_takes_their_actors():
    text = ("أجرت القاهرة اتصالات مع فرنسا.\n"
            "وأسفرت الاتصالات عن اتفاق على تنسيق الجهود.")
    agree = [e for e in extract(text) if e.type == "AGREE"][0]
    assert ids(agree.source) == {"EGY.GOV"}


def test_event_ids_are_stable_and_distinct():
    text = "شنت الطائرات الروسية غارات على إدلب. واعتقلت الشرطة المصرية عشرة أشخاص."
    a = [e.event_id for e in extract(text)]
    b = [e.event_id for e in extract(text)]
    assert a == b and len(set(a)) == len(a)
