"""Related stories and story ids in the store (SQLite and PostgreSQL):
incremental ingest in any order and batch size gives the same stories and
related links; a story keeps its id as follow-ups join it, and a former id
leads to the story that holds its articles."""

from __future__ import annotations

import json
import random

from fastapi.testclient import TestClient

from corroborate.pipeline import process
from corroborate.store import Store, links
from corroborate.store.ingest import add_articles
from corroborate.web import create_app
from tests.conftest import make_article


def _stories(store: Store) -> tuple[set[frozenset[str]], set[frozenset[frozenset[str]]]]:
    """(stories as sets of articles, related links as pairs of those sets)."""
    owner = store.story_of()
    members: dict[str, set[str]] = {}
    for a, s in owner.items():
        assert s is not None
        members.setdefault(s, set()).add(a)
    pairs = {
        frozenset((frozenset(members[sid]), frozenset(members[rid])))
        for sid in members
        for rid, _ in links.related(store.engine, sid)
    }
    return {frozenset(m) for m in members.values()}, pairs


def test_any_arrival_order_gives_the_same_stories_and_related_links(store, shared, tmp_path):
    """The Turkey-Syria earthquakes and the separate Hatay quake two weeks
    later (news-dev-2, read from ../shared): two stories, related."""
    folder = shared / "data" / "news-dev-2"
    labels = json.loads((folder / "labels.json").read_text())
    files = [folder / "articles" / x["file"] for x in labels if x["event_id"] in ("E2", "E2a")]
    articles = process([str(p) for p in files], extract=False).articles
    results = []
    for seed, batch in ((1, 40), (2, 7), (3, 3)):
        order = articles[:]
        random.Random(seed).shuffle(order)
        target = store if seed == 1 else Store(str(tmp_path / f"s{seed}.db"))
        for k in range(0, len(order), batch):
            add_articles(target, order[k : k + batch])
        results.append(_stories(target))
    assert results[1] == results[0] and results[2] == results[0]
    groups, related = results[0]
    assert len(groups) >= 2
    assert related, "the Hatay quake is related to the February quakes"
    client = TestClient(create_app(store))
    sid = next(s for s in store.story_ids() if links.related(store.engine, s))
    others = [r for r, _ in links.related(store.engine, sid)]
    assert client.get(f"/api/stories/{sid}").json()["related"] == others
    page = client.get(f"/stories/{sid}").text
    assert all(f'href="/stories/{o}"' in page for o in others)


def _flood(day: int, n: int):
    return make_article(
        f"Report {n}: the Lisk river burst its banks in Dunmore on 2026-05-0{day}, flooding "
        f"{120 + n} homes, the Dunmore civil protection office said. Officer Mara Quell said "
        "pumps were moved to the Dunmore old town and the ring road stayed closed.",
        published=f"2026-05-0{day}", outlet=f"Outlet {n}", language="en",
    )  # fmt: skip


def test_a_story_keeps_its_id_and_a_former_id_redirects(store):
    add_articles(store, [_flood(3, 1), _flood(4, 2)])
    (first,) = store.story_ids()
    add_articles(store, [_flood(5, 3), _flood(6, 4)])  # follow-ups
    assert store.story_ids() == {first}
    add_articles(store, [_flood(2, 5)])  # an earlier report: the canonical id moves
    (now,) = store.story_ids()
    assert now != first and links.resolve(store.engine, first) == now
    client = TestClient(create_app(store))
    for prefix in ("/stories/", "/api/stories/"):
        r = client.get(prefix + first, follow_redirects=False)
        assert r.status_code == 301 and r.headers["location"] == prefix + now
    assert client.get("/api/stories/" + first).json()["id"] == now
    assert client.get("/stories/never-was").status_code == 404
