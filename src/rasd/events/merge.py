"""One event for one happening: repeated mentions within a document merge, keeping all evidence.

Two mentions merge when they have the same type, compatible statuses (equal, or occurred with
ongoing), no conflicting actors, places or modes, and something ties them: the same sentence,
a shared actor, or a definite noun that refers back ("الاتصالات" after "أجرت اتصالات").
The steps of a foiled plot (السيطرة على ... واغتيال ... واستهداف) are one foiled event.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..model import ActorRef, Attribution, Casualties, Evidence, LocationRef, TimeRef

_COMPATIBLE_STATUS = {frozenset({"occurred", "ongoing"})}
_SEVERITY = {"ASSAULT": 2, "COERCE": 1}


@dataclass(slots=True)
class Candidate:
    """An event mention before merging and record building."""

    sentence: int
    type: str
    mode: str | None
    cameo: str | None
    status: str
    status_cue: str  # id of the cue that decided the status ("" for tense/default)
    source: list[ActorRef]
    target: list[ActorRef]
    location: LocationRef | None
    location_inferred: bool
    time: TimeRef
    casualties: Casualties
    attribution: Attribution
    evidence: Evidence
    confidence: float
    rule: str
    definite: bool  # a definite noun trigger (الهجوم، الاتصالات): may refer back
    cue_first: int = -1  # token of the governing cue (coordinated triggers under one cue)
    result_of: "Candidate | None" = None  # "X أسفرت عن Y": Y inherits X's actors
    more: list[Evidence] = field(default_factory=list)
    merged_into: "Candidate | None" = None
    reaction_to: "Candidate | None" = None  # "أدانت X الضربات": the strikes' authors are its target
    place_countries: frozenset[str] = frozenset()  # of the places its sentence names (no fallback across)

    def root(self) -> "Candidate":
        c = self
        while c.merged_into is not None:
            c = c.merged_into
        return c


def _ids(refs: list[ActorRef]) -> set[str]:
    return {r.id for r in refs if r.id}


def _status_ok(a: str, b: str) -> bool:
    return a == b or frozenset({a, b}) in _COMPATIBLE_STATUS


def _actors_conflict(a: Candidate, b: Candidate) -> bool:
    for x, y in ((a.source, b.source), (a.target, b.target)):
        xi, yi = _ids(x), _ids(y)
        if xi and yi and not xi & yi:
            return True
    return False


def _place_conflict(a: Candidate, b: Candidate) -> bool:
    la, lb = a.location, b.location
    if la is None or lb is None or a.location_inferred or b.location_inferred:
        return False
    if la.id and lb.id and la.id != lb.id:
        if la.precision == "country" or lb.precision == "country":
            return la.country != lb.country
        return True
    return False


def _shares_actor(a: Candidate, b: Candidate, generic: frozenset[str] = frozenset()) -> bool:
    return bool(((_ids(a.source) | _ids(a.target)) & (_ids(b.source) | _ids(b.target))) - generic)


def _mergeable(prev: Candidate, new: Candidate, generic: frozenset[str]) -> bool:
    same_plot = (new.sentence == prev.sentence and new.status == prev.status == "foiled"
                 and new.cue_first == prev.cue_first and new.type in _SEVERITY and prev.type in _SEVERITY)
    if new.type != prev.type and not same_plot:
        return False
    if not _status_ok(prev.status, new.status):
        return False
    if _actors_conflict(prev, new) or _place_conflict(prev, new):
        return False
    if prev.mode and new.mode and prev.mode != new.mode and not same_plot:
        return False
    if new.sentence == prev.sentence:
        return same_plot or new.cue_first == prev.cue_first or _shares_actor(prev, new) or (
            not (new.source or new.target) or not (prev.source or prev.target))
    if _shares_actor(prev, new, generic):
        return True
    return new.definite and not (new.source or new.target)


_CONSEQUENCE_RULES = ("assault.qatala.kill", "assault.maqtal", "assault.qatl")


def _rank(c: Candidate) -> int:
    """How well a mention names the happening: a weapon-specific noun beats "قتل"."""
    rank = 1 if c.mode else 0
    if any(f"/{r}=" in c.rule for r in _CONSEQUENCE_RULES):
        rank -= 2
    return rank


def _absorb(into: Candidate, c: Candidate) -> None:
    """Fold candidate ``c`` into ``into``: union of actors, first non-empty of the rest."""
    if c.type == into.type and _rank(c) > _rank(into):
        # "قتل خمسة في غارة": the strike, not the killing, is the event's evidence
        into.evidence, c.evidence = c.evidence, into.evidence
        into.rule, c.rule = c.rule, into.rule
    if _SEVERITY.get(c.type, 0) > _SEVERITY.get(into.type, 0):
        # a foiled plot is typed, and evidenced, by its most severe step
        into.type, into.mode, into.cameo = c.type, c.mode, c.cameo
        into.evidence, c.evidence = c.evidence, into.evidence
        into.rule, c.rule = c.rule, into.rule
    for mine, theirs in ((into.source, c.source), (into.target, c.target)):
        have = {(r.id, r.text) for r in mine}
        for r in theirs:
            if (r.id, r.text) not in have and not (r.id and r.id in _ids(mine)):
                mine.append(r)
    if (into.location is None or into.location_inferred) and c.location is not None and not c.location_inferred:
        into.location, into.location_inferred = c.location, False
    elif into.location is None and c.location is not None:
        into.location, into.location_inferred = c.location, c.location_inferred
    if into.time.date is None and c.time.date is not None:
        into.time = c.time
    if not into.casualties.any() and c.casualties.any():
        into.casualties = c.casualties
    if into.attribution.kind == "none" and c.attribution.kind != "none":
        into.attribution = c.attribution
    if into.mode is None and c.mode:
        into.mode, into.cameo = c.mode, c.cameo
    if into.status != c.status and "occurred" in (into.status, c.status):
        into.status = "occurred"  # a perfect report outweighs an imperfective one
    into.more.append(c.evidence)
    into.more.extend(c.more)
    into.confidence = min(0.97, max(into.confidence, c.confidence) + 0.03)
    c.merged_into = into


def merge_candidates(cands: list[Candidate], generic: frozenset[str] = frozenset()) -> list[Candidate]:
    """Merge repeated mentions (in text order); result-linked events then inherit actors."""
    kept: list[Candidate] = []
    seen: list[Candidate] = []
    for c in cands:
        target = None
        for prev in reversed(seen):  # an absorbed mention still ties its sentence to its event
            if not _mergeable(prev, c, generic):
                continue  # (most pairs: their root is not looked up)
            root = prev.root()
            if root is prev or _mergeable(root, c, generic) or prev.sentence == c.sentence:
                target = root
                break
        seen.append(c)
        if target is None:
            kept.append(c)
        else:
            _absorb(target, c)
    for c in cands:
        if c.reaction_to is not None:
            root, origin = c.root(), c.reaction_to.root()
            if not root.target and origin is not root:
                mine = _ids(root.source)
                root.target.extend(r for r in origin.source if not (r.id and r.id in mine))
    for c in kept:
        if c.result_of is not None and not c.source:
            origin = c.result_of.root()
            c.source.extend(origin.source)
            c.target.extend(r for r in origin.target if r not in c.target)
            if c.attribution.kind == "none":
                c.attribution = origin.attribution
    return kept


__all__ = ["Candidate", "merge_candidates"]
