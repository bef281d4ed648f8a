"""Limits applied before any work: the outermost layer of the app.

- Writing needs the token, checked before the body is read: from the
  headers (``Authorization: Bearer <token>``), or for the HTML form from its
  first field, ``token`` (the form puts it first), read from at most the
  first ``PEEK`` bytes; anything else is refused before the rest arrives.
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
PEEK = 64 * 1024  # bytes of a form read to find its token field


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

        if scope["method"] == "HEAD":  # a GET without its body, for every page
            scope = {**scope, "method": "GET"}
            send = _bodiless(send)

        async def send_guarded(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                message["headers"] = [*message.get("headers", ()), *SECURITY_HEADERS]
            await send(message)

        headers = dict(scope["headers"])
        html = wants_html(scope["path"], headers.get(b"accept", b""))
        try:
            self._check_before_body(scope, headers)
            counted = self._counted(receive)
            if scope["method"] == "POST" and scope["path"] == FORM_WRITE:
                auth = headers.get(b"authorization", b"").decode("latin-1") or None
                if not bearer_ok(auth, self.token):
                    ctype = headers.get(b"content-type", b"").decode("latin-1")
                    counted = await self._form_token_first(ctype, counted)
            await self.app(scope, counted, send_guarded)
        except _Refused as exc:
            if not started:
                await _reply(send_guarded, exc.status, exc.detail, html)
        except Exception:
            log.exception("error while answering %s %s", scope["method"], scope["path"])
            if not started:
                await _reply(send_guarded, 500, "internal error (logged on the server)", html)

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

    async def _form_token_first(self, ctype: str, receive: Receive) -> Receive:
        """Read the form until its first field is known; refuse unless it is
        the right token; hand the app what was read, then the rest."""
        held: list[Message] = []
        data = b""
        supplied: str | None = None
        while supplied is None and len(data) < PEEK:
            message = await receive()
            held.append(message)
            if message["type"] != "http.request":
                break
            data += message.get("body", b"")
            more = message.get("more_body", False)
            supplied = first_field_token(ctype, data, complete=not more)
            if not more:
                break
        if not supplied or not hmac.compare_digest(supplied.encode(), (self.token or "").encode()):
            raise _Refused(401, self._why_not())

        async def replay() -> Message:
            return held.pop(0) if held else await receive()

        return replay

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


def wants_html(path: str, accept: bytes) -> bool:
    """Whether an error should be a page: a browser asking for a page (the
    API answers JSON whatever it is asked)."""
    return not path.startswith("/api") and b"text/html" in accept


def error_page(status: int, detail: str) -> str:
    """A small error page (escaped; no scripts, styles inline like every page)."""
    from html import escape

    title = {401: "Not allowed", 404: "Not found", 413: "Too large"}.get(status, "Error")
    return (
        f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{title} — corroborate'
        f'</title></head><body style="font:15px/1.5 system-ui,sans-serif;max-width:40em;'
        f'margin:2em auto"><h1>{title}</h1><p>{escape(detail)}</p>'
        f'<p><a href="/">All stories</a> · <a href="/search">Search</a></p></body></html>'
    )


def _bodiless(send: Send) -> Send:
    """``send`` for a HEAD request: the GET's status and headers, no body."""

    async def send_head(message: Message) -> None:
        if message["type"] == "http.response.body":
            if message.get("more_body", False):
                return
            message = {"type": "http.response.body", "body": b"", "more_body": False}
        await send(message)

    return send_head


async def _reply(send: Send, status: int, detail: str, html: bool = False) -> None:
    if html:
        body = error_page(status, detail).encode()
        ctype = b"text/html; charset=utf-8"
    else:
        body = json.dumps({"detail": detail}).encode()
        ctype = b"application/json"
    headers = [(b"content-type", ctype), (b"content-length", str(len(body)).encode())]
    if status == 401:
        headers.append((b"www-authenticate", b"Bearer"))
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})


def first_field_token(ctype: str, data: bytes, complete: bool) -> str | None:
    """The value of a form's first field if that field is ``token``; ``""``
    if the first field is something else (or the form is not one); None
    while more bytes are needed to tell."""
    if ctype.startswith("application/x-www-form-urlencoded"):
        from urllib.parse import parse_qsl

        first, sep, _ = data.partition(b"&")
        if not sep and not complete:
            return None
        pairs = parse_qsl(first.decode("latin-1"), keep_blank_values=True)
        return pairs[0][1] if pairs and pairs[0][0] == "token" else ""
    if not ctype.startswith("multipart/form-data") or "boundary=" not in ctype:
        return ""
    boundary = ctype.split("boundary=", 1)[1].split(";", 1)[0].strip().strip('"').encode()
    start = b"--" + boundary + b"\r\n"
    if len(data) < len(start):
        return None if not complete else ""
    if not data.startswith(start):
        return ""
    head_end = data.find(b"\r\n\r\n", len(start))
    if head_end < 0:
        return None if not complete else ""
    head = data[len(start) : head_end].lower()
    if b'name="token"' not in head:
        return ""
    value_end = data.find(b"\r\n--" + boundary, head_end + 4)
    if value_end < 0:
        return None if not complete else ""
    return data[head_end + 4 : value_end].decode("utf-8", "replace")
