"""Template filters for article text and links (only http(s) URLs become
links, an article keeps its paragraphs, always escaped), and ETags."""

from __future__ import annotations

import hashlib

from markupsafe import Markup, escape
from starlette.requests import Request
from starlette.responses import Response


def http_url(url: str | None) -> str | None:
    """``url`` if it is an http(s) URL (what may become a link), else None:
    ``javascript:`` or ``data:`` URLs from articles and feeds stay text."""
    if url and url.strip().lower().startswith(("http://", "https://")):
        return url.strip()
    return None


def paragraphs(text: str) -> Markup:
    """Escaped text whose line breaks end one paragraph and open the next
    (inside the page's ``<p>``): an article page keeps the article's shape."""
    return Markup("</p>\n<p>").join(escape(line) for line in text.split("\n"))


def tagged(request: Request, body: bytes, media_type: str) -> Response:
    """``body`` with an ETag (a digest of it): a client that holds this very
    version gets 304 and no body; every client revalidates (no-cache)."""
    tag = '"' + hashlib.blake2b(body, digest_size=12).hexdigest() + '"'
    headers = {"ETag": tag, "Cache-Control": "no-cache"}
    held = request.headers.get("if-none-match", "")
    if held and (held.strip() == "*" or tag in (t.strip() for t in held.split(","))):
        return Response(status_code=304, headers=headers)
    return Response(body, media_type=media_type, headers=headers)
