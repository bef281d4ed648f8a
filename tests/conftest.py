from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

# CI runs Hypothesis derandomised (the same examples on every run: a red CI is
# never luck) and without its example database
settings.register_profile("ci", derandomize=True, database=None, deadline=None, print_blob=True)
# locally random examples, but no per-example deadline either: the first call
# of a parser loads its tables, and a busy machine is no bug
settings.register_profile("dev", deadline=None)
settings.load_profile("ci" if os.environ.get("CI") else "dev")

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("CORROBORATE_SHARED", ROOT.parent / "shared"))
EXAMPLES = ROOT / "examples" / "corpus"


@pytest.fixture(scope="session")
def shared() -> Path:
    if not SHARED.exists():
        if os.environ.get("CORROBORATE_REQUIRE_SHARED"):  # CI: real-data tests fail, never skip
            pytest.fail(f"{SHARED} not present: the real data must lie beside the repository")
        pytest.skip(f"{SHARED} not present (real data lives beside the repository)")
    return SHARED


def make_article(text: str, **fields):
    """Tiny builder: a clean Article from plain text and optional metadata."""
    import corroborate

    return corroborate.clean_article(text, **fields)


@pytest.fixture(scope="session")
def postgres_url():
    """A throwaway PostgreSQL server on loopback (Debian's packages), or the
    server in $CORROBORATE_TEST_PG_URL. ``scripts/test.sh`` installs the
    packages and sets CORROBORATE_REQUIRE_POSTGRES=1, so CI never skips."""
    from corroborate.store.pgtemp import server_binaries, temporary_postgres

    if os.environ.get("CORROBORATE_TEST_PG_URL"):
        yield os.environ["CORROBORATE_TEST_PG_URL"]
        return
    if server_binaries() is None:
        if os.environ.get("CORROBORATE_REQUIRE_POSTGRES"):
            pytest.fail("PostgreSQL server binaries not found under /usr/lib/postgresql")
        pytest.skip("PostgreSQL not installed (scripts/test.sh installs it)")
    with temporary_postgres("corroborate_test") as url:
        yield url


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
