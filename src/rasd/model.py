"""The data model: a Document, the annotations analyse() puts on it, and the Event record.

Every annotation is a character span (start, end) into ``Document.text``; the text itself
is never rewritten. ``as_dict()`` gives the JSON shape of DESIGN.md (the export contract).
"""
from __future__ import annotations

import datetime as _dt
import hashlib
from dataclasses import dataclass, field, fields
from typing import Any

# PLOVER event types and the factuality statuses of DESIGN.md, in their documented order.
EVENT_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)
STATUSES = (
    "occurred", "ongoing", "planned", "threatened", "alleged", "denied", "foiled",
    "negated", "hypothetical",
)
MENTION_LABELS = ("PER", "ORG", "LOC", "GPE", "FAC", "MISC")
PLACE_PRECISIONS = ("site", "city", "admin1", "country", "region")
TIME_PRECISIONS = ("day", "week", "month", "year", "unknown")


def stable_id(*parts: str, length: int = 16) -> str:
    """A short hex id that depends only on its parts (same input, same id, on any machine)."""
    h = hashlib.blake2b(digest_size=16)
    for part in parts:
        h.update(part.encode("utf-8"))
        h.update(b"\x1f")
    return h.hexdigest()[:length]


def _plain(value: Any) -> Any:
    """JSON-ready copy: dates as ISO strings, dataclasses and tuples unfolded."""
    if isinstance(value, (_dt.date, _dt.datetime)):
        return value.isoformat()
    if hasattr(value, "as_dict"):
        return value.as_dict()
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


class _Record:
    """as_dict() for the slotted dataclasses below."""

    __slots__ = ()

    def as_dict(self) -> dict[str, Any]:
        return {f.name: _plain(getattr(self, f.name)) for f in fields(self)}  # type: ignore[arg-type]


@dataclass(slots=True)
class Document(_Record):
    """One article: clean body text plus what the page says about itself."""

    id: str
    text: str
    title: str = ""
    url: str | None = None
    outlet: str | None = None
    domain: str | None = None
    published: _dt.date | None = None
    language: str = "ar"
    headings: list[str] = field(default_factory=list)
    source: str | None = None  # path or "-" it was read from

    @staticmethod
    def make_id(url: str | None, text: str) -> str:
        """Stable id: from the URL when there is one, else from the content."""
        return stable_id("url", url) if url else stable_id("text", text)


@dataclass(slots=True)
class Sentence(_Record):
    index: int
    start: int
    end: int


@dataclass(slots=True)
class Token(_Record):
    """A whitespace/punctuation token with its clitics split off.

    ``start``/``end`` cover the surface word; ``core_start``/``core_end`` the stem left
    after proclitics (و ف ب ل ك ال س) and a pronoun suffix are removed. ``norm`` is the
    normalized core used for matching.
    """

    start: int
    end: int
    text: str
    norm: str
    core_start: int
    core_end: int
    proclitics: tuple[str, ...] = ()
    enclitic: str = ""
    sentence: int = 0


@dataclass(slots=True, frozen=True)
class Actor(_Record):
    """A known (or typed but unresolved) actor of the knowledge base."""

    id: str | None
    name: str
    name_ar: str
    type: str  # state, government, military, police, security_services, legislature, ministry,
    # igo, armed_group, political_group, person, media, civilians, generic, ...
    country: str | None = None
    wikidata: str | None = None
    leads: str | None = None  # for a person: the actor they lead or belong to


@dataclass(slots=True, frozen=True)
class Place(_Record):
    """A gazetteer entry with coordinates."""

    id: str
    name: str
    name_ar: str
    country: str | None
    admin1: str | None
    lat: float | None
    lon: float | None
    precision: str  # site / city / admin1 / country / region
    population: int = 0


@dataclass(slots=True)
class Mention(_Record):
    """A named (or typed) span. A GPE mention may carry both an actor and a place:
    "القاهرة أجرت اتصالات" is Egypt acting, "في القاهرة" is the city; roles choose."""

    start: int
    end: int
    text: str
    label: str  # PER ORG LOC GPE FAC MISC
    actor: Actor | None = None
    place: Place | None = None
    source: str = "gazetteer"  # gazetteer | pattern | ner | title
    sentence: int = 0
    title: str | None = None  # "اللواء", "الرئيس" ... when the text gives one


# ---- the event record -------------------------------------------------------------------


@dataclass(slots=True)
class ActorRef(_Record):
    id: str | None
    name: str
    name_ar: str
    type: str
    country: str | None
    text: str
    span: tuple[int, int]

    @classmethod
    def of(cls, mention: Mention, actor: Actor | None = None) -> "ActorRef":
        a = actor or mention.actor
        if a is None:
            return cls(None, mention.text, mention.text, "unknown", None, mention.text,
                       (mention.start, mention.end))
        return cls(a.id, a.name, a.name_ar, a.type, a.country, mention.text,
                   (mention.start, mention.end))


@dataclass(slots=True)
class LocationRef(_Record):
    id: str | None
    name: str
    name_ar: str
    country: str | None
    admin1: str | None
    lat: float | None
    lon: float | None
    precision: str
    text: str
    span: tuple[int, int]

    @classmethod
    def of(cls, mention: Mention, place: Place | None = None) -> "LocationRef":
        p = place or mention.place
        if p is None:
            return cls(None, mention.text, mention.text, None, None, None, None, "unknown",
                       mention.text, (mention.start, mention.end))
        return cls(p.id, p.name, p.name_ar, p.country, p.admin1, p.lat, p.lon, p.precision,
                   mention.text, (mention.start, mention.end))


@dataclass(slots=True)
class TimeRef(_Record):
    date: _dt.date | None
    precision: str  # day / week / month / year / unknown
    text: str
    span: tuple[int, int] | None


@dataclass(slots=True)
class Casualties(_Record):
    killed: int | None = None
    injured: int | None = None
    abducted: int | None = None
    arrested: int | None = None

    def any(self) -> bool:
        return any(v is not None for v in (self.killed, self.injured, self.abducted, self.arrested))


@dataclass(slots=True)
class Attribution(_Record):
    kind: str  # named / anonymous / outlet / none
    text: str | None = None
    actor: ActorRef | None = None


@dataclass(slots=True)
class Evidence(_Record):
    sentence: str
    sentence_span: tuple[int, int]
    trigger: str
    trigger_span: tuple[int, int]


@dataclass(slots=True)
class Event(_Record):
    """One event record of DESIGN.md. ``event_id`` is stable for a document and knowledge version."""

    event_id: str
    doc_id: str
    url: str | None
    outlet: str | None
    published: _dt.date | None
    type: str
    mode: str | None
    cameo: str | None
    acled: dict[str, str] | None
    status: str
    source: list[ActorRef]
    target: list[ActorRef]
    location: LocationRef | None
    time: TimeRef
    casualties: Casualties
    attribution: Attribution
    evidence: Evidence
    confidence: float
    rule: str
    more_evidence: list[Evidence] = field(default_factory=list)  # merged repeat mentions
    knowledge_version: str = ""


@dataclass(slots=True)
class Analysis(_Record):
    """What analyse() returns for one Document."""

    document: Document
    sentences: list[Sentence]
    tokens: list[Token]
    mentions: list[Mention]
    events: list[Event]
    knowledge_version: str = ""

    def as_dict(self) -> dict[str, Any]:  # the `rasd analyse` JSON object
        return {
            "document": self.document.as_dict(),
            "mentions": [m.as_dict() for m in self.mentions],
            "events": [e.as_dict() for e in self.events],
            "knowledge_version": self.knowledge_version,
        }


__all__ = [
    "EVENT_TYPES", "STATUSES", "MENTION_LABELS", "PLACE_PRECISIONS", "TIME_PRECISIONS",
    "Document", "Sentence", "Token", "Actor", "Place", "Mention", "ActorRef", "LocationRef",
    "TimeRef", "Casualties", "Attribution", "Evidence", "Event", "Analysis", "stable_id",
]
