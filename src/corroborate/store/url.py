"""Where the store is: database URLs, the file behind a SQLite one, and how
a database failure is told in one line."""

from __future__ import annotations

import os

DEFAULT_URL = "sqlite:///corroborate.db"


def database_url(url: str | None = None) -> str:
    """The URL to use: the argument, else ``$CORROBORATE_DB``, else SQLite.

    ``postgresql://`` URLs use psycopg 3; a bare file path means SQLite.
    """
    url = url or os.environ.get("CORROBORATE_DB") or DEFAULT_URL
    if url.startswith(("postgresql://", "postgres://")):
        url = "postgresql+psycopg://" + url.split("://", 1)[1]
    elif "://" not in url:
        url = f"sqlite:///{url}"
    return url


def sqlite_file(database: str | None) -> str | None:
    """The file behind a SQLite database name (``file:x.db?mode=ro`` URIs too)."""
    if not database:
        return None
    if database.startswith("file:"):
        database = database.removeprefix("file:").split("?", 1)[0]
    return database


def describe_store_error(exc: BaseException) -> str:
    """One line for a database failure: the driver's own words, without the
    SQL statement and parameters SQLAlchemy appends (they may hold article text)."""
    orig = getattr(exc, "orig", None) or exc
    first = (str(orig).strip().splitlines() or [type(orig).__name__])[0]
    low = first.lower()
    hint = (
        " (corrupt, or not a corroborate store)" if "not a database" in low or "malformed" in low
        else " (check the file's permissions)" if "readonly" in low or "read-only" in low
        else " (free some disk space and run again: nothing stored was lost)" if "full" in low
        else ""
    )  # fmt: skip
    return f"{first[:300]}{hint}"
