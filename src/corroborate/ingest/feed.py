"""RSS and Atom feeds (feedparser): every entry with content is an article."""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from datetime import date
from typing import Any

import feedparser

from corroborate.errors import BadInput
from corroborate.ingest.base import RawRecord, ReadResult, Source
from corroborate.ingest.decode import decode
from corroborate.model import InputError
from corroborate.text.dates import parse_date

_SURROGATE_REF = re.compile(
    r"&#(?:[xX]0*[dD][89a-fA-F][0-9a-fA-F]{2}"
    r"|0*(?:5529[6-9]|55[3-9]\d\d|56\d{3}|57[0-2]\d\d|573[0-3]\d|5734[0-3]));"
)


def _entry_date(entry: Any) -> date | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        st = entry.get(key)
        if isinstance(st, time.struct_time):
            try:
                return date(st.tm_year, st.tm_mon, st.tm_mday)
            except (ValueError, OverflowError):
                continue
    for key in ("published", "updated"):
        value = entry.get(key)
        if isinstance(value, str):
            return parse_date(value)
    return None


def _entry_html(entry: Any) -> str | None:
    # full content (content:encoded, atom:content) beats the summary
    for content in entry.get("content") or []:
        value = content.get("value")
        if value and value.strip():
            return str(value)
    summary = entry.get("summary")
    return str(summary) if summary and summary.strip() else None


def read_feed(src: Source) -> Iterator[ReadResult]:
    # a character reference to a lone surrogate ("&#xD800;") is never text
    # and breaks feedparser: it becomes U+FFFD, as HTML5 parsers do
    text = _SURROGATE_REF.sub("&#xFFFD;", decode(src.data))
    parsed = feedparser.parse(text, sanitize_html=False, resolve_relative_uris=False)
    if not parsed.entries:
        if parsed.bozo:
            problem = getattr(parsed.get("bozo_exception"), "getMessage", lambda: None)()
            raise BadInput(f"malformed feed: {problem or parsed.get('bozo_exception')}")
        raise BadInput("feed has no entries")
    outlet = parsed.feed.get("title") or None
    for i, entry in enumerate(parsed.entries):
        path = f"{src.label}#{i}"
        html = _entry_html(entry)
        if html is None:
            yield InputError(path, "feed entry has no content or summary")
            continue
        yield RawRecord(
            path=path,
            format="feed",
            html=html,
            url=entry.get("link") or None,
            title=entry.get("title") or None,
            published=_entry_date(entry),
            outlet=outlet,
            author=entry.get("author") or None,
            record_id=entry.get("id") or None,
            language=(entry.get("language") or parsed.feed.get("language") or None),
        )
