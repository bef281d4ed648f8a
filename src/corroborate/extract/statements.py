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

from dataclasses import dataclass, field

from corroborate.extract.clauses import (
    ACCORDING,
    ACCORDING_AFTER,
    AFTER_SPK_APPOSITION_VERB,
    AFTER_SPK_VERB,
    AFTER_VERB_SPK,
    AND_TAIL,
    ARTICLE_TAIL,
    AS_SAYS,
    BRIEFING,
    CALLED_TAIL,
    CITING,
    COLON_SPK,
    DASH_SPK,
    LEAD_SUBJECT,
    LISTENER_AFTER_VERB,
    NAMED_AFTER,
    NEGATED,
    NOUN_CUE_AFTER,
    OBJECT_AFTER_VERB,
    PARENTHETICAL_REST,
    TELL,
    THAT_AFTER,
    TIME_TRAILER,
    TOPIC_THAT,
    VERB,
    Masked,
    clause_end,
    coordinated_subject,
    ends_with_comma,
    speaker_segment,
    trim,
)
from corroborate.extract.entities import ArticleEntities
from corroborate.extract.lexicon import (
    CUE_KIND,
    DENIAL_CUES,
    THAT_ONLY_CUES,
)
from corroborate.extract.quotes import Quote, find_quotes, mask
from corroborate.extract.speakers import MAX_SPEAKER_WORDS, Resolver, Source, singular_person
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
            or CALLED_TAIL.search(masked, max(s, q.open - 120), q.open)  # called it "a mistake"
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
                and NAMED_AFTER.match(text, q.close + 1, e)
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
    return any(rx.match(tail) for rx in (AFTER_SPK_VERB, AFTER_VERB_SPK))


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
    for rx in (AFTER_VERB_SPK, AFTER_SPK_VERB, AFTER_SPK_APPOSITION_VERB):
        m = rx.match(tail)
        if m and not (rx is AFTER_VERB_SPK and m["verb"].endswith("ing")):
            # (`", noting the ...`: what follows a participle is its object)
            a, b = q.close + 1 + m.start("spk"), q.close + 1 + m.end("spk")
            if len(text[a:b].split()) <= MAX_SPEAKER_WORDS:
                srcs = resolver.resolve(a, b)
                if srcs:
                    return srcs, m["verb"]
    m = DASH_SPK.match(tail)
    if m:  # `“...” ― Ana Ruiz` (a reader's or a poster's words, signed)
        a, b = q.close + 1 + m.start("spk"), q.close + 1 + m.end("spk")
        srcs = resolver.resolve(a, b)
        if srcs and srcs[0].entity is not None:
            return srcs, "―"
    m = ACCORDING_AFTER.match(tail)
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
        seg = speaker_segment(masked, lo, lo + vm.start())
        if seg is None:
            seg_prev = coordinated_subject(masked, lo, lo + vm.start())
            if seg_prev is None:
                continue
            seg = seg_prev
        srcs = resolver.resolve(*seg)
        if srcs:
            return srcs, vm[0]
    m = ACCORDING.search(head)
    if m:
        srcs = resolver.resolve(lo + m.start("src"), lo + m.end("src"))
        if srcs:
            return srcs, "according to"
    m = CALLED_TAIL.search(head)
    if m:  # `Ruiz called the plan "a disgrace"`: the quoted words are hers
        seg = speaker_segment(masked, lo, lo + m.start("verb"))
        srcs = resolver.resolve(*seg) if seg else []
        if srcs:
            return srcs, m["verb"]
    return None


def _cited(text: str, mk: Masked, a: int, b: int, resolver: Resolver) -> list[Source]:
    """Who a speaker relays: "citing X", "after an X briefing"."""
    sent = mk.text[a:b]
    if mk.has("citing", a, b) or mk.has("quoting", a, b):
        for m in CITING.finditer(sent):
            found = resolver.resolve(a + m.start("src"), a + m.end("src"))
            if found:
                return found
    bm = BRIEFING.search(sent) if mk.has("briefing", a, b) else None
    if bm:
        src = resolver.describe(text[a + bm.start("src") : a + bm.end("src")], a + bm.start(), None)
        if src:
            return [src]
    return []


def _indirect(
    text: str, mk: Masked, s: int, e: int, resolver: Resolver
) -> list[tuple[int, int, list[Source], Source | None, str, tuple[int, int] | None]]:
    """Reported speech in one sentence: (start, end, sources, via, cue, content span)."""
    out: list[tuple[int, int, list[Source], Source | None, str, tuple[int, int] | None]] = []
    masked = mk.text
    sent = masked[s:e]
    m = COLON_SPK.match(sent) if ":" in sent[:40] else None
    if m:  # a headline's or a transcript's "Name: what they said"
        label = m["spk"]
        person = resolver.person_named(label) if label.isupper() and len(label) > 2 else None
        srcs = [person] if person else resolver.resolve(s + m.start("spk"), s + m.end("spk"))
        if srcs and srcs[0].entity is not None and srcs[0].entity.type == "person":
            return [(s, e, srcs, None, ":", trim(text, s + m.end(), e))]
    m = AS_SAYS.match(sent) if "As " in sent[:4] else None
    if m:
        srcs = resolver.resolve(s + m.start("spk"), s + m.end("spk"))
        content = trim(text, s + m.end(), e)
        out.append((s, e, srcs, None, m["verb"], content))
        return out
    for m in ACCORDING.finditer(sent) if mk.has("according", s, e) else ():
        srcs = resolver.resolve(s + m.start("src"), s + m.end("src"))
        if not srcs:
            continue
        if m.start() <= 2:  # "According to X, CLAUSE."
            comma = sent.find(",", m.end())
            content = trim(text, s + comma + 1, e) if comma > 0 else None
        else:  # "CLAUSE, according to X."
            content = trim(text, s, s + m.start())
        out.append((s, e, srcs, None, "according to", content))
    if out:
        return out
    verbs = [
        vm
        for vm in mk.verbs_in(s, e)
        if "xxx" not in masked[max(s, vm.start() - 3) : min(e, vm.end() + 3)]
        and not NOUN_CUE_AFTER.match(masked, vm.end(), e)
    ]
    cited = _cited(text, mk, s, e, resolver) if verbs else []
    for vm in verbs:
        vs, ve = vm.start(), vm.end()
        # "CLAUSE, said X." / "CLAUSE, X said."
        inverted = AFTER_VERB_SPK.match(masked[vs:e])
        if vm[0].lower() in TELL:
            inverted = None  # "..., told the Northern Courier": the listener, not the speaker
        if ends_with_comma(masked, s, vs) and inverted and len(inverted["spk"].split()) <= 6:
            a, b = vs + inverted.start("spk"), vs + inverted.end("spk")
            srcs = resolver.resolve(a, b)
            if srcs and (srcs[0].entity is not None or singular_person(srcs[0].description or "")):
                out.append((s, e, srcs, cited[0] if cited else None, vm[0], trim(text, s, vs)))
                continue
        if vm[0].lower() in ("continued", "continues"):
            continue  # only "..., she continued." signs speech; "As the search continued, ..." does not
        if ARTICLE_TAIL.search(masked, max(s, vs - 8), vs):
            continue  # "the alleged involvement": an adjective
        if vm[0].lower() in THAT_ONLY_CUES and not THAT_AFTER.match(masked, ve, e):
            continue  # "the two alleged soldiers", "police found a body": no attribution
        if NEGATED.search(masked, max(s, vs - 40), vs):
            # "Neither X nor Y has confirmed that ...", "X did not say ...": X
            # asserted nothing; never turn it into a statement by X
            continue
        seg = speaker_segment(masked, s, vs)
        if seg and mk.in_heading(s) and "," in masked[seg[0] : seg[1]]:
            # a title-cased headline is no list of names: "Plan Could Pass, Ida Lunn Says"
            cut = masked.rfind(",", seg[0], seg[1]) + 1
            seg = (cut + len(masked[cut : seg[1]]) - len(masked[cut : seg[1]].lstrip()), seg[1])
        if AND_TAIL.search(masked, max(s, vs - 8), vs) or (
            vm[0].endswith("ing") and ends_with_comma(masked, s, vs)
        ):
            # "X bemoaned the unrest and said he thought ...", "X filed a motion,
            # arguing ...": the sentence's subject
            lead = LEAD_SUBJECT.match(masked, s, vs)
            span = (lead.start("spk"), lead.end("spk")) if lead else None
            if lead and lead["spk"].lower() in ("it", "there", "this", "that"):
                span = None  # "It will be recalled that ..., noting": no one
            named = resolver.resolve(*span) if span else []
            if named and named[0].entity is not None:
                seg = span
        if seg is None:
            if cited and ends_with_comma(masked, s, vs):
                out.append((s, e, cited, None, vm[0], trim(text, ve, e)))
            continue
        srcs = resolver.resolve(*seg)
        if not srcs and cited:
            srcs, cited = cited, []
        if not srcs:
            continue
        trailing = TIME_TRAILER.match(masked[ve:e])
        if ends_with_comma(masked, s, seg[0]) and seg[0] > s + 10 and trailing:
            # "CLAUSE, a South Korean lawmaker said on Monday, citing X."; "The
            # bridge, Mr. Ostrow said, would make ...": the words around the attribution
            rest = PARENTHETICAL_REST.match(masked, ve + trailing.end(), e)
            content = trim(text, s, e if rest else seg[0])
            clause = (s, e if rest else seg[0])
        else:
            after = LISTENER_AFTER_VERB if vm[0].lower() in TELL else OBJECT_AFTER_VERB
            obj = after.match(masked, ve, e)
            cs = obj.end() if obj else ve
            topic = TOPIC_THAT.match(masked, cs, e)
            if topic:  # "said of the pace of the works that it was too slow"
                cs = topic.end()
            ends = clause_end(masked, cs, e)
            content = trim(text, cs, ends)
            clause = (seg[0], ends)
        if cited:
            out.append((clause[0], clause[1], cited, srcs[0], vm[0], content))
        else:
            out.append((clause[0], clause[1], srcs, None, vm[0], content))
    return out
