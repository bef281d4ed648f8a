"""How people name an article: by its outlet, else its site, else its file.

Ids identify; they are for links and JSON, not for readers. An article with
no outlet in its metadata is named by its URL's domain, else by the file it
was read from ("floods-update.html", an archive member's own name), and only
when none of these exists (standard input, an API record) by its id.
"""

from __future__ import annotations

import re

from corroborate.model import Article

_HOST = re.compile(r"^[a-z][a-z0-9+.-]*://(?:[^/@]*@)?(?:www\.)?([^/:?#]+)", re.I)
# labels that name no file: standard input, an API or form record ("api:0")
_NOT_A_FILE = re.compile(r"^(?:<stdin>.*|api:\d+|form)$")


def source_label(article: Article) -> str:
    """How a reader names an article's source: outlet, site, file, else id."""
    return name_for(article.outlet, article.url, article.path, article.id)


def name_for(outlet: str | None, url: str | None, path: str | None, article_id: str) -> str:
    """``source_label`` from an article's fields (as stored or exported)."""
    return outlet or site(url) or file_name(path or "") or f"article {article_id}"


def site(url: str | None) -> str | None:
    """The domain of an article's URL ("www." dropped), or None."""
    m = _HOST.match(url.strip()) if url else None
    return m[1].lower() if m else None


def file_name(path: str) -> str | None:
    """The file an article was read from, without its folders or archive
    ("corpus.zip!2025/flood.html" -> "flood.html"; a record keeps its number:
    "feed.rss#3"), or None."""
    tail = re.split(r"[/\\\\!]", path)[-1].strip()
    if not tail or _NOT_A_FILE.match(tail):
        return None
    return tail
