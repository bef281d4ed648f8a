"""Copies on real coverage: labelled near-duplicates and rewrites found, and
links that should not be there, beside a MinHash LSH peer, one run.

    python bench/bench_copies.py

news-dev-2 (17 labelled copies: the same wire story on several sites, the
same page twice, rewrites) and news-dev (6 labelled copies, four of them
reworded or rewritten: word 3-shingle Jaccard 0.06-0.19). For each set:

- labelled copy pairs found by corroborate's lexical copies (``duplicate_of``),
  its rewrites (``derived_from``) and both together; a pair counts as found
  when both articles end up in one copy group (an exact repeat of an input is
  read once, so it is found by definition);
- links across events (must be 0) and links between articles not labelled
  as copies (the labels are not exhaustive: ``--show`` prints them to read);
- the peer: datasketch MinHashLSH (128 permutations, word 3-shingles) at
  Jaccard 0.8 and 0.5, the usual near-duplicate set-up.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from _shared import SHARED

from corroborate.pipeline import process
from corroborate.unionfind import UnionFind

SETS = {"news-dev-2": "event_id", "news-dev": "story"}


def copy_pairs(labels: list[dict]) -> set[frozenset[str]]:
    return {
        frozenset((x["file"], x["near_duplicate_of"])) for x in labels if x["near_duplicate_of"]
    }


def score(groups: dict[str, str], labels: list[dict], key: str) -> dict:
    """``groups``: file -> its copy group's root file (files read once)."""
    event = {x["file"]: x[key] for x in labels}
    gold = copy_pairs(labels)
    found = sum(
        1 for pair in gold
        if len({groups.get(f, "?" + f) for f in pair}) == 1
        or any(f not in groups for f in pair)  # an exact repeat, read once
    )  # fmt: skip
    members: dict[str, list[str]] = {}
    for f, root in groups.items():
        members.setdefault(root, []).append(f)
    labelled = _copy_groups(gold)
    cross, unlabelled = [], []
    for group in members.values():
        for i, a in enumerate(sorted(group)):
            for b in sorted(group)[i + 1 :]:
                if event[a] != event[b]:
                    cross.append((a, b))
                elif a not in labelled or labelled[a] != labelled.get(b):
                    unlabelled.append((a, b))
    return {"found": found, "gold": len(gold), "cross": cross, "unlabelled": unlabelled}


def _copy_groups(gold: set[frozenset[str]]) -> dict[str, int]:
    """Each labelled file -> its copy group (labels joined transitively)."""
    files = sorted({f for p in gold for f in p})
    uf = UnionFind(len(files))
    at = {f: i for i, f in enumerate(files)}
    for p in gold:
        x, y = sorted(p)
        uf.union(at[x], at[y])
    return {f: uf.find(i) for f, i in at.items()}


def corroborate_groups(folder: Path) -> tuple[dict[str, dict[str, str]], float]:
    t0 = time.perf_counter()
    doc = process([str(folder / "articles")])
    took = time.perf_counter() - t0
    name = {a.id: Path(a.path).name for a in doc.articles}
    out: dict[str, dict[str, str]] = {"lexical": {}, "rewrite": {}, "both": {}}
    for a in doc.articles:
        f = name[a.id]
        lex = name.get(a.duplicate_of or "", f)
        out["lexical"][f] = lex
        out["rewrite"][f] = name.get(a.derived_from or "", f)
    # both: union of the two relations
    files = sorted(name.values())
    uf = UnionFind(len(files))
    at = {f: i for i, f in enumerate(files)}
    for kind in ("lexical", "rewrite"):
        for f, root in out[kind].items():
            uf.union(at[f], at[root])
    out["both"] = {f: files[uf.find(at[f])] for f in files}
    return out, took


def minhash_groups(folder: Path, threshold: float) -> dict[str, str]:
    from datasketch import MinHash, MinHashLSH

    from corroborate import clean_article

    files = sorted((folder / "articles").glob("*.txt"))
    lsh = MinHashLSH(threshold=threshold, num_perm=128)
    hashes = {}
    for p in files:
        words = clean_article(p.read_text(encoding="utf-8"), path=str(p)).text.lower().split()
        m = MinHash(num_perm=128)
        for i in range(max(1, len(words) - 2)):
            m.update(" ".join(words[i : i + 3]).encode())
        hashes[p.name] = m
        lsh.insert(p.name, m)
    uf = UnionFind(len(files))
    at = {p.name: i for i, p in enumerate(files)}
    for f, m in hashes.items():
        for g in lsh.query(m):
            uf.union(at[f], at[g])
    return {p.name: files[uf.find(at[p.name])].name for p in files}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=SHARED)
    parser.add_argument("--show", action="store_true", help="print the unlabelled links")
    args = parser.parse_args()
    report(args.shared, args.show)
    return 0


def report(shared: Path = SHARED, show: bool = False) -> None:
    """Print the labelled copies found by corroborate and by datasketch."""
    total = {"found": 0, "gold": 0}
    for name, key in SETS.items():
        folder = shared / "data" / name
        labels = json.loads((folder / "labels.json").read_text())
        ours, took = corroborate_groups(folder)
        print(f"== {name} ({len(labels)} files, {len(copy_pairs(labels))} labelled copies; "
              f"corroborate run {took:.1f} s)")  # fmt: skip
        rows = [(f"corroborate {kind}", groups) for kind, groups in ours.items()]
        rows += [(f"datasketch LSH J>={t}", minhash_groups(folder, t)) for t in (0.8, 0.5)]
        for label, groups in rows:
            s = score(groups, labels, key)
            print(f"  {label:<26} found {s['found']:>2}/{s['gold']}  "
                  f"across events {len(s['cross'])}  unlabelled links {len(s['unlabelled'])}")  # fmt: skip
            if label == "corroborate both":
                total["found"] += s["found"]
                total["gold"] += s["gold"]
                if show:
                    for a, b in s["unlabelled"]:
                        print(f"      unlabelled: {a} {b}")
    print(f"corroborate copies (lexical + rewrites): recall {total['found']}/{total['gold']} = "
          f"{total['found'] / total['gold']:.3f}")  # fmt: skip


if __name__ == "__main__":
    sys.exit(main())
