"""Page dumps: title, body, headings and site found, furniture left out."""
from __future__ import annotations

import datetime as dt

from rasd.ingest import read_paths
from rasd.ingest.page import read_page
from rasd.model import Document

FURNITURE = ["الأكثر قراءة", "No stories found.", "logo", "إرم نيوز", "www.eremnews.com"]


def test_seed_page(seed_path):
    doc = read_page(seed_path.read_text(encoding="utf-8"), str(seed_path))
    assert doc.text.startswith("كشفت مصادر دبلوماسية رفيعة المستوى")
    assert doc.text.endswith("بالعراق.")
    for line in FURNITURE:
        assert line not in doc.text
    assert doc.title == "ترتيبات عربية ـ أوروبية لمواجهة المليشيات في ليبيا"
    assert doc.title not in doc.text
    assert doc.headings == ["اجتماعٌ سري", "جيش إسلامي"]
    for heading in doc.headings:
        assert heading not in doc.text
    assert doc.outlet == "إرم نيوز"
    assert doc.domain == "eremnews.com"
    assert doc.published is None
    assert doc.id == Document.make_id(None, doc.text)


def test_seed_page_through_read_paths_is_stable(seed_path):
    first = [d for d in read_paths([seed_path])]
    second = [d for d in read_paths([str(seed_path)])]
    assert len(first) == 1 and first[0].id == second[0].id
    assert first[0].source == str(seed_path)


def test_page_with_date_cut_foot_and_other_outlet(fixtures_dir):
    doc = read_page((fixtures_dir / "page_dump.txt").read_text(encoding="utf-8"), "page")
    assert doc.title == "اشتباكات عنيفة في ضواحي المدينة"
    assert doc.published == dt.date(2017, 7, 30)
    assert doc.headings == ["حصيلة أولية"]
    assert doc.text.startswith("قالت مصادر محلية")
    assert doc.text.endswith("ونقلوا إلى المستشفى.")
    assert "عنوان خبر آخر" not in doc.text   # the "read also" box after the cut
    assert "شارك" not in doc.text
    assert doc.outlet == "الجزيرة نت" and doc.domain == "aljazeera.net"


def test_plain_text_without_title_repeat():
    raw = ("وقال المتحدث باسم الحكومة إن المفاوضات ستستأنف الأسبوع المقبل في جنيف.\n"
           "وأضاف أن الوفد سيضم ممثلين عن جميع الأطراف.\n")
    doc = read_page(raw, "x.txt")
    assert doc.title == ""
    assert doc.text.startswith("وقال المتحدث") and doc.text.endswith("جميع الأطراف.")
    assert doc.outlet is None and doc.domain is None
