"""Plain text and Markdown: the whole file is one article."""

from __future__ import annotations

from collections.abc import Iterator

from corroborate.ingest.base import RawRecord, ReadResult, Source
from corroborate.ingest.decode import decode


def read_text(src: Source) -> Iterator[ReadResult]:
    yield RawRecord(path=src.label, format="text", text=decode(src.data))
