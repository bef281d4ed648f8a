"""The real-data scores in one command: run corroborate on each scored data
set in ../shared/data and print what its ``score.py`` prints.

    python bench/real_data.py [--shared ../shared] [--only news-dev-2]

NewsQuant (figures in news sentences), PolNeAR (attributions in political
news), news-dev-2 (events, figures and conflicts across outlets).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SETS = {  # name -> input (relative to the data set's folder)
    "newsquant-dev": "sentences.jsonl",
    "polnear-dev": "articles",
    "news-dev-2": "articles",
}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--only", choices=sorted(SETS))
    args = parser.parse_args()
    failed = 0
    for name, inputs in SETS.items():
        if args.only and name != args.only:
            continue
        folder = args.shared / "data" / name
        with tempfile.TemporaryDirectory() as tmp:
            out = Path(tmp) / "doc.json"
            t0 = time.perf_counter()
            run = subprocess.run(
                [sys.executable, "-m", "corroborate", "run", "-q", str(folder / inputs),
                 "--json", str(out)],
                capture_output=True, text=True,
            )  # fmt: skip
            took = time.perf_counter() - t0
            if not out.exists():
                print(
                    f"== {name}: corroborate failed (exit {run.returncode})\n{run.stderr[-2000:]}"
                )
                failed += 1
                continue
            score = subprocess.run(
                [sys.executable, str(folder / "score.py"), str(out)], capture_output=True, text=True
            )
            print(f"== {name} (run {took:.1f} s, exit {run.returncode})")
            print(score.stdout.strip() or score.stderr.strip())
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
