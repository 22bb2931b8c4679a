"""Joining the tagger's mentions to the knowledge base's.

The knowledge base knows ids, countries and coordinates, so its mentions win wherever the
two overlap. A tagged span it does not cover is kept: a person or organisation becomes an
unresolved actor (no id, typed by the tagger's label), a location is looked up as a place
when the knowledge base can resolve place names (told the countries the document's known
mentions belong to, to settle names several countries share).
"""
from __future__ import annotations

from bisect import bisect_right
import inspect
from collections.abc import Callable, Sequence
from operator import attrgetter

from .knowledge import Knowledge
from .model import Actor, Mention, Place

# The actor type an unresolved tagged mention gets, by label.
ACTOR_TYPES = {"PER": "person", "ORG": "organization"}


def _covered(spans: Sequence[tuple[int, int]], starts: list[int], start: int, end: int) -> bool:
    """Whether [start, end) overlaps any of the sorted, non-nested ``spans``."""
    i = bisect_right(starts, start)
    # the span starting at or before `start`, and the spans starting inside [start, end)
    for j in range(max(0, i - 1), len(spans)):
        s, e = spans[j]
        if s >= end:
            break
        if e > start and s < end:
            return True
    return False


def _place_resolver(knowledge, known: list[Mention]) -> Callable[[str], Place | None]:
    """The knowledge base's place lookup, told the document's countries when it takes them
    (they settle names several countries share); a lookup that finds nothing without one."""
    resolve = getattr(knowledge, "resolve_place", None)
    if resolve is None:
        return lambda text: None
    if not _takes_countries(knowledge, resolve):
        return resolve
    ordered: tuple[str, ...] | None = None

    def resolve_in_countries(text: str) -> Place | None:
        nonlocal ordered
        if ordered is None:  # gathered at the first tagged place (most documents have none)
            ordered = _countries(known)
        return resolve(text, ordered)

    return resolve_in_countries


def _countries(known: list[Mention]) -> tuple[str, ...]:
    """The countries of the known mentions' places and actors, sorted."""
    countries = set()
    for m in known:
        if m.place is not None and m.place.country:
            countries.add(m.place.country)
        if m.actor is not None and m.actor.country:
            countries.add(m.actor.country)
    return tuple(sorted(countries))


def _takes_countries(knowledge, resolve: Callable[..., Place | None]) -> bool:
    """Whether ``resolve`` takes the document's countries."""
    if isinstance(knowledge, Knowledge):
        return True  # rasd's own: inspect.signature on every document costs more than the merge
    try:
        return "countries" in inspect.signature(resolve).parameters
    except (TypeError, ValueError):
        return False


def _resolve_unknown(mention: Mention, resolve_place: Callable[[str], Place | None]) -> Mention:
    """Give a tagged mention what can be known without the knowledge base recognising it."""
    actor_type = ACTOR_TYPES.get(mention.label)
    if actor_type is not None:
        actor = Actor(id=None, name=mention.text, name_ar=mention.text, type=actor_type, country=None)
        return _copy(mention, actor, mention.place)
    if mention.label in ("LOC", "GPE", "FAC"):
        place = resolve_place(mention.text)
        if place is not None:
            return _copy(mention, mention.actor, place)
    return _copy(mention, mention.actor, mention.place)


def _copy(m: Mention, actor: Actor | None, place: Place | None) -> Mention:
    """A copy of ``m`` with this actor and place (dataclasses.replace costs several times more)."""
    return Mention(m.start, m.end, m.text, m.label, actor, place, m.source, m.sentence, m.title)


def merge_mentions(known: list[Mention], tagged: list[Mention], knowledge, text: str) -> list[Mention]:
    """Knowledge-base mentions plus the tagged ones they do not overlap, in text order."""
    if not tagged:
        return known
    spans = sorted((m.start, m.end) for m in known)
    # an overlap test against possibly nested spans: merge them into disjoint runs first
    runs: list[tuple[int, int]] = []
    for s, e in spans:
        if runs and s < runs[-1][1]:
            runs[-1] = (runs[-1][0], max(runs[-1][1], e))
        else:
            runs.append((s, e))
    starts = [s for s, _ in runs]
    resolve_place = _place_resolver(knowledge, known)
    extra = [_resolve_unknown(m, resolve_place) for m in tagged
             if m.end > m.start and text[m.start:m.end].strip()
             and not _covered(runs, starts, m.start, m.end)]
    # in (start, -end) order: two stable sorts on plain attributes cost less than a tuple key
    merged = sorted(known + extra, key=attrgetter("end"), reverse=True)
    merged.sort(key=attrgetter("start"))
    return merged


__all__ = ["merge_mentions", "ACTOR_TYPES"]
