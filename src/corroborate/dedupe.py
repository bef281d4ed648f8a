"""Duplicates: exact copies and near-duplicates (syndicated wire copies).

Exact copies share a normalised-text hash. Near-duplicates are found with
MinHash over word 3-shingles and an LSH banding index, then verified on the
exact shingle sets: two articles are copies when their Jaccard similarity is
at least ``jaccard`` (0.8) or the shorter one is contained in the longer one
to at least ``containment`` (0.7) (a truncated or lightly edited copy of the same wire
story). MinHash is vectorised with numpy (multiply-shift hashing, one matrix
operation per batch); ``bench/bench_dedupe.py`` compares it with datasketch.

Copies form groups; each member's ``duplicate_of`` is the group's earliest
article (by publication date, then arrival order), so the result does not
depend on the order articles arrive in.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date

import numpy as np

from corroborate.model import Article
from corroborate.unionfind import UnionFind

__all__ = ["Deduper", "MinHasher", "find_duplicates", "jaccard", "mark_copies", "shingles"]

_MASK64 = (1 << 64) - 1


# Which of the first 65,536 code points are word characters, as ``\\w`` defines
# them (alphanumeric or underscore).
_WORD_CHAR = np.array([chr(i).isalnum() or i == 95 for i in range(1 << 16)], dtype=bool)
_POW = np.cumprod(np.full(256, 0x100000001B3, dtype=np.uint64), dtype=np.uint64)


def token_hashes(text: str) -> np.ndarray:
    """A 64-bit hash of each ``\\w+`` word of ``text`` in lower case, in order.

    Vectorised: code points -> word-character mask -> words -> a polynomial
    hash per word (``np.add.reduceat``), with no Python loop over words.
    """
    cp = np.frombuffer(text.lower().encode("utf-32-le"), dtype=np.uint32)
    if not len(cp):
        return np.zeros(0, dtype=np.uint64)
    low = cp < (1 << 16)
    if low.all():
        is_word = _WORD_CHAR[cp]
    else:  # beyond the first plane (rare): ask Python for those few
        is_word = np.zeros(len(cp), dtype=bool)
        is_word[low] = _WORD_CHAR[cp[low]]
        high = np.flatnonzero(~low)
        is_word[high] = [chr(c).isalnum() for c in cp[high].tolist()]
    idx = np.flatnonzero(is_word)
    if not len(idx):
        return np.zeros(0, dtype=np.uint64)
    starts = np.flatnonzero(np.diff(idx, prepend=-2) != 1)
    lengths = np.diff(np.append(starts, len(idx)))
    pos = np.arange(len(idx)) - np.repeat(starts, lengths)
    with np.errstate(over="ignore"):
        vals = (cp[idx].astype(np.uint64) + np.uint64(1)) * _POW[np.minimum(pos, 255)]
        return _mix(np.add.reduceat(vals, starts) + lengths.astype(np.uint64))


def shingles(text: str, k: int = 3) -> np.ndarray:
    """Sorted unique 32-bit hashes of the word ``k``-shingles of ``text`` (lower case)."""
    return _shingles(token_hashes(text), k)


def _shingles(ids: np.ndarray, k: int = 3) -> np.ndarray:
    if not len(ids):
        return np.zeros(0, dtype=np.uint32)
    if len(ids) < k:
        ids = np.concatenate([ids, np.zeros(k - len(ids), dtype=np.uint64)])
    n = len(ids) - k + 1
    h = np.zeros(n, dtype=np.uint64)
    with np.errstate(over="ignore"):
        for j in range(k):
            h = h * np.uint64(0x100000001B3) + ids[j : j + n]
    return np.unique((_mix(h) >> np.uint64(32)).astype(np.uint32))


def jaccard(a: np.ndarray, b: np.ndarray) -> float:
    """Exact Jaccard similarity of two sorted unique shingle arrays."""
    if len(a) == 0 or len(b) == 0:
        return 0.0
    inter = len(np.intersect1d(a, b, assume_unique=True))
    return inter / (len(a) + len(b) - inter)


class MinHasher:
    """One-permutation MinHash with densification, vectorised over a batch.

    Classic MinHash hashes every shingle ``num_perm`` times. One-permutation
    hashing (Li, Owen & Zhang 2012) hashes it once: the top bits pick one of
    ``num_perm`` bins, the low bits are the value, and each bin keeps its
    minimum. Empty bins (short texts) borrow from the next filled bin to the
    right, shifted by the distance (Shrivastava & Li 2014), so the
    signatures stay comparable position by position and the fraction of
    equal positions estimates the Jaccard similarity, as with classic
    MinHash, at a fraction of the cost.
    """

    def __init__(self, num_perm: int = 128, seed: int = 1) -> None:
        if num_perm & (num_perm - 1) or not 2 <= num_perm <= 1024:
            raise ValueError("num_perm must be a power of two between 2 and 1024")
        self.num_perm = num_perm
        self._bin_shift = np.uint64(64 - num_perm.bit_length() + 1)
        self._seed = np.uint64(seed * 0x9E3779B97F4A7C15 & _MASK64)

    def signature(self, sh: np.ndarray) -> np.ndarray:
        """The signature (``num_perm`` uint32) of one shingle array."""
        return self.signatures([sh])[0]

    def signatures(self, shingle_sets: Sequence[np.ndarray]) -> np.ndarray:
        """Signatures of many documents at once, shape ``(len(shingle_sets), num_perm)``."""
        n, k = len(shingle_sets), self.num_perm
        empty = np.uint64(_MASK64)
        flat = np.full(n * k, empty, dtype=np.uint64)
        sizes = np.fromiter((len(x) for x in shingle_sets), dtype=np.int64, count=n)
        if sizes.sum():
            x = np.concatenate([np.asarray(v, dtype=np.uint64) for v in shingle_sets])
            y = _mix(x ^ self._seed)
            keys = np.repeat(np.arange(n, dtype=np.uint64), sizes) * np.uint64(k)
            keys += y >> self._bin_shift
            np.minimum.at(flat, keys, y & np.uint64(0xFFFFFFFF))
        sig = flat.reshape(n, k)
        # densify: an empty bin takes the next filled bin's value (circularly),
        # offset by the distance so borrowed values differ from real ones
        holes = sig == empty
        filled = ~holes.all(axis=1)
        shift = 1
        while holes[filled].any() and shift < k:
            nxt = np.roll(sig, -shift, axis=1)
            take = holes & (nxt != empty) & filled[:, None]
            # the value borrowed from ``shift`` bins away: a different code
            sig[take] = (nxt[take] + np.uint64(shift * 0x5BD1E995)) & np.uint64(0xFFFFFFFF)
            holes &= ~take
            shift += 1
        sig[holes] = 0xFFFFFFFF  # texts with no shingles at all
        return sig.astype(np.uint32)


def _mix(x: np.ndarray) -> np.ndarray:
    """splitmix64 finaliser, vectorised."""
    with np.errstate(over="ignore"):
        x = x ^ (x >> np.uint64(30))
        x = x * np.uint64(0xBF58476D1CE4E5B9)
        x ^= x >> np.uint64(27)
        x *= np.uint64(0x94D049BB133111EB)
        x ^= x >> np.uint64(31)
    return x


def _normalised_hash(ids: np.ndarray) -> str:
    return hashlib.blake2b(ids.tobytes(), digest_size=16).hexdigest()


@dataclass(slots=True)
class _Doc:
    id: str
    published: date | None
    order: int
    shingles: np.ndarray


@dataclass
class Deduper:
    """Incremental duplicate finder: ``add`` articles in any order, then ask
    ``duplicate_of``. Groups never depend on the arrival order."""

    jaccard: float = 0.8
    containment: float = 0.7
    min_shingles: int = 20  # shorter texts are only ever exact duplicates
    min_contained: int = 60  # the shorter text's shingles for the containment test
    num_perm: int = 128
    bands: int = 42  # of 3 rows: a pair at Jaccard 0.5 is a candidate 99.9% of the time
    rows: int = 3
    bucket_cap: int = 50  # members kept per LSH bucket (any one of a copy group joins it)
    hasher: MinHasher = field(init=False)
    _docs: list[_Doc] = field(default_factory=list, init=False)
    _by_id: dict[str, int] = field(default_factory=dict, init=False)
    _exact: dict[str, int] = field(default_factory=dict, init=False)
    _buckets: list[dict[bytes, list[int]]] = field(init=False)
    _sets: UnionFind = field(default_factory=UnionFind, init=False)
    _sigs: np.ndarray = field(init=False)  # one signature per row, grown by doubling
    _sizes: np.ndarray = field(init=False)

    def __post_init__(self) -> None:
        if self.bands * self.rows > self.num_perm:
            raise ValueError("bands * rows must not exceed num_perm")
        self.hasher = MinHasher(self.num_perm)
        self._sigs = np.zeros((1024, self.num_perm), dtype=np.uint32)
        self._sizes = np.zeros(1024, dtype=np.int64)
        self._buckets = [{} for _ in range(self.bands)]

    def add(self, article_id: str, text: str, published: date | None = None) -> None:
        """Add one article; see ``add_many`` for batches (faster)."""
        self.add_many([(article_id, text, published)])

    def add_many(self, items: Iterable[tuple[str, str, date | None]]) -> None:
        batch = [(i, t, p) for i, t, p in items if i not in self._by_id]
        if not batch:
            return
        words = [token_hashes(t) for _, t, _ in batch]
        sets = [_shingles(w) for w in words]
        sigs = self.hasher.signatures(sets)
        rows = self.rows
        for (aid, _, published), ws, sh, sig in zip(batch, words, sets, sigs, strict=True):
            idx = len(self._docs)
            self._docs.append(_Doc(aid, published, idx, sh))
            if idx >= len(self._sizes):
                self._sigs = np.concatenate([self._sigs, np.zeros_like(self._sigs)])
                self._sizes = np.concatenate([self._sizes, np.zeros_like(self._sizes)])
            self._sigs[idx] = sig
            self._sizes[idx] = len(sh)
            self._by_id[aid] = idx
            self._sets.add()
            key = _normalised_hash(ws)
            if key in self._exact:
                self._sets.union(idx, self._exact[key])
            else:
                self._exact[key] = idx
            if len(sh) < self.min_shingles:
                continue
            candidates: set[int] = set()
            for band, bucket in enumerate(self._buckets):
                key = sig[band * rows : (band + 1) * rows].tobytes()
                slot = bucket.get(key)
                if slot is None:
                    bucket[key] = [idx]
                    continue
                candidates.update(slot)
                slot.append(idx)
                if len(slot) > 2 * self.bucket_cap:
                    # a crowded bucket is mostly shared boilerplate; the latest
                    # members are enough to join a copy to its group
                    del slot[: len(slot) - self.bucket_cap]
            if not candidates:
                continue
            cands = np.fromiter(candidates, dtype=np.int64, count=len(candidates))
            estimate = (self._sigs[cands] == sig).mean(axis=1)
            keep = estimate >= self._worth_checking(len(sh), self._sizes[cands])
            root = self._sets.find(idx)
            check = [o for o in cands[keep].tolist() if self._sets.find(o) != root]
            for other in self._copies_of(sh, check):
                self._sets.union(idx, other)

    def _worth_checking(self, size: int, others: np.ndarray) -> np.ndarray:
        """The lowest estimated Jaccard at which each pair may still be a copy
        (by Jaccard or by containment), less three standard errors of the
        estimate (sqrt(J(1-J)/num_perm): a copy is missed about once in 700)."""
        small, large = np.minimum(size, others), np.maximum(size, others)
        shared = self.containment * small  # shared shingles if contained
        by_containment = shared / np.maximum(small + large - shared, 1)
        least = np.minimum(self.jaccard, by_containment)
        return least - 3.0 * np.sqrt(least * (1.0 - least) / self.num_perm)

    def _copies_of(self, sh: np.ndarray, others: list[int]) -> list[int]:
        """Which of ``others`` are copies of a text with shingles ``sh``: exact
        Jaccard or containment, all candidates in one vectorised pass."""
        others = [o for o in others if len(self._docs[o].shingles) >= self.min_shingles]
        if not others:
            return []
        sets = [self._docs[o].shingles for o in others]
        sizes = np.fromiter((len(x) for x in sets), dtype=np.int64, count=len(sets))
        flat = np.concatenate(sets)  # each sorted and unique; ``sh`` too
        at = np.minimum(np.searchsorted(sh, flat), len(sh) - 1)
        hits = sh[at] == flat
        inter = np.add.reduceat(hits.astype(np.int64), np.cumsum(sizes) - sizes)
        jac = inter / (len(sh) + sizes - inter)
        # containment only for texts long enough for it to mean copying
        small = np.minimum(len(sh), sizes)
        contained = (small >= self.min_contained) & (inter >= self.containment * small)
        return [o for o, ok in zip(others, (jac >= self.jaccard) | contained, strict=True) if ok]

    def groups(self) -> list[list[str]]:
        """Copy groups of two or more, earliest article first."""
        by_root: dict[int, list[_Doc]] = {}
        for d in self._docs:
            by_root.setdefault(self._sets.find(d.order), []).append(d)
        out = []
        for members in by_root.values():
            if len(members) > 1:
                members.sort(key=_earliest)
                out.append([d.id for d in members])
        return out

    def duplicate_of(self) -> dict[str, str]:
        """Each copy's earliest version (only copies are keys)."""
        return {m: g[0] for g in self.groups() for m in g[1:]}


def _earliest(d: _Doc) -> tuple[date, int]:
    return (d.published or date.max, d.order)


def find_duplicates(articles: Sequence[Article], **options: float) -> dict[str, str]:
    """Which article copies which: copy id -> original id (the articles are
    left as they are; ``mark_copies`` records the answer on them)."""
    dd = Deduper(**options)  # type: ignore[arg-type]
    dd.add_many((a.id, a.text, a.published) for a in articles)
    return dd.duplicate_of()


def mark_copies(articles: Sequence[Article], copies: dict[str, str]) -> None:
    """Set each article's ``duplicate_of`` from ``find_duplicates``' answer."""
    for a in articles:
        a.duplicate_of = copies.get(a.id)
