"""Checking a claim against the coverage: the seeds' cases and each kind of distortion."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from corroborate.check import check_claim
from corroborate.pipeline import process
from corroborate.report.json import story_to_dict


@pytest.fixture(scope="module")
def stories(shared):
    return [story_to_dict(s) for s in process([str(shared / "seeds")]).stories]


def test_an_attributed_figure_three_outlets_report_is_corroborated(stories):
    r = check_claim("The NIS said about 300 North Korean soldiers were killed", stories)
    assert r.verdict == "corroborated"
    (ev,) = r.evidence
    assert ev.origins == ["National Intelligence Service"] and len(ev.outlets) == 3
    assert all("300" in span["text"] for span in ev.spans)


def test_a_total_made_a_death_toll_is_distorted(stories):
    r = check_claim("The NIS said 3,000 North Korean soldiers were killed", stories)
    assert r.verdict == "distorted" and "casualties" in r.reason and "not killed" in r.reason


def test_an_estimate_in_dispute_is_contested_with_the_rival_value(stories):
    r = check_claim("Zelensky said nearly 3,000 North Korean soldiers were killed or injured "
                    "in December", stories)  # fmt: skip
    assert r.verdict == "contested"
    assert [e.value for e in r.competing] == ["1,000"] and r.competing[0].origins == ["Seoul"]


def test_a_claim_the_coverage_never_mentions_is_not_found(stories):
    r = check_claim("Floods killed 40 people in Lisk on Monday", stories)
    assert r.verdict == "not found" and r.evidence == []


@pytest.mark.parametrize(
    ("claim", "why"),
    [
        ("Ukraine captured five North Korean soldiers", "another number"),
        ("Zelensky said about 12,000 North Korean troops were deployed", "another source"),
        ("Zelensky said nearly 3,000 North Korean soldiers were killed or injured in March",
         "another period"),
    ],
)  # fmt: skip
def test_distortions_say_what_changed(stories, claim, why):
    r = check_claim(claim, stories)
    assert r.verdict == "distorted" and r.reason.startswith(why) and r.evidence


def test_the_command_answers_with_an_exit_code_and_json(shared, tmp_path):
    db = str(tmp_path / "s.db")
    ingest = [sys.executable, "-m", "corroborate", "ingest", str(shared / "seeds"), "--db", db]
    assert subprocess.run(ingest, capture_output=True).returncode == 0
    run = subprocess.run(
        [sys.executable, "-m", "corroborate", "check", "Ukraine captured two North Korean "
         "soldiers", "--db", db, "--json"], capture_output=True, text=True,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    doc = json.loads(run.stdout)
    assert doc["verdict"] == "corroborated" and len(doc["evidence"][0]["origins"]) >= 2
    missing = subprocess.run(
        [sys.executable, "-m", "corroborate", "check", "Floods killed 40 people in Lisk",
         "--db", db], capture_output=True, text=True,
    )  # fmt: skip
    assert missing.returncode == 8 and missing.stdout.startswith("not found")
