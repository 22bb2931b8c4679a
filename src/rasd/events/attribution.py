"""Who says so: the reporting phrase of each sentence, carried through the report it starts.

"قال المتحدث باسم الجيش" is named, "مصادر أمنية" and "مسؤول طلب عدم الكشف عن اسمه" anonymous,
"وفقا لرويترز" an outlet. A sentence that continues a report (وأضاف، وتابع، وأشار) keeps its
source; so does a following sentence of the same paragraph without a reporting phrase of its own.
"""
from __future__ import annotations

from dataclasses import dataclass
from itertools import compress
from operator import attrgetter

from ..model import ActorRef, Attribution
from .lexicon import Lexicon
from .roles import is_actor
from .syntax import COMPLEMENTIZERS, PREPOSITIONS, STRONG, SentenceView

_NP_MAX = 8
_REPORTS = attrgetter("reports")
# words before a reporting verb that are not its subject: "لكنه أكد", "كما أشار"
_NOT_SOURCES = frozenset({"لكنه", "لكنها", "ولكنه", "ولكنها", "كما", "وكما", "انه", "انها", "هو", "هي",
                          "وهو", "وهي", "هم", "وهم", "ثم", "بدوره", "بدورها", "من جانبه", "من جهته",
                          "جانبه", "جهته", "جهتها", "جانبها", "كذلك", "ايضا", "واضاف", "لكن", "بل"})
_AUX_BEFORE_VERB = frozenset({"قد", "لقد", "وقد", "فقد"})
_NP_STOP_PREPS = frozenset({"الي", "عن", "في", "علي", "من", "خلال", "امام", "حول", "ل"})


@dataclass(slots=True)
class SentenceSource:
    attribution: Attribution | None  # None: this sentence names no source
    continues: bool  # a reporting verb without its own subject (وأضاف أن ...)


def _np_tokens(view: SentenceView, start: int, stop: int) -> tuple[int, int] | None:
    """The subject noun phrase after a reporting verb: up to a complementizer, preposition, comma."""
    words = view.words
    end = start
    for k in range(start, min(stop, start + _NP_MAX)):
        w = words[k]
        if k > start and view.brk[k] != 0:
            break
        if w.norm in COMPLEMENTIZERS or w.bare in COMPLEMENTIZERS:
            break
        if w.bare in _NP_STOP_PREPS or w.norm in _NP_STOP_PREPS:
            break
        if w.prep == "ل" and k > start:
            break
        if w.tense is not None and k > start:
            break
        if any(h.kind in ("trigger", "support_masdar") for h in w.hits) and k > start:
            break  # "أعلنت روسيا انسحاب قواتها": the event, not the speaker
        end = k + 1
    if end == start:
        return None
    return start, end


def _classify(view: SentenceView, lex: Lexicon, first: int, last: int, text: str) -> Attribution:
    """Named, anonymous or outlet, from the words of the source phrase."""
    words = view.words
    kinds: list[str] = []
    for k in range(first, last):
        m = view.phrase[k]
        if m is not None and m[1].scope in ("anon", "outlet", "anon_mod"):
            kinds.append(m[1].scope)
        if words[k].core and words[k].core != words[k].norm:
            for key in (words[k].core,):
                for _, cue in lex.phrases.get(key, ()):
                    if cue.scope in ("anon", "outlet"):
                        kinds.append(cue.scope)
    actor = None
    for s in view.spans:
        if first <= s.first < last and is_actor(s):
            actor = ActorRef.of(s.mention)
            break
    if kinds and kinds[0] == "anon":
        return Attribution("anonymous", text, None)
    if kinds and kinds[0] == "outlet":
        return Attribution("outlet", text, actor)
    if _anonymous_official(view, lex, last):
        return Attribution("anonymous", text, None)
    return Attribution("named", text, actor)


def _anonymous_official(view: SentenceView, lex: Lexicon, start: int) -> bool:
    """"مسؤول ... طلب عدم الكشف عن اسمه": the rest of the sentence withholds the name."""
    for k in range(start, len(view.words)):
        m = view.phrase[k]
        if m is not None and m[1].scope == "anon_mod":
            return True
    return False


def sentence_source(view: SentenceView, lex: Lexicon, text: str) -> SentenceSource:
    """The reporting phrase of one sentence, if it has one."""
    words = view.words
    n = len(words)
    # only a word that starts a cue phrase or has a reporting reading can start a source (the
    # others, most of them, are skipped in C): visited in text order
    phrases = compress(range(n), view.phrase)
    reporting = compress(range(n), map(_REPORTS, words))
    for i in sorted({*phrases, *reporting}):
        w = words[i]
        # a sourcing phrase: وفقا لـ، بحسب، نقلا عن
        m = view.phrase[i]
        if m is not None and m[1].scope == "prep":
            start = i + m[0]
            if start < n and words[start].bare in ("ل", "لما", "ما"):
                start += 1
            if start < n and any(h.kind in ("report", "cont") for h in words[start].hits):
                start += 1  # "بحسب ما قاله المدعون"
            np = _np_tokens(view, start, n) if start < n else None
            if np is not None:
                return SentenceSource(_classify(view, lex, np[0], np[1], _span_text(view, text, *np)),
                                      False)
        if not w.reports or not _reports(view, i):  # (a report/cont reading, computed per word type)
            continue
        # VSO: the subject follows the verb ("أعلنت كل من مصر والأردن": past كل من)
        first = i + 3 if i + 3 < n and words[i + 1].bare == "كل" and words[i + 2].bare == "من" else i + 1
        np = _np_tokens(view, first, n) if first < n and view.brk[i + 1] == 0 else None
        if np is not None:
            return SentenceSource(_classify(view, lex, np[0], np[1], _span_text(view, text, *np)), False)
        # SVO: "المصادر كشفت"
        j = i - 1
        while j >= 0 and words[j].norm in _AUX_BEFORE_VERB:
            j -= 1  # "كانت الوكالة قد أعلنت": the particle is not part of the source
        first = j + 1
        while j >= 0 and i - j <= 6 and view.brk[j + 1] == 0 and view.clause[j] == view.clause[i]:
            if words[j].bare in PREPOSITIONS or words[j].tense is not None or words[j].hits:
                break
            first = j
            j -= 1
        end = i
        while end > first and words[end - 1].norm in _AUX_BEFORE_VERB:
            end -= 1
        if first < end and not all(words[k].norm in _NOT_SOURCES or words[k].bare in _NOT_SOURCES
                                   for k in range(first, end)):
            return SentenceSource(_classify(view, lex, first, end, _span_text(view, text, first, end)), False)
        return SentenceSource(None, True)
    return SentenceSource(None, False)


def _reports(view: SentenceView, i: int) -> bool:
    """Is the verb at ``i`` reporting speech? Not "أعلنها البغدادي" (declared it), not inside a
    relative clause; it opens the sentence or introduces a complement (أن/إن، :، «)."""
    w = view.words[i]
    if w.encl or view.rel[i] != 0:
        return False
    if i <= 1:
        return True
    for k in range(i + 1, min(len(view.words), i + 10)):
        if view.brk[k] == STRONG:
            break
        if view.words[k].norm in COMPLEMENTIZERS or view.words[k].bare in ("عن",):
            return True
    return False


def _span_text(view: SentenceView, text: str, first: int, end: int) -> str:
    return text[view.tokens[first].start:view.tokens[end - 1].end]


class AttributionTracker:
    """Carries a source through the sentences that continue its report."""

    def __init__(self) -> None:
        self._current: Attribution | None = None
        self._paragraph = -1

    def next(self, found: SentenceSource, paragraph: int) -> Attribution:
        """The attribution of the next sentence, given what it says and its paragraph."""
        if found.attribution is not None:
            self._current, self._paragraph = found.attribution, paragraph
            return found.attribution
        if self._current is not None and (found.continues or paragraph == self._paragraph):
            self._paragraph = paragraph
            return self._current
        self._current = None
        return Attribution("none", None, None)


__all__ = ["AttributionTracker", "SentenceSource", "sentence_source"]
