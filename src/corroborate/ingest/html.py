"""HTML pages: one article per page; main text is extracted when cleaning."""

from __future__ import annotations

import re
from collections.abc import Iterator

from corroborate.errors import BadInput
from corroborate.ingest.base import RawRecord, ReadResult, Source
from corroborate.ingest.decode import decode

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w-]+)""", re.I)
_OPEN_HTML = re.compile(r"<html[\s>]", re.I)
_CLOSE = re.compile(r"</(?:html|body)\s*>", re.I)


def declared_charset(data: bytes) -> str | None:
    m = _META_CHARSET.search(data[:4096])
    return m.group(1).decode("ascii", "replace") if m else None


def check_complete(html: str) -> None:
    """Refuse a page that opens ``<html>`` but never closes it.

    A scraper that died mid-download leaves such pages; extracting from them
    would silently publish half an article.
    """
    if _OPEN_HTML.search(html[:4096]) and not _CLOSE.search(html[-8192:]):
        raise BadInput("truncated HTML: the page opens <html> but ends before </body> or </html>")


def read_html(src: Source) -> Iterator[ReadResult]:
    html = decode(src.data, declared_charset(src.data))
    check_complete(html)
    yield RawRecord(path=src.label, format="html", html=html)
