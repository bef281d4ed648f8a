"""``corroborate check``: a claim against the coverage (a thin shell over ``check``)."""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import Annotated, Any

import typer
from rich.console import Console

from corroborate.cli_options import Db

# exit codes a script can branch on (1-4 are the command line's errors)
EXIT = {"corroborated": 0, "single-source": 5, "contested": 6, "distorted": 7, "not found": 8}


def check(
    claim: Annotated[str, typer.Argument(metavar="CLAIM", help="The claim, in quotes.")],
    paths: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="PATH", help="Articles to check against (else the store).", show_default=False
        ),
    ] = None,
    db: Db = None,
    json_out: Annotated[bool, typer.Option("--json", help="Print the verdict as JSON.")] = False,
) -> None:
    """Check a claim against the coverage: corroborated, single-source,
    contested, distorted or not found, with the evidence. Exit code: 0
    corroborated, 5 single-source, 6 contested, 7 distorted, 8 not found.

    Example: corroborate check "The NIS said about 300 North Korean soldiers were killed" --db newsroom.db"""
    from corroborate.check import check_claim

    stories = _from_paths(paths) if paths else _from_store(db, claim)
    result = check_claim(claim, stories)
    if json_out:
        typer.echo(json.dumps(asdict(result), ensure_ascii=False, indent=2))
    else:
        out = Console(highlight=False)
        out.print(f"{result.verdict}: {result.reason}", markup=False, soft_wrap=True)
        for label, items in (("evidence", result.evidence), ("competing", result.competing)):
            for e in items:
                when = f", as of {e.as_of}" if e.as_of else ""
                said = e.value or f'"{e.text}"'  # a figure, or a statement's words
                out.print(f"  {label}: {said} per {', '.join(e.origins) or 'unnamed'}{when}"
                          f" (story {e.story}, claim {e.claim})", markup=False, soft_wrap=True)  # fmt: skip
                for span in e.spans[:3]:
                    out.print(f"    “{span['text'][:160]}”", markup=False, soft_wrap=True)
    raise typer.Exit(EXIT[result.verdict])


def _from_paths(paths: list[str]) -> list[dict[str, Any]]:
    from corroborate.pipeline import process
    from corroborate.report.json import story_to_dict

    return [story_to_dict(s) for s in process(paths).stories]


def _from_store(db: str | None, claim: str) -> list[dict[str, Any]]:
    from corroborate.check import stories_about
    from corroborate.store import Store

    return stories_about(Store(db), claim)
