"""The web app and JSON API (FastAPI, server-rendered Jinja2 pages).

Read-only by default: every page and ``GET /api/...`` is open, writing
(``POST /ingest``, ``POST /api/ingest``) needs the token set in
``CORROBORATE_TOKEN`` (``Authorization: Bearer <token>``, or the form's
first field ``token``: either is checked before the body is read), else 401; with no token
configured, writing is disabled. Bodies over ``max_upload`` bytes get a 413
however they are sent (web/guard.py). Article text is always escaped
(Jinja2 autoescape), only http(s) URLs become links, responses carry a
Content Security Policy without scripts, and all SQL goes through the
store's bound parameters.
"""

from __future__ import annotations

import json
import os
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from datetime import date
from pathlib import Path
from typing import Annotated, Any, get_args

import anyio.to_thread
from fastapi import Depends, FastAPI, File, Form, HTTPException, Query, Request, UploadFile
from fastapi.exception_handlers import http_exception_handler
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.security import HTTPBearer
from fastapi.templating import Jinja2Templates
from jinja2 import ChoiceLoader, Environment, FileSystemLoader, PackageLoader, select_autoescape
from markupsafe import Markup
from sqlalchemy.exc import SQLAlchemyError
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.gzip import GZipMiddleware

from corroborate import __version__
from corroborate.errors import CorroborateError
from corroborate.ingest.base import RawRecord
from corroborate.ingest.jsonrec import record_or_error
from corroborate.labels import source_label
from corroborate.model import InputError, StoryState
from corroborate.store import Store, links
from corroborate.store.search import plain
from corroborate.web.apidocs import endpoints, typed_openapi
from corroborate.web.cache import ResponseCache
from corroborate.web.filters import by_story, http_url, marked, paragraphs, tagged
from corroborate.web.guard import Guard, error_page, wants_html
from corroborate.web.records import (
    api_records,
    ingest_records,
    records_from_upload,
)
from corroborate.web.schemas import (
    CheckReply,
    CheckRequest,
    IngestItem,
    IngestReply,
    SearchReply,
    StoryList,
)
from corroborate.words import counted

STATES = sorted(get_args(StoryState))  # the story list's state filter
DEFAULT_MAX_UPLOAD = 5 * 1024 * 1024
HTML = "text/html; charset=utf-8"
JSON = "application/json"
CACHE_BYTES = 256 * 1024 * 1024  # responses kept per process (web/cache.py)
FRESH = 2.0  # seconds a kept response is served before it is checked again
THREADS = 16  # worker threads per server process (misses, ingests)
_TEMPLATES = Path(__file__).with_name("templates")


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

    app.add_middleware(GZipMiddleware, minimum_size=1024)  # a story's JSON: 200 KB -> 30 KB
    app.add_middleware(Guard, max_upload=max_upload, token=token)
    env.filters["http_url"] = http_url
    env.filters["counted"] = counted
    env.filters["source_label"] = source_label
    env.filters["paragraphs"] = paragraphs
    env.filters["marked"] = marked

    # The token is checked in one place, the Guard, before the body is read;
    # the routes below run only for requests it let through. This scheme
    # only documents the header in the OpenAPI document.
    bearer_scheme = HTTPBearer(auto_error=False, description="CORROBORATE_TOKEN")

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

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        """A page for a browser that asked for one; JSON for everyone else."""
        if wants_html(request.url.path, request.headers.get("accept", "").encode()):
            return HTMLResponse(
                error_page(exc.status_code, str(exc.detail)), exc.status_code, exc.headers
            )
        return await http_exception_handler(request, exc)

    # -- pages ------------------------------------------------------------
    stories_template = env.get_template("stories.html")
    story_template = env.get_template("story.html")
    search_template = env.get_template("search.html")
    api_template = env.get_template("api.html")
    check_template = env.get_template("check.html")

    def render_home(page: int, state: str | None, since: date | None) -> bytes:
        per = 50
        total, rows = store.stories((page - 1) * per, per, state, since)
        return stories_template.render(
            stories=rows, total=total, page=page, pages=max(1, -(-total // per)),
            articles=store.count_articles(), state=state or "", since=since, states=STATES,
        ).encode()  # fmt: skip

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    async def home(
        page: Annotated[int, Query(ge=1, le=100_000)] = 1,
        state: Annotated[StoryState | None, Query()] = None,
        since: Annotated[date | None, Query()] = None,
    ) -> Response:
        body = await kept(("home", page, state, since), lambda: render_home(page, state, since))
        return Response(body, media_type=HTML)

    def render_story(story_id: str) -> bytes | None:
        found = store.story_page(story_id)
        if found is None:
            return None
        title, brief = found
        return story_template.render(
            title=title, brief=Markup(brief), story_id=story_id,
            related=links.related(store.engine, story_id),
        ).encode()  # fmt: skip

    def story_version(story_id: str) -> str | None:
        # related stories change when other stories do: any save moves it
        v = store.story_version(story_id)
        return None if v is None else f"{v}/{store.generation()}"

    async def moved(story_id: str, prefix: str) -> Response | None:
        """A redirect from a former story id to the story holding its articles."""
        if await run_in_threadpool(store.story_version, story_id) is not None:
            return None
        new = await run_in_threadpool(links.resolve, store.engine, story_id)
        return None if new is None else RedirectResponse(prefix + new, status_code=301)

    @app.get("/stories/{story_id}", response_class=HTMLResponse, include_in_schema=False)
    async def story_page(request: Request, story_id: str) -> Response:
        if (redirect := await moved(story_id, "/stories/")) is not None:
            return redirect
        body = await kept(
            ("story page", story_id), lambda: render_story(story_id),
            lambda: story_version(story_id), "story",
        )  # fmt: skip
        return tagged(request, body, HTML)

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
    async def article_page(request: Request, article_id: str) -> Response:
        body = await kept(
            ("article page", article_id), lambda: render_article(article_id),
            lambda: store.article_version(article_id), "article",
        )  # fmt: skip
        return tagged(request, body, HTML)

    @app.get("/search", response_class=HTMLResponse, include_in_schema=False)
    async def search_page(
        q: Annotated[str, Query(max_length=200)] = "",
        page: Annotated[int, Query(ge=1, le=1000)] = 1,
    ) -> Response:
        def render() -> bytes:
            per = 50
            total, hits = store.search(q, per, (page - 1) * per) if q.strip() else (0, [])
            groups = by_story(hits, store.story_titles({h["story_id"] for h in hits}))
            return search_template.render(
                q=q, total=total, groups=groups, page=page, pages=-(-total // per)
            ).encode()

        return Response(await kept(("search page", q, page), render), media_type=HTML)

    @app.get("/api", response_class=HTMLResponse, include_in_schema=False)
    async def api_page() -> Response:
        def render() -> bytes:
            spec = app.openapi()
            return api_template.render(
                endpoints=endpoints(spec), description=spec["info"].get("description", "")
            ).encode()

        return Response(await kept(("api page",), render), media_type=HTML)

    @app.get("/ingest", response_class=HTMLResponse, include_in_schema=False)
    def ingest_form(request: Request) -> HTMLResponse:
        return templates.TemplateResponse(
            request, "ingest.html", {"result": None, "enabled": bool(token)}
        )

    @app.post("/ingest", response_class=HTMLResponse, include_in_schema=False)
    async def ingest_submit(
        request: Request,
        text: Annotated[str, Form()] = "",
        title: Annotated[str, Form()] = "",
        outlet: Annotated[str, Form()] = "",
        published: Annotated[str, Form()] = "",
        files: Annotated[list[UploadFile] | None, File()] = None,
    ) -> HTMLResponse:
        records: list[RawRecord | InputError] = []
        if text.strip():
            fields = {"text": text, "title": title, "outlet": outlet, "published": published}
            records.append(record_or_error({k: v for k, v in fields.items() if v}, "form"))
        for f in files or []:
            if f.filename:
                records.extend(await records_from_upload(f, max_upload))
        # off the event loop: pages keep being served while this runs
        result = await run_in_threadpool(ingest_records, store, records)
        return templates.TemplateResponse(
            request, "ingest.html", {"result": result, "enabled": bool(token)},
            status_code=200 if not result.errors or result.added else 422,
        )  # fmt: skip

    # -- JSON API -----------------------------------------------------------
    def verdict(claim: str) -> dict[str, Any]:
        from dataclasses import asdict

        from corroborate.check import check_claim, stories_about

        return asdict(check_claim(claim, stories_about(store, claim)))

    @app.post("/api/check", tags=["check"], response_model=CheckReply)
    async def api_check(body: CheckRequest) -> Response:
        """Check a claim against the stored coverage: corroborated,
        single-source, contested, distorted or not found, with the evidence
        (reading: no token needed)."""
        doc = await run_in_threadpool(verdict, body.claim)
        return Response(json.dumps(doc, ensure_ascii=False).encode(), media_type=JSON)

    @app.get("/check", response_class=HTMLResponse, include_in_schema=False)
    async def check_page(claim: Annotated[str, Query(max_length=1000)] = "") -> Response:
        def render() -> bytes:
            result = verdict(claim) if len(claim.strip()) >= 3 else None
            return check_template.render(claim=claim, result=result).encode()

        return Response(await kept(("check page", claim), render), media_type=HTML)

    @app.get("/api/health", tags=["service"])
    def api_health() -> JSONResponse:
        """200 with the number of stored articles while the database answers,
        else 503 (for load balancers and monitoring)."""
        try:
            store.check()
            failed = len(store.story_errors())
            return JSONResponse({"status": "ok", "articles": store.count_articles(),
                                 "story_errors": failed})  # fmt: skip
        except (SQLAlchemyError, OSError, CorroborateError):
            return JSONResponse({"status": "database unavailable"}, 503)

    def story_list(offset: int, limit: int, state: str | None, since: date | None) -> bytes:
        total, rows = store.stories(offset, limit, state, since)
        doc = {"total": total, "offset": offset, "limit": limit, "stories": rows}
        return json.dumps(doc, default=str, ensure_ascii=False).encode()

    @app.get("/api/stories", tags=["stories"], response_model=StoryList)
    async def api_stories(
        request: Request,
        offset: Annotated[int, Query(ge=0, le=10**9)] = 0,
        limit: Annotated[int, Query(ge=1, le=200)] = 50,
        state: Annotated[
            StoryState | None, Query(description="Only stories in this state.")
        ] = None,
        since: Annotated[date | None, Query(description="Only stories seen on or after.")] = None,
    ) -> Response:
        """Stories, newest and largest first: id, title, dates, state, counts,
        outlets and lead sentence; filtered by state and date."""
        body = await kept(("story list", offset, limit, state, since),
                          lambda: story_list(offset, limit, state, since))  # fmt: skip
        return tagged(request, body, JSON)

    def story_json(story_id: str) -> bytes | None:
        found = store.story_json(story_id)
        if found is None:
            return None
        doc = json.loads(found)  # related stories live beside the document
        doc["related"] = [sid for sid, _ in links.related(store.engine, story_id)]
        return json.dumps(doc, ensure_ascii=False).encode()

    @app.get(
        "/api/stories/{story_id}", tags=["stories"],
        responses={200: {"description": "The story, as in the JSON document "
                         "(schema: corroborate/report/document-v1.schema.json).",
                         "content": {JSON: {"schema": {"type": "object"}}}},
                   301: {"description": "A former id of a story: where it is now."},
                   404: {"description": "No such story."}},
    )  # fmt: skip
    async def api_story(request: Request, story_id: str) -> Response:
        """One story as in the JSON document: entities, statements, figures,
        claims with origins, conflicts, evolution, timeline, summary, sources."""
        if (redirect := await moved(story_id, "/api/stories/")) is not None:
            return redirect
        body = await kept(
            ("story json", story_id), lambda: story_json(story_id),
            lambda: story_version(story_id), "story",
        )  # fmt: skip
        return tagged(request, body, JSON)

    @app.get(
        "/api/articles/{article_id}", tags=["articles"],
        responses={200: {"description": "The article, as in the JSON document, with story_id.",
                         "content": {JSON: {"schema": {"type": "object"}}}},
                   404: {"description": "No such article."}},
    )  # fmt: skip
    async def api_article(request: Request, article_id: str) -> Response:
        """One article as in the JSON document, with its story id."""

        def produce() -> bytes | None:
            doc = store.article(article_id)
            return None if doc is None else json.dumps(doc, ensure_ascii=False).encode()

        body = await kept(
            ("article json", article_id), produce, lambda: store.article_version(article_id),
            "article",
        )  # fmt: skip
        return tagged(request, body, JSON)

    @app.get("/api/search", tags=["search"], response_model=SearchReply)
    async def api_search(
        q: Annotated[str, Query(min_length=1, max_length=200)],
        limit: Annotated[int, Query(ge=1, le=100)] = 20,
        offset: Annotated[int, Query(ge=0, le=100_000)] = 0,
    ) -> Response:
        """Full-text search over articles and claims: every word must match, as
        a word or the start of one ("Zelensky" finds "Zelenskyy"); best first,
        with the total for paging."""

        def produce() -> bytes:
            total, hits = store.search(q, limit, offset)
            for h in hits:
                h["snippet"] = plain(h["snippet"])
            doc = {"q": q, "total": total, "offset": offset, "limit": limit, "hits": hits}
            return json.dumps(doc, ensure_ascii=False, default=str).encode()

        return Response(await kept(("search", q, limit, offset), produce), media_type=JSON)

    body_schema = {
        "oneOf": [
            IngestItem.model_json_schema(),
            {"type": "array", "items": IngestItem.model_json_schema()},
        ]
    }

    @app.post("/api/ingest", tags=["ingest"], response_model=IngestReply,
              dependencies=[Depends(bearer_scheme)],
              openapi_extra={"requestBody": {"content": {JSON: {"schema": body_schema}},
                                             "required": True}})  # fmt: skip
    async def api_ingest(request: Request) -> IngestReply:
        """Ingest one article (JSON ``{"text"|"html", "url", "title", "published",
        "outlet"}``), a list of them, or files (multipart ``files``). Needs
        ``Authorization: Bearer <token>``."""
        kind = request.headers.get("content-type", "")
        records: list[RawRecord | InputError] = []
        if kind.startswith("multipart/form-data"):
            form = await request.form()
            for f in form.getlist("files"):
                if not isinstance(f, str):
                    records.extend(await records_from_upload(f, max_upload))
        else:
            raw = await request.body()  # counted and capped by the guard
            records = await run_in_threadpool(api_records, raw)
        # off the event loop: pages keep being served while this runs
        result = await run_in_threadpool(ingest_records, store, records)
        return IngestReply(
            added=result.added, skipped=result.skipped, stories_updated=result.stories_updated,
            stories_removed=result.stories_removed, errors=[str(e) for e in result.errors],
        )  # fmt: skip

    app.openapi = lambda: typed_openapi(app)  # type: ignore[method-assign]
    return app


def app_from_env() -> FastAPI:
    """The app as ``corroborate serve`` runs it (settings from the environment)."""
    return create_app(
        Store(pool_size=THREADS),
        max_upload=int(os.environ.get("CORROBORATE_MAX_UPLOAD", DEFAULT_MAX_UPLOAD)),
    )
