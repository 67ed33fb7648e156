"""Track record: how often each outlet's and each named source's uncertain claims came true.

Truth discovery over time. Every *uncertain* claim (reported, expected, rumored,
speculative) is judged by what was confirmed **later** about the same thing (same
subject, attribute and scope, see :func:`autodossier.fuse.groups.group_key`):

- **borne out**: a later confirmed claim with the same polarity and an agreeing value
  (:func:`autodossier.fuse.values.forms_agree`: "> 450 hp" is borne out by "460 hp");
- **contradicted**: a later confirmation of a different value of a single-valued
  attribute, or a later confirmed negation (or official denial) of the value;
- **open**: nothing confirmed since.

The earliest later confirmation that decides it wins; the days between the claim and
that confirmation are its lead time. A source that repeats a claim in several articles
makes one prediction (its first), so a prolific outlet is not rewarded for repetition.

Records are credited to their outlet and to the source they are attributed to ("according
to Best Car"). :func:`track_record` aggregates per source, per attribute family and per
status: counts, the hit rate with a Wilson 95 % interval, and the median lead time.
:func:`source_weigher` turns a track record into per-claim weights for
:func:`autodossier.fuse.fuse` (a smoothed prior when the record is thin).
"""
from __future__ import annotations

import math
from bisect import bisect_right
import statistics
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from autodossier.fuse.belief import STATUS_WEIGHT, asserts, record_date
from autodossier.fuse.groups import MULTI_VALUED, citation, filter_as_of, group_key
from autodossier.fuse.values import agreement_form, forms_agree, normalize_text

# The statuses whose claims are predictions that later news can bear out or contradict.
UNCERTAIN = ("reported", "expected", "rumored", "speculative")
# Statuses that settle a question: the maker's word (a denial settles it the other way).
SETTLING = ("confirmed", "denied")
BORNE_OUT, CONTRADICTED, OPEN = "borne out", "contradicted", "open"

# Attribute families the record is broken down by: a source good at power figures may be
# poor at launch dates. Attributes outside these four count as "other".
FAMILIES: dict[str, frozenset[str]] = {
    "specs": frozenset({
        "power_hp", "torque_lbft", "displacement_l", "cylinders", "engine_layout", "aspiration",
        "engine_code", "powertrain", "drivetrain", "transmission", "gears", "body_style",
        "accel_0_60_s", "accel_0_100_s", "top_speed_mph", "curb_weight_kg", "range_km",
        "battery_kwh",
    }),
    "dates": frozenset({"reveal", "on_sale", "production_start", "production_end"}),
    "lifecycle": frozenset({"lifecycle"}),
    "sales": frozenset({"sales_units", "sales_change_pct"}),
}
OTHER_FAMILY = "other"
# z for a two-sided 95 % interval.
WILSON_Z = 1.959964
# How many resolved claims the prior counts as when smoothing a source's hit rate:
# with 4, a source needs about as many resolved claims of its own before its record
# outweighs what its status alone says (Beta prior of strength 4 centred on the status weight).
PRIOR_STRENGTH = 4.0
# How many resolved claims an attribute (or a family) needs before its own record is used for
# a weight; below that, the family's (or the whole record's) speaks for it.
MIN_FAMILY_RESOLVED = 3


_FAMILY_OF = {attribute: name for name, members in FAMILIES.items() for attribute in members}


def family_of(attribute: str) -> str:
    """The attribute family ("specs", "dates", "lifecycle", "sales" or "other") of an attribute."""
    return _FAMILY_OF.get(attribute, OTHER_FAMILY)


def wilson_interval(hits: int, n: int, z: float = WILSON_Z) -> tuple[float, float] | None:
    """The Wilson score interval of a proportion ``hits / n`` (None when ``n`` is 0)."""
    if n <= 0:
        return None
    p = hits / n
    denom = 1 + z * z / n
    centre = (p + z * z / (2 * n)) / denom
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / denom
    return max(0.0, centre - half), min(1.0, centre + half)


def source_names(record: dict) -> list[tuple[str, str]]:
    """Whom a record is credited to: ``("outlet", name)`` and ``("source", name)`` when known."""
    out = []
    if record.get("outlet"):
        out.append(("outlet", " ".join(str(record["outlet"]).split())))
    if record.get("source"):
        out.append(("source", " ".join(str(record["source"]).split())))
    return out


@dataclass
class Outcome:
    """The verdict on one uncertain claim."""

    record: dict
    verdict: str  # BORNE_OUT | CONTRADICTED | OPEN
    resolved_by: dict | None = None  # the deciding confirmed record
    days: int | None = None  # claim date to deciding confirmation
    credit: tuple = ()  # whom it is credited to (source_names of the record)

    def to_dict(self) -> dict[str, Any]:
        """Plain data: the claim's citation, verdict, deciding citation and days."""
        return {"claim": citation(self.record), "subject": self.record.get("subject"),
                "attribute": self.record.get("attribute"), "verdict": self.verdict,
                "resolved_by": citation(self.resolved_by) if self.resolved_by else None,
                "days": self.days}


def _days(a: str, b: str) -> int | None:
    try:
        return (date.fromisoformat(b[:10]) - date.fromisoformat(a[:10])).days
    except ValueError:
        return None


def _judge(rec: dict, day: str, form: tuple, settled: list[tuple[str, bool, tuple, dict]],
           days: list[str], multi: bool, credit: tuple) -> Outcome:
    """The earliest later settling record that decides ``rec`` (``settled`` sorted by date)."""
    polarity = asserts(rec)
    for when, other_polarity, other_form, other in settled[bisect_right(days, day):]:
        agree = forms_agree(form, other_form)
        if other_polarity == polarity:
            if agree:
                return Outcome(rec, BORNE_OUT, other, _days(day, when), credit)
            if not multi and polarity:
                return Outcome(rec, CONTRADICTED, other, _days(day, when), credit)
        elif agree:  # the value confirmed not to hold, or a "not X" claim and X confirmed
            return Outcome(rec, CONTRADICTED, other, _days(day, when), credit)
    return Outcome(rec, OPEN, credit=credit)


def judge(records: list[dict], as_of: str | None = None) -> list[Outcome]:
    """The verdict on every dated uncertain claim, seeing only what was published by ``as_of``.

    One outcome per (outlet or source, question, value, polarity): a source repeating its
    own claim is judged on its first publication of it.
    """
    records = filter_as_of(records, as_of)
    groups: dict[tuple, list[tuple[str, dict]]] = {}
    for rec in records:
        day = record_date(rec)
        if day:
            groups.setdefault(group_key(rec), []).append((day[:10], rec))
    outcomes: list[Outcome] = []
    for recs in groups.values():
        predictions = sorted(((d, r) for d, r in recs if r.get("status") in UNCERTAIN),
                             key=lambda dr: (dr[0], dr[1].get("id") or 0))
        if not predictions:
            continue
        attribute = recs[0][1]["attribute"]
        multi = attribute in MULTI_VALUED
        settled = sorted(((d, asserts(r), agreement_form(attribute, r["value"], r.get("qualifier") or "="), r)
                          for d, r in recs if r.get("status") in SETTLING), key=lambda s: s[0])
        days = [s[0] for s in settled]
        seen: set[tuple] = set()
        for day, rec in predictions:
            form = agreement_form(attribute, rec["value"], rec.get("qualifier") or "=")
            credit = tuple(source_names(rec))
            marker = (credit or rec.get("doc"), form, asserts(rec))
            if marker in seen:
                continue
            seen.add(marker)
            outcomes.append(_judge(rec, day, form, settled, days, multi, credit))
    return outcomes


@dataclass
class Tally:
    """Counts of verdicts with the hit rate, its Wilson 95 % interval and the median lead time."""

    borne_out: int = 0
    contradicted: int = 0
    open: int = 0
    lead_days: list[int] = field(default_factory=list)  # of borne-out claims

    def add(self, outcome: Outcome) -> None:
        """Count one verdict."""
        if outcome.verdict == BORNE_OUT:
            self.borne_out += 1
            if outcome.days is not None:
                self.lead_days.append(outcome.days)
        elif outcome.verdict == CONTRADICTED:
            self.contradicted += 1
        else:
            self.open += 1

    @property
    def resolved(self) -> int:
        """Claims settled either way."""
        return self.borne_out + self.contradicted

    @property
    def total(self) -> int:
        """Every judged claim, open ones included."""
        return self.resolved + self.open

    @property
    def hit_rate(self) -> float | None:
        """Share of resolved claims that were borne out (None when none is resolved)."""
        return self.borne_out / self.resolved if self.resolved else None

    @property
    def interval(self) -> tuple[float, float] | None:
        """Wilson 95 % interval of the hit rate."""
        return wilson_interval(self.borne_out, self.resolved)

    @property
    def median_lead_days(self) -> float | None:
        """Median days from a borne-out claim to its confirmation."""
        return statistics.median(self.lead_days) if self.lead_days else None

    def smoothed(self, prior: float, strength: float = PRIOR_STRENGTH) -> float:
        """The hit rate pulled towards ``prior`` as if ``strength`` resolved claims had it."""
        return (self.borne_out + prior * strength) / (self.resolved + strength)

    def to_dict(self) -> dict[str, Any]:
        """Plain data for JSON and tables."""
        iv = self.interval
        rate = self.hit_rate
        return {"claims": self.total, "borne_out": self.borne_out, "contradicted": self.contradicted,
                "open": self.open, "resolved": self.resolved,
                "hit_rate": round(rate, 3) if rate is not None else None,
                "ci_low": round(iv[0], 3) if iv else None, "ci_high": round(iv[1], 3) if iv else None,
                "median_lead_days": self.median_lead_days}


@dataclass
class SourceRecord:
    """One outlet's or named source's track record, overall and broken down."""

    kind: str  # "outlet" | "source"
    name: str
    overall: Tally = field(default_factory=Tally)
    by_family: dict[str, Tally] = field(default_factory=dict)
    by_status: dict[str, Tally] = field(default_factory=dict)
    by_attribute: dict[str, Tally] = field(default_factory=dict)

    def add(self, outcome: Outcome) -> None:
        """Count one verdict in every breakdown."""
        rec = outcome.record
        self.overall.add(outcome)
        for table, key in ((self.by_family, family_of(rec["attribute"])), (self.by_status, rec.get("status", "?")),
                           (self.by_attribute, rec["attribute"])):
            tally = table.get(key)
            if tally is None:
                tally = table[key] = Tally()
            tally.add(outcome)

    def to_dict(self) -> dict[str, Any]:
        """Plain data: the overall tally's figures plus ``families`` and ``statuses``."""
        return {"kind": self.kind, "name": self.name, **self.overall.to_dict(),
                "families": {k: v.to_dict() for k, v in sorted(self.by_family.items())},
                "statuses": {k: v.to_dict() for k, v in sorted(self.by_status.items())}}


@dataclass
class TrackRecord:
    """Every source's record, how many claims were judged, and (when kept) the verdicts."""

    as_of: str | None
    sources: list[SourceRecord]
    outcomes: list[Outcome]
    claims_judged: int = 0

    def get(self, kind: str, name: str) -> SourceRecord | None:
        """The record of one outlet or named source (names compare case-insensitively)."""
        key = (kind, normalize_text(name))
        return self._index.get(key)

    def __post_init__(self) -> None:
        self._index = {(s.kind, normalize_text(s.name)): s for s in self.sources}

    def to_dict(self) -> dict[str, Any]:
        """Plain data for JSON: per-source records, best-established first."""
        return {"as_of": self.as_of, "sources": [s.to_dict() for s in self.sources],
                "claims_judged": self.claims_judged}


def track_record(records: list[dict], as_of: str | None = None) -> TrackRecord:
    """Judge every uncertain claim and aggregate per outlet and per named source.

    Sources come sorted by resolved claims (most first), then hit rate, then name.
    """
    return track_record_in_chunks([records], as_of, keep_outcomes=True)


def track_record_in_chunks(chunks: Iterable[list[dict]], as_of: str | None = None,
                           keep_outcomes: bool = False) -> TrackRecord:
    """:func:`track_record` over records that arrive in chunks, each holding every record of
    the questions it touches (e.g. one make at a time from the store), so memory stays bounded
    by the largest chunk. Verdicts are kept only with ``keep_outcomes``."""
    by_source: dict[tuple[str, str], SourceRecord] = {}
    owner: dict[tuple[str, str], SourceRecord] = {}  # (kind, name as written) -> its record
    kept: list[Outcome] = []
    judged = 0
    for chunk in chunks:
        for outcome in judge(chunk, as_of):
            judged += 1
            if keep_outcomes:
                kept.append(outcome)
            for kind, name in outcome.credit:
                src = owner.get((kind, name))
                if src is None:
                    key = (kind, normalize_text(name))
                    src = by_source.get(key)
                    if src is None:
                        src = by_source[key] = SourceRecord(kind, name)
                    owner[(kind, name)] = src
                src.add(outcome)
    sources = sorted(by_source.values(), key=lambda s: (-s.overall.resolved, -(s.overall.hit_rate or 0),
                                                        s.name.lower(), s.kind))
    return TrackRecord(as_of, sources, kept, judged)


# Weigher: claim record -> (weight in [0, 1], a short reason) or None to keep the status weight.
Weigher = Callable[[dict], "tuple[float, str] | None"]

_FAMILY_NOUN = {"specs": "spec", "dates": "date", "lifecycle": "lifecycle", "sales": "sales",
                OTHER_FAMILY: ""}


def source_weigher(record: TrackRecord, strength: float = PRIOR_STRENGTH,
                   label: Callable[[str], str] | None = None) -> Weigher:
    """A weight per uncertain claim from its source's record: the hit rate smoothed towards the
    status weight (:data:`autodossier.fuse.belief.STATUS_WEIGHT`).

    The attributed source's record is used when it has resolved claims, else the outlet's;
    within it, the claim's own attribute when that has :data:`MIN_FAMILY_RESOLVED` resolved
    claims, else its attribute family when that has, else the whole record. Claims whose
    sources have no resolved claims keep their status weight (returns None), as do
    confirmations and denials. ``label`` names an attribute in the reason ("power").
    """
    memo: dict[tuple, tuple[float, str] | None] = {}  # few distinct (status, family, outlet, source)

    def weigh(rec: dict) -> tuple[float, str] | None:
        status = rec.get("status")
        if status not in UNCERTAIN:
            return None
        key = (status, rec["attribute"], rec.get("outlet"), rec.get("source"))
        if key not in memo:
            memo[key] = _weigh(rec, status)
        return memo[key]

    def _weigh(rec: dict, status: str) -> tuple[float, str] | None:
        prior = STATUS_WEIGHT.get(status, 0.1)
        for kind, name in sorted(source_names(rec), key=lambda kn: kn[0] != "source"):
            found = record.get(kind, name)
            if found is None or not found.overall.resolved:
                continue
            attribute = rec["attribute"]
            family = family_of(attribute)
            tally, scope = found.by_attribute.get(attribute), (label(attribute) if label else attribute)
            if tally is None or tally.resolved < MIN_FAMILY_RESOLVED:
                tally, scope = found.by_family.get(family), _FAMILY_NOUN[family]
            if tally is None or tally.resolved < MIN_FAMILY_RESOLVED:
                tally, scope = found.overall, ""
            what = f"{scope} claims" if scope else "uncertain claims"
            note = f"{found.name}: {tally.borne_out} of {tally.resolved} {what} borne out"
            return tally.smoothed(prior, strength), note
        return None

    return weigh
