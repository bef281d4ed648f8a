"""``corroborate serve`` in a subprocess on a free loopback port, for tests."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.conftest import ROOT


@contextmanager
def running_server(db: Path, **env: str) -> Iterator[tuple[str, int, int]]:
    """Start the server on ``db``; yield (base URL, port, pid); stop it."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen(
        [sys.executable, "-m", "corroborate", "serve", "--db", str(db), "--port", str(port)],
        env={**os.environ, "PYTHONPATH": str(ROOT / "src"), **env},
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    for _ in range(200):
        try:
            urllib.request.urlopen(base + "/api/health", timeout=1)
            break
        except OSError:
            time.sleep(0.1)
    else:
        proc.kill()
        pytest.fail("server did not start: " + proc.stderr.read().decode()[-2000:])  # type: ignore[union-attr]
    try:
        yield base, port, proc.pid
    finally:
        proc.terminate()
        proc.wait(timeout=10)
