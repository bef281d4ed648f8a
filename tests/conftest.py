from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("CORROBORATE_SHARED", ROOT.parent / "shared"))
EXAMPLES = ROOT / "examples" / "corpus"


@pytest.fixture(scope="session")
def shared() -> Path:
    if not SHARED.exists():
        pytest.skip(f"{SHARED} not present (real data lives beside the repository)")
    return SHARED


def make_article(text: str, **fields):
    """Tiny builder: a clean Article from plain text and optional metadata."""
    import corroborate

    return corroborate.clean_article(text, **fields)


def _pg_bin() -> Path | None:
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"))
    return found[-1].parent if found else None


@pytest.fixture(scope="session")
def postgres_url():
    """A throwaway PostgreSQL server on loopback (Debian's packages), or the
    server in $CORROBORATE_TEST_PG_URL. ``scripts/test.sh`` installs the
    packages and sets CORROBORATE_REQUIRE_POSTGRES=1, so CI never skips."""
    import getpass
    import socket
    import subprocess

    if os.environ.get("CORROBORATE_TEST_PG_URL"):
        yield os.environ["CORROBORATE_TEST_PG_URL"]
        return
    bindir = _pg_bin()
    if bindir is None:
        if os.environ.get("CORROBORATE_REQUIRE_POSTGRES"):
            pytest.fail("PostgreSQL server binaries not found under /usr/lib/postgresql")
        pytest.skip("PostgreSQL not installed (scripts/test.sh installs it)")
    import shutil
    import tempfile

    # not under pytest's tmp dir: its parents are private to the current user
    root = Path(tempfile.mkdtemp(prefix="corroborate-pg-"))
    data = root / "data"
    as_user: list[str] = []
    user = getpass.getuser()
    if os.geteuid() == 0:  # initdb refuses root: run the server as the postgres user
        as_user = ["runuser", "-u", "postgres", "--"]
        user = "postgres"
        subprocess.run(["chown", "-R", "postgres", str(root)], check=True)
        root.chmod(0o777)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    subprocess.run(
        [
            *as_user,
            str(bindir / "initdb"),
            "-D",
            str(data),
            "-A",
            "trust",
            "-U",
            user,
            "-E",
            "UTF8",
        ],
        check=True,
        capture_output=True,
    )
    subprocess.run(
        [*as_user, str(bindir / "pg_ctl"), "-D", str(data), "-l", str(root / "log"), "-w", "-o",
         f"-p {port} -k {root} -c listen_addresses=127.0.0.1 -c fsync=off", "start"],
        check=True,
        capture_output=True,
    )  # fmt: skip
    try:
        subprocess.run(
            [*as_user, str(bindir / "createdb"), "-h", "127.0.0.1", "-p", str(port), "-U", user,
             "corroborate_test"],
            check=True,
            capture_output=True,
        )  # fmt: skip
        yield f"postgresql://{user}@127.0.0.1:{port}/corroborate_test"
    finally:
        subprocess.run(
            [*as_user, str(bindir / "pg_ctl"), "-D", str(data), "-m", "fast", "stop"],
            capture_output=True,
        )
        shutil.rmtree(root, ignore_errors=True)  # fmt: skip


@pytest.fixture(params=["sqlite", "postgresql"])
def store(request, tmp_path):
    """A fresh store on SQLite and on PostgreSQL (each test runs on both)."""
    from corroborate.store import Store

    if request.param == "sqlite":
        s = Store(str(tmp_path / "t.db"))
    else:
        url = request.getfixturevalue("postgres_url")
        s = Store(url)
        _reset_postgres(s)
        s = Store(url)
    yield s
    s.close()


def _reset_postgres(s) -> None:
    from sqlalchemy import text

    with s.engine.begin() as conn:
        conn.execute(text("DROP SCHEMA public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))
    s.close()
