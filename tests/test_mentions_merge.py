"""Joining tagged mentions to the knowledge base's: the knowledge base wins on overlap."""
from __future__ import annotations

import pytest

from rasd.mentions import merge_mentions
from rasd.model import Actor, Mention, Place

TEXT = "قال وزير الخارجية سامح شكري في القاهرة إن حركة النهضة الجديدة ستشارك في مؤتمر برلين ."
EGYPT_MFA = Actor("EGY.GOV", "Egyptian Ministry of Foreign Affairs", "وزارة الخارجية المصرية", "ministry", "EGY")
CAIRO = Place("geonames:360630", "Cairo", "القاهرة", "EGY", "Cairo", 30.06, 31.25, "city", 9_606_916)
BERLIN = Place("geonames:2950159", "Berlin", "برلين", "DEU", "Berlin", 52.52, 13.41, "city", 3_426_354)


def span(text: str, label: str, source: str = "ner", **extra) -> Mention:
    start = TEXT.index(text)
    return Mention(start, start + len(text), text, label, source=source, **extra)


class PlacesOnly:
    """A knowledge base that can resolve place names and nothing else."""

    def resolve_place(self, name: str) -> Place | None:
        return {"برلين": BERLIN, "القاهرة": CAIRO}.get(name)


class NoPlaces:
    """A knowledge base from before place resolution existed."""


@pytest.mark.parametrize("known, tagged, expected", [
    # the gazetteer's Cairo wins over the tagger's; the unknown person is added
    ([span("القاهرة", "GPE", "gazetteer", place=CAIRO)],
     [span("سامح شكري", "PER"), span("القاهرة", "LOC")],
     [("سامح شكري", "PER", "ner"), ("القاهرة", "GPE", "gazetteer")]),
    # a tagged span that only partly overlaps a known one is dropped too
    ([span("وزير الخارجية", "ORG", "gazetteer", actor=EGYPT_MFA)],
     [span("الخارجية سامح شكري", "PER")],
     [("وزير الخارجية", "ORG", "gazetteer")]),
    # a known span nested inside another: the tagged mention inside both still loses
    ([span("حركة النهضة الجديدة", "ORG", "gazetteer"), span("النهضة", "ORG", "gazetteer")],
     [span("النهضة الجديدة", "ORG")],
     [("حركة النهضة الجديدة", "ORG", "gazetteer"), ("النهضة", "ORG", "gazetteer")]),
    # nothing known: every tagged mention stays, in text order
    ([], [span("برلين", "LOC"), span("سامح شكري", "PER")],
     [("سامح شكري", "PER", "ner"), ("برلين", "LOC", "ner")]),
    # adjacent, not overlapping: both stay
    ([span("سامح شكري", "PER", "gazetteer")], [span("في القاهرة", "LOC")],
     [("سامح شكري", "PER", "gazetteer"), ("في القاهرة", "LOC", "ner")]),
])
def test_merge_keeps_knowledge_on_overlap(known, tagged, expected):
    merged = merge_mentions(known, tagged, PlacesOnly(), TEXT)
    assert [(m.text, m.label, m.source) for m in merged] == expected


@pytest.mark.parametrize("label, actor_type", [("PER", "person"), ("ORG", "organization")])
def test_unknown_person_or_organisation_becomes_an_unresolved_actor(label, actor_type):
    tagged = [span("حركة النهضة الجديدة" if label == "ORG" else "سامح شكري", label)]
    (m,) = merge_mentions([], tagged, PlacesOnly(), TEXT)
    assert m.actor == Actor(id=None, name=m.text, name_ar=m.text, type=actor_type, country=None)
    assert m.place is None


def test_unknown_location_gets_a_place_when_the_knowledge_base_resolves_it():
    (berlin,) = merge_mentions([], [span("برلين", "LOC")], PlacesOnly(), TEXT)
    assert berlin.place == BERLIN and berlin.actor is None


@pytest.mark.parametrize("knowledge", [PlacesOnly(), NoPlaces()])
def test_unresolvable_location_stays_without_place(knowledge):
    (m,) = merge_mentions([], [span("مؤتمر برلين", "LOC")], knowledge, TEXT)
    assert m.place is None and m.actor is None


def test_misc_mentions_are_kept_without_actor_or_place():
    (m,) = merge_mentions([], [span("مؤتمر برلين", "MISC")], PlacesOnly(), TEXT)
    assert (m.label, m.actor, m.place) == ("MISC", None, None)


def test_merge_does_not_change_its_inputs():
    tagged = [span("سامح شكري", "PER")]
    merge_mentions([], tagged, PlacesOnly(), TEXT)
    assert tagged[0].actor is None


def test_no_tagged_mentions_returns_the_known_ones():
    known = [span("القاهرة", "GPE", "gazetteer", place=CAIRO)]
    assert merge_mentions(known, [], PlacesOnly(), TEXT) == known


class CountryAware:
    """A knowledge base whose place lookup needs the document's countries to decide."""

    def __init__(self):
        self.asked: list[tuple[str, tuple[str, ...]]] = []

    def resolve_place(self, name: str, countries: tuple[str, ...] = ()) -> Place | None:
        self.asked.append((name, countries))
        return BERLIN if "DEU" in countries else None


def test_place_lookup_is_told_the_countries_of_known_mentions():
    kb = CountryAware()
    known = [span("القاهرة", "GPE", "gazetteer", place=CAIRO),
             span("سامح شكري", "PER", "gazetteer",
                  actor=Actor("DEU.GOV", "x", "x", "government", "DEU"))]
    merged = merge_mentions(known, [span("برلين", "LOC")], kb, TEXT)
    assert kb.asked == [("برلين", ("DEU", "EGY"))]
    assert [m.place for m in merged if m.source == "ner"] == [BERLIN]


@pytest.mark.parametrize("label, gains", [("PER", "actor"), ("ORG", "actor"), ("LOC", "place"), ("MISC", None)])
def test_a_kept_tagged_mention_carries_every_other_field_over(label, gains):
    tagged = Mention(TEXT.index("برلين"), TEXT.index("برلين") + len("برلين"), "برلين", label,
                     source="ner", sentence=3, title="السيد")
    merged = merge_mentions([], [tagged], PlacesOnly(), TEXT)
    assert len(merged) == 1 and merged[0] is not tagged
    before, after = tagged.as_dict(), merged[0].as_dict()
    for field, value in before.items():
        if field != gains:
            assert after[field] == value, field
    assert (after[gains] is not None) if gains else after == before


def test_rasd_knowledge_is_told_the_countries_of_known_mentions():
    from rasd.knowledge import Knowledge

    class Recording(Knowledge):
        """rasd's knowledge base, recording what the merge asks it (no data needed)."""

        def __init__(self):
            self.asked: list[tuple[str, tuple[str, ...]]] = []

        def resolve_place(self, text: str, countries: tuple[str, ...] = ()) -> Place | None:
            self.asked.append((text, countries))
            return BERLIN

    kb = Recording()
    known = [span("القاهرة", "GPE", "gazetteer", place=CAIRO)]
    merged = merge_mentions(known, [span("برلين", "LOC")], kb, TEXT)
    assert kb.asked == [("برلين", ("EGY",))]
    assert [m.place for m in merged if m.source == "ner"] == [BERLIN]
