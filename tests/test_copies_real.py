"""Copies on real coverage (read from ../shared, never copied here): labelled
near-duplicates and rewrites of news-dev-2 and news-dev are found (lexical
copies and rewrites together), and no copy link joins two events. The floors
live in quality_floors.json ("copies_real")."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from tests.floors import load_floors

ROOT = Path(__file__).resolve().parents[1]
FLOORS = load_floors()["copies_real"]


def _bench():
    sys.path.insert(0, str(ROOT / "bench"))
    import bench_copies

    return bench_copies


def test_labelled_copies_found_and_never_across_events(shared):
    bench = _bench()
    found = gold = 0
    for name, key in bench.SETS.items():
        folder = shared / "data" / name
        labels = json.loads((folder / "labels.json").read_text())
        groups, _ = bench.corroborate_groups(folder)
        s = bench.score(groups["both"], labels, key)
        assert not s["cross"], f"{name}: copy links across events {s['cross']}"
        found += s["found"]
        gold += s["gold"]
    assert found / gold >= FLOORS["labelled_copy_recall"], f"{found}/{gold}"
