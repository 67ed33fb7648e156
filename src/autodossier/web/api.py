"""The REST API under ``/api``: JSON over the store, report, fuse and estimate libraries."""
from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query, Request, Response
from fastapi import Path as PathParam
from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, field_validator, model_validator

from autodossier.claims import ATTRIBUTES, STATUSES
from autodossier.web import backend
from autodossier.web.deps import get_kb, get_settings, require_token

router = APIRouter(prefix="/api", tags=["api"])

# A page of claims: large enough for one model's whole dossier, small enough to stay fast.
DEFAULT_PAGE = 100
MAX_PAGE = 1000
# Offsets beyond this are refused (422): no store holds a billion claims, and the database's
# 64-bit integers must never see a number a client made up (99999999999999999999999).
MAX_OFFSET = 1_000_000_000
# Longest name, alias, make, source or search text accepted: real ones are under 60
# characters; a 60,000-character search would make the database's LIKE pattern fail and
# difflib's suggestions cost seconds.
MAX_NAME = 200
# Document ids: the store's column is 500 characters; ids are far shorter in practice.
MAX_DOC_ID = 500
ISO_DATE = r"^\d{4}(-\d{2}(-\d{2})?)?$"


class Page(BaseModel):
    """One page of a list, with what to ask for next."""

    items: list[dict[str, Any]]
    limit: int
    offset: int
    next_offset: int | None = Field(None, description="offset of the next page; null on the last")


_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _iso_date_only(value: Any) -> Any:
    """Dates as ISO ``YYYY-MM-DD`` text only: pydantic would also take ``0`` (a Unix time)."""
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str) or not _ISO_DAY.match(value):
        raise ValueError("expected an ISO date, YYYY-MM-DD")
    return value


IsoDate = Annotated[dt.date, BeforeValidator(_iso_date_only)]
# Some non-space character: what "not empty" means for an article body, in JSON Schema terms.
_NOT_BLANK = r"\S"


class ArticleIn(BaseModel):
    """An article to ingest: plain ``text`` or an ``html`` page (exactly one), plus its metadata."""

    # "Exactly one of text and html" in the OpenAPI document too, so clients and fuzzers know it.
    model_config = ConfigDict(json_schema_extra={"oneOf": [{"required": ["text"]}, {"required": ["html"]}]})

    text: str = Field(None, description="article body as plain text", pattern=_NOT_BLANK)
    html: str = Field(None, description="article page as HTML (the body is extracted)", pattern=_NOT_BLANK)
    doc: str | None = Field(None, description="document id; derived from the content when absent",
                            pattern=r"^[A-Za-z0-9_.-]{1,120}$")
    title: str | None = Field(None, max_length=2000)
    date: IsoDate | None = Field(None, description="publication date, ISO YYYY-MM-DD")
    outlet: str | None = Field(None, max_length=MAX_NAME)
    url: str | None = Field(None, max_length=2000, description="link to the original (http or https)")

    @field_validator("text", "html", "doc", "title", "outlet", "url")
    @classmethod
    def _no_lone_surrogates(cls, value: str | None) -> str | None:
        if value is not None:
            try:
                value.encode("utf-8")
            except UnicodeEncodeError as exc:
                raise ValueError(f"not valid Unicode text (lone surrogate at offset {exc.start})") from None
        return value

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


class ErrorOut(BaseModel):
    """Every error answer: one readable line, plus details for programs where there are any."""

    detail: str = Field(..., description="what went wrong, in one line")
    errors: list[dict[str, Any]] | None = Field(None, description="field-level problems (422 only)")
    suggestions: list[str] | None = Field(None, description="close model names (unknown model only)")


def _errors(*codes: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI ``responses=`` for the error statuses a route can answer (all JSON ErrorOut)."""
    text = {400: "Bad request (unknown attribute, status or value)", 401: "Missing or wrong token",
            403: "Read-only server (no token configured)", 404: "Unknown model or document",
            413: "Request or fetched page too large", 422: "Invalid parameter or body",
            502: "The URL could not be fetched", 503: "Store busy with another writer; retry after Retry-After"}
    return {code: {"model": ErrorOut, "description": text[code]} for code in codes}


# What every read can answer besides 200; routes add 404 where they look a name up.
READ_ERRORS = (400, 422, 503)
WRITE_ERRORS = (400, 401, 403, 413, 422, 503)

# Bounded parameters shared by the routes; the vocabularies are enums in the OpenAPI document.
Attribute = Annotated[Literal[tuple(ATTRIBUTES)] | None, Query(description="a contract attribute, e.g. power_hp")]
Status = Annotated[Literal[tuple(STATUSES)] | None, Query(description="a contract status, e.g. confirmed")]
ModelName = Annotated[str, PathParam(min_length=1, max_length=MAX_NAME, description="model name or alias")]
DocId = Annotated[str, PathParam(min_length=1, max_length=MAX_DOC_ID, description="document id")]
Make = Annotated[str | None, Query(max_length=MAX_NAME, description="make, e.g. Infiniti")]
Subject = Annotated[str | None, Query(max_length=MAX_NAME, description="model or alias")]
AsOf = Annotated[IsoDate | None, Query(description="as known on this date (articles published by then)")]
Limit = Annotated[int, Query(ge=1, le=MAX_PAGE, description=f"page size, at most {MAX_PAGE}")]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="items to skip")]


def _page(items: list[dict], limit: int, offset: int) -> Page:
    """A page from ``limit + 1`` fetched items (the extra one says whether there is more)."""
    more = len(items) > limit
    return Page(items=items[:limit], limit=limit, offset=offset, next_offset=offset + limit if more else None)


@router.get("/models", summary="Models: list, search by name or alias, filter by make and lifecycle",
            responses=_errors(*READ_ERRORS))
def list_models(q: Annotated[str | None, Query(max_length=MAX_NAME, description="name or alias, e.g. Q50")] = None,
                make: Make = None,
                lifecycle: Annotated[str | None, Query(
                    pattern="^(concept|planned|in-production|discontinued|cancelled|on-hold)$",
                    description="one of concept, planned, in-production, discontinued, cancelled, on-hold")] = None,
                kb=Depends(get_kb)) -> list[dict[str, Any]]:
    return backend.models(kb, q=q, make=make, lifecycle=lifecycle)


@router.get("/models/{name}", summary="One model: canonical name, make, aliases, claim count",
            responses=_errors(404, *READ_ERRORS))
def get_model(name: ModelName, kb=Depends(get_kb)) -> dict[str, Any]:
    return backend.model_summary(kb, name)


@router.get("/models/{name}/dossier", summary="The dossier of a model, as known on a date",
            description="A summary: each value cites at most "
                        f"{backend.DOSSIER_CITATIONS} sources (``citations_total`` says how many "
                        "there are); page through the rest with ``/api/models/{name}/claims?attribute=...``.",
            responses=_errors(404, *READ_ERRORS))
def get_dossier(name: ModelName, as_of: AsOf = None, kb=Depends(get_kb)) -> Response:
    return Response(backend.dossier_json(kb, name, _iso(as_of)), media_type="application/json")


@router.get("/models/{name}/claims", response_model=Page, responses=_errors(404, *READ_ERRORS),
            summary="A model's claims (all the evidence behind its dossier), filtered and paginated")
def list_model_claims(name: ModelName,
                      attribute: Attribute = None, status: Status = None,
                      as_of: AsOf = None, limit: Limit = DEFAULT_PAGE, offset: Offset = 0,
                      kb=Depends(get_kb)) -> Page:
    items = backend.claims(kb, subject=name, attribute=attribute, status=status, as_of=_iso(as_of),
                           limit=limit + 1, offset=offset)
    return _page(items, limit, offset)


@router.get("/models/{name}/estimate", summary="Estimated 0-60 mph and top speed with their basis",
            responses=_errors(404, *READ_ERRORS))
def get_estimate(name: ModelName, kb=Depends(get_kb)) -> dict[str, Any]:
    return backend.estimate(kb, name)


@router.get("/claims", response_model=Page, summary="Claims, filtered and paginated",
            responses=_errors(404, *READ_ERRORS))
def list_claims(subject: Annotated[str | None, Query(max_length=MAX_NAME,
                                                     description="model or make (aliases resolve)")] = None,
                attribute: Attribute = None, status: Status = None,
                source: Annotated[str | None, Query(max_length=MAX_NAME, description="outlet or named source")] = None,
                make: Make = None,
                doc: Annotated[str | None, Query(max_length=MAX_DOC_ID)] = None,
                since: Annotated[IsoDate | None, Query(description="published on or after")] = None,
                until: Annotated[IsoDate | None, Query(description="published on or before")] = None,
                limit: Limit = DEFAULT_PAGE, offset: Offset = 0, kb=Depends(get_kb)) -> Page:
    items = backend.claims(kb, subject=subject, attribute=attribute, status=status, source=source,
                           make=make, doc=doc, since=_iso(since), until=_iso(until),
                           limit=limit + 1, offset=offset)
    return _page(items, limit, offset)


@router.get("/documents", summary="Documents in the knowledge base", responses=_errors(*READ_ERRORS))
def list_documents(kb=Depends(get_kb)) -> list[dict[str, Any]]:
    return backend.documents(kb)


@router.get("/documents/{doc}", summary="One document: metadata, text and its claims",
            responses=_errors(404, *READ_ERRORS))
def get_document(doc: DocId, kb=Depends(get_kb)) -> dict[str, Any]:
    return backend.document(kb, doc)


@router.get("/sources", summary="Outlets and named sources, with claim counts", responses=_errors(*READ_ERRORS))
def list_sources(kb=Depends(get_kb)) -> list[dict[str, Any]]:
    return backend.sources(kb)


@router.get("/changes", summary="What changed in the dossiers since a date", responses=_errors(404, *READ_ERRORS))
def list_changes(since: Annotated[IsoDate, Query(description="ISO date")], subject: Subject = None,
                 kb=Depends(get_kb)) -> dict[str, Any]:
    return backend.changes(kb, _iso(since), subject)


@router.get("/conflicts", summary="Open disagreements across the knowledge base", responses=_errors(*READ_ERRORS))
def list_conflicts(make: Make = None, kb=Depends(get_kb)) -> list[dict[str, Any]]:
    return backend.conflicts(kb, make)


@router.get("/timeline", summary="Lineup timeline data per make (model spans and events)",
            responses=_errors(*READ_ERRORS))
def get_timeline(make: Make = None, as_of: AsOf = None, kb=Depends(get_kb)) -> dict[str, Any]:
    return backend.timeline(kb, make, _iso(as_of))


@router.get("/sales", summary="Sales figures (units and changes) per model and period",
            responses=_errors(404, *READ_ERRORS))
def get_sales(subject: Subject = None, make: Make = None, as_of: AsOf = None, kb=Depends(get_kb)) -> dict[str, Any]:
    return backend.sales(kb, subject=subject, make=make, as_of=_iso(as_of))


@router.post("/articles", response_model=IngestOut, status_code=201,
             dependencies=[Depends(require_token)], responses=_errors(*WRITE_ERRORS),
             summary="Ingest one article (text or HTML with metadata); returns the claims found")
def post_article(article: ArticleIn, kb=Depends(get_kb), settings=Depends(get_settings)) -> IngestOut:
    return IngestOut(**backend.ingest_article(kb, settings, article.model_dump(mode="json")))


@router.post("/fetch", response_model=list[IngestOut], status_code=201,
             dependencies=[Depends(require_token)], responses=_errors(*WRITE_ERRORS, 502),
             summary="Fetch a URL (article page or feed) on a public address and ingest what it holds")
def post_fetch(body: FetchIn, request: Request, kb=Depends(get_kb),
               settings=Depends(get_settings)) -> list[IngestOut]:
    return [IngestOut(**r) for r in backend.fetch_and_ingest(kb, settings, body.url, request.app.state.fetcher)]


def _iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None
