"""Descriptions linked to entities: "the spy agency" is the National
Intelligence Service, "the Japanese professor" the one person whose role says
so, "the migration agency" the International Organization for Migration.

A description fits an organisation when the organisation's name holds its
words (with a few synonyms: a spy agency is an intelligence service), and a
person when their role or title has its head noun.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from corroborate.extract.lexicon import DEMONYMS, ROLE_NOUNS, ROLE_SYNONYMS
from corroborate.extract.names import fold, place_name
from corroborate.model import Entity

_STOP = frozenset(["the", "a", "an", "of", "its", "his", "her", "their", "this", "that"])


def role_words(entity: Entity) -> frozenset[str]:
    """Words describing what a person is, with synonyms: for linking descriptions."""
    return _role_words(entity.role or "", tuple(sorted({m.title or "" for m in entity.mentions})))


def own_role_words(entity: Entity) -> frozenset[str]:
    """The words of a person's own role and titles, without their hypernyms."""
    return _own_words(entity.role or "", tuple(sorted({m.title or "" for m in entity.mentions})))


@lru_cache(maxsize=1 << 14)
def _own_words(role: str, titles: tuple[str, ...]) -> frozenset[str]:
    words: set[str] = set()
    for src in [role, *titles]:
        for w in fold(src).replace("-", " ").split():
            w = w.strip(",.")
            words.add(w)
            words.add(w.rstrip("."))
    return frozenset(words)


@lru_cache(maxsize=1 << 14)
def _role_words(role: str, titles: tuple[str, ...]) -> frozenset[str]:
    words = set(_own_words(role, titles))
    for w in list(words):
        for head, syns in ROLE_SYNONYMS.items():
            if w in syns:
                words.add(head)
    return frozenset(words)


# Description words for organisations: "spy agency" is an intelligence service.
_ORG_SYNONYMS = {"spy": "intelligence", "spies": "intelligence", "agency": "service",
                 "service": "agency", "ministry": "department", "military": "forces",
                 "army": "forces"}  # fmt: skip
_ORG_HEADS = frozenset(["agency", "body", "office", "organisation", "organization", "group"])
_POSSESSOR = re.compile(r"^\s*(?:the\s+)?[\w.-]+(?:\s+[\w.-]+)?(?:'s|(?<=s)')\s+")
_DEMONYM_RE = re.compile(r"\b(?:" + "|".join(sorted(DEMONYMS, key=len, reverse=True)) + r")\b")


_POSSESSIVE_PRONOUN = re.compile(r"^(?:his|her|their|its)\b")


def description_matches(desc: str, entity: Entity) -> bool:
    """Does a description ("the spy agency", "the Japanese professor") fit the entity?"""
    return bool(fitting(desc, [entity]))


def fitting(
    desc: str, entities: Sequence[Entity], words_of: dict[str, frozenset[str]] | None = None
) -> set[str]:
    """Ids of the people and organisations a description fits.

    ``words_of`` caches each entity's describing words (role words of a
    person, name words of an organisation) across calls on one article.
    """
    parsed = _description(desc)
    if parsed is None:
        return set()
    words, head, plural, possessive = parsed
    need = _org_need(words)
    cache = {} if words_of is None else words_of
    out = set()
    for e in entities:
        if e.type == "person" and not (plural or possessive):  # "his commanders" are not him
            rw = cache.get(e.id)
            if rw is None:
                rw = cache[e.id] = role_words(e)
            # a synonym of the person's own role ("the commander" for a general);
            # not a sibling through a hypernym ("spokesman" is no senator)
            own = own_role_words(e)
            if head in rw or words[-1] in rw or any(head in ROLE_SYNONYMS.get(w, ()) for w in own):
                out.add(e.id)
        elif e.type == "org" and need:
            names = cache.get(e.id)
            if names is None:
                names = cache[e.id] = _org_words((e.name, *e.aliases))
            if _fits_org(need, names):
                out.add(e.id)
    return out


def names_body(desc: str, name: str) -> bool:
    """Does a description fit an organisation's name ("the migration agency" /
    "International Organization for Migration")?"""
    parsed = _description(desc)
    if parsed is None:
        return False
    need = _org_need(parsed[0])
    return bool(need) and _fits_org(need, _org_words((name,)))


def _org_need(words: tuple[str, ...]) -> list[str]:
    """The words of a description an organisation's name must hold."""
    need = [w for w in words if w not in ("group", "organisation", "organization")]
    if len(need) > 1 and need[-1] in _ORG_HEADS:
        need = need[:-1]  # "the migration agency": the one whose name says migration
    return need


def _fits_org(need: list[str], names: frozenset[str]) -> bool:
    return all(w in names or _ORG_SYNONYMS.get(w) in names for w in need)


@lru_cache(maxsize=1 << 14)
def _description(desc: str) -> tuple[tuple[str, ...], str, bool, bool] | None:
    """A description's content words, head noun, plurality and whether it
    starts with a possessive pronoun; None when nothing is left."""
    low = _POSSESSOR.sub("", fold(desc).replace("’", "'"))
    low = _DEMONYM_RE.sub(" ", low)
    words = tuple(w for w in low.replace("'s", "").split() if w not in _STOP and not place_name(w))
    if not words:
        return None
    plural = words[-1].endswith("s") and words[-1][:-1] in ROLE_NOUNS
    head = words[-1][:-1] if plural else words[-1]
    return words, head, plural, bool(_POSSESSIVE_PRONOUN.match(low))


@lru_cache(maxsize=1 << 14)
def _org_words(names: tuple[str, ...]) -> frozenset[str]:
    words = {w for n in names for w in fold(n).split()}
    return frozenset(words | {_ORG_SYNONYMS[w] for w in words if w in _ORG_SYNONYMS})
