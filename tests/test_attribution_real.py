"""Who said what on real political news (read from ../shared, never copied here).

PolNeAR's dev split is scored by the scorer that ships beside it; the floors
live in quality_floors.json ("attribution_real").
"""

from __future__ import annotations

import re
import subprocess
import sys

from tests.floors import load_floors

FLOORS = load_floors()["attribution_real"]


def test_polnear_content_recall_precision_and_speakers(shared, tmp_path):
    folder = shared / "data" / "polnear-dev"
    out = tmp_path / "polnear.json"
    subprocess.run(
        [sys.executable, "-m", "corroborate", "run", "-q", str(folder / "articles"),
         "--json", str(out)],
        capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert out.exists(), "corroborate wrote no document for PolNeAR"
    done = subprocess.run(
        [sys.executable, str(folder / "score.py"), str(out)],
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    text = done.stdout
    last = re.search(
        r"content recall \(named\) ([\d.]+), precision ([\d.]+) .*speaker accuracy ([\d.]+)", text
    )
    direct = re.search(r"^\s*named_direct\s+\d+/\d+\s+([\d.]+)", text, re.M)
    assert last and direct, text
    assert float(last[1]) >= FLOORS["polnear_content_recall_named"], text
    assert float(last[2]) >= FLOORS["polnear_precision"], text
    assert float(last[3]) >= FLOORS["polnear_speaker_accuracy"], text
    assert float(direct[1]) >= FLOORS["polnear_direct_named_recall"], text
