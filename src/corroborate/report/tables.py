"""Flat tables of a run or a store, for pandas, DuckDB and spreadsheets.

Six tables, one row per stories, articles, claims, figures, statements and
conflicts, built from the JSON document (so ``corroborate run`` and
``corroborate export`` from a store give the same tables). Lists are joined
with "; ". Every column is listed in ``COLUMNS`` with its type and meaning;
``docs/export.md`` is generated from it.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from corroborate.labels import name_for

# table -> [(column, type, meaning)]; types: str, int, float, bool, date
COLUMNS: dict[str, list[tuple[str, str, str]]] = {
    "stories": [
        ("story_id", "str", "story id (links: /stories/ID)"),
        ("title", "str", "the story's title"),
        ("state", "str", "single-source, developing, corroborated or contested"),
        ("state_reason", "str", "why, in words"),
        ("first_seen", "date", "earliest publication date of its articles"),
        ("last_seen", "date", "latest publication date"),
        ("articles", "int", "articles in the story (copies included)"),
        ("claims", "int", "claims (figures and statements)"),
        ("conflicts", "int", "conflicts reported"),
    ],
    "articles": [
        ("article_id", "str", "content-based article id"),
        ("story_id", "str", "the story it belongs to (empty: none)"),
        ("source", "str", "how a reader names it: outlet, else the URL's domain, else the file"),
        ("outlet", "str", "outlet from the metadata"),
        ("title", "str", "headline"),
        ("author", "str", "byline"),
        ("published", "date", "publication date"),
        ("language", "str", "ISO 639-1 code"),
        ("url", "str", "where it was published (never fetched)"),
        ("path", "str", "the input it was read from"),
        ("duplicate_of", "str", "the article it copies (wire reprints)"),
        ("derived_from", "str", "the article it rewrites or translates"),
        ("characters", "int", "length of the clean text"),
        ("removed_lines", "int", "boilerplate lines removed"),
    ],
    "claims": [
        ("story_id", "str", "story id"),
        ("claim_id", "str", "claim id"),
        ("kind", "str", "figure or statement"),
        ("text", "str", "the claim in words"),
        ("measure", "str", "what a figure counts (killed, aboard, damage, ...)"),
        ("subject", "str", "of whom or what"),
        ("low", "float", "lowest value all its reports allow"),
        ("high", "float", "highest value all its reports allow"),
        ("as_of", "str", "the date or period it is about (ISO 8601)"),
        ("speaker", "str", "who said it (statements)"),
        ("reports", "int", "articles that report it (copies not counted)"),
        ("reported_by", "int", "outlets that report it"),
        ("independent_origins", "int", "independent primary sources"),
        ("origins", "str", "those sources"),
        ("contested", "bool", "whether a reported conflict involves it"),
    ],
    "figures": [
        ("story_id", "str", "story id"),
        ("article_id", "str", "the article that states it"),
        ("claim_id", "str", "the claim it supports"),
        ("measure", "str", "what it counts"),
        ("kind", "str", "count, money, percent or measure"),
        ("value", "float", "the number (empty for vague amounts such as 'hundreds')"),
        ("low", "float", "lower bound its qualifier allows"),
        ("high", "float", "upper bound its qualifier allows"),
        ("qualifier", "str", "exact, about, at least, more than, nearly, up to, range"),
        ("unit", "str", "currency code, percent or unit symbol"),
        ("subject", "str", "of whom or what"),
        ("noun", "str", "the noun phrase as written"),
        ("change", "str", "up or down when the figure is a change"),
        ("as_of", "str", "the date or period it is about"),
        ("attributed_to", "str", "the sources the article credits"),
        ("via", "str", "who relayed it"),
        ("start", "int", "evidence: start offset in the article's clean text"),
        ("end", "int", "evidence: end offset"),
        ("evidence", "str", "the sentence that states it"),
    ],
    "statements": [
        ("story_id", "str", "story id"),
        ("article_id", "str", "the article that reports it"),
        ("speaker", "str", "who said it"),
        ("role", "str", "the speaker's role"),
        ("direct", "bool", "a direct quote (else reported speech)"),
        ("kind", "str", "speech, belief, stance or evidence"),
        ("polarity", "str", "positive, or negative for a denial"),
        ("cue", "str", "the reporting verb"),
        ("text", "str", "what was said"),
        ("start", "int", "evidence: start offset in the article's clean text"),
        ("end", "int", "evidence: end offset"),
    ],
    "conflicts": [
        ("story_id", "str", "story id"),
        ("measure", "str", "what the competing figures count"),
        ("subject", "str", "of whom or what"),
        ("as_of", "str", "the period they are about"),
        ("values", "str", "each value with its origin"),
        ("claim_ids", "str", "the claims in conflict"),
        ("reason", "str", "why they cannot all hold"),
    ],
}


def tables(
    stories: Iterable[dict[str, Any]], articles: Iterable[dict[str, Any]]
) -> dict[str, list[dict[str, Any]]]:
    """The six tables from story documents and article documents (as in the
    JSON document: ``report.json``'s ``story_to_dict`` and ``article_to_dict``)."""
    out: dict[str, list[dict[str, Any]]] = {name: [] for name in COLUMNS}
    story_of: dict[str, str] = {}
    for s in stories:
        sid = s["id"]
        contested = {cid for c in s.get("conflicts", []) for cid in c.get("claims", [])}
        for a in s.get("articles", []):
            story_of[a] = sid
        out["stories"].append({
            "story_id": sid, "title": s.get("title"), "state": s.get("state"),
            "state_reason": s.get("state_reason"), "first_seen": s.get("first_seen"),
            "last_seen": s.get("last_seen"), "articles": len(s.get("articles", [])),
            "claims": len(s.get("claims", [])), "conflicts": len(s.get("conflicts", [])),
        })  # fmt: skip
        for c in s.get("claims", []):
            out["claims"].append({
                "story_id": sid, "claim_id": c["id"], "kind": c["kind"], "text": c["text"],
                "measure": c.get("measure"), "subject": c.get("subject"), "low": c.get("low"),
                "high": c.get("high"), "as_of": c.get("as_of"), "speaker": c.get("speaker"),
                "reports": len(c.get("support", [])), "reported_by": c.get("reported_by"),
                "independent_origins": c.get("independent_sources"),
                "origins": _joined(c.get("origins")), "contested": c["id"] in contested,
            })  # fmt: skip
        for f in s.get("figures", []):
            ev = f["evidence"][0]
            out["figures"].append({
                "story_id": sid, "article_id": ev["article"], "claim_id": f.get("claim"),
                **{k: f.get(k) for k in ("measure", "kind", "value", "low", "high", "qualifier",
                                         "unit", "subject", "noun", "change", "as_of", "via")},
                "attributed_to": _joined(f.get("attributed_to")),
                "start": ev["start"], "end": ev["end"], "evidence": ev["text"],
            })  # fmt: skip
        for st in s.get("statements", []):
            ev = st["evidence"][0]
            out["statements"].append({
                "story_id": sid, "article_id": ev["article"],
                **{k: st.get(k) for k in ("speaker", "role", "direct", "kind", "polarity", "cue",
                                          "text")},
                "start": ev["start"], "end": ev["end"],
            })  # fmt: skip
        for c in s.get("conflicts", []):
            values = [f"{v.get('value')} ({v.get('origin')})" for v in c.get("values", [])]
            out["conflicts"].append({
                "story_id": sid, "measure": c.get("measure"), "subject": c.get("subject"),
                "as_of": c.get("as_of"), "values": "; ".join(values),
                "claim_ids": _joined(c.get("claims")), "reason": c.get("reason"),
            })  # fmt: skip
    for a in articles:
        out["articles"].append({
            "article_id": a["id"], "story_id": story_of.get(a["id"]),
            "source": name_for(a.get("outlet"), a.get("url"), a.get("path"), a["id"]),
            **{k: a.get(k) for k in ("outlet", "title", "author", "published", "language", "url",
                                     "path", "duplicate_of", "derived_from")},
            "characters": len(a.get("text") or ""), "removed_lines": len(a.get("removed") or []),
        })  # fmt: skip
    return out


def _joined(items: list[Any] | None) -> str | None:
    return "; ".join(str(x) for x in items) if items else None


def write_csv(data: dict[str, list[dict[str, Any]]], folder: str) -> list[Path]:
    """One UTF-8 CSV per table (``articles.csv``, ...), with a header row."""
    root = Path(folder)
    root.mkdir(parents=True, exist_ok=True)
    written = []
    for name, columns in COLUMNS.items():
        path = root / f"{name}.csv"
        with open(path, "w", newline="", encoding="utf-8") as fh:
            w = csv.writer(fh)
            w.writerow([c for c, _, _ in columns])
            for row in data[name]:
                w.writerow(["" if row.get(c) is None else row[c] for c, _, _ in columns])
        written.append(path)
    return written


def write_parquet(data: dict[str, list[dict[str, Any]]], folder: str) -> list[Path]:
    """One Parquet file per table, typed as ``COLUMNS`` says (the parquet extra)."""
    import datetime as dt

    import pyarrow as pa
    import pyarrow.parquet as pq

    kinds = {"str": pa.string(), "int": pa.int64(), "float": pa.float64(), "bool": pa.bool_(),
             "date": pa.date32()}  # fmt: skip
    root = Path(folder)
    root.mkdir(parents=True, exist_ok=True)
    written = []
    for name, columns in COLUMNS.items():
        arrays = []
        for col, kind, _ in columns:
            values = [row.get(col) for row in data[name]]
            if kind == "date":
                values = [dt.date.fromisoformat(v) if v else None for v in values]
            arrays.append(pa.array(values, type=kinds[kind]))
        schema = pa.schema([pa.field(c, kinds[k]).with_metadata({"doc": d}) for c, k, d in columns])
        path = root / f"{name}.parquet"
        pq.write_table(pa.Table.from_arrays(arrays, schema=schema), path)
        written.append(path)
    return written


def columns_markdown() -> str:
    """``COLUMNS`` as Markdown (docs/export.md)."""
    parts = ["# Exported tables", "", "`corroborate run ... --csv DIR` / `--parquet DIR` and "
             "`corroborate export --db URL --csv DIR` write these tables (lists joined with "
             "\"; \"; empty cells are missing values).", ""]  # fmt: skip
    for name, columns in COLUMNS.items():
        parts += [f"## {name}", "", "| column | type | meaning |", "|---|---|---|"]
        parts += [f"| `{c}` | {k} | {d} |" for c, k, d in columns]
        parts.append("")
    return "\n".join(parts)
