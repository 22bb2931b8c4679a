"""Factuality of each trigger, from the cues that govern it — not from the whole sentence.

Sources of evidence, weakest first: the default (a noun reported plainly happened), the tense of
the trigger or its support verb (قصف occurred, تقاتل ongoing, سيعقدون planned), particles just
before it (لم، لن، لا يزال، قد), adjectives just after it (المزعوم، المرتقب), and cues whose
complement it sits in (نفى، أحبط، هدد، بهدف، خطة، إذا) within the same clause and outside any
relative clause. When several apply, the strongest in ``PRECEDENCE`` wins: a foiled plan is
foiled, a denied threat is denied.
"""
from __future__ import annotations

from dataclasses import dataclass
from itertools import compress
from operator import attrgetter

from .lexicon import IMPERFECT, PERFECT, Cue, Lexicon
from .syntax import COMPLEMENTIZERS, PAST_AUX, QAD, STRONG, SentenceView
from .triggers import Trigger

# "requested": the content of a call or demand (دعا إلى وقف إطلاق النار) — not an event of its own.
PRECEDENCE = ("denied", "foiled", "requested", "negated", "hypothetical", "alleged", "threatened",
              "planned", "ongoing", "occurred")
_RANK = {s: i for i, s in enumerate(PRECEDENCE)}
_HITS = attrgetter("hits")
# Event types whose trigger governs its complement like a cue does.
_TRIGGER_AS_CUE = {"THREATEN": "threatened", "ACCUSE": "alleged", "REQUEST": "requested",
                   "REJECT": "negated", "AGREE": "planned"}  # "وافق على الانسحاب": to come
_SPEECH = frozenset({"ACCUSE", "REQUEST", "THREATEN", "SUPPORT", "REJECT", "AGREE"})
# verbs after which ل introduces an argument, not a purpose (تعرّض لهجوم، دعا لوقف)
_L_GOVERNORS = frozenset({"taarrada", "tasaddi"})


@dataclass(slots=True, frozen=True)
class CueAt:
    """A cue found in a sentence: tokens [first, last]."""

    first: int
    last: int
    status: str
    scope: str
    id: str
    verb: bool = False  # a cue verb (its subject may be the event's source)


@dataclass(slots=True, frozen=True)
class StatusDecision:
    status: str
    cue: CueAt | None  # the governing cue that decided it, if any
    explicit: bool  # decided by a cue or tense rather than by default


def find_cues(view: SentenceView, lex: Lexicon, triggers: list[Trigger]) -> list[CueAt]:
    """Status cues of one sentence: word phrases, cue verbs, and triggers that act as cues."""
    out: list[CueAt] = []
    words = view.words
    n = len(words)
    covered = -1  # the last word of the cue phrase just read: the words inside it are not read
    # only a word that starts a cue phrase or has a lexicon reading can be a cue (the others,
    # most of them, are skipped in C): visited in text order
    for i in sorted({*compress(range(n), view.phrase), *compress(range(n), map(_HITS, words))}):
        if i <= covered:
            continue
        m = view.phrase[i]
        if m is not None and m[1].scope in ("local", "govern", "post"):
            size, cue = m
            out.append(CueAt(i, i + size - 1, cue.status, cue.scope, cue.id))
            # "مستمرة في" / "مستمر" before a noun, "مستمرة" after one: both readings
            for words_, c in lex.phrases.get(words[i].norm, ()):
                if len(words_) == 1 and c.scope != cue.scope and c.scope in ("local", "govern", "post"):
                    out.append(CueAt(i, i, c.status, c.scope, c.id))
            covered = i + size - 1
            continue
        for h in words[i].hits:
            if h.kind == "cue" and not (h.bare and _bare_is_noun(view, i)):
                c = h.ref
                assert isinstance(c, Cue)
                out.append(CueAt(i, i, c.status, c.scope, c.id, verb=h.tense is not None))
                break
    for t in triggers:
        st = _TRIGGER_AS_CUE.get(t.sense.type)
        if t.sense.type == "ACCUSE" and not t.sense.id.startswith("accuse.itti"):
            st = None  # a condemnation (ندد، أدان) presupposes the deed; an accusation alleges it
        if t.sense.type == "AGREE":
            # only what is agreed on: "اتفقا على وقف إطلاق النار", "تعهد بتقديم مساعدات"
            nxt = view.words[t.last + 1] if t.last + 1 < len(view.words) else None
            if not t.verbal and (nxt is None or not (nxt.bare == "علي" or nxt.prep == "ب")):
                st = None
        if st is not None:
            out.append(CueAt(t.first, t.last, st, "govern", "trigger:" + t.sense.id, verb=t.verbal))
    out.sort(key=lambda c: c.first)
    return out


def _bare_is_noun(view: SentenceView, i: int) -> bool:
    w = view.words[i]
    return bool(w.al or w.prep)


def decide_status(view: SentenceView, trig: Trigger, cues: list[CueAt]) -> StatusDecision:
    """The status of one trigger (see the module docstring)."""
    words = view.words
    h = trig.head
    found: list[tuple[str, CueAt | None, bool]] = []

    # tense of the head (the trigger verb, or the support verb that carries the noun)
    tense = trig.tense if trig.support is None else trig.support_tense
    hw = words[h]
    prev = words[h - 1] if h > 0 and view.brk[h] != STRONG else None
    if tense is not None:
        if hw.fut:
            found.append(("planned", None, True))
        elif tense == IMPERFECT:
            if hw.prep == "ل":
                found.append(("planned", None, True))  # ليشن: purpose
            elif prev is not None and prev.norm in COMPLEMENTIZERS and prev.norm in ("ان", "بان", "وان"):
                found.append(("planned", None, True))  # subjunctive after أن
            elif prev is not None and (prev.norm in PAST_AUX or prev.core in ("لم", "لما")):
                found.append(("occurred", None, True))  # (لم + jussive is a past: "لم تنسحب إلا بعد")
            elif prev is not None and prev.norm in QAD:
                found.append(("hypothetical", None, True))
            elif trig.sense.type in _SPEECH and _describes(view, h):
                found.append(("occurred", None, True))  # "تبنى قرارا يدعو إلى": what the text says
            elif trig.sense.type in _SPEECH and hw.bare[:1] in ("ن", "ا") and not hw.fut:
                found.append(("occurred", None, True))  # "ندين", "ندعو": saying it is doing it
            else:
                found.append(("ongoing", None, True))
        else:
            found.append(("occurred", None, True))
    elif hw.prep == "ل" and not hw.encl and not _governs_l(prev) and not (hw.al and hw.core.endswith("ات")):
        # لشنّ غارات، لاستكمال: purpose (not لاحتجازه: cause; not a plural noun, "تجنبا للعقوبات")
        found.append(("planned", None, True))
    if trig.support_verb is not None and trig.support_verb.aspect:
        found.append((trig.support_verb.aspect, None, True))

    # a noun without support takes the future or negation of the verb that governs it
    if tense is None and trig.support is None:
        for j in range(h - 1, max(-1, h - 6), -1):
            if not view.same_scope(j, h):
                break
            if words[j].tense is not None:
                if words[j].fut:
                    found.append(("planned", None, True))
                break

    for c in cues:
        if c.scope == "local":
            # the particle sits just before the head (or before the trigger noun itself)
            for target in {h, trig.first}:
                reach = 2 if c.id.startswith("neg.") else 1  # "لم يعد يشن" vs "وسط طرابلس ... للاحتجاج"
                if 0 < target - c.last <= reach and view.same_scope(c.last, target):
                    if c.id == "neg.ma" and not (target == c.last + 1 and words[target].tense == PERFECT):
                        continue  # ما is negation only before a perfect verb (else "what")
                    if _only(view, c.last):
                        continue  # "لم تنسحب القوات إلا بعد ...": it did, only then
                    if all(words[k].tense is None or k == target for k in range(c.last + 1, target)):
                        found.append((c.status, c, True))
                        break
        elif c.scope == "post":
            if trig.last < c.first <= trig.last + 3 and view.same_scope(trig.last, c.first) and \
                    all(view.brk[k] == 0 for k in range(trig.last + 1, c.first + 1)):
                found.append((c.status, c, True))
        else:  # govern
            if c.last < trig.first and c.last < h + 1 and _reaches(view, c, min(h, trig.first)):
                if c.first == trig.first:
                    continue
                if c.id.startswith("trigger:reject") and trig.sense.type in _SPEECH:
                    continue  # "رفضت إيران الاتهامات": the accusation was made
                if c.status == "denied" and trig.sense.type == "ACCUSE" and not trig.verbal:
                    continue  # "نفت إيران الاتهامات": the accusation was made; the deed is denied
                found.append((c.status, c, True))

    if not found:
        return StatusDecision("occurred", None, False)
    if any(f[0] == "alleged" and f[1] is not None and f[1].scope == "post" for f in found):
        # "نفى ... الهجوم المزعوم": the speaker calls the attack alleged; the denial is of a role in it
        found = [f for f in found if f[0] != "denied"]
    best = min(found, key=lambda f: _RANK[f[0]])
    return StatusDecision(best[0], best[1], best[2])


# nouns and verbs that take their complement with لـ: "ارتياحها لاحتجازه" is not a purpose
_L_TAKERS = frozenset({"ارتياح", "ترحيب", "تاييد", "رفض", "ادانه", "دعم", "معارضه", "تعرض", "تصدي",
                       "استعداد", "مسانده", "انتقاد", "استنكار", "رضوخ", "استجابه", "انضمام", "ضحيه",
                       "ضحايا", "عرضه", "نتيجه", "سبب", "تعرضت", "تعرض", "تصدت", "تصدي", "استجاب",
                       "استجابت", "انضم", "انضمت", "خضع", "خضعت", "رضخ", "رضخت", "اضطر", "اضطرت",
                       "امتداد", "امتدادا", "تتويج", "تتويجا", "استمرار", "تكريس", "ثمره", "ثمن"})


_DOCUMENTS = frozenset({"قرار", "قرارا", "بيان", "بيانا", "رساله", "تقرير", "تقريرا", "مشروع", "مشروعا",
                        "خطاب", "خطابا", "نداء", "نداءا", "وثيقه", "اعلان", "اعلانا", "مذكره", "تصريح",
                        "تصريحا", "تغريده", "قانون", "قانونا", "مرسوم", "مرسوما"})


def _describes(view: SentenceView, h: int) -> bool:
    """Is the imperfect verb at ``h`` the description of an indefinite document noun before it
    ("قرارا يدعو إلى", "بيان يندد"): it says what the text says, once it was issued?"""
    if h == 0 or view.brk[h] == STRONG:
        return False
    w = view.words[h - 1]
    if w.al or w.encl:
        return False
    return w.core in _DOCUMENTS or w.norm in _DOCUMENTS


def _only(view: SentenceView, neg: int) -> bool:
    """Is the negation at ``neg`` the first half of «لم/ما/لا … إلا» (only), which affirms?"""
    for k in range(neg + 1, min(len(view.words), neg + 12)):
        if view.brk[k] == STRONG or view.clause[k] != view.clause[neg]:
            return False
        if view.words[k].norm == "الا":  # (not "وإلا": "or else" opens a condition)
            return k + 1 < len(view.words) and view.words[k + 1].norm not in ("اذا", "ان")
    return False


def _governs_l(prev) -> bool:
    if prev is None:
        return False
    if prev.core in _L_TAKERS or prev.norm in _L_TAKERS:
        return True
    return any(h.kind == "support" and h.ref.id in _L_GOVERNORS for h in prev.hits) or any(
        h.kind == "trigger" and h.ref.type in ("SUPPORT", "ACCUSE", "REJECT") for h in prev.hits)


def _reaches(view: SentenceView, cue: CueAt, target: int) -> bool:
    """Does a governing cue reach the token ``target`` (same clause, not into a relative clause)?"""
    c = cue.last
    if view.clause[c] != view.clause[target]:
        return False
    if view.rel[target] != 0 and view.rel[target] != view.rel[c]:
        return False
    return True


__all__ = ["PRECEDENCE", "CueAt", "StatusDecision", "find_cues", "decide_status"]
