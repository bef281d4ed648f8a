"""The one data model every stage reads and writes.

Articles carry their clean text plus everything needed to follow any offset in
it back to the text the reader produced (``source_text``): the ``OffsetMap``.
Later stages (extraction, stories) add their own value objects here.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from datetime import date, timedelta
from datetime import date as _date  # for classes with a field named "date"
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
    derived_from: str | None = None  # a rewrite, shortening or translation of that article
    record_id: str | None = None  # the input's own id, to join results back to the source data

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

    def __post_init__(self) -> None:
        # file names and messages may hold undecodable bytes (surrogates):
        # an error must always be printable and storable
        from corroborate.text.normalise import valid_text

        object.__setattr__(self, "path", valid_text(self.path))
        object.__setattr__(self, "error", valid_text(self.error))

    def __str__(self) -> str:
        return f"{self.path}: {self.error}"


EntityType = Literal["person", "org", "place", "group", "misc"]
Qualifier = Literal[
    "exact", "about", "nearly", "at least", "more than", "up to", "less than", "range"
]  # fmt: skip
Granularity = Literal["day", "weekend", "week", "month", "season", "year", "decade"]


@dataclass(slots=True, frozen=True)
class Span:
    """Evidence: ``text`` is ``article.text[start:end]`` of the article ``article``."""

    article: str
    start: int
    end: int
    text: str


@dataclass(slots=True, frozen=True)
class Mention:
    """One occurrence of a name in an article.

    ``name`` is the surface form with titles and possessives stripped
    ("President Zelensky's" -> "Zelensky"); ``title`` keeps the stripped title.
    """

    span: Span
    name: str
    type: EntityType
    title: str | None = None


@dataclass(slots=True)
class Entity:
    """One real-world referent: all its mentions, in one article or a whole story.

    ``name`` is the fullest form seen; ``aliases`` every other form (surname
    only, acronym, transliteration variants, possessive descriptions).
    """

    id: str
    name: str
    type: EntityType
    aliases: list[str] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    role: str | None = None

    @property
    def articles(self) -> list[str]:
        return list(dict.fromkeys(m.span.article for m in self.mentions))


@dataclass(slots=True, frozen=True)
class TimeRef:
    """A date expression resolved to the interval ``[start, end]`` (inclusive).

    ``start``/``end`` are None when the expression could not be anchored (a
    relative phrase in an article with no known date). ``anchor`` is the date
    it was resolved against and ``anchor_source`` where that date came from.
    """

    span: Span
    start: date | None
    end: date | None
    granularity: Granularity
    anchor: date | None = None
    anchor_source: Literal["published", "inferred", "explicit", "none"] = "none"

    @property
    def iso(self) -> str | None:
        """ISO 8601: a day, a month (2024-12), a year, or an interval (a/b)."""
        if self.start is None or self.end is None:
            return None
        if self.start == self.end:
            return self.start.isoformat()
        s, e = self.start, self.end
        whole_month = s.day == 1 and (e + timedelta(days=1)).day == 1
        if whole_month and (s.year, s.month) == (e.year, e.month):
            return s.isoformat()[:7]
        if (s.month, s.day, e.month, e.day) == (1, 1, 12, 31) and s.year == e.year:
            return str(s.year)
        return f"{self.start.isoformat()}/{self.end.isoformat()}"


@dataclass(slots=True)
class Statement:
    """Something a source said: a direct quote or reported (indirect) speech.

    ``speaker`` is the resolved name (an entity's name, or the description the
    text gives when no name is linked); ``speaker_id`` the entity id if any.
    """

    speaker: str | None
    text: str
    direct: bool
    evidence: list[Span]
    speaker_id: str | None = None
    role: str | None = None
    cue: str | None = None
    kind: str = "speech"  # speech, belief, evidence or stance (extract.lexicon.CUE_KINDS)
    polarity: str = "positive"  # "negative": the source denies the content ("X denied that ...")


@dataclass(slots=True)
class Figure:
    """A reported count or share.

    ``value`` is the point value (None for vague amounts such as "hundreds",
    which only have ``low``/``high``); ``unit`` is an ISO currency code for
    money, "percent", or a unit symbol ("km", "acre", "magnitude") for a
    physical measure; ``low``/``high`` bound it as far as the
    qualifier says ("at least 300" -> low 300, high None). ``attributed_to``
    names the sources it is credited to ("according to the NIS"); ``via``
    whoever relayed it ("a lawmaker said, citing the NIS").
    """

    measure: str
    value: float | None
    low: float | None
    high: float | None
    qualifier: Qualifier
    evidence: list[Span]
    subject: str | None = None
    unit: str | None = None
    as_of: TimeRef | None = None
    attributed_to: list[str] = field(default_factory=list)
    attributed_ids: list[str] = field(default_factory=list)
    via: str | None = None
    claim: str | None = None  # the story claim this figure supports (cross-checking)
    origins: list[str] = field(default_factory=list)  # that claim's independent origins
    kind: str = "count"  # count, money, percent or measure (a physical unit)
    noun: str | None = None  # the noun phrase as written ("rushing yards", "crew members")
    change: str | None = None  # "up" or "down" when the figure is a change ("up 5%")


@dataclass(slots=True)
class Extraction:
    """Everything extracted from one article (or merged over a story)."""

    articles: list[str] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    dates: list[TimeRef] = field(default_factory=list)


@dataclass(slots=True)
class Support:
    """One article's report of a claim: what it said, credited to whom."""

    article: str
    outlet: str | None
    evidence: Span
    origin: str  # the primary source: the credited source, else the outlet itself
    value: str | None = None  # the figure as that article gave it ("about 300")
    as_of: str | None = None
    copies: list[str] = field(default_factory=list)  # articles that reprint this one
    amount: float | None = None  # the figure as one number (a range's middle), for charts


@dataclass(slots=True)
class Claim:
    """A figure or statement as several articles report it.

    ``origins`` are the distinct primary sources behind the reports: three
    outlets relaying one agency are one origin. Copies of an article (wire
    reprints) add no support and no origin.
    """

    id: str
    kind: Literal["figure", "statement"]
    text: str
    support: list[Support]
    origins: list[str]
    measure: str | None = None
    subject: str | None = None
    low: float | None = None
    high: float | None = None
    as_of: str | None = None
    speaker: str | None = None
    speaker_named: bool = True  # False: a description ("one of them", "a US official")

    @property
    def independent_sources(self) -> int:
        return len(self.origins)

    @property
    def articles(self) -> list[str]:
        return list(dict.fromkeys(s.article for s in self.support))


@dataclass(slots=True)
class Conflict:
    """Figures for one measure, subject and time that cannot all be true."""

    measure: str
    subject: str | None
    as_of: str | None
    claims: list[str]  # claim ids, one per competing value
    values: list[Support]
    reason: str


@dataclass(slots=True)
class Estimates:
    """Competing values of one quantity side by side: every figure claim of
    one measure and subject, in order, with who gave it and as of when. They
    are shown without being called a conflict; ``contested`` says whether a
    conflict among them is reported."""

    measure: str
    subject: str | None
    claims: list[str]  # claim ids, earliest and lowest first
    contested: bool = False


@dataclass(slots=True)
class Evolution:
    """How one measure's figure changed over time, report by report."""

    measure: str
    subject: str | None
    points: list[Support]


@dataclass(slots=True)
class TimelineEntry:
    """A dated event: the date, and the sentence that reports it."""

    date: str
    start: _date
    text: str
    evidence: list[Span]


@dataclass(slots=True)
class SummarySentence:
    """A sentence of the brief, with the evidence for it (its own span first)."""

    text: str
    citations: list[Span]
    claims: list[str] = field(default_factory=list)
    origins: list[str] = field(default_factory=list)
    # written by corroborate from the reports it cites (a conflict in words),
    # not a sentence of an article: its citations are all evidence, none its own
    composed: bool = False


@dataclass(slots=True)
class SourceRef:
    """An article as a source of the story, with the sites that reprinted it."""

    article: str
    outlet: str | None
    published: date | None
    url: str | None
    title: str | None
    language: str | None
    copies: list[str] = field(default_factory=list)


StoryState = Literal["single-source", "developing", "corroborated", "contested"]


@dataclass(slots=True)
class Story:
    """A group of articles about one event, with its cross-checked brief."""

    id: str
    title: str
    articles: list[str] = field(default_factory=list)
    extraction: Extraction | None = None
    first_seen: date | None = None
    last_seen: date | None = None
    claims: list[Claim] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
    evolution: list[Evolution] = field(default_factory=list)
    estimates: list[Estimates] = field(default_factory=list)
    timeline: list[TimelineEntry] = field(default_factory=list)
    summary: list[SummarySentence] = field(default_factory=list)
    sources: list[SourceRef] = field(default_factory=list)
    state: StoryState = "single-source"
    state_reason: str = ""
    # other stories about a look-alike or neighbouring occurrence (shared
    # names, places, figures), by id: shown beside the story, never merged
    related: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Document:
    """The result of one run: what the JSON output serialises."""

    articles: list[Article] = field(default_factory=list)
    stories: list[Story] = field(default_factory=list)
    errors: list[InputError] = field(default_factory=list)


def chronological(article: Article) -> tuple[date, str]:
    """The canonical article order: publication date (undated last), then id."""
    return (article.published or date.max, article.id)
