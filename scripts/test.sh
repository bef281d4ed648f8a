#!/usr/bin/env bash
# Install corroborate with its test tools in ./.venv and run the whole test suite.
# Used as-is by CI (.ci/run). Real data in ../shared is used when present.
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m venv .venv
.venv/bin/python -m pip install --quiet --upgrade pip
.venv/bin/python -m pip install --quiet -e '.[test,dev,spacy]'
.venv/bin/ruff check src tests bench
.venv/bin/ruff format --check src tests bench
.venv/bin/python -m pytest "$@"
