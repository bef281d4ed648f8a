"""Turn command-line paths into ``Source`` objects.

Folders are walked recursively in sorted order (hidden entries skipped);
``.zip`` and ``.tar(.gz|.bz2|.xz)`` archives are opened and their members
read; a single ``.gz``/``.bz2``/``.xz`` file is decompressed (``.warc.gz``
stays whole: warcio reads it). ``-`` reads standard input. Every problem
becomes an ``InputError`` naming the file, and the walk goes on.

Everything is bounded: a file or member by ``max_bytes``, all that one input
expands to by ``max_expanded_bytes``, the members of an archive by
``max_members``, nesting (archives and compression layers) by ``max_depth``.
Special files (FIFOs, devices, sockets) are refused, not read.
"""

from __future__ import annotations

import io
import os
import re
import stat
import sys
import tarfile
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from corroborate.config import IngestConfig
from corroborate.errors import BadInput
from corroborate.ingest.base import Skipped, Source
from corroborate.ingest.unpack import decompress, kind_of
from corroborate.model import InputError

ARCHIVE_SUFFIXES = (".zip", ".tar", ".tar.gz", ".tgz", ".tar.bz2", ".tbz2", ".tar.xz", ".txz")
MAX_RATIO = 1000  # text compresses 3-20:1; past this a member is a bomb, not an article
_COMPRESSED = {".gz": "gzip", ".bz2": "bz2", ".xz": "xz"}


@dataclass(slots=True)
class _Budget:
    """What is left to expand from one input file (shared by its archive tree)."""

    bytes_left: int
    members_left: int

    def take(self, size: int, config: IngestConfig) -> None:
        self.bytes_left -= size
        if self.bytes_left < 0:
            raise BadInput(
                f"archive expands past {config.max_expanded_bytes:,} bytes in all "
                "(a zip bomb?); split it or raise the limit"
            )


def iter_sources(
    paths: list[str], config: IngestConfig | None = None
) -> Iterator[Source | InputError | Skipped]:
    """Yield a ``Source`` for every readable input under ``paths``."""
    config = config or IngestConfig()
    for p in paths:
        if p == "-":
            try:
                data = _read_capped(sys.stdin.buffer, config)
            except BadInput as exc:
                yield InputError("<stdin>", str(exc))
                continue
            yield from expand(Source("<stdin>", data, "", config.max_bytes), config)
            continue
        path = Path(p)
        if not path.exists():
            yield InputError(p, "no such file or directory")
        elif path.is_dir():
            yield from _walk(path, config)
        else:
            yield from _file(path, config)


def _walk(root: Path, config: IngestConfig) -> Iterator[Source | InputError | Skipped]:
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
            for item in _file(path, config):
                if isinstance(item, Source) and own_output(item.name, item.data):
                    yield Skipped(item.label, "an output of an earlier corroborate run, not read")
                else:
                    yield item


# how corroborate's own outputs begin: the Markdown brief, the HTML report
# (its generator meta) and the JSON document
_OWN_OUTPUT = re.compile(
    rb'\A(?:# corroborate brief\n|<!doctype html>[^\0]{0,600}<meta name="generator" '
    rb'content="corroborate|\{\s*"schema_version":\s*"\d+",\s*"articles":)',
    re.I,
)


def own_output(name: str, data: bytes) -> bool:
    """Whether a file found in a folder is an output of an earlier run (a
    brief, report or JSON document written next to the inputs): read back,
    it would be taken for an article. Named on the command line, it is read
    as given."""
    return name.lower().endswith((".md", ".html", ".json")) and bool(_OWN_OUTPUT.match(data[:1024]))


def _file(path: Path, config: IngestConfig) -> Iterator[Source | InputError]:
    label = str(path)
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            yield InputError(label, "not a regular file (a FIFO, device or socket): not read")
            return
        if info.st_size > config.max_bytes:
            yield InputError(label, _too_big(info.st_size, config))
            return
        with open(path, "rb") as fh:  # a file that grows while read is still bounded
            data = _read_capped(fh, config)
    except BadInput as exc:
        yield InputError(label, str(exc))
        return
    except OSError as exc:
        yield InputError(label, f"cannot read: {exc.strerror or exc}")
        return
    yield from expand(Source(label, data, path.name, config.max_bytes), config)


def _read_capped(fh: IO[bytes], config: IngestConfig) -> bytes:
    """All of ``fh``, or ``BadInput`` once it passes ``max_bytes``."""
    data = fh.read(config.max_bytes + 1)
    if len(data) > config.max_bytes:
        raise BadInput(_too_big(len(data), config))
    return data


def _too_big(size: int, config: IngestConfig) -> str:
    return (
        f"file too large ({size:,} bytes > limit {config.max_bytes:,}); "
        "raise the limit with --max-bytes"
    )


def expand(src: Source, config: IngestConfig) -> Iterator[Source | InputError]:
    """Every source inside ``src`` (itself, or its archive members and
    decompressed layers), within the bounds of ``config``."""
    budget = _Budget(config.max_expanded_bytes, config.max_members)
    yield from _expand(src, config, 0, budget)


def _expand(
    src: Source, config: IngestConfig, depth: int, budget: _Budget
) -> Iterator[Source | InputError]:
    """Open archives and compression layers; pass anything else through."""
    name = src.name.lower()
    try:
        if depth > config.max_depth:
            raise BadInput(
                f"archives or compression layers nested more than {config.max_depth} deep"
            )
        if name.endswith(".zip") or (not name and src.data[:4] == b"PK\x03\x04"):
            yield from _zip(src, config, depth, budget)
        elif name.endswith(ARCHIVE_SUFFIXES):
            yield from _tar(src, config, depth, budget)
        elif name.endswith(".warc.gz") or (not name and _gzipped_warc(src, config)):
            yield src  # warcio reads it, within src.limit (ingest/warc.py)
        elif (dot := name.rfind(".")) >= 0 and name[dot:] in _COMPRESSED:
            data = decompress(src.data, _COMPRESSED[name[dot:]], config.max_bytes)
            budget.take(len(data), config)
            yield from _expand(Source(src.label, data, src.name[:dot], src.limit), config,
                               depth + 1, budget)  # fmt: skip
        elif not name and (kind := kind_of(src.data)) is not None:
            data = decompress(src.data, kind, config.max_bytes)
            budget.take(len(data), config)
            yield from _expand(Source(src.label, data, "", src.limit), config, depth + 1, budget)
        else:
            yield src
    except BadInput as exc:
        yield InputError(src.label, str(exc))


def _gzipped_warc(src: Source, config: IngestConfig) -> bool:
    """Is this unnamed gzip stream (stdin) a WARC? (Looks at its first bytes only.)"""
    if src.data[:2] != b"\x1f\x8b":
        return False
    import zlib

    try:
        head = zlib.decompressobj(31).decompress(src.data[:4096], 64)
    except zlib.error:
        return False
    return head.startswith(b"WARC/")


def _zip(
    src: Source, config: IngestConfig, depth: int, budget: _Budget
) -> Iterator[Source | InputError]:
    try:
        zf = zipfile.ZipFile(io.BytesIO(src.data))
    except Exception as exc:  # BadZipFile, OSError, ValueError, ... on a damaged directory
        raise BadInput(f"not a readable zip archive ({_why(exc)})") from exc
    with zf:
        infos = zf.infolist()
        _check_members(len(infos), config, budget)
        # entries that share their data (the "overlapping files" zip bomb)
        offsets = [i.header_offset for i in infos if not i.is_dir()]
        if len(set(offsets)) != len(offsets):
            raise BadInput("zip entries overlap (a zip bomb): not read")
        for info in sorted(infos, key=lambda i: i.filename):
            base = info.filename.rsplit("/", 1)[-1]
            if info.is_dir() or not base or (base.startswith(".") and not config.include_hidden):
                continue
            label = f"{src.label}!{info.filename}"
            if info.file_size > config.max_bytes:
                yield InputError(label, _too_big(info.file_size, config))
                continue
            if info.file_size > 1 << 20 and info.file_size > MAX_RATIO * max(info.compress_size, 1):
                yield InputError(
                    label,
                    f"compressed more than {MAX_RATIO}:1 ({info.compress_size:,} -> "
                    f"{info.file_size:,} bytes): a zip bomb, not read",
                )
                continue
            budget.take(info.file_size, config)  # past it: the whole archive stops
            try:
                with zf.open(info) as fh:
                    data = _read_capped(fh, config)
            except BadInput as exc:  # a member larger than it said
                yield InputError(label, str(exc))
                continue
            except Exception as exc:  # encrypted, deflate64, corrupt LZMA/bzip2/deflate, CRC
                yield InputError(label, f"cannot extract from zip archive: {_why(exc)}")
                continue
            yield from _expand(Source(label, data, base, src.limit), config, depth + 1, budget)


def _check_members(n: int, config: IngestConfig, budget: _Budget) -> None:
    budget.members_left -= n
    if budget.members_left < 0:
        raise BadInput(
            f"archive holds more than {config.max_members:,} members; split it into smaller ones"
        )


def _why(exc: BaseException) -> str:
    text = str(exc).strip()
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


def _tar(
    src: Source, config: IngestConfig, depth: int, budget: _Budget
) -> Iterator[Source | InputError]:
    raw = src.data
    kind = kind_of(raw)
    if kind is not None:  # decompressed here, bounded, rather than by tarfile
        raw = decompress(raw, kind, config.max_expanded_bytes)
        budget.take(len(raw), config)
    try:
        tf = tarfile.open(fileobj=io.BytesIO(raw), mode="r:")  # noqa: SIM115 (closed below)
    except Exception as exc:
        raise BadInput(f"not a readable tar archive ({_why(exc)})") from exc
    with tf:
        while True:
            try:
                member = tf.next()
            except Exception as exc:
                yield InputError(src.label, f"truncated or corrupt tar archive: {_why(exc)}")
                return
            if member is None:
                break
            _check_members(1, config, budget)
            base = member.name.rsplit("/", 1)[-1]
            if not member.isfile() or (base.startswith(".") and not config.include_hidden):
                continue
            label = f"{src.label}!{member.name}"
            if member.size > config.max_bytes:
                yield InputError(label, _too_big(member.size, config))
                continue
            end = member.offset_data + member.size
            data = raw[member.offset_data : end]
            if len(data) < member.size:
                yield InputError(label, "truncated tar member (the archive ends early)")
                return
            yield from _expand(Source(label, data, base, src.limit), config, depth + 1, budget)
        # tarfile takes a header cut short for the end of the archive: a
        # complete archive ends with zero blocks, anything else lost members
        rest = raw[tf.offset :]
        if not rest or rest.strip(b"\x00"):
            yield InputError(
                src.label,
                "truncated tar archive: it ends without its end-of-archive marker "
                "(members after the last one read are lost)",
            )
