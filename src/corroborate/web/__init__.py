"""The web app and JSON API (FastAPI, server-rendered Jinja2 pages).

Read-only by default: every page and ``GET /api/...`` is open, writing
(``POST /ingest``, ``POST /api/ingest``) needs the token set in
``CORROBORATE_TOKEN`` (``Authorization: Bearer <token>`` or the form's
token field), else 401; with no token configured, writing is disabled.
Uploads over ``max_upload`` bytes get a 413. Article text is always
escaped (Jinja2 autoescape), responses carry a Content Security Policy
without scripts, and all SQL goes through the store's bound parameters.
"""

from __future__ import annotations

import hmac
import json
import os
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from datetime import date
from pathlib import Path
from typing import Annotated

import anyio.to_thread
from fastapi import Depends, FastAPI, File, Form, Header, HTTPException, Query, Request, UploadFile
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.templating import Jinja2Templates
from jinja2 import ChoiceLoader, Environment, FileSystemLoader, PackageLoader, select_autoescape
from markupsafe import Markup
from pydantic import BaseModel, Field
from sqlalchemy.exc import SQLAlchemyError
from starlette.concurrency import run_in_threadpool
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from corroborate import __version__
from corroborate.ingest.base import RawRecord
from corroborate.store import Store
from corroborate.store.ingest import IngestResult, add_articles
from corroborate.web.cache import ResponseCache

DEFAULT_MAX_UPLOAD = 5 * 1024 * 1024
HTML = "text/html; charset=utf-8"
JSON = "application/json"
CACHE_BYTES = 256 * 1024 * 1024  # responses kept per process (web/cache.py)
FRESH = 2.0  # seconds a kept response is served before it is checked again
THREADS = 16  # worker threads per server process (misses, ingests)
CSP = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
    "form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
)
_TEMPLATES = Path(__file__).with_name("templates")


class IngestItem(BaseModel):
    """One article to ingest: its text or HTML, and what is known about it."""

    text: str | None = Field(None, description="Plain article text.")
    html: str | None = Field(None, description="A whole HTML page or a fragment.")
    url: str | None = Field(
        None, description="Where it was published: metadata only, never fetched (offline)."
    )
    title: str | None = None
    published: date | None = None
    outlet: str | None = None
    author: str | None = None
    language: str | None = None


class StorySummary(BaseModel):
    id: str
    title: str
    first_seen: date | None
    last_seen: date | None
    state: str = Field(description="single-source, developing, corroborated or contested")
    state_reason: str
    n_articles: int
    n_sources: int = Field(description="Independent sources (copies do not count).")
    n_conflicts: int


class StoryList(BaseModel):
    total: int
    offset: int
    limit: int
    stories: list[StorySummary]


class SearchHit(BaseModel):
    kind: str = Field(description='"article" or "claim"')
    ref: str = Field(description="The article id, or story id/claim id.")
    story_id: str | None
    title: str | None
    snippet: str


class SearchReply(BaseModel):
    q: str
    hits: list[SearchHit]


class IngestReply(BaseModel):
    added: list[str]
    skipped: int
    stories_updated: list[str]
    stories_removed: list[str]
    errors: list[str]


SECURITY_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
]


class _Guard:
    """Plain ASGI middleware (no per-request task or body streaming, unlike
    ``@app.middleware``): refuses a declared body over ``max_upload`` with a
    413 and adds the security headers to every response."""

    def __init__(self, app: ASGIApp, max_upload: int) -> None:
        self.app = app
        self.max_upload = max_upload

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        for name, value in scope["headers"]:
            if name == b"content-length" and value.isdigit() and int(value) > self.max_upload:
                reply = JSONResponse({"detail": f"upload larger than {self.max_upload} bytes"}, 413)
                reply.raw_headers.extend(SECURITY_HEADERS)
                await reply(scope, receive, send)
                return

        async def send_guarded(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", ()), *SECURITY_HEADERS]
            await send(message)

        await self.app(scope, receive, send_guarded)


def create_app(
    store: Store | None = None,
    token: str | None = None,
    max_upload: int = DEFAULT_MAX_UPLOAD,
    fresh: float = FRESH,
    cache_bytes: int = CACHE_BYTES,
) -> FastAPI:
    """The application over ``store`` (default: ``$CORROBORATE_DB`` or SQLite)."""
    store = store or Store()
    token = token if token is not None else os.environ.get("CORROBORATE_TOKEN") or None

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        # the threads that answer misses and ingests: as many as the store
        # keeps connections for (the default, 40, only adds contention)
        anyio.to_thread.current_default_thread_limiter().total_tokens = THREADS
        yield

    app = FastAPI(
        lifespan=lifespan,
        docs_url=None,  # Swagger and ReDoc pages load scripts from a CDN: not here
        redoc_url=None,
        title="corroborate",
        version=__version__,
        description="Verified, sourced briefs from news articles: stories, claims, "
        "conflicts and evidence. Reading is open; ingesting needs the bearer token.",
    )
    env = Environment(
        loader=ChoiceLoader(
            [FileSystemLoader(str(_TEMPLATES)), PackageLoader("corroborate.report", "templates")]
        ),
        autoescape=select_autoescape(["html", "j2"], default=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    templates = Jinja2Templates(env=env)
    templates.env.globals["version"] = __version__
    app.state.store = store

    app.add_middleware(_Guard, max_upload=max_upload)

    def authorised(supplied: str | None) -> None:
        if not token:
            raise HTTPException(401, "writing is disabled: set CORROBORATE_TOKEN on the server")
        if not supplied or not hmac.compare_digest(supplied.encode(), token.encode()):
            raise HTTPException(401, "a valid token is needed to ingest")

    def bearer(authorization: Annotated[str | None, Header()] = None) -> None:
        supplied = (
            authorization.split(" ", 1)[1] if authorization and " " in authorization else None
        )
        authorised(supplied)

    # Story briefs are rendered when a story is saved; pages, documents,
    # lists and searches are kept per process and served while the store has
    # not changed (web/cache.py: one tiny query every ``fresh`` seconds).
    cache = ResponseCache(store.generation, cache_bytes, fresh)

    async def kept(key: tuple, produce: Callable[[], bytes | None],
                   version: Callable[[], str | None] | None = None, what: str = "") -> bytes:  # fmt: skip
        body = await cache.get(key, produce, version)
        if body is None:
            raise HTTPException(404, f"no such {what}")
        return body

    # -- pages ------------------------------------------------------------
    stories_template = env.get_template("stories.html")
    story_template = env.get_template("story.html")
    search_template = env.get_template("search.html")

    def render_home(page: int) -> bytes:
        per = 50
        total, rows = store.stories((page - 1) * per, per)
        return stories_template.render(
            stories=rows, total=total, page=page, pages=max(1, -(-total // per)),
            articles=store.count_articles(),
        ).encode()  # fmt: skip

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    async def home(page: Annotated[int, Query(ge=1, le=100_000)] = 1) -> Response:
        return Response(await kept(("home", page), lambda: render_home(page)), media_type=HTML)

    def render_story(story_id: str) -> bytes | None:
        found = store.story_page(story_id)
        if found is None:
            return None
        title, brief = found
        return story_template.render(title=title, brief=Markup(brief), story_id=story_id).encode()

    @app.get("/stories/{story_id}", response_class=HTMLResponse, include_in_schema=False)
    async def story_page(story_id: str) -> Response:
        body = await kept(
            ("story page", story_id), lambda: render_story(story_id),
            lambda: store.story_version(story_id), "story",
        )  # fmt: skip
        return Response(body, media_type=HTML)

    article_template = env.get_template("article.html")

    def render_article(article_id: str) -> bytes | None:
        found = store.articles([article_id])
        if not found:
            return None
        a = found[0]
        return article_template.render(
            a=a, story_id=store.story_id(a.id), marks=store.article_marks(a.id)
        ).encode()

    @app.get("/articles/{article_id}", response_class=HTMLResponse, include_in_schema=False)
    async def article_page(article_id: str) -> Response:
        body = await kept(
            ("article page", article_id), lambda: render_article(article_id),
            lambda: store.article_version(article_id), "article",
        )  # fmt: skip
        return Response(body, media_type=HTML)

    @app.get("/search", response_class=HTMLResponse, include_in_schema=False)
    async def search_page(q: Annotated[str, Query(max_length=200)] = "") -> Response:
        def render() -> bytes:
            hits = store.search(q, 50) if q.strip() else []
            return search_template.render(q=q, hits=hits).encode()

        return Response(await kept(("search page", q), render), media_type=HTML)

    @app.get("/ingest", response_class=HTMLResponse, include_in_schema=False)
    def ingest_form(request: Request) -> HTMLResponse:
        return templates.TemplateResponse(
            request, "ingest.html", {"result": None, "enabled": bool(token)}
        )

    @app.post("/ingest", response_class=HTMLResponse, include_in_schema=False)
    async def ingest_submit(
        request: Request,
        token_field: Annotated[str, Form(alias="token")] = "",
        text: Annotated[str, Form()] = "",
        title: Annotated[str, Form()] = "",
        outlet: Annotated[str, Form()] = "",
        published: Annotated[str, Form()] = "",
        files: Annotated[list[UploadFile] | None, File()] = None,
    ) -> HTMLResponse:
        authorised(token_field)
        records = []
        if text.strip():
            records.append(_record_from_fields("form", text, title, outlet, published))
        for f in files or []:
            if f.filename:
                records.extend(await _records_from_upload(f, max_upload))
        # off the event loop: pages keep being served while this runs
        result = await run_in_threadpool(_ingest_records, store, records)
        return templates.TemplateResponse(
            request, "ingest.html", {"result": result, "enabled": bool(token)},
            status_code=200 if not result.errors or result.added else 422,
        )  # fmt: skip

    # -- JSON API -----------------------------------------------------------
    @app.get("/api/health", tags=["service"])
    def api_health() -> JSONResponse:
        """200 with the number of stored articles while the database answers,
        else 503 (for load balancers and monitoring)."""
        try:
            return JSONResponse({"status": "ok", "articles": store.count_articles()})
        except SQLAlchemyError:
            return JSONResponse({"status": "database unavailable"}, 503)

    def story_list(offset: int, limit: int) -> bytes:
        total, rows = store.stories(offset, limit)
        doc = {"total": total, "offset": offset, "limit": limit, "stories": rows}
        return json.dumps(doc, default=str, ensure_ascii=False).encode()

    @app.get("/api/stories", tags=["stories"], response_model=StoryList)
    async def api_stories(
        offset: Annotated[int, Query(ge=0)] = 0, limit: Annotated[int, Query(ge=1, le=200)] = 50
    ) -> Response:
        """Stories, newest and largest first: id, title, dates, state, counts."""
        body = await kept(("story list", offset, limit), lambda: story_list(offset, limit))
        return Response(body, media_type=JSON)

    def story_json(story_id: str) -> bytes | None:
        found = store.story_json(story_id)
        return None if found is None else found.encode()

    @app.get(
        "/api/stories/{story_id}", tags=["stories"],
        responses={200: {"description": "The story, as in the JSON document "
                         "(schema: corroborate/report/document-v1.schema.json).",
                         "content": {JSON: {"schema": {"type": "object"}}}},
                   404: {"description": "No such story."}},
    )  # fmt: skip
    async def api_story(story_id: str) -> Response:
        """One story as in the JSON document: entities, statements, figures,
        claims with origins, conflicts, evolution, timeline, summary, sources."""
        body = await kept(
            ("story json", story_id), lambda: story_json(story_id),
            lambda: store.story_version(story_id), "story",
        )  # fmt: skip
        return Response(body, media_type=JSON)

    @app.get(
        "/api/articles/{article_id}", tags=["articles"],
        responses={200: {"description": "The article, as in the JSON document, with story_id.",
                         "content": {JSON: {"schema": {"type": "object"}}}},
                   404: {"description": "No such article."}},
    )  # fmt: skip
    async def api_article(article_id: str) -> Response:
        """One article as in the JSON document, with its story id."""

        def produce() -> bytes | None:
            doc = store.article(article_id)
            return None if doc is None else json.dumps(doc, ensure_ascii=False).encode()

        body = await kept(
            ("article json", article_id), produce, lambda: store.article_version(article_id),
            "article",
        )  # fmt: skip
        return Response(body, media_type=JSON)

    @app.get("/api/search", tags=["search"], response_model=SearchReply)
    async def api_search(
        q: Annotated[str, Query(min_length=1, max_length=200)],
        limit: Annotated[int, Query(ge=1, le=100)] = 20,
    ) -> Response:
        """Full-text search over articles and claims (every word must match)."""

        def produce() -> bytes:
            doc = {"q": q, "hits": store.search(q, limit)}
            return json.dumps(doc, ensure_ascii=False, default=str).encode()

        return Response(await kept(("search", q, limit), produce), media_type=JSON)

    @app.post("/api/ingest", tags=["ingest"], response_model=IngestReply,
              dependencies=[Depends(bearer)])  # fmt: skip
    async def api_ingest(request: Request) -> IngestReply:
        """Ingest one article (JSON ``{"text"|"html", "url", "title", "published",
        "outlet"}``), a list of them, or files (multipart ``files``). Needs
        ``Authorization: Bearer <token>``."""
        kind = request.headers.get("content-type", "")
        records: list[RawRecord] = []
        if kind.startswith("multipart/form-data"):
            form = await request.form()
            for f in form.getlist("files"):
                if isinstance(f, UploadFile) or hasattr(f, "read"):
                    records.extend(await _records_from_upload(f, max_upload))
        else:
            try:
                body = await request.json()
            except ValueError as exc:
                raise HTTPException(422, "the body must be JSON or a multipart upload") from exc
            items = body if isinstance(body, list) else [body]
            for i, item in enumerate(items):
                parsed = IngestItem.model_validate(item)
                if not (parsed.text or parsed.html):
                    detail = f"item {i}: give 'text' or 'html'"
                    if parsed.url:  # offline by design: nothing is fetched
                        detail += " (corroborate does not fetch URLs: send the page's HTML)"
                    raise HTTPException(422, detail)
                records.append(
                    RawRecord(
                        path=f"api:{i}",
                        format="html" if parsed.html else "text",
                        text=parsed.text,
                        html=parsed.html,
                        url=parsed.url,
                        title=parsed.title,
                        published=parsed.published,
                        outlet=parsed.outlet,
                        author=parsed.author,
                        language=parsed.language,
                    )
                )
        # off the event loop: pages keep being served while this runs
        result = await run_in_threadpool(_ingest_records, store, records)
        return IngestReply(
            added=result.added, skipped=result.skipped, stories_updated=result.stories_updated,
            stories_removed=result.stories_removed, errors=[str(e) for e in result.errors],
        )  # fmt: skip

    return app


def _record_from_fields(path: str, text: str, title: str, outlet: str, published: str) -> RawRecord:
    when = None
    if published.strip():
        try:
            when = date.fromisoformat(published.strip())
        except ValueError:
            when = None
    return RawRecord(path=path, format="text", text=text, title=title or None,
                     outlet=outlet or None, published=when)  # fmt: skip


async def _records_from_upload(upload: UploadFile, max_upload: int) -> list[RawRecord]:
    from corroborate.ingest import records_from_bytes

    data = await upload.read(max_upload + 1)
    if len(data) > max_upload:
        raise HTTPException(413, f"{upload.filename}: larger than {max_upload} bytes")
    return list(records_from_bytes(upload.filename or "upload", data))


def _ingest_records(store: Store, records: list) -> IngestResult:
    from corroborate.model import InputError
    from corroborate.pipeline import clean_record

    articles, errors = [], []
    for r in records:
        done = r if isinstance(r, InputError) else clean_record(r)
        (errors if isinstance(done, InputError) else articles).append(done)
    result = add_articles(store, articles)
    result.errors = errors
    return result


def app_from_env() -> FastAPI:
    """The app as ``corroborate serve`` runs it (settings from the environment)."""
    return create_app(
        Store(pool_size=THREADS),
        max_upload=int(os.environ.get("CORROBORATE_MAX_UPLOAD", DEFAULT_MAX_UPLOAD)),
    )
