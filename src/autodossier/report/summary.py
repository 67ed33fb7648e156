"""A dossier kept a summary: at most a few citations per value, the rest counted.

A much-covered model has thousands of claims; quoting every one under its value made a
5 MB answer. :func:`summarize` keeps the first ``max_citations`` citations of each value
(fact, conflict side, relation, timeline event) and records how many there were in
``citations_total``; the full evidence stays a query away (the REST API pages it through
``/api/models/{name}/claims?attribute=...``).
"""
from __future__ import annotations

from typing import Any

# Citations quoted per value in a dossier summary: enough to show agreement across
# outlets at a glance; the rest are counted and paged through the claims endpoint.
MAX_CITATIONS = 5
# Sources listed in a summary: a model covered by a thousand articles lists the first
# hundred by date; the headline still counts them all.
MAX_SOURCES = 100


def _cap(entry: dict[str, Any], limit: int) -> dict[str, Any]:
    citations = entry.get("citations") or []
    return {**entry, "citations": citations[:limit], "citations_total": len(citations)}


def summarize(d: dict[str, Any], max_citations: int = MAX_CITATIONS,
              max_sources: int = MAX_SOURCES) -> dict[str, Any]:
    """``Dossier.to_dict()`` output with citations capped per value and sources capped."""
    out = dict(d)
    for key in ("known", "expected", "rumored", "superseded", "related", "timeline"):
        out[key] = [_cap(e, max_citations) for e in d.get(key) or []]
    out["conflicts"] = [{**c, "sides": [_cap(s, max_citations) for s in c.get("sides") or []]}
                        for c in d.get("conflicts") or []]
    sources = d.get("sources") or []
    out["sources"] = sources[:max_sources]
    out["sources_total"] = len(sources)
    return out
