"""The ``corroborate`` command: a thin shell over the library.

Exit codes: 0 all inputs processed, 1 some inputs failed (each named on
stderr and in the output's ``errors``) or stories failed to build, 2 usage
error, 3 internal error (a bug: please report it), 4 the store cannot be
used (missing, corrupt, read-only, full or unreachable). Every error is one
line on stderr; no traceback unless ``CORROBORATE_DEBUG=1``.
"""

from __future__ import annotations

import importlib.util
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn
from rich.table import Table
from typer.core import TyperArgument, TyperOption

from corroborate import __version__
from corroborate.cli_check import check
from corroborate.cli_options import CsvDir, Db, Engine, Jobs, MaxBytes, ParquetDir, RayAddress
from corroborate.cli_tables import check_tables, export, write_document_tables
from corroborate.config import DEFAULT_MAX_BYTES, CleanConfig, Config, IngestConfig
from corroborate.engines import ENGINES, process_with
from corroborate.errors import install_hint
from corroborate.labels import source_label
from corroborate.model import Document, InputError
from corroborate.pipeline import RunContext
from corroborate.report.html import write_html
from corroborate.report.json import write_json
from corroborate.report.markdown import write_markdown
from corroborate.words import counted

if TYPE_CHECKING:
    from corroborate.store import Store

# Help lists each argument by its metavar ("PATH"), not also its Python type
# ("<list[str]>", which recent Typer versions add), and flags without "<bool>"
if hasattr(TyperArgument, "display_type_rich"):
    _option_type = TyperOption.display_type_rich
    TyperArgument.display_type_rich = lambda self, ctx: None  # type: ignore[method-assign]
    TyperOption.display_type_rich = (  # type: ignore[method-assign]
        lambda self, ctx: None if self.is_flag else _option_type(self, ctx)
    )

app = typer.Typer(
    help="Turn a pile of news articles into verified, sourced briefs.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
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
            "--version",
            callback=_version,
            is_eager=True,
            metavar="",
            help="Show the version and exit.",
        ),
    ] = False,
) -> None:
    """corroborate: ingest, clean and cross-check news articles."""


@app.command()
def run(
    paths: Annotated[
        list[str],
        typer.Argument(
            metavar="PATH",
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
            "--quiet",
            "-q",
            metavar="",
            help="No progress bar or summary; errors still go to stderr.",
        ),
    ] = False,
    max_bytes: MaxBytes = DEFAULT_MAX_BYTES,
    jobs: Jobs = 1,
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
        bool,
        typer.Option(
            metavar="", help="Include each article's source text (what offset_map points into)."
        ),
    ] = False,
    embeddings: Annotated[
        bool,
        typer.Option(
            metavar="",
            help="Blend offline sentence embeddings into story links (needs the embeddings extra).",
        ),
    ] = False,
    verbose: Annotated[
        bool,
        typer.Option("--verbose", "-v", metavar="", help="Also list every article in the summary."),
    ] = False,
    csv_out: CsvDir = None,
    parquet_out: ParquetDir = None,
    engine: Engine = "local",
    address: RayAddress = None,
) -> None:
    """Read, clean, deduplicate, group into stories and cross-check articles;
    write the JSON document, the HTML report and/or the Markdown brief.

    Example: corroborate run articles/ --html report.html --json doc.json"""
    err = Console(stderr=True, highlight=False)
    _check_outputs(err, {"--json": json_out, "--html": html_out, "--md": md_out})
    check_tables(err, csv_out, parquet_out)
    if embeddings:
        from corroborate.stories.embeddings import available

        if not available():
            err.print(
                "error: --embeddings needs the extra: " + install_hint("embeddings"),
                markup=False,
            )
            raise typer.Exit(2)
    _check_engine(err, engine)
    config = Config(ingest=IngestConfig(max_bytes=max_bytes), clean=CleanConfig())

    ctx = RunContext(on_error=_reporter(err), on_note=_noter(err, quiet))

    if quiet or not err.is_terminal:
        doc = process_with(engine, paths, config, jobs, ctx, embeddings, address)
    else:
        with Progress(
            SpinnerColumn(),
            TextColumn("[bold]{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[last]}", markup=False),
            console=err,
            transient=True,
        ) as progress:
            task = progress.add_task("cleaning", total=None, last="")

            def tick(path: str) -> None:
                progress.update(task, advance=1, last=Path(path).name[:40])

            def stage(name: str, total: int | None) -> None:  # every stage, with its total
                progress.update(task, description=name, total=total, completed=0, last="")

            ctx.on_item, ctx.on_stage = tick, stage
            doc = process_with(engine, paths, config, jobs, ctx, embeddings, address)
    if json_out:
        write_json(doc, json_out, with_source)
    if html_out:
        write_html(doc, html_out)
        if not quiet and importlib.util.find_spec("matplotlib") is None:
            err.print("note: the report has no charts: " + install_hint("charts"),
                      markup=False)  # fmt: skip
    if md_out:
        write_markdown(doc, md_out)
    if csv_out or parquet_out:
        write_document_tables(doc, csv_out, parquet_out)
    if not quiet:
        _summary(doc, err, show_table="-" not in (json_out, md_out, html_out), verbose=verbose)
    raise typer.Exit(1 if doc.errors else 0)


def _check_engine(err: Console, engine: str) -> None:
    if engine not in ENGINES:
        err.print(f"error: --engine must be one of {', '.join(ENGINES)}", markup=False)
        raise typer.Exit(2)
    if engine == "ray" and importlib.util.find_spec("ray") is None:
        err.print("error: --engine ray needs the extra: " + install_hint("ray"),
                  markup=False)  # fmt: skip
        raise typer.Exit(2)


def _check_outputs(err: Console, outputs: dict[str, str | None]) -> None:
    """Refuse, before any work, outputs that cannot be written: two to
    standard output, a folder, a place that cannot be created or written."""
    from corroborate.report.output import unwritable

    to_stdout = [opt for opt, target in outputs.items() if target == "-"]
    if len(to_stdout) > 1:
        err.print(f"error: {' and '.join(to_stdout)} both write to standard output: "
                  "give one of them a file", markup=False)  # fmt: skip
        raise typer.Exit(2)
    for opt, target in outputs.items():
        problem = unwritable(target) if target and target != "-" else None
        if problem:
            err.print(f"error: {opt} {target}: {problem}", markup=False, soft_wrap=True)
            raise typer.Exit(2)


def _noter(err: Console, quiet: bool) -> Callable[[str], None]:
    def note(text: str) -> None:
        if not quiet:
            err.print(f"note: {text}", markup=False, soft_wrap=True)

    return note


@app.command()
def ingest(
    paths: Annotated[
        list[str],
        typer.Argument(
            metavar="PATH", help="Files, folders, archives, or - for stdin.", show_default=False
        ),
    ],
    db: Db = None,
    max_bytes: MaxBytes = DEFAULT_MAX_BYTES,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", metavar="", help="Only errors.")] = False,
    jobs: Jobs = 1,
) -> None:
    """Add articles to the store; new ones join or create stories.

    Ingesting the same article twice changes nothing (content-based ids); an
    interrupted run can simply be run again.

    Example: corroborate ingest feeds/ --db newsroom.db"""
    from corroborate.store import Store
    from corroborate.store.ingest import ingest_paths

    err = Console(stderr=True, highlight=False)
    config = Config(ingest=IngestConfig(max_bytes=max_bytes), clean=CleanConfig())

    store = Store(db)
    result = ingest_paths(store, paths, config, RunContext(on_error=_reporter(err)), jobs=jobs)
    if not quiet:
        err.print(
            f"{len(result.added)} added, {result.skipped} already stored, "
            f"{counted(len(result.stories_updated), 'story')} updated, "
            f"{len(result.stories_removed)} merged away; {store.count_articles()} articles stored"
        )
    failed = _story_failures(store, err)
    raise typer.Exit(1 if result.errors or failed else 0)


@app.command()
def rebuild(
    db: Db = None,
    jobs: Annotated[
        int,
        typer.Option(
            "--jobs", "-j", min=1, metavar="N", help="Worker processes for building stories."
        ),
    ] = 1,
) -> None:
    """Re-derive every story from the stored articles (after an upgrade, or
    to repair stories that failed to build).

    Example: corroborate rebuild --db newsroom.db --jobs 2"""
    from corroborate.store import Store
    from corroborate.store.ingest import rebuild_stories

    err = Console(stderr=True, highlight=False)
    store = Store(db)
    updated, removed = rebuild_stories(store, jobs)
    err.print(f"{len(updated)} stories rebuilt, {len(removed)} dropped", markup=False)
    raise typer.Exit(1 if _story_failures(store, err) else 0)


@app.command()
def status(
    db: Db = None,
) -> None:
    """What the store holds, and the stories that failed to build (exit 1 if any).

    Example: corroborate status --db newsroom.db"""
    from corroborate.store import Store

    store = Store(db)
    counts = store.counts()
    out = Console(highlight=False)
    out.print(
        f"{counts['articles']} articles, {counts['stories']} stories, "
        f"{counts['unassigned']} articles not yet in a story",
        markup=False,
    )
    raise typer.Exit(1 if _story_failures(store, out) else 0)


def _story_failures(store: Store, console: Console) -> int:
    failures = store.story_errors()
    for f in failures:
        console.print(
            f"[red]story failed:[/red] {escape(f['story_id'])} ({len(f['articles'])} articles, "
            f"{counted(f['attempts'], 'attempt')}): {escape(f['error'])}",
            soft_wrap=True,
        )
    if failures:
        console.print(
            f"{counted(len(failures), 'story')} failed to build; the next ingest retries them "
            "(or run: corroborate rebuild)",
            markup=False,
        )
    return len(failures)


def _reporter(err: Console) -> Callable[[InputError], None]:
    """One escaped line per input error (file names may look like markup)."""

    def report(e: InputError) -> None:
        err.print(
            f"[red]error:[/red] {escape(e.path)}: {escape(e.error)}",
            soft_wrap=True,
            highlight=False,
        )

    return report


app.command()(export)
app.command()(check)


@app.command()
def serve(
    db: Db = None,
    host: Annotated[
        str, typer.Option(metavar="HOST", help="Address to bind (loopback by default).")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, metavar="PORT")] = 8000,
    max_upload: Annotated[
        int, typer.Option(min=1, metavar="BYTES", help="Largest upload, in bytes.")
    ] = 5 * 1024 * 1024,
    workers: Annotated[int, typer.Option(min=1, metavar="N", help="Server processes.")] = 1,
    access_log: Annotated[
        bool, typer.Option(help="Log every request on standard output (one line each).")
    ] = True,
) -> None:
    """Serve the web app and JSON API (writing needs $CORROBORATE_TOKEN).

    Example: CORROBORATE_TOKEN=change-me corroborate serve --db newsroom.db --port 8000"""
    import uvicorn

    from corroborate.web.server import (
        KEEP_ALIVE,
        MAX_CONNECTIONS,
        log_config,
        raise_open_files_limit,
    )

    os.environ["CORROBORATE_MAX_UPLOAD"] = str(max_upload)
    if db:
        os.environ["CORROBORATE_DB"] = db
    from corroborate.store import Store

    # open (and migrate) the store once here: a bad store is one line and exit 4
    # before any worker starts, not a traceback per worker
    Store(db).close()
    raise_open_files_limit()
    writing = "on" if os.environ.get("CORROBORATE_TOKEN") else "off (set CORROBORATE_TOKEN)"
    Console(stderr=True, highlight=False).print(
        f"corroborate serving http://{host}:{port}/ ({counted(workers, 'process')}, "
        f"writing {writing})",
        markup=False,
        soft_wrap=True,
    )
    uvicorn.run(
        "corroborate.web:app_from_env", factory=True, host=host, port=port, workers=workers,
        http="corroborate.web.server:HeaderTimeoutProtocol", timeout_keep_alive=KEEP_ALIVE,
        limit_concurrency=MAX_CONNECTIONS, log_config=log_config(access_log),
    )  # fmt: skip


def _summary(doc: Document, console: Console, show_table: bool, verbose: bool = False) -> None:
    """One line per story that fits the terminal (state, size, title); with
    ``verbose`` every article too; then the counts."""
    if show_table and verbose and doc.articles:
        table = Table(show_edge=False, header_style="bold", pad_edge=False)
        outlet = max(8, min(24, console.width // 4))
        table.add_column("outlet", no_wrap=True, overflow="ellipsis", max_width=outlet)
        table.add_column("published", no_wrap=True, min_width=10)
        table.add_column("lang", no_wrap=True, min_width=4)
        # the title takes what is left of the line (a no_wrap column would
        # otherwise claim its whole text and squeeze the others away)
        rest = max(10, console.width - outlet - 10 - 4 - 9)
        table.add_column("title", no_wrap=True, overflow="ellipsis", max_width=rest)
        for a in doc.articles[:200]:
            table.add_row(
                escape(source_label(a)),
                a.published.isoformat() if a.published else "",
                escape(a.language or ""),
                escape(a.title or ""),
            )
        console.print(table)
        if len(doc.articles) > 200:
            console.print(f"… and {len(doc.articles) - 200:,} more articles", markup=False)
    if show_table and doc.stories:
        table = Table(show_edge=False, header_style="bold", pad_edge=False)
        table.add_column("state", no_wrap=True, min_width=13)
        table.add_column("articles", no_wrap=True, justify="right", min_width=8)
        rest = max(10, console.width - 13 - 8 - 6)
        table.add_column("story", no_wrap=True, overflow="ellipsis", max_width=rest)
        for st in doc.stories[:30]:
            table.add_row(st.state, str(len(st.articles)), escape(st.title))
        console.print(table)
        if len(doc.stories) > 30:
            console.print(f"… and {len(doc.stories) - 30:,} more stories", markup=False)
    copies = sum(1 for a in doc.articles if a.duplicate_of)
    console.print(
        f"{counted(len(doc.articles), 'article')}, {counted(copies, 'copy')}, "
        f"{counted(len(doc.stories), 'story')}, {counted(len(doc.errors), 'error')}",
        markup=False,
    )


EXIT_INTERNAL, EXIT_STORE = 3, 4


def main() -> None:
    """Entry point of the ``corroborate`` script: every failure is one line."""
    from sqlalchemy.exc import SQLAlchemyError

    from corroborate.store import StoreError, describe_store_error

    if os.environ.get("CORROBORATE_DEBUG"):  # tracebacks as they come
        app()
        return
    try:
        app()
    except KeyboardInterrupt:
        sys.exit(130)
    except (StoreError, SQLAlchemyError) as exc:
        print(f"error: the store cannot be used: {describe_store_error(exc)}", file=sys.stderr)
        sys.exit(EXIT_STORE)
    except OSError as exc:
        where = f"{exc.filename}: " if exc.filename else ""
        print(f"error: {where}{exc.strerror or exc}", file=sys.stderr)
        sys.exit(EXIT_INTERNAL)
    except Exception as exc:  # a bug: say so in one line, with how to see more
        print(
            f"internal error: {type(exc).__name__}: {str(exc)[:300]} "
            "(rerun with CORROBORATE_DEBUG=1 for the traceback, and please report it)",
            file=sys.stderr,
        )
        sys.exit(EXIT_INTERNAL)
