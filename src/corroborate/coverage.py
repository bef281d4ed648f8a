"""The coverage as a claim check reads it: story documents (as the JSON
document has them), the names they know, the sentences their claims are
reported in, and the verdict with its evidence.

Shared by the figure checks (``check``) and the statement checks
(``check_statements``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, Literal

from corroborate.origins import same_source

Verdict = Literal["corroborated", "single-source", "contested", "distorted", "not found"]
WORD = re.compile(r"[a-z0-9]+")
FILLER = frozenset("the a an of in and or for to on at by".split())


@dataclass(slots=True)
class Evidence:
    story: str
    claim: str
    text: str
    value: str | None
    origins: list[str]
    outlets: list[str]
    as_of: str | None
    spans: list[dict[str, Any]] = field(default_factory=list)


@dataclass(slots=True)
class CheckResult:
    claim: str
    verdict: Verdict
    reason: str
    evidence: list[Evidence] = field(default_factory=list)
    competing: list[Evidence] = field(default_factory=list)
    searched: list[str] = field(default_factory=list)


def fold(name: str) -> str:
    """A name or a sentence as compared: lower case, words only, no fillers."""
    return " ".join(w for w in WORD.findall(name.lower()) if w not in FILLER)


def sentences(c: dict[str, Any]) -> list[str]:
    """The sentences a coverage claim is reported in, one per report."""
    return [(s.get("evidence") or {}).get("text", "") for s in c.get("support", [])]


def mentions(names: Iterable[str], texts: Iterable[str]) -> bool:
    """Does one of the texts name one of the (folded) names, as whole words?"""
    folded = " ".join(fold(t) for t in texts)
    return any(n and re.search(rf"\b{re.escape(n)}\b", folded) for n in names)


def aliases(story: dict[str, Any]) -> dict[str, set[str]]:
    """Each entity's names, folded: "NIS" and "National Intelligence Service" are one."""
    out: dict[str, set[str]] = {}
    for e in story.get("entities", []):
        names = {fold(n) for n in [e["name"], *e.get("aliases", [])]}
        for n in names:
            out.setdefault(n, set()).update(names)
    return out


def about(names: set[str], story: dict[str, Any], known: dict[str, set[str]]) -> bool:
    """Does the story know one of the claim's names, as one of its entities
    (in any form: "NIS", "Zelensky") or a word of its title, its entities or
    the sentences its claims are reported in ("the Itaewon crush")?"""
    words = set(WORD.findall((story.get("title") or "").lower()))
    words |= {w for n in known for w in n.split()}
    for c in story.get("claims", []):
        for text in sentences(c):
            words.update(WORD.findall(text.lower()))
    return any(n in known or n in words or any(same_source(n, k) for k in known) for n in names)


def same_name(said_by: str, origin: str, known: dict[str, set[str]]) -> bool:
    """Does the claim's source name a coverage origin: one of the story's
    names for it, else by ``origins.same_source`` (part of a name, initials)?"""
    a, b = fold(said_by), fold(origin)
    if a and b and (a == b or b in known.get(a, ()) or a in known.get(b, ())):
        return True
    return same_source(said_by, origin)


def evidence(story: dict[str, Any], c: dict[str, Any]) -> Evidence:
    """A coverage claim as the evidence of a verdict: its reports' spans."""
    support = c.get("support", [])
    value = support[0].get("value") if support else None
    return Evidence(story["id"], c["id"], c["text"], value, list(c.get("origins", [])),
                    list(c.get("outlets", [])), c.get("as_of"),
                    [s["evidence"] for s in support])  # fmt: skip
