"""Extraction quality on the annotated gold set (tests/gold/extraction.jsonl).

Prints precision and recall per extractor, speaker accuracy, alias merging,
and (with -v) every miss. Run: python bench/bench_extract_gold.py [-v]
"""

from __future__ import annotations

import sys
from pathlib import Path

from corroborate.extract.gold import load_gold, score_gold

GOLD = Path(__file__).resolve().parents[1] / "tests" / "gold" / "extraction.jsonl"


def main() -> None:
    items = load_gold(GOLD)
    score = score_gold(items)
    print(f"gold set: {len(items)} passages ({GOLD.name})")
    print(f"{'extractor':<12} {'precision':>9} {'recall':>7}  {'n':>4}")
    for name, c in (
        ("figures", score.figures),
        ("statements", score.statements),
        ("dates", score.dates),
    ):
        print(f"{name:<12} {c.precision:9.3f} {c.recall:7.3f}  {c.tp + c.fn:4d}")
    print(
        f"speaker accuracy (found statements): {score.speaker_accuracy:.3f} of {score.speaker_total}"
    )
    print(
        f"alias groups merged: {score.alias_merged}/{score.alias_groups}; wrong merges: {score.wrong_merges}"
    )
    if "-v" in sys.argv:
        for e in score.errors:
            print("  ", e)


if __name__ == "__main__":
    main()
