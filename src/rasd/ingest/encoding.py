"""Bytes to text: UTF-8 (with or without BOM), UTF-16/32, Windows-1256 and ISO-8859-6.

Anything else is refused with a clear reason rather than guessed: a wrong code page turns
Arabic into plausible-looking garbage that no later stage could detect.
"""
from __future__ import annotations

import codecs
import re

from ..errors import ReadError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)
# Control characters that never occur in text (all C0 except tab, newlines, form feed, escape).
_CONTROL = re.compile(rb"[\x00-\x08\x0e-\x1a\x1c-\x1f]")
_ARABIC = re.compile(r"[\u0600-\u06FF]")
_LETTER = re.compile(r"[^\W\d_]")
# Magic numbers of common binary formats, for a reason that says what the file is.
_MAGIC = ((b"%PDF", "a PDF file"), (b"\x89PNG", "a PNG image"), (b"\xff\xd8\xff", "a JPEG image"),
          (b"GIF8", "a GIF image"), (b"PK\x03\x04", "a ZIP archive (or an Office document)"),
          (b"\x1f\x8b", "a gzip-compressed file"), (b"BZh", "a bzip2-compressed file"),
          (b"\x7fELF", "a program"), (b"\xd0\xcf\x11\xe0", "an old Office document"))
_HINT = "convert it to UTF-8 first, e.g. iconv -f ENCODING -t UTF-8 FILE > FILE.utf8"


def _utf16_without_bom(sample: bytes) -> str | None:
    """utf-16-le/be when every other byte is mostly zero (ASCII) or 0x06 (Arabic)."""
    if len(sample) < 4 or len(sample) % 2:
        return None
    even, odd = sample[0::2], sample[1::2]
    for high, name in ((odd, "utf-16-le"), (even, "utf-16-be")):
        share = sum(1 for b in high if b in (0, 6)) / len(high)
        if share > 0.9:
            return name
    return None


def _arabic_share(text: str) -> float:
    """Share of Arabic letters among all letters (1.0 for text without letters)."""
    letters = len(_LETTER.findall(text[:20000]))
    if not letters:
        return 1.0
    return len(_ARABIC.findall(text[:20000])) / letters


def _single_byte_arabic(data: bytes) -> tuple[str, str] | None:
    """Text and code page when ``data`` reads as Arabic in Windows-1256 or ISO-8859-6."""
    for name in ("cp1256", "iso8859_6"):
        try:
            text = data.decode(name)
        except UnicodeDecodeError:
            continue
        if _arabic_share(text) >= 0.6:
            return text, name
    return None


def _charset_normalizer(data: bytes) -> tuple[str, str] | None:
    """A second opinion, limited to the Arabic code pages, checked the same way."""
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200_000], cp_isolation=["cp1256", "iso8859_6", "cp720", "cp864"]).best()
    if best is None or best.chaos > 0.2:
        return None
    try:
        text = data.decode(best.encoding)
    except (UnicodeDecodeError, LookupError):
        return None
    return (text, best.encoding) if _arabic_share(text) >= 0.6 else None


# UTF-8 Arabic that was once decoded as Windows-1252/Latin-1 and saved again: "Ø§Ù„..." for "ال...".
_MOJIBAKE = re.compile("[\u00d8\u00d9\u00da\u00db][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013-\u203a\u20ac\u2122]")


def _repair_mojibake(text: str) -> str | None:
    """The Arabic text behind doubly-encoded UTF-8, or None when the text is not that."""
    if len(_MOJIBAKE.findall(text[:20000])) < 8 or _ARABIC.search(text[:20000]):
        return None
    raw = bytearray()
    try:
        for ch in text:  # Windows-1252 where it defines the byte, Latin-1 (C1 controls) where not
            raw += bytes([ord(ch)]) if ord(ch) < 256 else ch.encode("cp1252")
        repaired = raw.decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return None
    return repaired if _arabic_share(repaired) >= 0.6 else None


def sniff_binary(data: bytes) -> str | None:
    """What kind of binary file ``data`` starts like, or None when it may be text."""
    head = data[:8192]
    for magic, what in _MAGIC:
        if head.startswith(magic):
            return what
    if any(head.startswith(bom) for bom, _ in _BOMS) or _utf16_without_bom(head[: len(head) // 2 * 2]):
        return None
    controls = len(_CONTROL.findall(head))
    if b"\x00" in head or controls > max(2, len(head) // 100):
        return "binary data"
    return None


def decode(data: bytes, path: str) -> tuple[str, str]:
    """The text of ``data`` and the encoding it was read in; ReadError when it is not text."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(name), name
            except UnicodeDecodeError as exc:
                raise ReadError(path, "unknown_encoding",
                                f"starts with a {name} byte-order mark but is not valid {name}: {_HINT}") from exc
    what = sniff_binary(data)
    if what:
        raise ReadError(path, "binary", f"this is {what}, not text; give rasd text, HTML, JSONL, RSS/Atom or WARC")
    utf16 = _utf16_without_bom(data[:8192 - 8192 % 2])
    if utf16:
        try:
            return data.decode(utf16), utf16
        except UnicodeDecodeError:
            pass
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        repaired = _repair_mojibake(text)
        return (repaired, "utf-8 (repaired from double encoding)") if repaired else (text, "utf-8")
    found = _single_byte_arabic(data) or _charset_normalizer(data)
    if found:
        return found
    raise ReadError(path, "unknown_encoding",
                    f"not UTF-8, UTF-16, Windows-1256 or ISO-8859-6 Arabic; {_HINT}")


__all__ = ["decode", "sniff_binary"]
