"""Event extraction: triggers, roles, status, attribution, merging — the heart of rasd.

``extract_events`` is a pure function of its inputs: the same document, annotations and
knowledge version give the same events with the same ids.
"""
from __future__ import annotations

import bisect
from collections import Counter
from itertools import groupby
from operator import attrgetter

from ..model import (ActorRef, Attribution, Casualties, Document, Event, Evidence, LocationRef,
                     Mention, Sentence, TimeRef, Token)
from ..normalize import normalize
from .attribution import AttributionTracker, SentenceSource, sentence_source
from .lexicon import Lexicon, default_lexicon
from .merge import Candidate, merge_candidates
from .record import build_event
from .roles import (Roles, _np_after, _subject_before, assign_roles, body_subject, definite_antecedent, is_actor,
                    reaction_objects, sentence_countries, sentence_place, unsaid_subject, unsaid_subject_applies)
from .status import CueAt, decide_status, find_cues
from .syntax import RESULT_VERBS, SentenceView, build_view, cue_phrases, sentence_words
from .triggers import Trigger, find_triggers

try:  # written alongside: time expressions and casualty counts
    from .timex import find_time  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - until the module lands
    find_time = None  # type: ignore[assignment]
try:
    from .casualties import find_casualties  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover
    find_casualties = None  # type: ignore[assignment]

# types whose location may be inferred from the target's state or the article's country
GROUND_TYPES = frozenset({"ASSAULT", "COERCE", "PROTEST", "MOBILIZE", "RETREAT"})
# speech acts: the speaker of the statement is their source
SPEECH_TYPES = frozenset({"ACCUSE", "THREATEN", "REJECT", "REQUEST", "SUPPORT", "AGREE"})
_STATE_ORGANS = frozenset({"military", "police", "security_services", "government", "ministry",
                           "state", "legislature"})
_NO_TIME = TimeRef(None, "unknown", "", None)
_EVENT_OR_REPORT = attrgetter("event_or_report")
_PRONOUN_COMPLEMENTIZERS = frozenset({"انه", "انها", "انهم", "انهما", "بانه", "بانها", "بانهم", "وانه",
                                      "وانها", "انا", "اننا", "باننا"})


def extract_events(document: Document, sentences: list[Sentence], tokens: list[Token],
                   mentions: list[Mention], knowledge, version: str = "",
                   lexicon: Lexicon | None = None) -> list[Event]:
    """The events of one analysed document (see DESIGN.md for the record)."""
    lex = lexicon or default_lexicon()
    text = document.text
    if not sentences or not tokens:
        return []
    by_sentence = _tokens_by_sentence(sentences, tokens)
    mentions_by_sentence = _mentions_by_sentence(sentences, mentions)
    headings = {normalize(h).strip() for h in document.headings if h.strip()}
    countries = _CountryPlaces(mentions, knowledge)
    tracker = AttributionTracker()
    candidates: list[Candidate] = []
    previous: list[Candidate] = []  # the last sentence's events (a "؛ بهدف ..." continues it)
    paragraph = 0
    prev_end = 0
    for s in sentences:
        if "\n" in text[prev_end:s.start]:
            paragraph += 1
        prev_end = s.end
        toks = by_sentence.get(s.index, [])
        if not toks or _is_heading(text, s, toks, headings):
            continue
        words = sentence_words(toks, lex)
        phrase = cue_phrases(words, lex)
        if not _may_hold_event_or_source(words, phrase):
            # no trigger and no reporting phrase: only the report carries on (no view needed)
            tracker.next(SentenceSource(None, False), paragraph)
            previous = []
            continue
        view = build_view(s.index, s.start, s.end, text, toks, mentions_by_sentence.get(s.index, []), lex,
                          words, phrase)
        attribution = tracker.next(sentence_source(view, lex, text), paragraph)
        triggers = find_triggers(view, lex)
        if triggers:
            found = _sentence_candidates(document, view, lex, triggers, attribution, s, previous)
            candidates.extend(found)
            previous = found
        else:
            previous = []
    merged = merge_candidates(candidates, generic=_generic_ids(mentions, knowledge))
    for c in merged:
        _fill_location(c, countries)
    return [build_event(document, lex, c, version) for c in merged]


def _may_hold_event_or_source(words: list, phrase: list) -> bool:
    """Could the sentence yield a trigger (a word with a trigger reading) or name a source (a
    reporting verb, or a sourcing phrase such as «وفقا لـ»)? Else find_triggers finds nothing
    and sentence_source says nothing, and the sentence needs no view."""
    if any(map(_EVENT_OR_REPORT, words)):  # (the words' flags read in C)
        return True
    return any(m[1].scope == "prep" for m in filter(None, phrase))


def _sentence_candidates(document: Document, view: SentenceView, lex: Lexicon,
                         triggers: list[Trigger], attribution: Attribution, s: Sentence,
                         previous: list[Candidate]) -> list[Candidate]:
    text = document.text
    spans = [(view.tokens[t.first].start, view.tokens[t.last].end) for t in triggers]
    # a sentence that opens with a purpose ("؛ بهدف تنسيق ...") continues the previous one
    w0 = view.words[0]
    continues = w0.prep == "ل" or (view.phrase[0] is not None and view.phrase[0][1].id == "plan.purpose")
    matrix = list(previous) if continues else []
    cues = find_cues(view, lex, triggers)
    out: list[Candidate] = []
    by_first: dict[int, tuple[Trigger, Roles, Candidate | None]] = {}
    sentence_text = text[s.start:s.end]
    place_countries = None  # the sentence's place countries, found for the first event without a place
    for trig in triggers:
        decision = decide_status(view, trig, cues)
        roles = assign_roles(view, trig, triggers)
        by_first[trig.first] = (trig, roles, None)
        if decision.status == "requested":
            continue  # the content of a call is part of the REQUEST event
        if (trig.sense.type in ("AGREE", "COOPERATE") and not trig.verbal and trig.support is None
                and view.words[trig.first].al and decision.cue is None and not roles.source
                and not roles.target):
            continue  # "الاتفاق النووي": a reference to an existing agreement, not a new event
        if (trig.sense.type in SPEECH_TYPES and view.words[trig.first].prep == "ل"
                and any(t.sense.type == "PROTEST" and t.first < trig.first for t in triggers)):
            continue  # "تظاهروا للمطالبة بـ": the protest's aim, not an event of its own
        sources = [_ref(view, k) for k in roles.source]
        targets = [_ref(view, k) for k in roles.target]
        how = roles.source_from
        if not sources and (body := body_subject(view, trig)) is not None:
            # "وحثت المنظمة": the body named by its kind, not the speaker, is the subject
            sources, how = definite_antecedent(body, [c.source + c.target for c in previous + out]), "pronoun"
        elif not sources:
            sources, how = _fallback_source(view, trig, decision.cue, by_first, matrix, out, attribution)
            if not sources and unsaid_subject_applies(view, trig):  # "وقصفت ..." with its subject unsaid
                sources, how = unsaid_subject(view.words[trig.first], trig.tense, [c.source for c in previous + out],
                                              frozenset(t.id for t in targets if t.id)), "pronoun"
        location = None
        if roles.location is not None:
            location = LocationRef.of(view.spans[roles.location].mention)
        elif trig.sense.type in GROUND_TYPES and (k := sentence_place(view, trig, _claimed_places(view, triggers, by_first))) is not None:
            location = LocationRef.of(view.spans[k].mention)  # the sentence's place before the article's
        t0, t1 = view.tokens[trig.first].start, view.tokens[trig.last].end
        evidence = Evidence(sentence_text, (s.start, s.end), text[t0:t1], (t0, t1))
        if location is None and place_countries is None:
            place_countries = sentence_countries(view)
        time = _time(text, s, (t0, t1), document, decision.status in ("planned", "threatened"))
        casualties = _casualties(text, s, (t0, t1), [x for x in spans if x != (t0, t1)])
        cand = Candidate(
            sentence=view.index, type=trig.sense.type, mode=trig.mode, cameo=trig.cameo,
            status=decision.status, status_cue=decision.cue.id if decision.cue else "",
            source=sources, target=[t for t in targets if t.id is None or t.id not in {x.id for x in sources}],
            location=location, location_inferred=location is not None and roles.location is None,
            time=time, casualties=casualties,
            attribution=attribution, evidence=evidence,
            confidence=_confidence(trig, decision.explicit, sources, targets, location, how),
            rule=_rule(view, trig, decision.cue),
            definite=view.words[trig.first].al and not trig.verbal and not sources and not targets,
            cue_first=decision.cue.first if decision.cue else -1,
            place_countries=place_countries if location is None else frozenset(),
        )
        by_first[trig.first] = (trig, roles, cand)
        out.append(cand)
    _link_results(view, triggers, by_first)
    for a, b in reaction_objects(view, triggers):  # "أدانت X الضربات": aimed at the strikes' authors
        if by_first[a][2] is not None and by_first[b][2] is not None:
            by_first[a][2].reaction_to = by_first[b][2]
    return out


def _ref(view: SentenceView, k: int) -> ActorRef:
    return ActorRef.of(view.spans[k].mention)


def _claimed_places(view: SentenceView, triggers: list[Trigger], by_first: dict) -> frozenset[int]:
    """Places that are another event's own ("اجتماعا سريا بالقاهرة ... في ظل تصعيد المسلحين"),
    unless they open the sentence before any event and so frame all of it ("وفي قطاع غزة، ...")."""
    opening = min(t.first for t in triggers)
    return frozenset(r.location for _, r, _ in by_first.values()
                     if r.location is not None and view.spans[r.location].first > opening)


def _fallback_source(view: SentenceView, trig: Trigger, cue: CueAt | None, by_first: dict,
                     matrix: list[Candidate], here: list[Candidate], attribution: Attribution
                     ) -> tuple[list[ActorRef], str]:
    """A source from outside the trigger's own phrase, most reliable first."""
    earlier = matrix + here
    if trig.verbal and view.words[trig.first].conj and here:
        # "داهمت القوات منازل واعتقلت عشرين": a coordinated verb shares the subject
        prev = by_first.get(min(by_first, key=lambda f: (trig.first - f) if f < trig.first else 10 ** 6))
        if prev is not None and prev[0].verbal and prev[2] is not None and prev[2].source:
            return list(prev[2].source), "coordinated"
    entry = by_first.get(cue.first) if cue is not None else None
    if entry is not None and entry[0].sense.type == "ACCUSE" and entry[1].target:
        # "اتهمت إيران إسرائيل بشن غارات": the accused is the alleged agent
        return [_ref(view, k) for k in entry[1].target], "accused"
    if cue is not None and cue.verb and cue.status in ("planned", "threatened", "denied", "negated", "foiled"):
        if cue.status != "foiled":  # the one who foils a plot is not its author
            k = _np_after(view, cue.last)
            ks = [k] if k is not None else _subject_before(view, cue.first)
            ks = [x for x in ks if is_actor(view.spans[x])]
            if ks:
                return [_ref(view, x) for x in ks], "cue-subject"
    purpose = (cue is not None and cue.status == "planned") or view.words[trig.head].prep == "ل"
    foiled = cue is not None and cue.status == "foiled"
    if purpose and not foiled:
        for c in reversed(earlier):  # the matrix event's agent: "اتصالات تجريها القاهرة ... لشنّ غارات"
            if c.source and c.status != "foiled":
                return list(c.source), "purpose"
    if trig.sense.type in SPEECH_TYPES and attribution.kind == "named" and attribution.actor is not None:
        return [attribution.actor], "speaker"
    h = trig.head
    if view.words[h].tense is None and not view.words[h].prep:
        # "أعلن الجيش شن غارات": the masdar object of a reporting verb is its subject's act
        for j in range(h - 1, max(-1, h - 5), -1):
            if not view.same_scope(j, h):
                break
            w = view.words[j]
            if any(x.kind in ("report", "cont") for x in w.hits) and not w.encl:
                k = _np_after(view, j)
                if k is not None and view.spans[k].last < h:
                    return [_ref(view, k)], "control"
                break
            if w.tense is not None:
                break
    if (h > 0 and view.words[h - 1].norm in _PRONOUN_COMPLEMENTIZERS and attribution.kind == "named"
            and attribution.actor is not None):
        # "قالت وزارة الدفاع إنها قصفت": the pronoun is the speaker
        return [attribution.actor], "speaker"
    return [], ""


def _link_results(view: SentenceView, triggers: list[Trigger], by_first: dict) -> None:
    """"الاتصالات ... أسفرت عن اتفاق": the agreement inherits the contacts' actors."""
    if len(triggers) < 2:
        return  # an origin before the result verb and a result after it: two triggers at least
    words = view.words
    for i, w in enumerate(words):
        if w.norm not in RESULT_VERBS and w.bare not in RESULT_VERBS:
            continue
        # the preposition that introduces the result: أسفر عن، أدى إلى
        p = next((k for k in range(i + 1, min(len(words), i + 8)) if words[k].bare in ("عن", "الي")), None)
        if p is None:
            continue
        origins = [t for t in triggers if not t.verbal and t.last < p and t.first != i
                   and view.clause[t.first] == view.clause[i]]
        after = [t for t in triggers if t.first > p and view.clause[t.first] == view.clause[i]]
        if not origins or not after:
            continue
        origin = by_first[origins[-1].first][2]
        result = by_first[after[0].first][2]
        if origin is not None and result is not None and not result.source:
            result.result_of = origin


def _confidence(trig: Trigger, explicit: bool, sources: list, targets: list,
                location: LocationRef | None, how: str) -> float:
    """0–1 from cue strength and role completeness."""
    c = 0.45
    if trig.verbal or trig.support_tense is not None:
        c += 0.15
    elif trig.support is not None:
        c += 0.08
    if explicit:
        c += 0.08
    if sources:
        c += 0.1 if how not in ("purpose", "speaker", "accused", "cue-subject", "coordinated", "control",
                                "pronoun") else 0.05
    if targets:
        c += 0.1
    if location is not None:
        c += 0.05
    return min(0.95, c)


def _rule(view: SentenceView, trig: Trigger, cue: CueAt | None) -> str:
    mode = trig.mode or "-"
    rule = f"trigger:{trig.sense.type}/{mode}/{trig.sense.id}={view.words[trig.first].core}"
    if trig.support is not None and trig.support_verb is not None:
        rule += f"+support:{trig.support_verb.id}={view.words[trig.support].core}"
    if cue is not None:
        rule += f"+status:{cue.id}"
    return rule


def _time(text: str, s: Sentence, span: tuple[int, int], document: Document, future: bool) -> TimeRef:
    if find_time is None:
        return _NO_TIME
    try:
        return find_time(text, s, span, document.published, future=future)
    except TypeError:  # an older signature without ``future``
        return find_time(text, s, span, document.published)


def _casualties(text: str, s: Sentence, span: tuple[int, int], others: list[tuple[int, int]]) -> Casualties:
    if find_casualties is None:
        return Casualties()
    try:
        return find_casualties(text, s, span, others)
    except TypeError:
        return find_casualties(text, s, span)


def _generic_ids(mentions: list[Mention], knowledge) -> frozenset[str]:
    """Ids of generic actors (المسلحون، الجماعات المسلحة): sharing one does not make two
    reports the same happening."""
    record = getattr(knowledge, "record", None)
    if record is None:
        return frozenset()
    out = set()
    for m in mentions:
        a = m.actor
        if a is not None and a.id and a.type != "state" and record(a.id) is None:
            out.add(a.id)
    return frozenset(out)


# ---- location fallback ------------------------------------------------------------------


class _CountryPlaces:
    """The places a document is about: its dominant country (and city, when one city clearly
    dominates it), and a country-precision place for each state."""

    def __init__(self, mentions: list[Mention], knowledge) -> None:
        self._knowledge = knowledge
        self._refs: dict[str, LocationRef] = {}
        counts: Counter[str] = Counter()
        local: Counter[str] = Counter()
        first_local: dict[str, Mention] = {}
        for m in mentions:
            p = m.place
            if p is None or not p.country:
                continue
            counts[p.country] += 1
            if p.precision == "country" and p.country not in self._refs:
                self._refs[p.country] = LocationRef.of(m)
            elif p.precision in ("city", "site", "admin1") and p.id:
                local[p.id] += 1
                first_local.setdefault(p.id, m)
        self.dominant = _clear_top(counts)
        city = _clear_top(local)
        m = first_local.get(city) if city else None
        # a city that most of the article is about ("الحديدة" three times), in the dominant country
        self.dominant_city = LocationRef.of(m) if m is not None and m.place.country == self.dominant else None

    def place(self, country: str) -> LocationRef | None:
        """A country-precision location for an ISO code, from the document or the knowledge."""
        ref = self._refs.get(country)
        if ref is not None:
            return ref
        k = self._knowledge
        actor = k.actor(country) if hasattr(k, "actor") else None
        if actor is not None and hasattr(k, "resolve_place"):
            place = k.resolve_place(actor.name_ar)
            if place is not None and place.country == country:
                ref = LocationRef(place.id, place.name, place.name_ar, place.country, place.admin1,
                                  place.lat, place.lon, place.precision, "", (0, 0))
        if ref is None and actor is not None:
            ref = LocationRef(country, actor.name, actor.name_ar, country, None, None, None,
                              "country", "", (0, 0))
        if ref is not None:
            self._refs[country] = ref
        return ref


def _clear_top(counts: Counter) -> str | None:
    """The most frequent key, if it occurs at least twice and more than any other."""
    top = counts.most_common(2)
    if top and top[0][1] >= 2 and (len(top) == 1 or top[0][1] > top[1][1]):
        return top[0][0]
    return None


def _fill_location(c: Candidate, countries: _CountryPlaces) -> None:
    """A ground event with no place in its clause: the attacked state's country, else the article's."""
    if c.location is not None or c.type not in GROUND_TYPES:
        return
    if c.status in ("hypothetical", "negated", "denied", "threatened"):
        return  # no place is implied for what did not, or may not, happen
    for t in c.target if c.type in ("ASSAULT", "COERCE") else ():
        if t.country and t.type in _STATE_ORGANS and t.type != "state":
            ref = countries.place(t.country)
            if ref is not None:
                c.location, c.location_inferred = ref, True
                return
    if c.place_countries and countries.dominant not in c.place_countries:
        return  # the sentence names places of another country: the article's do not apply
    if countries.dominant_city is not None:
        c.location, c.location_inferred = countries.dominant_city, True
        c.confidence = max(0.0, c.confidence - 0.05)
        return
    if countries.dominant:
        ref = countries.place(countries.dominant)
        if ref is not None:
            c.location, c.location_inferred = ref, True
            c.confidence = max(0.0, c.confidence - 0.05)


# ---- grouping -------------------------------------------------------------------------------


def _tokens_by_sentence(sentences: list[Sentence], tokens: list[Token]) -> dict[int, list[Token]]:
    out: dict[int, list[Token]] = {}
    if len(sentences) == 1 or tokens[-1].sentence == sentences[-1].index:
        for index, group in groupby(tokens, attrgetter("sentence")):  # numbered by the tokenizer
            lst = out.get(index)
            if lst is None:
                out[index] = list(group)
            else:
                lst.extend(group)
        return out
    starts = [s.start for s in sentences]
    for t in tokens:
        k = bisect.bisect_right(starts, t.start) - 1
        if k < 0:
            continue
        out.setdefault(sentences[k].index, []).append(t)
    return out


def _mentions_by_sentence(sentences: list[Sentence], mentions: list[Mention]) -> dict[int, list[Mention]]:
    starts = [s.start for s in sentences]
    out: dict[int, list[Mention]] = {}
    for m in mentions:
        k = bisect.bisect_right(starts, m.start) - 1
        if k < 0 or m.start >= sentences[k].end:
            continue
        out.setdefault(sentences[k].index, []).append(m)
    return out


def _is_heading(text: str, s: Sentence, toks: list[Token], headings: set[str]) -> bool:
    """A heading line (اجتماعٌ سري) states nothing: no events from it."""
    body = text[s.start:s.end].strip()
    if headings and normalize(body) in headings:
        return True
    if len(toks) > 4:
        return False  # a heading line is short (most sentences stop here)
    line_start = s.start == 0 or text[s.start - 1] == "\n"
    line_end = s.end >= len(text) or text[s.end] == "\n" or text[s.end:s.end + 1].isspace() and \
        text[s.end:].lstrip(" \t").startswith("\n")
    return line_start and line_end and body[-1:] not in ".!?؟:،"


__all__ = ["extract_events"]
