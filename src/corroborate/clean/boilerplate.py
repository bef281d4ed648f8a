"""Line-level boilerplate removal with provenance and metadata harvesting.

The input is a text as scrapers hand it over (or as trafilatura extracts it
from HTML): one paragraph per line, plus debris. Each line is judged:

1. on its own, by the pattern families in ``rules`` and a few functions
   (datelines, bare URLs, keyboard mash);
2. by position: heading-like lines before the first prose line are the title,
   its repeats, or section labels; heading-like lines after the last prose
   line are teasers of other stories; lines under a related-links header are
   related links until prose resumes;
3. against what came before: a repeat of the title or of a kept line.

Kept lines are normalised (``TextBuilder``) and joined with blank lines, so
every clean offset maps back to the source; removed lines keep their reason.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from corroborate.clean import metadata as meta
from corroborate.clean.rules import SHORT_WORDS, match_rule
from corroborate.model import OffsetMap, RemovedLine
from corroborate.text.normalise import TextBuilder

PARAGRAPH_BREAK = "\n\n"
MAX_HEADING_WORDS = 20


@dataclass(slots=True)
class Harvest:
    """Metadata found in removed lines; the first value found wins."""

    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    author: str | None = None
    published: date | None = None

    def offer(self, **values: object) -> None:
        for key, value in values.items():
            if value and getattr(self, key) is None:
                setattr(self, key, value)


@dataclass(slots=True)
class CleanText:
    text: str
    offset_map: OffsetMap
    removed: list[RemovedLine] = field(default_factory=list)
    harvest: Harvest = field(default_factory=Harvest)


@dataclass(slots=True)
class _Line:
    text: str
    start: int
    end: int
    words: int
    heading: bool
    reason: str | None = None
    opens_list: bool = False


_LETTERS_DIGITS = re.compile(r"[^\W_]")
_KEY = re.compile(r"[\W_]+")
_TITLE_SUFFIX = re.compile(r"^(?:\s*[-–—|:]\s*)?(?:\d{1,3}|photo|video|\(\d+\))?$", re.I)
_KEYBOARD_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")
_CLOSERS = "\"'”’)»]*"


def _key(text: str) -> str:
    return _KEY.sub(" ", text.lower()).strip()


def is_heading(text: str, words: int) -> bool:
    """Short and without closing punctuation: a title, subheading or teaser.

    >>> is_heading("Military training in November", 4), is_heading("He left.", 2)
    (True, False)
    """
    if words > MAX_HEADING_WORDS:
        return False
    core = text.rstrip(_CLOSERS)
    if not core:
        return True
    last = core[-1]
    if core.endswith(("...", "…")):
        return words <= 12
    if last == "?":
        return words <= 14 and not text.endswith(('"', "”", "'", "’"))
    return last not in ".!:;,"


def is_keyboard_mash(token: str) -> bool:
    """A lone token typed by a cat or a test: "fdfddfdffddfdfdf", "asdfgh".

    >>> is_keyboard_mash("fdfddfdffddfdfdf"), is_keyboard_mash("Zelenskyy")
    (True, False)
    """
    if len(token) < 5 or not token.isalpha():
        return False
    low = token.lower()
    if len(set(low)) <= max(2, len(low) // 5):
        return True
    if low.isascii():
        if not re.search(r"[aeiouy]", low):
            return True
        if any(low in row or low[:5] in row for row in _KEYBOARD_ROWS):
            return True
        if re.search(r"(\w{2,3})\1\1", low):
            return True
    return False


def _intrinsic(line: _Line, harvest: Harvest) -> None:
    """Judge a line on its own; harvest metadata from what is removed."""
    if line.reason == "dateline":  # a stamp split off the first line; a month dates nothing
        found = meta.dateline(line.text)
        harvest.offer(published=found[0] if found else None)
        return
    if line.words > SHORT_WORDS:
        return  # every family applies to short lines only: prose goes straight through
    text = line.text
    if not _LETTERS_DIGITS.search(text):
        line.reason = "punctuation"
        return
    url = meta.url_of(text) if text[:1] in "hHwW<" else None
    if url:
        line.reason = "url"
        if meta.is_article_url(url):
            harvest.offer(url=url)
        return
    if line.words == 1:
        if ("@" in text or "." in text) and meta.is_contact_line(text):
            line.reason = "contact"
            return
        if is_keyboard_mash(text):
            line.reason = "junk"
            return
        if text.isalpha() and text.islower():
            line.reason = "interface"  # a stray button label: "actions", "menu"
            return
    rule = match_rule(text, line.words)
    if rule is not None:
        line.reason = rule.reason
        line.opens_list = rule.opens_list
        harvest.offer(author=meta.author_from(text, rule.reason))
        if rule.reason in ("navigation", "copyright", "caption", "byline"):
            harvest.offer(outlet=meta.outlet_from(text))
        if rule.reason == "byline":
            found = meta.dateline(text)
            if found:
                harvest.offer(published=found[0])
        return
    if line.words <= 16:
        found = meta.dateline(text)
        if found:
            line.reason = "dateline"
            harvest.offer(published=found[0], author=found[1])
            return
        if line.words <= 2 and "@" in text and meta.is_contact_line(text):
            line.reason = "contact"


def _is_title_repeat(text: str, title_key: str) -> bool:
    key = _key(text)
    if key == title_key:
        return True
    # "What awaits … return home - 1": the title reused as a photo caption
    return (
        bool(title_key)
        and key.startswith(title_key)
        and bool(
            _TITLE_SUFFIX.match(text[len(text) - (len(key) - len(title_key)) - 2 :].strip(" -–—|:"))
            or len(key) - len(title_key) <= 4
        )
    )


# A date stamp that a scraper put in front of the first line ("date
# 2023-06-14 Dozens killed ...", "Published: 2023-06-14 | Storm ..."): its own
# line, so that it is harvested and the headline after it stays a headline.
_STAMP = re.compile(
    r"(?:(?:date|dated|published|posted|updated)\s*:?\s*\d{4}-\d{2}(?:-\d{2})?"
    r"|\d{4}-\d{2}-\d{2}(?=\s*[|–—]))(?:[T ]\d{2}:\d{2}(?::\d{2})?Z?)?\s*[|–—]?\s*(?=\S)",
    re.I,
)


def split_lines(source: str) -> list[_Line]:
    lines: list[_Line] = []
    for m in re.finditer(r"[^\n\r]+", source):
        raw = m.group()
        stripped = raw.strip()
        if not stripped:
            continue
        start = m.start() + (len(raw) - len(raw.lstrip()))
        stamp = _STAMP.match(stripped) if not lines else None
        if stamp:
            date_part = stripped[: stamp.end()].rstrip(" |–—")
            lines.append(_Line(date_part, start, start + len(date_part), len(date_part.split()),
                               False, "dateline"))  # fmt: skip
            start += stamp.end()
            stripped = stripped[stamp.end() :]
        words = len(stripped.split())
        lines.append(
            _Line(stripped, start, start + len(stripped), words, is_heading(stripped, words))
        )
    return lines


def classify(lines: list[_Line], title: str | None, harvest: Harvest) -> None:
    """Set ``reason`` on every line that is boilerplate."""
    for line in lines:
        _intrinsic(line, harvest)
    prose = [i for i, ln in enumerate(lines) if ln.reason is None and not ln.heading]
    if not prose:
        # An excerpt with no prose line at all (a headline, a list): position
        # tells nothing, so only the line-level judgements stand.
        _mark_title_repeats(lines, title)
        return
    first, last = prose[0], prose[-1]
    if title is None:
        for line in lines[:first]:
            if line.reason is None and line.heading and line.words > 2:
                title = line.text
                harvest.offer(title=title)
                line.reason = "title"
                break
    _mark_title_repeats(lines, title)
    for line in lines[:first]:
        if (
            line.reason is None
            and line.heading
            and line.words <= 2
            and not any(c.isdigit() for c in line.text)
        ):
            line.reason = "section label"  # kicker above the title: "Review", "World news"
    in_list = False
    for i, line in enumerate(lines):
        if line.opens_list:
            in_list = True
            continue
        if in_list:
            if line.reason is None and not line.heading:
                in_list = False
            elif line.reason is None:
                line.reason = "related links"
        if (
            i > last
            and line.reason is None
            and _is_teaser(line)
            and not lines[last].text.endswith(":")
        ):
            line.reason = "related links"  # headlines of other stories after the body
    previous = ""
    for line in lines:
        if line.reason is None:
            # Only immediate repeats: an interview may rightly repeat a question.
            key = line.text.lower()
            if key == previous and line.words >= 2:
                line.reason = "repeated line"
            previous = key


_LIST_ITEM = re.compile(r"^(?:[-•*–·]|\d{1,3}[.)]|[a-z][.)])\s")
_NOT_TEASER = re.compile(
    r"^[\[(].*[\])]$|\s:\s|=|@|pic\.twitter"
)  # notes, tables, tweets, listings


def _is_teaser(line: _Line) -> bool:
    """A headline of another story: capitalised, 4+ words, not a list item.

    >>> _is_teaser(_Line("Taylor Swift is allowed to play at the AMAs", 0, 0, 9, True))
    True
    >>> _is_teaser(_Line("- Spain (Group F): 11th appearance", 0, 0, 6, True))
    False
    """
    text = line.text
    return (
        line.heading
        and line.words >= 4
        and (text[0].isupper() or text[0] in "\"'")
        and not _LIST_ITEM.match(text)
        and not _NOT_TEASER.search(text)
    )


def _mark_title_repeats(lines: list[_Line], title: str | None) -> None:
    if not title:
        return
    title_key = _key(title)
    for line in lines:
        if line.reason is None and line.heading and _is_title_repeat(line.text, title_key):
            line.reason = "repeated title"


def clean_text(source: str, title: str | None = None) -> CleanText:
    """Remove boilerplate lines from ``source`` and normalise what is kept.

    ``title`` is a known title (from HTML or a record); without it, the first
    heading above the body becomes the title.
    """
    harvest = Harvest(title=title)
    lines = split_lines(source)
    classify(lines, title, harvest)
    builder = TextBuilder()
    removed: list[RemovedLine] = []
    for line in lines:
        if line.reason is not None:
            removed.append(RemovedLine(line.text, line.reason, line.start, line.end))
            continue
        if len(builder):
            builder.insert(PARAGRAPH_BREAK, line.start)
        builder.add_normalised(line.text, line.start)
    text, offset_map = builder.build()
    return CleanText(text, offset_map, removed, harvest)
