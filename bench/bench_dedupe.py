"""Near-duplicate detection: corroborate's vectorised MinHash + LSH vs datasketch.

Run: python bench/bench_dedupe.py [N]   (default 5,000 base articles)

The corpus is N generated ~4 KB articles (Zipf-distributed words) plus, for a third of them, a copy
with light edits (words swapped, a paragraph dropped, a line added), as a
syndicated wire story looks after different sites reprint it. Ground truth:
every pair with exact word-3-shingle Jaccard >= 0.8. Both detectors use 128
permutations; datasketch runs MinHash + MinHashLSH(threshold=0.8), the
common way to use it, and again with its threshold lowered to 0.6 so that
its recall comes close to ours (it has no exact verification step). Prints time, articles/s, speed-up, and recall and
precision against the ground truth. On news-dev (real data) it also prints
recall on the labelled near-duplicate links, split into lexical copies and
reworded ones.
"""

from __future__ import annotations

import itertools
import json
import random
import sys
import time

from _shared import SHARED

from corroborate import clean_article
from corroborate.dedupe import Deduper, jaccard, shingles


def edited(text: str, rng: random.Random) -> str:
    paras = text.split("\n")
    if len(paras) > 6 and rng.random() < 0.5:
        del paras[rng.randrange(1, len(paras))]  # a paragraph cut by the reprinting site
    words = "\n".join(paras).split(" ")
    for _ in range(max(1, len(words) // 60)):  # about 1.5% of the words changed
        words[rng.randrange(len(words))] = rng.choice(["reported", "added", "Tuesday", "local"])
    return " ".join(words) + ("\nRead more on our site." if rng.random() < 0.5 else "")


def _zipf_articles(n: int, rng: random.Random) -> list[str]:
    """~4 KB articles over a 30,000-word vocabulary with Zipf-like frequencies,
    so unrelated articles share about as many 3-shingles as real news does
    (the templated extraction corpus shares far more)."""
    syllables = ["ka", "lo", "mi", "ver", "sta", "ne", "tor", "an", "pre", "li", "do", "gu"]
    vocab = sorted(
        {"".join(rng.choice(syllables) for _ in range(rng.randint(1, 4))) for _ in range(40000)}
    )
    weights = [1 / (r + 1) for r in range(len(vocab))]
    out = []
    for _ in range(n):
        paras = []
        for _ in range(rng.randint(6, 10)):
            words = rng.choices(vocab, weights, k=rng.randint(50, 110))
            paras.append(" ".join(words).capitalize() + ".")
        out.append("\n".join(paras))
    return out


def build(n: int) -> list[tuple[str, str]]:
    rng = random.Random(7)
    base = _zipf_articles(n, rng)
    docs = [(f"d{i}", t) for i, t in enumerate(base)]
    for i in range(0, n, 3):
        docs.append((f"d{i}-copy", edited(base[i], rng)))
    rng.shuffle(docs)
    return docs


def truth(docs: list[tuple[str, str]], threshold: float = 0.8) -> set[frozenset[str]]:
    sets = {i: shingles(t) for i, t in docs}
    pairs = set()
    for i, _ in docs:
        if i.endswith("-copy"):
            j = i.removesuffix("-copy")
            if jaccard(sets[i], sets[j]) >= threshold:
                pairs.add(frozenset((i, j)))
    return pairs


def ours(docs: list[tuple[str, str]]) -> tuple[float, set[frozenset[str]]]:
    t0 = time.perf_counter()
    dd = Deduper(containment=1.01)  # Jaccard only, as datasketch does
    for k in range(0, len(docs), 500):
        dd.add_many((i, t, None) for i, t in docs[k : k + 500])
    found = {frozenset(p) for g in dd.groups() for p in itertools.combinations(g, 2)}
    return time.perf_counter() - t0, found


def datasketch_lsh(
    docs: list[tuple[str, str]], threshold: float = 0.8
) -> tuple[float, set[frozenset[str]]]:
    from datasketch import MinHash, MinHashLSH

    t0 = time.perf_counter()
    lsh = MinHashLSH(threshold=threshold, num_perm=128)
    found = set()
    for i, t in docs:
        words = t.lower().split()
        m = MinHash(num_perm=128)
        m.update_batch([" ".join(words[k : k + 3]).encode() for k in range(len(words) - 2)])
        for j in lsh.query(m):
            found.add(frozenset((i, j)))
        lsh.insert(i, m)
    return time.perf_counter() - t0, found


def report(name: str, dt: float, found: set, gold: set, n: int) -> None:
    tp = len(found & gold)
    print(
        f"{name:14s} {dt:7.2f} s  {n / dt:8,.0f} articles/s  "
        f"recall {tp / len(gold):.3f}  precision {tp / max(1, len(found)):.3f}"
    )


def news_dev() -> None:
    root = SHARED / "data" / "news-dev"
    if not root.exists():
        print("news-dev: skipped (../shared not found)")
        return
    labels = json.loads((root / "labels.json").read_text())
    dd = Deduper()
    for lab in labels:
        text = clean_article((root / "articles" / lab["file"]).read_text(encoding="utf-8")).text
        dd.add(lab["file"], text)
    found = {frozenset(p) for g in dd.groups() for p in itertools.combinations(g, 2)}
    links = {
        frozenset((x["file"], x["near_duplicate_of"])) for x in labels if x["near_duplicate_of"]
    }
    texts = {
        x["file"]: shingles(
            clean_article((root / "articles" / x["file"]).read_text(encoding="utf-8")).text
        )
        for x in labels
    }
    lexical = {p for p in links if jaccard(*(texts[f] for f in p)) >= 0.5}
    print(
        f"news-dev: {len(links)} labelled links; lexical copies (Jaccard >= 0.5) found "
        f"{len(found & lexical)}/{len(lexical)}; reworded copies found "
        f"{len(found & (links - lexical))}/{len(links - lexical)}; "
        f"false links {len(found - links)}"
    )


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 5000
    docs = build(n)
    gold = truth(docs)
    print(f"{len(docs):,} articles, {len(gold):,} true near-duplicate pairs (Jaccard >= 0.8)")
    t_ours, f_ours = ours(docs)
    t_ds, f_ds = datasketch_lsh(docs)
    t_lo, f_lo = datasketch_lsh(docs, 0.6)
    report("corroborate", t_ours, f_ours, gold, len(docs))
    report("datasketch", t_ds, f_ds, gold, len(docs))
    report("datasketch@.6", t_lo, f_lo, gold, len(docs))
    print(
        f"speed-up: {t_ds / t_ours:.1f}x over datasketch at threshold 0.8, "
        f"{t_lo / t_ours:.1f}x at 0.6 (its LSH threshold lowered to approach our recall)"
    )
    news_dev()


if __name__ == "__main__":
    main()
