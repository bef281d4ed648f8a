"""HTML main-text quality on the Article Extraction Benchmark (181 real pages).

Scoring as described in the data's SOURCE.md: tokens are ``\\w+`` matches,
shingles are 4-grams of tokens with multiplicity, true/false positives and
false negatives are summed over all pages, then precision, recall and F1;
"accuracy" is the share of pages whose token list equals the truth; ± is a
bootstrap standard deviation (1000 resamples of pages).

Prints corroborate beside trafilatura alone (its defaults, and the settings
corroborate uses) in the same run.

    python bench/bench_extraction.py
"""

from __future__ import annotations

import gzip
import json
import random
import re
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
import trafilatura
from _shared import need

from corroborate.clean.article import build_article
from corroborate.errors import BadInput
from corroborate.ingest.base import RawRecord

TOKEN = re.compile(r"\w+")


def shingles(text: str) -> Counter[tuple[str, ...]]:
    toks = TOKEN.findall(text or "")
    return Counter(tuple(toks[i : i + 4]) for i in range(max(0, len(toks) - 3)))


def page_counts(truth: str, pred: str) -> tuple[int, int, int, bool]:
    g, p = shingles(truth), shingles(pred)
    tp = sum((g & p).values())
    exact = TOKEN.findall(truth) == TOKEN.findall(pred or "")
    return tp, sum(p.values()) - tp, sum(g.values()) - tp, exact


def prf(rows: list[tuple[int, int, int, bool]]) -> tuple[float, float, float, float]:
    tp = sum(r[0] for r in rows)
    fp = sum(r[1] for r in rows)
    fn = sum(r[2] for r in rows)
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f, sum(x[3] for x in rows) / len(rows)


def bootstrap_f1(rows: list[tuple[int, int, int, bool]], n: int = 1000) -> float:
    rng = random.Random(0)
    scores = [prf([rng.choice(rows) for _ in rows])[2] for _ in range(n)]
    mean = sum(scores) / n
    return (sum((s - mean) ** 2 for s in scores) / n) ** 0.5


def corroborate_text(html: str, url: str) -> str:
    try:
        return build_article(RawRecord(path=url, format="html", html=html, url=url)).text
    except BadInput:
        return ""


def main() -> None:
    root = need("data/article-extraction-benchmark")
    truth = json.loads((root / "ground-truth.json").read_text())
    pages = {
        k: gzip.decompress((root / "html" / f"{k}.html.gz").read_bytes()).decode("utf-8")
        for k in truth
    }
    systems = {
        "trafilatura (defaults)": lambda h, u: trafilatura.extract(h, url=u) or "",
        "trafilatura (precision, no comments)": lambda h, u: (
            trafilatura.extract(h, url=u, include_comments=False, favor_precision=True) or ""
        ),
        "corroborate": corroborate_text,
    }
    print(
        f"Article Extraction Benchmark: {len(truth)} pages, trafilatura {trafilatura.__version__}"
    )
    print(
        f"{'system':40} {'precision':>9} {'recall':>7} {'F1':>7} {'±':>6} {'accuracy':>8} {'pages/s':>8}"
    )
    for name, fn in systems.items():
        t0 = time.perf_counter()
        preds = {k: fn(pages[k], v["url"]) for k, v in truth.items()}
        dt = time.perf_counter() - t0
        rows = [page_counts(v["articleBody"], preds[k]) for k, v in truth.items()]
        p, r, f, acc = prf(rows)
        print(
            f"{name:40} {p:9.4f} {r:7.4f} {f:7.4f} {bootstrap_f1(rows):6.4f} {acc:8.3f} "
            f"{len(truth) / dt:8.1f}"
        )
    print("published anchors: trafilatura 2.0.0 F1 0.958, best commercial (AutoExtract) 0.970")


if __name__ == "__main__":
    main()
