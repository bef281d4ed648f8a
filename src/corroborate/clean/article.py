"""From a reader's ``RawRecord`` to a clean ``Article``."""

from __future__ import annotations

import hashlib

from corroborate.clean.boilerplate import clean_text
from corroborate.clean.html import extract_page, fragment_text, is_whole_page
from corroborate.clean.language import detect_language
from corroborate.clean.metadata import host_of
from corroborate.config import CleanConfig
from corroborate.errors import BadInput
from corroborate.ingest.base import RawRecord, valid_record
from corroborate.model import Article
from corroborate.text.segment import split_sentences


def article_id(text: str, url: str | None, outlet: str | None) -> str:
    """Content-based id: the same article read twice gets the same id.

    >>> article_id("Body.", "https://example.org/a", None)
    'a-534b0f484fe88faa'
    """
    h = hashlib.blake2b(digest_size=8)
    for part in (url or "", outlet or "", text):
        h.update(part.encode("utf-8", "surrogatepass"))
        h.update(b"\x00")
    return "a-" + h.hexdigest()


def build_article(record: RawRecord, config: CleanConfig | None = None) -> Article:
    """Clean one record; raises ``BadInput`` when no article text remains.

    The record's text is made valid Unicode first (``valid_record``)."""
    config = config or CleanConfig()
    record = valid_record(record)
    url, title, author = record.url, record.title, record.author
    published, outlet, language = record.published, record.outlet, record.language
    if record.html is not None:
        if is_whole_page(record.html):
            page = extract_page(record.html, url)
            source = page.text
            url = url or page.url
            title = title or page.title
            author = author or page.author
            published = published or page.published
            outlet = outlet or page.outlet
        else:
            source = fragment_text(record.html)
    else:
        source = record.text or ""
    cleaned = clean_text(source, title)
    text = cleaned.text
    if len(text.strip()) < config.min_body_chars:
        raise BadInput("no article text left after removing boilerplate")
    found = cleaned.harvest
    url = url or found.url
    outlet = outlet or found.outlet or host_of(url)
    return Article(
        id=article_id(text, url, outlet),
        path=record.path,
        text=text,
        source_text=source,
        offset_map=cleaned.offset_map,
        format=record.format,
        url=url,
        outlet=outlet,
        title=title or found.title,
        author=author or found.author,
        published=published or found.published,
        language=language or detect_language(text, config.language_sample),
        sentences=split_sentences(text),
        removed=cleaned.removed,
        record_id=record.record_id,
    )
