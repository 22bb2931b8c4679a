"""Reading CoNLL-style NER files (ANERcorp, AQMAR, NewsFANE) into tagged sentences.

Every reader returns the same thing: sentences of surface tokens with IOB2 tags over the
coarse classes PER, LOC, ORG, MISC. The corpora carry typos in their tags (``B-ERS``,
``IPERS``, ``B-MIS1```, ``OO`` …); ``repair_tag`` maps each to what it plainly means.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ..normalize import normalize

LABELS = ("PER", "LOC", "ORG", "MISC")

# ANERcorp (Benajiba) has no sentence breaks; its non-empty lines 1..TRAIN_LAST_LINE are the
# CAMeL Lab training region, and everything after it is the CAMeL test text.
ANERCORP_TRAIN_LAST_LINE = 125_278
# A training sentence sharing this many consecutive tokens with a test sentence is left out.
OVERLAP_WINDOW = 8

# Marks that scraped corpora leave inside tokens (RLM, LRM, BOM, zero-width joiners).
_INVISIBLE = dict.fromkeys(map(ord, "\u200e\u200f\ufeff\u200b\u200c\u200d\u202a\u202b\u202c"), None)
# Dots the CAMeL release turned into "." (middle dot, bullet).
_DOTS = {"\u00b7", "\u2022", "\u2027", "\u30fb"}

# Entity-type spellings seen in the corpora, mapped to the coarse classes.
_TYPES = {
    "PERS": "PER", "PER": "PER", "ERS": "PER", "PERSON": "PER", "LOCI-PERS": "PER",
    "LOC": "LOC", "LOCATION": "LOC", "GPE": "LOC",
    "ORG": "ORG", "OEG": "ORG", "ORF": "ORG", "PRG": "ORG", "ORGANIZATION": "ORG",
    "MISC": "MISC", "MSIC": "MISC", "MIS": "MISC", "MISS": "MISC",
    "ENGLISH": "MISC", "SPANISH": "MISC",
}
_TAG = re.compile(r"^([BIES])-*([A-Z]+?)(?:-?\d+)?`?$")


@dataclass(slots=True)
class TaggedSentence:
    """One sentence of a labelled corpus: surface tokens and their IOB2 tags."""

    tokens: list[str]
    tags: list[str] = field(default_factory=list)


def clean_token(token: str) -> str:
    """The token without invisible direction marks; odd dots become '.' as in CAMeL's release."""
    token = token.translate(_INVISIBLE).strip()
    return "." if token in _DOTS else token


def repair_tag(raw: str, previous: str = "O") -> str:
    """A corpus tag as clean IOB2 over PER/LOC/ORG/MISC (``B-ERS`` → ``B-PER``, ``OO`` → ``O``)."""
    tag = raw.strip().translate(_INVISIBLE).upper().lstrip(".")
    if tag in ("O", "OO", ""):
        return "O"
    if tag == "IO":  # AQMAR: an inside tag that lost its type; it continues the entity before
        return "I-" + previous[2:] if previous != "O" else "O"
    if tag == "IPERS":
        return "I-PER"
    if tag == "B-LOCI-PERS":  # ANERcorp: a person ("ديابي") with a stray LOC typed before it
        return "B-PER"
    m = _TAG.match(tag)
    if not m:
        return "O"
    prefix, kind = m.group(1), m.group(2)
    coarse = _TYPES.get(kind)
    if coarse is None and kind.startswith("MIS"):
        coarse = "MISC"
    if coarse is None:
        return "O"
    return ("B-" if prefix in "BS" else "I-") + coarse


def _pairs(line: str) -> list[tuple[str, str]]:
    """(token, raw tag) pairs on one corpus line; [] for a line that holds no token."""
    fields = line.split()
    if len(fields) < 2:
        return []  # a tag without a token, or a token without a tag: nothing to learn
    if len(fields) == 3:
        glued = re.match(r"^(O|[BI]-[A-Za-z]+)(\S+)$", fields[1])
        if glued:  # ". Oالإصابة O": two lines run together
            return [(fields[0], glued.group(1)), (glued.group(2), fields[2])]
    return [(fields[0], fields[-1])]


def read_conll(path: Path) -> list[TaggedSentence]:
    """Sentences of a CoNLL file (token and tag per line, blank line between sentences)."""
    sentences: list[TaggedSentence] = []
    current = TaggedSentence([], [])
    with open(path, encoding="utf-8-sig") as f:
        for line in f:
            if not line.strip():
                if current.tokens:
                    sentences.append(current)
                    current = TaggedSentence([], [])
                continue
            for token, raw in _pairs(line):
                token = clean_token(token)
                if not token:
                    continue
                previous = current.tags[-1] if current.tags else "O"
                current.tokens.append(token)
                current.tags.append(repair_tag(raw, previous))
    if current.tokens:
        sentences.append(current)
    return sentences


def read_anercorp_original(path: Path, first_line: int = 1,
                           last_line: int = ANERCORP_TRAIN_LAST_LINE) -> list[TaggedSentence]:
    """Sentences of Benajiba's unsplit ANERcorp between two non-empty line numbers (inclusive).

    The file has no sentence breaks; like CAMeL's release, a sentence ends after a run of '.'.
    The default range is the training region: never pass a range that reaches the test tail.
    """
    sentences: list[TaggedSentence] = []
    current = TaggedSentence([], [])
    number = 0
    with open(path, encoding="utf-8-sig") as f:
        for line in f:
            if not line.strip():
                continue
            number += 1
            if number < first_line:
                continue
            if number > last_line:
                break
            for token, raw in _pairs(line):
                token = clean_token(token)
                if not token:
                    continue
                if current.tokens and current.tokens[-1] == "." and token != ".":
                    sentences.append(current)
                    current = TaggedSentence([], [])
                previous = current.tags[-1] if current.tags else "O"
                current.tokens.append(token)
                current.tags.append(repair_tag(raw, previous))
    if current.tokens:
        sentences.append(current)
    return sentences


def shingles(tokens: list[str], n: int = OVERLAP_WINDOW) -> set[tuple[str, ...]]:
    """The runs of ``n`` consecutive tokens of a sentence (the whole sentence when shorter)."""
    if len(tokens) <= n:
        return {tuple(tokens)}
    return {tuple(tokens[i:i + n]) for i in range(len(tokens) - n + 1)}


def anercorp_training_sentences(shared: Path) -> list[TaggedSentence]:
    """ANERcorp's training region, minus any sentence that shares a run of words with the test split.

    The newswire repeats some passages across articles (a few sentences of the training
    region reappear in the test text, some spelt otherwise: «الأمم» / «الامم», «إن» / «ان»);
    none of the test text may be trained on, so the runs are compared in matching form.
    """
    train = read_anercorp_original(shared / "data" / "anercorp_original_benajiba" / "ANERCorp.txt")
    test_path = shared / "data" / "anercorp_camel_split" / "ANERCorp_CamelLab_test.txt"
    if not test_path.exists():
        return train
    seen = set().union(*(shingles(matching_forms(s.tokens)) for s in read_conll(test_path)))
    return [s for s in train if not (shingles(matching_forms(s.tokens)) & seen)]


def matching_forms(tokens: list[str]) -> list[str]:
    """Tokens in the form text is matched on (hamza, alef maqsura, ta marbuta, diacritics folded)."""
    return [normalize(t) for t in tokens]


__all__ = ["LABELS", "ANERCORP_TRAIN_LAST_LINE", "TaggedSentence", "clean_token", "repair_tag",
           "read_conll", "read_anercorp_original", "anercorp_training_sentences", "shingles", "matching_forms",
           "OVERLAP_WINDOW"]
