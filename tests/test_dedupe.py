"""Duplicates: exact and near copies, earliest original, order independence."""

from __future__ import annotations

import json
import random
import re
from datetime import date

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from corroborate.dedupe import Deduper, MinHasher, jaccard, shingles, token_hashes
from tests.conftest import make_article

WIRE = (
    "Rescue teams in the port city of Amaro pulled eleven survivors from the collapsed "
    "warehouse on Tuesday, the regional emergency office said, as cranes lifted slabs of "
    "concrete from the site. The warehouse, which stored grain for export, gave way after "
    "two days of heavy rain soaked its foundations. Officials said at least nine workers "
    "were still missing and that the search would continue through the night. The mayor "
    "of Amaro, Lidia Ferreira, told reporters that the city would open an inquiry into "
    "how the building had been inspected, and that families of the missing would be "
    "housed near the site while the search went on."
)
OTHER = (
    "The central bank of Ostmark held its main interest rate at four percent on Thursday, "
    "saying that inflation had eased for a third month but that wage growth remained too "
    "strong for a cut. Economists had expected the decision. The bank's governor said the "
    "board would look again at rates in June, once new figures on prices and jobs were in, "
    "and warned that a weaker currency could push import prices up over the summer."
)


def _edit(text: str, rng: random.Random, n: int = 2) -> str:
    words = text.split(" ")
    for _ in range(n):
        words[rng.randrange(len(words))] = rng.choice(["reported", "local", "Wednesday"])
    return " ".join(words)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_token_hashes_split_words_like_the_regex(text):
    assert len(token_hashes(text)) == len(re.findall(r"\w+", text.lower()))


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(["flood", "Amaro", "rain", "9", "mayor", "inquiry"]), max_size=30))
def test_token_hashes_depend_only_on_the_lower_case_words(words):
    a = " ".join(words)
    b = ",  ".join(w.upper() for w in words)
    assert np.array_equal(token_hashes(a), token_hashes(b))


def test_minhash_estimates_jaccard():
    rng = random.Random(1)
    base = WIRE + " " + OTHER
    hasher = MinHasher(128)
    errors = []
    for n in (2, 10, 30, 60):
        copy = _edit(base, rng, n)
        a, b = shingles(base), shingles(copy)
        est = float((hasher.signature(a) == hasher.signature(b)).mean())
        errors.append(abs(est - jaccard(a, b)))
    assert max(errors) < 0.15, errors
    # signatures are stable: the same text gives the same signature
    assert np.array_equal(hasher.signature(shingles(WIRE)), hasher.signature(shingles(WIRE)))


def test_exact_near_and_distinct():
    rng = random.Random(2)
    dd = Deduper()
    dd.add("orig", WIRE, date(2025, 3, 4))
    dd.add("exact", WIRE.upper() + "  ", date(2025, 3, 5))  # same words, other case/spacing
    dd.add("near", _edit(WIRE, rng), date(2025, 3, 5))
    dd.add("other", OTHER, date(2025, 3, 4))
    assert dd.groups() == [["orig", "exact", "near"]]
    assert dd.duplicate_of() == {"exact": "orig", "near": "orig"}


def test_truncated_copy_is_caught_by_containment():
    dd = Deduper()
    long_text = WIRE + " " + OTHER.replace("Ostmark", "Amaro")
    dd.add("full", long_text, date(2025, 3, 4))
    dd.add("excerpt", WIRE[: int(len(WIRE) * 0.9)], date(2025, 3, 4))
    assert dd.duplicate_of() == {"excerpt": "full"}


def test_short_texts_are_only_exact_copies():
    dd = Deduper()
    dd.add("a", "Nine people died in Amaro, officials said.")
    dd.add("b", "Seven people died in Amaro, officials said.")
    dd.add("c", "Nine people died in Amaro, officials said.")
    assert dd.duplicate_of() == {"c": "a"}


def test_earliest_copy_wins_whatever_the_arrival_order():
    rng = random.Random(3)
    items = [
        ("late", _edit(WIRE, rng), date(2025, 3, 9)),
        ("first", WIRE, date(2025, 3, 1)),
        ("undated", _edit(WIRE, rng), None),
        ("other", OTHER, date(2025, 3, 2)),
    ]
    results = set()
    for _ in range(6):
        rng.shuffle(items)
        dd = Deduper()
        for i in items:
            dd.add(*i)
        results.add(tuple(sorted(dd.duplicate_of().items())))
    assert results == {(("late", "first"), ("undated", "first"))}


def test_find_duplicates_answers_and_mark_copies_records():
    from corroborate.dedupe import find_duplicates, mark_copies

    a = make_article(WIRE, published="2025-03-04", outlet="Wire")
    b = make_article(WIRE + "\nRead more on our site.", published="2025-03-05", outlet="Site")
    c = make_article(OTHER, published="2025-03-05", outlet="Bank news")
    copies = find_duplicates([b, a, c])
    assert copies == {b.id: a.id}
    assert b.duplicate_of is None  # an answer, not a side effect
    mark_copies([a, b, c], copies)
    assert b.duplicate_of == a.id and a.duplicate_of is None and c.duplicate_of is None


def test_news_dev_copies(shared):
    """Real wire copies are found; no two articles of different stories are merged."""
    root = shared / "data" / "news-dev"
    labels = json.loads((root / "labels.json").read_text())
    dd = Deduper()
    story = {}
    for lab in labels:
        text = make_article((root / "articles" / lab["file"]).read_text(encoding="utf-8")).text
        dd.add(lab["file"], text)
        story[lab["file"]] = lab["story"]
    found = {frozenset((m, g[0])) for g in dd.groups() for m in g[1:]}
    lexical = {frozenset(("d010.txt", "d021.txt")), frozenset(("d046.txt", "d031.txt"))}
    assert lexical <= found
    assert all(len({story[f] for f in pair}) == 1 for pair in found)
