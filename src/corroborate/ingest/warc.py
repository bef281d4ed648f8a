"""WARC archives (warcio): every HTML response record is an article.

A truncated archive still yields the records before the damage, then one
error saying where reading stopped.
"""

from __future__ import annotations

import io
import logging
from collections.abc import Iterator

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from corroborate.errors import BadInput
from corroborate.ingest.base import RawRecord, ReadResult, Source
from corroborate.ingest.decode import decode
from corroborate.ingest.html import check_complete, declared_charset
from corroborate.ingest.unpack import Truncated, decompress
from corroborate.model import InputError
from corroborate.text.dates import parse_date


class _QuietIterator(ArchiveIterator):
    """warcio's iterator without its warnings on stderr: they are counted
    (``err_count``) and reported as one error naming the file."""

    INC_RECORD = ""


def read_warc(src: Source) -> Iterator[ReadResult]:
    # warcio logs each repaired header on stderr, which would interleave with
    # the one-line errors; damage that matters is reported below instead
    logging.getLogger("warcio").setLevel(logging.ERROR)
    seen = 0
    truncated = False
    if src.data[:2] == b"\x1f\x8b":
        # warcio stops quietly at a cut-off member and would expand a bomb
        # whole: the stream is checked first, streaming, within the limit
        try:
            decompress(src.data, "gzip", src.limit, keep=False)
        except Truncated:
            truncated = True
    try:
        records = _QuietIterator(io.BytesIO(src.data))
        for record in records:
            seen += 1
            if record.rec_type != "response" or record.http_headers is None:
                continue
            ctype = (record.http_headers.get_header("Content-Type") or "").lower()
            if "html" not in ctype:
                continue
            status = record.http_headers.get_statuscode()
            uri = record.rec_headers.get_header("WARC-Target-URI")
            path = f"{src.label}#{uri or seen}"
            if status and not status.startswith("2"):
                continue  # redirects and error pages are not articles
            payload = record.content_stream().read(src.limit + 1)
            if len(payload) > src.limit:
                yield InputError(path, f"record larger than the limit of {src.limit:,} bytes")
                continue
            charset = ctype.split("charset=")[-1].strip() if "charset=" in ctype else None
            try:
                html = decode(payload, charset or declared_charset(payload))
                check_complete(html)
            except BadInput as exc:
                yield InputError(path, str(exc))
                continue
            yield RawRecord(
                path=path,
                format="warc",
                html=html,
                url=uri,
                published=None
                if not record.http_headers.get_header("Last-Modified")
                else parse_date(record.http_headers.get_header("Last-Modified")),
            )
    except Exception as exc:  # warcio fails in many ways on a cut or damaged record
        where = f"after {seen} record(s)" if seen else "at the start"
        if seen == 0 and isinstance(exc, ArchiveLoadFailed):
            raise BadInput(f"not a WARC archive: {exc}") from exc
        why = (
            "a record is cut short or malformed"
            if isinstance(exc, AttributeError | TypeError | IndexError)
            else str(exc).strip() or type(exc).__name__
        )
        yield InputError(src.label, f"truncated or corrupt WARC {where}: {why[:200]}")
        return
    if records.err_count:
        yield InputError(
            src.label,
            f"{records.err_count} record(s) with a wrong Content-Length: "
            "records after them may be cut or merged",
        )
    if truncated:
        yield InputError(
            src.label, f"truncated WARC: the gzip stream ends early (after {seen} record(s))"
        )
