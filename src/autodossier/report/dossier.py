"""The dossier on one model: what is known, expected, rumored, disputed and unanswered.

``build_dossier(kb, subject, as_of=None) -> Dossier`` reads the subject's claim records from
the store (only what was published by ``as_of``), fuses them (``autodossier.fuse``) and sorts
the beliefs into the reader's sections. Every line carries its citations: the sentence, the
document id, the outlet and the date. ``Dossier.to_dict()`` is the plain-data form every
face renders (``autodossier.report.render``).
"""
from __future__ import annotations

import logging
from collections.abc import Iterator, Mapping
from dataclasses import asdict, dataclass, field
from typing import Any

from autodossier.claims import DATE_ATTRIBUTES, ENTITY_ATTRIBUTES
from autodossier.errors import AutodossierError
from autodossier.fuse import FusedGroup, Position, citation, filter_as_of, fuse, record_date
from autodossier.fuse.groups import as_of_limit
from autodossier.fuse.lifecycle import lifecycle_story, lineup_status, story_text
from autodossier.fuse.values import normalize_text
from autodossier.report.labels import REVERSE_RELATION, label

log = logging.getLogger(__name__)

# The questions a buyer or enthusiast asks of every model; any left without a single claim
# is listed as unanswered, so gaps are as visible as facts.
STANDARD_ATTRIBUTES = (
    "power_hp", "torque_lbft", "accel_0_60_s", "top_speed_mph", "price", "on_sale",
    "transmission", "drivetrain", "powertrain", "body_style", "engine_code", "curb_weight_kg",
)
# The attributes the estimate reads of a related model's claims (engine figures, body, drive,
# gearbox: autodossier.estimate.inputs); a test checks this against what it asks for.
ESTIMATE_INPUTS = (
    "power_hp", "torque_lbft", "displacement_l", "aspiration", "powertrain", "curb_weight_kg",
    "body_style", "drivetrain", "transmission",
)
# Sections by status: facts, likely news, and hearsay (the contract's tiers).
SECTION_OF_STATUS = {
    "confirmed": "known", "denied": "known",
    "reported": "expected", "expected": "expected",
    "rumored": "rumored", "speculative": "rumored",
}


@dataclass
class Dossier:
    """A model's dossier as plain, renderable sections (see the module docstring)."""

    subject: str
    as_of: str | None
    headline: dict[str, Any]
    known: list[dict] = field(default_factory=list)
    expected: list[dict] = field(default_factory=list)
    rumored: list[dict] = field(default_factory=list)
    conflicts: list[dict] = field(default_factory=list)
    superseded: list[dict] = field(default_factory=list)
    unanswered: list[dict] = field(default_factory=list)
    # Computed estimates (0-60, top speed) for unanswered questions: never claims, kept apart.
    estimates: dict[str, Any] | None = None
    related: list[dict] = field(default_factory=list)
    timeline: list[dict] = field(default_factory=list)
    sources: list[dict] = field(default_factory=list)
    # The lifecycle told in order (fuse.lifecycle): in production -> discontinued -> return planned.
    lifecycle: list[dict] = field(default_factory=list)
    # Sentences of other claims naming the model, for a model with no claims of its own (by
    # ``as_of``, or ever: a model only mentioned in passing).
    mentions: list[dict] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """Plain data (JSON-ready)."""
        return asdict(self)


def _fact(group: FusedGroup, pos: Position) -> dict[str, Any]:
    return {
        "attribute": group.attribute, "label": label(group.attribute), "scope": group.scope,
        "value": pos.display, "raw_value": pos.value, "status": pos.status, "belief": pos.belief,
        "reason": pos.reason, "superseded_by": pos.superseded_by,
        "citations": [citation(r) for r in pos.records],
    }


def _canonical(kb: Any, subject: str) -> str:
    """The store's canonical name; ``kb.resolve_model`` raises the error with suggestions."""
    resolved = kb.resolve_model(subject)
    if isinstance(resolved, str):
        return resolved
    if isinstance(resolved, dict):
        return resolved.get("subject") or resolved.get("name") or subject
    return getattr(resolved, "subject", None) or getattr(resolved, "name", None) or str(resolved)


def _incoming_related(kb: Any, subject: str, as_of: str | None) -> list[dict]:
    """Other models' claims that name this one (reverse relations), published by ``as_of``."""
    wanted = normalize_text(subject)
    # The store matches the value by an index: reading every relation claim would cost seconds at 1M claims.
    found = [rec for rec in kb.claims(attribute=sorted(ENTITY_ATTRIBUTES), value=subject, as_of=as_of)
             if normalize_text(rec["subject"]) != wanted]
    return filter_as_of(found, as_of)


def _related(groups: list[FusedGroup], incoming: list[dict], as_of: str | None) -> list[dict]:
    out = []
    for group in groups:
        if group.attribute in ENTITY_ATTRIBUTES:
            for pos in group.active:
                out.append({"relation": label(group.attribute), "model": str(pos.value),
                            "direction": "out", "holds": pos.holds, "status": pos.status,
                            "belief": pos.belief, "reason": pos.reason, "scope": group.scope,
                            "citations": [citation(r) for r in pos.records]})
    for group in fuse(incoming, as_of=as_of):
        for pos in group.active:
            out.append({"relation": REVERSE_RELATION[group.attribute], "model": group.subject,
                        "direction": "in", "holds": pos.holds, "status": pos.status,
                        "belief": pos.belief, "reason": pos.reason, "scope": group.scope,
                        "citations": [citation(r) for r in pos.records]})
    out.sort(key=lambda r: (-r["belief"], r["model"]))
    return out


def _timeline(groups: list[FusedGroup]) -> list[dict]:
    events = []
    for group in groups:
        if group.attribute in DATE_ATTRIBUTES:
            for pos in group.positions:
                events.append({"date": str(pos.value), "event": f"{label(group.attribute)}"
                               + (f" ({group.scope})" if group.scope else ""),
                               "status": pos.status, "superseded": pos.superseded_by is not None,
                               "kind": "date", "citations": [citation(r) for r in pos.records]})
        elif group.attribute == "lifecycle":
            for pos in group.positions:
                for rec in pos.records:
                    if record_date(rec):
                        events.append({"date": record_date(rec),
                                       "event": f"Reported {pos.display}" + (f" ({group.scope})" if group.scope else ""),
                                       "status": rec["status"], "superseded": pos.superseded_by is not None,
                                       "kind": "news", "citations": [citation(rec)]})
    events.sort(key=lambda e: (e["date"], e["event"]))
    return events


def _sources(records: list[dict]) -> list[dict]:
    docs: dict[str, dict] = {}
    for rec in records:
        entry = docs.setdefault(rec["doc"], {"doc": rec["doc"], "title": rec.get("doc_title"),
                                             "outlet": rec.get("outlet"), "date": record_date(rec),
                                             "url": rec.get("url"), "story": rec.get("story"), "claims": 0})
        entry["claims"] += 1
    return sorted(docs.values(), key=lambda d: (d["date"] or "9999", d["doc"]))


def _sharing_models(related: list[dict]) -> list[str]:
    """The models sharing a platform or engine with the subject, sorted."""
    return sorted({r["model"] for r in related if r["holds"] and r["relation"].startswith("Shares")})


def related_records(kb: Any, related: list[dict], as_of: str | None) -> dict[str, list[dict]]:
    """Claim records of the models sharing a platform or engine with the subject (for estimates)."""
    out = {}
    for name in _sharing_models(related):
        records = filter_as_of(kb.claims(subject=name, as_of=as_of), as_of)
        if records:
            out[name] = records
    return out


class LazyRelatedRecords(Mapping):
    """:func:`related_records` read on demand, for the estimate: queried when first looked up.

    The estimate borrows from a related model only the attributes the subject's own claims
    leave open, so a well-covered model needs none of its (often 50+) related models read,
    and of those it reads, only the ESTIMATE_INPUTS records (a third of a model's claims).
    Every sharing model is a key, even one with no records by ``as_of`` (its value is then
    empty): a borrower skips models with nothing usable either way.
    """

    def __init__(self, kb: Any, related: list[dict], as_of: str | None) -> None:
        self._kb, self._as_of = kb, as_of
        self._names = _sharing_models(related)
        self._fetched: dict[str, list[dict]] = {}

    def __getitem__(self, name: str) -> list[dict]:
        if name not in self._fetched:
            if name not in self._names:
                raise KeyError(name)
            records = self._kb.claims(subject=name, attribute=list(ESTIMATE_INPUTS), as_of=self._as_of)
            self._fetched[name] = filter_as_of(records, self._as_of)
        return self._fetched[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._names)

    def __len__(self) -> int:
        return len(self._names)


def _estimates(records: list[dict], related_records: Mapping[str, list[dict]]) -> dict[str, Any] | None:
    """The estimate helper's output when it is installed; estimates are optional extras."""
    try:
        from autodossier.estimate import estimate_model
    except ImportError:
        return None
    try:
        est = estimate_model(records, related=related_records or None)
    except Exception as exc:  # an estimate failing must not take the dossier down with it
        log.warning("estimate failed: %s", exc)
        return None
    if est is None:
        return None
    return est.to_dict() if hasattr(est, "to_dict") else dict(est)


def _story(story: list[dict]) -> list[dict]:
    """Lifecycle events as plain data: records replaced by their citations."""
    return [{**{k: v for k, v in e.items() if k != "records"},
             "citations": [citation(r) for r in e["records"]]} for e in story]


def _headline(subject: str, groups: list[FusedGroup], records: list[dict], story: list[dict]) -> dict[str, Any]:
    lifecycle = [g for g in groups if g.attribute == "lifecycle" and g.best is not None
                 and not (g.variant or g.generation)]
    dates = sorted(d for d in map(record_date, records) if d)
    state = lineup_status(story)
    make = subject.split(" ")[0] if " " in subject else subject
    return {
        "subject": subject, "make": make,
        # The line's state now (its last firm state event), and the whole story on one line.
        "lifecycle": state["label"] if state else None,
        "lifecycle_status": state["status"] if state else None,
        "lifecycle_story": story_text(story) or None,
        "lifecycle_disputed": any(g.has_conflict for g in lifecycle),
        "claims": len(records), "documents": len({r["doc"] for r in records}),
        "first_reported": dates[0] if dates else None, "last_reported": dates[-1] if dates else None,
        "variants": sorted({r["variant"] for r in records if r.get("variant")}),
    }


def _mentioned_name(kb: Any, name: str) -> str | None:
    """The name as other models' relation claims write it, when some claim names it."""
    found = kb.claims(attribute=sorted(ENTITY_ATTRIBUTES), value=name, limit=1)
    return str(found[0]["value"]) if found else None


def build_dossier(kb: Any, subject: str, as_of: str | None = None) -> Dossier:
    """The dossier of ``subject`` as of a date (None: everything), from the knowledge base.

    Raises the store's ``UnknownModelError`` (an ``AutodossierError`` naming the closest
    models) when the name matches no model.
    """
    as_of = as_of_limit(as_of)
    try:
        name = _canonical(kb, subject)
        mentioned_only = False
    except AutodossierError as exc:
        name = _mentioned_name(kb, subject)
        if name is None:
            raise exc from None
        mentioned_only = True
    records = [] if mentioned_only else filter_as_of(kb.claims(subject=name, as_of=as_of), as_of)
    from autodossier.report.trackrecord import weigher  # sources' measured records

    groups = fuse(records, as_of=as_of, weigh=weigher(kb, as_of) if records else None)
    incoming = _incoming_related(kb, name, as_of)
    story = lifecycle_story(records)
    dossier = Dossier(subject=name, as_of=as_of, headline=_headline(name, groups, records, story))
    dossier.headline["mentioned_only"] = mentioned_only
    dossier.lifecycle = _story(story)
    if not records:  # nothing said of it (by then): show the sentences that name it
        from autodossier.store.mentions import mentioning_claims

        dossier.mentions = [{**citation(r), "subject": r["subject"]}
                            for r in mentioning_claims(kb, name, as_of=as_of, exclude_subject=name)]
    for group in groups:
        if group.has_conflict:
            dossier.conflicts.append({
                "attribute": group.attribute, "label": label(group.attribute), "scope": group.scope,
                "sides": [_fact(group, p) for p in group.conflicting],
            })
        in_conflict = {id(p) for p in group.conflicting}
        for pos in group.active:
            if id(pos) not in in_conflict:
                getattr(dossier, SECTION_OF_STATUS[pos.status]).append(_fact(group, pos))
        for pos in group.superseded:
            dossier.superseded.append(_fact(group, pos))
    said = {r["attribute"] for r in records}
    dossier.unanswered = [{"attribute": a, "label": label(a)} for a in STANDARD_ATTRIBUTES if a not in said]
    dossier.related = _related(groups, incoming, as_of)
    if " " not in name:  # a make ("Infiniti") has no performance figures to estimate
        dossier.unanswered = []
    elif records:
        dossier.estimates = _estimates(records, LazyRelatedRecords(kb, dossier.related, as_of))
    dossier.timeline = _timeline(groups)
    dossier.sources = _sources(records + incoming)
    return dossier
