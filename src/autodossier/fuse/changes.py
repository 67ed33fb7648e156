"""Questions over the whole knowledge base: where do sources disagree, and what changed.

``all_conflicts(records, as_of=None)`` lists every group with unresolved disagreement;
``changes_since(records, since)`` lists claims first published after ``since`` and the
groups whose believed value differs from the belief held at ``since``.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from autodossier.fuse.belief import record_date
from autodossier.fuse.groups import FusedGroup, as_of_limit, citation, fuse


def all_conflicts(records: list[dict], as_of: str | None = None) -> list[FusedGroup]:
    """Every group (subject, attribute, scope) whose active positions still disagree."""
    return [g for g in fuse(records, as_of=as_of) if g.has_conflict]


@dataclass
class Change:
    """A believed value that differs now from what was believed at the cut-off date."""

    subject: str
    attribute: str
    scope: str
    before: str | None  # None: nothing was known then
    after: str | None  # None: the earlier belief no longer stands (e.g. now disputed)
    reason: str
    evidence: list[dict[str, Any]] = field(default_factory=list)
    # The status of the value believed now (None when nothing stands): a change line always
    # says whether it is confirmed or speculation.
    status: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """Plain data for JSON."""
        return dict(self.__dict__)


@dataclass
class Changes:
    """What is new since a date: new claims, and values whose belief changed."""

    since: str
    new_claims: list[dict]
    changed: list[Change]

    def to_dict(self) -> dict[str, Any]:
        """Plain data for JSON."""
        return {"since": self.since, "new_claims": self.new_claims,
                "changed": [c.to_dict() for c in self.changed]}


def _answer(group: FusedGroup | None) -> str | None:
    if group is None or not group.active:
        return None
    if group.multi:
        return ", ".join(sorted(p.display for p in group.active))
    if group.has_conflict:
        return " vs ".join(p.display for p in group.conflicting) + " (disputed)"
    return group.best.display


def changes_since(records: list[dict], since: str, as_of: str | None = None) -> Changes:
    """Claims published after ``since`` (up to ``as_of``) and the beliefs they changed.

    Undated reports cannot be placed before or after the date, so they are left out of both
    sides of the comparison.
    """
    limit = as_of_limit(since)
    before = {g.key: g for g in fuse(records, as_of=since)}
    now_records = [r for r in records if record_date(r)]
    after = fuse(now_records, as_of=as_of)
    new_claims = sorted((r for r in now_records if record_date(r)[:10] > limit
                         and (as_of is None or record_date(r)[:10] <= as_of_limit(as_of))),
                        key=lambda r: (record_date(r), r.get("subject", ""), r.get("attribute", "")))
    changed = []
    for group in after:
        old, new = _answer(before.get(group.key)), _answer(group)
        if old == new:
            continue
        fresh = [r for p in group.positions for r in p.records if record_date(r)[:10] > limit]
        reason = "first reported" if old is None else f"was {old}"
        status = group.best.status if new is not None and group.best is not None else None
        if group.has_conflict and new is not None:
            status = "disputed"
        changed.append(Change(group.subject, group.attribute, group.scope, old, new, reason,
                              [citation(r) for r in fresh], status))
    return Changes(limit, new_claims, changed)
