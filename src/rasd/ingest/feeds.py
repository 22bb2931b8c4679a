"""RSS and Atom feeds (feedparser): one Document per entry that carries article text."""
from __future__ import annotations

from typing import Iterator

from ..dates import parse_date
from ..errors import ReadError
from ..model import Document
from .page import text_without_headings
from .sites import domain_of_url, sites

_MIN_ENTRY_CHARS = 40


def html_to_text(fragment: str) -> str:
    """Plain text of an HTML fragment, one paragraph per block element."""
    if "<" not in fragment:
        return fragment.strip()
    import lxml.html

    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except Exception:  # lxml raises ParserError and others on junk
        return fragment.strip()
    for br in root.iter("br"):
        br.tail = "\n" + (br.tail or "")
    blocks = []
    for el in root.iter("p", "div", "li", "h1", "h2", "h3", "h4", "blockquote"):
        el.tail = "\n\n" + (el.tail or "")
    text = root.text_content()
    for para in text.split("\n\n"):
        para = " ".join(para.split())
        if para:
            blocks.append(para)
    return "\n\n".join(blocks)


def _entry_text(entry) -> str:
    contents = entry.get("content") or []
    best = max((c.get("value", "") for c in contents), key=len, default="")
    summary = entry.get("summary", "") or ""
    return html_to_text(best if len(best) >= len(summary) else summary)


def read_feed(data: bytes, path: str) -> Iterator[Document | ReadError]:
    """Documents of an RSS/Atom feed; an entry without text is an error of its own."""
    import feedparser

    parsed = feedparser.parse(data)
    if parsed.get("bozo") and not parsed.entries:
        exc = parsed.get("bozo_exception")
        yield ReadError(path, "bad_feed", f"not a readable RSS/Atom feed ({exc})")
        return
    feed = parsed.get("feed", {})
    feed_domain = domain_of_url(feed.get("link"))
    table = sites()
    for i, entry in enumerate(parsed.entries, 1):
        where = f"{path}:{i}"
        text = _entry_text(entry)
        title = " ".join((entry.get("title") or "").split())
        if len(text) < _MIN_ENTRY_CHARS:
            yield ReadError(where, "no_text", "the feed entry has a title but no article text "
                            "(fetch the linked page and give rasd the HTML)")
            continue
        text, headings = text_without_headings(text)
        url = entry.get("link")
        domain = domain_of_url(url) or feed_domain
        outlet = (table.outlet_for_domain(domain) or table.outlet_for_name(feed.get("title"))
                  or feed.get("title") or None)
        date_text = entry.get("published") or entry.get("updated") or entry.get("dc_date") or ""
        guid = entry.get("id")
        yield Document(id=Document.make_id(url or guid, text), text=text, title=title, url=url,
                       outlet=outlet, domain=domain, published=parse_date(date_text),
                       headings=headings, source=where)


__all__ = ["read_feed", "html_to_text"]
