"""Explicit date parsing: fast paths for the common forms, dateparser for the rest.

Relative expressions ("last Saturday") are not handled here; they need a
reference date and news-aware rules (extraction stage).
"""

from __future__ import annotations

import re
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from functools import lru_cache

MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4,
    "april": 4, "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8,
    "sep": 9, "sept": 9, "september": 9, "oct": 10, "october": 10, "nov": 11,
    "november": 11, "dec": 12, "december": 12,
}  # fmt: skip
MONTH_RE = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_MDY = re.compile(rf"({MONTH_RE})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})", re.I)
_DMY = re.compile(rf"(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({MONTH_RE})\.?,?\s+(\d{{4}})", re.I)

MIN_YEAR, MAX_YEAR = 1900, 2100


def _mk(y: int, m: int, d: int) -> date | None:
    if not MIN_YEAR <= y <= MAX_YEAR:
        return None
    try:
        return date(y, m, d)
    except ValueError:
        return None


def parse_english_date(s: str) -> date | None:
    """Find the first ISO or English month-name date in ``s``.

    >>> parse_english_date("Kursk, RussiaMon Jan 13 2025")
    datetime.date(2025, 1, 13)
    """
    m = _ISO.search(s)
    if m:
        return _mk(int(m[1]), int(m[2]), int(m[3]))
    m = _MDY.search(s)
    if m:
        return _mk(int(m[3]), MONTHS[m[1].lower().rstrip(".")], int(m[2]))
    m = _DMY.search(s)
    if m:
        return _mk(int(m[3]), MONTHS[m[2].lower().rstrip(".")], int(m[1]))
    return None


@lru_cache(maxsize=4096)
def parse_date(value: str | None) -> date | None:
    """Parse an explicit date in any common format or language; None if none.

    >>> parse_date("Tue, 21 Jan 2025 10:35:00 +0000")
    datetime.date(2025, 1, 21)
    >>> parse_date("22 de outubro de 2010")
    datetime.date(2010, 10, 22)
    """
    if not value:
        return None
    value = value.strip()[:200]  # a date is short: a longer value is not one
    if not value:
        return None
    found = parse_english_date(value)
    if found:
        return found
    try:
        found = parsedate_to_datetime(value).date()
        return found if MIN_YEAR <= found.year <= MAX_YEAR else None
    except (TypeError, ValueError, IndexError, OverflowError):
        pass
    return _dateparser(value)


def _dateparser(value: str) -> date | None:
    if not re.search(r"\d{4}", value):
        return None  # a year-less phrase is relative or partial: not ours to guess
    import dateparser  # heavy import, only when the fast paths fail

    try:
        dt = dateparser.parse(
            value,
            settings={
                "PREFER_DAY_OF_MONTH": "first",
                "RETURN_AS_TIMEZONE_AWARE": False,
                "STRICT_PARSING": False,
                "REQUIRE_PARTS": ["day", "month", "year"],
            },
        )
    except Exception:  # dateparser raises assorted errors on odd input
        return None
    if isinstance(dt, datetime) and MIN_YEAR <= dt.year <= MAX_YEAR:
        return dt.date()
    return None
