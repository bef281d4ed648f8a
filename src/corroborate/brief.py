"""The brief of one story: title, cited summary, timeline and sources.

The summary picks 3-7 sentences from the story's English articles (copies
excluded). A sentence scores by the claims it carries, each weighted by its
number of independent origins, plus how central its words are to the story;
sentences too close to one already chosen are skipped (maximal marginal
relevance), and the chosen ones are put back in story order. Every summary
sentence cites its own span first, then the other reports of the claims it
carries, so a reader can check each statement against every source.

A story's conflicts are stated in words after its first sentence ("Figures
for casualties (North Korean soldiers) in December 2024 differ: nearly 3,000
per Volodymyr Zelensky, 1,000 per Seoul."), citing the reports that disagree.
"""

from __future__ import annotations

import calendar
import math
import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Any

from corroborate.extract.lexicon import SPEECH_VERBS
from corroborate.model import (
    Article,
    Claim,
    Conflict,
    Extraction,
    SourceRef,
    Span,
    SummarySentence,
    TimelineEntry,
    chronological,
)

MIN_SENTENCES, MAX_SENTENCES = 3, 7
_WORD = re.compile(r"[^\W\d_]{3,}")
_STOP = frozenset(
    "the and that with from this have has had were was are for not but his her its their "
    "they them said says will would could also been into after about more than over who "
    "which what when where there other some such only just".split()
)


def _words(text: str) -> Counter[str]:
    return Counter(w for w in _WORD.findall(text.lower()) if w not in _STOP)


def _cosine(a: Counter[str], b: Counter[str]) -> float:
    common = set(a) & set(b)
    if not common:
        return 0.0
    dot = sum(a[w] * b[w] for w in common)
    return dot / math.sqrt(sum(v * v for v in a.values()) * sum(v * v for v in b.values()))


# words that open a fronted adverbial phrase ("During the interview, ...")
_FRONTING = (
    "In|On|At|During|After|Before|Since|Until|When|While|As|Asked|Speaking|Later|Earlier"
    "|Then|Now|Last|Yesterday|Today|Separately|Meanwhile|However|But|And|Still|Instead"
    "|According|Despite|Without|With|For|From|Under|Over|Within|Following|Once"
)
# a sentence that leans on the one before it: a bare pronoun or pointer first,
# or a pronoun subject after a fronted phrase ("During the interview, he said")
_LEANS_BACK = re.compile(
    r"(?:He|She|They|It|We|I|This|That|These|Those|His|Her|Their)\b"
    r"|(?:" + _FRONTING + r")\b[^,.;:\"“”]{0,60},\s+(?:he|she|they|we|I)\s"
)


def _heading(text: str) -> bool:
    """A subheading: a short line without a sentence's closing punctuation."""
    line = text.strip()
    return len(line.split()) <= 10 and line[-1:] not in '.!?"”’)' and "\n" not in line


def _sentence_start(article: Article | None, span: Span) -> int:
    """Where the sentence holding ``span`` starts (the span's own start if unknown)."""
    if article is None:
        return span.start
    starts = [s.start for s in article.sentences]
    k = bisect_left(starts, span.start + 1) - 1
    return starts[k] if k >= 0 else span.start


_WORDY = re.compile(r"[^\W\d_]{3,}")
_ID_TITLE = re.compile(r"\b(?:ID|No|Nr)\b\.?\s*:?\s*\d", re.I)


# words of a site's menu: a "title" with several is the page's navigation bar
_MENU = frozenset(["home", "news", "sports", "sport", "obits", "obituaries", "newsletters",
                   "opinion", "contact", "subscribe", "weather", "business", "entertainment",
                   "notices", "lifestyle", "video", "videos", "podcasts", "classifieds",
                   "e-edition", "menu", "login", "search"])  # fmt: skip


def _headline(title: str) -> bool:
    """A title that reads as a headline, not a page's id ("News ID: 112853")
    or its menu ("Today's Paper Local News Obits Latest News Newsletters")."""
    words = _WORDY.findall(title)
    menu = sum(w.lower() in _MENU for w in words)
    return len(words) >= 3 and not _ID_TITLE.search(title) and menu < 3


def story_title(articles: Sequence[Article]) -> str:
    """The title of the most central English original, else the first line."""
    originals = [a for a in articles if not a.duplicate_of] or list(articles)
    usable = [a for a in originals if a.title and _headline(a.title)]
    titled = [a for a in usable if a.language in (None, "en")] or usable
    if not titled:
        first = originals[0].text.strip().split("\n", 1)[0]
        return first[:100] + ("…" if len(first) > 100 else "")
    centroid = sum((_words(a.text) for a in originals), Counter())
    best = max(
        titled, key=lambda a: (_cosine(_words(a.title or ""), centroid), -len(a.title or ""))
    )
    return best.title or ""


def summary(
    articles: Sequence[Article],
    claims: Sequence[Claim],
    limit: int = 5,
    stated: Iterable[str] = (),
) -> list[SummarySentence]:
    """3-7 cited sentences (fewer only if the story has fewer).

    Each figure is told once: a sentence repeating a figure claim of a chosen
    sentence, or of ``stated`` (the claims the conflict sentences state), is
    taken only when too few sentences are left."""
    limit = max(MIN_SENTENCES, min(MAX_SENTENCES, limit))
    originals = [a for a in articles if not a.duplicate_of and a.language in (None, "en")]
    order = {a.id: i for i, a in enumerate(sorted(originals, key=chronological))}
    centroid = sum((_words(a.text) for a in originals), Counter())
    # where each claim is reported: (start, claim number) per article, sorted,
    # so a sentence finds its claims by bisection (linear in the text, not
    # sentences x claims)
    at: dict[str, list[tuple[int, int]]] = {}
    for k, c in enumerate(claims):
        for s in c.support:
            at.setdefault(s.article, []).append((s.evidence.start, k))
    for marks in at.values():
        marks.sort()
    value = [c.independent_sources + (len(c.articles) - 1) * 0.5 for c in claims]
    candidates = []
    for a in originals:
        marks = at.get(a.id, [])
        for sent in a.sentences:
            text = a.text[sent.start : sent.end].strip()
            if len(text.split()) < 7 or not text[:1].isupper() or text[-1:] not in '.!"”’)':
                continue
            lo = bisect_left(marks, (sent.start, -1))
            hi = bisect_left(marks, (sent.end, -1))
            nums = sorted({k for _, k in marks[lo:hi]})
            carried = [claims[k] for k in nums]
            weight = sum(value[k] for k in nums)
            words = _words(text)
            score = weight + 2.0 * _cosine(words, centroid)
            span = Span(a.id, sent.start, sent.end, a.text[sent.start : sent.end])
            candidates.append((score, order[a.id], sent.start, span, words, carried))
    candidates.sort(key=lambda c: (-c[0], c[1], c[2]))
    chosen: list[tuple] = []
    covered: set[str] = set(stated)
    for relax in (False, True):  # first new claims only; then fill up if too few
        for cand in candidates:
            if len(chosen) >= limit:
                break
            if any(cand is c or _cosine(cand[4], c[4]) > 0.4 for c in chosen):
                continue  # says what a chosen sentence says
            ids = {c.id for c in cand[5] if c.kind == "figure"}
            if not relax and ids & covered:
                continue  # a figure it gives is in the summary already
            if not relax and _LEANS_BACK.match(cand[3].text.lstrip()) and not _nameable(cand):
                continue  # "He said ...": out of its article, no one knows who
            chosen.append(cand)
            covered |= ids
        if len(chosen) >= MIN_SENTENCES:
            break
    chosen.sort(key=lambda c: (c[1], c[2]))
    by_id = {a.id: a for a in articles}
    out = []
    for _, _, _, span, _, carried in chosen:
        cites = [span]
        seen = {(span.article, span.start)}  # one citation per cited sentence
        for c in carried:
            for s in c.support:
                key = (
                    s.evidence.article,
                    _sentence_start(by_id.get(s.evidence.article), s.evidence),
                )
                if key not in seen:
                    seen.add(key)
                    cites.append(s.evidence)
        origins = list(dict.fromkeys(o for c in carried for o in c.origins))
        text = _named(span.text.strip(), _speaker_of(carried, origins))
        out.append(SummarySentence(text, cites, [c.id for c in carried], origins))
    return out


# the subject of a reporting verb that names no one: a pronoun, or a
# description in lower case ("The spy agency believes", "She said")
_UNNAMED_SUBJECT = re.compile(
    r"(?P<pro>He|She|They|It)\b(?=\s+(?:\w+\s+)?(?:" + "|".join(SPEECH_VERBS) + r")\b)"
    r"|(?P<desc>(?:The|A|An)\s+(?:[a-z][\w'’-]*\s+){0,4}?[a-z][\w'’-]*)"
    r"(?=\s+(?:has\s+|have\s+|had\s+|also\s+)?(?:" + "|".join(SPEECH_VERBS) + r")\b)"
)


def _nameable(cand: tuple[Any, ...]) -> bool:
    """Can the pronoun that opens a candidate sentence be named ("He said" of
    one named speaker: "[Ida Lunn] said")?"""
    carried: list[Claim] = cand[5]
    origins = list(dict.fromkeys(o for c in carried for o in c.origins))
    m = _UNNAMED_SUBJECT.match(cand[3].text.lstrip())
    return m is not None and m["pro"] is not None and _speaker_of(carried, origins) is not None


def _speaker_of(carried: Sequence[Claim], origins: list[str]) -> str | None:
    """The one named source a sentence's claims stand on: a statement's
    speaker, else the one origin of all its claims."""
    speakers = {c.speaker for c in carried if c.kind == "statement" and c.speaker
                and c.speaker_named}  # fmt: skip
    if len(speakers) == 1:
        return speakers.pop()
    return origins[0] if len(origins) == 1 and not speakers else None


def _named(text: str, speaker: str | None) -> str:
    """A summary sentence that stands alone: a pronoun or a description as its
    subject gets the source's name in brackets ("The spy agency [National
    Intelligence Service] believes", "[Volodymyr Zelensky] said"), as an editor
    would, unless the sentence names the source already."""
    m = _UNNAMED_SUBJECT.match(text)
    if m is None or speaker is None or _names(text, speaker):
        return text
    if m["pro"]:
        return f"[{speaker}]" + text[m.end() :]
    return text[: m.end()] + f" [{speaker}]" + text[m.end() :]


def _names(text: str, speaker: str) -> bool:
    """Does the sentence name the speaker, or the last word of the name as a
    name ("Zelensky", not the "agency" of "The agency said")?"""
    return speaker.lower() in text.lower() or (
        " " in speaker and re.search(rf"\b{re.escape(speaker.split()[-1])}\b", text) is not None
    )


MAX_CONFLICT_SENTENCES = 2


def stated_conflicts(found: Sequence[Conflict]) -> list[Conflict]:
    """The conflicts the summary states in words."""
    return list(found[:MAX_CONFLICT_SENTENCES])


def with_conflicts(
    sentences: list[SummarySentence], found: Sequence[Conflict]
) -> list[SummarySentence]:
    """The summary with the story's first conflicts stated after its first sentence."""
    stated = [conflict_sentence(c) for c in stated_conflicts(found)]
    return sentences[:1] + stated + sentences[1:]


def conflict_sentence(c: Conflict) -> SummarySentence:
    """One conflict in words, citing each disagreeing report."""
    what = c.measure + (f" ({c.subject})" if c.subject else "")
    when = f" {_period(c.as_of)}" if c.as_of else ""
    values = ", ".join(f"{v.value} per {v.origin}" for v in c.values)
    cites = list(dict.fromkeys(v.evidence for v in c.values))
    origins = list(dict.fromkeys(v.origin for v in c.values))
    return SummarySentence(f"Figures for {what}{when} differ: {values}.", cites, list(c.claims),
                           origins, composed=True)  # fmt: skip


def _period(iso: str) -> str:
    """An ISO date or period as words: "in December 2024", "on 16 December 2024"."""
    parts = iso.split("-")
    if "/" in iso or not all(p.isdigit() for p in parts):
        return f"for {iso}"
    if len(parts) == 3:
        return f"on {int(parts[2])} {calendar.month_name[int(parts[1])]} {parts[0]}"
    if len(parts) == 2:
        return f"in {calendar.month_name[int(parts[1])]} {parts[0]}"
    return f"in {parts[0]}"


def timeline(
    extraction: Extraction, articles: Sequence[Article], limit: int = 20
) -> list[TimelineEntry]:
    """Dated events: each resolved day or month with the sentence reporting it,
    earliest first; one entry per date (the first report, then its echoes)."""
    by_id = {a.id: a for a in articles}
    entries: dict[str, TimelineEntry] = {}
    for t in extraction.dates:
        if t.start is None or t.granularity not in ("day", "weekend", "week", "month"):
            continue
        art = by_id.get(t.span.article)
        if art is None or art.duplicate_of:
            continue
        if art.published and t.start == art.published and t.end == art.published:
            continue  # "on Monday" = the day of publication: a dateline, not an event
        sent = next((s for s in art.sentences if s.start <= t.span.start < s.end), None)
        if sent is None or _heading(art.text[sent.start : sent.end]):
            continue  # "Military training in November": a subheading, not an event
        span = Span(art.id, sent.start, sent.end, art.text[sent.start : sent.end])
        key = t.iso or ""
        if key in entries:
            if span not in entries[key].evidence:
                entries[key].evidence.append(span)
            continue
        entries[key] = TimelineEntry(key, t.start, span.text.strip(), [span])
    ordered = sorted(entries.values(), key=lambda e: (e.start, -len(e.evidence)))
    return ordered[:limit]


def sources(articles: Sequence[Article]) -> list[SourceRef]:
    """Originals in date order, each with the articles that reprint it."""
    copies: dict[str, list[str]] = {}
    for a in articles:
        if a.duplicate_of:
            copies.setdefault(a.duplicate_of, []).append(a.id)
    return [
        SourceRef(a.id, a.outlet, a.published, a.url, a.title, a.language, copies.get(a.id, []))
        for a in sorted(articles, key=chronological)
        if not a.duplicate_of
    ]
