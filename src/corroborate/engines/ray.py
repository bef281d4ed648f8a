"""The Ray engine: the run's per-article and per-story steps as Ray Data jobs.

- **Read** (the I/O edge) streams records on the driver, as the local run does.
- **Per-article map** (``map_batches`` over records): clean each record into
  an article and extract it once (entities, statements, figures, dates),
  read against its own date; the extraction comes back as a stored row.
- **Corpus-wide step** on the driver, on the clean articles: repeated
  inputs, copies and story membership (``pipeline.build_stories``).
- **Per-story map** (one row per story): reconcile claims and origins,
  conflicts, evolution, state and brief from the stored extractions (an
  undated article whose story gives it a date is extracted again against it).

Rows travel pickled between the driver and its workers (one run, one
version of this package on both sides). The answer is the local engine's: the same articles, copies,
stories and claims, in the same order.
"""

from __future__ import annotations

import logging
import pickle
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from corroborate.config import CleanConfig, Config
from corroborate.errors import BadInput, install_hint
from corroborate.ingest.base import RawRecord
from corroborate.model import Article, Document, InputError
from corroborate.pipeline import (
    Built,
    Clean,
    Read,
    RunContext,
    StoryBuilder,
    UniqueIds,
    build_stories,
    clean_record,
)

if TYPE_CHECKING:
    import numpy as np

ARTICLE_BATCH = 64  # records per per-article task: enough to amortise a task's start
STORY_BATCH = 4  # stories per per-story task
Rows = dict[str, tuple[str, dict[str, Any]]]  # article id -> (extraction key, stored row)


class RemoteError(Exception):
    """A story that failed on a worker, with the worker's error."""


def process_ray(
    paths: list[str],
    config: Config | None = None,
    ctx: RunContext | None = None,
    extract: bool = True,
    embeddings: bool = False,
    address: str | None = None,
    workers: int | None = None,
) -> Document:
    """``pipeline.process`` on Ray: ``address`` names a running cluster
    ("auto", "ray://head:10001"); without it a local one is started with
    ``workers`` CPUs (all by default) and stopped at the end."""
    ray = _ray()
    config = config or Config()
    ctx = ctx or RunContext()
    started = not ray.is_initialized()
    # Ray's notices (progress bars off, its token) are not the run's: errors only
    for name in ("ray", "ray.data"):
        logging.getLogger(name).setLevel(logging.ERROR)
    if started:
        ray.init(address=address, num_cpus=None if address else workers,
                 include_dashboard=False, log_to_driver=False, configure_logging=False)  # fmt: skip
    try:
        data = ray.data.DataContext.get_current()
        data.execution_options.preserve_order = True
        data.enable_progress_bars = False
        # each map is the only operator running: the CPUs Ray Data would hold
        # back for other operators would idle (2 CPUs ran one task at a time)
        data.op_resource_reservation_enabled = False
        records = [pickle.dumps(r) for r in Read(paths, config).run((), ctx)]
        ctx.stage("cleaning and extracting", len(records))
        articles, rows = _articles(ray, records, config.clean, ctx)
        doc = Document(articles=articles, errors=ctx.errors)
        if extract and articles:
            doc.stories = build_stories(articles, embeddings, ctx.error, 1, ctx, _builder(rows))
        return doc
    finally:
        if started:
            ray.shutdown()


def _ray() -> Any:
    try:
        import ray
        import ray.data
    except ImportError as exc:
        raise BadInput("the Ray engine needs Ray: " + install_hint("ray")) from exc
    return ray


def _articles(
    ray: Any, records: list[bytes], config: CleanConfig, ctx: RunContext
) -> tuple[list[Article], Rows]:
    """Every record cleaned and extracted on the cluster, in input order."""
    if not records:
        return [], {}
    blocks = max(1, -(-len(records) // ARTICLE_BATCH))
    ds = ray.data.from_items([{"record": r} for r in records], override_num_blocks=blocks)
    out = ds.map_batches(
        _clean_extract_batch, batch_size=ARTICLE_BATCH, fn_kwargs={"config": pickle.dumps(config)}
    )
    rows: Rows = {}

    def results() -> Iterator[Article | InputError]:
        for row in out.iter_rows():
            if row["error"]:
                yield InputError(row["path"], row["error"])
                continue
            article = pickle.loads(row["article"])
            rows[article.id] = (row["key"], pickle.loads(row["parts"]))
            yield article

    kept = list(UniqueIds().run(Clean.collect(results(), ctx), ctx))
    return [a for a in kept if isinstance(a, Article)], rows


def _clean_extract_batch(batch: dict[str, np.ndarray], config: bytes) -> dict[str, list[Any]]:
    """Per-article steps on a worker: clean, then extract against the article's
    own date (a stored row its story reuses when that date is the story's)."""
    from corroborate.extract import extract_parts
    from corroborate.extract.stored import encode_parts, extraction_key

    clean_config: CleanConfig = pickle.loads(config)
    out: dict[str, list[Any]] = {"path": [], "error": [], "article": [], "key": [], "parts": []}
    for raw in batch["record"]:
        record: RawRecord = pickle.loads(raw)
        article = clean_record(record, clean_config)
        if isinstance(article, InputError):
            _append(out, path=article.path, error=article.error)
            continue
        source = "published" if article.published else "none"
        try:
            parts = encode_parts(extract_parts(article, article.published, source))  # type: ignore[arg-type]
        except Exception:  # the story step extracts it again and reports what fails
            parts, source = {}, "failed"
        _append(out, path=article.path, article=pickle.dumps(article),
                key=extraction_key(article.published, source), parts=pickle.dumps(parts))  # fmt: skip
    return out


def _append(out: dict[str, list[Any]], **values: Any) -> None:
    for k in out:
        out[k].append(values.get(k, b"" if k in ("article", "parts") else ""))


def _builder(rows: Rows) -> StoryBuilder:
    """Build stories on the cluster, a few per task, largest first (one long
    story does not finish last alone); the answer comes back in group order."""

    def build(groups: list[list[Article]], jobs: int, ctx: RunContext | None) -> list[Built]:
        ray = _ray()
        order = sorted(range(len(groups)), key=lambda g: -len(groups[g]))
        items = [
            {"story": pickle.dumps((groups[g], {a.id: rows[a.id] for a in groups[g] if a.id in rows}))}
            for g in order
        ]  # fmt: skip
        ds = ray.data.from_items(items, override_num_blocks=max(1, -(-len(items) // STORY_BATCH)))
        out: list[Built | None] = [None] * len(groups)
        rows_out = ds.map_batches(_story_batch, batch_size=STORY_BATCH).iter_rows()
        for g, row in zip(order, rows_out, strict=True):
            if row["error"]:
                out[g] = RemoteError(row["error"])
            else:
                out[g] = pickle.loads(row["story"])
            if ctx is not None:
                ctx.item(groups[g][0].path)
        return [r for r in out if r is not None]

    return build


def _story_batch(batch: dict[str, np.ndarray]) -> dict[str, list[Any]]:
    """Per-story step on a worker: stories from their articles and stored rows."""
    from corroborate.extract.stored import StoredExtractions
    from corroborate.pipeline import make_story

    out: dict[str, list[Any]] = {"story": [], "error": []}
    for raw in batch["story"]:
        articles, stored_rows = pickle.loads(raw)
        try:
            story = make_story(articles, StoredExtractions(stored_rows))
        except Exception as exc:
            out["story"].append(b"")
            out["error"].append(f"{type(exc).__name__}: {str(exc)[:200]}")
            continue
        out["story"].append(pickle.dumps((story, {a.id: a.derived_from for a in articles})))
        out["error"].append("")
    return out
