"""Actors built by pattern: organs of states and typed generic actors.

An organ is a head noun phrase ("الجيش", "وزارة الدفاع", "قوات الأمن") followed by the
state it belongs to: a nisba ("الجيش المصري"), optionally after a few modifiers ("جيش
الاحتلال الإسرائيلي", "قوات النظام السوري", "القوات الخاصة الأمريكية"), or a genitive
("حكومة ليبيا", "حكومة طرابلس"). A head before a named actor belongs to that actor:
"قوات حفتر" is the army Haftar leads, "عناصر داعش" is ISIS. None of these organs is
listed by hand: every head combines with every state.

Generic actors ("مسلحون", "متظاهرون") take a following nisba as their country.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Actor
from .actors import ActorRecord, OrganHead

# Words that may stand between a head and the nisba of its state (normalized, with and
# without the article): "جيش الاحتلال الإسرائيلي", "القوات الخاصة الأمريكية".
MODIFIERS = frozenset(
    w2 for w in (
        "احتلال", "نظام", "عربي", "عربيه", "خاصه", "بحريه", "جويه", "بريه", "نظاميه", "نظامي",
        "حكوميه", "حكومي", "اتحاديه", "امنيه", "مسلحه", "عسكريه", "عسكري", "وطني", "وطنيه",
        "شرعيه", "انتقاليه", "انتقالي", "مؤقته", "حاليه", "سابق", "سابقه", "جديد", "جديده",
        "نظامية", "موحد", "موحده", "جمهوري", "ملكي", "ملكيه", "دفاع", "داخليه", "خارجيه",
        "شرطه", "امن", "عام", "عامه", "رسمي", "رسميه", "مركزي", "مركزيه",
    ) for w2 in (w, "ال" + w))


# A run of the characters str.isalnum accepts (\w without the underscore): one regex call
# instead of a Python step per letter.
_LETTERS_AND_DIGITS = re.compile(r"[^\W_]*")

# Words that tie a head to the actor it serves: "القوات الموالية لحفتر", "عناصر تابعة لداعش".
LOYAL = frozenset(w2 for w in ("مواليه", "موالين", "موالون", "تابعه", "تابعين", "تابعون")
                  for w2 in (w, "ال" + w))


@dataclass(frozen=True, slots=True)
class Hit:
    """What one matcher key stands for (the matcher payload)."""

    kind: str  # name / nisba / capital / head / generic / title
    ref: str  # actor id, country, organ role or generic id
    standalone: bool = False  # heads: may stand alone ("الجيش")
    guarded: bool = False  # names: subject to the record's context words
    # worked out when the matcher is built, so that matching only copies them
    country: str | None = None  # nisbas and capitals: the state they stand for
    priority: int = 0  # ties of length: named entries beat composed ones
    person: bool = False  # names: a person's


@dataclass(slots=True)
class Candidate:
    """A span of the normalized text and what it may be."""

    start: int
    end: int
    kind: str  # name / nisba / capital / organ / head / generic / title
    ref: str  # actor id / country / role / generic id
    country: str | None = None  # organs and generics: the state they belong to
    head: int = -1  # organs: the end of the head phrase ("الجيش" in "الجيش المصري")
    priority: int = 0  # ties of length: named entries beat composed ones
    guarded: bool = False  # a nisba that names a state only after an organ ("الجيش المالي")


def organ_id(country: str, role: str) -> str:
    return f"{country}.{role}"


def organ_actor(state: ActorRecord, head: OrganHead, nisba_f: str | None) -> Actor:
    """The actor for one head of one state ("القوات المسلحة المصرية", EGY.MIL)."""
    s = state.actor
    name_ar = f"{head.forms[0]} {nisba_f}" if nisba_f else f"{head.forms[0]} ({s.name_ar})"
    return Actor(id=organ_id(s.id or "", head.role), name=f"{s.name} {head.name_en}",
                 name_ar=name_ar, type=head.type, country=s.country)


def state_nisba_name(state: ActorRecord, gender: str) -> str | None:
    """The nisba that agrees with a head ("المصري" for m, "المصرية" for f), if the state has one."""
    forms = state.nisba_forms
    if len(forms) < 2 or not forms[0].endswith("ي") or not forms[1].endswith("ية"):
        return None
    return "ال" + (forms[1] if gender == "f" else forms[0])


def next_word_start(norm: str, pos: int) -> int:
    """Skip spaces (not punctuation) after ``pos``."""
    n = len(norm)
    while pos < n and norm[pos] == " ":
        pos += 1
    return pos


def word_at(norm: str, pos: int) -> tuple[str, int]:
    """The word starting at ``pos`` and its end."""
    if pos >= len(norm):
        return "", pos
    end = _LETTERS_AND_DIGITS.match(norm, pos).end()  # type: ignore[union-attr]  # (always matches)
    return norm[pos:end], end


def previous_word(norm: str, start: int) -> str:
    """The word before ``start`` (clitic-prefixed words included as written)."""
    i = start - 1
    while i >= 0 and norm[i] == " ":
        i -= 1
    j = i
    while j >= 0 and norm[j].isalnum():
        j -= 1
    return norm[j + 1:i + 1]


def compose(norm: str, cands: list[Candidate], kinds_of: dict[str, str],
            leads_of: dict[str, str | None], country_of: dict[str, str | None]) -> list[Candidate]:
    """Add the organ, member and generic spans that heads and generics form with what follows.

    ``kinds_of`` maps an actor id to its type, ``leads_of`` a person to what they lead,
    ``country_of`` any actor id to its country. Works right to left so that a head can take
    an already composed organ ("قوات الجيش الليبي").
    """
    # one pass over the candidates (this runs for every document): by start, titles, heads
    by_start: dict[int, list[Candidate]] = {}
    titles: dict[int, int] = {}
    heads: list[Candidate] = []
    for c in cands:
        same = by_start.get(c.start)
        if same is None:
            by_start[c.start] = [c]
        else:
            same.append(c)
        if c.kind == "title":
            titles[c.start] = c.end
        elif c.kind == "head" or c.kind == "generic":
            heads.append(c)
    out = list(cands)
    heads.sort(key=lambda c: -c.start)
    for c in heads:
        pos = next_word_start(norm, c.end)
        skipped = 0
        definite = _definite(norm, c.start)
        loyal = False
        while True:
            followers = by_start.get(pos)
            if followers:
                made = _combine(c, followers, kinds_of, leads_of, country_of, definite)
                if made is not None and loyal and made.kind != "name":
                    made = None  # forces loyal to Iran are not Iran's army
                if made is not None:
                    out.append(made)
                    by_start.setdefault(made.start, []).append(made)
                    break
            if c.kind != "head":
                break  # a generic takes its nisba right after it, or nothing
            word, wend = word_at(norm, pos)
            if skipped < 2 and word in MODIFIERS:
                skipped += 1
                pos = next_word_start(norm, wend)
                continue
            if skipped < 2 and pos in titles:
                # "قوات المشير خليفة حفتر": a title between the head and the leader's name
                skipped += 1
                pos = next_word_start(norm, titles[pos])
                continue
            if word in LOYAL and not skipped:
                # "القوات الموالية لحفتر": loyal to a leader or a group, whatever the article
                nxt = next_word_start(norm, wend)
                if norm.startswith("ل", nxt) and not norm.startswith("لل", nxt):
                    skipped, definite, loyal, pos = 2, False, True, nxt + 1
                    continue
            break
    return out


def _definite(norm: str, start: int) -> bool:
    """Whether the word at ``start`` carries the article ("التنظيم", or "لتنظيم" after ل)."""
    return norm.startswith("ال", start) or (start > 0 and norm[start - 1] == "ل" and norm[start] == "ل")


def _combine(c: Candidate, followers: list[Candidate], kinds_of: dict[str, str],
             leads_of: dict[str, str | None], country_of: dict[str, str | None],
             definite: bool = False) -> Candidate | None:
    """The span a head or generic forms with the longest suitable follower, if any.

    A person only completes a head in construct ("قوات حفتر": Haftar's forces); after a
    definite head the name is in apposition ("زعيم التنظيم أيمن الظواهري")."""
    # the longest follower; of two as long, a named actor before a composed organ
    # ("مقاتلات الجيش الوطني الليبي" are the LNA's, not Libya's army's)
    for f in sorted(followers, key=lambda f: (-f.end, f.kind != "name")):
        if definite and f.priority == 1 and f.kind in ("name", "organ"):
            continue  # "اعتقلت الشرطة عناصر داعش": a definite head is no construct with a phrase
        if c.kind == "generic":
            if f.kind == "nisba":
                return Candidate(c.start, f.end, "generic", c.ref, country=f.ref, priority=1)
            continue
        role = c.ref
        if f.kind in ("nisba", "capital") and role != "MEMBER":
            return Candidate(c.start, f.end, "organ", role, country=f.ref, head=c.end, priority=1)
        if f.kind == "organ":
            # "قوات النظام السوري" are the regime's forces (MIL); "رئيس البرلمان الليبي" speaks
            # for parliament (LEG); "قوات الشرطة" are police
            keep = role in ("MIL", "SEC", "POL") and f.ref in ("GOV", "MOD", "MIL")
            return Candidate(c.start, f.end, "organ", role if keep else f.ref, country=f.country,
                             head=c.end, priority=1)
        if f.kind == "name":
            kind = kinds_of.get(f.ref, "")
            if kind == "state":
                if role == "MEMBER":
                    continue
                return Candidate(c.start, f.end, "organ", role, country=f.ref, head=c.end, priority=1)
            if kind == "person":
                led = leads_of.get(f.ref)
                if led and role in ("MIL", "MEMBER", "SEC") and not definite:
                    return Candidate(c.start, f.end, "name", led, priority=1)
                continue
            if "." in f.ref:  # a named organ ("قوات جيش الاحتلال")
                return Candidate(c.start, f.end, "name", f.ref, priority=1)
            if kind in ("armed_group", "militia", "political_group", "rebel_group", "military"):
                return Candidate(c.start, f.end, "name", f.ref, priority=1)
    return None


__all__ = ["Hit", "Candidate", "compose", "organ_actor", "organ_id", "state_nisba_name",
           "previous_word", "word_at", "next_word_start", "MODIFIERS"]
