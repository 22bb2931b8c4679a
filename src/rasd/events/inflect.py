"""Arabic inflection by rule: the written (undiacritized, normalized) forms of a verb or noun.

The lexicon lists one perfect and one imperfect stem per verb and the singular and plural of
each noun; every person, number, tense and voice is generated here. Without diacritics the
active and passive of most verbs are written alike (قَصَفَ / قُصِفَ), so voice is left to syntax
except where a passive stem is given (اغتيل).
"""
from __future__ import annotations

from collections.abc import Iterator

from ..normalize import normalize

# Tense labels carried by each generated verb form.
PERFECT = "perf"
IMPERFECT = "impf"
PASSIVE = "pass"
VERB_CLASSES = ("sound", "gem", "def_y", "def_w", "hollow")

# (no أ-prefixed 1st singular: rare in news, and written like the imperative, اقتلوه)
_IMPF_PREFIXES = ("ي", "ت", "ن")


def _perfect_sound(s: str) -> Iterator[str]:
    """هو هي هم (+ the و written before a suffix pronoun) هما هن نحن أنا/أنت أنتم."""
    # (the feminine plural -ن is left out: rare in news, and it turns names into verbs)
    for suffix in ("", "ت", "وا", "و", "ا", "تا", "نا", "تم"):
        yield s + suffix


def _perfect_gem(s: str) -> Iterator[str]:
    """Doubled verbs: شنّ، شنّت، شنّوا، but شننّا، شننت with the doubling undone."""
    for suffix in ("", "ت", "وا", "و", "ا", "تا"):
        yield s + suffix
    opened = s + s[-1]
    for suffix in ("", "ا", "ت", "نا", "تم"):
        yield opened + suffix


def _perfect_def_y(s: str) -> Iterator[str]:
    """Verbs ending in ى/ي (أجرى، نفى، التقى): أجرت، أجروا، أجريا، أجرينا."""
    r = s[:-1]
    for suffix in ("ي", "ا", "ت", "وا", "و", "يا", "تا", "ين", "ينا", "يت", "يتم"):
        yield r + suffix


def _perfect_def_w(s: str) -> Iterator[str]:
    """Verbs ending in ا from و (دعا): دعت، دعوا، دعتا، دعونا."""
    r = s[:-1]
    for suffix in ("ا", "ت", "وا", "و", "تا", "ون", "ونا", "وت"):
        yield r + suffix


def _perfect_hollow(s: str) -> Iterator[str]:
    """Hollow verbs (قال، زار، اغتال): the long stem before vowel suffixes, the short one before others."""
    for suffix in ("", "ت", "وا", "و", "ا", "تا"):
        yield s + suffix
    short = s[:-2] + s[-1] if len(s) >= 3 and s[-2] in "اوي" else s
    for suffix in ("نا", "تم"):
        yield short + suffix


def _imperfect(stem: str, cls: str) -> Iterator[str]:
    """All persons of the imperfect, indicative and subjunctive/jussive."""
    if cls == "def_y" or (cls == "def_w" and stem.endswith("و")):
        r, v = stem[:-1], stem[-1]
        bodies = [r + v, r + "ون", r + "وا", r + "و", r + v + "ان", r + v + "ا", r + "ين", r,
                  r + "ي", r + "ا"]
    elif cls == "hollow":
        short = stem[:-2] + stem[-1] if len(stem) >= 3 and stem[-2] in "اوي" else stem
        bodies = [stem, stem + "ون", stem + "وا", stem + "و", stem + "ان", stem + "ا",
                  stem + "ين", stem + "ي", short]
    else:  # sound and doubled verbs take the same endings
        bodies = [stem, stem + "ون", stem + "وا", stem + "و", stem + "ان", stem + "ا",
                  stem + "ين", stem + "ي"]
        if cls == "gem":
            bodies.append(stem + stem[-1] + "ن")
    for prefix in _IMPF_PREFIXES:
        for body in bodies:
            yield prefix + body


def verb_forms(forms: str, cls: str) -> Iterator[tuple[str, str]]:
    """(written form, tense) for "perfect/imperfect[/passive]" stems of a verb of class ``cls``."""
    if cls not in VERB_CLASSES:
        raise ValueError(f"unknown verb class {cls!r}: use one of {', '.join(VERB_CLASSES)}")
    parts = [normalize(p.strip()) for p in forms.split("/")]
    if len(parts) < 2:
        raise ValueError(f"verb forms {forms!r} need 'perfect/imperfect' stems")
    perf, impf = parts[0], parts[1]
    perfect = {"sound": _perfect_sound, "gem": _perfect_gem, "def_y": _perfect_def_y,
               "def_w": _perfect_def_w, "hollow": _perfect_hollow}[cls]
    for form in perfect(perf):
        yield form, PERFECT
    for form in _imperfect(impf, cls):
        yield form, IMPERFECT
    for passive in parts[2:]:  # a written passive differs only in weak verbs (اغتيل، قيل)
        for form in _perfect_sound(passive):
            yield form, PASSIVE


def noun_forms(word: str) -> Iterator[str]:
    """The written forms of one noun: itself, accusative -ا, dual, construct ة→ت, hamza seats."""
    w = normalize(word.strip())
    yield w
    if w.endswith("ه"):  # ة: غارة → غارت(ها), غارتان, غارتين
        t = w[:-1] + "ت"
        yield t
        yield t + "ان"
        yield t + "ين"
        return
    if w.endswith("ات"):
        return
    if w.endswith("ء"):  # ولاء → ولاءه، ولائهم، ولاؤه
        yield w[:-1] + "ئ"
        yield w[:-1] + "ؤ"
        yield w + "ا"
        return
    if not w.endswith(("ا", "ي", "و")):
        yield w + "ا"  # accusative indefinite اجتماعًا → اجتماعا
        yield w + "ان"
        yield w + "ين"


__all__ = ["verb_forms", "noun_forms", "PERFECT", "IMPERFECT", "PASSIVE", "VERB_CLASSES"]
