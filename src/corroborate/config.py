"""Typed settings, passed explicitly to the stages that need them."""

from __future__ import annotations

from dataclasses import dataclass

DEFAULT_MAX_BYTES = 50 * 1024 * 1024


@dataclass(slots=True, frozen=True)
class IngestConfig:
    """How inputs are read.

    ``max_bytes`` bounds any single file or archive member (after
    decompression): larger ones are reported as errors instead of being read,
    so one runaway file cannot exhaust memory.
    """

    max_bytes: int = DEFAULT_MAX_BYTES
    follow_symlinks: bool = False
    include_hidden: bool = False
    # bounds on archives (zip and compression bombs): everything one input
    # file expands to, the members it may hold, how deep archives and
    # compression layers may nest
    max_expanded_bytes: int = 8 * DEFAULT_MAX_BYTES
    max_members: int = 20_000
    max_depth: int = 4


@dataclass(slots=True, frozen=True)
class CleanConfig:
    """How articles are cleaned.

    ``language_sample`` is how many characters of clean text the language
    detector reads: on news-dev and the probe set, 200 characters were as
    accurate as 1,000 (``bench/bench_language.py``) at under half the cost.
    """

    language_sample: int = 300
    min_body_chars: int = 1


@dataclass(slots=True, frozen=True)
class Config:
    ingest: IngestConfig = IngestConfig()
    clean: CleanConfig = CleanConfig()
