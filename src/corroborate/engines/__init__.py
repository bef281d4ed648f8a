"""Engines: where the run's steps execute.

The run is one list of steps of three kinds: per-article (read, clean,
extraction, each done once per article), corpus-wide (copies and story
membership, computed on compact keys and returned as data) and per-story
(reconcile claims and origins, conflicts, the brief). ``pipeline.process``
runs them in this process (``--jobs`` spreads the per-article and per-story
maps over local worker processes); ``engines.ray`` runs the two maps as Ray
Data jobs on a Ray cluster and the corpus-wide step on the driver, with the
same answer.
"""

from __future__ import annotations

from corroborate.config import Config
from corroborate.model import Document
from corroborate.pipeline import RunContext, process

ENGINES = ("local", "ray")


def process_with(
    engine: str,
    paths: list[str],
    config: Config | None = None,
    jobs: int = 1,
    ctx: RunContext | None = None,
    embeddings: bool = False,
    address: str | None = None,
) -> Document:
    """``pipeline.process`` on the named engine (``ENGINES``). On Ray, ``jobs``
    > 1 is the CPUs of the local cluster started for the run."""
    if engine == "ray":
        from corroborate.engines.ray import process_ray

        workers = jobs if jobs > 1 else None
        return process_ray(paths, config, ctx, embeddings=embeddings, address=address,
                           workers=workers)  # fmt: skip
    if engine != "local":
        raise ValueError(f"unknown engine {engine!r}: one of {', '.join(ENGINES)}")
    return process(paths, config, jobs, ctx, embeddings=embeddings)
