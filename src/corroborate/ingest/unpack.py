"""Bounded decompression: a compression bomb costs its limit, never more.

Every decompressor here streams with ``max_length``, so a 1 MB gzip of
zeros never expands past the limit in memory, and a stream that ends early
is reported instead of silently shortened.
"""

from __future__ import annotations

import bz2
import lzma
import zlib
from collections.abc import Callable, Iterator
from typing import Protocol

from corroborate.errors import BadInput

CHUNK = 1 << 16


class Truncated(BadInput):
    """The compressed stream ends early (what came before it is intact)."""


class _Decompressor(Protocol):
    @property
    def eof(self) -> bool: ...
    @property
    def unused_data(self) -> bytes: ...

    def decompress(self, data: bytes | memoryview, max_length: int = ...) -> bytes: ...


_MAKERS: dict[str, tuple[str, Callable[[], _Decompressor]]] = {
    "gzip": ("gzip", lambda: zlib.decompressobj(31)),  # type: ignore[dict-item]
    "bz2": ("bzip2", bz2.BZ2Decompressor),  # type: ignore[dict-item]
    "xz": ("xz", lambda: lzma.LZMADecompressor()),  # type: ignore[dict-item]
}


def kind_of(data: bytes) -> str | None:
    """The compression of ``data`` by its magic bytes, or None."""
    if data[:2] == b"\x1f\x8b":
        return "gzip"
    if data[:3] == b"BZh":
        return "bz2"
    if data[:6] == b"\xfd7zXZ\x00":
        return "xz"
    return None


def decompress(data: bytes, kind: str, limit: int, keep: bool = True) -> bytes:
    """All of ``data`` decompressed (every concatenated member), or
    ``BadInput`` if it would exceed ``limit`` bytes, is corrupt, or ends
    early. ``keep=False`` only checks (and returns ``b""``): memory stays
    flat however large the output."""
    name, make = _MAKERS[kind]
    out: list[bytes] = []
    total = 0
    try:
        for chunk in _chunks(data, make, name):
            total += len(chunk)
            if total > limit:
                raise BadInput(
                    f"{name} data expands past the limit of {limit:,} bytes "
                    "(a compression bomb, or raise the limit with --max-bytes)"
                )
            if keep:
                out.append(chunk)
    except (zlib.error, lzma.LZMAError, OSError, EOFError, ValueError) as exc:
        raise BadInput(f"corrupt {name} data: {exc}") from exc
    return b"".join(out)


def _chunks(data: bytes, make: Callable[[], _Decompressor], name: str) -> Iterator[bytes]:
    """Output of every member in ``data``, at most ``CHUNK`` bytes at a time."""
    d = make()
    view = memoryview(data)
    pos = 0
    while True:
        tail = getattr(d, "unconsumed_tail", b"")  # zlib hands back what it did not use
        if tail:
            feed: bytes | memoryview = tail
        elif getattr(d, "needs_input", True):  # bz2 and lzma keep it inside instead
            feed = view[pos : pos + CHUNK]
            pos += len(feed)
        else:
            feed = b""
        chunk = d.decompress(feed, CHUNK)
        if chunk:
            yield chunk
        if d.eof:
            rest = bytes(d.unused_data) + bytes(view[pos:])
            if not rest.strip(b"\x00"):
                return  # the end (zero padding after the last member is allowed)
            d, view, pos = make(), memoryview(rest), 0
        elif not chunk and pos >= len(view) and not _holds_input(d):
            raise Truncated(f"truncated {name} data (the stream ends early)")


def _holds_input(d: _Decompressor) -> bool:
    return bool(getattr(d, "unconsumed_tail", b"")) or getattr(d, "needs_input", True) is False
