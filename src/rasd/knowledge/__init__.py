"""The knowledge base: actors and places as package data, compiled once into one matcher.

``Knowledge.load(dirs)`` reads the bundled actor files (``rasd/data/knowledge/actors``) and
the gazetteer, then the user folders in ``dirs`` (entries with a known id override it).
``find_mentions`` returns actor and place mentions of a text, merged: "ليبيا" is one GPE
mention with the state LBY as actor and the country as place; "القاهرة" speaks for Egypt's
government unless it follows a locative preposition ("بالقاهرة" is only the city).
"""
from __future__ import annotations

import bisect
import hashlib
import os
import pickle
import re
import sys
from collections import Counter
from dataclasses import replace
from operator import attrgetter
from pathlib import Path
from typing import Any

from ..model import Actor, Mention, Place, Sentence, Token
from ..normalize import DIACRITICS, INVISIBLE, TATWEEL, normalize, normalize_with_map, original_span
from .actors import ActorData, ActorRecord, bundled_files, user_files
from .matcher import Matcher
from .organs import (Candidate, Hit, compose, next_word_start, organ_actor, organ_id, previous_word,
                     state_nisba_name, word_at)

try:  # places are built alongside; without them rasd still finds actors
    from .places import Gazetteer
except ImportError:  # pragma: no cover - depends on the checkout
    Gazetteer = None  # type: ignore[assignment,misc]

# Words after which a capital is a place, not a speaker: prepositions ("في القاهرة"), nouns
# that take a city as genitive ("محكمة جنايات القاهرة", "مطار بغداد") and verbs whose object
# is a destination or a target ("ستدخل طرابلس", "قصف تل أبيب").
_LOCATIVE = (
    "في", "إلى", "من", "قرب", "نحو", "عند", "داخل", "خارج", "حول", "عبر", "منذ", "لدى", "حتى",
    "على", "مقر", "أمام", "فوق", "تحت", "شمال", "جنوب", "شرق", "غرب", "شمالي", "جنوبي", "شرقي",
    "غربي", "وسط", "ضواحي", "أنحاء", "أطراف", "مدينة", "العاصمة", "مطار", "شوارع", "سكان",
    "أهالي", "جامعة", "محافظة", "ميناء", "ريف", "أحياء", "حي", "سماء", "محكمة", "جنايات",
    "قصف", "استهداف", "دخول", "اقتحام", "حصار", "سقوط", "أسواق", "مستشفيات", "بلدية", "محافظ",
    "مديرية", "ضاحية", "زار", "زارت", "يزور", "تزور", "سيزور", "ستزور", "زيارة", "وصل", "وصلت",
    "يصل", "تصل", "وصول", "غادر", "غادرت", "مغادرة", "دخل", "دخلت", "يدخل", "تدخل", "ستدخل",
    "سيدخل", "اقتحم", "اقتحمت", "قصف", "قصفت", "استهدف", "استهدفت", "هاجم", "هاجمت", "حاصر",
    "حاصرت", "عاد", "عادت", "توجه", "توجهت", "انتقل", "انتقلت", "قدم", "قدمت", "ولاية",
    "عاصمة", "إقليم", "منطقة", "محيط", "بلدة", "قرية", "ضواحي",
)
LOCATIVE_WORDS = frozenset(w2 for w in map(normalize, _LOCATIVE) for w2 in (w, "و" + w, "ف" + w))
# ... but "بين القاهرة وأنقرة" is about governments, and so is "المدعومة من أنقرة"
NOT_LOCATIVE_AFTER = frozenset(map(normalize, ("بين", "وبين")))
AGENT_BEFORE_MIN = frozenset(map(normalize, (
    "المدعومة", "المدعوم", "المدعومين", "مدعومة", "مدعوم", "بدعم", "بطلب", "بتمويل", "بوساطة",
    "بتكليف", "بأمر", "بقرار", "الموالية", "الموالي", "موالية", "رسالة", "تصريحات", "موقف")))
# Nouns that make a place of the surname after them ("عين الأسد", "شارع السادات").
PLACE_NOUNS = frozenset(map(normalize, (
    "عين", "قاعدة", "بحيرة", "شارع", "مدينة", "ساحة", "مطار", "جامعة", "مستشفى", "حي", "سد",
    "جسر", "ميدان", "مسجد", "مدرسة", "قرية", "بلدة", "مخيم", "معسكر", "ضاحية", "ملعب", "نهر",
    "جبل", "وادي", "مرفأ", "ميناء", "منطقة", "مركز", "مؤسسة", "جائزة", "مكتبة", "قصر")))

# Characters that normalization deletes (everything else maps one to one, or to several
# letters, which OffsetMap checks for).
_DELETIONS = re.compile("[" + DIACRITICS + TATWEEL + INVISIBLE + "]")
_LIGATURES = re.compile("[\ufb50-\ufdff\ufe70-\ufeff]")

# Prepositions that place an organ ("السلطات في شبوة").
_IN_WORDS = frozenset(("في", "فى", "داخل", "بمدينه", "بمحافظه", "بولايه"))
# Kinds of candidates that stand for a state itself (used to find the context country).
_STATEISH = ("nisba", "capital", "organ")
_BY_START = attrgetter("start")
# Kinds whose country counts towards settling spans with several readings.
_COUNTED = frozenset(("name", "nisba", "organ", "capital"))
_PRIORITY = {"name": 3, "organ": 2, "generic": 2, "nisba": 1, "capital": 1, "head": 0}
_CACHE_FORMAT = 1


class Knowledge:
    """Actors (and places, when the gazetteer is there), compiled for matching; read-only."""

    def __init__(self, data: ActorData, places: Any, matcher: Matcher[Hit],
                 actors: dict[str, Actor], version: str):
        self._data = data
        self.places = places
        self._matcher = matcher
        self._actors = actors
        self.version = version
        self._kinds = {k: a.type for k, a in actors.items()}
        self._leads = {k: a.leads for k, a in actors.items()}
        self._country = {k: a.country for k, a in actors.items()}
        self._generic = {k: g.actor for k, g in data.generics.items()}
        self._heads = {h.role: h for h in data.organs.values()}
        # a generic actor of one country ("مسلحون" in Libya), made once: a frozen Actor, built
        # from read-only data, and there are only so many generics times countries
        self._generic_in: dict[tuple[str, str], Actor] = {}

    # ---- loading ------------------------------------------------------------------------

    @classmethod
    def load(cls, dirs: tuple[Path, ...] = ()) -> "Knowledge":
        """Bundled actors and places, then the user folders in ``dirs`` (later overrides earlier).

        The compiled actor part is cached in the user cache folder, keyed by the hash of
        every actor file; set RASD_NO_CACHE=1 to rebuild each time.
        """
        dirs = tuple(Path(d) for d in dirs)
        places = Gazetteer.load(extra_dirs=dirs) if Gazetteer is not None else None
        files = bundled_files() + user_files(dirs)
        digest = _digest(files)
        compiled = _read_cache(digest)
        if compiled is None:
            data = load_actor_data_from(files, digest)
            actors = build_actors(data)
            matcher = Matcher.build(matcher_entries(data))
            compiled = (data, matcher, actors)
            _write_cache(digest, compiled)
        data, matcher, actors = compiled
        version = f"kb-{digest[:10]}"
        if places is not None:
            version += f"+{places.version}"
        return cls(data, places, matcher, actors, version)

    # ---- look-ups -----------------------------------------------------------------------

    def actor(self, actor_id: str) -> Actor | None:
        """The actor with this id (states, organs such as EGY.MIL, groups, people, generics)."""
        return self._actors.get(actor_id) or self._generic.get(actor_id)

    def record(self, actor_id: str) -> ActorRecord | None:
        """The named actor with its aliases, nisbas and capitals."""
        return self._data.actors.get(actor_id)

    @property
    def actors(self) -> dict[str, Actor]:
        return dict(self._actors)

    def resolve_actor(self, text: str) -> Actor | None:
        """The actor a surface string names ("الجيش المصري", "لداعش"), or None."""
        norm = normalize(text)
        letters = sum(ch.isalnum() for ch in norm)
        best: tuple[int, Actor] | None = None
        for c in self._select(norm)[0]:
            actor = self._resolve(c, norm, [], None)
            if actor is None or actor.id is None:
                continue
            covered = sum(ch.isalnum() for ch in norm[c.start:c.end])
            if best is None or covered > best[0]:
                best = (covered, actor)
        # the match must be most of the string: "وزير" in "وزير سابق في الجيش" is not enough
        if best is not None and best[0] >= 0.6 * letters:
            return best[1]
        return None

    def resolve_place(self, text: str, countries: tuple[str, ...] = ()) -> Place | None:
        """The place a surface string names (the gazetteer decides), or None without one."""
        if self.places is None:
            return None
        return self.places.resolve_place(text, countries)

    # ---- matching -----------------------------------------------------------------------

    def find_mentions(self, text: str, sentences: list[Sentence], tokens: list[Token]) -> list[Mention]:
        """Actor and place mentions of ``text``, merged, in text order."""
        offsets = OffsetMap(text)
        norm = offsets.norm
        starts = [s.start for s in sentences]
        # the sentences' normalized bounds; only a head standing alone needs them, so made then
        bounds: list[tuple[int, int]] = []
        bound_starts: list[int] = []
        places = self.places.find(text, sentences, tokens) if self.places is not None else []
        # where the text's places lie: context for "الشرطة" or "مسلحون" without a state named,
        # and for names two actors share ("المجلس الرئاسي" in Libya or in Yemen)
        place_countries = [(offsets.normalized(p.start), p.place.country) for p in places
                           if p.place is not None and p.place.country]
        chosen, cands = self._select(norm, Counter(country for _, country in place_countries))
        dominant = _dominant_country(chosen, self._kinds, place_countries)
        place_spans = {(p.start, p.end) for p in places}
        mentions: list[Mention] = []
        titles = _title_ends(cands)
        kinds: dict[tuple[int, int], tuple[str, str | None]] = {}
        kind_of = self._kinds.get
        for i, c in enumerate(chosen):
            kind = c.kind
            sent_bounds = (0, 0)
            if kind == "head":
                if i + 1 < len(chosen) and self._is_person(chosen[i + 1]) \
                        and not norm[c.end:chosen[i + 1].start].strip():
                    continue  # "رئيس الوزراء مصطفى مدبولي": a title, not a second actor
                if not bounds:
                    bounds += [(offsets.normalized(s.start), offsets.normalized(s.end)) for s in sentences]
                    bound_starts += [lo for lo, _ in bounds]
                sent_bounds = _bounds_of(bounds, bound_starts, c.start)
            actor = self._resolve(c, norm, chosen, dominant, sent_bounds, i, place_countries)
            start, end = offsets.span(c.start, c.end)
            if kind == "capital":
                if self.places is None:
                    if actor is None:
                        continue  # a city used as a place: the gazetteer's business
                elif (start, end) not in place_spans and self.places.refuses(
                        norm[c.start:c.end], word_at(norm, next_word_start(norm, c.end))[0]):
                    continue  # "ومسقط رأسه": the name is an ordinary word here
            elif actor is None:
                continue
            label = _label(c, actor)
            title = None
            if actor is not None and actor.type == "person":
                t = titles.get(_skip_back(norm, c.start))
                if t is not None:
                    ts, te = offsets.span(t, _skip_back(norm, c.start))
                    title = text[ts:te].strip()
            if kind == "name" and kind_of(c.ref) == "state":
                kinds[(start, end)] = ("name_state", c.ref)
            else:
                kinds[(start, end)] = (kind, c.country)
            k = bisect.bisect_right(starts, start) - 1  # the mention's sentence
            mentions.append(Mention(start, end, text[start:end], label, actor=actor,
                                    source="pattern" if kind in ("organ", "head", "generic") else "gazetteer",
                                    sentence=sentences[k].index if k >= 0 else 0, title=title))
        if self.places is not None:
            mentions = self._merge_places(norm, offsets, places, mentions, kinds)
        return [m for m in mentions if m.actor is not None or m.place is not None]

    # ---- internals ----------------------------------------------------------------------

    def _candidates(self, norm: str) -> list[Candidate]:
        out = []
        records = self._data.actors
        for s, e, hits in self._matcher.find_all(norm):
            for h in hits:
                kind = h.kind
                if kind == "name":
                    if h.guarded:
                        rec = records.get(h.ref)
                        if rec is not None and not _context_allows(rec, norm, s, e):
                            continue
                    if h.person and " " not in norm[s:e] \
                            and previous_word(norm, _word_begin(norm, s)) in PLACE_NOUNS:
                        continue  # "عين الأسد" is a place, not Bashar al-Assad
                # a head that may stand alone is marked with head=-2
                out.append(Candidate(s, e, kind, h.ref, h.country,
                                     -2 if kind == "head" and h.standalone else -1, h.priority,
                                     kind == "nisba" and h.guarded))
        return out

    def _select(self, norm: str, place_counts: Counter[str] | None = None) -> tuple[list[Candidate], list[Candidate]]:
        """The chosen readings (longest span first), and every candidate seen; ``place_counts``
        (the countries of the text's places) help settle names with several readings."""
        cands = compose(norm, self._candidates(norm), self._kinds, self._leads, self._country)
        country_of = self._country.get
        viable: list[tuple[Candidate, str | None]] = []
        readings: dict[tuple[int, int], set[str | None]] = {}
        for c in cands:
            kind = c.kind
            if kind == "title" or (kind == "nisba" and c.guarded) \
                    or (kind == "head" and (c.head != -2 or c.ref == "MEMBER")):
                continue
            country = country_of(c.ref) if kind == "name" else c.country
            viable.append((c, country))
            readings.setdefault((c.start, c.end), set()).add(country)
        # same span, several readings ("عمان": Oman or Amman): the document's country decides,
        # counted over spans that have one reading only
        counts = Counter(country for c, country in viable
                         if c.kind in _COUNTED and len(readings[(c.start, c.end)]) == 1)
        counts.pop(None, None)
        if place_counts:
            counts.update(place_counts)
        # longest first, then the document's country, then named over composed (stable on ties)
        keys = [(c.start - c.end, -counts.get(country, 0), -c.priority, c.start) for c, country in viable]
        ranked = [viable[i][0] for i in sorted(range(len(viable)), key=keys.__getitem__)]
        taken: list[Candidate] = []
        occupied = bytearray(len(norm) + 1)
        for c in ranked:
            if occupied.find(1, c.start, c.end) < 0:
                taken.append(c)
                occupied[c.start:c.end] = b"\x01" * (c.end - c.start)
        taken.sort(key=_BY_START)
        return taken, cands

    def _is_person(self, c: Candidate) -> bool:
        return c.kind == "name" and self._kinds.get(c.ref) == "person"

    def _country_of(self, c: Candidate) -> str | None:
        if c.kind == "name":
            return self._country.get(c.ref)
        return c.country

    def _resolve(self, c: Candidate, norm: str, chosen: list[Candidate], dominant: str | None,
                 sent_bounds: tuple[int, int] = (0, 0), index: int = -1,
                 place_countries: list[tuple[int, str]] = ()) -> Actor | None:
        if c.kind == "name":
            return self._actors.get(c.ref)
        if c.kind == "nisba":
            return self._actors.get(c.ref)
        if c.kind == "organ":
            return self._actors.get(organ_id(c.country or "", c.ref))
        if c.kind == "capital":
            if _is_locative(norm, c.start):
                return None
            if self._kinds.get(c.ref) not in (None, "state"):
                return self._actors.get(c.ref)
            return self._actors.get(organ_id(c.ref, "GOV"))
        if c.kind == "head":  # a head standing alone: the state of its sentence, else the document's
            country = (_place_after(norm, c.end, place_countries)
                       or _context_country(chosen, index, sent_bounds, self, place_countries) or dominant)
            if country is not None and organ_id(country, c.ref) in self._actors:
                return self._actors[organ_id(country, c.ref)]
            head = self._heads.get(c.ref)
            return Actor(None, head.name_en if head else c.ref, norm[c.start:c.end],
                         head.type if head else "generic")
        if c.kind == "generic":
            base = self._generic.get(c.ref)
            if base is None or _indefinite_adjective(norm, c.start, c.end):
                return None
            country = c.country or dominant
            if not country:
                return base
            actor = self._generic_in.get((c.ref, country))
            if actor is None:
                actor = self._generic_in[(c.ref, country)] = replace(base, country=country)
            return actor
        return None

    def _merge_places(self, norm: str, offsets: OffsetMap, places: list[Mention], mentions: list[Mention],
                      kinds: dict[tuple[int, int], tuple[str, str | None]]) -> list[Mention]:
        """One mention per span: places join the actor mention with the same span.

        ``kinds`` says which actor mentions are state names or capitals: those get their
        place even where the gazetteer did not return one."""
        by_span = {(m.start, m.end): m for m in mentions}
        out = list(mentions)
        for p in places:
            same = by_span.get((p.start, p.end))
            if same is not None:
                same.place = p.place
                same.label = "GPE" if same.label in ("GPE", "LOC") or same.actor is None else same.label
                continue
            inside = [m for m in out if m.start < p.end and p.start < m.end]
            named = self._place_named_by_actor(norm, offsets, inside, p, kinds)
            if named is not None:
                out = [m for m in out if m not in inside] + [named]
                continue
            # "فجر ليبيا" is a group, not the country; "ولاية الجزيرة" swallows "الجزيرة"; but a
            # crowd word inside a longer place name is the place's ("منطقة القبائل")
            if any(m.end - m.start >= p.end - p.start or kinds.get((m.start, m.end), ("",))[0]
                   not in ("name_state", "nisba", "capital", "generic") for m in inside):
                continue
            for m in inside:  # "جنوب لبنان": the region, and still Lebanon as an actor
                out.remove(m)
                if p.actor is None and m.actor is not None and m.actor.type == "state" \
                        and p.place is not None and p.place.country == m.actor.country:
                    p = replace_mention(p, actor=m.actor, label="GPE")
            if p.place is not None and p.place.precision == "city":
                capital_of = getattr(self.places, "capital_of", None)
                country = capital_of(p.place.id) if capital_of else None
                nstart = offsets.normalized(p.start)
                if country and not _is_locative(norm, nstart):
                    p = replace_mention(p, actor=self._actors.get(organ_id(country, "GOV")), label="GPE")
            out.append(p)
        country_place = getattr(self.places, "country_place", None)
        for m in out:
            kind, country = kinds.get((m.start, m.end), ("", None))
            if kind == "name_state" and m.place is None and country_place is not None:
                m.place = country_place(country)
            elif kind == "capital" and country and (m.place is None or m.place.country != country):
                if m.place is not None and m.place.precision != "country":
                    # the gazetteer placed the city by its context ("طرابلس اللبنانية", "طرابلس
                    # شمال لبنان"): another country's namesake, so not the capital speaking
                    if m.actor is not None and m.actor.country == country:
                        m.actor = None
                    continue
                m.place = self.places.resolve_place(m.text, (country,)) or m.place
        out.sort(key=lambda m: (m.start, -m.end))
        return out

    def _place_named_by_actor(self, norm: str, offsets: OffsetMap, inside: list[Mention], p: Mention,
                              kinds: dict[tuple[int, int], tuple[str, str | None]]) -> Mention | None:
        """"إقليم كردستان": an actor's name made of trigger words and a place is the place
        after a preposition ("في إقليم كردستان"), and both where it acts ("رفض إقليم كردستان").
        Returns the merged mention, or None when the actor is something else."""
        if not inside:
            return None
        first = min(inside, key=lambda m: m.start)
        # only a government is named by its territory: "ولاية سيناء" is an armed group, not the place
        if first.actor is None or first.actor.type != "government" or first.start >= p.start or first.end > p.end:
            return None
        # what else the place covers must be the state it lies in ("إقليم كردستان العراق")
        if any(kinds.get((m.start, m.end), ("",))[0] not in ("name_state", "nisba") or m.end > p.end
               for m in inside if m is not first):
            return None
        words = first.text[:p.start - first.start].split()
        if not words or not all(self.places.is_trigger(w) for w in words):
            return None
        text = first.text[:p.start - first.start] + p.text
        if _is_locative(norm, offsets.normalized(first.start)):
            return replace_mention(first, end=p.end, text=text, actor=None, place=p.place, label=p.label)
        return replace_mention(first, end=p.end, text=text, place=p.place, label="GPE")


class OffsetMap:
    """Normalized text with a map back to the original, built from deletions only.

    Normalization mostly deletes characters (harakat, tatweel, invisible marks); then an
    index maps back with one bisect instead of a per-character list. Text with multi-letter
    replacements (presentation ligatures) falls back to ``normalize_with_map``.
    """

    __slots__ = ("norm", "_deleted", "_shift", "_full")

    def __init__(self, text: str):
        self.norm = normalize(text)
        self._full: list[int] | None = None
        self._deleted: list[int] = []
        self._shift: list[int] = []
        if _LIGATURES.search(text):
            self.norm, self._full = normalize_with_map(text)
            return
        if len(self.norm) == len(text):
            return
        self._deleted = [m.start() for m in _DELETIONS.finditer(text)]
        if len(text) - len(self._deleted) != len(self.norm):
            self.norm, self._full = normalize_with_map(text)
            return
        self._shift = [p - k for k, p in enumerate(self._deleted)]

    def original(self, i: int) -> int:
        """Original offset of normalized index ``i`` (``len(norm)`` maps to the text's end)."""
        if self._full is not None:
            return self._full[i]
        return i + bisect.bisect_right(self._shift, i)

    def span(self, start: int, end: int) -> tuple[int, int]:
        if self._full is not None:
            return original_span(self._full, start, end)
        if end <= start:
            return self.original(start), self.original(start)
        return self.original(start), self.original(end - 1) + 1

    def normalized(self, original: int) -> int:
        """The first normalized index whose source offset is >= ``original``."""
        if self._full is not None:
            return bisect.bisect_left(self._full, original)
        return original - bisect.bisect_left(self._deleted, original)


def replace_mention(m: Mention, **changes: Any) -> Mention:
    """A copy of a mention with some fields changed."""
    return Mention(**{**{f: getattr(m, f) for f in Mention.__slots__}, **changes})  # type: ignore[attr-defined]


# ---- building ------------------------------------------------------------------------------


def load_actor_data_from(files: list[tuple[str, str]], digest: str) -> ActorData:
    """ActorData from (name, text) files, in order."""
    from .actors import add_file
    data = ActorData()
    for name, text in files:
        add_file(data, name, text)
    data.digest = digest
    return data


def build_actors(data: ActorData) -> dict[str, Actor]:
    """Every actor by id: named ones, and the organs of every state (named organs win)."""
    actors = {aid: rec.actor for aid, rec in data.actors.items()}
    heads = {}
    for head in data.organs.values():
        if head.role != "MEMBER":
            heads.setdefault(head.role, head)
    for rec in data.actors.values():
        if rec.actor.type != "state" or rec.actor.id is None:
            continue
        for role, head in heads.items():
            oid = organ_id(rec.actor.id, role)
            if oid not in actors:
                actors[oid] = organ_actor(rec, head, state_nisba_name(rec, head.gender))
    return actors


def matcher_entries(data: ActorData) -> list[tuple[str, Hit]]:
    """(surface form, Hit) for every form the actor data knows."""
    entries: list[tuple[str, Hit]] = []
    named, nisba, capital = _PRIORITY["name"], _PRIORITY["nisba"], _PRIORITY["capital"]
    for aid, rec in data.actors.items():
        country = rec.actor.country or aid
        person = rec.actor.type == "person"
        entries += [(f, Hit("name", aid, priority=named, person=person)) for f in rec.aliases]
        entries += [(f, Hit("name", aid, guarded=True, priority=named, person=person)) for f in rec.guarded]
        entries += [(f, Hit("nisba", country, country=country, priority=nisba)) for f in rec.nisba_forms]
        entries += [(f, Hit("nisba", country, guarded=True, country=country, priority=nisba))
                    for f in rec.organ_nisba_forms]
        # "أربيل" speaks for the KRG; a state's capital for the state
        seat = country if rec.actor.type == "state" else aid
        seat_country = country if rec.actor.type == "state" else rec.actor.country
        entries += [(f, Hit("capital", seat, country=seat_country, priority=capital)) for f in rec.capitals]
    for head in data.organs.values():
        entries += [(f, Hit("head", head.role, head.standalone, priority=_PRIORITY["head"])) for f in head.forms]
    for gid, g in data.generics.items():
        entries += [(f, Hit("generic", gid, priority=_PRIORITY["generic"])) for f in g.forms]
    entries += [(t, Hit("title", "")) for t in sorted(data.titles)]
    return entries


# ---- context -------------------------------------------------------------------------------


def _context_allows(rec: ActorRecord, norm: str, start: int, end: int) -> bool:
    """needs_before / not_before of ambiguous names ("مالي" the state, not "دعم مالي")."""
    if rec.needs_before:
        w = start
        while w > 0 and norm[w - 1].isalnum():
            w -= 1
        # for a place-like name, an attached preposition ("بمالي") is context enough
        attached = "في" in rec.needs_before and ("ب" in norm[w:start] or "ل" in norm[w:start])
        if not attached \
                and previous_word(norm, w) not in rec.needs_before:
            return False
    if rec.not_before:
        i = end
        while i < len(norm) and norm[i] == " ":
            i += 1
        j = i
        while j < len(norm) and norm[j].isalnum():
            j += 1
        if norm[i:j] in rec.not_before:
            return False
    return True


def _is_locative(norm: str, start: int) -> bool:
    """Whether the word at ``start`` follows a locative preposition (attached or not)."""
    w = _word_begin(norm, start)
    prefix = norm[w:start]
    if "ب" in prefix or norm.startswith("لل", start) or prefix.endswith("ل"):
        return True
    prev, prev_start = _previous(norm, w)
    if prev in NOT_LOCATIVE_AFTER:
        return False
    if prev in ("من", "ومن") and _previous(norm, prev_start)[0] in AGENT_BEFORE_MIN:
        return False
    if prev in LOCATIVE_WORDS:
        return True
    before = _previous(norm, prev_start)[0]
    # "العاصمة الليبية طرابلس": a place noun and its nisba before the name
    if prev.endswith(("يه", "ي")) and before in LOCATIVE_WORDS:
        return True
    # "في الخليل ورام الله": the second of two coordinated places
    return prefix == "و" and before in LOCATIVE_WORDS


def _previous(norm: str, pos: int) -> tuple[str, int]:
    """The word before ``pos`` and where it starts."""
    word = previous_word(norm, pos)
    i = pos
    while i > 0 and norm[i - 1] == " ":
        i -= 1
    return word, i - len(word)


def _word_begin(norm: str, pos: int) -> int:
    """The start of the word that ``pos`` is in (before its proclitics)."""
    while pos > 0 and norm[pos - 1].isalnum():
        pos -= 1
    return pos


def _title_ends(cands: list[Candidate]) -> dict[int, int]:
    """End → start of title words ("اللواء", "الرئيس") and organ heads, to name a person's title."""
    out: dict[int, int] = {}
    for c in cands:
        if c.kind in ("title", "head") and (c.end not in out or c.start < out[c.end]):
            out[c.end] = c.start
    return out


def _dominant_country(chosen: list[Candidate], kinds: dict[str, str],
                      place_countries: list[tuple[int, str]] = ()) -> str | None:
    """The state the document is most about (by mentions of it, its organs, nisbas and places)."""
    # one pass over the candidates (this runs for every document); only a clear first counts,
    # so the order in which states are counted does not matter
    counts: dict[str, int] = {}
    for c in chosen:
        kind = c.kind
        if kind in _STATEISH:
            if c.country and not c.guarded:
                counts[c.country] = counts.get(c.country, 0) + 1
        elif kind == "name":
            ref = c.ref
            if kinds.get(ref) == "state":
                counts[ref] = counts.get(ref, 0) + 1
            if "." in ref:  # a named organ ("القوات المسلحة السودانية" → SDN.MIL) speaks of its state too
                state = ref.split(".", 1)[0]
                counts[state] = counts.get(state, 0) + 1
    for _, country in place_countries:
        counts[country] = counts.get(country, 0) + 1
    if not counts:
        return None
    most = max(counts.values())
    tops = [country for country, n in counts.items() if n == most]
    return tops[0] if len(tops) == 1 else None


def _context_country(chosen: list[Candidate], index: int, bounds: tuple[int, int],
                     kb: Knowledge, place_countries: list[tuple[int, str]] = ()) -> str | None:
    """The nearest state named in the same sentence (before, then after), else the state of
    a place in the sentence, else a person's state."""
    lo, hi = bounds
    order = list(range(index - 1, -1, -1)) + list(range(index + 1, len(chosen)))
    near = [chosen[j] for j in order if lo <= chosen[j].start < hi]
    for c in near:
        if c.kind in _STATEISH and c.country and not c.guarded:
            return c.country
        if c.kind == "name" and (kb._kinds.get(c.ref) == "state" or "." in c.ref):
            return kb._country.get(c.ref)
    pos = chosen[index].start if 0 <= index < len(chosen) else lo
    in_sentence = [(abs(p - pos), country) for p, country in place_countries if lo <= p < hi]
    if in_sentence:
        return min(in_sentence)[1]
    for c in near:
        if c.kind == "name" and kb._kinds.get(c.ref) == "person" and kb._country.get(c.ref):
            return kb._country[c.ref]
    return None


def _place_after(norm: str, end: int, place_countries: list[tuple[int, str]]) -> str | None:
    """The country of a place right after a head and a preposition: "السلطات المحلية في شبوة",
    "الشرطة في بنغازي" (an adjective may stand between)."""
    for pos, country in place_countries:
        if end < pos <= end + 24:
            between = norm[end:pos].split()
            if 1 <= len(between) <= 2 and between[-1] in _IN_WORDS and \
                    all(w.startswith("ال") for w in between[:-1]):
                return country
            if len(between) <= 1 and norm[_word_begin(norm, pos):pos] in ("ب", "وب"):
                return country  # "الشرطة بالمدينة"... "بطرابلس": an attached preposition
    return None


def _indefinite_adjective(norm: str, start: int, end: int) -> bool:
    """"هجوما انتحاريا": an accusative nisba after an accusative noun describes it; it is no actor."""
    word = norm[start:end]
    if " " in word or not word.endswith("يا") or start != _word_begin(norm, start):
        return False
    before = previous_word(norm, start)
    return len(before) > 2 and before.endswith("ا") and not before.startswith("ال") and before not in ("لا", "ما")


def _bounds_of(bounds: list[tuple[int, int]], lows: list[int], pos: int) -> tuple[int, int]:
    """The (normalized) bounds of the sentence that holds ``pos``."""
    i = bisect.bisect_right(lows, pos) - 1
    if i >= 0 and bounds[i][0] <= pos < bounds[i][1]:
        return bounds[i]
    return pos, pos + 1


def _skip_back(norm: str, pos: int) -> int:
    while pos > 0 and norm[pos - 1] == " ":
        pos -= 1
    return pos


def _label(c: Candidate, actor: Actor | None) -> str:
    if c.kind in ("nisba", "capital"):
        return "GPE"
    if actor is None:
        return "ORG"
    if actor.type == "state":
        return "GPE"
    if actor.type == "person":
        return "PER"
    return "ORG"


# ---- the compiled cache ------------------------------------------------------------------


def _digest(files: list[tuple[str, str]]) -> str:
    """Hash of the data files (the knowledge version) ..."""
    h = hashlib.blake2b(digest_size=16)
    h.update(f"format-{_CACHE_FORMAT}".encode())
    for name, text in files:
        h.update(name.encode() + b"\0" + text.encode("utf-8") + b"\0")
    return h.hexdigest()


def _cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or (
        os.path.join(os.environ.get("LOCALAPPDATA", ""), "rasd") if sys.platform == "win32"
        else os.path.join(os.path.expanduser("~"), ".cache"))
    return Path(base) / "rasd" / "knowledge"


def _code_digest() -> str:
    """... and of the code that compiles them, so that a changed rasd never reads a stale cache."""
    h = hashlib.blake2b(digest_size=8)
    for name in ("__init__.py", "actors.py", "organs.py", "matcher.py"):
        h.update((Path(__file__).parent / name).read_bytes())
    return h.hexdigest()


def _cache_path(digest: str) -> Path:
    return _cache_dir() / f"actors-{digest[:16]}-{_code_digest()}.pickle"


def _read_cache(digest: str) -> Any:
    if os.environ.get("RASD_NO_CACHE"):
        return None
    path = _cache_path(digest)
    try:
        with open(path, "rb") as f:
            return pickle.load(f)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
        return None  # no cache or a stale one: rebuild


def _write_cache(digest: str, compiled: Any) -> None:
    if os.environ.get("RASD_NO_CACHE"):
        return
    folder = _cache_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        tmp = folder / f".actors-{digest}.{os.getpid()}.tmp"
        with open(tmp, "wb") as f:
            pickle.dump(compiled, f, protocol=pickle.HIGHEST_PROTOCOL)
        path = _cache_path(digest)
        os.replace(tmp, path)
        for old in folder.glob("actors-*.pickle"):  # keep one compiled version per data set
            if old != path and old.stat().st_mtime < path.stat().st_mtime - 3600:
                old.unlink(missing_ok=True)
    except OSError:
        pass  # a read-only home only costs the rebuild


__all__ = ["Knowledge", "Matcher", "OffsetMap", "LOCATIVE_WORDS", "build_actors", "matcher_entries"]
