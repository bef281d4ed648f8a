"""Grouping one component of linked articles into stories.

Two phases, both deterministic (ties break on article ids, never on arrival):

1. **Average linkage** over the sparse links: merge the two groups with the
   highest mean similarity while it is at least ``threshold``. The mean is
   taken over the pairs that are within the time window of each other, so
   a long-running story whose coverage moves on over weeks still holds
   together, while one generic link cannot chain unrelated articles.
2. **Developments** (with article vectors: their names, places and
   figures, which cross languages): a group still apart, linked to a story
   at least three times its size, joins it when the two groups' centroids
   are close (cosine at least ``centroid``) and their coverage meets in
   time. Follow-ups (the arrests after a quake, a revised toll, a report in
   another language) share little with each report, so their mean
   similarity stays low, but they share the story's names, places and
   figures as a whole.

In both, a merge never puts two quakes of different magnitudes in one
story, and in the second two groups whose dated reports are all further
apart than the window stay apart (another occurrence, months later).
"""

from __future__ import annotations

import heapq
from typing import Protocol

import numpy as np
import scipy.sparse as sp

from corroborate.stories.features import MAGNITUDE_APART

UNDATED = -1
FOLLOW_UP_SHARE = 3  # a group joins by centroid only a story at least three times its size


class Grouping(Protocol):
    """What grouping reads of the clustering settings (``ClusterConfig``)."""

    threshold: float
    window_days: int
    centroid: float


def average_link(
    members: list[int],
    edges: list[tuple[int, int, float]],
    dates: np.ndarray,
    ids: list[str],
    config: Grouping,
    magnitudes: np.ndarray | None = None,
    vectors: sp.csr_matrix | None = None,
) -> list[list[int]]:
    """Story groups of one component (module doc)."""
    g = _Groups(members, edges, dates, ids, config.window_days, magnitudes)
    g.by_mean(config.threshold)
    if vectors is not None and config.centroid > 0 and len(g.groups) > 1:
        g.by_centroid(vectors, config.centroid)
    return list(g.groups.values())


def summed(vectors: sp.csr_matrix, rows: list[int]) -> sp.csr_matrix:
    """The sum of some rows as a 1-row sparse matrix (summed sparsely: the
    vectors are 2M wide, a dense sum would allocate them)."""
    part = vectors[rows]
    return sp.csr_matrix(np.ones((1, part.shape[0]), dtype=part.dtype)) @ part


def _norm(v: sp.csr_matrix) -> float:
    v.sum_duplicates()
    return float(np.sqrt(np.dot(v.data, v.data))) or 1.0


def cosine(a: sp.csr_matrix, b: sp.csr_matrix) -> float:
    """Cosine of two 1-row sparse matrices, from their stored entries alone
    (``multiply`` or a product with ``b.T`` cost the vectors' 2M width)."""
    a.sum_duplicates()
    b.sum_duplicates()
    _, ia, ib = np.intersect1d(a.indices, b.indices, assume_unique=True, return_indices=True)
    return float(np.dot(a.data[ia], b.data[ib])) / (_norm(a) * _norm(b))


class _Groups:
    def __init__(
        self,
        members: list[int],
        edges: list[tuple[int, int, float]],
        dates: np.ndarray,
        ids: list[str],
        window: int,
        magnitudes: np.ndarray | None,
    ) -> None:
        self.window = window
        self.groups: dict[int, list[int]] = {m: [m] for m in members}
        self.dated: dict[int, list[int]] = {}
        self.undated: dict[int, int] = {}
        for m in members:
            d = int(dates[m])
            self.dated[m] = [] if d == UNDATED else [d]
            self.undated[m] = int(d == UNDATED)
        self.name = {m: ids[m] for m in members}  # tie-breaks on content ids
        # each group's range of lede magnitudes: two quakes never share a story
        self.mags: dict[int, tuple[float, float] | None] = {}
        for m in members:
            v = float(magnitudes[m]) if magnitudes is not None else float("nan")
            self.mags[m] = None if v != v else (v, v)
        self.nbr: dict[int, dict[int, float]] = {m: {} for m in members}
        for a, b, v in edges:
            self.nbr[a][b] = self.nbr[a].get(b, 0.0) + v
            self.nbr[b][a] = self.nbr[b].get(a, 0.0) + v
        self.next_id = max(members) + 1

    def pairs_in_window(self, x: int, y: int) -> int:
        dx, dy = self.dated[x], self.dated[y]
        n = self.undated[x] * (len(dy) + self.undated[y]) + self.undated[y] * len(dx)
        if dx and dy:
            arr = np.asarray(dy)
            lo = np.searchsorted(arr, np.asarray(dx) - self.window, "left")
            hi = np.searchsorted(arr, np.asarray(dx) + self.window, "right")
            n += int((hi - lo).sum())
        return n

    def mean(self, x: int, y: int) -> float:
        return self.nbr[x][y] / max(1, self.pairs_in_window(x, y))

    def apart(self, x: int, y: int) -> bool:
        """Two quakes of different magnitudes."""
        mx, my = self.mags[x], self.mags[y]
        return bool(mx and my and max(mx[1], my[1]) - min(mx[0], my[0]) > MAGNITUDE_APART)

    def meet_in_time(self, x: int, y: int) -> bool:
        """Some dated report of one is within the window of one of the other
        (or either has none dated)."""
        dx, dy = self.dated[x], self.dated[y]
        if not dx or not dy:
            return True
        arr = np.asarray(dy)
        i = np.searchsorted(arr, np.asarray(dx))
        left = np.abs(np.asarray(dx) - arr[np.maximum(i - 1, 0)])
        right = np.abs(arr[np.minimum(i, len(arr) - 1)] - np.asarray(dx))
        return bool(min(left.min(), right.min()) <= self.window)

    def merge(self, x: int, y: int) -> int:
        z = self.next_id
        self.next_id += 1
        self.groups[z] = self.groups.pop(x) + self.groups.pop(y)
        self.dated[z] = sorted(self.dated.pop(x) + self.dated.pop(y))
        self.undated[z] = self.undated.pop(x) + self.undated.pop(y)
        self.name[z] = min(self.name.pop(x), self.name.pop(y))
        both = [r for r in (self.mags.pop(x), self.mags.pop(y)) if r]
        self.mags[z] = (min(r[0] for r in both), max(r[1] for r in both)) if both else None
        merged: dict[int, float] = {}
        for old in (x, y):
            for other, total in self.nbr.pop(old).items():
                if other in (x, y):
                    continue
                merged[other] = merged.get(other, 0.0) + total
                del self.nbr[other][old]
        self.nbr[z] = merged
        for other, total in merged.items():
            self.nbr[other][z] = total
        return z

    def by_mean(self, threshold: float) -> None:
        heap: list[tuple[float, str, int, int]] = []
        for x in self.groups:
            for y in self.nbr[x]:
                if x < y:
                    heapq.heappush(heap, (-self.mean(x, y), min(self.name[x], self.name[y]), x, y))
        while heap:
            neg, _, x, y = heapq.heappop(heap)
            if x not in self.groups or y not in self.groups:
                continue  # one side was merged already
            if -neg < threshold:
                break
            if self.apart(x, y):
                continue  # another quake's coverage
            z = self.merge(x, y)
            for other in self.nbr[z]:
                pair = (-self.mean(z, other), min(self.name[z], self.name[other]), z, other)
                heapq.heappush(heap, pair)

    def by_centroid(self, vectors: sp.csr_matrix, least: float) -> None:
        # each group's summed vector and its norm, kept as groups merge
        total: dict[int, sp.csr_matrix] = {}
        norm: dict[int, float] = {}

        def keep(x: int, v: sp.csr_matrix) -> sp.csr_matrix:
            total[x], norm[x] = v, _norm(v)
            return v

        def vec(x: int) -> sp.csr_matrix:
            return total[x] if x in total else keep(x, summed(vectors, self.groups[x]))

        def push(x: int, y: int) -> None:
            if self.apart(x, y) or not self.meet_in_time(x, y):
                return
            small, large = sorted((len(self.groups[x]), len(self.groups[y])))
            if small * FOLLOW_UP_SHARE > large:
                return  # two stories of their own weight: not a story and its follow-up
            sim = float(vec(x).multiply(vec(y)).sum()) / (norm[x] * norm[y])
            if sim >= least:
                heapq.heappush(heap, (-sim, min(self.name[x], self.name[y]), x, y))

        heap: list[tuple[float, str, int, int]] = []
        for x in self.groups:
            for y in self.nbr[x]:
                if x < y:
                    push(x, y)
        while heap:
            _, _, x, y = heapq.heappop(heap)
            if x not in self.groups or y not in self.groups:
                continue
            merged = vec(x) + vec(y)
            for old in (x, y):
                total.pop(old, None)
                norm.pop(old, None)
            z = self.merge(x, y)
            keep(z, merged)
            for other in self.nbr[z]:
                push(z, other)
