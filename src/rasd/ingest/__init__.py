"""Readers: files, folders and standard input to Documents.

``read_paths(paths)`` yields a Document for every article it can read and a ReadError (with
the path and a short reason) for everything it cannot; it never stops at a bad input.
The reader is chosen by extension, else by sniffing the content:

| input | reader |
| --- | --- |
| .txt, text | page dump (title, furniture, headings: :mod:`rasd.ingest.page`) |
| .html .htm | trafilatura (:mod:`rasd.ingest.html`) |
| .jsonl .ndjson .json | records with id/text/title/url/published/outlet (:mod:`rasd.ingest.records`) |
| .xml .rss .atom | RSS/Atom entries (:mod:`rasd.ingest.feeds`) |
| .warc .warc.gz | HTML responses of a web archive (:mod:`rasd.ingest.warc`) |
"""
from __future__ import annotations

import io
import os
import re
import sys
from pathlib import Path
from typing import BinaryIO, Iterable, Iterator

from ..errors import ReadError
from ..model import Document
from .encoding import decode, sniff_binary
from .feeds import read_feed
from .html import read_html, warm_up
from .page import read_page
from .records import read_json, read_jsonl, read_jsonl_text
from .warc import read_warc

# Whole-file formats are held in memory; past this size a file is refused, not read.
MAX_FILE_BYTES = 64 * 1024 * 1024
# In folders, only these are read (README.md or a .py next to the data are not articles).
EXTENSIONS = {".txt": "page", ".text": "page", ".html": "html", ".htm": "html", ".xhtml": "html",
              ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "json", ".xml": "feed", ".rss": "feed",
              ".atom": "feed", ".warc": "warc", ".warc.gz": "warc", ".arc.gz": "warc"}
_STREAMED = ("jsonl", "warc")
_FEED_ROOT = re.compile(r"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:rss|feed|rdf:RDF)\b", re.S | re.I)
_HTML_HEAD = re.compile(r"^\s*(?:<!doctype html|<html|<head|<body|<meta|<div|<article)", re.I)


def kind_of(name: str) -> str | None:
    """The reader for a file name, by extension (None when the extension says nothing)."""
    lower = name.lower()
    for ext in (".warc.gz", ".arc.gz"):
        if lower.endswith(ext):
            return EXTENSIONS[ext]
    return EXTENSIONS.get(os.path.splitext(lower)[1])


def sniff(head: bytes) -> str:
    """The reader for content that came without a telling name (stdin, odd extensions)."""
    if head.startswith(b"\x1f\x8b"):
        import gzip
        try:
            inner = gzip.GzipFile(fileobj=io.BytesIO(head)).read(16)
        except (OSError, EOFError):
            inner = b""
        return "warc" if inner.startswith(b"WARC/") else "binary"
    if head.lstrip().startswith(b"WARC/"):
        return "warc"
    try:
        text = head.decode("utf-8", errors="ignore").lstrip("\ufeff")
    except Exception:  # pragma: no cover - decode with errors="ignore" does not raise
        text = ""
    if _FEED_ROOT.match(text):
        return "feed"
    if _HTML_HEAD.match(text):
        return "html"
    stripped = text.lstrip()
    if stripped.startswith("{"):
        return "jsonl"
    if stripped.startswith("["):
        return "json"
    return "page"


def _read_text_kind(kind: str, data: bytes, path: str) -> Iterator[Document | ReadError]:
    """Whole-file formats, from their bytes."""
    if not data.strip():
        yield ReadError(path, "empty", "the file is empty")
        return
    if kind == "feed":
        yield from read_feed(data, path)
        return
    try:
        text, _ = decode(data, path)
    except ReadError as exc:
        yield exc
        return
    if not text.strip():
        yield ReadError(path, "empty", "the file holds only white space")
        return
    try:
        if kind == "html":
            yield read_html(text, path)
        elif kind == "json":
            yield from read_json(text, path)
        elif kind == "jsonl":
            yield from read_jsonl_text(text, path)
        else:
            yield read_page(text, path)
    except ReadError as exc:
        yield exc


def read_stream(stream: BinaryIO, name: str, kind: str | None = None,
                max_bytes: int = MAX_FILE_BYTES) -> Iterator[Document | ReadError]:
    """Documents of one open binary stream; ``kind`` as :func:`kind_of` names it, else sniffed."""
    head = stream.peek(8192)[:8192] if hasattr(stream, "peek") else b""
    if not kind:
        if not head and not hasattr(stream, "peek"):
            stream = io.BufferedReader(stream)  # type: ignore[arg-type]
            head = stream.peek(8192)[:8192]
        kind = sniff(head)
        if kind == "binary":
            yield ReadError(name, "binary", "this is compressed or binary data, not text; "
                            "decompress it or give rasd text, HTML, JSONL, RSS/Atom or WARC")
            return
    if kind == "warc":
        yield from read_warc(stream, name)
        return
    if kind == "jsonl":
        if head and sniff_binary(head):
            yield ReadError(name, "binary", "this is binary data, not JSON lines")
            return
        if not head.strip() and not stream.peek(1):
            yield ReadError(name, "empty", "the file is empty")
            return
        yield from read_jsonl(stream, name)
        return
    data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        yield ReadError(name, "too_big", f"over {max_bytes // 2**20} MB for one page; split it, "
                        "or give large collections as JSON lines or WARC")
        return
    yield from _read_text_kind(kind, data, name)


def read_path(path: str | Path, max_bytes: int = MAX_FILE_BYTES) -> Iterator[Document | ReadError]:
    """Documents of one file, folder (recursive) or "-" (standard input)."""
    name = str(path)
    if name == "-":
        yield from read_stream(sys.stdin.buffer, "-", None, max_bytes)
        return
    p = Path(path)
    if p.is_dir():
        yield from _read_folder(p, max_bytes)
        return
    if not p.exists():
        yield ReadError(name, "not_found", "no such file or folder; check the path")
        return
    kind = kind_of(p.name)
    try:
        size = p.stat().st_size
        if size == 0:
            yield ReadError(name, "empty", "the file is empty")
            return
        if kind not in _STREAMED and size > max_bytes:
            yield ReadError(name, "too_big", f"{size / 2**20:.0f} MB is over the {max_bytes // 2**20} MB "
                            "limit for one page; split it, or give large collections as JSON lines or WARC")
            return
        with open(p, "rb") as stream:
            yield from read_stream(stream, name, kind, max_bytes)
    except PermissionError:
        yield ReadError(name, "unreadable", "permission denied; check the file's permissions")
    except IsADirectoryError:  # pragma: no cover - raced with a rename
        yield ReadError(name, "unreadable", "is a folder")
    except OSError as exc:
        yield ReadError(name, "unreadable", f"{exc.strerror or exc}")


def files_under(folder: Path) -> Iterator[Path]:
    """Every file under a folder, recursively, hidden ones left out, in a stable (sorted) order."""
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for f in sorted(files):
            if not f.startswith("."):
                yield Path(root) / f


def _read_folder(folder: Path, max_bytes: int) -> Iterator[Document | ReadError]:
    """Every readable file under a folder, in the order of :func:`files_under`."""
    for path in files_under(folder):
        if kind_of(path.name) is not None:
            yield from read_path(path, max_bytes)


def read_paths(paths: Iterable[str | Path], max_bytes: int = MAX_FILE_BYTES) -> Iterator[Document | ReadError]:
    """Documents (and ReadErrors) of every path in turn: files, folders, "-" for stdin."""
    for path in paths:
        yield from read_path(path, max_bytes)


__all__ = ["read_paths", "read_path", "read_stream", "files_under", "kind_of", "sniff", "warm_up",
           "MAX_FILE_BYTES", "EXTENSIONS"]
