"""The gazetteer: place names found in Arabic text and resolved to coordinates.

Data (``rasd/data/knowledge/places/*.tsv``, then ``DIR/places/*.tsv`` of user folders; a row
whose id is already known fills in or replaces that entry's cells and adds its aliases):

- ``countries.tsv`` and ``geonames_cities.tsv``: derived by ``scripts/build_gazetteer.py``;
- ``country_names.tsv``: short Arabic forms, nisbas and centroids of countries;
- ``admin1.tsv``, ``regions.tsv``, ``towns.tsv``: curated divisions, regions, towns and sites;
- ``directions.tsv``: parts of countries ("شرق ليبيا");
- ``place_cues.tsv``: trigger words (مدينة، محافظة، معبر), directions, links, units;
- ``common_words.tsv``: names that are also ordinary words and need a cue to count.

Place ids:

- ``LBY`` — a country (ISO 3166-1 alpha-3);
- ``gn:87205`` — a GeoNames populated place;
- ``LBY:DERNA`` — a curated town, district or site of one country; ``LBY:A1:CYRENAICA`` a
  first-level division or historic province; ``LBY:E`` a part of a country (compass code);
- ``REGION:SAHEL`` — a region that spans countries;
- ``~gn:98182@100km:NE`` — a place the text locates only relative to a known one.

Resolution reads the text around a name (trigger words before it, a nisba after it,
"الواقعة في ..." and "(100 كلم شمال بغداد)" after an unknown name) and the document (the
countries and places it names), then falls back on population.
"""
from __future__ import annotations

import bisect
import hashlib
import math
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from importlib import resources
from itertools import compress
from operator import attrgetter
from pathlib import Path
from typing import NamedTuple

from ..errors import RasdError
from ..model import Mention, Place, Sentence, Token
from ..normalize import normalize, normalize_with_map
from .geo import BEARINGS, COMPASS_EN, compose_compass, destination, haversine_km

# Clitic chains that may stand before a name (normalized): conjunction, then preposition.
_PLAIN_PREFIXES = ("", "و", "ف", "ب", "ل", "ك", "وب", "ول", "فب", "فل", "وك", "فك")
# ... before the article of a name that has one ("بالعراق", "والسودان").
_ARTICLE_PREFIXES = ("", "و", "ف", "ب", "ك", "وب", "فب", "وك", "فك")
# "للعراق": ل + ال with the alef dropped; the span starts at the first lam.
_LAM_PREFIXES = ("", "و", "ف")

_PRECISION = {"country": "country", "admin1": "admin1", "region": "region", "city": "city",
              "town": "city", "district": "city", "village": "city", "camp": "city", "site": "site"}
_LABEL = {"country": "GPE", "admin1": "GPE", "region": "LOC", "city": "LOC", "site": "FAC"}
# Feature codes of GeoNames that are capitals or seats (a small bonus when names collide).
_SEATS = frozenset({"PPLC", "PPLA", "PPLA2", "PPLG"})
_WORD = re.compile(r"[^\W_]+(?:[\u064B-\u065F\u0670\u0640]+[^\W_]*)*")
_NUMBER = re.compile(r"^\d+(?:[.,]\d+)?$")
_PLAIN_SET = frozenset(_PLAIN_PREFIXES)
_ARTICLE_SET = frozenset(_ARTICLE_PREFIXES)
_LAM_SET = frozenset(_LAM_PREFIXES)
_CLITIC_CHAINS = frozenset(("وب", "فب", "ول", "فل", "وك", "و", "ف", "ب", "ل", "ك"))
_CACHE_WORDS = 200_000
_TEXT = attrgetter("text")
_NOTABLE = attrgetter("notable")
_NISBA = attrgetter("nisba")
# Cues that may stand between an unknown place and the known place it lies in.
_TIES = frozenset({"link", "locative"})


@dataclass(frozen=True, slots=True)
class Entry:
    """One gazetteer row, compiled: the Place, its kind and how much context it needs."""

    place: Place
    kind: str  # country admin1 region city site
    needs: str = ""  # "" | "locative" (a preposition or cue before it) | "cue" (a trigger or nisba)
    curated: bool = False
    seat: bool = False
    nisba: tuple[str, ...] = ()


class WordInfo(NamedTuple):
    """What one surface word can be, worked out once per word type (a tuple: cheap to make)."""

    # (the fields every word is asked for come first: they share a cache line with the
    # tuple's header, and the per-token passes run over hundreds of words per text)
    norm: str
    notable: bool = False  # a name may start here, or a phrase rule, or it is a nisba
    # where a name may start: (offset in the word, the longer forms by their second word,
    # the one-word form), looked up once per word type
    starts: tuple[tuple[int, dict[str, list[tuple[str, ...]]] | None, tuple[str, ...] | None], ...] = ()
    nisba: str | None = None  # ISO3 when the word is a country's nisba adjective
    trigger: str | None = None  # kind announced by a trigger word (city admin1 site ...)
    trigger_strong: bool = False  # a trigger that names an unknown place after it (مدينة، قرية)
    trigger_weak: bool = False  # a loose one (منطقة، ريف، محيط): no licence for a common word
    direction: str | None = None  # compass code
    direction_article: bool = False  # "الشمال", "الشرق" ("الشمال السوري")
    cue: str | None = None  # locative, link, unit, land, country_word, compound, notname
    prefix: str = ""  # the clitics in front of the core word
    special: bool = False  # a phrase rule may start here (a direction, land, strong trigger)


@dataclass(frozen=True, slots=True)
class _FormInfo:
    """What the document context learns from a form, worked out at load time."""

    places: tuple[str, ...]
    country: str | None  # the one country of all its candidates
    weight: int  # 2 for a country name, 1 for another place of one country
    anchor: tuple[float, float] | None  # the point of an unambiguous town
    needs: str  # the context its readings need ("" when one of them needs none)


@dataclass(slots=True)
class _Span:
    """A word of a text without tokens: its span and surface."""

    start: int
    end: int
    text: str
    sentence: int = 0


@dataclass(slots=True)
class _Match:
    """A name found in the text, before resolution."""

    first: int  # index of the first word
    last: int  # index after the last word
    start: int  # character span in the text
    end: int
    form: tuple[str, ...]  # normalized words of the form as stored
    candidates: tuple[str, ...]  # place ids
    trigger: str | None = None
    nisba: str | None = None
    place: Place | None = None
    label: str = "LOC"


class Gazetteer:
    """Place names compiled for matching; read-only after ``load``."""

    def __init__(self, entries: dict[str, Entry], names: dict[str, tuple[str, ...]],
                 cues: dict[str, tuple[str, str]], common: dict[str, str],
                 directions: dict[tuple[str, str], str], capitals: dict[str, str], version: str,
                 blocked: dict[str, frozenset[str]] | None = None):
        self._entries = entries
        self._names = names
        self._cues = cues
        self._common = common
        # names that are no place when one of these words follows ("مسقط رأسه": birthplace)
        self._blocked = blocked or {}
        # the same, keyed by a form's words as matches carry them: no join per match
        self._common_words = {tuple(form.split(" ")): needs for form, needs in common.items()}
        self._blocked_words = {tuple(form.split(" ")): words for form, words in self._blocked.items()}
        self._directions = directions
        self._capitals = capitals
        self._capital_ids = sorted(capitals, key=lambda c: -entries[c].place.population if c in entries else 0)
        self.version = version
        self._forms: dict[tuple[str, ...], _FormInfo] = {}
        self._single: set[tuple[str, bool]] = set()
        self._bare_keys: frozenset[str] = frozenset()
        self._article_keys: frozenset[str] = frozenset()
        self._any_form: frozenset[str] = frozenset()
        self._multi: dict[tuple[str, bool], dict[str, list[tuple[str, ...]]]] = {}
        self._nisba: dict[str, str] = {}
        self._countries: dict[str, Place] = {}
        self._compile()
        # per word type; bounded, and only ever filled with values computed from read-only data
        self._cache: dict[str, WordInfo] = {}
        self._resolved: dict[tuple[str, tuple[str, ...]], Place | None] = {}

    # ---- loading ------------------------------------------------------------------------

    @classmethod
    def load(cls, extra_dirs: tuple[Path, ...] = ()) -> "Gazetteer":
        """The bundled gazetteer, then ``DIR/places/*.tsv`` of each user folder (later wins)."""
        files = bundled_files() + user_files(extra_dirs)
        entries: dict[str, Entry] = {}
        aliases: dict[str, list[str]] = {}
        cues: dict[str, tuple[str, str]] = {}
        common: dict[str, str] = {}
        blocked: dict[str, frozenset[str]] = {}
        directions: dict[tuple[str, str], str] = {}
        capitals: dict[str, str] = {}
        digest = hashlib.blake2b(digest_size=8)
        for name, text in files:
            digest.update(name.encode() + b"\0" + text.encode("utf-8"))
            if name.startswith("place_cues"):
                for row in read_tsv(text, name):
                    for form in _cells(row.get("forms", "")):
                        cues[normalize(form)] = (row.get("cue", ""), row.get("value", ""))
            elif name.startswith("common_words"):
                for row in read_tsv(text, name):
                    form = normalize(row.get("form", ""))
                    common[form] = row.get("needs", "") or "cue"
                    if row.get("not_before"):
                        blocked[form] = frozenset(normalize(w) for w in _cells(row["not_before"]))
            else:
                for row in read_tsv(text, name):
                    _add_row(entries, aliases, row, name)
                    if row.get("feature") == "PPLC" or row.get("capital_of"):
                        capitals[row["id"]] = row.get("capital_of") or entries[row["id"]].place.country or ""
                    if name.startswith("directions") and row.get("of") and row.get("direction"):
                        directions[(row["of"], row["direction"])] = row["id"]
        names = {pid: tuple(forms) for pid, forms in aliases.items()}
        return cls(entries, names, cues, common, directions, capitals, f"places-{digest.hexdigest()[:10]}",
                   blocked)

    def _compile(self) -> None:
        """Index every form by its first (and second) word; nisbas and countries by id."""
        forms: dict[tuple[str, ...], list[str]] = {}
        for pid, entry in self._entries.items():
            for form in self._names.get(pid, ()):
                words = tuple(normalize(form).split())
                # "محافظة إدلب" is stored as "إدلب" (and "مدينة هون" as "هون"): the trigger is read
                # as a cue, so the mention is the name and "إدلب" after "محافظة" finds the division
                if len(words) > 1 and (words[0] == "مدينه" or entry.kind == "admin1" and self._cues.get(
                        words[0], ("",))[0] in ("trigger", "trigger_weak")) \
                        and not (len(words) == 2 and (words[1] in self._cues or words[1] in self._common)):
                    words = words[1:]
                if not words or len("".join(words)) < 2 or not all(w.isalnum() for w in words):
                    continue
                lst = forms.setdefault(words, [])
                if pid not in lst:
                    lst.append(pid)
            if entry.kind == "country":
                self._countries[pid] = entry.place
                for stem in entry.nisba:
                    for f in _nisba_forms(normalize(stem)):
                        self._nisba.setdefault(f, pid)
        for words, pids in forms.items():
            kept = tuple(self._dedupe(pids))
            self._forms[words] = self._form_info(kept)
            first = words[0]
            article = first.startswith("ال") and len(first) > 3
            key = (first[2:] if article else first, article)
            if len(words) == 1:
                if self._common.get(words[0]) != "drop":  # "علي", "بيان": never a place alone
                    self._single.add(key)
            else:
                self._multi.setdefault(key, {}).setdefault(words[1], []).append(words)
        for seconds in self._multi.values():
            for lst in seconds.values():
                lst.sort(key=len, reverse=True)
        keys = self._single | set(self._multi)
        self._bare_keys = frozenset(b for b, article in keys if not article)
        self._article_keys = frozenset(b for b, article in keys if article)
        # every string a word's analysis looks up once its proclitics are off (a quick reject)
        self._any_form = self._bare_keys | self._article_keys | frozenset(self._cues) | frozenset(self._nisba)

    def _form_info(self, pids: tuple[str, ...]) -> _FormInfo:
        entries = [self._entries[p] for p in pids]
        countries = {e.place.country for e in entries}
        country = next(iter(countries)) if len(countries) == 1 else None
        weight = 2 if any(e.kind == "country" for e in entries) else 1
        anchor = None
        if len(entries) == 1 and entries[0].kind in ("city", "site") and entries[0].place.lat is not None:
            anchor = (entries[0].place.lat, entries[0].place.lon)
        needs = "" if any(not e.needs for e in entries) else entries[0].needs
        return _FormInfo(pids, country, weight, anchor, needs)  # type: ignore[arg-type]

    def _dedupe(self, pids: list[str]) -> list[str]:
        """One entry per place: a curated row and a GeoNames row 25 km apart are one town."""
        ranked = sorted(pids, key=lambda p: (-self._entries[p].curated, -self._entries[p].place.population, p))
        out: list[str] = []
        for pid in ranked:
            e = self._entries[pid]
            p = e.place
            twin = None
            if e.kind in ("city", "site") and p.lat is not None and p.lon is not None:
                twin = next((k for k in out if self._entries[k].kind in ("city", "site")
                             and self._entries[k].place.country == p.country
                             and self._entries[k].place.lat is not None and self._entries[k].place.lon is not None
                             and haversine_km(p.lat, p.lon, self._entries[k].place.lat,  # type: ignore[arg-type]
                                              self._entries[k].place.lon) < 25), None)  # type: ignore[arg-type]
            if twin is None:
                out.append(pid)
            elif self._entries[twin].place.population < p.population:
                # the curated row keeps its spelling and point, and learns GeoNames' population
                kept = self._entries[twin]
                self._entries[twin] = replace(kept, place=replace(kept.place, population=p.population))
        return out

    # ---- look-ups -----------------------------------------------------------------------

    def by_id(self, place_id: str) -> Place | None:
        """The place with this id (countries by ISO3, GeoNames as gn:N, curated slugs)."""
        entry = self._entries.get(place_id)
        return entry.place if entry is not None else None

    def kind_of(self, place_id: str) -> str | None:
        """country / admin1 / region / city / site."""
        entry = self._entries.get(place_id)
        return entry.kind if entry is not None else None

    def capital_of(self, place_id: str) -> str | None:
        """The ISO3 code of the state whose capital this city is, or None."""
        return self._capitals.get(place_id)

    def country_place(self, iso3: str) -> Place | None:
        """The country as a place (centroid, precision country)."""
        return self._countries.get(iso3)

    def nisba_country(self, word: str) -> str | None:
        """The ISO3 code a nisba adjective points to ("الليبية" → LBY), or None."""
        return self._word(word).nisba

    def refuses(self, name: str, next_word: str = "") -> bool:
        """Whether a name is never a place here: an ordinary word only ("drop"), or one whose
        next word makes it ordinary ("مسقط رأسه": birthplace)."""
        form = " ".join(normalize(name).split())
        return self._common.get(form) == "drop" or normalize(next_word) in self._blocked.get(form, ())

    def is_trigger(self, word: str) -> bool:
        """Whether a word announces a place name after it ("إقليم", "محافظة", "بلدة")."""
        return self._word(word).trigger is not None

    def __len__(self) -> int:
        return len(self._entries)

    # ---- finding ------------------------------------------------------------------------

    def find(self, text: str, sentences: list[Sentence] | None = None,
             tokens: list[Token] | None = None) -> list[Mention]:
        """Every place mention of ``text``, resolved with the document as context."""
        words: list[Token] | list[_Span] = tokens if tokens else _spans(text, sentences)
        if not words:
            return []
        infos = self._infos(words)
        matches, specials = self._matches(text, words, infos)
        if not matches and not specials:
            return []
        self._capital_phrases(infos, words, matches)
        context = self._context(matches, infos)
        taken: set[int] = set()
        # the same name with the same cues resolves the same way throughout a document
        resolved: dict[tuple[tuple[str, ...], tuple[str, ...], str | None, str | None], tuple[Place, str]] = {}
        for m in matches:
            if specials:  # the words names take are only asked about by the phrase rules
                taken.update(range(m.first, m.last))
            key = (m.form, m.candidates, m.trigger, m.nisba)
            if key in resolved:
                m.place, m.label = resolved[key]
            else:
                self._resolve(m, context)
                if m.place is not None:
                    resolved[key] = (m.place, m.label)
        extra: list[_Match] = []
        for i in specials:
            if i in taken:
                continue
            info = infos[i]
            if info.direction is not None:
                extra += self._directional(text, words, infos, i, matches, taken, context)
            elif info.cue == "land":
                extra += self._lands(text, words, infos, i, taken)
        # right to left, so that "ضاحية X الواقعة في بلدة Y (...)" places Y before X
        known = sorted(matches, key=lambda m: m.first)
        for i in reversed(specials):
            if infos[i].trigger_strong and i not in taken:
                found = self._unknown_after_trigger(text, words, infos, i, known, taken)
                if found:
                    extra += found
                    known = sorted(known + found, key=lambda m: m.first)
        for m in matches:
            # "حي الساحل الشرقي بمدينة درنة": a quarter that shares its name with a town of another
            # country lies where the sentence puts it
            if m.place is None or m.first == 0 or not infos[m.first - 1].trigger_strong:
                continue
            anchor = self._container_after(words, infos, known, m.last)
            if anchor is not None and anchor.country and m.place.country and anchor.country != m.place.country:
                m.place = Place(anchor.id, anchor.name, text[m.start:m.end], anchor.country, anchor.admin1,
                                anchor.lat, anchor.lon, "city" if anchor.precision == "site" else anchor.precision, 0)
        out: list[Mention] = []
        for m in matches + extra:
            if m.place is None:
                continue
            out.append(Mention(m.start, m.end, text[m.start:m.end], m.label, place=m.place,
                               source="gazetteer", sentence=words[m.first].sentence))
        out.sort(key=lambda x: (x.start, -x.end))
        return out

    def resolve_place(self, text: str, countries: tuple[str, ...] = ()) -> Place | None:
        """The place one surface string names ("بمدينة درنة", "لليبيا"), or None.

        ``countries`` (ISO3 codes of the document) settle ambiguous names."""
        # the tagger hands over the same few names again and again: remember the answers
        # (bounded like the word cache; pure, so a hit returns what a fresh look-up would)
        key = (text, tuple(countries))
        if key in self._resolved:
            return self._resolved[key]
        if len(self._resolved) >= _CACHE_WORDS:
            self._resolved.clear()
        place = self._resolved[key] = self._resolve_string(text, countries)
        return place

    def _resolve_string(self, text: str, countries: tuple[str, ...]) -> Place | None:
        """``resolve_place`` without the cache."""
        words = _spans(text, None)
        if not words:
            return None
        infos = self._infos(words)
        matches, _ = self._matches(text, words, infos, lenient=True, countries=countries)
        if not matches:
            return None
        # the longest name wins; it must cover the string apart from trigger words and clitics
        best = max(matches, key=lambda m: (m.last - m.first, m.end - m.start))
        rest = [i for i in range(len(words)) if not best.first <= i < best.last
                and infos[i].trigger is None and infos[i].cue not in ("locative", "land")
                and infos[i].nisba is None and infos[i].direction is None]
        if rest:
            return None
        self._resolve(best, _Context(Counter({c: 5 for c in countries}), []))
        return best.place

    # ---- internals: matching ------------------------------------------------------------

    def _word(self, surface: str) -> WordInfo:
        """The analysis of one surface word, from the cache when it was seen before."""
        info = self._cache.get(surface)
        if info is None:
            if len(self._cache) >= _CACHE_WORDS:
                self._cache.clear()  # bounded: a long run over new vocabulary starts afresh
            info = self._cache[surface] = self._analyse_word(surface)
        return info

    def _infos(self, words: list[Token] | list[_Span]) -> list[WordInfo]:
        """The analysis of every word of a text (one dictionary look-up per seen word)."""
        infos = list(map(self._cache.get, map(_TEXT, words)))
        if not all(infos):  # a WordInfo is a non-empty tuple: only a miss is false
            word, i = self._word, -1
            try:
                while True:  # list.index walks in C; only the misses cost a Python step
                    i = infos.index(None, i + 1)
                    infos[i] = word(words[i].text)
            except ValueError:
                pass
        return infos  # type: ignore[return-value]

    def _analyse_word(self, surface: str) -> WordInfo:
        """Where a place name may start inside a word and which cue the word is."""
        w = normalize(surface)
        if w == surface:
            w = surface  # one string for both (most words): less to keep and to fetch later
        any_form = self._any_form
        # most words are none of these: five set look-ups tell, before the full analysis
        if w not in any_form and w[1:] not in any_form and w[2:] not in any_form \
                and w[3:] not in any_form and w[4:] not in any_form and "ل" + w[1:] not in any_form \
                and "ل" + w[2:] not in any_form:
            return WordInfo(w)
        found: list[tuple[int, str, bool]] = []
        bare, articled = self._bare_keys, self._article_keys
        # proclitic chains are at most two letters: the name starts at 0, 1 or 2 ...
        p1, p2 = w[:1], w[:2]
        if w in bare:
            found.append((0, w, False))
        if p1 in _PLAIN_SET and w[1:] in bare:
            found.append((1, w[1:], False))
        if p2 in _PLAIN_SET and w[2:] in bare:
            found.append((2, w[2:], False))
        # ... and so does the article after them ("والعراق"), or "لل" ("للعراق")
        a = w.find("ال", 0, 4)
        if a >= 0 and (a == 0 or (p1 if a == 1 else p2) in _ARTICLE_SET) and w[a + 2:] in articled:
            found.append((a, w[a + 2:], True))
        a = w.find("لل", 0, 3)
        if a >= 0 and (a == 0 or p1 in _LAM_SET) and w[a + 2:] in articled:
            found.append((a, w[a + 2:], True))
        # what each start may continue into, looked up once per word type
        starts = [(offset, self._multi.get((name, article)),
                   ((("ال" + name) if article else name),) if (name, article) in self._single else None)
                  for offset, name, article in found]
        core, prefix = _strip_clitics(w, self._cues)
        cue = self._cues.get(core) or self._cues.get(w)
        trigger = direction = None
        strong = direction_article = False
        kind = cue[0] if cue else None
        weak = False
        if kind in ("trigger", "trigger_strong", "trigger_weak"):
            trigger, strong, weak = cue[1], kind == "trigger_strong", kind == "trigger_weak"  # type: ignore[index]
            kind = None
        elif kind == "direction":
            direction = cue[1]  # type: ignore[index]
            direction_article = core.startswith("ال")
            kind = None
        nisba = self._nisba.get(w) or (self._nisba.get(w[1:]) if w[:1] in "وف" else None)
        special = direction is not None or strong or kind == "land"
        return WordInfo(w, bool(starts) or special or nisba is not None, tuple(starts), nisba, trigger, strong,
                        weak, direction, direction_article, kind, prefix, special)

    def _matches(self, text: str, words: list[Token] | list[_Span], infos: list[WordInfo],
                 lenient: bool = False, countries: tuple[str, ...] = ()) -> tuple[list[_Match], list[int]]:
        """Gazetteer names in the text (longest first, no overlaps, common words only with a
        cue) and the words where a phrase rule may start."""
        found: list[_Match] = []
        specials: list[int] = []
        needy: list[_Match] | None = [] if not lenient else None
        pending: list[_Match] | None = [] if not lenient else None
        n = len(words)
        forms = self._forms
        for i in compress(range(n), map(_NOTABLE, infos)):
            info = infos[i]
            if info.special:
                specials.append(i)
            if not info.starts:
                continue
            # the same for every form starting at this word: worked out once
            word = words[i]
            trigger = infos[i - 1].trigger if i > 0 else None
            for offset, seconds, single in info.starts:
                candidates: list[tuple[str, ...]] = []
                if seconds and i + 1 < n:
                    for form in seconds.get(infos[i + 1].norm, ()):
                        k = len(form)
                        if i + k <= n and all(infos[i + j].norm == form[j] for j in range(2, k)) \
                                and all(_adjacent(text, words[i + j - 1], words[i + j]) for j in range(1, k)):
                            candidates.append(form)
                if single is not None:
                    candidates.append(single)
                if not candidates:
                    continue
                start = word.start + (offset if not offset or len(word.text) == len(info.norm)
                                      else _surface_offset(word, info, offset))
                for form in candidates:
                    k = len(form)
                    m = _Match(i, i + k, start, words[i + k - 1].end, form, forms[form].places,
                               trigger, _nisba_hint(infos, i, i + k))
                    if self._allowed(m, infos, offset, lenient, countries):
                        found.append(m)
                        break  # the longest form that may stand here
                    if needy is None:
                        continue  # lenient: nothing is admitted later
                    needs = self._needs(m)
                    if needs in ("context", "cue", "locative", "preposition") and not self._refused(m, infos):
                        pending.append(m)  # type: ignore[union-attr]
                    if offset and info.norm[0] == "و" and needs == "locative":
                        needy.append(m)  # "النبطية والخيام": may follow a place it is listed with
        if needy:
            ends = {m.last for m in found}
            found += [m for m in needy if m.first in ends]
        if pending:
            # "القطاع" is the Gaza Strip only in a text that names Palestine or Gaza; a word the
            # text has already used as a place with a cue ("محافظة صلاح الدين") is that place later
            named = {self._forms[m.form].country for m in found}
            forms = {m.form for m in found}
            found += [m for m in pending if m.form in forms or (
                self._needs(m) == "context" and self._forms[m.form].country in named)]
        if len(found) > 1:
            found.sort(key=lambda m: (m.first - m.last, m.start - m.end, m.start))
            taken: list[_Match] = []
            used: set[int] = set()
            for m in found:
                span = range(m.first, m.last)
                if not used.isdisjoint(span):
                    continue
                used.update(span)
                taken.append(m)
            taken.sort(key=lambda m: m.start)
            found = taken
        return found, specials

    def _capital_phrases(self, infos: list[WordInfo], words: list[Token] | list[_Span],
                         matches: list[_Match]) -> None:
        """"تونس العاصمة", "الجزائر العاصمة": the capital city, not the country."""
        for m in matches:
            if m.last < len(infos) and infos[m.last].norm == "العاصمه" and not infos[m.last].prefix:
                cities = [c for c in self._capital_ids if self._capitals[c] in
                          {self._entries[p].place.country for p in m.candidates
                           if self._entries[p].kind == "country"}]
                if cities:
                    m.candidates = (cities[0],)
                    m.last += 1
                    m.end = words[m.last - 1].end

    def _allowed(self, m: _Match, infos: list[WordInfo], offset: int, lenient: bool = False,
                 countries: tuple[str, ...] = ()) -> bool:
        """A name that is also an ordinary word needs a cue: a trigger, a nisba, a preposition.
        ``lenient``: the caller already knows the string is a place (only "drop" words fail)."""
        needs = self._common_words.get(m.form)
        if needs == "drop":
            return False
        if needs is not None and m.last < len(infos) and infos[m.last].norm in self._blocked_words.get(m.form, ()):
            return False  # "مسقط رأسه"
        if needs == "none":
            needs = ""  # a place, unless a word above follows
        if offset and "ك" in infos[m.first].norm[:offset] \
                and not any(self._entries[p].kind == "country" for p in m.candidates):
            return False  # "وكسرت" is "and broke", not و + ك + سرت; "كالعراق" is fine
        if lenient:
            # a tagger's LOC span is a weak cue: enough for "دوما" (needs a preposition), not
            # for "المدينة", "وفدا" (و + فدا) or "كريمة", which need a trigger or a nisba
            if needs in ("cue", "context") or (
                    offset and len(m.form) == 1 and len(m.form[0]) <= 4 and not self._important(m)):
                return m.trigger is not None or m.nisba is not None or any(
                    self._entries[p].place.country in countries for p in m.candidates)
            return True
        if len(m.form) == 1 and offset == 0 and m.first > 0 and self._is_adjective(m, infos):
            return False
        if not needs:
            needs = self._forms[m.form].needs
        if not needs and offset and len(m.form) == 1 and len(m.form[0]) <= 3 and not self._important(m):
            # "وفدا" is not و + "فدا": a short name behind clitics must be a well-known place
            needs = "cue"
        if not needs:
            return True
        before = infos[m.first - 1] if m.first > 0 else None
        if m.trigger is not None and (needs == "locative" or before is None or not before.trigger_weak):
            return True  # "مدينة صور"; "منطقة الساحل" is only "the coastal area"
        if m.nisba is not None and any(self._entries[p].place.country == m.nisba for p in m.candidates) \
                and (needs == "locative" or not m.form[0].startswith("ال")):
            return True  # "صور اللبنانية", but not "المنشأة السورية" nor "الثورة السورية"
        if needs == "context":
            return False  # admitted later if the document names the place's country
        if needs == "locative":
            prefix = infos[m.first].norm[:offset]
            if "ب" in prefix or prefix.endswith("ل") or (before is not None and (
                    before.cue == "locative" or before.direction is not None)):
                return True
        if needs == "preposition":  # "في حجة", but "بحجة" is "on the pretext"
            return not offset and before is not None and before.cue == "locative"
        return False

    def _refused(self, m: _Match, infos: list[WordInfo]) -> bool:
        """Never a place here: an ordinary word only, or one its next word makes ordinary."""
        return self._common_words.get(m.form) == "drop" or (
            m.last < len(infos) and infos[m.last].norm in self._blocked_words.get(m.form, ()))

    def _needs(self, m: _Match) -> str:
        """The context a match needs: its common-word level, else its entries'."""
        common = self._common_words.get(m.form)
        return common if common is not None else self._forms[m.form].needs

    def _is_adjective(self, m: _Match, infos: list[WordInfo]) -> bool:
        """"الخارجية السعودية": a country name that is also its own nisba, after a definite
        noun, is the adjective; "مستقبل السعودية" and "في السعودية" are the country."""
        if self._nisba.get(m.form[0]) not in m.candidates:
            return False
        before = infos[m.first - 1]
        return before.norm.startswith(("ال", "وال", "بال", "لل")) and not before.starts \
            and before.cue is None and before.trigger is None and before.direction is None

    def _important(self, m: _Match) -> bool:
        """A country, division, region, curated town or city of 100,000 people."""
        return any(e.kind != "city" or e.curated or e.place.population >= 100_000
                   for e in (self._entries[p] for p in m.candidates))

    # ---- internals: resolution ----------------------------------------------------------

    def _context(self, matches: list[_Match], infos: list[WordInfo]) -> "_Context":
        """Countries the document names (names, unambiguous places, nisbas) and anchor points."""
        counts: Counter[str] = Counter()
        anchors: list[tuple[float, float]] = []
        forms = self._forms
        for m in matches:
            f = forms[m.form]
            if f.country:
                counts[f.country] += f.weight
            if f.anchor is not None:
                anchors.append(f.anchor)
        counts.update(filter(None, map(_NISBA, compress(infos, map(_NOTABLE, infos)))))
        return _Context(counts, list(dict.fromkeys(anchors)))

    def _resolve(self, m: _Match, context: "_Context") -> None:
        """Pick the candidate that best fits the cues and the document, then population."""
        if len(m.candidates) == 1:
            pid = m.candidates[0]
        else:
            pid = max(self._prominent(m, context), key=lambda p: (self._score(p, m, context), p))
        entry = self._entries[pid]
        m.place = entry.place
        m.label = _LABEL.get(entry.kind, "LOC")

    def _prominent(self, m: _Match, context: "_Context") -> list[str]:
        """Candidates worth weighing: a town of under a twentieth of its biggest namesake's
        population ("الرياض" in Egypt next to Riyadh) stays only with local evidence (a nisba,
        a trigger word, a known place within 100 km)."""
        pops = [self._entries[p].place.population for p in m.candidates if self._entries[p].kind == "city"]
        top = max(pops, default=0)
        out = []
        for pid in m.candidates:
            e = self._entries[pid]
            if e.kind != "city" or max(e.place.population, 15_000) * 20 >= top:
                out.append(pid)
            elif (m.nisba and e.place.country == m.nisba) or m.trigger == "city" or self._near(e.place, context) < 100:
                out.append(pid)
        return out

    @staticmethod
    def _near(p: Place, context: "_Context") -> float:
        """Distance in km to the nearest other place the document names unambiguously."""
        if p.lat is None or p.lon is None or not context.anchors:
            return math.inf
        return min((d for d in (haversine_km(p.lat, p.lon, a, b) for a, b in context.anchors) if d > 0),
                   default=math.inf)

    def _score(self, pid: str, m: _Match, context: "_Context") -> float:
        e = self._entries[pid]
        p = e.place
        score = 0.0
        if m.nisba and p.country == m.nisba:
            score += 1000
        if m.trigger:
            if m.trigger == e.kind or (m.trigger == "city" and e.kind == "site") \
                    or (m.trigger == "site" and e.kind in ("site", "city")):
                score += 50
            elif m.trigger == "city" and e.kind == "country":
                score -= 50
        if p.country:
            score += 30 * min(context.countries.get(p.country, 0), 3)
        if e.kind in ("city", "site"):
            near = self._near(p, context)
            if near < 100:
                score += 40
            elif near < 300:
                score += 20
        score += {"country": 25, "region": 10, "admin1": 5}.get(e.kind, 0)
        # a curated town without a population counts as a small town (GeoNames' floor is 15,000)
        score += 5 * math.log10(max(p.population, 15_000 if e.curated and e.kind == "city" else 10))
        score += 3 * e.curated + 2 * e.seat
        return score

    # ---- internals: phrases around names ------------------------------------------------

    def _directional(self, text: str, words: list[Token] | list[_Span], infos: list[WordInfo], i: int,
                     matches: list[_Match], taken: set[int], context: "_Context") -> list[_Match]:
        """"جنوب ليبيا", "شرق البلاد", "الشمال السوري": a part of a country."""
        info = infos[i]
        j = i + 1
        compass = info.direction
        assert compass is not None
        if j < len(infos) and infos[j].direction is not None and j not in taken \
                and _adjacent(text, words[i], words[j]):
            compass = compose_compass(compass, infos[j].direction)
            j += 1
        if j >= len(words) or not _adjacent(text, words[j - 1], words[j]):
            return []
        country: str | None = None
        replaced: _Match | None = None
        named = next((m for m in matches if m.first == j), None) if j in taken else None
        if named is not None:
            e = self._entries.get(named.place.id) if named.place is not None else None
            # "جنوب ليبيا": the country written bare after the direction
            if e is None or e.kind != "country" or named.last != j + 1 or infos[j].prefix:
                return []
            if named.start != words[j].start:
                return []
            country, replaced = e.place.id, named
        elif j not in taken and infos[j].cue == "country_word" and not info.direction_article:
            country = context.dominant(words[i].sentence, words, matches)
        elif j not in taken and info.direction_article and infos[j].nisba:
            country = infos[j].nisba
        if country is None:
            return []
        place = self.part_of(country, compass)
        if place is None:
            return []
        start = words[i].start + _surface_offset(words[i], info, len(info.prefix))
        if replaced is not None:
            matches[:] = [m for m in matches if m is not replaced]
        taken.update(range(i, j + 1))
        return [_Match(i, j + 1, start, words[j].end, (), (place.id,), place=place,
                       label=_LABEL.get(self.kind_of(place.id) or "region", "LOC"))]

    def part_of(self, iso3: str, compass: str) -> Place | None:
        """The part of a country in this direction: curated when known, else the country's point."""
        country = self._countries.get(iso3)
        if country is None:
            return None
        pid = self._directions.get((iso3, compass))
        if pid and pid in self._entries:
            return self._entries[pid].place
        name = f"{COMPASS_EN[compass]} {country.name}".capitalize()
        if len(compass) == 2:  # north-east Syria: between north and east Syria
            halves = [self.part_of(iso3, c) for c in compass]
            points = [(h.lat, h.lon) for h in halves if h is not None and h.lat is not None and h.lon is not None]
            if points:
                lat = round(sum(p[0] for p in points) / len(points), 4)
                lon = round(sum(p[1] for p in points) / len(points), 4)
                return Place(f"{iso3}:{compass}", name, "", iso3, None, lat, lon, "region", 0)
        return Place(f"{iso3}:{compass}", name, "", iso3, None, country.lat, country.lon, "region", 0)

    def _lands(self, text: str, words: list[Token] | list[_Span], infos: list[WordInfo], i: int,
               taken: set[int]) -> list[_Match]:
        """"الأراضي المصرية والتونسية": the countries, one mention per nisba."""
        out: list[_Match] = []
        j = i + 1
        while j < len(words) and infos[j].nisba and j not in taken and _adjacent(text, words[j - 1], words[j]):
            country = self._countries.get(infos[j].nisba or "")
            if country is None:
                break
            first = not out
            if first:
                start = words[i].start + _surface_offset(words[i], infos[i], len(infos[i].prefix))
            else:
                start = words[j].start + _surface_offset(words[j], infos[j], 1 if infos[j].norm[:1] == "و" else 0)
            out.append(_Match(i if first else j, j + 1, start, words[j].end, (), (country.id,),
                              place=country, label="GPE"))
            taken.update(range(i if first else j, j + 1))
            j += 1
        return out

    def _unknown_after_trigger(self, text: str, words: list[Token] | list[_Span], infos: list[WordInfo],
                               i: int, matches: list[_Match], taken: set[int]) -> list[_Match]:
        """"ضاحية X الواقعة في بلدة Y": X unknown, placed at Y (or N km from a known place)."""
        j = i + 1
        if j >= len(words) or j in taken or not _adjacent(text, words[i], words[j]) \
                or not _looks_like_name(infos[j]):
            return []
        end = j + 1
        if infos[j].cue == "compound" and end < len(words) and end not in taken \
                and _adjacent(text, words[j], words[end]) and _looks_like_name(infos[end]):
            end += 1
        anchor = self._anchor_after(words, infos, matches, end)
        if anchor is None:
            return []
        name = text[words[j].start:words[end - 1].end]
        place = Place(anchor.id, anchor.name, name if anchor.id.startswith("~") else anchor.name_ar,
                      anchor.country, anchor.admin1, anchor.lat, anchor.lon, anchor.precision, 0)
        taken.update(range(j, end))
        kind = infos[i].trigger or "city"
        return [_Match(j, end, words[j].start, words[end - 1].end, (), (), place=place,
                       label=_LABEL.get(kind, "LOC"))]

    def _anchor_after(self, words: list[Token] | list[_Span], infos: list[WordInfo],
                      matches: list[_Match], end: int) -> Place | None:
        """The known place an unknown one is said to be in or near, later in its sentence."""
        sentence = words[end - 1].sentence
        # "(100 كلم شمال شرقي بغداد)": a distance, a direction, a known place
        for k in range(end, min(end + 4, len(words))):
            if words[k].sentence != sentence:
                break
            offset = self._offset(infos, matches, k)
            if offset is not None:
                return offset
        after = [m for m in matches if m.first >= end and m.place is not None]
        if not after or words[after[0].first].sentence != sentence:
            return None
        anchor, gap = after[0].place, range(end, after[0].first)
        assert anchor is not None
        # only words that tie the two together may stand between them: "الواقعة في", "بريف",
        # "قرب", "شمال"; a country is an anchor only right after the name ("قرية X في ليبيا")
        if len(gap) > 4 or not all(infos[k].cue in _TIES or infos[k].direction or infos[k].trigger for k in gap):
            return None
        if anchor.precision == "country" and len(gap) > 1:
            return None
        # the unknown place is inside or next to the anchor: a town-level position at best
        return replace(anchor, precision="city" if anchor.precision == "site" else anchor.precision)

    @staticmethod
    def _container_after(words: list[Token] | list[_Span], infos: list[WordInfo], matches: list[_Match],
                         end: int) -> Place | None:
        """The place a named quarter is said to lie in: "حي X [الشرقي] بمدينة Y", "ضاحية X في Y"."""
        after = next((m for m in matches if m.first >= end and m.place is not None), None)
        if after is None or after.first - end > 2 or words[after.first].sentence != words[end - 1].sentence:
            return None
        gap = range(end, after.first)
        # only an adjective of the quarter ("الشرقي", "القديمة") and the trigger or preposition
        if not all(infos[k].trigger or infos[k].cue in _TIES or infos[k].direction
                   or (infos[k].norm.startswith("ال") and infos[k].norm.endswith(("ي", "يه", "ه")))
                   for k in gap):
            return None
        if not gap or not (infos[after.first - 1].trigger or infos[after.first - 1].cue in _TIES):
            return None
        return after.place

    def _offset(self, infos: list[WordInfo], matches: list[_Match], k: int) -> Place | None:
        """A point "N كلم <direction> <place>" starting at word k, or None."""
        n = len(infos)
        if not _NUMBER.match(infos[k].norm) or k + 3 >= n or infos[k + 1].cue != "unit":
            return None
        d = k + 2
        compass = infos[d].direction
        if compass is None:
            return None
        if infos[d + 1].direction is not None:
            compass = compose_compass(compass, infos[d + 1].direction)
            d += 1
        d += 1
        while d < n and (infos[d].cue == "locative" or infos[d].trigger):
            d += 1
        base_match = next((m for m in matches if m.first == d), None)
        base = base_match.place if base_match is not None else None
        if base is None or base.lat is None or base.lon is None:
            return None
        km = float(infos[k].norm.replace(",", "."))
        lat, lon = destination(base.lat, base.lon, km, BEARINGS.get(compass, 0.0))
        return Place(f"~{base.id}@{infos[k].norm}km:{compass}",
                     f"{infos[k].norm} km {COMPASS_EN[compass]} of {base.name}", "",
                     base.country, base.admin1, lat, lon, "city", 0)


@dataclass(slots=True)
class _Context:
    """What the whole document says about where it is."""

    countries: Counter[str]
    anchors: list[tuple[float, float]]

    def dominant(self, sentence: int, words: list[Token] | list[_Span],
                 matches: list[_Match]) -> str | None:
        """The country "البلاد" refers to: the last country named before, else the most named."""
        before = [m for m in matches if m.place is not None and m.place.country
                  and words[m.first].sentence <= sentence]
        if before:
            return before[-1].place.country  # type: ignore[union-attr]
        if self.countries:
            return self.countries.most_common(1)[0][0]
        return None


# ---- files ------------------------------------------------------------------------------

_DERIVED_FIRST = ("countries.tsv", "geonames_cities.tsv")


def bundled_files() -> list[tuple[str, str]]:
    """(name, text) of the packaged place files: derived ones first, then curated, by name."""
    folder = resources.files("rasd") / "data" / "knowledge" / "places"
    files = {f.name: f.read_text(encoding="utf-8") for f in folder.iterdir() if f.name.endswith(".tsv")}
    order = [n for n in _DERIVED_FIRST if n in files] + sorted(n for n in files if n not in _DERIVED_FIRST)
    return [(n, files[n]) for n in order]


def user_files(dirs: Iterable[Path]) -> list[tuple[str, str]]:
    """Place files of user knowledge folders: ``DIR/places/*.tsv``."""
    out = []
    for d in dirs:
        d = Path(d)
        if not d.is_dir():
            raise RasdError(f"knowledge folder {d} does not exist; pass a folder holding places/*.tsv")
        folder = d / "places"
        if folder.is_dir():
            out += [(f.name, f.read_text(encoding="utf-8")) for f in sorted(folder.glob("*.tsv"))]
    return out


def read_tsv(text: str, where: str) -> Iterator[dict[str, str]]:
    """Rows of a provenance-headed TSV as dicts keyed by its header."""
    header: list[str] | None = None
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = line.rstrip("\r\n").split("\t")
        if header is None:
            header = [c.strip() for c in cells]
            continue
        if len(cells) > len(header):
            raise RasdError(f"{where}:{lineno}: {len(cells)} cells for {len(header)} columns; "
                            "separate cells with one tab and lists with '|'")
        yield {h: (cells[i].strip() if i < len(cells) else "") for i, h in enumerate(header)}


def _cells(value: str) -> tuple[str, ...]:
    return tuple(v.strip() for v in value.split("|") if v.strip())


def _kind(row: dict[str, str]) -> str:
    kind = row.get("kind", "")
    if kind:
        return kind if kind in _PRECISION else "city"
    feature = row.get("feature", "")
    if feature.startswith("ADM1"):
        return "admin1"
    return "city"


def _add_row(entries: dict[str, Entry], aliases: dict[str, list[str]], row: dict[str, str], where: str) -> None:
    """Add one row; a known id keeps the cells the row leaves empty and gains its aliases."""
    pid = row.get("id", "")
    if not pid:
        raise RasdError(f"{where}: a row without id; give every place an id (ISO3, gn:N or CC:SLUG)")
    old = entries.get(pid)
    kind = _kind(row) if (row.get("kind") or old is None) else old.kind

    def num(key: str, default: float | None) -> float | None:
        v = row.get(key, "")
        try:
            return float(v) if v else default
        except ValueError:
            raise RasdError(f"{where}: {pid}: {key}={v!r} is not a number") from None

    op = old.place if old is not None else None
    name_ar = row.get("name_ar") or (op.name_ar if op else "")
    country = row.get("country") or (op.country if op else None) or (pid if kind == "country" else None)
    population = int(num("population", float(op.population) if op else 0.0) or 0)
    place = Place(pid, row.get("name_en") or (op.name if op else pid), name_ar, country or None,
                  row.get("admin1") or (op.admin1 if op else None) or None,
                  num("lat", op.lat if op else None), num("lon", op.lon if op else None),
                  _PRECISION[kind], population)
    curated = not where.startswith(_DERIVED_FIRST) or (old is not None and old.curated)
    nisba = _cells(row.get("nisba", "")) or (old.nisba if old else ())
    needs = row.get("needs", "") if "needs" in row else (old.needs if old else "")
    seat = row.get("feature", "") in _SEATS or (old.seat if old else False)
    entries[pid] = Entry(place, kind, needs, curated, seat, nisba)
    lst = aliases.setdefault(pid, [])
    if where.startswith("directions"):
        return  # parts of countries are found by the direction phrase, not by name
    for form in (name_ar, *_cells(row.get("aliases", ""))):
        if form and form not in lst:
            lst.append(form)


def _nisba_forms(stem: str) -> tuple[str, ...]:
    """"ليبي" → ليبي ليبيه الليبي الليبيه (normalized)."""
    return (stem, stem + "ه", "ال" + stem, "ال" + stem + "ه")


def _strip_clitics(w: str, cues: dict[str, tuple[str, str]]) -> tuple[str, str]:
    """The core of a cue word and its clitics: "بمدينه" → ("مدينه", "ب")."""
    if w in cues:
        return w, ""
    for p in (w[:2], w[:1]):
        if p in _CLITIC_CHAINS and len(w) - len(p) >= 2:
            rest = w[len(p):]
            if rest in cues:
                return rest, p
            if p.endswith("ل") and ("ل" + rest) in cues:  # "للمدينه" → المدينه
                return "ا" + "ل" + rest, p
    return w, ""


def _spans(text: str, sentences: list[Sentence] | None) -> list[_Span]:
    """The words of a text that comes without tokens, with their sentence index."""
    spans = [_Span(m.start(), m.end(), m.group()) for m in _WORD.finditer(text)]
    if sentences:
        starts = [s.start for s in sentences]
        for w in spans:
            w.sentence = sentences[max(0, bisect.bisect_right(starts, w.start) - 1)].index
    return spans


def _surface_offset(word: Token | _Span, info: WordInfo, norm_offset: int) -> int:
    """Offset in the surface word of the ``norm_offset``-th normalized character."""
    if norm_offset == 0 or len(word.text) == len(info.norm):
        return norm_offset
    _, offsets = normalize_with_map(word.text)
    return offsets[norm_offset]


def _adjacent(text: str, a: Token | _Span, b: Token | _Span) -> bool:
    """Only spaces (or a hyphen, a tatweel) between two words."""
    gap = text[a.end:b.start]
    return len(gap) <= 3 and (not gap or gap.isspace() or gap.strip() in ("-", "ـ"))


def _nisba_hint(infos: list[WordInfo], first: int, last: int) -> str | None:
    """The country a nisba next to a name gives: "درنة الليبية", "العاصمة الليبية طرابلس"."""
    if last < len(infos) and infos[last].nisba:
        return infos[last].nisba
    if first >= 2 and infos[first - 1].nisba and infos[first - 2].trigger:
        return infos[first - 1].nisba
    return None


def _looks_like_name(info: WordInfo) -> bool:
    """An unknown word after "مدينة" that could be a name (not a preposition or adjective)."""
    w = info.norm
    if (len(w) < 3 and info.cue != "compound") or not w[0].isalpha() or w.isascii():
        return False
    if info.cue in ("locative", "link", "notname", "unit", "land", "country_word") or info.trigger \
            or info.nisba or info.direction:
        return False
    # an indefinite adjective ("مدينة صناعية") is not a name; names with the article may end so
    return not (w.endswith("يه") and not w.startswith("ال"))


__all__ = ["Gazetteer", "Entry", "bundled_files", "user_files"]
