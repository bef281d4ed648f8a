"""Fuzz every reader, the cleaner, extraction, the renderers and the web
ingest for a while (default 10 minutes), with fresh random seeds, and print
how many examples ran and what failed.

    python bench/fuzz.py [--minutes 10]

The same targets run briefly in CI (tests/test_fuzz.py). Only documented
input errors are allowed: an ``InputError`` result or a 4xx reply; anything
else is a failure, printed with the example Hypothesis shrank it to.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--minutes", type=float, default=10.0)
    parser.add_argument("--batch", type=int, default=200, help="examples per target per round")
    args = parser.parse_args()
    os.environ["CORROBORATE_FUZZ_EXAMPLES"] = str(args.batch)
    sys.path.insert(0, str(ROOT))
    from hypothesis import settings

    settings.register_profile("fuzz", database=None, derandomize=False, deadline=None)
    settings.load_profile("fuzz")
    import tests.test_fuzz as fuzz

    targets = {name: fn for name, fn in vars(fuzz).items() if name.startswith("test_")}
    ran = {name: 0 for name in targets}
    failures: dict[str, str] = {}
    stop = time.monotonic() + args.minutes * 60
    rounds = 0
    while time.monotonic() < stop and len(failures) < len(targets):
        rounds += 1
        for name, fn in targets.items():
            if name in failures or time.monotonic() >= stop:
                continue
            try:
                fn()  # runs ``batch`` new random examples
                ran[name] += args.batch
            except Exception:
                failures[name] = traceback.format_exc(limit=-8)
    print(f"fuzz: {args.minutes:g} min, {rounds} round(s)")
    for name in targets:
        state = "FAILED" if name in failures else "ok"
        print(f"  {name:<45} {ran[name]:>7} examples  {state}")
    for name, trace in failures.items():
        print(f"\n--- {name}\n{trace}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
