"""HTML pages: the article's title, date, site, URL, body and sub-headings, via trafilatura."""
from __future__ import annotations

import re
from functools import lru_cache

from ..dates import parse_date
from ..errors import ReadError
from ..model import Document
from .sites import domain_of_url, sites

_MIN_ARTICLE_CHARS = 80
_MIN_ARTICLE_WORDS = 12
_WARM_UP_PAGE = ("<html><head><title>t</title></head><body><article><p>"
                 + "نص تجريبي قصير لتهيئة المستخرج قبل أول صفحة حقيقية. " * 5
                 + "</p></article></body></html>")


@lru_cache(maxsize=1)
def warm_up() -> bool:
    """Run trafilatura once on a tiny page: its first call pays a slow one-off set-up."""
    import trafilatura

    trafilatura.bare_extraction(_WARM_UP_PAGE, with_metadata=True)
    return True


def _suspect_new_year(date_text: str, html: str) -> bool:
    """A YYYY-01-01 date that the page never prints is a "© YYYY" footer, not a publication date."""
    if not re.match(r"\d{4}-01-01$", date_text):
        return False
    year = date_text[:4]
    printed = re.search(rf"{year}-0?1-0?1\b|\b0?1[/.-]0?1[/.-]{year}|{year}/0?1/0?1\b", html)
    return printed is None


def _block_text(element) -> str:
    return " ".join("".join(element.itertext()).split())


def read_html(html: str, path: str, url: str | None = None) -> Document:
    """A Document from one HTML page; ReadError("no_article") when the page holds no article."""
    import trafilatura

    warm_up()
    try:
        found = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False,
                                            include_tables=False)
    except Exception as exc:  # trafilatura/lxml raise many kinds on broken markup
        raise ReadError(path, "bad_html", f"the page could not be parsed ({type(exc).__name__})") from exc
    if found is None or not (found.text or "").strip():
        raise ReadError(path, "no_article", "no article text found in this HTML page "
                        "(an index, a login or an empty page?)")
    title = (found.title or "").strip()
    paragraphs: list[str] = []
    headings: list[str] = []
    body = getattr(found, "body", None)
    if body is not None:
        for element in body:
            text = _block_text(element)
            if not text:
                continue
            if element.tag == "head":
                if text != title:
                    headings.append(text)
            else:
                paragraphs.append(text)
    else:  # older trafilatura: lines of plain text only
        paragraphs = [ln.strip() for ln in found.text.splitlines() if ln.strip() and ln.strip() != title]
    text = "\n\n".join(paragraphs)
    if len(text) < _MIN_ARTICLE_CHARS or len(text.split()) < _MIN_ARTICLE_WORDS:
        raise ReadError(path, "no_article", f"only {len(text.split())} words of text in this HTML page; "
                        "it holds no article")
    page_url = found.url or url
    date_text = found.date or ""
    published = None if _suspect_new_year(date_text, html) else parse_date(date_text)
    domain = domain_of_url(page_url) or (found.hostname or None)
    table = sites()
    outlet = table.outlet_for_domain(domain) or table.outlet_for_name(found.sitename) or found.sitename or None
    return Document(id=Document.make_id(page_url, text), text=text, title=title, url=page_url,
                    outlet=outlet, domain=domain, published=published, headings=headings, source=path)


__all__ = ["read_html", "warm_up"]
