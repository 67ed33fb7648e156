"""The REST API under ``/api``: JSON over the store, report, fuse and estimate libraries."""
from __future__ import annotations

import datetime as dt
from typing import Any

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from pydantic import BaseModel, Field, model_validator

from autodossier.claims import ATTRIBUTES, STATUSES
from autodossier.web import backend
from autodossier.web.deps import get_kb, get_settings, require_token

router = APIRouter(prefix="/api", tags=["api"])

# A page of claims: large enough for one model's whole dossier, small enough to stay fast.
DEFAULT_PAGE = 100
MAX_PAGE = 1000
ISO_DATE = r"^\d{4}(-\d{2}(-\d{2})?)?$"


class Page(BaseModel):
    """One page of a list, with what to ask for next."""

    items: list[dict[str, Any]]
    limit: int
    offset: int
    next_offset: int | None = Field(None, description="offset of the next page; null on the last")


class ArticleIn(BaseModel):
    """An article to ingest: plain ``text`` or an ``html`` page, plus its metadata."""

    text: str | None = Field(None, description="article body as plain text")
    html: str | None = Field(None, description="article page as HTML (the body is extracted)")
    doc: str | None = Field(None, description="document id; derived from the content when absent",
                            pattern=r"^[A-Za-z0-9_.-]{1,120}$")
    title: str | None = None
    date: dt.date | None = Field(None, description="publication date, ISO YYYY-MM-DD")
    outlet: str | None = None
    url: str | None = None

    @model_validator(mode="after")
    def _one_body(self) -> "ArticleIn":
        if bool(self.text and self.text.strip()) == bool(self.html and self.html.strip()):
            raise ValueError("give exactly one of 'text' or 'html', not empty")
        return self


class FetchIn(BaseModel):
    """A URL to fetch: an article page or an RSS/Atom feed."""

    url: str = Field(..., pattern=r"^[Hh][Tt][Tt][Pp][Ss]?://", max_length=2000,
                     description="http(s) URL of an article or a feed on a public internet address")


class IngestOut(BaseModel):
    """What one ingested document gave."""

    doc: str
    result: str = Field(..., description="new, unchanged or replaced")
    claims: list[dict[str, Any]]


def _check_vocab(attribute: str | None, status: str | None) -> None:
    if attribute is not None and attribute not in ATTRIBUTES:
        raise HTTPException(400, f"unknown attribute {attribute!r}; one of: {', '.join(ATTRIBUTES)}")
    if status is not None and status not in STATUSES:
        raise HTTPException(400, f"unknown status {status!r}; one of: {', '.join(STATUSES)}")


@router.get("/models", summary="Models: list, search by name or alias, filter by make and lifecycle")
def list_models(q: str | None = Query(None, description="name or alias, e.g. Q50"),
                make: str | None = None,
                lifecycle: str | None = Query(None, description="e.g. in-production, planned"),
                kb=Depends(get_kb)) -> list[dict[str, Any]]:
    return backend.models(kb, q=q, make=make, lifecycle=lifecycle)


@router.get("/models/{name}", summary="One model: canonical name, make, aliases, claim count")
def get_model(name: str, kb=Depends(get_kb)) -> dict[str, Any]:
    return backend.model_summary(kb, name)


@router.get("/models/{name}/dossier", summary="The dossier of a model, as known on a date")
def get_dossier(name: str,
                as_of: dt.date | None = Query(None, description="only articles published by this date"),
                kb=Depends(get_kb)) -> dict[str, Any]:
    return backend.dossier(kb, name, _iso(as_of)).to_dict()


@router.get("/models/{name}/estimate", summary="Estimated 0-60 mph and top speed with their basis")
def get_estimate(name: str, kb=Depends(get_kb)) -> dict[str, Any]:
    return backend.estimate(kb, name)


@router.get("/claims", response_model=Page, summary="Claims, filtered and paginated")
def list_claims(subject: str | None = Query(None, description="model or make (aliases resolve)"),
                attribute: str | None = None, status: str | None = None,
                source: str | None = Query(None, description="outlet or named source"),
                make: str | None = None, doc: str | None = None,
                since: dt.date | None = Query(None, description="published on or after"),
                until: dt.date | None = Query(None, description="published on or before"),
                limit: int = Query(DEFAULT_PAGE, ge=1, le=MAX_PAGE),
                offset: int = Query(0, ge=0), kb=Depends(get_kb)) -> Page:
    _check_vocab(attribute, status)
    items = backend.claims(kb, subject=subject, attribute=attribute, status=status, source=source,
                           make=make, doc=doc, since=_iso(since), until=_iso(until),
                           limit=limit + 1, offset=offset)
    more = len(items) > limit
    return Page(items=items[:limit], limit=limit, offset=offset,
                next_offset=offset + limit if more else None)


@router.get("/documents", summary="Documents in the knowledge base")
def list_documents(kb=Depends(get_kb)) -> list[dict[str, Any]]:
    return backend.documents(kb)


@router.get("/documents/{doc}", summary="One document: metadata, text and its claims")
def get_document(doc: str, kb=Depends(get_kb)) -> dict[str, Any]:
    return backend.document(kb, doc)


@router.get("/sources", summary="Outlets and named sources, with claim counts")
def list_sources(kb=Depends(get_kb)) -> list[dict[str, Any]]:
    return backend.sources(kb)


@router.get("/changes", summary="What changed in the dossiers since a date")
def list_changes(since: dt.date = Query(..., description="ISO date"), subject: str | None = None,
                 kb=Depends(get_kb)) -> dict[str, Any]:
    return backend.changes(kb, _iso(since), subject)


@router.get("/conflicts", summary="Open disagreements across the knowledge base")
def list_conflicts(make: str | None = None, kb=Depends(get_kb)) -> list[dict[str, Any]]:
    return backend.conflicts(kb, make)


@router.get("/timeline", summary="Lineup timeline data per make (model spans and events)")
def get_timeline(make: str | None = None,
                 as_of: dt.date | None = Query(None, description="as known on this date"),
                 kb=Depends(get_kb)) -> dict[str, Any]:
    return backend.timeline(kb, make, _iso(as_of))


@router.get("/sales", summary="Sales figures (units and changes) per model and period")
def get_sales(subject: str | None = Query(None, description="model or alias"),
              make: str | None = None,
              as_of: dt.date | None = Query(None, description="as known on this date"),
              kb=Depends(get_kb)) -> dict[str, Any]:
    return backend.sales(kb, subject=subject, make=make, as_of=_iso(as_of))


@router.post("/articles", response_model=IngestOut, status_code=201,
             dependencies=[Depends(require_token)],
             summary="Ingest one article (text or HTML with metadata); returns the claims found")
def post_article(article: ArticleIn, kb=Depends(get_kb), settings=Depends(get_settings)) -> IngestOut:
    return IngestOut(**backend.ingest_article(kb, settings, article.model_dump(mode="json")))


@router.post("/fetch", response_model=list[IngestOut], status_code=201,
             dependencies=[Depends(require_token)],
             summary="Fetch a URL (article page or feed) and ingest what it holds")
def post_fetch(body: FetchIn, request: Request, kb=Depends(get_kb),
               settings=Depends(get_settings)) -> list[IngestOut]:
    return [IngestOut(**r) for r in backend.fetch_and_ingest(kb, settings, body.url, request.app.state.fetcher)]


def _iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None
