"""How a figure reads and what it bounds: "about 300" is 255-345, "at least
300" is 300 or more, "thousands" is a word with conventional bounds (never
a point). Which figures a story's claims are made of.
"""

from __future__ import annotations

from corroborate.extract.lexicon import COMBINED, COUNT_NOUNS, MEASURE_WORDS
from corroborate.model import Figure
from corroborate.text.numbers import VAGUE

EXACT_TOLERANCE = 0.01  # "2,700" and "2,690" are one figure; more apart, two
_VAGUE_WORD: dict[tuple[float | None, float | None], str] = {
    (float(lo), float(hi)): word for word, (lo, hi) in VAGUE.items()
}
_CURRENCY_SIGN = {"USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥"}
# What a story's claims are made of: counts of what news events are told in
# (deaths, arrests, people aboard, homes), sums of money, shares with a
# measure, and the physical measures that describe an event. A figure of
# any other kind (a duration, a distance, "22 goals") stays in its article's
# figures but is not cross-checked.
_CLAIMED_MEASURES = frozenset(
    [*MEASURE_WORDS.values(), *COMBINED.values(), *COUNT_NOUNS, "crowd", "share",
     "magnitude", "area burned", "depth", "rainfall", "wind speed", "size", "population"]
)  # fmt: skip


def bounds(f: Figure) -> tuple[float, float]:
    low = f.low if f.low is not None else (f.value if f.value is not None else 0.0)
    high = f.high if f.high is not None else float("inf")
    if f.qualifier == "exact" and f.value is not None:
        # "2,700" and "2,690" are one figure; a decimal is exact to its last
        # digit: magnitude 6.4 is not 6.3
        # a number is exact to its last non-zero digit: "2,700" may be a rounded
        # 2,690, but "81" survivors are not 80, and magnitude 6.4 is not 6.3
        tol = min(abs(f.value) * EXACT_TOLERANCE, 0.98 * _half_last_digit(f.value, True))
        if float(f.value).is_integer() and tol < 1:
            tol = min(tol, 0.49)  # no other whole number lies within it: 80 is not 81
        low, high = f.value - tol, f.value + tol
    if f.qualifier == "more than" and f.value is not None:
        low = f.value  # "more than 10,000" includes reports of 10,000 rounded down
    return low, high


def currency_sign(unit: str) -> str:
    """How a currency's sums are written: "$" for USD, "EGP" for EGP."""
    return _CURRENCY_SIGN.get(unit, unit)


def amount(f: Figure) -> float | None:
    """The figure as one number for charts, or None: a stated range is drawn
    at its middle, but a vague amount ("thousands", "dozens") has only
    conventional bounds, and drawing it as a number would invent one."""
    if f.value is not None:
        return f.value
    if f.low is not None and f.high is not None and (f.low, f.high) not in _VAGUE_WORD:
        return (f.low + f.high) / 2
    return None


def describe_value(f: Figure) -> str:
    """The figure as a reader says it: "about 300", "between 1,000 and 3,000"."""

    sign = _CURRENCY_SIGN.get(f.unit, f.unit + " ") if f.kind == "money" and f.unit else ""

    def num(x: float | None) -> str:  # "$34,000,000,000": the sign on the number
        if x is None:
            return "?"
        return sign + (f"{x:,.0f}" if x == int(x) else f"{x:,.4f}".rstrip("0").rstrip("."))

    vague = _VAGUE_WORD.get((f.low, f.high)) if f.value is None else None
    if vague:
        text = vague  # "thousands": a word, not the bounds it stands for
    elif f.value is None:
        text = f"{num(f.low)}-{num(f.high)}"
        if f.qualifier not in ("exact", "range"):
            text = f"{f.qualifier} {text}"
    elif f.qualifier == "exact":
        text = num(f.value)
    else:
        text = f"{f.qualifier} {num(f.value)}"
    if vague and sign:
        return f"{vague} ({f.unit})"  # "millions (USD)"
    if f.kind == "measure" and f.unit and f.unit != "magnitude":
        return f"{text} {f.unit}"
    return text + ("%" if f.unit == "percent" else "")


def claimable(f: Figure) -> bool:
    """Is the figure one a story's claims are made of (see ``_CLAIMED_MEASURES``)?"""
    return f.kind == "money" or f.measure in _CLAIMED_MEASURES


def point(f: Figure) -> float | None:
    """The number a report states: its value, or a vague amount's middle."""
    if f.value is not None:
        return f.value
    if f.low is not None and f.high is not None:
        return (f.low + f.high) / 2
    return None


# A unit's size in its dimension's base unit: km, km/h, km², tonnes, m³.
_BASE = {
    "km": 1.0, "mi": 1.609344, "nmi": 1.852, "m": 0.001, "cm": 1e-5, "mm": 1e-6, "ft": 0.0003048,
    "in": 2.54e-5, "yd": 0.0009144, "km/h": 1.0, "mph": 1.609344, "kn": 1.852,
    "km2": 1.0, "mi2": 2.589988, "m2": 1e-6, "ft2": 9.2903e-8, "acre": 0.00404686,
    "ha": 0.01, "t": 1.0, "kg": 0.001, "g": 1e-6, "lb": 0.000453592, "oz": 2.83495e-5,
    "l": 0.001, "gal": 0.00378541, "m3": 1.0, "bbl": 0.158987,
}  # fmt: skip


def base_range(f: Figure) -> tuple[float, float] | None:
    """The figure's range in its dimension's base unit, widened by half its
    last written digit ("6 miles" is 5.5-6.5 miles, 8.9-10.5 km), so that a
    value and its rounded conversion are never told apart; None for a unit
    with no fixed ratio (a currency, degrees)."""
    size = _BASE.get(f.unit or "")
    if size is None or (f.value is None and f.low is None):
        return None
    half = _half_last_digit(f.value if f.value is not None else f.low or 0.0)
    low, high = bounds(f)
    return (low - half) * size, (high + half) * size


def _half_last_digit(v: float, nonzero: bool = False) -> float:
    """Half a unit of the last written digit: 0.5 for 6, 0.05 for 6.4; with
    ``nonzero``, of the last non-zero digit: 0.5 for 81, 5 for 80."""
    if float(v).is_integer():
        n = abs(int(v))
        place = 1
        while nonzero and n and n % 10 == 0:
            n //= 10
            place *= 10
        return 0.5 * place
    return 0.5 * 10 ** -len(f"{v:.6f}".rstrip("0").split(".")[1])
