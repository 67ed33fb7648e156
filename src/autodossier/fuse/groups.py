"""Fusing claim records into groups of competing values ("positions"), with conflicts.

Records are grouped per (subject, attribute, variant, generation, period, region). Within a
group, records that say compatible things with the same polarity form one *position*
(``=400 hp`` and ``~405 hp``; ``>450`` and ``~460``). Two positions *conflict* when they
cannot both be true: different values of a single-valued attribute, or a value and its
negation. A conflict is *resolved by supersession* when one side is newer and at least as
certain as the other (the Q50's EV plan, then a confirmed return with an engine); the
superseded position stays in the group as history. Unresolved conflicts are kept side by
side with their sources, never merged.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from autodossier.claims import CERTAINTY_RANK
from autodossier.errors import AutodossierError
from autodossier.fuse.belief import asserts, belief, certainty, independent_sources, record_date
from autodossier.fuse.lifecycle import stages_compatible
from autodossier.fuse.values import (
    agreement_form, date_span, display_value, forms_agree, normalize_text,
)

# Attributes a model can have several values of at once: it is sold in many markets and
# shares parts with many models. Their values never conflict with each other, only with
# their own negation.
MULTI_VALUED = frozenset({"market", "shares_platform_with", "shares_engine_with", "replaces"})

_STATUS_BY_RANK = {rank: status for status, rank in CERTAINTY_RANK.items()}


def citation(record: dict) -> dict[str, Any]:
    """What a reader needs to check one claim: the sentence, document, outlet, date and link."""
    return {
        "id": record.get("id"),
        "evidence": record.get("evidence"),
        "status": record.get("status"),
        "doc": record.get("doc"),
        "title": record.get("doc_title"),
        "outlet": record.get("outlet"),
        "source": record.get("source"),
        "date": record_date(record),
        "url": record.get("url"),
    }


@dataclass
class Position:
    """One side of a group: records agreeing on a value (or on its absence)."""

    value: Any
    qualifier: str
    unit: str | None
    holds: bool  # False: the records say the value does NOT hold
    records: list[dict]
    belief: float = 0.0
    reason: str = ""
    superseded_by: str | None = None  # display of the newer, surer position replacing it

    @property
    def display(self) -> str:
        """The value as read: "> 450 hp", "not EU"."""
        text = display_value(self.value, self.qualifier, self.unit)
        return text if self.holds else f"not {text}"

    @property
    def status(self) -> str:
        """The most certain status any record gives it (a denial counts as official)."""
        rank = max(certainty(r) for r in self.records)
        denied_only = all(r.get("status") == "denied" for r in self.records)
        return "denied" if denied_only else _STATUS_BY_RANK[rank]

    @property
    def certainty(self) -> int:
        """Rank of the most certain record."""
        return max(certainty(r) for r in self.records)

    @property
    def first_seen(self) -> str | None:
        """Earliest publication date among its records."""
        dates = [d for d in map(record_date, self.records) if d]
        return min(dates) if dates else None

    @property
    def last_seen(self) -> str | None:
        """Latest publication date among its records."""
        dates = [d for d in map(record_date, self.records) if d]
        return max(dates) if dates else None

    @property
    def sources(self) -> int:
        """Number of independent sources behind it."""
        return len(independent_sources(self.records))

    def to_dict(self) -> dict[str, Any]:
        """Plain data for JSON: value, belief and its reason, and a citation per record."""
        return {
            "value": self.value, "qualifier": self.qualifier, "unit": self.unit,
            "holds": self.holds, "display": self.display, "status": self.status,
            "belief": self.belief, "reason": self.reason, "sources": self.sources,
            "first_seen": self.first_seen, "last_seen": self.last_seen,
            "superseded_by": self.superseded_by,
            "citations": [citation(r) for r in self.records],
        }


@dataclass
class FusedGroup:
    """Everything said about one attribute of one subject (in one variant/generation/period/region)."""

    subject: str
    attribute: str
    variant: str | None
    generation: int | None
    period: str | None
    region: str | None
    positions: list[Position] = field(default_factory=list)
    conflicts: list[tuple[int, int]] = field(default_factory=list)  # indices into positions

    @property
    def multi(self) -> bool:
        """Whether the attribute takes several values at once (markets, shared parts)."""
        return self.attribute in MULTI_VALUED

    @property
    def key(self) -> tuple:
        """Identity of the group, stable across queries (used to compare beliefs over time)."""
        return group_key_of(self.subject, self.attribute, self.variant, self.generation, self.period, self.region)

    @property
    def scope(self) -> str:
        """The variant / generation / period / region the group is about, as a short label."""
        parts = []
        if self.variant:
            parts.append(self.variant)
        if self.generation:
            parts.append(f"gen {self.generation}")
        if self.period:
            parts.append(self.period)
        if self.region:
            parts.append(self.region)
        return ", ".join(parts)

    @property
    def active(self) -> list[Position]:
        """Positions not superseded, most believed first."""
        return [p for p in self.positions if p.superseded_by is None]

    @property
    def superseded(self) -> list[Position]:
        """Positions replaced by newer, surer reporting (the history)."""
        return [p for p in self.positions if p.superseded_by is not None]

    @property
    def best(self) -> Position | None:
        """The most believed active position (for single-valued attributes: the answer)."""
        active = self.active
        return active[0] if active else None

    @property
    def has_conflict(self) -> bool:
        """Whether unresolved disagreement remains."""
        return bool(self.conflicts)

    @property
    def conflicting(self) -> list[Position]:
        """The positions taking part in an unresolved conflict, most believed first."""
        idx = sorted({i for pair in self.conflicts for i in pair})
        return [self.positions[i] for i in idx]

    def to_dict(self) -> dict[str, Any]:
        """Plain data for JSON."""
        return {
            "subject": self.subject, "attribute": self.attribute, "variant": self.variant,
            "generation": self.generation, "period": self.period, "region": self.region,
            "scope": self.scope, "multi": self.multi, "conflict": self.has_conflict,
            "positions": [p.to_dict() for p in self.positions],
            "conflicts": [list(pair) for pair in self.conflicts],
        }


def group_key_of(subject: str, attribute: str, variant: str | None, generation: int | None,
                 period: str | None, region: str | None) -> tuple:
    """The grouping key: case- and punctuation-insensitive on names."""
    return (normalize_text(subject), attribute, normalize_text(variant) if variant else "",
            generation or 0, period or "", (region or "").upper())


def scope_variant(record: dict) -> str | None:
    """The variant that scopes a claim, or None when the "variant" is a new name of the line.

    The contract maps new names of a line to it ("Q50S" -> "Infiniti Q50", variant "Q50S");
    such a name still means the line, so its claims compete with unscoped ones (400 hp for the
    Q50S vs > 450 hp for "the new Q50"), while trims ("Track Spec", "Nismo") stay apart.
    """
    variant = record.get("variant")
    if not variant:
        return None
    model = normalize_text(record["subject"].split(" ", 1)[-1])
    return None if model and normalize_text(variant).startswith(model) else variant


def group_key(record: dict) -> tuple:
    """The grouping key of one claim record."""
    return group_key_of(record["subject"], record["attribute"], scope_variant(record),
                        record.get("generation"), record.get("period"), record.get("region"))


def as_of_limit(as_of: str | None) -> str | None:
    """The last day an ``as_of`` value covers (``"2022"`` -> ``"2022-12-31"``), or None."""
    if as_of is None:
        return None
    span = date_span(str(as_of)[:10])
    if span is None:
        raise AutodossierError(f"as-of date {as_of!r} is not an ISO date such as 2022-12-31")
    return span[1].isoformat()


def filter_as_of(records: list[dict], as_of: str | None) -> list[dict]:
    """Only what had been published by ``as_of``. An undated report counts from the day it was
    read into the store (``doc_ingested``): by then it was known; without that, it drops."""
    limit = as_of_limit(as_of)
    if limit is None:
        return list(records)
    return [r for r in records if ((d := record_date(r)) and d[:10] <= limit)
            or (not d and (r.get("doc_ingested") or "9999")[:10] <= limit)]


def merge_generations(by_key: dict[tuple, list[dict]]) -> None:
    """Move generation-scoped records that repeat a fact of the unscoped group into it.

    "The second-generation Q50 is a rear-wheel-drive sedan" and "the Q50 is a rear-wheel
    drive sedan" are one fact: a separate ``[gen 2]`` row would only repeat it. A record is
    moved when the unscoped group has a record of the same polarity whose value agrees; a
    generation-only fact (one the unscoped group does not state) keeps its own row. The
    records keep their ``generation`` field, so citations still say which generation.
    """
    for key in [k for k in by_key if k[3]]:
        base = key[:3] + (0,) + key[4:]
        if base not in by_key:
            continue
        attribute = key[1]
        targets = {(asserts(r), agreement_form(attribute, r["value"], r.get("qualifier") or "="))
                   for r in by_key[base]}
        keep, move = [], []
        for rec in by_key[key]:
            form = agreement_form(attribute, rec["value"], rec.get("qualifier") or "=")
            polarity = asserts(rec)
            agrees = any(p == polarity and forms_agree(form, f) for p, f in targets)
            (move if agrees else keep).append(rec)
        by_key[base].extend(move)
        if keep:
            by_key[key] = keep
        else:
            del by_key[key]


def _representative(records: list[dict]) -> dict:
    # The most certain, then most precise ("=" over "~" over bounds), then newest report.
    precision = {"=": 2, "~": 1}
    return max(records, key=lambda r: (certainty(r), precision.get(r.get("qualifier") or "=", 0),
                                       record_date(r) or ""))


def _numeric_bounds(form: tuple) -> tuple[float, float] | None:
    """(low, high) of a numeric form, for a quick exact "certainly disjoint" test; else None."""
    return (form[1][0], form[1][1]) if form[0] == "num" else None


def _disjoint(a: tuple[float, float] | None, b: tuple[float, float] | None) -> bool:
    """True only when two numeric values certainly disagree (one interval ends before the other starts).

    Exact as a shortcut: whenever it says True, :func:`forms_agree` says False; when it says
    False the full test decides (touching end points, NaN, other kinds).
    """
    return a is not None and b is not None and (a[0] > b[1] or b[0] > a[1])


def _cluster(attribute: str, records: list[dict]) -> list[list[dict]]:
    """Records in agreeing clusters: each joins the first cluster of its polarity it agrees with entirely."""
    ordered = sorted(records, key=lambda r: (-certainty(r), record_date(r) or ""))
    clusters: list[list[dict]] = []
    # Per cluster: its polarity, the bounds of its first value, and the distinct value forms
    # of its members. Agreement depends on the form only, so a value repeated by many reports
    # is tested once; disagreeing with the first member already rules a cluster out.
    heads: list[tuple[bool, tuple[float, float] | None, dict[tuple, None]]] = []
    for rec in ordered:
        form = agreement_form(attribute, rec["value"], rec.get("qualifier") or "=")
        bounds = _numeric_bounds(form)
        polarity = asserts(rec)
        for cluster, (cluster_polarity, first_bounds, forms) in zip(clusters, heads):
            if cluster_polarity != polarity or _disjoint(bounds, first_bounds):
                continue
            if all(forms_agree(form, f) for f in forms):
                cluster.append(rec)
                forms[form] = None
                break
        else:
            clusters.append([rec])
            heads.append((polarity, bounds, {form: None}))
    return clusters


class _Facts:
    """What conflict and supersession tests read of a position, computed once per position."""

    __slots__ = ("form", "bounds", "holds", "certainty", "last_seen", "records", "_docs")

    def __init__(self, attribute: str, pos: Position) -> None:
        self.form = agreement_form(attribute, pos.value, pos.qualifier)
        self.bounds = _numeric_bounds(self.form)
        self.holds = pos.holds
        self.certainty = pos.certainty
        self.last_seen = pos.last_seen
        self.records = pos.records
        self._docs: set | None = None

    @property
    def docs(self) -> set:
        """The documents its records come from (only needed for undated or same-day positions)."""
        if self._docs is None:
            self._docs = {r.get("doc") for r in self.records}
        return self._docs


def _conflict(multi: bool, a: _Facts, b: _Facts) -> bool:
    if a.holds == b.holds:
        # Two "does not" statements never contradict each other, nor two values of a
        # multi-valued attribute; other same-polarity values conflict when they disagree.
        if multi or not a.holds:
            return False
        return _disjoint(a.bounds, b.bounds) or not forms_agree(a.form, b.form)
    return not _disjoint(a.bounds, b.bounds) and forms_agree(a.form, b.form)


def _supersedes(new: _Facts, old: _Facts) -> bool:
    """Newer and at least as certain; or as new (same day, or the same article) and surer.

    A fresh rumor does not displace an older confirmation. An article that says "it seemed
    it would go electric; now the maker confirmed petrol" reports the change itself, so the
    surer statement wins within it even when the article has no date.
    """
    dated = bool(new.last_seen and old.last_seen)
    if dated and new.last_seen > old.last_seen and new.certainty >= old.certainty:
        return True
    if new.certainty <= old.certainty:
        return False  # whatever the timing, only a surer statement supersedes an as-new one
    return (dated and new.last_seen == old.last_seen) or bool(new.docs & old.docs)


def _outweighed(new: Position, old: Position, weigh) -> bool:  # noqa: ANN001 (a Weigher)
    """Whether an older position stands against a newer, uncertain one because the sources'
    track records make it the more believable (then the two stay in dispute)."""
    if new.certainty >= CERTAINTY_RANK["confirmed"] or old.belief <= new.belief:
        return False
    return any(weigh(r) is not None for r in (*old.records, *new.records))


def _fuse_group(records: list[dict], reference: str | None, weigh=None) -> FusedGroup:  # noqa: ANN001
    first = records[0]
    group = FusedGroup(first["subject"], first["attribute"], scope_variant(first),
                       first.get("generation"), first.get("period"), first.get("region"))
    for cluster in _cluster(group.attribute, records):
        rep = _representative(cluster)
        pos = Position(rep["value"], rep.get("qualifier") or "=", rep.get("unit"), asserts(rep), cluster)
        pos.belief, pos.reason = belief(cluster, reference, weigh)
        group.positions.append(pos)
    group.positions.sort(key=lambda p: (-p.belief, -p.certainty, p.display))
    positions = group.positions
    facts = [_Facts(group.attribute, p) for p in positions]
    multi = group.multi
    pairs = [(i, j) for i in range(len(positions)) for j in range(i + 1, len(positions))
             if _conflict(multi, facts[i], facts[j])
             and not (group.attribute == "lifecycle" and stages_compatible(positions[i], positions[j]))]

    def supersedes(new: int, old: int) -> bool:
        return _supersedes(facts[new], facts[old]) and not (
            weigh is not None and _outweighed(positions[new], positions[old], weigh))

    # In pair order: which side is superseded first decides later pairs.
    for i, j in pairs:
        a, b = positions[i], positions[j]
        if b.superseded_by is None and supersedes(i, j):
            b.superseded_by = a.display
            b.reason += f"; superseded by {a.display} ({a.last_seen})"
        elif a.superseded_by is None and supersedes(j, i):
            a.superseded_by = b.display
            a.reason += f"; superseded by {b.display} ({b.last_seen})"
    group.conflicts = [(i, j) for i, j in pairs
                       if positions[i].superseded_by is None and positions[j].superseded_by is None]
    # Active positions first so that ``best`` is the believed answer; history after.
    order = sorted(range(len(positions)), key=lambda k: (positions[k].superseded_by is not None, k))
    remap = {old: new for new, old in enumerate(order)}
    group.positions = [positions[k] for k in order]
    group.conflicts = sorted(tuple(sorted((remap[i], remap[j]))) for i, j in group.conflicts)
    return group


def fuse(records: list[dict], as_of: str | None = None, reference: str | None = None,
         weigh=None) -> list[FusedGroup]:  # noqa: ANN001 (a fuse.trackrecord.Weigher)
    """Fuse claim records into groups, seeing only what was published by ``as_of``.

    ``reference`` is the date beliefs are aged to; it defaults to ``as_of``, else to the
    newest publication date among the records (so results do not drift with the clock).
    ``weigh`` optionally weighs each record by its source's track record (see
    :func:`autodossier.fuse.trackrecord.source_weigher`).
    """
    records = filter_as_of(records, as_of)
    if reference is None:
        reference = as_of_limit(as_of) or max((d for d in map(record_date, records) if d), default=None)
    by_key: dict[tuple, list[dict]] = {}
    for rec in records:
        by_key.setdefault(group_key(rec), []).append(rec)
    merge_generations(by_key)
    groups = [_fuse_group(recs, reference, weigh) for recs in by_key.values()]
    groups.sort(key=lambda g: (g.subject.lower(), g.attribute, g.scope))
    return groups
