"""What changed, and when: a model's story replayed one publication date at a time.

``events(records, order)`` fuses each question's records (see :func:`autodossier.fuse.fuse`)
as they stood after each document, in the order the documents arrived, and compares each
state with the one before. It reports, with the evidence that caused it:

- ``new value``: a value first reported (``new sales figure`` for sales attributes);
- ``status upgrade``: a value reported again more surely (rumored -> confirmed);
- ``contradiction``: a new value that disputes one already reported;
- ``retired``: a value superseded by newer, surer news.

Each event has an id derived from what it says (model, question, kind, value, status and
the documents behind it), so the same history gives the same ids however often it is
re-ingested.
"""
from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from typing import Any

from autodossier.fuse.belief import record_date
from autodossier.fuse.groups import FusedGroup, Position, citation, fuse, group_key

NEW_VALUE, NEW_SALES, UPGRADE, CONTRADICTION, RETIRED = (
    "new value", "new sales figure", "status upgrade", "contradiction", "retired")
KINDS = (NEW_VALUE, NEW_SALES, UPGRADE, CONTRADICTION, RETIRED)
SALES_ATTRIBUTES = frozenset({"sales_units", "sales_change_pct"})


@dataclass
class Event:
    """One change to what is known about a model, with the evidence that made it."""

    id: str
    date: str | None  # publication date of the news that made the change (or the date it arrived)
    kind: str  # one of KINDS
    subject: str
    attribute: str
    scope: str
    value: str  # the value as read ("400 hp", "not EU")
    status: str
    before: str | None = None  # the earlier status (upgrade) or the disputed/retiring value
    evidence: list[dict[str, Any]] = field(default_factory=list)  # citations
    doc: str | None = None  # the document whose arrival made the change

    def to_dict(self) -> dict[str, Any]:
        """Plain data for JSON."""
        return asdict(self)


def _event_id(group: FusedGroup, kind: str, value: str, status: str, evidence: list[dict]) -> str:
    docs = ",".join(sorted({str(c.get("doc")) for c in evidence}))
    key = "|".join(map(str, (*group.key, kind, value, status, docs)))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:24]


def _ids(pos: Position) -> set:
    return {r.get("id", id(r)) for r in pos.records}


def _match(pos: Position, before: list[tuple[set, Position]]) -> Position | None:
    """The earlier position that shares most records with ``pos`` (None: it is new)."""
    mine = _ids(pos)
    best, overlap = None, 0
    for ids, old in before:
        n = len(mine & ids)
        if n > overlap:
            best, overlap = old, n
    return best


def arrival_order(records: list[dict]) -> dict[str, tuple]:
    """A replay order when the store's is not given: by publication date, then first claim id."""
    first: dict[str, tuple] = {}
    for r in records:
        key = (record_date(r) or "", r.get("id") or 0)
        if r.get("doc") not in first or key < first[r.get("doc")]:
            first[r.get("doc")] = key
    return first


def _group_events(records: list[dict], order: dict[str, Any], dates: dict[str, str | None]) -> list[Event]:
    out: list[Event] = []
    before: list[tuple[set, Position]] = []
    docs = sorted({r.get("doc") for r in records}, key=lambda d: order[d])
    for step, doc in enumerate(docs):
        seen = set(docs[:step + 1])
        group = fuse([r for r in records if r.get("doc") in seen])[0]
        in_conflict = {id(p): [q for q in group.conflicting if q is not p] for p in group.conflicting}
        day = dates.get(doc)

        def add(kind: str, pos: Position, status: str, prior: str | None, evidence_from: Position) -> None:
            evidence = [citation(r) for r in evidence_from.records if r.get("doc") == doc]
            out.append(Event(_event_id(group, kind, pos.display, status, evidence or [{"doc": doc}]), day,
                             kind, group.subject, group.attribute, group.scope, pos.display, status, prior,
                             evidence, doc))

        for pos in group.positions:
            if not any(r.get("doc") == doc for r in pos.records) and pos.superseded_by is None:
                continue  # untouched by this document (nothing new can have happened to it)
            old = _match(pos, before)
            if old is None and pos.superseded_by is not None:
                continue  # news that arrives already outdated changes no belief
            if old is None:
                rivals = [q for q in in_conflict.get(id(pos), []) if _match(q, before) is not None]
                if rivals:
                    add(CONTRADICTION, pos, pos.status, rivals[0].display, pos)
                else:
                    add(NEW_SALES if group.attribute in SALES_ATTRIBUTES else NEW_VALUE, pos, pos.status, None, pos)
                continue
            if pos.certainty > old.certainty:
                add(UPGRADE, pos, pos.status, old.status, pos)
            if old.superseded_by is None and pos.superseded_by is not None:
                winner = next((p for p in group.active if p.display == pos.superseded_by), pos)
                add(RETIRED, pos, pos.status, pos.superseded_by, winner)
        before = [(_ids(p), p) for p in group.positions]
    return out


def events(records: list[dict], order: dict[str, Any] | None = None,
           dates: dict[str, str | None] | None = None) -> list[Event]:
    """Every change in the records' history, replayed one document at a time.

    ``order`` maps a document id to its place in the replay (the store passes the order
    documents arrived in; by default, publication date then claim id); ``dates`` maps it to
    the date an event it causes is given (default: its publication date). Events come in
    replay order.
    """
    order = order or arrival_order(records)
    if dates is None:
        dates = {}
        for r in records:
            dates.setdefault(r.get("doc"), record_date(r))
    by_key: dict[tuple, list[dict]] = {}
    for rec in records:
        by_key.setdefault(group_key(rec), []).append(rec)
    out = [e for recs in by_key.values() for e in _group_events(recs, order, dates)]
    kinds = {k: i for i, k in enumerate(KINDS)}
    out.sort(key=lambda e: (order[e.doc], e.subject.lower(), e.attribute, e.scope, kinds[e.kind], e.value))
    return out
