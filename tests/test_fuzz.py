"""Bounded fuzzing: every reader, the cleaner, extraction, the renderers and
the web ingest take arbitrary input without an exception other than the
documented input errors (``InputError`` results, 4xx replies).

A short run in CI (``CORROBORATE_FUZZ_EXAMPLES``, default 40 per target,
derandomised there); ``python bench/fuzz.py`` runs them for 10 minutes.
"""

from __future__ import annotations

import gzip
import io
import json
import os
import zipfile

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from corroborate.ingest import READERS, records_from_bytes
from corroborate.ingest.base import RawRecord
from corroborate.model import Article, InputError
from corroborate.pipeline import clean_record

EXAMPLES = int(os.environ.get("CORROBORATE_FUZZ_EXAMPLES", "40"))
FUZZ = settings(
    max_examples=EXAMPLES, deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)  # fmt: skip

WORDS = [
    "The", "mayor", "of", "Tarvo", "said", "told", "according", "to", "police", "at", "least",
    "about", "nearly", "300", "2,700", "1.5", "million", "people", "were", "killed", "injured",
    "on", "Monday", "January", "12", "2025", "last", "week", "\"", "“", "”", "'", ",", ".", "—",
    "(", ")", "%", "percent", "$", "Mr.", "Ms", "Smith", "Anna", "Berg", "Ministry", "Health",
    "denied", "not", "neither", "nor", "\n", "\n\n", "<p>", "</p>", "&amp;", "\ud800", "\x00",
]  # fmt: skip
text_like = st.lists(st.sampled_from(WORDS), max_size=80).map(" ".join)
any_text = st.one_of(text_like, st.text(max_size=400))


def _samples() -> dict[str, bytes]:
    body = "Officials in Tarvo said 12 people were evacuated on Monday, police said."
    zbuf = io.BytesIO()
    with zipfile.ZipFile(zbuf, "w") as zf:
        zf.writestr("a.txt", body)
    return {
        ".txt": body.encode(),
        ".html": f"<html><body><article><p>{body}</p></article></body></html>".encode(),
        ".json": json.dumps({"text": body, "published": "2025-01-12"}).encode(),
        ".jsonl": (json.dumps({"text": body}) + "\n").encode() * 2,
        ".rss": f"<rss><channel><title>F</title><item><description>{body}</description></item></channel></rss>".encode(),
        ".warc": (
            b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://x.org/\r\n"
            b"Content-Type: application/http; msgtype=response\r\nContent-Length: 75\r\n\r\n"
            b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<html><p>x</p></html>\r\n\r\n"
        ),
        ".zip": zbuf.getvalue(),
        ".gz": gzip.compress(body.encode()),
    }


SAMPLES = _samples()
SUFFIXES = sorted({*READERS, ".zip", ".tar", ".tar.gz", ".gz", ".xml", ""})


@st.composite
def mutated(draw) -> tuple[str, bytes]:
    """A file name and bytes: a valid sample of some format, damaged."""
    suffix = draw(st.sampled_from(SUFFIXES))
    base = SAMPLES.get(suffix) or SAMPLES[draw(st.sampled_from(sorted(SAMPLES)))]
    data = bytearray(base)
    for _ in range(draw(st.integers(0, 6))):
        op = draw(st.sampled_from(["flip", "cut", "insert", "dup"]))
        if not data:
            break
        i = draw(st.integers(0, len(data) - 1))
        if op == "flip":
            data[i] = draw(st.integers(0, 255))
        elif op == "cut":
            del data[i:]
        elif op == "insert":
            data[i:i] = draw(st.binary(max_size=40))
        else:
            data[i:i] = data[i : i + draw(st.integers(1, 200))]
    return f"f{suffix}", bytes(data)


@FUZZ
@given(mutated())
def test_readers_take_damaged_files(item):
    name, data = item
    for result in records_from_bytes(name, data):
        assert isinstance(result, RawRecord | InputError)
        if isinstance(result, RawRecord):
            cleaned = clean_record(result)
            assert isinstance(cleaned, Article | InputError)


@FUZZ
@given(st.binary(max_size=2000), st.sampled_from(SUFFIXES))
def test_readers_take_random_bytes(data, suffix):
    for result in records_from_bytes(f"r{suffix}", data):
        assert isinstance(result, RawRecord | InputError)


@FUZZ
@given(any_text, st.booleans(), st.one_of(st.none(), st.text(max_size=30)))
def test_cleaner_and_extraction_take_any_text(text, as_html, title):
    from corroborate.extract import extract_article

    record = RawRecord("fuzz", "html" if as_html else "text", html=text if as_html else None,
                       text=None if as_html else text, title=title)  # fmt: skip
    article = clean_record(record)
    if isinstance(article, Article):
        ex = extract_article(article)
        for item in (*ex.figures, *ex.statements):
            for span in item.evidence:
                assert 0 <= span.start <= span.end <= len(article.text)


@FUZZ
@given(
    st.lists(text_like, min_size=1, max_size=4),
    st.lists(st.text(max_size=12), min_size=4, max_size=4),
)
def test_story_and_renderers_take_any_articles(texts, outlets):
    from corroborate import clean_article
    from corroborate.pipeline import single_story
    from corroborate.report.html import render_story_section
    from corroborate.report.markdown import story_markdown

    articles = []
    for i, text in enumerate(texts):
        try:
            articles.append(clean_article(text + f" Officials said {i + 2} boats sank.",
                                          outlet=outlets[i], published=f"2025-01-{i + 10}"))  # fmt: skip
        except Exception as exc:  # only the documented input error
            assert type(exc).__name__ == "BadInput", exc
    if not articles:
        return
    story = single_story(articles)
    html = render_story_section(story, articles)
    assert "<script" not in html.lower()
    story_markdown(story, {a.id: a for a in articles})


@FUZZ
@given(st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | any_text,
    lambda kids: st.lists(kids, max_size=4) | st.dictionaries(
        st.sampled_from(["text", "html", "url", "title", "published", "outlet", "language", "x"]),
        kids, max_size=6),
    max_leaves=12,
))  # fmt: skip
def test_web_ingest_answers_4xx_or_200(body):
    client, auth = _client()
    reply = client.post("/api/ingest", content=json.dumps(body), headers=auth)
    assert reply.status_code in (200, 413, 422), (reply.status_code, reply.text[:300])


_CLIENT: list = []


def _client():
    if not _CLIENT:
        import tempfile

        from fastapi.testclient import TestClient

        from corroborate.store import Store
        from corroborate.web import create_app

        db = os.path.join(tempfile.mkdtemp(prefix="corroborate-fuzz-"), "fuzz.db")
        app = create_app(Store(db), token="fuzz", max_upload=100_000)
        _CLIENT.append((TestClient(app, raise_server_exceptions=True),
                        {"Authorization": "Bearer fuzz"}))  # fmt: skip
    return _CLIENT[0]
