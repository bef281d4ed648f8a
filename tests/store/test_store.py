"""The store on SQLite and PostgreSQL: round trips, idempotent and
incremental ingest, search, and a kill in the middle of an ingest."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from sqlalchemy import func, select

from corroborate.pipeline import build_stories, process
from corroborate.store import Store
from corroborate.store import schema as t
from corroborate.store.ingest import add_articles, ingest_paths
from tests.conftest import EXAMPLES, ROOT


def _groups(store: Store) -> set[frozenset[str]]:
    owner = store.story_of()
    out: dict[str, set[str]] = {}
    for a, s in owner.items():
        assert s is not None, f"{a} has no story"
        out.setdefault(s, set()).add(a)
    return {frozenset(g) for g in out.values()}


def test_articles_round_trip(store):
    doc = process([str(EXAMPLES)], extract=False)
    add_articles(store, doc.articles)
    for a in doc.articles:
        (back,) = store.articles([a.id])
        assert (back.text, back.source_text, back.title, back.outlet, back.published,
                back.record_id) == (
            a.text, a.source_text, a.title, a.outlet, a.published, a.record_id)  # fmt: skip
        assert back.sentences == a.sentences and back.offset_map == a.offset_map
        assert back.removed == a.removed


def test_a_records_own_id_round_trips(store, tmp_path):
    (tmp_path / "r.jsonl").write_text(
        '{"id": "wire-88", "text": "Ferry services to Aldmoor resumed on Tuesday after the storm."}\n',
        encoding="utf-8",
    )
    (a,) = process([str(tmp_path / "r.jsonl")], extract=False).articles
    add_articles(store, [a])
    (back,) = store.articles([a.id])
    assert back.record_id == "wire-88"


def test_ingest_twice_changes_nothing(store):
    first = ingest_paths(store, [str(EXAMPLES)])
    assert len(first.added) == 7 and first.errors == []
    before = {s: store.story(s) for s in store.story_ids()}
    again = ingest_paths(store, [str(EXAMPLES)])
    assert again.added == [] and again.skipped == 7 and again.stories_updated == []
    assert {s: store.story(s) for s in store.story_ids()} == before
    assert store.count_articles() == 7


def test_incremental_equals_all_at_once(store, shared):
    doc = process([str(EXAMPLES), str(shared / "seeds")], extract=False)
    arts = doc.articles
    once = {frozenset(s.articles) for s in build_stories(process(
        [str(EXAMPLES), str(shared / "seeds")], extract=False).articles)}  # fmt: skip
    rng = random.Random(4)
    order = arts[:]
    rng.shuffle(order)
    for k in range(0, len(order), 3):
        add_articles(store, order[k : k + 3])
    assert _groups(store) == once
    total, rows = store.stories(0, 50)
    assert total == len(once)
    seed_ids = {a.id for a in process([str(shared / "seeds")], extract=False).articles}
    seeds = next(r for r in rows if set(store.story(r["id"])["articles"]) == seed_ids)
    assert seeds["state"] == "contested" and seeds["n_conflicts"] >= 1
    doc = store.story(seeds["id"])
    assert any(c["measure"] == "casualties" for c in doc["conflicts"])


def test_parallel_ingest_builds_the_same_stories(store, shared, tmp_path):
    paths = [str(EXAMPLES), str(shared / "seeds")]
    serial = Store(str(tmp_path / "serial.db"))
    one = ingest_paths(serial, paths)
    two = ingest_paths(store, paths, jobs=2)
    assert sorted(two.added) == sorted(one.added) and len(two.stories_updated) > 1
    assert store.story_ids() == serial.story_ids()
    for sid in serial.story_ids():
        assert store.story(sid) == serial.story(sid)
        assert store.story_page(sid) == serial.story_page(sid)
    assert store.story_of() == serial.story_of()


def test_search_finds_articles_and_claims(store, shared):
    ingest_paths(store, [str(EXAMPLES), str(shared / "seeds")])
    total, hits = store.search("Zelensky")
    assert {h["kind"] for h in hits} == {"article", "claim"} and total >= len(hits)
    _, hits = store.search("Kestrel ferry")
    assert hits and all(h["story_id"] for h in hits)
    assert store.search("'; DROP TABLE articles; --") == (0, [])
    total, hits = store.search('" OR 1=1 NEAR( * ')  # the words or, 1, near: no query syntax
    assert total == len(hits) <= 1
    # a word finds the words it begins ("Zelensk" -> Zelensky, Zelenskyy); pages add up
    total, first = store.search("Zelensk", limit=3)
    _, rest = store.search("Zelensk", limit=100, offset=3)
    assert total == len(first) + len(rest) > 3
    assert not {h["ref"] for h in first} & {h["ref"] for h in rest}
    assert all("\x02" in h["snippet"] for h in first)  # matches are marked
    assert store.count_articles() == 12  # nothing was dropped


def _corpus(root: Path, n: int, first: int = 0) -> None:
    """Small invented articles, one per file, about a handful of events."""
    rng = random.Random(9 + first)
    towns = ["Amaro", "Pell", "Velde", "Kastor", "Rhun", "Solen"]
    for i in range(first, first + n):
        town = towns[i % len(towns)]
        day = 3 + (i % len(towns))
        (root / f"a{i:03d}.txt").write_text(
            f"Floods in {town}: {rng.randint(10, 99)} homes damaged\n\n"
            f"Rescue teams in {town} evacuated {100 + i} residents on 2025-03-0{day % 9 + 1}, "
            f"the {town} emergency office said. Report number {i} from {town} described water "
            f"rising through the old quarter of {town} overnight.",
            encoding="utf-8",
        )


def _empty_store_url(backend: str, tmp_path: Path, request, name: str) -> str:
    """The URL of an empty store on ``backend`` (tests that need a store
    shared with subprocesses, on both backends, in one test)."""
    if backend == "sqlite":
        return str(tmp_path / f"{name}.db")
    from tests.conftest import _reset_postgres

    url = request.getfixturevalue("postgres_url")
    _reset_postgres(Store(url))
    return url


def test_killed_ingest_loses_nothing_and_reruns_cleanly(tmp_path, request):
    for backend in ("sqlite", "postgresql"):
        url = _empty_store_url(backend, tmp_path, request, "k")
        corpus = tmp_path / f"corpus-{backend}"
        corpus.mkdir()
        _corpus(corpus, 60)
        cmd = [sys.executable, "-m", "corroborate", "ingest", str(corpus), "--db", url, "-q"]
        env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
        proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        store = Store(url)
        deadline = time.time() + 60
        # kill it once some, but not all, articles are committed
        target = random.Random(backend).randint(5, 40)
        while time.time() < deadline and proc.poll() is None:
            if store.count_articles() >= target:
                break
            time.sleep(0.01)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        partial = store.count_articles()
        assert partial < 60 or proc.returncode == 0
        done = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=300)
        assert done.returncode == 0, done.stderr
        with store.engine.connect() as conn:
            ids = conn.execute(select(t.articles.c.id)).scalars().all()
            orphans = conn.execute(
                select(func.count()).select_from(t.articles).where(t.articles.c.story_id.is_(None))
            ).scalar_one()
        assert len(ids) == len(set(ids)) == 60, (backend, partial, len(ids))
        assert orphans == 0
        store.close()


def test_concurrent_ingests_take_turns(tmp_path, request):
    """Two ``corroborate ingest`` processes at once on one store, each adding
    articles to the same events, end in the stories a single ingest of
    everything builds (they take turns)."""
    halves = [tmp_path / "one", tmp_path / "two"]
    for k, half in enumerate(halves):
        half.mkdir()
        _corpus(half, 50, first=50 * k)
    serial = Store(str(tmp_path / "serial.db"))
    ingest_paths(serial, [str(h) for h in halves])
    for backend in ("sqlite", "postgresql"):
        url = _empty_store_url(backend, tmp_path, request, "c")
        Store(url).close()  # migrated before the race
        env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
        procs = [
            subprocess.Popen(
                [sys.executable, "-m", "corroborate", "ingest", str(half), "--db", url, "-q"],
                env=env,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
            for half in halves
        ]
        for proc in procs:
            _, err = proc.communicate(timeout=300)
            assert proc.returncode == 0, err
        store = Store(url)
        assert store.count_articles() == 100
        assert _groups(store) == _groups(serial), backend
        assert store.story_ids() == serial.story_ids(), backend
        for sid in serial.story_ids():
            assert store.story(sid) == serial.story(sid), backend
        store.close()


def test_an_ingest_waits_while_another_holds_the_store(tmp_path, request):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    _corpus(corpus, 6)
    for backend in ("sqlite", "postgresql"):
        url = _empty_store_url(backend, tmp_path, request, "w")
        store = Store(url)
        env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
        cmd = [sys.executable, "-m", "corroborate", "ingest", str(corpus), "--db", url, "-q"]
        with store.ingest_lock():
            proc = subprocess.Popen(cmd, env=env, stderr=subprocess.PIPE, text=True)
            time.sleep(4)  # ample time to start, read and clean six files
            assert proc.poll() is None and store.count_articles() == 0, backend
        _, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err
        assert store.count_articles() == 6 and None not in store.story_of().values()
        store.close()
