"""Attributed statements: direct quotes and reported speech, with their speakers.

Quotes are paired per paragraph in every common style (straight, curly,
guillemets, low-high), so a quote may span sentences. A speaker comes from
the reporting clause next to the quote (`," said X`, `X told DW: "`), from
the quote before it in the same paragraph, or from the paragraph before.
Indirect speech is found by reporting verbs ("X said that", "according to
X", "..., X said", "As X points out, ...").

Speakers resolve to entities: names directly, pronouns to the last speaker
(news keeps one speaker per passage), descriptions ("the Japanese
professor", "the spy agency") to the entity whose role or name fits.

Every attribution found is also returned as an ``Attribution`` covering the
text it governs, so figures inside it get their source. Who said a quote is
``quoted``; reported speech in a sentence is ``reported``; this module walks
the sentences and keeps what each found.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from corroborate.extract.clauses import (
    CALLED_TAIL,
    NAMED_AFTER,
    Masked,
)
from corroborate.extract.entities import ArticleEntities
from corroborate.extract.lexicon import (
    CUE_KIND,
    DENIAL_CUES,
)
from corroborate.extract.quoted import (
    previous_quote_speaker,
    quote_heading,
    quote_speaker,
    short_said,
    starts_paragraph,
)
from corroborate.extract.quotes import Quote, find_quotes, mask
from corroborate.extract.reported import cited_source, reported_speech
from corroborate.extract.speakers import Resolver, Source
from corroborate.model import Sentence, Span, Statement
from corroborate.text.scan import Tokens

MIN_QUOTE_WORDS = 4


@dataclass(slots=True)
class Attribution:
    """A stretch of text ``[start, end)`` credited to ``sources`` (relayed by ``via``)."""

    start: int
    end: int
    sources: list[Source]
    via: Source | None = None
    cue: str = ""


@dataclass(slots=True)
class StatementResult:
    statements: list[Statement] = field(default_factory=list)
    attributions: list[Attribution] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    sources: list[Source] = field(default_factory=list)  # parallel to statements


def extract_statements(
    text: str,
    sentences: list[Sentence],
    ents: ArticleEntities,
    article_id: str,
    tokens: Tokens | None = None,
    headings: list[tuple[int, int]] | None = None,
) -> StatementResult:
    """Statements and attributions of one article's clean text."""
    quotes = find_quotes(text)
    masked = mask(text, quotes)
    mk = Masked(masked, tokens or Tokens(text), headings)
    masked = mk.text
    res = StatementResult(quotes=quotes)
    resolver = Resolver(text, ents)
    spoken: dict[int, tuple[list[Source], str]] = {}
    # Sentences in order; quotes are handled in the sentence where they open.
    qi = 0
    prev_para_speaker: tuple[list[Source], str] | None = None
    spoke_at = -1  # where the last reported speech was
    for sent in sentences:
        s, e = sent.start, sent.end
        sent_quotes = []
        while qi < len(quotes) and quotes[qi].open < e:
            if quotes[qi].open >= s:
                sent_quotes.append(quotes[qi])
            qi += 1
        long_quotes = [
            q
            for q in sent_quotes
            if len(text[q.start : q.end].split()) >= MIN_QUOTE_WORDS
            or CALLED_TAIL.search(masked, max(s, q.open - 120), q.open)  # called it "a mistake"
            or short_said(text, masked, q, s, e)  # "It's heartbreaking," Ryan said.
        ]
        indirect = reported_speech(text, mk, s, e, resolver)
        embedded = _in_reported(text, long_quotes, indirect, marks=True)
        covered = _in_reported(text, long_quotes, indirect, marks=False)
        for q in long_quotes:
            if q.open in embedded:
                continue  # "X said his team had played “the best football”": reported speech
            if quote_heading(text, q):
                continue
            found = quote_speaker(text, masked, q, s, quotes, resolver)
            if found is None and text[s : q.open].strip(" \"“”'‘’«»—–-"):
                continue  # a quoted name or term inside a sentence, not a continuation
            if (
                found is None
                and NAMED_AFTER.match(text, q.close + 1, e)
                and mk.verbs_in(q.close, e)
            ):
                # the quote names its own speaker ("..., Mr. Holtz-Eakin said") but the
                # name could not be resolved: never lend it another's speaker ("he
                # said" still takes the last speaker)
                continue
            if found is None:
                prev = previous_quote_speaker(text, q, quotes, spoken)
                if prev is not None:
                    found = prev
                elif prev_para_speaker is not None and (
                    starts_paragraph(text, q) or spoke_at >= text.rfind("\n", 0, q.open)
                ):
                    # a quote opening a paragraph, or a sentence after the speaker's
                    # own reported words in this paragraph ("X says ... . “...”")
                    found = prev_para_speaker
            if found is None:
                continue
            sources, cue = found
            spoken[q.open] = found
            resolver.spoke(sources)
            prev_para_speaker = found
            ev = Span(article_id, q.start, q.end, text[q.start : q.end])
            _add(res, sources, text[q.start : q.end].strip(" ,"), True, ev, cue)
            cited = cited_source(text, mk, q.close, e, resolver)
            if cited:
                res.attributions.append(Attribution(q.start, q.end, cited, sources[0], cue))
            else:
                res.attributions.append(Attribution(q.start, q.end, sources, cue=cue))
        for start, end, sources, via, cue, content in indirect:
            res.attributions.append(Attribution(start, end, sources, via, cue))
            speakers = [via] if via else sources
            # reported speech, unless the sentence also quotes words outside
            # all of its reported clauses ("X said ..., adding that ..." has two)
            if speakers and not content and text[start:end].rstrip().endswith(":"):
                # "The Daily Ledger reports:" and the quote in the next paragraph
                prev_para_speaker = (speakers, cue)
            if (
                speakers
                and content
                and all(
                    q.open in covered
                    or q.start >= content[1]
                    # words after a quote's own attribution ('"...," X said, adding
                    # that ...') are more reported speech; the verb signing the
                    # quote reports nothing more ('"...," X said in a statement')
                    or (q.end <= content[0] and (cue.endswith("ing") or not _signs(text, q, start)))
                    for q in long_quotes
                )
            ):
                resolver.spoke(speakers)
                prev_para_speaker = (speakers, cue)
                spoke_at = start
                a, b = content
                if any(q.open <= a and b <= q.close + 1 for q in long_quotes if q.open in spoken):
                    continue  # 'saying, "..."': the quote itself, told once, as a quote
                # keep the opening mark of a quote the reported words open with
                a = next((q.open for q in sent_quotes if q.start == a and q.close < b), a)
                ev = Span(article_id, a, b, text[a:b])
                _add(res, speakers, text[a:b], False, ev, cue)
    return res


def _signs(text: str, q: Quote, start: int) -> bool:
    """Whether a clause starting at ``start`` right after quote ``q`` signs it."""
    return q.close < start and not text[q.close + 1 : start].strip(" ,\"”’'—–-")


def _in_reported(
    text: str, quotes: list[Quote], indirect: list[tuple[Any, ...]], marks: bool
) -> set[int]:
    """The quotes (by where they open) inside some reported clause of their
    sentence: the quote marks too with ``marks`` (then the words are reported
    speech, not a quote of their own), else the quoted words."""
    return {
        q.open
        for q in quotes
        for *_, content in indirect
        if content
        and (
            content[0] <= (q.open if marks else q.start)
            # a clause opening with a quote that it goes on past (“...” to the
            # front, according to X): the quote is a part of reported words
            or (marks and content[0] <= q.start and content[1] > q.close + 1)
        )
        # (the clause leaves out the punctuation and the marks it ends with)
        and (q.close if marks else q.end) <= _past_marks(text, content[1])
    }


def _past_marks(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in " ,.;:!?\"”’'":
        pos += 1
    return pos


def _add(
    res: StatementResult, sources: list[Source], content: str, direct: bool, ev: Span, cue: str
) -> None:
    if not sources:
        return
    src = sources[0]
    names = [s.name for s in sources]  # "Ukraine, the US and South Korea"
    name = ", ".join(names[:-1]) + " and " + names[-1] if len(names) > 1 else src.name
    role = src.entity.role if src.entity and src.entity.type == "person" else None
    low_cue = " ".join(cue.lower().split())
    kind = "speech" if direct else CUE_KIND.get(low_cue, "speech")
    polarity = "negative" if not direct and low_cue in DENIAL_CUES else "positive"
    owner = src.entity.id if src.entity else None
    res.statements.append(Statement(name, content, direct, [ev], owner, role, cue, kind, polarity))
    res.sources.append(src)
