"""Bytes to text: UTF-8 first, then charset-normalizer; binaries refused."""

from __future__ import annotations

import codecs

import charset_normalizer

from corroborate.errors import BadInput

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Control characters that never occur in text files; a few of them in the
# first kilobytes mean the file is binary even if some encoding "fits".
_BINARY_CONTROLS = frozenset(range(0, 9)) | frozenset(range(14, 27)) | frozenset(range(28, 32))


def decode(data: bytes, declared: str | None = None) -> str:
    """Decode ``data`` as text or raise ``BadInput`` saying why not.

    ``declared`` is an encoding the container named (HTTP header, XML
    prolog); it is tried after UTF-8 and ignored if unknown or wrong.
    """
    if not data.strip():
        raise BadInput("empty file (no text)")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as exc:
                raise BadInput(
                    f"invalid {encoding} text after byte-order mark: {exc.reason}"
                ) from exc
    sample = data[:8192]
    controls = sum(1 for b in sample if b in _BINARY_CONTROLS)
    if b"\x00" in sample or controls > max(2, len(sample) // 200):
        raise BadInput(
            "binary file, not text (contains control bytes); expected text, HTML, "
            "JSON, a feed or a WARC archive"
        )
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if declared:
        try:
            return data.decode(declared)
        except (LookupError, UnicodeDecodeError):
            pass
    best = charset_normalizer.from_bytes(data).best()
    if best is None:
        raise BadInput(
            "cannot decode text: invalid UTF-8 and no other encoding fits; "
            "re-save the file as UTF-8"
        )
    return str(best)
