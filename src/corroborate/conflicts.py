"""Conflicts: figure claims that measure the same thing for the same period,
from different credited sources, whose values cannot all hold.

A false "contested" is the worst answer this tool can give, so a conflict
needs every one of these, and when in doubt nothing is reported (the
differing values still stand side by side in the story's claims):

- **the same quantity**: a measure that names one (deaths, people missing,
  people aboard, damage in money, a magnitude; not "people", a duration or
  a generic noun), a compatible subject, and the same places named in both
  sentences ("killed in Derna" is not "killed in eastern Libya");
- **of this event**: neither sentence names a year other than its report's
  (a past disaster's toll quoted for comparison);
- **the same time**: a count that grows (a death toll) is compared only
  between reports of one article or of the same day of publication; a
  fixed quantity (a magnitude, a boat's length, a sum of damage) at any time;
- **two sources**: both reports credit a named source, and the sources differ
  (one source giving two values is a revision);
- **no step of a count**: neither is told as a rising or revised figure, a
  subset ("of them", "including") or a vague amount;
- **ranges that cannot both hold**, qualifiers read as bounds.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from corroborate.crosscheck import _compatible_subjects, describe_value, subject_key
from corroborate.extract.lexicon import COMBINED, MEASURE_WORDS
from corroborate.model import Article, Claim, Conflict, Extraction, Figure, Support

# Measures that name one quantity of one event. Money counts only with what
# it is ("damage", "aid"), not as a bare "amount".
_COUNTS = frozenset([*MEASURE_WORDS.values(), *COMBINED.values()]) - {"deployed", "votes"}
_FIXED = frozenset(["magnitude", "depth", "area burned", "rainfall", "wind speed", "damage",
                    "losses", "cost", "reconstruction", "price"])  # fmt: skip
CONFLICTABLE = _COUNTS | _FIXED


def conflicts(
    claims: Sequence[Claim], extraction: Extraction, articles: Sequence[Article] = ()
) -> list[Conflict]:
    """Incompatible figure claims for the same quantity and period (module doc)."""
    figs = {(f.evidence[0].article, f.evidence[0].start, describe_value(f)): f
            for f in extraction.figures}  # fmt: skip
    published = {a.id: a.published for a in articles}
    out: list[Conflict] = []
    candidates = [c for c in claims if c.kind == "figure" and _eligible(c, figs, published)]
    seen: set[frozenset[str]] = set()
    for i, a in enumerate(candidates):
        for b in candidates[i + 1 :]:
            if a.measure != b.measure:
                continue
            if not _compatible_subjects(subject_key(a.subject), subject_key(b.subject)):
                continue
            if _places(a) != _places(b):
                continue  # another town, province or country: another quantity
            if not _same_time(a, b, figs, published):
                continue
            lo_a, hi_a = a.low or 0.0, a.high if a.high is not None else float("inf")
            lo_b, hi_b = b.low or 0.0, b.high if b.high is not None else float("inf")
            if max(lo_a, lo_b) <= min(hi_a, hi_b):
                continue
            if set(a.origins) & set(b.origins):
                continue  # one source giving two values: a revision ("14, up from 12")
            pair = frozenset((a.id, b.id))
            if pair in seen:
                continue
            seen.add(pair)
            values = [a.support[0], b.support[0]]
            reason = (
                f"{a.support[0].value} {a.measure} per {_who(a)} vs {b.support[0].value} "
                f"per {_who(b)} for {a.as_of or 'the same period'}: the ranges do not overlap"
            )
            out.append(Conflict(a.measure or "", a.subject or b.subject, a.as_of, [a.id, b.id],
                                values, reason))  # fmt: skip
    return out


Figures = dict[tuple[str, int, str], Figure]
Published = dict[str, date | None]


def _eligible(c: Claim, figs: Figures, published: Published) -> bool:
    """May this claim take part in a conflict at all?"""
    if c.measure not in CONFLICTABLE:
        return False
    if not all((f := _figure(s, figs)) is not None and f.value is not None for s in c.support):
        return False  # "thousands" is too loose to contradict "more than 10,000"
    if not all(_figure(s, figs).attributed_to for s in c.support):  # type: ignore[union-attr]
        # an uncredited figure has no known origin: it may be a relay, an
        # older toll or another place's; a conflict needs two sources that
        # each put their name to a number
        return False
    texts = [s.evidence.text for s in c.support]
    if any(_CHANGE.search(t) or _SUBSET.search(t) for t in texts):
        return False  # a step of a rising count, or a part of a whole
    return not any(_other_year(s, published) for s in c.support)


def _figure(s: Support, figs: Figures) -> Figure | None:
    """The figure a claim's report stands on."""
    return figs.get((s.article, s.evidence.start, s.value or ""))


# words that tell a figure as a step in a rising or revised count: such a
# figure and another are the count's evolution, not sources contradicting
# each other. ("Initial reports" is not among them: it also introduces an
# estimate that a later one contradicts, as in the Pylos shipwreck's.)
_CHANGE = re.compile(
    r"\b(?:(?:has|had|have)\s+(?:risen|climbed|increased|jumped|grown)|"
    r"rose|risen to|climbed to|jumped to|increased to|(?:could|would|may|is expected to)\s+rise|"
    r"revised|updated|up from|down from|so far|at least \d[\d,]* more)\b",
    re.I,
)
# a part of a whole: "of them", "including 26 foreigners", "among the dead"
_SUBSET = re.compile(r"\b(?:of\s+(?:them|whom|those|which)|including|among\s+(?:them|the))\b", re.I)
_YEAR = re.compile(r"\b(?:19[5-9]\d|20[0-4]\d)\b")
# places named in a sentence: "in Derna", "across eastern Libya", "in Turkey and Syria"
_PLACE = re.compile(
    r"\b(?:in|across|throughout|near|from|of)\s+(?:the\s+)?((?:[A-Z][\w'-]+)(?:\s+(?:and\s+)?[A-Z][\w'-]+)*)"
)
_NOT_PLACE = frozenset(["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
                        "Sunday", "January", "February", "March", "April", "May", "June", "July",
                        "August", "September", "October", "November", "December", "The", "A"])  # fmt: skip


def _places(c: Claim) -> frozenset[str]:
    """The capitalised place phrases after "in"/"across"/... in the claim's sentences."""
    found: set[str] = set()
    for s in c.support:
        for m in _PLACE.finditer(s.evidence.text):
            words = [w for w in m[1].split() if w not in _NOT_PLACE and w != "and"]
            found.update(words)
    return frozenset(found)


def _other_year(s: Support, published: Published) -> bool:
    """Does the report's sentence name a year other than its publication's
    (a past event's figure quoted for comparison)?"""
    when = published.get(s.article)
    years = {int(y) for y in _YEAR.findall(s.evidence.text)}
    if not years:
        return False
    return when is None or any(y != when.year for y in years)


def _same_time(a: Claim, b: Claim, figs: Figures, published: Published) -> bool:
    """Do the two claims speak of one moment? A fixed quantity always does;
    a growing count only within one article or one day of publication."""
    if a.measure in _FIXED:
        return True
    days_a = {(s.article, published.get(s.article)) for s in a.support}
    days_b = {(s.article, published.get(s.article)) for s in b.support}
    for art_a, day_a in days_a:
        for art_b, day_b in days_b:
            if art_a == art_b or (day_a is not None and day_a == day_b):
                return _periods_meet(a, b, figs)
    return False


def _periods_meet(a: Claim, b: Claim, figs: Figures) -> bool:
    """Where both figures are dated to a period, the periods overlap."""
    pa, pb = _period(a, figs), _period(b, figs)
    if pa is None or pb is None:
        return True
    return not (pa[0] > pb[1] or pb[0] > pa[1])


def _who(c: Claim) -> str:
    return ", ".join(c.origins)


def _period(c: Claim, figs: Figures) -> tuple[date, date] | None:
    f = _figure(c.support[0], figs)
    if f is not None and f.as_of is not None and f.as_of.start and f.as_of.end:
        return f.as_of.start, f.as_of.end
    return None
