"""Turn command-line paths into ``Source`` objects.

Folders are walked recursively in sorted order (hidden entries skipped);
``.zip`` and ``.tar(.gz)`` archives are opened and their members read; a
single ``.gz`` file is decompressed (``.warc.gz`` stays whole: warcio reads
it). ``-`` reads standard input. Every problem becomes an ``InputError``
naming the file, and the walk goes on.
"""

from __future__ import annotations

import gzip
import io
import os
import sys
import tarfile
import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path

from corroborate.config import IngestConfig
from corroborate.errors import BadInput
from corroborate.ingest.base import Source
from corroborate.model import InputError

ARCHIVE_SUFFIXES = (".zip", ".tar", ".tar.gz", ".tgz", ".tar.bz2", ".tar.xz")
_MAX_DEPTH = 3  # archives inside archives, at most this deep


def iter_sources(
    paths: list[str], config: IngestConfig | None = None
) -> Iterator[Source | InputError]:
    """Yield a ``Source`` for every readable input under ``paths``."""
    config = config or IngestConfig()
    for p in paths:
        if p == "-":
            yield from _expand(Source("<stdin>", sys.stdin.buffer.read(), ""), config, 0)
            continue
        path = Path(p)
        if not path.exists():
            yield InputError(p, "no such file or directory")
        elif path.is_dir():
            yield from _walk(path, config)
        else:
            yield from _file(path, config)


def _walk(root: Path, config: IngestConfig) -> Iterator[Source | InputError]:
    for dirpath, dirnames, filenames in os.walk(root, followlinks=config.follow_symlinks):
        if not config.include_hidden:
            dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        dirnames.sort()
        for name in sorted(filenames):
            if name.startswith(".") and not config.include_hidden:
                continue
            path = Path(dirpath) / name
            if path.is_symlink() and not config.follow_symlinks:
                continue
            yield from _file(path, config)


def _file(path: Path, config: IngestConfig) -> Iterator[Source | InputError]:
    label = str(path)
    try:
        size = path.stat().st_size
        if size > config.max_bytes:
            yield InputError(label, _too_big(size, config))
            return
        data = path.read_bytes()
    except OSError as exc:
        yield InputError(label, f"cannot read: {exc.strerror or exc}")
        return
    yield from _expand(Source(label, data, path.name), config, 0)


def _too_big(size: int, config: IngestConfig) -> str:
    return (
        f"file too large ({size:,} bytes > limit {config.max_bytes:,}); "
        "raise the limit with --max-bytes"
    )


def _expand(src: Source, config: IngestConfig, depth: int) -> Iterator[Source | InputError]:
    """Open archives and gzip layers; pass anything else through."""
    name = src.name.lower()
    try:
        if name.endswith(".zip") or (not name and src.data[:4] == b"PK\x03\x04"):
            yield from _zip(src, config, depth)
        elif name.endswith(ARCHIVE_SUFFIXES):
            yield from _tar(src, config, depth)
        elif name.endswith(".gz") and not name.endswith(".warc.gz"):
            data = _gunzip(src.data, config)
            yield from _expand(Source(src.label, data, src.name[:-3]), config, depth)
        elif not name and src.data[:2] == b"\x1f\x8b":
            # unnamed gzip stream (stdin): a gzipped WARC is read by warcio itself
            data = _gunzip(src.data, config)
            if data.startswith(b"WARC/"):
                yield src
            else:
                yield from _expand(Source(src.label, data, ""), config, depth)
        else:
            yield src
    except BadInput as exc:
        yield InputError(src.label, str(exc))


def _gunzip(data: bytes, config: IngestConfig) -> bytes:
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as fh:
            out = fh.read(config.max_bytes + 1)
    except EOFError as exc:
        raise BadInput("truncated gzip data (compressed stream ends early)") from exc
    except (OSError, zlib.error) as exc:
        raise BadInput(f"corrupt gzip data: {exc}") from exc
    if len(out) > config.max_bytes:
        raise BadInput(
            f"decompressed size exceeds limit {config.max_bytes:,} bytes; "
            "raise the limit with --max-bytes"
        )
    return out


def _zip(src: Source, config: IngestConfig, depth: int) -> Iterator[Source | InputError]:
    if depth >= _MAX_DEPTH:
        raise BadInput("archives nested too deeply")
    try:
        zf = zipfile.ZipFile(io.BytesIO(src.data))
    except (zipfile.BadZipFile, OSError) as exc:
        raise BadInput(f"not a readable zip archive ({exc})") from exc
    with zf:
        for info in sorted(zf.infolist(), key=lambda i: i.filename):
            base = info.filename.rsplit("/", 1)[-1]
            if info.is_dir() or not base or (base.startswith(".") and not config.include_hidden):
                continue
            label = f"{src.label}!{info.filename}"
            if info.file_size > config.max_bytes:
                yield InputError(label, _too_big(info.file_size, config))
                continue
            try:
                data = zf.read(info)
            except (zipfile.BadZipFile, OSError, zlib.error, EOFError) as exc:
                yield InputError(label, f"cannot extract from zip archive: {exc}")
                continue
            yield from _expand(Source(label, data, base), config, depth + 1)


def _tar(src: Source, config: IngestConfig, depth: int) -> Iterator[Source | InputError]:
    if depth >= _MAX_DEPTH:
        raise BadInput("archives nested too deeply")
    try:
        tf = tarfile.open(fileobj=io.BytesIO(src.data), mode="r:*")  # noqa: SIM115 (closed below)
    except (tarfile.TarError, OSError, EOFError) as exc:
        raise BadInput(f"not a readable tar archive ({exc})") from exc
    with tf:
        while True:
            try:
                member = tf.next()
            except (tarfile.TarError, OSError, EOFError, zlib.error) as exc:
                yield InputError(src.label, f"truncated or corrupt tar archive: {exc}")
                return
            if member is None:
                return
            base = member.name.rsplit("/", 1)[-1]
            if not member.isfile() or (base.startswith(".") and not config.include_hidden):
                continue
            label = f"{src.label}!{member.name}"
            if member.size > config.max_bytes:
                yield InputError(label, _too_big(member.size, config))
                continue
            try:
                fh = tf.extractfile(member)
                data = fh.read() if fh else b""
            except (tarfile.TarError, OSError, EOFError, zlib.error) as exc:
                yield InputError(label, f"truncated or corrupt tar member: {exc}")
                return
            if len(data) < member.size:
                yield InputError(label, "truncated tar member (archive ends early)")
                return
            yield from _expand(Source(label, data, base), config, depth + 1)
