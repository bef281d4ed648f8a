"""Hostile inputs, written by the tests themselves beside good files.

``write_hostile(folder)`` lays out every trigger that once killed or hung a
run (or lost records silently) and returns the names of the good articles
that must survive; every other file must be named in an error.
"""

from __future__ import annotations

import gzip
import io
import json
import os
import tarfile
import zipfile
import zlib
from pathlib import Path

GOOD = (
    "The harbour authority of Kelmsby said on Tuesday that 14 fishing boats were "
    "damaged when the storm reached the coast overnight. Harbour master Ines Varga "
    "said repairs would take at least three weeks."
)


def _good(i: int) -> str:
    return GOOD.replace("14", str(14 + i)).replace("Kelmsby", f"Kelmsby{i}")


def _warc_record(uri: str, html: str) -> bytes:
    http = ("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + html).encode()
    head = (
        "WARC/1.0\r\nWARC-Type: response\r\n"
        f"WARC-Target-URI: {uri}\r\nWARC-Record-ID: <urn:uuid:{abs(hash(uri)):032x}>\r\n"
        "WARC-Date: 2025-01-01T00:00:00Z\r\nContent-Type: application/http; msgtype=response\r\n"
        f"Content-Length: {len(http)}\r\n\r\n"
    ).encode()
    return head + http + b"\r\n\r\n"


def _page(i: int) -> str:
    return f"<html><head><title>Storm {i}</title></head><body><article><p>{_good(i)}</p></article></body></html>"


def _zip_bytes(members: dict[str, bytes], compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return buf.getvalue()


def _overlapping_zip(n: int, size: int) -> bytes:
    """``n`` central-directory entries all pointing at one member's data."""
    one = _zip_bytes({"m0.txt": b"a" * size})
    zf = zipfile.ZipFile(io.BytesIO(one))
    info = zf.infolist()[0]
    local_end = info.header_offset + 30 + len(info.filename) + len(info.extra) + info.compress_size
    body = one[:local_end]
    cd = bytearray()
    for k in range(n):
        name = f"m{k}.txt".encode()
        cd += (
            b"PK\x01\x02"
            + (20).to_bytes(2, "little") * 2
            + (0).to_bytes(2, "little")
            + (8).to_bytes(2, "little")
            + (0).to_bytes(4, "little")
            + info.CRC.to_bytes(4, "little")
            + info.compress_size.to_bytes(4, "little")
            + info.file_size.to_bytes(4, "little")
            + len(name).to_bytes(2, "little")
            + (0).to_bytes(2, "little") * 3
            + (0).to_bytes(2, "little")
            + (0).to_bytes(4, "little")
            + (0).to_bytes(4, "little")
            + name
        )
    eocd = (
        b"PK\x05\x06"
        + (0).to_bytes(2, "little") * 2
        + n.to_bytes(2, "little") * 2
        + len(cd).to_bytes(4, "little")
        + len(body).to_bytes(4, "little")
        + (0).to_bytes(2, "little")
    )
    return body + bytes(cd) + eocd


def _tar_bytes(members: dict[str, bytes], mode: str = "w") -> bytes:
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode=mode) as tf:  # type: ignore[call-overload]
        for name, data in members.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tf.addfile(info, io.BytesIO(data))
    return buf.getvalue()


def write_hostile(folder: Path) -> tuple[set[str], set[str]]:
    """Write good and hostile inputs under ``folder``; return (good article
    markers that must survive, hostile file names that must be named in errors)."""
    folder.mkdir(parents=True, exist_ok=True)
    good: set[str] = set()
    bad: set[str] = set()

    def put(name: str, data: bytes | str, hostile: bool) -> None:
        (folder / name).write_bytes(data.encode() if isinstance(data, str) else data)
        (bad if hostile else good).add(name)

    for i in range(3):
        put(f"good{i}.txt", _good(i), False)
    # JSON: a lone surrogate is repaired, not fatal (the record is kept)
    put("surrogate.json", '{"text": "' + _good(10) + ' \\ud800 end"}', False)
    put("bigint.json", '{"text": "x", "n": ' + "9" * 5000 + "}", True)
    put(
        "year.json",
        json.dumps({"text": _good(11), "published": "1 Jan 99999999999999999999"}),
        False,
    )
    put("nul.json", json.dumps({"text": _good(12) + "\u0000", "language": "x" * 17}), False)
    deep = "[" * 100_000 + "]" * 100_000
    put(
        "deep.jsonl",
        json.dumps({"text": _good(13)})
        + "\n"
        + deep
        + "\n"
        + json.dumps({"text": _good(14)})
        + "\n",
        True,
    )
    put(
        "feed.rss",
        (
            '<?xml version="1.0"?><rss version="2.0"><channel><title>Feed</title><item>'
            f"<title>T</title><description>{_good(15)} &#xD800; end</description></item></channel></rss>"
        ),
        False,
    )
    # compression: 1,500 gzip layers, a gzip bomb named .warc.gz, a plain bomb
    layered = _good(16).encode()
    for _ in range(1500):
        layered = gzip.compress(layered, compresslevel=1)
    put("layers.txt.gz", layered, True)
    bomb = zlib.compressobj(1, zlib.DEFLATED, 31)
    zeros = b"\0" * (1 << 20)
    chunks = [bomb.compress(zeros) for _ in range(1024)] + [bomb.flush()]
    put("bomb.warc.gz", b"".join(chunks), True)
    put("bomb.txt.gz", b"".join(chunks), True)
    # zips: encrypted flag, unsupported method, corrupt LZMA, bad directory offset, aliasing
    z = bytearray(_zip_bytes({"a.txt": _good(17).encode()}))
    z[6] |= 1  # local header: encrypted
    cd = z.index(b"PK\x01\x02")
    z[cd + 8] |= 1  # central directory: encrypted
    put("encrypted.zip", bytes(z), True)
    z = bytearray(_zip_bytes({"a.txt": _good(18).encode()}))
    z[8:10] = (9).to_bytes(2, "little")  # deflate64
    cd = z.index(b"PK\x01\x02")
    z[cd + 10 : cd + 12] = (9).to_bytes(2, "little")
    put("deflate64.zip", bytes(z), True)
    z = bytearray(_zip_bytes({"a.txt": _good(19).encode() * 50}, zipfile.ZIP_LZMA))
    z[60:80] = b"\xff" * 20
    put("lzma.zip", bytes(z), True)
    z = bytearray(_zip_bytes({"a.txt": _good(20).encode()}))
    eocd = z.rindex(b"PK\x05\x06")
    z[eocd + 16 : eocd + 20] = (10**9).to_bytes(4, "little")
    put("cdoffset.zip", bytes(z), True)
    put("alias.zip", _overlapping_zip(5000, 8 << 20), True)
    put(
        "markup.zip",
        _zip_bytes({"a[/x].txt": b"\x00\x01\x02 binary", "ok.txt": _good(21).encode()}),
        True,
    )
    good.add("markup.zip!ok.txt")
    # tar: corrupt xz, cut inside a header
    xz = bytearray(_tar_bytes({"a.txt": _good(22).encode()}, "w:xz"))
    xz[40:60] = b"\x00" * 20
    put("corrupt.tar.xz", bytes(xz), True)
    t = _tar_bytes({"b1.txt": _good(23).encode(), "b2.txt": _good(24).encode()})
    put("cut.tar", t[: 512 + 512 + 200], True)  # the second header is cut
    good.add("cut.tar!b1.txt")
    # WARC: cut inside the second record's header
    w = _warc_record("https://example.org/1", _page(25)) + _warc_record(
        "https://example.org/2", _page(26)
    )
    cut = len(_warc_record("https://example.org/1", _page(25))) + 40
    put("cut.warc", w[:cut], True)
    good.add("cut.warc#https://example.org/1")
    # special files
    fifo = folder / "pipe.txt"
    os.mkfifo(fifo)
    bad.add("pipe.txt")
    return good, bad
