"""In-text time expressions: find them in a sentence, pick the one that governs an event trigger,
and resolve it against the publication date.

What is read (on the normalized text, so hamza, ta marbuta, diacritics and Arabic-Indic digits
do not matter):
- absolute dates: 15 يوليو 2023، ١٥ تموز ٢٠٢٣، 15 جويلية، 15/7/2023، 2023-07-15، الأحد 30 يوليو،
  Hijri «5 رمضان 1445 هـ» (converted with hijridate), months (يوليو 2023، مايو/أيار الماضي،
  منتصف يوليو الحالي) and years (عام 2013);
- relative days: اليوم، أمس، أمس الثلاثاء، فجر اليوم، مساء أمس السبت، غدا، الليلة الماضية،
  صباح الأحد، يوم الجمعة، الخميس الماضي، الاثنين المقبل;
- relative periods: الأسبوع الماضي، الشهر المقبل، العام الماضي، مطلع الشهر، أواخر العام،
  قبل يومين، منذ ثلاثة أيام، بعد أسبوع، في غضون أسبوع، خلال الأيام المقبلة.

How a date is recorded: ``precision`` says how exact it is; for a month or a year the date is
its first day; for a week or a window that starts or ends at publication («في غضون أسبوع»،
«خلال الأيام الماضية») it is a day inside that window. A bare weekday is the last such day
before publication (the next one when the caller says the context is future), the day itself
when the page is published on that weekday. Relative expressions stay unresolved (date None,
precision "unknown", text and span kept) when the publication date is unknown, and so do
expressions anchored to another event («بعد يومين من التفجير»).
"""
from __future__ import annotations

import bisect
import datetime as _dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from ..model import Sentence, TimeRef
from ..normalize import DIACRITICS, TATWEEL, normalize, normalized_segment
from .alternation import longest_first
from .cuewords import vocabulary_words
from .numbers import number_words, parse_number

# ---- vocabulary (normalized forms) ------------------------------------------------------

WEEKDAYS = {"الاثنين": 0, "الثلاثاء": 1, "الاربعاء": 2, "الخميس": 3, "الجمعه": 4, "السبت": 5,
            "الاحد": 6}

# Month names come from data/lexicon/months.tsv (shared with rasd.dates). Some are also common
# words (مارس "practised", آب "father", ماي): only read with a day, a year, «شهر», a qualifier
# (الماضي) or a second month name beside them.
AMBIGUOUS_MONTHS = frozenset({"مارس", "اب", "ماي"})


@lru_cache(maxsize=1)
def _month_tables() -> tuple[dict[str, int], dict[str, int]]:
    """Gregorian and Hijri month names (normalized Arabic) → month number."""
    from ..dates import month_names
    gregorian: dict[str, int] = {}
    hijri: dict[str, int] = {}
    for row in month_names():
        if row.usage == "english" or not row.name or row.name[0].isascii():
            continue
        (hijri if row.calendar == "hijri" else gregorian).setdefault(row.name, row.month)
    return gregorian, hijri


# Units of a duration: (days, precision) per normalized form, and whether it is a bare plural.
UNITS = {
    "ساعه": (0, "day"), "ساعتين": (0, "day"), "ساعتان": (0, "day"), "ساعات": (0, "day"),
    "الساعات": (0, "day"),
    "يوم": (1, "day"), "يوما": (1, "day"), "يومين": (2, "day"), "يومان": (2, "day"),
    "ايام": (1, "day"), "الايام": (1, "day"),
    "اسبوع": (7, "week"), "اسبوعين": (14, "week"), "اسبوعان": (14, "week"),
    "اسابيع": (7, "week"), "الاسابيع": (7, "week"),
    "شهر": (30, "month"), "شهرا": (30, "month"), "شهرين": (60, "month"), "شهران": (60, "month"),
    "اشهر": (30, "month"), "شهور": (30, "month"), "الاشهر": (30, "month"), "الشهور": (30, "month"),
    "عام": (365, "year"), "عاما": (365, "year"), "عامين": (730, "year"), "عامان": (730, "year"),
    "سنه": (365, "year"), "سنتين": (730, "year"), "سنتان": (730, "year"),
    "اعوام": (365, "year"), "سنوات": (365, "year"), "سنين": (365, "year"),
    "الاعوام": (365, "year"), "السنوات": (365, "year"),
}
def _ordinals() -> dict[str, int]:
    """Ordinal day numbers as dates print them: الأول، الثالث عشر، الحادي والعشرين (normalized)."""
    units = ["الاول", "الثاني", "الثالث", "الرابع", "الخامس", "السادس", "السابع", "الثامن", "التاسع"]
    table = {word: i + 1 for i, word in enumerate(units)} | {"العاشر": 10, "العشرين": 20, "الثلاثين": 30}
    for i, word in enumerate(units):
        first = "الحادي" if i == 0 else word
        table[f"{first} عشر"] = 11 + i
        table[f"{first} والعشرين"] = 21 + i
    table["الحادي والثلاثين"] = 31
    return table


ORDINAL_DAYS = _ordinals()

_PLURAL_UNITS = frozenset({"ساعات", "الساعات", "ايام", "الايام", "اسابيع", "الاسابيع", "اشهر",
                           "شهور", "الاشهر", "الشهور", "اعوام", "سنوات", "سنين", "الاعوام",
                           "السنوات"})
_PAST = r"(?:الماضي|الماضيه|الماضيين|الماضيتين|المنصرم|المنصرمه|الفائت|الفائته|المنقضي|الاخير|الاخيره|السابق)"
_NEXT = r"(?:المقبل|المقبله|القادم|القادمه)"
_CURRENT = r"(?:الجاري|الجاريه|الحالي|الحاليه)"
_PART_OF_DAY = (r"(?:فجر|صباح|صبيحه|ظهر|ظهيره|عصر|مساء|عشيه|ليل|ليله|منتصف ليل|منتصف ليله"
                r"|(?:في )?(?:وقت|ساعه) (?:متاخر|متاخره|مبكر|مبكره) من (?:ليل|ليله|مساء|صباح|فجر|يوم)"
                r"|(?:في )?الساعات الاولي من (?:صباح|فجر|يوم)?)")
_PART_OF_PERIOD = r"(?:مطلع|بدايه|اوائل|منتصف|اواسط|اواخر|نهايه|اخر)"
_PREFIX = r"(?:(?:منذ|اعتبارا من|ابتداء من|بدءا من|حتي|قبيل) )?"
# A word start, or after و ف ب ل (وب فب) at a word start. The first look-behind is implied by the
# rest; it only rejects the middle of a word in one test, which makes scanning a sentence faster.
_START = r"(?<![^\W\u0648\u0641\u0628\u0644])(?:(?<!\w)|(?<=(?<!\w)[وفب])|(?<=(?<!\w)[وف]ب)|(?<=(?<!\w)ل))"
_END = r"(?!\w)"
_MARKS = frozenset(DIACRITICS + TATWEEL)
_ANCHORED = re.compile(r"\s(?:من|علي)$")
_EARLY = frozenset({"مطلع", "بدايه", "اوائل"})
_MIDDLE = frozenset({"منتصف", "اواسط"})

# Clause boundaries inside a sentence: strong punctuation, or a comma/conjunction opening a new
# clause (a reporting verb, فيما/بينما, a participle of speech, a consequence «ما أسفر»).
_CLAUSE_OPENERS = (r"(?:[وف])?(?:قال|اضاف|اكد|اشار|اوضح|لفت|اعلن|ذكر|تابع)|فيما|بينما|في حين|حيث|كما"
                   r"|مضيفا|مشيرا|لافتا|مؤكدا|موضحا|وذلك|الا ان|غير ان|لكن|ولكن|بعد ان|قبل ان|اذ"
                   r"|ما ادي|مما ادي|ما اسفر|مما اسفر")
# Words that open a clause or phrase about another event even without a comma: relative
# pronouns («التي كانت مقررة في 18 أفريل»), causes and antecedents («احتجاجا على قصف استهدف أمس»).
_OPENERS_ANYWHERE = (r"فيما|بينما|في حين|التي|الذي|الذين|اللذين|اللتين|اللواتي|احتجاجا علي|ردا علي"
                     r"|علي خلفيه|اثر|عقب|في اعقاب|جراء|بسبب")
_BOUNDARY = (rf"[؛;:!?؟]|،\s*(?=(?:{_CLAUSE_OPENERS}){_END})|(?<!\w)(?:{_OPENERS_ANYWHERE})(?!\w)"
             rf"|(?<=\s)ب?ان(?=\s)")


def _alternation(words) -> str:
    return longest_first(words)


# ---- rules ------------------------------------------------------------------------------

Resolved = tuple[_dt.date | None, str] | None  # None: not a time expression after all
Resolver = Callable[[re.Match[str], "_dt.date | None", bool], Resolved]


@dataclass(frozen=True, slots=True)
class _Rule:
    name: str
    pattern: re.Pattern[str]
    resolve: Resolver


@dataclass(frozen=True, slots=True)
class _Grammar:
    rules: tuple[_Rule, ...]
    boundary: re.Pattern[str]
    keys: dict[str, frozenset[str]]  # a word → the rules that can match around it
    digit_rules: frozenset[str]  # the rules a number can start
    word_groups: dict[str, frozenset[str]]  # a word → the named word groups of _NEEDS it is in
    by_word: dict[str, tuple[frozenset[str], frozenset[str]]]  # memo of _word_rules (bounded)
    maybe_digit: re.Pattern[str]  # a character that may be a digit (str.isdigit: ² too)
    digit_words: re.Pattern[str]  # the written words that hold such a character
    key_vocabulary: frozenset[str]  # the one-word keys (found in a sentence by cuewords' shared scan)


def _unresolved() -> Resolved:
    return None, "unknown"


def _add_months(day: _dt.date, months: int) -> _dt.date:
    index = day.year * 12 + day.month - 1 + months
    return _dt.date(index // 12, index % 12 + 1, 1)


def _safe_date(year: int, month: int, day: int) -> _dt.date | None:
    try:
        return _dt.date(year, month, day)
    except ValueError:
        return None


def _weekday_near(expected: _dt.date, weekday: int) -> _dt.date:
    """The date with this weekday closest to the expected one (a page dated a day late)."""
    delta = (weekday - expected.weekday()) % 7
    return expected + _dt.timedelta(days=delta if delta <= 3 else delta - 7)


def _last_weekday(published: _dt.date, weekday: int, strict: bool) -> _dt.date:
    back = (published.weekday() - weekday) % 7
    return published - _dt.timedelta(days=7 if strict and back == 0 else back)


def _next_weekday(published: _dt.date, weekday: int, strict: bool) -> _dt.date:
    ahead = (weekday - published.weekday()) % 7
    return published + _dt.timedelta(days=7 if strict and ahead == 0 else ahead)


def _qualifier(word: str | None) -> str:
    """past / next / current / '' for a qualifier word."""
    if not word:
        return ""
    if re.fullmatch(_PAST, word):
        return "past"
    if re.fullmatch(_NEXT, word):
        return "next"
    return "current"


def _year_for(month: int, day: int, published: _dt.date, future: bool) -> int:
    """The year that puts day/month on the expected side of the publication date."""
    guess = _safe_date(published.year, month, min(day, 28)) or published
    if future:
        return published.year + 1 if guess < published - _dt.timedelta(days=1) else published.year
    return published.year - 1 if guess > published + _dt.timedelta(days=1) else published.year


def _month_of(published: _dt.date, month: int, qual: str, future: bool) -> _dt.date:
    """The month named with a qualifier (الماضي/المقبل/الحالي) or bare, as a first day."""
    year = published.year
    if qual == "past":
        year -= month >= published.month
    elif qual == "next":
        year += month <= published.month
    elif qual == "":
        if future:
            year += month < published.month
        else:
            year -= month > published.month
    return _dt.date(year, month, 1)


def _part_of(part: str | None, first: _dt.date, precision: str) -> tuple[_dt.date, str]:
    """مطلع/منتصف/أواخر of a year: early → January, late → December (month precision)."""
    if not part or precision != "year":
        return first, precision
    if part in _EARLY:
        return first, "month"
    if part in _MIDDLE:
        return first, "year"
    return first.replace(month=12), "month"


def _to_date(published) -> _dt.date | None:
    if isinstance(published, _dt.datetime):
        return published.date()
    return published


# resolvers: each reads its match's named groups

def _r_iso(m, published, future) -> Resolved:
    d = _safe_date(int(m["y"]), int(m["m"]), int(m["d"]))
    return (d, "day") if d else None


def _r_numeric(m, published, future) -> Resolved:
    a, b, year = int(m["a"]), int(m["b"]), int(m["y"])
    day, month = (a, b) if b <= 12 else (b, a)  # day/month/year, unless that cannot be
    d = _safe_date(year, month, day)
    return (d, "day") if d else None


def _r_day_month(m, published, future) -> Resolved:
    month = _month_tables()[0][m["mon"]]
    ordinal = m.groupdict().get("ord")
    day = ORDINAL_DAYS[ordinal] if ordinal else int(m["d"])
    if not 1 <= day <= 31:
        return None
    if m["y"]:
        d = _safe_date(int(m["y"]), month, day)
        return (d, "day") if d else None
    if published is None:
        return _unresolved()
    qual = _qualifier(m["qual"])
    future = qual == "next" or (future and qual != "past")
    d = _safe_date(_year_for(month, day, published, future), month, day)
    return (d, "day") if d else None


def _r_day_range(m, published, future) -> Resolved:
    """«بين 23 و31 مارس»: the first day, with the precision the range allows."""
    first = _r_day_month(m, published, future)
    if first is None or first[0] is None:
        return first
    length = int(m["d2"]) - int(m["d"])
    if length < 0:
        return None
    return first[0], _window_precision(length)


def _r_month_pair(m, published, future) -> Resolved:
    """«شهري ديسمبر ويناير الماضيين»: the first month, just before the second one."""
    if published is None:
        return _unresolved()
    second = _month_of(published, _month_tables()[0][m["mon2"]], _qualifier(m["qual"]), future)
    first = _month_tables()[0][m["mon"]]
    year = second.year - (first > second.month)
    return _dt.date(year, first, 1), "month"


def _r_hijri(m, published, future) -> Resolved:
    from hijridate import Gregorian, Hijri  # imported on first use only
    month = _month_tables()[1][m["hmon"]]
    day = int(m["d"]) if m["d"] else 1
    precision = "day" if m["d"] else "month"
    if not m["d"] and not m["y"] and not m["shahr"]:
        return None  # رمضان/رجب/صفر alone are names and words, not dates
    if m["y"]:
        year = int(m["y"])
    elif published is None:
        return _unresolved()
    else:
        year = Gregorian(published.year, published.month, published.day).to_hijri().year
    try:
        g = Hijri(year, month, day).to_gregorian()
    except (ValueError, OverflowError):
        return None
    d = _dt.date(g.year, g.month, g.day)
    if not m["y"] and published is not None and not future and d > published + _dt.timedelta(days=1):
        try:
            g = Hijri(year - 1, month, day).to_gregorian()
        except (ValueError, OverflowError):
            return None
        d = _dt.date(g.year, g.month, g.day)
    return d, precision


def _mid(m, first: _dt.date) -> _dt.date:
    """«منتصف يوليو» is dated on the 15th (still a month precision)."""
    return first.replace(day=15) if m["part"] in _MIDDLE else first


def _r_month_year(m, published, future) -> Resolved:
    return _mid(m, _dt.date(int(m["y"]), _month_tables()[0][m["mon"]], 1)), "month"


def _r_month(m, published, future) -> Resolved:
    name = m["mon"]
    if name in AMBIGUOUS_MONTHS and not (m["qual"] or m["shahr"] or m["part"] or m["mon2"]):
        return None
    if published is None:
        return _unresolved()
    return _mid(m, _month_of(published, _month_tables()[0][name], _qualifier(m["qual"]), future)), "month"


def _r_year(m, published, future) -> Resolved:
    first = _dt.date(int(m["y"]), 1, 1)
    return _part_of(m["part"], first, "year")


def _r_period(m, published, future) -> Resolved:
    """الأسبوع/الشهر/العام with a qualifier, هذا, or a part-of word."""
    if not (m["qual"] or m["this"] or m["part"]):
        return None  # «العام» alone is "general" (الأمين العام)
    if published is None:
        return _unresolved()
    qual = _qualifier(m["qual"])
    step = {"past": -1, "next": 1}.get(qual, 0)
    unit = m["unit"]
    if unit == "الاسبوع":
        return published + _dt.timedelta(days=7 * step), "week"
    if unit == "الشهر":
        return _add_months(published.replace(day=1), step), "month"
    return _part_of(m["part"], _dt.date(published.year + step, 1, 1), "year")


_DAY_WORDS = {"اليوم": 0, "امس": -1, "البارحه": -1, "غدا": 1, "غد": 1, "الغد": 1,
              "اول امس": -2, "امس الاول": -2, "اول من امس": -2}


def _r_day(m, published, future) -> Resolved:
    word = m["rel"]
    if word in ("غد", "الغد") and not (m["part"] or m["yawm"]):
        return None  # «الغد» alone names newspapers; «غد» needs يوم/صباح before it
    if published is None:
        return _unresolved()
    expected = published + _dt.timedelta(days=_DAY_WORDS[word])
    if m["wd"]:
        return _weekday_near(expected, WEEKDAYS[m["wd"]]), "day"
    return expected, "day"


def _r_night(m, published, future) -> Resolved:
    if published is None:
        return _unresolved()
    back = 0 if m["tonight"] else 1
    return published - _dt.timedelta(days=back), "day"


def _r_weekday(m, published, future) -> Resolved:
    if published is None:
        return _unresolved()
    weekday = WEEKDAYS[m["wd"]]
    qual = _qualifier(m["qual"])
    if qual == "past":
        return _last_weekday(published, weekday, strict=True), "day"
    if qual == "next":
        return _next_weekday(published, weekday, strict=True), "day"
    if future:
        return _next_weekday(published, weekday, strict=False), "day"
    return _last_weekday(published, weekday, strict=False), "day"


def _window_precision(days: int) -> str:
    return "day" if days <= 1 else "week" if days <= 14 else "month" if days <= 62 else "year"


def _r_duration(m, published, future) -> Resolved:
    """قبل/منذ/بعد N units (a point), في غضون/خلال N units and الأيام المقبلة (a window)."""
    head = m["head"] or ""
    unit = m["unit"]
    days, precision = UNITS[unit]
    qual = _qualifier(m["qual"])
    if not (head or qual or m["approx"]):
        return None  # a bare «عام» or «أيام» is not a time
    if unit.startswith("ال") and not qual:
        return None  # «الأيام» alone is not a time
    if m["anchor"] and head in ("بعد", "قبل"):
        return _unresolved()  # «بعد يومين من التفجير»: anchored to another event
    if m["tenure"] is not None and head == "بعد" and days >= 365:
        return _unresolved()  # «بعد 19 عاما في السلطة»: how long a tenure lasted, not a date
    if m["num"]:
        count = parse_number(m["num"].removeprefix("ال"))
        if count is None:
            return None
    else:
        count = 0 if unit in _PLURAL_UNITS else 1  # a dual's length is in UNITS already
    if published is None or not (head or qual):
        return _unresolved()  # «نحو أسبوعين»: a duration, not a point
    vague = count == 0
    if vague and days > 1:
        return _unresolved()  # «منذ أشهر»، «في غضون أسابيع»: the text gives no date
    if head in ("قبل", "منذ", "بعد") and not qual:  # a point: «قبل يومين»، «بعد ثلاثة أيام»
        length = days * (count or 3)
        sign = 1 if head == "بعد" else -1
        return (published + _dt.timedelta(days=sign * length),
                precision if not vague else _window_precision(length))
    # a window that starts or ends at publication: dated at its middle
    length = days * (count or 7)
    if head == "في غضون" or qual == "next" or (qual == "" and future):
        sign = 1
    elif qual == "current":
        sign = 0
    else:
        sign = -1
    return published + _dt.timedelta(days=sign * (length // 2)), _window_precision(length)


@lru_cache(maxsize=1)
def _grammar() -> _Grammar:
    """All time rules, compiled once."""
    wd = _alternation(WEEKDAYS)
    gregorian, hijri = _month_tables()
    months = _alternation(gregorian)
    hmonths = _alternation(hijri)
    mon = rf"(?P<mon>{months})(?:\s?[/(-]\s?(?P<mon2>{months})\s?\)?)?"
    num = number_words().number
    year = r"(?P<y>(?:19|20)\d\d)(?!\d)(?:\s?م(?!\w))?"
    units = _alternation(UNITS)
    qual = rf"(?P<qual>{_PAST}|{_NEXT}|{_CURRENT})"
    S, E, P = _START, _END, _PREFIX
    day = r"(?P<d>\d{1,2})(?!\d)"
    ordinal = _alternation(ORDINAL_DAYS)
    year_or_qual = rf"(?:،? (?:من )?(?:عام |العام |سنه )?{year}| {qual})?{E}"
    specs: list[tuple[str, str, Resolver]] = [
        ("iso", r"(?<![\d/.-])(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})(?![\d/.-])", _r_iso),
        ("numeric", r"(?<![\d/.-])(?P<a>\d{1,2})[/.-](?P<b>\d{1,2})[/.-](?P<y>\d{4})(?![\d/.-])", _r_numeric),
        ("day_month", rf"{S}{P}(?:(?:{_PART_OF_DAY} |يوم )?{wd}،? )?(?:{day}|(?P<ord>{ordinal})(?= من)) (?:من )?"
                      rf"(?:شهر )?{mon}{year_or_qual}",
         _r_day_month),
        ("day_range", rf"{S}(?:(?:في الفتره )?(?:بين|من) ){day} (?:و ?|الي |حتي )(?P<d2>\d{{1,2}})(?!\d) "
                      rf"(?:من )?(?:شهر )?{mon}{year_or_qual}", _r_day_range),
        ("month_pair", rf"{S}{P}(?:خلال |في )?شهري (?P<mon>{months}) و ?(?P<mon2>{months})(?: {qual})?{E}",
         _r_month_pair),
        ("hijri", rf"{S}{P}(?:{day} (?:من )?)?(?P<shahr>شهر )?(?P<hmon>{hmonths})"
                  rf"(?:،? (?:من )?(?:عام |سنه )?(?P<y>1[34]\d\d)(?!\d)\s?(?:ه|هجري|هجريه|للهجره)?)?{E}", _r_hijri),
        ("month_year", rf"{S}{P}(?:(?P<part>{_PART_OF_PERIOD}) )?(?:شهر )?{mon}،? "
                       rf"(?:من )?(?:عام |العام |سنه )?{year}{E}", _r_month_year),
        ("month", rf"{S}{P}(?:(?P<part>{_PART_OF_PERIOD}) )?(?P<shahr>شهر )?{mon}(?: {qual})?{E}", _r_month),
        ("year", rf"{S}{P}(?:(?P<part>{_PART_OF_PERIOD}) )?(?:(?:عام|العام|سنه|السنه)\s?|(?<=في )|(?<=منذ )){year}{E}",
         _r_year),
        ("period", rf"{S}{P}(?:(?P<part>{_PART_OF_PERIOD}) )?(?P<this>هذا |هذه )?(?P<unit>الاسبوع|الشهر|العام|السنه)"
                   rf"(?: {qual})?{E}", _r_period),
        ("day", rf"{S}{P}(?:(?P<part>{_PART_OF_DAY}) )?(?P<yawm>يوم )?(?P<rel>اول من امس|اول امس|امس الاول|اليوم|امس"
                rf"|البارحه|غدا|الغد|غد)(?: (?P<wd>{wd}))?{E}"
                rf"(?! (?:التالي|الاول|الثاني|الثالث|الرابع|الخامس|الاخير|الوطني|العالمي|الدولي|نفسه|ذاته))", _r_day),
        ("night", rf"{S}{P}(?:خلال |في )?(?:(?:ساعات )?الليله (?:الماضيه|المنصرمه)|ساعات الليل(?: الماضي)?"
                  rf"|(?P<tonight>الليله)){E}", _r_night),
        ("weekday", rf"{S}{P}(?:(?:{_PART_OF_DAY}|يوم) )?(?P<wd>{wd})(?: {qual})?{E}", _r_weekday),
        ("duration", rf"{S}(?:(?P<head>قبل|منذ|بعد|خلال|في غضون|علي مدي|علي مدار|طيله|طوال) )?"
                     rf"(?:(?P<approx>نحو|قرابه|حوالي|زهاء|اكثر من|اقل من|ما يزيد عن|ما يزيد علي) )?"
                     rf"(?:(?P<num>(?:ال)?(?:{num})) )?(?P<unit>{units})(?: (?:القليله )?{qual})?{E}"
                     rf"(?P<anchor> (?:من|علي)(?!\w))?(?P<tenure>(?= في(?!\w)))?", _r_duration),
    ]
    rules = tuple(_Rule(name, re.compile(src), fn) for name, src, fn in specs)
    # Which rules a word can start: only those run on a sentence (most sentences need one or two).
    month_rules = {"day_month", "day_range", "month_pair", "month_year", "month", "hijri"}
    keyed: dict[str, set[str]] = {}
    for words, names in (
            ([w.split()[0] for w in gregorian], month_rules),
            ([w.split()[0] for w in hijri], {"hijri"}),
            (WEEKDAYS, {"weekday", "day", "day_month"}),
            (list(_DAY_WORDS) + ["امس"], {"day"}),
            (["الليله", "الليل"], {"night", "day"}),
            (["الاسبوع", "الشهر", "العام", "السنه"], {"period"}),
            (["عام", "العام", "سنه", "السنه"], {"year"}),
            (UNITS, {"duration"})):
        for word in words:
            keyed.setdefault(word, set()).update(names)
    keys = {word: frozenset(names) for word, names in keyed.items()}
    groups = {
        "month": frozenset(w.split()[0] for w in gregorian), "hijri": frozenset(w.split()[0] for w in hijri),
        "weekday": frozenset(WEEKDAYS), "day": frozenset({"اليوم", "امس", "البارحه", "غدا", "الغد", "غد"}),
        "night": frozenset({"الليله", "الليل"}), "period": frozenset({"الاسبوع", "الشهر", "العام", "السنه"}),
        "unit": frozenset(UNITS), "ordinal": frozenset(w.split()[0] for w in ORDINAL_DAYS),
        "shahri": frozenset({"شهري"})}
    group_of: dict[str, set[str]] = {}
    for group, words in groups.items():
        for word in words:
            group_of.setdefault(word, set()).add(group)
    one_word = [w for w in set(keys).union(*groups.values()) if re.fullmatch(r"\w+", w)]
    # \d, the other digits of the BMP (², ①), and any astral character (checked the slow way)
    other_digits = "".join(c for c in map(chr, range(0x10000)) if c.isdigit() and not c.isdecimal())
    digit = rf"[\d{re.escape(other_digits)}\U00010000-\U0010ffff]"
    maybe_digit = re.compile(digit)
    # a whole word (at a word start, up to its end) with a digit among its word characters
    digit_words = re.compile(rf"(?<!\w)\w*?(?=\w){digit}\w*")
    return _Grammar(rules, re.compile(_BOUNDARY), keys, frozenset({"iso", "numeric", "year"}),
                    {word: frozenset(g) for word, g in group_of.items()}, {}, maybe_digit,
                    digit_words, frozenset(one_word))


_WORD = re.compile(r"\w+")
_MAX_MEMO_WORDS = 200_000
_NO_RULES: frozenset[str] = frozenset()


_DIGIT = re.compile(r"\d")
_YEAR = re.compile(r"(?:19|20)\d\d")
# The digits-and-separators core that the iso, numeric and day_range patterns cannot match
# without: one search (fast, it starts at a digit) instead of a scan of the sentence by a pattern
# that opens with a look-behind, for the many sentences that hold a number but no such date.
_ISO_SHAPE = re.compile(r"\d{4}-\d{1,2}-\d{1,2}")
_NUMERIC_SHAPE = re.compile(r"\d{1,2}[/.-]\d{1,2}[/.-]\d{4}")
_RANGE_SHAPE = re.compile(r"\d (?:و ?|الي |حتي )\d")
# What each rule cannot match without: every requirement, one of its alternatives (a group of
# _Grammar.word_groups, written as a whole word after a space or the clitics _START lets through,
# or a regex found in the text). A weekday or «العام» alone asks for several rules (_Grammar.keys),
# but day_month needs a month and a day, year a four-digit year.
_NEEDS: dict[str, tuple[tuple[str | re.Pattern[str], ...], ...]] = {
    "iso": ((_ISO_SHAPE,),), "numeric": ((_NUMERIC_SHAPE,),), "year": ((_YEAR,),),
    "day_month": (("month",), (_DIGIT, "ordinal")), "day_range": (("month",), (_RANGE_SHAPE,)),
    "month_pair": (("month",), ("shahri",)), "month_year": (("month",), (_YEAR,)), "month": (("month",),),
    "hijri": (("hijri",),), "weekday": (("weekday",),), "day": (("day",),), "night": (("night",),),
    "period": (("period",),), "duration": (("unit",),),
}


def _rules_for(norm: str, grammar: _Grammar) -> set[str]:
    """The names of the rules worth running on a normalized text (by its words)."""
    wanted: set[str] = set()
    present: set[str] = set()  # the word groups of _NEEDS that the text holds
    memo = grammar.by_word
    # Only the words that hold a key or a digit (each found by one regex) can ask for a rule or
    # belong to a word group (_word_rules): the other words of a sentence are not looked up.
    # The key words come from the scan shared with the casualty reader (vocabulary_words: its
    # words also hold casualty cues, which ask for no rule and are in no group).
    words = vocabulary_words(norm)
    if grammar.maybe_digit.search(norm):
        words += tuple(grammar.digit_words.findall(norm))
    for word in words:
        entry = memo.get(word)
        if entry is None:
            if len(memo) >= _MAX_MEMO_WORDS:
                memo.clear()
            entry = memo[word] = _word_rules(word, grammar)
        names, satisfied = entry
        if names:
            wanted |= names
        if satisfied:
            present |= satisfied
    for name in tuple(wanted):
        for alternatives in _NEEDS.get(name, ()):
            for a in alternatives:
                if (a in present) if isinstance(a, str) else a.search(norm) is not None:
                    break
            else:  # none of them is here: this rule cannot match, skip its scan
                wanted.discard(name)
                break
    return wanted


def _word_rules(word: str, grammar: _Grammar) -> tuple[frozenset[str], frozenset[str]]:
    """The rules one word asks for (a number's, or those of its key word), and the word groups
    (of _NEEDS) it belongs to."""
    # a needed word follows a space or the clitics that _START lets through (و ف ب ل وب فب)
    groups = grammar.word_groups
    satisfied = groups.get(word, _NO_RULES)
    if word[0] in "وفبل":
        satisfied = satisfied | groups.get(word[1:], _NO_RULES)
        if word[:2] in ("وب", "فب"):
            satisfied = satisfied | groups.get(word[2:], _NO_RULES)
    if word[0].isdigit() or word[-1].isdigit():
        return grammar.digit_rules, satisfied
    for candidate in (word, word[1:], word[2:]):  # و، ف، ب، ل، وب before the word
        names = grammar.keys.get(candidate)
        if names:
            return names, satisfied
    return _NO_RULES, satisfied


# ---- finding and choosing -----------------------------------------------------------------


def find_times(text: str, start: int = 0, end: int | None = None,
               published: _dt.date | None = None, future: bool = False) -> list[TimeRef]:
    """Every time expression in text[start:end], resolved against ``published``, in text order."""
    end = len(text) if end is None else end
    return [TimeRef(date, precision, text[start + s:start + e], (start + s, start + e))
            for date, precision, s, e in _segment_times(text[start:end], _to_date(published), future)]


# A sentence is asked about once per trigger in it: the answers of this pure function are
# memoized (bounded), which keeps several triggers of one sentence at the cost of one.
@lru_cache(maxsize=2048)
def _segment_times(segment: str, published: _dt.date | None,
                   future: bool) -> tuple[tuple[_dt.date | None, str, int, int], ...]:
    """(date, precision, start, end) of each time expression of a text, spans into it."""
    norm, offsets = normalized_segment(segment)
    grammar = _grammar()
    wanted = _rules_for(norm, grammar)
    if not wanted:
        return ()
    found: list[tuple[int, int, _Rule, re.Match[str]]] = []
    for rule in grammar.rules:
        if rule.name not in wanted:
            continue
        for m in rule.pattern.finditer(norm):
            if m.end() > m.start():
                found.append((m.start(), m.end(), rule, m))
    # the longest expression wins where two overlap (day_month over weekday, and so on)
    found.sort(key=lambda f: (-(f[1] - f[0]), f[0]))
    taken: list[tuple[int, int]] = []
    out: list[tuple[_dt.date | None, str, int, int]] = []
    for s, e, rule, m in found:
        if any(s < te and ts < e for ts, te in taken):
            continue
        try:
            resolved = rule.resolve(m, published, future)
        except (OverflowError, ValueError):
            resolved = _unresolved()  # «قبل 3000 عام»: beyond the calendar
        if resolved is None:
            continue
        taken.append((s, e))
        o_start, o_end = offsets[s], offsets[e - 1] + 1
        while o_end < len(segment) and segment[o_end] in _MARKS:
            o_end += 1  # keep the tatweel of «هـ» and a final vowel sign inside the span
        date, precision = resolved
        out.append((date, precision if date is not None else "unknown", o_start, o_end))
    return tuple(sorted(out, key=lambda t: t[2]))


def _clause_starts(text: str, sentence: Sentence) -> list[int]:
    """Start offsets (into text) of the clauses of a sentence after the first."""
    return [sentence.start + b for b in _segment_boundaries(text[sentence.start:sentence.end])]


@lru_cache(maxsize=2048)
def _segment_boundaries(segment: str) -> tuple[int, ...]:
    norm, offsets = normalized_segment(segment)
    return tuple(offsets[m.start()] for m in _grammar().boundary.finditer(norm))


def find_time(text: str, sentence: Sentence, trigger_span: tuple[int, int],
              published: _dt.date | None, future: bool = False) -> TimeRef:
    """The time expression that governs the trigger: the nearest in its clause, one after the
    trigger first, then one before; else the nearest in the sentence. No expression: an empty,
    unknown TimeRef."""
    times = find_times(text, sentence.start, sentence.end, published, future)
    if not times:
        return TimeRef(None, "unknown", "", None)
    if len(times) == 1:
        return times[0]
    t_start, t_end = trigger_span
    # a boundary right after the trigger opens its own relative clause («الهجوم الذي شنه ...
    # فجر أمس»): that clause still describes the trigger
    starts = [b for b in _clause_starts(text, sentence) if not t_start < b <= t_end + 2]
    clause = bisect.bisect_right(starts, t_start)
    any_dated = any(t.date is not None for t in times)

    def rank(t: TimeRef) -> tuple[int, int, int]:
        s, e = t.span
        if 0 <= t_start - e <= 2 and _ANCHORED.search(normalize(t.text)):
            return (-1, 0, 0)  # «بعد أسبوعين من الاشتباكات»: the trigger is the anchor
        same = bisect.bisect_right(starts, s) == clause
        # an expression that gives no date («بعد أسبوعين من», «منذ أشهر») yields to one that does
        undated = int(any_dated and t.date is None)
        if s >= t_end or (s >= t_start and e > t_end):
            return (undated, 0 if same else 2, s - t_end)
        return (undated, 1 if same else 2, t_start - e)

    return min(times, key=rank)


def lead_time(text: str, sentences: list[Sentence], published: _dt.date | None,
              lead: int = 2) -> TimeRef:
    """The dated expression of the lede (first of the first ``lead`` sentences that has one): a
    fallback for an event whose own sentence names no time, as news states the date once up top."""
    for sentence in sentences[:lead]:
        for t in find_times(text, sentence.start, sentence.end, published):
            if t.date is not None and t.precision == "day":
                return t
    return TimeRef(None, "unknown", "", None)


def is_time_word(norm: str) -> bool:
    """Whether a normalized word names a weekday, month or relative day (for other stages)."""
    return norm in WEEKDAYS or norm in _month_tables()[0] or norm in _DAY_WORDS


__all__ = ["find_time", "find_times", "lead_time", "is_time_word", "WEEKDAYS"]
