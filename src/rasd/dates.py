"""Publication dates as pages and feeds print them, to a ``datetime.date``.

Handled by rules first (fast, deterministic): ISO 8601, RFC 2822 ("Sun, 18 Feb 2018 20:50:44
GMT"), numeric day-first dates (30/07/2017), and Arabic dates with a month name in any of the
usages of ``data/lexicon/months.tsv`` — Egyptian (يوليو), Levantine (تموز, كانون الثاني),
Maghrebi (جويلية, جانفي), Moroccan (غشت), doubled ones (يوليو/تموز), Arabic-Indic digits, a
weekday in front, a time behind, a trailing م (AD) — and Hijri dates (هـ, Hijri month names),
converted with hijridate. dateparser (Arabic only) is the last resort.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from email.utils import parsedate_tz
from functools import lru_cache
from importlib import resources

from .normalize import normalize

_ISO = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:$|[T\s_]|Z|[+-]\d)")
_ISO_COMPACT = re.compile(r"^\s*(\d{4})(\d{2})(\d{2})(?:T\d{2}|\s*$)")
_YMD = re.compile(r"(?<!\d)(\d{4})[/.\-](\d{1,2})[/.\-](\d{1,2})(?!\d)")
_DMY = re.compile(r"(?<!\d)(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})(?!\d)")
_HIJRI_MARK = re.compile(r"\d\s*ه(?:ـ|\b|$)|هجري|هجريه")
_NUMBER = re.compile(r"\d+")
_MIN_YEAR, _MAX_YEAR = 1900, 2100


@dataclass(frozen=True, slots=True)
class MonthName:
    """One row of months.tsv."""

    name: str  # normalized (lower case for Latin names)
    month: int
    calendar: str  # gregorian / hijri
    usage: str


@lru_cache(maxsize=1)
def month_names() -> tuple[MonthName, ...]:
    """The month names of ``data/lexicon/months.tsv``, normalized, longest first."""
    text = resources.files("rasd").joinpath("data/lexicon/months.tsv").read_text("utf-8")
    rows = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        name, month, calendar, usage = line.split("\t")[:4]
        rows.append(MonthName(normalize(name).lower(), int(month), calendar, usage))
    return tuple(sorted(rows, key=lambda r: -len(r.name)))


@lru_cache(maxsize=1)
def _month_matcher() -> tuple[re.Pattern[str], dict[str, MonthName]]:
    by_name: dict[str, MonthName] = {}
    for row in month_names():
        by_name.setdefault(row.name, row)
    alternatives = "|".join(re.escape(n) for n in sorted(by_name, key=len, reverse=True))
    # a proclitic ب/في may stand before a name: "بتموز"
    pattern = re.compile(rf"(?<![^\W\d_])(?:ب|في\s)?({alternatives})(?![^\W\d_])")
    return pattern, by_name


def _valid(year: int, month: int, day: int) -> dt.date | None:
    if not (_MIN_YEAR <= year <= _MAX_YEAR):
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _from_hijri(year: int, month: int, day: int) -> dt.date | None:
    from hijridate import Hijri  # imported on first use: only Hijri dates need it

    try:
        return Hijri(year, month, day).to_gregorian()
    except (ValueError, OverflowError):
        return None


def _rfc2822(s: str) -> dt.date | None:
    if "," not in s and not re.search(r"[A-Za-z]{3} \d{4} \d", s):
        return None
    parts = parsedate_tz(s)
    if parts is None:
        return None
    return _valid(parts[0], parts[1], parts[2])  # the date as the outlet printed it, its own zone


def _named_month(norm: str) -> dt.date | None:
    """A date written with a month name: 30 يوليو 2017, 30 يوليو/تموز 2017, July 30, 2017.

    A line may print the date twice ("24 جمادى الأولى 1441 هـ - 19 يناير 2020 م"): each
    month name is read with the numbers around it, and the Gregorian reading wins."""
    pattern, by_name = _month_matcher()
    found = list(pattern.finditer(norm))
    if not found:
        return None
    # a doubled name ("يوليو/تموز") is one month: group names joined by a slash or a space
    groups: list[list[re.Match[str]]] = [[found[0]]]
    for m in found[1:]:
        gap = norm[groups[-1][-1].end():m.start()]
        if not gap.strip(" /()-") and not _NUMBER.search(gap):
            groups[-1].append(m)
        else:
            groups.append([m])
    hijri: dt.date | None = None
    for k, group in enumerate(groups):
        lo = groups[k - 1][-1].end() if k else 0
        hi = groups[k + 1][0].start() if k + 1 < len(groups) else len(norm)
        first, last = group[0], group[-1]
        month = by_name[first.group(1)]
        before = _NUMBER.findall(norm[lo:first.start()])
        after = _NUMBER.findall(norm[last.end():hi])
        day = year = None
        if before and int(before[-1]) <= 31:
            day = int(before[-1])
            year = next((int(n) for n in after if len(n) == 4), None)
        elif after and int(after[0]) <= 31 and len(after) >= 2:  # July 30, 2017
            day, year = int(after[0]), int(after[1]) if len(after[1]) == 4 else None
        if day is None or year is None:
            continue
        if month.calendar == "hijri":
            hijri = hijri or _from_hijri(year, month.month, day)
            continue
        if _HIJRI_MARK.search(norm[last.end():hi]):
            continue  # a Gregorian month name with a Hijri year is no date
        found_date = _valid(year, month.month, day)
        if found_date is not None:
            return found_date
    return hijri


def _numeric(norm: str) -> dt.date | None:
    """30/07/2017, 2017/07/30, 1438/11/07 هـ; with a Hijri and a Gregorian date, the Gregorian."""
    readings: list[tuple[int, int, int, int]] = []  # (position, year, month, day)
    for m in _YMD.finditer(norm):
        readings.append((m.start(), int(m.group(1)), int(m.group(2)), int(m.group(3))))
    for m in _DMY.finditer(norm):
        d, mo, y = int(m.group(1)), int(m.group(2)), int(m.group(3))
        if mo > 12 >= d:  # 07/30/2017: a month-first date can only be read one way
            d, mo = mo, d
        readings.append((m.start(), y, mo, d))
    readings.sort()
    hijri_found: dt.date | None = None
    for k, (pos, y, mo, d) in enumerate(readings):
        end = readings[k + 1][0] if k + 1 < len(readings) else len(norm)
        if 1300 <= y <= 1500 or _HIJRI_MARK.search(norm[pos:end]):
            hijri_found = hijri_found or _from_hijri(y, mo, d)
            continue
        found = _valid(y, mo, d)
        if found is not None:
            return found
    return hijri_found


def _dateparser(s: str) -> dt.date | None:
    import dateparser  # slow to import; only for what the rules above do not read

    # absolute dates only: "منذ 3 ساعات" resolved against today would date an old page wrongly
    settings = {"REQUIRE_PARTS": ["day", "month", "year"], "PREFER_DAY_OF_MONTH": "first",
                "RETURN_AS_TIMEZONE_AWARE": False, "PARSERS": ["custom-formats", "absolute-time"]}
    try:
        parsed = dateparser.parse(s, languages=["ar"], settings=settings)
    except Exception:  # dateparser raises assorted errors on odd input; a date is optional
        return None
    return _valid(parsed.year, parsed.month, parsed.day) if parsed else None


@lru_cache(maxsize=4096)
def parse_date(s: str | None) -> dt.date | None:
    """The calendar date a publication-date string gives, or None when it gives none."""
    if not s or not s.strip() or len(s) > 200:
        return None
    s = s.strip()
    m = _ISO.match(s) or _ISO_COMPACT.match(s)
    if m:
        return _valid(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    if s.isascii():
        found = _rfc2822(s)
        if found:
            return found
    norm = normalize(s).lower()
    norm = re.sub(r"(\d)\s*م(?![^\W\d_])", r"\1", norm)  # 2017م / 2017 م: "AD"
    found = _named_month(norm) or _numeric(norm)
    if found:
        return found
    if not _NUMBER.search(norm):
        return None  # no digits: "أمس" or a weekday alone is not a publication date
    return _dateparser(s)


__all__ = ["parse_date", "month_names", "MonthName"]
