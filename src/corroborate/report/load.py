"""Stories back from their JSON form (what the store keeps and the API serves),
for rendering: the brief's parts as model objects (no extraction)."""

from __future__ import annotations

from datetime import date
from typing import Any

from corroborate.model import (
    Claim,
    Conflict,
    Evolution,
    SourceRef,
    Span,
    Story,
    SummarySentence,
    Support,
    TimelineEntry,
)


def _span(d: dict[str, Any]) -> Span:
    return Span(d["article"], d["start"], d["end"], d["text"])


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _support(d: dict[str, Any]) -> Support:
    return Support(d["article"], d["outlet"], _span(d["evidence"]), d["origin"], d["value"],
                   d["as_of"], list(d["copies"]), d.get("amount"))  # fmt: skip


def story_from_dict(d: dict[str, Any]) -> Story:
    claims = [
        Claim(
            c["id"],
            c["kind"],
            c["text"],
            [_support(x) for x in c["support"]],
            list(c["origins"]),
            c["measure"],
            c["subject"],
            c["low"],
            c["high"],
            c["as_of"],
            c["speaker"],
        )
        for c in d["claims"]
    ]
    conflicts = [
        Conflict(
            c["measure"],
            c["subject"],
            c["as_of"],
            list(c["claims"]),
            [_support(v) for v in c["values"]],
            c["reason"],
        )
        for c in d["conflicts"]
    ]
    evolution = [
        Evolution(e["measure"], e["subject"], [_support(p) for p in e["points"]])
        for e in d["evolution"]
    ]
    timeline = []
    for t in d["timeline"]:
        head = t["date"].split("/")[0]
        start = date.fromisoformat(head if len(head) == 10 else (head + "-01")[:10])
        timeline.append(
            TimelineEntry(t["date"], start, t["text"], [_span(x) for x in t["evidence"]])
        )
    summary = [
        SummarySentence(
            x["text"], [_span(c) for c in x["citations"]], list(x["claims"]), list(x["origins"])
        )
        for x in d["summary"]
    ]
    sources = [
        SourceRef(
            x["article"],
            x["outlet"],
            _day(x["published"]),
            x["url"],
            x["title"],
            x["language"],
            list(x["copies"]),
        )
        for x in d["sources"]
    ]
    return Story(
        id=d["id"],
        title=d["title"],
        articles=list(d["articles"]),
        first_seen=_day(d["first_seen"]),
        last_seen=_day(d["last_seen"]),
        claims=claims,
        conflicts=conflicts,
        evolution=evolution,
        timeline=timeline,
        summary=summary,
        sources=sources,
        state=d["state"],
        state_reason=d["state_reason"],
    )
