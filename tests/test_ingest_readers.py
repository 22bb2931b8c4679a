"""Each reader: HTML, JSON lines, RSS/Atom, WARC, folders, standard input, encodings."""
from __future__ import annotations

import datetime as dt
import io
import json
import sys

import pytest

from rasd.errors import ReadError
from rasd.ingest import kind_of, read_path, read_paths, read_stream, sniff
from rasd.model import Document


def _docs(items):
    return [d for d in items if isinstance(d, Document)]


def _errors(items):
    return [e for e in items if isinstance(e, ReadError)]


def test_html_article(fixtures_dir):
    [doc] = list(read_path(fixtures_dir / "article.html"))
    assert doc.title == "الجيش يحبط محاولة تسلل قرب الحدود"
    assert doc.published == dt.date(2019, 3, 14)
    assert doc.url == "https://news.example.org/2019/03/14/border"
    assert doc.domain == "news.example.org"
    assert doc.outlet == "موقع تجريبي"
    assert doc.headings == ["تعزيزات على الحدود"]
    assert doc.text.startswith("أعلن الجيش في بيان رسمي")
    assert doc.text.endswith("وإصابة ثلاثة آخرين.")
    assert "الرئيسية" not in doc.text and "©" not in doc.text
    assert doc.id == Document.make_id(doc.url, doc.text)


def test_html_copyright_year_is_not_a_publication_date(fixtures_dir):
    [doc] = list(read_path(fixtures_dir / "article_footer_year.html"))
    assert doc.published is None  # trafilatura offers 2019-01-01 from "© 2019"


def test_jsonl_records_with_aliases(fixtures_dir):
    items = list(read_path(fixtures_dir / "records.jsonl"))
    docs = {d.id: d for d in _docs(items)}
    assert set(docs) == {"rec-1", "rec-2", "rec-3"}
    one, two, three = docs["rec-1"], docs["rec-2"], docs["rec-3"]
    assert one.text.startswith("أعلن الجيش") and not one.text.startswith("\n")
    assert one.outlet == "الجزيرة نت" and one.domain == "aljazeera.net"
    assert one.published == dt.date(2020, 5, 4)
    assert two.title == "اتفاق لوقف إطلاق النار"               # headline
    assert two.url.endswith("/article/2")                       # link
    assert two.published == dt.date(2020, 5, 4)                 # RFC 2822 "time"
    assert two.outlet == "سكاي نيوز عربية"                      # src, resolved by the domain
    assert three.text == "قالت الشرطة إنها اعتقلت \"ثلاثة\" أشخاص.\n\nوأضافت أن التحقيقات مستمرة لمعرفة ملابسات الحادث."
    assert three.published == dt.date(2020, 5, 4)               # ٤ أيار ٢٠٢٠
    assert three.outlet == "بي بي سي عربي"                       # {"name": "BBC"}
    reasons = {(e.path.rsplit(":", 1)[1], e.reason) for e in _errors(items)}
    assert reasons == {("3", "bad_json"), ("5", "no_text")}


def test_rss_and_atom(fixtures_dir):
    rss = list(read_path(fixtures_dir / "feed.xml"))
    [doc] = _docs(rss)
    assert doc.title == "الجيش يحبط محاولة تسلل"
    assert doc.url == "https://news.example.org/a/1"
    assert doc.published == dt.date(2019, 3, 14)
    assert doc.text.startswith("أعلن الجيش") and "<p>" not in doc.text
    [err] = _errors(rss)
    assert err.reason == "no_text" and err.path.endswith("feed.xml:2")
    [entry] = _docs(read_path(fixtures_dir / "feed.atom"))
    assert entry.published == dt.date(2019, 3, 15)
    assert entry.text.startswith("وأضاف البيان")


def test_warc(fixtures_dir):
    items = list(read_path(fixtures_dir / "pages.warc.gz"))
    [doc] = _docs(items)
    assert doc.url == "https://news.example.org/2019/03/14/border"
    assert doc.headings == ["تعزيزات على الحدود"]
    [err] = _errors(items)  # the login page; the PNG is not HTML and is skipped
    assert err.reason == "no_article"


@pytest.mark.parametrize("name", ["arabic_cp1256.txt", "arabic_utf16.txt", "arabic_utf8_bom.txt"])
def test_encodings_read_the_same_text(fixtures_dir, name):
    [doc] = list(read_path(fixtures_dir / name))
    assert doc.title == "انفجار سيارة مفخخة في وسط المدينة"
    assert doc.text.startswith("أعلن الجيش في بيان رسمي")
    assert "\ufeff" not in doc.text


def test_folder_is_read_recursively_and_in_order(fixtures_dir, tmp_path):
    nested = tmp_path / "a" / "b"
    nested.mkdir(parents=True)
    (nested / "page.txt").write_bytes((fixtures_dir / "page_dump.txt").read_bytes())
    (tmp_path / "article.html").write_bytes((fixtures_dir / "article.html").read_bytes())
    (tmp_path / "README.md").write_text("# not an article", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("مخفي", encoding="utf-8")
    first = [d.source for d in read_paths([tmp_path])]
    assert first == [str(tmp_path / "article.html"), str(nested / "page.txt")]
    assert first == [d.source for d in read_paths([tmp_path])]


def test_stdin(monkeypatch, fixtures_dir):
    data = (fixtures_dir / "records.jsonl").read_bytes()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BufferedReader(io.BytesIO(data))))
    items = list(read_paths(["-"]))
    assert {d.id for d in _docs(items)} == {"rec-1", "rec-2", "rec-3"}
    assert all(e.path.startswith("-:") for e in _errors(items))


@pytest.mark.parametrize("head, kind", [
    (b"<?xml version='1.0'?><rss version='2.0'>", "feed"),
    (b'<feed xmlns="http://www.w3.org/2005/Atom">', "feed"),
    (b"<!DOCTYPE html><html>", "html"),
    (b'{"id": "1", "text": "\xd9\x86\xd8\xb5"}\n', "jsonl"),
    (b"WARC/1.0\r\n", "warc"),
    ("كشفت مصادر".encode(), "page"),
])
def test_sniff(head, kind):
    assert sniff(head) == kind


def test_kind_by_extension():
    assert kind_of("a.warc.gz") == "warc" and kind_of("b.JSONL") == "jsonl" and kind_of("c.md") is None


def test_stream_without_name_is_sniffed(fixtures_dir):
    raw = (fixtures_dir / "article.html").read_bytes()
    [doc] = list(read_stream(io.BufferedReader(io.BytesIO(raw)), "piped"))
    assert doc.title == "الجيش يحبط محاولة تسلل قرب الحدود"


@pytest.mark.slow
def test_ant_corpus(ant_dir):
    items = list(read_paths([ant_dir]))
    docs = _docs(items)
    assert len(docs) == 4815 and not _errors(items)
    assert len({d.id for d in docs}) == 4815
    assert all(d.published is not None for d in docs)
    by_outlet = {d.outlet for d in docs}
    assert by_outlet == {"بي بي سي عربي", "سي إن إن بالعربية", "فرانس 24", "سكاي نيوز عربية"}
    first = json.loads((ant_dir / "ant_v2.1_middleEast_BBC.jsonl").open(encoding="utf-8").readline())
    doc = next(d for d in docs if d.id == first["docno"])
    assert doc.text == first["text"].strip()
    assert doc.title == first["title"]
