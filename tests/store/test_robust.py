"""Stories can fail, the store cannot: unique claim ids, failures recorded and
retried, rebuild equal to a fresh ingest, concurrent first use, and every
real data set ingested with every article in a story (both backends)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import select

from corroborate.store import Store
from corroborate.store import schema as t
from corroborate.store.ingest import ingest_paths, rebuild_stories
from tests.conftest import EXAMPLES

# one quote credited to two sources (the shape that once wedged the store)
TWO_SOURCES = """Rescue teams worked through the night in Varnhold after the dam failure.

Varnish media also reported that one of the two spillway gates had been recovered.

"We are still counting the missing, including those swept away near the old mill," Petra Lindqvist, a senior district police officer, told the Northern Courier.

"We are still counting the missing, including those swept away near the old mill," said Petra Lindqvist.

Officials said 40 people were evacuated on Monday.
"""


def _story_rows(store: Store) -> dict[str, dict]:
    with store.engine.connect() as conn:
        return {
            r.id: r.document for r in conn.execute(select(t.stories.c.id, t.stories.c.document))
        }


def test_one_quote_two_sources_is_two_claims(store, tmp_path):
    (tmp_path / "dam.txt").write_text(TWO_SOURCES)
    # a rewrite credits the same words to someone else
    (tmp_path / "dam2.txt").write_text(
        TWO_SOURCES.replace("40 people", "41 people").replace(
            "Petra Lindqvist, a senior district police officer, told the Northern Courier",
            "said Jon Arvesen, the district's rescue coordinator",
        )
    )
    result = ingest_paths(store, [str(tmp_path)])
    assert len(result.added) == 2 and result.stories_updated
    (doc,) = _story_rows(store).values()
    ids = [c["id"] for c in doc["claims"]]
    assert len(ids) == len(set(ids))
    quoted = [c for c in doc["claims"] if "counting the missing" in c["text"]]
    assert len(quoted) >= 2  # one per credited source, each with its own id
    assert store.counts()["unassigned"] == 0 and store.story_errors() == []


def test_a_failing_story_is_recorded_skipped_and_repaired(store, tmp_path, monkeypatch, shared):
    import corroborate.store.ingest as ingest

    real = ingest.build_story

    def flaky(articles, rows=None):
        if any("Varnhold" in a.text for a in articles):
            raise RuntimeError("chart exploded")
        return real(articles, rows)

    (tmp_path / "dam.txt").write_text(TWO_SOURCES)
    monkeypatch.setattr(ingest, "build_story", flaky)
    result = ingest_paths(store, [str(tmp_path), str(shared / "seeds")])
    assert result.stories_updated  # the seeds story was built and saved
    (failure,) = store.story_errors()
    assert "chart exploded" in failure["error"] and failure["attempts"] == 1
    assert store.counts()["unassigned"] == 1
    # still failing: the next ingest (of anything) retries, counts, goes on
    ingest_paths(store, [str(EXAMPLES)])
    (failure,) = store.story_errors()
    assert failure["attempts"] == 2
    # fixed: the next ingest repairs it
    monkeypatch.setattr(ingest, "build_story", real)
    ingest_paths(store, [str(EXAMPLES)])
    assert store.story_errors() == [] and store.counts()["unassigned"] == 0


def test_rebuild_equals_a_fresh_ingest(tmp_path, shared):
    a = Store(str(tmp_path / "a.db"))
    b = Store(str(tmp_path / "b.db"))
    paths = [str(shared / "seeds"), str(EXAMPLES)]
    ingest_paths(a, paths)
    ingest_paths(b, paths)
    before = _story_rows(a)
    updated, removed = rebuild_stories(a)
    assert sorted(updated) == sorted(before) and removed == []
    assert _story_rows(a) == _story_rows(b) == before


def test_three_concurrent_first_uses_of_a_fresh_store(tmp_path):
    db = tmp_path / "fresh.db"
    code = (
        "import sys; from corroborate.store import Store; "
        "s = Store(sys.argv[1]); print(s.counts()['articles'])"
    )
    procs = [
        subprocess.Popen([sys.executable, "-c", code, str(db)], stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE, text=True)
        for _ in range(3)
    ]  # fmt: skip
    outs = [p.communicate(timeout=120) for p in procs]
    assert [p.returncode for p in procs] == [0, 0, 0], outs
    assert all(o[0].strip() == "0" for o in outs)


def test_concurrent_first_ingests(tmp_path):
    db = tmp_path / "fresh.db"
    procs = [
        subprocess.Popen([sys.executable, "-m", "corroborate", "ingest", "-q", "--db", str(db),
                          str(EXAMPLES)], stderr=subprocess.PIPE, text=True)
        for _ in range(3)
    ]  # fmt: skip
    errs = [p.communicate(timeout=300)[1] for p in procs]
    assert [p.returncode for p in procs] == [0, 0, 0], errs
    assert Store(str(db)).counts()["unassigned"] == 0


@pytest.mark.parametrize(
    "where",
    ["seeds", "examples", "data/news-dev/articles", "data/news-dev-2",
     "data/article-extraction-benchmark/html"],
)  # fmt: skip
def test_real_data_ingests_with_every_article_in_a_story(store, shared, where):
    path = EXAMPLES if where == "examples" else shared / where
    result = ingest_paths(store, [str(path)])
    assert result.added
    counts = store.counts()
    assert counts["unassigned"] == 0 and counts["stories"] > 0, counts
    assert store.story_errors() == []


def test_store_errors_are_one_line_with_exit_4(tmp_path):
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"this is not a database" * 500)
    proc = subprocess.run(
        [sys.executable, "-m", "corroborate", "status", "--db", str(bad)],
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert proc.returncode == 4
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and "not a database" in lines[0] and "Traceback" not in proc.stderr
    good = tmp_path / "good.db"
    Store(str(good)).close()
    read_only = f"sqlite:///file:{good}?mode=ro&uri=true"  # as a read-only file would be
    ro = subprocess.run(
        [sys.executable, "-m", "corroborate", "ingest", "--db", read_only, str(EXAMPLES)],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert ro.returncode == 4 and "readonly" in ro.stderr and "Traceback" not in ro.stderr
    down = subprocess.run(
        [sys.executable, "-m", "corroborate", "status", "--db", "postgresql://x@127.0.0.1:9/none"],
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert down.returncode == 4 and len(down.stderr.strip().splitlines()) == 1


def test_status_and_rebuild_commands(tmp_path, shared):
    db = str(tmp_path / "c.db")
    run = [sys.executable, "-m", "corroborate"]
    assert subprocess.run([*run, "ingest", "-q", "--db", db, str(shared / "seeds")],
                          timeout=300).returncode == 0  # fmt: skip
    status = subprocess.run([*run, "status", "--db", db], capture_output=True, text=True)
    assert status.returncode == 0 and "5 articles" in status.stdout, status.stdout
    rebuilt = subprocess.run([*run, "rebuild", "--db", db], capture_output=True, text=True)
    assert rebuilt.returncode == 0 and "stories rebuilt" in rebuilt.stderr
    assert Path(db).exists()


def test_run_reports_a_failing_story_and_keeps_its_articles(monkeypatch, shared):
    import corroborate.pipeline as pipeline

    real = pipeline.make_story

    def flaky(articles):
        if len(articles) > 1:
            raise RecursionError("maximum recursion depth exceeded")
        return real(articles)

    monkeypatch.setattr(pipeline, "make_story", flaky)
    doc = pipeline.process([str(shared / "seeds"), str(EXAMPLES)])
    failed = [e for e in doc.errors if e.path.startswith("story s-")]
    assert failed and "could not be built (RecursionError" in failed[0].error
    assert len(doc.articles) >= 5  # every article is still in the document


def test_internal_errors_are_one_line_with_exit_3(monkeypatch, capsys):
    import corroborate.cli as cli

    def broken() -> None:
        raise KeyError("a bug")

    monkeypatch.setattr(cli, "app", broken)
    monkeypatch.delenv("CORROBORATE_DEBUG", raising=False)
    with pytest.raises(SystemExit) as stop:
        cli.main()
    assert stop.value.code == 3
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("internal error: KeyError")
