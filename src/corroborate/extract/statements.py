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
text it governs, so figures inside it get their source.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field

from corroborate.extract.entities import ArticleEntities
from corroborate.extract.lexicon import (
    CUE_KIND,
    DENIAL_CUES,
    SPEECH_PHRASES,
    SPEECH_VERBS,
    THAT_ONLY_CUES,
)
from corroborate.extract.quotes import Quote, find_quotes, mask
from corroborate.extract.speakers import MAX_SPEAKER_WORDS, Resolver, Source, singular_person
from corroborate.model import Sentence, Span, Statement
from corroborate.text.scan import Tokens, anchored_finditer

_VERB_ALT = "|".join(
    [p.replace(" ", r"\s+") for p in sorted(SPEECH_PHRASES, key=len, reverse=True)]
    + sorted(SPEECH_VERBS, key=len, reverse=True)
)
VERB = re.compile(rf"\b(?:{_VERB_ALT})\b")
_AFTER_SPK_VERB = re.compile(
    rf"^\s*[,.!?]?\s*(?P<spk>[^,.;:\"“”«»\n]{{1,90}}?)\s+(?:also\s+|then\s+|later\s+|further\s+)?(?P<verb>{_VERB_ALT})\b"
)
# `," Petra Lindqvist, a senior district police officer, told the Courier.`
_AFTER_SPK_APPOSITION_VERB = re.compile(
    rf"^\s*[,.!?]?\s*(?P<spk>[^,.;:\"“”«»\n]{{1,60}}?),\s*(?:a|an|the|who|whose|one\s+of|of|\d{{1,3}}|[RDI]-)\b"
    rf"[^.;:\"“”«»\n]{{0,120}}?,\s*(?:also\s+|later\s+)?(?P<verb>{_VERB_ALT})\b"
)
_THAT_AFTER = re.compile(r"\s+that\b")
_TELL = frozenset(["told", "tells", "tell", "telling"])
# a quote signed after a dash, the signature ending its line
_DASH_SPK = re.compile(
    r"^\s*(?:[―—–]|(?<=\s)-(?=\s))\s*(?P<spk>[^,.;:\"“”«»\n―—–]{2,60}?)\s*[.,]?\s*$"
)
_AFTER_VERB_SPK = re.compile(
    rf"^\s*[,.!?]?\s*(?P<verb>{_VERB_ALT})\s+(?P<spk>[^,.;:\"“”«»\n]{{1,90}}?)(?=\s*(?:[,.;:\n]|$))"
)
_ACCORDING = re.compile(
    r"\baccording\s+to\s+(?P<src>[^,.;:\"“”«»\n]{1,90}?)(?=\s*(?:[,.;:\n]|$|\bwhich\b|\bwho\b))",
    re.I,
)
_CITING = re.compile(
    r"\b(?:citing|quoting|citing\s+a\s+report\s+by)\s+(?P<src>[^,.;:\"“”«»\n]{1,80}?)(?=\s*(?:[,.;:\n]|$))",
    re.I,
)
_BRIEFING = re.compile(
    r"\b(?:after|following|at|during|in)\s+an?\s+(?P<src>[A-Z][^,.;:\"“”«»\n]{1,60}?)\s+briefing\b"
)
_AS_SAYS = re.compile(
    rf"^\s*As\s+(?P<spk>[^,;:\"“”«»\n]{{1,90}}?)(?:,[^,;:\"“”«»\n]{{1,120}},)?\s+(?:also\s+)?(?P<verb>{_VERB_ALT})\s*,"
)
_BOUNDARY = re.compile(
    r"[,;:()\"“”«»]|\b(?:that|while|whereas|but|and|after|because|when|if|although)\b"
)
_NAME_LIST = re.compile(
    r"^\s*(?!(?:In|On|At|By|Since|After|Before|During|For|From|Last|This|Earlier|Later|Meanwhile|However)\b)(?:(?:the\s+)?[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*\s*,\s*)+(?:the\s+)?(?:[A-Z][\w'’.-]*\s*)*(?:and\s*)?$"
)
_TRAILING_FILLER = re.compile(
    r"(?:\s+(?:also|has|have|had|will|would|then|later|further|once|again|already|still|just|"
    r"previously|reportedly|independently|initially|repeatedly|recently|now|is|are|was|were|"
    r"\w+ly))+\s*$"
)
_LEADING_FILLER = re.compile(
    r"^\s*(?:as|and|but|so|then|yet|also|meanwhile|however|which|who|while|whereas|although|"
    r"though|because|since|when|if)\s+",
    re.I,
)
_TIME_TAIL = re.compile(r"\s+(?:on|this|last|in|at)\s+\S+\s*$")
# what stands between a reporting verb and its content: when and where it was
# said ("said on Monday in a statement"), and after "told" its listener
_ADVERBIAL = (
    r"(?:on|this|last|in)\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|\w+day|week|month)|"
    r"in\s+an?\s+(?:\w+\s+)?(?:statement|interview|message|post|video|report)|"
    r"on\s+(?:his|her|its|their)\s+\w+(?:\s+account)?"
)
_OBJECT_AFTER_VERB = re.compile(rf"\s*(?:(?:{_ADVERBIAL})\s*)*(?:,\s*)?(?:that\s+)?")
_LISTENER_AFTER_VERB = re.compile(
    r"\s*(?:(?:him|her|them|us|me|reporters|journalists|the\s+press|"
    rf"(?:the\s+)?[A-Z][\w.]*(?:\s+[A-Z][\w.]*){{0,3}}|{_ADVERBIAL})\s*)*(?:,\s*)?(?:that\s+)?"
)
# what a statement is about, before its content: "said of the pace of X that ..."
_TOPIC_THAT = re.compile(r"\s*(?:of|about|on)\s+[^,;:.\"“”]{1,80}?\s+that\s+")
_CITE_TAIL = re.compile(r",\s*citing\s+[^,]+,\s*$")
_TIME_WORD = re.compile(r"(?:day|week|month|year|morning|evening|night)\b")
_APPOSITIVE_NAME = re.compile(r",\s*((?:[A-Z][\w.'’-]*\s*){1,5}),\s*$")
# end-anchored tails, searched only over the last few characters
_COPULA_TAIL = re.compile(r"\b(?:is|are|was|were|be|been|being)\s*$")
# "Sanders: Clinton needs to ...", "WALLACE: But, Governor, ...": one to three
# name words, a colon, the words
_COLON_SPK = re.compile(r"\s*\W?(?P<spk>[A-Z][\w'’·-]*(?:\s+[A-Z][\w'’·-]*){0,2}):\s+(?=\S)")
_AND_TAIL = re.compile(r"\band\s*$")
# a sentence's subject, a name, before its first verb (an apposition allowed)
_LEAD_SUBJECT = re.compile(
    r"\s*(?P<spk>(?:(?:[A-Z][\w.'’-]*|of|the)\s+){0,5}[A-Z][\w'’-]*)(?:\s*,[^,]{1,80},)?"
    r"\s+(?:\w+ly\s+)?[a-z]"
)
# what follows a mid-sentence attribution: the rest of the reported clause
_PARENTHETICAL_REST = re.compile(
    r"(?<=,)\s+(?!citing|quoting|adding|saying|noting|according)[a-z]+\s+\w+\s+\w+"
)
_ARTICLE_TAIL = re.compile(r"\b(?:the|a|an)\s*$", re.I)
_CONVINCED = re.compile(r"\b(?:is|are|was|were)\s+(?:also\s+)?convinced")
_ACCORDING_AFTER = re.compile(r"^\s*,?\s*(?:" + _ACCORDING.pattern + ")", re.I)
_CLAUSE_BREAK = re.compile(r",\s*(?:while|whereas|but)\b|;")
_TIME_TRAILER = re.compile(
    r"^\s*(?:(?:on|this|last|in|at|late|earlier)\s+\w+(?:\s+\w+)?\s*)?(?:[,.;!?]|$)"
)


def _ends_with_comma(text: str, a: int, b: int) -> bool:
    """Whether ``text[a:b]`` ends with a comma, spaces aside."""
    k = b
    while k > a and text[k - 1].isspace():
        k -= 1
    return k > a and text[k - 1] == ","


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


def _word_end(text: str, pos: int) -> int:
    while pos < len(text) and (text[pos].isalpha() or text[pos] == "-"):
        pos += 1
    return pos


def _speaker_segment(masked: str, lo: int, verb_start: int) -> tuple[int, int] | None:
    """The noun phrase before a reporting verb, back to the last clause boundary."""
    seg_start = lo
    for m in _BOUNDARY.finditer(masked, lo, verb_start):
        seg_start = m.end()
    if seg_start > lo and _NAME_LIST.match(masked[lo:seg_start]):
        seg_start = lo  # "Ukraine, the United States and South Korea accuse ..."
    cite = _CITE_TAIL.search(masked[lo:verb_start])
    if cite and seg_start >= lo + cite.start():
        seg_start = lo
        for m in _BOUNDARY.finditer(masked, lo, lo + cite.start()):
            seg_start = m.end()
        verb_start = lo + cite.start()
    seg = masked[seg_start:verb_start]
    lead = _LEADING_FILLER.match(seg)
    a = seg_start + (lead.end() if lead else 0)
    seg = masked[a:verb_start]
    t = _TRAILING_FILLER.search(seg)
    b = a + (t.start() if t else len(seg))
    seg = masked[a:b]
    tt = _TIME_TAIL.search(seg)
    if tt and _TIME_WORD.search(seg, tt.start()):
        b = a + tt.start()
    while a < b and masked[a] == " ":
        a += 1
    if a >= b and _ends_with_comma(masked, lo, verb_start):
        # "The mayor, Jonas Pell, said": the name between the commas
        inner = _APPOSITIVE_NAME.search(masked[lo:verb_start])
        first = masked.find(",", lo, verb_start)
        if inner and first < lo + inner.start(1) and not _NAME_LIST.match(masked[lo:verb_start]):
            a, b = lo + inner.start(1), lo + inner.end(1)
            while b > a and masked[b - 1] == " ":
                b -= 1
            return a, b
        # "Toshimitsu Shigemura, a professor at ..., is also convinced": skip the appositive
        if first > lo and len(masked[lo:first].split()) <= 6:
            a, b = lo, first
            lead = _LEADING_FILLER.match(masked[a:b])
            a += lead.end() if lead else 0
    if (
        _COPULA_TAIL.search(masked, max(lo, verb_start - 12), verb_start)
        and not _CONVINCED.search(masked[b : verb_start + 30])
        and not masked.startswith("ing", _word_end(masked, verb_start) - 3)
    ):
        return None  # passive: "It is believed that", "units considered" ("is saying": active)
    if a >= b or len(masked[a:b].split()) > MAX_SPEAKER_WORDS or "x" * 4 in masked[a:b]:
        return None
    return a, b


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
    mk = _Masked(masked, tokens or Tokens(text), headings)
    masked = mk.text
    res = StatementResult(quotes=quotes)
    resolver = Resolver(text, ents)
    quote_speaker: dict[int, tuple[list[Source], str]] = {}
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
            or _CALLED_TAIL.search(masked, max(s, q.open - 120), q.open)  # called it "a mistake"
            or _short_said(text, masked, q, e)  # "It's heartbreaking," Ryan said.
        ]
        indirect = _indirect(text, mk, s, e, resolver)
        embedded = {
            q.open
            for q in long_quotes
            for *_, content in indirect
            if content and content[0] <= q.open and q.close <= content[1]
        }
        for q in long_quotes:
            if q.open in embedded:
                continue  # "X said his team had played “the best football”": reported speech
            if _quote_heading(text, q):
                continue
            found = _quote_speaker(text, masked, q, s, quotes, resolver)
            if found is None and text[s : q.open].strip(" \"“”'‘’«»—–-"):
                continue  # a quoted name or term inside a sentence, not a continuation
            if (
                found is None
                and _NAMED_AFTER.match(text, q.close + 1, e)
                and mk.verbs_in(q.close, e)
            ):
                # the quote names its own speaker ("..., Mr. Holtz-Eakin said") but the
                # name could not be resolved: never lend it another's speaker ("he
                # said" still takes the last speaker)
                continue
            if found is None:
                prev = _previous_quote_speaker(text, q, quotes, quote_speaker)
                if prev is not None:
                    found = prev
                elif prev_para_speaker is not None and (
                    _starts_paragraph(text, q) or spoke_at >= text.rfind("\n", 0, q.open)
                ):
                    # a quote opening a paragraph, or a sentence after the speaker's
                    # own reported words in this paragraph ("X says ... . “...”")
                    found = prev_para_speaker
            if found is None:
                continue
            sources, cue = found
            quote_speaker[q.open] = found
            resolver.spoke(sources)
            prev_para_speaker = found
            ev = Span(article_id, q.start, q.end, text[q.start : q.end])
            _add(res, sources, text[q.start : q.end].strip(" ,"), True, ev, cue)
            cited = _cited(text, mk, q.close, e, resolver)
            if cited:
                res.attributions.append(Attribution(q.start, q.end, cited, sources[0], cue))
            else:
                res.attributions.append(Attribution(q.start, q.end, sources, cue=cue))
        for start, end, sources, via, cue, content in indirect:
            res.attributions.append(Attribution(start, end, sources, via, cue))
            speakers = [via] if via else sources
            # reported speech, unless the sentence also quotes words outside it
            if (
                speakers
                and content
                and all(content[0] <= q.start and q.end <= content[1] for q in long_quotes)
            ):
                resolver.spoke(speakers)
                prev_para_speaker = (speakers, cue)
                spoke_at = start
                a, b = content
                ev = Span(article_id, a, b, text[a:b])
                _add(res, speakers, text[a:b], False, ev, cue)
    return res


def _add(
    res: StatementResult, sources: list[Source], content: str, direct: bool, ev: Span, cue: str
) -> None:
    if not sources:
        return
    src = sources[0]
    name = " and ".join(s.name for s in sources) if len(sources) > 1 else src.name
    role = src.entity.role if src.entity and src.entity.type == "person" else None
    low_cue = " ".join(cue.lower().split())
    kind = "speech" if direct else CUE_KIND.get(low_cue, "speech")
    polarity = "negative" if not direct and low_cue in DENIAL_CUES else "positive"
    owner = src.entity.id if src.entity else None
    res.statements.append(Statement(name, content, direct, [ev], owner, role, cue, kind, polarity))
    res.sources.append(src)


def _quote_heading(text: str, q: Quote) -> bool:
    """A line that is only a short quote is a subheading quoting someone."""
    a = text.rfind("\n", 0, q.open) + 1
    b = text.find("\n", q.close)
    b = len(text) if b < 0 else b
    line = text[a:b].strip()
    return len(line.split()) < 15 and line[:1] in '"“«„‘' and line[-1:] in '"”»“’'


def _short_said(text: str, masked: str, q: Quote, e: int) -> bool:
    """A short quote told as speech: its words end in a comma, question or
    exclamation mark and a reporting clause follows (`"It's over," Ryan said.`)."""
    if len(text[q.start : q.end].split()) < 2 or text[q.end - 1 : q.end] not in (",", "?", "!"):
        return False
    tail = masked[q.close + 1 : e]
    return any(rx.match(tail) for rx in (_AFTER_SPK_VERB, _AFTER_VERB_SPK))


def _starts_paragraph(text: str, q: Quote) -> bool:
    return q.open == 0 or text[q.open - 1] == "\n"


def _previous_quote_speaker(
    text: str, q: Quote, quotes: list[Quote], spoken: dict[int, tuple[list[Source], str]]
) -> tuple[list[Source], str] | None:
    """A quote with no reporting clause continues the previous quote in its paragraph."""
    para_start = text.rfind("\n", 0, q.open) + 1
    for p in reversed(quotes):
        if p.open >= q.open:
            continue
        if p.open < para_start:
            break
        if p.open in spoken:
            return spoken[p.open]
    return None


def _quote_speaker(
    text: str, masked: str, q: Quote, sent_start: int, quotes: list[Quote], resolver: Resolver
) -> tuple[list[Source], str] | None:
    # after the quote: `," said Chung In-beom` / `," he said.` / `,” the SBU said.`
    line_end = text.find("\n", q.close)
    line_end = len(text) if line_end < 0 else line_end
    nxt = next((p.open for p in quotes if p.open > q.close), line_end)
    tail_end = min(line_end, nxt)
    tail = masked[q.close + 1 : tail_end]
    for rx in (_AFTER_VERB_SPK, _AFTER_SPK_VERB, _AFTER_SPK_APPOSITION_VERB):
        m = rx.match(tail)
        if m and not (rx is _AFTER_VERB_SPK and m["verb"].endswith("ing")):
            # (`", noting the ...`: what follows a participle is its object)
            a, b = q.close + 1 + m.start("spk"), q.close + 1 + m.end("spk")
            if len(text[a:b].split()) <= MAX_SPEAKER_WORDS:
                srcs = resolver.resolve(a, b)
                if srcs:
                    return srcs, m["verb"]
    m = _DASH_SPK.match(tail)
    if m:  # `“...” ― Ana Ruiz` (a reader's or a poster's words, signed)
        a, b = q.close + 1 + m.start("spk"), q.close + 1 + m.end("spk")
        srcs = resolver.resolve(a, b)
        if srcs and srcs[0].entity is not None:
            return srcs, "―"
    m = _ACCORDING_AFTER.match(tail)
    if m:
        a, b = q.close + 1 + m.start("src"), q.close + 1 + m.end("src")
        srcs = resolver.resolve(a, b)
        if srcs:
            return srcs, "according to"
    # before the quote, in its sentence: `Zelensky wrote: "` / `Chung told DW that ... "`
    lo = sent_start
    for p in quotes:
        if sent_start <= p.close < q.open:
            lo = p.close + 1
    head = masked[lo : q.open]
    verbs = list(VERB.finditer(head))
    for vm in reversed(verbs):
        seg = _speaker_segment(masked, lo, lo + vm.start())
        if seg is None:
            seg_prev = _coordinated_subject(masked, lo, lo + vm.start())
            if seg_prev is None:
                continue
            seg = seg_prev
        srcs = resolver.resolve(*seg)
        if srcs:
            return srcs, vm[0]
    m = _ACCORDING.search(head)
    if m:
        srcs = resolver.resolve(lo + m.start("src"), lo + m.end("src"))
        if srcs:
            return srcs, "according to"
    m = _CALLED_TAIL.search(head)
    if m:  # `Ruiz called the plan "a disgrace"`: the quoted words are hers
        seg = _speaker_segment(masked, lo, lo + m.start("verb"))
        srcs = resolver.resolve(*seg) if seg else []
        if srcs:
            return srcs, m["verb"]
    return None


# a naming verb right before the quoted name it gives: "called the senator a"
_CALLED_TAIL = re.compile(
    r"\b(?P<verb>called|calls|dubbed|dubs|labell?ed|branded|brands|described|describes)"
    r"\s+(?!for\b|on\b|off\b|up\b|in\b)[^\"“”.;:\n]{1,80}?(?:\s+as)?(?:\s+(?:a|an|the))?\s*$"
)


def _coordinated_subject(masked: str, lo: int, verb_start: int) -> tuple[int, int] | None:
    """`NIS confirmed the capture and promised it would "...": the subject of the
    first verb."""
    if not _AND_TAIL.search(masked, max(lo, verb_start - 8), verb_start):
        return None
    first = VERB.search(masked, lo, verb_start)
    if first is None or first.start() >= verb_start - 4:
        return None
    return _speaker_segment(masked, lo, first.start())


def _cited(text: str, mk: _Masked, a: int, b: int, resolver: Resolver) -> list[Source]:
    """Who a speaker relays: "citing X", "after an X briefing"."""
    sent = mk.text[a:b]
    if mk.has("citing", a, b) or mk.has("quoting", a, b):
        for m in _CITING.finditer(sent):
            found = resolver.resolve(a + m.start("src"), a + m.end("src"))
            if found:
                return found
    bm = _BRIEFING.search(sent) if mk.has("briefing", a, b) else None
    if bm:
        src = resolver.describe(text[a + bm.start("src") : a + bm.end("src")], a + bm.start(), None)
        if src:
            return [src]
    return []


def _indirect(
    text: str, mk: _Masked, s: int, e: int, resolver: Resolver
) -> list[tuple[int, int, list[Source], Source | None, str, tuple[int, int] | None]]:
    """Reported speech in one sentence: (start, end, sources, via, cue, content span)."""
    out: list[tuple[int, int, list[Source], Source | None, str, tuple[int, int] | None]] = []
    masked = mk.text
    sent = masked[s:e]
    m = _COLON_SPK.match(sent) if ":" in sent[:40] else None
    if m:  # a headline's or a transcript's "Name: what they said"
        label = m["spk"]
        person = resolver.person_named(label) if label.isupper() and len(label) > 2 else None
        srcs = [person] if person else resolver.resolve(s + m.start("spk"), s + m.end("spk"))
        if srcs and srcs[0].entity is not None and srcs[0].entity.type == "person":
            return [(s, e, srcs, None, ":", _trim(text, s + m.end(), e))]
    m = _AS_SAYS.match(sent) if "As " in sent[:4] else None
    if m:
        srcs = resolver.resolve(s + m.start("spk"), s + m.end("spk"))
        content = _trim(text, s + m.end(), e)
        out.append((s, e, srcs, None, m["verb"], content))
        return out
    for m in _ACCORDING.finditer(sent) if mk.has("according", s, e) else ():
        srcs = resolver.resolve(s + m.start("src"), s + m.end("src"))
        if not srcs:
            continue
        if m.start() <= 2:  # "According to X, CLAUSE."
            comma = sent.find(",", m.end())
            content = _trim(text, s + comma + 1, e) if comma > 0 else None
        else:  # "CLAUSE, according to X."
            content = _trim(text, s, s + m.start())
        out.append((s, e, srcs, None, "according to", content))
    if out:
        return out
    verbs = [
        vm
        for vm in mk.verbs_in(s, e)
        if "xxx" not in masked[max(s, vm.start() - 3) : min(e, vm.end() + 3)]
    ]
    cited = _cited(text, mk, s, e, resolver) if verbs else []
    for vm in verbs:
        vs, ve = vm.start(), vm.end()
        # "CLAUSE, said X." / "CLAUSE, X said."
        inverted = _AFTER_VERB_SPK.match(masked[vs:e])
        if vm[0].lower() in _TELL:
            inverted = None  # "..., told the Northern Courier": the listener, not the speaker
        if _ends_with_comma(masked, s, vs) and inverted and len(inverted["spk"].split()) <= 6:
            a, b = vs + inverted.start("spk"), vs + inverted.end("spk")
            srcs = resolver.resolve(a, b)
            if srcs and (srcs[0].entity is not None or singular_person(srcs[0].description or "")):
                out.append((s, e, srcs, cited[0] if cited else None, vm[0], _trim(text, s, vs)))
                continue
        if _ARTICLE_TAIL.search(masked, max(s, vs - 8), vs):
            continue  # "the alleged involvement": an adjective
        if vm[0].lower() in THAT_ONLY_CUES and not _THAT_AFTER.match(masked, ve, e):
            continue  # "the two alleged soldiers", "police found a body": no attribution
        if _NEGATED.search(masked, max(s, vs - 40), vs):
            # "Neither X nor Y has confirmed that ...", "X did not say ...": X
            # asserted nothing; never turn it into a statement by X
            continue
        seg = _speaker_segment(masked, s, vs)
        if seg and mk.in_heading(s) and "," in masked[seg[0] : seg[1]]:
            # a title-cased headline is no list of names: "Plan Could Pass, Ida Lunn Says"
            cut = masked.rfind(",", seg[0], seg[1]) + 1
            seg = (cut + len(masked[cut : seg[1]]) - len(masked[cut : seg[1]].lstrip()), seg[1])
        if _AND_TAIL.search(masked, max(s, vs - 8), vs) or (
            vm[0].endswith("ing") and _ends_with_comma(masked, s, vs)
        ):
            # "X bemoaned the unrest and said he thought ...", "X filed a motion,
            # arguing ...": the sentence's subject
            lead = _LEAD_SUBJECT.match(masked, s, vs)
            span = (lead.start("spk"), lead.end("spk")) if lead else None
            if lead and lead["spk"].lower() in ("it", "there", "this", "that"):
                span = None  # "It will be recalled that ..., noting": no one
            named = resolver.resolve(*span) if span else []
            if named and named[0].entity is not None:
                seg = span
        if seg is None:
            if cited and _ends_with_comma(masked, s, vs):
                out.append((s, e, cited, None, vm[0], _trim(text, ve, e)))
            continue
        srcs = resolver.resolve(*seg)
        if not srcs and cited:
            srcs, cited = cited, []
        if not srcs:
            continue
        trailing = _TIME_TRAILER.match(masked[ve:e])
        if _ends_with_comma(masked, s, seg[0]) and seg[0] > s + 10 and trailing:
            # "CLAUSE, a South Korean lawmaker said on Monday, citing X."; "The
            # bridge, Mr. Ostrow said, would make ...": the words around the attribution
            rest = _PARENTHETICAL_REST.match(masked, ve + trailing.end(), e)
            content = _trim(text, s, e if rest else seg[0])
            clause = (s, e if rest else seg[0])
        else:
            after = _LISTENER_AFTER_VERB if vm[0].lower() in _TELL else _OBJECT_AFTER_VERB
            obj = after.match(masked, ve, e)
            cs = obj.end() if obj else ve
            topic = _TOPIC_THAT.match(masked, cs, e)
            if topic:  # "said of the pace of the works that it was too slow"
                cs = topic.end()
            clause_end = _clause_end(masked, cs, e)
            content = _trim(text, cs, clause_end)
            clause = (seg[0], clause_end)
        if cited:
            out.append((clause[0], clause[1], cited, srcs[0], vm[0], content))
        else:
            out.append((clause[0], clause[1], srcs, None, vm[0], content))
    return out


# a cue under negation: "has not confirmed", "never said", "nor Russia has confirmed",
# "declined to say"
_NEGATED = re.compile(
    r"(?:\b(?:not|never|nor|no\s+longer)\s+(?:\w+\s+){0,2}|n't\s+(?:\w+\s+)?"
    r"|\b(?:declined|refused)\s+to\s+)$",
    re.I,
)


class _Masked:
    """An article's text with quotes blanked, and what every sentence asks of it.

    In a headline, a capitalised cue is read as the verb it is ("..., Lindsey
    Graham Says", "Sanders Vows To ...")."""

    __slots__ = ("headings", "low", "text", "verb_starts", "verbs")

    def __init__(
        self, masked: str, tokens: Tokens, headings: list[tuple[int, int]] | None = None
    ) -> None:
        triggers = tokens.triggers(_VERB_FIRST, cased=True)
        if headings:
            chars = None
            for i in tokens.triggers(_VERB_FIRST):
                w, at = tokens.words[i], tokens.starts[i]
                if w[0].isupper() and any(a < at < b for a, b in headings):
                    chars = chars or list(masked)
                    chars[at] = w[0].lower()
                    triggers.append(i)
            if chars is not None:
                masked = "".join(chars)
                triggers = sorted(set(triggers))
        self.headings = headings or []
        self.text = masked
        self.low = masked.lower()
        self.verbs = list(anchored_finditer(VERB, masked, tokens, triggers, back=0))
        self.verb_starts = [m.start() for m in self.verbs]

    def has(self, word: str, a: int, b: int) -> bool:
        """Whether lower-case ``word`` occurs in ``[a, b)``."""
        return self.low.find(word, a, b) >= 0

    def in_heading(self, pos: int) -> bool:
        return any(a <= pos < b for a, b in self.headings)

    def verbs_in(self, a: int, b: int) -> list[re.Match[str]]:
        """Reporting verbs within ``[a, b)``, in order."""
        i, j = bisect_left(self.verb_starts, a), bisect_left(self.verb_starts, b)
        return [m for m in self.verbs[i:j] if m.end() <= b]


_NAMED_AFTER = re.compile(
    r"[\s,'’\"”]*(?:said|says|added|told)?\s*(?!(?:He|She|They|It|We|I)\b)(?:(?:Mr|Mrs|Ms|Dr)\.?\s+)?[A-Z]"
)
_VERB_FIRST = frozenset(p.split()[0] for p in [*SPEECH_VERBS, *SPEECH_PHRASES])


def _clause_end(masked: str, start: int, end: int) -> int:
    m = _CLAUSE_BREAK.search(masked[start:end])
    return start + m.start() if m else end


def _trim(text: str, a: int, b: int) -> tuple[int, int] | None:
    while a < b and text[a] in " ,:;\"“”«»'":
        a += 1
    while b > a and text[b - 1] in " ,.;:\"“”«»'":
        b -= 1
    if len(text[a:b].split()) < 3:
        return None
    return a, b
