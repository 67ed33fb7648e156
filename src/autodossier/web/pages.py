"""Server-rendered pages (Jinja2): readable without JavaScript, usable at phone width.

Each page asks :mod:`autodossier.web.backend` (and so the libraries) for its data and
hands it to a template; nothing here decides what is true.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from fastapi import APIRouter, Depends, Query, Request
from fastapi import Path as PathParam
from fastapi.responses import HTMLResponse, RedirectResponse
from fastapi.templating import Jinja2Templates
from markupsafe import Markup

from autodossier.claims import STATUSES
from autodossier.fuse import display_value
from autodossier.report.labels import label
from autodossier.urls import public_url
from autodossier.web import backend
from autodossier.web.api import MAX_DOC_ID, MAX_NAME
from autodossier.web.deps import get_kb
from autodossier.web.highlight import claim_anchor, highlight

router = APIRouter(include_in_schema=False)
templates = Jinja2Templates(directory=Path(__file__).parent / "templates")
templates.env.globals.update(statuses=STATUSES, claim_anchor=claim_anchor)
templates.env.filters["value"] = lambda c: display_value(c.get("value"), c.get("qualifier") or "=", c.get("unit"))
templates.env.filters["label"] = label
templates.env.filters["safe_href"] = public_url  # only http(s) URLs become links
# The home page's "latest changes": what changed in the last quarter of the newest news.
LATEST_CHANGES_DAYS = 90
# How many latest changes the home page lists before linking to the full list.
LATEST_CHANGES_SHOWN = 12


def render(request: Request, name: str, status_code: int = 200, **context) -> HTMLResponse:
    """Render a template with the request in its context."""
    return templates.TemplateResponse(request, name, context, status_code=status_code)


def error_page(request: Request, status_code: int, message: str, suggestions=None) -> HTMLResponse:
    """The page a browser sees for a bad request or an unknown model/document."""
    heading = {404: "Not found", 413: "Too large", 401: "Not allowed", 403: "Not allowed",
               500: "Server error"}.get(
        status_code, "Something is wrong with this request")
    return render(request, "error.html", status_code, code=status_code, heading=heading,
                  message=message, suggestions=suggestions)


def _newest_date(docs: list[dict]) -> str | None:
    dates = [d.get("date") for d in docs if d.get("date")]
    return max(dates) if dates else None


@router.get("/", response_class=HTMLResponse, name="home")
def home(request: Request, kb=Depends(get_kb)):
    """Makes and their models, the latest changes, and the search box."""
    rows = backend.models(kb)
    makes: dict[str, list[dict]] = {}
    for row in rows:
        makes.setdefault(row.get("make") or "Other", []).append(row)
    docs = backend.documents(kb)
    newest = _newest_date(docs)
    changes = None
    if newest:
        since = (dt.date.fromisoformat(newest[:10]) - dt.timedelta(days=LATEST_CHANGES_DAYS)).isoformat()
        changes = backend.changes(kb, since)
    return render(request, "home.html", makes=dict(sorted(makes.items())), changes=changes,
                  shown=LATEST_CHANGES_SHOWN, documents=len(docs))


@router.get("/search", response_class=HTMLResponse, name="search_page")
def search_page(request: Request, q: str = Query("", max_length=MAX_NAME), kb=Depends(get_kb)):
    """Models matching a name or alias; one match goes straight to its dossier."""
    q = q.strip()
    results = backend.models(kb, q=q) if q else []
    if len(results) == 1:
        subject = results[0].get("subject") or results[0].get("name")
        return RedirectResponse(request.url_for("model_page", name=subject), status_code=303)
    suggestions = []
    if q and not results:
        try:
            backend.resolve(kb, q)
        except Exception as exc:  # the store's UnknownModelError carries close names
            suggestions = list(getattr(exc, "suggestions", None) or [])
    return render(request, "search.html", q=q, results=results, suggestions=suggestions)


@router.get("/models/{name}", response_class=HTMLResponse, name="model_page")
def model_page(request: Request, name: str = PathParam(..., max_length=MAX_NAME),
               as_of: str | None = Query(None, max_length=MAX_NAME), kb=Depends(get_kb)):
    """The dossier of one model with its sections, as known on ``as_of`` (ISO date)."""
    as_of = (as_of or "").strip() or None
    if as_of is not None:
        try:
            dt.date.fromisoformat(as_of)
        except ValueError:
            return error_page(request, 400, f"as-of date {as_of!r} is not an ISO date (YYYY-MM-DD)")
    data = backend.dossier_summary(kb, name, as_of)
    return render(request, "model.html", d=data, as_of=as_of, subject=data.get("subject", name))


@router.get("/documents", response_class=HTMLResponse, name="documents_page")
def documents_page(request: Request, kb=Depends(get_kb)):
    """Every document in the knowledge base."""
    return render(request, "documents.html", documents=backend.documents(kb))


@router.get("/documents/{doc}", response_class=HTMLResponse, name="document_page")
def document_page(request: Request, doc: str = PathParam(..., max_length=MAX_DOC_ID), kb=Depends(get_kb)):
    """An article's text with the evidence of its claims highlighted and anchored."""
    data = backend.document(kb, doc)
    segments, missing = highlight(data.get("text") or "", data["claims"])
    return render(request, "document.html", d=data, segments=segments, missing=missing)


@router.get("/conflicts", response_class=HTMLResponse, name="conflicts_page")
def conflicts_page(request: Request, make: str | None = Query(None, max_length=MAX_NAME), kb=Depends(get_kb)):
    """All open disagreements across the knowledge base."""
    return render(request, "conflicts.html", groups=backend.conflicts(kb, make or None), make=make)


@router.get("/changes", response_class=HTMLResponse, name="changes_page")
def changes_page(request: Request, since: str = Query(..., max_length=MAX_NAME), kb=Depends(get_kb)):
    """New claims and changed beliefs since a date."""
    try:
        dt.date.fromisoformat(since)
    except ValueError:
        return error_page(request, 400, f"date {since!r} is not an ISO date (YYYY-MM-DD)")
    return render(request, "changes.html", changes=backend.changes(kb, since), since=since)


@router.get("/timeline", response_class=HTMLResponse, name="timeline_page")
def timeline_page(request: Request, make: str | None = Query(None, max_length=MAX_NAME), kb=Depends(get_kb)):
    """The lineup chart per make (SVG) with its data as a table."""
    data = backend.timeline(kb, make or None)
    svg = backend.timeline_svg(data)
    return render(request, "timeline.html", data=data, svg=Markup(svg), make=make, makes=kb.makes())


@router.get("/sales", response_class=HTMLResponse, name="sales_page")
def sales_page(request: Request, subject: str | None = Query(None, max_length=MAX_NAME),
               make: str | None = Query(None, max_length=MAX_NAME), kb=Depends(get_kb)):
    """Sales chart (SVG) and table."""
    data = backend.sales(kb, subject=subject or None, make=make or None)
    svg = backend.sales_svg(data)
    return render(request, "sales.html", data=data, svg=Markup(svg), make=make, makes=kb.makes())
