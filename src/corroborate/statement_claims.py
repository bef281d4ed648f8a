"""Statement claims: one per speaker and meaning.

Statements become claims when the same speaker says the same thing, however
it was translated or paraphrased (token-set similarity of their content
words). A denial and an assertion of the same words are two claims; one quote
credited to two sources is two claims; stances and evidence ("X praised
...", "the report showed ...") are not words to check; copies add no support.
"""

from __future__ import annotations

from collections.abc import Sequence

from rapidfuzz import fuzz

from corroborate.crosscheck import _WORD, claim_id
from corroborate.model import Article, Claim, Extraction, Statement, Support

STATEMENT_SIMILARITY = 62  # rapidfuzz token-set ratio for two renderings of one statement

_STOP = frozenset("the a an of to in on and or for with by at from that this is was be will "
                  "who which its it their his her our there may can could would".split())  # fmt: skip


def statement_content(text: str) -> str:
    return " ".join(w for w in _WORD.findall(text.lower()) if w not in _STOP)


def statement_claims(extraction: Extraction, articles: Sequence[Article]) -> list[Claim]:
    """Group statements by speaker and meaning (renderings of one statement)."""
    by_id = {a.id: a for a in articles}
    copies_of: dict[str, list[str]] = {}
    for a in articles:
        if a.duplicate_of:
            copies_of.setdefault(a.duplicate_of, []).append(a.id)
    groups: list[tuple[str, list[tuple[Statement, str]]]] = []
    for st in extraction.statements:
        art = by_id.get(st.evidence[0].article)
        if art is None or art.duplicate_of or not st.speaker or st.kind in ("stance", "evidence"):
            continue  # "X praised ...": an act towards something, not words to check
        # a denial and an assertion of the same words are two claims
        speaker = f"{st.speaker_id or st.speaker}|{st.polarity}"
        content = statement_content(st.text)
        if len(content.split()) < 3:
            continue
        home = None
        for key, members in groups:
            if key != speaker:
                continue
            if any(
                fuzz.token_set_ratio(content, c) >= STATEMENT_SIMILARITY
                and len(set(content.split()) & set(c.split())) >= 3
                for _, c in members
            ):
                home = members
                break
        if home is None:
            groups.append((speaker, [(st, content)]))
        else:
            home.append((st, content))
    claims = []
    for _, members in groups:
        st0 = max((s for s, _ in members), key=lambda s: (s.direct, len(s.text)))
        support = [
            Support(
                s.evidence[0].article,
                by_id[s.evidence[0].article].outlet,
                s.evidence[0],
                s.speaker or "",
                None,
                None,
                copies_of.get(s.evidence[0].article, []),
            )
            for s, _ in members
        ]
        # the speaker is part of the key: one quote credited to two sources is two claims
        key = "|".join(sorted(f"{s.article}:{s.evidence.start}" for s in support))
        key += f"|{st0.speaker_id or st0.speaker}"
        claims.append(
            Claim(
                claim_id("statement", key),
                "statement",
                st0.text if st0.polarity == "positive" else f"denied: {st0.text}",
                support,
                [st0.speaker or ""],
                speaker=st0.speaker,
                speaker_named=st0.speaker_id is not None,
            )
        )
    return claims
