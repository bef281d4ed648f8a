"""Story clustering: incremental, time-aware, order-independent.

Two steps, both functions of the articles alone (not of their order):

1. Links. Every pair of articles whose dates are at most ``window_days``
   apart (undated articles pair with everything) is compared by the cosine
   similarity of their feature vectors (``stories.features``: content
   words, names, numbers); pairs at ``link`` or more are kept. The
   comparison is a sparse matrix product over date-sorted chunks, so only
   articles within a chunk's window are ever compared. Copies found by the
   deduplicator are linked outright.
2. Stories. Within each connected component of the links, average-linkage
   agglomeration merges the two groups with the highest mean similarity
   while it is at least ``threshold``. The mean is taken over the pairs
   that are within the time window of each other: a long-running story
   whose coverage moves on over weeks still holds together, while one
   generic link can no longer chain unrelated articles into a story (the
   weakness of plain connected components). Ties break on article ids.

Adding articles later links them to what is there and re-groups only the
components they touch, with the same result as processing everything at
once. Events months apart never share a link, so they stay apart even when
they share names.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import numpy as np
import scipy.sparse as sp

from corroborate.model import Article
from corroborate.stories.embeddings import SentenceEmbedder
from corroborate.stories.features import (
    MAGNITUDE_APART,
    N_FEATURES,
    Features,
    featurize,
    magnitude_of,
    vectorize,
)
from corroborate.stories.linkage import average_link, cosine, summed
from corroborate.unionfind import UnionFind

UNDATED = -1
CROSS_LANGUAGE = 0.5  # weight of the name-and-number overlap between languages
RELATED = 0.15  # centroid cosine of two linked stories that makes them related


@dataclass(slots=True)
class ClusterConfig:
    link: float = 0.1  # pairs below this cosine are not linked
    threshold: float = 0.2  # mean similarity needed to merge two groups
    centroid: float = 0.3  # centroid cosine for a linked group to join another (linkage.py)
    window_days: int = 10
    entity_gate: float = 0.05  # least cosine of the names-and-numbers parts
    chunk: int = 500  # rows linked at once (smaller: less transient memory, as fast)
    # optional sentence embeddings (extra "embeddings"): their cosine is blended
    # into same-language links with this weight
    embedder: SentenceEmbedder | None = None
    embedding_weight: float = 0.2


@dataclass
class StoryIndex:
    """Articles added so far and the links between them."""

    config: ClusterConfig = field(default_factory=ClusterConfig)
    ids: list[str] = field(default_factory=list)
    _row: dict[str, int] = field(default_factory=dict)
    _dates: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    # the quake magnitude an article's lede gives (NaN: none): a different
    # magnitude is a different quake, never the same story
    _magnitudes: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.float64))
    _matrix: sp.csr_matrix = field(default_factory=lambda: sp.csr_matrix((0, 2 * N_FEATURES)))
    _entities: sp.csr_matrix = field(default_factory=lambda: sp.csr_matrix((0, N_FEATURES)))
    _langs: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    _binary: sp.csr_matrix = field(default_factory=lambda: sp.csr_matrix((0, N_FEATURES)))
    _ent_sizes: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    _lang_codes: dict[str, int] = field(default_factory=dict)
    _vectors: np.ndarray = field(default_factory=lambda: np.zeros((0, 384), dtype=np.float32))
    _sets: UnionFind = field(default_factory=UnionFind)
    links: dict[tuple[int, int], float] = field(default_factory=dict)  # row pair -> cosine
    # pairs that would be linked but are of two different occurrences (quakes
    # of different magnitudes): never grouped, but their stories are related
    apart: set[tuple[int, int]] = field(default_factory=set)
    _grouped: dict[int, tuple[object, list[list[int]]]] = field(default_factory=dict)

    def __len__(self) -> int:
        return len(self.ids)

    def add(
        self, articles: Sequence[Article], duplicates: dict[str, str] | None = None
    ) -> list[str]:
        """Add articles (any order, any batch size); returns the ids added."""
        new = [a for a in articles if a.id not in self._row]
        feats = [featurize(a) for a in new]
        vectors = self.config.embedder.embed(new) if self.config.embedder else None
        self.add_features(feats, vectors)
        for copy, original in (duplicates or {}).items():
            if copy in self._row and original in self._row:
                x, y = sorted((self._row[copy], self._row[original]))
                dx, dy = int(self._dates[x]), int(self._dates[y])
                if UNDATED in (dx, dy) or abs(dx - dy) <= self.config.window_days:
                    self.links[(x, y)] = 1.0  # a reprint months later is a new story's
                    self._sets.union(x, y)
        return [f.article for f in feats]

    def add_features(self, feats: Sequence[Features], vectors: np.ndarray | None = None) -> None:
        """Add articles by their features (and sentence embeddings, one row each)."""
        keep = [i for i, f in enumerate(feats) if f.article not in self._row]
        feats = [feats[i] for i in keep]
        if not feats:
            return
        if vectors is not None:
            self._vectors = np.concatenate([self._vectors, vectors[keep]])
        base = len(self.ids)
        for i, f in enumerate(feats):
            self.ids.append(f.article)
            self._row[f.article] = base + i
            self._sets.add()
        dates = np.array([f.date.toordinal() if f.date else UNDATED for f in feats], np.int64)
        langs = np.array([self._language_code(f.language) for f in feats], np.int64)
        self._langs = np.concatenate([self._langs, langs])
        self._dates = np.concatenate([self._dates, dates])
        mags = np.array([m if (m := magnitude_of(f)) is not None else np.nan for f in feats])
        self._magnitudes = np.concatenate([self._magnitudes, mags])
        combined, ents, binary = vectorize(list(feats))
        self._matrix = sp.vstack([self._matrix, combined], format="csr")
        self._entities = sp.vstack([self._entities, ents], format="csr")
        self._binary = sp.vstack([self._binary, binary], format="csr")
        self._ent_sizes = np.concatenate([self._ent_sizes, np.diff(binary.indptr)])
        new_rows = np.arange(base, base + len(feats))
        # dated rows in date order, so each chunk's window is narrow
        order = new_rows[np.argsort(dates, kind="stable")]
        for k in range(0, len(order), self.config.chunk):
            self._link(order[k : k + self.config.chunk])

    def _language_code(self, language: str | None) -> int:
        if not language:
            return 0  # unknown: compared like any language
        return self._lang_codes.setdefault(language, len(self._lang_codes) + 1)

    def _link(self, rows: np.ndarray) -> None:
        w = self.config.window_days
        d = self._dates[rows]
        dated = d[d != UNDATED]
        everything = np.arange(len(self.ids))
        if len(dated) < len(d):
            window = everything  # an undated article is compared with all
        else:
            lo, hi = dated.min() - w, dated.max() + w
            window = everything[
                (self._dates == UNDATED) | ((self._dates >= lo) & (self._dates <= hi))
            ]
        # same language: names, numbers and words (the combined cosine), for
        # pairs that share names or numbers at all
        ents = (self._entities[rows] @ self._entities[window].T).tocsr()
        sims = (self._matrix[rows] @ self._matrix[window].T).tocsr()
        ents.data[ents.data < self.config.entity_gate] = 0  # must share names or numbers
        ents.eliminate_zeros()
        la, lb = self._langs[rows], self._langs[window]
        gated = sims.multiply(ents.astype(bool)).tocoo()
        if self.config.embedder is not None and len(self._vectors) == len(self.ids):
            # blend in the embedding cosine of every gated pair
            emb = np.einsum(
                "ij,ij->i", self._vectors[rows[gated.row]], self._vectors[window[gated.col]]
            )
            beta = self.config.embedding_weight
            gated.data = (1 - beta) * gated.data + beta * np.maximum(emb, 0)
        same = ~((la[gated.row] != lb[gated.col]) & (la[gated.row] > 0) & (lb[gated.col] > 0))
        # across languages, the share of the sparser article's names and numbers
        # that the other has (a report in another script keeps few of them)
        # (or their entity cosine, when that is higher)
        shared = (self._binary[rows] @ self._binary[window].T).tocoo()
        sizes = np.minimum(self._ent_sizes[rows][shared.row], self._ent_sizes[window][shared.col])
        overlap = np.where(shared.data >= 2, CROSS_LANGUAGE * shared.data / np.maximum(sizes, 1), 0)
        cross = sp.coo_matrix((overlap, (shared.row, shared.col)), shape=shared.shape).tocsr()
        cross = cross.maximum(ents).tocoo()
        across = (la[cross.row] != lb[cross.col]) & (la[cross.row] > 0) & (lb[cross.col] > 0)
        a = np.concatenate([rows[gated.row[same]], rows[cross.row[across]]])
        b = np.concatenate([window[gated.col[same]], window[cross.col[across]]])
        s = np.concatenate([gated.data[same], cross.data[across]])
        keep = s >= self.config.link
        a, b, s = a[keep], b[keep], s[keep]
        da, db = self._dates[a], self._dates[b]
        near = (a != b) & ((da == UNDATED) | (db == UNDATED) | (np.abs(da - db) <= w))
        quakes = np.abs(self._magnitudes[a] - self._magnitudes[b]) > MAGNITUDE_APART
        for x, y in zip(a[near & quakes].tolist(), b[near & quakes].tolist(), strict=True):
            self.apart.add((min(x, y), max(x, y)))  # two quakes: related at most
        near &= ~quakes
        for x, y, v in zip(a[near].tolist(), b[near].tolist(), s[near].tolist(), strict=True):
            self.links[(min(x, y), max(x, y))] = v
            self._sets.union(x, y)

    def clusters(self) -> list[list[str]]:
        """Stories as lists of article ids (arrival order within a story),
        stories in the order of their first article."""
        components: dict[int, list[int]] = {}
        for i in range(len(self.ids)):
            components.setdefault(self._sets.find(i), []).append(i)
        edges: dict[int, list[tuple[int, int, float]]] = {}
        for (a, b), v in self.links.items():
            edges.setdefault(self._sets.find(a), []).append((a, b, v))
        out: list[list[int]] = []
        for root, members in components.items():
            if len(members) == 1:
                out.append(members)
                continue
            key = (tuple(members), len(edges.get(root, ())))
            if self._grouped.get(root, (None,))[0] != key:
                groups = average_link(
                    members, edges.get(root, []), self._dates, self.ids, self.config,
                    self._magnitudes, self._entities,
                )  # fmt: skip
                self._grouped[root] = (key, groups)
            out.extend(self._grouped[root][1])
        out.sort(key=min)
        return [[self.ids[i] for i in sorted(g)] for g in out]

    def related(self, groups: Sequence[Sequence[str]]) -> list[set[int]]:
        """For each group (a story's article ids), the other groups it is
        related to: linked by some pair of their articles (or kept apart as two
        quakes), and close as wholes (the cosine of their summed vectors at
        least ``RELATED``: they share names, places and vocabulary)."""
        where: dict[int, int] = {}
        rows: list[list[int]] = []
        for g, ids in enumerate(groups):
            rows.append([self._row[a] for a in ids if a in self._row])
            for r in rows[-1]:
                where[r] = g
        linked: set[tuple[int, int]] = set()
        for x, y in [*self.links, *self.apart]:
            gx, gy = where.get(x), where.get(y)
            if gx is not None and gy is not None and gx != gy:
                linked.add((min(gx, gy), max(gx, gy)))
        sums: dict[int, sp.csr_matrix] = {}
        out: list[set[int]] = [set() for _ in groups]
        for gx, gy in sorted(linked):
            if not (rows[gx] and rows[gy]):
                continue
            for g in (gx, gy):
                if g not in sums:
                    sums[g] = summed(self._matrix, rows[g])
            if cosine(sums[gx], sums[gy]) >= RELATED:
                out[gx].add(gy)
                out[gy].add(gx)
        return out


def cluster(
    articles: Iterable[Article],
    duplicates: dict[str, str] | None = None,
    config: ClusterConfig | None = None,
) -> list[list[str]]:
    """Group articles into stories (lists of article ids)."""
    index = StoryIndex(config or ClusterConfig())
    index.add(list(articles), duplicates)
    return index.clusters()
