"""Responses kept per server process, so a busy page costs the database nothing.

A kept response has a version (a story's update time, or nothing for lists)
and is served as is for ``fresh`` seconds; after that the caller checks the
version again (one small query) and re-renders only when it changed. The
whole is bounded by bytes, least recently used first out.
"""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Hashable
from dataclasses import dataclass


@dataclass(slots=True)
class Kept:
    version: str
    body: bytes
    checked: float  # time.monotonic() of the last version check


class ResponseCache:
    def __init__(self, max_bytes: int, fresh: float) -> None:
        self.max_bytes = max_bytes
        self.fresh = fresh
        self._items: OrderedDict[Hashable, Kept] = OrderedDict()
        self._bytes = 0

    def fresh_body(self, key: Hashable) -> bytes | None:
        """The kept body if it was checked less than ``fresh`` seconds ago."""
        kept = self._items.get(key)
        if kept is None or time.monotonic() - kept.checked >= self.fresh:
            return None
        self._items.move_to_end(key)
        return kept.body

    def get(self, key: Hashable) -> Kept | None:
        return self._items.get(key)

    def put(self, key: Hashable, version: str, body: bytes) -> bytes:
        """Keep ``body`` as checked now; returns it."""
        old = self._items.pop(key, None)
        if old is not None:
            self._bytes -= len(old.body)
        self._items[key] = Kept(version, body, time.monotonic())
        self._bytes += len(body)
        while self._bytes > self.max_bytes and len(self._items) > 1:
            _, dropped = self._items.popitem(last=False)
            self._bytes -= len(dropped.body)
        return body

    def drop(self, key: Hashable) -> None:
        old = self._items.pop(key, None)
        if old is not None:
            self._bytes -= len(old.body)

    def __len__(self) -> int:
        return len(self._items)

    @property
    def bytes(self) -> int:
        return self._bytes
