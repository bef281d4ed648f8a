"""Quality floors pinned in quality_floors.json: extraction must never silently regress."""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FLOORS = json.loads((Path(__file__).with_name("quality_floors.json")).read_text())


def test_article_extraction_benchmark_floor(shared):
    sys.path.insert(0, str(ROOT / "bench"))
    import bench_extraction as bench

    root = shared / "data" / "article-extraction-benchmark"
    truth = json.loads((root / "ground-truth.json").read_text())
    import gzip

    rows = []
    for key, item in truth.items():
        html = gzip.decompress((root / "html" / f"{key}.html.gz").read_bytes()).decode("utf-8")
        rows.append(
            bench.page_counts(item["articleBody"], bench.corroborate_text(html, item["url"]))
        )
    p, r, f, _ = bench.prf(rows)
    assert f >= FLOORS["aeb_f1"], (p, r, f)
    assert p >= FLOORS["aeb_precision"] and r >= FLOORS["aeb_recall"], (p, r, f)
