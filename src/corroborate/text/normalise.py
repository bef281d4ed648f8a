"""Typography normalisation that keeps every offset traceable.

Curly quotes become straight, hyphens and en dashes become "-" (an em dash
stays: "4,000 people—less than half" is two phrases, not a word "people-less"),
exotic spaces become plain spaces: all one-for-one, so offsets do not move. Zero-width characters and soft
hyphens are dropped, runs of white space collapse to one space, and "…" becomes
"...": those change lengths, so the builder records where each piece came from.
Guillemets are kept: they are quotation marks with their own meaning in French
and German text, and the quote extractor reads them as such.
"""

from __future__ import annotations

import re

from corroborate.model import OffsetMap

_TRANSLATE = str.maketrans(
    {
        "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
        "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
        "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2212": "-",
        "\u00a0": " ", "\u2000": " ", "\u2001": " ", "\u2002": " ", "\u2003": " ",
        "\u2004": " ", "\u2005": " ", "\u2006": " ", "\u2007": " ", "\u2008": " ",
        "\u2009": " ", "\u200a": " ", "\u202f": " ", "\u205f": " ", "\u3000": " ",
        "\t": " ",
    }
)  # fmt: skip
# The characters the table changes, for a regex that finds them quickly:
# str.translate with a dict looks up every character and is slow on long lines.
_CHANGED = re.compile("[" + "".join(chr(c) for c in _TRANSLATE) + "]")
_DROPPED = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
# Anything that changes length sends a line down the slow path; most lines
# have none of it and are translated in one call.
_SLOW = re.compile(rf"\s\s|[{_DROPPED}\u2026]")
_TOKEN = re.compile(rf"(\s+)|([{_DROPPED}]+)|(\u2026)|([^\s{_DROPPED}\u2026]+)")


def _translate(text: str) -> str:
    return _CHANGED.sub(lambda m: _TRANSLATE[ord(m.group())], text)  # type: ignore[index]


class TextBuilder:
    """Accumulates clean text together with its ``OffsetMap``."""

    __slots__ = ("_parts", "_pos", "_segments")

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._segments: list[tuple[int, int, int]] = []
        self._pos = 0

    def __len__(self) -> int:
        return self._pos

    def copy(self, text: str, source_start: int) -> None:
        """Append ``text`` that corresponds one to one to source offsets."""
        if not text:
            return
        segs = self._segments
        if segs:
            c, s, n = segs[-1]
            if c + n == self._pos and s + n == source_start:
                segs[-1] = (c, s, n + len(text))
                self._parts.append(text)
                self._pos += len(text)
                return
        segs.append((self._pos, source_start, len(text)))
        self._parts.append(text)
        self._pos += len(text)

    def insert(self, text: str, source_pos: int) -> None:
        """Append synthetic ``text`` that all maps to ``source_pos``."""
        if not text:
            return
        self._segments.append((self._pos, source_pos, 0))
        self._parts.append(text)
        self._pos += len(text)

    def add_normalised(self, line: str, source_start: int) -> None:
        """Append one line with its typography normalised."""
        if line.isascii():
            # most English news: only doubled spaces or tabs can need work
            if "  " not in line and "\t" not in line:
                self.copy(line, source_start)
                return
        elif not _SLOW.search(line):
            self.copy(_translate(line), source_start)
            return
        for m in _TOKEN.finditer(line):
            start = source_start + m.start()
            if m.group(1) is not None:  # white space run -> one space
                self.copy(" ", start)
            elif m.group(2) is not None:  # invisible characters
                continue
            elif m.group(3) is not None:
                self.insert("...", start)
            else:
                self.copy(_translate(m.group(4)), start)

    def build(self) -> tuple[str, OffsetMap]:
        return "".join(self._parts), OffsetMap(tuple(self._segments))


def normalise(text: str) -> str:
    """Normalise typography of ``text`` (no offset tracking)."""
    b = TextBuilder()
    b.add_normalised(text, 0)
    return b.build()[0]


# lone surrogates (from "\\ud800" in JSON or "&#xD800;" in a feed) cannot be
# encoded, and NUL cannot be stored in PostgreSQL text: neither is ever text
_INVALID = re.compile("[\ud800-\udfff\x00]")


def valid_text(text: str) -> str:
    """``text`` as valid, storable Unicode: lone surrogates become U+FFFD,
    NUL characters are dropped.

    >>> valid_text("a\\ud800b\\x00c") == "a\\ufffdbc"
    True
    """
    if _INVALID.search(text) is None:
        return text
    return _INVALID.sub(lambda m: "" if m.group() == "\x00" else "\ufffd", text)
