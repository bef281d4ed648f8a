"""Checking "X said Y" claims against the coverage's statement claims.

A claim without a figure ("Zelensky said Ukraine is ready to hand the
soldiers over to Kim Jong Un") is matched to the statements the stories
report, by the meaning of its words (token-set similarity of content words,
the rule that groups renderings of one statement into a claim, with most of
the claim's content words in the statement), the claim's own speaker's
statements first, and then judged on who said it and whether it was said or
denied:

- the same speaker, the same sense: ``corroborated`` when two or more outlets
  report it (the speaker is its one origin), else ``single-source``;
- the same words from another speaker: ``distorted`` ("another speaker");
- the same speaker and words with the negation flipped ("is not ready" for
  "is ready", or words the speaker denied): ``distorted`` ("negation flipped");
- nothing close: ``not found``.

A paraphrase that changes a detail the words do not show (a date, a place
named differently) can still read as the same statement: the verdict says
"the coverage reports", with the evidence, for a person to read.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from rapidfuzz import fuzz

from corroborate.coverage import (
    CheckResult,
    Evidence,
    Verdict,
    about,
    aliases,
    evidence,
    fold,
    mentions,
    same_name,
)
from corroborate.extract.speakers import OTHER_PERSON
from corroborate.statement_claims import STATEMENT_SIMILARITY, statement_content
from corroborate.words import counted

if TYPE_CHECKING:
    from corroborate.model import Statement

_NEGATION = re.compile(r"\b(?:not|no|never|neither|nor|none|nothing|nobody)\b|n['’]t\b", re.I)
_DENIED = "denied: "


def check_statement(
    claim: str,
    st: Statement,
    stories: list[dict[str, Any]],
    names: set[str],
) -> CheckResult:
    """The verdict on a claim that reports what ``st.speaker`` said."""
    content = statement_content(st.text)
    said_by = st.speaker or ""
    # (the speaker is not the claim's, the words' distance, story, claim, the story's aliases):
    # the claim's own speaker first, then the closest words
    best: tuple[bool, float, dict[str, Any], dict[str, Any], dict[str, set[str]]] | None = None
    for story in stories:
        known = aliases(story)
        if names and not about(names, story, known):
            continue
        for c in story.get("claims", []):
            if c["kind"] != "statement":
                continue
            theirs = statement_content(c["text"].removeprefix(_DENIED))
            score = fuzz.token_set_ratio(content, theirs)
            shared = len(set(content.split()) & set(theirs.split()))
            if score < STATEMENT_SIMILARITY or shared < max(3, len(set(content.split())) / 2):
                continue  # most of the claim's words must be the statement's
            other = not same_name(said_by, c.get("speaker") or "", known)
            if best is None or (other, -score) < (best[0], best[1]):
                best = (other, -score, story, c, known)
    searched = [f"statements by {st.speaker}"]
    if best is None:
        return CheckResult(claim, "not found", f"no story reports {st.speaker} saying this",
                           searched=searched)  # fmt: skip
    other, _, story, c, known = best
    ev: Evidence = evidence(story, c)
    speaker = c.get("speaker") or ""
    if other and _named_anywhere(speaker, claim, known):
        other = False  # "X, an economist at the Y group, said ...": X is named in the claim
    if other:
        return CheckResult(claim, "distorted", f"another speaker: the coverage credits these "
                           f"words to {speaker}, not {st.speaker}", [ev],
                           searched=searched)  # fmt: skip
    # the claim's whole words, not only what its parse took for the statement
    # ("he is not making “a demand”" parses as the quoted two words)
    mine, theirs_text = _aligned(claim, c["text"].removeprefix(_DENIED))
    if _negated(mine, st.polarity == "negative") != _negated(
        theirs_text, c["text"].startswith(_DENIED)
    ):
        return CheckResult(claim, "distorted", f"negation flipped: the coverage has {speaker} "
                           f"saying \"{c['text'].removeprefix(_DENIED)}\""
                           + (" (a denial)" if c["text"].startswith(_DENIED) else ""),
                           [ev], searched=searched)  # fmt: skip
    if _negated(claim, False) > _negated(mine, False):
        # a negation in words of the claim the coverage does not have ("he had
        # not fought in X 'for the nation's rights'" beside the quoted words only)
        return CheckResult(claim, "not found", f"the coverage has {speaker} saying only part "
                           f"of this: \"{c['text'].removeprefix(_DENIED)}\"", [], [ev],
                           searched=searched)  # fmt: skip
    n = len(ev.outlets)
    verdict: Verdict = "corroborated" if n >= 2 else "single-source"
    return CheckResult(claim, verdict, f"reported by {counted(n, 'outlet')}, from one origin: "
                       f"{speaker}", [ev], searched=searched)  # fmt: skip


def _named_anywhere(speaker: str, claim: str, known: dict[str, set[str]]) -> bool:
    """Is the coverage's speaker named somewhere in the claim (in any of the
    story's forms of the name, or by surname), even where the claim's own
    speaker was read as another noun phrase?"""
    forms = known.get(fold(speaker)) or {fold(speaker)}
    surnames = {f.split()[-1] for f in forms if f}
    # a name the claim gives as another's ("McCrory's opponent") is not its speaker
    claim = _OTHERS_OF.sub(" ", claim)
    return mentions({n for n in forms | surnames if len(n) > 2}, [claim])


_OTHERS_OF = re.compile(
    rf"\b[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*['’]s\s+(?:{'|'.join(sorted(OTHER_PERSON))})\b"
)


def _aligned(mine: str, theirs: str) -> tuple[str, str]:
    """The two renderings cut to the words they share (a claim quoting two
    sentences, the coverage's statement one of them): only there can a
    negation be said to be added or dropped."""
    if len(mine) <= len(theirs):
        a = fuzz.partial_ratio_alignment(mine, theirs)
        return (mine, _around(theirs, a.dest_start, a.dest_end)) if a else (mine, theirs)
    a = fuzz.partial_ratio_alignment(theirs, mine)
    return (_around(mine, a.dest_start, a.dest_end), theirs) if a else (mine, theirs)


def _around(text: str, a: int, b: int) -> str:
    """``text[a:b]`` and the words at its edges: the window has the other
    rendering's length, so an added "not " can push a word past it."""
    a = max(0, a - _EDGE)
    b = min(len(text), b + _EDGE)
    while a > 0 and text[a - 1].isalnum():
        a -= 1
    while b < len(text) and text[b].isalnum():
        b += 1
    return text[a:b]


_EDGE = 12  # characters: "not " and a word either side


def _negated(text: str, denied: bool) -> int:
    """How many negations the words carry ("is not ready": one), a denial
    counting as one: two renderings of one statement carry as many."""
    return len(_NEGATION.findall(text)) + int(denied)
