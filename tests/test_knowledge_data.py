"""The bundled actor files: provenance, coverage, consistent ids, safe aliases."""
from __future__ import annotations

import pytest

from rasd.knowledge import Knowledge
from rasd.knowledge.actors import bundled_files, load_actor_data, read_tsv

AMBIGUOUS_FIRST_NAMES = {"محمد", "أحمد", "علي", "عبد الله", "عبدالله", "حسن", "حسين", "خالد",
                         "عمر", "سعد", "فيصل", "إبراهيم", "يحيى", "خليفة", "صالح", "عباس", "مصطفى"}


@pytest.fixture(scope="module")
def data():
    return load_actor_data()


@pytest.mark.parametrize("name, text", bundled_files())
def test_every_file_states_its_source_licence_and_version(name, text):
    head = "\n".join(line for line in text.splitlines()[:3] if line.startswith("#"))
    assert "source:" in head and "licence:" in head and "version:" in head, name
    assert list(read_tsv(text, name)), name


def test_coverage_meets_the_issue(data):
    by_type: dict[str, int] = {}
    for rec in data.actors.values():
        by_type[rec.actor.type] = by_type.get(rec.actor.type, 0) + 1
    groups = sum(by_type.get(t, 0) for t in ("armed_group", "militia", "political_group"))
    assert groups >= 200
    assert by_type["person"] >= 150
    assert by_type["state"] >= 240
    assert by_type["media"] >= 20 and by_type["igo"] >= 30


def test_types_are_from_one_vocabulary(data):
    allowed = {"state", "government", "military", "police", "security_services", "legislature",
               "ministry", "judiciary", "igo", "ngo", "coalition", "armed_group", "militia",
               "political_group", "person", "media"}
    assert {rec.actor.type for rec in data.actors.values()} <= allowed


def test_leaders_lead_known_actors():
    kb = Knowledge.load()
    for aid, actor in kb.actors.items():
        if actor.leads:
            assert kb.actor(actor.leads) is not None, f"{aid} leads unknown {actor.leads}"


def test_people_are_not_matched_by_a_first_name_alone(data):
    for rec in data.actors.values():
        if rec.actor.type == "person":
            assert not (set(rec.aliases) & AMBIGUOUS_FIRST_NAMES), rec.actor.id


def test_every_country_of_an_actor_is_a_state(data):
    states = {aid for aid, rec in data.actors.items() if rec.actor.type == "state"}
    for rec in data.actors.values():
        if rec.actor.country:
            assert rec.actor.country in states, rec.actor.id


def test_nisbas_of_two_states_never_collide(data):
    owner: dict[str, str] = {}
    for aid, rec in data.actors.items():
        for form in rec.nisba_forms:
            assert owner.setdefault(form, aid) == aid, f"{form}: {owner[form]} and {aid}"
