"""The sources' track records: the ``/sources`` page and ``/api/sources/track-record``."""
from __future__ import annotations

import datetime as dt
from typing import Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse

from autodossier.fuse.trackrecord import FAMILIES, OTHER_FAMILY
from autodossier.report.trackrecord import SORT_KEYS, rows, source_track_record
from autodossier.web.api import READ_ERRORS, AsOf, _errors
from autodossier.web.deps import get_kb

router = APIRouter()
# The chart shows the sources with the most resolved claims: more rows would not read at a glance.
CHART_SOURCES = 15

# Closed vocabularies, so the OpenAPI document says what is accepted (anything else: 422).
_FAMILY_NAMES = (*FAMILIES, OTHER_FAMILY)
FAMILY_QUERY = Query(None, description="one attribute family: " + ", ".join(_FAMILY_NAMES),
                     pattern="^(" + "|".join(_FAMILY_NAMES) + ")?$")
KIND_QUERY = Query(None, description="outlet or source (attributed)", pattern="^(outlet|source)?$")


def _table(kb, kind: str | None, family: str | None, sort: str, min_resolved: int,
           as_of: dt.date | None) -> dict[str, Any]:
    record = source_track_record(kb, as_of.isoformat() if as_of else None)
    return {"as_of": record.as_of, "family": family, "kind": kind, "sort": sort,
            "claims_judged": record.claims_judged,
            "sources": rows(record, kind=kind, family=family, sort=sort, min_resolved=min_resolved)}


@router.get("/api/sources/track-record", tags=["api"], responses=_errors(*READ_ERRORS),
            summary="Each outlet's and named source's track record: uncertain claims later borne out "
                    "or contradicted, hit rate with Wilson 95% interval, median lead time")
def get_track_record(kind: str | None = KIND_QUERY, family: str | None = FAMILY_QUERY,
                     sort: str = Query("resolved", description=", ".join(SORT_KEYS),
                                       pattern="^(" + "|".join(SORT_KEYS) + ")$"),
                     min_resolved: int = Query(0, ge=0),
                     as_of: AsOf = None, kb=Depends(get_kb)) -> dict[str, Any]:
    return _table(kb, kind or None, family or None, sort, min_resolved, as_of)


@router.get("/sources", response_class=HTMLResponse, name="sources_page", include_in_schema=False)
def sources_page(request: Request, kind: str | None = None, family: str | None = None,
                 sort: str = "resolved", kb=Depends(get_kb)):
    """The track-record table (sortable by its headers) and a chart of hit rates with intervals."""
    from autodossier.fuse.trackrecord import FAMILIES, OTHER_FAMILY
    from autodossier.web.pages import render

    data = _table(kb, kind or None, family or None, sort, 0, None)
    chart = sorted((r for r in data["sources"] if r["resolved"]), key=lambda r: -r["resolved"])[:CHART_SOURCES]
    return render(request, "sources.html", data=data, chart=chart, families=(*FAMILIES, OTHER_FAMILY),
                  sort_keys=SORT_KEYS)
