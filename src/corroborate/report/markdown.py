"""The brief as Markdown: the same sections as the HTML report, with numbered
evidence notes (outlet, date and the quoted span) under each story."""

from __future__ import annotations

from corroborate.labels import source_label
from corroborate.model import Article, Document, Span, Story
from corroborate.report.output import write_text
from corroborate.words import counted


def _md(text: str) -> str:
    """Article text made inert in Markdown: no markup, links or HTML."""
    text = " ".join(text.split())
    for ch in "\\`*_{}[]<>#|!":
        text = text.replace(ch, "\\" + ch)
    return text


class _Notes:
    def __init__(self, articles: dict[str, Article]) -> None:
        self.articles = articles
        self.spans: list[Span] = []

    def cite(self, spans: list[Span]) -> str:
        refs = []
        for sp in spans:
            if sp not in self.spans:
                self.spans.append(sp)
            refs.append(f"[{self.spans.index(sp) + 1}]")
        return "".join(refs)

    def render(self) -> list[str]:
        out = []
        for i, sp in enumerate(self.spans, 1):
            a = self.articles.get(sp.article)
            who = source_label(a) if a else sp.article
            when = a.published.isoformat() if a and a.published else "undated"
            out.append(
                f"{i}. {_md(who)}, {when} ({sp.article} @{sp.start}): “{_md(sp.text[:240])}”"
            )
        return out


def story_markdown(story: Story, articles: dict[str, Article]) -> str:
    notes = _Notes(articles)
    lines = [f"## {_md(story.title)}", ""]
    span = ""
    if story.first_seen:
        span = story.first_seen.isoformat()
        if story.last_seen and story.last_seen != story.first_seen:
            span += f" – {story.last_seen.isoformat()}"
        span += " · "
    lines += [
        f"{span}{counted(len(story.articles), 'article')}, {counted(len(story.sources), 'original')} · "
        f"**{story.state}**: {_md(story.state_reason)}",
        "",
        "### Summary",
        "",
    ]
    for i, x in enumerate(story.summary, 1):
        per = f" — per {_md(', '.join(x.origins))}" if x.origins else ""
        lines.append(f"{i}. {_md(x.text)} {notes.cite(x.citations)}{per}")
    figs = sorted(
        (c for c in story.claims if c.kind == "figure"), key=lambda c: -c.independent_sources
    )
    lines += ["", "### Key figures", ""]
    if figs:
        lines += [
            "| Figure | As of | Origins | Independent | Reported by | Evidence |",
            "|---|---|---|---|---|---|",
        ]
        for c in figs[:15]:
            outlets = len(dict.fromkeys(x.outlet or x.article for x in c.support))
            lines.append(
                f"| {_md(c.text)} | {c.as_of or ''} | {_md('; '.join(c.origins))} | "
                f"{c.independent_sources} | {outlets} outlet{'s' if outlets != 1 else ''} | "
                f"{notes.cite([s.evidence for s in c.support])} |"
            )
    else:
        lines.append("No figures reported.")
    lines += ["", "### Conflicts", ""]
    for k in story.conflicts:
        values = "; ".join(
            f"{_md(v.value or '')} per {_md(v.origin)} {notes.cite([v.evidence])}" for v in k.values
        )
        lines.append(f"- **{_md(k.measure)}** ({_md(k.subject or '')}, {k.as_of or ''}): {values}")
    if not story.conflicts:
        lines.append("No conflicting figures.")
    by_id = {c.id: c for c in story.claims}
    if story.estimates:
        lines += ["", "### Competing estimates", ""]
        for est in story.estimates:
            values = " · ".join(
                f"{_md(c.support[0].value or '')} per {_md(', '.join(c.origins))}"
                f"{' as of ' + c.as_of if c.as_of else ''} {notes.cite([x.evidence for x in c.support])}"
                for c in (by_id[i] for i in est.claims if i in by_id)
            )
            mark = " (contested)" if est.contested else ""
            subject = f" ({_md(est.subject)})" if est.subject else ""
            lines.append(f"- **{_md(est.measure)}**{subject}{mark}: {values}")
    if story.evolution:
        lines += ["", "### How figures evolved", ""]
        for e in story.evolution:
            steps = " → ".join(
                f"{p.as_of} {_md(p.value or '')} ({_md(p.origin)}) {notes.cite([p.evidence])}"
                for p in e.points
            )
            lines.append(f"- **{_md(e.measure)}**: {steps}")
    lines += ["", "### Who said what", ""]
    speakers: dict[str, list] = {}
    for c in story.claims:
        if c.kind == "statement":
            who = c.speaker or "?"
            speakers.setdefault(who if c.speaker_named else f"{who} (unnamed)", []).append(c)
    for speaker, items in speakers.items():
        lines.append(f"- **{_md(speaker)}**")
        for c in items:
            lines.append(f"  - “{_md(c.text)}” {notes.cite([s.evidence for s in c.support])}")
    if not speakers:
        lines.append("No attributed statements.")
    lines += ["", "### Timeline", ""]
    for t in story.timeline:
        lines.append(f"- {t.date}: {_md(t.text)} {notes.cite(t.evidence)}")
    if not story.timeline:
        lines.append("No dated events.")
    lines += ["", "### Sources", ""]
    for src in story.sources:
        copies = ", ".join(_md(source_label(articles[c])) for c in src.copies if c in articles)
        when = src.published.isoformat() if src.published else "undated"
        a = articles.get(src.article)
        name = source_label(a) if a is not None else src.outlet or src.article
        lines.append(
            f"- {_md(name)}, {when}"
            + (f": {_md(src.title)}" if src.title else "")
            + (f" <{src.url}>" if src.url and " " not in src.url and ">" not in src.url else "")
            + (f" (also published by {copies})" if copies else "")
        )
    lines += ["", "#### Evidence", "", *notes.render(), ""]
    return "\n".join(lines)


def render_markdown(doc: Document) -> str:
    articles = {a.id: a for a in doc.articles}
    parts = [
        "# corroborate brief",
        "",
        f"{counted(len(doc.articles), 'article')}, {counted(len(doc.stories), 'story')}, "
        f"{counted(len(doc.errors), 'input error')}.",
        "",
    ]
    parts += [story_markdown(s, articles) for s in doc.stories]
    return "\n".join(parts)


def write_markdown(doc: Document, target: str) -> None:
    """Write the brief to ``target`` (``-`` for stdout) atomically."""
    write_text(target, render_markdown(doc))
