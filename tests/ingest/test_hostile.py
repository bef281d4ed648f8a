"""Every input that once killed, hung or silently shortened a run: the run
finishes under a 6 GB address-space limit, writes its document, keeps every
good article, names every bad file, prints no traceback and leaks no file."""

from __future__ import annotations

import json
import resource
import subprocess
import sys
from pathlib import Path

import pytest

from tests.ingest.hostile import write_hostile

LIMIT = 6 * 1024**3


def _limited() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (LIMIT, LIMIT))


def _corroborate(*args: str, timeout: int = 600) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "corroborate", *args],
        capture_output=True, text=True, timeout=timeout, preexec_fn=_limited,
    )  # fmt: skip


@pytest.fixture(scope="module")
def hostile(tmp_path_factory) -> tuple[Path, set[str], set[str]]:
    folder = tmp_path_factory.mktemp("hostile")
    good, bad = write_hostile(folder)
    return folder, good, bad


def _check_errors(stderr: str, folder: Path, bad: set[str]) -> None:
    assert "Traceback" not in stderr
    named = {
        line[len("error: ") :].split(": ", 1)[0]
        for line in stderr.splitlines()
        if line.startswith("error: ")
    }
    for name in bad:
        assert any(str(folder / name) in n for n in named), f"{name} not named in errors"


def test_run_survives_every_hostile_input(hostile, tmp_path):
    folder, good, bad = hostile
    out = tmp_path / "doc.json"
    proc = _corroborate("run", "-q", str(folder), "/dev/zero", "--json", str(out))
    assert proc.returncode == 1, proc.stderr  # some inputs failed: not a crash (3)
    _check_errors(proc.stderr, folder, bad)
    assert "/dev/zero: not a regular file" in proc.stderr
    doc = json.loads(out.read_text())
    paths = [a["path"] for a in doc["articles"]]
    for name in good:
        assert any(p.startswith(f"{folder}/{name}") for p in paths), name
    # nothing read beyond the inputs given (no local file leaks into an article)
    assert all(p.startswith(str(folder)) for p in paths)
    texts = " ".join(a["text"] for a in doc["articles"])
    assert "\ud800" not in texts and "\x00" not in texts
    errors = {e["path"] for e in doc["errors"]}
    assert any(p.endswith("deep.jsonl:2") for p in errors)  # one bad line costs that line
    assert any(p.endswith("deep.jsonl:3") for p in paths)
    # the Rich-markup member name is printed as it is
    assert "markup.zip!a[/x].txt" in proc.stderr


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_ingest_survives_every_hostile_input(hostile, tmp_path, request, backend):
    folder, _, bad = hostile
    if backend == "sqlite":
        db = str(tmp_path / "h.db")
    else:
        from tests.conftest import _reset_postgres

        db = request.getfixturevalue("postgres_url")
        from corroborate.store import Store

        _reset_postgres(Store(db))
    proc = _corroborate("ingest", "-q", "--db", db, str(folder))
    assert proc.returncode == 1, proc.stderr
    _check_errors(proc.stderr, folder, bad)
    status = _corroborate("status", "--db", db)
    assert status.returncode == 0, status.stdout + status.stderr
    assert " 0 articles not yet in a story" in status.stdout
    # a second run changes nothing and fails the same way, with no store damage
    again = _corroborate("ingest", "-q", "--db", db, str(folder))
    assert again.returncode == 1 and "Traceback" not in again.stderr
