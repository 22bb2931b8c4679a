"""Building the Event record: stable id, CAMEO and ACLED codes, confidence, rule."""
from __future__ import annotations

from ..model import Document, Event, stable_id
from .lexicon import Lexicon
from .merge import Candidate

_NOT_HAPPENED = frozenset({"planned", "threatened", "negated", "denied", "hypothetical"})
_CIVILIAN_TYPES = frozenset({"civilians", "generic_civilians", "civilian"})
_STATE_FORCES = frozenset({"state", "government", "military", "police", "security_services", "ministry"})


def acled_of(lex: Lexicon, c: Candidate) -> tuple[str | None, dict[str, str] | None]:
    """(CAMEO, ACLED {event_type, sub_event_type}) for a candidate's type, mode and actors."""
    row = lex.acled.get((c.type, c.mode or "*")) or lex.acled.get((c.type, "*"))
    cameo = c.cameo or (row[0] if row else None)
    if c.status == "foiled" and c.type in ("ASSAULT", "COERCE"):
        return cameo, {"event_type": "Strategic developments", "sub_event_type": "Disrupted weapons use"}
    if c.status in _NOT_HAPPENED:
        return cameo, None  # ACLED codes what happened
    if row is None or row[1] is None:
        return cameo, None
    event_type, sub = row[1], row[2] or "Other"
    if c.type == "ASSAULT" and c.target and all(t.type in _CIVILIAN_TYPES for t in c.target):
        if event_type == "Battles":
            event_type, sub = "Violence against civilians", "Attack"
    if c.type == "COERCE" and c.mode == "seize" and c.source and c.source[0].type in _STATE_FORCES:
        sub = "Government regains territory"
    if c.type == "PROTEST" and c.status == "foiled":
        sub = "Protest with intervention"
    return cameo, {"event_type": event_type, "sub_event_type": sub}


def build_event(document: Document, lex: Lexicon, c: Candidate, version: str) -> Event:
    """The Event of a merged candidate; its id depends on document, type, trigger span, version."""
    ev = c.evidence
    event_id = stable_id(document.id, c.type, str(ev.trigger_span[0]), str(ev.trigger_span[1]), version)
    cameo, acled = acled_of(lex, c)
    return Event(
        event_id=event_id, doc_id=document.id, url=document.url, outlet=document.outlet,
        published=document.published, type=c.type, mode=c.mode, cameo=cameo, acled=acled,
        status=c.status, source=c.source, target=c.target, location=c.location, time=c.time,
        casualties=c.casualties, attribution=c.attribution, evidence=ev,
        confidence=round(c.confidence, 3), rule=c.rule, more_evidence=list(c.more),
        knowledge_version=version,
    )


__all__ = ["build_event", "acled_of"]
