"""How a figure evolved: per measure and subject, the values reported at
different times (not a conflict: "several hundred" in mid-December, "over
3,000" in January)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from corroborate.crosscheck import _compatible_subjects, subject_key
from corroborate.model import Claim, Evolution, Support


def evolution(claims: Sequence[Claim]) -> list[Evolution]:
    """Per measure and subject, the reported values in time order (two or more)."""
    series: dict[tuple[str, str | None], list[Support]] = {}
    for c in claims:
        if c.kind != "figure" or not c.measure:
            continue
        subj = subject_key(c.subject)
        key = next(
            (
                k
                for k in series
                if k[0] == c.measure and _compatible_subjects(subject_key(k[1]), subj)
            ),
            (c.measure, c.subject),
        )
        series.setdefault(key, []).extend(c.support)
    out = []
    for (measure, subject), points in series.items():
        unique = {(p.as_of, p.value, p.origin): p for p in points if p.as_of}
        dated = sorted(unique.values(), key=lambda p: _sort_date(p.as_of or ""))
        if len({p.value for p in dated}) >= 2 and len({p.as_of for p in dated}) >= 2:
            out.append(Evolution(measure, subject, dated))
    return out


def _sort_date(iso: str) -> date:
    head = iso.split("/")[0]
    parts = head.split("-")
    try:
        if len(parts) == 3:
            return date.fromisoformat(head)
        if len(parts) == 2:
            return date(int(parts[0]), int(parts[1]), 1)
        return date(int(parts[0]), 1, 1)
    except ValueError:
        return date.max
