"""The one place the web face calls the libraries (store, report, fuse, estimate, ingest).

Routes and pages stay thin: each asks this module for plain data. Nothing here decides
what is true; it picks the right library call and shapes its result for JSON and templates.
"""
from __future__ import annotations

import functools
import hashlib
import json
from dataclasses import replace
from typing import Any

from autodossier import fuse
from autodossier.errors import AutodossierError, InputError
from autodossier.ingest.document import Document
from autodossier.report.estimates import gather_claims
from autodossier.report.summary import MAX_CITATIONS

# Citations a dossier answer quotes per value (the rest are paged via the claims endpoint).
DOSSIER_CITATIONS = MAX_CITATIONS
# Search results listed at most: a name fragment ("Q") should not list the whole store.
SEARCH_LIMIT = 50
# Rendered charts kept in memory: a few makes and dates, each SVG some tens of KB.
CHART_CACHE_SIZE = 64


def resolve(kb, name: str) -> str:
    """The canonical subject for a name or alias (raises the store's UnknownModelError)."""
    return kb.resolve_model(name)


def models(kb, q: str | None = None, make: str | None = None, lifecycle: str | None = None) -> list[dict]:
    """Models as the store lists them (subject, make, counts, first/last seen), searched by name
    or alias (best match first) and filtered by make and by believed lifecycle."""
    rows = {r["subject"]: dict(r) for r in kb.models(make=make)}
    if q:
        rows = {name: rows[name] for name in kb.search_models(q, limit=SEARCH_LIMIT) if name in rows}
    stages = lifecycles(kb)
    out = []
    for row in rows.values():
        row["lifecycle"] = stages.get(row["subject"])
        if lifecycle is None or row["lifecycle"] == lifecycle:
            out.append(row)
    return out


def lifecycles(kb) -> dict[str, str]:
    """Subject -> its lineup status now (a contract lifecycle value), from its lifecycle story."""
    from autodossier.fuse.lifecycle import STORY_ATTRIBUTES, lifecycle_story, lineup_status

    by_subject: dict[str, list[dict]] = {}
    for rec in kb.claims(attribute=list(STORY_ATTRIBUTES)):
        by_subject.setdefault(rec["subject"], []).append(rec)
    out: dict[str, str] = {}
    for subject, records in by_subject.items():
        state = lineup_status(lifecycle_story(records))
        if state is not None:
            out[subject] = state["value"]
    return out


def model_summary(kb, name: str) -> dict[str, Any]:
    """A model's canonical name, make, counts and first/last seen dates."""
    subject = resolve(kb, name)
    row = next((r for r in models(kb) if r["subject"] == subject), None)
    return row or {"subject": subject, "claims": 0}


def dossier(kb, name: str, as_of: str | None = None):
    """The report library's Dossier of a model as known on ``as_of`` (a model only mentioned
    in other models' claims gets one too: the claims that name it)."""
    from autodossier.report.dossier import build_dossier

    return build_dossier(kb, name, as_of=as_of)


def dossier_summary(kb, name: str, as_of: str | None = None) -> dict[str, Any]:
    """The dossier as a bounded summary (citations capped per value), cached until the store changes."""
    from autodossier.web.dossier_cache import cache_for

    return cache_for(kb).get(kb, name, as_of)[0]


def dossier_json(kb, name: str, as_of: str | None = None) -> bytes:
    """:func:`dossier_summary` as JSON bytes (cached with it)."""
    from autodossier.web.dossier_cache import cache_for

    return cache_for(kb).get(kb, name, as_of)[1]


def estimate(kb, name: str) -> dict[str, Any]:
    """Performance estimate of a model from its claims and those of related models."""
    from autodossier.estimate import estimate_model

    subject = resolve(kb, name)
    # Models it shares a platform or engine with lend their figures (weight, gearing).
    claims, related = gather_claims(kb, subject)
    return {**estimate_model(claims, related=related or None).to_dict(), "subject": subject}


def claims(kb, subject: str | None = None, **filters: Any) -> list[dict]:
    """Claim records with the store's filters; a subject name or alias resolves first."""
    if subject:
        subject = resolve(kb, subject)
    return kb.claims(subject=subject, **{k: v for k, v in filters.items() if v is not None})


def public_document(record: dict) -> dict:
    """A document record fit for anyone to read: no local path, only a safe http(s) URL."""
    from autodossier.urls import public_url

    out = {k: v for k, v in record.items() if k != "path"}
    if "url" in out:
        out["url"] = public_url(out["url"])
    return out


def documents(kb) -> list[dict]:
    """Every document's metadata (no text), newest first as the store gives them."""
    return [public_document(d) for d in kb.documents()]


def document(kb, doc: str) -> dict[str, Any]:
    """One document with its text and its claims; 404-style error when it is not there."""
    found = kb.document(doc)
    if found is None:
        raise UnknownDocumentError(f"no document {doc!r} in the knowledge base")
    data = public_document(found)
    data["claims"] = kb.claims(doc=doc)
    return data


def sources(kb) -> list[dict]:
    """Outlets and named sources as the store counts them."""
    return [dict(s) for s in kb.sources()]


def all_records(kb, make: str | None = None) -> list[dict]:
    """Every claim record (of one make), for questions over the whole knowledge base."""
    return kb.claims(make=make)


def conflicts(kb, make: str | None = None) -> list[dict]:
    """Every open disagreement, as the fuse library finds them."""
    return [g.to_dict() for g in fuse.all_conflicts(all_records(kb, make))]


def changes(kb, since: str, subject: str | None = None) -> dict[str, Any]:
    """New claims and changed beliefs since a date (of one model, or everywhere)."""
    records = claims(kb, subject=subject) if subject else all_records(kb)
    return fuse.changes_since(records, since).to_dict()


def timeline(kb, make: str | None = None, as_of: str | None = None) -> dict[str, Any]:
    """Lineup timeline data from the report library: per model, its span and dated events."""
    from autodossier.report import charts

    return {"make": make, "as_of": as_of, "models": charts.timeline_data(kb, make=make, as_of=as_of)}


def sales(kb, subject: str | None = None, make: str | None = None,
          as_of: str | None = None) -> dict[str, Any]:
    """Believed unit sales per model, period and region (report library), of one model if asked."""
    from autodossier.report import charts

    if subject:
        subject = resolve(kb, subject)
        make = None  # the model names its make already
    rows = charts.sales_data(kb, make=make, as_of=as_of)
    if subject:
        rows = [r for r in rows if r["subject"] == subject]
    return {"subject": subject, "make": make, "as_of": as_of, "rows": rows}


def _doc_id(text: str) -> str:
    """A stable id for a posted article without one: same content, same id."""
    return "post_" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def article_document(body: dict[str, Any], settings) -> Document:
    """A Document from a posted body (plain ``text`` with optional header lines, or ``html``)."""
    from autodossier.ingest import document_from_text

    fmt = "html" if body.get("html") else "txt"
    text = body["html"] if fmt == "html" else body["text"]
    doc = body.get("doc") or _doc_id(text)
    return document_from_text(text, doc, title=body.get("title"), date=body.get("date"),
                              outlet=body.get("outlet"), url=body.get("url"), fmt=fmt,
                              as_of=settings.as_of)


def ingest_document(kb, doc: Document) -> dict[str, Any]:
    """Extract and store one document; what it gave."""
    from autodossier.extract import extract

    found = extract(doc)
    result = kb.ingest(doc, found)
    return {"doc": doc.doc, "result": result, "claims": [c.to_dict() for c in found]}


def ingest_article(kb, settings, body: dict[str, Any]) -> dict[str, Any]:
    """Ingest one posted article."""
    return ingest_document(kb, article_document(body, settings))


def fetch_and_ingest(kb, settings, url: str, client=None) -> list[dict[str, Any]]:
    """Fetch a URL through the SSRF guard; a feed gives one document per entry, a page one document.

    ``client`` is an :class:`~autodossier.web.outbound.OutboundClient` (default: one that
    refuses every non-public address). The document keeps the URL without credentials.
    """
    from autodossier.ingest import read_bytes
    from autodossier.web.outbound import OutboundClient

    fetched = (client or OutboundClient()).fetch(url)
    # The content decides (feed, HTML page or text), not the URL or a server's content type.
    docs = list(read_bytes(fetched.data, fetched.url, _doc_id(fetched.url), None, None, settings.as_of))
    good = [replace(d, url=d.url or fetched.url) if isinstance(d, Document) else d for d in docs]
    good = [d for d in good if isinstance(d, Document)]
    if not good:
        errors = [str(d) for d in docs if isinstance(d, InputError)]
        raise AutodossierError(errors[0] if errors else f"{fetched.url}: no article found")
    return [ingest_document(kb, d) for d in good]


class UnknownDocumentError(AutodossierError):
    """No document with that id."""

    http_status = 404


def timeline_svg(data: dict[str, Any]) -> str:
    """The lineup chart as inline SVG, drawn by the report library."""
    title = f"{data['make']} lineup" if data.get("make") else "Model lineup"
    return _chart_svg("timeline", json.dumps(data["models"], sort_keys=True, default=str), title)


def sales_svg(data: dict[str, Any]) -> str:
    """The sales chart as inline SVG, drawn by the report library."""
    title = f"Unit sales: {data.get('subject') or data.get('make') or 'all models'}"
    return _chart_svg("sales", json.dumps(data["rows"], sort_keys=True, default=str), title)


@functools.lru_cache(maxsize=CHART_CACHE_SIZE)
def _chart_svg(kind: str, rows_json: str, title: str) -> str:
    """Drawing takes matplotlib a second or two; the same data gives the same chart, so the
    SVG is cached by the chart's data (new articles change the data and so the key)."""
    from autodossier.report import charts

    draw = charts.render_timeline if kind == "timeline" else charts.render_sales
    return _inline_svg(draw(json.loads(rows_json), "svg", title=title))


def _inline_svg(svg: str) -> str:
    """An SVG document made fit to sit inside HTML (no XML prolog or doctype)."""
    start = svg.find("<svg")
    return svg[start:] if start >= 0 else svg
