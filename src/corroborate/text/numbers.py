"""Numbers as news writes them: grouped digits, words, scales, vague amounts.

Pure helpers: ``QUANTITY`` is one regex that finds a quantity expression and
``parse_quantity`` turns a match into ``(value, low, high, qualifier)``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from corroborate.text.scan import Tokens

WORD_VALUES = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90, "a dozen": 12, "dozen": 12, "a hundred": 100,
    "a thousand": 1000,
}  # fmt: skip
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
          "trillion": 1_000_000_000_000, "bn": 1_000_000_000, "m": 1_000_000}  # fmt: skip

# Vague amounts: bounds a careful reader would accept ("hundreds" is at least 200).
VAGUE = {
    "dozens": (24, 99), "scores": (40, 99), "hundreds": (200, 999),
    "thousands": (2_000, 9_999), "tens of thousands": (20_000, 99_999),
    "hundreds of thousands": (200_000, 999_999), "millions": (2_000_000, 9_999_999),
    "several hundred": (300, 900), "a few hundred": (200, 500),
    "several thousand": (3_000, 9_000), "a few thousand": (2_000, 5_000),
    "several dozen": (36, 99), "a few dozen": (24, 60),
}  # fmt: skip

# Qualifier words before a number, grouped by what they mean for the bounds.
QUALIFIERS = {
    "about": ("about", "around", "some", "roughly", "approximately", "approx.", "an estimated",
              "estimated", "almost exactly", "circa", "or so", "nearly about"),
    "nearly": ("nearly", "almost", "close to", "just under", "just shy of", "towards"),
    "at least": ("at least", "no fewer than", "no less than", "a minimum of", "not less than"),
    "more than": ("more than", "over", "above", "upwards of", "in excess of", "exceeded",
                  "exceeding", "exceeds", "exceed", "surpassed", "topped", "well over",
                  "just over", "beyond", "greater than"),
    "up to": ("up to", "as many as", "at most", "no more than", "a maximum of", "as much as"),
    "less than": ("less than", "fewer than", "under", "below"),
}  # fmt: skip
QUALIFIER_OF = {w: q for q, words in QUALIFIERS.items() for w in words}

_words = sorted((w for w in WORD_VALUES if " " not in w), key=len, reverse=True)
_WORD = r"(?:" + "|".join(_words) + r")"
_WORDNUM = rf"(?:a\s+dozen|a\s+hundred|a\s+thousand|{_WORD}(?:[-\s]{_WORD})?(?:\s+hundred)?)"
# Digits: "10,000", "10 000" (thin or normal space), "34, 000" (a stray space after the
# comma, common in scraped copy), "1.5", "3,5" is left alone (European decimal, rare).
_DIGITS = (
    r"(?<![\w.,])(?<![A-Za-z]-)(?:\d{1,3}(?:(?:,\s?|[ \u202f\u00a0])\d{3})+|\d+(?:\.\d+)?)(?![\d])"
)
_SCALE = r"(?:\s*(?:hundred|thousand|million|billion|trillion|bn|m)\b)?"
_VAGUE = r"(?:" + "|".join(sorted(VAGUE, key=len, reverse=True)).replace(" ", r"\s+") + r")"
_NUM = rf"(?:{_DIGITS}{_SCALE}|\b{_WORDNUM}\b{_SCALE})"
_DIGIT_VALUE = re.compile(
    r"([\d.,\s\u202f\u00a0]+?)\s*(hundred|thousand|million|billion|trillion|bn|m)?"
)
_QUAL = r"(?:" + "|".join(
    re.escape(w).replace(r"\ ", r"\s+") for w in sorted(QUALIFIER_OF, key=len, reverse=True)
) + r")"  # fmt: skip

QUANTITY = re.compile(
    rf"""
    (?:\b(?P<qual>{_QUAL})\s+)?
    (?:
        \bbetween\s+(?P<r1>{_NUM})\s+and\s+(?P<r2>{_NUM})
      | \bfrom\s+(?P<f1>{_NUM})\s+to\s+(?P<f2>{_NUM})
      | (?P<d1>{_DIGITS}{_SCALE})\s*(?:-|–|—|to)\s*(?P<d2>{_DIGITS}{_SCALE})(?=\s*(?:%|per\s*cent|percent|\s))
      | \b(?P<vague>{_VAGUE})\b(?:\s+of)?
      | (?P<num>{_NUM})
    )
    (?P<pct>\s*(?:%|\bper\s*cent\b|\bpercent\b))?
    """,
    re.I | re.X,
)


@dataclass(slots=True, frozen=True)
class Quantity:
    """A parsed quantity: point ``value`` (None if vague) and its bounds."""

    value: float | None
    low: float | None
    high: float | None
    qualifier: str
    percent: bool


def number_value(text: str) -> float | None:
    """The value of one number expression.

    >>> number_value("34, 000"), number_value("10 000"), number_value("1.5 million")
    (34000.0, 10000.0, 1500000.0)
    >>> number_value("twenty-five"), number_value("two hundred"), number_value("a dozen")
    (25.0, 200.0, 12.0)
    """
    t = " ".join(text.lower().replace("-", " ").split())
    m = _DIGIT_VALUE.fullmatch(t)
    if m:
        try:
            v = float(re.sub(r"[,\s\u202f\u00a0]", "", m[1]))
        except ValueError:
            return None
        return v * SCALES[m[2]] if m[2] else v
    if t in WORD_VALUES:
        return float(WORD_VALUES[t])
    total = 0.0
    for w in t.split():
        if w == "a":
            continue
        if w == "hundred":
            total = (total or 1) * 100
        elif w in WORD_VALUES:
            total += WORD_VALUES[w]
        elif w in SCALES:
            total = (total or 1) * SCALES[w]
        else:
            return None
    return total or None


def _bounds(qualifier: str, v: float) -> tuple[float | None, float | None]:
    if qualifier in ("at least", "more than"):
        return v, None
    if qualifier in ("up to", "less than", "nearly"):
        return (v * 0.85 if qualifier == "nearly" else None), v
    if qualifier == "about":
        return v * 0.85, v * 1.15
    return v, v


def parse_quantity(m: re.Match[str]) -> Quantity | None:
    """Turn a ``QUANTITY`` match into a ``Quantity`` (None if it is not a number)."""
    qual = QUALIFIER_OF.get(" ".join(m["qual"].lower().split()), "exact") if m["qual"] else "exact"
    pct = bool(m["pct"])
    for a, b in (("r1", "r2"), ("f1", "f2"), ("d1", "d2")):
        if m[a]:
            lo, hi = number_value(m[a]), number_value(m[b])
            if lo is None or hi is None:
                return None
            if hi < lo and a == "d1":
                return None  # "2022-23" style, or a score: not a range of counts
            # "1,000 to 3 million": the first number borrows the second's scale? No: keep.
            return Quantity(None, lo, hi, "range", pct)
    if m["vague"]:
        lo, hi = VAGUE[" ".join(m["vague"].lower().split())]
        if qual in ("more than", "at least"):
            hi = None
        return Quantity(None, float(lo), float(hi) if hi else None, "about", pct)
    v = number_value(m["num"])
    if v is None:
        return None
    lo, hi = _bounds(qual, v)
    return Quantity(v, lo, hi, qual, pct)


# Words every quantity contains at least one of (besides digits).
_TRIGGER_WORDS = frozenset(
    w for phrase in [*WORD_VALUES, *VAGUE, *SCALES] for w in phrase.split()
    if w not in ("a", "of", "few", "several", "tens", "m")
) | {"hundreds", "thousands", "millions", "dozens"}  # fmt: skip


def _any(word: str) -> bool:
    return True


# Words a quantity may begin with before its number: qualifiers, ranges, "a dozen".
STARTERS = frozenset(
    phrase.split()[0].rstrip(".")
    for phrase in [*QUALIFIER_OF, *WORD_VALUES, *VAGUE, "between", "from"]
)


def quantity_triggers(tokens: Tokens) -> list[int]:
    """Indices of the words a quantity may be built around (numbers, number words)."""
    return tokens.triggers(_TRIGGER_WORDS, numeric=_any)
