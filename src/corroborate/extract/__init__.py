"""Extraction with evidence: entities, statements, figures and dates.

``extract(article)`` works on one article; ``extract_story(articles)`` also
merges entities across the articles, resolves descriptions against the whole
story ("the spy agency" -> the NIS another article names) and anchors
relative dates of undated articles on the story's dates.

    >>> from corroborate import clean_article
    >>> from corroborate.extract import extract
    >>> a = clean_article("At least 12 people were killed, police said on Sunday.",
    ...                   published="2025-03-10")
    >>> f = extract(a).figures[0]
    >>> (f.measure, f.value, f.qualifier, f.attributed_to)
    ('killed', 12.0, 'at least', ['police'])
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Literal

from corroborate.extract.dates import AnchorSource, effective_dates, find_dates
from corroborate.extract.descriptions import description_matches
from corroborate.extract.entities import ArticleEntities, build_entities, merge_entities
from corroborate.extract.figures import extract_figures
from corroborate.extract.foreign import extract_foreign_figures
from corroborate.extract.lexicon import DEMONYMS
from corroborate.extract.names import Candidate, find_candidates
from corroborate.extract.statements import Source, extract_statements
from corroborate.model import Article, Entity, Extraction, Figure, Statement
from corroborate.text.scan import Tokens

__all__ = ["ArticleExtraction", "extract", "extract_article", "extract_parts", "extract_story"]

_HEADING = re.compile(r"^[^\n.!?\"“”]{3,120}$")


@dataclass(slots=True)
class ArticleExtraction:
    """One article's extraction, plus what story-level merging needs."""

    extraction: Extraction
    names: ArticleEntities
    statement_sources: list[Source] = field(default_factory=list)
    figure_sources: list[list[Source]] = field(default_factory=list)


def _headings(text: str) -> list[tuple[int, int]]:
    """Lines that are headings: short, without a sentence's punctuation, or a
    title-cased first line ("Sanders Vows To Eliminate Tax Breaks.")."""
    out = []
    pos = 0
    for line in text.split("\n"):
        words = line.split()
        if (
            line
            and len(words) <= 14
            and (_HEADING.match(line) or (pos == 0 and _title_cased(words)))
        ):
            out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def _title_cased(words: list[str]) -> bool:
    long = [w for w in words if len(w) > 3]
    return len(long) >= 3 and sum(w[0].isupper() for w in long) >= 0.8 * len(long)


NameFinder = Callable[[str, list[int], list[tuple[int, int]]], list[Candidate]]

# Extraction reads at most this much of an article: about 15,000 words, more
# than any news report (the longest of the 181 AEB pages is about half of it).
# Several rules look at an item's neighbours, so past this size the cost
# would grow faster than the text; a longer input (a book, a dump) is still
# cleaned, deduplicated and grouped whole.
EXTRACT_CHARS = 100_000


def extract_parts(
    article: Article,
    anchor: date | None = None,
    anchor_source: Literal["published", "inferred", "explicit", "none"] = "published",
    names: NameFinder | None = None,
) -> ArticleExtraction:
    """Everything extracted from one article, with evidence into ``article.text``.

    Extraction is for English: other languages get an empty extraction (they
    are still cleaned, deduplicated and grouped by the other stages).
    ``names`` replaces the built-in name rules (e.g. ``SpacyNames(nlp)``).
    """
    text = article.text
    if article.language not in (None, "en"):  # figures in digits only (extract.foreign)
        text = article.text[:EXTRACT_CHARS]
        sentences = [s for s in article.sentences if s.end <= len(text)]
        figures = extract_foreign_figures(text, sentences, article.id)
        return ArticleExtraction(
            Extraction([article.id], figures=figures), ArticleEntities(article.id, []),
            figure_sources=[[] for _ in figures],
        )  # fmt: skip
    if anchor is None:
        anchor = article.published
        anchor_source = "published" if anchor else "none"
    sentences = article.sentences
    if len(text) > EXTRACT_CHARS:
        sentences = [s for s in sentences if s.end <= EXTRACT_CHARS]
        text = text[: sentences[-1].end if sentences else 0]  # a prefix: offsets hold
    starts = [s.start for s in sentences]
    headings = _headings(text)
    cands = (names or find_candidates)(text, starts, headings)
    ents = build_entities(article.id, text, cands)
    tokens = Tokens(text)
    dates = list(find_dates(text, article.id, anchor, anchor_source, tokens=tokens))
    st = extract_statements(text, sentences, ents, article.id, tokens, headings)
    figures, credited = extract_figures(
        text, sentences, article.id, st.attributions, dates, tokens, ents
    )
    ex = Extraction([article.id], ents.entities, st.statements, figures, dates)
    return ArticleExtraction(ex, ents, st.sources, credited)


def extract(
    article: Article, anchor: date | None = None, names: NameFinder | None = None
) -> Extraction:
    """Entities, statements, figures and dates of one article."""
    src: Literal["explicit", "published"] = "explicit" if anchor else "published"
    return extract_parts(article, anchor, src, names).extraction


extract_article = extract  # the name the package exports (``corroborate.extract`` is this package)


def extract_story(
    articles: Sequence[Article],
    names: NameFinder | None = None,
    anchors: dict[str, tuple[date | None, AnchorSource]] | None = None,
    extract_one: Callable[[Article, date | None, AnchorSource], ArticleExtraction] | None = None,
) -> Extraction:
    """Extract every article and merge the results into one story-level view.

    Each article's relative dates are read against its ``effective_date``
    (``anchors``, computed here when not given): an undated article's against
    the story's earliest publication date, never before a day it gives itself.
    ``extract_one`` replaces ``extract_parts`` (``extract.stored`` reads stored
    extractions back instead of extracting again).
    """
    anchors = anchors if anchors is not None else effective_dates(articles)
    one = extract_one or (lambda a, day, src: extract_parts(a, day, src, names))
    parts = [one(a, *anchors.get(a.id, (None, "none"))) for a in articles]
    return merge_extractions(parts)


def merge_extractions(parts: Sequence[ArticleExtraction]) -> Extraction:
    """Join article extractions: one entity per referent across the story."""
    entities, id_map, countries = merge_entities([p.names for p in parts])
    by_id = {e.id: e for e in entities}
    statements: list[Statement] = []
    figures: list[Figure] = []
    for p in parts:
        for st, src in zip(p.extraction.statements, p.statement_sources, strict=True):
            ent = _story_entity(src, id_map, by_id, entities, countries)
            if ent is not None:
                role = st.role or (ent.role if ent.type == "person" else None)
                st = replace(st, speaker=ent.name if " and " not in (st.speaker or "") else st.speaker,
                             speaker_id=ent.id, role=role)  # fmt: skip
            statements.append(st)
        for fig, srcs in zip(p.extraction.figures, p.figure_sources, strict=True):
            names, ids = [], []
            for src in srcs:
                ent = _story_entity(src, id_map, by_id, entities, countries)
                names.append(ent.name if ent else src.name)
                ids.append(ent.id if ent else "")
            figures.append(replace(fig, attributed_to=list(dict.fromkeys(names)),
                                   attributed_ids=[i for i in dict.fromkeys(ids)]))  # fmt: skip
    return Extraction(
        [a for p in parts for a in p.extraction.articles],
        entities,
        statements,
        figures,
        [d for p in parts for d in p.extraction.dates],
    )


_COUNTRIES = frozenset(DEMONYMS.values())


def _story_entity(
    src: Source,
    id_map: dict[str, str],
    by_id: dict[str, Entity],
    entities: list[Entity],
    countries: dict[str, str],
) -> Entity | None:
    if src.entity is not None:
        return by_id.get(id_map.get(src.entity.id, ""))
    if src.description:
        # only organisations across articles: "a lawmaker" in one article is not
        # the lawmaker another article names
        fits = [e for e in entities if e.type == "org" and description_matches(src.description, e)]
        if src.country in _COUNTRIES:  # ("Seoul's intelligence service": a city, no filter)
            same = [e for e in fits if countries.get(e.id) == src.country]
            fits = same or [e for e in fits if e.id not in countries]
        if len(fits) == 1:
            return fits[0]
    return None
