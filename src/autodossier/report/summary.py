"""A dossier kept a summary: at most a few citations per value, the rest counted.

A much-covered model has thousands of claims; quoting every one under its value made a
5 MB answer. :func:`summarize` keeps the first ``max_citations`` citations of each value
(fact, conflict side, relation, timeline event) and records how many there were in
``citations_total``, and caps each section's length the same way (``<section>_total``);
the full evidence stays a query away (the REST API pages it through
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
# Entries per section (values, relations, timeline events, conflicts): a real model has a
# few dozen; a store full of noise may hold thousands of one-off values. The rest are
# counted in ``<section>_total`` and reachable through the claims.
MAX_ENTRIES = 100
# Superseded values are history: the newest few tell the story.
MAX_SUPERSEDED = 25


def _cap(entry: dict[str, Any], limit: int) -> dict[str, Any]:
    citations = entry.get("citations") or []
    return {**entry, "citations": citations[:limit], "citations_total": len(citations)}


def summarize(d: dict[str, Any], max_citations: int = MAX_CITATIONS, max_sources: int = MAX_SOURCES,
              max_entries: int = MAX_ENTRIES) -> dict[str, Any]:
    """``Dossier.to_dict()`` output with citations capped per value and every list capped.

    Each capped list ``<key>`` gets ``<key>_total``, the length it had. The timeline keeps
    its newest events; the other lists keep their first entries (their own order).
    """
    out = dict(d)
    limits = {"known": max_entries, "expected": max_entries, "rumored": max_entries,
              "related": max_entries, "superseded": min(max_entries, MAX_SUPERSEDED)}
    for key, limit in limits.items():
        entries = d.get(key) or []
        out[key] = [_cap(e, max_citations) for e in entries[:limit]]
        out[f"{key}_total"] = len(entries)
    timeline = d.get("timeline") or []
    out["timeline"] = [_cap(e, max_citations) for e in timeline[-max_entries:]]
    out["timeline_total"] = len(timeline)
    conflicts = d.get("conflicts") or []
    out["conflicts"] = [{**c, "sides": [_cap(s, max_citations) for s in (c.get("sides") or [])[:max_entries]],
                         "sides_total": len(c.get("sides") or [])} for c in conflicts[:max_entries]]
    out["conflicts_total"] = len(conflicts)
    sources = d.get("sources") or []
    out["sources"] = sources[:max_sources]
    out["sources_total"] = len(sources)
    return out
