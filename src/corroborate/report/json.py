"""The JSON output document (schema in ``document-v1.schema.json``)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from corroborate.model import (
    Article,
    Claim,
    Document,
    Entity,
    Extraction,
    Figure,
    Span,
    Statement,
    Story,
    Support,
    TimeRef,
)
from corroborate.report.output import write_text

SCHEMA_VERSION = "1"
SCHEMA_PATH = Path(__file__).with_name("document-v1.schema.json")


def article_to_dict(a: Article, with_source: bool = False) -> dict[str, Any]:
    out: dict[str, Any] = {
        "id": a.id,
        "record_id": a.record_id,
        "path": a.path,
        "format": a.format,
        "url": a.url,
        "outlet": a.outlet,
        "title": a.title,
        "author": a.author,
        "published": a.published.isoformat() if a.published else None,
        "language": a.language,
        "text": a.text,
        "sentences": [{"start": s.start, "end": s.end} for s in a.sentences],
        "removed": [
            {"text": r.text, "reason": r.reason, "start": r.start, "end": r.end} for r in a.removed
        ],
        "offset_map": [list(seg) for seg in a.offset_map.segments],
        "duplicate_of": a.duplicate_of,
        "derived_from": a.derived_from,
    }
    if with_source:
        out["source_text"] = a.source_text
    return out


def span_to_dict(sp: Span) -> dict[str, Any]:
    return {"article": sp.article, "start": sp.start, "end": sp.end, "text": sp.text}


def entity_to_dict(e: Entity) -> dict[str, Any]:
    return {
        "id": e.id,
        "name": e.name,
        "type": e.type,
        "aliases": list(e.aliases),
        "role": e.role,
        "articles": e.articles,
        "mentions": [span_to_dict(m.span) for m in e.mentions],
    }


def statement_to_dict(s: Statement) -> dict[str, Any]:
    return {
        "speaker": s.speaker,
        "speaker_id": s.speaker_id,
        "named": s.speaker_id is not None,
        "role": s.role,
        "text": s.text,
        "direct": s.direct,
        "cue": s.cue,
        "kind": s.kind,
        "polarity": s.polarity,
        "evidence": [span_to_dict(e) for e in s.evidence],
    }


def time_to_dict(t: TimeRef) -> dict[str, Any]:
    return {
        "text": t.span.text,
        "value": t.iso,
        "start": t.start.isoformat() if t.start else None,
        "end": t.end.isoformat() if t.end else None,
        "granularity": t.granularity,
        "anchor": t.anchor.isoformat() if t.anchor else None,
        "anchor_source": t.anchor_source,
        "evidence": [span_to_dict(t.span)],
    }


def figure_to_dict(f: Figure) -> dict[str, Any]:
    return {
        "measure": f.measure,
        "kind": f.kind,
        "noun": f.noun,
        "change": f.change,
        "value": f.value,
        "low": f.low,
        "high": f.high,
        "qualifier": f.qualifier,
        "unit": f.unit,
        "subject": f.subject,
        "as_of": f.as_of.iso if f.as_of else None,
        "attributed_to": list(f.attributed_to),
        "via": f.via,
        "claim": f.claim,
        "origins": list(f.origins),
        "independent_sources": len(f.origins),
        "evidence": [span_to_dict(e) for e in f.evidence],
    }


def extraction_to_dict(ex: Extraction) -> dict[str, Any]:
    return {
        "entities": [entity_to_dict(e) for e in ex.entities],
        "statements": [statement_to_dict(s) for s in ex.statements],
        "figures": [figure_to_dict(f) for f in ex.figures],
        "dates": [time_to_dict(t) for t in ex.dates],
    }


def support_to_dict(s: Support) -> dict[str, Any]:
    return {
        "article": s.article,
        "outlet": s.outlet,
        "origin": s.origin,
        "value": s.value,
        "as_of": s.as_of,
        "copies": list(s.copies),
        "amount": s.amount,
        "evidence": span_to_dict(s.evidence),
    }


def claim_to_dict(c: Claim) -> dict[str, Any]:
    return {
        "id": c.id,
        "kind": c.kind,
        "text": c.text,
        "measure": c.measure,
        "subject": c.subject,
        "low": c.low,
        "high": c.high,
        "as_of": c.as_of,
        "speaker": c.speaker,
        "speaker_named": c.speaker_named,
        "articles": c.articles,
        "origins": list(c.origins),
        "independent_sources": c.independent_sources,
        "single_sourced": c.independent_sources <= 1,
        "outlets": _outlets(c),
        "reported_by": len(_outlets(c)),
        "support": [support_to_dict(x) for x in c.support],
    }


def _outlets(c: Claim) -> list[str]:
    """The outlets (or, unnamed, the articles) that report a claim: "reported
    by N outlets, from K independent origins"."""
    return list(dict.fromkeys(x.outlet or x.article for x in c.support))


def _estimate(c: Claim) -> dict[str, Any]:
    """One value of a quantity as the coverage gives it: who, as of when, how widely."""
    return {
        "claim": c.id,
        "value": c.support[0].value if c.support else c.text,
        "low": c.low,
        "high": c.high,
        "as_of": c.as_of,
        "origins": list(c.origins),
        "outlets": _outlets(c),
        "reports": len(c.support),
    }


def story_to_dict(s: Story) -> dict[str, Any]:
    ex = s.extraction or Extraction()
    out: dict[str, Any] = {
        "id": s.id,
        "title": s.title,
        "articles": list(s.articles),
        "first_seen": s.first_seen.isoformat() if s.first_seen else None,
        "last_seen": s.last_seen.isoformat() if s.last_seen else None,
        "state": s.state,
        "state_reason": s.state_reason,
        "related": list(s.related),
    }
    out.update(extraction_to_dict(ex))
    out["claims"] = [claim_to_dict(c) for c in s.claims]
    out["conflicts"] = [
        {
            "measure": c.measure,
            "subject": c.subject,
            "as_of": c.as_of,
            "claims": list(c.claims),
            "reason": c.reason,
            "values": [support_to_dict(v) for v in c.values],
            "evidence": [span_to_dict(v.evidence) for v in c.values],
        }
        for c in s.conflicts
    ]
    out["evolution"] = [
        {
            "measure": e.measure,
            "subject": e.subject,
            "points": [support_to_dict(p) for p in e.points],
        }
        for e in s.evolution
    ]
    claims = {c.id: c for c in s.claims}
    out["estimates"] = [
        {
            "measure": e.measure,
            "subject": e.subject,
            "contested": e.contested,
            "values": [_estimate(claims[i]) for i in e.claims if i in claims],
        }
        for e in s.estimates
    ]
    out["timeline"] = [
        {"date": t.date, "text": t.text, "evidence": [span_to_dict(x) for x in t.evidence]}
        for t in s.timeline
    ]
    out["summary"] = [
        {
            "text": x.text,
            "claims": list(x.claims),
            "origins": list(x.origins),
            "citations": [span_to_dict(c) for c in x.citations],
            "composed": x.composed,
        }
        for x in s.summary
    ]
    out["sources"] = [
        {
            "article": x.article,
            "outlet": x.outlet,
            "published": x.published.isoformat() if x.published else None,
            "url": x.url,
            "title": x.title,
            "language": x.language,
            "copies": list(x.copies),
        }
        for x in s.sources
    ]
    return out


def document_to_dict(doc: Document, with_source: bool = False) -> dict[str, Any]:
    return {
        "schema_version": SCHEMA_VERSION,
        "articles": [article_to_dict(a, with_source) for a in doc.articles],
        "stories": [story_to_dict(s) for s in doc.stories],
        "errors": [{"path": e.path, "error": e.error} for e in doc.errors],
    }


def write_json(doc: Document, target: str, with_source: bool = False) -> None:
    """Write the document to ``target`` (``-`` for stdout) atomically."""
    data = document_to_dict(doc, with_source)
    write_text(target, json.dumps(data, ensure_ascii=False, indent=2) + "\n")
