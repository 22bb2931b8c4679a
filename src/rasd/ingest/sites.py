"""What rasd knows about news sites: domain → outlet names, and the page furniture they print.

Both are package data (``data/ingest/outlets.tsv``, ``data/ingest/page_furniture.tsv``).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from urllib.parse import urlsplit

from ..normalize import normalize

_DOMAIN_LINE = re.compile(r"^(?:https?://)?(?:www\.)?((?:[a-z0-9-]+\.)+[a-z]{2,})(?:/\S*)?$", re.I)
_EDGE_PUNCT = " \t.:،,;!?؟-–—|•·»«\"'()[]"


@dataclass(frozen=True, slots=True)
class Sites:
    """The outlet table and the furniture table, compiled for lookups."""

    outlet_of_domain: dict[str, str]
    outlet_of_alias: dict[str, str]  # folded alias → outlet
    domain_of_outlet: dict[str, str]
    furniture: dict[str, str]  # folded line → "cut" | "drop"
    furniture_prefixes: tuple[tuple[str, str], ...]  # (folded prefix, action)

    def outlet_for_domain(self, domain: str | None) -> str | None:
        """The outlet of a domain or of its parent domain (arabic.cnn.com → cnn.com)."""
        if not domain:
            return None
        parts = domain.lower().split(".")
        for i in range(len(parts) - 1):
            hit = self.outlet_of_domain.get(".".join(parts[i:]))
            if hit:
                return hit
        return None

    def outlet_for_name(self, name: str | None) -> str | None:
        """The outlet's canonical name for a name a page or record gives (BBC → بي بي سي عربي)."""
        return self.outlet_of_alias.get(fold(name)) if name else None

    def furniture_action(self, line: str) -> str | None:
        """"cut", "drop" or None for one line of a page."""
        folded = fold(line)
        action = self.furniture.get(folded)
        if action is None and self.furniture_prefixes:
            action = next((a for p, a in self.furniture_prefixes if folded.startswith(p)), None)
        return action


def fold(s: str) -> str:
    """A line folded for table lookups: normalized, lower case, edge punctuation trimmed."""
    return " ".join(normalize(s).lower().strip(_EDGE_PUNCT).split())


def _rows(name: str) -> list[list[str]]:
    text = resources.files("rasd").joinpath(f"data/ingest/{name}").read_text("utf-8")
    return [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]


@lru_cache(maxsize=1)
def sites() -> Sites:
    """The bundled tables, loaded once."""
    by_domain, by_alias, domain_of = {}, {}, {}
    for row in _rows("outlets.tsv"):
        domain, outlet = row[0].strip().lower(), row[1].strip()
        by_domain[domain] = outlet
        domain_of.setdefault(outlet, domain)
        for alias in [outlet, domain, *(row[2].split("|") if len(row) > 2 else [])]:
            by_alias.setdefault(fold(alias), outlet)
    rows = _rows("page_furniture.tsv")
    furniture = {fold(r[0]): r[1].strip() for r in rows if not r[0].endswith("*")}
    prefixes = tuple((fold(r[0][:-1]), r[1].strip()) for r in rows if r[0].endswith("*"))
    return Sites(by_domain, by_alias, domain_of, furniture, prefixes)


def domain_of_url(url: str | None) -> str | None:
    """The host of a URL without "www." (None for no URL)."""
    if not url:
        return None
    try:
        host = urlsplit(url if "//" in url else "//" + url).hostname
    except ValueError:
        return None
    if not host:
        return None
    return host[4:] if host.startswith("www.") else host


def domain_line(line: str) -> str | None:
    """The domain when a whole line is a bare domain or URL (www.eremnews.com)."""
    m = _DOMAIN_LINE.match(line.strip())
    return m.group(1).lower() if m else None


__all__ = ["Sites", "sites", "fold", "domain_of_url", "domain_line"]
