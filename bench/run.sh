#!/usr/bin/env bash
# Run every benchmark in turn; each prints its own figures.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-.venv/bin/python}
for script in bench/bench_*.py; do
    echo "== $script"
    "$PY" "$script"
done
