"""Sources' track records over a knowledge base, for every face: table rows, chart data, weights.

``source_track_record(kb, as_of=None)`` judges every uncertain claim in the store
(:mod:`autodossier.fuse.trackrecord`) and is cached until the store's claims change, so
dossiers can weigh claims by their sources' records without rereading the store each time.
"""
from __future__ import annotations

import logging
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass
from typing import Any

from autodossier.fuse.groups import as_of_limit
from autodossier.fuse.trackrecord import (
    FAMILIES, OTHER_FAMILY, TrackRecord, Weigher, source_weigher, track_record_in_chunks,
)

# Track records kept in memory: one per (store, as-of date) asked recently. Each holds only
# tallies per source (a few MB at most); dossiers as of a handful of dates are the common case.
CACHE_SIZE = 8
# Judging a large store takes a while (~25 s for 1M claims). When the last judging took more
# than SLOW_S seconds, a record at most MAX_STALE_S old is served while a fresh one is judged
# in the background: one new article moves a record built on hundreds of claims by well under
# a percent, and a dossier must not wait half a minute after every ingest. Small stores are
# always judged afresh.
SLOW_S = 1.0
MAX_STALE_S = 600.0

log = logging.getLogger(__name__)


@dataclass
class _Entry:
    fingerprint: tuple
    record: TrackRecord
    computed_at: float  # time.monotonic()
    cost_s: float
    refreshing: bool = False


_cache: OrderedDict[tuple, _Entry] = OrderedDict()
_weighers: dict[int, tuple[TrackRecord, Weigher]] = {}  # id(record) -> (record, its weigher)
_lock = threading.Lock()

# The orders the sources table can be sorted in (CLI and web), by key.
SORT_KEYS = ("resolved", "hit_rate", "claims", "name", "lead")


def _judge_store(kb: Any, as_of: str | None) -> tuple[tuple, TrackRecord, float]:
    fingerprint = kb.claims_fingerprint()
    t0 = time.monotonic()
    record = track_record_in_chunks(kb.judged_claims_by_make(as_of=as_of), as_of)
    return fingerprint, record, time.monotonic() - t0


def _store(key: tuple, fingerprint: tuple, record: TrackRecord, cost: float) -> None:
    with _lock:
        _cache[key] = _Entry(fingerprint, record, time.monotonic(), cost)
        _cache.move_to_end(key)
        while len(_cache) > CACHE_SIZE:
            _cache.popitem(last=False)


def _refresh(kb: Any, key: tuple, as_of: str | None) -> None:
    try:
        _store(key, *_judge_store(kb, as_of))
    except Exception:  # a failed refresh keeps the stale record; the next call tries again
        log.exception("track record refresh failed")
        with _lock:
            entry = _cache.get(key)
            if entry is not None:
                entry.refreshing = False


def source_track_record(kb: Any, as_of: str | None = None) -> TrackRecord:
    """Every outlet's and named source's record, from what was published by ``as_of``.

    Cached until the store's claims change (see :data:`MAX_STALE_S` for large stores).
    """
    as_of = as_of_limit(as_of)
    key = (id(kb), getattr(kb, "url", None), as_of)
    fingerprint = kb.claims_fingerprint()
    with _lock:
        entry = _cache.get(key)
        if entry is not None and entry.fingerprint == fingerprint:
            _cache.move_to_end(key)
            return entry.record
        stale_ok = (entry is not None and entry.cost_s > SLOW_S
                    and time.monotonic() - entry.computed_at < MAX_STALE_S)
        if stale_ok:
            if not entry.refreshing:
                entry.refreshing = True
                threading.Thread(target=_refresh, args=(kb, key, as_of), daemon=True,
                                 name="track-record-refresh").start()
            return entry.record
    fingerprint, record, cost = _judge_store(kb, as_of)
    _store(key, fingerprint, record, cost)
    return record


def _reason_label(attribute: str) -> str:
    """An attribute as the reason names it: "power", "on sale"."""
    from autodossier.report.labels import label

    return label(attribute).lower()


def weigher(kb: Any, as_of: str | None = None) -> Weigher:
    """Per-claim weights from the sources' records as of a date (for ``fuse(..., weigh=)``);
    one weigher per record, so its memo of weights serves every dossier until the record changes."""
    record = source_track_record(kb, as_of)
    with _lock:
        weigh = _weighers.get(id(record))
        if weigh is None or weigh[0] is not record:
            weigh = _weighers[id(record)] = (record, source_weigher(record, label=_reason_label))
            while len(_weighers) > CACHE_SIZE:
                _weighers.pop(next(iter(_weighers)))
    return weigh[1]


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
