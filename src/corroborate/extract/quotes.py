"""Quotes in every common style, and an article's text with them masked.

Quotes are paired per paragraph: straight, curly, guillemets, low-high,
single and two-apostrophe marks (''...'') as archive feeds print them. The
masked text blanks quote contents (so reporting verbs inside a quote are not
seen) and the periods of titles and initials (so "Ms. Moore said" is one
speaker phrase), keeping every offset.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_QUOTE_OPEN = {"“": "”", "«": "»", "„": "“”", '"': '"'}


@dataclass(slots=True, frozen=True)
class Quote:
    """Quoted text ``[start, end)`` (marks excluded) and the marks' positions."""

    start: int
    end: int
    open: int
    close: int


def find_quotes(text: str) -> list[Quote]:
    """Quoted stretches, paired within each paragraph.

    >>> t = 'He said: “Yes. We will.” Then "no," she said.'
    >>> [t[q.start:q.end] for q in find_quotes(t)]
    ['Yes. We will.', 'no,']
    """
    out: list[Quote] = []
    pos = 0
    for para in text.split("\n"):
        i = 0
        while (m := _OPENER.search(para, i)) is not None:
            i = m.start()
            ch = para[i]
            found = [k for k in (para.find(c, i + 1) for c in _QUOTE_OPEN[ch]) if k >= 0]
            j = min(found) if found else -1
            if ch == "“" and j >= 0 and para.find("“", i + 1, j) >= 0:
                j = -1  # unbalanced: a new quote opens first
            if j < 0:
                i += 1
                continue
            out.append(Quote(pos + i + 1, pos + j, pos + i, pos + j))
            i = j + 1
        if not any(c in para for c in '"“«„'):
            doubled = _doubled_quotes(para, pos) if "''" in para else []
            out.extend(doubled or _single_quotes(para, pos))
        pos += len(para) + 1
    return out


_OPENER = re.compile('[“«„"]')
_SINGLE = re.compile(r"(?:(?<=\s)|^)[‘']([^‘’'\n]{3,}?[^\s])[’'](?![\w])")


# quotes marked with two apostrophes (''...''), as some wire and archive feeds print them
_DOUBLED = re.compile(r"(?:(?<=[\s(\[—–-])|^)''(?=\S)([^\n]+?)(?<=\S)''(?![\w'])")


def _doubled_quotes(para: str, pos: int) -> list[Quote]:
    return [Quote(pos + m.start(1), pos + m.end(1), pos + m.start(), pos + m.end() - 1)
            for m in _DOUBLED.finditer(para)]  # fmt: skip


def _single_quotes(para: str, pos: int) -> list[Quote]:
    return [Quote(pos + m.start(1), pos + m.end(1), pos + m.start(), pos + m.end() - 1)
            for m in _SINGLE.finditer(para)]  # fmt: skip


# the period of a title or an initial before a name ("Mr. Obama", "Donald J.
# Trump", "Rep. Jim Clyburn (D-S.C.)")
_ABBREVIATION_DOT = re.compile(
    r"\.(?:(?<=\b[A-Z]\.)(?=\s*[A-Z][a-z]|[A-Z]\.)"
    r"|(?<=\b(?:Mr|Ms|Dr|St|Jr|Sr|Lt|Mt|Ft)\.)(?=\s+[A-Z])"
    r"|(?<=\b(?:Mrs|Sen|Rep|Gov|Gen|Col|Sgt|Rev|Maj|Cpl|Adm)\.)(?=\s+[A-Z])"
    r"|(?<=\b(?:Prof|Capt|Supt|Pres|Cmdr)\.)(?=\s+[A-Z])"
    r"|(?<=\w\.)(?=[,)]))"  # "R-Ky.,", "of Springfield, Va., said": never a sentence end
)


def mask(text: str, quotes: list[Quote]) -> str:
    """Quote contents blanked out, so reporting verbs inside quotes are not seen."""
    chars = list(text)
    for m in _PAREN_ACRONYM.finditer(text):
        chars[m.start()] = chars[m.end() - 1] = " "
    for m in _PARTY.finditer(text):  # "Rep. Tomas Gale (R-S.C.) said": part of the name
        chars[m.start() : m.end()] = " " * (m.end() - m.start())
    for m in _ABBREVIATION_DOT.finditer(text):
        chars[m.start()] = "\u00b7"  # "Ms. Moore said": a speaker, not a sentence end
    for q in quotes:
        chars[q.start : q.end] = _NOT_NEWLINE.sub("x", text[q.start : q.end])
    return "".join(chars)


# a US politician's party and state after the name: "(R-S.C.)", "(D-Wis.)", "(R-IN)"
_PARTY = re.compile(r"\((?:R|D|I|Ind)(?:-[A-Z][A-Za-z.]{1,8})?\)")
_PAREN_ACRONYM = re.compile(r"\(([A-Z][A-Za-z&.]{1,9})\)")
_NOT_NEWLINE = re.compile(r"[^\n]")
