"""Who a figure is credited to: the narrowest attribution around it, the
source that brackets around it name, or the subject of "X put it at N".

A source that denies the figure is not its source ("X denied that the toll
had reached 11,300"): the figure stays uncredited, and cross-checking takes
an uncredited figure as a relay of the source that first gave it.
"""

from __future__ import annotations

import re

from corroborate.extract.entities import ArticleEntities
from corroborate.extract.lexicon import DENIAL_CUES
from corroborate.extract.statements import Attribution, Source

# verbs that put a number on something: "the USGS estimated it at 6.3"
PUT_VERBS = (
    r"(?:estimated|put|puts|measured|recorded|registered|reported|gave|rated|pegged|placed|"
    r"revised|counted|calculated)"
)


def credit(
    text: str, s: int, e: int, a: int, b: int, attributions: list[Attribution],
    ents: ArticleEntities | None,
) -> tuple[list[Source], Source | None]:  # fmt: skip
    """(sources, relayed by) of the figure at ``[a, b)`` in the sentence ``[s, e)``."""
    if ents is not None:
        bracketed = _bracket_credit(text, s, e, a, ents)
        if bracketed:
            return bracketed, None
    sources, via = _attributed(a, b, attributions)
    if not sources and ents is not None:
        sources = _put_at(text, s, a, ents)
    return sources, via


# "... while the United States Geological Survey (USGS) estimated it at 6.3":
# the clause's subject credits the figure its verb puts a number on
_PUT_AT_VERB = re.compile(rf"\b{PUT_VERBS}\b")
_PUT_AT = re.compile(
    r"(?:^|[,;]|\bwhile\b|\bwhereas\b|\bbut\b)(?P<subj>[^,;]{2,90}?)\s+(?:has\s+|had\s+)?"
    rf"{PUT_VERBS}\s+(?:it|its\s+\w+|the\s+\w+(?:\s+(?:of\s+(?:the|its)\s+)?\w+)?)?\s*"
    r"(?:at|to)\s+"
    r"(?:about\s+|around\s+|some\s+|nearly\s+|more\s+than\s+|over\s+|at\s+least\s+)?$",
    re.I,
)


def _put_at(text: str, s: int, a: int, ents: ArticleEntities) -> list[Source]:
    """The source named as the subject of "X estimated it at N" before ``a``."""
    if not _PUT_AT_VERB.search(text, s, a):
        return []
    m = _PUT_AT.search(text[s:a])  # "^" is the sentence's start
    if m is None:
        return []
    start, end = s + m.start("subj"), s + m.end("subj")
    named = [e for _, _, e in ents.within(start, end) if e.type in ("org", "person")]
    return [Source(named[-1].name, named[-1])] if named else []


_BRACKET_CITE = re.compile(
    r"\b(?:attributing\s+(?:these|those|the|its)\s+\w+\s+to|citing|according\s+to)\s+", re.I
)


def _bracket_credit(text: str, s: int, e: int, a: int, ents: ArticleEntities) -> list[Source]:
    """The source that brackets around a figure name for it ("OCHA said 3,958,
    citing the WHO (down from 11,300, attributing these numbers to the Red
    Crescent)": 11,300 is the Red Crescent's, not the WHO's)."""
    opened = text.rfind("(", s, a)
    if opened < 0 or text.find(")", opened, a) >= 0:
        return []
    closed = text.find(")", a, e)
    m = _BRACKET_CITE.search(text, opened, e if closed < 0 else closed)
    if m is None:
        return []
    named = [x for _, _, x in ents.within(m.end(), e if closed < 0 else closed)
             if x.type in ("org", "person")]  # fmt: skip
    return [Source(named[0].name, named[0])] if named else []


def _attributed(
    a: int, b: int, attributions: list[Attribution]
) -> tuple[list[Source], Source | None]:
    """The narrowest attribution covering ``[a, b)``: a quote beats its sentence.
    A source that denies the figure ("X denied that the toll had reached 11,300")
    is not its source: the figure stays uncredited."""
    best: Attribution | None = None
    for at in attributions:
        covers = at.start <= a and b <= at.end and at.sources
        if covers and (best is None or (at.end - at.start) < (best.end - best.start)):
            best = at
    if best is None or " ".join(best.cue.lower().split()) in DENIAL_CUES:
        return [], None
    return best.sources, best.via
