"""Limits before work: token before body, a byte cap whatever the encoding,
422 for every invalid request, headers on every response, only http(s)
links, Bearer only, and a real server that slow or silent clients cannot
starve (all on loopback, bounded in count and time)."""

from __future__ import annotations

import socket
import time
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient

from corroborate.web import create_app
from tests.web.serve import running_server

TOKEN = "limits-t0ken"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
ARTICLE = "Rescuers in Dunmore said on Sunday that 12 fishermen were missing after the storm."


@pytest.fixture
def client(store):
    return TestClient(create_app(store, token=TOKEN, max_upload=200_000))


@pytest.mark.parametrize(
    ("body", "needle"),
    [
        ({"text": 5}, "'text' must be a string"),
        ("null", "expected an object"),
        ([1, 2], "item 0: expected an object"),
        ({"text": ARTICLE, "published": "the day after"}, "'published' is not a date"),
        ({"text": ARTICLE, "title": ["a"]}, "'title' must be a string"),
        ([], "no records"),
    ],
)
def test_invalid_records_get_422_with_headers(client, body, needle):
    import json

    content = body if isinstance(body, str) else json.dumps(body)
    r = client.post("/api/ingest", content=content, headers=AUTH)
    assert r.status_code == 422 and needle in r.json()["detail"]
    assert "default-src 'none'" in r.headers["content-security-policy"]


def test_invalid_requests_get_422_not_500(client):
    assert client.post("/api/ingest", content=b"{not json", headers=AUTH).status_code == 422
    r = client.get("/api/stories", params={"offset": 2**64})
    assert r.status_code == 422 and r.headers["x-frame-options"] == "DENY"


def test_api_records_parse_as_files_do(client):
    """One record parser: a written-out date is read as it is in a .json file."""
    r = client.post(
        "/api/ingest", json={"text": ARTICLE, "published": "21 January 2025"}, headers=AUTH
    )
    assert r.status_code == 200, r.text
    (aid,) = r.json()["added"]
    assert client.get(f"/api/articles/{aid}").json()["published"] == "2025-01-21"


def test_form_token_is_read_first(client):
    text = "Rescuers in Dunmore said 12 fishermen were missing on Sunday after the storm."
    ok = client.post("/ingest", data={"token": TOKEN, "text": text})
    assert ok.status_code == 200 and "1</strong> added" in ok.text
    wrong = client.post("/ingest", data={"token": "nope", "text": text})
    late = client.post("/ingest", data={"text": text, "token": TOKEN})  # not first: refused
    files = client.post("/ingest", files={"files": ("a.txt", text.encode())}, data={"token": TOKEN})
    assert (wrong.status_code, late.status_code) == (401, 401)
    assert files.status_code == 200  # httpx sends the data fields first, as browsers do


def test_first_field_token():
    from corroborate.web.guard import first_field_token

    ctype = "multipart/form-data; boundary=XyZ"
    body = b'--XyZ\r\nContent-Disposition: form-data; name="token"\r\n\r\nsecret\r\n--XyZ\r\n'
    assert first_field_token(ctype, body, complete=False) == "secret"
    assert first_field_token(ctype, body[:30], complete=False) is None
    assert first_field_token(ctype, body.replace(b"token", b"files"), complete=False) == ""
    assert first_field_token("application/x-www-form-urlencoded", b"token=a%20b&x=1", True) == "a b"
    assert first_field_token("application/x-www-form-urlencoded", b"x=1&token=a", True) == ""
    assert first_field_token("text/plain", b"token=a", True) == ""


def test_bearer_only(client):
    body = {"text": ARTICLE}
    basic = client.post("/api/ingest", json=body, headers={"Authorization": f"Basic {TOKEN}"})
    assert basic.status_code == 401 and basic.headers["www-authenticate"] == "Bearer"
    assert client.post("/api/ingest", json=body, headers=AUTH).status_code == 200


def test_javascript_urls_are_not_links(client):
    r = client.post(
        "/api/ingest",
        json={"text": ARTICLE, "url": "javascript:alert(document.domain)"},
        headers=AUTH,
    )
    (aid,) = r.json()["added"]
    page = client.get(f"/articles/{aid}").text
    assert "javascript:alert" in page  # shown as text
    assert 'href="javascript' not in page.lower()
    r = client.post(
        "/api/ingest",
        json={"text": ARTICLE + " Later.", "url": "https://example.org/dunmore"},
        headers=AUTH,
    )
    (aid,) = r.json()["added"]
    assert 'href="https://example.org/dunmore"' in client.get(f"/articles/{aid}").text


def test_errors_carry_security_headers(store):
    class Broken:
        def __getattr__(self, name):
            if name == "generation":
                return lambda: 0
            raise RuntimeError("database exploded")

    app = TestClient(create_app(store, token=TOKEN), raise_server_exceptions=False)
    app.app.state.store = Broken()
    r = app.get("/api/nope")
    assert r.status_code == 404 and "content-security-policy" in r.headers

    def boom(*_a, **_k):
        raise RuntimeError("database exploded")

    store.stories = boom  # type: ignore[method-assign]
    r = app.get("/api/stories")
    assert r.status_code == 500 and "exploded" not in r.text
    assert r.headers["x-content-type-options"] == "nosniff"


def test_health_counts_failed_stories_and_notices_a_moved_file(tmp_path):
    from corroborate.store import Store

    path = tmp_path / "h.db"
    store = Store(str(path))
    client = TestClient(create_app(store))
    assert client.get("/api/health").json() == {"status": "ok", "articles": 0, "story_errors": 0}
    path.rename(tmp_path / "elsewhere.db")  # the pooled connection still reads the old file
    assert client.get("/api/health").status_code == 503


# -- a real server ----------------------------------------------------------


@pytest.fixture
def server(tmp_path):
    with running_server(
        tmp_path / "s.db", CORROBORATE_TOKEN=TOKEN, CORROBORATE_HEADER_TIMEOUT="2"
    ) as found:
        yield found


def _rss(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) * 1024
    raise AssertionError("no VmRSS")


def _chunked_post(port: int, path: str, total: int, headers: str = "") -> bytes:
    """POST a chunked body of up to ``total`` bytes; return the reply (the
    server may answer and close before it is all sent)."""
    chunk = b"x" * 65536
    with socket.create_connection(("127.0.0.1", port), timeout=20) as s:
        s.sendall(
            f"POST {path} HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n"
            f"Content-Type: application/json\r\n{headers}\r\n".encode()
        )
        sent = 0
        try:
            while sent < total:
                s.sendall(b"10000\r\n" + chunk + b"\r\n")
                sent += len(chunk)
            s.sendall(b"0\r\n\r\n")
        except OSError:
            pass  # the server closed: it stopped reading
        return s.recv(4096)


def test_tokenless_chunked_body_is_refused_without_reading_it(server):
    base, port, pid = server
    before = _rss(pid)
    reply = _chunked_post(port, "/api/ingest", 100 * 1024 * 1024)
    assert reply.startswith(b"HTTP/1.1 401")
    form = _chunked_post(port, "/ingest", 100 * 1024 * 1024)  # no token field first: refused
    assert form.startswith(b"HTTP/1.1 401")
    authed = _chunked_post(
        port, "/api/ingest", 100 * 1024 * 1024, f"Authorization: Bearer {TOKEN}\r\n"
    )
    assert authed.startswith(b"HTTP/1.1 413")
    assert _rss(pid) - before < 20 * 1024 * 1024
    assert httpx.get(f"{base}/api/health").status_code == 200


def test_silent_and_slow_clients_do_not_starve_others(server):
    base, port, _ = server
    idle = [socket.create_connection(("127.0.0.1", port)) for _ in range(300)]
    slow = socket.create_connection(("127.0.0.1", port))
    slow.sendall(b"GET / HTTP/1.1\r\nHost: x\r\n")  # headers never finished
    try:
        t0 = time.monotonic()
        for _ in range(20):
            assert httpx.get(f"{base}/api/stories", timeout=5).status_code == 200
        assert time.monotonic() - t0 < 10
        time.sleep(3)  # past the header timeout (2 s here): the server hangs up
        for s in (idle[0], idle[-1], slow):
            s.settimeout(5)
            assert s.recv(1024) == b""  # closed by the server
    finally:
        for s in [*idle, slow]:
            s.close()
