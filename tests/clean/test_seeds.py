"""What a careful reader sees in the five real seed articles (../shared/seeds)."""

from __future__ import annotations

from datetime import date

import pytest

from corroborate.pipeline import process
from corroborate.text.normalise import normalise


@pytest.fixture(scope="module")
def seeds(request):
    shared = request.getfixturevalue("shared")
    doc = process([str(shared / "seeds")])
    assert doc.errors == []
    return {a.path.rsplit("/", 1)[-1][:3]: a for a in doc.articles}


def reasons(article):
    return {(r.reason, r.text) for r in article.removed}


def test_all_seed_articles_come_out(seeds):
    assert sorted(seeds) == ["000", "001", "002", "003", "004"]
    assert all(a.language == "en" for a in seeds.values())


def test_fakti_article(seeds):
    a = seeds["000"]
    assert a.title == "What awaits North Koreans in Ukraine if they return home"
    assert a.published == date(2025, 1, 21)
    assert a.outlet == "Fakti"
    removed = {r.text for r in a.removed}
    assert {"Last news in Fakti", "fdfddfdffddfdfdf", "Jan 21, 2025 10:35 122"} <= removed
    assert not any(line.startswith("What awaits North Koreans") for line in a.text.split("\n"))
    for heading in (
        "Seoul: North Korean soldier death toll rises",
        '"Kim made a mistake in sending the soldiers"',
        '"This is a tragedy"',
    ):
        assert heading in a.text.split("\n\n")
    assert "At least 300 North Korean soldiers in Ukraine have been killed" in a.text


def test_localnews_article(seeds):
    a = seeds["002"]
    assert a.published == date(2025, 1, 13)
    assert a.url == (
        "https://localnews.ai/article/north-korean-troops-in-ukraine-"
        "arent-seeking-asylum-in-the-south-b198fcd2"
    )
    assert a.outlet == "localnews.ai"
    assert a.title == "North Korean Troops in Ukraine Aren't Seeking Asylum in the South"
    assert {"Advertisement", "actions", "Kursk, RussiaMon Jan 13 2025"} <= {
        r.text for r in a.removed
    }
    assert "http" not in a.text
    assert a.text.startswith("Two North Korean soldiers captured in Ukraine")


def test_afp_style_article(seeds):
    a = seeds["003"]
    paragraphs = a.text.split("\n\n")
    assert a.title.startswith("War in Ukraine: North Korean soldiers encouraged")
    assert not any(p.startswith("War in Ukraine:") for p in paragraphs)
    assert "North Koreans questioned in Ukraine" in paragraphs
    assert "Military training in November" in paragraphs
    assert not any(
        p.startswith(("VideoTwo", "PREV", "NEXT")) or p in ("-", "--") for p in paragraphs
    )
    assert "killed or injured" in a.text and "Seoul put the figure at 1,000" in a.text


def test_breitbart_style_article(seeds):
    a = seeds["004"]
    assert a.author == "Frances Martel"
    assert "Follow Frances Martel" not in a.text and "Read the full article here" not in a.text
    assert a.text.rstrip().endswith('"several hundred casualties" fighting Ukraine at the time.')


def test_related_header_removed_but_following_body_kept(seeds):
    a = seeds["001"]
    assert [r.reason for r in a.removed] == ["related links"]
    assert "Admiral Rob Bauer" in a.text and "12,000-strong contingent" in a.text


def test_no_body_paragraph_is_lost(seeds, shared):
    """Every source line that is long prose survives cleaning."""
    for key, a in seeds.items():
        source = next((shared / "seeds").glob(f"{key}_*.txt")).read_text()
        kept = a.text.replace('"', "").replace("'", "")
        for line in source.splitlines():
            if len(line.split()) >= 25:
                probe = line.strip()[:60].translate(str.maketrans("", "", "“”‘’\"'"))
                assert probe in kept, (key, probe)


def test_offsets_map_back_to_the_original_file(seeds, shared):
    for key, a in seeds.items():
        source = next((shared / "seeds").glob(f"{key}_*.txt")).read_text()
        assert a.source_text == source
        for s in a.sentences[:10]:
            start, end = a.source_span(s.start, s.end)
            clean = a.text[s.start : s.end]
            assert normalise(source[start:end]).split()[0] == clean.split()[0]
