"""A deterministic generator of labelled multi-outlet news coverage (fictional).

``stories(n_events)`` returns articles about ``n_events`` invented events,
each covered by several outlets over days or weeks, with what makes story
clustering hard in real news:

- paraphrase: every fact has several phrasings, picked per outlet;
- short excerpts (two or three sentences) beside full articles;
- translations: some coverage in German, French or Spanish, sharing only
  names, numbers and dates with the English articles;
- syndicated copies: wire stories reprinted with small edits
  (``near_duplicate_of`` names the original);
- evolving figures (tolls rise day by day);
- long-running stories (follow-ups over several weeks);
- close-but-distinct events: a "sibling" with the same country, officials
  and agency weeks or months later (a new disaster, a new estimate), and
  the same kind of disaster in another country the same week.

Every name is invented; no text comes from real articles.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta

COUNTRIES = ["Valmora", "Tessaly", "Corvenia", "Ardena", "Brisk", "Lunaria", "Ostmark",
             "Savria", "Kelvar", "Nordhaven", "Quella", "Merovia", "Tarsis", "Ulmet"]  # fmt: skip
CITIES = ["Lisk", "Porta Nerra", "Havel", "Dunmore", "Kastor", "Velde", "Amaro", "Rhun",
          "Sallow Creek", "Temmis", "Oberlin", "Vashti", "Carrow", "Mistral", "Pell",
          "Ondra", "Brevik", "Solen", "Tamaris", "Gorran", "Idris", "Juno Flats"]  # fmt: skip
FIRST = ["Arlen", "Petra", "Jonas", "Mirela", "Tomas", "Ilse", "Kasim", "Dora", "Feliks",
         "Hana", "Oren", "Selma", "Vito", "Greta", "Ruben", "Lida", "Emil", "Nadia"]  # fmt: skip
LAST = ["Voss", "Lindqvist", "Marek", "Okafor", "Brandt", "Castellan", "Dravik", "Hollis",
        "Ferreira", "Novak", "Sorel", "Tamm", "Quist", "Belmonte", "Ivanko", "Rask"]  # fmt: skip
ROLES = ["interior minister", "regional governor", "emergency services chief", "mayor",
         "health minister", "police spokesperson"]  # fmt: skip
AGENCIES = ["National Disaster Agency", "Civil Protection Office", "State Emergency Service",
            "Federal Rescue Directorate", "Public Health Institute"]  # fmt: skip
OUTLETS = ["Northern Ledger", "Daily Courier", "Meridian Wire", "Coastline Times", "The Herald Post",
           "Capital Report", "Evening Standard Review", "Radio Sud", "Globe Dispatch",
           "Harbor Gazette", "Continental Press", "The Observer Line"]  # fmt: skip

# kind: (noun, verb phrase, counted victims, extra nouns)
KINDS = {
    "flood": ("flood", "flash floods swept through", "killed", ["river", "rain", "levee", "water"]),
    "quake": ("earthquake", "a powerful earthquake struck", "killed", ["magnitude", "aftershock", "rubble", "tremor"]),
    "ferry": ("ferry sinking", "a passenger ferry capsized off", "missing", ["vessel", "coast guard", "passengers", "waves"]),
    "fire": ("wildfire", "a wildfire tore through", "killed", ["blaze", "firefighters", "acres", "wind"]),
    "mine": ("mine collapse", "a mine shaft collapsed near", "trapped", ["miners", "shaft", "tunnel", "gas"]),
    "outbreak": ("cholera outbreak", "a cholera outbreak spread in", "infected", ["clinics", "vaccine", "water supply", "cases"]),
    "strike": ("rail strike", "rail workers walked out in", "stranded", ["union", "wages", "trains", "commuters"]),
    "protest": ("protests", "tens of thousands marched in", "arrested", ["demonstrators", "police", "square", "march"]),
}  # fmt: skip

WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]  # fmt: skip


@dataclass
class Event:
    id: str
    kind: str
    country: str
    city: str
    start: date
    days: int  # how long coverage lasts
    official: str
    role: str
    agency: str
    toll: int
    injured: int
    displaced: int
    articles: int
    # what only this event's coverage mentions: places, a landmark, details
    district: str = ""
    landmark: str = ""
    detail: str = ""
    witness: str = ""


@dataclass
class GenArticle:
    id: str
    story: str
    outlet: str
    published: date
    language: str
    text: str
    near_duplicate_of: str | None = None
    title: str = ""
    extra: dict = field(default_factory=dict)


def _english(ev: Event, day: int, rng: random.Random, excerpt: bool) -> tuple[str, str]:
    noun, verb, victims, extras = KINDS[ev.kind]
    pub = ev.start + timedelta(days=day)
    toll = int(ev.toll * (1 + 0.35 * day / max(1, ev.days)) ** (1 if day else 0))
    wd = WEEKDAYS[ev.start.weekday()]
    when = "on " + wd if day < 6 else f"on {MONTHS[ev.start.month - 1]} {ev.start.day}"
    a, b = rng.sample(extras, 2)
    facts = [
        rng.choice(
            [
                f"{verb.capitalize()} {ev.city}, {ev.country}, {when}, leaving at least {toll} people {victims}, officials said.",
                f"At least {toll} people were {victims} after {verb} the {ev.country} city of {ev.city} {when}.",
                f"The {noun} in {ev.city} has left {toll} people {victims}, according to the {ev.agency}.",
            ]
        ),
        rng.choice(
            [
                f"The {ev.agency} said {ev.injured} people were injured and about {ev.displaced} had to leave their homes.",
                f"About {ev.displaced} residents of {ev.city} were displaced and {ev.injured} were hurt, the {ev.agency} reported.",
            ]
        ),
        rng.choice(
            [
                f"{ev.official}, the {ev.role}, told reporters that the {a} had made the response harder.",
                f'"We are doing everything we can for the people of {ev.city}," said {ev.official}, the {ev.role}.',
                f"{ev.role.capitalize()} {ev.official} warned that the {a} remained a danger in the coming days.",
            ]
        ),
        rng.choice(
            [
                f"Officials in {ev.country} said the {b} was the main concern for rescue teams around {ev.city}.",
                f"Residents described scenes of {b} and {a} across the eastern districts of {ev.city}.",
                f"Images from {ev.city} showed {a} and damaged buildings near the {b}.",
            ]
        ),
        rng.choice(
            [
                f"It is the worst {noun} to hit {ev.country} in more than a decade, analysts said.",
                f"{ev.country} has seen several such disasters in recent years, but none on this scale.",
            ]
        ),
        rng.choice(
            [
                f"The {ev.agency} expects the number of {victims} to rise as teams reach remote areas.",
                f"By {WEEKDAYS[pub.weekday()]}, {ev.official} said, more than {ev.displaced // 2} people were in temporary shelters.",
            ]
        ),
    ]
    if day > 5:  # a follow-up weeks later
        facts.insert(0, rng.choice([
            f"{day} days after the {noun} in {ev.city}, {ev.official} faced questions about the response.",
            f"Weeks after the {noun}, residents of {ev.city} are still waiting for help, the {ev.agency} said.",
        ]))  # fmt: skip
    facts.insert(1, rng.choice([
        f"The worst damage was in the {ev.district} district, near the {ev.landmark}.",
        f"Near the {ev.landmark}, crews worked through the night in {ev.district}.",
        f"{ev.district} and the area around the {ev.landmark} were hit hardest.",
    ]))  # fmt: skip
    facts.insert(3, rng.choice([
        f"\"It came so fast,\" said {ev.witness}, who lives in {ev.district}, describing the {ev.detail}.",
        f"{ev.witness}, a resident of {ev.district}, said the {ev.detail} had cut off whole streets.",
        f"Local media reported the {ev.detail} near the {ev.landmark} as the first sign of trouble.",
    ]))  # fmt: skip
    rng.shuffle(facts[2:])
    if excerpt:
        facts = facts[: rng.randint(2, 3)]
    title = rng.choice([
        f"{toll} {victims} as {noun} hits {ev.city}",
        f"{ev.country}: {noun} in {ev.city} leaves {toll} {victims}",
        f"{ev.city} {noun}: what we know",
    ])  # fmt: skip
    return title, " ".join(facts)


_TRANSLATIONS = {
    "de": "Nach Angaben der Behörden in {country} wurden in {city} mindestens {toll} Menschen Opfer ({noun_en}). "
    "{official} sagte, {injured} Menschen seien verletzt worden. Etwa {displaced} Einwohner mussten ihre Häuser verlassen.",
    "fr": "Au moins {toll} personnes ont été touchées à {city}, en {country}, selon les autorités ({noun_en}). "
    "{official} a déclaré que {injured} personnes avaient été blessées. Environ {displaced} habitants ont été évacués.",
    "es": "Al menos {toll} personas resultaron afectadas en {city}, {country}, según las autoridades ({noun_en}). "
    "{official} dijo que {injured} personas resultaron heridas. Unos {displaced} vecinos fueron evacuados.",
}


_SYL = [
    "ka",
    "lo",
    "mi",
    "ver",
    "sta",
    "ne",
    "tor",
    "an",
    "bri",
    "sel",
    "do",
    "gu",
    "ra",
    "vin",
    "el",
]


def _unique_names(rng: random.Random, pool: list[str], n: int) -> list[str]:
    """``pool`` first (shuffled), then invented names, all distinct."""
    names = list(pool)
    rng.shuffle(names)
    seen = set(names)
    while len(names) < n:
        size = 2 + (len(names) > 2000) + (len(names) > 20000)
        name = "".join(rng.choice(_SYL) for _ in range(rng.randint(size, size + 1))).capitalize()
        if name not in seen:
            seen.add(name)
            names.append(name)
    return names


_LANDMARKS = ["Bridge", "Cathedral", "Central Station", "Harbour", "Market Hall", "Dam",
              "University Hospital", "Old Mill", "Stadium", "Ring Road"]  # fmt: skip
_DETAILS = ["{w} of mud", "collapsed {w} wall", "{w} smoke", "broken {w} pipeline",
            "{w} sirens", "cracked {w} tower", "flooded {w} tunnel", "burning {w} depot"]  # fmt: skip


def _details(ev: Event, rng: random.Random, place: str, surname: str) -> None:
    word = "".join(rng.choice(_SYL) for _ in range(3))
    ev.district = place + rng.choice(["", " Heights", " Old Town", " Riverside"])
    ev.landmark = f"{rng.choice(_SYL).capitalize()}{rng.choice(_SYL)} {rng.choice(_LANDMARKS)}"
    ev.detail = rng.choice(_DETAILS).format(w=word)
    ev.witness = f"{rng.choice(FIRST)} {surname}"


def _agency(rng: random.Random, country: str) -> str:
    """A national agency belongs to its country: "Valmora Disaster Agency"."""
    return f"{country} {rng.choice(AGENCIES).split(' ', 1)[1]}"


def _events(n: int, rng: random.Random) -> list[Event]:
    out: list[Event] = []
    cities = iter(_unique_names(rng, CITIES, 2 * n + 10))
    surnames = iter(_unique_names(rng, LAST, 2 * n + 10))
    # a country per three events or so: its agencies are its own
    countries = _unique_names(rng, COUNTRIES, n // 3 + 5)
    base = date(2025, 1, 6)
    kinds = list(KINDS)
    i = 0
    while len(out) < n:
        country = countries[i % len(countries)]
        ev = Event(
            f"E{len(out):03d}", kinds[i % len(kinds)], country, next(cities),
            base + timedelta(days=rng.randint(0, max(600, n))), rng.choice([3, 5, 8, 30, 40]),
            f"{rng.choice(FIRST)} {next(surnames)}", rng.choice(ROLES), _agency(rng, country),
            rng.randint(12, 900), rng.randint(20, 2000), rng.randint(500, 40000), rng.randint(9, 18),
        )  # fmt: skip
        _details(ev, rng, next(cities), next(surnames))
        out.append(ev)
        if i % 3 == 0 and len(out) < n:  # same officials and agency, a new event months later
            sib = Event(**{**ev.__dict__})
            sib.id = f"E{len(out):03d}"
            sib.kind = rng.choice([k for k in kinds if k != ev.kind])
            sib.city = next(cities)
            sib.start = ev.start + timedelta(days=rng.randint(45, 120))
            sib.toll, sib.days = rng.randint(12, 900), rng.choice([3, 5, 8])
            sib.injured, sib.displaced = rng.randint(20, 2000), rng.randint(500, 40000)
            _details(sib, rng, next(cities), next(surnames))
            out.append(sib)
        if i % 4 == 1 and len(out) < n:  # the same kind of disaster elsewhere, the same week
            twin = Event(**{**ev.__dict__})
            twin.id = f"E{len(out):03d}"
            twin.country = countries[(i + 5) % len(countries)]
            twin.city = next(cities)
            twin.start = ev.start + timedelta(days=rng.randint(0, 3))
            twin.official = f"{rng.choice(FIRST)} {next(surnames)}"
            twin.agency = _agency(rng, twin.country)
            twin.toll = rng.randint(12, 900)
            twin.injured, twin.displaced = rng.randint(20, 2000), rng.randint(500, 40000)
            _details(twin, rng, next(cities), next(surnames))
            out.append(twin)
        i += 1
    return out[:n]


def stories(n_events: int = 24, seed: int = 3) -> list[GenArticle]:
    """Labelled articles for ``n_events`` events (about 15 articles each)."""
    rng = random.Random(seed)
    out: list[GenArticle] = []
    for ev in _events(n_events, rng):
        mine: list[GenArticle] = []
        for k in range(ev.articles):
            day = 0 if k < 2 else rng.randint(0, ev.days)
            pub = ev.start + timedelta(days=day)
            outlet = rng.choice(OUTLETS)
            aid = f"{ev.id}-{k:02d}"
            r = rng.random()
            if r < 0.1 and mine:  # a syndicated copy with light edits
                orig = rng.choice(mine)
                sentences = orig.text.split(". ")
                if len(sentences) > 4:
                    del sentences[rng.randrange(1, len(sentences))]
                text = ". ".join(sentences) + f" ({outlet})"
                mine.append(
                    GenArticle(aid, ev.id, outlet, orig.published, "en", text, orig.id, orig.title)
                )
                continue
            if r < 0.22:
                lang = rng.choice(list(_TRANSLATIONS))
                text = _TRANSLATIONS[lang].format(
                    country=ev.country, city=ev.city, toll=ev.toll, noun_en=KINDS[ev.kind][0],
                    official=ev.official, injured=ev.injured, displaced=ev.displaced,
                )  # fmt: skip
                mine.append(
                    GenArticle(aid, ev.id, outlet, pub, lang, text, title=f"{ev.city}: {ev.toll}")
                )
                continue
            title, text = _english(ev, day, rng, excerpt=r < 0.4)
            mine.append(GenArticle(aid, ev.id, outlet, pub, "en", text, title=title))
        out.extend(mine)
    rng.shuffle(out)
    return out
