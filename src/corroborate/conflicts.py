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
  fixed quantity (a magnitude, a depth, the people aboard) between reports
  published within days, or, when one is undated, only between estimates
  that lie near each other (magnitudes within half a point, else 1.6 times);
- **one referent**: never a value listed with others of its measure ("the
  7.8 and 7.5 magnitude quakes") or told as a part of a whole ("181
  people, including 175 passengers");
- **two sources**: both reports credit a named source, and the sources differ
  (one source giving two values is a revision);
- **no step of a count**: neither is told as a rising or revised figure, a
  subset ("of them", "including") or a vague amount;
- **ranges that cannot both hold**, qualifiers read as bounds: the two
  reports' own ranges, not only their claims' ("as many as 750" and "700"
  both hold).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from datetime import date

from corroborate.crosscheck import _compatible_subjects, subject_key
from corroborate.extract.lexicon import COMBINED, MEASURE_WORDS
from corroborate.model import Article, Claim, Conflict, Estimates, Extraction, Figure, Support
from corroborate.referents import (
    CHANGE,
    ELSEWHERE,
    RELATED_EVENT,
    SHIFTED,
    listed_near,
    other_year,
    part_near,
    places_of,
    sequence_of,
)
from corroborate.values import base_range, describe_value

# Measures that name one quantity of one event. Money counts only with what
# it is ("damage", "aid"), not as a bare "amount".
_COUNTS = frozenset([*MEASURE_WORDS.values(), *COMBINED.values()]) - {"deployed", "votes"}
# Quantities that do not grow as reports come in: a quake's magnitude and
# depth, a storm's wind speed at landfall, a town's population, the people
# aboard a boat when it sank, the size of the boat. Any two sources' values
# may contradict each other whenever they were reported.
FIXED = frozenset(["magnitude", "depth", "wind speed", "population", "aboard", "size"])
# Of those, the properties of a thing rather than of an event: the dates
# their sentences tell (when the boat was spotted) do not date them.
_TIMELESS = frozenset(["population", "size"])
FIXED_DAYS = 3
_GROWING_MONEY = frozenset(["damage", "losses", "cost", "reconstruction"])
CONFLICTABLE = _COUNTS | FIXED | _GROWING_MONEY


def conflicts(
    claims: Sequence[Claim],
    extraction: Extraction,
    articles: Sequence[Article] = (),
    anchors: Mapping[str, tuple[date | None, str]] | None = None,
) -> list[Conflict]:
    """Incompatible figure claims for the same quantity and period (module doc).

    Two claims conflict through a pair of their reports that meets every
    rule; that pair is the conflict's evidence. ``anchors`` (``effective_dates``)
    dates undated articles by the latest day their text gives.
    """
    figs = {(f.evidence[0].article, f.evidence[0].start, describe_value(f)): f
            for f in extraction.figures}  # fmt: skip
    published = {a.id: a.published for a in articles}
    inferred = {i: d for i, (d, how) in (anchors or {}).items() if how == "inferred" and d}
    listed = _listed(extraction.figures)
    out: list[Conflict] = []
    candidates = [c for c in claims if c.kind == "figure" and c.measure in CONFLICTABLE]
    for i, a in enumerate(candidates):
        for b in candidates[i + 1 :]:
            if a.measure != b.measure:
                continue
            ka, kb = subject_key(a.subject), subject_key(b.subject)
            if not _compatible_subjects(ka, kb) or _whole_and_part(ka[1], kb[1]):
                continue
            ranges = _ranges(a, b, figs)
            if ranges is None:
                continue  # units that do not convert: not the same quantity
            (lo_a, hi_a), (lo_b, hi_b) = ranges
            if max(lo_a, lo_b) <= min(hi_a, hi_b):
                continue
            pair = _evidence_pair(a, b, figs, published, listed, inferred)
            if pair is None:
                continue
            sa, sb = pair
            as_of = None if a.measure in _TIMELESS else a.as_of
            subject = a.subject or b.subject
            fa = _figure(sa, figs)
            if a.measure in FIXED and fa is not None and sequence_of(sa, fa) == "second":
                subject = "the second quake"  # not the main one, whose values differ too
            reason = (
                f"{sa.value} {a.measure} per {sa.origin} vs {sb.value} per {sb.origin}"
                + ("" if a.measure in _TIMELESS else f" for {as_of or 'the same period'}")
                + ": the ranges do not overlap"
            )
            out.append(Conflict(a.measure or "", subject, as_of, [a.id, b.id], [sa, sb],
                                reason))  # fmt: skip
    return _one_per_sentences(out, figs)


def _one_per_sentences(found: list[Conflict], figs: Figures) -> list[Conflict]:
    """One conflict per two sentences and measure: "a 20-foot (6-meter) boat"
    against "a 20-meter boat" is one disagreement told in two units (the
    pair in one unit is kept)."""

    def key(c: Conflict) -> tuple[str, frozenset[tuple[str, int]]]:
        return c.measure, frozenset((s.article, s.evidence.start) for s in c.values)

    def units_differ(c: Conflict) -> bool:
        fs = [_figure(s, figs) for s in c.values]
        return len({f.unit for f in fs if f is not None}) > 1

    kept: dict[tuple[str, frozenset[tuple[str, int]]], Conflict] = {}
    for c in found:
        k = key(c)
        if k not in kept or (units_differ(kept[k]) and not units_differ(c)):
            kept[k] = c
    return [c for c in found if kept[key(c)] is c]


Figures = dict[tuple[str, int, str], Figure]
Published = Mapping[str, date | None]


# who may be a part of everyone a count tells of: "242 people" on a plane are
# 230 passengers and 12 crew; "153 killed" include "26 foreign nationals"
_PART_HEADS = frozenset(["passengers", "crew", "children", "women", "minors", "babies", "infants",
                         "teenagers", "foreigners", "nationals", "citizens", "tourists",
                         "students", "members", "officers"])  # fmt: skip


def _whole_and_part(a: str | None, b: str | None) -> bool:
    """One subject told generically ("people"), the other a part of such a whole."""
    return (a is None and b in _PART_HEADS) or (b is None and a in _PART_HEADS)


def competing_estimates(claims: Sequence[Claim], found: Sequence[Conflict]) -> list[Estimates]:
    """Per measure and subject, every figure claim with a different value,
    side by side ("deployed (North Korean troops): more than 10,000 per
    Ukraine; about 12,000 per ISW"), whether or not they conflict."""
    groups: list[list[Claim]] = []
    for c in claims:
        if c.kind != "figure" or not c.measure:
            continue
        key = subject_key(c.subject)
        group = next(
            (g for g in groups if g[0].measure == c.measure
             and all(_compatible_subjects(subject_key(x.subject), key) for x in g)),
            None,
        )  # fmt: skip
        if group is None:
            groups.append([c])
        else:
            group.append(c)
    contested = {i for k in found for i in k.claims}
    out = []
    for g in groups:
        if len({c.text.split(" ", 1)[0] + str(c.low) + str(c.high) for c in g}) < 2:
            continue
        g.sort(key=lambda c: (c.as_of or "9999", c.low or 0.0, c.id))
        subjects = [c.subject for c in g if c.subject]
        out.append(Estimates(
            g[0].measure or "", _most_common(subjects),
            [c.id for c in g], any(c.id in contested for c in g),
        ))  # fmt: skip
    return out


Range = tuple[float, float]


def _span(low: float | None, high: float | None) -> Range:
    return (low or 0.0, high if high is not None else float("inf"))


def _most_common(subjects: list[str]) -> str | None:
    """The subject most of a group's claims give ("killed (migrants)"), not
    the longest one a single claim gives ("Egyptian men")."""
    if not subjects:
        return None
    counts = Counter(subjects)
    return max(counts, key=lambda x: (counts[x], -len(x)))


def _ranges(a: Claim, b: Claim, figs: Figures) -> tuple[Range, Range] | None:
    """The two claims' ranges in one unit: as stated when their units agree,
    else both in the base unit ("6 miles" against "10 km")."""
    fa, fb = _figure(a.support[0], figs), _figure(b.support[0], figs)
    if fa is None or fb is None:
        return None
    return _in_one_unit(fa, fb, _span(a.low, a.high), _span(b.low, b.high))


def _in_one_unit(fa: Figure, fb: Figure, ra: Range, rb: Range) -> tuple[Range, Range] | None:
    """``ra`` and ``rb`` (of figures like ``fa`` and ``fb``) as they are when
    the units agree, else the figures' ranges in the base unit."""
    if fa.unit == fb.unit:
        return ra, rb
    ba, bb = base_range(fa), base_range(fb)
    return (ba, bb) if ba is not None and bb is not None else None


def _evidence_pair(
    a: Claim,
    b: Claim,
    figs: Figures,
    published: Published,
    listed: Listed = frozenset(),
    inferred: Published | None = None,
) -> tuple[Support, Support] | None:
    """The first pair of reports, one of each claim and from two origins, that
    can contradict. One source giving two values is revising itself ("14, up
    from 12"), not contradicting anyone; another source's value beside either
    still may ("about 750" per a charity, "up to 400" per the IOM, which also
    said 750)."""
    for sa in a.support:
        for sb in b.support:
            if sa.origin != sb.origin and _can_contradict(
                a.measure or "", sa, sb, figs, published, listed, inferred or {}
            ):
                return sa, sb
    return None


Listed = frozenset[tuple[str, int, str]]


def _listed(figures: Sequence[Figure]) -> Listed:
    """Sentences that list several values of one measure with no source for
    them ("the 7.8 and 7.5 magnitude quakes", "lengths of 20 and 30 m"): each
    value is of another referent, so none contradicts a value elsewhere."""
    seen: dict[tuple[str, int, str], set[tuple[float, str | None]]] = {}
    credited: set[tuple[str, int, str]] = set()
    for f in figures:
        key = (f.evidence[0].article, f.evidence[0].start, f.measure)
        v = f.value if f.value is not None else f.low
        if v is not None:  # "170 mph (270 km/h)" is one value in two units
            seen.setdefault(key, set()).add((v, f.unit))
        if f.attributed_to:
            credited.add(key)
    return frozenset(
        k for k, vs in seen.items() if len({u for _, u in vs}) < len(vs) and k not in credited
    )


def _can_contradict(
    measure: str,
    sa: Support,
    sb: Support,
    figs: Figures,
    published: Published,
    listed: Listed = frozenset(),
    inferred: Published | None = None,
) -> bool:
    fa, fb = _figure(sa, figs), _figure(sb, figs)
    if fa is None or fb is None or fa.value is None or fb.value is None:
        return False  # "thousands" is too loose to contradict "more than 10,000"
    ranges = _in_one_unit(fa, fb, _span(fa.low, fa.high), _span(fb.low, fb.high))
    if ranges is None or max(ranges[0][0], ranges[1][0]) <= min(ranges[0][1], ranges[1][1]):
        # the two reports' own ranges must be apart, not only their claims':
        # "as many as 750" and "700" can both hold
        return False
    if sa.article != sb.article and any(
        (s.article, s.evidence.start, f.measure) in listed or listed_near(s, f)
        for s, f in ((sa, fa), (sb, fb))
    ):
        return False  # "the 7.8 and 7.5 magnitude quakes": a list of referents
    texts = (sa.evidence.text, sb.evidence.text)
    if texts[0] != texts[1] and any(ELSEWHERE.search(t) for t in texts):
        # "died there", "in the country": a place named in another sentence (one
        # sentence giving both values speaks of one place)
        return False
    same_article = sa.article == sb.article
    if measure in FIXED:
        # where people or a boat came "from" does not place the quantity
        pa, pb = places_of(texts[0], False), places_of(texts[1], False)
        if not same_article and pa and pb and not pa & pb:
            return False  # a quake placed in one town, another in a town apart
    elif places_of(texts[0]) != places_of(texts[1]):
        # another town, province or country: another quantity (one article's
        # quake is one quake wherever each sentence places it)
        return False
    credited = bool(fa.attributed_to) and bool(fb.attributed_to)
    if measure in FIXED:
        # a fixed quantity needs no credit (its value does not go stale), but a
        # sentence about a second quake or an aftershock is of another referent;
        # two values in one article need a credited source for one of them (an
        # article listing two magnitudes unattributed tells of two quakes; "the
        # quake measured 7.8 ... AFAD put its magnitude at 7.4" is one), and across
        # articles both must be dated within days (an undated report of "the
        # quake's depth" may be of another quake the story took in)
        seq_a, seq_b = sequence_of(sa, fa), sequence_of(sb, fb)
        if seq_a != seq_b or seq_a not in (None, "second"):
            return False  # the main quake against a second one, or an aftershock
        if part_near(sa, fa) or part_near(sb, fb):
            return False  # "181 people, including 175 passengers": a part of the whole
        if other_year(sa, published) or other_year(sb, published):
            return False  # "in 1999, a 7.6 quake ...": another event's
        related = seq_a is None and any(RELATED_EVENT.search(t) for t in texts)
        if related or not (measure in _TIMELESS or _periods_meet(fa, fb)):
            return False  # "two weeks after ... a quake of 7.8": an earlier event's
        if same_article:
            return bool(fa.attributed_to) or bool(fb.attributed_to)
        da, db = published.get(sa.article), published.get(sb.article)
        if da is None or db is None:
            # an undated report: estimates of one quantity lie near each other
            # (agencies' magnitudes within half a point, other values within
            # 1.6 times); far values are more likely of two referents, unless
            # the latest day the undated text tells is within days of the other
            # report's (its own account of the same days)
            ia = da or (inferred or {}).get(sa.article)
            ib = db or (inferred or {}).get(sb.article)
            near_days = ia is not None and ib is not None and abs((ia - ib).days) <= FIXED_DAYS
            return near_days or _near(measure, fa, fb)
        return abs((da - db).days) <= FIXED_DAYS
    # a growing count: an uncredited figure may be a relay, an older toll or
    # another place's, so both reports credit a source; neither is a step of a
    # rising count, a part of a whole or a past event's; one article or one
    # day of publication, and dated periods that meet
    if not credited:
        return False
    if any(CHANGE.search(t) or SHIFTED.search(t) for t in texts):
        return False
    if part_near(sa, fa) or part_near(sb, fb):
        return False  # "26 of them": a part ("80 survivors, some of whom ..." is the whole)
    if other_year(sa, published) or other_year(sb, published):
        return False
    day_a, day_b = published.get(sa.article), published.get(sb.article)
    if not (same_article or (day_a is not None and day_a == day_b)):
        return False
    return _periods_meet(fa, fb)


def _near(measure: str, fa: Figure, fb: Figure) -> bool:
    va = fa.value if fa.value is not None else fa.low
    vb = fb.value if fb.value is not None else fb.low
    if fa.unit != fb.unit:  # "20 feet" is far from "20 m"
        ra, rb = base_range(fa), base_range(fb)
        va, vb = (sum(ra) / 2, sum(rb) / 2) if ra and rb else (None, None)
    if va is None or vb is None or va <= 0 or vb <= 0:
        return False
    if measure == "magnitude":
        return abs(va - vb) <= 0.5
    return max(va, vb) / min(va, vb) <= 1.6


def _figure(s: Support, figs: Figures) -> Figure | None:
    """The figure a claim's report stands on."""
    return figs.get((s.article, s.evidence.start, s.value or ""))


def _periods_meet(fa: Figure, fb: Figure) -> bool:
    """Where both figures are dated to a period, the periods overlap."""
    pa, pb = fa.as_of, fb.as_of
    if pa is None or pb is None or not (pa.start and pa.end and pb.start and pb.end):
        return True
    return not (pa.start > pb.end or pb.start > pa.end)
