"""CRF features for one sentence of surface tokens.

Everything about a word that does not depend on its neighbours (normalized form, clitic-free
stem, affixes, shape, word cluster, gazetteer and cue membership) is computed once per word
type and cached with the offset prefixes already applied, so a sentence's features are a few
list concatenations per token.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from ..normalize import normalize

# Offsets of the window a token sees, and the cluster-path prefix lengths used as features.
WINDOW = (-2, -1, 1, 2)
CLUSTER_LEVELS = (1, 2, 3, 4)
_CACHE_LIMIT = 300_000
# The shape and stem-length features, written once.
_SHAPE_FEATURES = {kind: f"sh={kind}" for kind in ("A", "L", "Lu", "P", "D", "X")}
_LENGTH_FEATURES = tuple(f"len={n}" for n in range(9))

_DIGITS_TO_ZERO = str.maketrans("123456789", "000000000")
_PUNCT = frozenset(".,،;؛:!?؟\"'«»()[]{}<>-–—/\\*=+&%$#@|~^`…")


def word_key(token: str) -> str:
    """The form a word is looked up under: normalized Arabic, lower-case Latin, digits as 0."""
    return normalize(token).lower().translate(_DIGITS_TO_ZERO)


def word_keys(tokens: Sequence[str]) -> list[str]:
    """word_key of many tokens at once (every step maps characters one by one and keeps line
    breaks, so one pass over the joined tokens does it)."""
    if not tokens:
        return []
    return word_key("\n".join(tokens)).split("\n")


def strip_proclitics(key: str) -> str:
    """The word without the conjunction, preposition and article clitics (و ف ب ل ك ال لل)."""
    w = key
    if len(w) > 3 and w[0] in "وف":
        w = w[1:]
    if len(w) > 3 and w.startswith("لل"):
        return w[2:]
    if len(w) > 3 and w[0] in "بلك" and w[1:3] == "ال":
        w = w[1:]
    if len(w) > 3 and w.startswith("ال"):
        w = w[2:]
    return w


_DIGITS = frozenset("0123456789٠١٢٣٤٥٦٧٨٩")
_LATIN = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
_ARABIC = frozenset(chr(c) for c in range(0x0600, 0x0700))


_CLITIC_LETTERS = frozenset("وفبلك")
# An Arabic letter, then only Arabic letters and marks (no Arabic-Indic digit): shape "A".
_PLAIN_ARABIC = re.compile("[\u0621-\u064a][\u0600-\u065f\u066a-\u06ff]*")


def shape(token: str) -> str:
    """A coarse word shape: digits, Latin, punctuation, Arabic or mixed.

    A Latin name with an Arabic conjunction or preposition glued on ("وDell") is Latin.
    """
    if _PLAIN_ARABIC.fullmatch(token):
        return "A"  # the common case, answered without building a set
    head = 0
    while head < 2 and head < len(token) - 1 and token[head] in _CLITIC_LETTERS:
        head += 1
    if head and "a" <= token[head].lower() <= "z":
        token = token[head:]
    chars = set(token)
    if chars <= _PUNCT:
        return "P"
    has_digit = not chars.isdisjoint(_DIGITS)
    has_latin = not chars.isdisjoint(_LATIN)
    has_arabic = not chars.isdisjoint(_ARABIC)
    if has_digit and not (has_latin or has_arabic):
        return "D"
    if has_latin and not has_arabic:
        return "Lu" if token[:1].isupper() else "L"
    if has_arabic and not (has_digit or has_latin):
        return "A"
    return "X"


def document_stem(stem: str, kind: str) -> str | None:
    """The stem a word shares document context under, or None for punctuation, digits and
    short words."""
    return stem if len(stem) >= 3 and kind in ("A", "L", "Lu") else None


def merge_marks(own: tuple[str, ...], stems: tuple[str, ...]) -> tuple[str, ...]:
    """A word's lexicon marks from its own flags and its stem's."""
    if stems and stems != own:
        return tuple(sorted(set(own) | set(stems))) if own else stems
    return own


@dataclass(slots=True)
class Lexicon:
    """What the features know beyond the word itself: cluster paths and membership flags."""

    clusters: dict[str, str] = field(default_factory=dict)  # word key -> "3.1.7.2"
    flags: dict[str, tuple[str, ...]] = field(default_factory=dict)  # word key -> ("LOC", ...)

    def all_marks(self) -> list[str]:
        """Every mark a word can carry, sorted."""
        return sorted({m for flags in self.flags.values() for m in flags})


@dataclass(slots=True)
class WordEntry:
    """What one word type contributes to features, computed once."""

    own: list[str]  # features of the word at the centre
    neighbour: list[str]  # features it lends to a neighbour, before the offset prefix
    key: str
    stem: str | None  # None for punctuation, digits and short words: no document context
    marks: tuple[str, ...]  # lexicon flags of the word or its stem
    window: tuple[list[str], ...] = ()  # `neighbour` prefixed for each WINDOW offset (lazily)


class FeatureExtractor:
    """Turns sentences of surface tokens into crfsuite feature lists (cached per word type)."""

    def __init__(self, lexicon: Lexicon):
        self.lexicon = lexicon
        self._cache: dict[str, WordEntry] = {}
        # feature strings shared by many word types, made once (bounded by the lexicon)
        self._path_features: dict[str, tuple[str, ...]] = {}
        self._stem_path_features: dict[str, tuple[str, ...]] = {}
        self._marks_features: dict[tuple[str, ...], tuple[str, ...]] = {}

    def summary(self, token: str) -> tuple[str, str, str, str | None, tuple[str, ...]]:
        """The cheap part of a word's description: key, shape, stem, the stem it shares document
        context under (None for punctuation, digits, short words) and its lexicon marks."""
        key = word_key(token)
        kind = shape(token)
        return (key, kind, *self.key_summary(key, kind))

    def key_summary(self, key: str, kind: str) -> tuple[str, str | None, tuple[str, ...]]:
        """(stem, document stem or None, lexicon marks) of a word key of a given shape."""
        stem = strip_proclitics(key)
        flags = self.lexicon.flags
        return stem, document_stem(stem, kind), merge_marks(flags.get(key, ()), flags.get(stem, ()))

    def _describe(self, token: str) -> WordEntry:
        """The features of one word type."""
        return self.describe(word_key(token), shape(token))

    def describe(self, key: str, kind: str) -> WordEntry:
        """The features of the words with this lookup key and shape (they depend on nothing else)."""
        stem, document_stem, marks = self.key_summary(key, kind)
        clusters = self.lexicon.clusters
        own = [f"w={key}", f"st={stem}", _SHAPE_FEATURES.get(kind) or f"sh={kind}",
               _LENGTH_FEATURES[min(len(stem), 8)]]
        n = len(key)
        if n > 1:
            own += (f"p1={key[:1]}", f"s1={key[-1:]}")
            if n > 2:
                own += (f"p2={key[:2]}", f"s2={key[-2:]}")
                if n > 3:
                    own += (f"p3={key[:3]}", f"s3={key[-3:]}")
                    if n > 4:
                        own += (f"p4={key[:4]}", f"s4={key[-4:]}")
        n = len(stem)
        if n > 2:
            own += (f"sp2={stem[:2]}", f"ss2={stem[-2:]}")
            if n > 3:
                own += (f"sp3={stem[:3]}", f"ss3={stem[-3:]}")
        if stem != key:
            own.append(f"pre={key[: len(key) - len(stem)]}")
        if key.startswith(("ال", "وال", "بال", "فال", "كال", "لل")):
            own.append("al")
        path = clusters.get(key) or clusters.get(stem)
        if path is None:
            own.append("oov")
        neighbour = [f"w={key}", _SHAPE_FEATURES.get(kind) or f"sh={kind}"]
        if stem != key:
            neighbour.append(f"st={stem}")
        if path is not None:
            levels = self._cluster_features(path)
            own += levels
            neighbour += levels
        stem_path = clusters.get(stem) if stem != key else None
        if stem_path is not None:
            own += self._stem_cluster_features(stem_path)
        if marks:
            flags = self._mark_features(marks)
            own += flags
            neighbour += flags
        return WordEntry(own, neighbour, key, document_stem, marks)

    def _cluster_features(self, path: str) -> tuple[str, ...]:
        """"c1=3" … "c4=3.1.7.2" of a cluster path (a few thousand paths: kept once each)."""
        found = self._path_features.get(path)
        if found is None:
            parts = path.split(".")
            found = self._path_features[path] = tuple(
                f"c{level}=" + ".".join(parts[:level]) for level in CLUSTER_LEVELS if len(parts) >= level)
        return found

    def _stem_cluster_features(self, path: str) -> tuple[str, ...]:
        """"sc2=…", "sc4=…" of the stem's cluster path."""
        found = self._stem_path_features.get(path)
        if found is None:
            parts = path.split(".")
            found = self._stem_path_features[path] = tuple(
                f"sc{level}=" + ".".join(parts[:level]) for level in (2, 4))
        return found

    def _mark_features(self, marks: tuple[str, ...]) -> tuple[str, ...]:
        """"g=LOC" … of a word's lexicon marks (few distinct sets)."""
        found = self._marks_features.get(marks)
        if found is None:
            found = self._marks_features[marks] = tuple(f"g={m}" for m in marks)
        return found

    def entry(self, token: str) -> WordEntry:
        """The word type's features (cached)."""
        entry = self._cache.get(token)
        if entry is None:
            entry = self._describe(token)
            if len(self._cache) >= _CACHE_LIMIT:
                self._cache.clear()  # a bound on memory for endless streams; the cache is pure
            self._cache[token] = entry
        return entry

    def document_contexts(self, sentences: Sequence[Sequence[str]]) -> dict[str, list[str]]:
        """For each word stem of a document, the cue flags next to any of its occurrences
        ("وزير الدفاع رامسفيلد" ... "رامسفيلد" lends the second one the title)."""
        contexts: dict[str, set[str]] = {}
        for tokens in sentences:
            entries = [self.entry(t) for t in tokens]
            for i, e in enumerate(entries):
                if e.stem is None:
                    continue
                bag = contexts.setdefault(e.stem, set())
                if i > 0:
                    bag.update("dL=" + m for m in entries[i - 1].marks)
                if i + 1 < len(entries):
                    bag.update("dR=" + m for m in entries[i + 1].marks)
        return {stem: sorted(bag) for stem, bag in contexts.items() if bag}

    def document(self, sentences: Sequence[Sequence[str]]) -> list[list[list[str]]]:
        """crfsuite item features for the sentences of one document."""
        contexts = self.document_contexts(sentences)
        out = []
        for tokens in sentences:
            feats = self.sentence(tokens)
            for t, f in zip(tokens, feats):
                stem = self.entry(t).stem
                if stem is not None and stem in contexts:
                    f.extend(contexts[stem])
            out.append(feats)
        return out

    def sentence(self, tokens: Sequence[str]) -> list[list[str]]:
        """crfsuite item features for each token of one sentence (no document context)."""
        entries = [self.entry(t) for t in tokens]
        for e in entries:
            if not e.window:
                e.window = tuple([f"{o}:{f}" for f in e.neighbour] for o in WINDOW)
        keys = [e.key for e in entries]
        n = len(tokens)
        out: list[list[str]] = []
        for i, entry in enumerate(entries):
            feats = ["bias"]
            feats.extend(entry.own)
            for slot, offset in enumerate(WINDOW):
                j = i + offset
                if 0 <= j < n:
                    feats.extend(entries[j].window[slot])
                elif j == -1 or j == n:
                    feats.append(f"{offset}:BOUNDARY")
            prev_key = keys[i - 1] if i > 0 else "<s>"
            next_key = keys[i + 1] if i + 1 < n else "</s>"
            feats.append(f"bg-={prev_key}|{keys[i]}")
            feats.append(f"bg+={keys[i]}|{next_key}")
            out.append(feats)
        return out


__all__ = ["Lexicon", "FeatureExtractor", "WordEntry", "word_key", "word_keys", "strip_proclitics", "shape",
           "document_stem", "merge_marks",
           "WINDOW", "CLUSTER_LEVELS"]
