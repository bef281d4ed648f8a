"""Store-wide locks that work across processes: a PostgreSQL session
advisory lock, or an exclusive lock on a file beside a SQLite database."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Engine, text

from corroborate.errors import StoreError

try:
    import fcntl
except ImportError:  # Windows: serialised within one process only
    fcntl = None  # type: ignore[assignment]


@contextmanager
def exclusive(
    engine: Engine, key: int, path: str | None, suffix: str, local: threading.RLock
) -> Iterator[None]:
    """Hold the lock ``key`` (PostgreSQL) or the file ``path.suffix``
    (SQLite file; in-memory databases only need ``local``) until the block
    ends. ``local`` also excludes threads of this process (flock does not)."""
    if engine.dialect.name == "postgresql":
        with engine.connect() as conn:
            conn.execute(text("SELECT pg_advisory_lock(:k)"), {"k": key})
            conn.commit()
            try:
                yield
            finally:
                conn.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": key})
                conn.commit()
        return
    if path is None or fcntl is None:
        with local:
            yield
        return
    try:
        handle = open(f"{path}.{suffix}", "a+b")  # noqa: SIM115 (closed below)
    except OSError as exc:
        raise StoreError(
            f"cannot create the lock file {path}.{suffix} beside the database: "
            f"{exc.strerror or exc} (is its folder writable?)"
        ) from exc
    with local, handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
