"""Cross-checking one story: claims, their independent origins, conflicts,
how figures evolved, and the story's state.

Figures become *claims* when they state the same figure: the same measure, a
compatible subject ("North Korean soldiers" / "North Korean forces" /
unstated), times within two weeks, numbers within 5% of each other, and
ranges that overlap once qualifiers are read as bounds ("about 300" is
255-345, "at least 300" is 300 or more). "At least 12" and "nearly 20" are
compatible but different figures: two claims, neither corroborating the other. Statements
become claims in ``statement_claims``; how a figure evolved is ``evolution``.

Each report of a claim has an *origin*: the source it is credited to ("the
NIS", "Zelensky"), else the outlet itself. Three outlets relaying the NIS
are one origin; wire copies (``Article.duplicate_of``) add neither support
nor an origin, they are listed as copies of the report they reprint. A
rewrite (``Article.derived_from``) is a report of its own, but a figure it
gives without credit is its source's, not a new origin.

Two claims *conflict* when different sources give figures for the same
measure and subject, for the same period at the same granularity (both
"December", or the same days), whose ranges cannot both hold ("nearly 3,000"
vs "1,000"). One source giving two values is a revision, not a conflict,
and a vague amount ("thousands") is too loose to contradict a number.
Figures for different periods are not in conflict: they are how the figure
*evolved* ("several hundred" in mid-December, "over 3,000" in January).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache, lru_cache

from corroborate.extract.dates import AnchorSource, effective_dates
from corroborate.extract.lexicon import DEMONYMS
from corroborate.labels import source_label
from corroborate.model import (
    Article,
    Claim,
    Conflict,
    Extraction,
    Figure,
    StoryState,
    Support,
)
from corroborate.origins import Credit, credit_kind, independent_origins, through_relays
from corroborate.values import amount, bounds, claimable, describe_value, point

SAME_CLAIM_DAYS = 14  # reports of one figure this far apart are still one claim
SAME_VALUE = 0.05  # reports whose numbers differ by more are different figures

_HEADS = {
    "troops": "troops", "soldiers": "troops", "soldier": "troops", "forces": "troops",
    "fighters": "troops", "servicemen": "troops", "personnel": "troops", "units": "troops",
    "people": "people", "persons": "people", "civilians": "people", "residents": "people",
    "inhabitants": "people", "villagers": "people", "victims": "people",
}  # fmt: skip
_GENERIC_HEADS = frozenset(["people", "persons", "men", "individuals", "prisoners", "captives",
                            "pows"])  # fmt: skip
_WORD = re.compile(r"[\w'’-]+")


@dataclass(slots=True)
class _Report:
    figure: Figure
    article: Article
    start: date | None
    end: date | None
    granularity: str
    subject: tuple[str | None, str | None]
    low: float
    high: float
    origin: str


def claim_id(kind: str, key: str) -> str:
    prefix = "fig" if kind == "figure" else "stm"
    return f"{prefix}-" + hashlib.blake2b(key.encode(), digest_size=5).hexdigest()


def unique_ids(claims: Sequence[Claim]) -> None:
    """Make claim ids unique within a story, whatever their keys: a repeated
    id gets ``-2``, ``-3`` ... in claim order (canonical, so stable across
    rebuilds). The store, the search index and citations rely on it."""
    seen: set[str] = set()
    for c in claims:
        base, n = c.id, 1
        while c.id in seen:
            n += 1
            c.id = f"{base}-{n}"
        seen.add(c.id)


# demonyms longest first: "South Korean" is tried before "Korean"; each one's
# word-boundary pattern is compiled once (_demonym_re)
_DEMONYM_ORDER = sorted(DEMONYMS, key=len, reverse=True)


@lru_cache(maxsize=4096)
def subject_key(subject: str | None) -> tuple[str | None, str | None]:
    """(nationality, head class) of a figure's subject; None where unstated."""
    if not subject:
        return None, None
    low = subject.lower()
    group = next((d for d in _DEMONYM_ORDER if d in low and _demonym_re(d).search(low)), None)
    words = _WORD.findall(low)
    head = _HEADS.get(words[-1], words[-1]) if words else None
    if head in _GENERIC_HEADS:
        head = None  # "people", "men", "prisoners" may be any of the story's groups
    return (DEMONYMS.get(group) if group else None), head


@cache
def _demonym_re(d: str) -> re.Pattern[str]:
    return re.compile(rf"\b{re.escape(d)}\b")


def _compatible_subjects(
    a: tuple[str | None, str | None], b: tuple[str | None, str | None]
) -> bool:
    return (a[0] is None or b[0] is None or a[0] == b[0]) and (
        a[1] is None or b[1] is None or a[1] == b[1]
    )


def figure_claims(
    extraction: Extraction,
    articles: Sequence[Article],
    anchors: dict[str, tuple[date | None, AnchorSource]] | None = None,
) -> list[Claim]:
    """Group a story's figures into claims (see the module doc)."""
    return [c for c, _ in claimed_figures(extraction, articles, anchors)]


def claimed_figures(
    extraction: Extraction,
    articles: Sequence[Article],
    anchors: dict[str, tuple[date | None, AnchorSource]] | None = None,
) -> list[tuple[Claim, list[Figure]]]:
    """``figure_claims``, each with the very figures it groups."""
    by_id = {a.id: a for a in articles}
    anchors = anchors if anchors is not None else effective_dates(articles)
    copies_of: dict[str, list[str]] = {}
    for a in articles:
        if a.duplicate_of:
            copies_of.setdefault(a.duplicate_of, []).append(a.id)
    reports: list[_Report] = []
    for f in extraction.figures:
        art = by_id.get(f.evidence[0].article)
        if art is None or art.duplicate_of or not claimable(f):
            continue  # a copy's figures are its original's
        start: date | None
        if f.as_of is not None and f.as_of.start is not None:
            start, end, gran = f.as_of.start, f.as_of.end, f.as_of.granularity
        else:
            start = end = anchors[art.id][0]
            gran = "day"
        low, high = bounds(f)
        # a rewrite's uncredited figure is its source's (it adds no origin)
        origin = (
            f.attributed_to[0]
            if f.attributed_to
            else source_label(by_id.get(art.derived_from or "", art))
        )
        reports.append(_Report(f, art, start, end, gran, subject_key(f.subject), low, high, origin))
    reports.sort(key=lambda r: (r.start or date.max, r.article.id))
    groups: list[list[_Report]] = []
    for r in reports:
        best = None
        for g in groups:
            if _joins(r, g) and (best is None or len(g) > len(best)):
                best = g
        if best is None:
            groups.append([r])
        else:
            best.append(r)
    roles = {e.name: e.role for e in extraction.entities if e.type == "person" and e.role}
    return [(_figure_claim(g, copies_of, roles), [r.figure for r in g]) for g in groups]


def _same_number(a: Figure, b: Figure) -> bool:
    """Do two reports state the same figure ("about 300" and "at least 300"),
    not merely compatible ones ("at least 12" and "nearly 20")?"""
    pa, pb = point(a), point(b)
    if pa is None or pb is None:
        return False
    return abs(pa - pb) <= max(1.0, SAME_VALUE * max(abs(pa), abs(pb)))


def _joins(r: _Report, group: list[_Report]) -> bool:
    first = group[0]
    if r.figure.measure != first.figure.measure or r.figure.unit != first.figure.unit:
        return False
    if not all(_compatible_subjects(r.subject, g.subject) for g in group):
        return False
    if not all(_same_number(r.figure, g.figure) for g in group):
        return False
    low = max(g.low for g in group)
    high = min(g.high for g in group)
    if max(low, r.low) > min(high, r.high):
        return False  # the values cannot all hold
    starts = [g.start for g in group if g.start]
    return not (r.start and starts and (r.start - min(starts)).days > SAME_CLAIM_DAYS)


def _relayed_origins(group: list[_Report]) -> list[str]:
    """Each report's origin. A report that gives the figure without credit,
    published no earlier than the first report that credits it, relays that
    source: it is not a new origin ("nearly 20 killed" in an outlet a day
    after "nearly 20 killed, Elena Marsh said" elsewhere is one origin)."""

    def when(g: _Report) -> date:
        # only a publication date can show a report came first: an undated
        # one's effective date is a lower bound, so it is taken as a relay
        return g.article.published or date.max

    credited = [g for g in group if g.figure.attributed_to]
    if not credited:
        return [g.origin for g in group]
    first = min(credited, key=lambda g: (when(g), g.article.id))
    return [
        g.origin if g.figure.attributed_to or when(g) < when(first) else first.origin for g in group
    ]


def _speaks_for(origin: str, others: list[str], roles: dict[str, str]) -> str:
    """The organisation a person origin speaks for, when the claim also has it
    as an origin: "coast guard commander Lena Ferrow" and "the coast guard"
    are one origin, the coast guard."""
    role = roles.get(origin)
    if not role:
        return origin
    role_words = set(_WORD.findall(role.lower()))
    for other in others:
        if other == origin or other in roles:
            continue
        words = set(_WORD.findall(other.lower())) - _ORG_FILLER
        if words and words <= role_words:
            return other
    return origin


_ORG_FILLER = frozenset(["the", "a", "an", "of", "s"])


def _figure_claim(
    group: list[_Report], copies_of: dict[str, list[str]], roles: dict[str, str] | None = None
) -> Claim:
    f0 = group[0].figure
    low = max(g.low for g in group)
    high = min(g.high for g in group)
    subjects = [g.figure.subject for g in group if g.figure.subject]
    subject = max(subjects, key=len) if subjects else None
    values = list(dict.fromkeys(describe_value(g.figure) for g in group))
    starts = sorted(g.start for g in group if g.start)
    as_of = group[0].figure.as_of.iso if group[0].figure.as_of else None
    if as_of is None and starts:
        as_of = starts[0].isoformat()
    origin_of = through_relays(_relayed_origins(group), [g.figure.via for g in group])
    if roles:
        origin_of = [_speaks_for(o, origin_of, roles) for o in origin_of]
    support = [
        Support(
            g.article.id,
            g.article.outlet,
            g.figure.evidence[0],
            origin,
            describe_value(g.figure),
            g.figure.as_of.iso if g.figure.as_of else (g.start.isoformat() if g.start else None),
            copies_of.get(g.article.id, []),
            amount(g.figure),
        )
        for g, origin in zip(group, origin_of, strict=True)
    ]
    named = {o: bool(g.figure.attributed_ids and g.figure.attributed_ids[0])
             for g, o in zip(group, origin_of, strict=True) if g.figure.attributed_to}  # fmt: skip
    origins = independent_origins([
        Credit(o, credit_kind(o, bool(g.figure.attributed_to) or o != g.origin, named.get(o, False)))
        for g, o in zip(group, origin_of, strict=True)
    ], roles)  # fmt: skip
    text = " / ".join(values) + f" {f0.measure}" + (f" ({subject})" if subject else "")
    key = "|".join(
        sorted(
            f"{g.article.id}:{g.figure.evidence[0].start}:{g.figure.measure}:{g.low}" for g in group
        )
    )
    return Claim(
        claim_id("figure", key), "figure", text, support, origins, f0.measure, subject,
        None if low == 0 else low, None if high == float("inf") else high, as_of,
    )  # fmt: skip


def story_state(
    articles: Sequence[Article], claims: Sequence[Claim], found: Sequence[Conflict]
) -> tuple[StoryState, str]:
    """single-source, developing, corroborated or contested, with the reason."""
    originals = [a for a in articles if not a.duplicate_of]
    outlets = {a.outlet or a.id for a in originals if not a.derived_from}
    if found:
        c = found[0]
        more = f" (and {len(found) - 1} more)" if len(found) > 1 else ""
        return "contested", f"conflicting figures: {c.reason}{more}"
    if len(outlets) <= 1:
        n = len(articles)
        copies = len(articles) - len(originals)
        return "single-source", (
            f"{n} article(s) from one source" + (f", {copies} of them copies" if copies else "")
        )
    strong = [c for c in claims if c.kind == "figure" and c.independent_sources >= 2]
    if strong:
        best = max(strong, key=lambda c: (c.independent_sources, len(c.support)))
        return "corroborated", (
            f"{len(strong)} figure(s) confirmed by two or more independent origins, e.g. "
            f"{best.text} per {', '.join(best.origins)}"
        )
    return "developing", (
        f"{len(outlets)} outlets, but no figure is confirmed by two independent origins yet"
    )
