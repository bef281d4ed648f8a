"""What a number counts: currency, percent, a physical unit, or a counted noun.

``read_unit`` looks at the words around a quantity match and says what kind
of quantity it is. It knows currencies in every notation news uses
("$1.5bn", "US$58.24", "€200m", "Rs 5 crore", "10.5 million Australian
dollars", "19 cents", "125.8p"), percentages ("24pc", "19 per cent"), and the
physical measures news reports carry (magnitude, area, length, speed,
temperature, mass, volume, power, duration, age), each with the dimension
it measures. A number glued to letters that are not a unit ("5G", "3rd",
"F16") is not a quantity. Anything else is a count, read by the noun phrase
after it (``extract.figures``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from corroborate.text.numbers import (
    DOLLAR_AFTER,
    DOLLAR_CODES,
    GLUED_CODES,
    QUANTITY,
    Quantity,
    bounds,
)

# Currency written before the number: symbol or code -> ISO code.
_CURRENCY_BEFORE = {
    "us$": "USD", "usd": "USD", "$": "USD", "a$": "AUD", "au$": "AUD", "aud": "AUD",
    "c$": "CAD", "ca$": "CAD", "cad": "CAD", "hk$": "HKD", "s$": "SGD", "nz$": "NZD",
    "r$": "BRL", "€": "EUR", "eur": "EUR", "£": "GBP", "gbp": "GBP", "¥": "JPY", "jpy": "JPY",
    "cny": "CNY", "rmb": "CNY", "₹": "INR", "rs": "INR", "rs.": "INR", "inr": "INR",
    "₩": "KRW", "krw": "KRW", "₽": "RUB", "rub": "RUB", "rm": "MYR", "chf": "CHF",
    "egp": "EGP", "₺": "TRY", "₦": "NGN", "aed": "AED", "sar": "SAR", "zar": "ZAR",
    "ps": "GBP", "y=": "JPY",  # "£" and "¥" transliterated to ASCII (unidecode)
}  # fmt: skip
# Currency named after the number -> ISO code (None: the code comes from the adjective).
_CURRENCY_AFTER = {
    "dollars": "USD", "dollar": "USD", "euros": "EUR", "euro": "EUR", "pounds": "GBP",
    "pound": "GBP", "sterling": "GBP", "pence": "GBP", "p": "GBP", "cents": "USD",
    "cent": "USD", "sen": "MYR", "ringgit": "MYR", "yen": "JPY", "yuan": "CNY",
    "renminbi": "CNY", "rupees": "INR", "rupee": "INR", "won": "KRW", "roubles": "RUB",
    "rubles": "RUB", "hryvnias": "UAH", "hryvnia": "UAH", "shekels": "ILS", "baht": "THB",
    "pesos": "MXN", "reais": "BRL", "rand": "ZAR", "naira": "NGN", "lira": "TRY",
    "liras": "TRY", "francs": "CHF", "dirhams": "AED", "riyals": "SAR", "dinars": "LYD",
    "kroner": "NOK", "kronor": "SEK", "krona": "ISK", "zloty": "PLN", "crowns": "DKK",
    "krone": "DKK",
}  # fmt: skip
_DOLLAR_OF = {"us": "USD", "u.s.": "USD", "american": "USD", "australian": "AUD",
              "canadian": "CAD", "hong kong": "HKD", "singapore": "SGD", "new zealand": "NZD",
              "taiwan": "TWD", "egyptian": "EGP", "libyan": "LYD", "turkish": "TRY",
              "syrian": "SYP", "indian": "INR", "pakistani": "PKR", "south korean": "KRW",
              "swiss": "CHF", "mexican": "MXN", "brazilian": "BRL", "danish": "DKK",
              "swedish": "SEK", "norwegian": "NOK", "czech": "CZK"}  # fmt: skip

# Physical and other units after a number: spelling -> (unit, dimension).
_UNITS: dict[str, tuple[str, str]] = {}
for _dim, _unit, _spellings in [
    ("magnitude", "magnitude", "magnitude|richter"),
    ("length", "km", "km|kms|kilometres|kilometers|kilometre|kilometer|klicks"),
    ("length", "nmi", "nautical miles|nautical mile|nmi"),
    ("length", "mi", "miles|mile|mi"),
    ("length", "m", "metres|meters|metre|meter|m"),
    ("length", "cm", "centimetres|centimeters|centimetre|centimeter|cm"),
    ("length", "mm", "millimetres|millimeters|millimetre|millimeter|mm"),
    ("length", "ft", "feet|foot|ft"),
    ("length", "in", "inches|inch"),
    ("length", "yd", "yards|yard|yds"),
    ("area", "km2", "square kilometres|square kilometers|sq km|km2|km²|square km|sq. km"),
    ("area", "mi2", "square miles|sq miles|sq mi"),
    ("area", "m2", "square metres|square meters|sq m|m2|m²"),
    ("area", "ft2", "square feet|sq ft|sq. ft"),
    ("area", "acre", "acres|acre"),
    ("area", "ha", "hectares|hectare|ha"),
    ("speed", "km/h", "km/h|kph|kmh|kilometres per hour|kilometers per hour|km per hour"),
    ("speed", "mph", "mph|miles per hour|miles an hour"),
    ("speed", "kn", "knots"),
    ("temperature", "°C", "°c|degrees celsius|degrees centigrade|degrees c|celsius|degc|deg c"),
    ("temperature", "°F", "degf|deg f"),
    ("temperature", "°F", "°f|degrees fahrenheit|degrees f|fahrenheit"),
    ("temperature", "°", "degrees|°"),
    ("mass", "t", "tonnes|tons|tonne|ton|metric tons|metric tonnes"),
    ("mass", "kg", "kilograms|kilogrammes|kilogram|kilos|kg|kgs"),
    ("mass", "g", "grams|gram|g"),
    ("mass", "mg", "milligrams|milligram|mg|micrograms|µg|mcg"),
    ("mass", "lb", "lbs|lb|pounds of"),
    ("mass", "oz", "ounces|ounce|oz"),
    ("volume", "l", "litres|liters|litre|liter|l"),
    ("volume", "ml", "millilitres|milliliters|ml"),
    ("volume", "gal", "gallons|gallon"),
    ("volume", "bbl", "barrels|barrel|bpd|barrels per day"),
    ("volume", "m3", "cubic metres|cubic meters|m3|m³"),
    ("power", "MW", "megawatts|megawatt|mw"),
    ("power", "GW", "gigawatts|gigawatt|gw"),
    ("power", "kW", "kilowatts|kilowatt|kw"),
    ("power", "W", "watts|watt|w"),
    ("power", "hp", "horsepower|hp|bhp|ps"),
    ("length", "nm", "nanometres|nanometers|nanometre|nanometer"),
    ("length", "µm", "micrometres|micrometers|microns|micron|μm|µm"),
    ("concentration", "ppm", "ppm|ppb|parts per million|parts per billion"),
    ("torque", "Nm", "nm|newton metres|newton meters|lb-ft|pound-feet"),
    ("energy", "kWh", "kwh|kilowatt-hours|kilowatt hours"),
    ("energy", "MWh", "mwh|megawatt-hours"),
    ("energy", "GWh", "gwh|gigawatt-hours"),
    ("energy", "cal", "calories|calorie|kcal"),
    ("duration", "s", "seconds|second|secs"),
    ("duration", "min", "minutes|minute|mins"),
    ("duration", "h", "hours|hour|hrs"),
    ("duration", "d", "days|day"),
    ("duration", "wk", "weeks|week"),
    ("duration", "mo", "months|month"),
    ("duration", "yr", "years|year|yrs"),
    ("duration", "decade", "decades|decade"),
    ("duration", "century", "centuries|century"),
    ("frequency", "rpm", "rpm"),
    ("frequency", "Hz", "hz|ghz|mhz|khz|hertz"),
    ("loudness", "dB", "decibels|decibel|db"),
    ("data", "GB", "gigabytes|gb|megabytes|mb|terabytes|tb|mbps|gbps"),
    ("points", "points", "points|point|pts|basis points|basis point|bps"),
    ("rate", "per game", "ppg|rpg|apg|spg|bpg|mpg"),
    ("multiple", "times", "times|fold|x"),
    ("voltage", "V", "volts|volt|kv|kilovolts"),
    ("pressure", "psi", "psi|ksi|hpa|millibars|mb"),
    ("pixels", "px", "megapixels|pixels|mp"),
]:
    for _sp in _spellings.split("|"):
        _UNITS.setdefault(_sp, (_unit, _dim))

# Unit spellings that are also ordinary words or letters: only glued to the
# number ("50m", "5l") or after a hyphen ("40-foot"), never after a space.
_GLUED_ONLY = frozenset(["m", "g", "l", "x", "mi", "in", "mp", "mb", "ha", "db", "kn", "w", "ps"])
_UNIT_RE = re.compile(
    r"(?P<sep>[-\s]?)(?P<unit>"
    + "|".join(re.escape(k).replace(r"\ ", r"[\s-]") for k in sorted(_UNITS, key=len, reverse=True))
    + r")(?![\w²³])",
    re.I,
)
_AGE = re.compile(r"[\s-]*(?:years?|yrs?|months?|weeks?|days?)[\s-]*old\b", re.I)
_SYMBOL_BEFORE = re.compile(
    r"(?:(?<![A-Za-z])(?P<code>US|USD|AU|A|C|CA|HK|S|NZ|R)?\$|(?P<sym>[€£¥₹₩₽₺₦])"
    r"|(?<![A-Za-z])(?P<word>USD|EUR|GBP|JPY|CNY|RMB|INR|Rs\.?|RM|CHF|EGP|KRW|RUB|AED|SAR|ZAR|AUD|CAD))"
    r"\s?$"
)
_CURRENCY_WORD_AFTER = re.compile(
    r"(?P<sep>\s*)(?:(?P<adj>US|U\.S\.|American|Australian|Canadian|Hong\s+Kong|Singapore|"
    r"New\s+Zealand|Taiwan|Egyptian|Libyan|Turkish|Syrian|Indian|Pakistani|South\s+Korean|"
    r"Swiss|Mexican|Brazilian|Danish|Swedish|Norwegian|Czech)\s+)?(?P<cur>"
    + "|".join(sorted(_CURRENCY_AFTER, key=len, reverse=True))
    + r")\b(?!\s+of\b)",
    re.I,
)
_PM = re.compile(r"\.?\s?m\b\.?", re.I)
_SHARED = re.compile(r"\s*(?:or|to|and)\s+")
_MILLION_AFTER = re.compile(r"\s+(?:of\b|[a-z]+s\b|tons\b|tonnes\b|barrels\b|people\b)")
_WORD_NEXT = re.compile(r"\s+(?!old\b)[^\s,.;:]")
# "magnitude 7.8", "a magnitude of 6.4", "put the magnitude of the quake at 7.4",
# a scale's symbol: "M 6.1", "Mw 7.7", "Mww 7.5"
_MAGNITUDE_BEFORE = re.compile(
    r"\b(?:magnitude|M(?:ww|wp|w|s|L|b)?)(?:\s+of)?[\s-]?$"
    r"|\bmagnitude(?:\s+of\s+(?:the|its)\s+\w+)?\s+(?:at|to|was|is|as)\s+(?:about\s+|around\s+)?$",
    re.I,
)
_DOLLAR_CODE = re.compile(DOLLAR_AFTER)
_ONE_LETTER = frozenset("mglpWVx")  # one glued letter that is a unit: "50m", "5l", "10W"
_GLUED = re.compile(r"[A-Za-z°²³]+")


@dataclass(slots=True, frozen=True)
class Unit:
    """What a quantity measures: ``kind`` is money, percent or measure."""

    kind: str
    unit: str  # ISO currency code, "percent", or a unit symbol ("km", "mph", "°C")
    dimension: str  # "money", "share", "length", "area", "magnitude", ...
    end: int  # where the unit's words end in the text


NOT_A_QUANTITY = Unit("none", "", "", 0)


def read_unit(text: str, m: re.Match[str], s: int, e: int, depth: int = 0) -> Unit | None:
    """The unit of a quantity match; None for a count or a bare number;
    ``NOT_A_QUANTITY`` for a number glued to letters that are no unit ("5G")."""
    a, b = m.start(), m.end()
    if m["pct"] or m["frac"]:
        return Unit("percent", "percent", "share", b)
    raw = m[0]
    cur = _currency_in(raw) or _currency_before(text, a, s)
    dollar = _DOLLAR_CODE.match(text, a)
    if dollar:  # "$A5bn" is Australian dollars
        cur = _CURRENCY_BEFORE.get(dollar[0].lower() + "$", "USD")
    if cur is None and b < e and text[b] in "€£$¥":  # "1,200€"
        return Unit("money", _CURRENCY_BEFORE.get(text[b], "USD"), "money", b + 1)
    glued = _GLUED.match(text, b, e) if b < e and text[b].isalpha() else None
    if glued:
        word = glued[0].lower()
        if cur is None and word == "p":
            return Unit("money", "GBP", "money", glued.end())  # "125.8p"
        if word not in _UNITS or (len(glued[0]) == 1 and glued[0] not in _ONE_LETTER):
            return NOT_A_QUANTITY  # "5G", "3rd", "F16"
    if (
        raw[-1:] == "m"
        and raw[-2:-1].isdigit()
        and cur is None
        and not _MILLION_AFTER.match(text, b, e)
    ):
        # "a 50m wall": glued "m" without a currency is metres, unless what
        # follows is counted: "35m of its devices", "1.2m tons", "12m people"
        return Unit("measure", "m", "length", b)
    if cur is not None:
        return Unit("money", cur, "money", b)
    after = _CURRENCY_WORD_AFTER.match(text, b, e)
    # "down 68 p", "125.8p" are pence; "a 5 p.m. update" is a time
    if after and (after["sep"] or after["cur"].lower() == "p") and not _PM.match(text, after.end()):
        code = _CURRENCY_AFTER[after["cur"].lower()]
        if after["adj"]:
            code = _DOLLAR_OF.get(" ".join(after["adj"].lower().split()), code)
        return Unit("money", code, "money", after.end())
    if m["num"] and _MAGNITUDE_BEFORE.search(text, max(s, a - 40), a):
        return Unit("measure", "magnitude", "magnitude", b)
    age = _AGE.match(text, b, e)
    if age:
        return Unit("measure", "yr", "age", age.end())
    unit = _UNIT_RE.match(text, b, e)
    if unit is None and depth == 0:
        # "eight or nine euros", "7 to 10 days": the next number's unit is this one's
        nxt = _SHARED.match(text, b, e)
        if nxt:
            follow = QUANTITY.match(text, nxt.end(), e)
            if follow and follow["num"]:
                shared = read_unit(text, follow, s, e, depth=1)
                if shared is not None and shared is not NOT_A_QUANTITY:
                    return Unit(shared.kind, shared.unit, shared.dimension, b)
    if unit:
        spelling = " ".join(unit["unit"].lower().replace("-", " ").split())
        if spelling in _GLUED_ONLY and unit["sep"] == " ":
            return None
        adjective = unit["sep"] == "-" and not spelling.endswith("s")
        if (
            adjective
            and _UNITS.get(spelling, ("", ""))[1] == "duration"
            and _WORD_NEXT.match(text, unit.end(), e)
        ):
            return NOT_A_QUANTITY  # "a five-year plan": a modifier, not a figure
        if spelling not in _UNITS:
            spelling = unit["unit"].lower()
        symbol, dimension = _UNITS.get(spelling, ("", ""))
        if symbol:
            return Unit("measure", symbol, dimension, unit.end())
    return None


_CURRENCY_INSIDE = re.compile(
    rf"(?:(?<![A-Za-z])(?P<pre>US|AU|A|C|HK|S|NZ|R)\s?)?\$(?P<post>{DOLLAR_CODES})?"
    r"|(?P<sym>[€£¥₹₩₽₺₦])"
    rf"|(?<![A-Za-z])(?P<code>{'|'.join(GLUED_CODES)}|PS|Y=)(?=[\d.])"
)


def _currency_in(raw: str) -> str | None:
    """A currency written inside the match ("about $5", "between €2 and €3", "USD10m")."""
    m = _CURRENCY_INSIDE.search(raw)
    if not m:
        return None
    if "$" in m[0]:  # "US$5", "$US5" (Australian style), "$5"
        key = (m["pre"] or m["post"] or "").lower() + "$"
    else:
        key = (m["sym"] or m["code"]).lower()
    return _CURRENCY_BEFORE.get(key, "USD")


def _currency_before(text: str, a: int, s: int) -> str | None:
    m = _SYMBOL_BEFORE.search(text, max(s, a - 5), a)
    if not m:
        return None
    key = (m[0].strip()).lower()
    return _CURRENCY_BEFORE.get(key) or ("USD" if key.endswith("$") else None)


# Words near a sum of money that say what it is.
_MONEY_MEASURES = {
    "damage": "damage", "damages": "damage", "losses": "losses", "loss": "losses",
    "cost": "cost", "costs": "cost", "bill": "cost", "aid": "aid", "assistance": "aid",
    "relief": "aid", "pledged": "aid", "donated": "aid", "donations": "aid", "funding": "aid",
    "funds": "aid", "grant": "aid", "reconstruction": "reconstruction", "fine": "fine",
    "fined": "fine", "penalty": "fine", "settlement": "settlement", "compensation": "compensation",
    "ransom": "ransom", "reward": "reward", "budget": "budget", "price": "price",
    "priced": "price", "revenue": "revenue", "sales": "revenue", "profit": "profit",
    "salary": "salary", "wage": "salary", "wages": "salary", "investment": "investment",
    "invest": "investment", "invested": "investment", "worth": "value", "valued": "value",
    "value": "value", "debt": "debt", "loan": "loan", "loans": "loan",
}  # fmt: skip
_MONEY_WORD = re.compile(r"[A-Za-z]+")


def money_measure(text: str, a: int, b: int, s: int, e: int) -> str:
    """What a sum of money is: the nearest telling word within a few words, else "amount"."""
    near = [
        (abs(w.start() - a), w[0].lower()) for w in _MONEY_WORD.finditer(text, max(s, a - 50), a)
    ]
    near += [
        (abs(w.start() - b), w[0].lower()) for w in _MONEY_WORD.finditer(text, b, min(e, b + 40))
    ]
    hits = sorted((d, _MONEY_MEASURES[w]) for d, w in near if w in _MONEY_MEASURES)
    return hits[0][1] if hits else "amount"


_BURNED = re.compile(r"\b(?:burn(?:ed|t|ing|s)?|scorch(?:ed|ing)|charred|blaze|fire)\b", re.I)
_RAIN = re.compile(r"\b(?:rain(?:fall|s|ed)?|precipitation|downpours?)\b", re.I)
_DEEP = re.compile(r"^[\s,]*(?:deep|below|underground|beneath)\b|\bdepth\s+of\s*$", re.I)
_WIND = re.compile(r"\b(?:winds?|gusts?)\b", re.I)
_GUSTS = re.compile(r"\bgusts?\b", re.I)


def measure_name(unit: Unit, text: str, a: int, s: int, e: int) -> str:
    """The normalised measure of a physical quantity: "area burned" for acres in a
    fire sentence, "rainfall" for millimetres of rain, "depth" for km deep."""
    sentence = text[s:e]
    if unit.dimension == "area" and _BURNED.search(sentence):
        return "area burned"
    if unit.dimension == "length":
        if unit.unit in ("mm", "cm", "in") and _RAIN.search(sentence):
            return "rainfall"
        if _DEEP.search(text[unit.end : e]) or _DEEP.search(text[max(s, a - 20) : a]):
            return "depth"
    if unit.dimension == "speed" and _WIND.search(sentence):
        # gusts and sustained winds are two quantities: "gusts of up to 300 km/h"
        return "wind gusts" if _GUSTS.search(text, max(s, a - 40), a) else "wind speed"
    return unit.dimension


# what a length before a noun measures: "the 22-foot vessel", "a 20-meter boat",
# "the 20-foot (6-meter) boat", "a 30-metre-long trawler"
_SIZED = re.compile(
    r"(?:-long)?\)?\s*(?:\([^()]{1,30}\)\s*)?(?:[a-z]+\s+){0,2}?"
    r"(?P<object>vessel|boat|ship|trawler|fishing\s+boat|submersible|submarine|yacht|ferry|barge|"
    r"dinghy|plane|jet|aircraft|airliner|train|bridge|dam|tunnel)s?\b",
    re.I,
)


def sized_object(unit: Unit, text: str, e: int) -> str | None:
    """The thing an adjectival length measures ("22-foot vessel" -> "vessel"):
    a fixed size of one thing, unlike a distance ("47 miles off the coast")."""
    if unit.dimension != "length" or "-" not in text[unit.end - 8 : unit.end]:
        return None
    m = _SIZED.match(text, unit.end, e)
    return m["object"].lower() if m else None


# a length named by what it measures, before the number: "the depth of the quake
# was 10 km", "the length of the fishing boat was about 30 metres"
_NAMED_LENGTH = re.compile(
    r"\b(?P<dim>depth|length|size|height|width)\s+of\s+(?:the\s+|a\s+|an\s+)?"
    r"(?P<thing>[\w'’ -]{1,40}?)\s+(?:was|is|were|are|measured|measures|stood|at)\s+"
    r"(?:(?:about|around|some|roughly|nearly|almost|just|over|under|more\s+than|less\s+than|"
    r"up\s+to|at\s+least|an\s+estimated)\s+)?$",
    re.I,
)


def named_length(text: str, a: int, s: int) -> tuple[str, str | None] | None:
    """(measure, subject) of a length whose sentence names what it measures:
    ("depth", None) for a quake's depth, ("size", "boat") for a thing's length."""
    m = _NAMED_LENGTH.search(text, max(s, a - 90), a)
    if m is None:
        return None
    if m["dim"].lower() == "depth":
        return "depth", None
    thing = m["thing"].split()
    return "size", thing[-1].lower() if thing else None


_APPROX_SIGN = re.compile(r"[~≈]\s?$")
_AVERAGED = re.compile(r"\baverag(?:ed|es|ing)\s+$", re.I)
_CONVERSION = re.compile(r"^[^()]{0,30}\(\s*(?:[A-Z]{1,3}\s?)?[$€£¥]?\s*$")


def metres(q: Quantity) -> Quantity:
    def undo(v: float | None) -> float | None:
        return None if v is None else v / 1e6

    return Quantity(undo(q.value), undo(q.low), undo(q.high), q.qualifier, q.percent)


def requalify(text: str, a: int, q: Quantity, last: tuple[int, str]) -> Quantity:
    """The qualifier a number carries without a qualifier word: "~1.2mm",
    "averaged 7.3 points", and a conversion in brackets after a qualified
    number ("more than 7.5 million crowns (US$1.1 million)")."""
    if q.qualifier != "exact" or q.value is None:
        return q
    qualifier = None
    if _APPROX_SIGN.search(text, max(0, a - 2), a) or _AVERAGED.search(text, max(0, a - 12), a):
        qualifier = "about"
    elif last[1] not in ("exact", "range") and _CONVERSION.match(text[last[0] : a]):
        qualifier = last[1]
    if qualifier is None:
        return q
    low, high = bounds(qualifier, q.value)
    return Quantity(q.value, low, high, qualifier, q.percent)


_UP = frozenset(["up", "rose", "rises", "rising", "risen", "climbed", "climbs", "jumped", "jumps",
                 "gained", "gains", "added", "increased", "increases", "grew", "grows", "surged",
                 "soared", "advanced"])  # fmt: skip
_DIRECTION = _UP | frozenset(["down", "fell", "falls", "falling", "fallen", "dropped", "drops",
                              "declined", "declines", "slipped", "slumped", "lost", "decreased",
                              "decreases", "plunged", "tumbled", "shed", "sank", "eased",
                              "retreated"])  # fmt: skip
_CHANGE_BEFORE = re.compile(
    rf"\b(?P<dir>{'|'.join(sorted(_DIRECTION, key=len, reverse=True))})\s+(?:by\s+)?"
    r"(?:about\s+|nearly\s+|almost\s+|more\s+than\s+|over\s+|some\s+|just\s+)?$",
    re.I,
)


def change_of(text: str, a: int, s: int) -> str | None:
    """ "up" / "down" for a figure told as a change ("up 19 cents", "rose 60%")."""
    start = max(s, a - 40)
    if not any(w in _DIRECTION for w in text[start:a].lower().split()[-5:]):
        return None
    m = _CHANGE_BEFORE.search(text, start, a)
    if not m:
        return None
    return "up" if m["dir"].lower() in _UP else "down"
