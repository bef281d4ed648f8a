"""Exception types. Messages say what was wrong and, where it helps, how to fix it."""

from __future__ import annotations

# the name corroborate is installed by: "corroborate" on PyPI is another project
DISTRIBUTION = "corroborate-news"


def install_hint(extra: str) -> str:
    """How to install an extra: "pip install 'corroborate-news[ray]'"."""
    return f"pip install '{DISTRIBUTION}[{extra}]'"


class CorroborateError(Exception):
    """Base class for errors raised by corroborate."""


class StoreError(CorroborateError):
    """The store cannot be used (missing, corrupt, read-only, full, unreachable)."""


class BadInput(CorroborateError):
    """An input (file, archive member, record) cannot be used.

    The message names the problem only; callers attach the path.
    """
