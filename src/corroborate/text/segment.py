"""Sentence segmentation with character offsets.

A rule-based splitter is enough for news prose and costs microseconds: split
after ``.``, ``!``, ``?`` (with any closing quotes or brackets) when white
space and an upper-case letter, digit or opening quote follow, except after
known abbreviations ("Gen.", "Jan.", "U.S.") and single initials ("J. Smith").
Line breaks always end a sentence: cleaning puts one paragraph per line.
"""

from __future__ import annotations

import re

from corroborate.model import Sentence

# Abbreviations after which a period rarely ends a sentence in news copy.
ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof rep reps sen sens gov gen lt col maj capt cmdr adm sgt cpl
    pres st ste mt ft jr sr rev hon amb no nos vs etc inc ltd co corp bros dept
    univ assn est approx fig jan feb mar apr jun jul aug sep sept oct nov dec
    mon tue tues wed thu thur thurs fri sat sun e.g i.e a.m p.m u.s u.k u.n u.s.a
    e.u d.c op cf al""".split()
)
_CANDIDATE = re.compile(r"[.!?]+[\"'\u201d\u2019)\]\u00bb]*(?=\s)|[\u3002\uff01\uff1f]")
_NEXT_START = re.compile(r"\s+[\"'\u201c\u2018(\[\u00ab]?[^\W_a-z]")
_WORD_BEFORE = re.compile(r"([\w.]+)\.$")


def _is_abbreviation(text: str, end: int) -> bool:
    m = _WORD_BEFORE.search(text, max(0, end - 12), end)
    if not m:
        return False
    word = m.group(1).lower()
    if word in ABBREVIATIONS:
        return True
    # single initial ("J.") or dotted acronym ("U.S.")
    return len(word) == 1 and word.isalpha() or bool(re.fullmatch(r"(\w\.)+\w", word))


def split_sentences(text: str) -> list[Sentence]:
    """Split ``text`` into sentences; offsets index into ``text``.

    >>> t = "Gen. Kim spoke. He left!\\nNext para"
    >>> [t[s.start:s.end] for s in split_sentences(t)]
    ['Gen. Kim spoke.', 'He left!', 'Next para']
    """
    out: list[Sentence] = []
    for para in re.finditer(r"[^\n]+", text):
        p_start, p_end = para.start(), para.end()
        start = p_start
        for m in _CANDIDATE.finditer(text, p_start, p_end):
            end = m.end()
            if text[m.start()] == "." and m.end() - m.start() == 1 and _is_abbreviation(text, end):
                continue
            if not text[m.start()] in "\u3002\uff01\uff1f" and not _NEXT_START.match(text, end, p_end):
                continue
            _append(out, text, start, end)
            start = end
        _append(out, text, start, p_end)
    return out


def _append(out: list[Sentence], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        out.append(Sentence(start, end))
