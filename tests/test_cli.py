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


def test_the_summary_fits_80_columns_and_names_no_ids(tmp_path):
    import os

    env = {**os.environ, "COLUMNS": "80"}
    for args in ((), ("--verbose",)):
        proc = subprocess.run(
            [sys.executable, "-m", "corroborate", "run", str(EXAMPLES), *args],
            capture_output=True, env=env, text=True,
        )  # fmt: skip
        assert proc.returncode == 0, proc.stderr
        lines = proc.stderr.splitlines()
        assert all(len(line) <= 80 for line in lines), lines
        assert not any("a-" in line.split()[0] for line in lines if line.split())  # no ids
        assert "Lisk flood kills at least 12" in proc.stderr  # a story, one line
        assert lines[-1] == "7 articles, 1 copy, 2 stories, 0 errors"  # plural forms
    assert "Der Morgenbote" in proc.stderr  # --verbose lists articles by outlet


def test_outputs_are_checked_before_the_work(tmp_path):
    both = cli("run", str(EXAMPLES), "--json", "-", "--md", "-")
    assert both.returncode == 2 and both.stdout == b""
    assert b"both write to standard output" in both.stderr
    folder = cli("run", str(EXAMPLES), "--html", str(tmp_path))
    assert folder.returncode == 2 and b"is a folder" in folder.stderr
    (tmp_path / "file").write_text("not a folder")
    below_a_file = cli("run", str(EXAMPLES), "--json", str(tmp_path / "file" / "o.json"))
    assert below_a_file.returncode == 2 and b"cannot write there" in below_a_file.stderr
    assert len(below_a_file.stderr.splitlines()) == 1  # one line, no traceback


def test_earlier_outputs_in_an_input_folder_are_not_read_back(tmp_path):
    import shutil

    folder = tmp_path / "in"
    shutil.copytree(EXAMPLES, folder)
    first = cli("run", str(folder), "--json", str(folder / "doc.json"), "--md",
                str(folder / "brief.md"), "--html", str(folder / "report.html"), "-q")  # fmt: skip
    assert first.returncode == 0, first.stderr
    again = cli("run", str(folder), "--json", str(tmp_path / "again.json"))
    assert again.returncode == 0, again.stderr
    doc = json.loads((tmp_path / "again.json").read_text())
    assert len(doc["articles"]) == 7  # the same seven articles, not ten
    notes = [line for line in again.stderr.decode().splitlines() if line.startswith("note:")]
    assert len(notes) == 3 and all("earlier corroborate run" in n for n in notes)
    # named on the command line, a file is read as given
    named = cli("run", str(folder / "brief.md"), "--json", "-", "-q")
    assert len(json.loads(named.stdout)["articles"]) == 1


def test_without_the_chart_and_postgres_extras(tmp_path):
    """The default install (no matplotlib, no psycopg): the report is written
    without charts, with a hint; a PostgreSQL URL says which extra it needs."""

    def blocked(*argv: str) -> subprocess.CompletedProcess:
        code = ("import sys; sys.modules['matplotlib'] = None; sys.modules['psycopg'] = None; "
                "from corroborate.cli import main; sys.argv = ['corroborate', *sys.argv[1:]]; "
                "main()")  # fmt: skip
        return subprocess.run([sys.executable, "-c", code, *argv], capture_output=True, text=True)

    report = tmp_path / "r.html"
    run = blocked("run", str(EXAMPLES), "--html", str(report))
    assert run.returncode == 0, run.stderr
    assert "corroborate-news[charts]" in run.stderr and "<svg" not in report.read_text()
    pg = blocked("status", "--db", "postgresql://user:pw@127.0.0.1:1/none")
    assert pg.returncode == 4 and "corroborate-news[postgres]" in pg.stderr
    assert len(pg.stderr.strip().splitlines()) == 1
