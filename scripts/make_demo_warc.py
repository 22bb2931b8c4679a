"""Build demo/warc/pages.warc.gz: the HTML pages of demo/html as crawled HTTP responses (warcio).

Record ids and dates are derived from each page's canonical URL and publication time, so the
file is the same on every run.
"""
from __future__ import annotations

import argparse
import datetime as dt
import io
import re
import sys
import uuid
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

ROOT = Path(__file__).resolve().parents[1]
CANONICAL = re.compile(r'<link rel="canonical" href="([^"]+)"')
PUBLISHED = re.compile(r'<meta property="article:published_time" content="([^"]+)"')
CRAWL_DATE = dt.datetime(2025, 3, 1, 12, 0, tzinfo=dt.timezone.utc)


def record_id(name: str) -> str:
    """A stable WARC-Record-ID for a name."""
    return f"<urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, name)}>"


def crawl_time(html: str, index: int) -> dt.datetime:
    """Crawl the page a little after it was published (or at a fixed date when it has no date)."""
    match = PUBLISHED.search(html)
    base = dt.datetime.fromisoformat(match.group(1)).astimezone(dt.timezone.utc) if match else CRAWL_DATE
    return base + dt.timedelta(hours=2, minutes=index)


def write_warc(pages: list[Path], out: Path) -> int:
    """Write a warcinfo record and one response record per page; return the number of responses."""
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("wb") as stream:
        writer = WARCWriter(stream, gzip=True)
        info = writer.create_warcinfo_record(out.name, {"software": "rasd demo builder", "format": "WARC File Format 1.1",
                                                        "description": "rasd demo pages"})
        info.rec_headers.replace_header("WARC-Record-ID", record_id(out.name))
        info.rec_headers.replace_header("WARC-Date", CRAWL_DATE.strftime("%Y-%m-%dT%H:%M:%SZ"))
        writer.write_record(info)
        for index, page in enumerate(pages):
            html = page.read_text(encoding="utf-8")
            match = CANONICAL.search(html)
            if not match:
                raise SystemExit(f"{page} has no <link rel=\"canonical\">: rebuild demo/html with make_demo_corpus.py")
            url = match.group(1)
            when = crawl_time(html, index)
            payload = html.encode("utf-8")
            http_headers = StatusAndHeaders("200 OK", [
                ("Content-Type", "text/html; charset=utf-8"),
                ("Content-Length", str(len(payload))),
                ("Date", when.strftime("%a, %d %b %Y %H:%M:%S GMT")),
                ("Server", "nginx"),
            ], protocol="HTTP/1.1")
            record = writer.create_warc_record(url, "response", payload=io.BytesIO(payload),
                                               http_headers=http_headers, warc_headers_dict={
                                                   "WARC-Record-ID": record_id(url),
                                                   "WARC-Date": when.strftime("%Y-%m-%dT%H:%M:%SZ"),
                                               })
            writer.write_record(record)
    return len(pages)


def main(argv: list[str] | None = None) -> int:
    """Build the demo WARC from the HTML pages."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--html", type=Path, default=ROOT / "demo" / "html")
    parser.add_argument("--out", type=Path, default=ROOT / "demo" / "warc" / "pages.warc.gz")
    parser.add_argument("--limit", type=int, default=5, help="how many pages to include (name order)")
    args = parser.parse_args(argv)
    pages = sorted(args.html.glob("*.html"))[: args.limit]
    if not pages:
        print(f"no HTML pages in {args.html}: run scripts/make_demo_corpus.py first", file=sys.stderr)
        return 1
    count = write_warc(pages, args.out)
    print(f"wrote {count} responses to {args.out} ({args.out.stat().st_size} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
