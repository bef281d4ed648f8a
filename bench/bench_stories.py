"""Story clustering and duplicate detection: quality on real and generated
labelled sets, and speed and memory at scale.

Run: python bench/bench_stories.py [--scale N]   (default N = 100,000; 0 skips it)

Quality (B-cubed precision, recall, F1 over the labelled articles):
- news-dev: 55 real excerpts about six events (../shared), alone and with
  the 181 pages of the Article Extraction Benchmark mixed in as
  distractors (cleaned from their HTML). A distractor that joins a news-dev
  story counts against precision; distractors grouping among themselves
  are reported apart (several of them really are about one story).
- generated: 30 invented events (bench/gen_stories.py), 400+ articles with
  paraphrases, excerpts, translations, wire copies, long-running stories
  and same-actor events weeks apart, alone and with the distractors.
Duplicates: recall on the labelled copies and on all same-story pairs at
word-3-shingle Jaccard >= 0.8, and copy links across stories (must be 0).
Real coverage: news-dev-2 and news-dev beside TF-IDF and MiniLM with
average linkage (bench_events.py), and the labelled copies, lexical and
rewritten, beside datasketch (bench_copies.py).
Scale: N generated articles cleaned (2 processes), then deduplicated and
clustered; prints the time of each stage and the peak memory.
"""

from __future__ import annotations

import gzip
import itertools
import json
import multiprocessing as mp
import resource
import sys
import time
from collections import defaultdict

from _shared import SHARED
from gen_stories import stories

from corroborate import clean_article
from corroborate.clean.article import build_article
from corroborate.dedupe import Deduper, find_duplicates, jaccard, shingles
from corroborate.errors import BadInput
from corroborate.ingest.base import RawRecord
from corroborate.model import Article
from corroborate.stories import embeddings
from corroborate.stories.cluster import ClusterConfig, StoryIndex


def bcubed(pred: dict[str, int], gold: dict[str, str], scored: set[str]) -> tuple[float, ...]:
    by_pred: dict[int, set[str]] = defaultdict(set)
    by_gold: dict[str, set[str]] = defaultdict(set)
    for a, c in pred.items():
        by_pred[c].add(a)
    for a in scored:
        by_gold[gold[a]].add(a)
    p = r = 0.0
    for a in scored:
        cluster, truth = by_pred[pred[a]], by_gold[gold[a]]
        p += len(cluster & truth) / len(cluster)
        r += len(cluster & truth) / len(truth)
    p, r = p / len(scored), r / len(scored)
    return p, r, 2 * p * r / (p + r)


def evaluate(
    name: str,
    articles: list[Article],
    gold: dict[str, str],
    scored: set[str],
    config: ClusterConfig | None = None,
) -> float:
    index = StoryIndex(config or ClusterConfig())
    index.add(articles, find_duplicates(articles))
    clusters = index.clusters()
    pred = {a: i for i, c in enumerate(clusters) for a in c}
    p, r, f = bcubed(pred, gold, scored)
    stray = sum(1 for c in clusters if any(a in scored for a in c) for a in c if a not in scored)
    print(
        f"{name:28s} B-cubed P {p:.3f}  R {r:.3f}  F1 {f:.3f}   "
        f"({len(scored)} labelled, {len(clusters)} stories, {stray} distractors in labelled stories)"
    )
    return f


def news_dev() -> tuple[list[Article], dict[str, str], list[tuple[str, str]]]:
    root = SHARED / "data" / "news-dev"
    labels = json.loads((root / "labels.json").read_text())
    arts, gold, links, by_file = [], {}, [], {}
    for lab in labels:
        text = (root / "articles" / lab["file"]).read_text(encoding="utf-8")
        a = clean_article(text, published=lab["published"], path=lab["file"], url=lab["url"])
        arts.append(a)
        gold[a.id] = lab["story"]
        by_file[lab["file"]] = a.id
    for lab in labels:
        if lab["near_duplicate_of"]:
            links.append((by_file[lab["file"]], by_file[lab["near_duplicate_of"]]))
    return arts, gold, links


def distractors() -> list[Article]:
    root = SHARED / "data" / "article-extraction-benchmark"
    truth = json.loads((root / "ground-truth.json").read_text())
    out = []
    for key, item in truth.items():
        html = gzip.decompress((root / "html" / f"{key}.html.gz").read_bytes()).decode("utf-8")
        try:
            out.append(build_article(RawRecord(key, "html", html=html, url=item.get("url"))))
        except BadInput:
            continue
    return out


def generated(n_events: int = 30) -> tuple[list[Article], dict[str, str], list[tuple[str, str]]]:
    items = stories(n_events)
    arts, gold, ids = [], {}, {}
    for g in items:
        a = clean_article(g.text, published=g.published.isoformat(), title=g.title,
                          outlet=g.outlet, path=g.id)  # fmt: skip
        arts.append(a)
        gold[a.id] = g.story
        ids[g.id] = a.id
    links = [(ids[g.id], ids[g.near_duplicate_of]) for g in items if g.near_duplicate_of]
    return arts, gold, links


def duplicates(
    name: str, articles: list[Article], links: list[tuple[str, str]], story: dict[str, str]
) -> None:
    """Recall on the labelled copies and on every pair at Jaccard >= 0.8, and
    copy links between different stories (false merges)."""
    dd = Deduper()
    dd.add_many((a.id, a.text, a.published) for a in articles)
    found = {frozenset(p) for g in dd.groups() for p in itertools.combinations(g, 2)}
    groups: dict[str, set[str]] = {}
    for x, y in links:  # the labelled copies, closed transitively
        g = groups.get(x, {x}) | groups.get(y, {y})
        for m in g:
            groups[m] = g
    labelled = {frozenset(p) for g in groups.values() for p in itertools.combinations(g, 2)}
    sets = {a.id: shingles(a.text) for a in articles}
    close = {
        frozenset((a.id, b.id))
        for a, b in itertools.combinations(articles, 2)
        if story[a.id] == story[b.id] and jaccard(sets[a.id], sets[b.id]) >= 0.8
    }
    false = sum(1 for p in found if len({story[x] for x in p}) > 1)
    print(
        f"{name:28s} duplicates: labelled copies found {len(found & labelled)}/{len(labelled)}, "
        f"pairs at Jaccard >= 0.8 found {len(found & close)}/{len(close)}, "
        f"copy links across stories {false}"
    )


def _clean(g) -> Article:
    return clean_article(g.text, published=g.published.isoformat(), title=g.title,
                         outlet=g.outlet, path=g.id)  # fmt: skip


def scale(n: int) -> None:
    t0 = time.perf_counter()
    items = stories(max(1, n // 14), seed=11)[:n]
    t1 = time.perf_counter()
    with mp.Pool(2) as pool:
        arts = pool.map(_clean, items, chunksize=500)
    t2 = time.perf_counter()
    dups = find_duplicates(arts)
    t3 = time.perf_counter()
    index = StoryIndex(ClusterConfig())
    index.add(arts, dups)
    t4 = time.perf_counter()
    clusters = index.clusters()
    t5 = time.perf_counter()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    gold = {a.id: g.story for a, g in zip(arts, items, strict=True)}
    pred = {a: i for i, c in enumerate(clusters) for a in c}
    p, r, f = bcubed(pred, gold, set(gold))
    print(
        f"scale: {len(arts):,} generated articles -> {len(clusters):,} stories, "
        f"{len(dups):,} copies ({len(set(gold.values())):,} events; B-cubed P {p:.3f} R {r:.3f} "
        f"F1 {f:.3f})\n"
        f"  generate {t1 - t0:.1f} s, clean (2 processes) {t2 - t1:.1f} s, "
        f"deduplicate {t3 - t2:.1f} s, link {t4 - t3:.1f} s, group {t5 - t4:.1f} s\n"
        f"  deduplicate + cluster: {t5 - t2:.1f} s ({len(arts) / (t5 - t2):,.0f} articles/s); "
        f"all stages {t5 - t0:.1f} s; peak RSS of the main process {peak:,.0f} MB"
    )


def main() -> None:
    n = 100_000
    if "--scale" in sys.argv:
        n = int(sys.argv[sys.argv.index("--scale") + 1])
    gen, gen_gold, gen_links = generated()
    have_shared = (SHARED / "data" / "news-dev").exists()
    if have_shared:
        nd, nd_gold, nd_links = news_dev()
        noise = distractors()
        noise_gold = {a.id: f"aeb-{a.id}" for a in noise}
        evaluate("news-dev", nd, nd_gold, set(nd_gold))
        evaluate("news-dev + distractors", nd + noise, {**nd_gold, **noise_gold}, set(nd_gold))
    else:
        print("news-dev: skipped (../shared not found)")
    evaluate("generated", gen, gen_gold, set(gen_gold))
    if have_shared:
        evaluate("generated + distractors", gen + noise, {**gen_gold, **noise_gold}, set(gen_gold))
        duplicates("news-dev", nd, nd_links, nd_gold)
    duplicates("generated", gen, gen_links, gen_gold)
    if have_shared:  # real multi-outlet coverage beside TF-IDF and MiniLM; labelled copies
        import bench_copies
        import bench_events

        bench_events.main()
        bench_copies.report()
    if embeddings.available():  # the optional extra: the same sets with embeddings blended in
        cfg = ClusterConfig(embedder=embeddings.SentenceEmbedder())
        if have_shared:
            evaluate("news-dev + embeddings", nd, nd_gold, set(nd_gold), cfg)
        evaluate("generated + embeddings", gen, gen_gold, set(gen_gold), cfg)
    if n:
        scale(n)


if __name__ == "__main__":
    main()
