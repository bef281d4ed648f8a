"""The ``corroborate`` command: a thin shell over the library.

Exit codes: 0 all inputs processed, 1 some inputs failed (each named on
stderr and in the output's ``errors``), 2 usage error.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn
from rich.table import Table

from corroborate import __version__
from corroborate.config import DEFAULT_MAX_BYTES, CleanConfig, Config, IngestConfig
from corroborate.model import Document, InputError
from corroborate.pipeline import RunContext, process
from corroborate.report.html import write_html
from corroborate.report.json import write_json
from corroborate.report.markdown import write_markdown

app = typer.Typer(
    help="Turn a pile of news articles into verified, sourced briefs.",
    no_args_is_help=True,
    add_completion=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"corroborate {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Show the version and exit."
        ),
    ] = False,
) -> None:
    """corroborate: ingest, clean and cross-check news articles."""


@app.command()
def run(
    paths: Annotated[
        list[str],
        typer.Argument(
            help="Files, folders (read recursively), .zip/.tar.gz archives, or - for stdin.",
            show_default=False,
        ),
    ],
    json_out: Annotated[
        str | None,
        typer.Option(
            "--json", metavar="OUT.json", help="Write the JSON document here (- for stdout)."
        ),
    ] = None,
    quiet: Annotated[
        bool,
        typer.Option(
            "--quiet", "-q", help="No progress bar or summary; errors still go to stderr."
        ),
    ] = False,
    max_bytes: Annotated[
        int, typer.Option(min=1, help="Largest file or archive member to read, in bytes.")
    ] = DEFAULT_MAX_BYTES,
    jobs: Annotated[
        int, typer.Option("--jobs", "-j", min=1, help="Worker processes for cleaning.")
    ] = 1,
    html_out: Annotated[
        str | None,
        typer.Option(
            "--html", metavar="REPORT.html", help="Write the self-contained HTML report here."
        ),
    ] = None,
    md_out: Annotated[
        str | None,
        typer.Option(
            "--md", metavar="BRIEF.md", help="Write the brief as Markdown (- for stdout)."
        ),
    ] = None,
    with_source: Annotated[
        bool, typer.Option(help="Include each article's source text (what offset_map points into).")
    ] = False,
    embeddings: Annotated[
        bool,
        typer.Option(
            help="Blend offline sentence embeddings into story links (needs the embeddings extra)."
        ),
    ] = False,
) -> None:
    """Read, clean, deduplicate, group into stories and cross-check articles;
    write the JSON document, the HTML report and/or the Markdown brief."""
    err = Console(stderr=True, highlight=False)
    if embeddings:
        from corroborate.stories.embeddings import available

        if not available():
            err.print("error: --embeddings needs the extra: pip install 'corroborate[embeddings]'")
            raise typer.Exit(2)
    config = Config(ingest=IngestConfig(max_bytes=max_bytes), clean=CleanConfig())

    def report(e: InputError) -> None:
        err.print(
            f"[red]error:[/red] {e.path}: {e.error}", markup=True, soft_wrap=True, highlight=False
        )

    ctx = RunContext(on_error=report)
    if quiet or not err.is_terminal:
        doc = process(paths, config, jobs, ctx, embeddings=embeddings)
    else:
        with Progress(
            SpinnerColumn(),
            TextColumn("[bold]cleaning"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[last]}"),
            console=err,
            transient=True,
        ) as progress:
            task = progress.add_task("clean", total=None, last="")

            def tick(path: str) -> None:
                progress.update(task, advance=1, last=Path(path).name[:40])

            ctx.on_item = tick
            doc = process(paths, config, jobs, ctx, embeddings=embeddings)
    if json_out:
        write_json(doc, json_out, with_source)
    if html_out:
        write_html(doc, html_out)
    if md_out:
        write_markdown(doc, md_out)
    if not quiet:
        _summary(doc, err, show_table="-" not in (json_out, md_out))
    raise typer.Exit(1 if doc.errors else 0)


DB_HELP = "Database URL or SQLite file (default: $CORROBORATE_DB, else corroborate.db)."


@app.command()
def ingest(
    paths: Annotated[
        list[str],
        typer.Argument(help="Files, folders, archives, or - for stdin.", show_default=False),
    ],
    db: Annotated[str | None, typer.Option("--db", help=DB_HELP)] = None,
    max_bytes: Annotated[
        int, typer.Option(min=1, help="Largest file or archive member to read, in bytes.")
    ] = DEFAULT_MAX_BYTES,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Only errors.")] = False,
    jobs: Annotated[
        int,
        typer.Option(
            "--jobs", "-j", min=1, help="Worker processes for cleaning and building stories."
        ),
    ] = 1,
) -> None:
    """Add articles to the store; new ones join or create stories.

    Ingesting the same article twice changes nothing (content-based ids); an
    interrupted run can simply be run again."""
    from corroborate.store import Store
    from corroborate.store.ingest import ingest_paths

    err = Console(stderr=True, highlight=False)
    config = Config(ingest=IngestConfig(max_bytes=max_bytes), clean=CleanConfig())

    def report(e: InputError) -> None:
        err.print(
            f"[red]error:[/red] {e.path}: {e.error}", markup=True, soft_wrap=True, highlight=False
        )

    store = Store(db)
    result = ingest_paths(store, paths, config, RunContext(on_error=report), jobs=jobs)
    if not quiet:
        err.print(
            f"{len(result.added)} added, {result.skipped} already stored, "
            f"{len(result.stories_updated)} story(ies) updated, "
            f"{len(result.stories_removed)} merged away; {store.count_articles()} articles stored"
        )
    raise typer.Exit(1 if result.errors else 0)


@app.command()
def serve(
    db: Annotated[str | None, typer.Option("--db", help=DB_HELP)] = None,
    host: Annotated[str, typer.Option(help="Address to bind (loopback by default).")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535)] = 8000,
    max_upload: Annotated[int, typer.Option(min=1, help="Largest upload, in bytes.")] = 5
    * 1024
    * 1024,
    workers: Annotated[int, typer.Option(min=1, help="Server processes.")] = 1,
) -> None:
    """Serve the web app and JSON API (writing needs $CORROBORATE_TOKEN)."""
    import os

    import uvicorn

    os.environ["CORROBORATE_MAX_UPLOAD"] = str(max_upload)
    if db:
        os.environ["CORROBORATE_DB"] = db
    uvicorn.run(
        "corroborate.web:app_from_env", factory=True, host=host, port=port, workers=workers,
        log_level="warning",
    )  # fmt: skip


def _summary(doc: Document, console: Console, show_table: bool) -> None:
    if show_table and doc.articles:
        table = Table(show_edge=False, header_style="bold")
        for col in ("id", "outlet", "published", "lang", "title", "removed"):
            table.add_column(
                col, no_wrap=True, overflow="ellipsis", max_width=60 if col == "title" else None
            )
        for a in doc.articles[:50]:
            table.add_row(
                a.id,
                a.outlet or "",
                a.published.isoformat() if a.published else "",
                a.language or "",
                (a.title or "")[:70],
                str(len(a.removed)),
            )
        console.print(table)
        if len(doc.articles) > 50:
            console.print(f"… and {len(doc.articles) - 50} more")
    if show_table and doc.stories:
        table = Table(show_edge=False, header_style="bold")
        for col in ("story", "articles", "state", "title"):
            table.add_column(col, no_wrap=True, overflow="ellipsis", max_width=70)
        for st in doc.stories[:30]:
            table.add_row(st.id, str(len(st.articles)), st.state, st.title)
        console.print(table)
    copies = sum(1 for a in doc.articles if a.duplicate_of)
    console.print(
        f"{len(doc.articles)} article(s), {copies} cop(ies), {len(doc.stories)} story(ies), "
        f"{len(doc.errors)} error(s)"
    )


def main() -> None:
    """Entry point of the ``corroborate`` script."""
    try:
        app()
    except KeyboardInterrupt:
        sys.exit(130)
