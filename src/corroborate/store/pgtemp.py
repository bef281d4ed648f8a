"""A throwaway PostgreSQL server on loopback, for tests and benchmarks.

Uses Debian's server packages (``/usr/lib/postgresql/*/bin``); when run as
root, the server runs as the ``postgres`` user (initdb refuses root). The
data directory lives in a private temporary folder and is removed on exit.
"""

from __future__ import annotations

import getpass
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


def server_binaries() -> Path | None:
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"))
    return found[-1].parent if found else None


@contextmanager
def temporary_postgres(database: str = "corroborate", keep: Path | None = None) -> Iterator[str]:
    """Start a server, create ``database``, yield its URL; stop and clean up.

    With ``keep``, the server's files live in that folder and stay there:
    a later call with the same folder starts the same database again."""
    bindir = server_binaries()
    if bindir is None:
        raise RuntimeError("PostgreSQL server binaries not found under /usr/lib/postgresql")
    if keep is not None:
        keep.mkdir(parents=True, exist_ok=True)
    root = keep or Path(tempfile.mkdtemp(prefix="corroborate-pg-"))
    data = root / "data"
    fresh = not (data / "PG_VERSION").exists()
    as_user: list[str] = []
    user = getpass.getuser()
    if os.geteuid() == 0:
        as_user, user = ["runuser", "-u", "postgres", "--"], "postgres"
        shutil.chown(root, "postgres")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]

    def run(*args: str) -> None:
        subprocess.run([*as_user, *args], check=True, capture_output=True)

    if fresh:
        run(str(bindir / "initdb"), "-D", str(data), "-A", "trust", "-U", user, "-E", "UTF8")
    run(str(bindir / "pg_ctl"), "-D", str(data), "-l", str(root / "log"), "-w", "-o",
        f"-p {port} -k {root} -c listen_addresses=127.0.0.1 -c fsync=off", "start")  # fmt: skip
    try:
        if fresh:
            run(str(bindir / "createdb"), "-h", "127.0.0.1", "-p", str(port), "-U", user, database)
        yield f"postgresql://{user}@127.0.0.1:{port}/{database}"
    finally:
        subprocess.run([*as_user, str(bindir / "pg_ctl"), "-D", str(data), "-m", "fast", "stop"],
                       capture_output=True)  # fmt: skip
        if keep is None:
            shutil.rmtree(root, ignore_errors=True)
