"""Writing an output file: atomically (a reader never sees half a file), or
to standard output for ``-``."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path


def write_text(target: str, text: str) -> None:
    """Write ``text`` to ``target`` via a temporary file and a rename."""
    if target == "-":
        sys.stdout.write(text if text.endswith("\n") else text + "\n")
        return
    path = Path(target)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        # mkstemp makes the file private (0600); an output is an ordinary file
        mask = os.umask(0)
        os.umask(mask)
        os.fchmod(fd, 0o666 & ~mask)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def unwritable(target: str) -> str | None:
    """Why ``target`` cannot be written as an output file, or None. Checked
    before a run's work, so a typo costs nothing: its folder is created (as
    writing it would) and a scratch file is made and removed there."""
    path = Path(target)
    if path.is_dir():
        return "is a folder: give a file name"
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
        os.close(fd)
        os.unlink(tmp)
    except OSError as exc:
        return f"cannot write there ({exc.strerror or exc})"
    if path.exists() and not os.access(path, os.W_OK):
        return "exists and cannot be overwritten"
    return None
