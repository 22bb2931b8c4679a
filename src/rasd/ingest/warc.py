"""WARC archives (warcio): each HTML response becomes a Document through the HTML reader."""
from __future__ import annotations

from typing import BinaryIO, Iterator

from ..errors import ReadError
from ..model import Document
from .encoding import decode
from .html import read_html

_MAX_RECORD_BYTES = 32 * 1024 * 1024


def read_warc(stream: BinaryIO, path: str) -> Iterator[Document | ReadError]:
    """Documents of the HTML responses in a (possibly gzipped) WARC; other records are skipped."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    try:
        for i, record in enumerate(ArchiveIterator(stream), 1):
            if record.rec_type not in ("response", "resource"):
                continue
            http = record.http_headers
            ctype = (http.get_header("Content-Type") if http else None) or \
                record.rec_headers.get_header("Content-Type") or ""
            if "html" not in ctype.lower():
                continue
            url = record.rec_headers.get_header("WARC-Target-URI")
            where = f"{path}:{i}"
            body = record.content_stream().read(_MAX_RECORD_BYTES + 1)
            if len(body) > _MAX_RECORD_BYTES:
                yield ReadError(where, "too_big", f"a WARC record over {_MAX_RECORD_BYTES // 2**20} MB")
                continue
            try:
                html, _ = decode(body, where)
                yield read_html(html, where, url=url)
            except ReadError as exc:
                yield exc
    except (ArchiveLoadFailed, OSError, EOFError, ValueError) as exc:
        yield ReadError(path, "bad_warc", f"the WARC archive is damaged or truncated ({exc})")


__all__ = ["read_warc"]
