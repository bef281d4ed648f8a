"""The local and Ray engines on one generated corpus: articles/s end to end,
Ray with 1 and 2 workers and its scaling efficiency, and whether every engine
gives the local engine's document.

Run: python bench/bench_engines.py [EVENTS]   (default 300 events, about 3,000 articles)
Needs the ray extra. Ray's start (a few seconds) is timed apart from the run.
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
from pathlib import Path

from gen_stories import stories

from corroborate.engines import process_with
from corroborate.report.json import document_to_dict


def write_corpus(folder: Path, events: int) -> int:
    arts = stories(events, seed=5)
    with open(folder / "coverage.jsonl", "w", encoding="utf-8") as fh:
        for a in arts:
            fh.write(json.dumps({"id": a.id, "text": a.text, "title": a.title, "outlet": a.outlet,
                                 "published": a.published.isoformat(),
                                 "language": a.language}) + "\n")  # fmt: skip
    return len(arts)


def main() -> None:
    import ray

    events = int(sys.argv[1]) if len(sys.argv) > 1 else 300
    with tempfile.TemporaryDirectory() as tmp:
        n = write_corpus(Path(tmp), events)
        paths = [tmp]
        print(f"articles: {n} ({events} generated events)")
        runs: dict[str, tuple[float, str]] = {}
        for name, engine, jobs in (("local, 1 process", "local", 1),
                                   ("local, --jobs 2", "local", 2)):  # fmt: skip
            t0 = time.perf_counter()
            doc = process_with(engine, paths, jobs=jobs)
            runs[name] = (
                time.perf_counter() - t0,
                json.dumps(document_to_dict(doc), sort_keys=True),
            )
        for workers in (1, 2):
            t0 = time.perf_counter()
            ray.init(num_cpus=workers, include_dashboard=False, log_to_driver=False,
                     configure_logging=False)  # fmt: skip
            start = time.perf_counter() - t0
            t0 = time.perf_counter()
            doc = process_with("ray", paths)
            runs[f"ray, {workers} worker{'s' if workers > 1 else ''}"] = (
                time.perf_counter() - t0, json.dumps(document_to_dict(doc), sort_keys=True))  # fmt: skip
            ray.shutdown()
            print(f"  (ray start with {workers} CPU{'s' if workers > 1 else ''}: {start:.1f} s)")
        base = runs["local, 1 process"][1]
        for name, (dt, out) in runs.items():
            same = "same document" if out == base else "DIFFERENT document"
            print(f"{name:18s} {dt:7.1f} s  {n / dt:7.0f} articles/s  {same}")
        one, two = runs["ray, 1 worker"][0], runs["ray, 2 workers"][0]
        print(
            f"ray scaling efficiency, 1 -> 2 workers: {one / two / 2:.2f} (speed-up {one / two:.2f}x)"
        )


if __name__ == "__main__":
    main()
