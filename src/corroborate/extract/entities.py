"""Entities: name candidates merged into one entity per referent, with aliases.

Within an article: acronyms defined in the text ("National Intelligence
Service (NIS)"), spelling variants ("Kim Jong-un" / "Kim Jong Un"),
surname-only and given-name-only mentions of a unique full name
("Zelensky", "Chung"), and possessive forms ("Ukraine's Security Service").
Across a story: ``merge_entities`` joins article entities whose names,
acronyms or unique surnames agree. Ambiguous short forms stay apart: a wrong
merge is worse than a missed one.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TypeVar

from corroborate.extract.lexicon import (
    DEMONYMS,
    ORG_WORDS,
    ROLE_NOUNS,
    SPEECH_VERBS,
)
from corroborate.extract.names import _ACRONYM, Candidate, name_key, place_name
from corroborate.model import Entity, EntityType, Mention, Span
from corroborate.unionfind import UnionFind

_ACRONYM_AFTER = re.compile(r"\s*\(\s*(?:the\s+)?$")
_SPEECH_AFTER = re.compile(r"\s+(?:also\s+)?(?:" + "|".join(SPEECH_VERBS) + r")\b")
_APPOSITIVE = re.compile(
    r",\s+((?:(?:a|an|the)\s+|(?:co-)?author\b|director\b|head\b|chief\b|spokes\w+\b|professor\b)"
    r"[^,.;:\"“”()\n]{2,110}?)(?=,|\.|;|\s+who\b|\s+which\b|\s+(?:said|says|told|added)\b|\n|$)"
)
# a role told with no article: "Marie el-Drese, secretary general of the aid group,"
_BARE_APPOSITIVE = re.compile(
    r",\s+((?:(?:former|deputy|acting|senior|interim|chief)\s+)?(?P<noun>[a-z][\w-]*)"
    r"[^,.;:\"“”()\n]{0,100}?)(?=,|\.|;|\s+who\b|\s+(?:said|says|told|added)\b|\n|$)"
)
_ROLE_START = re.compile(r"^(?:a|an|the)\s+", re.I)
_TYPE_RANK = {"person": 0, "org": 1, "place": 2, "group": 3, "misc": 4}


def attach_short_forms(
    uf: UnionFind, full: list[tuple[int, str]], short: list[tuple[int, str]]
) -> None:
    """Join each one-word name to the unique full person name it abbreviates:
    surname first ("Zelensky"), then given name ("Chung", "Sokil")."""
    last: dict[str, list[int]] = defaultdict(list)
    first: dict[str, list[int]] = defaultdict(list)
    for i, name in full:
        toks = name.split()
        last[name_key(toks[-1])].append(i)
        first[name_key(toks[0])].append(i)
    for i, name in short:
        k = name_key(name)
        roots = {uf.find(j) for j in last.get(k, ())} or {uf.find(j) for j in first.get(k, ())}
        if len(roots) == 1:
            uf.union(i, roots.pop())


def _compatible(a: EntityType | None, b: EntityType | None) -> bool:
    return a is None or b is None or a == b or {a, b} <= {"person", "misc"}


@dataclass(slots=True)
class ArticleEntities:
    """An article's entities plus a position index over their mentions."""

    article: str
    entities: list[Entity]
    countries: dict[str, str] = field(default_factory=dict)  # entity id -> possessor country
    _starts: list[int] = field(default_factory=list)
    _index: list[tuple[int, int, Entity]] = field(default_factory=list)

    def __post_init__(self) -> None:
        rows = sorted(
            ((m.span.start, m.span.end, e) for e in self.entities for m in e.mentions),
            key=lambda r: r[0],
        )
        self._index = rows
        self._starts = [r[0] for r in rows]

    def by_id(self, entity_id: str) -> Entity | None:
        return next((e for e in self.entities if e.id == entity_id), None)

    def within(self, start: int, end: int) -> list[tuple[int, int, Entity]]:
        """Mentions lying inside ``[start, end)``, in text order."""
        i = bisect.bisect_left(self._starts, start)
        out = []
        while i < len(self._index) and self._index[i][0] < end:
            if self._index[i][1] <= end:
                out.append(self._index[i])
            i += 1
        return out

    def last_before(
        self, pos: int, types: Iterable[str], gender: str | None = None
    ) -> Entity | None:
        """The entity of one of ``types`` mentioned last before ``pos``; with
        ``gender``, skipping anyone whose honorific says otherwise."""
        wanted = set(types)
        i = bisect.bisect_left(self._starts, pos) - 1
        while i >= 0:
            e = self._index[i][2]
            if e.type in wanted and (gender is None or gender_of(e) in (None, gender)):
                return e
            i -= 1
        return None


_HONORIFIC_GENDER = {"mr": "m", "mrs": "f", "ms": "f", "miss": "f", "madam": "f", "sir": "m",
                     "lord": "m", "lady": "f", "mister": "m"}  # fmt: skip


def gender_of(e: Entity) -> str | None:
    """ "m" or "f" when the article gives the person an honorific ("Mr. Obama")."""
    for m in e.mentions:
        if m.title:
            g = _HONORIFIC_GENDER.get(m.title.lower().rstrip(".").split()[0])
            if g:
                return g
    return None


_NOT_SURNAMES = frozenset(
    ["may", "will", "march", "june", "july", "august", "april", "can", "said"]
)


def build_entities(article_id: str, text: str, candidates: Sequence[Candidate]) -> ArticleEntities:
    """Merge an article's name candidates into entities."""
    body_keys = {name_key(c.name) for c in candidates if not c.heading}
    body_tokens = {name_key(t) for c in candidates if not c.heading for t in c.name.split()}
    confirmed = {name_key(c.name) for c in candidates if not c.initial and not c.heading}
    # a sentence-initial surname of a full name told elsewhere: "Holt, who ...,
    # said" after "Mayor Ann Holt" (not a month or a modal: "May", "Will")
    confirmed |= {
        name_key(c.name.split()[-1])
        for c in candidates
        if not c.heading and c.type == "person" and len(c.name.split()) > 1
    } - {name_key(w) for w in _NOT_SURNAMES}
    cands = [
        c
        for c in candidates
        if (not c.heading or name_key(c.name) in body_keys or name_key(c.name) in body_tokens)
        and not (
            c.type is None
            and c.initial
            and name_key(c.name) not in confirmed
            and name_key(c.name) not in body_tokens - {name_key(c.name)}
            and not _SPEECH_AFTER.match(text, c.end)
        )
    ]
    n = len(cands)
    uf = UnionFind(n)
    acronyms: set[int] = set()
    aliases_extra: dict[int, set[str]] = defaultdict(set)
    countries: dict[int, str] = {}
    # acronyms defined in the text: "National Intelligence Service (NIS)" or "NIS (National ...)"
    for i in range(n - 1):
        a, b = cands[i], cands[i + 1]
        between = text[a.end : b.start]
        if _ACRONYM_AFTER.fullmatch(between) and text.startswith(")", b.end + _ws(text, b.end)):
            if _ACRONYM.match(b.name) and not _ACRONYM.match(a.name):
                uf.union(i, i + 1)
                acronyms.add(i + 1)
            elif _ACRONYM.match(a.name) and not _ACRONYM.match(b.name) and len(b.name.split()) > 1:
                uf.union(i, i + 1)
                acronyms.add(i)
    # undefined acronyms that spell a long name's initials: "ICS" for "Institute for Conflict Studies"
    longs = {
        _initials(c.name): i
        for i, c in enumerate(cands)
        if len(c.name.split()) > 1 and c.type in ("org", "place", None)
    }
    for i, c in enumerate(cands):
        if _ACRONYM.match(c.name) and c.name.replace(".", "").upper() in longs:
            j = longs[c.name.replace(".", "").upper()]
            uf.union(i, j)
            acronyms.add(i)
    # possessive forms: "Ukraine's Security Service", "South Korea's National Intelligence Service"
    for i in range(n - 1):
        a, b = cands[i], cands[i + 1]
        if a.possessor and a.type == "place" and b.type == "org" and b.start - a.end <= 4:
            aliases_extra[i + 1].add(text[a.start : b.end])
            countries[i + 1] = place_name(a.name) or a.name
    # same key, compatible types
    by_key: dict[str, int] = {}
    for i, c in enumerate(cands):
        k = name_key((place_name(c.name) if c.type == "place" else None) or c.name)
        j = by_key.setdefault(k, i)
        if j != i and _compatible(cands[j].type, c.type):
            uf.union(i, j)
    known_before = _known_before_full_name(cands)
    attach_short_forms(
        uf,
        [(i, c.name) for i, c in enumerate(cands) if c.type == "person" and " " in c.name],
        [
            (i, c.name)
            for i, c in enumerate(cands)
            if " " not in c.name
            and c.type in (None, "person", "misc")
            and name_key(c.name) not in known_before
        ],
    )
    entities: list[Entity] = []
    ent_countries: dict[str, str] = {}
    for members in uf.groups():
        ent = _entity(
            article_id,
            text,
            [cands[i] for i in members],
            {i for i in members if i in acronyms},
            members,
        )
        if ent is None:
            continue
        ent.id = f"{article_id}:e{len(entities)}"
        for i in members:
            ent.aliases.extend(a for a in sorted(aliases_extra.get(i, ())) if a not in ent.aliases)
            if i in countries:
                ent_countries[ent.id] = countries[i]
        country = ent_countries.get(ent.id)
        if country and ent.type == "org" and _generic_org(ent.name) and country not in ent.name:
            # "Ukraine's Security Service (SBU)": the Security Service of Ukraine
            ent.aliases.insert(0, ent.name)
            ent.name = f"{ent.name} of {country}"
        entities.append(ent)
    return ArticleEntities(article_id, entities, ent_countries)


def _known_before_full_name(cands: Sequence[Candidate]) -> set[str]:
    """One-word names used twice or more in the body before any full name
    ending in them: someone the article needs no introduction for ("President
    Obama", "Mr. Obama" ...), not the "first lady, Michelle Obama" introduced
    later (a news report gives the full name first)."""
    first_full: dict[str, int] = {}
    for c in cands:
        if c.type == "person" and " " in c.name and not c.heading:
            k = name_key(c.name.split()[-1])
            first_full[k] = min(first_full.get(k, c.start), c.start)
    early = _count(
        [k for c in cands if " " not in c.name and not c.heading
         and c.start < first_full.get(k := name_key(c.name), -1)]
    )  # fmt: skip
    return {k for k, n in early.items() if n >= 2}


def _generic_org(name: str) -> bool:
    """ "Security Service", "Defence Ministry": a name that needs its country."""
    words = name.lower().split()
    return len(words) <= 2 and words[-1] in ORG_WORDS


def _initials(name: str) -> str:
    return "".join(w[0] for w in name.split() if w[:1].isupper()).upper()


def _ws(text: str, pos: int) -> int:
    j = pos
    while j < len(text) and text[j] == " ":
        j += 1
    return j - pos


def _entity(
    article_id: str, text: str, group: list[Candidate], acr: set[int], members: list[int]
) -> Entity | None:
    types = _count([c.type for c in group if c.type and c.strong])
    if not types:
        types = _count([c.type for c in group if c.type])
    typ: EntityType
    if any(c.title for c in group):
        typ = "person"
    elif types:
        typ = min(types, key=lambda t: (-types[t], _TYPE_RANK[t]))
    else:
        # an unknown single word: a person if it speaks ("Smith said"), else not an entity
        if any(_SPEECH_AFTER.match(text, c.end) for c in group):
            typ = "person"
        else:
            return None
    if typ == "misc" and all(len(c.name.split()) == 1 for c in group) and len(group) < 2:
        return None
    if (
        typ == "misc"
        and not any(c.strong for c in group)
        and (any(_SPEECH_AFTER.match(text, c.end) for c in group) or _role(text, group))
    ):
        typ = "person"  # "said Chad Bown, an expert on trade": a person named like a place
    acronym_names = {group[k].name for k, i in enumerate(members) if i in acr}
    full = [c for c in group if c.name not in acronym_names and not c.heading] or group
    counts = _count([c.name for c in full])
    # the fullest form: most tokens, then most frequent, then first seen
    name = max(counts, key=lambda s: (len(s.split()) if typ == "person" else len(s), counts[s]))
    if typ == "org":
        no_demonym = [s for s in counts if not _starts_with_demonym(s)]
        if no_demonym:
            name = max(no_demonym, key=lambda s: (len(s), counts[s]))
    aliases = list(dict.fromkeys(c.name for c in group if c.name != name))
    mentions = [
        Mention(Span(article_id, c.start, c.end, text[c.start : c.end]), c.name, typ, c.title)
        for c in group
    ]
    role = _role(text, group) if typ == "person" else None
    return Entity("", name, typ, aliases, mentions, role)


def _count(items: list[_T]) -> dict[_T, int]:
    """Occurrences of each item, in first-seen order (cheaper than a Counter)."""
    out: dict[_T, int] = {}
    for x in items:
        out[x] = out.get(x, 0) + 1
    return out


def _starts_with_demonym(s: str) -> bool:
    words = s.lower().split(" ")
    return any(
        " ".join(words[:k]) in DEMONYMS for k in range(1, min(len(words), _DEMONYM_WORDS + 1))
    )


_T = TypeVar("_T")
_DEMONYM_WORDS = max(len(d.split(" ")) for d in DEMONYMS)


def _role(text: str, group: list[Candidate]) -> str | None:
    for c in group:
        m = _APPOSITIVE.match(text, c.end)
        if m and _has_role_noun(m[1]):
            return _ROLE_START.sub("", m[1].strip())
        bare = _BARE_APPOSITIVE.match(text, c.end)
        if bare and bare["noun"] in ROLE_NOUNS:
            return bare[1].strip()
    for c in group:
        if c.title:
            return c.title
    for c in group:  # "coast guard commander Lena Ferrow", "agency spokeswoman Ana Ruiz"
        m = _ROLE_BEFORE.search(text, max(0, c.start - 60), c.start)
        if m:
            words = m[0].lower().split()
            while words and words[0] in _NOT_ROLE:
                words.pop(0)  # "said the director": the role is "director"
            return " ".join(words)
    return None


# lower-case words ending in a role noun right before a name
_ROLE_BEFORE = re.compile(
    r"(?:\b[A-Za-z][a-z-]+\s+){0,3}(?:commander|spokesperson|spokesman|spokeswoman|chief|"
    r"director|head|official|secretary|chairman|chairwoman|captain|coordinator|manager)\s+$"
)


def _has_role_noun(phrase: str) -> bool:
    return any(w.strip(",.").lower() in ROLE_NOUNS for w in phrase.split()[:8])


_STOP = frozenset(["the", "a", "an", "of", "its", "his", "her", "their", "this", "that"])
_NOT_ROLE = _STOP | frozenset(
    ["and", "or", "by", "to", "from", "with", "for", "as", "at", "in", "on", *SPEECH_VERBS]
)


def merge_entities(
    per_article: Sequence[ArticleEntities],
) -> tuple[list[Entity], dict[str, str], dict[str, str]]:
    """Merge article entities into story entities.

    Returns the story entities, a map from article entity id to story entity
    id, and each story entity's possessor country where the text gave one.
    """
    items: list[Entity] = [e for ae in per_article for e in ae.entities]
    countries = {eid: c for ae in per_article for eid, c in ae.countries.items()}
    n = len(items)
    uf = UnionFind(n)
    by_key: dict[tuple[str, str], int] = {}
    for i, e in enumerate(items):
        keys = {name_key((place_name(e.name) if e.type == "place" else None) or e.name)} | {
            name_key(a) for a in e.aliases if _strong_alias(e, a)
        }
        for k in keys:
            j = by_key.setdefault((_merge_type(e.type), k), i)
            if j != i:
                uf.union(i, j)
    # an article that only says "Zelensky": join the story's unique full name
    attach_short_forms(
        uf,
        [(i, e.name) for i, e in enumerate(items) if e.type == "person" and " " in e.name],
        [
            (i, e.name)
            for i, e in enumerate(items)
            if " " not in e.name and e.type in ("person", "misc")
        ],
    )
    story: list[Entity] = []
    id_map: dict[str, str] = {}
    story_countries: dict[str, str] = {}
    for members in uf.groups():
        ents = [items[i] for i in members]
        merged = _merge_group(ents)
        merged.id = f"e{len(story)}"
        for e in ents:
            id_map[e.id] = merged.id
            if e.id in countries:
                story_countries[merged.id] = countries[e.id]
        story.append(merged)
    return story, id_map, story_countries


def _merge_type(t: str) -> str:
    return "person" if t == "misc" else t


def _strong_alias(e: Entity, alias: str) -> bool:
    """Aliases that identify an entity story-wide: acronyms, spelling variants of
    the full name, possessive forms; not a bare surname."""
    if e.type == "person":
        return len(alias.split()) > 1
    return True


def _merge_group(ents: list[Entity]) -> Entity:
    types = Counter(e.type for e in ents for _ in e.mentions)
    typ = min(types, key=lambda t: (-types[t], _TYPE_RANK[t]))
    names: Counter[str] = Counter()
    for e in ents:
        names[e.name] += len(e.mentions)
    if typ == "person":
        name = max(names, key=lambda s: (len(s.split()), names[s], len(s)))
    elif typ == "org":
        cands = [s for s in names if not s.isupper() and not _starts_with_demonym(s)] or list(names)
        name = max(cands, key=lambda s: (names[s], len(s)))
    else:
        name = max(names, key=lambda s: (names[s], len(s)))
    aliases: list[str] = []
    for e in ents:
        for a in [e.name, *e.aliases]:
            if a != name and a not in aliases:
                aliases.append(a)
    mentions = [m for e in ents for m in e.mentions]
    role = next((e.role for e in ents if e.role and e.role[:1].islower()), None) or next(
        (e.role for e in ents if e.role), None
    )
    return Entity("", name, typ, aliases, mentions, role)
