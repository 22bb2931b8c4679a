"""Build the demo corpus (demo/) from the gold articles in eval/gold, one reader format per group.

Every demo document is one of the gold articles, rendered the way it would reach rasd in the wild:
page dumps (UTF-8, one in Windows-1256, one in UTF-16), HTML pages with site furniture, a JSONL
file with varying field names, an RSS 2.0 feed and an Atom feed with full text. The WARC file is
built from demo/html by scripts/make_demo_warc.py. The output is deterministic.
"""
from __future__ import annotations

import argparse
import datetime as dt
import email.utils
import json
import re
import shutil
import sys
from dataclasses import dataclass
from html import escape
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]

# Which gold article goes to which format (by its NNN number).
PAGES = ("001", "004", "005", "007", "012", "014", "016", "021", "022", "024")
PAGE_CP1256 = "027"
PAGE_UTF16 = "041"
HTML = ("001", "002", "008", "010", "017", "025", "028", "033", "034", "044")
JSONL = ("003", "009", "011", "018", "019", "026", "038", "043")
RSS = ("015", "020", "030", "036")       # an Al Jazeera section feed
ATOM = ("006", "013", "023", "039")      # a Sky News Arabia feed

# Per-domain article URL templates: {slug}, {y}, {m}, {d}, {n} (a stable number).
URL_TEMPLATES = {
    "aljazeera.net": "https://www.aljazeera.net/news/{y}/{m}/{d}/{slug}",
    "aawsat.com": "https://aawsat.com/home/article/{n}/{slug}",
    "gate.ahram.org.eg": "https://gate.ahram.org.eg/News/{n}.aspx",
    "skynewsarabia.com": "https://www.skynewsarabia.com/middle-east/{n}-{slug}",
    "bbc.com": "https://www.bbc.com/arabic/middleeast-{n}",
    "france24.com": "https://www.france24.com/ar/{y}{mm}{dd}-{slug}",
    "hespress.com": "https://www.hespress.com/{slug}-{n}.html",
    "eremnews.com": "https://www.eremnews.com/news/arab-world/{n}",
    "youm7.com": "https://www.youm7.com/story/{y}/{m}/{d}/{slug}/{n}",
    "enabbaladi.net": "https://www.enabbaladi.net/archives/{n}",
    "shafaq.com": "https://shafaq.com/ar/security/{slug}",
    "alarabiya.net": "https://www.alarabiya.net/arab-and-world/{y}/{mm}/{dd}/{slug}",
    "almashhad-alyemeni.com": "https://www.almashhad-alyemeni.com/{n}",
    "almodon.com": "https://www.almodon.com/politics/{y}/{m}/{d}/{slug}",
    "annahar.com": "https://www.annahar.com/arabic/section/76-lebanon/{y}{mm}{dd}-{slug}",
    "arabi21.com": "https://arabi21.com/story/{n}/{slug}",
    "mosaiquefm.net": "https://www.mosaiquefm.net/ar/national/{n}/{slug}",
    "elkhabar.com": "https://www.elkhabar.com/press/article/{n}/",
    "alquds.co.uk": "https://www.alquds.co.uk/{slug}/",
    "alakhbar.info": "https://alakhbar.info/?q=node/{n}",
    "ammonnews.net": "https://www.ammonnews.net/article/{n}",
    "alghad.com": "https://alghad.com/{slug}/",
    "independentarabia.com": "https://www.independentarabia.com/node/{n}/{slug}",
}
MAGHREB = {"hespress.com", "mosaiquefm.net", "elkhabar.com"}
TIME_OF_DAY = re.compile(r"\b(\d{1,2}):(\d{2})\b")


@dataclass(frozen=True)
class Article:
    """One gold article with the metadata a publisher would put around it."""

    number: str
    slug: str
    title: str
    outlet: str
    domain: str
    published: dt.datetime | None
    date_line: str | None
    headings: tuple[str, ...]
    paragraphs: tuple[str, ...]
    page_text: str

    @property
    def url(self) -> str:
        """Invented but realistic article URL on the outlet's real domain."""
        when = self.published or dt.datetime(2020, 1, 1)
        n = 1000000 + int(self.number) * 7919
        return URL_TEMPLATES[self.domain].format(
            slug=self.slug.replace("_", "-"), n=n, y=when.year, m=when.month, d=when.day,
            mm=f"{when.month:02d}", dd=f"{when.day:02d}")

    @property
    def lead(self) -> str:
        """First sentence of the body, for descriptions and summaries."""
        first = self.paragraphs[0]
        cut = first.find("، ", 120)
        return first if cut < 0 else first[:cut] + "…"


def load_article(gold_path: Path) -> Article:
    """Read one NNN_slug.txt / NNN_slug.gold.yaml pair."""
    gold = yaml.safe_load(gold_path.read_text(encoding="utf-8"))
    doc = gold["document"]
    page = gold_path.with_name(gold_path.name.replace(".gold.yaml", ".txt")).read_text(encoding="utf-8")
    start = page.index(doc["body_starts_with"])
    end = page.index(doc["body_ends_with"], start) + len(doc["body_ends_with"])
    paragraphs = tuple(p.strip() for p in page[start:end].split("\n\n") if p.strip())
    date_line = next((line for line in doc.get("boilerplate") or []
                      if re.search(r"\d{4}|\d{1,2}/\d{1,2}/", line)), None)
    published = None
    if doc["published"] is not None:
        hour, minute = 9, 0
        if date_line and (match := TIME_OF_DAY.search(date_line)):
            hour, minute = int(match.group(1)), int(match.group(2))
        offset = dt.timedelta(hours=1 if doc["domain"] in MAGHREB else (2 if doc["domain"].endswith(".eg") else 3))
        published = dt.datetime.combine(doc["published"], dt.time(hour % 24, minute), dt.timezone(offset))
    number, slug = gold_path.name.split(".")[0].split("_", 1)
    return Article(number, slug, doc["title"], doc["outlet"], doc["domain"], published, date_line,
                   tuple(doc.get("headings") or ()), paragraphs, page)


def body_html(article: Article, indent: str = "") -> str:
    """The article body as <p> and <h2> elements."""
    tag = {True: "h2", False: "p"}
    return "\n".join(f"{indent}<{tag[p in article.headings]}>{escape(p, quote=False)}</{tag[p in article.headings]}>"
                     for p in article.paragraphs)


def html_page(article: Article, others: list[Article]) -> str:
    """A full HTML page: head metadata, menu, breadcrumb, the <article>, most-read box and footer."""
    iso = article.published.isoformat() if article.published else None
    meta_time = f'\n<meta property="article:published_time" content="{iso}">' if iso else ""
    ld = ""
    if iso and article.domain in {"aljazeera.net", "independentarabia.com", "hespress.com"}:
        ld_obj = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": article.title,
                  "datePublished": iso, "mainEntityOfPage": article.url,
                  "publisher": {"@type": "Organization", "name": article.outlet}}
        ld = f'\n<script type="application/ld+json">{json.dumps(ld_obj, ensure_ascii=False)}</script>'
    time_el = (f'<time datetime="{iso}">{escape(article.date_line or article.published.date().isoformat())}</time>'
               if iso else '<span class="updated">منذ ساعات</span>')
    most_read = "\n".join(f'      <li><a href="{o.url}">{escape(o.title)}</a></li>' for o in others)
    year = article.published.year if article.published else 2024
    return f"""<!DOCTYPE html>
<html lang="ar" dir="rtl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{escape(article.title)} | {escape(article.outlet)}</title>
<meta name="description" content="{escape(article.lead)}">
<meta property="og:site_name" content="{escape(article.outlet)}">
<meta property="og:type" content="article">
<meta property="og:title" content="{escape(article.title)}">
<meta property="og:url" content="{article.url}">{meta_time}
<link rel="canonical" href="{article.url}">
<link rel="stylesheet" href="/assets/css/main.min.css">{ld}
<script async src="/assets/js/analytics.js"></script>
</head>
<body class="article-page">
<header class="site-header">
  <a class="logo" href="https://www.{article.domain}/">{escape(article.outlet)}</a>
  <nav class="main-menu" aria-label="القائمة الرئيسية">
    <ul>
      <li><a href="/">الرئيسية</a></li>
      <li><a href="/news">أخبار</a></li>
      <li><a href="/politics">سياسة</a></li>
      <li><a href="/economy">اقتصاد</a></li>
      <li><a href="/sport">رياضة</a></li>
      <li><a href="/opinions">آراء</a></li>
      <li><a href="/videos">فيديو</a></li>
    </ul>
  </nav>
  <form class="search" action="/search"><input type="search" name="q" placeholder="ابحث في الموقع"></form>
</header>
<div class="breadcrumb"><a href="/">الرئيسية</a> › <a href="/news">أخبار</a> › <span>العالم العربي</span></div>
<main class="container">
  <article class="article">
    <h1 class="article-title">{escape(article.title)}</h1>
    <div class="article-meta">{time_el} <span class="source">{escape(article.outlet)}</span></div>
    <div class="share-bar"><a href="#">فيسبوك</a> <a href="#">إكس</a> <a href="#">واتساب</a> <a href="#">نسخ الرابط</a></div>
    <figure class="main-image"><img src="/images/{article.number}.jpg" alt=""><figcaption>صورة أرشيفية</figcaption></figure>
    <div class="article-body">
{body_html(article, "      ")}
    </div>
    <div class="tags"><span>الوسوم:</span> <a href="/tag/1">سياسة</a> <a href="/tag/2">أمن</a></div>
  </article>
  <aside class="most-read">
    <h3>الأكثر قراءة</h3>
    <ol>
{most_read}
    </ol>
  </aside>
</main>
<footer class="site-footer">
  <ul><li><a href="/about">من نحن</a></li><li><a href="/contact">اتصل بنا</a></li><li><a href="/privacy">سياسة الخصوصية</a></li></ul>
  <p>© {year} {escape(article.outlet)}. جميع الحقوق محفوظة</p>
</footer>
</body>
</html>
"""


def jsonl_lines(articles: list[Article]) -> list[str]:
    """JSONL records; every third one uses the docno/body/date/source spelling and an RFC 2822 date."""
    lines = []
    for i, article in enumerate(articles):
        text = "\n\n".join(article.paragraphs)
        if i % 3 == 2:
            date = email.utils.format_datetime(article.published) if article.published else None
            record = {"docno": f"{article.domain}-{article.number}", "title": article.title, "body": text,
                      "url": article.url, "date": date, "source": article.outlet}
        else:
            record = {"id": f"{article.domain}-{article.number}", "title": article.title, "text": text,
                      "url": article.url,
                      "published": article.published.isoformat() if article.published else None,
                      "outlet": article.outlet}
        lines.append(json.dumps(record, ensure_ascii=False))
    return lines


def rss_feed(articles: list[Article]) -> str:
    """An RSS 2.0 section feed with the full text in content:encoded."""
    latest = max(a.published for a in articles)
    items = []
    for a in articles:
        items.append(f"""    <item>
      <title>{escape(a.title)}</title>
      <link>{a.url}</link>
      <guid isPermaLink="true">{a.url}</guid>
      <pubDate>{email.utils.format_datetime(a.published)}</pubDate>
      <dc:creator>{escape(a.outlet)}</dc:creator>
      <category>أخبار</category>
      <description>{escape(a.lead)}</description>
      <content:encoded><![CDATA[{body_html(a)}]]></content:encoded>
    </item>""")
    joined = "\n".join(items)
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom">
  <channel>
    <title>الجزيرة نت - أخبار</title>
    <link>https://www.aljazeera.net/news/</link>
    <atom:link href="https://www.aljazeera.net/aljazeerarss/news.xml" rel="self" type="application/rss+xml"/>
    <description>آخر الأخبار من الجزيرة نت</description>
    <language>ar</language>
    <lastBuildDate>{email.utils.format_datetime(latest)}</lastBuildDate>
{joined}
  </channel>
</rss>
"""


def atom_feed(articles: list[Article]) -> str:
    """An Atom 1.0 feed with the full text as escaped HTML in <content type="html">."""
    latest = max(a.published for a in articles)
    entries = []
    for a in articles:
        entries.append(f"""  <entry>
    <title>{escape(a.title)}</title>
    <link rel="alternate" type="text/html" href="{a.url}"/>
    <id>{a.url}</id>
    <published>{a.published.isoformat()}</published>
    <updated>{a.published.isoformat()}</updated>
    <author><name>{escape(a.outlet)}</name></author>
    <summary>{escape(a.lead)}</summary>
    <content type="html">{escape(body_html(a))}</content>
  </entry>""")
    joined = "\n".join(entries)
    return f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="ar">
  <title>سكاي نيوز عربية - الشرق الأوسط</title>
  <subtitle>آخر أخبار الشرق الأوسط</subtitle>
  <link rel="self" href="https://www.skynewsarabia.com/rss/middle-east.xml"/>
  <link rel="alternate" href="https://www.skynewsarabia.com/middle-east"/>
  <id>https://www.skynewsarabia.com/middle-east</id>
  <updated>{latest.isoformat()}</updated>
{joined}
</feed>
"""


def main(argv: list[str] | None = None) -> int:
    """Write demo/pages, demo/html, demo/jsonl and demo/feeds from eval/gold."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=ROOT / "eval" / "gold")
    parser.add_argument("--out", type=Path, default=ROOT / "demo")
    args = parser.parse_args(argv)
    articles = {a.number: a for a in map(load_article, sorted(args.gold.glob("*.gold.yaml")))}
    missing = [n for n in (*PAGES, PAGE_CP1256, PAGE_UTF16, *HTML, *JSONL, *RSS, *ATOM) if n not in articles]
    if missing:
        print(f"gold articles {missing} not found in {args.gold}: run from the repository root", file=sys.stderr)
        return 1
    for sub in ("pages", "html", "jsonl", "feeds"):
        shutil.rmtree(args.out / sub, ignore_errors=True)
        (args.out / sub).mkdir(parents=True)
    for n in PAGES:
        (args.out / "pages" / f"{n}_{articles[n].slug}.txt").write_text(articles[n].page_text, encoding="utf-8")
    (args.out / "pages" / f"{PAGE_CP1256}_cp1256.txt").write_bytes(articles[PAGE_CP1256].page_text.encode("cp1256"))
    (args.out / "pages" / f"{PAGE_UTF16}_utf16.txt").write_bytes(articles[PAGE_UTF16].page_text.encode("utf-16"))
    numbers = sorted(articles)
    for n in HTML:
        others = [articles[m] for m in numbers if m not in HTML][int(n) % 7:][:5]
        (args.out / "html" / f"{n}_{articles[n].slug}.html").write_text(html_page(articles[n], others), encoding="utf-8")
    lines = jsonl_lines([articles[n] for n in JSONL])
    (args.out / "jsonl" / "articles.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (args.out / "feeds" / "aljazeera_news.rss.xml").write_text(rss_feed([articles[n] for n in RSS]), encoding="utf-8")
    (args.out / "feeds" / "skynewsarabia_middle_east.atom.xml").write_text(
        atom_feed([articles[n] for n in ATOM]), encoding="utf-8")
    total = len({*PAGES, PAGE_CP1256, PAGE_UTF16, *HTML, *JSONL, *RSS, *ATOM})
    print(f"wrote {total} distinct articles under {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
