"""The demo corpus (demo/) is a faithful, current rendering of the gold articles in every reader format."""
from __future__ import annotations

import json
from pathlib import Path

import feedparser
import pytest
from warcio.archiveiterator import ArchiveIterator

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "demo"
GOLD = ROOT / "eval" / "gold"


def _load_script(name: str):
    """Import one of the scripts/ builders as a module."""
    import importlib.util
    import sys
    spec = importlib.util.spec_from_file_location(f"rasd_scripts_{name}", ROOT / "scripts" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the file executes
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def fresh_build(tmp_path_factory) -> Path:
    """Build the demo corpus from eval/gold into a temporary folder."""
    out = tmp_path_factory.mktemp("demo")
    assert _load_script("make_demo_corpus").main(["--gold", str(GOLD), "--out", str(out)]) == 0
    assert _load_script("make_demo_warc").main(["--html", str(out / "html"),
                                                "--out", str(out / "warc" / "pages.warc.gz")]) == 0
    return out


def test_committed_demo_equals_a_fresh_build(fresh_build):
    built = sorted(p.relative_to(fresh_build) for p in fresh_build.rglob("*") if p.is_file())
    committed = sorted(p.relative_to(DEMO) for p in DEMO.rglob("*") if p.is_file() and p.name != "README.md")
    assert built == committed, "demo/ is stale: run scripts/make_demo_corpus.py and scripts/make_demo_warc.py"
    for relative in built:
        assert (fresh_build / relative).read_bytes() == (DEMO / relative).read_bytes(), f"{relative} is stale"


@pytest.mark.parametrize("name, encoding", [("027_cp1256.txt", "cp1256"), ("041_utf16.txt", "utf-16")])
def test_encoded_page_dumps_hold_the_gold_article(name, encoding):
    gold_txt = next(GOLD.glob(name[:3] + "_*.txt")).read_text(encoding="utf-8")
    raw = (DEMO / "pages" / name).read_bytes()
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")
    assert raw.decode(encoding) == gold_txt


def test_jsonl_varies_field_names_and_carries_full_text():
    records = [json.loads(line) for line in (DEMO / "jsonl" / "articles.jsonl").read_text(encoding="utf-8").splitlines()]
    assert {"id", "title", "text", "url", "published", "outlet"} in [set(r) for r in records]
    assert {"docno", "title", "body", "url", "date", "source"} in [set(r) for r in records]
    for record in records:
        assert len((record.get("text") or record.get("body")).split()) >= 150


@pytest.mark.parametrize("feed", ["aljazeera_news.rss.xml", "skynewsarabia_middle_east.atom.xml"])
def test_feeds_parse_with_full_text(feed):
    parsed = feedparser.parse(str(DEMO / "feeds" / feed))
    assert not parsed.bozo and len(parsed.entries) == 4
    for entry in parsed.entries:
        assert entry.published_parsed is not None
        assert len(entry.content[0].value.split()) >= 150


def test_warc_holds_html_responses_with_target_uris():
    with (DEMO / "warc" / "pages.warc.gz").open("rb") as stream:
        responses = [(r.rec_headers.get_header("WARC-Target-URI"), r.content_stream().read())
                     for r in ArchiveIterator(stream) if r.rec_type == "response"]
    assert len(responses) >= 3
    for uri, payload in responses:
        assert uri.startswith("https://")
        assert b'<html lang="ar" dir="rtl">' in payload and "<article".encode() in payload
