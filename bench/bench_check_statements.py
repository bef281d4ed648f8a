"""Checking "X said Y" claims on real political news: PolNeAR-dev's gold
attributions as claims.

Run: python bench/bench_check_statements.py

Each attribution to a named source of speech ("said", "told", "says") whose
content is a clause of 6 to 30 words becomes a true claim ("Mr. Trump said
that ..."). Its distorted twins: the same words from another named source of
the same article (another speaker), and the words with a negation added after
their first auxiliary verb (negation flipped). Prints how the verdicts fall,
the true claims found supported, the distorted ones verdicted supported (the
target is none), the distortions named, and the time per claim.
"""

from __future__ import annotations

import json
import re

from _claims import check_all, report
from _shared import need

from corroborate.pipeline import process
from corroborate.report.json import story_to_dict

SUPPORTED = {"corroborated", "single-source"}
SPEECH = {"said", "says", "told", "tells", "say", "added", "adds"}
_AUX = re.compile(
    r"\b(is|are|was|were|will|would|can|could|has|have|had|should|must)\b(?!\s+not|['’])"
)


def claims() -> list[tuple[str, str, str]]:
    """(claim, kind, file) with kind true, speaker or negation."""
    gold = json.loads((need("data/polnear-dev") / "gold.json").read_text())
    out: list[tuple[str, str, str]] = []
    for name, g in sorted(gold.items()):
        named = [a for a in g["attributions"] if a["source_type"] == "named"]
        sources = sorted({a["source"] for a in named})
        for a in named:
            content = " ".join(a["content"].split()).strip(" ,.\"“”'")
            if a["cue"].lower() not in SPEECH or not 6 <= len(content.split()) <= 30:
                continue
            out.append((f"{a['source']} said {content}.", "true", name))
            other = next((s for s in sources if not _overlap(s, a["source"])), None)
            if other is not None:
                out.append((f"{other} said {content}.", "speaker", name))
            negated = _AUX.sub(r"\1 not", content, count=1)
            if negated != content:
                out.append((f"{a['source']} said {negated}.", "negation", name))
    return out


def _overlap(a: str, b: str) -> bool:
    """Do two source strings share a name word ("Trump", "Mr. Trump")?"""
    wa = {w for w in re.findall(r"[A-Z][\w'-]+", a)} - {"Mr", "Mrs", "Ms", "The"}
    wb = {w for w in re.findall(r"[A-Z][\w'-]+", b)} - {"Mr", "Mrs", "Ms", "The"}
    return bool(wa & wb) or not wa or not wb


def main() -> None:
    doc = process([str(need("data/polnear-dev/articles"))])
    stories = [story_to_dict(s) for s in doc.stories]
    pairs = [(text, kind) for text, kind, _ in claims()]
    verdicts, times = check_all(pairs, stories, ["true", "speaker", "negation"])
    report(verdicts, times, len(stories), ["speaker", "negation"], frozenset(SUPPORTED))


if __name__ == "__main__":
    main()
