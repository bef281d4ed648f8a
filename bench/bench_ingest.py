"""Incremental ingest: the cost of adding a few articles to a stored corpus.

Run: python bench/bench_ingest.py [N_GENERATED]   (default 1,000 generated articles)

For the real news-dev-2 coverage and a generated corpus of N articles: store
all but the last ten articles, then time ingesting those ten, (a) as the store
does it, reading the changed stories' other articles' extractions back from
the ``extractions`` table, and (b) the same ingest on a copy of the store with
that table emptied, which extracts every article of every changed story again
(the behaviour before stored extractions). Also prints the time per article
for the first, bulk ingest. The third corpus is one long-running generated
story, where re-extraction costs most.
"""

from __future__ import annotations

import random
import shutil
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

from _shared import need
from gen_stories import _english, _events, stories
from sqlalchemy import delete

from corroborate import clean_article
from corroborate.ingest import read_paths
from corroborate.ingest.base import RawRecord
from corroborate.model import Article
from corroborate.pipeline import clean_record
from corroborate.store import Store
from corroborate.store import schema as t
from corroborate.store.ingest import add_articles

HELD_BACK = 10


def real_articles() -> list[Article]:
    folder = need("data/news-dev-2/articles")
    out = []
    for rec in read_paths([str(folder)]):
        art = clean_record(rec) if isinstance(rec, RawRecord) else None
        if isinstance(art, Article):
            out.append(art)
    return sorted(out, key=lambda a: a.path)


def generated(n: int) -> list[Article]:
    out = []
    for g in stories(max(1, n // 8)):
        out.append(clean_article(g.text, published=g.published.isoformat(), path=g.id))
        if len(out) == n:
            break
    return out


def long_story(n: int) -> list[Article]:
    """One long-running event covered ``n`` times (days of follow-ups)."""
    rng = random.Random(5)
    (ev,) = _events(1, rng)
    out = []
    for k in range(n):
        day = k * max(ev.days, 1) // n
        title, text = _english(ev, day, rng, excerpt=False)
        pub = ev.start + timedelta(days=day)
        out.append(clean_article(text, title=title, published=pub.isoformat(), path=f"long-{k}"))
    return out


def run(name: str, articles: list[Article], tmp: Path) -> None:
    first, rest = articles[:-HELD_BACK], articles[-HELD_BACK:]
    db = tmp / f"{name}.db"
    store = Store(str(db))
    t0 = time.perf_counter()
    add_articles(store, first)
    bulk = time.perf_counter() - t0
    store.close()
    plain = tmp / f"{name}-plain.db"
    shutil.copy(db, plain)
    with_rows = Store(str(db))
    t0 = time.perf_counter()
    res = add_articles(with_rows, rest)
    stored = time.perf_counter() - t0
    touched = sum(len(with_rows.story(s)["articles"]) for s in res.stories_updated)  # type: ignore[index]
    without = Store(str(plain))
    with without.engine.begin() as conn:
        conn.execute(delete(t.extractions))
    t0 = time.perf_counter()
    add_articles(without, rest)
    again = time.perf_counter() - t0
    print(
        f"{name}: {len(first)} stored ({bulk / len(first) * 1000:.0f} ms/article in bulk); "
        f"+{len(rest)} articles touching {len(res.stories_updated)} stories of {touched} articles: "
        f"{stored:.2f} s with stored extractions, {again:.2f} s re-extracting "
        f"({again / stored:.1f}x)"
    )


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        run("news-dev-2", real_articles(), tmp)
        run(f"generated-{n}", generated(n), tmp)
        run("one story of 300", long_story(300), tmp)


if __name__ == "__main__":
    main()
