"""Options several commands share, declared once."""

from __future__ import annotations

from typing import Annotated

import typer

Db = Annotated[
    str | None,
    typer.Option(
        "--db",
        metavar="URL",
        help="Database URL or SQLite file (default: $CORROBORATE_DB, else corroborate.db).",
    ),
]
Jobs = Annotated[
    int,
    typer.Option("--jobs", "-j", min=1, metavar="N",
                 help="Worker processes for cleaning and building stories."),
]  # fmt: skip
MaxBytes = Annotated[
    int,
    typer.Option(min=1, metavar="BYTES", help="Largest file or archive member to read, in bytes."),
]
CsvDir = Annotated[
    str | None,
    typer.Option("--csv", metavar="DIR", help="Write flat tables as CSV files here."),
]
ParquetDir = Annotated[
    str | None,
    typer.Option("--parquet", metavar="DIR", help="Write flat tables as Parquet files here."),
]
Engine = Annotated[
    str,
    typer.Option(
        "--engine",
        metavar="local|ray",
        help="Where the steps run: this machine, or a Ray cluster (needs the ray extra).",
    ),
]
RayAddress = Annotated[
    str | None,
    typer.Option(
        "--address",
        metavar="ADDRESS",
        help="Ray cluster to use with --engine ray ('auto', ray://HEAD:10001); "
        "default: start a local one with --jobs CPUs (all if not given).",
    ),
]
