"""Trigger-anchored scanning finds exactly what a full regex scan finds."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from corroborate.extract.clauses import VERB, Masked
from corroborate.extract.dates import DATE_RE, date_matches
from corroborate.text.numbers import QUANTITY, STARTERS, quantity_triggers
from corroborate.text.scan import Tokens, anchored_finditer


def _dates(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in date_matches(text)]


def _quantities(text: str, pos: int = 0, endpos: int | None = None) -> list[tuple[int, int]]:
    tokens = Tokens(text)
    found = anchored_finditer(
        QUANTITY, text, tokens, quantity_triggers(tokens), pos, endpos, starters=STARTERS
    )
    return [m.span() for m in found]


def _full(pattern, text: str, pos: int = 0, endpos: int | None = None) -> list[tuple[int, int]]:
    end = len(text) if endpos is None else endpos
    return [m.span() for m in pattern.finditer(text, pos, end)]


def _same_everywhere(text: str) -> None:
    assert _dates(text) == _full(DATE_RE, text)
    assert _quantities(text) == _full(QUANTITY, text)
    verbs = [m.span() for m in Masked(text, Tokens(text)).verbs]
    assert verbs == _full(VERB, text)


_WORDS = [
    "about",
    "at",
    "least",
    "nearly",
    "more",
    "than",
    "up",
    "to",
    "between",
    "and",
    "from",
    "to",
    "some",
    "the",
    "a",
    "few",
    "several",
    "dozens",
    "hundreds",
    "of",
    "thousands",
    "tens",
    "one",
    "two",
    "three",
    "twelve",
    "hundred",
    "thousand",
    "million",
    "300",
    "2,700",
    "10",
    "000",
    "34,",
    "000",
    "1.5",
    "12",
    "2025",
    "1990s",
    "2024-11-03",
    "in",
    "since",
    "during",
    "early",
    "mid",
    "late",
    "last",
    "this",
    "next",
    "past",
    "on",
    "coming",
    "Saturday",
    "Monday",
    "October",
    "Oct.",
    "May",
    "may",
    "March",
    "march",
    "spring",
    "winter",
    "week",
    "weeks",
    "month",
    "year",
    "years",
    "ago",
    "yesterday",
    "today",
    "tonight",
    "night",
    "morning",
    "end",
    "beginning",
    "start",
    "said",
    "told",
    "according",
    "points",
    "out",
    "people",
    "killed",
    "wounded",
    "percent",
    "%",
    "per",
    "cent",
    ",",
    ".",
    ";",
    "—",
    "(",
    ")",
    '"',
    "“",
    "”",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), max_size=40), st.sampled_from([" ", "  ", "\n", "-"]))
def test_anchored_scan_matches_full_scan_on_random_phrases(words, sep):
    _same_everywhere(sep.join(words))


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), min_size=1, max_size=30), st.data())
def test_anchored_scan_respects_pos_and_endpos(words, data):
    text = " ".join(words)
    pos = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(pos, len(text)))
    assert _quantities(text, pos, end) == _full(QUANTITY, text, pos, end)


def test_anchored_scan_matches_full_scan_on_real_articles(shared):
    texts = [p.read_text(encoding="utf-8") for p in sorted((shared / "seeds").glob("*.txt"))]
    texts += [
        p.read_text(encoding="utf-8") for p in sorted((shared / "data/news-dev").rglob("*.txt"))
    ]
    truth = json.loads((shared / "data/article-extraction-benchmark/ground-truth.json").read_text())
    texts += [v["articleBody"] for v in truth.values()]
    assert len(texts) > 200
    for text in texts:
        _same_everywhere(text)
