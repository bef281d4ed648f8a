from __future__ import annotations

import json
import subprocess
import sys

import jsonschema

from corroborate.report.json import SCHEMA_PATH
from tests.conftest import EXAMPLES


def cli(*args, stdin=None):
    return subprocess.run(
        [sys.executable, "-m", "corroborate", *args], input=stdin, capture_output=True
    )


def test_example_corpus_validates_against_the_schema(tmp_path):
    out = tmp_path / "o.json"
    proc = cli("run", str(EXAMPLES), "--json", str(out), "--quiet")
    assert proc.returncode == 0, proc.stderr
    doc = json.loads(out.read_text())
    jsonschema.validate(doc, json.loads(SCHEMA_PATH.read_text()))
    assert doc["schema_version"] == "1" and doc["errors"] == []
    by_path = {a["path"].rsplit("/", 1)[-1]: a for a in doc["articles"]}
    flood, ferry = doc["stories"]  # largest first
    assert set(ferry["articles"]) == {
        by_path["civic-wire.rss#1"]["id"],
        by_path["harbor-ledger-ferry.txt"]["id"],
    }
    assert set(flood["articles"]) | set(ferry["articles"]) == {a["id"] for a in doc["articles"]}
    # the German report joins its story; the syndicated copy is marked, not counted
    german = by_path["syndication-and-translations.jsonl:2"]
    copy = by_path["syndication-and-translations.jsonl:1"]
    assert german["id"] in flood["articles"] and copy["id"] in flood["articles"]
    assert copy["duplicate_of"] == by_path["civic-wire.rss#0"]["id"]
    assert all(copy["id"] != s["article"] for s in flood["sources"])
    # no figure stands on two independent origins: outlets that repeat the
    # agency's or Elena Marsh's figure without credit relay it (#12)
    assert flood["state"] == "developing" and flood["summary"]
    for claim in flood["claims"]:
        if claim["kind"] == "figure" and "nearly 20" in claim["text"]:
            # three English reports and the German translation, one origin
            assert claim["origins"] == ["Elena Marsh"] and len(claim["support"]) == 4
    story = flood
    figures = {(f["measure"], f["value"], tuple(f["attributed_to"])) for f in story["figures"]}
    assert ("killed", 12.0, ("Valmora Civil Protection Agency",)) in figures
    assert ("killed", 20.0, ("Elena Marsh",)) in figures
    by_outlet = {a["outlet"]: a for a in doc["articles"]}
    assert {
        "The Daily Meridian",
        "Northwind Post",
        "Civic Wire",
        "Harbor Ledger",
        "Valmora Today",
        "Der Morgenbote",
    } <= set(by_outlet)
    assert by_outlet["Der Morgenbote"]["language"] == "de"
    assert by_outlet["Harbor Ledger"]["author"] == "Sana Ivers"
    again = tmp_path / "p.json"
    cli("run", str(EXAMPLES), "--json", str(again), "--quiet")
    assert [a["id"] for a in json.loads(again.read_text())["articles"]] == [
        a["id"] for a in doc["articles"]
    ]


def test_stdin_is_sniffed():
    proc = cli(
        "run",
        "-",
        "--json",
        "-",
        "--quiet",
        stdin=b'{"text": "Officials said on Tuesday that 40 people had been evacuated."}',
    )
    assert proc.returncode == 0
    doc = json.loads(proc.stdout)
    assert doc["articles"][0]["path"] == "<stdin>" and doc["articles"][0]["format"] == "json"


def test_usage_errors_exit_2_and_help_works():
    assert cli("run").returncode == 2
    assert cli("run", "x", "--max-bytes", "0").returncode == 2
    assert cli("frobnicate").returncode == 2
    for args in (["--help"], ["run", "--help"]):
        proc = cli(*args)
        assert proc.returncode == 0 and b"Usage" in proc.stdout


def test_quiet_prints_nothing_on_success(tmp_path):
    proc = cli("run", str(EXAMPLES), "--json", str(tmp_path / "o.json"), "-q")
    assert proc.returncode == 0 and proc.stderr == b"" and proc.stdout == b""


def test_parallel_jobs_give_the_same_document(tmp_path):
    a, b = tmp_path / "a.json", tmp_path / "b.json"
    cli("run", str(EXAMPLES), "--json", str(a), "-q")
    cli("run", str(EXAMPLES), "--json", str(b), "-q", "--jobs", "2")
    assert json.loads(a.read_text()) == json.loads(b.read_text())
