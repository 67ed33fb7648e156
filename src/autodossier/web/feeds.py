"""Atom feeds of changes: per model, per make, and for the watchlist."""
from __future__ import annotations

from urllib.parse import quote

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response

from autodossier.web.deps import get_kb

router = APIRouter(include_in_schema=False)
ATOM = "application/atom+xml; charset=utf-8"


def _feed(request: Request, events, key: str, title: str, page_url: str) -> Response:
    from autodossier.report.atom import render_feed
    from autodossier.web.highlight import claim_anchor

    def link(cite: dict) -> str:
        return str(request.url_for("document_page", doc=cite.get("doc"))) + "#" + claim_anchor(cite)

    body = render_feed(events, feed_key=key, title=title, self_url=str(request.url), page_url=page_url,
                       link=link)
    return Response(body, media_type=ATOM)


@router.get("/models/{name}/feed.atom", name="model_feed")
def model_feed(request: Request, name: str, kb=Depends(get_kb)) -> Response:
    """Every change to one model (name or alias), newest first."""
    from autodossier.report.follow import model_events

    subject = kb.resolve_model(name)
    return _feed(request, model_events(kb, [subject]), f"model:{subject.lower()}",
                 f"{subject}: changes", str(request.url_for("model_page", name=subject)))


@router.get("/makes/{make}/feed.atom", name="make_feed")
def make_feed(request: Request, make: str, kb=Depends(get_kb)) -> Response:
    """Every change to the models of one make."""
    from autodossier.report.follow import UnknownWatchNameError, model_events

    canonical = next((m for m in kb.makes() if m.lower() == " ".join(make.split()).lower()), None)
    if canonical is None:
        raise UnknownWatchNameError(f"unknown make {make!r}; makes: {', '.join(kb.makes()) or 'none yet'}")
    subjects = [row["subject"] for row in kb.models(make=canonical)]
    page = str(request.url_for("timeline_page")) + "?make=" + quote(canonical)
    return _feed(request, model_events(kb, subjects), f"make:{canonical.lower()}", f"{canonical}: changes", page)


@router.get("/watchlist/feed.atom", name="watchlist_feed")
def watchlist_feed(request: Request, kb=Depends(get_kb)) -> Response:
    """Every change to the watched models (an empty feed while the watchlist is empty)."""
    from autodossier.report.follow import model_events, watched_subjects

    return _feed(request, model_events(kb, watched_subjects(kb)), "watchlist", "Watched models: changes",
                 str(request.url_for("home")))
