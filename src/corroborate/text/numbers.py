"""Numbers as news writes them: grouped digits, words, scales, vague amounts.

Pure helpers: ``QUANTITY`` is one regex that finds a quantity expression and
``parse_quantity`` turns a match into ``(value, low, high, qualifier)``.
"""

from __future__ import annotations

import re
from bisect import bisect_left
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
          "trillion": 1_000_000_000_000, "lakh": 100_000, "crore": 10_000_000,
          "bn": 1_000_000_000, "bln": 1_000_000_000, "mn": 1_000_000, "mln": 1_000_000,
          "tn": 1_000_000_000_000, "m": 1_000_000, "b": 1_000_000_000, "k": 1_000,
          "mil": 1_000_000}  # fmt: skip

# Chinese and Japanese characters: their texts write numbers against them ("造成6人死亡")
CJK_CHARS = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff"

# Vague amounts, read by the order-of-magnitude convention of quantity
# extraction (CQE, NewsQuant): "thousands" is 1,000 to 10,000, "dozens" 12 to
# 120. They never plot a point or make a conflict.
VAGUE = {
    "dozens": (12, 120), "scores": (20, 200), "hundreds": (100, 1_000),
    "thousands": (1_000, 10_000), "tens of thousands": (10_000, 100_000),
    "hundreds of thousands": (100_000, 1_000_000), "millions": (1_000_000, 10_000_000),
    "tens of millions": (10_000_000, 100_000_000),
    "hundreds of millions": (100_000_000, 1_000_000_000),
    "billions": (1_000_000_000, 10_000_000_000),
    "several hundred": (300, 900), "a few hundred": (200, 500),
    "several thousand": (3_000, 9_000), "a few thousand": (2_000, 5_000),
    "several dozen": (36, 99), "a few dozen": (24, 60),
}  # fmt: skip

# Fractions of a whole, as a share in percent ("a third of", "two-thirds", "half the").
FRACTIONS = {"half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4,
             "fifth": 5, "fifths": 5, "tenth": 10, "tenths": 10}  # fmt: skip

# Qualifier words before a number, grouped by what they mean for the bounds.
QUALIFIERS = {
    "about": ("about", "around", "some", "roughly", "approximately", "approx.", "an estimated",
              "estimated", "almost exactly", "circa", "or so", "nearly about", "an average of",
              "on average"),
    "nearly": ("nearly", "almost", "close to", "just under", "just shy of", "towards"),
    "at least": ("at least", "no fewer than", "no less than", "a minimum of", "not less than"),
    "more than": ("more than", "over", "above", "upwards of", "in excess of", "exceeded",
                  "exceeding", "exceeds", "exceed", "surpassed", "topped", "well over",
                  "just over", "beyond", "greater than", "north of"),
    "up to": ("up to", "as many as", "at most", "no more than", "a maximum of", "as much as"),
    "less than": ("less than", "fewer than", "under", "below"),
}  # fmt: skip
QUALIFIER_OF = {w: q for q, words in QUALIFIERS.items() for w in words}

_words = sorted((w for w in WORD_VALUES if " " not in w), key=len, reverse=True)
_WORD = r"(?:" + "|".join(_words) + r")"
_TENS_UNITS = rf"{_WORD}(?:[-\s]{_WORD})?"
# "twenty-eight thousand six hundred forty-two", "three hundred and fifty"
_WORDNUM = (
    rf"(?:a\s+dozen|a\s+(?:hundred|thousand|million|billion)|{_TENS_UNITS}"
    rf"(?:[-\s]+(?:hundred(?:\s+and)?|thousand|million|billion)(?:[-\s]+{_TENS_UNITS}\b)?)*)"
)
# Digits: "10,000", "10 000" (thin or normal space), "34, 000" (a stray space after the
# comma, common in scraped copy), "1.5", "3,5" is left alone (European decimal, rare).
_DIGITS_CORE = r"(?:\d{1,3}(?:(?:,\s?|[ \u202f\u00a0])\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?![\d])"
_DIGITS = rf"(?<![\w.,:])(?<![A-Za-z]-){_DIGITS_CORE}"
# Scale words, one or two ("4 hundred million", "27-hundred", "three-thousand"), or a
# short scale glued on or after one space ("$1.5bn", "€200m", "8 B people", "$50k").
_SCALE_WORDS = r"(?:hundred|thousand|million|billion|trillion|lakh|crore)"
_SCALE = (
    rf"(?:(?:[-\s]*{_SCALE_WORDS}\b){{1,2}}"
    r"|\s?(?:bn|bln|mn|mln|mil|tn)\b|(?-i:[mbkMBK]\b)|(?-i:\s?B\b))?"
)
_VAGUE = r"(?:" + "|".join(sorted(VAGUE, key=len, reverse=True)).replace(" ", r"\s+") + r")"
# A currency symbol may sit between a qualifier and its number ("about $15", "over €2bn").
# So may a currency code glued to the number ("USD10m", "RM79", "AUD1.5m").
# the country codes written after a dollar sign ("$US12m", "$A5bn", Australian style)
DOLLAR_CODES = "US|AU|A|NZ|C|HK|S"
_CUR = rf"(?:(?:(?<![A-Za-z])(?:US|AU|A|C|HK|S|NZ|R)\s?)?\$(?-i:{DOLLAR_CODES})?|[€£¥₹₩₽₺₦])\s?"
# currency codes written glued to a number ("USD10m", "RM79", "AUD1.5m")
GLUED_CODES = ("USD", "AUD", "CAD", "EUR", "GBP", "HKD", "SGD", "NZD", "INR", "RM", "Rs")
_CODES = "|".join(GLUED_CODES)
# "PS6m", "Y=590 billion": "£" and "¥" as an ASCII transliteration (unidecode)
# writes them; "PS" only before a sum no console is named by ("PS5" is not £5)
_ASCII_SIGNS = r"PS(?=\d[\d.]*\s?(?:m|bn|k|million|billion)\b|\d{1,3}(?:,\d{3})+)|Y="
# "$US12m", "$A5bn" (Australian style): the match starts at the code after "$"
DOLLAR_AFTER = rf"(?<=\$)(?-i:{DOLLAR_CODES})(?=\d)"
_CODE = rf"(?:(?<![A-Za-z])(?-i:(?:{_CODES})\.?|{_ASCII_SIGNS})|{DOLLAR_AFTER})"
# A match never starts at a currency symbol (the anchored scan starts at words):
# a symbol is read inside a match, after its qualifier or "between".
_NUM_START = rf"(?:{_CODE}{_DIGITS_CORE}{_SCALE}|{_DIGITS}{_SCALE}|\b{_WORDNUM}\b{_SCALE})"
_NUM = rf"(?:(?:{_CUR}|{_CODE}){_DIGITS_CORE}{_SCALE}|{_DIGITS}{_SCALE}|\b{_WORDNUM}\b{_SCALE})"
_DIGIT_VALUE = re.compile(
    r"([\d.,\s\u202f\u00a0]+?)\s*((?:(?:hundred|thousand|million|billion|trillion|lakh|crore)\s*)+"
    r"|bn|bln|mn|mln|mil|tn|m|b|k)?"
)
_CUR_PREFIX = re.compile(rf"^(?:[a-z]*\s?\$[a-z]*|[€£¥₹₩₽₺₦]|(?:{_CODES.lower()}|ps|y=)\.?)\s?")
_QUAL = r"(?:" + "|".join(
    re.escape(w).replace(r"\ ", r"\s+") for w in sorted(QUALIFIER_OF, key=len, reverse=True)
) + r")"  # fmt: skip
# "an hour and a half of the descent" is a duration, not half of the descent
_FRACTION = (
    rf"(?:(?<!\band\s)\b(?:a|one|{_WORD})[\s-](?:half|thirds?|quarters?|fifths?|tenths?)\b(?=\s+of\b)"
    rf"|\b(?:two|three|four)[\s-](?:thirds|quarters|fifths|tenths)\b"
    r"|(?<!second\s)(?<!first\s)(?<!other\s)(?<!latter\s)(?<!former\s)(?<!and\s)(?<!and\sa\s)"
    r"\bhalf\b(?=\s+(?:of|the|its|their|all|a|an)\b)"
    rf"|\b(?:one|1)\s+in\s+(?:every\s+)?(?:\d+|{_WORD})\b)"
)

QUANTITY = re.compile(
    rf"""
    (?:\b(?P<qual>{_QUAL})\s+(?:{_CUR})?)?
    (?:
        \bbetween\s+(?P<r1>{_NUM})\s+and\s+(?P<r2>{_NUM})
      | \bfrom\s+(?P<f1>{_NUM})\s+to\s+(?P<f2>{_NUM})
      | (?!(?:1[89]|20)\d\d\b)(?<!\bby\s)(?<!\bby\s\$)(?P<d1>{_DIGITS}{_SCALE})
        (?:-\s+to\s+|[-–—]|\s[-–—]\s|\s?–\s?|\s+to\s+)
        (?P<d2>(?:{_CUR})?{_DIGITS_CORE}{_SCALE})(?=\s*(?:%|per\s*cent|percent|pc\b|\s|[a-z])|[.,;:)]|-[a-z]|$)
      | (?P<w1>\b{_TENS_UNITS})\s+to\s+(?P<w2>{_TENS_UNITS}[-\s]+{_SCALE_WORDS})\b
      | (?P<frac>{_FRACTION})
      | \b(?P<vague>{_VAGUE})\b(?:\s+of)?
      | (?P<num>{_NUM_START})
    )
    (?P<pct>\s*(?:%|\bper\s*cent\b|\bpercent\b|(?-i:pc|pct)\b)(?:age\s+points?|\s+points?)?
      |\s+percentage\s+points?\b)?
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


_DOLLAR_CODE = re.compile(rf"^(?:{DOLLAR_CODES})(?=\d)")


def number_value(text: str) -> float | None:
    """The value of one number expression.

    >>> number_value("34, 000"), number_value("10 000"), number_value("1.5 million")
    (34000.0, 10000.0, 1500000.0)
    >>> number_value("twenty-five"), number_value("two hundred"), number_value("a dozen")
    (25.0, 200.0, 12.0)
    >>> number_value("4 hundred million"), number_value("27-hundred"), number_value("8 B")
    (400000000.0, 2700.0, 8000000000.0)
    >>> number_value("two thousand five hundred"), number_value("one hundred and fifty")
    (2500.0, 150.0)
    """
    t = " ".join(_DOLLAR_CODE.sub("", text).lower().replace("-", " ").split())
    t = _CUR_PREFIX.sub("", t)
    m = _DIGIT_VALUE.fullmatch(t)
    if m:
        try:
            v = float(re.sub(r"[,\s\u202f\u00a0]", "", m[1]))
        except ValueError:
            return None
        for w in (m[2] or "").split():
            v *= SCALES[w]
        return v
    if t in WORD_VALUES:
        return float(WORD_VALUES[t])
    total = cur = 0.0
    seen = False
    for w in t.split():
        if w in ("a", "and"):
            cur = cur or (1.0 if w == "a" else 0.0)
            continue
        if w in WORD_VALUES:
            cur += WORD_VALUES[w]
        elif w == "hundred":
            cur = (cur or 1) * 100
        elif w in SCALES and SCALES[w] >= 1000:
            total += (cur or 1) * SCALES[w]
            cur = 0.0
        else:
            return None
        seen = True
    return (total + cur) or None if seen else None


def _scale_words(text: str) -> float:
    """The multiplier of the scale words a number ends with ("6 million" -> 1e6)."""
    m = re.search(r"((?:\s*(?:hundred|thousand|million|billion|trillion|lakh|crore))+|bn|bln|mn|mln|mil|tn|m|b|k)\s*$",
                  text.lower().replace("-", " "))  # fmt: skip
    if not m:
        return 1.0
    v = 1.0
    for w in m[1].split():
        v *= SCALES[w]
    return v


def _fraction(text: str) -> float | None:
    """A fraction phrase as a share in percent ("a third" -> 33.3, "one in five" -> 20)."""
    words = text.lower().replace("-", " ").split()
    if len(words) >= 3 and words[1] == "in":
        n = number_value(words[-1])
        return 100.0 / n if n else None
    if words == ["half"]:
        return 50.0
    if len(words) == 2 and words[1] in FRACTIONS:
        k = 1.0 if words[0] in ("a", "one") else number_value(words[0])
        return 100.0 * k / FRACTIONS[words[1]] if k else None
    return None


def bounds(qualifier: str, v: float) -> tuple[float | None, float | None]:
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
    for a, b in (("r1", "r2"), ("f1", "f2"), ("d1", "d2"), ("w1", "w2")):
        if m[a]:
            lo, hi = number_value(m[a]), number_value(m[b])
            if lo is None or hi is None:
                return None
            scale = _scale_words(m[b])
            if scale > 1 and _scale_words(m[a]) == 1 and lo * scale <= hi:
                lo *= scale  # "4-6 million", "1 to 2 thousand": the scale is shared
            if hi < lo and a == "d1":
                return None  # "2022-23" style, or a score: not a range of counts
            # a stated range keeps the qualifier before it ("roughly 400 to 750")
            return Quantity(None, lo, hi, qual, pct)
    if m["frac"]:
        v = _fraction(m["frac"])
        if v is None:
            return None
        lo, hi = bounds(qual, v)
        return Quantity(v, lo, hi, qual, True)
    if m["vague"]:
        lo, hi = VAGUE[" ".join(m["vague"].lower().split())]
        if qual in ("more than", "at least"):
            hi = None
        return Quantity(None, float(lo), float(hi) if hi else None, "about", pct)
    v = number_value(m["num"])
    if v is None:
        return None
    lo, hi = bounds(qual, v)
    return Quantity(v, lo, hi, qual, pct)


# Words every quantity contains at least one of (besides digits).
_TRIGGER_WORDS = frozenset(
    w for phrase in [*WORD_VALUES, *VAGUE, *FRACTIONS] for w in phrase.split()
    if w not in ("a", "of", "few", "several", "tens")
) | {"hundred", "thousand", "million", "billion", "trillion", "hundreds", "thousands",
     "millions", "billions", "dozens"}  # fmt: skip


def _any(word: str) -> bool:
    return True


# Words a quantity may begin with before its number: qualifiers, ranges, "a dozen".
STARTERS = frozenset(
    phrase.split()[0].rstrip(".")
    for phrase in [*QUALIFIER_OF, *WORD_VALUES, *VAGUE, "between", "from", "a", "one", "half"]
)


_GLUED_CODE = re.compile(  # the lookahead first: the scan skips most characters at once
    rf"(?=[A-Z$])(?:\b(?:{_CODES})\d|(?<![A-Za-z])(?-i:{_ASCII_SIGNS})\d|{DOLLAR_AFTER})"
)


def quantity_triggers(tokens: Tokens, text: str = "") -> list[int]:
    """Indices of the words a quantity may be built around (numbers, number
    words, and a currency code glued to digits: "USD10m")."""
    found = tokens.triggers(_TRIGGER_WORDS, numeric=_any)
    glued = [bisect_left(tokens.starts, m.start()) for m in _GLUED_CODE.finditer(text)]
    return sorted({*found, *glued}) if glued else found
