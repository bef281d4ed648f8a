"""The HTML report and the Markdown brief: self-contained, cited, inert.

The browser tests drive Debian's Chromium through Playwright (no browser
download). ``scripts/test.sh`` installs Chromium and sets
``CORROBORATE_REQUIRE_BROWSER=1``, so in CI a missing browser fails instead
of skipping.
"""

from __future__ import annotations

import json
import os
import re
import shutil
from pathlib import Path

import pytest

from corroborate.model import Document
from corroborate.pipeline import build_stories, process
from corroborate.report.html import render_html, write_html
from corroborate.report.markdown import render_markdown
from tests.conftest import make_article

HOSTILE = (
    "Officials in Amaro said 40 people were evacuated on Monday after the river rose. "
    '<script>window.__pwned = 1</script> <img src="x" onerror="window.__pwned = 2"> '
    "Mayor Lidia Ferreira said the water would fall by Wednesday. "
    '<a href="javascript:window.__pwned=3">click</a> --> ]]> {{ 7*7 }}'
)


def _chromium() -> str:
    path = os.environ.get("CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(path).exists():
        if os.environ.get("CORROBORATE_REQUIRE_BROWSER"):
            pytest.fail(f"Chromium not found at {path}")
        pytest.skip("Chromium not installed (scripts/test.sh installs Debian's chromium)")
    pytest.importorskip("playwright")
    return path


@pytest.fixture(scope="module")
def browser():
    path = _chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=path, headless=True, args=["--no-sandbox"])
        yield b
        b.close()


def _open(browser, html_path: Path):
    page = browser.new_page(viewport={"width": 1100, "height": 900})
    remote: list[str] = []
    page.on("request", lambda r: remote.append(r.url) if not r.url.startswith("file:") else None)
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(html_path.as_uri())
    return page, remote, errors


def _hostile_doc() -> Document:
    arts = [
        make_article(
            HOSTILE,
            published="2025-03-03",
            outlet="<b>Evil</b> Outlet",
            title="Flood <script>alert(1)</script>",
        ),
        make_article(
            "Mayor Lidia Ferreira said 40 people were evacuated in Amaro on Monday as the river "
            "rose, and that the water would fall by Wednesday.",
            published="2025-03-03",
            outlet="Amaro Post",
        ),
    ]
    return Document(articles=arts, stories=build_stories(arts))


def test_html_is_self_contained_and_escaped(tmp_path):
    html = render_html(_hostile_doc())
    assert "<script" not in html.lower() and "<img" not in html.lower()
    assert "javascript:" not in html.replace("href=&#34;javascript:", "")
    assert "&lt;script&gt;window.__pwned" in html and "&lt;b&gt;Evil&lt;/b&gt;" in html
    assert "Content-Security-Policy" in html and "default-src 'none'" in html
    assert not re.search(r"""(?:src|href)=["']?(?:https?:)?//""", html)  # nothing remote


def test_markdown_brief_is_inert_and_cited():
    md = render_markdown(_hostile_doc())
    assert "<script>" not in md and "\\<script\\>" in md
    assert "### Summary" in md and "#### Evidence" in md
    assert re.search(r"\[1\]", md)


def test_seeds_report_in_chromium(browser, shared, tmp_path):
    doc = process([str(shared / "seeds")])
    out = tmp_path / "seeds.html"
    write_html(doc, str(out))
    page, remote, errors = _open(browser, out)
    # the chart is there and drawn
    chart = page.locator(".chart svg")
    box = chart.bounding_box()
    assert box and box["width"] > 300 and box["height"] > 150
    assert page.locator(".chart svg path").count() > 20
    # the figures table and the December conflict
    table = page.locator("table.figures").inner_text()
    assert "National Intelligence Service" in table and "2,700" in table
    conflict = page.locator(".conflict").first.inner_text()
    assert "nearly 3,000" in conflict and "1,000" in conflict and "Seoul" in conflict
    # follow a summary citation to its highlighted sentence
    cite = page.locator("ol.summary a.cite").first
    target = cite.get_attribute("href")
    cite.click()
    assert page.evaluate("location.hash") == target
    highlighted = page.locator(target)
    assert highlighted.is_visible()
    color = highlighted.evaluate("e => getComputedStyle(e).backgroundColor")
    assert color == "rgb(255, 224, 102)", color
    assert page.locator(target).inner_text().strip()
    # what a reader sees: sources by outlet, site or file, never an article id;
    # the December estimates side by side; a real screenshot of the page
    assert not re.search(r"\ba-[0-9a-f]{16}\b", page.inner_text("body"))
    estimates = page.locator("table.estimates").inner_text()
    assert "nearly 3,000" in estimates and "1,000" in estimates and "2024-12" in estimates
    shot = tmp_path / "seeds-report.png"
    page.screenshot(path=str(shot), full_page=True)
    assert shot.read_bytes()[:4] == b"\x89PNG" and shot.stat().st_size > 50_000
    assert remote == [] and errors == []
    page.close()


def test_hostile_article_stays_inert_in_chromium(browser, tmp_path):
    out = tmp_path / "hostile.html"
    write_html(_hostile_doc(), str(out))
    page, remote, _ = _open(browser, out)
    assert page.evaluate("typeof window.__pwned") == "undefined"
    body = page.locator("body").inner_text()
    assert "<script>window.__pwned = 1</script>" in body  # shown as text
    assert page.locator("script").count() == 0 and page.locator("img").count() == 0
    assert page.locator("a[href^='javascript']").count() == 0
    assert remote == []
    page.close()


def test_cli_writes_html_and_markdown(tmp_path):
    from tests.test_cli import EXAMPLES, cli

    html, md, js = tmp_path / "r.html", tmp_path / "r.md", tmp_path / "r.json"
    proc = cli("run", str(EXAMPLES), "--html", str(html), "--md", str(md), "--json", str(js), "-q")
    assert proc.returncode == 0, proc.stderr
    doc = json.loads(js.read_text())
    text = html.read_text()
    for story in doc["stories"]:
        assert story["id"] in text and story["title"].split()[0] in md.read_text()
    assert "<svg" in text


def test_report_is_reproducible_and_chart_ids_do_not_clash(shared):
    doc = process([str(shared / "seeds"), str(Path(__file__).parents[1] / "examples" / "corpus")])
    first, again = render_html(doc), render_html(doc)
    assert first == again  # byte for byte: charts carry per-story ids, no timestamps
    charts = re.findall(r"<svg.*?</svg>", first, flags=re.S)
    assert len(charts) >= 2
    ids = [re.findall(r'\bid="([^"]+)"', c) for c in charts]
    assert all(ids)
    assert not set(ids[0]) & set(ids[1])  # two charts on one page share no id


def test_charts_plot_numbers_over_time_and_say_what_each_value_is():
    from corroborate.model import Claim, Span, Support
    from corroborate.report.chart import chart_series, figures_chart, marker_of

    def claim(measure: str, *reports: tuple[str, str, str, float]) -> Claim:
        support = [
            Support(f"a{k}", None, Span(f"a{k}", 0, 1, "x"), origin, value, as_of, [], amount)
            for k, (origin, value, as_of, amount) in enumerate(reports)
        ]
        return Claim(f"c-{measure}", "figure", measure, support, [], measure)

    claims = [
        claim("killed", ("Agency", "at least 12", "2025-03-01", 12.0),
              ("Agency", "nearly 20", "2025-03-03", 20.0), ("Mayor", "15-18", "2025-03-02", 16.5)),
        claim("deployed", ("Army", "thousands", "2025-03-01", 5000.0),
              ("Army", "about 2,000", "2025-03-02", 2000.0)),
        claim("evacuated", ("Agency", "300", "2025-03-02", 300.0)),
    ]  # fmt: skip
    series = chart_series(claims)
    assert set(series) == {"killed"}  # "thousands" is no number; one date is no chart
    assert {o: len(p) for o, p in series["killed"].items()} == {"Agency": 2, "Mayor": 1}
    assert [marker_of(v) for v in ("at least 12", "nearly 20", "about 300", "15-18", "300")] == [
        "^", "v", "D", "|", "o"
    ]  # fmt: skip
    svg = figures_chart(claims, "Floods", "s-1")
    assert svg is not None and "at least" in svg and "as stated" in svg  # the key


def test_report_articles_keep_their_paragraphs(shared):
    import re

    from corroborate.pipeline import process
    from corroborate.report.html import render_html

    doc = process([str(shared / "seeds")])
    html = render_html(doc)
    for a in doc.articles:
        (sec,) = re.findall(rf'<section class="article" id="art-{a.id}".*?</section>', html, re.S)
        gaps = zip(a.sentences, a.sentences[1:], strict=False)
        breaks = sum("\n" in a.text[x.end : y.start] for x, y in gaps)
        assert sec.count("<p>") == breaks + 1  # the article's paragraphs, not one block
    assert html.count("<p>") > 50
