"""Template filters for article text and links (only http(s) URLs become
links, an article keeps its paragraphs, always escaped), and ETags."""

from __future__ import annotations

import hashlib
from typing import Any

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


def marked(snippet: str | None) -> Markup:
    """A search snippet, escaped, its matched words in ``<mark>``."""
    from corroborate.store.search import MARK_END, MARK_START

    safe = str(escape(snippet or ""))
    return Markup(safe.replace(MARK_START, "<mark>").replace(MARK_END, "</mark>"))


def by_story(
    hits: list[dict[str, Any]], titles: dict[str, str]
) -> list[tuple[str | None, str, list[dict[str, Any]]]]:
    """Search hits grouped by story, in the order of each story's best hit:
    (story id, its title, its hits); hits without a story come on their own."""
    groups: dict[str | None, list[dict[str, Any]]] = {}
    alone = []
    for h in hits:
        if h.get("story_id"):
            groups.setdefault(h["story_id"], []).append(h)
        else:
            alone.append((None, h.get("title") or "", [h]))
    out = [(sid, titles.get(sid or "", "") or hs[0].get("title") or "", hs)
           for sid, hs in groups.items()]  # fmt: skip
    return out + alone
