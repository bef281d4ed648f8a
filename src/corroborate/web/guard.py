"""Limits applied before any work: the outermost layer of the app.

- Writing needs the token, checked from the headers before a byte of the
  body is read (``Authorization: Bearer <token>`` on the API; the HTML form
  may carry it in its first field instead, within the same byte cap).
- Every body is counted as it streams in, whatever its encoding (chunked
  included): past ``max_upload`` the request ends with a 413; a body that
  stalls longer than ``body_timeout`` between chunks ends with a 408.
- Every response carries the security headers, errors included; an
  unexpected error is a plain 500 (logged) rather than a dropped connection.
"""

from __future__ import annotations

import hmac
import json
import logging

import anyio
from starlette.types import ASGIApp, Message, Receive, Scope, Send

log = logging.getLogger(__name__)

CSP = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
    "form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
)
SECURITY_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
]
API_WRITE = "/api/ingest"
FORM_WRITE = "/ingest"
BODY_TIMEOUT = 30.0  # seconds a client may pause in the middle of its body


class _Refused(Exception):
    def __init__(self, status: int, detail: str) -> None:
        self.status, self.detail = status, detail


def bearer_ok(value: str | None, token: str | None) -> bool:
    """Is ``value`` (an Authorization header) exactly ``Bearer <token>``?
    Timing-safe; other schemes (``Basic <token>``) are refused."""
    if not token or not value:
        return False
    scheme, _, supplied = value.partition(" ")
    return scheme.lower() == "bearer" and hmac.compare_digest(
        supplied.strip().encode(), token.encode()
    )


class Guard:
    """Plain ASGI middleware (no per-request task, unlike ``@app.middleware``)."""

    def __init__(
        self, app: ASGIApp, max_upload: int, token: str | None, body_timeout: float = BODY_TIMEOUT
    ) -> None:
        self.app = app
        self.max_upload = max_upload
        self.token = token
        self.body_timeout = body_timeout

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def send_guarded(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                message["headers"] = [*message.get("headers", ()), *SECURITY_HEADERS]
            await send(message)

        headers = dict(scope["headers"])
        try:
            self._check_before_body(scope, headers)
            await self.app(scope, self._counted(receive), send_guarded)
        except _Refused as exc:
            if not started:
                await _reply(send_guarded, exc.status, exc.detail)
        except Exception:
            log.exception("error while answering %s %s", scope["method"], scope["path"])
            if not started:
                await _reply(send_guarded, 500, "internal error (logged on the server)")

    def _check_before_body(self, scope: Scope, headers: dict[bytes, bytes]) -> None:
        declared = headers.get(b"content-length", b"")
        if declared.isdigit() and int(declared) > self.max_upload:
            raise _Refused(413, f"upload larger than {self.max_upload} bytes")
        if scope["method"] != "POST":
            return
        auth = headers.get(b"authorization", b"").decode("latin-1") or None
        if scope["path"] == API_WRITE and not bearer_ok(auth, self.token):
            raise _Refused(401, self._why_not())
        if scope["path"] == FORM_WRITE and not self.token:
            raise _Refused(401, self._why_not())

    def _why_not(self) -> str:
        if not self.token:
            return "writing is disabled: set CORROBORATE_TOKEN on the server"
        return "a valid token is needed to ingest (Authorization: Bearer <token>)"

    def _counted(self, receive: Receive) -> Receive:
        seen = 0

        async def counted() -> Message:
            nonlocal seen
            try:
                with anyio.fail_after(self.body_timeout):
                    message = await receive()
            except TimeoutError as exc:
                raise _Refused(408, "the request body stalled; send it again") from exc
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.max_upload:
                    raise _Refused(413, f"upload larger than {self.max_upload} bytes")
            return message

        return counted


async def _reply(send: Send, status: int, detail: str) -> None:
    body = json.dumps({"detail": detail}).encode()
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
    if status == 401:
        headers.append((b"www-authenticate", b"Bearer"))
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})
