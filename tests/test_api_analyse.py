"""POST /api/analyse: text or HTML in, analysis out, nothing stored; clear 413/415/422 answers."""
from __future__ import annotations

import json

import duckdb
import pytest
from fastapi.testclient import TestClient

from rasd.api import create_app
from rasd.api.analyse import MAX_BODY_BYTES, MAX_TEXT_CHARS
from rasd.errors import ModelError
from test_api_sample import TEXTS, sample_db  # noqa: F401

PAGE = """<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8">
<title>اشتباكات في طرابلس | موقع الأخبار</title></head><body>
<nav><a href="/">الرئيسية</a> <a href="/sport">رياضة</a> <a href="/eco">اقتصاد</a></nav>
<article><h1>اشتباكات في طرابلس</h1>
<p>اندلعت اشتباكات عنيفة بين مجموعتين مسلحتين في العاصمة الليبية طرابلس مساء الأحد، ما أدى إلى إغلاق
الطريق الساحلي وتعليق الرحلات في مطار معيتيقة الدولي لساعات، بحسب ما أفاد سكان محليون.</p>
<p>وقالت وزارة الصحة إن الاشتباكات أسفرت عن مقتل ثلاثة أشخاص وإصابة سبعة آخرين، ودعت المجلس الرئاسي
الأطراف المتنازعة إلى وقف فوري لإطلاق النار والعودة إلى الحوار.</p>
<script>window.stolen = document.cookie; alert("xss")</script>
<p>وأعلنت بعثة الأمم المتحدة للدعم في ليبيا أنها تتابع الوضع عن كثب، محذرة من أن استمرار القتال قد
يهدد المسار السياسي الهش في البلاد.</p></article>
<footer>جميع الحقوق محفوظة © 2024</footer></body></html>"""


@pytest.fixture(scope="module")
def pipeline():
    from rasd.pipeline import Pipeline

    return Pipeline(use_ner=False)


@pytest.fixture(scope="module")
def api(sample_db, pipeline):
    with TestClient(create_app(sample_db, pipeline=pipeline)) as c:
        yield c


def _assert_analysis_of(body: dict, text: str) -> None:
    assert body["document"]["text"] == text
    assert isinstance(body["knowledge_version"], str) and body["knowledge_version"]
    for m in body["mentions"]:
        assert text[m["start"]:m["end"]] == m["text"]
    for ev in body["events"]:  # whatever the extractor finds, it points into this text
        s, e = ev["evidence"]["trigger_span"]
        assert text[s:e] == ev["evidence"]["trigger"]


@pytest.mark.parametrize("key", ["libya", "sanaa"])
def test_text_as_json(api, key):
    res = api.post("/api/analyse", json={"text": TEXTS[key], "published": "2025-03-14", "outlet": "الوسط"})
    assert res.status_code == 200, res.text
    body = res.json()
    _assert_analysis_of(body, TEXTS[key])
    assert body["document"]["published"] == "2025-03-14" and body["document"]["outlet"] == "الوسط"


def test_text_as_plain_body(api):
    res = api.post("/api/analyse", content=TEXTS["cairo"].encode(), headers={"content-type": "text/plain; charset=utf-8"})
    assert res.status_code == 200
    _assert_analysis_of(res.json(), TEXTS["cairo"])


@pytest.mark.parametrize("as_json", [True, False], ids=["json", "text/html"])
def test_html_page_is_read_to_its_article(api, as_json):
    if as_json:
        res = api.post("/api/analyse", json={"html": PAGE, "url": "https://news.example/ly/tripoli"})
    else:
        res = api.post("/api/analyse", content=PAGE.encode(), headers={"content-type": "text/html"})
    assert res.status_code == 200, res.text
    text = res.json()["document"]["text"]
    assert "اندلعت اشتباكات عنيفة" in text and "تتابع الوضع عن كثب" in text
    assert "alert" not in text and "الرئيسية" not in text
    _assert_analysis_of(res.json(), text)


def test_analyse_stores_nothing(api, sample_db):
    before = duckdb.connect(str(sample_db), read_only=True).execute("SELECT count(*) FROM events").fetchone()[0]
    assert api.post("/api/analyse", json={"text": TEXTS["aleppo"]}).status_code == 200
    after = duckdb.connect(str(sample_db), read_only=True).execute("SELECT count(*) FROM events").fetchone()[0]
    assert before == after


@pytest.mark.parametrize("kwargs,status,words", [
    (dict(json={"text": "   \n "}), 422, "empty"),
    (dict(json={"text": TEXTS["libya"], "html": PAGE}), 422, "exactly one"),
    (dict(json={}), 422, "exactly one"),
    (dict(json=["نص"]), 422, "object"),
    (dict(json={"text": 42}), 422, "string"),
    (dict(json={"text": "نص", "lang": "ar"}), 422, "unknown field"),
    (dict(json={"text": "نص", "published": "أمس"}), 422, "ISO date"),
    (dict(content=b"{not json", headers={"content-type": "application/json"}), 422, "valid JSON"),
    (dict(content="نص".encode("cp1256"), headers={"content-type": "text/plain"}), 422, "UTF-8"),
    (dict(json={"html": "<html><body><script>var a = 1;</script></body></html>"}), 422, "no article text"),
    (dict(content=b"%PDF-1.4", headers={"content-type": "application/pdf"}), 415, "unsupported"),
    (dict(content=b"x" * (MAX_BODY_BYTES + 1), headers={"content-type": "text/plain"}), 413, "limit"),
    (dict(json={"text": "ا" * (MAX_TEXT_CHARS + 1)}), 413, "limit"),
], ids=["blank", "both", "neither", "array", "number", "unknown field", "bad date", "broken json",
        "not utf-8", "html without article", "pdf", "body too big", "text too long"])
def test_bad_requests_get_clear_answers(api, kwargs, status, words):
    res = api.post("/api/analyse", **kwargs)
    assert res.status_code == status, res.text
    assert words in res.json()["detail"]


def test_declared_oversize_body_is_refused_before_reading(api):
    res = api.post("/api/analyse", content=b"x" * 10,
                   headers={"content-type": "text/plain", "content-length": str(MAX_BODY_BYTES * 5)})
    assert res.status_code in (413, 400)  # the server may also reject the lying length itself


def test_analyser_that_cannot_load_answers_503(sample_db, monkeypatch):
    import rasd.pipeline

    def broken(*args, **kwargs):
        raise ModelError("the NER model is missing: run `make model`")

    monkeypatch.setattr(rasd.pipeline, "default_pipeline", broken)
    with TestClient(create_app(sample_db)) as c:
        res = c.post("/api/analyse", json={"text": TEXTS["libya"]})
    assert res.status_code == 503
    assert "make model" in res.json()["detail"]


def test_analyse_is_documented_in_openapi(api):
    spec = api.get("/openapi.json").json()
    content = spec["paths"]["/api/analyse"]["post"]["requestBody"]["content"]
    assert {"application/json", "text/plain", "text/html"} <= set(content)
    assert json.dumps(spec, ensure_ascii=False)
