"""The gold set's scores are pinned: extraction must never silently regress."""

from __future__ import annotations

import json
from pathlib import Path

from corroborate.extract.gold import load_gold, score_gold

HERE = Path(__file__).resolve().parents[1]
FLOORS = json.loads((HERE / "quality_floors.json").read_text())


def test_gold_set_floors():
    items = load_gold(HERE / "gold" / "extraction.jsonl")
    assert len(items) >= 40
    score = score_gold(items).as_dict()
    for key, floor in FLOORS["extraction_gold"].items():
        if key == "wrong_merges":
            assert score[key] <= floor, (key, score)
        else:
            assert score[key] >= floor, (key, score)
