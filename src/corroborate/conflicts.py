"""Conflicts: figure claims that measure the same thing for the same period,
from different credited sources, whose values cannot all hold.

When in doubt this says nothing: differing values that are not a conflict
by these rules still stand side by side in the story's claims.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from corroborate.crosscheck import _compatible_subjects, describe_value, subject_key
from corroborate.model import Claim, Conflict, Extraction, Figure, Support


def _granularity_class(g: str) -> str:
    return "day" if g in ("day", "weekend") else g


def conflicts(claims: Sequence[Claim], extraction: Extraction) -> list[Conflict]:
    """Incompatible figure claims for the same measure, subject and period."""
    figs = {(f.evidence[0].article, f.evidence[0].start, describe_value(f)): f
            for f in extraction.figures}  # fmt: skip
    out: list[Conflict] = []
    figure_claims_ = [c for c in claims if c.kind == "figure"]
    seen: set[frozenset[str]] = set()
    for i, a in enumerate(figure_claims_):
        for b in figure_claims_[i + 1 :]:
            if a.measure != b.measure:
                continue
            if not _compatible_subjects(subject_key(a.subject), subject_key(b.subject)):
                continue
            ta, tb = _period(a, figs), _period(b, figs)
            if ta is None or tb is None or ta[2] != tb[2]:
                continue
            if ta[0] > tb[1] or tb[0] > ta[1]:
                continue  # different periods: evolution, not conflict
            lo_a, hi_a = a.low or 0.0, a.high if a.high is not None else float("inf")
            lo_b, hi_b = b.low or 0.0, b.high if b.high is not None else float("inf")
            if max(lo_a, lo_b) <= min(hi_a, hi_b):
                continue
            if set(a.origins) & set(b.origins):
                continue  # one source giving two values: a revision ("14, up from 12")
            if not (_has_number(a, figs) and _has_number(b, figs)):
                continue  # "thousands" is too loose to contradict "more than 10,000"
            if _told_as_change(a) or _told_as_change(b):
                continue  # "the toll has risen to 59", "could rise": evolution
            if not (_credited(a, figs) and _credited(b, figs)):
                # an uncredited figure has no known origin: it may be a relay,
                # an older toll or another place's; the values still stand
                # side by side as competing estimates, but a conflict needs
                # two sources that each put their name to a number
                continue
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


def _figure(s: Support, figs: Figures) -> Figure | None:
    """The figure a claim's report stands on."""
    return figs.get((s.article, s.evidence.start, s.value or ""))


def _has_number(c: Claim, figs: Figures) -> bool:
    f = _figure(c.support[0], figs)
    return f is not None and f.value is not None


# words that tell a figure as a step in a rising or revised count: such a
# figure and another are the count's evolution, not sources contradicting
# each other. ("Initial reports" is not among them: it also introduces an
# estimate that a later one contradicts, as in the Pylos shipwreck's.)
_CHANGE = re.compile(
    r"\b(?:(?:has|had|have)\s+(?:risen|climbed|increased|jumped|grown)|"
    r"rose|risen to|climbed to|jumped to|increased to|(?:could|would|may|is expected to)\s+rise|"
    r"revised|updated)\b",
    re.I,
)


def _told_as_change(c: Claim) -> bool:
    return any(_CHANGE.search(s.evidence.text) for s in c.support)


def _credited(c: Claim, figs: Figures) -> bool:
    """Does some report of the claim credit its figure to a source?"""
    return any((f := _figure(s, figs)) is not None and f.attributed_to for s in c.support)


def _who(c: Claim) -> str:
    return ", ".join(c.origins)


def _period(c: Claim, figs: Figures) -> tuple[date, date, str] | None:
    f = _figure(c.support[0], figs)
    if f is not None and f.as_of is not None and f.as_of.start and f.as_of.end:
        return f.as_of.start, f.as_of.end, _granularity_class(f.as_of.granularity)
    if c.as_of and re.fullmatch(r"\d{4}-\d{2}-\d{2}", c.as_of):
        d = date.fromisoformat(c.as_of)
        return d, d, "day"
    return None
