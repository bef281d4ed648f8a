"""Direct quotes: who said them.

A speaker comes from the reporting clause next to the quote (`," said X`,
`X told DW: "`), a signature (`" ― Ana Ruiz`), "according to X" after it, or
"X called the plan "a disgrace""; a quote with no clause of its own continues
the previous quote of its paragraph. A short quote counts as speech when a
reporting clause follows it; a line that is only a quote is a subheading.
"""

from __future__ import annotations

from corroborate.extract.clauses import (
    ACCORDING,
    ACCORDING_AFTER,
    AFTER_SPK_APPOSITION_VERB,
    AFTER_SPK_VERB,
    AFTER_VERB_SPK,
    CALLED_TAIL,
    DASH_SPK,
    LEAD_SUBJECT,
    VERB,
    coordinated_subject,
    ends_with_comma,
    speaker_segment,
)
from corroborate.extract.quotes import Quote
from corroborate.extract.speakers import MAX_SPEAKER_WORDS, Resolver, Source


def quote_heading(text: str, q: Quote) -> bool:
    """A line that is only a short quote is a subheading quoting someone."""
    a = text.rfind("\n", 0, q.open) + 1
    b = text.find("\n", q.close)
    b = len(text) if b < 0 else b
    line = text[a:b].strip()
    return len(line.split()) < 15 and line[:1] in '"“«„‘' and line[-1:] in '"”»“’'


def short_said(text: str, masked: str, q: Quote, s: int, e: int) -> bool:
    """A short quote told as speech: it opens its sentence, its words end in a
    comma, question or exclamation mark and a reporting clause follows
    (`"It's over," Ryan said.`; not `On "Fox News Sunday," Ryan said ...`)."""
    if len(text[q.start : q.end].split()) < 2 or text[q.end - 1 : q.end] not in (",", "?", "!"):
        return False
    if text[s : q.open].strip(" \"“”'‘’«»—–-"):
        return False  # a quoted title inside the sentence
    tail = masked[q.close + 1 : e]
    return any(rx.match(tail) for rx in (AFTER_SPK_VERB, AFTER_VERB_SPK))


def starts_paragraph(text: str, q: Quote) -> bool:
    return q.open == 0 or text[q.open - 1] == "\n"


def previous_quote_speaker(
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


def quote_speaker(
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
        if vm[0].endswith("ing") and ends_with_comma(masked, lo, lo + vm.start()):
            # `Trump attacked Clinton, saying, "..."`: the sentence's subject
            lead = LEAD_SUBJECT.match(masked, lo, lo + vm.start())
            srcs = resolver.resolve(lead.start("spk"), lead.end("spk")) if lead else []
            if srcs and srcs[0].entity is not None:
                return srcs, vm[0]
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
