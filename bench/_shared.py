"""Where benchmarks find the real data beside the repository."""

from __future__ import annotations

import os
import sys
from pathlib import Path

SHARED = Path(
    os.environ.get("CORROBORATE_SHARED", Path(__file__).resolve().parents[1].parent / "shared")
)


def need(sub: str) -> Path:
    path = SHARED / sub
    if not path.exists():
        print(f"skipped: {path} not found (set CORROBORATE_SHARED)")
        sys.exit(0)
    return path
