"""Incremental ingest: new articles join or create stories in the store.

1. Read and clean the inputs; skip articles already stored (content ids);
   store each new one with its clustering features in its own transaction.
2. Link: rebuild the story index from the stored feature vectors (no text is
   re-read and nothing is re-extracted) and group it into stories.
3. Re-brief only what changed: a story is recomputed (copies, cross-check,
   brief) when its set of articles differs from what the store holds or it
   has articles not yet in any story; stories that no longer exist (merged
   into another) are dropped. Its articles' extractions are read back from
   the store (``extractions``); only new articles, and undated ones whose
   story gained an earlier date, are extracted.

A run killed at any point leaves every committed article in place; the next
run stores the rest and finishes the stories (articles without a story are
always picked up).
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from contextlib import ExitStack
from dataclasses import dataclass, field
from typing import TypeVar

from sqlalchemy.exc import OperationalError, SQLAlchemyError

from corroborate.config import Config
from corroborate.dedupe import find_duplicates, mark_copies
from corroborate.model import Article, InputError, Story
from corroborate.pipeline import RunContext, default_steps, make_story, run_pipeline, story_id
from corroborate.store import Store, extractions, links
from corroborate.stories.cluster import StoryIndex
from corroborate.stories.features import featurize

T = TypeVar("T")
R = TypeVar("R")


@dataclass(slots=True)
class IngestResult:
    added: list[str] = field(default_factory=list)
    skipped: int = 0
    stories_updated: list[str] = field(default_factory=list)
    stories_removed: list[str] = field(default_factory=list)
    errors: list[InputError] = field(default_factory=list)


def ingest_paths(
    store: Store,
    paths: list[str],
    config: Config | None = None,
    ctx: RunContext | None = None,
    on_article: Callable[[Article], None] | None = None,
    jobs: int = 1,
) -> IngestResult:
    """Read ``paths`` into the store and update the stories they touch
    (``jobs`` worker processes clean articles and build stories)."""
    ctx = ctx or RunContext()
    doc = run_pipeline(default_steps(paths, config, jobs), ctx)
    result = add_articles(store, doc.articles, on_article, jobs)
    result.errors = list(doc.errors)
    return result


def add_articles(
    store: Store,
    articles: list[Article],
    on_article: Callable[[Article], None] | None = None,
    jobs: int = 1,
) -> IngestResult:
    result = IngestResult()
    with store.ingest_lock():  # one ingest at a time per store, across processes
        known = store.known(a.id for a in articles)
        for a in articles:
            if a.id in known:
                result.skipped += 1
                continue
            if store.add_article(a, featurize(a)):
                result.added.append(a.id)
                known.add(a.id)
                if on_article is not None:
                    on_article(a)
            else:
                result.skipped += 1
        result.stories_updated, result.stories_removed = update_stories(store, jobs)
    return result


def update_stories(
    store: Store, jobs: int = 1, rebuild: bool = False
) -> tuple[list[str], list[str]]:
    """Bring the stored stories in line with the stored articles.

    ``jobs`` > 1 builds the changed stories (extraction, cross-check, brief
    and chart) in worker processes; the store is written by this process
    only, one story per transaction, in the same order either way.
    ``rebuild`` re-derives every story, changed or not.

    A story that fails to build or save is recorded (``story_errors``) and
    skipped: the stories before and after it are saved, the failed one keeps
    its previous version if it had one, and the next ingest tries it again.
    A store that fails (``OperationalError``: full, read-only, gone) stops
    the update: nothing else could be saved either."""
    feats = store.features()
    if not feats:
        return [], []
    index = StoryIndex()
    index.add_features(feats)
    current = store.story_of()
    existing = set() if rebuild else store.story_ids() - store.unrendered_story_ids()
    existing -= {e["story_id"] for e in store.story_errors()}  # failed last time: retried
    members: dict[str, set[str]] = {}
    for a, s in current.items():
        if s is not None:
            members.setdefault(s, set()).add(a)
    kept: set[str] = set()
    todo: list[list[str]] = []
    groups = index.clusters()
    for group in groups:
        owners = {current.get(a) for a in group}
        if len(owners) == 1 and None not in owners:
            (sid,) = owners
            if sid is not None and members.get(sid) == set(group) and sid in existing:
                kept.add(sid)  # unchanged: keep its brief as it is
                continue
        todo.append(group)
    updated: list[str] = []
    failed_now: set[str] = set()
    loads = ((store.articles(group), extractions.load(store.engine, group)) for group in todo)
    with ExitStack() as stack:
        if jobs > 1 and len(todo) > 1:
            pool = stack.enter_context(ProcessPoolExecutor(min(jobs, len(todo))))
            built = _in_order(pool, try_build_story, loads, window=2 * jobs)
        else:
            built = map(try_build_story, loads)
        for group, outcome in zip(todo, built, strict=True):
            if isinstance(outcome, Failure):
                kept.update(_story_failed(store, current, group, outcome))
                failed_now.add(outcome.story_id)
                continue
            story, articles, brief_html, fresh = outcome
            try:
                extractions.save(store.engine, fresh)
                store.save_story(story, articles, brief_html)
            except OperationalError:
                raise  # the store itself failed: nothing else can be saved
            except (SQLAlchemyError, ValueError) as exc:
                kept.update(_story_failed(store, current, group, Failure(story.id, _describe(exc))))
                failed_now.add(story.id)
                continue
            kept.add(story.id)
            updated.append(story.id)
    removed = sorted(store.story_ids() - kept)
    for sid in removed:
        store.drop_story(sid)
    _link_stories(store, index, groups, current, set(removed))
    # every story that failed before was retried above (it is never "existing"),
    # so only this run's failures still stand
    store.keep_story_errors(failed_now)
    return updated, removed


def _link_stories(
    store: Store,
    index: StoryIndex,
    groups: list[list[str]],
    before: dict[str, str | None],
    removed: set[str],
) -> None:
    """Save related stories, and where each removed story's articles went
    (its id is answered with a redirect from then on)."""
    after = store.story_of()
    links.record_moves(store.engine, links.moves(before, after, removed))
    links.forget_moves(store.engine)
    ids = [after.get(group[0]) for group in groups]
    related: dict[str, set[str]] = {}
    for sid, others in zip(ids, index.related(groups), strict=True):
        found = {r for o in others if (r := ids[o]) is not None and r != sid}
        if sid is not None and found:
            related[sid] = found
    links.save_related(store.engine, related)


def rebuild_stories(store: Store, jobs: int = 1) -> tuple[list[str], list[str]]:
    """Re-derive every story from the stored articles (the same stories a
    fresh ingest of the same articles makes)."""
    with store.ingest_lock():
        return update_stories(store, jobs, rebuild=True)


@dataclass(slots=True, frozen=True)
class Failure:
    """A story that could not be built: the id it would have had, and why."""

    story_id: str
    error: str


def _story_failed(
    store: Store, current: dict[str, str | None], group: list[str], failure: Failure
) -> set[str]:
    """Record a failed story; return the stories its articles were in (kept
    as they were until the story builds)."""
    store.record_story_error(failure.story_id, sorted(group), failure.error)
    return {s for a in group if (s := current.get(a)) is not None}


def _describe(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    return f"{type(exc).__name__}: {text}"[:500]


Built = tuple[Story, list[Article], str, extractions.Rows]


def try_build_story(load: tuple[list[Article], extractions.Rows]) -> Built | Failure:
    """``build_story``, or the error that stopped it (as text: an exception
    may not survive the trip back from a worker process). MemoryError and
    RecursionError are caught too: one story's failure must not stop the others."""
    try:
        return build_story(*load)
    except Exception as exc:
        return Failure(story_id(load[0]), _describe(exc))


def build_story(articles: list[Article], rows: extractions.Rows | None = None) -> Built:
    """One story from its articles: copies marked, extracted (or read back
    from ``rows``, its articles' stored extractions), cross-checked, briefed,
    and its brief rendered to HTML (what a story page serves). Also returns
    the extractions made here, for the store to keep."""
    from corroborate.extract.stored import StoredExtractions
    from corroborate.report.html import render_story_section

    mark_copies(articles, find_duplicates(articles))
    stored = StoredExtractions(rows)
    story = make_story(articles, stored)
    return story, articles, render_story_section(story, articles), stored.fresh


def _in_order(pool: Executor, fn: Callable[[T], R], items: Iterable[T], window: int) -> Iterator[R]:
    """``pool.map`` that keeps at most ``window`` items in flight (so only a
    few stories' articles are loaded at once), results in input order."""
    pending: deque[Future[R]] = deque()
    for item in items:
        pending.append(pool.submit(fn, item))
        if len(pending) >= window:
            yield pending.popleft().result()
    while pending:
        yield pending.popleft().result()
