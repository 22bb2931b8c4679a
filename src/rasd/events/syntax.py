"""A light view of one sentence's syntax: clitic-analysed words, clause and relative-clause
regions, and where the mentions sit. Enough to tell an agent from a patient and a cue's scope.

Function words below are written in rasd's normalized form (ى→ي، أ/إ→ا، ة→ه).
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import compress
from operator import attrgetter

from ..model import Mention, Token
from ..normalize import normalize
from .lexicon import CLAUSE_OPENERS, RELATIVES, Lexicon, Word

# Prepositions and nouns that make a following place the location of an event.
LOC_PREPS = frozenset({
    "في", "قرب", "بالقرب", "داخل", "عند", "شمال", "جنوب", "شرق", "غرب", "شمالي", "جنوبي", "شرقي",
    "غربي", "وسط", "ضواحي", "انحاء", "محيط", "اطراف", "ريف", "قباله", "خارج", "مشارف", "تخوم",
})
PLACE_NOUNS = frozenset({
    "مدينه", "بلده", "قريه", "منطقه", "محافظه", "ولايه", "اقليم", "حي", "مخيم", "عاصمه", "ميناء",
    "مطار", "بلدات", "مدن", "مناطق", "قري", "ضاحيه", "مديريه", "قضاء", "ناحيه", "شارع", "ساحه",
    "معبر", "جزيره", "بلدتي", "مدينتي", "قطاع", "شمالي", "جنوبي", "شرقي", "غربي", "ريف",
})
PREPOSITIONS = frozenset({
    "في", "علي", "الي", "من", "عن", "مع", "ضد", "بين", "حول", "نحو", "تجاه", "لدي", "منذ", "خلال",
    "عبر", "بحق", "قبل", "بعد", "دون", "حتي", "لصالح", "بشان", "ازاء", "امام", "فوق", "تحت",
})
COMPLEMENTIZERS = frozenset({"ان", "بان", "لان", "وان", "فان", "انه", "انها", "انهم", "بانه",
                             "بانها", "بانهم", "وانه", "وانها", "لانه", "لانها", "انهما", "كي", "لكي"})
# "، بالإضافة إلى فرنسا": a list continues across a comma after these
LIST_CONTINUERS = frozenset({"بالاضافه", "فضلا", "اضافه", "علاوه", "وكذلك", "كذلك"})
# argument scanning stops at purpose / circumstance phrases
SCAN_STOPS = frozenset({"بهدف", "بغيه", "سعيا", "لاجل", "وسط", "رغم", "برغم", "عقب", "اثر", "اثناء",
                        "منذ", "بسبب", "جراء", "نتيجه", "لمنع", "حيث", "بعد", "قبل"})
RESULT_VERBS = frozenset({"اسفر", "اسفرت", "اسفرا", "ادي", "ادت", "نتج", "نتجت", "تمخض",
                          "تمخضت", "يسفر", "تسفر", "افضي", "افضت", "انتهي", "انتهت"})
PAST_AUX = frozenset({"كان", "كانت", "كانوا", "وكان", "وكانت", "وكانوا"})
QAD = frozenset({"قد", "وقد", "فقد", "لقد"})

_MAY_START_PHRASE = attrgetter("phrase")
_OPENS = attrgetter("opens")  # (the words that the clause loop of build_view looks at)

# strength of the break before a token
NONE, WEAK, STRONG = 0, 1, 2
_STRONG_MARKS = "؛;:.!?؟\n"
_WEAK_MARKS = "،,-ـ–—()"
_BREAK_RE = re.compile("[" + re.escape(_STRONG_MARKS + _WEAK_MARKS) + "]")


@dataclass(slots=True)
class Span:
    """A mention seen from the sentence: tokens [first, last] it covers."""

    first: int
    last: int
    mention: Mention


@dataclass(slots=True)
class SentenceView:
    index: int
    start: int
    end: int
    tokens: list[Token]
    words: list[Word]
    brk: list[int]  # break before token i
    clause: list[int]  # clause number of token i
    rel: list[int]  # relative-clause region of token i (0: not in one)
    spans: list[Span]  # mentions in text order
    span_of: list[int]  # index into spans of the mention covering token i, or -1
    phrase: list  # the cue phrase starting at token i: (number of words, Cue) or None

    def __len__(self) -> int:
        return len(self.tokens)

    def same_scope(self, a: int, b: int) -> bool:
        """Tokens in the same clause and the same relative-clause region."""
        return self.clause[a] == self.clause[b] and self.rel[a] == self.rel[b]

    def is_verb(self, i: int) -> bool:
        return self.words[i].tense is not None

    def conj_before(self, k: int) -> bool:
        """Does the word that holds mention ``k`` start with و/ف before the name ("وإيطاليا")?"""
        s = self.spans[k]
        t = self.tokens[s.first]
        head = t.text[: max(0, s.mention.start - t.start)]
        return self.words[s.first].conj or head[:1] in ("و", "ف")

    def clitic_prep(self, k: int) -> str:
        """The preposition letter attached to the word that holds mention ``k`` (بفرنسا → ب)."""
        s = self.spans[k]
        t = self.tokens[s.first]
        head = normalize(t.text[: max(0, s.mention.start - t.start)])
        if head[:1] in ("و", "ف") and len(head) > 1:
            head = head[1:]
        return head[:1] if head[:1] in ("ب", "ل", "ك") else self.words[s.first].prep

    def locative_before(self, i: int) -> bool:
        """Is the token at ``i`` (a place name) introduced as a location (في، ب، قرب، بمدينة)?"""
        w = self.words[i]
        if w.prep == "ب" or w.bare in ("في",):
            return True
        j = i - 1
        if j >= 0 and self.words[j].core in PLACE_NOUNS:
            pw = self.words[j]
            if pw.prep in ("ب", "ل") or pw.al or (j >= 1 and self.words[j - 1].bare in LOC_PREPS | {"الي", "من"}):
                return True
            j -= 1
        if j >= 0:
            pw = self.words[j]
            if pw.bare in LOC_PREPS or pw.core in LOC_PREPS:
                return True
            if pw.bare == "من" and j >= 1 and self.words[j - 1].bare == "بالقرب":
                return True
        return False


def sentence_words(tokens: list[Token], lex: Lexicon) -> list[Word]:
    """The lexicon analysis of a sentence's tokens (cached per word type)."""
    return lex.token_words(tokens)


def has_content(words: list[Word]) -> bool:
    """Could the sentence hold an event or a reporting phrase? (else no view is needed)"""
    return any(w.hits or w.phrase for w in words)


def cue_phrases(words: list[Word], lex: Lexicon) -> list:
    """The cue phrase starting at each word: (number of words, Cue) or None."""
    phrase: list = [None] * len(words)
    for i in compress(range(len(words)), map(_MAY_START_PHRASE, words)):  # few words can
        phrase[i] = lex.phrase_at(words, i)
    return phrase


def build_view(index: int, start: int, end: int, text: str, tokens: list[Token],
               mentions: list[Mention], lex: Lexicon, words: list[Word] | None = None,
               phrase: list | None = None) -> SentenceView:
    """Analyse one sentence's tokens into a SentenceView (``words`` and ``phrase``: when the
    caller has them already)."""
    if words is None:
        words = sentence_words(tokens, lex)
    n = len(tokens)
    starts = [t.start for t in tokens]
    brk = [NONE] * n
    # one scan of the sentence for punctuation instead of a look at every gap (most gaps are
    # one space): a mark in the gap before token i breaks there; a mark inside a token (the
    # tatweel of «هـ») is no break
    breaks = []
    for m in _BREAK_RE.finditer(text, tokens[0].end, tokens[-1].start) if n > 1 else ():
        p = m.start()
        i = bisect.bisect_right(starts, p)
        if p < tokens[i - 1].end:
            continue
        breaks.append(i)
        if m.group() in _STRONG_MARKS:
            brk[i] = STRONG
        elif brk[i] == NONE:
            brk[i] = WEAK
    if phrase is None:
        phrase = cue_phrases(words, lex)
    spans: list[Span] = []
    span_of = [-1] * n
    if mentions:
        for m in mentions:
            first = bisect.bisect_right(starts, m.start) - 1
            if first < 0:
                first = 0
            last = bisect.bisect_left(starts, m.end) - 1
            if last < first:
                last = first
            if first >= n:
                continue
            spans.append(Span(first, last, m))
        spans.sort(key=lambda s: (s.first, -s.last))
        # "بمدينة درنة": the generic noun is not a place of its own (not المدينة المنورة)
        # (the cheap tests on positions first: the noun is normalized only when a name follows it)
        spans = [s for k, s in enumerate(spans)
                 if not (s.first == s.last and k + 1 < len(spans) and spans[k + 1].first == s.last + 1
                         and s.mention.actor is None and _bare_noun(s.mention.text) in PLACE_NOUNS)]
        for k, s in enumerate(spans):
            for i in range(s.first, s.last + 1):
                if span_of[i] == -1:
                    span_of[i] = k
    clause = [0] * n
    rel = [0] * n
    c = 0
    r = 0
    rel_next = 0
    done = 0  # clause and rel are set before this token
    # most words have no break before them and open no clause or relative region (Word.opens,
    # known per word type): they only continue the clause and region of the word before them,
    # filled in runs below; the loop visits the others
    special = compress(range(n), map(_OPENS, words))
    for i in sorted({*breaks, *special}) if breaks else special:
        if c or r:
            clause[done:i] = [c] * (i - done)
            rel[done:i] = [r] * (i - done)
        done = i + 1
        w = words[i]
        new_clause = brk[i] == STRONG or w.bare in CLAUSE_OPENERS or w.norm in CLAUSE_OPENERS or (
            w.bare in ("بعد", "قبل", "منذ") and i + 1 < n and words[i + 1].norm == "ان")  # بعد أن
        if i and not new_clause and w.clausal and (w.conj or brk[i] == WEAK) and span_of[i] == -1:
            new_clause = True
        if i and new_clause:
            c += 1
            r = 0
        elif brk[i] != NONE:
            r = 0  # a relative clause ends at punctuation
        if w.norm in RELATIVES or w.bare in RELATIVES or (brk[i] == WEAK and w.norm in ("ما", "مما")):
            rel_next += 1
            r = rel_next
        clause[i] = c
        rel[i] = r
    if c or r:
        clause[done:] = [c] * (n - done)
        rel[done:] = [r] * (n - done)
    return SentenceView(index, start, end, tokens, words, brk, clause, rel, spans, span_of, phrase)


def _bare_noun(text: str) -> str:
    t = normalize(text.strip())
    return t[2:] if t.startswith("ال") else t


def nisba_adjective(mention: Mention) -> bool:
    """A singular nisba that can qualify an event noun ("الهجوم الإسرائيلي", "غارات روسية"),
    not a plural of people ("السوريين")."""
    if not is_nisba(mention):
        return False
    t = normalize(mention.text).split()[-1]
    return t.endswith(("ي", "يه"))


def is_nisba(mention: Mention) -> bool:
    """A relational adjective of a state (المصرية، الإسرائيلي) rather than its name."""
    a = mention.actor
    if a is None or a.type != "state":
        return False
    return _nisba_form(mention.text)


# The roles scanner asks about each state mention of a sentence once per trigger, and the same
# few names recur across articles: the answer for a text is kept (bounded).
@lru_cache(maxsize=4096)
def _nisba_form(text: str) -> bool:
    """Is a state mention's text written as a nisba (one word ending in ي، ية، يون ...)?"""
    t = normalize(text).split()[-1]
    if t.startswith("ال"):
        t = t[2:]
    return len(t) >= 4 and t.endswith(("ي", "يه", "يون", "يين", "يان")) and " " not in text.strip()


__all__ = ["SentenceView", "Span", "build_view", "sentence_words", "cue_phrases", "has_content", "is_nisba",
           "nisba_adjective", "LOC_PREPS", "PLACE_NOUNS",
           "PREPOSITIONS", "RELATIVES", "COMPLEMENTIZERS", "LIST_CONTINUERS", "SCAN_STOPS",
           "RESULT_VERBS", "PAST_AUX", "QAD", "NONE", "WEAK", "STRONG"]
