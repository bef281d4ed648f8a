"""Service load: story page and API latency under concurrent clients.

Run: python bench/bench_service.py [--articles N] [--clients C] [--seconds S] [--backends sqlite,postgresql]
(default 10,000 articles, 50 clients, 15 s per endpoint, both backends)

For each backend: a store is filled with N generated articles (bench/gen_stories.py)
through the incremental ingest, ``corroborate serve`` runs in its own
process (2 workers) on loopback, and this process plays C concurrent
keep-alive clients for S seconds per endpoint, each client requesting
random stories. Prints p50/p95/p99 latency and requests/s per endpoint.
Target: story page p95 under 100 ms at 50 clients.
"""

from __future__ import annotations

import argparse
import http.client
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from contextlib import ExitStack
from pathlib import Path

from gen_stories import stories

from corroborate import clean_article
from corroborate.store import Store
from corroborate.store.ingest import add_articles
from corroborate.store.pgtemp import temporary_postgres

ROOT = Path(__file__).resolve().parents[1]


def fill(url: str, n: int) -> tuple[Store, float]:
    store = Store(url)
    items = stories(max(1, n // 14), seed=5)[:n]
    arts = [
        clean_article(
            g.text, published=g.published.isoformat(), title=g.title, outlet=g.outlet, path=g.id
        )
        for g in items
    ]
    t0 = time.perf_counter()
    for k in range(0, len(arts), 2000):  # arrives in batches, as a newsroom feed does
        add_articles(store, arts[k : k + 2000])
    return store, time.perf_counter() - t0


def serve(url: str) -> tuple[subprocess.Popen, int]:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    proc = subprocess.Popen(
        [sys.executable, "-m", "corroborate", "serve", "--db", url, "--port", str(port),
         "--workers", "2"],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )  # fmt: skip
    for _ in range(300):
        try:
            c = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            c.request("GET", "/api/stories?limit=1")
            if c.getresponse().status == 200:
                return proc, port
        except OSError:
            time.sleep(0.1)
    proc.kill()
    raise RuntimeError("server did not start: " + proc.stderr.read().decode()[-2000:])


def load(port: int, paths: list[str], clients: int, seconds: float) -> tuple[list[float], int]:
    latencies: list[float] = []
    errors = 0
    lock = threading.Lock()
    stop = time.perf_counter() + seconds

    def client(seed: int) -> None:
        nonlocal errors
        rng = random.Random(seed)
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        mine: list[float] = []
        bad = 0
        while time.perf_counter() < stop:
            path = rng.choice(paths)
            t0 = time.perf_counter()
            try:
                conn.request("GET", path)
                resp = conn.getresponse()
                resp.read()
                if resp.status != 200:
                    bad += 1
            except (OSError, http.client.HTTPException):
                bad += 1
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
                continue
            mine.append(time.perf_counter() - t0)
        with lock:
            latencies.extend(mine)
            errors += bad

    threads = [threading.Thread(target=client, args=(i,)) for i in range(clients)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    return latencies, errors


def report(name: str, lat: list[float], errors: int, seconds: float) -> None:
    if not lat:
        print(f"  {name:22s} no responses ({errors} errors)")
        return
    q = statistics.quantiles(lat, n=100)
    print(
        f"  {name:22s} p50 {q[49] * 1000:6.1f} ms  p95 {q[94] * 1000:6.1f} ms  "
        f"p99 {q[98] * 1000:6.1f} ms  {len(lat) / seconds:7.0f} req/s  ({errors} errors)"
    )


def run(backend: str, url: str, args: argparse.Namespace) -> None:
    store, took = fill(url, args.articles)
    total, _ = store.stories(0, 1)
    ids = [r["id"] for r in store.stories(0, 100_000)[1]]
    print(f"{backend}: {store.count_articles():,} articles, {total:,} stories "
          f"(ingested in {took:.0f} s)")  # fmt: skip
    proc, port = serve(url)
    try:
        sample = random.Random(1).sample(ids, min(len(ids), 2000))
        endpoints = {
            "story page": [f"/stories/{i}" for i in sample],
            "api story": [f"/api/stories/{i}" for i in sample],
            "api story list": [f"/api/stories?offset={o}&limit=50" for o in range(0, total, 50)],
            "story list page": ["/"],
        }
        for name, paths in endpoints.items():
            load(port, paths[:200], args.clients, 2)  # warm up
            lat, errors = load(port, paths, args.clients, args.seconds)
            report(name, lat, errors, args.seconds)
    finally:
        proc.terminate()
        proc.wait(timeout=20)
        store.close()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=int, default=10_000)
    ap.add_argument("--clients", type=int, default=50)
    ap.add_argument("--seconds", type=float, default=15)
    ap.add_argument("--backends", default="sqlite,postgresql")
    args = ap.parse_args()
    with ExitStack() as stack:
        for backend in args.backends.split(","):
            if backend == "sqlite":
                url = str(Path(stack.enter_context(tempfile.TemporaryDirectory())) / "bench.db")
            else:
                url = stack.enter_context(temporary_postgres("bench"))
            run(backend, url, args)


if __name__ == "__main__":
    main()
