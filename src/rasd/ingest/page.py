"""Plain-text page dumps (what copying or scraping a news page gives): title, body, headings,
outlet, domain and date, with the page furniture left out.

The layout this reads: the title at the top, often repeated or glued to itself by the scraper;
a head of short lines (date, section, a "CITY – OUTLET" byline); paragraphs with short
sub-headings between them; then a foot of site furniture (a "most read" box, a logo, a
copyright line, the outlet's name and domain). A paragraph is a line that ends like a sentence
or is long; everything before the first and after the last paragraph is head or foot.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..dates import parse_date
from ..errors import ReadError
from ..model import Document
from .sites import domain_line, domain_of_url, fold, sites

_SENTENCE_END = (".", "!", "?", "؟", "…", "»", "\"", "”", ")", "؛", ";", ":")
_URL = re.compile(r"^https?://\S+$")
_COPYRIGHT = re.compile(r"©|\(c\)|حقوق\s+(?:ال)?(?:نشر|طبع)|جميع\s+الحقوق|all rights reserved", re.I)
_COPYRIGHT_WORDS = re.compile(r"©|\(c\)|جميع\s+الحقوق\s+محفوظة|الحقوق\s+محفوظة|حقوق\s+(?:ال)?(?:نشر|طبع)\s+محفوظة"
                              r"|all rights reserved|copyright|\b\d{4}\b|[-–—|:.,،]", re.I)
_BYLINE_SPLIT = re.compile(r"\s+[-–—|]\s+")
_EXCLUSIVE = {"خاص", "حصري", "خاص ب"}
_LEAD_DATELINE = re.compile(r"^(\S+(?:\s+\S+){0,3}?)\s+[-–—]\s+")  # "عمون - أعلنت ..."
_PARAGRAPH_WORDS = 12
_MAX_TITLE_WORDS = 30
_MAX_META_CHARS = 80


@dataclass(slots=True)
class PageParts:
    title: str = ""
    paragraphs: list[str] = field(default_factory=list)
    headings: list[str] = field(default_factory=list)
    url: str | None = None
    domain: str | None = None
    outlet: str | None = None
    published_text: str | None = None


def _title_copies(line: str, title: str) -> bool:
    """Whether a line is the title once or several times glued together."""
    return bool(title) and title in line and line.replace(title, "").strip() == ""


def is_paragraph(line: str) -> bool:
    """A line of running text: it ends like a sentence, or it is too long for a heading."""
    return line.endswith(_SENTENCE_END) or len(line.split()) > _PARAGRAPH_WORDS


def _find_title(lines: list[str]) -> str:
    """The first line, when it reads as a headline: unpunctuated, short, with text after it."""
    if len(lines) < 2:
        return ""
    first = lines[0]
    if any(_title_copies(ln, first) for ln in lines[1:6]):
        return first
    if first.endswith((".", "!", "؟", "?", "؛", ";", ":")) or len(first.split()) > _MAX_TITLE_WORDS:
        return ""
    return first if any(is_paragraph(ln) for ln in lines[1:]) else ""


def split_headings(paragraphs: list[str]) -> tuple[list[str], list[str]]:
    """(paragraphs, headings): a short unpunctuated line between two paragraphs is a heading."""
    kept, headings = [], []
    for i, line in enumerate(paragraphs):
        between = 0 < i < len(paragraphs) - 1
        if between and not is_paragraph(line) and is_paragraph(paragraphs[i - 1]) \
                and is_paragraph(paragraphs[i + 1]) and not _URL.match(line):
            headings.append(line)
        else:
            kept.append(line)
    return kept, headings


def _decoration(line: str) -> bool:
    """A line that is no text: a rule of dashes, a link to another story."""
    if len(line) > _MAX_META_CHARS:
        return False  # running text, not a link or a rule
    return not any(c.isalnum() for c in line) or sites().furniture_action(line) is not None


def text_without_headings(text: str) -> tuple[str, list[str]]:
    """Sub-headings (and decoration lines) taken out of a body whose paragraphs are lines
    (JSON records, feeds)."""
    lines = text.split("\n")
    filled = [ln.strip() for ln in lines if ln.strip()]
    decoration = {ln for ln in filled if _decoration(ln)}
    filled = [ln for ln in filled if ln not in decoration]
    headings = split_headings(filled)[1] if len(filled) >= 3 else []
    if not headings and not decoration:
        return text, []
    drop = set(headings) | decoration
    out = "\n".join(ln for ln in lines if ln.strip() not in drop)
    return re.sub(r"\n{3,}", "\n\n", out).strip(), headings


def _read_meta(line: str, parts: PageParts) -> None:
    """Take what a head or foot line says about the page: domain, URL, date, outlet."""
    table = sites()
    if len(line) > _MAX_META_CHARS:
        return
    dom = domain_line(line)
    if dom:
        parts.domain = parts.domain or dom
        if _URL.match(line):
            parts.url = parts.url or line
        return
    outlet = table.outlet_for_name(line)
    if outlet:
        parts.outlet = parts.outlet or outlet
        return
    if _COPYRIGHT.search(line):
        name = " ".join(_COPYRIGHT_WORDS.sub(" ", line).split())
        if name and len(name.split()) <= 5:
            parts.outlet = parts.outlet or table.outlet_for_name(name) or name
        return
    pieces = _BYLINE_SPLIT.split(line)
    if len(pieces) > 1:  # "بغداد – شفق نيوز", "المشهد اليمني - خاص"
        known = [table.outlet_for_name(p) for p in pieces]
        if any(known):
            parts.outlet = parts.outlet or next(k for k in known if k)
            return
        if len(pieces) == 2 and fold(pieces[1]) in _EXCLUSIVE:
            parts.outlet = parts.outlet or pieces[0].strip()
            return
    if not parts.published_text and parse_date(line):
        parts.published_text = line


def split_page(raw: str) -> PageParts:
    """Title, paragraphs, headings and site details of a page dump."""
    table = sites()
    lines = [ln.strip() for ln in raw.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    lines = [ln for ln in lines if ln]
    parts = PageParts(title=_find_title(lines))
    kept: list[str] = []
    foot: list[str] = []
    seen_paragraph = False
    for n, line in enumerate(lines):
        if _title_copies(line, parts.title):
            continue
        action = table.furniture_action(line)
        if seen_paragraph and (action == "cut" or (len(line) <= _MAX_META_CHARS and _COPYRIGHT.search(line))):
            foot = [ln for ln in lines[n:] if table.furniture_action(ln) != "drop"]
            break
        if action or not any(c.isalnum() for c in line):
            continue
        if not seen_paragraph and not parts.published_text and len(line) <= _MAX_META_CHARS \
                and parse_date(line):  # "آخر تحديث: 28/8/2022 - 13:45 (توقيت مكة)" ends like a sentence
            parts.published_text = line
            continue
        kept.append(line)
        seen_paragraph = seen_paragraph or is_paragraph(line)
    marks = [i for i, ln in enumerate(kept) if is_paragraph(ln)]
    if not marks:
        return parts
    first, last = marks[0], marks[-1]
    for line in kept[:first] + kept[last + 1:] + foot:
        _read_meta(line, parts)
    parts.paragraphs, parts.headings = split_headings(kept[first:last + 1])
    lead = _LEAD_DATELINE.match(parts.paragraphs[0])
    if lead and not parts.outlet:  # a dateline naming a known outlet opens the story
        parts.outlet = next(filter(None, map(table.outlet_for_name, _BYLINE_SPLIT.split(lead.group(1)))), None)
    if not parts.domain and parts.url:
        parts.domain = domain_of_url(parts.url)
    if not parts.outlet:
        parts.outlet = table.outlet_for_domain(parts.domain)
    if parts.outlet and not parts.domain:
        parts.domain = table.domain_of_outlet.get(parts.outlet)
    return parts


def read_page(raw: str, path: str) -> Document:
    """A Document from a page dump; ReadError when no article text is left."""
    parts = split_page(raw)
    text = "\n\n".join(parts.paragraphs)
    if len(text) < 20 or not any(c.isalpha() for c in text):
        raise ReadError(path, "no_text", "no article text left once the page furniture was removed")
    published = parse_date(parts.published_text) if parts.published_text else None
    return Document(id=Document.make_id(parts.url, text), text=text, title=parts.title,
                    url=parts.url, outlet=parts.outlet, domain=parts.domain,
                    published=published, headings=parts.headings, source=path)


__all__ = ["read_page", "split_page", "split_headings", "text_without_headings", "is_paragraph",
           "PageParts"]
