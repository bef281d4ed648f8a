#!/usr/bin/env bash
# Install corroborate with its test tools in ./.venv and run the whole test suite.
# Used as-is by CI (.ci/run). Real data in ../shared is used when present.
set -euo pipefail
cd "$(dirname "$0")/.."
# Real services for the tests, from Debian's packages: Chromium (never a
# downloaded build) for the browser tests, PostgreSQL for the store tests
# (the tests start a throwaway server on loopback themselves).
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
if [ ${#missing[@]} -gt 0 ]; then
    SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
    $SUDO apt-get update -qq
    $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi
export CORROBORATE_REQUIRE_BROWSER=1 CORROBORATE_REQUIRE_POSTGRES=1 PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
python3 -m venv .venv
.venv/bin/python -m pip install --quiet --upgrade pip
# torch's CPU build first (the embeddings extra needs torch; a bare range would fetch CUDA builds)
.venv/bin/python -m pip install --quiet 'torch==2.13.0'
.venv/bin/python -m pip install --quiet -e '.[test,dev,spacy,embeddings,parquet,charts,postgres,ray]'
# real-data tests fail rather than skip when ../shared is missing
export CORROBORATE_REQUIRE_EMBEDDINGS=1 CORROBORATE_REQUIRE_SHARED=1 CORROBORATE_REQUIRE_RAY=1
.venv/bin/ruff check src tests bench
.venv/bin/ruff format --check src tests bench
.venv/bin/mypy
.venv/bin/python -m pytest "$@"
