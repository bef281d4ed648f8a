"""The web app and JSON API on SQLite and PostgreSQL: pages, pagination,
OpenAPI, token, upload limit, escaping and security headers."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from corroborate.store.ingest import ingest_paths
from corroborate.web import create_app
from tests.conftest import EXAMPLES

TOKEN = "t0ken-for-tests"
HOSTILE = {
    "text": "Officials in Amaro said 40 people were evacuated on Monday. "
    '<script>document.title="pwned"</script><img src=x onerror="alert(1)"> '
    "The mayor said the water would fall by Wednesday.",
    "title": "Flood <script>alert(2)</script>",
    "outlet": "<b>Evil</b> Times",
    "published": "2026-03-16",
}


@pytest.fixture
def client(store, shared):
    ingest_paths(store, [str(EXAMPLES), str(shared / "seeds")])
    return TestClient(create_app(store, token=TOKEN, max_upload=200_000))


def _auth() -> dict[str, str]:
    return {"Authorization": f"Bearer {TOKEN}"}


def test_story_list_pagination_and_pages(client):
    first = client.get("/api/stories", params={"limit": 2}).json()
    second = client.get("/api/stories", params={"limit": 2, "offset": 2}).json()
    assert first["total"] == 3 and len(first["stories"]) == 2 and len(second["stories"]) == 1
    ids = [s["id"] for s in first["stories"] + second["stories"]]
    assert len(set(ids)) == 3
    home = client.get("/")
    assert home.status_code == 200 and all(i in home.text for i in ids)
    assert "conflict" in home.text  # the seeds story's conflict badge
    for sid in ids:
        page = client.get(f"/stories/{sid}")
        assert page.status_code == 200 and "Key figures" in page.text
        doc = client.get(f"/api/stories/{sid}").json()
        assert doc["id"] == sid and {"claims", "conflicts", "summary", "sources"} <= set(doc)
        art = client.get(f"/api/articles/{doc['articles'][0]}").json()
        assert art["story_id"] == sid
        assert client.get(f"/articles/{doc['articles'][0]}").status_code == 200
    assert client.get("/api/stories/nope").status_code == 404
    assert client.get("/stories/nope").status_code == 404
    assert client.get("/api/stories", params={"limit": 0}).status_code == 422


def test_openapi_matches_the_routes(client):
    spec = client.get("/openapi.json").json()
    assert set(spec["paths"]) == {
        "/api/stories", "/api/stories/{story_id}", "/api/articles/{article_id}",
        "/api/search", "/api/ingest", "/api/health", "/api/check",
    }  # fmt: skip
    params = {p["name"] for p in spec["paths"]["/api/stories"]["get"]["parameters"]}
    assert params == {"offset", "limit", "state", "since"}
    assert "post" in spec["paths"]["/api/ingest"]
    assert client.get("/docs").status_code == 404  # no page that loads a CDN
    health = client.get("/api/health")
    assert health.status_code == 200 and health.json()["articles"] > 0


def test_search(client):
    reply = client.get("/api/search", params={"q": "Zelensky", "limit": 2}).json()
    assert {"total", "offset", "limit"} <= set(reply) and reply["total"] > 2
    more = client.get("/api/search", params={"q": "Zelensky", "limit": 2, "offset": 2}).json()
    assert {h["ref"] for h in reply["hits"]}.isdisjoint(h["ref"] for h in more["hits"])
    assert not any("\x02" in h["snippet"] for h in reply["hits"])  # no marks in JSON
    hits = client.get("/api/search", params={"q": "Zelensky", "limit": 50}).json()["hits"]
    assert {h["kind"] for h in hits} == {"article", "claim"}
    page = client.get("/search", params={"q": "Kestrel"})
    assert page.status_code == 200 and "<mark>Kestrel</mark>" in page.text
    # grouped by story: each story's title once, however many of its claims match
    seeds = client.get("/search", params={"q": "North Korean"}).text
    title = seeds.split("<h2>", 2)[1].split("</h2>")[0]
    assert seeds.count(title) == 1


def test_writing_needs_the_token(client):
    body = {"text": "Rescuers in Pell said 12 fishermen were missing after a storm on Sunday."}
    assert client.post("/api/ingest", json=body).status_code == 401
    assert (
        client.post("/api/ingest", json=body, headers={"Authorization": "Bearer no"}).status_code
        == 401
    )
    assert client.post("/ingest", data={"token": "no", "text": body["text"]}).status_code == 401
    ok = client.post("/api/ingest", json=body, headers=_auth())
    assert ok.status_code == 200 and len(ok.json()["added"]) == 1
    again = client.post("/api/ingest", json=body, headers=_auth()).json()
    assert again["added"] == [] and again["skipped"] == 1
    assert client.post("/api/ingest", json={"title": "no text"}, headers=_auth()).status_code == 422
    url_only = client.post("/api/ingest", json={"url": "https://example.org/a"}, headers=_auth())
    assert url_only.status_code == 422 and "does not fetch" in url_only.json()["detail"]


def test_read_only_without_a_configured_token(store):
    app = TestClient(create_app(store, token=""))
    r = app.post("/api/ingest", json={"text": "x"}, headers={"Authorization": "Bearer "})
    assert r.status_code == 401 and "disabled" in r.json()["detail"]


def test_upload_limit(client):
    big = b"a" * 300_000
    r = client.post("/api/ingest", files={"files": ("big.txt", big)}, headers=_auth())
    assert r.status_code == 413
    small = client.post(
        "/api/ingest",
        files={
            "files": ("pell.txt", b"Rescuers in Pell said 12 fishermen were missing on Sunday.")
        },
        headers=_auth(),
    )
    assert small.status_code == 200 and small.json()["added"]


def test_hostile_article_is_escaped_everywhere(client):
    r = client.post("/api/ingest", json=HOSTILE, headers=_auth())
    (aid,) = r.json()["added"]
    page = client.get(f"/articles/{aid}")
    assert "<script>" not in page.text and "<img" not in page.text
    assert "&lt;script&gt;" in page.text
    (sid,) = r.json()["stories_updated"]
    story = client.get(f"/stories/{sid}").text
    assert "<script>" not in story and "&lt;b&gt;Evil&lt;/b&gt;" in story
    assert "<script" not in client.get("/", params={}).text.lower()
    for path in ("/", f"/stories/{sid}", "/api/stories"):
        headers = client.get(path).headers
        assert "default-src 'none'" in headers["content-security-policy"]
        assert "script-src" not in headers["content-security-policy"]
        assert headers["x-content-type-options"] == "nosniff"


def test_health_reports_a_lost_database(tmp_path):
    from corroborate.store import Store

    path = tmp_path / "gone.db"
    store = Store(str(path))
    client = TestClient(create_app(store))
    assert client.get("/api/health").json() == {"status": "ok", "articles": 0, "story_errors": 0}
    path.unlink()  # the file is gone: a fresh connection finds no tables
    store.engine.dispose()
    reply = client.get("/api/health")
    assert reply.status_code == 503 and reply.json()["status"] == "database unavailable"


def _story_of_seeds(client) -> dict:
    rows = client.get("/api/stories").json()["stories"]
    return max(rows, key=lambda r: r["n_articles"])


def test_kept_responses_follow_new_articles(store, shared):
    seeds = sorted((shared / "seeds").iterdir())
    ingest_paths(store, [str(p) for p in seeds[:3]])
    live = TestClient(create_app(store, token=TOKEN, fresh=0.0))
    kept = TestClient(create_app(store, token=TOKEN, fresh=3600.0))
    before = _story_of_seeds(live)
    assert before["n_articles"] == 3 and _story_of_seeds(kept) == before
    for c in (live, kept):  # both processes have served (and kept) everything
        assert c.get(f"/stories/{before['id']}").status_code == 200
        assert c.get(f"/api/stories/{before['id']}").status_code == 200
        assert "3 articles" in c.get("/").text
    files = [("files", (p.name, p.read_bytes(), "text/plain")) for p in seeds[3:]]
    assert live.post("/api/ingest", files=files, headers=_auth()).json()["added"]
    after = _story_of_seeds(live)  # checked at once: the new story state
    assert after["n_articles"] == 5 and "5 articles" in live.get("/").text
    doc = live.get(f"/api/stories/{after['id']}").json()
    assert len(doc["articles"]) == 5
    assert "5 articles" in live.get(f"/stories/{after['id']}").text
    # a process that checks rarely still serves what it kept, by design
    assert _story_of_seeds(kept)["n_articles"] == 3 and "3 articles" in kept.get("/").text
    if after["id"] != before["id"]:  # the old story was merged away: gone for the live one
        assert live.get(f"/stories/{before['id']}").status_code == 404


def test_article_pages_keep_paragraphs_and_name_the_source(client, shared):
    import re

    from corroborate.pipeline import process

    seed = next(a for a in process([str(shared / "seeds")], extract=False).articles
                if not a.outlet and not a.url)  # fmt: skip
    page = client.get(f"/articles/{seed.id}").text
    body = page.split('<section class="article clean">', 1)[1]
    assert body.count("<p>") >= 3  # the article's paragraphs, not one block
    meta = re.search(r'<p class="meta">(.*?)</p>', page, re.S)[1]
    assert seed.path.rsplit("/", 1)[-1] in meta and seed.id not in meta  # its file, not its id


def test_head_requests_and_error_pages_for_browsers(client):
    head = client.head("/")
    assert head.status_code == 200 and head.content == b""
    assert head.headers["content-type"].startswith("text/html")
    page = client.get("/stories/nope", headers={"Accept": "text/html,application/xhtml+xml"})
    assert page.status_code == 404 and page.headers["content-type"].startswith("text/html")
    assert "Not found" in page.text and "<script" not in page.text
    api = client.get("/api/stories/nope", headers={"Accept": "text/html"})
    assert api.status_code == 404 and api.json()["detail"]  # the API answers JSON
    refused = client.post("/ingest", data={"token": "wrong", "text": "x"},
                          headers={"Accept": "text/html"})  # fmt: skip
    assert refused.status_code == 401 and refused.headers["content-type"].startswith("text/html")
    assert "Not allowed" in refused.text


def test_story_json_is_compressed_and_tagged(client):
    sid = client.get("/api/stories").json()["stories"][0]["id"]
    first = client.get(f"/api/stories/{sid}", headers={"Accept-Encoding": "gzip"})
    assert first.status_code == 200 and first.headers["content-encoding"] == "gzip"
    tag = first.headers["etag"]
    again = client.get(f"/api/stories/{sid}", headers={"If-None-Match": tag})
    assert again.status_code == 304 and again.content == b"" and again.headers["etag"] == tag
    page = client.get(f"/stories/{sid}")
    assert page.headers["etag"] != tag  # the page and the document are tagged apart
    assert client.get(f"/stories/{sid}", headers={"If-None-Match": page.headers["etag"]}
                      ).status_code == 304  # fmt: skip
    assert (
        client.get(f"/api/stories/{sid}", headers={"If-None-Match": '"other"'}).status_code == 200
    )


def test_the_story_list_reads_like_a_news_list(client):
    listing = client.get("/api/stories").json()["stories"]
    seeds = next(s for s in listing if s["n_conflicts"])
    assert seeds["lede"] and seeds["updated_at"] and len(seeds["outlets"]) >= 2
    assert not any(o.startswith("a-") or o.startswith("article ") for o in seeds["outlets"])
    home = client.get("/").text
    assert " ".join(seeds["lede"].split()[:4]) in home and seeds["outlets"][0] in home
    contested = client.get("/api/stories", params={"state": "contested"}).json()
    assert contested["total"] == 1 and contested["stories"][0]["id"] == seeds["id"]
    assert client.get("/api/stories", params={"state": "nonsense"}).status_code == 422
    later = client.get("/api/stories", params={"since": "2099-01-01"}).json()
    assert later["total"] == 0
    page = client.get("/", params={"state": "contested"}).text
    assert seeds["title"] in page and "1 story" in page


def test_openapi_is_typed_and_documented_on_a_local_page(client):
    import jsonschema

    spec = client.get("/openapi.json").json()
    schemas = spec["components"]["schemas"]
    story_ref = spec["paths"]["/api/stories/{story_id}"]["get"]["responses"]["200"]["content"]
    assert story_ref["application/json"]["schema"] == {"$ref": "#/components/schemas/Story"}
    assert {"Story", "Claim", "Figure", "Statement", "Article", "StoredArticle"} <= set(schemas)
    assert spec["components"]["securitySchemes"]["HTTPBearer"]["scheme"] == "bearer"
    ingest = spec["paths"]["/api/ingest"]["post"]
    assert ingest["security"] and "application/json" in ingest["requestBody"]["content"]
    # a real story validates against its component (refs resolved within the spec)
    sid = client.get("/api/stories").json()["stories"][0]["id"]
    story = client.get(f"/api/stories/{sid}").json()
    resolver_root = {"components": spec["components"], **schemas["Story"]}
    jsonschema.validate(story, resolver_root)
    page = client.get("/api")
    assert page.status_code == 200 and "<script" not in page.text.lower()
    assert not re.search(r'(?:src|href)="https?://', page.text)  # nothing remote
    for path in ("/api/stories", "/api/search", "/api/ingest"):
        assert f"{path}</code>" in page.text


def test_a_claim_is_checked_by_the_api_and_on_a_page(client):
    r = client.post(
        "/api/check",
        json={
            "claim": "Zelensky said nearly 3,000 North Korean "
            "soldiers were killed or injured in December"
        },
    )
    assert r.status_code == 200
    doc = r.json()
    assert doc["verdict"] == "contested" and doc["competing"][0]["value"] == "1,000"
    assert client.post("/api/check", json={"claim": ""}).status_code == 422
    page = client.get("/check", params={"claim": "The NIS said 3,000 North Korean soldiers "
                                                 "were killed"})  # fmt: skip
    assert page.status_code == 200 and "distorted" in page.text and "casualties" in page.text
    assert "<script" not in page.text.lower()
