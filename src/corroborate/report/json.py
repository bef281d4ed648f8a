"""The JSON output document (schema in ``document-v1.schema.json``)."""

from __future__ import annotations

import json
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

from corroborate.model import Article, Document, Story

SCHEMA_VERSION = "1"
SCHEMA_PATH = Path(__file__).with_name("document-v1.schema.json")


def article_to_dict(a: Article, with_source: bool = False) -> dict[str, Any]:
    out: dict[str, Any] = {
        "id": a.id,
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
    }
    if with_source:
        out["source_text"] = a.source_text
    return out


def story_to_dict(s: Story) -> dict[str, Any]:
    return {"id": s.id, "title": s.title, "articles": list(s.articles)}


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
    if target == "-":
        json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return
    path = Path(target)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(data, fh, ensure_ascii=False, indent=2)
            fh.write("\n")
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
