"""corroborate: turn a pile of news articles into verified, sourced briefs.

Library first; the CLI and web app are thin shells over it::

    import corroborate
    doc = corroborate.process(["articles/"])
    for article in doc.articles:
        print(article.id, article.title, article.published)
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from corroborate.clean.article import build_article
    from corroborate.extract import extract_article, extract_story
    from corroborate.pipeline import process

__all__ = [
    "__version__",
    "build_article",
    "clean_article",
    "extract_article",
    "extract_story",
    "process",
]


def __getattr__(name: str) -> Any:
    # Lazy: importing the package must not pull in trafilatura or lxml.
    if name == "process":
        from corroborate.pipeline import process

        return process
    if name == "build_article":
        from corroborate.clean.article import build_article

        return build_article
    if name in ("extract_article", "extract_story"):
        import corroborate.extract as ex

        return getattr(ex, name)
    raise AttributeError(name)


def clean_article(text: str, **fields: Any) -> Any:
    """Clean one plain-text article and return the ``Article``.

    ``fields`` are optional metadata: url, title, published, outlet, author,
    language.
    """
    from corroborate.clean.article import build_article
    from corroborate.ingest.base import RawRecord
    from corroborate.text.dates import parse_date

    if isinstance(fields.get("published"), str):
        fields["published"] = parse_date(fields["published"])
    return build_article(
        RawRecord(path=fields.pop("path", "<text>"), format="text", text=text, **fields)
    )
