"""The JSON API's request and response models (what the OpenAPI document shows)."""

from __future__ import annotations

from datetime import date
from typing import Any

from pydantic import BaseModel, Field


class IngestItem(BaseModel):
    """One article to ingest: its text or HTML, and what is known about it."""

    text: str | None = Field(None, description="Plain article text.")
    html: str | None = Field(None, description="A whole HTML page or a fragment.")
    url: str | None = Field(
        None, description="Where it was published: metadata only, never fetched (offline)."
    )
    title: str | None = None
    published: str | None = Field(None, description="A date: 2025-01-21, 21 January 2025, ...")
    outlet: str | None = None
    author: str | None = None
    language: str | None = None
    id: str | None = Field(
        None, description="Your own id for the record, kept on the article as record_id."
    )


class StorySummary(BaseModel):
    id: str
    title: str
    first_seen: date | None
    last_seen: date | None
    state: str = Field(description="single-source, developing, corroborated or contested")
    state_reason: str
    n_articles: int
    n_sources: int = Field(description="Independent sources (copies do not count).")
    n_conflicts: int
    updated_at: str | None = Field(None, description="When the story last changed (ISO 8601).")
    outlets: list[str] = Field(default_factory=list, description="Who covers it, most first.")
    lede: str | None = Field(None, description="The first sentence of its summary.")


class StoryList(BaseModel):
    total: int
    offset: int
    limit: int
    stories: list[StorySummary]


class SearchHit(BaseModel):
    kind: str = Field(description='"article" or "claim"')
    ref: str = Field(description="The article id, or story id/claim id.")
    story_id: str | None
    title: str | None
    snippet: str


class SearchReply(BaseModel):
    q: str
    total: int = Field(description="Hits in all; page with offset and limit.")
    offset: int
    limit: int
    hits: list[SearchHit]


class CheckRequest(BaseModel):
    claim: str = Field(min_length=3, max_length=1000, description="The claim, as a sentence.")


class CheckEvidence(BaseModel):
    story: str
    claim: str = Field(description="The coverage's claim id.")
    text: str
    value: str | None
    origins: list[str]
    outlets: list[str]
    as_of: str | None
    spans: list[dict[str, Any]] = Field(description="Evidence: article, start, end, text.")


class CheckReply(BaseModel):
    claim: str
    verdict: str = Field(
        description="corroborated, single-source, contested, distorted or not found"
    )
    reason: str
    evidence: list[CheckEvidence]
    competing: list[CheckEvidence] = Field(description="The rival values of a contested claim.")
    searched: list[str] = Field(description="The measures looked for.")


class IngestReply(BaseModel):
    added: list[str]
    skipped: int
    stories_updated: list[str]
    stories_removed: list[str]
    errors: list[str]
