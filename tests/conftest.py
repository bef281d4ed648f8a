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
