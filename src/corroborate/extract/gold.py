"""Score extraction against an annotated gold set (JSON lines).

Each line: ``{"id", "published", "text", "figures": [[value, measure, source|null]],
"statements": [[speaker, direct, snippet]], "aliases": [[name, ...]],
"distinct": [[name, name]], "dates": [[text, iso]]}``. A figure counts as right
when value (or lower bound), measure and source all agree; a statement is
found when a predicted statement contains the snippet, and its speaker is
right when the names agree (or one is an alias of the other).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from corroborate.extract import extract
from corroborate.extract.names import fold
from corroborate.model import Entity, Extraction


@dataclass(slots=True)
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0


@dataclass(slots=True)
class GoldScore:
    figures: Counts = field(default_factory=Counts)
    statements: Counts = field(default_factory=Counts)
    speaker_right: int = 0
    speaker_total: int = 0
    dates: Counts = field(default_factory=Counts)
    alias_groups: int = 0
    alias_merged: int = 0
    wrong_merges: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def speaker_accuracy(self) -> float:
        return self.speaker_right / self.speaker_total if self.speaker_total else 1.0

    def as_dict(self) -> dict[str, float | int]:
        return {
            "figures_precision": round(self.figures.precision, 4),
            "figures_recall": round(self.figures.recall, 4),
            "statements_precision": round(self.statements.precision, 4),
            "statements_recall": round(self.statements.recall, 4),
            "speaker_accuracy": round(self.speaker_accuracy, 4),
            "dates_precision": round(self.dates.precision, 4),
            "dates_recall": round(self.dates.recall, 4),
            "alias_merge_recall": round(self.alias_merged / self.alias_groups, 4)
            if self.alias_groups
            else 1.0,
            "wrong_merges": self.wrong_merges,
        }


def load_gold(path: str | Path) -> list[dict[str, Any]]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def _same_name(a: str, b: str, ents: list[Entity]) -> bool:
    fa, fb = fold(a).removeprefix("the "), fold(b).removeprefix("the ")
    if fa and fb and (fa in fb or fb in fa):
        return True
    for e in ents:
        names = [fold(n) for n in [e.name, *e.aliases]]
        if any(fa == n or fa in n for n in names) and any(fb == n or fb in n for n in names):
            return True
    return False


def _entity_of(name: str, ents: list[Entity]) -> Entity | None:
    f = fold(name)
    return next((e for e in ents if f in {fold(n) for n in [e.name, *e.aliases]}), None)


def score_item(item: dict[str, Any], ex: Extraction, score: GoldScore) -> None:
    """Add one passage's comparison to ``score``."""
    ents = ex.entities
    gid = item["id"]
    # figures
    unmatched = list(ex.figures)
    for value, measure, source in item.get("figures", []):
        hit = None
        for f in unmatched:
            v = f.value if f.value is not None else f.low
            src_ok = (
                (not f.attributed_to)
                if source is None
                else any(_same_name(source, s, ents) for s in f.attributed_to)
            )
            if v is not None and abs(v - value) < 1e-6 and f.measure == measure and src_ok:
                hit = f
                break
        if hit is None:
            score.figures.fn += 1
            score.errors.append(f"{gid} figure missed: {value} {measure} per {source}")
        else:
            score.figures.tp += 1
            unmatched.remove(hit)
    for f in unmatched:
        score.figures.fp += 1
        score.errors.append(
            f"{gid} figure extra: {f.value or f.low} {f.measure} per {f.attributed_to}"
        )
    # statements
    left = list(ex.statements)
    for speaker, direct, snippet in item.get("statements", []):
        said = next((s for s in left if fold(snippet) in fold(s.text)), None)
        if said is None:
            score.statements.fn += 1
            score.errors.append(f"{gid} statement missed: {speaker}: {snippet}")
            continue
        left.remove(said)
        score.statements.tp += 1
        score.speaker_total += 1
        if said.speaker and _same_name(speaker, said.speaker, ents) and said.direct == direct:
            score.speaker_right += 1
        else:
            score.errors.append(f"{gid} speaker wrong: {said.speaker!r} for {speaker!r}: {snippet}")
    for s in left:
        score.statements.fp += 1
        score.errors.append(f"{gid} statement extra: {s.speaker}: {s.text[:60]}")
    # dates
    found = [(d.span.text, d.iso) for d in ex.dates]
    for text, iso in item.get("dates", []):
        when = next((x for x in found if fold(text) in fold(x[0]) and x[1] == iso), None)
        if when:
            score.dates.tp += 1
            found.remove(when)
        else:
            score.dates.fn += 1
            score.errors.append(f"{gid} date missed: {text} = {iso} (got {found})")
    if "dates" in item:
        score.dates.fp += len(found)
    # aliases
    for group in item.get("aliases", []):
        score.alias_groups += 1
        owners = {id(_entity_of(n, ents)) if _entity_of(n, ents) else None for n in group}
        if len(owners) == 1 and None not in owners:
            score.alias_merged += 1
        else:
            score.errors.append(f"{gid} aliases not merged: {group}")
    for a, b in item.get("distinct", []):
        ea, eb = _entity_of(a, ents), _entity_of(b, ents)
        if ea is not None and ea is eb:
            score.wrong_merges += 1
            score.errors.append(f"{gid} wrong merge: {a} / {b}")


def score_gold(items: Iterable[dict[str, Any]]) -> GoldScore:
    """Extract every passage and compare with its annotations."""
    from corroborate import clean_article

    score = GoldScore()
    for item in items:
        article = clean_article(item["text"], published=item.get("published"), path=item["id"])
        score_item(item, extract(article), score)
    return score
