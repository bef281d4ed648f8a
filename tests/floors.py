"""The quality floors and the data they were measured on.

Each floor group in ``quality_floors.json`` names, under ``"measured_on"``,
the SHA-256 of the files it was measured on (``DATA`` below): a floor is
only comparable on the same data, so a changed data set fails loudly
("re-measure the floors") instead of moving the bar silently.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FLOORS_FILE = Path(__file__).with_name("quality_floors.json")

# floor group -> the files (relative to the repository root; "shared:" is the
# real data beside it) whose contents its scores depend on
DATA = {
    "aeb": ["shared:data/article-extraction-benchmark/ground-truth.json",
            "shared:data/article-extraction-benchmark/html"],
    "extraction_gold": ["tests/gold/extraction.jsonl"],
    "stories_generated": ["bench/gen_stories.py"],
    "stories_news_dev": ["shared:data/news-dev/labels.json", "shared:data/news-dev/articles",
                         "shared:data/article-extraction-benchmark/html"],  # distractors
    "figures_real": ["shared:data/newsquant-dev/sentences.jsonl",
                     "shared:data/newsquant-dev/gold.json", "shared:data/newsquant-dev/score.py",
                     "shared:data/news-dev-2/articles", "shared:data/news-dev-2/gold_figures.json",
                     "shared:data/news-dev-2/gold_conflicts.json",
                     "shared:data/news-dev-2/score.py"],
    "events_real": ["shared:data/news-dev-2/articles", "shared:data/news-dev-2/labels.json",
                    "shared:data/news-dev-2/score.py"],
    "copies_real": ["shared:data/news-dev-2/articles", "shared:data/news-dev-2/labels.json",
                    "shared:data/news-dev/articles", "shared:data/news-dev/labels.json"],
    "attribution_real": ["shared:data/polnear-dev/articles", "shared:data/polnear-dev/gold.json",
                         "shared:data/polnear-dev/score.py"],
}  # fmt: skip

# floors where lower is better (a rise is the regression)
LOWER_IS_BETTER = {"wrong_merges", "conflicts_wrong_by_definition", "lookalikes_merged"}


def load_floors(text: str | None = None) -> dict:
    return json.loads(text if text is not None else FLOORS_FILE.read_text())


def _files(spec: str, shared: Path) -> list[Path]:
    path = shared / spec.removeprefix("shared:") if spec.startswith("shared:") else ROOT / spec
    return sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]


def data_digest(group: str, shared: Path) -> str:
    """SHA-256 over the names and bytes of every file a floor group reads."""
    h = hashlib.sha256()
    for spec in DATA[group]:
        base = shared if spec.startswith("shared:") else ROOT
        for path in _files(spec, shared):
            h.update(str(path.relative_to(base)).encode() + b"\0")
            h.update(path.read_bytes())
    return h.hexdigest()


def numeric_floors(floors: dict, prefix: str = "") -> dict[str, float]:
    """Every floor as ``group.name -> value`` (digests and notes left out)."""
    out: dict[str, float] = {}
    for key, value in floors.items():
        if key == "measured_on":
            continue
        if isinstance(value, dict):
            out.update(numeric_floors(value, f"{prefix}{key}."))
        elif isinstance(value, int | float) and not isinstance(value, bool):
            out[f"{prefix}{key}"] = float(value)
    return out


def lowered(old: dict, new: dict) -> list[str]:
    """The floors ``new`` lowers against ``old`` (raised, for lower-is-better ones)."""
    before, after = numeric_floors(old), numeric_floors(new)
    out = []
    for name, value in after.items():
        if name not in before:
            continue
        worse = (
            value > before[name]
            if name.rsplit(".", 1)[-1] in LOWER_IS_BETTER
            else value < before[name]
        )
        if worse:
            out.append(f"{name}: {before[name]} -> {value}")
    out += [f"{name}: removed" for name in before if name not in after]
    return out
