"""Quality floors are believable: measured on the data at hand, and never
lowered in a commit that does not say why.

A commit that lowers a floor (or raises a lower-is-better one) must carry a
line ``floor lowered: <reason>`` in its message; the test walks the history
of ``quality_floors.json`` to check every such commit, and refuses an
uncommitted lowering outright.
"""

from __future__ import annotations

import shutil
import subprocess

import pytest

from tests.floors import DATA, FLOORS_FILE, ROOT, data_digest, load_floors, lowered

REASON = "floor lowered:"


def test_floors_were_measured_on_this_data(shared):
    floors = load_floors()
    recorded = floors["measured_on"]
    assert set(recorded) == set(DATA)
    for group in DATA:
        assert data_digest(group, shared) == recorded[group], (
            f"the data behind the '{group}' floors changed: re-measure them and record the "
            f"new digest ({data_digest(group, shared)}) in quality_floors.json"
        )


def _git(*args: str) -> str:
    return subprocess.run(
        ["git", "-C", str(ROOT), *args], capture_output=True, text=True, check=True
    ).stdout


def test_no_floor_lowered_without_a_reason():
    """Every commit of the floors file that the clone holds (a shallow clone
    holds fewer: the commits at its edge have no parent to compare with)."""
    if shutil.which("git") is None or not (ROOT / ".git").exists():
        pytest.fail("the floors' history is read with git, from a git checkout")
    path = str(FLOORS_FILE.relative_to(ROOT))
    head = load_floors(_git("show", f"HEAD:{path}"))
    assert not lowered(head, load_floors()), (
        "uncommitted change lowers a floor: commit it with a reason"
    )
    commits = _git("log", "--format=%H", "--", path).split()
    for commit in commits:
        parents = _git("rev-list", "--parents", "-n", "1", commit).split()[1:]
        if not parents:
            continue  # the first commit, or the edge of a shallow clone
        try:
            before = load_floors(_git("show", f"{parents[0]}:{path}"))
        except subprocess.CalledProcessError:
            continue  # the file was added in this commit
        after = load_floors(_git("show", f"{commit}:{path}"))
        worse = lowered(before, after)
        message = _git("log", "-1", "--format=%B", commit)
        assert not worse or REASON in message.lower(), (
            f"commit {commit[:10]} lowers {worse} without a '{REASON} <why>' line"
        )


def test_lowering_is_detected():
    old = {"a": 0.9, "g": {"b": 0.5, "wrong_merges": 0}, "measured_on": {"x": "1"}}
    assert lowered(old, {"a": 0.9, "g": {"b": 0.6, "wrong_merges": 0}}) == []
    assert lowered(old, {"a": 0.8, "g": {"b": 0.5, "wrong_merges": 1}}) == [
        "a: 0.9 -> 0.8", "g.wrong_merges: 0.0 -> 1.0",
    ]  # fmt: skip
    assert lowered(old, {"g": {"b": 0.5, "wrong_merges": 0}}) == ["a: removed"]
