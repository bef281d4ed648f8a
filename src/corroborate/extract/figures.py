"""Reported figures: what was counted, how many, of whom, as of when, per whom.

A figure is a quantity (``text.numbers``) with a measure. The measure comes
from the counted noun ("300 deaths"), the verb after it ("300 soldiers were
killed"), the word before it ("sending 10,000 troops", "the capture of two
soldiers", "the number of casualties has exceeded 3,000") or, for "put the
figure at 1,000", from the figure it answers. Numbers that are not news
counts are dropped: years, dates, ages, durations, distances, list markers,
phone numbers, identifiers ("Flight 370").
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, replace

from corroborate.extract.counts import (
    OF_DETERMINER,
    WORD,
    combine_measures,
    count_head,
    named_count,
    not_a_count,
    not_noun,
    np_after,
    referring,
    window_measures,
)
from corroborate.extract.credits import PUT_VERBS, credit
from corroborate.extract.entities import ArticleEntities
from corroborate.extract.lexicon import (
    COMBINED,
    COUNT_NOUNS,
    MEASURE_WORDS,
    SPEECH_VERBS,
)
from corroborate.extract.quantities import (
    NOT_A_QUANTITY,
    Unit,
    change_of,
    measure_name,
    metres,
    money_measure,
    named_length,
    read_unit,
    requalify,
    sized_object,
)
from corroborate.extract.statements import Attribution, Source
from corroborate.model import Figure, Sentence, Span, TimeRef
from corroborate.text.numbers import (
    QUANTITY,
    STARTERS,
    Quantity,
    parse_quantity,
    quantity_triggers,
)
from corroborate.text.scan import Tokens, anchored_finditer

_DETERMINERS = frozenset(
    ["the", "a", "an", "its", "their", "his", "her", "our", "of", "another", "other", "some"]
)
_STRONG = re.compile(r"-strong\b")
_FIGURE_NOUNS = r"(?:figure|number|toll|tally|count|estimate)"
_ANAPHOR_WORDS = re.compile(_FIGURE_NOUNS, re.I)
_FIGURE_ANAPHOR = re.compile(
    rf"\b(?:(?:put|puts|putting|estimated?|placed?)\s+(?:the|that|this|its)\s+"
    rf"{_FIGURE_NOUNS}\s+(?:at|to)"
    rf"|{_FIGURE_NOUNS}\s+(?:\w+\s+){{0,3}}?(?:(?:has|had|have)\s+)?"
    r"(?:risen|rose|rises|climbed|increased|jumped|grown|reached|stood|stands|hit|topped|passed|"
    r"surpassed|exceeded|(?:could|may|might|would|will)\s+(?:climb|rise|reach|hit|top|exceed))"
    r"(?:\s+(?:to|at))?)\s*(?:over|more\s+than|nearly|almost|about|around)?\s*$",
    re.I,
)
_NUMBER_OF = re.compile(
    r"\b(?:number|toll|tally|count|total)\s+of\s+(?P<noun>\w+)(?P<rest>[^.;]*?)$", re.I
)
# "the death toll in Libya's coastal city of Derna has soared to 11,300": the
# toll names the measure of the next number in its clause
_DEATH_TOLL = re.compile(r"\b(?:death|fatality)\s+toll\b[^.;:\d]{0,120}$", re.I)
_IN_PLACE = re.compile(r"\s+in\s+((?:[A-Z][\w'’-]+)(?:\s+[A-Z][\w'’-]+)*)")
_N_PERSON = re.compile(r"-(?:person|member|man|woman)\b")
# a date that is not when the figure holds: "since 2019", and when the thing
# counted came about ("the trawler, built in 1998, carried 750 people")
_SINCE_BEFORE = re.compile(
    r"\b(?:since|built|constructed|founded|established|launched|born|made|manufactured|"
    r"commissioned|registered|introduced|created|formed|opened)\s+(?:in\s+|on\s+)?(?:the\s+)?$",
    re.I,
)
_CLAUSE_ENDS = re.compile(r"\s*[,.;:!?\"”’)]")
_CROWD = re.compile(r"\bput\s+the\s+crowd\s+at\s*$")
# a place's population: "an estimated population of at least 120,000", "its
# population is 4,000", "the population of East Palestine was 4,700"; "a town of roughly 4,700 residents", "a city of
# 100,000 people", "home to some 4,000 people" (only the noun of people)
_POPULATION_OF = re.compile(
    r"\bpopulation(?:\s+of\s+(?:the\s+)?[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3})?"
    r"\s+(?:of|is|was|at|(?:is\s+|was\s+)?estimated\s+at|stands\s+at|stood\s+at)\s*$",
    re.I,
)
_SETTLEMENT_OF = re.compile(
    r"\b(?:(?:town|city|village|community|municipality|island|port|suburb|county|district)"
    r"\s+of|home\s+to(?:\s+an\s+estimated|\s+some)?)\s*$",
    re.I,
)
_DWELLERS = frozenset(["residents", "inhabitants", "people", "citizens", "souls", "villagers"])
# an estimate given as a bare number: it answers the last count ("estimated up to 400")
_ESTIMATED = re.compile(r"\b(?:estimated?|estimates|reckoned|counted|put\s+it\s+at)\s*$", re.I)


def _cut_word(text: str, e: int) -> bool:
    """Does ``e`` fall inside a word (the scan then tries the cut word too)?"""
    return 0 < e < len(text) and text[e - 1].isalnum() and text[e].isalnum()


def _in_dates(spans: list[tuple[int, int]], a: int, b: int) -> bool:
    """Does ``[a, b)`` start or end inside one of the sorted date ``spans``?"""
    i = bisect_right(spans, (a, float("inf"))) - 1
    return any(ds <= a < de or ds < b <= de for ds, de in spans[max(i - 1, 0) : i + 3])


_AT_ANAPHOR = re.compile(
    rf"\b{PUT_VERBS}\s+(?:it|its\s+\w+|the\s+\w+)?\s*(?:at|to)\s+$",
    re.I,
)
_BARE_KIND = {"level": "number", "amount": "money"}  # a bare number's kind by its measure
_SUM_BEFORE = re.compile(
    r"\b(?:worth|valued\s+at|raised|raising|paid|costs?|costing|priced\s+at|sold\s+for|spent)\s+$",
    re.I,
)
_VERB_AFTER = re.compile(
    r"\s+(?:will|would|were|are|have|had|come|came|died|live|lived|work|worked|remain|remained)\b"
)
_LEVEL_AFTER = re.compile(r"\s+(?:up|down)\s+\d")  # "(16,369.03 up 58.06 points)"
_CONVERTED_AFTER = re.compile(r"\s*\(\s*(?:about\s+|some\s+)?(?:[A-Z]{1,3}\s?)?[$€£¥]")
_LEVEL_BEFORE = re.compile(r"\b(?:to|at|of)\s+$")
_MARKET = re.compile(
    r"\b(?:index|shares?|stocks?|traded?|trading|closed?|ended|end|price|yield|rate|"
    r"dollar|yen|euro|rose|fell|gained|lost|climbed|slipped|jumped|dropped)\b",
    re.I,
)


@dataclass(slots=True)
class _Ctx:
    measure: str | None = None
    subject: str | None = None
    near: bool = True  # set in this sentence or the one just before


def extract_figures(
    text: str,
    sentences: list[Sentence],
    article_id: str,
    attributions: list[Attribution],
    dates: list[TimeRef],
    tokens: Tokens | None = None,
    ents: ArticleEntities | None = None,
) -> tuple[list[Figure], list[list[Source]]]:
    """Figures of one article, with the sources credited to each (parallel lists)."""
    figures: list[Figure] = []
    credited: list[list[Source]] = []
    date_spans = sorted((d.span.start, d.span.end) for d in dates)
    tokens = tokens or Tokens(text)
    triggers = quantity_triggers(tokens, text)
    trigger_starts = [tokens.starts[i] for i in triggers]
    prev = _Ctx()
    set_in = -2  # the sentence where the last count's measure was read
    for n, sent in enumerate(sentences):
        s, e = sent.start, sent.end
        k = bisect_left(trigger_starts, s)
        if (k == len(trigger_starts) or trigger_starts[k] >= e) and not _cut_word(text, e):
            continue  # no number in the sentence (most sentences): nothing to scan
        # "By January the figure had risen to ...": the last measure
        prev = _Ctx(prev.measure, near=set_in >= n - 1)
        last: tuple[int, str] = (s, "exact")  # where the last quantity ended, its qualifier
        last_unit: Unit | None = None  # the unit of the sentence's last measure or sum
        for m in anchored_finditer(QUANTITY, text, tokens, triggers, s, e, starters=STARTERS):
            q = parse_quantity(m)
            if q is None:
                continue
            a, b = m.start(), m.end()
            q, last = requalify(text, a, q, last), (b, q.qualifier)
            if _in_dates(date_spans, a, b):
                continue
            unit = read_unit(text, m, s, e)
            if unit is NOT_A_QUANTITY:
                continue
            if (
                unit is None
                and last_unit is not None
                and _AT_ANAPHOR.search(text, max(s, a - 40), a)
            ):
                unit = replace(last_unit, end=b)  # "the USGS estimated it at 6.3": a magnitude
            if (
                unit is None
                and last_unit is not None
                and last_unit.kind == "money"
                and _CONVERTED_AFTER.match(text, b, e)
            ):
                unit = replace(last_unit, end=b)  # "2,380,000 ($21,972)": yen, like the last sum
            if unit is not None and unit.kind != "percent":
                last_unit = unit
            if (unit is None or unit.kind == "measure") and not_a_count(text, m, s, unit is None):
                continue
            if unit is not None and unit.unit == "m" and m["num"] and m["num"][-1:] == "m":
                q = metres(q)  # "a 50m wall": the glued "m" was read as million
            read = _read(text, m, q, unit, s, e, prev)
            if read is None:
                continue
            measure, subject, noun = read
            subject = subject or (prev.subject if unit is None else None)
            if unit is None or unit.kind == "percent":
                prev, set_in = _Ctx(measure, subject), n
            sources, via = credit(text, s, e, a, b, attributions, ents)
            figures.append(
                Figure(
                    measure=measure,
                    value=q.value,
                    low=q.low,
                    high=q.high,
                    qualifier=q.qualifier,  # type: ignore[arg-type]
                    evidence=[Span(article_id, s, e, text[s:e])],
                    subject=_subject(subject),
                    unit=unit.unit if unit else None,
                    as_of=_as_of(text, a, s, e, dates),
                    attributed_to=[x.name for x in sources],
                    attributed_ids=[x.entity.id if x.entity else "" for x in sources],
                    via=via.name if via else None,
                    kind=unit.kind if unit else _BARE_KIND.get(measure, "count"),
                    noun=noun,
                    change=change_of(text, a, s),
                )
            )
            credited.append(sources)
    return figures, credited


def _read(
    text: str, m: re.Match[str], q: Quantity, unit: Unit | None, s: int, e: int, prev: _Ctx
) -> tuple[str, str | None, str | None] | None:
    """(measure, subject, noun phrase) of a quantity, or None when it is no figure."""
    a, b = m.start(), m.end()
    if unit is not None and unit.kind == "money":
        words, _ = np_after(text, unit.end, e)
        return money_measure(text, a, unit.end, s, e), None, " ".join(words) or None
    if unit is not None and unit.kind == "measure":
        measure = measure_name(unit, text, a, s, e)
        if measure == "length":  # a size of one thing: "the 22-foot vessel"
            sized = sized_object(unit, text, e)
            if sized:
                return "size", sized, None
            length = named_length(text, a, s)  # "the depth of the quake was 10 km"
            if length:
                return length[0], length[1], None
        return measure, _pct_subject(text, unit.end, e), None
    words, np_end = np_after(text, b, e)
    found = _measure(text, m, s, e, prev, words, np_end)
    noun = " ".join(words) or None
    if found is not None:
        measure, subject = found
        if referring(text, m, s):
            return None  # "these two men", "the two prisoners": people already counted
        if not words and m[0].strip().lower() == "one":
            return None  # "one on the hands": "one" counts only with its noun
        written = (q.value,) if q.value is not None else (q.low, q.high)
        if unit is None and q.qualifier == "exact" and _fractional(*written):
            # every count measure is of whole things: "7.8" before "killed"
            # is a magnitude ("a 7.8 quake killed ..."), not 7.8 people
            return None
        return measure, subject, noun
    if unit is not None:  # a percent with no telling word: a share
        return "share", _pct_subject(text, b, e), None
    person = _N_PERSON.match(text, b, e)
    if person:  # "a five-person crew": a count of people
        after_words, _ = np_after(text, person.end(), e)
        crew = after_words[0].lower() if after_words else ""
        return (crew if crew in COUNT_NOUNS else "people"), None, " ".join(after_words) or None
    if text[b : b + 1] == "-":
        return None  # "a three-bed apartment": the number modifies a noun
    head = count_head(words, q.value, bool(OF_DETERMINER.match(text, b, e)))
    if head is None and q.value != 1 and not referring(text, m, s):
        named = named_count(text, a, b, s, e)
        if named is not None:
            return named
    if head is not None and referring(text, m, s):
        return None  # "the two countries": a reference to things already named, not a count
    if head is None:
        if _SUM_BEFORE.search(text, max(s, a - 14), a):
            return "amount", None, None  # "a market worth over 2 billion", "raised 280 million"
        if (m["qual"] or q.value is None) and _VERB_AFTER.match(text, b, e):
            return "count", None, None  # "About 1000 come from Asia": the noun is left out
        level = _LEVEL_BEFORE.search(text, max(s, a - 12), a) or _LEVEL_AFTER.match(text, b, e)
        if level and ("." in m[0] or "," in m[0]) and _MARKET.search(text, s, e):
            return "level", None, None  # "rose 8.15% to 3.65", "ended at 27,349.19"
        return None
    return head, " ".join(words[: words.index(head)]) or None, noun


# "the arrest of N people": an act named as a noun, of the people it counts
_NOMINAL = {"arrest": "arrested", "detention": "arrested", "evacuation": "evacuated",
            "rescue": "rescued", "release": "released", "death": "killed", "killing": "killed",
            "deployment": "deployed", "displacement": "displaced"}  # fmt: skip
_NOMINAL_OF = re.compile(
    r"\b(arrests?|detentions?|evacuations?|rescues?|releases?|deaths|killings?|deployments?|"
    r"displacements?)\s+of\s+(?:at\s+least\s+|some\s+|about\s+|around\s+|more\s+than\s+|"
    r"nearly\s+|up\s+to\s+|over\s+)?$",
    re.I,
)
_AFTER_ONLY = frozenset(["hospital"])  # measure words that only name a count after it
_EVENT_MEASURES = frozenset([*MEASURE_WORDS.values(), *COMBINED.values()])


def _fractional(*values: float | None) -> bool:
    return any(v is not None and not float(v).is_integer() for v in values)


_REPORTING = frozenset(SPEECH_VERBS) - frozenset(MEASURE_WORDS)


def _measure(
    text: str, m: re.Match[str], s: int, e: int, prev: _Ctx, words: list[str], np_end: int
) -> tuple[str, str | None] | None:
    a, b = m.start(), m.end()
    if _STRONG.match(text, b):  # "the 12,000-strong contingent of North Korean troops"
        of = re.match(r"\s*\w+\s+of\s+((?:[A-Z][\w-]*\s+)*\w+)", text[b + 7 : e])
        return "deployed", (of[1] if of else None)
    low = [w.lower() for w in words]
    head = low[-1] if low else ""
    subject_words = [w for w in words if w.lower() not in MEASURE_WORDS or w.lower() in COUNT_NOUNS]
    while subject_words and subject_words[0].lower() in _DETERMINERS:
        subject_words.pop(0)
    subject = " ".join(subject_words) or None
    pre_words = [w.lower() for w in WORD.findall(text[max(s, a - 40) : a])][-4:]
    if m["pct"]:  # "retaking over 40% of the territory": the verb before decides
        for w in reversed(pre_words):
            if w in MEASURE_WORDS:
                return MEASURE_WORDS[w], _pct_subject(text, b, e)
    # 1. the counted noun is itself a measure: "300 deaths", "2,700 wounded"
    head_measures = [MEASURE_WORDS[w] for w in low if w in MEASURE_WORDS]
    # 2. the verb after: "300 soldiers were killed", "had been “killed or injured”"
    reach = 40 if m["pct"] else 80  # "two servicemen of the DPRK, captured": counts reach further
    if not words and _CLAUSE_ENDS.match(text, b, e):
        reach = 0  # "the boat snapped in two, and those onboard ...": the number ends its clause
    window = window_measures(text, np_end, min(e, np_end + reach))
    after = combine_measures(head_measures + [x for x in window if x not in head_measures])
    # 3. "put the figure at 1,000": the measure of the figure it answers
    if prev.measure and re.search(
        r"\b(?:up|down)\s+from\s*$|\bcompared\s+with\s*$", text[max(s, a - 20) : a]
    ):
        return prev.measure, prev.subject  # "64.5 percent, up from 58 percent"
    if prev.measure and prev.near and not words and _ESTIMATED.search(text, max(s, a - 30), a):
        # (from the sentence before, not across sentences that moved on: "...
        # may have died. The children were below deck. One estimated around 50")
        return prev.measure, prev.subject  # "... 750 people aboard. The agency estimated up to 400"
    if _CROWD.search(text[max(s, a - 30) : a]):
        return "crowd", subject
    dwellers = not head_measures and (not words or head in _DWELLERS)
    if dwellers and (
        _POPULATION_OF.search(text, max(s, a - 40), a)
        or (words and not window and _SETTLEMENT_OF.search(text, max(s, a - 30), a))
    ):
        return "population", None  # "a town of 4,700 residents" ("... evacuated" is not)
    before = text[max(s, a - 60) : a]
    if prev.measure and _ANAPHOR_WORDS.search(before) and _FIGURE_ANAPHOR.search(before):
        if _DEATH_TOLL.search(text, s, a):
            return "killed", subject  # "the death toll rose to 62": whatever came before
        return prev.measure, prev.subject
    nominal = _NOMINAL_OF.search(text, max(s, a - 40), a)
    if nominal and (head in COUNT_NOUNS or head in MEASURE_WORDS or not words):
        # "the detention of eight officials", "the release of 30 prisoners": the act
        # named, whatever the noun alone would say ("prisoners" are captured)
        return _NOMINAL[nominal[1].lower().rstrip("s")], subject
    verb = pre_words[-1] if pre_words else ""
    if verb and re.search(r"[,;:]\s*$", text[max(s, a - 4) : a]):
        verb = ""  # "700 were aboard, 104 of whom were rescued": another clause's verb
    if (
        not head_measures
        and verb in MEASURE_WORDS
        and verb not in _AFTER_ONLY
        and (head in COUNT_NOUNS or not words)
    ):
        # the verb right before governs its object: "a shipwreck that killed at
        # least 78 migrants, as hopes of finding survivors faded" is 78 killed
        return MEASURE_WORDS[verb], subject
    if after:
        if head_measures or head in COUNT_NOUNS or not words or m["vague"]:
            return after, subject
        if m["pct"]:
            return after, _pct_subject(text, b, e)
    # 4. the word before: "sending 10,000 troops", "the capture of two soldiers"
    for w in reversed(pre_words):
        if w in _REPORTING:
            break  # "Survivors said 600 people were on board": the speaker, not the count
        if w in _AFTER_ONLY:
            continue  # "in hospital bunks, one on the hands": not a count of the treated
        if w in MEASURE_WORDS and (head in COUNT_NOUNS or not words or m["vague"]):
            return MEASURE_WORDS[w], subject
    nof = _NUMBER_OF.search(text[s:a])
    if nof and nof["noun"].lower() in COUNT_NOUNS and not words:
        # "the number of people who died in the crush has reached 158": what
        # happened to them, said in the clause after the noun
        told = window_measures(nof["rest"], 0, len(nof["rest"]))
        if told:
            return told[0], nof["noun"].lower()
    if nof and nof["noun"].lower() in MEASURE_WORDS:
        subj = re.search(
            r"\b(?:among|of)\s+(?:the\s+ranks\s+of\s+)?((?:[A-Z][\w-]*\s+)*[a-z]+)", nof["rest"]
        )
        return MEASURE_WORDS[nof["noun"].lower()], subject or (subj[1] if subj else None)
    if _DEATH_TOLL.search(text, s, a):
        return "killed", subject
    place = _IN_PLACE.match(text, b, e) if not words else None
    if place and prev.measure:  # "20,319 deaths, including 16,546 in Turkey and 3,868 in Syria"
        return prev.measure, place[1]
    # 5. a plain count of people or things as news: "214 passengers", "40 homes"
    if head in COUNT_NOUNS and (any(c.isdigit() for c in m[0]) or m["vague"]) and len(words) <= 4:
        return head, subject
    if m["pct"]:
        return "share", _pct_subject(text, b, e)
    return None


_NOT_SUBJECT_END = frozenset(["away", "within", "went", "remain", "remained", "remains",
                              "believed", "feared", "said", "plus", "more", "still"])  # fmt: skip


def _noun_phrase(words: list[str]) -> bool:
    """Do the words after a number end in a noun, as a subject must ("North
    Korean troops", "civilians")? Not "more", "still", "feared", "U" or "of"."""
    if not words:
        return False
    if any(w.islower() and w.endswith(("ed", "ing")) for w in words[1:]):
        return False  # a clause: "hotels suffered damage", "city washed away"
    last = words[-1]
    low = last.lower()
    if len(last) < 2 or low in _NOT_SUBJECT_END or not_noun(low):
        return False
    return not low.endswith(("ed", "ing")) and (last[0].isupper() or not low.endswith("ly"))


def _subject(subject: str | None) -> str | None:
    """A figure's subject as a noun phrase: without a leading adverb or
    function word ("newly", "more", "plus"); None when it is no noun phrase
    ("citing the WHO", "city washed away", "still")."""
    words = (subject or "").split()
    while len(words) > 1 and words[0].islower() and (words[0].endswith("ly") or not_noun(words[0])):
        words.pop(0)
    if words and words[0].islower() and words[0].endswith("ing"):
        return None
    return " ".join(words) if _noun_phrase(words) else None


def _pct_subject(text: str, b: int, e: int) -> str | None:
    of = re.match(r"\s+of\s+(?:the\s+|its\s+|their\s+)?", text[b:e])
    if not of:
        return None
    words, _ = np_after(text, b + of.end() - 1, e, whole=True)
    return " ".join(words) or None


def _as_of(text: str, a: int, s: int, e: int, dates: list[TimeRef]) -> TimeRef | None:
    """The date a figure is reported for: a date phrase in its sentence, the
    nearest one before it first ("In December, X said ... 3,000")."""
    usable = [
        d
        for d in dates
        if s <= d.span.start < e
        and d.start is not None
        and not _SINCE_BEFORE.search(text[max(s, d.span.start - 28) : d.span.start])
    ]
    if not usable:
        return None
    before = [d for d in usable if d.span.start < a]
    return before[-1] if before else usable[0]
