"""Trigger finding: lexicon senses checked against their restrictions, support verbs joined to
their nouns ("شنّ غارات" is one event), and the mode read from modifiers ("غارات جوية")."""
from __future__ import annotations

from dataclasses import dataclass
from itertools import compress
from operator import attrgetter

from .lexicon import IMPERFECT, FormHit, Lexicon, SupportVerb, TriggerSense, Word
from .syntax import (COMPLEMENTIZERS, PREPOSITIONS, RELATIVES, STRONG, SentenceView)

# Objects after استهدف that make it "aim at" rather than "attack" (تستهدف زعزعة الأمن).
_ABSTRACT_OBJECTS = frozenset({
    "زعزعه", "تقويض", "اضعاف", "ضرب", "تحقيق", "تعزيز", "تحسين", "تطوير", "دعم", "حد", "خفض", "رفع",
    "توفير", "جذب", "استقطاب", "تشجيع", "منع", "وقف", "انهاء", "ايجاد", "حمايه", "تامين", "مكافحه",
    "تحرير", "اعاده", "بناء", "انشاء", "اقامه", "تشكيل", "استقرار", "امن", "زياده", "الوصول",
    "وصول", "توسيع", "نشر", "استعاده", "اسقاط", "تغيير", "ارباك", "تفكيك", "عرقله", "افشال",
})
_SUPPORT_WINDOW = 15
# "مجلس التعاون", "مكتب التعاون الدولي", "وكالة ... المساعدات": a noun inside an institution's name
_INSTITUTIONS = frozenset({"مكتب", "وزاره", "لجنه", "هيئه", "مجلس", "اداره", "منظمه", "صندوق", "مركز",
                           "مؤسسه", "دائره", "قسم", "جهاز", "مفوضيه", "برنامج", "معهد", "اتحاد",
                           "منتدي", "رابطه", "جمعيه", "غرفه", "بنك", "محكمه", "قوات", "منظمات",
                           "وكالات", "هيئات", "مؤسسات", "مدير", "مديره", "قطاع", "شركه", "شركات",
                           "شبكه", "شبكات", "وزير", "دوائر", "اجهزه", "وكاله", "قناه", "تلفزيون", "صحيفه",
                           "اذاعه", "محطه", "مجموعه"})
# "التحالف لدعم الشرعية", "الائتلاف لدعم الشرعية": a coalition's name says what it is for
_NAMED_FOR = frozenset({"تحالف", "ائتلاف", "جبهه", "حمله", "مبادره"})


@dataclass(slots=True)
class Trigger:
    """A trigger found in a sentence (token indices are sentence-relative)."""

    first: int
    last: int  # last token of the trigger phrase ("غارات جوية", "وقف إطلاق النار")
    sense: TriggerSense
    verbal: bool
    tense: str | None  # of the trigger verb, when verbal
    support: int | None = None  # token index of the support verb or its masdar
    support_verb: SupportVerb | None = None
    support_tense: str | None = None  # None for a support masdar ("لشنّ")
    mode: str | None = None
    cameo: str | None = None

    @property
    def head(self) -> int:
        """The token whose morphology and particles carry the event's tense and polarity."""
        return self.support if self.support is not None else self.first


_HITS = attrgetter("hits")
_VERB_PARTICLES = frozenset({"قد", "لقد", "وقد", "فقد", "لم", "لن", "سوف", "ما", "لا", "كان", "كانت"})


def _abstract(word: Word) -> bool:
    c = word.core
    return c in _ABSTRACT_OBJECTS or (len(c) == 5 and c[0] == "ت" and c[3] == "ي")


def _matches(words: list[Word], k: int, allowed: frozenset[str]) -> bool:
    w = words[k]
    return w.norm in allowed or w.core in allowed or w.bare in allowed or bool(
        w.prep and w.prep in allowed) or (w.core.endswith("ا") and w.core[:-1] in allowed)


def _check(view: SentenceView, i: int, hit: FormHit, sense: TriggerSense) -> int | None:
    """Does this sense apply at token i? Returns the last token of the trigger phrase or None."""
    r = sense.restrict
    words = view.words
    n = len(words)
    if r.no_bare and hit.bare:
        return None
    if r.not_prev and any(_matches(words, j, r.not_prev) for j in (i - 1, i - 2)
                          if j >= 0 and view.brk[j + 1] != STRONG):
        return None
    last = i
    if r.not_next and i + 1 < n and view.brk[i + 1] != STRONG and _matches(words, i + 1, r.not_next):
        return None
    if r.seq:
        for k, allowed in enumerate(r.seq, start=1):
            if i + k >= n or view.brk[i + k] == STRONG or not _matches(words, i + k, allowed):
                return None
        last = i + len(r.seq)
    if r.near:
        found = None
        for k in range(i + 1, min(n, i + 6)):  # past a subject: "سيطر تنظيم داعش على"
            if view.brk[k] == STRONG:
                break
            if _matches(words, k, r.near):
                found = k
                break
        if found is None:
            return None
        if found == i + 1 and sense.type != "REQUEST":  # "أطلق النار"; not "دعا إلى"
            last = found
    if r.obj_concrete and any(_abstract(words[k]) for k in (i + 1, i + 2) if k < n):
        return None  # "تستهدف (الخطة) زعزعة الأمن": aims at
    return last


def _reading(view: SentenceView, lex: Lexicon, i: int, hits: tuple[FormHit, ...]) -> list[FormHit]:
    """Trigger readings of a word; an unvocalized form that is both verb and noun (قصف) is read
    as a noun after an article, a preposition, a support verb or a cue, else as a verb."""
    trig = [h for h in hits if h.kind == "trigger"]
    if len(trig) < 2:
        return trig  # one reading (most words): nothing to order
    verbs = [h for h in trig if h.tense is not None]
    nouns = [h for h in trig if h.tense is None]
    if not (verbs and nouns):
        return trig
    w = view.words[i]
    if w.al or w.prep:
        return nouns + verbs
    if i > 0 and view.brk[i] == 0:
        prev = view.words[i - 1]
        if prev.bare in _VERB_PARTICLES or prev.norm in _VERB_PARTICLES:
            return verbs + nouns  # "قد رفض", "لم يشن": a verb follows
        if (prev.bare in PREPOSITIONS or view.phrase[i - 1] is not None
                or any(h.kind in ("support", "support_masdar", "cue") for h in prev.hits)):
            return nouns + verbs
    return verbs + nouns  # the other reading when the preferred one's restrictions fail


def find_triggers(view: SentenceView, lex: Lexicon) -> list[Trigger]:
    """Trigger candidates of one sentence, left to right, phrases not overlapping."""
    out: list[Trigger] = []
    covered_until = -1
    words = view.words
    for i in compress(range(len(words)), map(_HITS, words)):  # only words with a lexicon reading
        if i <= covered_until:
            continue
        w = words[i]
        if view.span_of[i] != -1:
            continue  # inside a name: فجر ليبيا، حركة المقاومة
        for hit in _reading(view, lex, i, w.hits):
            sense = hit.ref
            assert isinstance(sense, TriggerSense)
            last = _check(view, i, hit, sense)
            if last is None:
                continue
            trig = Trigger(i, last, sense, hit.tense is not None, hit.tense)
            if not trig.verbal and _inside_name(view, i):
                continue
            if (sense.type == "COERCE" and trig.verbal and trig.tense == IMPERFECT
                    and i + 1 < len(words) and words[i + 1].norm in ("عليها", "عليه", "عليهم", "عليهما")):
                continue  # "المدن التي تسيطر عليها المعارضة": who holds it, not a seizure
            if not trig.verbal:
                _attach_support(view, lex, trig)
                if sense.restrict.support_only and trig.support is None:
                    continue
                if sense.type == "AGREE" and trig.support is None and _named_agreement(view, trig):
                    continue
                if sense.type in ("AGREE", "COOPERATE") and _by_the_terms_of(view, i):
                    continue  # "بموجب اتفاقية أوسلو": the terms of an existing agreement
            elif sense.type in _ATTITUDES and trig.tense == IMPERFECT and _describes_someone(view, i):
                continue  # "أولئك الذين ينتقدون النفوذ", "خلية تدعم أيديولوجية التنظيم": who they are
            _attach_mode(view, lex, trig)
            out.append(trig)
            covered_until = last
            break
    return out


# "بموجب / وفق / حسب اتفاق ...": an agreement cited for its terms
_BY_TERMS = frozenset({"بموجب", "وفق", "وفقا", "وفقًا", "حسب", "بحسب", "طبقا", "طبقًا", "بنود", "ببنود",
                       "لبنود", "نصوص", "بنص", "مقتضيات", "بمقتضي", "تطبيقا", "انتهاكا", "خرقا", "الغاء",
                       "بالغاء", "تعليق", "بتعليق", "انتهاك", "خرق", "نقض", "تمديد"})
_LEAVING = frozenset({"انسحاب", "الانسحاب", "بالانسحاب", "خروج", "الخروج", "انسحب", "انسحبت", "ينسحب",
                      "تنسحب", "سينسحب", "ستنسحب", "سحب", "انسحابها", "انسحابه"})
# attitudes that, in the imperfect describing someone, say who they are rather than what they did
_ATTITUDES = frozenset({"SUPPORT", "ACCUSE", "REJECT"})
_DOCUMENT_NOUNS = frozenset({"قرار", "قرارا", "بيان", "بيانا", "رساله", "تقرير", "تقريرا", "مشروع", "مشروعا",
                             "خطاب", "خطابا", "نداء", "وثيقه", "اعلان", "اعلانا", "مذكره", "تصريح", "تصريحا",
                             "تغريده", "قانون", "قانونا", "مرسوم", "مرسوما", "كلمه", "مقال", "مقالا",
                             "قرارات", "بيانات", "مشاريع", "رسائل", "تقارير", "قوانين", "تصريحات", "تغريدات"})


def _by_the_terms_of(view: SentenceView, i: int) -> bool:
    """Is the agreement noun at ``i`` cited for its terms ("بموجب اتفاقية", "وفق الاتفاق")?"""
    j = i - 1
    if j >= 0 and view.brk[j + 1] == 0 and view.words[j].bare in ("ل",):
        j -= 1
    if j >= 1 and view.brk[j + 1] == 0 and view.words[j].bare == "من" and view.words[j - 1].core in _LEAVING:
        return True  # "الانسحاب من الاتفاق": leaving an agreement that exists
    return j >= 0 and view.brk[j + 1] == 0 and (view.words[j].bare in _BY_TERMS or view.words[j].norm in _BY_TERMS)


def _describes_someone(view: SentenceView, i: int) -> bool:
    """Is the imperfect verb at ``i`` a description: after a relative pronoun with no named
    antecedent of its own act ("أولئك الذين ينتقدون"), or after an indefinite noun that is no
    document ("خلية تدعم", not "بيان يندد", which says what the statement says)?"""
    if i == 0 or view.brk[i] != 0:
        return False
    p = view.words[i - 1]
    if p.norm in ("الذين", "اللذين", "اللواتي", "ممن", "من") and (i < 2 or view.span_of[i - 2] == -1):
        return True
    if i < 2 or view.brk[i - 1] != 0:
        return False
    if any(w.core in _DOCUMENT_NOUNS or w.norm in _DOCUMENT_NOUNS for w in view.words[max(0, i - 3):i]):
        return False  # "مشاريع قرارات عدة تدين": what the texts say
    pp = view.words[i - 2]  # the noun is no subject after إن/أن: "إن بلاده ترفض" is an act
    return (not p.al and not p.prep and not p.encl and p.tense is None and not p.hits and view.span_of[i - 1] == -1
            and p.core not in _DOCUMENT_NOUNS and p.norm not in _DOCUMENT_NOUNS and len(p.core) > 2
            and not p.core.isdigit() and pp.norm not in COMPLEMENTIZERS and pp.bare not in COMPLEMENTIZERS)


def _named_agreement(view: SentenceView, trig: Trigger) -> bool:
    """"الاتفاق النووي", "الاتفاق السياسي": a definite agreement named by its adjective is an
    existing one that the sentence talks about, not an agreement reached here."""
    words = view.words
    k = trig.last + 1
    if not words[trig.first].al or k >= len(words) or view.brk[k] != 0:
        return False
    w = words[k]
    return w.al and not w.prep and w.tense is None and not w.hits and w.core.endswith(("ي", "يه"))


def _inside_name(view: SentenceView, i: int) -> bool:
    """Is the event noun at ``i`` part of an institution's name: "وكالة حظر الأسلحة",
    "مركز استهداف تمويل الإرهاب" (through one event noun of the chain), "التحالف لدعم الشرعية"?"""
    words = view.words
    for j in (i - 1, i - 2):
        if j < 0 or view.brk[j + 1] != 0:
            return False
        w = words[j]
        if w.core in _INSTITUTIONS and not w.prep and not w.al:
            return True  # the head of a name is in construct: "وكالة حظر", not "الوزارة استهداف"
        if j == i - 1 and words[i].prep == "ل" and w.core in _NAMED_FOR:
            return True
        if not (w.hits and any(h.kind == "trigger" and h.tense is None for h in w.hits)) or w.al:
            return False  # only an event noun in construct ("استهداف تمويل") continues the chain
    return False


def _support_hit(w: Word, etype: str) -> FormHit | None:
    for h in w.hits:
        if h.kind in ("support", "support_masdar"):
            sv = h.ref
            assert isinstance(sv, SupportVerb)
            if sv.types is None or etype in sv.types:
                return h
    return None


def _attach_support(view: SentenceView, lex: Lexicon, trig: Trigger) -> None:
    """Find the support verb of a noun trigger: before it ("شنّت الطائرات غارات") or right
    after it with a resumptive pronoun ("اتصالات تجريها القاهرة", "الهجوم الذي نفذه")."""
    words = view.words
    etype = trig.sense.type
    i = trig.first
    for j in range(i - 1, max(-1, i - _SUPPORT_WINDOW - 1), -1):
        if view.brk[j + 1] == STRONG:
            break
        w = words[j]
        if w.hits:  # (a word without a lexicon reading is neither a support verb nor a stop)
            h = _support_hit(w, etype)
            if h is not None:
                trig.support, trig.support_verb = j, h.ref  # type: ignore[assignment]
                trig.support_tense = h.tense
                if h.tense is None:  # a masdar ("لمحاولة اغتيال"): a verb before it carries the tense
                    _outer_support_verb(view, trig, j, etype)
                return
            if any(x.kind in ("report", "cont", "cue") or (x.kind == "trigger" and x.tense is None)
                   for x in w.hits) and not view.tokens[j].text.endswith("ة"):
                # another event noun or a reporting verb: not this noun's support (a word written
                # with ة is a noun or participle: "مقاتلات تابعة لـ", not the verb "تابعه")
                break
        if w.norm in COMPLEMENTIZERS or w.bare in RELATIVES or w.norm in RELATIVES:
            break
        if view.phrase[j] is not None and view.phrase[j][1].scope == "govern":
            break  # a governing cue (بهدف، إحباط) opens the noun's own phrase
    k = trig.last + 1
    n = len(words)
    while k < trig.last + 3 and k < n and view.brk[k] == 0 and view.span_of[k] == -1 and _adjective_word(words[k]):
        k += 1  # "غارات جوية شنتها طائرات": past the noun's adjectives
    if k < n and (words[k].norm in RELATIVES) and k + 1 < n:
        k += 1
    if k < n and view.brk[k] == 0:
        w = words[k]
        h = _support_hit(w, etype)
        if h is not None and h.tense is not None and (w.encl or k > trig.last + 1):
            trig.support, trig.support_verb = k, h.ref  # type: ignore[assignment]
            trig.support_tense = h.tense


def _adjective_word(w: Word) -> bool:
    """A nisba adjective after an event noun (جوية، الإسرائيلية، عنيفة): no verb, no clitic."""
    return w.tense is None and not w.prep and not w.encl and not w.hits and w.core.endswith(("يه", "ي", "يا", "ه"))


def _outer_support_verb(view: SentenceView, trig: Trigger, j: int, etype: str) -> None:
    """"تعرض لمحاولة اغتيال", "قام بتنفيذ هجوم": the verb that governs the support masdar."""
    for k in range(j - 1, max(-1, j - 6), -1):
        if view.brk[k + 1] == STRONG:
            return
        w = view.words[k]
        if w.tense is None and w.hits:
            return
        h = _support_hit(w, etype)
        if h is not None and h.tense is not None:
            trig.support, trig.support_verb, trig.support_tense = k, h.ref, h.tense  # type: ignore[assignment]
            return
        if w.tense is not None:
            return


def _attach_mode(view: SentenceView, lex: Lexicon, trig: Trigger) -> None:
    """Mode and CAMEO code: the entry's own, refined by a modifier close after the trigger."""
    trig.mode = trig.sense.mode
    trig.cameo = trig.sense.cameo
    words = view.words
    etype = trig.sense.type
    lo, hi = trig.first + 1, min(len(words), trig.last + 4)
    for k in range(lo, hi):
        if view.brk[k] == STRONG:
            break
        w = words[k]
        keys = (w.norm, w.bare, w.core) + ((w.core[:-1],) if w.core.endswith("ا") else ())
        for key in keys:  # (انتحاريا: the accusative alif)
            for mc in lex.modes.get(key, ()):
                if etype in mc.types:
                    if trig.mode is None or mc.mode in ("suicide", "cbrn") or (
                            etype == "CONSULT" and mc.mode == "phone"):
                        trig.mode, trig.cameo = mc.mode, mc.cameo
                    return


__all__ = ["Trigger", "find_triggers"]
