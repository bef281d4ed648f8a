"""What readers consume and produce."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date

from corroborate.model import Format, InputError


@dataclass(slots=True, frozen=True)
class Source:
    """Bytes of one input, before its format is known.

    ``label`` names it for people (``corpus.zip!a/b.html``); ``name`` is the
    file name whose suffix picks the reader (empty for stdin: sniffed).
    """

    label: str
    data: bytes
    name: str = ""


@dataclass(slots=True)
class RawRecord:
    """One article as a reader found it: text or HTML plus any metadata."""

    path: str
    format: Format
    text: str | None = None
    html: str | None = None
    url: str | None = None
    title: str | None = None
    published: date | None = None
    outlet: str | None = None
    author: str | None = None
    language: str | None = None


ReadResult = RawRecord | InputError
Reader = Callable[[Source], Iterator[ReadResult]]
