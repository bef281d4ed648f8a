"""Claim checking against a large store: the time per claim as `corroborate check --db` pays it.

Run: python bench/bench_check_store.py [N]   (default 10,000 generated articles)

Ingests N generated articles (bench/gen_stories.py: invented events, each
covered by several outlets over days, with copies, translations and rising
tolls) into a fresh SQLite store, then checks three claims per event (of the
first hundred), as the command does (the stories search finds by the claim's
names, then the verdict): the event's first toll as its outlets give it ("at
least 312 people were killed in Lisk"), the same toll tripled, and the toll in
a city the corpus never mentions. Prints the ingest rate, how the
verdicts fall (a toll that rises day by day may be a step of the count: "not
found" with the values over time is a right answer for a true claim) and the
median and 95th-percentile time per claim. The target is p95 under 200 ms.
"""

from __future__ import annotations

import random
import statistics
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from gen_stories import KINDS, _events, stories

from corroborate import clean_article
from corroborate.check import check_claim, stories_about
from corroborate.store import Store
from corroborate.store.ingest import add_articles

CHUNK = 500  # articles per ingest call, as a newsroom's batches arrive
UNKNOWN = ["Zarneth", "Quillon", "Morvale", "Ostrega", "Pellith"]  # named nowhere in the corpus


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    generated = stories(max(1, n // 12))[:n]
    events = _events(max(1, n // 12), random.Random(3))  # the events stories() wrote of
    articles = [clean_article(g.text, title=g.title or None, published=g.published.isoformat(),
                              path=g.id, outlet=g.outlet) for g in generated]  # fmt: skip
    with tempfile.TemporaryDirectory() as d:
        store = Store(str(Path(d) / "check.db"))
        t0 = time.perf_counter()
        for i in range(0, len(articles), CHUNK):
            add_articles(store, articles[i : i + CHUNK])
        took = time.perf_counter() - t0
        counts = store.counts()
        print(f"store: {len(articles)} articles ingested in {took:.0f} s "
              f"({len(articles) / took:.0f} articles/s), {counts.get('stories', '?')} stories")  # fmt: skip
        claims = []
        for k, ev in enumerate(events[:100]):
            victims = KINDS[ev.kind][2]  # killed, missing, trapped, infected, ...
            claims.append(("true", f"At least {ev.toll} people were {victims} in {ev.city}."))
            claims.append(
                ("tripled", f"At least {ev.toll * 3} people were {victims} in {ev.city}.")
            )
            claims.append(("unknown", f"At least {ev.toll} people were {victims} in "
                                      f"{UNKNOWN[k % 5]}."))  # fmt: skip
        verdicts: dict[str, Counter[str]] = {"true": Counter(), "tripled": Counter(),
                                             "unknown": Counter()}  # fmt: skip
        times = []
        wrong = []
        for kind, claim in claims:
            t0 = time.perf_counter()
            result = check_claim(claim, stories_about(store, claim))
            times.append(time.perf_counter() - t0)
            verdicts[kind][result.verdict] += 1
            if kind != "true" and result.verdict in ("corroborated", "single-source"):
                wrong.append(
                    f"  {kind} claim verdicted {result.verdict}: {claim} ({result.reason})"
                )
        store.close()
    for kind, c in verdicts.items():
        print(f"{kind:8s} {sum(c.values()):4d} claims: {dict(c.most_common())}")
    print("\n".join(wrong) or "no tripled or unknown claim verdicted supported")
    times.sort()
    print(f"time per claim on a store of {len(articles)} articles: median "
          f"{statistics.median(times) * 1000:.0f} ms, p95 "
          f"{times[int(0.95 * (len(times) - 1))] * 1000:.0f} ms (target p95 < 200 ms)")  # fmt: skip


if __name__ == "__main__":
    main()
