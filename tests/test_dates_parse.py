"""Publication dates as pages print them."""
from __future__ import annotations

import datetime as dt

import pytest

from rasd.dates import month_names, parse_date


@pytest.mark.parametrize("text, expected", [
    ("2017-07-30", dt.date(2017, 7, 30)),
    ("2017-07-30T23:07:00+03:00", dt.date(2017, 7, 30)),     # the date the outlet printed
    ("20180210", dt.date(2018, 2, 10)),
    ("Sun, 18 Feb 2018 20:50:44 GMT", dt.date(2018, 2, 18)),
    ("Sat, 17 Feb 2018 16:41:33 +0000", dt.date(2018, 2, 17)),
    ("الأحد 30 يوليو 2017 11:07 ص", dt.date(2017, 7, 30)),
    ("الخميس، 22 فبراير 2018 - 10:17 مساءً", dt.date(2018, 2, 22)),
    ("٣٠ تموز ٢٠١٧", dt.date(2017, 7, 30)),                     # Levantine, Arabic-Indic digits
    ("الثلاثاء 1 كانون الثاني 2019", dt.date(2019, 1, 1)),
    ("15 تشرين الأول 2019", dt.date(2019, 10, 15)),
    ("11 أيلول 2001", dt.date(2001, 9, 11)),
    ("30 يوليو/تموز 2017م", dt.date(2017, 7, 30)),              # doubled month, trailing م
    ("12 جويلية 2016", dt.date(2016, 7, 12)),                  # Maghrebi
    ("3 جانفي 2020", dt.date(2020, 1, 3)),
    ("5 غشت 2019", dt.date(2019, 8, 5)),                       # Moroccan
    ("7 ذو القعدة 1438 هـ", dt.date(2017, 7, 30)),             # Hijri month names
    ("1438/11/07 هـ", dt.date(2017, 7, 30)),                   # numeric Hijri
    ("30/07/2017", dt.date(2017, 7, 30)),
    ("July 30, 2017", dt.date(2017, 7, 30)),
])
def test_parse(text, expected):
    assert parse_date(text) == expected


@pytest.mark.parametrize("text", ["", "أمس", "الأحد", "© 2017", "2018-02-30", "no date here", "32 يوليو 2017",
                                  "منذ 3 ساعات", "قبل 2 يوم", "2019"])
def test_no_date(text):
    assert parse_date(text) is None


def test_months_table_covers_every_usage_for_every_month():
    rows = month_names()
    for usage in ("egyptian", "levantine", "maghrebi"):
        assert {r.month for r in rows if r.usage == usage} == set(range(1, 13)), usage
    assert {r.month for r in rows if r.calendar == "hijri"} == set(range(1, 13))
