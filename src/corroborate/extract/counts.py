"""The words around a number: the counted noun phrase after it, its head,
and the numbers that count nothing (years, dates, times, phone numbers,
list markers, identifiers such as "Flight 370" or "S&P 500", references
such as "these two men").
"""

from __future__ import annotations

import re

from corroborate.extract.lexicon import COMBINED, COUNT_NOUNS, DEMONYMS, MEASURE_WORDS
from corroborate.text.dates import MONTH_RE, MONTHS
from corroborate.text.numbers import WORD_VALUES

_NP_STOP = frozenset(["in", "on", "at", "to", "for", "from", "with", "by", "have", "has", "had", "were", "was", "are", "is", "been", "be", "being", "and", "or", "while", "who", "which", "that", "since", "after", "before", "during", "including", "out", "among", "than", "as", "into", "across", "per", "according", "said", "says", "will", "would", "could", "may", "might", "there", "their", "them", "it", "its", "this", "these", "those", "over", "under", "against", "between"])  # fmt: skip
_MONTH_NEAR = re.compile(rf"(?:{MONTH_RE})\.?\s*$", re.I)
_MONTH_AFTER = re.compile(rf"^\s*(?:{MONTH_RE})\b", re.I)
_TIME_AFTER = re.compile(r"^\s*(?::\d|[ap]\.?m\.?\b|o'clock|GMT|UTC)", re.I)
_PHONE_NEAR = re.compile(r"(?:tel|phone|call|fax|whatsapp|\+\d)[\s.:]*$", re.I)
_YEAR = re.compile(r"(?:1[89]|20)\d\d")
_DIGITS_AFTER = re.compile(r"^[\s-]*\d{2,}")
_LIST_MARK = re.compile(r"^[.)]\s")
_ALL_BUT = re.compile(r"\ball\s+but\s+$", re.I)
_LAST_WORD = re.compile(r"(\S+)\s*$")
_SENTENCE_MARK_TAIL = re.compile(r"[.!?:]\s*\S+\s*$")
_OF_AFTER = re.compile(r"^\s+of\b")
_WORD_AFTER = re.compile(r"^\s+\w")
_GAP_STOP = frozenset(',.;:()"“”!?—–')
_OF_PRONOUN = re.compile(r"\s+of\s+(?:whom|them|those|these|which)\b")
OF_DETERMINER = re.compile(r"\s+of\s+(?:its|their|the|his|her)?\s*")
_NOT_NOUNS = _NP_STOP | frozenset(["a", "an", "the", "of", "each", "apiece", "more", "less", "other", "others", "also", "all", "both", "but", "not", "no", "so", "than", "then", "up", "down", "off", "did", "do", "does", "got", "get", "gets", "made", "make", "makes", "said", "say", "told", "tell", "can", "should", "must", "shall", "per", "percent", "per cent", "a.m.", "p.m.", "am", "pm", "if", "when", "where", "because", "whose", "what", "how", "we", "you", "he", "she", "they", "i", "my", "your", "his", "her", "our", "back", "ago", "later", "earlier", "before", "again", "just", "only", "even", "still", "too", "very", "plus", "minus", "next", "last", "first", "second", "new", "old", "alone", "together", "yet", "already", "here", "now", "today", "or", "nor", "either", "is", "am", "went", "came", "saw", "took", "gave", "put", "set", "let", "one", "ones", "th", "st", "nd", "rd"])  # fmt: skip
_IRREGULAR_PLURALS = frozenset(["people", "men", "women", "children", "police", "staff", "crew", "personnel", "cattle", "sheep", "fish", "aircraft", "deer", "feet", "teeth", "mice", "geese", "data", "media", "livestock", "militia", "youth", "clergy", "infantry", "offspring", "series", "species", "swine", "poultry"])  # fmt: skip
_REFERRING = re.compile(r"\b(?:the|these|those|both|all)\s+$", re.I)
_IDENTIFIER_WORDS = frozenset(
    [
        "no",
        "number",
        "#",
        "page",
        "article",
        "chapter",
        "section",
        "category",
        "level",
        "game",
        "stage",
        "phase",
        "round",
        "grade",
        "size",
        "version",
        "model",
        "route",
        "row",
        "seat",
        "room",
        "gate",
        "platform",
        "channel",
        "episode",
        "season",
        "tier",
        "class",
        "type",
        "act",
    ]
)
WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*|\d[\d,.]*")


def referring(text: str, m: re.Match[str], s: int) -> bool:
    """A number in words after "the"/"these"/"both" refers to things already
    counted ("these two men"); it is not a new report of their number."""
    num = m["num"]
    return bool(
        num and num[0].isalpha() and _REFERRING.search(text, max(s, m.start() - 8), m.start())
    )


def _modifier_name(word: str) -> bool:
    """A capitalised word that may modify a counted noun: an acronym ("NBA
    teams") or a nationality ("Singaporean sisters")."""
    return (word.isupper() and len(word) > 1) or word.lower() in DEMONYMS


_ACRONYM_PLURAL = re.compile(r"[A-Z]{2,}s")


def not_noun(word: str) -> bool:
    """Is the lower-case word a function word, a pronoun or an adverb ("of", "more")?"""
    return word in _NOT_NOUNS


def count_head(words: list[str], value: float | None, of: bool = False) -> str | None:
    """The counted noun of a generic count ("242 individuals", "2,100 rallies"),
    or None when the words after the number are no plural noun phrase (a
    count of more than one takes a plural: "Planet 9 citizen science project"
    is a name, not nine projects)."""
    if not words or value == 1:
        return None
    while len(words) > 1 and words[0].lower().endswith("ly"):
        words = words[1:]  # "20 decently sized plants"
    first = words[0].lower()
    if first in _NOT_NOUNS or first.endswith("ly") or (not words[0].isalpha() and "-" not in first):
        return None
    if words[0][:1].isupper() and not (of or first.endswith("s") or _modifier_name(words[0])):
        return None  # a model or a name: "787 Dreamliner", "737 Max jets"
    for w in words:  # the first plural noun heads "175 passengers aboard"
        lw = w.lower()
        if lw in ("and", "or"):
            continue  # "current and former officials" (np_after kept only such a pair)
        if lw in _NOT_NOUNS:
            break
        if lw in COUNT_NOUNS or lw in _IRREGULAR_PLURALS or lw.endswith("men"):
            return w
        if lw.endswith("s") and not lw.endswith(("ss", "us", "is", "'s", "’s")) and len(lw) > 3:
            return w
        if _ACRONYM_PLURAL.fullmatch(w):  # "2 TDs", "40 MPs"
            return w
    return None


# "63000 Model 3 sedans", "two new 737 Max jets", "27,000 Model S and Model X
# vehicles", "63,150 Model 3s": a product or a name, then the counted plural
_NAME_TOKEN = r"(?:[A-Z][\w-]*|\d+[A-Za-z]?)"
_NAMED_PLURAL = re.compile(
    rf"\s+(?:(?:new|used|more|additional|other|older|newer)\s+)?"
    rf"(?P<name>{_NAME_TOKEN}(?:\s+(?:and\s+|or\s+)?{_NAME_TOKEN}){{0,4}}?)"
    r"\s+(?P<head>[a-z]{3,}s|\d+s)\b"
)


def named_count(text: str, a: int, b: int, s: int, e: int) -> tuple[str, str, str] | None:
    """(counted noun, the name before it, the whole noun phrase) of a count
    whose noun follows a product or a name ("63000 Model 3 sedans"), or None.
    A number right after another count is the product's ("two new 737 Max
    jets" counts two jets, not 737)."""
    before = [w.lower() for w in WORD.findall(text, max(s, a - 16), a)][-2:]
    if any(w[0].isdigit() or w in WORD_VALUES for w in before):
        return None
    m = _NAMED_PLURAL.match(text, b, e)
    if m is None or not any(w[:1].isupper() for w in m["name"].split()):
        return None
    head = m["head"]
    if head[0].isdigit():  # "Model 3s": the model's name in the plural
        return m["name"] + " " + head, m["name"], m["name"] + " " + head
    if head in _NOT_NOUNS or head.endswith(("ss", "us", "is")):
        return None
    return head, m["name"], text[m.start("name") : m.end()].strip()


def not_a_count(text: str, m: re.Match[str], s: int, bare: bool = True) -> bool:
    """Years, dates, times, phone and list numbers; for a ``bare`` number (no
    unit) also identifiers: "Flight 370", "S&P 500", "Game 7", "(4)"."""
    a, b = m.start(), m.end()
    raw = m[0]
    before = text[max(s, a - 30) : a]
    after = text[b : b + 30]
    if m["num"] and not m["qual"] and _YEAR.fullmatch(m["num"]):
        nxt = WORD.match(after.lstrip())
        if not (nxt and nxt[0].lower() in COUNT_NOUNS):
            return True  # a year
    tail = before.rstrip().rstrip(".").rsplit(None, 1)[-1:]
    if (
        (tail and tail[0].lower() in MONTHS and _MONTH_NEAR.search(before))
        or _MONTH_AFTER.match(after)
        or _TIME_AFTER.match(after)
    ):
        return True
    if _PHONE_NEAR.search(before) or _DIGITS_AFTER.match(after):
        return True
    if _ALL_BUT.search(before):
        return True  # "all but two people on board": everyone else, not a count of two
    if (a == s or text[a - 1] == "\n") and _LIST_MARK.match(after):
        return True  # a list marker
    if not bare:
        return False
    if text[a - 1 : a] == "(" and text[b : b + 1] == ")":
        return True  # a shirt or reference number: "Dak Prescott (4)"
    prev_word = _LAST_WORD.search(before)
    if prev_word and not m["qual"]:
        w = prev_word[1]
        if w.lower().rstrip(".") in _IDENTIFIER_WORDS:
            return True
        # "Flight 370", "Resolution 2231": a capitalised word mid-sentence names the number
        mid_sentence = a - len(prev_word[0]) > s + 1 and not _SENTENCE_MARK_TAIL.search(before)
        named = w.replace("&", "").isalpha()
        if w[:1].isupper() and named and mid_sentence and m["num"] and "," not in raw:
            return True
    return raw.strip().lower() == "one" and (
        bool(_OF_AFTER.match(after)) or not _WORD_AFTER.match(after)
    )


def np_after(text: str, b: int, e: int, whole: bool = False) -> tuple[list[str], int]:
    """Words of the counted noun phrase after a number, and where it ends
    (with ``whole``, past measure words: "of the seized territory")."""
    pos = b
    words: list[str] = []
    # "10,000 of its soldiers", "thousands of people"
    skip = OF_DETERMINER.match(text, pos, e)
    if skip:
        pronoun = _OF_PRONOUN.match(text, pos, e)
        if pronoun:  # "104 of whom were rescued": the noun is the one before
            return [], pronoun.end()
        pos = skip.end()
    for wm in WORD.finditer(text, pos, e):
        gap = text[pos : wm.start()]
        if len(gap) > 3 or not _GAP_STOP.isdisjoint(gap):
            break
        w = wm[0]
        if w.lower() in ("and", "or") and _coordinated(text, words, wm.end(), e):
            words.append(w)  # "eight current and former officials": two adjectives, one noun
            pos = wm.end()
            continue
        if w.lower() in _NP_STOP or w[0].isdigit():
            break
        words.append(w)
        pos = wm.end()
        if len(words) >= 5:
            break
        if not whole and (w.lower() in MEASURE_WORDS or w.lower() in COUNT_NOUNS):
            nxt = WORD.match(text, wm.end() + 1) if wm.end() < e else None
            if not (nxt and text[wm.end()] == " " and nxt[0].lower() in COUNT_NOUNS):
                break
    return words, pos


_COORDINATED = re.compile(r"\s+([a-z][\w-]*)\s+([A-Za-z][\w-]*)")


def _coordinated(text: str, words: list[str], b: int, e: int) -> bool:
    """Does "and"/"or" after one adjective join it to another before one noun
    ("current and former officials"), not start a new phrase ("dead and 20
    injured", "men and women")?"""
    if len(words) != 1 or not words[0].islower() or words[0] in COUNT_NOUNS | MEASURE_WORDS.keys():
        return False
    m = _COORDINATED.match(text, b, e)
    if m is None or m[1] in MEASURE_WORDS:
        return False
    noun = m[2]
    return noun.lower() in COUNT_NOUNS or (noun.islower() and noun.endswith("s"))


# where the words after a count stop telling what happened to it
GAP_BREAK = re.compile(r";|,\s*(?:while|whereas|but)\b|\d")


def window_measures(text: str, start: int, end: int) -> list[str]:
    """Measure words in the verb window, stopping at the next number or clause."""
    found: list[str] = []
    stop = GAP_BREAK.search(text, start, end)
    limit = stop.end() if stop else end + 1  # no word from there on
    place_words = 0  # words read past "on board" looking for the clause's verb
    prev_end = start
    for wm in WORD.finditer(text, start, end):
        if wm.start() >= limit:
            break
        w = wm[0].lower()
        if w == "board" and text[max(start, wm.start() - 3) : wm.start()].lower() == "on ":
            w = "aboard"  # "750 people were on board"
        if w in MEASURE_WORDS:
            if found == ["aboard"] and place_words:
                # "241 people on board a plane were killed": where they were,
                # then what happened to them
                return [MEASURE_WORDS[w]]
            if MEASURE_WORDS[w] not in found:
                found.append(MEASURE_WORDS[w])
        elif (
            found == ["aboard"]
            and place_words < 7
            and w not in CLAUSE_WORDS
            and "," not in text[prev_end : wm.start()]
        ):
            place_words += 1  # "on board a flight to London have been killed"
        elif found and w not in ("or", "and", "on"):
            break
        prev_end = wm.end()
    return found


# words that start another clause after "on board": its verb is not the count's
CLAUSE_WORDS = frozenset(["and", "but", "while", "when", "as", "who", "which", "that", "after"])


def combine_measures(measures: list[str]) -> str | None:
    if not measures:
        return None
    if len(measures) >= 2 and frozenset(measures[:2]) in COMBINED:
        return COMBINED[frozenset(measures[:2])]
    return measures[0]
