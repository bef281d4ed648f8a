"""What readers consume and produce."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from datetime import date

from corroborate.config import DEFAULT_MAX_BYTES
from corroborate.model import Format, InputError
from corroborate.text.normalise import valid_text


@dataclass(slots=True, frozen=True)
class Source:
    """Bytes of one input, before its format is known.

    ``label`` names it for people (``corpus.zip!a/b.html``); ``name`` is the
    file name whose suffix picks the reader (empty for stdin: sniffed).
    """

    label: str
    data: bytes
    name: str = ""
    limit: int = DEFAULT_MAX_BYTES  # most bytes a reader may decompress from it


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
    record_id: str | None = None  # the input's own id ("id" of a JSON record, a feed guid)


@dataclass(slots=True, frozen=True)
class Skipped:
    """A file found in a folder and deliberately not read (an output of an
    earlier run): a note for the user, not an error."""

    path: str
    reason: str


ReadResult = RawRecord | InputError
Reader = Callable[[Source], Iterator[ReadResult]]


_LANGUAGE = re.compile(r"[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*")
_TEXT_FIELDS = ("path", "text", "html", "url", "title", "outlet", "author", "record_id")


def valid_record(record: RawRecord) -> RawRecord:
    """The record with every text field valid, storable Unicode (lone
    surrogates replaced, NUL dropped) and a language that is a language tag
    (``en``, ``pt-BR``) or none: whatever the reader found, nothing later
    chokes on it."""
    changes: dict[str, str | None] = {}
    for key in _TEXT_FIELDS:
        value = getattr(record, key)
        if value is not None and (fixed := valid_text(value)) is not value:
            changes[key] = fixed
    lang = record.language
    if lang is not None and (len(lang) > 16 or not _LANGUAGE.fullmatch(lang.strip())):
        changes["language"] = None
    return replace(record, **changes) if changes else record  # type: ignore[arg-type]
