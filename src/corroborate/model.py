"""The one data model every stage reads and writes.

Articles carry their clean text plus everything needed to follow any offset in
it back to the text the reader produced (``source_text``): the ``OffsetMap``.
Later stages (extraction, stories) add their own value objects here.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from datetime import date
from typing import Literal

Format = Literal["text", "html", "json", "feed", "warc"]


@dataclass(slots=True, frozen=True)
class Sentence:
    """A sentence of an article's clean text, as ``text[start:end]``."""

    start: int
    end: int


@dataclass(slots=True, frozen=True)
class RemovedLine:
    """A line of the source text that cleaning dropped, and why.

    ``start``/``end`` are offsets into the article's ``source_text``.
    """

    text: str
    reason: str
    start: int
    end: int


@dataclass(slots=True, frozen=True)
class OffsetMap:
    """Maps offsets in a clean text back to the source text it was built from.

    ``segments`` are ``(clean_start, source_start, length)`` runs in increasing
    ``clean_start`` order; inside a run, characters correspond one to one (a
    curly quote replaced by a straight one keeps its place). Text inserted by
    cleaning (paragraph breaks, an ellipsis expanded to three dots) maps to the
    source position where it was inserted.

    >>> m = OffsetMap(((0, 5, 3), (5, 20, 4)))
    >>> m.to_source(1), m.to_source(4), m.to_source(6)
    (6, 8, 21)
    """

    segments: tuple[tuple[int, int, int], ...] = ()

    def to_source(self, offset: int) -> int:
        """The source offset of clean offset ``offset`` (end offsets work too)."""
        if not self.segments:
            return offset
        i = bisect.bisect_right(self.segments, offset, key=lambda seg: seg[0]) - 1
        if i < 0:
            return self.segments[0][1]
        clean_start, source_start, length = self.segments[i]
        return source_start + min(offset - clean_start, length)

    def span_to_source(self, start: int, end: int) -> tuple[int, int]:
        """Map a clean ``[start, end)`` span to its source span."""
        if end <= start:
            s = self.to_source(start)
            return s, s
        return self.to_source(start), self.to_source(end - 1) + 1


@dataclass(slots=True)
class Article:
    """One news article after cleaning."""

    id: str
    path: str
    text: str
    source_text: str
    offset_map: OffsetMap
    format: Format = "text"
    url: str | None = None
    outlet: str | None = None
    title: str | None = None
    author: str | None = None
    published: date | None = None
    language: str | None = None
    sentences: list[Sentence] = field(default_factory=list)
    removed: list[RemovedLine] = field(default_factory=list)
    duplicate_of: str | None = None

    def sentence_text(self, sentence: Sentence) -> str:
        return self.text[sentence.start : sentence.end]

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        """Where clean ``text[start:end]`` came from in ``source_text``."""
        return self.offset_map.span_to_source(start, end)


@dataclass(slots=True, frozen=True)
class InputError:
    """One input that could not be read, with a message saying why."""

    path: str
    error: str

    def __str__(self) -> str:
        return f"{self.path}: {self.error}"


@dataclass(slots=True)
class Story:
    """A group of articles about one event (filled in by the stories stage)."""

    id: str
    title: str
    articles: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Document:
    """The result of one run: what the JSON output serialises."""

    articles: list[Article] = field(default_factory=list)
    stories: list[Story] = field(default_factory=list)
    errors: list[InputError] = field(default_factory=list)
