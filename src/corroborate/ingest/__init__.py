"""Readers, one per format, and the dispatch that picks one for each source.

Adding a format means writing a ``read_x(source) -> Iterator[RawRecord |
InputError]`` function and listing its suffixes (and a sniffing rule) here.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from corroborate.config import IngestConfig
from corroborate.errors import BadInput
from corroborate.ingest.base import RawRecord, Reader, ReadResult, Skipped, Source
from corroborate.ingest.feed import read_feed
from corroborate.ingest.html import read_html
from corroborate.ingest.jsonrec import read_json, read_jsonl, record_from_mapping
from corroborate.ingest.sources import iter_sources
from corroborate.ingest.text import read_text
from corroborate.ingest.warc import read_warc
from corroborate.model import InputError

__all__ = [
    "RawRecord",
    "Source",
    "read_paths",
    "read_source",
    "reader_for",
    "record_from_mapping",
    "records_from_bytes",
]

READERS: dict[str, Reader] = {
    ".txt": read_text, ".text": read_text, ".md": read_text, ".markdown": read_text,
    ".html": read_html, ".htm": read_html, ".xhtml": read_html, ".shtml": read_html,
    ".json": read_json, ".jsonl": read_jsonl, ".ndjson": read_jsonl,
    ".rss": read_feed, ".atom": read_feed, ".rdf": read_feed,
    ".warc": read_warc, ".warc.gz": read_warc,
}  # fmt: skip

MAX_RECORDS = 200_000  # records (JSON items, feed entries, WARC records) read from one input
_FEED_ROOT = re.compile(rb"<(?:rss|feed|rdf:RDF)[\s>]", re.I)
_HTML_ROOT = re.compile(rb"<(?:!doctype html|html|head|body|article|p|div)[\s>]", re.I)


def sniff(data: bytes) -> Reader:
    """Pick a reader from the content (stdin, unknown or misleading suffixes)."""
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(b"WARC/") or head[:2] == b"\x1f\x8b":
        return read_warc
    if head[:1] in (b"{", b"["):
        first = head.split(b"\n", 1)[0].strip()
        return (
            read_jsonl
            if first.startswith(b"{") and first.endswith(b"}") and b"\n{" in data[:65536]
            else read_json
        )
    if head[:1] == b"<":
        if _FEED_ROOT.search(head):
            return read_feed
        if _HTML_ROOT.search(head) or head.startswith(b"<?xml"):
            return read_html
    return read_text


def reader_for(src: Source) -> Reader:
    name = src.name.lower()
    if name.endswith(".warc.gz"):
        return READERS[".warc.gz"]
    dot = name.rfind(".")
    if dot >= 0:
        reader = READERS.get(name[dot:])
        if reader is not None:
            return reader
        if name.endswith(".xml"):
            return read_feed if _FEED_ROOT.search(src.data[:4096]) else read_html
    return sniff(src.data)


def read_source(src: Source) -> Iterator[ReadResult]:
    """Read one source; a whole-source failure becomes one ``InputError``
    (after the records read before it). Any failure counts, MemoryError and
    RecursionError included: one input must never end the batch."""
    try:
        for n, item in enumerate(reader_for(src)(src)):
            if n >= MAX_RECORDS:
                yield InputError(
                    src.label,
                    f"more than {MAX_RECORDS:,} records in one input: the rest is not read "
                    "(split the file)",
                )
                return
            yield item
    except BadInput as exc:
        yield InputError(src.label, str(exc))
    except RecursionError:
        yield InputError(src.label, "input nested too deeply to parse")
    except MemoryError:
        yield InputError(src.label, "input too large to parse in memory")
    except Exception as exc:
        yield InputError(
            src.label, f"internal error while reading ({type(exc).__name__}: {str(exc)[:200]})"
        )


def read_paths(
    paths: list[str], config: IngestConfig | None = None
) -> Iterator[ReadResult | Skipped]:
    """Every record (or error) found under ``paths``, in a stable order, and
    a note for each file a folder walk leaves out (an earlier run's output)."""
    for item in iter_sources(paths, config):
        if isinstance(item, InputError | Skipped):
            yield item
        else:
            yield from read_source(item)


def records_from_bytes(
    name: str, data: bytes, config: IngestConfig | None = None
) -> Iterator[ReadResult]:
    """Every record (or error) in one uploaded file, archives opened, by its name."""
    from corroborate.ingest.sources import expand

    config = config or IngestConfig()
    base = name.replace("\\", "/").rsplit("/", 1)[-1] or "upload"
    for item in expand(Source(base, data, base, config.max_bytes), config):
        if isinstance(item, InputError):
            yield item
        else:
            yield from read_source(item)
