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
