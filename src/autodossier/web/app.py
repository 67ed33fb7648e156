"""The application factory: one FastAPI app per knowledge base and settings."""
from __future__ import annotations

import logging
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from autodossier import __version__
from autodossier.errors import AutodossierError
from autodossier.settings import Settings
from autodossier.web.limits import BodySizeLimit
from autodossier.web.security import SecurityHeaders

HERE = Path(__file__).parent
log = logging.getLogger(__name__)
# A request waits at most this long for another process's write lock on a SQLite store
# (an ingest batch holds it well under a second), then gets 503 with Retry-After.
WEB_BUSY_TIMEOUT_MS = 10_000

DESCRIPTION = """\
Source-attributed dossiers on vehicle models, built from automotive news.

Read endpoints are open. Write endpoints (`POST /api/articles`, `POST /api/fetch`) need the
server's token (`AUTODOSSIER_TOKEN`) as `Authorization: Bearer <token>`; a server started
without a token is read-only. Errors are JSON: `{"detail": "..."}`.
"""


def create_app(settings: Settings | None = None, kb=None, fetcher=None) -> FastAPI:
    """Build the app over ``settings.db`` (or an already open ``kb``, e.g. in tests).

    ``fetcher`` is the outbound client of ``POST /api/fetch`` (default: an
    :class:`~autodossier.web.outbound.OutboundClient` that refuses non-public addresses).
    """
    from autodossier.store import KnowledgeBase  # the store opens its engine here, not at import
    from autodossier.web.outbound import OutboundClient

    settings = settings or Settings.from_env()
    # /docs is served from package files (web.assets); ReDoc would need a CDN, so it is off.
    app = FastAPI(title="autodossier", version=__version__, description=DESCRIPTION,
                  docs_url=None, redoc_url=None)
    app.state.settings = settings
    app.state.fetcher = fetcher if fetcher is not None else OutboundClient()
    app.state.kb = kb if kb is not None else KnowledgeBase(
        settings.db_url, busy_timeout_ms=min(settings.busy_timeout_ms, WEB_BUSY_TIMEOUT_MS))

    app.add_middleware(BodySizeLimit, max_bytes=settings.max_request_bytes)
    app.add_middleware(SecurityHeaders)  # outermost: 413s from the size limit get the headers too
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")

    from autodossier.web import api, pages  # routes import the libraries they call
    from autodossier.web import feeds, sources as source_records
    from autodossier.web.assets import install_assets

    install_assets(app)
    app.include_router(api.router)
    app.include_router(pages.router)
    app.include_router(source_records.router)
    app.include_router(feeds.router)
    _install_error_handlers(app)
    return app


def _wants_json(request: Request) -> bool:
    """API paths, and clients that ask for JSON and not HTML, get JSON errors; a page path
    (``/documents/nope``) answers with the HTML error page otherwise, whatever the client."""
    if request.url.path.startswith("/api") or request.url.path == "/openapi.json":
        return True
    accept = request.headers.get("accept", "")
    return "application/json" in accept and "text/html" not in accept


def _install_error_handlers(app: FastAPI) -> None:
    """Every failure becomes a clear 4xx with a JSON body (or an error page for browsers)."""
    from autodossier.web.pages import error_page

    def respond(request: Request, status: int, message: str, extra: dict | None = None):
        if _wants_json(request):
            return JSONResponse({"detail": message, **(extra or {})}, status_code=status)
        return error_page(request, status, message, (extra or {}).get("suggestions"))

    @app.exception_handler(AutodossierError)
    async def _user_error(request: Request, exc: AutodossierError):
        suggestions = list(getattr(exc, "suggestions", None) or [])
        # Errors may name their HTTP status; an unknown model or document is a 404.
        status = getattr(exc, "http_status", None) or (
            404 if type(exc).__name__.startswith("Unknown") else 400)
        response = respond(request, status, str(exc), {"suggestions": suggestions} if suggestions else None)
        retry_after = getattr(exc, "retry_after_s", None)
        if retry_after:
            response.headers["Retry-After"] = str(retry_after)
        return response

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, exc: StarletteHTTPException):
        response = respond(request, exc.status_code, str(exc.detail))
        for key, value in (exc.headers or {}).items():
            response.headers[key] = value
        return response

    @app.exception_handler(Exception)
    async def _bug(request: Request, exc: Exception):
        from autodossier.store.kb import StoreBusyError, is_busy

        if is_busy(exc):  # a read that met another process's lock: busy, not broken
            busy = StoreBusyError("the knowledge base is busy with another writer; try again shortly")
            response = respond(request, 503, str(busy))
            response.headers["Retry-After"] = str(busy.retry_after_s)
            return response
        # A bug, not the user's fault: log the traceback, answer one line, keep serving.
        log.exception("unhandled error on %s %s", request.method, request.url.path)
        return respond(request, 500, f"internal error ({type(exc).__name__}); see the server log")

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError):
        # One readable line first, FastAPI's field-level list after it for programs.
        errors = exc.errors()
        first = errors[0] if errors else {}
        where = ".".join(str(p) for p in first.get("loc", ()) if p != "body")
        message = f"invalid {where or 'request'}: {first.get('msg', 'bad input')}"
        if _wants_json(request):
            return JSONResponse({"detail": message, "errors": _jsonable(errors)}, status_code=422)
        return error_page(request, 422, message)


def _jsonable(errors: list) -> list:
    """Validation error entries with their non-JSON parts (exceptions in ``ctx``) as text."""
    out = []
    for e in errors:
        e = dict(e)
        if "ctx" in e:
            e["ctx"] = {k: str(v) for k, v in e["ctx"].items()}
        e.pop("input", None)
        out.append(e)
    return out
