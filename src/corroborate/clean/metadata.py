"""Metadata harvested from the lines cleaning removes.

Scraped text carries its metadata as debris: a dateline ("Kursk,
RussiaMon Jan 13 2025"), a bare URL, "Follow Jane Doe on Twitter", a
copyright or site line. These functions read one line each and return the
value or None; the cleaner decides which lines to drop.
"""

from __future__ import annotations

import re
from datetime import date
from urllib.parse import urlsplit

from corroborate.text.dates import MONTH_RE, _mk, parse_date, parse_english_date

_NAME = r"(?-i:[A-Z][\w'’.-]+(?:\s+(?:[A-Z][\w'’.-]+|de|van|von|da|al|bin|el|la|le|du)){1,4})"
_TIME = (
    r"\d{1,2}[:.h]\d{2}(?::\d{2})?\s*(?:[ap]\.?\s?m\.?)?"
    r"(?:\s*(?:GMT|UTC|[ECMP][SD]T|CET|CEST|EET|EEST|BST|IST|KST|JST|MSK)(?:\s*[+-]\s*\d{1,2}(?::?\d{2})?)?)?"
)
_WEEKDAY = r"(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)(?:day|sday|nesday|rsday|urday)?\.?,?"
_DATE_PARTS = re.compile(
    rf"\d{{4}}-\d{{2}}-\d{{2}}(?:T[\d:.]+(?:Z|[+-]\d{{2}}:?\d{{2}})?)?"
    rf"|{MONTH_RE}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{MONTH_RE}\.?,?\s+\d{{4}}"
    rf"|\d{{1,2}}[/.]\d{{1,2}}[/.]\d{{4}}"
    rf"|{_TIME}|{_WEEKDAY}",
    re.I,
)
_NUMERIC = re.compile(r"\b(\d{1,2})([/.])(\d{1,2})\2(\d{4})\b")
_PREFIX = re.compile(
    r"^\s*(?:(?:last\s+)?updated|published|posted|first published|modified|date|dated|"
    r"aktualisiert|veröffentlicht|mis à jour|publié|publicado|atualizado)\b\s*(?:on|at|:)?\s*",
    re.I,
)
_BY_TAIL = re.compile(rf"[|,-]?\s*\bby\s+({_NAME}|(?-i:[A-Z][\w'’.-]+))\s*$", re.I)
_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")
_LEFTOVER_OK = frozenset(["on", "at", "the", "in", "de", "am", "um", "le", "el", "a", "à"])


def _numeric_date(line: str) -> date | None:
    m = _NUMERIC.search(line)
    if not m:
        return None
    a, sep, b, y = int(m[1]), m[2], int(m[3]), int(m[4])
    # 11/19/2019: the day is whichever part exceeds 12; otherwise "/" is US
    # month-first and "." is European day-first.
    if a > 12 or (sep == "." and b <= 12):
        return _mk(y, b, a)
    return _mk(y, a, b)


def dateline(line: str) -> tuple[date, str | None] | None:
    """``(date, author)`` if ``line`` is only a dateline, else None.

    A dateline is a date with at most a place, a time, a weekday, a view
    count and a "by NAME" tail around it.

    >>> dateline("Jan 21, 2025 10:35 122")
    (datetime.date(2025, 1, 21), None)
    >>> dateline("5:45 AM PST 11/19/2019 by Patrick Shanley")
    (datetime.date(2019, 11, 19), 'Patrick Shanley')
    >>> dateline("Published in 1990, the book sold well") is None
    True
    """
    if len(line) > 140 or not _YEAR.search(line) or "@" in line or line[0] in "—–":
        return None  # "@" and a leading dash: the signature of an embedded tweet
    if len(_YEAR.findall(line)) > 1 and len(_DATE_PARTS.findall(line)) > 1:
        return None  # a date range ("29 November 2018 | 20 January 2019") is content
    found = parse_english_date(line) or _numeric_date(line)
    author = None
    m = _BY_TAIL.search(line)
    rest = line[: m.start()] if m else line
    if m:
        author = m.group(1)
    rest = _DATE_PARTS.sub(" ", _PREFIX.sub("", rest))
    words = re.findall(r"[^\W\d_]+", rest)
    if found:
        leftovers = [w for w in words if w.lower() not in _LEFTOVER_OK]
        # what remains may be a place ("Kursk, Russia"), nothing else
        if len(leftovers) <= 4 and all(w[0].isupper() for w in leftovers):
            return found, author
        return None
    # another language: a short line with a day number and a year
    if len(words) <= 6 and re.search(r"\b\d{1,2}\b", line) and len(line) <= 80:
        parsed = parse_date(re.sub(_TIME, " ", line))
        if parsed:
            return parsed, author
    return None


_BYLINE = re.compile(
    rf"^(?:by|written by|words by|author|autor|auteur|por|par|von)\s*:?\s+({_NAME}|(?-i:[A-Z][\w'’.-]+))",
    re.I,
)
_FOLLOW = re.compile(rf"^follow\s+({_NAME})\s+on\b", re.I)
_CREDIT = re.compile(rf"^\(?(?:reporting|written|writing)\s+by\s+({_NAME})", re.I)
_NOT_PEOPLE = frozenset(["the", "us", "our", "news", "live"])


def author_from(line: str, reason: str) -> str | None:
    """A person's name from a byline, follow or credit line."""
    pattern = {"byline": _BYLINE, "follow": _FOLLOW, "credit": _CREDIT}.get(reason)
    if pattern is None:
        return None
    m = pattern.search(line)
    if not m:
        return None
    name = m.group(1).strip(" .,")
    if name.split()[0].lower() in _NOT_PEOPLE:
        return None
    return name


_OUTLET_PATTERNS = (
    re.compile(r"^last news in\s+(.{2,60}?)\s*$", re.I),
    re.compile(
        r"^(?:©|copyright|\(c\))\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*)?(?:by\s+)?"
        r"([^\d\s©][^.|,©\d]{1,60}?)(?:\s+\d{4}|\s*[.|,-]|\s+all rights|\s*$)",
        re.I,
    ),
)


_BYLINE_OUTLET = re.compile(r"^by\s+[^,|]+[,|]\s*([A-Z][\w&.'’ -]{2,40}?)\s*$", re.I)


def outlet_from(line: str) -> str | None:
    """An outlet named by a site, copyright or byline line.

    >>> outlet_from("By Sana Ivers, Harbor Ledger"), outlet_from("Last news in Fakti")
    ('Harbor Ledger', 'Fakti')
    """
    m = _BYLINE_OUTLET.match(line)
    if m and m.group(1).lower() not in ("staff", "staff writer", "correspondent"):
        return m.group(1)
    for pattern in _OUTLET_PATTERNS:
        m = pattern.search(line)
        if m:
            return m.group(1).strip(" .,:;-") or None
    return None


_URL_LINE = re.compile(r"^(?:<)?((?:https?://|www\.)[^\s<>\"']+)(?:>)?$", re.I)
_DOMAIN_LINE = re.compile(r"^(?:[\w-]+\.)+[a-z]{2,12}(?:/\S*)?$", re.I)
_EMAIL_LINE = re.compile(r"^(?:e-?mail\s*:?\s*)?[\w.+-]+@[\w-]+\.[\w.-]+$", re.I)
SOCIAL_HOSTS = frozenset(
    [
        "twitter.com",
        "x.com",
        "facebook.com",
        "instagram.com",
        "t.co",
        "youtube.com",
        "youtu.be",
        "linkedin.com",
        "tiktok.com",
        "t.me",
        "telegram.me",
        "whatsapp.com",
        "pinterest.com",
        "reddit.com",
        "po.st",
        "bit.ly",
    ]
)


def url_of(line: str) -> str | None:
    """The URL if ``line`` is nothing but a URL."""
    m = _URL_LINE.match(line)
    if not m:
        return None
    url = m.group(1).rstrip(".,;)")
    return url if url.lower().startswith("http") else "https://" + url


def is_contact_line(line: str) -> bool:
    return bool(_EMAIL_LINE.match(line) or (_DOMAIN_LINE.match(line) and "." in line.split("/")[0]))


def host_of(url: str | None) -> str | None:
    if not url:
        return None
    try:
        host = urlsplit(url).hostname or ""
    except ValueError:
        return None
    host = host.lower()
    return host[4:] if host.startswith("www.") else host or None


def is_article_url(url: str) -> bool:
    host = host_of(url)
    return bool(host) and host not in SOCIAL_HOSTS
