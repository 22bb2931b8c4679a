"""Word tokens with their clitics split off, every offset kept in ``Document.text``.

A word is a run of letters, digits and Arabic marks (a number keeps its decimal point and
thousands separator). Each Arabic word is analysed once per word type into

    [conjunction و ف] [preposition ب ل ك | future س] [article ال] core [pronoun suffix]

The analysis is deliberately cautious: a wrong split ("ولاية" → و + لاية) hurts matching more
than a missed one, so letters are split off only when what is left still looks like a word, and
never off the stems listed in ``data/lexicon/clitic_stems.tsv``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from .model import Sentence, Token
from .normalize import DIACRITICS, TATWEEL, letter_for_letter, normalize

# Letters, digits and the marks written inside Arabic words; numbers such as 3.5 or 1,200 stay whole.
_WORD = re.compile(r"\d+(?:[.,٫٬]\d+)*|[^\W_]+(?:[\u064B-\u065F\u0670\u06D6-\u06ED\u0640]+[^\W_]*)*|[\u064B-\u065F\u0670]+")
_ARABIC_LETTER = re.compile(r"[\u0621-\u064A\u0671-\u06D3]")
_MARKS = DIACRITICS + TATWEEL + "\u0656\u0657\u0658\u0659\u065a\u065b\u065c\u065d\u065e\u065f"
_MARK = re.compile("[" + _MARKS + "]")
_GROUP = re.Match.group

# Pronoun suffixes, longest first. "ك" (you) and "ي" (my) are rare in news prose and look like
# the ends of very many stems (ذلك, مشترك; عربي, ليبي), so they are split only in the narrow
# cases handled in _enclitic.
_SUFFIXES = ("هما", "كما", "هم", "هن", "ها", "كم", "نا", "ه", "ي")
# ... grouped by their last letter, in the same order: a word is tried only against those
_SUFFIXES_BY_LAST = {last: tuple(x for x in _SUFFIXES if x[-1] == last) for last in {x[-1] for x in _SUFFIXES}}
# Short words a suffix may be attached to (على+ه → عليه, في+ها → فيها, أن+ه → أنه).
_SHORT_STEMS = frozenset(normalize(w) for w in (
    "في", "من", "عن", "على", "علي", "إلى", "الي", "لدى", "لدي", "مع", "بين", "عند", "أن", "إن",
    "لكن", "كأن", "لعل", "ليت", "منذ", "دون", "حول", "ضد", "عبر", "لدي", "إي", "أي"))
# Two-letter words a conjunction may be attached to (و+قد, ف+لا).
_SHORT_AFTER_CONJ = frozenset(normalize(w) for w in (
    "قد", "هو", "هي", "هم", "لا", "لم", "لن", "ما", "من", "عن", "في", "إن", "أن", "كل", "ثم", "بل",
    "أو", "إذ", "مع", "له", "به", "لي", "لو", "كم"))
_FUTURE_NEXT = "يتنأ"  # the imperfect-verb prefixes that may follow the future prefix س (أ with its hamza)


@dataclass(frozen=True, slots=True)
class Segmentation:
    """How a word splits: proclitics, then the core [core_from, core_to), then the suffix."""

    proclitics: tuple[str, ...]
    core_from: int
    core_to: int
    enclitic: str


@dataclass(frozen=True, slots=True)
class _Stems:
    """The stems never to split, as exact normalized words and as normalized prefixes."""

    words: frozenset[str]
    prefixes: frozenset[str]
    longest_prefix: int
    heads: frozenset[str]  # the first three letters of every prefix (none is shorter)

    def __contains__(self, norm: str) -> bool:
        if norm in self.words:
            return True
        if norm[:3] not in self.heads:
            return False  # most words: no listed prefix begins like them, no slicing needed
        for n in range(min(len(norm), self.longest_prefix), 2, -1):
            if norm[:n] in self.prefixes:
                return True
        return False


@lru_cache(maxsize=1)
def _stems() -> _Stems:
    """The clitic-stem lexicon of the package, loaded once."""
    text = resources.files("rasd").joinpath("data/lexicon/clitic_stems.tsv").read_text("utf-8")
    words, prefixes = set(), set()
    for line in text.splitlines():
        entry = line.split("\t", 1)[0].strip()
        if not entry or entry.startswith("#"):
            continue
        if entry.endswith("*"):
            prefixes.add(normalize(entry[:-1]))
        else:
            words.add(normalize(entry))
    prefixes = {p for p in prefixes if len(p) >= 3}  # shorter ones never matched: see __contains__
    return _Stems(frozenset(words), frozenset(prefixes), max(map(len, prefixes), default=0),
                  frozenset(p[:3] for p in prefixes))


def _bare(word: str) -> tuple[str, list[int]]:
    """The word without diacritics and tatweel, and each letter's offset in the word."""
    if _MARK.search(word) is None:  # most words: one regex scan, not a Python step per letter
        return word, list(range(len(word)))
    letters, offsets = [], []
    for i, c in enumerate(word):
        if c not in _MARKS:
            letters.append(c)
            offsets.append(i)
    return "".join(letters), offsets


def _proclitics(stem: str, stems: _Stems, nstem: str | None = None) -> tuple[tuple[str, ...], int]:
    """Proclitics at the front of ``stem`` (a bare word) and how many letters they take.

    ``nstem``, when given, is ``normalize(stem)`` folded letter for letter: its slices are
    then the normal forms of the stem's slices, with no call to normalize each."""
    if (nstem if nstem is not None else normalize(stem)) in stems:
        return (), 0
    procs: list[str] = []
    i = 0
    n = len(stem)
    # conjunction و / ف
    if n - i >= 3 and stem[i] in "وف":
        rest = stem[i + 1:]
        nrest = nstem[i + 1:] if nstem is not None else normalize(rest)
        if len(rest) >= 3 or nrest in _SHORT_AFTER_CONJ:
            procs.append(stem[i])
            i += 1
            if nrest in stems:
                return tuple(procs), i
    # preposition ب ل ك, or the future prefix س
    if n - i >= 3:
        c, rest = stem[i], stem[i + 1:]
        nrest = nstem[i + 1:] if nstem is not None else normalize(rest)
        if c == "ل" and rest.startswith("ل") and not rest.startswith("ال"):
            # لل: ل + ال with the alef dropped (للحكومة), or ل before a stem in ل (لليبيا)
            if nrest in stems or len(rest) < 3:
                procs.append("ل")
                return tuple(procs), i + 1
            procs.extend(("ل", "ال"))
            return tuple(procs), i + 2
        if c in "بلك" and rest.startswith("ال") and len(rest) >= 5:  # not بالغة = ب+ال+غة
            procs.append(c)
            i += 1
        elif c in "بل" and len(rest) >= 3 and nrest not in _SHORT_AFTER_CONJ:
            procs.append(c)
            i += 1
            if nrest in stems:
                return tuple(procs), i
        elif c == "س" and len(rest) >= 3 and rest[0] in _FUTURE_NEXT and not rest.startswith("ال"):
            procs.append(c)
            return tuple(procs), i + 1
    # the article (bare alef only: أل… is a stem such as ألمانيا)
    if stem.startswith("ال", i) and n - i - 2 >= 2 \
            and (nstem[i:] if nstem is not None else normalize(stem[i:])) not in stems:
        procs.append("ال")
        i += 2
    return tuple(procs), i


def _enclitic(stem: str, stems: _Stems, nstem: str | None = None,
              front: tuple[tuple[str, ...], int] | None = None) -> str:
    """The pronoun suffix at the end of a bare word, or "" (``nstem`` as in _proclitics;
    ``front``: ``_proclitics`` of the same word, when the caller has it already)."""
    _, k = front if front is not None else _proclitics(stem, stems, nstem)
    if k and (nstem[k:] if nstem is not None else normalize(stem[k:])) in stems.words:  # والتي, بهذه, الترفيه: a listed word after clitics
        return ""
    for suffix in _SUFFIXES_BY_LAST.get(stem[-1:], ()):
        if not stem.endswith(suffix) or len(stem) <= len(suffix):
            continue
        base = stem[: -len(suffix)]
        nbase = nstem[: -len(suffix)] if nstem is not None else normalize(base)
        if nbase in _SHORT_STEMS:
            return suffix
        if suffix == "ي":
            continue  # "my" is rare in news; -ي is a nisba (ليبي) or a construct dual (محافظتي)
        if suffix == "نا" and not (base.endswith("ت") or nbase in stems):
            continue  # "our" after -ة (قواتنا) or a listed stem (بلادنا); else an accusative: قانونًا, معلنًا
        if base[-1] in "اآ" or (suffix == "ه" and base[-1] == "ي" and len(base) < 4):
            continue  # اتجاه, محاكم, تفاهم; "فيه"-like words are handled by _SHORT_STEMS
        if nbase in stems:
            return suffix
        # the stem left without its proclitics (and without a leading ال that could not be
        # split off: الحكم is not ال+ح+كم) must still be a word of three letters or more
        _, k = _proclitics(base, stems, nbase if nstem is not None else None)
        core = base[k:]
        if core.startswith("ال"):
            core = core[2:]
        if len(core) >= 3:
            return suffix
    return ""


@lru_cache(maxsize=200_000)
def segment(word: str) -> Segmentation:
    """Clitic segmentation of one word (offsets into the word), cached per word type."""
    return Segmentation(*_split(word))


def _split(word: str) -> tuple[tuple[str, ...], int, int, str]:
    """``segment`` as a plain tuple (proclitics, core_from, core_to, enclitic): the tokenizer
    keeps its own cache of these, and a frozen dataclass costs more to make than the tuple."""
    if len(word) < 3 or not _ARABIC_LETTER.match(word):
        return (), 0, len(word), ""
    bare, offsets = _bare(word)
    stems = _stems()
    nbare = normalize(bare)
    if len(bare) < 3 or nbare in stems.words:  # a prefix entry (بلاد*) still takes a suffix (بلادنا)
        return (), 0, len(word), ""
    # the bare word folds letter for letter (no ligature, no invisible mark): the analysis
    # below then slices its normal form instead of normalizing each piece again
    nslices = nbare if letter_for_letter(bare) else None
    front = _proclitics(bare, stems, nslices)
    enclitic = _enclitic(bare, stems, nslices, front)
    if not enclitic and nbare in stems:
        return (), 0, len(word), ""
    if not enclitic and bare.startswith("ال") and len(bare) >= 4 and nbare[2:] in stems:  # الكويت
        return ("ال",), offsets[2], len(word), ""
    stem = bare[: len(bare) - len(enclitic)] if enclitic else bare
    if enclitic:
        procs, k = _proclitics(stem, stems, nslices[: len(stem)] if nslices is not None else None)
    else:
        procs, k = front  # the stem is the whole bare word: its proclitics are known
    if len(stem) - k < 2:  # nothing worth calling a core would be left
        procs, k = (), 0
    core_from = offsets[k] if k < len(offsets) else len(word)
    core_to = offsets[len(stem) - 1] + 1 if enclitic else len(word)
    if core_to <= core_from:
        return (), 0, len(word), ""
    return procs, core_from, core_to, enclitic


_MAX_CACHED_WORDS = 500_000
# Per word type: the word itself (the one string every token of that type then shares), the
# core span, the clitics and the normalized core; or, for a word that is its own core and
# normal form (two tokens in five of news text), just the word.
_WordInfo = tuple[str, int, int, tuple[str, ...], str, str]


@lru_cache(maxsize=1)
def _word_cache() -> dict[str, _WordInfo | str]:
    """Per word type: see ``_WordInfo``. Shared, bounded."""
    return {}


@lru_cache(maxsize=None)
def _shared(proclitics: tuple[str, ...]) -> tuple[str, ...]:
    """One tuple for each chain of proclitics (there are a few dozen), shared by all words."""
    return proclitics


def _analyse_word(word: str, cache: dict[str, _WordInfo | str]) -> _WordInfo | str:
    proclitics, core_from, core_to, enclitic = _split(word)  # not segment: this cache keeps it
    if proclitics or enclitic:
        info: _WordInfo | str = (word, core_from, core_to, _shared(proclitics), enclitic,
                                 normalize(word[core_from:core_to]))
    else:
        norm = normalize(word)
        info = word if norm == word else (word, 0, len(word), (), "", norm)
    if len(cache) >= _MAX_CACHED_WORDS:
        cache.clear()
    cache[word] = info
    return info


def tokenize(text: str, sentences: list[Sentence]) -> list[Token]:
    """Word tokens of each sentence, clitics split off, spans into ``text``."""
    cache = _word_cache()
    get = cache.get
    out: list[Token] = []
    append = out.append
    finditer = _WORD.finditer
    # The tokens keep the cached strings, not the match's copies: later stages that look words
    # up find them by identity, with their hash already computed. A plain word's entry is the
    # word alone: one object less to fetch per token (the caches outgrow the CPU's).
    for s in sentences:
        index = s.index
        matches = list(finditer(text, s.start, s.end))
        words = list(map(_GROUP, matches))
        # the look-ups of a sentence one after the other, in C: the CPU overlaps their fetches
        # from memory (the caches outgrow its own), which a loop doing more per word does not
        infos = list(map(get, words))
        for m, word, info in zip(matches, words, infos):
            if info is None:  # a new word (met twice in the sentence: analysed the first time)
                info = get(word) or _analyse_word(word, cache)
            start = m.start()
            if info.__class__ is str:
                end = start + len(info)
                append(Token(start, end, info, info, start, end, (), "", index))
                continue
            word, core_from, core_to, proclitics, enclitic, norm = info
            append(Token(start, start + len(word), word, norm, start + core_from, start + core_to,
                         proclitics, enclitic, index))
    return out


def clear_cache() -> None:
    """Forget the per-word analyses (for benchmarks that time a cold start)."""
    _word_cache().clear()
    segment.cache_clear()


__all__ = ["tokenize", "segment", "Segmentation", "clear_cache"]
