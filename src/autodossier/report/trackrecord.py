"""Sources' track records over a knowledge base, for every face: table rows, chart data, weights.

``source_track_record(kb, as_of=None)`` judges every uncertain claim in the store
(:mod:`autodossier.fuse.trackrecord`) and is cached until the store's claims change, so
dossiers can weigh claims by their sources' records without rereading the store each time.
"""
from __future__ import annotations

from collections import OrderedDict
from typing import Any

from autodossier.fuse.groups import as_of_limit
from autodossier.fuse.trackrecord import (
    FAMILIES, OTHER_FAMILY, TrackRecord, Weigher, source_weigher, track_record_in_chunks,
)

# Track records kept in memory: one per (store, as-of date) asked recently. Each is a few
# MB at most; dossiers as of a handful of dates are the common case.
CACHE_SIZE = 8
_cache: OrderedDict[tuple, TrackRecord] = OrderedDict()

# The orders the sources table can be sorted in (CLI and web), by key.
SORT_KEYS = ("resolved", "hit_rate", "claims", "name", "lead")


def source_track_record(kb: Any, as_of: str | None = None) -> TrackRecord:
    """Every outlet's and named source's record, from what was published by ``as_of``."""
    as_of = as_of_limit(as_of)
    key = (id(kb), getattr(kb, "url", None), kb.claims_fingerprint(), as_of)
    found = _cache.get(key)
    if found is not None:
        _cache.move_to_end(key)
        return found
    result = track_record_in_chunks(kb.judged_claims_by_make(as_of=as_of), as_of)
    _cache[key] = result
    while len(_cache) > CACHE_SIZE:
        _cache.popitem(last=False)
    return result


def weigher(kb: Any, as_of: str | None = None) -> Weigher:
    """Per-claim weights from the sources' records as of a date (for ``fuse(..., weigh=)``)."""
    return source_weigher(source_track_record(kb, as_of))


def rows(record: TrackRecord, kind: str | None = None, family: str | None = None,
         sort: str = "resolved", min_resolved: int = 0) -> list[dict[str, Any]]:
    """Table rows: one per source (``kind`` "outlet" or "source" to keep one kind), the
    figures of one attribute ``family`` or of all; sorted by ``sort`` (:data:`SORT_KEYS`)."""
    from autodossier.errors import AutodossierError

    if sort not in SORT_KEYS:
        raise AutodossierError(f"unknown sort {sort!r}; one of: {', '.join(SORT_KEYS)}")
    families = (*FAMILIES, OTHER_FAMILY)
    if family is not None and family not in families:
        raise AutodossierError(f"unknown family {family!r}; one of: {', '.join(families)}")
    if kind is not None and kind not in ("outlet", "source"):
        raise AutodossierError(f"unknown kind {kind!r}; one of: outlet, source")
    out = []
    for src in record.sources:
        if kind is not None and src.kind != kind:
            continue
        tally = src.overall if family is None else src.by_family.get(family)
        if tally is None or tally.resolved < min_resolved:
            continue
        out.append({"kind": src.kind, "name": src.name, **tally.to_dict(),
                    "families": {k: v.to_dict() for k, v in sorted(src.by_family.items())},
                    "statuses": {k: v.to_dict() for k, v in sorted(src.by_status.items())}})
    order = {
        "resolved": lambda r: (-r["resolved"], -(r["hit_rate"] or 0), r["name"].lower()),
        "hit_rate": lambda r: (r["hit_rate"] is None, -(r["hit_rate"] or 0), -r["resolved"], r["name"].lower()),
        "claims": lambda r: (-r["claims"], r["name"].lower()),
        "name": lambda r: (r["name"].lower(), r["kind"]),
        "lead": lambda r: (r["median_lead_days"] is None, r["median_lead_days"] or 0, r["name"].lower()),
    }[sort]
    return sorted(out, key=order)
