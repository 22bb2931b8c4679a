"""`rasd eval events`: score the pipeline against gold files in the format of gold/FORMAT.md.

How it scores (FORMAT.md, made exact):
- A predicted event *matches* a gold event of the same document when their types are equal and
  the gold trigger, normalized, occurs in the predicted evidence sentence (or in one of its
  ``more_evidence`` sentences). Matching is one-to-one and greedy by agreement: a pair whose
  predicted trigger overlaps the gold trigger goes first, then agreement on status, actors,
  location.
- Precision = matched / (predicted - neutral), recall = matched / gold, F1 their harmonic mean.
  A prediction left over is *neutral* when it matches an ``optional`` entry (type, trigger in
  its evidence, and status all equal; one prediction per entry), else a false positive.
- On matched pairs: status accuracy (equal status); actor accuracy = recall over the gold
  source and target actors, each found among the predicted source + target actors by id
  (``LBY_MIL`` = ``LBY.MIL``), by country for a state and its organs (gold ``EGY`` ~ ``EGY.GOV``),
  or by surface form (a predicted actor whose text is one of the gold actor's forms); location
  accuracy over pairs whose gold names a location: same name (normalized, clitics stripped), or
  within 50 km of the gold coordinates, or the same country when the gold place is a country.
  Time, casualty and attribution agreement are reported beside them.
- ``must_not`` lines that can be read mechanically are checked: «a(n) TYPE with status S
  [and source/target ID] [located in PLACE]», «a dated event» (undated page), «a resolved
  calendar date for "X"», an event whose evidence is the title or a boilerplate line, and
  «the N ... as N casualties». Other lines are counted as unchecked.
"""
from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from .model import EVENT_TYPES, STATUSES, Document, Event
from .normalize import normalize

LOCATION_KM = 50.0
# Actor types that are a state or one of its organs: matched by country.
STATE_TYPES = frozenset({"state", "government", "military", "police", "security_services",
                         "legislature", "ministry", "judiciary", "intelligence", "head_of_state"})
# A bare word like these is too generic to stand for a named actor by containment.
_GENERIC_WORDS = ("الجيش", "الدولة", "القوات", "قوات", "الحكومة", "الشرطة", "الأمن", "المسلحون", "مسلحون",
                  "المصادر")
# Words before a place name that do not change the place («مدينة درنة» is درنة).
_PLACE_HEAD_WORDS = ("مدينة", "بلدة", "قرية", "محافظة", "ولاية", "منطقة", "حي", "إقليم", "قضاء", "ريف",
                     "العاصمة")
_CLITICS = re.compile(r"^(?:[وف])?(?:[بلك])?(?:ال)?")
_PUNCTUATION = re.compile(r"[«»\"'“”()\[\]،,.:؛;!?؟\-–—/]")
_SPACES = re.compile(r"\s+")


# ---- gold files ---------------------------------------------------------------------------

@dataclass(slots=True)
class GoldEvent:
    """One event of a gold file (and the fields scored on it)."""

    id: str
    type: str
    status: str
    trigger: str
    source: list[str] = field(default_factory=list)
    target: list[str] = field(default_factory=list)
    location: str | None = None
    time: dict[str, Any] | None = None
    casualties: dict[str, int] | None = None
    attribution: dict[str, Any] | None = None


@dataclass(slots=True)
class Gold:
    """A gold file: its document block, actors, places, events, optional readings, must_not."""

    path: Path
    text_path: Path
    document: dict[str, Any]
    actors: dict[str, dict[str, Any]]
    places: list[dict[str, Any]]
    events: list[GoldEvent]
    optional: list[dict[str, Any]]
    must_not: list[str]

    @property
    def name(self) -> str:
        return self.path.name.removesuffix(".gold.yaml")


def gold_files(path: Path) -> list[Path]:
    """The gold files at a path: the file itself, or every *.gold.yaml of a folder."""
    if path.is_dir():
        return sorted(path.glob("*.gold.yaml"))
    return [path]


def text_for(gold_path: Path) -> Path:
    """The article of a gold file: X.txt beside it, else ../seeds/X.txt (the shared layout)."""
    stem = gold_path.name.removesuffix(".gold.yaml")
    for candidate in (gold_path.with_name(stem + ".txt"), gold_path.parent.parent / "seeds" / (stem + ".txt")):
        if candidate.exists():
            return candidate
    raise FileNotFoundError(f"no article for {gold_path}: put {stem}.txt beside it or in ../seeds/")


def load_gold(path: Path) -> Gold:
    """Read one gold YAML file."""
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    events = []
    for e in data.get("events") or []:
        events.append(GoldEvent(
            id=str(e.get("id", "")), type=e["type"], status=e["status"], trigger=str(e["trigger"]),
            source=[str(a) for a in e.get("source") or []], target=[str(a) for a in e.get("target") or []],
            location=e.get("location"), time=e.get("time"), casualties=e.get("casualties"),
            attribution=e.get("attribution")))
    return Gold(path, text_for(path), data.get("document") or {}, data.get("actors") or {},
                data.get("places") or [], events, data.get("optional") or [],
                [str(line) for line in data.get("must_not") or []])


# ---- reading and analysing ------------------------------------------------------------------

def read_document(path: Path) -> Document:
    """The article as rasd's readers see it (a plain-text fallback when they are not there)."""
    try:
        from .ingest import read_paths
    except ImportError:  # the readers are optional for scoring: read the page as plain text
        text = path.read_text(encoding="utf-8")
        title = text.split("\n", 1)[0].strip()
        return Document(id=Document.make_id(None, text), text=text, title=title, source=str(path))
    for item in read_paths([str(path)]):
        if isinstance(item, Document):
            return item
        raise ValueError(f"cannot read {path}: {item}")
    raise ValueError(f"no article in {path}")


# ---- comparing ------------------------------------------------------------------------------

def _norm(s: str | None) -> str:
    return _SPACES.sub(" ", normalize(s or "")).strip()


def _bare(s: str | None) -> str:
    """Normalized, with و/ف, ب/ل/ك and ال stripped from each word (بمدينة درنة ≈ مدينه درنه)."""
    words = []
    for w in _PUNCTUATION.sub(" ", _norm(s)).split():
        stripped = _CLITICS.sub("", w)
        words.append(stripped if len(stripped) >= 2 else w)
    return " ".join(words)


def _canonical_id(actor_id: str | None) -> str:
    return (actor_id or "").upper().replace("_", ".")


def _evidence_texts(event: Event) -> list[str]:
    return [_norm(event.evidence.sentence)] + [_norm(ev.sentence) for ev in event.more_evidence]


def _trigger_in_evidence(trigger: str, event: Event) -> bool:
    t = _norm(trigger)
    return bool(t) and any(t in s for s in _evidence_texts(event))


def _triggers_overlap(gold_trigger: str, event: Event) -> bool:
    g, p = _bare(gold_trigger), _bare(event.evidence.trigger)
    if not g or not p:
        return False
    return p in g or g in p or bool(set(g.split()) & set(p.split()))


def _contains_words(longer: str, shorter: str) -> bool:
    return f" {shorter} " in f" {longer} "


def _form_matches(text: str, form: str) -> bool:
    a, b = _bare(text), _bare(form)
    if not a or not b:
        return False
    if a == b:
        return True
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    if len(short) < 4 or short in _generic() or not _contains_words(long_, short):
        return False
    # one word stands for a name of two («حفتر» for «خليفة حفتر»), not for a longer one
    # («درنة» is not «مجلس شورى مجاهدي درنة»)
    return len(short.split()) >= 2 or len(long_.split()) <= 2


@lru_cache(maxsize=1)
def _generic() -> frozenset[str]:
    return frozenset(_bare(w) for w in _GENERIC_WORDS)


@lru_cache(maxsize=1)
def _place_heads() -> frozenset[str]:
    return frozenset(_bare(w) for w in _PLACE_HEAD_WORDS)


def actor_found(gold_id: str, gold: Gold, predicted: list[Any]) -> bool:
    """Whether a gold actor is among the predicted ActorRefs (id, state's country, or form)."""
    info = gold.actors.get(gold_id) or {}
    canonical = _canonical_id(gold_id)
    country = info.get("country")
    if info.get("type") == "state" and not country:
        country = canonical
    statelike = info.get("type") in STATE_TYPES or (
        not info and re.fullmatch(r"[A-Z]{3}(?:\.[A-Z]+)?", canonical) is not None)
    if statelike and not country:
        country = canonical.split(".")[0]
    forms = [str(f) for f in info.get("forms") or []]
    for actor in predicted:
        pid = _canonical_id(actor.id)
        if pid and pid == canonical:
            return True
        if statelike and country:
            p_country = actor.country or (pid.split(".")[0] if re.match(r"^[A-Z]{3}(?:\.|$)", pid) else None)
            if p_country == country:
                return True
        if any(_form_matches(actor.text, f) or _form_matches(actor.name_ar, f) for f in forms):
            return True
    return False


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(min(1.0, a)))


def _gold_place(gold: Gold, form: str) -> dict[str, Any] | None:
    for place in gold.places:
        if place.get("form") == form or _bare(place.get("form")) == _bare(form):
            return place
    return None


def _place_key(name: str | None) -> str:
    """A place name without clitics and without a leading «مدينة/بلدة/محافظة...»."""
    words = _bare(name).split()
    while len(words) > 1 and words[0] in _place_heads():
        words = words[1:]
    return " ".join(words)


def location_matches(form: str, gold: Gold, location: Any) -> bool:
    """Whether a predicted LocationRef is the gold place: name, 50 km, or country."""
    if location is None:
        return False
    if any(_place_key(form) == _place_key(s) for s in (location.text, location.name_ar) if s):
        return True
    if (location.name or "").strip().lower() == form.strip().lower():
        return True
    place = _gold_place(gold, form)
    if place is None:
        return False
    if place.get("lat") is not None and location.lat is not None and location.lon is not None:
        if _km(place["lat"], place["lon"], location.lat, location.lon) <= LOCATION_KM:
            return True
    if place.get("kind") == "country" and place.get("country") and location.country == place["country"]:
        return True
    return False


def _time_matches(gold_time: dict[str, Any], event: Event) -> bool:
    """Gold date within the gold precision; an undated gold expression wants no date."""
    t = event.time
    gold_date = gold_time.get("date")
    if gold_date is None:
        return t.date is None and bool(t.text) and (
            _norm(gold_time.get("expression")) in _norm(t.text) or _norm(t.text) in _norm(gold_time.get("expression")))
    if t.date is None:
        return False
    precision = gold_time.get("precision", "day")
    if precision == "day":
        return t.date == gold_date
    if precision == "week":
        return abs((t.date - gold_date).days) <= 7
    if precision == "month":
        return (t.date.year, t.date.month) == (gold_date.year, gold_date.month)
    return t.date.year == gold_date.year


def _casualties_match(gold_casualties: dict[str, int] | None, event: Event) -> bool:
    predicted = {k: v for k, v in event.casualties.as_dict().items() if v is not None}
    return predicted == dict(gold_casualties or {})


@dataclass(slots=True)
class _Pair:
    gold: GoldEvent
    event: Event
    status_ok: bool
    actors_found: int
    actors_total: int
    location_ok: bool | None  # None: the gold names no location
    actors_missed: tuple[str, ...] = ()  # gold actor ids not found among the predicted ones

    def agreement(self, overlap: bool) -> float:
        actors = self.actors_found / self.actors_total if self.actors_total else 0.0
        return 4.0 * overlap + self.status_ok + actors + bool(self.location_ok)


def _pair(gold: Gold, g: GoldEvent, event: Event) -> _Pair:
    predicted_actors = list(event.source) + list(event.target)
    wanted = list(dict.fromkeys(g.source + g.target))
    missed = tuple(a for a in wanted if not actor_found(a, gold, predicted_actors))
    location_ok = None if not g.location else location_matches(g.location, gold, event.location)
    return _Pair(g, event, event.status == g.status, len(wanted) - len(missed), len(wanted), location_ok, missed)


# ---- must_not -------------------------------------------------------------------------------

_TYPE_WORD = re.compile(r"\b(" + "|".join(EVENT_TYPES) + r")\b")
_STATUS_WORD = re.compile(r"\b(" + "|".join(STATUSES) + r")\b")
_ROLE = re.compile(r"\b(?:with )?(source|target) ([A-Z][A-Z0-9_.]+)")
_PLACE = re.compile(r"\b(?:located )?in ([\u0600-\u06FF]+(?: [\u0600-\u06FF]+)*|[A-Z][a-z]+(?: [A-Z][a-z]+)*)")
_FILLER = frozenset({"a", "an", "with", "status", "and", "located", "in", "event", "events"})
_QUOTED = re.compile(r"[\"«“]([^\"»”]+)[\"»”]")


@dataclass(slots=True)
class _Rule:
    """A must_not line read as a predicate on one predicted event."""

    line: str
    kind: str  # typed / dated / resolved_date / evidence / casualty_number / vague_count
    types: tuple[str, ...] = ()
    status: str | None = None
    roles: tuple[tuple[str, str], ...] = ()
    place: str | None = None
    quoted: tuple[str, ...] = ()
    number: int | None = None


def read_must_not(line: str) -> _Rule | None:
    """The mechanical reading of a must_not line, or None when it needs a human."""
    quoted = tuple(_QUOTED.findall(line))
    lower = line.lower()
    if re.match(r"^an? dated event\b", lower):
        return _Rule(line, "dated")
    if "resolved calendar date" in lower and quoted:
        return _Rule(line, "resolved_date", quoted=quoted)
    if ("boilerplate" in lower or "title line" in lower or "repeated title" in lower) and "event" in lower:
        return _Rule(line, "evidence", quoted=quoted)
    m = re.search(r"\bthe (\d+) \w+ (?:read )?as \1 casualties", lower)
    if m:
        return _Rule(line, "casualty_number", number=int(m.group(1)))
    if "casualty count from" in lower and quoted:
        return _Rule(line, "vague_count", quoted=quoted)
    types = tuple(_TYPE_WORD.findall(line))
    if not types:
        return None
    core = re.sub(r"\([^)]*\)", " ", line)
    statuses = _STATUS_WORD.findall(core)
    roles = tuple(_ROLE.findall(core))
    place_match = _PLACE.search(core)
    rest = core
    for pattern in (_ROLE, _PLACE, _TYPE_WORD, _STATUS_WORD):
        rest = pattern.sub(" ", rest)
    leftover = [w for w in re.findall(r"[^\W\d_]+", rest) if w.lower() not in _FILLER]
    if leftover or len(set(statuses)) > 1:
        return None  # «an AID from the army to the tribes»: a restriction we cannot read
    if not (statuses or roles or place_match):
        return None
    return _Rule(line, "typed", types, statuses[0] if statuses else None, roles,
                 place_match.group(1) if place_match else None)


def violates(rule: _Rule, event: Event, gold: Gold, title: str) -> bool:
    """Whether a predicted event is what the must_not line forbids."""
    if rule.kind == "dated":
        return event.time.date is not None and gold.document.get("published") is None
    if rule.kind == "resolved_date":
        return event.time.date is not None and any(_norm(q) in _norm(event.time.text) for q in rule.quoted)
    if rule.kind == "evidence":
        sentence = _norm(event.evidence.sentence)
        lines = [title] + list(gold.document.get("boilerplate") or []) + list(rule.quoted)
        return any(_norm(line) and (sentence == _norm(line) or _norm(line) in sentence and len(_norm(line)) > 20)
                   for line in lines)
    if rule.kind == "casualty_number":
        return rule.number in [v for v in event.casualties.as_dict().values() if v is not None]
    if rule.kind == "vague_count":
        sentence = _norm(event.evidence.sentence)
        return event.casualties.any() and any(_norm(q) in sentence for q in rule.quoted) \
            and not re.search(r"\d", sentence)
    if event.type not in rule.types:
        return False
    if rule.status and event.status != rule.status:
        return False
    for role, actor_id in rule.roles:
        actors = list(event.source if role == "source" else event.target)
        if not actor_found(actor_id, gold, actors):
            return False
    if rule.place and not location_matches(rule.place, gold, event.location):
        return False
    return True


# ---- scoring --------------------------------------------------------------------------------

def _ratio(num: int | float, den: int | float) -> float:
    return round(num / den, 4) if den else 0.0


def _f1(p: float, r: float) -> float:
    return round(2 * p * r / (p + r), 4) if p + r else 0.0


def _brief(event: Event) -> dict[str, Any]:
    return {"type": event.type, "status": event.status, "trigger": event.evidence.trigger,
            "source": [a.id or a.text for a in event.source], "target": [a.id or a.text for a in event.target],
            "location": event.location.name_ar if event.location else None,
            "time": event.time.text or None, "sentence": event.evidence.sentence, "rule": event.rule}


def _gold_brief(g: GoldEvent) -> dict[str, Any]:
    return {"id": g.id, "type": g.type, "status": g.status, "trigger": g.trigger,
            "source": g.source, "target": g.target, "location": g.location}


def score_document(gold: Gold, events: list[Event], title: str = "") -> dict[str, Any]:
    """Match one document's predicted events to its gold and count what agrees."""
    candidates: list[tuple[float, int, int, _Pair]] = []
    for gi, g in enumerate(gold.events):
        for pi, event in enumerate(events):
            if event.type == g.type and _trigger_in_evidence(g.trigger, event):
                pair = _pair(gold, g, event)
                candidates.append((pair.agreement(_triggers_overlap(g.trigger, event)), gi, pi, pair))
    candidates.sort(key=lambda c: (-c[0], c[1], c[2]))
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    pairs: list[_Pair] = []
    for _, gi, pi, pair in candidates:
        if gi in used_gold or pi in used_pred:
            continue
        used_gold.add(gi)
        used_pred.add(pi)
        pairs.append(pair)
    # leftovers that match an optional reading are neutral (one prediction per entry)
    neutral: list[int] = []
    used_optional: set[int] = set()
    for pi, event in enumerate(events):
        if pi in used_pred:
            continue
        for oi, extra in enumerate(gold.optional):
            if oi in used_optional:
                continue
            if (event.type == extra.get("type") and event.status == extra.get("status")
                    and _trigger_in_evidence(str(extra.get("trigger", "")), event)):
                used_optional.add(oi)
                neutral.append(pi)
                break
    false_positives = [pi for pi in range(len(events)) if pi not in used_pred and pi not in neutral]
    missed = [g for gi, g in enumerate(gold.events) if gi not in used_gold]

    rules = [(line, read_must_not(line)) for line in gold.must_not]
    violations = []
    for line, rule in rules:
        if rule is None:
            continue
        for event in events:
            if violates(rule, event, gold, title or gold.document.get("title", "")):
                violations.append({"document": gold.name, "must_not": line, "event": _brief(event)})

    timed = [p for p in pairs if p.gold.time]
    with_casualties = [p for p in pairs if p.gold.casualties or p.event.casualties.any()]
    attributed = [p for p in pairs if p.gold.attribution and p.gold.attribution.get("kind")]
    return {
        "document": gold.name,
        "gold": len(gold.events),
        "predicted": len(events),
        "matched": len(pairs),
        "neutral": len(neutral),
        "false_positives": len(false_positives),
        "status_correct": sum(p.status_ok for p in pairs),
        "actors_found": sum(p.actors_found for p in pairs),
        "actors_total": sum(p.actors_total for p in pairs),
        "actors_predicted": sum(len(p.event.source) + len(p.event.target) for p in pairs),
        "locations_correct": sum(bool(p.location_ok) for p in pairs if p.location_ok is not None),
        "locations_total": sum(p.location_ok is not None for p in pairs),
        "times_correct": sum(_time_matches(p.gold.time, p.event) for p in timed),
        "times_total": len(timed),
        "casualties_correct": sum(_casualties_match(p.gold.casualties, p.event) for p in with_casualties),
        "casualties_total": len(with_casualties),
        "attribution_correct": sum(p.event.attribution.kind == p.gold.attribution["kind"] for p in attributed),
        "attribution_total": len(attributed),
        "must_not_checked": sum(r is not None for _, r in rules),
        "must_not_unchecked": sum(r is None for _, r in rules),
        "violations": violations,
        "_pairs": pairs,
        "_missed": missed,
        "_false_positives": [events[i] for i in false_positives],
        "_neutral": [events[i] for i in neutral],
    }


def _summary(docs: list[dict[str, Any]], verbose: bool) -> dict[str, Any]:
    total = Counter()
    for d in docs:
        total.update({k: v for k, v in d.items() if isinstance(v, int) and not isinstance(v, bool)})
    scored = total["predicted"] - total["neutral"]
    precision = _ratio(total["matched"], scored)
    recall = _ratio(total["matched"], total["gold"])

    per_type: dict[str, dict[str, Any]] = {}
    per_status: dict[str, dict[str, Any]] = {}
    confusion: Counter = Counter()
    for d in docs:
        for p in d["_pairs"]:
            per_type.setdefault(p.gold.type, Counter())["matched"] += 1
            per_status.setdefault(p.gold.status, Counter())["matched"] += 1
            per_status[p.gold.status]["status_correct"] += p.status_ok
            confusion[f"{p.gold.status}->{p.event.status}"] += 1
        for g in d["_missed"]:
            per_type.setdefault(g.type, Counter())["missed"] += 1
            per_status.setdefault(g.status, Counter())["missed"] += 1
        for e in d["_false_positives"]:
            per_type.setdefault(e.type, Counter())["false_positives"] += 1
            per_status.setdefault(e.status, Counter())["predicted_false_positives"] += 1
    type_rows = {}
    for t in sorted(per_type, key=EVENT_TYPES.index):
        c = per_type[t]
        gold_n, pred_n = c["matched"] + c["missed"], c["matched"] + c["false_positives"]
        p, r = _ratio(c["matched"], pred_n), _ratio(c["matched"], gold_n)
        type_rows[t] = {"gold": gold_n, "predicted": pred_n, "matched": c["matched"],
                        "precision": p, "recall": r, "f1": _f1(p, r)}
    status_rows = {}
    for s in sorted(per_status, key=STATUSES.index):
        c = per_status[s]
        status_rows[s] = {"gold": c["matched"] + c["missed"], "matched": c["matched"],
                          "status_correct": c["status_correct"],
                          "status_accuracy": _ratio(c["status_correct"], c["matched"]),
                          "false_positives_with_this_status": c["predicted_false_positives"]}
    violations = [v for d in docs for v in d["violations"]]
    details = []
    for d in docs:
        row = {k: v for k, v in d.items() if not k.startswith("_") and k != "violations"}
        if verbose:
            row["matches"] = [{"gold": _gold_brief(p.gold), "predicted": _brief(p.event),
                               "status_ok": p.status_ok, "actors": f"{p.actors_found}/{p.actors_total}",
                               "actors_missed": list(p.actors_missed),
                               "location_ok": p.location_ok} for p in d["_pairs"]]
            row["missed_events"] = [_gold_brief(g) for g in d["_missed"]]
            row["false_positive_events"] = [_brief(e) for e in d["_false_positives"]]
            row["neutral_events"] = [_brief(e) for e in d["_neutral"]]
            row["violations"] = d["violations"]
        details.append(row)
    actor_recall = _ratio(total["actors_found"], total["actors_total"])
    return {
        "precision": precision,
        "recall": recall,
        "f1": _f1(precision, recall),
        "status_accuracy": _ratio(total["status_correct"], total["matched"]),
        "actor_accuracy": actor_recall,
        "actor_recall": actor_recall,
        "location_accuracy": _ratio(total["locations_correct"], total["locations_total"]),
        "time_accuracy": _ratio(total["times_correct"], total["times_total"]),
        "casualty_accuracy": _ratio(total["casualties_correct"], total["casualties_total"]),
        "attribution_accuracy": _ratio(total["attribution_correct"], total["attribution_total"]),
        "counts": {
            "documents": len(docs), "gold_events": total["gold"], "predicted_events": total["predicted"],
            "matched": total["matched"], "false_positives": total["false_positives"],
            "neutral_optional": total["neutral"], "missed": total["gold"] - total["matched"],
            "actors": f"{total['actors_found']}/{total['actors_total']}",
            "locations": f"{total['locations_correct']}/{total['locations_total']}",
            "times": f"{total['times_correct']}/{total['times_total']}",
            "casualties": f"{total['casualties_correct']}/{total['casualties_total']}",
            "attribution": f"{total['attribution_correct']}/{total['attribution_total']}",
        },
        "per_type": type_rows,
        "per_status": status_rows,
        "status_confusion": dict(sorted(confusion.items())),
        "must_not": {"checked": total["must_not_checked"], "unchecked": total["must_not_unchecked"],
                     "violations": violations},
        "details": details,
    }


def evaluate_gold(path: Path, verbose: bool = False, pipeline=None) -> dict[str, Any]:
    """Score rasd on a gold file or a folder of them (see the module docstring). ``verbose``
    adds, per document in ``details``, the matched pairs, missed gold events, false positives,
    neutral (optional) readings and must_not violations."""
    from .pipeline import analyse, default_pipeline

    files = gold_files(Path(path))
    if not files:
        raise FileNotFoundError(f"no *.gold.yaml files in {path}: pass a gold file or a folder of them")
    pipeline = pipeline or default_pipeline()
    docs = []
    for gold_path in files:
        gold = load_gold(gold_path)
        document = read_document(gold.text_path)
        events = analyse(document, pipeline).events
        docs.append(score_document(gold, events, document.title))
    return _summary(docs, verbose)


def _value(value: float, counts: str | int) -> str:
    """A measure with three decimals, or n/a when nothing was there to measure."""
    denominator = int(str(counts).rsplit("/", 1)[-1])
    return f"{value:.3f}" if denominator else "n/a"


def format_report(result: dict[str, Any]) -> str:
    """The result as a short Markdown report."""
    c = result["counts"]
    lines = [
        f"events: {c['documents']} documents, {c['gold_events']} gold, {c['predicted_events']} predicted, "
        f"{c['matched']} matched, {c['false_positives']} false positives, {c['neutral_optional']} optional",
        "",
        "| measure | value | counts |",
        "| --- | ---: | --- |",
        f"| precision | {result['precision']:.3f} | {c['matched']}/{c['matched'] + c['false_positives']} |",
        f"| recall | {result['recall']:.3f} | {c['matched']}/{c['gold_events']} |",
        f"| F1 | {result['f1']:.3f} | |",
        f"| status accuracy | {_value(result['status_accuracy'], c['matched'])} | on {c['matched']} matched |",
        f"| actor accuracy (recall of gold actors) | {_value(result['actor_accuracy'], c['actors'])} | {c['actors']} |",
        f"| location accuracy | {_value(result['location_accuracy'], c['locations'])} | {c['locations']} |",
        f"| time accuracy | {_value(result['time_accuracy'], c['times'])} | {c['times']} |",
        f"| casualty accuracy | {_value(result['casualty_accuracy'], c['casualties'])} | {c['casualties']} |",
        f"| attribution accuracy | {_value(result['attribution_accuracy'], c['attribution'])} | "
        f"{c['attribution']} |",
        "",
        "| type | gold | predicted | matched | P | R | F1 |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for t, row in result["per_type"].items():
        lines.append(f"| {t} | {row['gold']} | {row['predicted']} | {row['matched']} | "
                     f"{row['precision']:.2f} | {row['recall']:.2f} | {row['f1']:.2f} |")
    lines += ["", "| gold status | gold | matched | status correct | accuracy |",
              "| --- | ---: | ---: | ---: | ---: |"]
    for s, row in result["per_status"].items():
        lines.append(f"| {s} | {row['gold']} | {row['matched']} | {row['status_correct']} | "
                     f"{row['status_accuracy']:.2f} |")
    must_not = result["must_not"]
    lines += ["", f"must_not: {must_not['checked']} lines checked, {must_not['unchecked']} need a reader, "
                  f"{len(must_not['violations'])} violations"]
    for v in must_not["violations"]:
        e = v["event"]
        lines.append(f"- {v['document']}: {v['must_not']} ← {e['type']} {e['status']} «{e['trigger']}»")
    for d in result["details"]:
        if "missed_events" not in d:
            continue
        lines += ["", f"## {d['document']}: {d['matched']}/{d['gold']} matched, {d['false_positives']} false positives"]
        for g in d["missed_events"]:
            lines.append(f"- missed {g['type']} {g['status']} «{g['trigger']}» ({g['id']})")
        for e in d["false_positive_events"]:
            lines.append(f"- false positive {e['type']} {e['status']} «{e['trigger']}» [{e['rule']}]")
        for m in d["matches"]:
            if not m["status_ok"]:
                lines.append(f"- status {m['gold']['status']} read as {m['predicted']['status']} "
                             f"«{m['gold']['trigger']}»")
            if m.get("actors_missed"):
                p = m["predicted"]
                lines.append(f"- actors {', '.join(m['actors_missed'])} missed on «{m['gold']['trigger']}» "
                             f"(predicted source {p['source'] or '-'}, target {p['target'] or '-'})")
    return "\n".join(lines)


__all__ = ["evaluate_gold", "format_report", "score_document", "load_gold", "read_must_not",
           "actor_found", "location_matches", "Gold", "GoldEvent"]
