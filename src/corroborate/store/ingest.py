"""Incremental ingest: new articles join or create stories in the store.

1. Read and clean the inputs; skip articles already stored (content ids);
   store each new one with its clustering features in its own transaction.
2. Link: rebuild the story index from the stored feature vectors (no text is
   re-read and nothing is re-extracted) and group it into stories.
3. Re-brief only what changed: a story is recomputed (copies, extraction,
   cross-check, brief) when its set of articles differs from what the store
   holds or it has articles not yet in any story; stories that no longer
   exist (merged into another) are dropped.

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

from corroborate.config import Config
from corroborate.dedupe import find_duplicates
from corroborate.model import Article, InputError, Story
from corroborate.pipeline import RunContext, default_steps, make_story, run_pipeline
from corroborate.store import Store
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


def update_stories(store: Store, jobs: int = 1) -> tuple[list[str], list[str]]:
    """Bring the stored stories in line with the stored articles.

    ``jobs`` > 1 builds the changed stories (extraction, cross-check, brief
    and chart) in worker processes; the store is written by this process
    only, one story per transaction, in the same order either way."""
    feats = store.features()
    if not feats:
        return [], []
    index = StoryIndex()
    index.add_features(feats)
    current = store.story_of()
    existing = store.story_ids() - store.unrendered_story_ids()  # those are redone
    members: dict[str, set[str]] = {}
    for a, s in current.items():
        if s is not None:
            members.setdefault(s, set()).add(a)
    kept: set[str] = set()
    todo: list[list[str]] = []
    for group in index.clusters():
        owners = {current.get(a) for a in group}
        if len(owners) == 1 and None not in owners:
            (sid,) = owners
            if members.get(sid) == set(group) and sid in existing:
                kept.add(sid)  # unchanged: keep its brief as it is
                continue
        todo.append(group)
    updated: list[str] = []
    loads = (store.articles(group) for group in todo)
    with ExitStack() as stack:
        if jobs > 1 and len(todo) > 1:
            pool = stack.enter_context(ProcessPoolExecutor(min(jobs, len(todo))))
            built = _in_order(pool, build_story, loads, window=2 * jobs)
        else:
            built = map(build_story, loads)
        for story, articles, brief_html in built:
            store.save_story(story, articles, brief_html)
            kept.add(story.id)
            updated.append(story.id)
    removed = sorted(store.story_ids() - kept)
    for sid in removed:
        store.drop_story(sid)
    return updated, removed


def build_story(articles: list[Article]) -> tuple[Story, list[Article], str]:
    """One story from its articles: copies marked, extracted, cross-checked,
    briefed, and its brief rendered to HTML (what a story page serves)."""
    from corroborate.report.html import render_story_section

    find_duplicates(articles)
    story = make_story(articles)
    return story, articles, render_story_section(story, articles)


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
