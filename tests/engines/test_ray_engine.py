"""The Ray engine gives the local engine's answer, on a local two-worker Ray
cluster started here: the same articles, errors, copies, stories, claims,
conflicts and briefs, byte for byte in the JSON document."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest

from corroborate.engines import process_with
from corroborate.report.json import document_to_dict

if os.environ.get("CORROBORATE_REQUIRE_RAY"):  # CI: the test runs, never skips
    import ray
else:
    ray = pytest.importorskip("ray")
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def cluster():
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    yield
    ray.shutdown()


def _corpus(folder: Path, events: int) -> list[str]:
    sys.path.insert(0, str(ROOT / "bench"))
    from gen_stories import stories

    arts = stories(events, seed=11)
    lines = [
        json.dumps({"id": a.id, "text": a.text, "title": a.title, "outlet": a.outlet,
                    "published": a.published.isoformat(), "language": a.language})
        for a in arts
    ]  # fmt: skip
    (folder / "coverage.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (folder / "broken.json").write_text('{"text": "unterminated', encoding="utf-8")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    return [str(folder)]


def _doc(engine: str, paths: list[str]) -> dict:
    return json.loads(json.dumps(document_to_dict(process_with(engine, paths)), sort_keys=True))


def test_ray_and_local_engines_give_the_same_document(cluster, tmp_path):
    paths = _corpus(tmp_path, 150)
    local, remote = _doc("local", paths), _doc("ray", paths)
    assert len(local["articles"]) > 1000 and len(local["stories"]) > 100
    assert {e["path"] for e in local["errors"]} == {
        str(tmp_path / "broken.json"),
        str(tmp_path / "empty.txt"),
    }
    assert any(a.get("duplicate_of") for a in local["articles"])  # copies were found
    assert remote == local


def test_the_seeds_on_ray(cluster, shared):
    seeds = [str(p) for p in sorted((shared / "seeds").iterdir())]
    assert _doc("ray", seeds) == _doc("local", seeds)


def test_run_engine_ray_from_the_command_line(tmp_path):
    """`corroborate run --engine ray` starts a local cluster of --jobs CPUs, names
    a bad input on one line, exits 1 for it, and writes the local engine's JSON."""
    from tests.conftest import EXAMPLES
    from tests.test_cli import cli

    folder = tmp_path / "in"
    folder.mkdir()
    for p in sorted(Path(EXAMPLES).iterdir()):
        (folder / p.name).write_bytes(p.read_bytes())
    (folder / "broken.json").write_text("[{", encoding="utf-8")
    outs = {}
    for engine in ("local", "ray"):
        out = tmp_path / f"{engine}.json"
        r = cli("run", str(folder), "--engine", engine, "--jobs", "2", "--json", str(out), "-q")
        stderr = r.stderr.decode()
        assert r.returncode == 1, stderr
        errors = [line for line in stderr.splitlines() if "broken.json" in line]
        assert len(errors) == 1 and errors[0].startswith("error:"), stderr
        outs[engine] = json.loads(out.read_text(encoding="utf-8"))
    assert outs["ray"] == outs["local"]
    r = cli("run", str(folder), "--engine", "spark")
    assert r.returncode == 2 and "--engine must be one of local, ray" in r.stderr.decode()
