"""Every reader on files made here, plus archives, gzip, encodings and stdin."""

from __future__ import annotations

import gzip
import io
import json
import tarfile
import zipfile
from datetime import date

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from corroborate.ingest import read_paths
from corroborate.model import InputError
from corroborate.pipeline import process

BODY = (
    "Rescue teams in Sarn said on Tuesday that 40 people had been evacuated from the "
    "flooded district, and that more rain was expected overnight."
)
PAGE = f"""<!DOCTYPE html><html><head><title>Sarn flood | Example Post</title>
<meta property="og:site_name" content="Example Post">
<meta name="author" content="Jane Roe">
<meta property="article:published_time" content="2026-03-17T08:00:00Z"></head>
<body><nav><a href="/">Home</a> <a href="/w">World</a></nav><article><h1>Sarn flood</h1>
<p>{BODY}</p><p>{BODY} The mayor said shelters were full.</p></article>
<footer>© 2026 Example Post</footer></body></html>"""


def one(path):
    doc = process([str(path)])
    assert doc.errors == [], doc.errors
    assert len(doc.articles) == 1
    return doc.articles[0]


def test_text_and_markdown(tmp_path):
    (tmp_path / "a.txt").write_text(f"Sarn Flood Worsens\n\n{BODY}\n")
    (tmp_path / "b.md").write_text(f"{BODY} Markdown.\n")
    doc = process([str(tmp_path)])
    assert [a.title for a in doc.articles] == ["Sarn Flood Worsens", None]
    assert doc.articles[0].text == BODY


def test_html_page(tmp_path):
    (tmp_path / "p.html").write_text(PAGE)
    a = one(tmp_path / "p.html")
    assert a.format == "html" and a.title == "Sarn flood"
    assert a.outlet == "Example Post" and a.author == "Jane Roe"
    assert a.published == date(2026, 3, 17)
    assert a.text.startswith("Rescue teams in Sarn") and "Home" not in a.text


def test_json_and_jsonl_records(tmp_path):
    rec = {
        "text": BODY,
        "url": "https://ex.org/1",
        "title": "T",
        "published": "2026-03-17",
        "outlet": "Ex",
        "author": "A B",
        "language": "en",
    }
    (tmp_path / "one.json").write_text(json.dumps(rec))
    (tmp_path / "many.json").write_text(
        json.dumps(
            {"articles": [{**rec, "url": "https://ex.org/5"}, {**rec, "url": "https://ex.org/2"}]}
        )
    )
    (tmp_path / "lines.jsonl").write_text(
        json.dumps({**rec, "url": "https://ex.org/3"})
        + "\n\n"
        + json.dumps(
            {"html": f"<p>{BODY}</p><p>Second paragraph here.</p>", "url": "https://ex.org/4"}
        )
        + "\n"
    )
    doc = process([str(tmp_path)])
    assert doc.errors == []
    assert sorted(a.url for a in doc.articles) == [f"https://ex.org/{i}" for i in (1, 2, 3, 4, 5)]
    html_rec = next(a for a in doc.articles if a.url.endswith("/4"))
    assert html_rec.text == f"{BODY}\n\nSecond paragraph here."
    a = next(a for a in doc.articles if a.url.endswith("/1"))
    assert (a.published, a.outlet, a.author, a.language) == (date(2026, 3, 17), "Ex", "A B", "en")
    assert a.path.endswith("one.json")
    assert any(x.path.endswith("lines.jsonl:3") for x in doc.articles)


def test_rss_and_atom_feeds(tmp_path):
    (tmp_path / "f.rss").write_text(f"""<?xml version="1.0"?><rss version="2.0"><channel>
<title>Example Wire</title><item><title>Flood</title><link>https://ex.org/f1</link>
<pubDate>Tue, 17 Mar 2026 08:00:00 +0000</pubDate><description>&lt;p&gt;{BODY}&lt;/p&gt;</description>
</item><item><title>Empty</title><link>https://ex.org/f2</link></item></channel></rss>""")
    (tmp_path / "f.atom").write_text(f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Post</title><id>x</id><updated>2026-03-18T00:00:00Z</updated>
<entry><title>Atom flood</title><id>e1</id><link href="https://ex.org/a1"/><updated>2026-03-18T00:00:00Z</updated>
<author><name>Jo Ray</name></author><content type="html">&lt;p&gt;{BODY} Atom.&lt;/p&gt;</content></entry></feed>""")
    doc = process([str(tmp_path)])
    urls = {a.url: a for a in doc.articles}
    assert set(urls) == {"https://ex.org/f1", "https://ex.org/a1"}
    assert urls["https://ex.org/f1"].outlet == "Example Wire"
    assert urls["https://ex.org/f1"].published == date(2026, 3, 17)
    assert urls["https://ex.org/a1"].author == "Jo Ray"
    assert [e.error for e in doc.errors] == ["feed entry has no content or summary"]
    assert doc.errors[0].path.endswith("f.rss#1")


def make_warc(path, pages, compress=True):
    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=compress)
        for url, html in pages:
            headers = StatusAndHeaders(
                "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.0"
            )
            writer.write_record(
                writer.create_warc_record(
                    url, "response", payload=io.BytesIO(html.encode()), http_headers=headers
                )
            )
        writer.write_record(
            writer.create_warc_record(
                "https://ex.org/robots.txt",
                "response",
                payload=io.BytesIO(b"User-agent: *"),
                http_headers=StatusAndHeaders(
                    "200 OK", [("Content-Type", "text/plain")], protocol="HTTP/1.0"
                ),
            )
        )


def test_warc(tmp_path):
    make_warc(
        tmp_path / "c.warc.gz",
        [("https://ex.org/w1", PAGE), ("https://ex.org/w2", PAGE.replace("Sarn", "Lisk"))],
    )
    make_warc(
        tmp_path / "d.warc", [("https://ex.org/w3", PAGE.replace("Sarn", "Orvel"))], compress=False
    )
    doc = process([str(tmp_path)])
    assert doc.errors == []
    assert sorted(a.url for a in doc.articles) == [
        "https://ex.org/w1",
        "https://ex.org/w2",
        "https://ex.org/w3",
    ]
    assert all(a.format == "warc" for a in doc.articles)


def test_truncated_warc_keeps_records_before_the_damage(tmp_path):
    make_warc(
        tmp_path / "c.warc.gz",
        [("https://ex.org/w1", PAGE), ("https://ex.org/w2", PAGE + " " * 5000)],
    )
    data = (tmp_path / "c.warc.gz").read_bytes()
    (tmp_path / "c.warc.gz").write_bytes(data[: len(data) - 700])
    items = list(read_paths([str(tmp_path / "c.warc.gz")]))
    errors = [i for i in items if isinstance(i, InputError)]
    assert any("truncated" in e.error and "WARC" in e.error for e in errors)
    assert any(getattr(i, "url", None) == "https://ex.org/w1" for i in items)


def test_archives_and_gzip(tmp_path):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("docs/a.txt", f"{BODY} Zip.")
        zf.writestr("docs/p.html", PAGE)
    (tmp_path / "c.zip").write_bytes(buf.getvalue())
    tbuf = io.BytesIO()
    with tarfile.open(fileobj=tbuf, mode="w:gz") as tf:
        data = f"{BODY} Tar.".encode()
        info = tarfile.TarInfo("t/b.txt")
        info.size = len(data)
        tf.addfile(info, io.BytesIO(data))
    (tmp_path / "c.tar.gz").write_bytes(tbuf.getvalue())
    (tmp_path / "g.txt.gz").write_bytes(gzip.compress(f"{BODY} Gzip.".encode()))
    doc = process([str(tmp_path)])
    assert doc.errors == []
    paths = sorted(a.path.replace(str(tmp_path) + "/", "") for a in doc.articles)
    assert paths == ["c.tar.gz!t/b.txt", "c.zip!docs/a.txt", "c.zip!docs/p.html", "g.txt.gz"]


def test_legacy_encodings_are_detected(tmp_path):
    ru = (
        "Правительство в понедельник объявило о новых мерах против инфляции, заявил министр. "
        "Эксперты считают, что цены продолжат расти в течение всего года."
    )
    (tmp_path / "ru.txt").write_bytes(ru.encode("cp1251"))
    (tmp_path / "fr.txt").write_bytes(
        "Le gouvernement a annoncé lundi de nouvelles mesures contre "
        "l'inflation, a déclaré le ministre à la presse.".encode("latin-1")
    )
    doc = process([str(tmp_path)])
    assert doc.errors == []
    langs = {a.path.rsplit("/", 1)[-1]: (a.language, a.text[:13]) for a in doc.articles}
    assert langs["ru.txt"] == ("ru", "Правительство")
    assert langs["fr.txt"][0] == "fr" and "annoncé" in next(
        a.text for a in doc.articles if a.language == "fr"
    )


def test_same_input_twice_gives_one_article_with_a_stable_id(tmp_path):
    (tmp_path / "a.txt").write_text(BODY)
    first = process([str(tmp_path / "a.txt"), str(tmp_path / "a.txt")])
    again = process([str(tmp_path / "a.txt")])
    assert len(first.articles) == 1
    assert first.articles[0].id == again.articles[0].id


def test_a_records_own_id_is_kept(tmp_path):
    """JSON "id" (string or integer) and a feed entry's guid travel to the
    article as record_id, so results can be joined back to the source data."""
    from corroborate.pipeline import process

    (tmp_path / "a.jsonl").write_text(
        '{"id": "story-17", "text": "The river rose by two metres overnight in Kell."}\n'
        '{"id": 42, "text": "Crews cleared the bridge at Ostrow before dawn on Friday."}\n'
        '{"text": "No identifier travels with this short report from Vellin."}\n',
        encoding="utf-8",
    )
    doc = process([str(tmp_path / "a.jsonl")], extract=False)
    assert [a.record_id for a in doc.articles] == ["story-17", "42", None]
