"""Figures and conflicts on real news (read from ../shared, never copied here).

NewsQuant's dev half and news-dev-2 are scored by the scorers that ship
beside them; the floors live in quality_floors.json ("figures_real"). On
news-dev, a conflict never pits different fires, places or measures.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

from corroborate.conflicts import CONFLICTABLE, places_of
from corroborate.pipeline import process
from tests.floors import load_floors

FLOORS = load_floors()["figures_real"]
EVENTS = load_floors()["events_real"]


def _corroborate_json(inputs: Path, out: Path) -> Path:
    subprocess.run(
        [sys.executable, "-m", "corroborate", "run", "-q", str(inputs), "--json", str(out)],
        capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert out.exists(), f"corroborate wrote no document for {inputs}"
    return out


def _score(scorer: Path, doc: Path) -> str:
    done = subprocess.run(
        [sys.executable, str(scorer), str(doc)], capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_newsquant_value_f1(shared, tmp_path):
    folder = shared / "data" / "newsquant-dev"
    doc = _corroborate_json(folder / "sentences.jsonl", tmp_path / "nq.json")
    out = _score(folder / "score.py", doc)
    line = out.strip().splitlines()[-1]
    m = re.search(r"P ([\d.]+) R ([\d.]+) F1 ([\d.]+)", line)
    qualifiers = re.search(r"qualifier agreement .*= ([\d.]+)", out)
    assert m and qualifiers, out
    precision, f1 = float(m[1]), float(m[3])
    assert f1 >= FLOORS["newsquant_f1"], line
    assert precision >= FLOORS["newsquant_precision"], line
    assert float(qualifiers[1]) >= FLOORS["newsquant_qualifier_agreement"], out
    core = re.search(r"recall counts\+percentages\+money: .*= ([\d.]+)", out)
    assert core and float(core[1]) >= FLOORS["newsquant_core_recall"], out


def test_news_dev_2_figures_and_no_wrong_conflict(shared, tmp_path):
    folder = shared / "data" / "news-dev-2"
    doc = _corroborate_json(folder / "articles", tmp_path / "nd2.json")
    out = _score(folder / "score.py", doc)
    recall = re.search(r"figure recall ([\d.]+)", out)
    wrong = re.search(r"wrong by definition (\d+)", out)
    assert recall and wrong, out
    assert float(recall[1]) >= FLOORS["news_dev_2_figure_recall"], out
    # events: one story per occurrence, look-alikes apart, every language joined
    events = re.search(
        r"events: B-cubed P ([\d.]+) R [\d.]+ F1 ([\d.]+); look-alikes merged (\d+) .*"
        r"non-English joined (\d+)/\d+", out
    )  # fmt: skip
    assert events, out
    assert float(events[1]) >= EVENTS["news_dev_2_events_precision"], out
    assert float(events[2]) >= EVENTS["news_dev_2_events_f1"], out
    assert int(events[3]) <= EVENTS["lookalikes_merged"], out
    assert int(events[4]) >= EVENTS["news_dev_2_non_english_joined"], out
    # cross-event, not_conflict and evolution records pitted against each other
    assert int(wrong[1]) <= FLOORS["conflicts_wrong_by_definition"], out
    # the conflicts reported match gold conflict records, and enough of them are found
    conf = re.search(r"conflicts right (\d+)/(\d+) .* conflict recall (\d+)/\d+", out)
    assert conf, out
    assert int(conf[1]) >= FLOORS["news_dev_2_conflicts_right_share"] * int(conf[2]), out
    assert int(conf[3]) >= FLOORS["news_dev_2_conflict_records_recalled"], out


def test_news_dev_conflicts_are_about_one_quantity(shared):
    """Fires, places and measures are kept apart: every conflict (if any) is
    between two credited claims of one conflictable measure naming the same
    places, and the Los Angeles fires story (containment of several fires)
    has none."""
    paths = sorted((shared / "data" / "news-dev" / "articles").rglob("*.txt"))
    doc = process([str(p) for p in paths])
    assert doc.stories
    for story in doc.stories:
        by_id = {c.id: c for c in story.claims}
        for conflict in story.conflicts:
            a, b = (by_id[i] for i in conflict.claims)
            assert a.measure == b.measure and a.measure in CONFLICTABLE
            sa, sb = conflict.values
            assert places_of(sa.evidence.text) == places_of(sb.evidence.text)
        text = " ".join(a.title or "" for a in doc.articles if a.id in story.articles)
        if "fire" in text.lower() and "contain" in json.dumps([c.text for c in story.claims]):
            assert story.conflicts == []


def test_seed_figures_claims_and_the_one_conflict(shared):
    """The seeds' figures as a careful reader sees them: who gave each, one
    claim for the capture of two soldiers (not credited to a commentator who
    mentions "these two men"), the NIS toll as one origin across outlets,
    and the December casualty conflict as the only conflict."""
    doc = process([str(shared / "seeds")])
    story = max(doc.stories, key=lambda s: len(s.articles))
    claims = {c.text: c for c in story.claims if c.kind == "figure"}

    def one(prefix: str):
        found = [c for t, c in claims.items() if t.startswith(prefix)]
        assert len(found) == 1, (prefix, sorted(claims))
        return found[0]

    assert "North Korean troops" in (one("about 12,000").subject or "")
    assert one("more than 40%").subject == "seized territory"
    killed = one("about 300 / at least 300 killed")
    assert killed.origins == ["National Intelligence Service"]
    assert len({s.outlet for s in killed.support}) >= 3
    assert one("2,700 wounded").origins == ["National Intelligence Service"]
    captured = [c for c in story.claims if c.kind == "figure" and c.measure == "captured"]
    assert len(captured) == 1 and captured[0].text.startswith("2 captured")
    # Ukraine's president and its security service are one origin; the NIS another
    ukraine = {"Volodymyr Zelensky", "Security Service of Ukraine"}
    assert len(ukraine & set(captured[0].origins)) == 1
    assert "National Intelligence Service" in captured[0].origins
    assert not any("Chung" in o for o in captured[0].origins)
    assert [(k.measure, sorted(v.origin for v in k.values)) for k in story.conflicts] == [
        ("casualties", ["Seoul", "Volodymyr Zelensky"])
    ]
