"""Sentence segmentation with character offsets.

A rule-based splitter is enough for news prose and costs microseconds: split
after ``.``, ``!``, ``?`` (with any closing quotes or brackets) when white
space and an upper-case letter, digit or opening quote follow, except after
known abbreviations ("Gen.", "Jan.", "U.S.") and single initials ("J. Smith").
Line breaks always end a sentence: cleaning puts one paragraph per line.
A period between a word or a number and a capitalised word with no space
("collapsed.The new tremors", "rose to 153.According to"), which scraping leaves where a tag joined two paragraphs, ends
a sentence too.
"""

from __future__ import annotations

import re

from corroborate.model import Sentence

# Abbreviations after which a period rarely ends a sentence in news copy.
ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "rep",
        "reps",
        "sen",
        "sens",
        "gov",
        "gen",
        "lt",
        "col",
        "maj",
        "capt",
        "cmdr",
        "adm",
        "sgt",
        "cpl",
        "pres",
        "st",
        "ste",
        "mt",
        "ft",
        "jr",
        "sr",
        "rev",
        "hon",
        "amb",
        "no",
        "nos",
        "vs",
        "etc",
        "inc",
        "ltd",
        "co",
        "corp",
        "bros",
        "dept",
        "univ",
        "assn",
        "est",
        "approx",
        "fig",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "mon",
        "tue",
        "tues",
        "wed",
        "thu",
        "thur",
        "thurs",
        "fri",
        "sat",
        "sun",
        "e.g",
        "i.e",
        "a.m",
        "p.m",
        "u.s",
        "u.k",
        "u.n",
        "u.s.a",
        "e.u",
        "d.c",
        "op",
        "cf",
        "al",
    ]
)
# group 1: the sentence end; the match as a whole also eats the white space
# after it. A line break (with surrounding blanks) always separates.
_BOUNDARY = re.compile(
    r"([.!?]+[\"'\u201d\u2019)\]\u00bb]*)\s+(?=[\"'\u201c\u2018(\[\u00ab]{0,2}[^\W_a-z])"
    r"|([\u3002\uff01\uff1f])\s*"
    r"|(?<=[a-z0-9])(\.)(?=[A-Z][a-z]+\s)"  # scraped text that lost a space: "collapsed.The"
    r"|\n\s*"
)
_DOTTED = re.compile(r"(?:\w\.)+\w")
# a wire dateline opening a paragraph: a place in capitals, maybe the agency in
# brackets, then a dash, or a colon after the agency ("BANGKOK (AP): ", "MUAN - ",
# "KYIV, Jan 21 -").
# It says where the report was filed, not what it says: the first sentence
# starts after it (the text keeps it)
DATELINE = re.compile(
    r"[A-Z][A-Z.'’ -]{1,30}[A-Z](?:,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2})?"
    r"(?:\s*\([^()\n]{1,40}\)\s*[-–—:]|\s*[-–—])\s+(?=[A-Z\"“])"
)  # a colon only after the agency: "WALLACE: But, ..." is a transcript's speaker


# abbreviations that are also words: "no." only before a number, a day only
# written with its capital
_BEFORE_NUMBER = frozenset(["no", "nos", "fig", "est", "op"])
_ALSO_WORDS = frozenset(["sun", "sat", "wed", "mar", "co", "al"])


def _is_abbreviation(text: str, dot: int) -> bool:
    """Is the word ending just before ``text[dot] == '.'`` an abbreviation?"""
    begin = max(text.rfind(" ", 0, dot), text.rfind("\n", 0, dot)) + 1
    raw = text[begin:dot].lstrip("\"'(\u201c\u2018[")
    word = raw.lower()
    if word in _BEFORE_NUMBER:  # "No. 5", but "he would vote no."
        return text[dot + 1 : dot + 3].strip()[:1].isdigit()
    if word in _ALSO_WORDS:  # "Sat. Jan 4", but "she sat."
        return raw[:1].isupper()
    if word in ABBREVIATIONS:
        return True
    if len(word) == 1:
        return word.isalpha()  # an initial: "J. Smith"
    return "." in word and _DOTTED.fullmatch(word) is not None  # "U.S."


def split_sentences(text: str) -> list[Sentence]:
    """Split ``text`` into sentences; offsets index into ``text``.

    >>> t = "Gen. Kim spoke. He left!\\nNext para"
    >>> [t[s.start:s.end] for s in split_sentences(t)]
    ['Gen. Kim spoke.', 'He left!', 'Next para']
    """
    out: list[Sentence] = []
    start = len(text) - len(text.lstrip())
    for m in _BOUNDARY.finditer(text):
        end_group = m.group(1)
        if end_group is not None:
            if end_group == "." and _is_abbreviation(text, m.start(1)) and "\n" not in m[0]:
                continue  # "U.S. officials" (but "... the U.S.\n" ends its line and sentence)
            end = m.end(1)
        elif m.group(2) is not None:
            end = m.end(2)
        elif m.group(3) is not None:
            begin = max(text.rfind(" ", 0, m.start(3)), text.rfind("\n", 0, m.start(3))) + 1
            word = text[begin : m.start(3)]
            if not (word.isdigit() or (word.isalpha() and len(word) > 2)) or _is_abbreviation(
                text, m.start(3)
            ):
                continue  # "www.Example.Com", "Sen.Warren"
            end = m.end(3)
        else:
            end = m.start()
            while end > start and text[end - 1].isspace():
                end -= 1
        if end > start:
            out.append(_after_dateline(text, start, end))
        start = m.end()
    end = len(text.rstrip())
    if end > start:
        out.append(_after_dateline(text, start, end))
    return out


def _after_dateline(text: str, start: int, end: int) -> Sentence:
    """The sentence ``[start, end)``, less a dateline opening its paragraph."""
    if start == 0 or text[start - 1] == "\n":
        m = DATELINE.match(text, start, end)
        if m and m.end() < end:
            return Sentence(m.end(), end)
    return Sentence(start, end)
