"""Pipeline plumbing: a pipeline is a list of small steps over a stream.

Each step is ``run(items, ctx) -> items`` (a generator), so articles flow
through one at a time and memory stays flat. Bad input never stops the
stream: steps record an ``InputError`` in the context and go on.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Protocol

from corroborate.clean.article import build_article
from corroborate.config import CleanConfig, Config
from corroborate.errors import BadInput
from corroborate.ingest import read_paths
from corroborate.ingest.base import RawRecord, Skipped
from corroborate.model import (
    Article,
    Document,
    InputError,
    Story,
    chronological,
)

if TYPE_CHECKING:
    from corroborate.extract.stored import StoredExtractions


@dataclass(slots=True)
class RunContext:
    """What a run accumulates besides its articles: errors and counters."""

    errors: list[InputError] = field(default_factory=list)
    stats: Counter[str] = field(default_factory=Counter)
    on_error: Callable[[InputError], None] | None = None
    on_item: Callable[[str], None] | None = None
    notes: list[str] = field(default_factory=list)  # worth saying, not errors
    on_note: Callable[[str], None] | None = None
    on_stage: Callable[[str, int | None], None] | None = None  # a stage starts (its total)

    def stage(self, name: str, total: int | None = None) -> None:
        if self.on_stage is not None:
            self.on_stage(name, total)

    def item(self, label: str) -> None:
        if self.on_item is not None:
            self.on_item(label)

    def note(self, text: str) -> None:
        self.notes.append(text)
        if self.on_note is not None:
            self.on_note(text)

    def error(self, err: InputError) -> None:
        self.errors.append(err)
        self.stats["errors"] += 1
        if self.on_error is not None:
            self.on_error(err)


class Step(Protocol):
    name: str

    def run(self, items: Iterable[object], ctx: RunContext) -> Iterator[object]: ...


@dataclass(slots=True)
class Read:
    """Paths -> raw records (one reader per format)."""

    paths: list[str]
    config: Config = field(default_factory=Config)
    name: str = "read"

    def run(self, items: Iterable[object], ctx: RunContext) -> Iterator[object]:
        for item in read_paths(self.paths, self.config.ingest):
            if isinstance(item, Skipped):
                ctx.note(f"{item.path}: {item.reason}")
            elif isinstance(item, InputError):
                ctx.error(item)
            else:
                ctx.stats["records"] += 1
                yield item


def _clean_one(args: tuple[RawRecord, CleanConfig]) -> Article | InputError:
    return clean_record(*args)


def clean_record(record: RawRecord, config: CleanConfig | None = None) -> Article | InputError:
    """One record cleaned into an article, or the error that says why not.

    Any failure on one input (MemoryError and RecursionError included)
    becomes its error: it must not end the batch."""
    try:
        return build_article(record, config)
    except BadInput as exc:
        return InputError(record.path, str(exc))
    except Exception as exc:
        return InputError(
            record.path, f"internal error while cleaning ({type(exc).__name__}: {str(exc)[:200]})"
        )


@dataclass(slots=True)
class Clean:
    """Raw records -> clean articles; ``jobs`` > 1 cleans in worker processes."""

    config: CleanConfig = field(default_factory=CleanConfig)
    jobs: int = 1
    name: str = "clean"

    def run(self, items: Iterable[object], ctx: RunContext) -> Iterator[object]:
        work = ((r, self.config) for r in items if isinstance(r, RawRecord))
        if self.jobs > 1:
            with ProcessPoolExecutor(self.jobs) as pool:
                yield from self.collect(pool.map(_clean_one, work, chunksize=8), ctx)
        else:
            yield from self.collect(map(_clean_one, work), ctx)

    @staticmethod
    def collect(results: Iterable[Article | InputError], ctx: RunContext) -> Iterator[object]:
        for result in results:
            ctx.item(result.path)
            if isinstance(result, InputError):
                ctx.error(result)
            else:
                ctx.stats["articles"] += 1
                yield result


@dataclass(slots=True)
class UniqueIds:
    """Drop an article whose content id was already seen (the same input twice)."""

    name: str = "unique"

    def run(self, items: Iterable[object], ctx: RunContext) -> Iterator[object]:
        seen: set[str] = set()
        for item in items:
            if isinstance(item, Article):
                if item.id in seen:
                    ctx.stats["repeated inputs"] += 1
                    continue
                seen.add(item.id)
            yield item


def run_pipeline(steps: list[Step], ctx: RunContext | None = None) -> Document:
    """Run ``steps`` in order and collect the articles into a ``Document``."""
    ctx = ctx or RunContext()
    stream: Iterable[object] = ()
    for step in steps:
        stream = step.run(stream, ctx)
    articles = [item for item in stream if isinstance(item, Article)]
    return Document(articles=articles, errors=ctx.errors)


def default_steps(paths: list[str], config: Config | None = None, jobs: int = 1) -> list[Step]:
    config = config or Config()
    return [Read(paths, config), Clean(config.clean, jobs), UniqueIds()]


def process(
    paths: list[str],
    config: Config | None = None,
    jobs: int = 1,
    ctx: RunContext | None = None,
    extract: bool = True,
    embeddings: bool = False,
) -> Document:
    """Read, clean and collect everything under ``paths``; with ``extract``,
    also find copies, group the articles into stories and cross-check each
    story (claims, origins, conflicts, brief). ``embeddings`` blends sentence
    embeddings into story links (the ``embeddings`` extra)."""
    ctx = ctx or RunContext()
    doc = run_pipeline(default_steps(paths, config, jobs), ctx)
    if extract and doc.articles:
        doc.stories = build_stories(doc.articles, embeddings, ctx.error, jobs, ctx)
    return doc


def build_stories(
    articles: list[Article],
    embeddings: bool = False,
    on_error: Callable[[InputError], None] | None = None,
    jobs: int = 1,
    ctx: RunContext | None = None,
    builder: StoryBuilder | None = None,
) -> list[Story]:
    """Mark copies, cluster into stories, and cross-check each story
    (``jobs`` > 1: stories are built in worker processes, the same stories;
    ``builder`` builds them elsewhere, as the Ray engine does).

    Stories come largest first, then newest first. A story that fails to
    build is left out and reported to ``on_error`` (its articles are still
    in the document); without ``on_error`` the failure is raised.
    """
    from corroborate.dedupe import find_duplicates, mark_copies
    from corroborate.stories.cluster import ClusterConfig, StoryIndex
    from corroborate.stories.embeddings import SentenceEmbedder

    ctx = ctx or RunContext()
    ctx.stage("finding copies", len(articles))
    copies = find_duplicates(articles)
    mark_copies(articles, copies)
    ctx.stage("grouping into stories", len(articles))
    index = StoryIndex(ClusterConfig(embedder=SentenceEmbedder() if embeddings else None))
    index.add(articles, copies)
    by_id = {a.id: a for a in articles}
    stories = []
    groups = index.clusters()
    built: dict[int, Story] = {}
    ctx.stage("building stories", len(groups))
    member_lists = [[by_id[i] for i in group] for group in groups]
    for g, (members, outcome) in enumerate(
        zip(member_lists, (builder or _built)(member_lists, jobs, ctx), strict=True)
    ):
        if isinstance(outcome, tuple):
            built[g], derived = outcome
            for a in members:  # what the story learnt about its articles
                a.derived_from = derived.get(a.id)
            stories.append(built[g])
        else:
            if on_error is None:
                raise outcome
            exc = outcome
            first = min(members, key=chronological)
            on_error(InputError(
                f"story {story_id(members)} ({len(members)} articles, first {first.path})",
                f"could not be built ({type(exc).__name__}: {str(exc)[:200]}); "
                "its articles are listed without a story",
            ))  # fmt: skip
    for g, others in enumerate(index.related(groups)):
        if g in built:
            built[g].related = sorted(built[o].id for o in others if o in built)
    stories.sort(key=lambda s: (-len(s.articles), -(s.last_seen or date.min).toordinal(), s.id))
    return stories


Built = tuple[Story, dict[str, str | None]] | Exception
# builds every group of articles into a story (or the error), in order
StoryBuilder = Callable[[list[list[Article]], int, "RunContext | None"], list[Built]]


def _build_one(articles: list[Article]) -> Built:
    """A story and its articles' ``derived_from`` (a worker's articles are
    copies: what it sets on them goes back with the story), or the error."""
    try:
        story = make_story(articles)
    except Exception as exc:
        return exc
    return story, {a.id: a.derived_from for a in articles}


def _built(groups: list[list[Article]], jobs: int, ctx: RunContext | None = None) -> list[Built]:
    """Every group built into a story, in order; largest groups go first to
    the workers, so one long story does not finish last alone."""
    ctx = ctx or RunContext()
    if jobs <= 1 or len(groups) < 2:
        out_serial = []
        for members in groups:
            out_serial.append(_build_one(members))
            ctx.item(members[0].path)
        return out_serial
    order = sorted(range(len(groups)), key=lambda g: -len(groups[g]))
    out: list[Built | None] = [None] * len(groups)
    with ProcessPoolExecutor(jobs) as pool:
        for g, result in zip(
            order, pool.map(_build_one, [groups[g] for g in order], chunksize=4), strict=True
        ):
            out[g] = result
            ctx.item(groups[g][0].path)
    return [r for r in out if r is not None]


def make_story(articles: list[Article], stored: StoredExtractions | None = None) -> Story:
    """One story from its articles: extraction merged across them, claims and
    their origins, conflicts, evolution, state, and the brief. ``stored``
    gives articles' stored extractions (and keeps the ones made here)."""
    from corroborate import brief, crosscheck
    from corroborate.conflicts import competing_estimates
    from corroborate.conflicts import conflicts as find_conflicts
    from corroborate.evolution import evolution
    from corroborate.extract import extract_story
    from corroborate.extract.dates import effective_dates
    from corroborate.rewrites import find_rewrites
    from corroborate.statement_claims import statement_claims as find_statement_claims

    # one canonical order (date, then content id): a story never depends on
    # the order its articles arrived in
    articles = sorted(articles, key=chronological)
    derived = find_rewrites(articles)
    for a in articles:
        a.derived_from = derived.get(a.id)
    anchors = effective_dates(articles)  # one date per article, read by every step below
    ex = extract_story(articles, anchors=anchors, extract_one=stored.parts if stored else None)
    claimed = crosscheck.claimed_figures(ex, articles, anchors)
    figure_claims = [c for c, _ in claimed]
    statement_claims = find_statement_claims(ex, articles)
    claims = figure_claims + statement_claims
    crosscheck.unique_ids(claims)
    for claim, figures in claimed:  # each figure learns its claim (ids are final now)
        for f in figures:
            f.claim, f.origins = claim.id, list(claim.origins)
    found = find_conflicts(figure_claims, ex, articles, anchors)
    state, reason = crosscheck.story_state(articles, claims, found)
    dates = [a.published for a in articles if a.published]
    return Story(
        id=story_id(articles),
        title=brief.story_title(articles),
        articles=[a.id for a in articles],
        extraction=ex,
        first_seen=min(dates) if dates else None,
        last_seen=max(dates) if dates else None,
        claims=claims,
        conflicts=found,
        evolution=evolution(figure_claims),
        estimates=competing_estimates(figure_claims, found),
        timeline=brief.timeline(ex, articles),
        summary=brief.with_conflicts(
            brief.summary(
                articles,
                claims,
                stated=(k for c in brief.stated_conflicts(found) for k in c.claims),
            ),
            found,
        ),
        sources=brief.sources(articles),
        state=state,
        state_reason=reason,
    )


def story_id(articles: list[Article]) -> str:
    """A story's id: from its first article in the canonical order."""
    first = min(articles, key=chronological)
    return "s-" + first.id.removeprefix("a-")[:12]


def single_story(articles: list[Article]) -> Story:
    """All ``articles`` as one story (no clustering), cross-checked."""
    from corroborate.dedupe import find_duplicates, mark_copies

    mark_copies(articles, find_duplicates(articles))
    return make_story(articles)
