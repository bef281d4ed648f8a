"""Plain-text cleaning throughput on a generated corpus (single process).

Measures ``build_article`` on text records (line classification, metadata
harvesting, normalisation with offsets, language detection, sentence
splitting, id): articles/s and MB/s on one core, plus peak memory growth.

    python bench/bench_clean.py [N]      # default N = 10000
"""

from __future__ import annotations

import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from gen_corpus import corpus

from corroborate.clean.article import build_article
from corroborate.ingest.base import RawRecord


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    texts = corpus(n)
    size = sum(len(t.encode()) for t in texts)
    build_article(RawRecord(path="warm", format="text", text=texts[0]))  # load models
    rss0 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    t0 = time.process_time()
    w0 = time.perf_counter()
    removed = 0
    for i, text in enumerate(texts):
        a = build_article(RawRecord(path=f"gen/{i}.txt", format="text", text=text))
        removed += len(a.removed)
    cpu = time.process_time() - t0
    wall = time.perf_counter() - w0
    rss1 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(
        f"plain-text cleaning: {n:,} generated articles, {size / 1e6:.1f} MB "
        f"(mean {size / n / 1024:.1f} KB), {removed / n:.1f} lines removed per article"
    )
    print(
        f"  {n / cpu:,.0f} articles/s per core (CPU time), {size / 1e6 / cpu:.2f} MB/s; "
        f"wall {wall:.2f}s"
    )
    print(f"  peak RSS growth during the run: {(rss1 - rss0) / 1024:.1f} MB")
    print("  target: >= 2,000 articles/s per core")


if __name__ == "__main__":
    main()
