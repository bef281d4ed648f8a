"""Date expressions in news text, resolved against the publication date.

News dates are mostly relative or partial ("last Saturday", "in October",
"late December") and mean the past: an article of January 2025 saying "in
October" means October 2024. Explicit dates with a year go to
``text.dates``; everything relative is resolved here, by rules, so the
result is predictable and testable.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from corroborate.model import Article, Granularity, Span, TimeRef
from corroborate.text.dates import MONTH_RE, MONTHS, _mk
from corroborate.text.scan import Tokens, anchored_finditer

WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_WD = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_PARTS = r"(?:early|earlier|mid|middle|late|later|the\s+end\s+of|end|the\s+beginning\s+of|the\s+start\s+of|beginning|start)"
SEASONS = {
    "spring": (3, 5),
    "summer": (6, 8),
    "fall": (9, 11),
    "autumn": (9, 11),
    "winter": (12, 2),
}
UNITS = {"day": 1, "week": 7, "fortnight": 14, "month": 30, "year": 365, "decade": 3652}
_NUMWORD = (
    r"(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a\s+few|several)"
)
_NUMWORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
             "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
             "a few": 3, "several": 3}  # fmt: skip

# One alternation, most specific first; each branch names its kind.
DATE_RE = re.compile(
    rf"""
    (?P<iso>\b\d{{4}}-\d{{2}}-\d{{2}}\b)
  | (?:\b(?P<mdy_m>{MONTH_RE})\.?\s+(?P<mdy_d>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<mdy_y>\d{{4}})\b)?)
  | (?:\b(?P<dmy_d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<dmy_m>{MONTH_RE})\b\.?(?:,?\s+(?P<dmy_y>\d{{4}})\b)?)
  | (?:\b(?:(?:in|since|by|until|from|during|of|before|after|through)\s+)?(?:(?P<part_my>{_PARTS})[-\s]+)?(?P<my_m>{MONTH_RE})\s+(?P<my_y>\d{{4}})\b)
  | (?:\b(?P<rel_wd>last|this|next|past|on|this\s+past|coming)\s+(?P<wd>{_WD})\b)
  | (?:\b(?P<bare_wd>{_WD})\b(?!\s*,?\s*(?:{MONTH_RE}|\d)))
  | (?:\b(?P<mpre>in|since|by|until|from|during|before|after|through|last|this|next|early|mid|late)[-\s]+
        (?:(?P<part_m>{_PARTS})[-\s]+)?(?:of\s+)?(?P<m_only>{MONTH_RE})\b(?!\s+\d))
  | (?:\b(?P<dpart>early|mid|late)[-\s]+(?P<dpart_m>{MONTH_RE})\b(?!\s+\d))
  | (?:\b(?:in|since|by|until|from|during|before|after|through)\s+(?:the\s+)?(?:(?P<dec_part>early|mid|late)[-\s]+)?(?P<decade>\d{{3}}0)s\b)
  | (?:\b(?P<ypre>in|since|by|until|from|during|before|after|through|of)\s+(?:(?P<part_y>{_PARTS})[-\s]+(?:of\s+)?)?(?P<year>(?:19|20)\d\d)\b(?![-\d,.]\d))
  | (?P<day_word>\b(?:the\s+day\s+before\s+yesterday|yesterday|today|tonight|tomorrow|last\s+night|this\s+morning|this\s+afternoon|this\s+evening)\b)
  | (?:\b(?P<period_rel>last|this|next|past|earlier\s+this|later\s+this|the\s+previous|the\s+past)\s+(?P<period>week(?:end)?|month|year|fortnight)\b)
  | (?:\b(?P<ago_n>{_NUMWORD})\s+(?P<ago_u>day|week|fortnight|month|year|decade)s?\s+ago\b)
  | (?:\b(?P<season_rel>in\s+the|last|this|next|during\s+the|over\s+the|since\s+the|in|by\s+the)\s+(?P<season>spring|summer|fall|autumn|winter)\b(?:\s+of\s+(?P<season_y>\d{{4}}))?)
    """,
    re.I | re.X,
)


# Words every date expression contains at least one of (or a year, or a decade).
_TRIGGER_WORDS = frozenset(
    list(MONTHS) + WEEKDAYS + list(SEASONS) + [f"{u}{s}" for u in UNITS for
     s in ("", "s")] + ["yesterday", "today", "tonight", "tomorrow", "night", "morning", "afternoon", "evening", "weekend"]
)  # fmt: skip
_YEAR_TOKEN = re.compile(r"(?:1[89]|20)\d\d|\d{3}0s")


# Words a date expression may begin with before its trigger word ("since the
# end of", "a few weeks ago", "this past"), besides numbers ("12 October").
_STARTERS = frozenset(
    [
        "in",
        "since",
        "by",
        "until",
        "from",
        "during",
        "of",
        "before",
        "after",
        "through",
        "early",
        "earlier",
        "mid",
        "middle",
        "late",
        "later",
        "the",
        "end",
        "beginning",
        "start",
        "last",
        "this",
        "next",
        "past",
        "on",
        "coming",
        "over",
    ]
) | frozenset(w.split()[0] for w in _NUMWORDS)


def _is_year(word: str) -> bool:
    return _YEAR_TOKEN.match(word) is not None


def date_matches(
    text: str, start: int = 0, end: int | None = None, tokens: Tokens | None = None
) -> Iterator[re.Match[str]]:
    """``DATE_RE`` matches in ``text[start:end]``, tried only near trigger words."""
    tokens = tokens or Tokens(text)
    triggers = tokens.triggers(_TRIGGER_WORDS, numeric=_is_year)
    return anchored_finditer(
        DATE_RE, text, tokens, triggers, start, end, starters=_STARTERS, numeric_starts=True
    )


@dataclass(slots=True, frozen=True)
class _Parsed:
    start: date
    end: date
    granularity: Granularity


Preference = Literal["past", "future", "nearest"]


def _month_end(y: int, m: int) -> date:
    return date(y, m, calendar.monthrange(y, m)[1])


def _part_of_month(y: int, m: int, part: str | None) -> tuple[date, date]:
    last = calendar.monthrange(y, m)[1]
    p = (part or "").lower()
    if p.startswith(("early", "beginning", "the beginning", "start", "the start")):
        return date(y, m, 1), date(y, m, 10)
    if p.startswith(("mid", "middle")):
        return date(y, m, 11), date(y, m, 20)
    if p.startswith(("late", "end", "the end")):
        return date(y, m, 21), date(y, m, last)
    return date(y, m, 1), date(y, m, last)


def _month_year(m: int, anchor: date, pref: Preference) -> int:
    """The year of a year-less month: the latest one not after the anchor, news-style."""
    if pref == "future":
        return anchor.year if m >= anchor.month else anchor.year + 1
    return anchor.year if m <= anchor.month else anchor.year - 1


def _day_year(m: int, d: int, anchor: date) -> int | None:
    """The year of a year-less day: this year unless that is more than a month ahead."""
    this = _mk(anchor.year, m, d)
    if this is None:
        return None
    if this <= anchor + timedelta(days=31):
        return anchor.year
    return anchor.year - 1


def _weekday(anchor: date, wd: int, rel: str) -> date:
    rel = " ".join(rel.lower().split())
    back = (anchor.weekday() - wd) % 7
    if rel in ("next", "coming"):
        ahead = (wd - anchor.weekday()) % 7 or 7
        return anchor + timedelta(days=ahead)
    if rel in ("last", "past", "this past"):
        return anchor - timedelta(days=back or 7)
    return anchor - timedelta(days=back)  # "on Saturday", "this Saturday": the nearest past one


def _parse(m: re.Match[str], anchor: date | None) -> _Parsed | None:
    g = m.groupdict()
    if g["iso"]:
        iy, mo, d = (int(x) for x in g["iso"].split("-"))
        day = _mk(iy, mo, d)
        return _Parsed(day, day, "day") if day else None
    if g["mdy_m"] or g["dmy_m"]:
        mon = MONTHS[(g["mdy_m"] or g["dmy_m"]).lower().rstrip(".")]
        d = int(g["mdy_d"] or g["dmy_d"])
        ys = g["mdy_y"] or g["dmy_y"]
        if ys:
            y: int | None = int(ys)
        elif anchor:
            y = _day_year(mon, d, anchor)
        else:
            return None
        day = _mk(y, mon, d) if y else None
        return _Parsed(day, day, "day") if day else None
    if g["my_m"]:
        mon, y = MONTHS[g["my_m"].lower().rstrip(".")], int(g["my_y"])
        if not 1900 <= y <= 2100:
            return None
        s, e = _part_of_month(y, mon, g["part_my"])
        return _Parsed(s, e, "month" if not g["part_my"] else "week")
    if g["decade"]:
        start = int(g["decade"])
        part = (g["dec_part"] or "").lower()
        lo, hi = {"early": (0, 3), "mid": (4, 6), "late": (7, 9)}.get(part, (0, 9))
        return _Parsed(date(start + lo, 1, 1), date(start + hi, 12, 31), "decade")
    if g["year"]:
        y = int(g["year"])
        part = (g["part_y"] or "").lower()
        if part.startswith(("early", "beginning", "the beginning", "start", "the start")):
            return _Parsed(date(y, 1, 1), date(y, 4, 30), "season")
        if part.startswith(("mid", "middle")):
            return _Parsed(date(y, 5, 1), date(y, 8, 31), "season")
        if part.startswith(("late", "end", "the end")):
            return _Parsed(date(y, 9, 1), date(y, 12, 31), "season")
        return _Parsed(date(y, 1, 1), date(y, 12, 31), "year")
    if anchor is None:
        return None
    if g["wd"] or g["bare_wd"]:
        wd = WEEKDAYS.index((g["wd"] or g["bare_wd"]).lower())
        day = _weekday(anchor, wd, g["rel_wd"] or "on")
        return _Parsed(day, day, "day")
    if g["m_only"] or g["dpart_m"]:
        mon = MONTHS[(g["m_only"] or g["dpart_m"]).lower().rstrip(".")]
        pre = (g["mpre"] or "").lower()
        pref: Preference = "future" if pre == "next" else "past"
        y = _month_year(mon, anchor, pref)
        if pre == "last" and mon == anchor.month:
            y -= 1
        part = g["part_m"] or g["dpart"] or (pre if pre in ("early", "mid", "late") else None)
        s, e = _part_of_month(y, mon, part)
        return _Parsed(s, e, "month" if not part else "week")
    if g["day_word"]:
        w = " ".join(g["day_word"].lower().split())
        delta = {"yesterday": -1, "last night": -1, "tomorrow": 1, "the day before yesterday": -2}
        day = anchor + timedelta(days=delta.get(w, 0))
        return _Parsed(day, day, "day")
    if g["period"]:
        return _period(anchor, " ".join(g["period_rel"].lower().split()), g["period"].lower())
    if g["ago_n"]:
        n = _NUMWORDS.get(" ".join(g["ago_n"].lower().split())) or int(g["ago_n"])
        unit = g["ago_u"].lower()
        if unit == "year":
            return _Parsed(date(anchor.year - n, 1, 1), date(anchor.year - n, 12, 31), "year")
        if unit == "month":
            y, mo = divmod(anchor.year * 12 + anchor.month - 1 - n, 12)
            return _Parsed(date(y, mo + 1, 1), _month_end(y, mo + 1), "month")
        day = anchor - timedelta(days=n * UNITS[unit])
        return _Parsed(day, day, "day" if unit == "day" else "week")
    if g["season"]:
        return _season(anchor, g["season"].lower(), (g["season_rel"] or "").lower(), g["season_y"])
    return None


def _period(anchor: date, rel: str, period: str) -> _Parsed:
    shift = {"last": -1, "past": -1, "the previous": -1, "the past": -1, "next": 1}.get(rel, 0)
    if period == "weekend":
        sat = anchor - timedelta(days=(anchor.weekday() - 5) % 7)
        if shift == 1:
            sat += timedelta(days=7)
        elif shift == -1 and anchor.weekday() >= 5:
            sat -= timedelta(days=7)
        return _Parsed(sat, sat + timedelta(days=1), "weekend")
    if period in ("week", "fortnight"):
        monday = anchor - timedelta(days=anchor.weekday()) + timedelta(days=7 * shift)
        if rel.startswith("earlier"):
            return _Parsed(monday, anchor, "week")
        return _Parsed(monday, monday + timedelta(days=6), "week")
    if period == "month":
        y, mo = divmod(anchor.year * 12 + anchor.month - 1 + shift, 12)
        if rel.startswith("earlier"):
            return _Parsed(date(y, mo + 1, 1), anchor, "month")
        return _Parsed(date(y, mo + 1, 1), _month_end(y, mo + 1), "month")
    y = anchor.year + shift
    if rel.startswith("earlier"):
        return _Parsed(date(y, 1, 1), anchor, "year")
    return _Parsed(date(y, 1, 1), date(y, 12, 31), "year")


def _season(anchor: date, season: str, rel: str, year: str | None) -> _Parsed:
    m1, m2 = SEASONS[season]
    if year:
        y = int(year)
    else:
        # the latest season that has begun by the anchor ("in the fall" said in January)
        y = anchor.year if (anchor.month, anchor.day) >= (m1, 1) else anchor.year - 1
        if rel == "next":
            y += 1
        elif rel == "last" and (anchor.month >= m1 or (m1 > m2 and anchor.month <= m2)):
            y -= 1
    end_y = y + 1 if m2 < m1 else y
    return _Parsed(date(y, m1, 1), _month_end(end_y, m2), "season")


_LEAD = re.compile(r"(?:in|since|by|until|from|during|before|after|through|of|on)\s+", re.I)
_NOT_A_DATE_AFTER = re.compile(r"\s*(?:-|–)?\s*(?:year|yr)s?[-\s]old\b", re.I)


def find_dates(
    text: str,
    article: str,
    anchor: date | None,
    anchor_source: Literal["published", "inferred", "explicit", "none"] = "published",
    start: int = 0,
    end: int | None = None,
    tokens: Tokens | None = None,
) -> Iterator[TimeRef]:
    """Every date expression in ``text[start:end]``, resolved against ``anchor``.

    >>> [t.iso for t in find_dates("Last Saturday and in October", "a", date(2025, 1, 13))]
    ['2025-01-11', '2024-10']
    """
    for m in date_matches(text, start, end, tokens):
        if m["bare_wd"] and m.start() > 0 and text[m.start() - 1] in "'’":
            continue
        if m["day_word"] and text.startswith(("'s", "’s"), m.end()):
            continue  # "today's world" is not a date
        if m["year"] and _NOT_A_DATE_AFTER.match(text, m.end()):
            continue
        parsed = _parse(m, anchor)
        s, e = m.start(), m.end()
        # the span is the date phrase itself, without the leading preposition
        lead = _LEAD.match(m[0])
        if lead and not (m["rel_wd"] or m["season_rel"]):
            s += lead.end()
        span = Span(article, s, e, text[s:e])
        if parsed is None:
            yield TimeRef(span, None, None, "day", anchor, "none")
            continue
        yield TimeRef(
            span, parsed.start, parsed.end, parsed.granularity, anchor,
            "explicit" if _is_explicit(m) else anchor_source,
        )  # fmt: skip


def _is_explicit(m: re.Match[str]) -> bool:
    return bool(m["iso"] or m["mdy_y"] or m["dmy_y"] or m["my_m"] or m["decade"] or m["year"])


def latest_explicit(text: str) -> date | None:
    """The latest explicit (year-bearing) day mentioned: a lower bound on the publication date."""
    best: date | None = None
    for m in date_matches(text):
        if m["iso"] or m["mdy_y"] or m["dmy_y"]:
            p = _parse(m, None)
            if p and (best is None or p.end > best):
                best = p.end
    return best


def infer_anchor(text: str, story_dates: list[date]) -> date | None:
    """An anchor for an undated article: the story's earliest date, but not
    before the latest explicit day the article itself mentions."""
    floor = latest_explicit(text)
    base = min(story_dates) if story_dates else None
    if base is None:
        return floor
    return max(base, floor) if floor else base


AnchorSource = Literal["published", "inferred", "none"]


def effective_date(
    article: Article, story_dates: Sequence[date] | None = None
) -> tuple[date | None, AnchorSource]:
    """The one date an article is read against, and where it came from.

    Its publication date. Undated, before it has a story (``story_dates``
    None: clustering's time window), the latest explicit day its text gives,
    a lower bound. Undated in a story: the story's earliest publication date,
    never before that day; in a story with no dated article, none (a lone
    lower bound, "the attacks of 11 September 2001", dates no figure).
    Extraction (relative dates) and cross-checking (undated figures) take it
    from here, so a figure is never dated before the day its own article names.
    """
    if article.published is not None:
        return article.published, "published"
    if story_dates is not None and not story_dates:
        return None, "none"
    day = infer_anchor(article.text, list(story_dates or ()))
    return day, ("inferred" if day is not None else "none")


def effective_dates(articles: Sequence[Article]) -> dict[str, tuple[date | None, AnchorSource]]:
    """``effective_date`` of every article of one story."""
    dated = [a.published for a in articles if a.published]
    return {a.id: effective_date(a, dated) for a in articles}
