"""The self-contained HTML report: every story's brief with its evidence.

One file, no network: styles inline, charts as inline SVG, no scripts. All
article text goes through Jinja2's autoescaping, and a Content Security
Policy forbids scripts and remote loads, so a hostile article stays inert.
Every citation links to the highlighted sentence in the article's clean
text (``#ev-<article>-<offset>``, highlighted with ``:target``).
"""

from __future__ import annotations

import bisect

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup

from corroborate import __version__
from corroborate.labels import source_label
from corroborate.model import Article, Document, Span, Story
from corroborate.report.chart import figures_chart
from corroborate.report.output import write_text
from corroborate.words import counted

_ENV = Environment(
    loader=PackageLoader("corroborate.report", "templates"),
    autoescape=select_autoescape(["html", "j2"], default=True),
    trim_blocks=True,
    lstrip_blocks=True,
)
_ENV.filters["counted"] = counted
_ENV.filters["source_label"] = source_label


class Anchors:
    """Maps evidence spans to the id of the sentence that holds them."""

    def __init__(self, articles: list[Article]) -> None:
        self.articles = {a.id: a for a in articles}
        self._starts = {a.id: [s.start for s in a.sentences] for a in articles}

    def sentence_start(self, span: Span) -> int:
        starts = self._starts.get(span.article) or [0]
        i = bisect.bisect_right(starts, span.start) - 1
        return starts[max(0, i)]

    def __call__(self, span: Span) -> str:
        return f"ev-{span.article}-{self.sentence_start(span)}"

    def label(self, span: Span) -> str:
        a = self.articles.get(span.article)
        if a is None:
            return span.article
        when = a.published.isoformat() if a.published else "undated"
        return f"{source_label(a)}, {when}"

    def name(self, article_id: str) -> str:
        """How a reader names an article: outlet, site or file (labels.source_label)."""
        a = self.articles.get(article_id)
        return source_label(a) if a is not None else article_id


def render_html(doc: Document) -> str:
    anchors = Anchors(doc.articles)
    cited: dict[str, set[int]] = {}
    for story in doc.stories:
        for span in _story_spans(story):
            cited.setdefault(span.article, set()).add(anchors.sentence_start(span))
    charts = {s.id: _svg(s) for s in doc.stories}
    return _ENV.get_template("report.html.j2").render(
        doc=doc,
        stories=doc.stories,
        articles=anchors.articles,
        anchor=anchors,
        cited=cited,
        charts=charts,
        titles={s.id: s.title for s in doc.stories},
        version=__version__,
    )


def _svg(story: Story) -> Markup | None:
    svg = figures_chart(story.claims, salt=story.id)
    # matplotlib's own SVG output: no article text reaches it except legend
    # labels and titles, which matplotlib escapes as XML text
    return Markup(svg) if svg else None


def _story_spans(story: Story) -> list[Span]:
    spans = [c for s in story.summary for c in s.citations]
    spans += [x.evidence for c in story.claims for x in c.support]
    spans += [e for t in story.timeline for e in t.evidence]
    return spans


def write_html(doc: Document, target: str) -> None:
    """Write the report to ``target`` atomically."""
    write_text(target, render_html(doc))


def render_story_section(
    story: Story, articles: list[Article], titles: dict[str, str] | None = None
) -> str:
    """One story's brief as an HTML fragment (what a story page shows); related
    stories link to their pages, named by ``titles`` where given."""
    anchors = Anchors(articles)
    cited: dict[str, set[int]] = {}
    for span in _story_spans(story):
        cited.setdefault(span.article, set()).add(anchors.sentence_start(span))
    template = _ENV.from_string(
        '{% from "_story.html.j2" import story_section %}'
        '{{ story_section(s, articles, anchor, cited, chart, titles, "/stories/") }}'
    )
    return template.render(
        s=story, articles=anchors.articles, anchor=anchors, cited=cited, chart=_svg(story),
        titles=titles or {},
    )  # fmt: skip
