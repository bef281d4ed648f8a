"""Disjoint sets over 0..n-1 (path halving; the smaller index is the root, so
groups come out the same whatever order the unions happen in)."""

from __future__ import annotations


class UnionFind:
    def __init__(self, n: int = 0) -> None:
        self.parent = list(range(n))

    def __len__(self) -> int:
        return len(self.parent)

    def add(self) -> int:
        """A new singleton set; returns its index."""
        self.parent.append(len(self.parent))
        return len(self.parent) - 1

    def find(self, i: int) -> int:
        parent = self.parent
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(self, i: int, j: int) -> None:
        a, b = self.find(i), self.find(j)
        if a != b:
            self.parent[max(a, b)] = min(a, b)

    def groups(self) -> list[list[int]]:
        """Members of each set, sets in order of their first member."""
        out: dict[int, list[int]] = {}
        for i in range(len(self.parent)):
            out.setdefault(self.find(i), []).append(i)
        return list(out.values())
