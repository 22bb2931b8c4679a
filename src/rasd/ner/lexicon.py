"""The tagger's lexicon: word clusters, gazetteer and cue-word flags, built at training time.

Built from material the project may use: unlabeled ANT news bodies plus ANERcorp's training
region (word vectors, clusters, and the classes of each word's distributional neighbours),
GeoNames city and country names (places), UniversalPetrarch's Arabic actor dictionary (names
of people, organisations, places) and rasd's own cue list. It is saved next to the model as
one TSV file and travels with it.
"""
from __future__ import annotations

import gettext
import hashlib
import io
import json
import re
import zipfile
from collections import Counter
from collections.abc import Iterable, Iterator
from importlib import resources
from pathlib import Path

from ..normalize import normalize
from .clusters import cluster_paths, neighbour_votes, word_vectors
from .conll import LABELS, TaggedSentence
from .features import Lexicon, strip_proclitics, word_key

_ARABIC = re.compile(r"[\u0600-\u06ff]")
_WORDS = re.compile(r"\w+|[^\w\s]")
_ARTICLE = ("ال", "وال", "بال", "فال", "كال", "لل")
_DIGITS_TO_ZERO = str.maketrans("123456789", "000000000")
# Shares of a class among a word's nearest labelled neighbours that make a feature.
VOTE_WEAK, VOTE_STRONG = 0.2, 0.5


def ant_sentences(shared: Path) -> Iterator[list[str]]:
    """Word keys of the ANT news bodies, one list per line of text (unlabeled)."""
    for path in sorted((shared / "data" / "ant_corpus_v2_1_middleeast").glob("*.jsonl")):
        with open(path, encoding="utf-8") as f:
            for line in f:
                record = json.loads(line)
                for part in (record.get("title", ""), record.get("abstract", ""), record.get("text", "")):
                    # normalize whole lines at once: word_key is a per-character mapping
                    text = normalize(part).lower().translate(_DIGITS_TO_ZERO)
                    for paragraph in text.split("\n"):
                        words = _WORDS.findall(paragraph)
                        if words:
                            yield words


def _keys(name: str) -> list[str]:
    """Lookup keys of one name's words, with the article-free form of words that carry one."""
    out = []
    for word in name.split():
        key = word_key(word)
        out.append(key)
        if key.startswith(_ARTICLE):
            out.append(strip_proclitics(key))
    return out


def place_names(shared: Path) -> Iterator[str]:
    """Arabic-script names of GeoNames cities (≥ 15,000 people) and of countries."""
    geo = shared / "data" / "geonames_cities15000"
    with zipfile.ZipFile(geo / "cities15000.zip") as z, z.open("cities15000.txt") as raw:
        for line in io.TextIOWrapper(raw, encoding="utf-8"):
            cols = line.rstrip("\n").split("\t")
            if len(cols) > 3:
                yield from (n for n in cols[3].split(",") if _ARABIC.search(n))
    translations = geo / "country_translations.json"
    if translations.exists():
        for names in json.loads(translations.read_text(encoding="utf-8")).values():
            if names.get("ar"):
                yield names["ar"]
    yield from country_names()


def country_names() -> Iterator[str]:
    """Arabic country names that pycountry ships (official and common forms)."""
    try:
        import pycountry
        ar = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ar"])
    except (ImportError, OSError):
        return
    for country in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            value = getattr(country, attr, None)
            if value:
                translated = ar.gettext(value)
                if translated != value:
                    yield translated


def actor_names(shared: Path, cues: dict[str, list[str]]) -> Iterator[tuple[str, list[str]]]:
    """(class, words) of the names in UniversalPetrarch's Arabic actor dictionary (MIT).

    Its entries are names joined by "_" with CAMEO codes: a bare country code marks a place
    ("غزة [PSE]"), an entry opening with an organisation word is an organisation, and a dated
    entry of plain words is a person ("نوري_المالكي_ [IRQGOV 20101221-20140908]").
    """
    path = shared / "data" / "universalpetrarch_arabic_dictionaries" / "dictionaries" / "actor_dict_ar_v4.txt"
    if not path.exists():
        return
    try:
        import pycountry
        countries = {c.alpha_3 for c in pycountry.countries}
    except ImportError:
        countries = set()
    org_words = {word_key(w) for w in cues.get("ORG_KEY", [])} | {word_key(w) for w in "قوة جبهة جريدة حكومة".split()}
    titles = {strip_proclitics(word_key(w)) for w in cues.get("PER_TITLE", [])}
    entries: list[tuple[list[str], list[str]]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        codes = re.findall(r"\[([^\]]*)\]", line)
        if line[0] in " \t" and line.strip().startswith("["):
            if entries:
                entries[-1][1].extend(codes)
            continue
        name = line.split("[")[0].strip()
        entries.append(([w for w in name.split("_") if w], codes))
    for words, codes in entries:
        if not words or len(words) > 5:
            continue
        keys = [word_key(w) for w in words]
        first_code = codes[0].split()[0] if codes else ""
        if first_code in countries and len(words) <= 2:
            # "مصري", "أميركية": a nationality adjective, not a place name
            yield ("GENTILIC" if len(words) == 1 and keys[0].endswith(("ي", "يه")) else "LOC"), words
        elif keys[0] in org_words:
            yield "ORG", words
        elif any(any(ch.isdigit() for ch in c) for c in codes) and not any(
                strip_proclitics(k) in titles for k in keys):
            # a dated entry is a person when it has a first and a last name; one bare word
            # ("كاسترو", "حماس") may name a person or a movement
            yield ("PER" if len(words) > 1 else "ACTOR"), words


def cue_words() -> dict[str, list[str]]:
    """rasd's cue lists (titles, first names, organisation and place keywords …) by cue."""
    text = resources.files("rasd").joinpath("data", "models", "ner_cues.tsv").read_text(encoding="utf-8")
    cues: dict[str, list[str]] = {}
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            cue, words = line.split("\t", 1)
            cues[cue] = words.split()
    return cues


def _class_shares(sentences: Iterable[TaggedSentence]) -> dict[str, dict[str, float]]:
    """For each word key of the labelled sentences, the share of its occurrences per class."""
    counts: dict[str, Counter[str]] = {}
    for s in sentences:
        for token, tag in zip(s.tokens, s.tags):
            counts.setdefault(word_key(token), Counter())[tag[2:] if tag != "O" else "O"] += 1
    return {w: {c: n / sum(by_class.values()) for c, n in by_class.items()}
            for w, by_class in counts.items()}


def with_training_flags(lexicon: Lexicon, sentences: Iterable[TaggedSentence]) -> Lexicon:
    """The lexicon plus, for each word (and stem) of ``sentences``, the classes it mostly had.

    Training computes these flags out of fold (from the other sentences only), so the model
    learns how far to trust them on words it has not seen, as at tagging time.
    """
    sentences = list(sentences)
    shares = _class_shares(sentences)
    stem_sentences = [TaggedSentence([strip_proclitics(word_key(t)) for t in s.tokens], s.tags)
                      for s in sentences]
    for stem, by_class in _class_shares(stem_sentences).items():
        shares.setdefault(stem, by_class)
    flags = {k: set(v) for k, v in lexicon.flags.items()}
    for word, by_class in shares.items():
        for label in LABELS:
            share = by_class.get(label, 0.0)
            if share >= VOTE_STRONG:
                flags.setdefault(word, set()).add(f"tr{label}+")
            elif share >= VOTE_WEAK:
                flags.setdefault(word, set()).add(f"tr{label}")
    return Lexicon(lexicon.clusters, {k: tuple(sorted(v)) for k, v in flags.items()})


def build_lexicon(shared: Path, labelled: list[TaggedSentence]) -> Lexicon:
    """Clusters from ANT + the labelled text, neighbour votes, and place/name/cue flags."""
    corpus = list(ant_sentences(shared)) + [[word_key(w) for w in s.tokens] for s in labelled]
    vocab, vectors = word_vectors(corpus)
    clusters = cluster_paths(vocab, vectors)
    votes = neighbour_votes(vocab, vectors, _class_shares(labelled))
    frequent = {w for w, _ in Counter(w for s in corpus for w in s).most_common(400)}
    flags: dict[str, set[str]] = {}
    countries = {word_key(n) for n in country_names()}
    for name in place_names(shared):
        keys = _keys(name)
        if len(name.split()) == 1:
            for key in keys:
                if key not in frequent or key in countries:  # GeoNames lists "من" as a town
                    flags.setdefault(key, set()).add("LOC")
        else:
            for key in keys:
                if key not in frequent and len(key) > 2:
                    flags.setdefault(key, set()).add("LOCpart")
    for word, shares in votes.items():
        for label in LABELS:
            share = shares.get(label, 0.0)
            if share >= VOTE_STRONG:
                flags.setdefault(word, set()).add(f"nn{label}+")
            elif share >= VOTE_WEAK:
                flags.setdefault(word, set()).add(f"nn{label}")
    cues = cue_words()
    for label, words in actor_names(shared, cues):
        for word in (words if label != "ORG" else words[1:]):  # the organisation word is a cue already
            for key in _keys(word):
                if key not in frequent:
                    flags.setdefault(key, set()).add(f"UP_{label}")
    for cue, words in cues.items():
        for word in words:
            for key in _keys(word):
                flags.setdefault(key, set()).add(cue)
    return Lexicon(clusters, {k: tuple(sorted(v)) for k, v in flags.items()})



def save_lexicon(lexicon: Lexicon, path: Path) -> None:
    """Write the lexicon as TSV (key, cluster path, flags) with a provenance header."""
    keys = sorted(set(lexicon.clusters) | set(lexicon.flags))
    body = "".join(f"{k}\t{lexicon.clusters.get(k, '')}\t{','.join(lexicon.flags.get(k, ()))}\n"
                   for k in keys)
    digest = hashlib.blake2b(body.encode("utf-8"), digest_size=6).hexdigest()
    header = ("# source: built by `rasd train ner` from ANT corpus v2.1 middleEast bodies and "
              "ANERcorp's training region (CC BY-SA 4.0; clusters, class votes), GeoNames "
              "cities15000 and country names (CC BY 4.0), pycountry, UniversalPetrarch Arabic "
              "actor dictionary (MIT), rasd cue words; licence: derived data, CC BY-SA 4.0; "
              f"version: {digest}\n")
    path.write_text(header + body, encoding="utf-8")


def load_lexicon(path: Path) -> Lexicon:
    """Read a lexicon written by save_lexicon."""
    clusters: dict[str, str] = {}
    flags: dict[str, tuple[str, ...]] = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#"):
                continue
            key, path_, marks = line.rstrip("\n").split("\t")
            if path_:
                clusters[key] = path_
            if marks:
                flags[key] = tuple(marks.split(","))
    return Lexicon(clusters, flags)


__all__ = ["build_lexicon", "save_lexicon", "load_lexicon", "ant_sentences", "place_names",
           "cue_words", "with_training_flags", "actor_names"]
