"""Source, target and location of a trigger from Arabic clause structure.

Verbal clauses: VSO (قصفت الطائرات المواقع), SVO (القاهرة أجرت اتصالات), a relative clause's
antecedent (التنظيمات التي تقاتل الجيش), the passive with its agent phrase (على يد، من قبل).
Nominal triggers: the genitive or nisba after the noun (هجوم داعش، غارات إسرائيلية) is the agent
of an event noun and the patient of a transitive masdar (اغتيال الرئيس); prepositions mark
targets by event type (على، ضد، بحق، مع، لـ). A place is the location only when a locative
preposition introduces it (في، بـ، قرب، شمال، بمدينة); a state named as subject or object is an
actor, not a location.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..model import ActorRef
from ..normalize import normalize
from .syntax import (CLAUSE_OPENERS, COMPLEMENTIZERS, LIST_CONTINUERS, LOC_PREPS, PLACE_NOUNS, PREPOSITIONS,
                     RELATIVES, SCAN_STOPS, STRONG, WEAK, SentenceView, Span, is_nisba, nisba_adjective)
from .triggers import Trigger

# prepositions (normalized; clitics as the letter) that mark the target, by event type
TARGET_PREPS: dict[str, frozenset[str]] = {
    "ASSAULT": frozenset({"علي", "ضد", "بحق", "مع", "تجاه", "نحو"}),
    "COERCE": frozenset({"علي", "ضد", "بحق", "مع"}),
    "PROTEST": frozenset({"ضد", "علي", "امام"}),
    "SANCTION": frozenset({"علي", "ضد", "بحق", "مع"}),
    "THREATEN": frozenset({"ضد", "علي", "ل"}),
    "ACCUSE": frozenset({"ل", "ضد"}),
    "REJECT": frozenset({"ل"}),
    "REQUEST": frozenset({"من"}),
    "SUPPORT": frozenset({"ل", "ب", "مع"}),
    "AID": frozenset({"ل", "الي"}),
    "CONSULT": frozenset({"مع", "ب", "الي"}),
    "AGREE": frozenset({"مع"}),
    "COOPERATE": frozenset({"مع"}),
    "CONCEDE": frozenset({"ل"}),
    "RETREAT": frozenset({"عن", "مع"}),
    "MOBILIZE": frozenset({"ضد"}),
}
# types whose verb takes a direct object that is the target
TRANSITIVE = frozenset({"ASSAULT", "COERCE", "ACCUSE", "THREATEN", "SUPPORT", "SANCTION", "REQUEST",
                        "REJECT", "AID", "CONSULT"})
SYMMETRIC = frozenset({"CONSULT", "AGREE", "COOPERATE", "ASSAULT"})
_PRONOUN_COMPLEMENTIZERS = frozenset({"انه", "انها", "انهم", "انهما", "بانه", "بانها", "بانهم", "وانه",
                                      "وانها", "لانه", "لانها", "كونه", "كونها"})
_MEMBERS = "MEMBERS"
# "جيش يتكون من X وY": the members of a formation are its sources
_MEMBER_WORDS = frozenset({"يتكون", "تتكون", "يضم", "تضم", "يتالف", "تتالف", "مكون", "المكون", "المكونه",
                           "مؤلف", "المؤلف", "يشمل", "تشمل", "يجمع", "تجمع"})
_AGENT = "AGENT"
_BETWEEN = "BETWEEN"
_MODIFIER = "MOD"
# "مسلحين تابعين لتنظيم داعش": the group takes the role of the men
_AFFILIATION_WORDS = frozenset({"تابع", "تابعين", "تابعه", "التابع", "التابعه", "التابعين", "موالين", "الموالين",
                                "مواليه", "الموالي", "المواليه", "ينتمون", "ينتمي", "المنتمين", "منتمين",
                                "عناصر", "مقاتلي", "مسلحي", "انصار"})
# "قتل ... برصاص القوات الإسرائيلية": the fire, shells or hands of an actor name the agent
_AGENT_WORDS = frozenset({"برصاص", "بنيران", "بنار", "بقذائف", "بايدي", "بيد", "برصاصه", "بقصف"})
_MODIFIER_WORDS = frozenset({"بقياده", "باسم", "المدعوم", "المدعومه",
                             "المدعومين", "الموالي", "المواليه", "الموالين", "المقرب", "المقربه",
                             "حليفه", "حليف", "المتحالفه", "المرتبطه", "المرتبط", "ممثل"})

# every word the argument scanner tests a word's norm, bare or core against: a word in none of
# them (most words) skips all those tests with three look-ups
_SCAN_WORDS = (RELATIVES | SCAN_STOPS | COMPLEMENTIZERS | PREPOSITIONS | _AGENT_WORDS | _MEMBER_WORDS
               | {"بواسطه"} | _AFFILIATION_WORDS | _MODIFIER_WORDS | LOC_PREPS | PLACE_NOUNS)


@dataclass(slots=True)
class Roles:
    """Span indices (into view.spans) of the actors and the place of one trigger."""

    source: list[int] = field(default_factory=list)
    target: list[int] = field(default_factory=list)
    location: int | None = None
    source_from: str = ""  # how the source was found (for confidence and debugging)


def is_actor(span: Span) -> bool:
    m = span.mention
    return m.actor is not None or (m.place is None and m.label in ("PER", "ORG", "GPE", "MISC"))


def is_place(span: Span) -> bool:
    m = span.mention
    return m.place is not None or (m.actor is None and m.label in ("LOC", "FAC"))


def _as_location(view: SentenceView, k: int) -> bool:
    """A place mention used as a location (never a bare actor-only name)."""
    s = view.spans[k]
    if not is_place(s):
        return False
    if s.mention.actor is None:
        return view.locative_before(s.first) or not is_actor(s)
    if view.locative_before(s.first):
        return True
    # a destination: "انتقال ... إلى ليبيا", "زيارة إلى القاهرة" (not "بالإضافة إلى فرنسا")
    return (s.first > 1 and view.words[s.first - 1].bare == "الي"
            and view.words[s.first - 2].bare not in LIST_CONTINUERS)


def _prep_word(view: SentenceView, i: int) -> str | None:
    """The preposition a word is or carries (في، على ... or the clitic ب/ل/ك)."""
    w = view.words[i]
    if w.bare in PREPOSITIONS:
        return w.bare
    if w.norm in PREPOSITIONS:
        return w.norm
    return None


def _span_at(view: SentenceView, i: int) -> int | None:
    k = view.span_of[i]
    if k != -1 and view.spans[k].first == i:
        return k
    return None


def scan_arguments(view: SentenceView, start: int, triggers: list[Trigger], me: Trigger,
                   cur: str = "") -> list[tuple[int, str]]:
    """Spans after ``start`` in the trigger's phrase with how they are introduced:
    "" (bare NP), a preposition, AGENT (على يد، من قبل), BETWEEN (بين), MOD (بقيادة),
    MEMBERS (يتكون من), "loc" (a place after a locative preposition). Stops at a clause or
    purpose boundary."""
    words, spans, brk = view.words, view.spans, view.brk
    n = len(words)
    others = {t.first for t in triggers if t is not me}
    out: list[tuple[int, str]] = []
    last_role = ""  # what a coordinated name (و + name) continues
    k = start
    while k < n:
        if k > start:
            if brk[k] == STRONG:
                break
            if brk[k] == WEAK:
                w = words[k]
                if not (w.bare in LIST_CONTINUERS or w.norm in LIST_CONTINUERS or
                        (w.conj and _span_at(view, k) is not None)):
                    break
        w = words[k]
        marked = w.norm in _SCAN_WORDS or w.bare in _SCAN_WORDS or w.core in _SCAN_WORDS
        if marked and (w.norm in RELATIVES or w.bare in SCAN_STOPS or w.norm in SCAN_STOPS):
            break
        if marked and k > start and (w.norm in COMPLEMENTIZERS or w.bare in COMPLEMENTIZERS):
            break
        if k > start and k in others:
            break
        sk = _span_at(view, k)
        if sk is not None:
            span = spans[sk]
            p = w.prep or cur
            if w.prep == "ل" and k > start and _possessive_head(view, k - 1, others):
                p = cur  # "مواقع لحركة حماس", "مسلحين تابعين لداعش": the name fills the noun's role
            if is_nisba(span.mention) and not w.prep and k > 0 and not _actor_nisba(view, k):
                k = span.last + 1  # an adjective of a place or a topic (درنة الليبية، الأزمة السورية)
                continue
            if _as_location(view, sk) and not (is_actor(span) and p in ("علي", "ضد", "مع", _BETWEEN, _MEMBERS)):
                out.append((sk, "loc"))
            elif view.conj_before(sk) and not w.prep and any(h != "loc" for _, h in out):
                out.append((sk, "+" + (last_role or cur)))  # a coordinated name continues the last role
            elif out and out[-1][1] != "loc" and _appositive(view, out[-1][0], sk):
                out.append((sk, "+" + out[-1][1].lstrip("+")))  # "نظيره الروسي فلاديمير بوتين": one person
            else:
                out.append((sk, p))
                last_role = p if p != _MODIFIER else ""
                if p == _MODIFIER:
                    cur = ""  # "المتحدث باسم X بدور Y": the modifier ends with its name
            k = span.last + 1
            continue
        p = _prep_word(view, k) if marked else None
        if w.tense is not None and k > start and p is None:
            break  # a new predicate
        if p == "علي" and k + 1 < n and words[k + 1].core in ("يد", "ايدي"):
            cur, last_role, k = _AGENT, "", k + 2
            continue
        if marked and (w.norm in _AGENT_WORDS or w.bare in _AGENT_WORDS):
            cur, last_role, k = _AGENT, "", k + 1  # "برصاص القوات", "بنيران الجيش": by whose fire
            continue
        if p == "من" and k + 1 < n and words[k + 1].bare in ("قبل", "جانب"):
            cur, last_role, k = _AGENT, "", k + 2
            continue
        if marked and (w.bare in _MEMBER_WORDS or w.norm in _MEMBER_WORDS):
            cur, last_role = _MEMBERS, ""
        elif cur == _MEMBERS and p == "من":
            pass
        elif marked and w.bare == "بواسطه":
            cur, last_role = _AGENT, ""
        elif p == "بين":
            cur, last_role = _BETWEEN, ""
        elif marked and (w.norm in _AFFILIATION_WORDS or w.core in _AFFILIATION_WORDS):
            pass
        elif marked and (w.norm in _MODIFIER_WORDS or w.bare in _MODIFIER_WORDS or w.core in _MODIFIER_WORDS):
            cur, last_role = _MODIFIER, ""
        elif marked and (w.bare in LOC_PREPS or w.core in PLACE_NOUNS):
            cur = "في"  # a locative adjunct inside a list does not end the list
        elif p is not None:
            cur, last_role = p, ""
        elif w.prep:
            if w.prep == "ل" and w.hits and any(h.kind in ("trigger", "support_masdar") for h in w.hits):
                break  # لشنّ، لمهاجمة: a purpose phrase with its own arguments
            if w.prep == "ب" and last_role:
                pass  # "القاعدة بأفريقيا والتوحد": a modifier inside a list does not end it
            else:
                cur, last_role = w.prep, ""
        k += 1
    return out


# nouns whose nisba names an actor ("القوات التركية", "نظيره الإيراني"), unlike "الأزمة السورية"
ACTOR_HEADS = frozenset({
    "قوات", "قوه", "جيش", "رئيس", "وزير", "نظير", "حكومه", "سلطات", "طائرات", "طائره", "مقاتلات", "طيران",
    "سفن", "سفينه", "بحريه", "سفاره", "سفير", "شرطه", "وفد", "مسؤول", "مسؤولون", "مسؤولين", "ملك", "امير",
    "زعيم", "قاده", "نواب", "برلمان", "دبلوماسيين", "دبلوماسي", "جنود", "جندي", "عناصر", "مسلحين", "مسلحون",
    "متحدث", "خارجيه", "داخليه", "دفاع", "اجهزه", "مخابرات", "استخبارات", "مدفعيه", "دبابات", "زوارق",
    "بوارج", "نظام", "رئاسه", "اداره", "مقاتلين", "مقاتلون", "ميليشيات", "ميلشيات", "فصائل", "وزاره",
    "مبعوث", "مندوب", "سلاح", "وحدات", "دوريات", "دوريه", "شركه", "صواريخ", "صاروخ", "مدمرات",
})

def _actor_nisba(view: SentenceView, k: int) -> bool:
    """Does the nisba at ``k`` name an actor: after a preposition, or after an actor noun?"""
    j = k - 1
    if _prep_word(view, j) is not None:
        return True
    if view.span_of[j] != -1:
        return False
    w = view.words[j]
    if (w.core not in ACTOR_HEADS and j > 0 and view.span_of[j - 1] == -1 and not w.hits and not w.prep
            and w.tense is None and view.words[j - 1].core in ACTOR_HEADS):
        j -= 1  # "طائرات حربية روسية", "طائرة مسيرة إسرائيلية": past the head's own adjective
    return view.words[j].core in ACTOR_HEADS


_MOVEMENT = frozenset({"AID", "MOBILIZE", "CONSULT", "RETREAT"})


def _destination(view: SentenceView, k: int) -> bool:
    first = view.spans[k].first
    return first > 0 and view.words[first - 1].bare == "الي"


def _possessive_head(view: SentenceView, j: int, triggers_at: set[int] | frozenset[int] = frozenset()) -> bool:
    """A plain noun before "لـ + name" ("مواقع لحركة حماس", "معسكرات للدعم السريع"): the name is
    its possessor. An event noun is not, when it is a trigger here (``triggers_at``)."""
    w = view.words[j]
    if view.span_of[j] != -1 or view.brk[j + 1] != 0:
        return False
    if w.bare in PREPOSITIONS or w.bare in LOC_PREPS or w.tense is not None or j in triggers_at:
        return False
    return not any(h.kind in ("support_masdar", "cue") or (h.kind == "trigger" and h.tense is not None)
                   for h in w.hits)


def _cur_from_phrase(view: SentenceView, trig: Trigger) -> str:
    """A preposition inside the trigger phrase itself ("السيطرة على") introduces what follows."""
    cur = ""
    for k in range(trig.first + 1, trig.last + 1):
        p = _prep_word(view, k)
        if p is not None:
            cur = p
    return cur


def _subject_before(view: SentenceView, h: int) -> list[int]:
    """The subject of a verb at ``h`` standing before it: SVO, or a relative clause's antecedent."""
    words = view.words
    j = h - 1
    if j >= 0 and (words[j].bare in RELATIVES):  # (also "والذي")
        return _antecedent(view, j)
    while j >= 0:
        if view.brk[j + 1] != 0 and not (j + 1 < h and words[j + 1].bare in RELATIVES):
            return []  # a comma, dash or bracket: a dateline ("القاهرة (رويترز) -") or an aside
        w = words[j]
        k = view.span_of[j]
        if k != -1:
            span = view.spans[k]
            if is_actor(span) and not _introduced_by_prep(view, span.first):
                return _conjuncts_before(view, k)
            j = span.first - 1
            continue
        if w.tense is not None or w.bare in PREPOSITIONS:
            return []
        if w.norm in ("ان", "بان", "وان", "انه", "انها"):
            return []
        j -= 1
        if h - j > 6:
            return []
    return []


def _conjuncts_before(view: SentenceView, k: int) -> list[int]:
    """A subject and the names coordinated before it ("الرياض وأبوظبي والكويت قدمت")."""
    out = [k]
    while view.conj_before(out[0]):
        j = view.spans[out[0]].first - 1
        if j < 0 or view.brk[j + 1] != 0 or view.span_of[j] == -1:
            break
        prev = view.span_of[j]
        if not is_actor(view.spans[prev]) or _introduced_by_prep(view, view.spans[prev].first):
            break
        out.insert(0, prev)
    return out


def _antecedent(view: SentenceView, rel: int) -> list[int]:
    """The actors a relative pronoun refers to: the coordinated names just before it."""
    out: list[int] = []
    j = rel - 1
    while j >= 0 and rel - j <= 14:
        k = view.span_of[j]
        if k != -1:
            span = view.spans[k]
            if (is_actor(span) and not _as_location(view, k) and not is_nisba(span.mention)
                    and not _modifier_object(view, span.first)):
                out.append(k)
            j = span.first - 1
            continue
        w = view.words[j]
        if w.tense is not None or view.brk[j + 1] == STRONG:
            break
        if w.bare in ("علي", "ضد", "مع", "الي", "عن", "من", "في") and out:
            break
        j -= 1
    out.reverse()
    return out


def _modifier_object(view: SentenceView, i: int) -> bool:
    """Is the name at token ``i`` the complement of a modifier of the noun before it ("المدعوم من
    إيران", "بقيادة حفتر")? It describes the antecedent of a relative pronoun; it is not it."""
    words = view.words
    if i >= 1 and (words[i - 1].norm in _MODIFIER_WORDS or words[i - 1].bare in _MODIFIER_WORDS):
        return True  # "بقيادة حفتر", "الموالية لإيران"
    return (i >= 2 and words[i - 1].bare in ("من", "الي", "مع")
            and (words[i - 2].norm in _MODIFIER_WORDS or words[i - 2].bare in _MODIFIER_WORDS))


def _introduced_by_prep(view: SentenceView, i: int) -> bool:
    w = view.words[i]
    if w.prep in ("ب", "ل", "ك"):
        return True
    return i > 0 and view.words[i - 1].bare in PREPOSITIONS


def _adjective(view: SentenceView, k: int) -> bool:
    """A word that can stand between a noun and its genitive: an adjective (جوية، الحربية)."""
    c = view.words[k].core
    return c.endswith(("يه", "ي", "يا", "يين", "يون"))


_SPOKESMAN = frozenset({"المتحدث", "الناطق", "المتحدثه", "الناطقه", "باسم", "متحدث", "ناطق", "متحدثا"})


def _np_after(view: SentenceView, i: int, gap: int = 2, nominal: bool = False) -> int | None:
    """An actor span right after token ``i`` (a subject after a verb, a genitive after a noun;
    after a noun only adjectives may stand between)."""
    words = view.words
    if not nominal and i + 1 < len(words) and words[i + 1].norm in _SPOKESMAN:
        gap += 2
    for k in range(i + 1, min(len(words), i + 1 + gap + 1)):
        if view.brk[k] != 0:
            return None
        sk = _span_at(view, k)
        if sk is not None:
            span = view.spans[sk]
            if is_nisba(span.mention) and k > i + 1 and not _actor_nisba(view, k):
                return None  # "بحث ... الأزمة السورية": a topic, not a party
            if is_actor(span) and not words[k].prep and not words[k].conj:
                # "الرئيس التركي رجب طيب أردوغان": the person, not the nisba before the name
                nxt = span.last + 1
                if is_nisba(span.mention) and nxt < len(words) and view.brk[nxt] == 0:
                    sn = _span_at(view, nxt)
                    if sn is not None and view.spans[sn].mention.label == "PER":
                        return sn
                return sk
            return None
        w = words[k]
        if w.norm in _SPOKESMAN or w.core in _SPOKESMAN:
            continue  # "المتحدث باسم الجيش": the body the spokesman speaks for
        if (w.bare in PREPOSITIONS or w.bare in LOC_PREPS or w.tense is not None or w.prep
                or w.norm in RELATIVES):
            return None
        if w.hits or (not nominal and w.core in _PATIENT_HEADS):
            return None  # "قصفت مواقع داعش": the name is the genitive of the verb's object
        if nominal and not _adjective(view, k):
            return None  # "الغارات مواقع داعش": a new noun phrase, not the genitive
    return None


# nouns that name what is hit, held or visited, never who acts: an actor after them is their owner
_PATIENT_HEADS = frozenset({"مواقع", "موقع", "مقرات", "مقر", "منازل", "منزل", "معاقل", "معقل", "تجمعات",
                            "مخازن", "مخزن", "قواعد", "قاعده", "مراكز", "مركز", "نقاط", "نقطه", "تحصينات",
                            "اهداف", "هدف", "اماكن", "مناطق", "منشات", "مستودعات", "مخابئ", "خطوط",
                            "مواقعا", "اسلحه", "سفارة", "سفاره", "ممتلكات", "مصالح", "حسابات", "اموال"})
_TITLE_PREPS = frozenset({"الي", "لدي", "في"})
_ALLY_WORDS = frozenset({"حليف", "حليفه", "حليفت", "حلفاء", "حلفاو", "حلفائ", "شريك", "شريكه", "شريكت", "شركاء"})


def _appositive(view: SentenceView, k: int, sk: int) -> bool:
    """Is span ``sk`` a person's name standing in apposition right after the title ``k``
    ("الرئيس التركي رجب طيب أردوغان", "المبعوث الأممي إلى ليبيا غسان سلامة")?"""
    a, b = view.spans[k], view.spans[sk]
    gap = b.first - a.last - 1
    if gap == 2 or gap == 3:  # "المبعوث الأممي إلى ليبيا غسان سلامة": the title's own complement
        p = a.last + 1
        pk = view.span_of[p + 1] if view.words[p].bare in _TITLE_PREPS else -1
        if pk == -1 or view.spans[pk].last != b.first - 1 or view.brk[p] or view.brk[p + 1]:
            return False
    elif gap != 0:
        return False
    if view.brk[b.first] != 0 or b.mention.label != "PER":
        return False
    if a.mention.label == "PER" or view.words[b.first].prep or view.conj_before(sk):
        return False
    return is_actor(a)


_COUNT_WORDS = frozenset({"اثنين", "اثنان", "ثلاثه", "اربعه", "خمسه", "سته", "سبعه", "ثمانيه", "تسعه", "عشره",
                          "عشرات", "مئات", "الاف", "نحو", "حوالي", "قرابه", "اكثر", "عشرين", "ثلاثين",
                          "اربعين", "خمسين", "مائه", "مئه"})


def _counted(view: SentenceView, k: int) -> bool:
    """Does a number or a count word stand right before span ``k`` or open it ("ثلاثة مسلحين")?"""
    first = view.spans[k].first
    for j in (first, first - 1):
        if j < 0:
            continue
        w = view.words[j]
        if w.norm.isdigit() or w.bare in _COUNT_WORDS or w.core in _COUNT_WORDS:
            return True
    return False


# collective common nouns that an indefinite plural names ("أسرى", "محتجون"), unlike an organisation
_COLLECTIVE_TYPES = frozenset({"civilians", "civilian", "protesters", "prisoners", "journalists", "refugees",
                               "migrants", "detainees"})
_THEN = frozenset({"كما", "ثم", "وكما"})


# bodies that rasd may not know by name but that stand as a verb's subject ("المحكمة", "اللجان")
_BODY_NOUNS = frozenset({"محكمه", "منظمه", "هيئه", "لجنه", "لجان", "مجلس", "مكتب", "وكاله", "مصادر", "مصدر",
                         "شرطه", "حكومه", "سلطات", "قوات", "جماعه", "حركه", "نيابه", "محاكم", "جيش", "قياده",
                         "اداره", "وزاره", "رئاسه", "برلمان", "ميليشيات", "مليشيات", "فصائل", "منظمات",
                         "جمعيه", "اتحاد", "تحالف", "جهات", "اجهزه", "محتجون", "متظاهرون", "وفد", "وفود"})


def _unknown_subject_between(view: SentenceView, i: int, k: int) -> bool:
    """Does a definite body noun that rasd knows by no name stand between the verb at ``i`` and
    the actor ``k`` after it? Then that noun is the subject and ``k`` a new phrase, the object
    (a definite noun takes no genitive; a nisba adjective would describe it instead)."""
    span = view.spans[k]
    if is_nisba(span.mention):
        return False
    for j in range(i + 1, span.first):
        w = view.words[j]
        if w.al and not w.prep and (w.core in _BODY_NOUNS or w.core[2:] in _BODY_NOUNS):
            return True
    return False


def _describing_clause(view: SentenceView, k: int, trig: Trigger) -> bool:
    """Is the verb a description of the indefinite collective noun ``k`` right before it, with
    its own subject named right after it ("أسرى أطلقت المعارضة سراحهم")?"""
    span = view.spans[k]
    m = span.mention
    if view.words[span.first].al or m.actor is None or m.actor.type not in _COLLECTIVE_TYPES:
        return False
    after = _span_at(view, trig.last + 1) if trig.last + 1 < len(view.words) else None
    return (after is not None and view.brk[trig.last + 1] == 0 and is_actor(view.spans[after])
            and view.spans[after].mention.start == view.tokens[trig.last + 1].start)


def _previous_subject(view: SentenceView, h: int) -> list[int]:
    """The subject of the finite verb before ``h`` in its sentence (VSO or SVO), past a
    complement clause to the verb that governs it."""
    words = view.words
    j = h - 1
    while j >= 0:
        if view.brk[j + 1] == STRONG:
            return []
        w = words[j]
        if w.norm in COMPLEMENTIZERS or w.bare in COMPLEMENTIZERS:
            j -= 1
            continue  # "أكد الوزير أن ...، وشدد": the matrix verb's subject
        if (w.tense is not None and view.span_of[j] == -1 and not w.prep and not w.al
                and not (j > 0 and words[j - 1].bare in PREPOSITIONS)):  # "من دعم": a noun
            if w.tense == "pass":
                return []
            k = _np_after(view, j)
            if k is not None and view.spans[k].last < h:
                return _with_conjuncts(view, k)
            return _subject_before(view, j)
        j -= 1
    return []


# verbs whose object is followed by the complement that says what of it: اتهمه بـ، طالبه بـ،
# دعاه إلى، هدده بـ، حذره من
_OBJECT_COMPLEMENT = {"ACCUSE": ("ب",), "REQUEST": ("ب", "الي"), "THREATEN": ("ب", "من")}


def _accused(view: SentenceView, trig: Trigger, used: set[int], markers: tuple[str, ...] = ("ب",)) -> int | None:
    """The object of a verb like اتهم: a bare actor name followed (after its conjuncts) by the
    verb's complement marker (بـ، إلى)."""
    words = view.words
    for k in range(trig.last + 1, min(len(words), trig.last + 14)):
        if view.brk[k] == STRONG:
            return None
        sk = _span_at(view, k)
        if sk is None or sk in used or not is_actor(view.spans[sk]):
            continue
        if view.spans[sk].mention.start > view.tokens[k].start:
            continue  # a clitic before the name (لـ، بـ، و): not a bare object
        nxt = view.spans[_with_conjuncts(view, sk)[-1]].last + 1
        if nxt < len(words) and (words[nxt].prep in markers or words[nxt].bare in markers):
            return sk
    return None


def _l_agent(view: SentenceView, trig: Trigger) -> int | None:
    """The actor that لـ joins to an agent noun (not a masdar, whose لـ marks the object):
    "غارة للقوات الجوية", "الهجوم المحتمل للنظام السوري", past adjectives and a number."""
    words = view.words
    for k in range(trig.last + 1, min(len(words), trig.last + 4)):
        if view.brk[k] != 0:
            return None
        sk = _span_at(view, k)
        if sk is not None:
            span = view.spans[sk]
            if view.clitic_prep(sk) == "ل" and is_actor(span) and not is_nisba(span.mention):
                return sk
            return None
        w = words[k]
        if w.prep or w.hits or w.tense is not None or w.bare in PREPOSITIONS or not (w.al or _adjective(view, k)):
            return None
    return None


def _l_object(view: SentenceView, last: int) -> int | None:
    """After a masdar's genitive ending at ``last``: the object introduced by لـ, as a span index,
    -1 when it is a plain noun ("للمبنى"), None when no لـ object follows."""
    for k in range(last + 1, min(len(view.words), last + 3)):
        if view.brk[k] != 0:
            return None
        w = view.words[k]
        if w.prep == "ل" or w.bare == "ل":
            sk = _span_at(view, k)
            return sk if sk is not None and is_actor(view.spans[sk]) else -1
        if view.span_of[k] != -1 or not _adjective(view, k):
            return None
    return None


def _with_conjuncts(view: SentenceView, k: int) -> list[int]:
    """A name, the person named in apposition to it, and the names coordinated after it
    ("مصر وإيطاليا", "الرئيس التركي رجب طيب أردوغان")."""
    out = [k]
    while True:
        nxt = view.spans[out[-1]].last + 1
        if nxt >= len(view.words) or view.brk[nxt] != 0:
            break
        sk = _span_at(view, nxt)
        if (sk is None and view.words[nxt].conj and view.words[nxt].core in _ALLY_WORDS
                and nxt + 1 < len(view.words) and view.brk[nxt + 1] == 0):
            sk = _span_at(view, nxt + 1)  # "دمشق وحليفتها موسكو": the ally is a second subject
            if sk is None or not is_actor(view.spans[sk]):
                break
            out.append(sk)
            continue
        if sk is None and view.words[nxt].bare in _TITLE_PREPS and view.span_of[min(nxt + 1, len(view.words) - 1)] != -1:
            after = view.spans[view.span_of[nxt + 1]].last + 1  # "المبعوث الأممي إلى ليبيا غسان سلامة"
            sk = _span_at(view, after) if after < len(view.words) else None
            if sk is None or not _appositive(view, out[-1], sk):
                break
        if sk is None:
            break
        if _appositive(view, out[-1], sk):
            out.append(sk)
            continue
        if not view.conj_before(sk) or not is_actor(view.spans[sk]) or view.words[nxt].prep:
            break
        out.append(sk)
    return out


def assign_roles(view: SentenceView, trig: Trigger, triggers: list[Trigger]) -> Roles:
    """Source, target and location of one trigger (see the module docstring)."""
    roles = Roles()
    etype = trig.sense.type
    preps = TARGET_PREPS.get(etype, frozenset())
    used: set[int] = set()

    def add(lst: list[int], k: int) -> None:
        if k not in used and is_actor(view.spans[k]):
            used.add(k)
            lst.append(k)

    if trig.verbal:
        h = trig.first
        passive = trig.tense == "pass"
        before = _subject_before(view, h)
        prev = view.words[h - 1] if h > 0 else None
        resumptive = (h + 1 < len(view.words) and view.words[h + 1].core in preps
                      and view.words[h + 1].core != view.words[h + 1].bare)
        if prev is not None and prev.bare in RELATIVES and (view.words[h].encl or resumptive):
            # ("المسؤولين الذين تنسق معهم واشنطن": the pronoun after the preposition)
            # "المتظاهرين الذين اتهمهم": the antecedent is the object of the verb
            for k in before:
                add(roles.target, k)
            before = []
        # SVO when a name stands right before the verb (after أن/إن, or a relative's antecedent)
        svo = bool(before) and (view.words[h - 1].bare in RELATIVES or view.spans[before[-1]].last >= h - 2)
        if svo and _describing_clause(view, before[-1], trig):
            # "أسرى أطلقت المعارضة سراحهم": an indefinite noun described by the clause, whose own
            # subject follows the verb; the noun is what the verb is about
            for k in before:
                add(roles.target, k)
            before, svo = [], False
        # "أنها طالبت المملكة": the subject is the pronoun, the name after the verb its object
        pronoun_subject = prev is not None and prev.norm in _PRONOUN_COMPLEMENTIZERS
        subj = None if svo or pronoun_subject else _np_after(view, trig.last)
        if subj is not None and _unknown_subject_between(view, trig.last, subj):
            subj = None  # "وتتهم المحكمة الصحفيين بـ": the name after an unknown body is the object
        after_subj = view.spans[_with_conjuncts(view, subj)[-1]].last + 1 if subj is not None else trig.last + 1
        args = scan_arguments(view, after_subj, triggers, trig, _cur_from_phrase(view, trig))
        if not passive and trig.sense.cameo == "1823" and subj is not None and _counted(view, subj):
            passive = True  # "قتل ثلاثة مسلحين": a counted subject of قتل is its victims (قُتل)
        if not passive and any(how == _AGENT for _, how in args):
            passive = True  # "قتل 60 شخصا برصاص القوات": an agent phrase makes the verb passive (قُتل)
        if subj is not None:
            for k in _with_conjuncts(view, subj):
                (add(roles.target, k) if passive else add(roles.source, k))
            roles.source_from = "vso" if not passive else ""
        else:
            for k in before:
                (add(roles.target, k) if passive else add(roles.source, k))
                roles.source_from = "svo"
        obj_taken = False
        for k, how in args:
            if how.startswith("+"):  # coordinated with the previous argument
                how = how[1:]
                if how == "" and obj_taken:
                    add(roles.target, k)
                    continue
            if how == "loc":
                if roles.location is None:
                    roles.location = k
                continue
            if k in used:
                continue
            if how == "":
                if etype in TRANSITIVE and not obj_taken and not passive:
                    add(roles.target, k)
                    obj_taken = True
                elif not roles.source and not passive:
                    add(roles.source, k)
            elif how == _AGENT:
                add(roles.source, k)
            elif (how == _BETWEEN and etype in SYMMETRIC) or how == _MEMBERS:
                add(roles.source, k)
            elif how in preps:
                add(roles.target, k)
        if etype in _OBJECT_COMPLEMENT and not roles.target and not passive:
            # "اتهم الدبيبة، في كلمة مصورة، باشاغا بالسعي", "طالبت الحكومة في بيان الإمارات بوقف",
            # "دعت السعودية الحكومة والمجلس إلى اجتماع": the bare object that the verb's complement
            # (بـ، إلى) follows, past a parenthetical
            k = _accused(view, trig, used, _OBJECT_COMPLEMENT[etype])
            if k is not None:
                for x in _with_conjuncts(view, k):
                    add(roles.target, x)
        if not roles.source and not passive and (view.words[h].conj or (prev is not None and prev.norm in _THEN)):
            # "وتشعر تركيا باستياء ... وهددت بنقل هجومها": a coordinated verb shares the subject
            for k in _previous_subject(view, h):
                add(roles.source, k)
                roles.source_from = "coordinated"
        if passive and not roles.target:  # "اغتيل قيادي في حماس": the victim's group
            for k, how in args:
                if how in ("في", "من", "ب") and is_actor(view.spans[k]):
                    add(roles.target, k)
                    break
    else:
        s = trig.support
        sv = trig.support_verb
        if s is not None and sv is not None:
            if s < trig.first:
                subj = _np_after(view, s, gap=2)
                if subj is not None and view.spans[subj].first >= trig.first:
                    subj = None
            else:
                subj = _np_after(view, s, gap=2)  # "غارات شنتها طائرات حربية روسية"
            subj_list = _with_conjuncts(view, subj) if subj is not None else (
                _subject_before(view, s) if s < trig.first and trig.support_tense is not None else [])
            for k in subj_list:
                if sv.subject == "agent":
                    add(roles.source, k)
                    roles.source_from = "support"
                elif sv.subject == "patient":
                    add(roles.target, k)
                elif sv.subject == "place" and _as_location(view, k):
                    roles.location = k
        tw = view.words[trig.first]
        construct = not tw.al and not tw.encl  # only a noun without ال or suffix heads a genitive
        gen = _np_after(view, trig.last, gap=1, nominal=True)
        if gen is not None and not construct and not nisba_adjective(view.spans[gen].mention):
            gen = None
        if gen is not None:
            span = view.spans[gen]
            role = "agent" if nisba_adjective(span.mention) else trig.sense.gen
            obj = _l_object(view, span.last) if role == "patient" else None
            if obj is not None:
                # "مداهمة القوات الأمنية للمبنى", "استهداف الاحتلال للمسعفين": the genitive is the
                # masdar's agent when its object follows with لـ
                add(roles.source, gen)
                roles.source_from = roles.source_from or "genitive"
                if obj >= 0:
                    add(roles.target, obj)
            elif role == "patient":
                nxt = _np_after(view, span.last, gap=0)
                if nxt is not None:  # masdar + agent + object: قصف التحالف مواقع الحوثيين
                    add(roles.source, gen)
                    add(roles.target, nxt)
                else:
                    add(roles.target, gen)
            elif not roles.source:
                add(roles.source, gen)
                roles.source_from = roles.source_from or "genitive"
        scan_from = trig.last + 1
        if s is not None and s > trig.last:  # "الاتصال الذي أجراه مع ترامب": after the verb
            scan_from = s + 1
        for k, how in scan_arguments(view, scan_from, triggers, trig, _cur_from_phrase(view, trig)):
            if (how == "" and gen is None and construct and view.spans[k].first <= trig.last + 3
                    and k not in used):
                gen = k  # a genitive chain: "اغتيال قيادات الجيش المصري"
                if trig.sense.gen == "patient":
                    add(roles.target, k)
                elif not roles.source:
                    add(roles.source, k)
                    roles.source_from = roles.source_from or "genitive"
                continue
            if how == "loc" and etype in _MOVEMENT and _destination(view, k):
                roles.location = k  # "انتقال ... إلى ليبيا": where they go
                continue
            how = how.lstrip("+")
            if how == "loc" or (how == "من" and etype == "RETREAT" and is_place(view.spans[k])):
                if roles.location is None:
                    roles.location = k
                continue
            if k in used:
                continue
            if how == _AGENT:
                add(roles.source, k)
            elif how in (_BETWEEN, _MEMBERS) or (how == "من" and etype in ("SUPPORT", "AID")):
                add(roles.source, k)  # "بدعم من التحالف": the supporter
            elif how in preps:
                add(roles.target, k)
        if not roles.source and trig.sense.gen == "agent":
            k = _l_agent(view, trig)
            if k is not None and k not in used:
                add(roles.source, k)  # "غارة للقوات الجوية السعودية", "الهجوم المحتمل للنظام"
                roles.source_from = roles.source_from or "genitive"
        # a place before the trigger in its clause ("في درنة، شنت الطائرات غارات")
    if etype in ("CONSULT", "AGREE", "COOPERATE") and roles.location is not None:
        k = roles.location  # "اتصالات بفرنسا": with a state, not in it
        m = view.spans[k].mention
        if (m.actor is not None and m.place is not None and m.place.precision == "country"
                and view.clitic_prep(k) == "ب" and view.spans[k].first <= trig.last + 2):
            for x in _with_conjuncts(view, k):
                add(roles.target, x)
            roles.location = None
    if etype in ("ASSAULT", "COERCE"):  # "قتل خمسة مدنيين": civilians are victims
        for k in [k for k in roles.source if view.spans[k].mention.actor is not None
                  and view.spans[k].mention.actor.type in ("civilians", "civilian")]:
            roles.source.remove(k)
            roles.target.append(k)
    if etype in ("AID", "CONSULT", "SUPPORT") and roles.location is not None:
        k = roles.location  # "مساعدات إلى اليمن", "زيارة إلى تركيا": the state is also the target
        first = view.spans[k].first
        if first > 0 and view.words[first - 1].bare == "الي" and view.spans[k].mention.actor is not None:
            add(roles.target, k)
    if not roles.source and etype in _ANNOUNCED:
        for k in _announcer(view, trig):
            add(roles.source, k)
            roles.source_from = "announcer"
    if roles.location is None:
        roles.location = _location_before(view, trig, triggers)
    return roles


# acts that the subject of "أعلن/أكد" performs by announcing them ("أعلنت الرياض قطع العلاقات");
# not violence, which ministries and monitors announce without doing it
_ANNOUNCED = frozenset({"SANCTION", "SUPPORT", "REJECT", "AGREE", "COOPERATE", "CONSULT", "REQUEST", "ACCUSE",
                        "THREATEN", "AID", "CONCEDE"})
_DURING = frozenset({"في", "خلال", "اثناء"})


def _announcer(view: SentenceView, trig: Trigger) -> list[int]:
    """The subject of the reporting verb whose object the event noun is ("أعلن لعمامرة، أمس،
    قطع العلاقات", "أعلنت كل من السعودية والإمارات تأييدها"), or during which the subject spoke
    ("أكد ولي العهد، في اتصال هاتفي مع ترامب، ...")."""
    words = view.words
    i = trig.first
    w = words[i]
    during = i > 0 and words[i - 1].bare in _DURING and trig.sense.type == "CONSULT"
    if w.prep and not during:
        return []
    if during:
        i -= 1
    for j in range(i - 1, max(-1, i - 16), -1):
        if view.brk[j + 1] == STRONG:
            return []
        x = words[j]
        if x.norm in COMPLEMENTIZERS or x.bare in COMPLEMENTIZERS or x.norm in RELATIVES:
            return []
        if x.tense is None:
            continue
        if x.encl or not any(h.kind in ("report", "cont") for h in x.hits):
            return []
        k = j + 1
        if k + 1 < len(words) and words[k].bare == "كل" and words[k + 1].bare == "من":
            k += 2  # "أعلنت كل من السعودية والإمارات"
        sk = _span_at(view, k) if k < len(words) else None
        if sk is None and k == j + 1:
            sk = _np_after(view, j)
        if sk is None or not is_actor(view.spans[sk]) or (k == j + 1 and _introduced_by_prep(view, k)):
            return []
        subject = _with_conjuncts(view, sk)
        return subject if view.spans[subject[-1]].last < trig.first else []
    return []


def _location_before(view: SentenceView, trig: Trigger, triggers: list[Trigger]) -> int | None:
    """A locative place earlier in the trigger's own clause, with no other trigger between
    (that one would own it): "في درنة، شنت الطائرات غارات"."""
    anchor = trig.first  # a place between support verb and noun counts: "احتشدوا وسط طرابلس للاحتجاج"
    for k in range(len(view.spans) - 1, -1, -1):
        span = view.spans[k]
        if span.last >= anchor:
            continue
        if not view.same_scope(span.first, anchor):
            return None
        if any(t.first < anchor and view.same_scope(t.first, span.first) for t in triggers if t is not trig):
            return None  # the place follows, or precedes, another event of the clause: that one's
        if _as_location(view, k) and not is_nisba(span.mention) and (
                view.locative_before(span.first) or _destination(view, k)):
            return k  # not a bare name before the verb: "الرياض ودبي قدمت" are its subjects
    return None




# ---- a subject left unsaid: the verb's pronoun and its antecedent ----------------------------

# broken plurals of people that take a plural verb ("عناصر التنظيم هاجموا")
_HUMAN_PLURALS = frozenset({"عناصر", "افراد", "جنود", "مقاتلو", "مقاتلي", "مسلحو", "مسلحي", "رجال",
                            "انصار", "اعضاء", "قاده", "ابناء", "سكان", "مواطنو", "مواطني", "عمال"})
# states whose Arabic name is masculine although it has no article (لبنان قرر، عمان أعلن)
_MASCULINE_STATES = frozenset({"لبنان", "عمان"})


def verb_agreement(core: str, tense: str | None) -> tuple[str, bool] | None:
    """(gender "m"/"f", plural) that the person marking of a third-person verb form asks of its
    subject, or None when the form does not say (duals, first person, a noun)."""
    if tense == "perf" or tense == "pass":
        if core.endswith(("وا", "و")):
            return "m", True
        if core.endswith(("تا", "ا", "نا", "تم")):
            return None  # dual, or first/second person
        if core.endswith("ت"):
            return "f", False
        return "m", False
    if tense == "impf":
        if core.endswith(("ون", "وا", "ان")):
            return (None if core.endswith("ان") else ("m", True))
        if core.startswith("ت"):
            return "f", False
        if core.startswith("ي"):
            return "m", False
    return None


def _head_noun(text: str) -> str:
    """The first word of a name, without و and the article (القوات الإسرائيلية → قوات)."""
    words = normalize(text).split()
    if not words:
        return ""
    w = words[0]
    if w.startswith("و") and len(w) > 4:
        w = w[1:]
    return w


def actor_agrees(ref: ActorRef, agreement: tuple[str, bool]) -> bool:
    """Could the actor be the subject of a verb asking ``agreement`` of it? Feminine: a state
    (مصر، سوريا; not العراق، لبنان), a noun in ة or a non-human plural in ات (القوات، الحكومة);
    plural: people in ين/ون or a broken plural of people (المسلحون، عناصر)."""
    gender, plural = agreement
    head = _head_noun(ref.text or ref.name_ar)
    if not head:
        return False
    bare = head[2:] if head.startswith("ال") else head
    human_plural = bare.endswith(("ين", "ون")) or bare in _HUMAN_PLURALS
    if plural:
        return human_plural
    if ref.type == "state" and ref.id and "." not in ref.id and head == normalize(ref.text).strip():
        feminine = not (head.startswith("ال") and not head.endswith(("ه", "ات"))) and head not in _MASCULINE_STATES
    else:
        feminine = bare.endswith(("ه", "ات"))
    if gender == "f":
        return feminine or (human_plural and bare in _HUMAN_PLURALS)  # "عناصر التنظيم قامت"
    return not feminine and not human_plural


def unsaid_subject(word, tense: str | None, earlier: list[list[ActorRef]],
                   not_ids: frozenset[str] = frozenset()) -> list[ActorRef]:
    """The antecedent of a verb's unsaid (pronoun) subject: the most recent overt subject, in
    the same or the previous sentence, that agrees with the verb ("اقتحمت القوات الإسرائيلية
    مخيم جنين. وقالت مصادر إنها اعتقلت ..."). ``earlier`` lists the sources of earlier events,
    oldest first; ``not_ids`` are the event's own targets. Nothing when the verb's form does not
    say who may be meant."""
    agreement = verb_agreement(word.core, tense)
    if agreement is None:
        return []
    for sources in reversed(earlier):
        if not sources:
            continue
        if len(sources) > 1:
            continue  # coordinated subjects take a dual or plural verb: too loose to follow
        if sources[0].id in not_ids:
            continue  # the event's own target ("ويتهم الإعلام جيش الإسلام") is not its subject
        if actor_agrees(sources[0], agreement):
            return list(sources)
    return []


# nouns that, next to a verb, are its overt subject though rasd knows them as no actor
_AGENT_NOUNS = ACTOR_HEADS | frozenset({
    "مروحيات", "مروحيه", "مجهولون", "مجهولين", "مسيره", "مسيرات", "عبوه", "سياره", "منظمه", "هيئه",
    "لجنه", "مجلس", "مكتب", "محكمه", "وكاله", "منظمات", "مصادر", "مصدر", "شهود", "ناشطون", "سكان",
    "مراسل", "بعثه", "مفوضيه", "جماعه", "حركه", "تنظيم", "اتحاد", "تحالف", "قياده", "رئاسه", "اداره"})
_QUANTITIES = frozenset({"الاف", "مئات", "عشرات", "الالاف", "المئات", "العشرات", "ملايين", "الاف", "حشود", "الحشود"})
_SKIP_BEFORE_VERB = frozenset({"قد", "وقد", "فقد", "لقد", "كذلك", "ايضا", "بدورها", "بدوره"})


def unsaid_subject_applies(view: SentenceView, trig: Trigger) -> bool:
    """Is the trigger an active verb whose subject the sentence leaves unsaid (a pronoun in the
    verb), so that it must be found in an earlier clause or sentence? Not a masdar (after a
    preposition or with the article), not after a relative pronoun or complementizer, not in
    the passive, and not when a noun that rasd knows as no actor stands as the verb's subject,
    before it ("القوات الأمنية أحبطت") or after it ("أغارت الطائرات", "وطالبت المنظمة")."""
    if not trig.verbal or trig.tense not in ("perf", "impf") or trig.sense.cameo == "1823":
        return False  # (unvocalized قتل is mostly the passive قُتل: its victims, not its doer)
    h = trig.first
    words = view.words
    if "\u064f" in view.tokens[h].text[:3]:
        return False  # "دُمرت", "يُحتجز": written passive
    w = words[h]
    if w.al or w.prep or any(x.tense is None for x in w.hits):
        return False  # a noun, or a form that reads as one too ("رفض للتهميش")
    j = h - 1
    while j >= 0 and view.brk[j + 1] == 0 and words[j].norm in _SKIP_BEFORE_VERB:
        j -= 1
    if j >= 0 and view.brk[j + 1] == 0:
        p = words[j]
        if p.norm in RELATIVES or p.norm in COMPLEMENTIZERS or p.bare in PREPOSITIONS:
            return False
        if p.tense is None and p.bare not in CLAUSE_OPENERS and p.norm not in CLAUSE_OPENERS:
            # a noun before the verb: its subject ("قواته قد استهدفت"), or the indefinite noun
            # that the verb describes ("بحملة تستهدف ناشطين")
            return False
    n = trig.last + 1
    if n < len(words) and view.brk[n] == 0:
        k = view.span_of[n]
        if k != -1:
            m = view.spans[k].mention
            if m.actor is None and m.place is None:
                return False  # a name rasd cannot place, after the verb ("يحتجز بازوم")
        else:
            x = words[n]
            if not x.prep and x.tense is None and x.bare not in PREPOSITIONS and (
                    x.al or x.hits or x.core in _AGENT_NOUNS or x.core in _QUANTITIES or x.core[:1].isdigit()
                    or x.core.endswith("ون") or trig.sense.type not in TRANSITIVE):
                # "تظاهر الآلاف", "وطالبت المنظمة", "ورفض الملقي", "دمرت ضربات": a noun after the
                # verb that may be its subject (an indefinite object, "قصفت مواقع", may follow)
                return False
    for j in range(h - 1, max(-1, h - 6), -1):
        if view.brk[j + 1] == STRONG or words[j].tense is not None:
            break
        if words[j].norm in COMPLEMENTIZERS or words[j].bare in COMPLEMENTIZERS:
            return False  # "قالت إنها بالفعل طلبت": the pronoun is the speaker's
    return True



# ---- a definite body named by its kind: "المنظمة", "الحركة", "الوزارة" ----------------------

# the kind of actor a definite body noun refers back to (beside any actor whose name has that head)
_BODY_KINDS: dict[str, frozenset[str]] = {
    "منظمه": frozenset({"igo", "ngo"}), "وزاره": frozenset({"ministry"}), "حكومه": frozenset({"government"}),
    "حركه": frozenset({"armed_group", "political_group", "militia"}), "تنظيم": frozenset({"armed_group"}),
    "جماعه": frozenset({"armed_group", "political_group", "militia"}), "تحالف": frozenset({"coalition"}),
    "ميليشيا": frozenset({"militia", "armed_group"}), "ميليشيات": frozenset({"militia", "armed_group"}),
    "هيئه": frozenset(), "لجنه": frozenset(), "مفوضيه": frozenset(), "بعثه": frozenset({"igo"}),
    "وكاله": frozenset(), "حزب": frozenset({"political_group"}), "سلطات": frozenset({"government"}),
}


def body_subject(view: SentenceView, trig: Trigger) -> str | None:
    """The head of a definite body noun, with no name rasd knows, standing as the verb's subject
    right after it or right before it ("وحثت المنظمة ...", "الحركة كانت تعد لمظاهرة")."""
    if not trig.verbal:
        return None
    words = view.words
    for j in (trig.last + 1, trig.first - 1):
        if not 0 <= j < len(words) or view.span_of[j] != -1:
            continue
        if view.brk[max(j, trig.first)] != 0 and j > trig.first:
            continue
        w = words[j]
        if w.al and not w.prep and not w.encl and w.core in _BODY_KINDS:
            if (j + 1 < len(words) and view.brk[j + 1] == 0 and view.span_of[j + 1] != -1
                    and is_nisba(view.spans[view.span_of[j + 1]].mention)):
                return None  # "الحكومة الإيرانية" when rasd holds only its nisba: not a reference back
            return w.core
    return None


def definite_antecedent(core: str, earlier: list[list[ActorRef]]) -> list[ActorRef]:
    """The actor a definite body noun refers back to: the most recent one, in the events of this
    and the previous sentence, whose name has that head ("منظمة العفو الدولية" for "المنظمة") or,
    for a group, ministry or government, the one actor in view of the kind it names."""
    kinds = _BODY_KINDS.get(core, frozenset())
    of_kind: dict[str, ActorRef] = {}
    for refs in reversed(earlier):
        for ref in reversed(refs):
            head = _head_noun(ref.text or ref.name_ar)
            if head.startswith("ال"):
                head = head[2:]
            if head == core:
                return [ref]
            if ref.type in kinds and ref.id:
                of_kind.setdefault(ref.id, ref)
    # by kind only when one actor of that kind is in view ("الجماعة" after HTS and ISIS: either)
    return list(of_kind.values()) if len(of_kind) == 1 else []


# ---- reactions: whom a condemnation or a vow of retaliation is aimed at --------------------

_REACTIONS = frozenset({"ACCUSE", "REJECT", "PROTEST", "THREATEN"})
_REACTED_TO = frozenset({"ASSAULT", "COERCE", "SANCTION", "MOBILIZE"})


def reaction_objects(view: SentenceView, triggers: list[Trigger]) -> list[tuple[int, int]]:
    """(reaction, act) trigger pairs where a condemnation, protest or vow has an act as its
    object ("أدانت الحكومة العراقية الضربات", "توعدت الفصائل بالرد على الغارات", "احتجاجات على
    اعتقال"): the act's authors are the reaction's target."""
    out = []
    for r in triggers:
        if r.sense.type not in _REACTIONS:
            continue
        for t in triggers:
            if t.first <= r.last or t.first - r.last > 8 or t.verbal or t.sense.type not in _REACTED_TO:
                continue
            if not view.same_scope(r.first, t.first) or any(
                    view.words[j].tense is not None and not view.words[j].hits for j in range(r.last + 1, t.first)):
                break
            out.append((r.first, t.first))
            break
    return out


# ---- the sentence's own place ------------------------------------------------------------


def sentence_place(view: SentenceView, trig: Trigger, claimed: frozenset[int] = frozenset()) -> int | None:
    """The locative place nearest the trigger anywhere in its sentence ("قتل 17 فلسطينيا في
    مواجهات مع القوات الإسرائيلية في قطاع غزة", "مقتل جنديين، قرب الحدود"), for an event whose
    own clause names none: the sentence's place comes before the article's. Places ``claimed``
    as another event's own are not this one's."""
    best, best_key = None, (2, 10 ** 6)
    for k, span in enumerate(view.spans):
        if (k in claimed or not is_place(span) or is_nisba(span.mention)
                or not view.locative_before(span.first)):
            continue
        # a city before a country ("في محافظة الحديدة ... في اليمن"), then the nearest; a place
        # after the trigger is more often its own than one before it
        d = span.first - trig.last if span.first > trig.last else 2 * (trig.first - span.last)
        place = span.mention.place
        key = (1 if place is not None and place.precision == "country" else 0, d)
        if key < best_key:
            best, best_key = k, key
    return best


def sentence_countries(view: SentenceView) -> frozenset[str]:
    """The countries of the places a sentence names as places (cities, regions, a state after
    في/بـ), not of states named as actors ("القوات الإسرائيلية")."""
    out = set()
    for span in view.spans:
        p = span.mention.place
        if p is None or not p.country or is_nisba(span.mention):
            continue
        if span.mention.actor is None or view.locative_before(span.first):
            out.add(p.country)
    return frozenset(out)


__all__ = ["Roles", "assign_roles", "scan_arguments", "is_actor", "is_place", "TARGET_PREPS", "unsaid_subject",
           "unsaid_subject_applies", "verb_agreement", "actor_agrees", "sentence_place",
           "sentence_countries", "reaction_objects",
           "body_subject", "definite_antecedent"]
