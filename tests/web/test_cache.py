"""The per-process response cache: kept while the store's generation stands,
re-checked by version after a change, one computation per key at a time,
bounded by bytes, and serving what it keeps when the database is away."""

from __future__ import annotations

import asyncio
import threading
import time

import pytest

from corroborate.web.cache import ResponseCache


class Store:
    """A stand-in for the store: a generation, versions, and call counts."""

    def __init__(self) -> None:
        self.gen = 0
        self.versions = {"a": "v1", "b": "v1"}
        self.produced: list[str] = []
        self.version_reads = 0
        self.generation_reads = 0
        self.down = False
        self.lock = threading.Lock()

    def generation(self) -> int:
        self.generation_reads += 1
        if self.down:
            raise ConnectionError("database away")
        return self.gen

    def version(self, key: str):
        def read() -> str | None:
            with self.lock:
                self.version_reads += 1
            return self.versions.get(key)

        return read

    def produce(self, key: str, size: int = 10, delay: float = 0.0):
        def make() -> bytes:
            time.sleep(delay)
            with self.lock:
                self.produced.append(key)
            return f"{key}:{self.versions.get(key)}".encode().ljust(size, b".")

        return make


def run(coro):
    return asyncio.run(coro)


def test_kept_until_the_generation_moves_then_checked_by_version():
    store = Store()
    cache = ResponseCache(store.generation, 10_000, fresh=0.0)

    async def go():
        first = await cache.get("a", store.produce("a"), store.version("a"))
        again = await cache.get("a", store.produce("a"), store.version("a"))
        assert first == again and store.produced == ["a"] and store.version_reads == 1
        store.gen += 1  # something else changed: "a" is checked, not re-made
        assert await cache.get("a", store.produce("a"), store.version("a")) == first
        assert store.produced == ["a"] and store.version_reads == 2
        store.gen += 1
        store.versions["a"] = "v2"  # "a" itself changed: made again
        body = await cache.get("a", store.produce("a"), store.version("a"))
        assert body.startswith(b"a:v2") and store.produced == ["a", "a"]

    run(go())


def test_responses_without_a_version_follow_every_change():
    store = Store()
    cache = ResponseCache(store.generation, 10_000, fresh=0.0)

    async def go():
        await cache.get("list", store.produce("list"))
        await cache.get("list", store.produce("list"))
        assert store.produced == ["list"]
        store.gen += 1
        await cache.get("list", store.produce("list"))
        assert store.produced == ["list", "list"]

    run(go())


def test_generation_is_read_at_most_every_fresh_seconds():
    store = Store()
    cache = ResponseCache(store.generation, 10_000, fresh=3600.0)

    async def go():
        for _ in range(50):
            await cache.get("a", store.produce("a"), store.version("a"))
        store.gen += 1
        store.versions["a"] = "v2"
        assert (await cache.get("a", store.produce("a"), store.version("a"))).startswith(b"a:v1")

    run(go())
    assert store.generation_reads == 1 and store.produced == ["a"]


def test_one_computation_for_many_concurrent_requests():
    store = Store()
    cache = ResponseCache(store.generation, 10_000, fresh=0.0)

    async def go():
        bodies = await asyncio.gather(
            *(cache.get("a", store.produce("a", delay=0.2), store.version("a")) for _ in range(30))
        )
        assert len(set(bodies)) == 1

    run(go())
    assert store.produced == ["a"] and store.version_reads == 1


def test_missing_things_are_none_and_forgotten():
    store = Store()
    cache = ResponseCache(store.generation, 10_000, fresh=0.0)

    async def go():
        assert await cache.get("a", store.produce("a"), store.version("a")) is not None
        del store.versions["a"]
        store.gen += 1
        assert await cache.get("a", store.produce("a"), store.version("a")) is None
        assert len(cache) == 0

    run(go())


def test_bounded_by_bytes_least_recent_first():
    from corroborate.web.cache import ENTRY_OVERHEAD

    store = Store()
    one = 100 + ENTRY_OVERHEAD + 200  # body, overhead, about 200 for key and version objects
    cache = ResponseCache(store.generation, int(2.5 * one), fresh=3600.0)

    async def go():
        for key in ("a", "b", "c"):
            store.versions[key] = "v1"
            await cache.get(key, store.produce(key, size=100), store.version(key))
        assert len(cache) == 2 and 2 * (100 + ENTRY_OVERHEAD) < cache.bytes <= 2 * one
        await cache.get("b", store.produce("b", size=100), store.version("b"))  # kept
        await cache.get("a", store.produce("a", size=100), store.version("a"))  # made again

    run(go())
    assert store.produced == ["a", "b", "c", "a"]


def test_kept_responses_outlive_a_database_outage():
    store = Store()
    cache = ResponseCache(store.generation, 10_000, fresh=0.0)

    async def go():
        body = await cache.get("a", store.produce("a"), store.version("a"))
        store.down = True
        assert await cache.get("a", store.produce("a"), store.version("a")) == body

    run(go())
    cold = ResponseCache(store.generation, 10_000, fresh=0.0)
    with pytest.raises(ConnectionError):
        run(cold.get("a", store.produce("a"), store.version("a")))


def test_small_entries_count_what_they_hold():
    """A flood of tiny responses (searches anyone can make) fills the cap by
    their real size, not their body length."""
    import tracemalloc

    store = Store()
    cache = ResponseCache(store.generation, 10**9, fresh=3600.0)

    async def go():
        for i in range(2000):
            await cache.get(("search", f"q{i}", 20), store.produce(f"k{i}", size=10))

    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    run(go())
    held = tracemalloc.get_traced_memory()[0] - before
    tracemalloc.stop()
    assert cache.bytes >= 0.8 * held  # counted close to (or above) what is really held
