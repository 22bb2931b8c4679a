"""Publication dates as page heads print them: double dates, update lines, digits of any script."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml

from rasd.dates import parse_date
from rasd.ingest.page import read_page

GOLD = Path(__file__).resolve().parents[1] / "eval" / "gold"


@pytest.mark.parametrize("text, expected", [
    # Hijri and Gregorian on one line: the Gregorian date is the one to keep
    ("الأحد - 24 جمادى الأولى 1441 هـ - 19 يناير 2020 مـ", dt.date(2020, 1, 19)),
    ("الثلاثاء - 11 شهر رمضان 1438 هـ - 06 يونيو 2017 مـ", dt.date(2017, 6, 6)),
    ("الاثنين 18 ذو القعدة 1442 الموافق 28 حزيران 2021", dt.date(2021, 6, 28)),
    ("1441/05/24 هـ الموافق 19/01/2020", dt.date(2020, 1, 19)),
    ("٢٤ جمادى الأولى ١٤٤١ هـ", dt.date(2020, 1, 19)),            # Hijri only: converted
    # update and publication lines with a time and a time zone behind
    ("آخر تحديث: 28/8/2022 - 13:45 (توقيت مكة)", dt.date(2022, 8, 28)),
    ("نشر في: ٢٨/٠٨/٢٠٢٢ - ١٠:٠٥", dt.date(2022, 8, 28)),
    ("تاريخ النشر: السبت ٢٧ آب/أغسطس ٢٠٢٢", dt.date(2022, 8, 27)),
    ("نشر في 12 ماي 2019 على الساعة 10:30", dt.date(2019, 5, 12)),   # Maghrebi
    ("الخميس 5 فيفري 2015", dt.date(2015, 2, 5)),
    ("5 شباط 2015 م", dt.date(2015, 2, 5)),                          # Levantine
    ("الجمعة 3 كانون الأول 2021 - 09:12", dt.date(2021, 12, 3)),
])
def test_page_head_lines(text, expected):
    assert parse_date(text) == expected


@pytest.mark.parametrize("text", [
    "24 يناير 1441 هـ",          # a Gregorian month with a Hijri year is no date
    "قتل 28 شخصا في 2022",
    "الساعة 13:45",
])
def test_not_dates(text):
    assert parse_date(text) is None


PAGE = """مقتل خمسة في انفجار بمدينة الحديدة
آخر تحديث: 3/4/2021 - 11:20 (توقيت غرينتش)
الحديدة - مراسلنا

قتل خمسة مدنيين وأصيب عشرة آخرون في انفجار عبوة ناسفة قرب سوق شعبي في مدينة الحديدة غربي اليمن صباح اليوم.

وقال مصدر طبي إن بين القتلى طفلين، فيما لم تعلن أي جهة مسؤوليتها عن الانفجار حتى الآن.
"""


def test_update_line_is_the_date_not_the_body():
    doc = read_page(PAGE, "page.txt")
    assert doc.published == dt.date(2021, 4, 3)
    assert "آخر تحديث" not in doc.text
    assert doc.text.startswith("قتل خمسة مدنيين")


@pytest.mark.parametrize("gold", sorted(GOLD.glob("*.gold.yaml")), ids=lambda p: p.name[:3])
def test_gold_pages_get_their_printed_date(gold):
    """Every gold page gets the date its analyst wrote down (None where the page prints none)."""
    expected = (yaml.safe_load(gold.read_text(encoding="utf-8")).get("document") or {}).get("published")
    page = gold.with_name(gold.name.replace(".gold.yaml", ".txt"))
    doc = read_page(page.read_text(encoding="utf-8"), str(page))
    assert doc.published == expected
