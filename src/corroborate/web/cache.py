"""Responses kept per server process, so a busy page costs the database nothing.

The store counts its changes (``Store.generation``: every saved or dropped
story adds one). A process reads that count at most every ``fresh`` seconds,
one small query whatever the traffic, and serves what it keeps as long as
the count has not moved. When it has, each kept response is checked once
more against its own version (a story's update time, say: one small query)
and produced again only if that changed, so one new article re-renders only
the pages it touched. Responses without a version of their own (lists,
searches) are produced again after any change.

Everything runs on the event loop except the database work, which goes to
the thread pool; concurrent requests for one response share one computation
(no stampede when a busy page expires). The whole is bounded by bytes, least
recently used first out.
"""

from __future__ import annotations

import asyncio
import logging
import sys
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable
from dataclasses import dataclass

from starlette.concurrency import run_in_threadpool

log = logging.getLogger(__name__)

Version = Callable[[], str | None]
Produce = Callable[[], bytes | None]


# what an entry costs besides its body, key and version: the Kept object, its
# OrderedDict node and the key tuple's slots (measured with tracemalloc: about
# 380 bytes on CPython 3.11; rounded up)
ENTRY_OVERHEAD = 400


@dataclass(slots=True)
class Kept:
    version: str
    body: bytes
    generation: int  # the store's change count when this was last known good
    cost: int = 0  # bytes this entry holds in memory, all told


def entry_cost(key: Hashable, kept: Kept) -> int:
    """Memory an entry holds: body, version and key objects, plus overhead
    (a page cache bounded by body length alone can hold several times its cap
    in small entries)."""
    parts = key if isinstance(key, tuple) else (key,)
    return (
        sys.getsizeof(kept.body) + sys.getsizeof(kept.version)
        + sum(sys.getsizeof(p) for p in parts) + ENTRY_OVERHEAD
    )  # fmt: skip


class ResponseCache:
    def __init__(self, generation: Callable[[], int], max_bytes: int, fresh: float) -> None:
        self._read_generation = generation
        self.max_bytes = max_bytes
        self.fresh = fresh
        self._items: OrderedDict[Hashable, Kept] = OrderedDict()
        self._bytes = 0
        self._generation: int | None = None
        self._checked = float("-inf")
        self._checking: asyncio.Future[int] | None = None
        self._loading: dict[Hashable, asyncio.Future[bytes | None]] = {}

    async def get(
        self, key: Hashable, produce: Produce, version: Version | None = None
    ) -> bytes | None:
        """The response for ``key``, kept or produced (None: there is no such
        thing). ``version`` names what the response shows; without it, the
        response depends on everything in the store."""
        generation = await self.generation()
        kept = self._items.get(key)
        if kept is not None and kept.generation == generation:
            self._items.move_to_end(key)
            return kept.body
        loading = self._loading.get(key)
        if loading is None:
            loading = asyncio.ensure_future(self._load(key, generation, produce, version))
            self._loading[key] = loading
            loading.add_done_callback(lambda _: self._loading.pop(key, None))
        return await asyncio.shield(loading)  # a client that leaves cancels only itself

    async def generation(self) -> int:
        """The store's change count, read at most every ``fresh`` seconds.
        If the database cannot be read, what is kept goes on being served
        (the last count stays) and the read is retried ``fresh`` seconds later."""
        if self._generation is not None and time.monotonic() - self._checked < self.fresh:
            return self._generation
        if self._checking is None:
            self._checking = asyncio.ensure_future(run_in_threadpool(self._read_generation))
        checking = self._checking
        try:
            self._generation = await asyncio.shield(checking)
        except Exception:
            if self._generation is None:
                raise
            log.warning("store generation unreadable; serving kept responses", exc_info=True)
        finally:
            if self._checking is checking:
                self._checking = None
            self._checked = time.monotonic()
        return self._generation

    async def _load(
        self, key: Hashable, generation: int, produce: Produce, version: Version | None
    ) -> bytes | None:
        def check() -> tuple[str | None, bytes | None]:
            current = version() if version is not None else f"g{generation}"
            if current is None:
                return None, None
            kept = self._items.get(key)
            if kept is not None and kept.version == current:
                return current, kept.body  # unchanged: no need to produce it again
            return current, produce()

        current, body = await run_in_threadpool(check)
        if current is None or body is None:
            self.drop(key)
            return None
        self._put(key, Kept(current, body, generation))
        return body

    def _put(self, key: Hashable, kept: Kept) -> None:
        self.drop(key)
        kept.cost = entry_cost(key, kept)
        self._items[key] = kept
        self._bytes += kept.cost
        while self._bytes > self.max_bytes and len(self._items) > 1:
            _, dropped = self._items.popitem(last=False)
            self._bytes -= dropped.cost

    def drop(self, key: Hashable) -> None:
        old = self._items.pop(key, None)
        if old is not None:
            self._bytes -= old.cost

    def __len__(self) -> int:
        return len(self._items)

    @property
    def bytes(self) -> int:
        return self._bytes
