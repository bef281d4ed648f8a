"""Independent origins of a figure claim: who a journalist would sign it to.

Each report of a claim has an origin label (the source it credits, the
source it relays, or its own outlet). The claim's *independent* origins
are fewer than its labels, because news relays more than it originates:

- **one institution, one origin**: "U.N. Office for the Coordination of
  Humanitarian Affairs", "the U.N." and "United Nations" are the UN; "World
  Bank Disaster Assessment Report" is the World Bank (a longer name that
  begins with another origin's name is that origin's part);
- **named sources first**: a named source (an agency, a minister) stands on
  its own. Sources described but not named ("a European rescue-support
  charity", "Libya's chief prosecutor", "Libya's attorney general") may be
  one another, so together they are one more origin at most. A generic one
  ("the authorities", "officials", "the latest official toll") and a news
  outlet credited for a figure ("according to CNN") usually relay a
  specific source, so they count only when the claim has no other;
- **uncredited reports**: outlets that give a figure with no source are
  presumed to relay the same one (the officials every outlet quotes), so
  together they are at most one origin, and none when a source is named.

So "corroborated" (two or more independent origins) always means two
sources a reader could name; when unsure, fewer origins are counted.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

from corroborate.extract.descriptions import names_body
from corroborate.extract.lexicon import DEMONYMS, ROLE_NOUNS
from corroborate.extract.names import fold, place_name

Kind = Literal["named", "described", "generic", "media", "uncredited"]

# heads of a description that names no one in particular
_GENERIC = frozenset(["authorities", "authority", "officials", "official", "toll", "tolls", "update",
                      "organization", "organisation", "office", "figures", "figure", "data",
                      "statement", "statements", "sources", "source", "estimate", "estimates",
                      "count", "tally", "government", "report", "reports", "agency", "ministry",
                      "police", "people", "state", "media", "press"])  # fmt: skip
# words that make an organisation a news outlet ("The New York Times", "ERT")
_MEDIA_WORDS = frozenset(["news", "times", "post", "journal", "herald", "tribune", "press",
                          "reuters", "media", "broadcasting", "broadcaster", "television", "radio",
                          "tv", "daily", "gazette", "telegraph", "guardian", "newspaper",
                          "channel", "wire", "cnn", "bbc", "ap", "afp", "efe", "ansa", "dpa",
                          "ert", "trt", "nhk", "kbs", "yonhap", "xinhua", "anadolu", "tass",
                          "interfax", "upi", "abc", "nbc", "cbs", "fox", "msnbc", "npr", "pbs",
                          "al jazeera", "jazeera", "sky", "euronews", "ria"])  # fmt: skip
_WORD = re.compile(r"[A-Za-z0-9]+")
_DROP = frozenset(["the", "a", "an", "s", "of", "and", "for", "'s", "’s"])


# bodies that relay one another's figures: one origin (see _one_per_institution)
_SYSTEMS = {
    "un": ["UN", "WHO", "World Health Organization", "UNICEF", "UNHCR", "UN refugee agency",
           "IOM", "International Organization for Migration",
           "International Organisation for Migration", "OCHA",
           "Office for the Coordination of Humanitarian Affairs", "WFP", "World Food Programme",
           "World Food Program", "FAO", "Food and Agriculture Organization", "UNESCO", "UNDP",
           "UN Development Programme", "UNFPA", "UNRWA", "OHCHR",
           "High Commissioner for Human Rights", "High Commissioner for Refugees", "WMO",
           "World Meteorological Organization", "UNOSAT", "UNDRR", "ILO",
           "International Labour Organization", "UN Women", "UN-Habitat"],
    "red cross": ["Red Cross", "Red Crescent", "ICRC", "IFRC"],
}  # fmt: skip


# bodies of a state: with a country in their name, its government
_STATE_BODIES = frozenset(["ministry", "service", "army", "forces", "military", "navy", "police",
                           "guard", "government", "presidency", "cabinet", "office"])  # fmt: skip
# forces whose officers give the force's figures
_FORCES = frozenset(["police", "army", "military", "navy", "coastguard"])
# offices of a national government, and words that say the office is not one
_GOVERNMENT = frozenset(["minister", "president", "premier", "chancellor", "government"])
_NOT_GOVERNMENT = frozenset(["former", "ex", "opposition", "party", "shadow",
                             "elect", "candidate", "company", "club", "federation", "society"])  # fmt: skip


@dataclass(slots=True, frozen=True)
class Credit:
    """One report's origin label and what kind of source it is."""

    label: str
    kind: Kind


def credit_kind(label: str, credited: bool, named: bool) -> Kind:
    """The kind of a report's origin: ``credited`` when the report (or the
    report it relays) names a source, ``named`` when that source is an entity."""
    if not credited:
        return "uncredited"
    words = _tokens(label)
    if _is_media(label, words):
        return "media"
    if named and not _common_noun(words):
        return "named"
    if not words or words[-1] not in _GENERIC:
        return "described"
    return "generic"


def independent_origins(
    credits: Sequence[Credit], roles: Mapping[str, str] | None = None
) -> list[str]:
    """The labels of a claim's independent origins, first report first (module
    doc). ``roles`` gives people's roles: members of one national government
    ("Turkish Vice President", "Turkish Justice Minister") give its figures, so
    they are one origin."""
    named = list(dict.fromkeys(c.label for c in credits if c.kind == "named"))
    # a description of a named institution is that institution ("the U.N" beside
    # "UN's International Organisation for Migration", "the migration agency"
    # beside "International Organization for Migration"), not one more origin
    described = [
        c.label for c in credits
        if c.kind == "described"
        and not any(_same_institution(c.label, n) or names_body(c.label, n)
                    or _may_be(c.label, (roles or {}).get(n)) for n in named)
    ]  # fmt: skip
    if named or described:
        return (_one_per_institution(named, roles or {}) if named else []) + described[:1]
    for kind in ("media", "generic", "uncredited"):
        labels = [c.label for c in credits if c.kind == kind]
        if labels:
            return labels[:1]
    return []


def _may_be(description: str, role: str | None) -> bool:
    """May a description of a person by role be a named person ("Libya's
    attorney general" beside Al-Sour, the General Prosecutor)? Yes, unless the
    two belong to different countries: then it is no second origin (when
    unsure, fewer origins)."""
    if not role:
        return False
    words = re.sub(r"['’]s\b|[-,]", " ", fold(description)).split()
    if not words or (words[-1] not in ROLE_NOUNS and words[-1] not in _OFFICES):
        return False
    mine = _countries(words)
    theirs = _countries(re.sub(r"['’]s\b|[-,]", " ", fold(role)).split())
    return not (mine and theirs and mine != theirs)


_OFFICES = frozenset(["general", "attorney"])  # "attorney general", "prosecutor general"


def _countries(words: list[str]) -> frozenset[str]:
    found = {DEMONYMS[w] for w in words if w in DEMONYMS}
    found |= {p for w in words if (p := place_name(w))}
    return frozenset(x.lower() for x in found)


def through_relays(origins: Sequence[str], vias: Sequence[str | None]) -> list[str]:
    """Each report's origin once relays are known: a source that relays another
    for this figure in one report ("OCHA said, citing the Red Crescent") is a
    relay in the reports that credit it alone ("the UN said 11,300"), not an
    origin of its own."""
    relayed: dict[tuple[str, ...], str] = {}
    for origin, via in zip(origins, vias, strict=True):
        key = _system(_key(via)) if via else ()
        if key and key != _system(_key(origin)):
            relayed.setdefault(key, origin)
    if not relayed:
        return list(origins)
    return [
        o if v else relayed.get(_system(_key(o)), o) for o, v in zip(origins, vias, strict=True)
    ]


def _one_per_institution(labels: list[str], roles: Mapping[str, str]) -> list[str]:
    """Labels with a part and its institution, or two spellings of one
    institution, kept once (the shorter, the institution). The bodies of one
    system (the UN's agencies, the Red Cross and Red Crescent movement) relay
    one another's figures, so they are one institution here."""
    keys = [_government(roles.get(x)) or _state_body(x) or _system(_key(x)) for x in labels]
    out: list[str] = []
    for i, (label, key) in enumerate(zip(labels, keys, strict=True)):
        if not key:
            continue
        parent = next(
            (j for j, other in enumerate(keys) if j != i and other and _part_of(key, other)
             and (len(other) < len(key) or (len(other) == len(key) and j < i))),
            None,
        )  # fmt: skip
        if parent is None:
            out.append(label)
    return _one_per_force(out, roles) or labels[:1]


def _one_per_force(labels: list[str], roles: Mapping[str, str]) -> list[str]:
    """A police, army or coast guard officer and their force (or another of its
    officers) are one origin: "a senior police official" and "Deputy Commissioner
    of Police X" give the police's count. Forces of two countries stay apart."""
    out: list[tuple[str, tuple[str, str] | None]] = []
    for label in labels:
        force = _force(roles.get(label) or label)
        same = force is not None and any(
            f is not None and f[0] == force[0] and (not f[1] or not force[1] or f[1] == force[1])
            and (label in roles or other in roles)
            for other, f in out
        )  # fmt: skip
        if not same:
            out.append((label, force))
    return [label for label, _ in out]


def _force(text: str) -> tuple[str, str] | None:
    """(force, country) a role or name belongs to ("Ukrainian army officer")."""
    words = re.sub(r"['’]s\b|[-,]", " ", fold(text)).replace("coast guard", "coastguard").split()
    noun = next((w for w in words if w in _FORCES), None)
    if noun is None:
        return None
    country = next((DEMONYMS[w] for w in words if w in DEMONYMS), None)
    country = country or next((place_name(w) for w in words if place_name(w)), None)
    return noun, (country or "").lower()


def same_source(a: str, b: str) -> bool:
    """Do two names credit one source? The same institution or a part of it
    ("U.N." / "United Nations Office ..."), its initials ("NIS" / "National
    Intelligence Service"), or a person by part of their name ("Zelensky")."""
    ka, kb = _key(a), _key(b)
    if not ka or not kb:
        return False
    return set(ka) <= set(kb) or set(kb) <= set(ka) or _part_of(ka, kb) or _part_of(kb, ka)


def _same_institution(a: str, b: str) -> bool:
    ka, kb = _key(a), _key(b)
    return bool(ka and kb) and (_part_of(ka, kb) or _part_of(kb, ka))


def _part_of(key: tuple[str, ...], other: tuple[str, ...]) -> bool:
    """Is ``key`` the institution ``other`` names, or a part of it?"""
    return key[: len(other)] == other or (len(other) == 1 and _initials(key) == other[0])


def _system(key: tuple[str, ...]) -> tuple[str, ...]:
    """The system a body belongs to ("World Health Organization" -> the UN)."""
    for system, members in _SYSTEM_KEYS.items():
        for m in members:
            # an acronym is the whole name ("WHO", not "Who Knows"); "UN ..." is the UN
            if (key == m or key[:1] == ("un",) == m) if len(m) == 1 else _contains(key, m):
                return (system,)
    return key


def _government(role: str | None) -> tuple[str, ...]:
    """("government", country) for a member of a national government by role
    ("Turkish Justice Minister", "Greece's prime minister"), else ()."""
    if not role:
        return ()
    words = re.sub(r"['’]s\b|[-,]", " ", fold(role)).split()
    if _NOT_GOVERNMENT.intersection(words) or not _GOVERNMENT.intersection(words):
        return ()
    if "president" in words and "vice" not in words and len(words) > 1 and words[-1] != "president":
        return ()  # "the president of the Red Crescent"
    country = next((DEMONYMS[w] for w in words if w in DEMONYMS), None)
    country = country or next((place_name(w) for w in words if place_name(w)), None)
    return ("government", country.lower()) if country else ()


def _state_body(label: str) -> tuple[str, ...]:
    """("government", country) for a body of a national state named with its
    country ("Security Service of Ukraine", "Russian Defence Ministry"): it
    gives its government's figures, as the government's members do."""
    words = re.sub(r"['’]s\b|[-,]", " ", fold(label)).split()
    if not _STATE_BODIES.intersection(words):
        return ()
    country = next((DEMONYMS[w] for w in words if w in DEMONYMS), None)
    country = country or next((place_name(w) for w in words if place_name(w)), None)
    return ("government", country.lower()) if country else ()


def _common_noun(words: list[str]) -> bool:
    """ "Survivors", "Witnesses": a capitalised common noun is no one's name."""
    return len(words) == 1 and (words[0] in ROLE_NOUNS or words[0].removesuffix("s") in ROLE_NOUNS)


def _contains(key: tuple[str, ...], part: tuple[str, ...]) -> bool:
    n = len(part)
    return any(key[i : i + n] == part for i in range(len(key) - n + 1))


def _initials(key: tuple[str, ...]) -> str:
    return "".join(w[0] for w in key)


def _key(label: str) -> tuple[str, ...]:
    """Lower-case words of a name, "U.N." as "un", "United Nations" as "un"."""
    text = re.sub(r"\b([A-Za-z])\.(?=[A-Za-z]\b)", r"\1", label)  # "U.N." -> "UN."
    words = [w for w in _tokens(text) if w not in _DROP]
    if words[:2] == ["united", "nations"]:
        words = ["un", *words[2:]]
    return tuple(words)


def _tokens(label: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(label)]


_SYSTEM_KEYS = {k: [_key(m) for m in v] for k, v in _SYSTEMS.items()}


def _is_media(label: str, words: list[str]) -> bool:
    low = label.lower()
    return bool(words) and (
        words[-1] in _MEDIA_WORDS or (len(words) <= 2 and words[0] in _MEDIA_WORDS)
        or "al jazeera" in low
    )  # fmt: skip
