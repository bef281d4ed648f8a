"""Service load: page and API latency under concurrent clients.

Run: python bench/bench_service.py [--articles N] [--clients C] [--seconds S]
                                   [--backends sqlite,postgresql] [--jobs J] [--keep DIR]
(default 10,000 articles, 50 clients, 15 s per endpoint, both backends)

For each backend:

1. **Fill**: N generated articles (bench/gen_stories.py) arrive in publication
   order, in batches of 2,000, through the incremental ingest (``J`` worker
   processes build the changed stories). Prints ingest time and rate.
   ``--keep DIR`` keeps the stores in DIR, so a second run skips the fill.
2. ``corroborate serve --workers 2`` runs in its own process on loopback.
3. For each endpoint, **cold**: every path is requested once by C concurrent
   clients right after the server started, so nothing is rendered or kept yet
   (each of wrk's threads takes its share of the paths and stops when it has
   them all; requests its other connections sent meanwhile repeat its last
   path, at most C in all);
   then **warm**: a 3 s unmeasured warm-up and S seconds measured with random
   paths. Both by ``wrk`` (Debian's package; C connections, 2 threads) in a
   second process. Without wrk, a threaded Python client plays the load (it
   takes CPU from the server on a small machine, so figures are worse).

Prints p50/p95/p99 latency and requests/s. Target: story page p95 under
100 ms at 50 concurrent clients.
"""

from __future__ import annotations

import argparse
import http.client
import os
import random
import shutil
import signal
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
BATCH = 2000

WRK_SCRIPT = """
local paths = {}
for line in io.lines(os.getenv("BENCH_PATHS")) do paths[#paths + 1] = line end
local counter = 0
local threads = tonumber(os.getenv("BENCH_THREADS"))
once = os.getenv("BENCH_ONCE") == "1"
function setup(thread)
  thread:set("seed", counter)
  counter = counter + 1
end
function init(args)
  math.randomseed(seed + 1)
  mine = {}  -- with BENCH_ONCE: this thread's share of the paths, each once
  for i = seed + 1, #paths, threads do mine[#mine + 1] = paths[i] end
  sent, got = 0, 0
  if once and #mine == 0 then finished() end
end
function request()
  if once then
    sent = sent + 1  -- past its share (other connections still busy), repeat the last path
    return wrk.format("GET", mine[math.min(sent, #mine)])
  end
  return wrk.format("GET", paths[math.random(#paths)])
end
function finished()  -- this thread has fetched each of its paths once
  local f = io.open(os.getenv("BENCH_DONE"), "a")
  f:write("done\\n")
  f:close()
end
function response(status, headers, body)
  if once then
    got = got + 1
    if got == #mine then
      finished()
      wrk.thread:stop()
    end
  end
end
function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT %d %d %d %d %d %d\\n",
    latency:percentile(50), latency:percentile(95), latency:percentile(99),
    summary.requests, summary.duration,
    e.connect + e.read + e.write + e.status + e.timeout))
end
"""


def fill(store: Store, n: int, jobs: int) -> float:
    items = sorted(stories(max(1, n // 14), seed=5)[:n], key=lambda g: (g.published, g.id))
    arts = [
        clean_article(
            g.text, published=g.published.isoformat(), title=g.title, outlet=g.outlet, path=g.id
        )
        for g in items
    ]
    t0 = time.perf_counter()
    for k in range(0, len(arts), BATCH):  # arrives in batches, as a newsroom feed does
        add_articles(store, arts[k : k + BATCH], jobs=jobs)
    return time.perf_counter() - t0


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
            c.request("GET", "/api/health")
            if c.getresponse().status == 200:
                return proc, port
        except OSError:
            time.sleep(0.1)
    proc.kill()
    raise RuntimeError("server did not start: " + proc.stderr.read().decode()[-2000:])


def python_load(
    port: int, paths: list[str], clients: int, seconds: float | None
) -> tuple[list[float], int, float]:
    """C threads with keep-alive connections: random paths for ``seconds``,
    or (``seconds`` None) every path once, shared out between the clients."""
    latencies: list[float] = []
    errors = 0
    lock = threading.Lock()
    queue = list(reversed(paths))
    stop = time.perf_counter() + (seconds or 0)

    def next_path(rng: random.Random) -> str | None:
        if seconds is not None:
            return rng.choice(paths) if time.perf_counter() < stop else None
        with lock:
            return queue.pop() if queue else None

    def client(seed: int) -> None:
        nonlocal errors
        rng = random.Random(seed)
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        mine: list[float] = []
        bad = 0
        while (path := next_path(rng)) is not None:
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

    t0 = time.perf_counter()
    threads = [threading.Thread(target=client, args=(i,)) for i in range(clients)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    return latencies, errors, time.perf_counter() - t0


def wrk_load(
    port: int, paths: list[str], clients: int, seconds: float | None, work: Path
) -> tuple[float, float, float, float, int, int]:
    """(p50, p95, p99 in seconds, requests/s, errors, requests) from one wrk
    run: random paths for ``seconds``, or (None) every path once."""
    threads = 2
    (work / "paths.txt").write_text("\n".join(paths) + "\n")
    (work / "load.lua").write_text(WRK_SCRIPT)
    done = work / "done"
    done.unlink(missing_ok=True)
    env = {**os.environ, "BENCH_PATHS": str(work / "paths.txt"), "BENCH_THREADS": str(threads),
           "BENCH_ONCE": "1" if seconds is None else "0", "BENCH_DONE": str(done)}  # fmt: skip
    proc = subprocess.Popen(
        ["wrk", f"-t{threads}", f"-c{clients}", f"-d{seconds or 600:g}s", "--timeout", "10s",
         "-s", str(work / "load.lua"), f"http://127.0.0.1:{port}"],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    if seconds is None:  # stop wrk (SIGINT: it reports and exits) once every path was fetched
        while proc.poll() is None:
            if done.exists() and len(done.read_text().split()) >= threads:
                proc.send_signal(signal.SIGINT)
                break
            time.sleep(0.01)
    out, err = proc.communicate()
    line = next((x for x in out.splitlines() if x.startswith("RESULT ")), None)
    if line is None:
        raise RuntimeError(f"wrk gave no result: {err.strip()[-500:]}")
    p50, p95, p99, requests, duration_us, errors = (int(v) for v in line.split()[1:])
    rate = requests / (duration_us / 1e6)
    return p50 / 1e6, p95 / 1e6, p99 / 1e6, rate, errors, requests


def row(
    name: str, p50: float, p95: float, p99: float, rate: float, errors: int, note: str = ""
) -> None:
    print(
        f"  {name:28s} p50 {p50 * 1000:6.1f} ms  p95 {p95 * 1000:6.1f} ms  "
        f"p99 {p99 * 1000:6.1f} ms  {rate:7.0f} req/s  ({errors} errors){note}",
        flush=True,
    )


def latency_row(name: str, lat: list[float], errors: int, seconds: float) -> None:
    if len(lat) < 2:
        print(f"  {name:28s} no responses ({errors} errors)")
        return
    q = statistics.quantiles(lat, n=100)
    row(name, q[49], q[94], q[98], len(lat) / seconds, errors)


def run(backend: str, url: str, args: argparse.Namespace, work: Path) -> None:
    store = Store(url)
    have = store.count_articles()
    if have < args.articles:
        took = fill(store, args.articles, args.jobs)
        if added := store.count_articles() - have:
            print(f"{backend}: ingested {added:,} articles in {took:.0f} s "
                  f"({added / took:.1f} articles/s, {args.jobs} job(s))", flush=True)  # fmt: skip
    total, _ = store.stories(0, 1)
    ids = [r["id"] for r in store.stories(0, 100_000)[1]]
    rng = random.Random(1)
    article_ids = rng.sample(sorted(store.story_of()), min(2000, store.count_articles()))
    words = ["flood", "minister", "evacuated", "Valmora", "agency", "killed", "ferry"]
    print(f"{backend}: {store.count_articles():,} articles, {total:,} stories", flush=True)
    store.close()
    endpoints = {
        "story page": [f"/stories/{i}" for i in ids],
        "API story": [f"/api/stories/{i}" for i in ids],
        "story list page": [f"/?page={p}" for p in range(1, -(-total // 50) + 1)],
        "API story list": [f"/api/stories?offset={o}&limit=50" for o in range(0, total, 50)],
        "article page": [f"/articles/{a}" for a in article_ids],
        "API search": [f"/api/search?q={w}" for w in words],
    }
    proc, port = serve(url)
    try:
        for name, paths in endpoints.items():
            paths = rng.sample(paths, len(paths))
            if shutil.which("wrk") and not args.python_client:
                *figures, requests = wrk_load(port, paths, args.clients, None, work)
                row(f"{name}, cold", *figures, f"  [{requests} requests, {len(paths)} paths]")
                wrk_load(port, paths, args.clients, 3, work)  # warm-up
                *figures, _ = wrk_load(port, paths, args.clients, args.seconds, work)
                row(f"{name}, warm", *figures)
            else:
                lat, errors, took = python_load(port, paths, args.clients, None)
                latency_row(f"{name}, cold (python client)", lat, errors, took)
                python_load(port, paths, args.clients, 3)  # warm-up
                lat, errors, _ = python_load(port, paths, args.clients, args.seconds)
                latency_row(f"{name}, warm (python client)", lat, errors, args.seconds)
    finally:
        proc.terminate()
        proc.wait(timeout=20)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=int, default=10_000)
    ap.add_argument("--clients", type=int, default=50)
    ap.add_argument("--seconds", type=float, default=15)
    ap.add_argument("--backends", default="sqlite,postgresql")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--keep", type=Path, help="keep the filled stores here and reuse them")
    ap.add_argument("--python-client", action="store_true", help="load with Python, not wrk")
    args = ap.parse_args()
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
    if not shutil.which("wrk") and not args.python_client:
        print("wrk not found (apt-get install wrk): loading with the Python client instead")
    with ExitStack() as stack:
        work = Path(stack.enter_context(tempfile.TemporaryDirectory()))
        for backend in args.backends.split(","):
            if backend == "sqlite":
                url = str((args.keep or work) / f"bench-{args.articles}.db")
            else:
                keep = args.keep / f"pg-{args.articles}" if args.keep else None
                url = stack.enter_context(temporary_postgres("bench", keep=keep))
            run(backend, url, args, work)


if __name__ == "__main__":
    main()
