"""What an article contributes to story clustering, in any language.

Three kinds of features, hashed into one sparse vector per article:

- content words (lower case, stop words of the common news languages
  removed, generic news words down-weighted): lexical similarity;
- names (capitalised words that are not sentence-initial ordinary words,
  keyed so that spelling variants collide: "Zelensky" = "Zelenskyy"):
  shared entities, the strongest signal and the one that crosses languages;
- numbers ("1,600" = "1 600" = "1600"; years kept apart): shared figures,
  which also cross languages.

Weights are fixed (no corpus statistics), so an article's vector never
changes as others arrive: clustering stays order-independent.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import date

import scipy.sparse as sp
from sklearn.feature_extraction import FeatureHasher
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS
from sklearn.preprocessing import normalize

from corroborate.extract.dates import effective_date
from corroborate.extract.lexicon import DEMONYMS
from corroborate.extract.names import name_key
from corroborate.model import Article
from corroborate.stories.multilingual import (
    adjective_country_key,
    country_key,
    event_kinds,
    german_compound,
)
from corroborate.text.frequency import zipf_table
from corroborate.text.numbers import CJK_CHARS

N_FEATURES = 1 << 20
WORD_WEIGHT = 1.0
NAME_WEIGHT = 2.5
NUMBER_WEIGHT = 2.0
YEAR_WEIGHT = 0.5
KIND_WEIGHT = 0.5  # every earthquake shares "earthquake": light evidence
COMMON_NOUN_ZIPF = 3.2  # a capitalised German word this common is a noun
GENERIC_WEIGHT = 0.3
COUNTRY_SHARE = 0.75  # a country's name against another name: every event there shares it

# Function words of the other languages news arrives in most (short lists:
# they only keep the commonest words from dominating the lexical part).
_OTHER_STOP = """
der die das und ist nicht ein eine einer eines dem den des mit von auf für aus bei nach
wie auch als noch wird wurde wurden sind war hat haben sich sie er es wir ihr zum zur im
am um über unter vor durch gegen bis seit oder aber wenn dass le la les un une des du de
et est sont pas pour par sur dans avec qui que ce cette ces aux au il elle ils elles nous
vous se sa son ses leur leurs plus été être avoir fait el los las una unos unas del y es
son por para con sin sobre entre que como pero más fue han ha sus su lo al este esta estos
estas ser está están os as um uma uns umas do da dos das em no na nos nas com por para que
não mais foi são ao aos à às pelo pela seu sua seus suas ele ela eles il lo gli le uno una
di da in con su per tra fra che non più è sono del della dei delle het een en van de in op
te dat die voor met zijn niet aan ook als bij naar om og er en et til af på det som med
for ikke den har var fra
""".split()
# German capitalises every noun: its commonest nouns are not names.
_GERMAN_NOUNS = """
menschen mensch leute behörden behörde angaben angabe polizei regierung jahr jahre jahren
tag tage tagen woche wochen monat monate zeit mal prozent stadt städte land länder staat
welt leben haus häuser häusern einwohner bewohner opfer tote toten verletzte verletzten
kinder frauen männer familie familien präsident minister ministerium sprecher sprecherin
bericht berichten medien nachrichten agentur zahl zahlen teil ende anfang beginn seite
frage fragen grund fall fälle lage gebiet gebiete region regionen ort orte straße straßen
wasser feuer hilfe helfer rettungskräfte einsatz einsatzkräfte krankenhaus krankenhäuser
gericht urteil partei wahl wahlen streik protest proteste demonstranten armee soldaten
krieg angriff angriffe schiff fähre erdbeben überschwemmung hochwasser brand
""".split()
_OTHER_STOP += "etwa laut rund mindestens mehr weitere weiteren sei seien wurde bereits".split()
STOP_WORDS = frozenset(ENGLISH_STOP_WORDS) | frozenset(_OTHER_STOP)

# Words every news story uses: they say little about which story it is.
GENERIC = frozenset(
    """
said says told according reported report reports news people year years month months week
weeks day days time new government officials official statement added including percent
number told also would could told just like according early late local country city area
region people's monday tuesday wednesday thursday friday saturday sunday january february
march april may june july august september october november december today yesterday home
world national international state public
""".split()
) | frozenset(_GERMAN_NOUNS)

_TOKEN = re.compile(r"\w+")
# a number not glued to a word, except in Chinese and Japanese, which write
# numbers against their characters and lists with a bare comma ("6人死亡,562人受傷")
_FREE = rf"(?=\d)(?<!\d[.,])(?<!\.)(?<![^\W{CJK_CHARS}])"  # the digit test first: fast
_NUMBER = re.compile(
    rf"{_FREE}\d{{1,3}}(?:[,.\u202f\u00a0 ]\d{{3}})+(?![\d])|{_FREE}\d+(?:[.,]\d+)?"
)
_CAP = re.compile(r"(?<![\w'’-])[^\W\d_][\w'’-]*")
_SENTENCE_START = re.compile(r"(?:^|[.!?:\"“”«»]\s+|\n\s*)$")


@dataclass(slots=True)
class Features:
    """An article's clustering view: its feature counts and its date."""

    article: str
    counts: dict[str, float]
    date: date | None
    language: str | None = None


def article_date(article: Article) -> date | None:
    """The article's ``effective_date`` before it has a story: published, else
    the latest explicit day its text gives."""
    return effective_date(article)[0]


def featurize(article: Article) -> Features:
    text = article.text
    lower = text.lower()
    counts: dict[str, float] = {}
    kinds = event_kinds()
    for w in _TOKEN.findall(lower):
        kind = kinds.get(w)
        if kind:  # the kind of event, in any language: "K:earthquake" for "Erdbeben"
            counts["K:" + kind] = counts.get("K:" + kind, 0) + 1
        if len(w) < 3 or w.isdigit() or w in STOP_WORDS:
            continue
        counts[w] = counts.get(w, 0) + 1
    # country adjectives, written in lower case in most languages
    # ("griechischen", "libyenne"): the country's key, as its name would give
    for w, n in list(counts.items()):
        if (country := adjective_country_key(w, article.language)) is not None:
            counts["N:@" + country] = counts.get("N:@" + country, 0) + n
    # names: capitalised words, except sentence-initial ones that the text
    # also writes in lower case ("Rescue teams ..." / "... rescue")
    written_lower = {w for w in _TOKEN.findall(text) if w.islower()}
    freq = zipf_table(article.language)
    # German capitalises its nouns: a common one ("Katastrophe") is no name
    nouns = freq if article.language == "de" else None
    prev_end, prev_key, prev_low = -1, "", ""
    surface: dict[str, str] = {}  # name key -> the words as written (for their frequency)
    for m in _CAP.finditer(text):
        w = m[0]
        if not w[0].isupper():
            continue
        low = w.lower()
        if low in STOP_WORDS or low in GENERIC or len(low) < 2:
            continue
        if low in written_lower and _SENTENCE_START.search(text, max(0, m.start() - 3), m.start()):
            continue
        country = country_key(w) or _demonym_country(low)
        if (
            country is None
            and nouns is not None
            and (nouns.get(low, 0.0) >= COMMON_NOUN_ZIPF
                 or german_compound(low, nouns, COMMON_NOUN_ZIPF))
        ):  # fmt: skip
            prev_end = -1
            continue
        # a country under one key in every language ("Libyen", "Libye" = "Libya")
        key = "N:@" + country if country else "N:" + name_key(w)
        counts[key] = counts.get(key, 0) + 1
        surface.setdefault(key, low)
        # a name of several words is also one feature: "Dora Dravik" is more
        # specific than "Dora" and "Dravik" apart
        if prev_end >= 0 and text[prev_end : m.start()] == " ":
            pair = "P:" + prev_key + "_" + key[2:]
            counts[pair] = counts.get(pair, 0) + 1
            surface.setdefault(pair, prev_low + " " + low)
        prev_end, prev_key, prev_low = m.end(), key[2:], low
    for m in _NUMBER.finditer(text):
        digits = re.sub(r"[,.\u202f\u00a0 ]", "", m[0]) if _GROUPED.match(m[0]) else m[0]
        digits = digits.replace(",", ".")
        try:
            value = float(digits)
        except ValueError:
            continue
        if value < 10 or value != int(value):
            continue
        key = ("Y:" if 1900 <= value <= 2100 else "#:") + str(int(value))
        counts[key] = counts.get(key, 0) + 1
    weighted = {k: _weight(k, freq, surface.get(k)) * (1 + math.log(v)) for k, v in counts.items()}
    magnitude = occurrence_magnitude(article.title or "", text)
    if magnitude is not None:
        weighted[f"M:{magnitude:g}"] = 0.0  # the occurrence's own magnitude (not a feature)
    return Features(article.id, weighted, article_date(article), article.language)


def _demonym_country(word: str) -> str | None:
    """The ISO code of an English demonym ("Greek", "Libyan")."""
    name = DEMONYMS.get(word)
    return country_key(name) if name and " " not in name else None


# A quake's magnitude, in the common news languages: "a magnitude-6.4
# earthquake", "7.8-magnitude", "M6.4", "Stärke 7,8", "magnitude 7,8",
# "magnitud 7.8", "magnitudo 6.4", "7,4 grados"
_MAGNITUDE = re.compile(
    r"(?:\bmagnitud[eo]?|\bstärke|\bmw?(?=[\s-]?\d)|\brichter)[\s-]*(?:of|de|der|di|von)?"
    r"\s*(\d[.,]\d)\b"
    r"|\b(\d[.,]\d)[\s-]*(?:magnitud[eo]?|richter|grados|gradi|degrés|on\s+the\s+richter)\b",
    re.I,
)
LEDE_CHARS = 600
MAGNITUDE_APART = 0.6  # two quakes: agencies differ by less for one (7.8 vs 7.4)


def lede_magnitude(lede: str) -> float | None:
    """The first quake magnitude the headline or lede gives, if any."""
    m = _MAGNITUDE.search(lede)
    kinds = event_kinds()
    if not m or not any(kinds.get(w) == "earthquake" for w in _TOKEN.findall(lede.lower())):
        return None
    value = float((m[1] or m[2]).replace(",", "."))
    return value if 2.0 <= value <= 9.9 else None


def occurrence_magnitude(title: str, text: str) -> float | None:
    """The magnitude of the quake an article is about: its headline's or
    lede's, else the one magnitude its whole text gives (agencies' values for
    one quake a few tenths apart count as one); None when it names quakes of
    clearly different magnitudes or none."""
    found = lede_magnitude(title + "\n" + text[:LEDE_CHARS])
    if found is not None:
        return found
    values = [v for m in _MAGNITUDE.finditer(text)
              if 2.0 <= (v := float((m[1] or m[2]).replace(",", "."))) <= 9.9]  # fmt: skip
    if not values or max(values) - min(values) > MAGNITUDE_APART:
        return None
    return lede_magnitude(title + "\n" + text)  # the first, in a text naming a quake


def magnitude_of(features: Features) -> float | None:
    """The lede magnitude recorded among an article's features."""
    for k in features.counts:
        if k.startswith("M:"):
            return float(k[2:])
    return None


_GROUPED = re.compile(r"^\d{1,3}(?:[,.\u202f\u00a0 ]\d{3})+$")


def _rarity(word: str, freq: dict[str, float]) -> float:
    """1.5 for a word unknown to the language's frequency list, down to 0.15
    for the commonest."""
    return min(1.5, max(0.15, (7.0 - freq.get(word, 0.0)) / 3.0))


def _weight(key: str, freq: dict[str, float] | None = None, words: str | None = None) -> float:
    if freq is not None and key[1:2] != ":":
        # rare words say more about which story this is: a fixed, IDF-like weight
        return _rarity(key, freq)
    if key.startswith(("N:", "P:")):
        # "Agency" or "National" in a name says less than "Valmora"
        # a country is shared by every event there: weighed like a common name
        scale = COUNTRY_SHARE if key.startswith("N:@") else 1.0
        if freq is None or not words:
            return NAME_WEIGHT * scale
        return NAME_WEIGHT * scale * max(_rarity(w, freq) for w in words.split())
    if key.startswith("#:"):
        return NUMBER_WEIGHT
    if key.startswith("K:"):
        return KIND_WEIGHT
    if key.startswith("Y:"):
        return YEAR_WEIGHT
    return GENERIC_WEIGHT if key in GENERIC else WORD_WEIGHT


_HASHER = FeatureHasher(n_features=N_FEATURES, input_type="dict", alternate_sign=False)


ENTITY_SHARE = 0.5  # the weight of names and numbers against content words


def vectorize(
    features: list[Features],
) -> tuple[sp.csr_matrix, sp.csr_matrix, sp.csr_matrix]:
    """Three sparse row sets, one row per article: the combined vector
    (``[sqrt(s) * names+numbers | sqrt(1 - s) * words]``, each part
    L2-normalised, so a dot product is ``s * entity cosine + (1 - s) * word
    cosine``), the names+numbers part alone (for the entity gate), and the
    binary names, numbers and kinds of event that reports in different
    languages may share (a kind of event counts only there: within one
    language its word is already a content word)."""
    ents = [{k: v for k, v in f.counts.items() if k[1:2] == ":" and k[0] not in "KM"}
            for f in features]  # fmt: skip
    shared = [{k: 1.0 for k in f.counts if k[1:2] == ":" and k[0] != "M"} for f in features]
    words = [{k: v for k, v in f.counts.items() if k[1:2] != ":"} for f in features]
    e = normalize(_HASHER.transform(ents), norm="l2", copy=False)
    w = normalize(_HASHER.transform(words), norm="l2", copy=False)
    combined = sp.hstack([e * math.sqrt(ENTITY_SHARE), w * math.sqrt(1 - ENTITY_SHARE)], "csr")
    binary = _HASHER.transform(shared).astype(bool).astype("float32")
    return combined, e, binary.tocsr()
