"""Events on real multi-outlet coverage: corroborate beside TF-IDF and MiniLM, one run.

    python bench/bench_events.py

news-dev-2 (../shared/data/news-dev-2: 165 excerpts of twelve events, five
of them look-alike distractors of the three long-running ones, 55 reports
not in English) and news-dev (55 excerpts, six events). For each set it
prints event B-cubed precision, recall and F1, the look-alike events merged
into their main event, and the non-English reports that join their event's
story (the one holding most of the event's reports), for:

- corroborate's stories (``StoryIndex``, copies linked);
- TF-IDF (scikit-learn, word 1-grams, sublinear tf) + average-linkage
  agglomeration on cosine distance, at the distance threshold that scores
  best on the set itself (an oracle choice that flatters the baseline);
- MiniLM sentence embeddings (the optional "embeddings" extra) + average
  linkage at its best threshold, when the extra is installed.
"""

from __future__ import annotations

import json
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

import numpy as np
from _shared import need
from bench_stories import bcubed
from sklearn.cluster import AgglomerativeClustering
from sklearn.feature_extraction.text import TfidfVectorizer

from corroborate import clean_article
from corroborate.dedupe import find_duplicates
from corroborate.model import Article
from corroborate.stories import embeddings
from corroborate.stories.cluster import StoryIndex

THRESHOLDS = [round(0.05 * k, 2) for k in range(4, 20)]  # cosine distance 0.20 .. 0.95


def load(folder: Path) -> tuple[list[Article], dict[str, dict]]:
    labels = json.loads((folder / "labels.json").read_text(encoding="utf-8"))
    arts, lab = [], {}
    for row in labels:
        text = (folder / "articles" / row["file"]).read_text(encoding="utf-8")
        a = clean_article(text, path=row["file"])
        arts.append(a)
        lab[a.id] = {"event": row.get("event_id") or row.get("story"),
                     "distractor_of": row.get("distractor_of"),
                     "language": row.get("language") or a.language}  # fmt: skip
    return arts, lab


def report(name: str, pred: dict[str, int], lab: dict[str, dict], took: float) -> float:
    gold = {a: v["event"] for a, v in lab.items()}
    p, r, f = bcubed(pred, gold, set(gold))
    members: dict[int, list[str]] = defaultdict(list)
    for a, c in pred.items():
        members[c].append(a)
    merged = set()
    for ids in members.values():
        events = Counter(lab[a]["event"] for a in ids)
        for a in ids:
            d = lab[a]["distractor_of"]
            if d and events[d] and events[lab[a]["event"]]:
                merged.add((d, lab[a]["event"]))
    # an event's home: the story holding most of its reports
    home = {e: Counter(pred[a] for a in lab if lab[a]["event"] == e).most_common(1)[0][0]
            for e in set(gold.values())}  # fmt: skip
    foreign = [a for a in lab if lab[a]["language"] not in (None, "en")]
    joined = sum(1 for a in foreign if pred[a] == home[lab[a]["event"]])
    print(f"  {name:34s} B-cubed P {p:.3f} R {r:.3f} F1 {f:.3f}   look-alikes merged "
          f"{len(merged)}   non-English joined {joined}/{len(foreign)}   ({took:.1f} s)")  # fmt: skip
    return f


def corroborate_stories(arts: list[Article]) -> dict[str, int]:
    index = StoryIndex()
    index.add(arts, find_duplicates(arts))
    return {a: i for i, c in enumerate(index.clusters()) for a in c}


def average_link(vectors: np.ndarray, ids: list[str], lab: dict[str, dict]) -> tuple[dict, float]:
    """The best-scoring average-linkage partition over the threshold grid."""
    best: tuple[float, dict[str, int], float] = (-1.0, {}, 0.0)
    gold = {a: v["event"] for a, v in lab.items()}
    for t in THRESHOLDS:
        model = AgglomerativeClustering(
            n_clusters=None, metric="cosine", linkage="average", distance_threshold=t
        )
        labels = model.fit_predict(vectors)
        pred = {a: int(c) for a, c in zip(ids, labels, strict=True)}
        f = bcubed(pred, gold, set(gold))[2]
        if f > best[0]:
            best = (f, pred, t)
    return best[1], best[2]


def run(name: str, folder: Path) -> None:
    arts, lab = load(folder)
    ids = [a.id for a in arts]
    print(f"== {name}: {len(arts)} reports, {len(set(v['event'] for v in lab.values()))} events")
    t0 = time.perf_counter()
    pred = corroborate_stories(arts)
    report("corroborate", pred, lab, time.perf_counter() - t0)
    t0 = time.perf_counter()
    tfidf = TfidfVectorizer(sublinear_tf=True, min_df=1).fit_transform([a.text for a in arts])
    pred, t = average_link(tfidf.toarray(), ids, lab)
    report(f"TF-IDF + average link (oracle {t})", pred, lab, time.perf_counter() - t0)
    if embeddings.available():
        t0 = time.perf_counter()
        vectors = embeddings.SentenceEmbedder().embed(arts)
        pred, t = average_link(np.asarray(vectors), ids, lab)
        report(f"MiniLM + average link (oracle {t})", pred, lab, time.perf_counter() - t0)
    else:
        print("  MiniLM: not installed (pip install 'corroborate-news[embeddings]')")


def main() -> int:
    run("news-dev-2", need("data/news-dev-2"))
    run("news-dev", need("data/news-dev"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
