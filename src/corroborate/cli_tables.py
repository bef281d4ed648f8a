"""Flat tables on the command line: ``run --csv/--parquet`` and ``export``
(a thin shell over ``report.tables``)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import typer
from rich.console import Console

from corroborate.cli_options import CsvDir, Db, ParquetDir
from corroborate.errors import install_hint
from corroborate.model import Document
from corroborate.words import counted


def check_tables(err: Console, csv_out: str | None, parquet_out: str | None) -> None:
    """Table folders that can be written, and pyarrow where Parquet is asked
    for: checked before the work (exit 2, one line)."""
    from corroborate.report.output import unwritable

    for opt, folder in (("--csv", csv_out), ("--parquet", parquet_out)):
        problem = unwritable(str(Path(folder) / "stories.tmp")) if folder else None
        if problem:
            err.print(f"error: {opt} {folder}: {problem}", markup=False, soft_wrap=True)
            raise typer.Exit(2)
    if parquet_out:
        try:
            import pyarrow  # noqa: F401
        except ImportError:
            err.print("error: --parquet needs the extra: " + install_hint("parquet"),
                      markup=False)  # fmt: skip
            raise typer.Exit(2) from None


def write_document_tables(doc: Document, csv_out: str | None, parquet_out: str | None) -> None:
    from corroborate.report.json import article_to_dict, story_to_dict

    write_tables(
        [story_to_dict(s) for s in doc.stories],
        [article_to_dict(a) for a in doc.articles],
        csv_out,
        parquet_out,
    )


def write_tables(
    stories: list[dict[str, Any]],
    articles: list[dict[str, Any]],
    csv_out: str | None,
    parquet_out: str | None,
) -> None:
    from corroborate.report.tables import tables, write_csv, write_parquet

    data = tables(stories, articles)
    if csv_out:
        write_csv(data, csv_out)
    if parquet_out:
        write_parquet(data, parquet_out)


def export(
    db: Db = None,
    csv_out: CsvDir = None,
    parquet_out: ParquetDir = None,
) -> None:
    """Export the store as flat tables (stories, articles, claims, figures,
    statements, conflicts) for pandas, DuckDB and spreadsheets; the columns
    are listed in docs/export.md.

    Example: corroborate export --db newsroom.db --parquet tables/"""
    from corroborate.report.json import article_to_dict
    from corroborate.store import Store

    err = Console(stderr=True, highlight=False)
    if not (csv_out or parquet_out):
        err.print("error: give --csv DIR and/or --parquet DIR", markup=False)
        raise typer.Exit(2)
    check_tables(err, csv_out, parquet_out)
    store = Store(db)
    stories = [doc for sid in sorted(store.story_ids()) if (doc := store.story(sid))]
    ids = sorted(store.story_of())
    articles = [article_to_dict(a) for k in range(0, len(ids), 500)
                for a in store.articles(ids[k : k + 500])]  # fmt: skip
    write_tables(stories, articles, csv_out, parquet_out)
    err.print(f"{counted(len(stories), 'story')}, {counted(len(articles), 'article')} exported",
              markup=False)  # fmt: skip
