"""Fast scanning for big alternation patterns.

Python's ``re`` tries every branch of a large alternation at every position
of the text: the date and quantity patterns cost more than all the rest of
extraction together when scanned that way. They only ever match around a
few trigger words (a digit, a month, "hundred"...), so ``Tokens`` splits a
text into words once, and ``anchored_finditer`` tries the expensive pattern
only at each trigger and the few words just before it (where a qualifier
such as "no fewer than" or a phrase such as "since the end of" begins).
Positions are tried left to right and a match consumes its text, as
``finditer`` does, so the result is the full scan's whenever every match
contains a trigger and starts at most ``back`` words before it; the tests
check this against the full scan on real and generated articles.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterator
from itertools import accumulate, compress

_TOKEN = re.compile(r"(\w+)")


class Tokens:
    """The ``\\w+`` words of a text with their start offsets, split once."""

    __slots__ = ("_lower", "_numeric", "starts", "words")

    def __init__(self, text: str) -> None:
        # separators and words alternate; running lengths give each word's start
        parts = _TOKEN.split(text)
        self.words: list[str] = parts[1::2]
        self.starts = list(accumulate(map(len, parts)))[0::2][: len(self.words)]
        self._lower: list[str] | None = None
        self._numeric: list[int] | None = None

    @property
    def lower(self) -> list[str]:
        if self._lower is None:
            self._lower = list(map(str.lower, self.words))
        return self._lower

    @property
    def numeric(self) -> list[int]:
        """Indices of the words that start with a digit."""
        if self._numeric is None:
            first = (w[0] for w in self.words)
            self._numeric = list(compress(range(len(self.words)), map(str.isdigit, first)))
        return self._numeric

    def triggers(
        self,
        words: frozenset[str] = frozenset(),
        cased: bool = False,
        numeric: Callable[[str], bool] | None = None,
    ) -> list[int]:
        """Indices of the words in ``words`` (compared in lower case unless
        ``cased``), plus the numeric words that satisfy ``numeric``."""
        seq = self.words if cased else self.lower
        found = list(compress(range(len(seq)), map(words.__contains__, seq)))
        if numeric is not None:
            found += [i for i in self.numeric if numeric(self.words[i])]
            found.sort()
        return found


def anchored_finditer(
    pattern: re.Pattern[str],
    text: str,
    tokens: Tokens,
    triggers: list[int],
    pos: int = 0,
    endpos: int | None = None,
    back: int = 4,
    starters: frozenset[str] | None = None,
    numeric_starts: bool = False,
) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text, pos, endpos)``, tried only at and just before triggers.

    With ``starters``, a word before a trigger is tried only if a match can
    begin there: it is one of ``starters`` (lower case) or, with
    ``numeric_starts``, a number.
    """
    end = len(text) if endpos is None else min(endpos, len(text))
    starts = tokens.starts
    lower = tokens.lower if starters is not None else []
    words = tokens.words

    def can_start(j: int) -> bool:
        """May a match begin at word ``j``, a word before a trigger?"""
        return (
            starters is None or lower[j] in starters or (numeric_starts and words[j][0].isdigit())
        )

    done = pos  # the end of the last match: nothing may start before it
    tried = -1  # the last word index tried
    k = bisect_left(triggers, bisect_left(starts, pos))
    while k < len(triggers):
        i = triggers[k]
        k += 1
        if starts[i] >= end:
            break
        if starts[i] < done:
            continue
        for j in range(max(i - back, tried + 1), i + 1):
            p = starts[j]
            if p < done:
                continue
            if j < i and not can_start(j):
                continue
            tried = j
            m = pattern.match(text, p, end)
            if m and m.end() > p:
                done = m.end()
                yield m
                break
    # an ``endpos`` inside a word makes a different word ("tens" cut to
    # "ten"), which the triggers of the whole text do not know: the cut word
    # and the words before it are tried as if it were a trigger
    w = bisect_left(starts, end) - 1
    if w < 0 or starts[w] + len(words[w]) <= end or starts[w] < pos:
        return
    for j in range(max(w - back, tried + 1, 0), w + 1):
        p = starts[j]
        if p < done or p < pos:
            continue
        if j < w and not can_start(j):
            continue
        m = pattern.match(text, p, end)
        if m and m.end() > p:
            done = m.end()
            yield m
