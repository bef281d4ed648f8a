"""A directory of broken files: one error per bad file, good files still come out."""

from __future__ import annotations

import gzip
import io
import json
import subprocess
import sys
import zipfile

from corroborate.config import Config, IngestConfig
from corroborate.pipeline import process

BODY = "Officials in Sarn said on Tuesday that 40 people had been evacuated from the district."


def make_bad_dir(root):
    (root / "good.txt").write_text(BODY)
    (root / "good2.html").write_text(
        f"<html><body><article><p>{BODY} Second good.</p><p>{BODY}</p></article></body></html>"
    )
    (root / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    (root / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200))
    (root / "empty.txt").write_bytes(b"")
    (root / "blank.md").write_text("   \n\n  ")
    (root / "bad-encoding.txt").write_bytes(bytes([0x80 + (i * 37) % 120 for i in range(400)]))
    (root / "truncated.html").write_text(f"<html><head><title>x</title></head><body><p>{BODY}")
    (root / "truncated.txt.gz").write_bytes(gzip.compress(BODY.encode() * 50)[:60])
    (root / "huge.txt").write_text(BODY * 200)
    (root / "broken.json").write_text('{"text": "unterminated')
    (root / "norecord.json").write_text(json.dumps({"title": "no body"}))
    (root / "feed.rss").write_text("<rss><channel><title>x</title></channel>")
    (root / "bad.zip").write_bytes(b"PK\x03\x04 this is not really a zip")
    (root / "junk-only.txt").write_text("Advertisement\nShare\n--\n")


EXPECTED = {
    "binary.txt": "binary file",
    "image.png": "binary file",
    "empty.txt": "empty file",
    "blank.md": "empty file",
    "bad-encoding.txt": "cannot decode text",
    "truncated.html": "truncated HTML",
    "truncated.txt.gz": "truncated gzip",
    "huge.txt": "file too large",
    "broken.json": "invalid JSON",
    "norecord.json": 'no "text" or "html"',
    "feed.rss": "feed",
    "bad.zip": "not a readable zip archive",
    "junk-only.txt": "no article text left",
}


def test_one_clear_error_per_bad_file(tmp_path):
    make_bad_dir(tmp_path)
    doc = process([str(tmp_path)], Config(ingest=IngestConfig(max_bytes=10_000)))
    got = {e.path.rsplit("/", 1)[-1]: e.error for e in doc.errors}
    assert set(got) == set(EXPECTED)
    for name, fragment in EXPECTED.items():
        assert fragment in got[name], (name, got[name])
        assert "\n" not in got[name]
    assert sorted(a.path.rsplit("/", 1)[-1] for a in doc.articles) == ["good.txt", "good2.html"]


def test_cli_reports_errors_on_stderr_and_exits_1(tmp_path):
    (tmp_path / "in").mkdir()
    make_bad_dir(tmp_path / "in")
    out = tmp_path / "out.json"
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "corroborate",
            "run",
            str(tmp_path / "in"),
            "--json",
            str(out),
            "--max-bytes",
            "10000",
            "--quiet",
        ],
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 1
    lines = [ln for ln in proc.stderr.splitlines() if ln.startswith("error:")]
    assert len(lines) == len(EXPECTED)
    assert any("huge.txt: file too large" in ln for ln in lines)
    doc = json.loads(out.read_text())
    assert len(doc["articles"]) == 2 and len(doc["errors"]) == len(EXPECTED)


def test_bad_member_inside_an_archive_does_not_stop_the_rest(tmp_path):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("a.txt", BODY)
        zf.writestr("b.txt", b"\x00\x01\x02binary")
        zf.writestr("c.txt", BODY + " Third.")
    (tmp_path / "x.zip").write_bytes(buf.getvalue())
    doc = process([str(tmp_path / "x.zip")])
    assert [e.path.rsplit("!", 1)[-1] for e in doc.errors] == ["b.txt"]
    assert len(doc.articles) == 2


def test_missing_path(tmp_path):
    doc = process([str(tmp_path / "nope")])
    assert doc.errors[0].error == "no such file or directory"
