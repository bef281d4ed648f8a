"""What the claim-checking benchmarks share: checking a list of claims of
known kinds against stories, and how the verdicts and the time fall."""

from __future__ import annotations

import statistics
import time
from collections import Counter
from typing import Any

from corroborate.check import check_claim


def check_all(
    claims: list[tuple[str, str]], stories: list[dict[str, Any]], kinds: list[str]
) -> tuple[dict[str, Counter[str]], list[float]]:
    """Each claim's verdict counted under its kind (printed per kind), and the
    sorted seconds each check took."""
    verdicts: dict[str, Counter[str]] = {k: Counter() for k in kinds}
    times = []
    for text, kind in claims:
        t0 = time.perf_counter()
        verdicts[kind][check_claim(text, stories).verdict] += 1
        times.append(time.perf_counter() - t0)
    width = max(len(k) for k in kinds) + 2
    for kind, counts in verdicts.items():
        print(f"{kind:{width}s} {sum(counts.values()):4d} claims: {dict(counts.most_common())}")
    return verdicts, sorted(times)


def print_times(times: list[float], stories: int) -> None:
    print(
        f"time per claim: median {statistics.median(times) * 1000:.0f} ms, "
        f"p95 {times[int(0.95 * (len(times) - 1))] * 1000:.0f} ms over {stories} stories"
    )


def report(
    verdicts: dict[str, Counter[str]],
    times: list[float],
    stories: int,
    distortions: list[str],
    supported: frozenset[str],
    others: tuple[str, ...] = (),
) -> None:
    """The headline figures: true claims found supported (``supported``
    verdicts), claims of the ``distortions`` and ``others`` kinds verdicted
    corroborated or single-source (the target is none), distortions named."""
    true = verdicts["true"]
    found = sum(true[v] for v in supported)
    wrong = sum(verdicts[k][v] for k in (*distortions, *others)
                for v in ("corroborated", "single-source"))  # fmt: skip
    named = sum(verdicts[k]["distorted"] for k in distortions)
    total = sum(sum(verdicts[k].values()) for k in distortions)
    what = "distorted or unsupported" if others else "distorted"
    print(f"true claims supported: {found}/{sum(true.values())} = "
          f"{found / max(1, sum(true.values())):.3f}")  # fmt: skip
    print(f"{what} claims verdicted supported: {wrong} (target 0)")
    print(f"distortions named distorted: {named}/{total}")
    print_times(times, stories)
