"""Template filters for article text and links: only http(s) URLs become
links, and an article keeps its paragraphs (escaped, always)."""

from __future__ import annotations

from markupsafe import Markup, escape


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
