"""Rewritten copies: a report that rewrites, shortens or translates another
within one story (``Article.derived_from``).

A wire story reworded by a second outlet shares few word 3-shingles with its
source (Jaccard 0.06-0.3 on real rewrites), so ``dedupe`` does not see it.
What a rewrite keeps is the *sequence* of the source's distinctive words:
the same names, places, agencies and uncommon words, in the same order,
while the common words around them change. Two independent reports of one
event share many of those words too, but in their own order and with their
own uncommon vocabulary.

So each article becomes the sequence of its uncommon words (Zipf frequency
below ``RARE_ZIPF`` in the article's language, from ``wordfreq``), each
weighted by how uncommon it is, and of its numbers; a capitalised word (a
name, which all coverage of an event shares) counts half. Two articles are a
rewrite pair when the weighted longest common subsequence of their
sequences covers at least ``REWRITE_DICE`` of both (Dice:
``2 * lcs / (w1 + w2)``). Numbers keep two reports of different stages of
a story apart (a toll of 632 and a later one of 820 in otherwise similar
wording); two outlets relaying one official bulletin in the same order come
out as a rewrite pair, which is right for origins: neither is a source of
its own.

On news-dev-2 and news-dev (``bench/bench_copies.py``) every pair above the
threshold that is not a labelled copy reports the same news item.

Pairs form groups; every member's ``derived_from`` is the group's first
article in the canonical order (publication date, then id), as for
``duplicate_of``: the result does not depend on arrival order. A rewrite adds
no origin of its own: its uncredited figures are its source's.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np
from scipy import sparse

from corroborate.model import Article, chronological
from corroborate.text.frequency import zipf
from corroborate.unionfind import UnionFind

__all__ = ["find_rewrites", "rare_sequence", "rewrite_similarity"]

RARE_ZIPF = 4.0  # words less frequent than this (per billion: 10**(4-9)) are distinctive
REWRITE_DICE = 0.4  # weighted LCS Dice of a rewrite pair
NAME_WEIGHT = 0.5  # a capitalised word (a name) counts this much of its rarity
MIN_SHARED = 8.0  # and the common subsequence weighs at least this much (short texts)
_WORDFREQ_LANGS = frozenset(["en", "de", "fr", "es", "it", "pt", "nl", "pl", "sv", "ru", "tr"])
_WORD = re.compile(r"[^\W\d_]{3,}|\d+(?:[.,\s]\d{3})*")
NUMBER_WEIGHT = 2.0

Seq = list[tuple[str, float]]


def rare_sequence(text: str, language: str | None = None) -> Seq:
    """The distinctive words of ``text`` in order, each with its weight."""
    lang = language if language in _WORDFREQ_LANGS else "en"
    out: Seq = []
    for m in _WORD.finditer(text):
        raw = m.group()
        if raw[0].isdigit():
            out.append(("#" + re.sub(r"\D", "", raw), NUMBER_WEIGHT))
            continue
        word = raw.lower()
        z = zipf(word, lang)
        if z < RARE_ZIPF:
            weight = min(4.0, RARE_ZIPF + 0.5 - z)
            out.append((word, weight * NAME_WEIGHT if raw[0].isupper() else weight))
    return out


def _lcs_weight(a: Seq, b: Seq) -> float:
    """Weighted longest common subsequence (dynamic programming, one row)."""
    prev = [0.0] * (len(b) + 1)
    for word, weight in a:
        cur = [0.0] * (len(b) + 1)
        for j, (other, _) in enumerate(b):
            if word == other:
                cur[j + 1] = prev[j] + weight
            else:
                cur[j + 1] = prev[j + 1] if prev[j + 1] > cur[j] else cur[j]
        prev = cur
    return prev[-1]


def rewrite_similarity(a: Seq, b: Seq) -> float:
    """Weighted LCS Dice of two rare-word sequences (0 when too little is shared)."""
    total = sum(w for _, w in a) + sum(w for _, w in b)
    if not total:
        return 0.0
    shared = _lcs_weight(a, b)
    return 2 * shared / total if shared >= MIN_SHARED else 0.0


def find_rewrites(articles: Sequence[Article]) -> dict[str, str]:
    """``{article id: id of the article it rewrites}`` among one story's
    originals (articles that are not exact or near copies)."""
    originals = sorted((a for a in articles if not a.duplicate_of), key=chronological)
    if len(originals) < 2:
        return {}
    seqs = [rare_sequence(a.text, a.language) for a in originals]
    candidates = _candidates(seqs)
    uf = UnionFind(len(originals))
    for i, j in candidates:
        if rewrite_similarity(seqs[i], seqs[j]) >= REWRITE_DICE:
            uf.union(i, j)
    out: dict[str, str] = {}
    for group in uf.groups():
        if len(group) > 1:
            root = originals[min(group)].id  # earliest: the order is chronological
            out.update((originals[i].id, root) for i in group if i != min(group))
    return out


def _candidates(seqs: list[Seq]) -> list[tuple[int, int]]:
    """Pairs ``i < j`` whose LCS Dice can reach the threshold. The weight of
    ``i``'s words that ``j`` has at all bounds the LCS from above, and one
    sparse product gives it for the whole story, so the dynamic programme
    runs only on pairs that might pass."""
    vocab: dict[str, int] = {}
    rows, cols, vals = [], [], []
    totals = np.zeros(len(seqs))
    for i, seq in enumerate(seqs):
        for word, weight in seq:
            rows.append(i)
            cols.append(vocab.setdefault(word, len(vocab)))
            vals.append(weight)
            totals[i] += weight
    if not vocab:
        return []
    weighted = sparse.csr_matrix((vals, (rows, cols)), shape=(len(seqs), len(vocab)))
    present = (weighted > 0).astype(np.float64)
    bound = sparse.triu(weighted @ present.T, k=1).tocoo()  # duplicate entries are summed
    ok = (2 * bound.data >= REWRITE_DICE * (totals[bound.row] + totals[bound.col])) & (
        bound.data >= MIN_SHARED
    )
    return sorted(zip(bound.row[ok].tolist(), bound.col[ok].tolist(), strict=True))
