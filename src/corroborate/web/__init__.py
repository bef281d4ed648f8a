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
import os
import time
from collections import OrderedDict
from datetime import date
from pathlib import Path
from typing import Annotated, Any

from fastapi import Depends, FastAPI, File, Form, Header, HTTPException, Query, Request, UploadFile
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.templating import Jinja2Templates
from jinja2 import ChoiceLoader, Environment, FileSystemLoader, PackageLoader, select_autoescape
from markupsafe import Markup
from pydantic import BaseModel, Field

from corroborate import __version__
from corroborate.ingest.base import RawRecord
from corroborate.store import Store
from corroborate.store.ingest import IngestResult, add_articles

DEFAULT_MAX_UPLOAD = 5 * 1024 * 1024
PAGE_CACHE_BYTES = 256 * 1024 * 1024  # rendered story pages kept per process
PAGE_FRESH = 2.0  # seconds a kept page is served before its version is checked again
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


class IngestReply(BaseModel):
    added: list[str]
    skipped: int
    stories_updated: list[str]
    stories_removed: list[str]
    errors: list[str]


def create_app(
    store: Store | None = None,
    token: str | None = None,
    max_upload: int = DEFAULT_MAX_UPLOAD,
) -> FastAPI:
    """The application over ``store`` (default: ``$CORROBORATE_DB`` or SQLite)."""
    store = store or Store()
    token = token if token is not None else os.environ.get("CORROBORATE_TOKEN") or None
    app = FastAPI(
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

    @app.middleware("http")
    async def security(request: Request, call_next):
        length = request.headers.get("content-length")
        if length and length.isdigit() and int(length) > max_upload:
            return JSONResponse({"detail": f"upload larger than {max_upload} bytes"}, 413)
        response: Response = await call_next(request)
        response.headers["Content-Security-Policy"] = CSP
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["X-Frame-Options"] = "DENY"
        response.headers["Referrer-Policy"] = "no-referrer"
        return response

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

    # -- pages ------------------------------------------------------------
    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def home(request: Request, page: Annotated[int, Query(ge=1)] = 1) -> HTMLResponse:
        per = 50
        total, rows = store.stories((page - 1) * per, per)
        return templates.TemplateResponse(
            request, "stories.html",
            {"stories": rows, "total": total, "page": page, "pages": max(1, -(-total // per)),
             "articles": store.count_articles()},
        )  # fmt: skip

    story_template = env.get_template("story.html")

    # id -> (version, page, when the version was last checked)
    pages: OrderedDict[str, tuple[str, bytes, float]] = OrderedDict()
    held = [0]  # bytes of kept pages

    @app.get("/stories/{story_id}", response_class=HTMLResponse, include_in_schema=False)
    def story_page(request: Request, story_id: str) -> Response:
        # the brief was rendered when the story was saved; each process keeps
        # recent pages and re-checks a story's version at most every
        # PAGE_FRESH seconds, so a busy page costs the database nothing
        now = time.monotonic()
        cached = pages.get(story_id)
        if cached is not None and now - cached[2] < PAGE_FRESH:
            pages.move_to_end(story_id)
            return Response(cached[1], media_type="text/html; charset=utf-8")
        version = store.story_version(story_id)
        if version is None:
            pages.pop(story_id, None)
            raise HTTPException(404, "no such story")
        if cached is None or cached[0] != version:
            found = store.story_page(story_id)
            if found is None:
                raise HTTPException(404, "no such story")
            title, brief = found
            html = story_template.render(title=title, brief=Markup(brief), story_id=story_id)
            cached = (version, html.encode(), now)
        old = pages.pop(story_id, None)
        held[0] += len(cached[1]) - (len(old[1]) if old else 0)
        pages[story_id] = (cached[0], cached[1], now)
        while held[0] > PAGE_CACHE_BYTES and len(pages) > 1:
            _, dropped = pages.popitem(last=False)
            held[0] -= len(dropped[1])
        return Response(cached[1], media_type="text/html; charset=utf-8")

    @app.get("/articles/{article_id}", response_class=HTMLResponse, include_in_schema=False)
    def article_page(request: Request, article_id: str) -> HTMLResponse:
        found = store.articles([article_id])
        if not found:
            raise HTTPException(404, "no such article")
        a = found[0]
        marks = _extraction_marks(store, a)
        return templates.TemplateResponse(
            request,
            "article.html",
            {"a": a, "story_id": store.story_id(a.id), "marks": marks},
        )

    @app.get("/search", response_class=HTMLResponse, include_in_schema=False)
    def search_page(request: Request, q: str = "") -> HTMLResponse:
        hits = store.search(q, 50) if q.strip() else []
        return templates.TemplateResponse(request, "search.html", {"q": q, "hits": hits})

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
        result = _ingest_records(store, records)
        return templates.TemplateResponse(
            request, "ingest.html", {"result": result, "enabled": bool(token)},
            status_code=200 if not result.errors or result.added else 422,
        )  # fmt: skip

    # -- JSON API -----------------------------------------------------------
    @app.get("/api/stories", tags=["stories"])
    def api_stories(
        offset: Annotated[int, Query(ge=0)] = 0, limit: Annotated[int, Query(ge=1, le=200)] = 50
    ) -> dict[str, Any]:
        """Stories, newest and largest first: id, title, dates, state, counts."""
        total, rows = store.stories(offset, limit)
        return {"total": total, "offset": offset, "limit": limit, "stories": rows}

    @app.get("/api/stories/{story_id}", tags=["stories"])
    def api_story(story_id: str) -> Response:
        """One story as in the JSON document: entities, statements, figures,
        claims with origins, conflicts, evolution, timeline, summary, sources."""
        found = store.story_json(story_id)
        if found is None:
            raise HTTPException(404, "no such story")
        return Response(found[0], media_type="application/json")

    @app.get("/api/articles/{article_id}", tags=["articles"])
    def api_article(article_id: str) -> dict[str, Any]:
        """One article as in the JSON document, with its story id."""
        doc = store.article(article_id)
        if doc is None:
            raise HTTPException(404, "no such article")
        return doc

    @app.get("/api/search", tags=["search"])
    def api_search(
        q: Annotated[str, Query(min_length=1, max_length=200)],
        limit: Annotated[int, Query(ge=1, le=100)] = 20,
    ) -> dict[str, Any]:
        """Full-text search over articles and claims (every word must match)."""
        return {"q": q, "hits": store.search(q, limit)}

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
        result = _ingest_records(store, records)
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


def _extraction_marks(store: Store, article) -> list[tuple[int, int, str]]:
    """(start, end, kind) of the figures, statements and names found in the
    article, from its story's extraction, for highlighting."""
    sid = store.story_id(article.id)
    doc = store.story(sid) if sid else None
    if not doc:
        return []
    marks = []
    for f in doc["figures"]:
        for e in f["evidence"]:
            if e["article"] == article.id:
                marks.append((e["start"], e["end"], "figure"))
    for st in doc["statements"]:
        for e in st["evidence"]:
            if e["article"] == article.id:
                marks.append((e["start"], e["end"], "statement"))
    return sorted(set(marks))


def app_from_env() -> FastAPI:
    """The app as ``corroborate serve`` runs it (settings from the environment)."""
    return create_app(max_upload=int(os.environ.get("CORROBORATE_MAX_UPLOAD", DEFAULT_MAX_UPLOAD)))
