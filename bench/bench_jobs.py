"""Story building on one and on two worker processes.

Run: python bench/bench_jobs.py [N]   (default 3,000 generated articles)

Times ``build_stories`` (copies, clustering, then every story's extraction,
cross-check and brief) with ``jobs=1`` and ``jobs=2`` on the same generated
articles, and apart the per-story stage (the part that runs in the workers);
checks that both give the same stories.
"""

from __future__ import annotations

import copy
import sys
import time

from gen_stories import stories

import corroborate.pipeline as pipeline
from corroborate import clean_article
from corroborate.report.json import story_to_dict


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 3000
    items = stories(max(1, n // 12), seed=11)[:n]
    arts = [clean_article(g.text, published=g.published.isoformat(), path=g.id) for g in items]
    real = pipeline._built
    stage: dict[int, float] = {}

    def timed(groups: list, jobs: int, ctx: object = None) -> list:
        t0 = time.perf_counter()
        out = real(groups, jobs, ctx)
        stage[jobs] = time.perf_counter() - t0
        return out

    pipeline._built = timed  # type: ignore[assignment]
    total: dict[int, float] = {}
    docs = {}
    for jobs in (1, 2):
        batch = copy.deepcopy(arts)
        t0 = time.perf_counter()
        built = pipeline.build_stories(batch, jobs=jobs)
        total[jobs] = time.perf_counter() - t0
        docs[jobs] = [story_to_dict(s) for s in built]
        print(
            f"jobs {jobs}: {len(batch):,} articles, {len(built)} stories in {total[jobs]:.1f} s "
            f"({len(batch) / total[jobs]:,.0f} articles/s); per-story stage {stage[jobs]:.1f} s"
        )
    print(
        f"speed-up with 2 jobs: per-story stage {stage[1] / stage[2]:.2f}x, "
        f"whole build {total[1] / total[2]:.2f}x; same stories: {docs[1] == docs[2]}"
    )


if __name__ == "__main__":
    main()
