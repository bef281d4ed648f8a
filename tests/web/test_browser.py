"""End to end in Debian's Chromium (Playwright, no browser download): ingest
the seeds through the upload form, read the story, follow a citation,
search, and check that a hostile article's script never runs."""

from __future__ import annotations

import json
import re
import urllib.request

import pytest

from tests.test_report import _chromium
from tests.web.serve import running_server

TOKEN = "browser-test-token"


@pytest.fixture
def server(tmp_path):
    with running_server(tmp_path / "web.db", CORROBORATE_TOKEN=TOKEN) as (base, _, _):
        yield base


@pytest.fixture
def page():
    path = _chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=path, headless=True, args=["--no-sandbox"])
        pg = browser.new_page(viewport={"width": 1100, "height": 900})
        errors: list[str] = []
        pg.on("pageerror", lambda e: errors.append(str(e)))
        pg.errors = errors  # type: ignore[attr-defined]
        yield pg
        browser.close()


def _upload_seeds(server, page, shared) -> None:
    """The five seed articles, through the upload form."""
    seeds = sorted(str(p) for p in (shared / "seeds").glob("*.txt"))
    page.goto(server + "/ingest")
    page.fill("input[name=token]", TOKEN)
    page.set_input_files("input[name=files]", seeds)
    page.click("button[type=submit]")
    assert "5</strong> added" in page.content()


def test_newsroom_flow(server, page, shared):
    _upload_seeds(server, page, shared)
    page.goto(server + "/")
    link = page.locator("ol.story-list a").first
    listing = page.locator("ol.story-list").inner_text()
    assert "conflict" in listing and "contested" in listing
    assert not re.search(r"\ba-[0-9a-f]{16}\b", listing)  # names, not article ids
    link.click()
    figures = page.locator("table.figures").inner_text()
    assert "National Intelligence Service" in figures and "2,700" in figures
    conflict = page.locator(".conflict").first.inner_text()
    assert "nearly 3,000" in conflict and "Seoul" in conflict
    summary = page.locator("ol.summary").inner_text()
    assert "differ: nearly 3,000 per Volodymyr Zelensky, 1,000 per Seoul" in summary
    assert page.locator(".chart svg").bounding_box()["width"] > 300
    cite = page.locator("ol.summary a.cite").first
    target = cite.get_attribute("href")
    cite.click()
    color = page.locator(target).evaluate("e => getComputedStyle(e).backgroundColor")
    assert color == "rgb(255, 224, 102)"
    page.fill("form.search input[name=q]", "Zelensky")
    page.press("form.search input[name=q]", "Enter")
    page.wait_for_url("**/search?q=Zelensky")
    assert page.locator("section.hits li").count() >= 2
    assert page.locator("section.hits mark").count() >= 1  # the query is highlighted
    assert page.errors == []


def test_hostile_article_never_runs(server, page):
    body = json.dumps({
        "text": "Officials in Amaro said 40 people were evacuated on Monday. "
        "<script>window.__pwned = 1</script><img src=x onerror=\"window.__pwned = 2\"> "
        "The mayor said the water would fall by Wednesday.",
        "title": "<script>window.__pwned = 3</script>",
        "published": "2026-03-16",
    }).encode()  # fmt: skip
    req = urllib.request.Request(
        server + "/api/ingest", data=body, method="POST",
        headers={"Content-Type": "application/json", "Authorization": f"Bearer {TOKEN}"},
    )  # fmt: skip
    reply = json.loads(urllib.request.urlopen(req).read())
    (aid,) = reply["added"]
    (sid,) = reply["stories_updated"]
    for path in (f"/articles/{aid}", f"/stories/{sid}", "/", "/search?q=Amaro"):
        page.goto(server + path)
        assert page.evaluate("typeof window.__pwned") == "undefined", path
        assert page.locator("script").count() == 0
    page.goto(server + f"/articles/{aid}")
    assert "<script>window.__pwned = 1</script>" in page.locator("section.article").inner_text()


_ARTICLE_ID = re.compile(r"\ba-[0-9a-f]{16}\b")


def _shot(page, path) -> None:
    """A full-page screenshot, kept with the test's files: a real PNG of a real page."""
    page.screenshot(path=str(path), full_page=True)
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 20_000, path


def test_pages_as_a_reader_sees_them(server, page, shared, tmp_path):
    """Screenshots of the story list, the story, an article and a search, with
    what a reader sees on each: names, not ids; the December estimates side
    by side; the conflict in the summary; the article in paragraphs."""
    _upload_seeds(server, page, shared)

    page.goto(server + "/")
    _shot(page, tmp_path / "list.png")
    assert not _ARTICLE_ID.search(page.inner_text("body"))

    page.locator("ol.story-list a").first.click()
    _shot(page, tmp_path / "story.png")
    visible = page.inner_text("section.story, main, body")
    assert not _ARTICLE_ID.search(visible)  # every seed has an outlet, a domain or a file name
    estimates = page.locator("table.estimates").inner_text()
    assert "nearly 3,000" in estimates and "1,000" in estimates and "2024-12" in estimates
    assert "Volodymyr Zelensky" in estimates and "Seoul" in estimates
    summary = page.locator("ol.summary").inner_text()
    assert "differ" in summary and "nearly 3,000" in summary

    page.locator("a[href^='/articles/']").first.click()
    page.wait_for_url("**/articles/**")
    _shot(page, tmp_path / "article.png")
    article_id = page.url.rsplit("/", 1)[-1]
    with urllib.request.urlopen(f"{server}/api/articles/{article_id}") as r:
        lines = [x for x in json.load(r)["text"].split("\n") if x.strip()]
    shown = [t for t in page.locator("section.article p").all_inner_texts() if t.strip()]
    assert len(lines) >= 2 and len(shown) == len(lines)  # one paragraph per line of the article
    assert not _ARTICLE_ID.search(page.locator("p.meta").inner_text())

    page.goto(server + "/search?q=Zelensky")
    _shot(page, tmp_path / "search.png")
    assert page.locator("section.hits mark").count() >= 1
    hits = page.locator("section.hits").inner_text()
    assert not _ARTICLE_ID.search(hits) and "an article" not in hits  # untitled: by source
    assert page.errors == []
