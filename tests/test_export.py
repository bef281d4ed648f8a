"""Flat tables: CSV and Parquet from a run and from a store, read back."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path

import pyarrow.parquet as pq

from corroborate.report.tables import COLUMNS, columns_markdown
from tests.conftest import EXAMPLES

ROOT = Path(__file__).resolve().parents[1]


def cli(*args):
    return subprocess.run([sys.executable, "-m", "corroborate", *args], capture_output=True)


def _csv(path: Path) -> list[dict[str, str]]:
    with open(path, newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def test_run_writes_tables_that_read_back(tmp_path):
    proc = cli("run", str(EXAMPLES), "--json", str(tmp_path / "doc.json"), "--csv",
               str(tmp_path / "csv"), "--parquet", str(tmp_path / "pq"), "-q")  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    doc = json.loads((tmp_path / "doc.json").read_text())
    texts = {a["id"]: a["text"] for a in doc["articles"]}
    for name, columns in COLUMNS.items():
        table = pq.read_table(tmp_path / "pq" / f"{name}.parquet")
        rows = _csv(tmp_path / "csv" / f"{name}.csv")
        header = (tmp_path / "csv" / f"{name}.csv").read_text().splitlines()[0].split(",")
        assert table.column_names == [c for c, _, _ in columns] == header
        assert table.num_rows == len(rows) and (rows or name == "conflicts"), name
    stories = pq.read_table(tmp_path / "pq" / "stories.parquet").to_pylist()
    assert [s["story_id"] for s in stories] == [s["id"] for s in doc["stories"]]
    assert str(stories[0]["first_seen"]) == doc["stories"][0]["first_seen"]  # typed dates
    figures = pq.read_table(tmp_path / "pq" / "figures.parquet").to_pylist()
    assert len(figures) == sum(len(s["figures"]) for s in doc["stories"])
    for f in figures:  # evidence offsets index the article's clean text
        assert texts[f["article_id"]][f["start"] : f["end"]] == f["evidence"]
    articles = {r["article_id"]: r for r in _csv(tmp_path / "csv" / "articles.csv")}
    assert len(articles) == 7 and all(r["source"] and not r["source"].startswith("a-")
                                      for r in articles.values())  # fmt: skip
    claims = pq.read_table(tmp_path / "pq" / "claims.parquet").to_pylist()
    assert {c["claim_id"] for c in claims} == {c["id"] for s in doc["stories"] for c in s["claims"]}
    # as an analyst reads them: pandas, from both formats, the same frame
    import pandas as pd

    for name in COLUMNS:
        from_pq = pd.read_parquet(tmp_path / "pq" / f"{name}.parquet")
        from_csv = pd.read_csv(tmp_path / "csv" / f"{name}.csv")
        assert list(from_pq.columns) == list(from_csv.columns) and len(from_pq) == len(from_csv)
    frame = pd.read_parquet(tmp_path / "pq" / "figures.parquet")
    assert frame.groupby("story_id").size().sum() == len(figures)


def test_a_store_exports_the_same_tables_as_a_run(tmp_path):
    db = str(tmp_path / "s.db")
    assert cli("ingest", str(EXAMPLES), "--db", db, "-q").returncode == 0
    proc = cli("export", "--db", db, "--csv", str(tmp_path / "store"))
    assert proc.returncode == 0, proc.stderr
    assert cli("run", str(EXAMPLES), "--csv", str(tmp_path / "run"), "-q").returncode == 0
    for name in COLUMNS:
        stored = _csv(tmp_path / "store" / f"{name}.csv")
        ran = _csv(tmp_path / "run" / f"{name}.csv")
        key = "claim_id" if name == "claims" else None
        if key:
            assert {r[key] for r in stored} == {r[key] for r in ran}
        assert len(stored) == len(ran), name
    assert cli("export", "--db", db).returncode == 2  # nothing asked for


def test_the_column_documentation_is_current():
    assert (ROOT / "docs" / "export.md").read_text() == columns_markdown()
