"""What a report's sentence tells about the referent of its figure: whether
the number is one of a list ("the 7.8 and 7.5 magnitude quakes"), of a
second quake or an aftershock, a part of a whole ("including 26
foreigners"), a step of a changing count ("rose to"), of another year's
event, and which places the sentence names. Conflicts read these to decide
whether two reports can be of one quantity.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date

from corroborate.model import Figure, Support
from corroborate.text.numbers import QUANTITY, parse_quantity

# "the 7.8 and 7.5 magnitude quakes", "Monday's 7.8- and 7.6-magnitude quakes"
# (a comma lists only before a space: "90,000" is one number)
_NUMBER_LIST = re.compile(r"\d[\d.,]*-?(?:,\s+|\s+(?:and|or)\s+|\s*&\s*)(?:an?\s+)?\d")


def listed_near(s: Support, f: Figure) -> bool:
    """Is the figure's number one of a list of numbers ("7.8- and 7.6-magnitude")?"""
    text = s.evidence.text
    at = number_at(text, f)
    if at is None:
        return False
    return any(m.start() <= at + 8 and m.end() >= at
               for m in _NUMBER_LIST.finditer(text, max(0, at - 20), min(len(text), at + 30)))  # fmt: skip


def sequence_of(s: Support, f: Figure) -> str | None:
    """Is the figure told of another quake than the main one: None (the main
    one), "second" (a second quake, or one hours after the first: the day's
    other main shock, which two reports may give two values for) or "other"
    (an aftershock, "another quake of magnitude 6")? The words count near the
    number (a clause before it, a few words after), not anywhere in the
    sentence: "a magnitude 7.8 earthquake and its aftershocks" is the main one."""
    text = s.evidence.text
    if _AFTERSHOCKS.search(text):
        return "other"  # "Aftershocks followed ..., the strongest measuring 6.4"
    at = number_at(text, f)
    lo, hi = (0, len(text)) if at is None else (max(0, at - 40), min(len(text), at + 30))
    if _SECOND.search(text, lo, min(len(text), hi + 20)):
        return "second"
    return "other" if _SEQUENCE.search(text, lo, hi) else None


def part_near(s: Support, f: Figure) -> bool:
    """Is the figure told as a part of another ("including 175 passengers",
    "26 of them")? The words count right before or after its number."""
    at = number_at(s.evidence.text, f)
    if at is None:
        return False
    text = s.evidence.text
    return bool(_SUBSET.search(text, max(0, at - 16), min(len(text), at + 24))) or bool(
        _BREAKDOWN.search(text, max(0, at - 40), at)
    )


def number_at(text: str, f: Figure) -> int | None:
    """Where the figure's number is written in its sentence, if it can be found."""
    v = f.value if f.value is not None else f.low
    if v is None:
        return None
    forms = [f"{v:,.0f}", f"{v:.0f}"] if float(v).is_integer() else [f"{v:g}"]
    for form in forms:
        m = re.search(rf"(?<![\d.,]){re.escape(form)}(?![\d])", text)
        if m:
            return m.start()
    for m in QUANTITY.finditer(text):  # "Eighty-one people survived"
        q = parse_quantity(m)
        if q is not None and q.value == v:
            return m.start("num") if m["num"] else m.start()
    return None


# words that tell a figure as a step in a rising or revised count: such a
# figure and another are the count's evolution, not sources contradicting
# each other. ("Initial reports" is not among them: it also introduces an
# estimate that a later one contradicts, as in the Pylos shipwreck's.)
CHANGE = re.compile(
    r"\b(?:(?:has|had|have)\s+(?:risen|climbed|increased|jumped|grown)|"
    r"rose|risen to|climbed to|jumped to|increased to|(?:could|would|may|is expected to)\s+rise|"
    r"revised|updated|up from|down from|so far|at least \d[\d,]* more)\b",
    re.I,
)
# a report told at another time than its article's ("the next day, the FBI
# announced ...", "initially"): its day is not its publication's
SHIFTED = re.compile(
    r"\b(?:the\s+(?:next|following|previous)\s+(?:day|morning|evening|week)|"
    r"(?:a|one|two|three|several)\s+(?:days?|weeks?)\s+later|later\s+that\s+(?:day|week)|"
    r"initially|at\s+first|previously|earlier\s+(?:this|that|in\s+the)\s+\w+)\b",
    re.I,
)
# a part of a whole: "of them", "including 26 foreigners", "among the dead"
_SUBSET = re.compile(r"\b(?:of\s+(?:them|whom|those|which)|including|among\s+(?:them|the))\b", re.I)
# a whole broken down after a dash, colon or bracket: "242 individuals—230
# passengers and 12 crew", "40 injured (12 children ...)"
_BREAKDOWN = re.compile(r"\d[\d,.]*\s+[A-Za-z-]+(?:\s+[A-Za-z-]+)?\s*(?:—|-\s|:|\()\s*$")
_SEQUENCE = re.compile(
    r"\b(?:second|third|another|aftershock|foreshock|earlier|previous|later|follow-up|"
    r"subsequent|separate)\b",
    re.I,
)
# the second of two quakes: "a second 7.6 magnitude tremor", "a Mw 7.7
# earthquake occurred nine hours later" (not "the second day", "later this week")
_SECOND = re.compile(
    r"\b(?:second|2nd)\s+(?:(?:powerful|strong|major|large|massive|big)\s+)?"
    r"(?:(?:\S+\s+)?(?:magnitude\s+)?(?:\S+\s+)?(?:quake|earthquake|tremor|shock))"
    r"|\b(?:quake|earthquake|tremor|shock)\b[^.;]{0,40}?\b(?:\w+|\d+)\s+hours\s+later\b",
    re.I,
)
# aftershocks told of, not the main quake "and its aftershocks"
_AFTERSHOCKS = re.compile(r"(?<!\bits\s)(?<!\band\s)\baftershocks\b", re.I)
# a sentence that places one event in time against another
RELATED_EVENT = re.compile(
    r"\b(?:days?|weeks?|months?|years?|hours?)\s+(?:after|before|earlier|later)\b", re.I
)
_YEAR = re.compile(r"\b(?:19[5-9]\d|20[0-4]\d)\b")
# a place given by reference to another sentence
ELSEWHERE = re.compile(
    r"\b(?:there(?!\s+(?:is|are|was|were|have|has|had|may|might|could|will|would|seems?|"
    r"appears?)\b)|in\s+the\s+(?:country|region|province|city|area|state|town|neighbouring\s+\w+)"
    r"(?!\s+of\s+[A-Z]))\b",
    re.I,
)  # "died there", not "there were 750 people on board" nor "in the town of Defne"
# places named in a sentence: "in Derna", "across eastern Libya", "in Turkey and Syria",
# "a rescue worker from Amarapura"
_PLACE = re.compile(
    r"\b(?P<prep>in|across|throughout|near|from|of)\s+(?:the\s+)?((?:[A-Z][\w'-]+)(?:\s+(?:and\s+)?[A-Z][\w'-]+)*)"
)
_NOT_PLACE = frozenset(["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
                        "Sunday", "January", "February", "March", "April", "May", "June", "July",
                        "August", "September", "October", "November", "December", "The", "A"])  # fmt: skip


def places_of(text: str, sources: bool = True) -> frozenset[str]:
    """The capitalised place words after "in"/"across"/... in a report's
    sentence; without ``sources``, not those after "from" (where migrants
    came from is not where their boat sank)."""
    found: set[str] = set()
    for m in _PLACE.finditer(text):
        if not sources and m["prep"].lower() == "from":
            continue
        for w in m[2].split():
            w = re.sub(r"['’]s$", "", w)
            if w not in _NOT_PLACE and w != "and" and not (w.isupper() and len(w) <= 3):
                found.add(w)
    return frozenset(found)


def other_year(s: Support, published: Mapping[str, date | None]) -> bool:
    """Does the report's sentence name a year other than its publication's
    (a past event's figure quoted for comparison)?"""
    when = published.get(s.article)
    years = {int(y) for y in _YEAR.findall(s.evidence.text)}
    if not years:
        return False
    return when is None or any(y != when.year for y in years)
