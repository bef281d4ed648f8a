"""Figures written in digits in reports that are not in English.

Every language is cleaned, deduplicated and grouped, but only English gets
the full extraction. The figures of a German, French, Spanish, Italian,
Portuguese or Dutch report are still what ties it to the story's claims:
"Au moins 11 300 personnes" and "mindestens 5.300 Leichen" are the same
death tolls that English outlets report. This module reads numbers in
their local notation ("11 300", "20.000", "100’000", "1,5", "20 mil 213",
"34 Milliarden"), the qualifier before them ("mindestens", "au moins",
"más de", "almeno"), and the counted word after them, mapped by a small
lexicon to the English measures ("Tote" -> killed, "blessés" -> wounded,
"desaparecidos" -> missing). Numbers with no known measure stay figures
of kind count with the word as their measure; they are not cross-checked.
Numbers written in words are left out (they are rarely the figures that
matter, and each language spells them differently).
"""

from __future__ import annotations

import re

from corroborate.model import Figure, Sentence, Span
from corroborate.text.numbers import CJK_CHARS, bounds

# qualifier phrases before a number, per meaning (lower case)
_QUALIFIERS = {
    "at least": ["mindestens", "wenigstens", "au moins", "al menos", "por lo menos", "almeno",
                 "ao menos", "pelo menos", "minstens", "ten minste", "कम से कम"],
    "more than": ["mehr als", "über", "plus de", "dépassant les", "dépassant", "más de",
                  "oltre", "più di", "mais de", "meer dan", "ruim"],
    "about": ["rund", "etwa", "ungefähr", "circa", "ca.", "environ", "près de", "quelque",
              "quelques", "alrededor de", "cerca de", "unos", "unas", "aproximadamente",
              "circa", "quasi", "intorno a", "cerca", "aproximadamente", "ongeveer", "zo'n"],
    "nearly": ["fast", "knapp", "presque", "casi", "quasi", "bijna"],
    "up to": ["bis zu", "jusqu'à", "jusqu’à", "hasta", "fino a", "até", "tot"],
}  # fmt: skip
_QUALIFIER_OF = {w: q for q, ws in _QUALIFIERS.items() for w in ws}
_QUAL_RE = "|".join(re.escape(w) for w in sorted(_QUALIFIER_OF, key=len, reverse=True))

# the counted word after a number -> English measure
_MEASURES = {
    "killed": ["tote", "toten", "todesopfer", "leichen", "opfer", "getötet", "morts", "mort",
               "décès", "tués", "victimes", "muertos", "muertes", "fallecidos", "fallecidas",
               "víctimas", "morti", "vittime", "corpi", "deceduti", "mortos", "mortes",
               "doden", "slachtoffers", "ertrunken", "人死亡", "人遇难", "人遇難", "人罹难",
               "人罹難", "人丧生", "人喪生", "人が死亡", "人死亡した", "मारे", "मौत", "मृत"],
    "wounded": ["verletzte", "verletzten", "verletzt", "blessés", "blessées", "heridos",
                "heridas", "feriti", "feridos", "gewonden", "人受傷", "人受伤", "人が負傷",
                "人負傷", "人负伤", "घायल"],
    "missing": ["vermisste", "vermissten", "vermisst", "disparus", "disparues",
                "desaparecidos", "desaparecidas", "dispersi", "disperse", "desaparecidos",
                "vermisten", "人失蹤", "人失踪", "人が行方不明", "人行方不明", "लापता"],
    "rescued": ["gerettet", "gerettete", "secourus", "rescatados", "rescatadas", "salvati",
                "salvate", "resgatados", "gered"],
    "survived": ["überlebende", "survivants", "sobrevivientes", "supervivientes",
                 "sopravvissuti", "sobreviventes", "overlevenden"],
    "displaced": ["obdachlose", "vertriebene", "déplacés", "desplazados", "damnificados",
                  "sfollati", "desalojados", "desabrigados", "evakuiert"],
    "arrested": ["festgenommen", "festnahmen", "arrêtés", "interpellés", "detenidos",
                 "arrestati", "fermati", "presos"],
}  # fmt: skip
_MEASURE_OF = {w: m for m, ws in _MEASURES.items() for w in ws}
_CJK_MEASURES = sorted((w for w in _MEASURE_OF if w.startswith("人")), key=len, reverse=True)
# words for people that take the measure from the verb after them
_PEOPLE = frozenset(["menschen", "personen", "personnes", "personas", "persone", "pessoas",
                     "mensen", "migranten", "migrants", "migrantes", "migranti", "einwohner",
                     "einwohnern", "habitants", "habitantes", "abitanti", "bewohner",
                     "kinder", "enfants", "niños", "bambini", "crianças", "लोग", "लोगों"])  # fmt: skip
# inhabitants: a number of them with no event after it is a population
_DWELLERS = frozenset(["einwohner", "einwohnern", "habitants", "habitantes", "abitanti",
                       "bewohner", "inwoners"])  # fmt: skip
_SCALE = {"millionen": 1e6, "million": 1e6, "mio": 1e6, "mio.": 1e6, "millions": 1e6,
          "millones": 1e6, "milioni": 1e6, "milhões": 1e6, "miljoen": 1e6,
          "milliarden": 1e9, "milliarde": 1e9, "mrd": 1e9, "mrd.": 1e9, "mrds": 1e9,
          "milliards": 1e9, "milliard": 1e9, "miliardi": 1e9, "miliardo": 1e9,
          "mil millones": 1e9, "bilhões": 1e9, "miljard": 1e9}  # fmt: skip
_SCALE_RE = "|".join(re.escape(w) for w in sorted(_SCALE, key=len, reverse=True))
_PERCENT = r"%|prozent\b|pour\s*cent\b|por\s*ciento\b|per\s*cento\b|por\s*cento\b|procent\b"
_CURRENCY = r"us-dollar|dollars?|dólares|dollari|euros?|€|\$|usd|eur"

# grouped integers in every local notation, a decimal comma or point, or plain digits
_NUMBER = r"\d{1,3}(?:[.  \u202f’',]\d{3})+(?!\d)|\d+(?:[.,]\d{1,2})?(?![\d.,]\d)"
_FIGURE = re.compile(
    rf"(?:\b(?P<qual>{_QUAL_RE})\s+(?:(?:les|los|las|le|i|gli|die|den)\s+)?)?"
    rf"(?:\b(?:zwischen|entre|tra|tussen)\s+(?:(?:les|los|le|i)\s+)?(?P<r1>{_NUMBER})\s+"
    rf"(?:und|et|y|e|en)\s+(?:(?:les|los|le|i)\s+)?(?P<r2>{_NUMBER})"
    rf"|(?P<d1>{_NUMBER})\s*(?:bis|à|a|-|–)\s*(?P<d2>{_NUMBER})"
    rf"|(?=\d)(?<!\.)(?<!\d,)(?<![^\W{CJK_CHARS}])(?P<num>{_NUMBER})(?:\s+mil\s+(?P<mil>\d{{3}})\b)?)"
    rf"(?:\s*(?P<scale>{_SCALE_RE})(?![\w]))?"
    rf"(?:\s*(?P<pct>{_PERCENT})|\s*(?P<cur>{_CURRENCY})(?![\w]))?",
    re.I,
)
_YEAR = re.compile(r"(?:1[89]|20)\d\d")
_MORE_AFTER = re.compile(r"\s*से\s+(?:अधिक|ज़्यादा|ज्यादा)")
_WORD = re.compile(r"[^\W\d_][\w\u0900-\u097f’'-]*")  # Devanagari vowel signs are no \w
_MONTHS = re.compile(
    r"^\s*(?:\.\s*)?(?:jan|feb|fév|fev|mär|mar|apr|avr|abr|mai|may|mag|jun|jui|giu|jul|lug|aug|"
    r"aoû|ago|sep|set|okt|oct|ott|nov|dez|déc|dic|dec)",
    re.I,
)


def _value(raw: str) -> float | None:
    """A number in local notation: "11 300", "20.000", "100’000", "1,5", "7.8"."""
    s = raw.replace("\u202f", " ").replace("\u00a0", " ")
    if re.fullmatch(r"\d{1,3}(?:[.  ’',]\d{3})+", s):
        return float(re.sub(r"\D", "", s))
    try:
        return float(s.replace(",", "."))
    except ValueError:
        return None


def extract_foreign_figures(text: str, sentences: list[Sentence], article_id: str) -> list[Figure]:
    """Figures written in digits in a non-English article (see module doc)."""
    figures: list[Figure] = []
    for sent in sentences:
        s, e = sent.start, sent.end
        for m in _FIGURE.finditer(text, s, e):
            fig = _figure(text, m, s, e, article_id)
            if fig is not None:
                figures.append(fig)
    return figures


def _figure(text: str, m: re.Match[str], s: int, e: int, article_id: str) -> Figure | None:
    scale = _SCALE[m["scale"].lower()] if m["scale"] else 1.0
    qualifier = _QUALIFIER_OF.get((m["qual"] or "").lower(), "exact")
    if qualifier == "exact" and _MORE_AFTER.match(text, m.end(), e):
        qualifier = "more than"  # "10,000 से अधिक": Hindi puts "more than" after the number
    value: float | None
    low: float | None
    high: float | None
    if m["r1"] or m["d1"]:
        lo, hi = _value(m["r1"] or m["d1"]), _value(m["r2"] or m["d2"])
        if lo is None or hi is None or hi <= lo:
            return None
        value, low, high = None, lo * scale, hi * scale
    else:
        parsed = _value(m["num"])
        if parsed is None:
            return None
        v = parsed
        if m["mil"]:  # "20 mil 213"
            v = v * 1000 + float(m["mil"])
        if _YEAR.fullmatch(m["num"]) and not (m["pct"] or m["cur"] or m["scale"]):
            return None  # a year
        v *= scale
        value = v
        low, high = bounds(qualifier, v)
    after = text[m.end() : min(e, m.end() + 40)]
    if _MONTHS.match(after) or re.match(r"^\s*(?::\d|h\d|uhr\b)", after, re.I):
        return None  # a date or a time
    kind, unit, measure, noun = "count", None, None, None
    if m["pct"]:
        kind, unit, measure = "percent", "percent", "share"
    elif m["cur"]:
        cur = m["cur"].lower()
        kind, unit, measure = "money", ("EUR" if "eur" in cur or cur == "€" else "USD"), "amount"
    else:
        measure, noun = _counted(text, m.end(), e)
        unit_read = None if measure is not None else _unit(text, m, s, e)
        if unit_read is not None:
            kind, unit, measure = "measure", unit_read[0], unit_read[1]
        elif measure is None:
            measure = _measure_before(text, m.start(), s)
        if measure is None:
            return None
        if qualifier == "exact" and not all(float(x).is_integer() for x in (value, low, high)
                                            if x is not None):  # fmt: skip
            return None  # "7.4" is no count of people: a magnitude told without its word
    return Figure(
        measure=measure, value=value, low=low, high=high, qualifier=qualifier,  # type: ignore[arg-type]
        evidence=[Span(article_id, s, e, text[s:e])], unit=unit, kind=kind, noun=noun,
    )  # fmt: skip


def _counted(text: str, b: int, e: int) -> tuple[str | None, str | None]:
    """(measure, noun) from the words after a number: "Tote" -> killed;
    "Menschen ... ertrunken" -> killed; "personnes" alone -> the word itself (a count with no English measure)."""
    words = [w.lower() for w in _WORD.findall(text[b : min(e, b + 60)])][:4]
    if not words:
        return None, None
    first = words[0]
    if first in _MEASURE_OF:
        return _MEASURE_OF[first], first
    cjk = next((w for w in _CJK_MEASURES if first.startswith(w)), None)
    if cjk is not None:  # "人が死亡し", "人受傷": characters run on with no space
        return _MEASURE_OF[cjk], cjk
    if first in _HOMES:
        return _HOMES[first], first
    if first in _PEOPLE:
        for w in words[1:]:
            if w in _MEASURE_OF:
                return _MEASURE_OF[w], first
        if first in _DWELLERS:
            return "population", first  # "125.000 Einwohnern" alone: how many live there
        return first, first  # "Menschen" alone: a count, not one a claim is made of
    # the predicate right after the number, in its clause: "10 100 restent
    # portées disparues" is 10,100 missing, whatever the clause before counted
    clause = _CLAUSE_END.split(text[b : min(e, b + 60)], maxsplit=1)[0]
    for w in [w.lower() for w in _WORD.findall(clause)][1:4]:
        if w in _MEASURE_OF:
            return _MEASURE_OF[w], None
    return None, None


_CLAUSE_END = re.compile(r"[,;:.()]")


_UNITS = {"metri": ("m", "length"), "meter": ("m", "length"), "metern": ("m", "length"),
          "mètres": ("m", "length"), "metros": ("m", "length"), "km": ("km", "length"),
          "kilometer": ("km", "length"), "kilomètres": ("km", "length"),
          "kilómetros": ("km", "length"), "chilometri": ("km", "length"),
          "miglia": ("mi", "length"), "meilen": ("mi", "length"), "milles": ("mi", "length"),
          "millas": ("mi", "length"), "seemeilen": ("mi", "length"),
          "km/h": ("km/h", "speed"), "stundenkilometer": ("km/h", "speed"),
          "hektar": ("ha", "area"), "hectares": ("ha", "area"), "hectáreas": ("ha", "area"),
          "ettari": ("ha", "area")}  # fmt: skip
_SPEED_AFTER = re.compile(r"^\s*(?:all['’]\s*ora|à\s+l['’]heure|por\s+hora|pro\s+stunde)", re.I)
_MAGNITUDE = re.compile(
    r"\b(?:magnitude|magnitud|magnitudo|stärke)\s+(?:de\s+|di\s+|von\s+)?$"
    # a quake "of 7.4": "terremoto de 7.4", "séisme de 6,8", "Erdbeben von 7,8"
    r"|\b(?:terremoto|sismo|seísmo|séisme|tremblement\s+de\s+terre|erdbeben|beben|scossa)"
    r"\s+(?:de|di|von|d['’]une\s+magnitude\s+de)\s+$",
    re.I,
)
_HOMES = {"case": "homes", "maisons": "homes", "casas": "homes", "häuser": "homes",
          "viviendas": "homes", "logements": "homes", "gebäude": "buildings",
          "edificios": "buildings", "edifici": "buildings", "bâtiments": "buildings",
          "immeubles": "buildings"}  # fmt: skip


def _unit(text: str, m: re.Match[str], s: int, e: int) -> tuple[str, str] | None:
    """(unit, dimension) of a physical quantity: "30 metri", "165 miglia all'ora",
    "magnitude 7"."""
    if _MAGNITUDE.search(text, max(s, m.start() - 16), m.start()):
        return "magnitude", "magnitude"
    words = _WORD.findall(text[m.end() : min(e, m.end() + 30)])
    if not words:
        return None
    first = words[0].lower()
    if first in _UNITS:
        unit, dim = _UNITS[first]
        rest = text[m.end() :].split(words[0], 1)[-1]
        if dim == "length" and _SPEED_AFTER.match(rest):
            return ("mph" if unit == "mi" else "km/h"), "speed"
        return unit, dim
    return None


# a number with no counted word after it takes the measure named before it in
# its clause: "die Zahl der Toten ist auf 11.000 gestiegen", "salito a 78"
_BACK = 100


def _measure_before(text: str, a: int, s: int) -> str | None:
    start = max(s, a - _BACK)
    tail = text[start:a]
    cut = max((i for i, c in enumerate(tail) if c.isdigit() or c in ";:"), default=-1)
    for w in reversed(_WORD.findall(tail[cut + 1 :])):
        lw = w.lower()
        if lw in _MEASURE_OF:
            return _MEASURE_OF[lw]
        if lw in _HOMES:
            return _HOMES[lw]
    return None
