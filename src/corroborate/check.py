"""Check a claim against the coverage: corroborated, single-source,
contested, distorted or not found, always with the evidence.

The claim is read by the same extraction as an article (figures with value,
qualifier, measure, subject and source; who said it), then set against the
figure claims of the stories it could be about:

- same measure, a compatible subject, and the numbers agree (the claim's
  range and the coverage's overlap, and they state the same figure): the
  claim is *corroborated* when two or more independent origins give it (or,
  for "X said ...", two or more outlets report X saying it), else
  *single-source*; *contested* when the coverage reports a conflict over it
  (the competing values are listed);
- the coverage gives something close but different: *distorted*, saying
  what: another number for the same quantity, the number of another
  quantity ("3,000 casualties", not killed), another source, another period;
- nothing in the coverage about it: *not found*, saying what was searched.

Precision first: a claim is never called corroborated on topic words alone.
"""

from __future__ import annotations

import calendar
import math
import re
from typing import TYPE_CHECKING, Any

from corroborate import clean_article
from corroborate.check_statements import check_statement
from corroborate.conflicts import FIXED, places_of
from corroborate.coverage import (
    FILLER,
    WORD,
    CheckResult,
    Evidence,
    Verdict,
    about,
    aliases,
    evidence,
    fold,
    mentions,
    same_name,
    sentences,
)
from corroborate.extract import extract
from corroborate.extract.lexicon import COMBINED
from corroborate.model import Figure
from corroborate.values import bounds, currency_sign
from corroborate.words import counted

if TYPE_CHECKING:
    from corroborate.store import Store

SAME = 0.05  # two numbers within 5% state the same figure
_MONTHS = [m.lower() for m in calendar.month_name[1:]]  # full names: "may" is also a verb
_MONTH = re.compile(r"\b(" + "|".join(_MONTHS) + r")\b(?:\s+(\d{4}))?", re.I)
# measures a claim may confuse: a whole and its parts ("casualties": killed, wounded)
_PARTS = {whole: parts for parts, whole in COMBINED.items()}
_CAPITAL = re.compile(r"\b[A-Z][\w'’-]{2,}")
_CALENDAR = frozenset([*_MONTHS, *(d.lower() for d in calendar.day_name)])
_GENERIC = frozenset(["people", "person", "soldier", "troop", "force", "men", "resident"])


def check_claim(claim: str, stories: list[dict[str, Any]]) -> CheckResult:
    """The verdict on ``claim`` from story documents (as the JSON document has them)."""
    text = claim.strip()
    if text[-1:] not in '.!?"”':
        text += "."  # a claim typed without its full stop reads as the sentence it is
    ex = extract(clean_article(text))
    figures = [f for f in ex.figures if f.measure]
    said_by = figures[0].attributed_to[0] if figures and figures[0].attributed_to else None
    searched = sorted({f.measure for f in figures})
    names = {fold(e.name) for e in ex.entities} | {fold(a) for e in ex.entities for a in e.aliases}
    names |= {fold(m[0]) for m in _CAPITAL.finditer(text)
              if m.start() > 0 and m[0].lower() not in _CALENDAR}  # fmt: skip
    names.discard("")
    spoken = [s for s in ex.statements if s.speaker and s.kind == "speech"]
    if not figures:
        if spoken:  # "X said Y": checked against the stories' statements
            return check_statement(claim, spoken[0], stories, names)
        return CheckResult(claim, "not found", "the claim states no figure and no statement "
                           "I can check", searched=searched)  # fmt: skip
    f = _main_figure(text, figures)
    month = _month(claim)
    places = places_of(text)
    best: tuple[float, CheckResult] | None = None
    told: dict[str, list[tuple[Evidence, list[float]]]] = {}  # per story: the quantity's claims
    for story in stories:
        known = aliases(story)
        if names and not about(names, story, known):
            continue  # about other people and places: not this story
        conflicts = {cid: c for c in story.get("conflicts", []) for cid in c.get("claims", [])}
        by_id = {c["id"]: c for c in story.get("claims", [])}
        main = _main_places(story)
        for c in by_id.values():
            if c["kind"] != "figure" or not _subject_fits(f.subject, c.get("subject"), places):
                continue
            if one_measure(c.get("measure") or "", f.measure) and _told_of(claim, names, c):
                amounts = [x["amount"] for x in c.get("support", []) if x.get("amount") is not None]
                told.setdefault(story["id"], []).append((evidence(story, c), amounts))
            judged = _judge(claim, f, said_by, month, story, c, known, conflicts, by_id, names,
                            main)  # fmt: skip
            if judged is not None and (best is None or judged[0] > best[0]):
                best = judged
    if best is None:
        return CheckResult(claim, "not found", f"no story reports {f.measure} of "
                           f"{f.subject or 'this'}", searched=searched)  # fmt: skip
    verdict = _step_of_a_count(f, best, told) or best[1]
    verdict.searched = searched
    if verdict.verdict in ("corroborated", "single-source") and spoken:
        # "X said they are not 100 percent wrong": the figure stands, but the
        # words around it may be another speaker's or have their sense flipped
        words = check_statement(claim, spoken[0], stories, names)
        if words.verdict == "distorted" or (words.verdict == "not found" and words.competing):
            return words  # the words are another's, flipped, or only partly there
    return verdict


_PREDICATE = re.compile(
    r"\b(?:was|is|were|are|stood\s+at|stands\s+at|reached|totall?ed|rose\s+to|hit)\s+"
    r"(?:(?:more\s+than|at\s+least|about|around|nearly|almost|up\s+to|over|some)\s+)?$",
    re.I,
)


def _main_figure(text: str, figures: list[Figure]) -> Figure:
    """The figure a claim is about: the one its verb states ("The rain in 24
    hours was more than 400 mm": the rain, not the 24 hours), else the first."""
    for f in figures:
        if f.value is None:
            continue
        number = f"{f.value:,.0f}" if f.value == int(f.value) else f"{f.value:g}"
        for m in re.finditer(rf"(?<![\d.,]){re.escape(number)}(?!\d)", text):
            start = m.start() - (1 if m.start() and not text[m.start() - 1].isspace() else 0)
            if _PREDICATE.search(text, max(0, start - 40), start):  # ("$" before it)
                return f
    return figures[0]


def _step_of_a_count(
    f: Figure, best: tuple[float, CheckResult], told: dict[str, list[tuple[Evidence, list[float]]]]
) -> CheckResult | None:
    """A number the coverage does not give, of a count that changes (a toll,
    people displaced), lying between the values the coverage gives over time:
    maybe a step the coverage missed, not a distortion. Not found, with the
    values and their dates. A fixed quantity (a magnitude, the people aboard)
    has one true value, and another number stays a distortion."""
    result = best[1]
    if result.verdict != "distorted" or best[0] >= 3 or f.value is None or f.measure in FIXED:
        return None
    reports = told.get(result.evidence[0].story, []) if result.evidence else []
    amounts = [x for _, xs in reports for x in xs]
    if not amounts or not (min(amounts) * (1 - SAME) <= f.value <= max(amounts) * (1 + SAME)):
        return None
    given = sorted((e for e, _ in reports), key=lambda e: e.as_of or "")
    values = "; ".join(f"{e.value}" + (f" (as of {e.as_of})" if e.as_of else "") for e in given)
    return CheckResult(result.claim, "not found", "the coverage does not give this number; "
                       f"the count changes over time and it gives {values}",
                       [], given)  # fmt: skip


def _judge(
    claim: str, f: Figure, said_by: str | None, month: str | None, story: dict[str, Any],
    c: dict[str, Any], known: dict[str, set[str]], conflicts: dict[str, Any],
    by_id: dict[str, Any], names: set[str] = frozenset(),  # type: ignore[assignment]
    main: frozenset[str] = frozenset(),
) -> tuple[float, CheckResult] | None:  # fmt: skip
    """(strength, result) of one coverage claim against the checked figure, or None."""
    measure = c.get("measure") or ""
    same_measure = one_measure(measure, f.measure)
    if (
        not same_measure
        and measure not in _PARTS.get(f.measure, ())
        and f.measure not in _PARTS.get(measure, ())
    ):
        return None  # another quantity altogether
    source_ok = said_by is None or any(same_name(said_by, o, known) for o in c["origins"])
    near = _near(f, c)  # the same number, whatever the bounds: enough to explain a distortion
    ev = evidence(story, c)
    if not same_measure:  # a whole for its part, or a part for the whole
        if near and source_ok:
            return 3, CheckResult(claim, "distorted", f"another quantity: {ev.value} is "
                                  f"{measure} in the coverage, not {f.measure}", [ev])  # fmt: skip
        return None
    period_ok = (
        month is None
        or c.get("as_of") is None
        or c["as_of"].startswith(month)
        or (len(month) == 2 and c["as_of"][5:7] == month)
    )
    if near and _within(f, c) and source_ok and period_ok:
        if not _named_in(claim, names, story, c, known, main):
            # the number is there, but its reports name nothing the claim names:
            # neither support nor "another number"
            return 2.9, CheckResult(claim, "not found", f"the coverage gives {ev.value} "
                                    f"{measure}, but not of {', '.join(sorted(names))}",
                                    [], [ev])  # fmt: skip
        if c["id"] in conflicts:
            k = conflicts[c["id"]]
            rivals = [evidence(story, by_id[i]) for i in k["claims"] if i != c["id"] and i in by_id]
            return 5, CheckResult(claim, "contested", k.get("reason", "sources disagree"),
                                  [ev], rivals)  # fmt: skip
        return 4, _supported(claim, said_by, c, ev)
    if near and not source_ok and said_by:
        return 3, CheckResult(claim, "distorted", f"another source: the coverage credits "
                              f"{ev.value} to {', '.join(c['origins'])}, not {said_by}",
                              [ev])  # fmt: skip
    if near and not period_ok:
        return 3, CheckResult(claim, "distorted", f"another period: the coverage gives "
                              f"{ev.value} as of {c.get('as_of')}", [ev])  # fmt: skip
    vague = not any(x.get("amount") is not None for x in c.get("support", []))
    if not near and source_ok and period_ok and not vague and _told_of(claim, names, c):
        # "another number" only of the quantity the claim names ("killed in
        # Syria" is not told by a report of the dead at sea), the closest one,
        # and never a vague amount ("billions" holds $5.5bn)
        return 2 + _closeness(f, c), CheckResult(
            claim, "distorted", f"another number: the coverage gives {ev.value} {f.measure}"
            + (f" (per {', '.join(c['origins'])})" if c["origins"] else ""), [ev])  # fmt: skip
    return None


_LEAD = 300  # characters: an article's dateline and first sentence


def _named_in(
    claim: str, names: set[str], story: dict[str, Any], c: dict[str, Any],
    known: dict[str, set[str]], main: frozenset[str] = frozenset(),
) -> bool:  # fmt: skip
    """Does the coverage claim's story tell of what the claim names, in its
    title or in a sentence reporting the figure (in any of a name's forms)?
    "510 killed in eastern Libya" is not told by a shipwreck story whose
    migrants set off from Libya."""
    if not names:
        return True
    forms = {n for name in names for n in (known.get(name) or {name})} | names
    if mentions(forms, [story.get("title") or "", *sentences(c)]):
        return True
    # an article reporting the figure names it in its lead, where a report
    # says what it is about ("CUTRO, Italy - ..." over "64 migrants died"), and
    # the figure's sentence places it nowhere else; a place named further down
    # may be a mere origin ("the boat had left Libya")
    places = places_of(claim)
    named_in = {m["article"] for e in story.get("entities", [])
                if {fold(n) for n in [e["name"], *e.get("aliases", [])]} & forms
                for m in e.get("mentions", []) if m["start"] < _LEAD}  # fmt: skip
    named_in |= {x["article"] for other in story.get("claims", []) for x in other.get("support", [])
                 if (x.get("evidence") or {}).get("start", _LEAD) < _LEAD
                 and mentions(forms, [(x.get("evidence") or {}).get("text", "")])}  # fmt: skip
    for x in c.get("support", []):
        theirs = places_of((x.get("evidence") or {}).get("text", ""))
        if places and theirs and not places & theirs:
            continue  # the sentence places the figure elsewhere
        if x["article"] in named_in or (places & main and not theirs - main):
            # named in the article's lead, or the figure's sentence places it
            # nowhere but where the story's reports place its figures
            return True
    return False


def _main_places(story: dict[str, Any]) -> frozenset[str]:
    """Where the story's figures happen: the places its figure sentences name
    after "in", "at", "off" (not "from": where migrants set off), in the most
    articles, and in two at least."""
    seen: dict[str, set[str]] = {}
    for c in story.get("claims", []):
        for x in c.get("support", []):
            for place in places_of((x.get("evidence") or {}).get("text", ""), False):
                seen.setdefault(place, set()).add(x["article"])
    most = max((len(v) for v in seen.values()), default=0)
    return frozenset(p for p, v in seen.items() if len(v) == most and most >= 2)


def _told_of(claim: str, names: set[str], c: dict[str, Any]) -> bool:
    """Is a report of the coverage claim about what the claim names? It names
    one of its names ("Cutro", "Hatay"), or places neither sentence apart
    ("killed in Syria" is not told by a report of the dead "off Greece"). A
    claim naming nothing (no event, place or source) is matched to no other
    number: which quantity it means is unknown."""
    if not names:
        return False
    places = places_of(claim)
    for text in sentences(c):
        if mentions(names, [text]):
            return True
        theirs = places_of(text)
        if not (places and theirs and not places & theirs):
            return True
    return False


def _closeness(f: Figure, c: dict[str, Any]) -> float:
    """In [0, 1): how near the coverage's number is to the claim's (1 the same)."""
    stated = [s["amount"] for s in c.get("support", []) if s.get("amount")]
    if f.value is None or not stated or f.value <= 0:
        return 0.0
    ratio = min(abs(math.log(max(x, 1e-9) / f.value)) for x in stated)
    return 1.0 / (1.0 + ratio) * 0.999


def _supported(claim: str, said_by: str | None, c: dict[str, Any], ev: Evidence) -> CheckResult:
    if said_by is not None:  # "X said N": corroborated when several outlets report X saying it
        n = len(ev.outlets)
        verdict: Verdict = "corroborated" if n >= 2 else "single-source"
        return CheckResult(claim, verdict, f"reported by {counted(n, 'outlet')}, from "
                           f"{counted(len(c['origins']), 'origin')}: {', '.join(c['origins'])}",
                           [ev])  # fmt: skip
    k = len(c["origins"])
    verdict = "corroborated" if k >= 2 else "single-source"
    return CheckResult(claim, verdict, f"{counted(k, 'independent origin')}: "
                       f"{', '.join(c['origins'])}", [ev])  # fmt: skip


def _within(f: Figure, c: dict[str, Any]) -> bool:
    """Does the coverage state what the claim's figure says (given a report
    with its number, ``_near``)? Its range must lie within the claim's ("at
    least 11,300" does not say "more than 11,400"; "about 300" says "at least
    300" no more than it says 299)."""
    if f.value is None:
        return False
    f_lo, f_hi = bounds(f)  # as cross-checking reads a figure (rounding and qualifier)
    if f.qualifier == "up to":
        f_lo = 0.0  # the claim's "up to 700" holds the coverage's "500-700"
    lo: float = c["low"] if c.get("low") is not None else 0.0
    hi: float = c["high"] if c.get("high") is not None else float("inf")
    slack = 0.005 * max(abs(f.value), 1)  # rounding: "2,700" for 2,690
    if not (lo < f_lo - slack or hi > f_hi + slack):
        return True  # nothing the claim excludes
    # reports stating the number itself ("6,000" for "at least 6,000"): their
    # rounding is the claim's too
    stated = [x for x in c.get("support", []) if x.get("amount") is not None]
    return bool(stated) and all(
        _plain(x) and f_lo - slack <= x["amount"] <= f_hi + slack for x in stated
    )


def _plain(x: dict[str, Any]) -> bool:
    """Is a report's value a plain number, with no qualifier or range?"""
    return bool(re.fullmatch(r"[^\d\s]{0,4}\s?[\d,.]+\s?\S{0,4}", str(x.get("value") or "")))


def _near(f: Figure, c: dict[str, Any]) -> bool:
    """Does a report of the coverage claim give the claim's number (within 5%),
    as its amount or as an end of its range ("up to 700" and "500-700")?"""
    if f.value is None:
        return False
    if f.kind == "money" and f.unit and not _same_currency(f.unit, c):
        return False  # "€250,000" is not "$250,000"
    stated = [s["amount"] for s in c.get("support", []) if s.get("amount") is not None]
    if stated:  # a range's ends: a vague amount ("billions") has none to give
        stated += [x for x in (c.get("low"), c.get("high")) if x is not None]
    return any(abs(x - f.value) <= SAME * max(abs(x), abs(f.value), 1) for x in stated)


# measures that name one quantity in other words: a sum of money told as
# "amount" is the price, the cost or the aid the claim names; a vessel's
# "size" is its length
_MONEY = frozenset(["amount", "price", "cost", "damage", "aid", "losses", "reconstruction",
                    "fine", "budget", "funding", "appeal", "compensation"])  # fmt: skip
_FAMILIES = [frozenset(["length", "size", "distance"])]


def one_measure(a: str, b: str) -> bool:
    """Do two measure names name one quantity ("amount" and "price")?"""
    if a == b:
        return True
    if "amount" in (a, b) and a in _MONEY and b in _MONEY:
        return True
    return any(a in fam and b in fam for fam in _FAMILIES)


def _same_currency(unit: str, c: dict[str, Any]) -> bool:
    """Is the coverage claim's money in ``unit``'s currency (by the sign its
    values are written with: "$250,000", "EGP 140,000")?"""
    sign = currency_sign(unit)
    for x in c.get("support", []):
        m = re.match(
            r"(?:(?:about|at least|more than|nearly|up to|over)\s+)?([^\d\s]+)",
            str(x.get("value") or ""),
        )
        if m and m[1].strip() and m[1].strip() != sign:
            return False
    return True


def _subject_fits(a: str | None, b: str | None, places: frozenset[str] = frozenset()) -> bool:
    """Subjects that can be one: either unstated, sharing a content word, both
    only generic words, people and a kind of people ("people" dead are the
    "migrants" dead of a shipwreck), or a place the claim names ("killed in
    Turkey" has the coverage's subject "Turkey")."""
    if not a or not b:
        return True
    if any(_only_places(x, places) for x in (a, b)):
        return True
    wa = {w.rstrip("s") for w in WORD.findall(a.lower())} - FILLER
    wb = {w.rstrip("s") for w in WORD.findall(b.lower())} - FILLER
    # "people" and "persons" are one; "people" and "Egyptian men" are not (a subset)
    if bool(wa & wb) or (bool(wa) and bool(wb) and wa <= _GENERIC and wb <= _GENERIC):
        return True
    people = {"people", "person"}
    return bool(wa and wb) and (
        (wa <= people and len(wb) == 1 and wb <= _HUMAN)
        or (wb <= people and len(wa) == 1 and wa <= _HUMAN)
    )


_HUMAN = frozenset(["migrant", "civilian", "passenger", "victim", "inhabitant", "villager",
                    "refugee", "worker", "tourist", "pilgrim", "resident"])  # fmt: skip


def _only_places(subject: str, places: frozenset[str]) -> bool:
    """A subject that is only places the claim names ("Turkey", "Derna")."""
    words = [w for w in re.findall(r"[\w'’-]+", subject) if w.lower() not in FILLER]
    return bool(words) and all(w in places for w in words)


def _month(claim: str) -> str | None:
    """A month the claim names: "2024-12" with its year, "12" without."""
    m = _MONTH.search(claim)
    if not m:
        return None
    month = f"{_MONTHS.index(m[1].lower()) + 1:02d}"
    return f"{m[2]}-{month}" if m[2] else month


def stories_about(store: Store, claim: str) -> list[dict[str, Any]]:
    """The stored stories a claim may be about: those search finds by its
    names (else its words); a store of any size is not read whole."""
    ids: set[str] = set()
    for word in _CAPITAL.findall(claim) or claim.split():
        _, hits = store.search(word, 100)
        ids |= {h["story_id"] for h in hits if h.get("story_id")}
    return [doc for sid in sorted(ids) if (doc := store.story(sid))]
