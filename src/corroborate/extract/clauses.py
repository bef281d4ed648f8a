"""Reading a reporting clause: the cue patterns, the article's masked text
(quotes blanked, cues found once), and the speaker phrase before a cue.

Shared by direct quotes and reported speech (``extract.statements``).
"""

from __future__ import annotations

import re
from bisect import bisect_left

from corroborate.extract.lexicon import INTENT_CUES, SPEECH_PHRASES, SPEECH_VERBS
from corroborate.extract.speakers import MAX_SPEAKER_WORDS
from corroborate.text.scan import Tokens, anchored_finditer

_VERB_ALT = "|".join(
    [p.replace(" ", r"\s+") for p in sorted(SPEECH_PHRASES, key=len, reverse=True)]
    + sorted(SPEECH_VERBS, key=len, reverse=True)
)
# reporting verbs and aims ("wants to", only in a clause of its own: never
# a quote's signature)
VERB = re.compile(rf"\b(?:{_VERB_ALT}|{'|'.join(sorted(INTENT_CUES - set(SPEECH_VERBS)))})\b")
AFTER_SPK_VERB = re.compile(
    rf"^\s*[,.!?]?\s*(?P<spk>[^,.;:\"“”«»\n]{{1,90}}?)\s+(?:also\s+|then\s+|later\s+|further\s+)?(?P<verb>{_VERB_ALT})\b"
)
# `," Petra Lindqvist, a senior district police officer, told the Courier.`
AFTER_SPK_APPOSITION_VERB = re.compile(
    rf"^\s*[,.!?]?\s*(?P<spk>[^,.;:\"“”«»\n]{{1,60}}?),\s*(?:a|an|the|who|whose|one\s+of|of|\d{{1,3}}|[RDI]-)\b"
    rf"[^.;:\"“”«»\n]{{0,120}}?,\s*(?:also\s+|later\s+)?(?P<verb>{_VERB_ALT})\b"
)
THAT_AFTER = re.compile(r"\s+that\b")
TELL = frozenset(["told", "tells", "tell", "telling"])
# a quote signed after a dash, the signature ending its line
DASH_SPK = re.compile(
    r"^\s*(?:[―—–]|(?<=\s)-(?=\s))\s*(?P<spk>[^,.;:\"“”«»\n―—–]{2,60}?)\s*[.,]?\s*$"
)
AFTER_VERB_SPK = re.compile(
    # (not "said of RT", "said about the plan": what the words were about)
    rf"^\s*[,.!?]?\s*(?P<verb>{_VERB_ALT})\s+(?!(?:of|about|on|in|to|at|for|with)\b)"
    rf"(?P<spk>[^,.;:\"“”«»\n]{{1,90}}?)(?=\s*(?:[,.;:\n]|$))"
)
ACCORDING = re.compile(
    r"\baccording\s+to\s+(?P<src>[^,.;:\"“”«»\n]{1,90}?)(?=\s*(?:[,.;:\n]|$|\bwhich\b|\bwho\b))",
    re.I,
)
CITING = re.compile(
    r"\b(?:citing|quoting|citing\s+a\s+report\s+by)\s+(?P<src>[^,.;:\"“”«»\n]{1,80}?)(?=\s*(?:[,.;:\n]|$))",
    re.I,
)
BRIEFING = re.compile(
    r"\b(?:after|following|at|during|in)\s+an?\s+(?P<src>[A-Z][^,.;:\"“”«»\n]{1,60}?)\s+briefing\b"
)
# a cue word followed by a verb is a noun, the subject of the sentence: "the
# latest estimate is that ...", "initial reports suggest ...", "media reports said ..."
NOUN_CUE_AFTER = re.compile(
    r"\s+(?:is|was|are|were|has|have|had|say|says|said|suggest|suggests|suggested|"
    r"show|shows|showed|indicate|indicates|indicated|put|puts|such\s+as|who)\b"
)
# "As X said, ...": only verbs of saying; "As the search continued," and "As
# prices showed, ..." are clauses of time or reason, not attributions
_AS_VERBS = (
    r"said|says|noted|notes|wrote|writes|reported|reports|put\s+it|puts\s+it|explained|"
    r"explains|argued|argues|observed|observes|told\s+\w+|pointed\s+out|points\s+out|"
    r"acknowledged|recalled|recalls|stated|states|warned|warns|claimed|claims|admitted|"
    r"remarked|emphasi[sz]ed|stressed|testified|tweeted|posted"
)
_AS_ADVERB = r"(?:(?:also|recently|once|famously|later|then|aptly)\s+)?"
# the setting a speaker said it in: "put it in a statement in July"
_AS_SETTING = r"(?:\s+(?:in|on|at|to|during|last|this|earlier|recently)\b[^,;:\"“”«»\n]{0,60}?)?"
AS_SAYS = re.compile(
    rf"^\s*As\s+(?P<spk>[^,;:\"“”«»\n]{{1,90}}?)(?:,[^,;:\"“”«»\n]{{1,120}},)?\s+{_AS_ADVERB}"
    rf"(?P<verb>{_AS_VERBS}){_AS_SETTING}\s*,"
)
# "..., as a city memo put it.": the words before, the attribution last
AS_SAYS_AFTER = re.compile(
    rf"(?:,[\"”’']?|[\"”’'])\s*as\s+(?P<spk>[^,;:\"“”«»\n]{{1,90}}?)\s+{_AS_ADVERB}(?P<verb>{_AS_VERBS})"
    rf"{_AS_SETTING}\s*[.!?]?[\"”’']?\s*$"
)
_BOUNDARY = re.compile(
    r"[,;:()\"“”«»]|''|\b(?:that|while|whereas|but|and|after|because|when|if|although)\b"
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
    r"though|because|since|when|if|even|only|now)\s+",
    re.I,
)
_TIME_TAIL = re.compile(r"\s+(?:on|this|last|in|at)\s+\S+\s*$")
# what stands between a reporting verb and its content: when and where it was
# said ("said on Monday in a statement"), and after "told" its listener
_ADVERBIAL = (
    r"(?:(?:on|this|last|in|late|early)\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
    r"(?:\s+(?:morning|afternoon|evening|night))?(?!['’])|"
    r"(?:yesterday|today|tonight|earlier|recently|previously)(?!['’])|"
    r"(?:on|this|last|in)\s+(?:\w+day|week|month)|"
    r"in\s+an?\s+(?:\w+\s+)?(?:statement|interview|message|post|video|report)|"
    r"on\s+(?:his|her|its|their)\s+\w+(?:\s+account)?|"
    r"(?:by|over\s+the|on\s+the)\s+(?:tele)?phone|by\s+(?:e-?mail|text(?:\s+message)?|video\s+link)|"
    r"in\s+an?\s+(?:phone|telephone)\s+call"
)
OBJECT_AFTER_VERB = re.compile(rf"\s*(?:(?:{_ADVERBIAL})\s*)*(?:,\s*)?(?:that\s+)?")
LISTENER_AFTER_VERB = re.compile(
    r"\s*(?:(?:him|her|them|us|me|reporters|journalists|the\s+press|"
    rf"(?:the\s+)?[A-Z][\w.]*(?:\s+[A-Z][\w.]*){{0,3}}|{_ADVERBIAL})\s*)*(?:,\s*)?(?:that\s+)?"
)
# what a statement is about or when it was said, before its content: "said of
# the pace of X that ...", "said on March 20, 2025 that ..."
TOPIC_THAT = re.compile(r"\s*(?:of|about|on)\s+(?:[^,;:.\"“”]|,\s*\d{4}\b){1,80}?\s+that\s+")
_CITE_TAIL = re.compile(r",\s*citing\s+[^,]+,\s*$")
_TIME_WORD = re.compile(r"(?:day|week|month|year|morning|evening|night)\b")
# a name in apposition: ", Jonas Pell,", ", the International Organization for
# Migration (IOM),"
_APPOSITIVE_NAME = re.compile(
    r",\s*(?:the\s+)?([A-Z][\w.'’-]*(?:\s+(?:(?:for|of|and|on|de)\s+)?[A-Z][\w.'’-]*){0,6}"
    r"(?:\s*\([A-Z][\w.-]*\))?)\s*,\s*$"
)
# end-anchored tails, searched only over the last few characters
_COPULA_TAIL = re.compile(r"\b(?:is|are|was|were|be|been|being)\s*$")
# "Sanders: Clinton needs to ...", "WALLACE: But, Governor, ...": one to three
# name words, a colon, the words
COLON_SPK = re.compile(r"\s*\W?(?P<spk>[A-Z][\w'’·-]*(?:\s+[A-Z][\w'’·-]*){0,2}):\s+(?=\S)")
# "X ... and said", "X ... but has said": the sentence's subject speaks again
AND_TAIL = re.compile(r"\b(?:and|but)(?:\s+(?:has|have|had|also|then|later|will|would))*\s*$")
# a sentence's subject, a name, before its first verb (an apposition allowed)
LEAD_SUBJECT = re.compile(
    # after a fronted time or place ("During a speech on Monday, Trump attacked ...")
    r"\s*(?:(?:On|In|At|During|After|Before|Earlier|Later|Last|This|Speaking|Asked|Meanwhile|"
    r"However|Then)\b[^,\"“”]{0,80},\s*(?:however,\s*|though,\s*)?)?"
    # a role before the name: "Democratic presidential nominee Hillary Clinton"
    # (no verb inside the role: "Neale attacked Holt" is a clause, not a role)
    r"(?P<spk>(?:[A-Z][\w.'’·-]*\s+(?:(?![a-z]+ed\b|(?:told|met|hit|took|gave|sent|saw|beat|"
    r"won|lost|led|made)\b)[a-z][\w-]*\s+){1,3}(?=[A-Z]))?"
    r"(?:(?:[A-Z][\w.'’·-]*|of|the)\s+){0,5}[A-Z][\w'’-]*)(?:\s*,[^,]{1,80},)?"
    r"\s+(?:\w+ly\s+)?[a-z]"
)
# what follows a mid-sentence attribution: the rest of the reported clause
PARENTHETICAL_REST = re.compile(
    r"(?<=,)\s+(?!citing|quoting|adding|saying|noting|according)[a-z]+\s+\w+\s+\w+"
)
ARTICLE_TAIL = re.compile(r"\b(?:the|a|an)\s*$", re.I)
# an act agreed to, not a statement: "if Kim agrees to swap them", "agreed to meet"
AGREED_TO = re.compile(
    r"\s+to\s+(?!(?:the|a|an|this|that|these|those|his|her|their|its|our)\b)[a-z]"
)
AGREE_CUES = frozenset(["agree", "agrees", "agreed", "agreeing"])
TO_VERB = re.compile(r"\s+to\s+(?:\w+ly\s+)?[a-z]")
# a cue in a relative clause: "Holt, who has backed the levy since May, ..."
RELATIVE_CUE = re.compile(r",\s*(?:who|which)\s+(?:[a-z]+\s+){0,3}$")
# a cue inside a relative clause whose object is the clause's antecedent: "the
# first two soldiers that Ukraine has claimed to capture alive"
RELATIVE_BEFORE = re.compile(r"\b(?:that|which|whom)\s*$")
_CONVINCED = re.compile(r"\b(?:is|are|was|were)\s+(?:also\s+)?convinced")
ACCORDING_AFTER = re.compile(r"^\s*,?\s*(?:" + ACCORDING.pattern + ")", re.I)
# (a comma may be inside the closing quote, which the masked text hides)
_CLAUSE_BREAK = re.compile(
    r"(?:,|(?<=x)[\"”’'])\s*(?:while|whereas|but|adding|noting|saying)\b|;"
    r"|\s+(?:and|but)\s+(?:then\s+|also\s+|has\s+|had\s+)?"
    r"(?:said|says|added|adds|told|tells|noted|warned|argued)\b"
)
# a verb with no complement, a new clause after it: "if the council agrees, Sen. X told"
NEW_CLAUSE_AFTER = re.compile(
    r"\s*,\s*(?:[A-Z]|and\b|but\b|or\b|going\s+on\b|before\b|after\b|as\b|while\b|when\b)"
)
# a quote right after the verb: "As a phone rang, the announcer said, “...”"
QUOTE_NEXT = re.compile(r"\s*,?\s*(?:[\"“«]|'')")
TIME_TRAILER = re.compile(
    # "..., X said on Monday.", "..., X wrote in an email to the Ledger's editor, and ..."
    r"^\s*(?:(?:on|this|last|in|at|late|earlier)\s+[\w'’]+(?:\s+[\w'’]+){0,6}?\s*)?(?:[,.;!?]|$)"
)


def comma_in_quote(text: str, a: int, b: int) -> bool:
    """Whether ``text[a:b]`` ends with a quote whose last mark follows a comma
    (`not paying taxes ''makes me smart,''`): the masked text hides it."""
    k = b
    while k > a and text[k - 1].isspace():
        k -= 1
    q = k
    while k > a and text[k - 1] in "\"”’'":
        k -= 1
    if not (q > k and k > a and text[k - 1] == ","):
        return False
    # the quote opens in this span too (a partial quote, not the end of a
    # quote the sentence began inside)
    part = text[a:k]
    return part.count("''") % 2 == 1 or part.count('"') % 2 == 1 or "“" in part


def ends_with_comma(text: str, a: int, b: int) -> bool:
    """Whether ``text[a:b]`` ends with a comma, spaces aside."""
    k = b
    while k > a and text[k - 1].isspace():
        k -= 1
    return k > a and text[k - 1] == ","


def _word_end(text: str, pos: int) -> int:
    while pos < len(text) and (text[pos].isalpha() or text[pos] == "-"):
        pos += 1
    return pos


# an auxiliary with a complement of its own ("has repeatedly" is still the subject's)
_FINITE = re.compile(
    r"\s(?:was|were|is|are|has|have|had|will|would|could|can|did|does)\s+\S+\s+\S+\s+\S"
)


def speaker_segment(masked: str, lo: int, verb_start: int) -> tuple[int, int] | None:
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
    if a >= b and ends_with_comma(masked, lo, b):  # (", has said": the comma before "has")
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
    if _FINITE.search(masked, a, b):
        return None  # "Holt was supported by 42 percent of those responding": a clause
    return a, b


# a naming verb right before the quoted name it gives: "called the senator a"
CALLED_TAIL = re.compile(
    r"\b(?P<verb>called|calls|dubbed|dubs|labell?ed|branded|brands|described|describes)"
    r"\s+(?!for\b|on\b|off\b|up\b|in\b)[^\"“”.;:\n]{1,80}?(?:\s+as)?(?:\s+(?:a|an|the))?\s*$"
)


def coordinated_subject(masked: str, lo: int, verb_start: int) -> tuple[int, int] | None:
    """`NIS confirmed the capture and promised it would "...": the subject of the
    first verb."""
    if not AND_TAIL.search(masked, max(lo, verb_start - 24), verb_start):
        return None
    first = VERB.search(masked, lo, verb_start)
    if first is None or first.start() >= verb_start - 4:
        return None
    return speaker_segment(masked, lo, first.start())


# a cue under negation: "has not confirmed", "never said", "nor Russia has confirmed",
# "declined to say"
NEGATED = re.compile(
    r"(?:\b(?:not|never|nor|no\s+longer)\s+(?:\w+\s+){0,2}|n't\s+(?:\w+\s+)?"
    r"|\b(?:declined|refused)\s+to\s+)$",
    re.I,
)


class Masked:
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


NAMED_AFTER = re.compile(
    r"[\s,'’\"”]*(?:said|says|added|told)?\s*(?!(?:He|She|They|It|We|I)\b)(?:(?:Mr|Mrs|Ms|Dr)\.?\s+)?[A-Z]"
)
_VERB_FIRST = frozenset(p.split()[0] for p in [*SPEECH_VERBS, *SPEECH_PHRASES, *INTENT_CUES])


def clause_end(masked: str, start: int, end: int) -> int:
    m = _CLAUSE_BREAK.search(masked[start:end])
    return start + m.start() if m else end


def trim(text: str, a: int, b: int) -> tuple[int, int] | None:
    while a < b and text[a] in " ,:;\"“”«»'":
        a += 1
    while b > a and text[b - 1] in " ,.;:\"“”«»'":
        b -= 1
    if len(text[a:b].split()) < 3:
        return None
    return a, b
