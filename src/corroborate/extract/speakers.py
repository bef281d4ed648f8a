"""Speakers: a phrase before or after a reporting verb turned into a source.

Names resolve to the article's entities; pronouns to the last speaker (news
keeps one speaker per passage), skipping anyone whose honorific says
otherwise ("Mr. Holt said ... she said"); descriptions ("the Japanese
professor", "the spy agency") to the entity whose role or name fits, or kept
as the text's own words, unnamed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from corroborate.extract.descriptions import fitting
from corroborate.extract.entities import ArticleEntities, gender_of
from corroborate.extract.lexicon import (
    DEMONYMS,
    DESCRIPTION_HEADS,
    KNOWN_ORGS,
    PRONOUNS,
    ROLE_NOUNS,
)
from corroborate.extract.names import fold, place_name
from corroborate.model import Entity

_DEMONYM_LEAD = re.compile(r"\b(" + "|".join(sorted(DEMONYMS, key=len, reverse=True)) + r")\b")
_POSSESSOR_LEAD = re.compile(
    r"^(?:[Tt]he\s+)?([A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)*)(?:['’]s|(?<=s)['’])\s+"
)
_DESCRIPTION_LEAD = re.compile(r"^(?:the|a|an|its|his|her|their|one|[A-Z])", re.I)
_POSSESSIVE_PRONOUN = re.compile(r"^(?:his|her|their|its)\b")
MAX_SPEAKER_WORDS = 10


_VAGUE_SOURCE = frozenset(["reports", "report", "initial", "early", "earlier", "local", "media",
                           "news", "press", "unconfirmed", "some", "latest", "first",
                           "preliminary", "several", "other", "multiple", "many", "estimates",
                           "estimate", "social"])  # fmt: skip
_CLAUSE_WORDS = frozenset(["is", "are", "was", "were", "has", "have", "had", "been", "will",
                           "would", "could", "should", "did", "does"])  # fmt: skip
_FUNCTION_WORDS = frozenset(["the", "a", "an", "other", "others", "some", "many", "this",
                             "that", "these", "those", "state", "one"])  # fmt: skip


@dataclass(slots=True)
class Source:
    """Who a statement or figure is credited to: a resolved name, maybe an entity."""

    name: str
    entity: Entity | None = None
    description: str | None = None  # the text's own words when no entity was linked
    country: str | None = None


_PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f"}


class Resolver:
    """Turns a speaker phrase into a Source, tracking the last speaker."""

    def __init__(self, text: str, ents: ArticleEntities) -> None:
        self.text = text
        self.ents = ents
        self.last_person: Source | None = None
        self.last_org: Source | None = None
        self._fits: dict[str, set[str]] = {}  # description -> ids of the entities it fits
        self._words_of: dict[str, frozenset[str]] = {}
        self._labels: dict[str, bool] = {}  # transcript labels: used on two lines or more

    def resolve(self, start: int, end: int) -> list[Source]:
        """Sources named by ``text[start:end]`` (empty when none can be named)."""
        phrase = self.text[start:end].strip(" ,")
        low = fold(phrase)
        if not phrase:
            return []
        if low in PRONOUNS:
            kind = PRONOUNS[low]
            if kind not in ("person", "org"):
                return []
            src = self.last_person if kind == "person" else self.last_org
            gender = _PRONOUN_GENDER.get(low)
            if (
                src is not None
                and src.entity is not None
                and gender_of(src.entity)
                not in (
                    None,
                    gender,
                )
            ):
                src = None  # "Mr. Holt said ... she said": not him
            if src is None:
                e = self.ents.last_before(start, [kind], gender)
                src = Source(e.name, e) if e else None
            return [src] if src else []
        inside = self.ents.within(start, end)
        people = [e for _, _, e in inside if e.type == "person"]
        orgs = [e for _, _, e in inside if e.type == "org"]
        places = [e for _, _, e in inside if e.type == "place"]
        words = phrase.split()
        m = _POSSESSOR_LEAD.match(phrase)
        if m and _body_of(phrase[m.end() :]) and all(s < start + m.end() for s, _, _ in inside):
            # "the U.N.'s migration agency", "Pfizer's chief executive": a body or a
            # person of the institution named first, described, not the institution
            src = self.describe(phrase, start, place_name(m[1]))
            if src is not None:
                return [src]
            if _person_noun(phrase[m.end() :].split()[-1]):
                # "Neale's former campaign strategist": someone of Neale's, unnamed
                return [Source(_clean_description(phrase), None, phrase)]
        if m and (named := [e for a, _, e in inside if a >= start + m.end()
                            and e.type in ("person", "org")]):  # fmt: skip
            # "The United Nations' migrant agency, the International Organization
            # for Migration (IOM)": the body named after its possessor
            people = [e for e in named if e.type == "person"]
            orgs = [e for e in named if e.type == "org"]
        if m and phrase[m.end() :].split()[:1] and phrase[m.end() :].split()[0] in OTHER_PERSON:
            # "McCrory's opponent in the election": someone else, never the possessor
            # ("Clinton's team", "Clinton's spokesman" speak for her)
            people = [e for a, _, e in inside if a >= start + m.end() and e.type == "person"]
        if people:
            return [Source(e.name, e) for e in _unique(people)]
        if orgs:
            return [Source(e.name, e) for e in _unique(orgs)]
        if places and _only_names(phrase, inside):
            return [Source(e.name, e) for e in _unique(places)]
        if len(words) > MAX_SPEAKER_WORDS:
            return []
        src = self.describe(phrase, start, place_name(m[1]) if m else None)
        return [src] if src else []

    def person_named(self, label: str) -> Source | None:
        """The one person whose surname a transcript's capitals spell ("WALLACE")."""
        key = fold(label)
        found = {e.id: e for e in self.ents.entities
                 if e.type == "person" and fold(e.name.split()[-1]) == key}  # fmt: skip
        if len(found) != 1:
            return None
        e = next(iter(found.values()))
        return Source(e.name, e)

    def transcript_label(self, label: str) -> Source | None:
        """A transcript's speaker label in capitals ("WALLACE: ...") used at the
        start of two lines or more: that speaker, by the label's name."""
        if label not in self._labels:  # each transcript line asks: count once
            starts = len(re.findall(rf"(?m)^\W?{re.escape(label)}:", self.text))
            self._labels[label] = starts >= 2 and fold(label) not in KNOWN_ORGS
        return Source(label.title(), None, label) if self._labels[label] else None

    def describe(self, phrase: str, pos: int, country: str | None) -> Source | None:
        """A description ("the spy agency"): link it to the latest entity it fits."""
        if not _DESCRIPTION_LEAD.match(phrase):
            return None
        if country is None:
            country = _demonym_country(phrase)
        words = fold(phrase).split()
        last = words[-1]
        if len(words) == 1 and last in _FUNCTION_WORDS:
            return None  # "the", "other": a fragment, never a speaker
        if set(words) <= _VAGUE_SOURCE:
            return None  # "Reports", "initial reports", "media reports": no one in particular
        if _CLAUSE_WORDS.intersection(words[:-1]):
            return None  # "more were feared dead given survivor": a clause, not who spoke
        known_head = DESCRIPTION_HEADS & {last, last.rstrip("s"), last.removesuffix("es")}
        # otherwise any short noun phrase led by a determiner: "the electoral commission"
        noun_phrase = len(words) <= 5 and words[0] in ("the", "a", "an", "state")
        if not known_head and not (noun_phrase and not last.endswith(("ly", "ed", "ing"))):
            return None
        fits = self._fits.get(phrase)
        if fits is None:
            fits = self._fits[phrase] = fitting(phrase, self.ents.entities, self._words_of)
        e = self._latest_fit(pos, fits) if fits else None
        if e is not None:
            return Source(e.name, e, phrase, country)
        return Source(_clean_description(phrase), None, phrase, country)

    def _latest_fit(self, pos: int, fits: set[str]) -> Entity | None:
        """The entity in ``fits`` mentioned last before ``pos``, else the first one
        mentioned after it ("... the NIS" further down)."""
        for _, _, e in reversed(self.ents.within(0, pos)):
            if e.id in fits:
                return e
        return next((e for e in self.ents.entities if e.id in fits), None)

    def spoke(self, sources: list[Source]) -> None:
        if len(sources) != 1:
            return
        s = sources[0]
        if s.entity is not None and s.entity.type == "org":
            self.last_org = s
        elif (s.entity is not None and s.entity.type == "person") or (
            s.entity is None and s.description and singular_person(s.description)
        ):
            self.last_person = s
        elif s.entity is None and s.description:
            self.last_org = s  # "the farm bureau estimated ... it added"


@lru_cache(maxsize=1 << 14)
def _demonym_country(phrase: str) -> str | None:
    """The country a nationality in the phrase names ("a South Korean lawmaker")."""
    dm = _DEMONYM_LEAD.search(fold(phrase))
    return DEMONYMS.get(dm[1]) if dm else None


def singular_person(desc: str) -> bool:
    """ "One of them", "the other", "a senior official": someone "he" may refer to."""
    low = fold(desc)
    if _POSSESSIVE_PRONOUN.match(low):
        return False
    last = low.split()[-1]
    return last in ("one", "other", "them", "man", "woman") or (
        last in DESCRIPTION_HEADS and not last.endswith("s")
    )


def _body_of(rest: str) -> bool:
    """Is the text after a possessor a description: words in lower case or a
    role ("migration agency", "chief executive", "CEO")?"""
    words = rest.split()
    return 0 < len(words) <= 4 and all(w[:1].islower() or w.lower() in ROLE_NOUNS for w in words)


# who a possessor's noun names besides the possessor: "X's opponent", "X's wife"
OTHER_PERSON = frozenset(["opponent", "opponents", "rival", "rivals", "challenger", "critic",
                           "critics", "wife", "husband", "son", "daughter", "father", "mother",
                           "brother", "sister", "predecessor", "successor", "accuser", "accusers",
                           "biographer", "foe", "foes", "nemesis", "victim", "victims"])  # fmt: skip


def _person_noun(word: str) -> bool:
    """Does a noun name a person ("strategist", "adviser", "spokesman")?"""
    w = word.lower().strip(",.")
    return (
        w in ROLE_NOUNS
        or w in OTHER_PERSON
        or w.endswith(("ist", "man", "woman", "person"))
        or (w.endswith(("er", "or", "ant", "ent")) and len(w) > 5 and w not in _NOT_PERSON)
    )


_NOT_PERSON = frozenset(["government", "department", "paper", "letter", "center", "centre",
                         "order", "number", "chapter", "corner", "border", "sector", "factor",
                         "matter", "counter", "element", "statement", "argument", "document",
                         "movement", "agreement", "parliament", "comment", "moment"])  # fmt: skip


def _unique(ents: list[Entity]) -> list[Entity]:
    return list({e.id: e for e in ents}.values())


def _only_names(phrase: str, inside: list[tuple[int, int, Entity]]) -> bool:
    rest = phrase
    for _, _, e in inside:
        for m in e.mentions:
            rest = rest.replace(m.span.text, "")
    return not re.sub(
        r"\b(?:the|and|of|officials?|government|authorities|neither|nor|both|either)\b|[,\s]",
        "",
        rest,
        flags=re.I,
    )


def _clean_description(phrase: str) -> str:
    return re.sub(r"^(?:a|an)\s+", "the ", phrase.strip())
