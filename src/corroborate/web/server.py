"""How ``corroborate serve`` runs uvicorn: bounded time for a request's
headers and idle connections, and enough file descriptors to hold them.

uvicorn closes idle keep-alive connections but waits forever for the first
request on a new one, so a thousand silent sockets could take every file
descriptor: here a connection must finish its request headers within
``HEADER_TIMEOUT`` seconds of connecting (or of starting its next request).
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import resource
from typing import Any

from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

HEADER_TIMEOUT = float(os.environ.get("CORROBORATE_HEADER_TIMEOUT", "10"))
KEEP_ALIVE = 5  # seconds an idle keep-alive connection is kept
MAX_CONNECTIONS = 2000  # per process; beyond it new requests get a 503


class HeaderTimeoutProtocol(HttpToolsProtocol):
    """``HttpToolsProtocol`` that drops a connection whose request headers
    do not arrive in time (slow or silent clients)."""

    _header_timer: asyncio.TimerHandle | None = None

    def connection_made(self, transport: Any) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._arm()

    def on_message_begin(self) -> None:
        super().on_message_begin()
        if self._header_timer is None:
            self._arm()

    def on_headers_complete(self) -> None:
        self._disarm()
        super().on_headers_complete()

    def connection_lost(self, exc: Exception | None) -> None:
        self._disarm()
        super().connection_lost(exc)

    def _arm(self) -> None:
        self._header_timer = self.loop.call_later(HEADER_TIMEOUT, self._too_slow)

    def _disarm(self) -> None:
        if self._header_timer is not None:
            self._header_timer.cancel()
            self._header_timer = None

    def _too_slow(self) -> None:
        self._header_timer = None
        if not self.transport.is_closing():
            self.transport.close()


def raise_open_files_limit() -> None:
    """Let this process hold as many connections as the system allows."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    want = hard if hard != resource.RLIM_INFINITY else 65536
    if soft < want:
        with contextlib.suppress(ValueError, OSError):
            resource.setrlimit(resource.RLIMIT_NOFILE, (want, hard))


def log_config(access: bool) -> dict[str, Any]:
    """uvicorn's logging: warnings and errors on stderr, and (``access``)
    one line per request on stdout with its time, client, request and status."""
    import copy

    from uvicorn.config import LOGGING_CONFIG

    config: dict[str, Any] = copy.deepcopy(LOGGING_CONFIG)
    config["formatters"]["access"]["fmt"] = (
        '%(asctime)s %(client_addr)s "%(request_line)s" %(status_code)s'
    )
    config["loggers"]["uvicorn"]["level"] = "WARNING"
    config["loggers"]["uvicorn.error"]["level"] = "WARNING"
    config["loggers"]["uvicorn.access"]["level"] = "INFO" if access else "WARNING"
    return config
