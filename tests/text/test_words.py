"""Counted nouns and how articles are named for readers."""

from __future__ import annotations

from corroborate.labels import source_label
from corroborate.words import counted
from tests.conftest import make_article


def test_counted_nouns_take_their_plural():
    assert counted(1, "copy") == "1 copy"
    assert counted(0, "copy") == "0 copies"
    assert counted(2, "story") == "2 stories"
    assert counted(3, "process") == "3 processes"
    assert counted(2, "day") == "2 days"
    assert counted(1_500, "removed line") == "1,500 removed lines"


def test_an_article_is_named_by_outlet_site_or_file_never_by_id_when_one_exists():
    a = make_article("Text of the report about the harbour.", outlet="Harbour Times")
    assert source_label(a) == "Harbour Times"
    b = make_article("Text of the report.", url="https://www.harbour-news.example/a/1")
    assert source_label(b) == "harbour-news.example"
    c = make_article("Text of the report.")
    c.path = "/data/feeds/2025/ferry-fire-update.txt"
    assert source_label(c) == "ferry-fire-update.txt"
    c.path = "corpus.zip!2025/ferry.html"
    assert source_label(c) == "ferry.html"
    c.path = "api:0"
    assert source_label(c) == f"article {c.id}"  # nothing else to name it by
