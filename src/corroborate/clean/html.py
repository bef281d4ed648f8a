"""HTML to text: trafilatura for whole pages, a plain walk for fragments.

Whole pages carry navigation, comments and related links around the
article; trafilatura finds the main text (``favor_precision`` and no
comments: measured best on the Article Extraction Benchmark, see
``bench/bench_extraction.py``). Fragments (feed entries, a record's ``html``
field) are all content already, and trafilatura would drop short ones, so
they are converted block by block.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

import lxml.html
import trafilatura
from lxml import etree

from corroborate.errors import BadInput
from corroborate.text.dates import parse_date

_WHOLE_PAGE = re.compile(r"<(?:html|body)[\s>]", re.I)
_BLOCKS = frozenset(
    [
        "p",
        "div",
        "li",
        "ul",
        "ol",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "blockquote",
        "pre",
        "tr",
        "table",
        "section",
        "article",
        "header",
        "footer",
        "figure",
        "figcaption",
        "dd",
        "dt",
        "br",
        "hr",
    ]
)
_DROP = frozenset(
    ["script", "style", "noscript", "template", "iframe", "svg", "form", "button", "nav"]
)


@dataclass(slots=True)
class ExtractedPage:
    text: str
    title: str | None = None
    author: str | None = None
    published: date | None = None
    outlet: str | None = None
    url: str | None = None
    language: str | None = None


def is_whole_page(html: str) -> bool:
    return bool(_WHOLE_PAGE.search(html[:20000]))


def extract_page(html: str, url: str | None = None) -> ExtractedPage:
    """Main text and metadata of a whole HTML page, or ``BadInput``."""
    try:
        doc = trafilatura.bare_extraction(
            html,
            url=url,
            with_metadata=True,
            include_comments=False,
            favor_precision=True,
            include_tables=True,
        )
    except (ValueError, etree.ParserError) as exc:
        raise BadInput(f"cannot parse HTML: {exc}") from exc
    text = getattr(doc, "text", None) if doc is not None else None
    if not text or not text.strip():
        # Precision mode can be too strict for short pages: retry with recall.
        doc = trafilatura.bare_extraction(
            html, url=url, with_metadata=True, include_comments=False, favor_recall=True
        )
        text = getattr(doc, "text", None) if doc is not None else None
    if not text or not text.strip() or doc is None or isinstance(doc, dict):
        raise BadInput("no article text found in HTML page")
    return ExtractedPage(
        text=text,
        title=_clean(doc.title),
        author=_clean(doc.author),
        published=parse_date(doc.date) if doc.date else None,
        outlet=_clean(doc.sitename),
        url=doc.url or url,
        language=_clean(getattr(doc, "language", None)),
    )


def _clean(value: str | None) -> str | None:
    value = (value or "").strip()
    return value or None


def fragment_text(html: str) -> str:
    """Text of an HTML fragment, one block element per line.

    >>> fragment_text("<p>One <b>two</b></p><p>Three</p>")
    'One two\\nThree'
    """
    try:
        root = lxml.html.fragment_fromstring(html, create_parent="div")
    except (etree.ParserError, ValueError):
        return re.sub(r"<[^>]+>", " ", html)
    parts: list[str] = []
    _walk(root, parts)
    text = "".join(parts)
    return "\n".join(line.strip() for line in text.split("\n") if line.strip())


def _walk(el: etree._Element, parts: list[str]) -> None:
    tag = el.tag if isinstance(el.tag, str) else ""
    if tag in _DROP:
        if el.tail:
            parts.append(el.tail)
        return
    block = tag in _BLOCKS
    if block:
        parts.append("\n")
    if el.text and tag:
        parts.append(el.text)
    for child in el:
        _walk(child, parts)
    if block:
        parts.append("\n")
    if el.tail:
        parts.append(el.tail)
