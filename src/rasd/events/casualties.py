"""Casualty counts of an event: killed, injured, abducted, arrested, from digits (Arabic-Indic
too) and Arabic number words, in the formulas news uses:

- a cue and its count: مقتل 11 شخصا، قتل 5، أصيب 3، اختطاف 7، القبض على 12، اعتقلت الشرطة 4 أشخاص;
- a count and its noun: سقوط 3 قتلى، 55 جريحا، سبعة من القتلى;
- a count and a verb after it: 4 أشخاص لقوا حتفهم، لقي 4 أشخاص حتفهم;
- a total: ارتفع عدد القتلى إلى 40، حصيلة الضحايا 32;
- a person noun counts itself: مقتل جندي (1)، مقتل شخصين (2)، قتيلان (2);
- bounds: «ما لا يقل عن 28» → 28 and «أكثر من 100» → 100 (kept, flagged ``lower_bound``).

Vague plurals (عشرات، مئات، العشرات) give no number in the event record: the text does not
say how many, and a coder that writes 20 or 12 invents a figure. They are still returned by
``find_casualty_mentions`` with ``vague=True`` and a lower bound (عشرات → 20, مئات → 200,
آلاف → 2000) for callers that want one (``find_casualties(..., include_vague=True)``).
«مقتل وإصابة 20 شخصا» (killed and injured together) is not split: it gives no number either.

A number that is not next to a casualty cue is never counted, so years, ages, distances
(2 كلم), unit names (الفرقة 17) and dates stay out; a year-like number (1900-2100) or a number
followed by a unit is refused even next to a cue unless a person noun follows it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from ..model import Casualties, Sentence
from ..normalize import normalize, normalized_segment
from .alternation import clitic_words, longest_first
from .cuewords import vocabulary_words
from .numbers import number_words, parse_number, vague_value

KINDS = ("killed", "injured", "abducted", "arrested")
_MIXED = "killed_or_injured"

_LOWER_BOUND = ("ما لا يقل عن", "ما لا يقل علي", "لا يقل عن", "لا يقل علي", "اكثر من", "ما يزيد عن",
                "ما يزيد علي", "ما يربو علي", "ما يفوق", "يزيد عن", "يزيد علي")
_LOWER_BOUND_NORMALIZED = frozenset(_LOWER_BOUND)  # written in normalized form already
_APPROXIMATE = ("ما يصل الى", "ما يصل الي", "نحو", "حوالي", "قرابه", "زهاء", "ما يقارب", "اقل من", "ما يناهز")
_UNITS_AFTER = ("كلم", "كم", "كيلومتر", "كيلومترا", "كيلومترات", "متر", "مترا", "امتار", "دولار",
                "دولارا", "يورو", "جنيه", "دينار", "ريال", "ليره", "مليار", "بالمئه", "بالمائه",
                "في المئه", "في المائه", "%", "عاما", "سنه", "سنوات", "اعوام", "طن", "اطنان", "ساعه",
                "ساعات", "دقيقه", "دقائق", "يوما", "ايام", "شهرا", "اشهر", "كلغ", "كغ", "هكتار",
                # things that are hit or seized, not people
                "هدفا", "اهداف", "موقعا", "مواقع", "منزلا", "منازل", "مباني", "صاروخا", "صواريخ",
                "طائرات", "طائره", "سيارات", "سياره", "اليات", "اليه", "مركبات", "قذائف", "قذيفه")
_ONE_WORDS = frozenset({"احد", "احدي", "واحد", "واحده"})
# A word start, or after و ف ب ل at a word start; the first look-behind (implied by the rest)
# rejects the middle of a word in one test, which makes scanning a sentence faster.
_START = r"(?<![^\W\u0648\u0641\u0628\u0644])(?:(?<!\w)|(?<=(?<!\w)[وفبل])|(?<=(?<!\w)[وف][بل]))"


@dataclass(frozen=True, slots=True)
class CasualtyMention:
    """One casualty count in the text."""

    kind: str  # killed / injured / abducted / arrested
    count: int
    span: tuple[int, int]  # into the document text: the whole formula
    number_span: tuple[int, int]  # into the document text: the count itself
    text: str
    lower_bound: bool = False  # ما لا يقل عن، أكثر من
    vague: bool = False  # عشرات، مئات: no exact number is given


@dataclass(frozen=True, slots=True)
class _Cues:
    by_role: dict[str, dict[str, str]]  # role → normalized form → kind
    patterns: tuple[tuple[str, re.Pattern[str]], ...]  # construction name, compiled pattern
    units_after: re.Pattern[str]
    more: re.Pattern[str]  # «و3 مدنيين»، «إضافة إلى 12 من عناصر الأمن» after a count: added to it
    keys: frozenset[str]  # words without which no construction can match (a cheap first test)
    # construction → the words one of which any match of it contains (after at most two clitic
    # letters: و ف ب ل ال): a sentence runs only the constructions whose word it holds
    needs: dict[str, frozenset[str]]
    cue_words: re.Pattern[str] | None  # the written words that hold a key or a needed word
    by_word: dict[str, tuple[bool, frozenset[str]]]  # memo: (holds a key, constructions it serves)
    cue_vocabulary: frozenset[str]  # the words cue_words looks for (empty when it is None)


def _alternation(words) -> str:
    return longest_first(words)


@lru_cache(maxsize=1)
def _cues() -> _Cues:
    """The casualty lexicon of the package, compiled once."""
    text = resources.files("rasd").joinpath("data/lexicon/casualty_cues.tsv").read_text("utf-8")
    by_role: dict[str, dict[str, str]] = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        form, role = normalize(parts[0].strip()), parts[1].strip()
        kind = parts[2].strip() if len(parts) > 2 else ""
        by_role.setdefault(role, {})[form] = kind
    words = number_words()
    quals = _alternation([normalize(q) for q in _LOWER_BOUND + _APPROXIMATE])
    count = (rf"(?:(?P<qual>{quals}) )?(?:(?P<num>{words.number})|(?P<vague>{words.vague_number}))")
    before = _alternation(by_role["before"])
    noun = _alternation(by_role["noun"])
    verb = _alternation(by_role["verb"])
    tally = _alternation(by_role["tally"])
    person = _alternation(by_role["person"])
    single = _alternation(list(by_role["one"]) + list(by_role["two"]))
    person_after = rf"(?: (?:من )?(?:ال)?(?P<person>{person})\w{{0,3}})"
    S = _START
    # a word between a verb and its counted object («اعتقلت قوات الأمن 12 شخصا»), not one that
    # opens another clause («قتل القائد الذي قاد 300 مقاتل»), a vague count or a coordinated
    # act («مقتل مئات الآلاف وتشريد 11 مليون شخص»)
    stop = _alternation(["الذي", "التي", "الذين", "اللذين", "اللتين", "بعد", "قبل", "منذ", "حيث", *words.vague])
    gap_word = rf"(?!{stop}(?!\w))(?!و[تا])[^\d\s،.؛]+"
    N = r"(?<![^\W\u0648\u0641])(?:(?<!\w)|(?<=(?<!\w)[وف]))"  # a count may carry و: «3 قتلى و12 جريحا»
    specs = (
        ("mixed", rf"{S}(?P<cue>مقتل|قتل) و ?(?:اصابه|جرح) {count}"),
        ("tally", rf"{S}(?P<cue>{tally})(?:(?: [^\d\s]+){{0,12}}?)(?: (?:الي|ب|نحو))? {count}"),
        ("cue", rf"{S}(?P<cue>{before}) {count}{person_after}?(?!\w)"),
        ("cue_gap", rf"{S}(?P<cue>{before})(?: {gap_word}){{1,6}}? {count}{person_after}(?!\w)"),
        ("verb", rf"{N}{count}{person_after}? (?P<cue>{verb})(?!\w)"),
        ("laqi", rf"{S}(?:لقي|لقيت|لقوا) {count}{person_after}? (?P<cue>حتفهم|مصرعهم|حتفهن|مصرعهن)(?!\w)"),
        ("noun", rf"{N}{count} (?:من )?(?:(?:{person}) )?(?:ال)?(?P<cue>{noun})(?!\w)"),
        ("single", rf"{S}(?P<cue>{before}) (?P<single>{single})(?!\w)"),
        ("dual", rf"{S}(?:سقوط |وقوع )?(?P<single>قتيلين|قتيلان|جريحين|جريحان)(?!\w)"),
    )
    patterns = tuple((name, re.compile(src)) for name, src in specs)
    more = re.compile(rf"(?:(?: [^\d\s،.]+){{0,4}}?)(?:،)?\s?(?:اضافه الي|بالاضافه الي|فضلا عن|و)\s?"
                      rf"(?P<num>{words.number}) (?:من )?(?:ال)?(?:{person})\w{{0,3}}")
    units_after = re.compile(r"\s*(?:" + _alternation(_UNITS_AFTER) + r")(?!\w)")
    keys = {form.split()[0] for role in ("before", "noun", "verb", "tally") for form in by_role[role]}
    keys |= set(by_role["two"]) | {"لقي", "لقيت", "لقوا"}

    def first_words(*roles: str) -> frozenset[str]:
        return frozenset(form.split()[0] for role in roles for form in by_role[role])

    needs = {"mixed": frozenset({"مقتل", "قتل"}), "tally": first_words("tally"),
             "cue": first_words("before"), "cue_gap": first_words("before"), "verb": first_words("verb"),
             "laqi": frozenset({"لقي", "لقيت", "لقوا"}), "noun": first_words("noun"),
             "single": first_words("before"), "dual": frozenset({"قتيلين", "قتيلان", "جريحين", "جريحان"})}
    wanted = set(keys).union(*needs.values())
    cue_words = None
    if all(re.fullmatch(r"\w+", w) for w in wanted):  # else: every word is looked at
        cue_words = clitic_words(wanted)
    return _Cues(by_role, patterns, units_after, more, frozenset(keys), needs, cue_words, {},
                 frozenset(wanted) if cue_words is not None else frozenset())


_WORD = re.compile(r"\w+")
_MAX_MEMO_WORDS = 200_000


def _may_hold_casualties(norm: str, keys: frozenset[str]) -> bool:
    """Whether any word (with or without و ف ب ل before it) is a casualty cue."""
    for word in _WORD.findall(norm):
        if word in keys or word[1:] in keys or word[2:] in keys:
            return True
    return False


_NO_CONSTRUCTIONS: frozenset[str] = frozenset()


def _constructions_for(norm: str, cues: _Cues) -> frozenset[str] | set[str]:
    """The constructions worth running on a normalized sentence: none unless a word is a
    casualty cue (``_may_hold_casualties``), else those whose needed word is there."""
    if cues.cue_words is None:  # a lexicon entry that is not one word: no short cut
        return frozenset(cues.needs) if _may_hold_casualties(norm, cues.keys) else _NO_CONSTRUCTIONS
    memo = cues.by_word
    holds = False
    found: set[str] = set()
    # only the words that hold a key or a needed word can change the answer; they are few
    # (the cue words come from the scan shared with the time reader, vocabulary_words: its words
    # also hold time keys, which are no cue and serve no construction)
    for word in vocabulary_words(norm):
        entry = memo.get(word)
        if entry is None:
            if len(memo) >= _MAX_MEMO_WORDS:
                memo.clear()
            candidates = (word, word[1:], word[2:])
            entry = memo[word] = (any(c in cues.keys for c in candidates),
                                  frozenset(name for name, words in cues.needs.items()
                                            if any(c in words for c in candidates)))
        holds = holds or entry[0]
        found |= entry[1]
    return found if holds else _NO_CONSTRUCTIONS


def _kind_of(construction: str, cue: str | None, single: str | None, cues: _Cues) -> str | None:
    """killed / injured / abducted / arrested for a matched construction and its cue word."""
    if construction == "mixed":
        return _MIXED
    if construction == "laqi":
        return "killed"
    if construction in ("single", "dual"):
        if construction == "dual":
            return cues.by_role["two"].get(single or "") or None
        return cues.by_role["before"].get(cue or "")
    role = {"tally": "tally", "cue": "before", "cue_gap": "before", "verb": "verb", "noun": "noun"}[construction]
    return cues.by_role[role].get(cue or "")


def find_casualty_mentions(text: str, start: int = 0, end: int | None = None) -> list[CasualtyMention]:
    """Every casualty count in text[start:end], in text order (one per number)."""
    end = len(text) if end is None else end
    out = []
    for kind, count, (s, e), (ns, ne), lower, vague in _segment_mentions(text[start:end]):
        out.append(CasualtyMention(kind, count, (start + s, start + e), (start + ns, start + ne),
                                   text[start + s:start + e], lower, vague))
    return out


# One sentence is asked about once per trigger in it: memoize the pure reading (bounded).
@lru_cache(maxsize=2048)
def _segment_mentions(segment: str) -> tuple[tuple[str, int, tuple[int, int], tuple[int, int], bool, bool], ...]:
    """(kind, count, span, number span, lower bound, vague) of each count, spans into the text."""
    norm, offsets = normalized_segment(segment)
    cues = _cues()
    constructions = _constructions_for(norm, cues)
    if not constructions:
        return ()
    taken: list[tuple[int, int]] = []
    out: list[tuple[str, int, tuple[int, int], tuple[int, int], bool, bool]] = []
    for construction, pattern in cues.patterns:
        if construction not in constructions:
            continue  # its cue word is not in the sentence: it cannot match
        for m in pattern.finditer(norm):
            group = "single" if construction in ("single", "dual") else ("num" if m["num"] else "vague")
            n_start, n_end = m.span(group)
            if any(n_start < te and ts < n_end for ts, te in taken):
                continue  # this number is already read by a stronger construction
            kind = _kind_of(construction, m["cue"] if "cue" in pattern.groupindex else None,
                            m["single"] if "single" in pattern.groupindex else None, cues)
            if kind is None:
                continue
            lower = vague = False
            if construction in ("single", "dual"):
                single = m["single"]
                count = 2 if single in cues.by_role["two"] else 1
            elif m["num"]:
                count = parse_number(m["num"])
                if count is None or not _plausible(m, count, norm, construction, cues):
                    continue
                lower = (m["qual"] or "") in _LOWER_BOUND_NORMALIZED
            else:
                count, vague = vague_value(m["vague"]) or 0, True
            taken.append((n_start, n_end))
            if kind == _MIXED:
                continue  # «مقتل وإصابة 20»: the split is unknown
            s, e = m.span()
            if not vague and construction in ("cue", "noun", "tally", "cue_gap"):
                # «مقتل 5 جنود و3 مدنيين»: the people counted after the first count add up
                while (more := cues.more.match(norm, e)) is not None:
                    extra = parse_number(more["num"])
                    if extra is None or any(more.start("num") < te and ts < more.end("num") for ts, te in taken):
                        break
                    count += extra
                    taken.append(more.span("num"))
                    e = more.end()
            out.append((kind, count, (offsets[s], offsets[e - 1] + 1),
                        (offsets[n_start], offsets[n_end - 1] + 1), lower, vague))
    return tuple(sorted(out, key=lambda c: c[2]))


def _plausible(m: re.Match[str], count: int, norm: str, construction: str, cues: _Cues) -> bool:
    """Refuse years, distances and sums next to a cue unless a person noun follows the count."""
    has_person = "person" in m.re.groupindex and m["person"]
    if has_person or construction in ("noun", "verb", "laqi"):
        return count > 0
    if m["num"] in _ONE_WORDS:
        return False  # «قتلت إحدى الغارات»: «one of» needs the people after it
    if 1900 <= count <= 2100:
        return False  # «قتل عام 2014» is a year
    if cues.units_after.match(norm, m.end("num")):
        return False  # «على بعد 2 كلم»
    return count > 0


_CAUSE_BEFORE = re.compile(r"(?:في|جراء|اثر|عقب|بسبب|خلال|في اعقاب|نتيجه)\s(?:[وفبل]|ال)*$")
_STRONG_BREAK = re.compile(r"[.؛;!?؟]")


def _cause_after(text: str, mention: CasualtyMention,
                 triggers: list[tuple[int, int]]) -> tuple[int, int] | None:
    """«قتل 10 جنود ... في هجوم انتحاري»: the trigger the count is the consequence of."""
    for t in sorted(triggers):
        if t[0] < mention.span[1]:
            continue
        between = text[mention.span[1]:t[0]]
        if len(between) > 120 or _STRONG_BREAK.search(between):
            return None
        if _CAUSE_BEFORE.search(normalize(text[max(mention.span[1], t[0] - 16):t[0]])):
            return t
    return None


def _owner(text: str, mention: CasualtyMention, trigger_span: tuple[int, int],
           others: list[tuple[int, int]]) -> tuple[int, int]:
    """The trigger a count belongs to: the event it is the consequence of («في هجوم»), else
    the nearest one before it, else the nearest after."""
    triggers = [trigger_span, *others]
    cause = _cause_after(text, mention, triggers)
    if cause is not None:
        return cause
    before = [t for t in triggers if t[0] <= mention.span[0]]
    if before:
        return max(before, key=lambda t: t[0])
    return min(triggers, key=lambda t: t[0])


_TOLL_BEFORE = re.compile(r"(?:حصيله|ضحايا|قتلي|عدد قتلي)\s$")


def _is_toll_of(text: str, span: tuple[int, int]) -> bool:
    """«ارتفعت حصيلة التفجيرين ... إلى 100 قتيل»: the counts that follow are this event's toll."""
    return _TOLL_BEFORE.search(normalize(text[max(0, span[0] - 12):span[0]])) is not None


def find_casualties(text: str, sentence: Sentence, trigger_span: tuple[int, int],
                    others: list[tuple[int, int]] | tuple = (), include_vague: bool = False) -> Casualties:
    """The casualty counts of the event whose trigger is at ``trigger_span``.

    ``others`` are the spans of other event triggers in the same sentence: a count goes to the
    nearest trigger before it (or the first after it), so two events of one sentence do not
    share one toll, except that a trigger named as a toll («حصيلة الهجوم ... إلى 40 قتيلا»)
    owns the counts after it. Several counts of one kind keep the largest (a raised toll).
    """
    mentions = find_casualty_mentions(text, sentence.start, sentence.end)
    result = Casualties()
    if not mentions:
        return result  # most sentences: no count at all
    trigger_span = tuple(trigger_span)
    others = [tuple(o) for o in others if tuple(o) != trigger_span]
    own_toll = _is_toll_of(text, trigger_span)
    tolls = [o for o in others if _is_toll_of(text, o)]
    for mention in mentions:
        if mention.vague and not include_vague:
            continue
        if own_toll and mention.span[0] >= trigger_span[1]:
            pass  # the toll of this trigger, whatever other triggers stand between
        elif any(t[1] <= mention.span[0] for t in tolls):
            continue  # the toll of another event
        elif others and _owner(text, mention, trigger_span, others) != trigger_span:
            continue
        current = getattr(result, mention.kind)
        if current is None or mention.count > current:
            setattr(result, mention.kind, mention.count)
    return result


__all__ = ["CasualtyMention", "find_casualties", "find_casualty_mentions", "KINDS"]
