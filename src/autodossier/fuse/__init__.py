"""Fusion: pure functions from claim records to beliefs, conflicts and changes.

Claim records are the store's dicts (contract fields plus ``id, doc_title, doc_date,
outlet, url, story``). Nothing here does I/O.

- ``fuse(records, as_of=None) -> list[FusedGroup]``: records grouped per (subject,
  attribute, variant, generation, period, region); each group holds competing *positions*
  with a belief in [0, 1] and a short reason, unresolved ``conflicts`` and superseded history.
- ``all_conflicts(records, as_of=None) -> list[FusedGroup]``: the groups still in dispute.
- ``changes_since(records, since, as_of=None) -> Changes``: claims first published after
  ``since`` and the values whose belief changed.
- ``filter_as_of(records, as_of)``: what had been published by a date.
- ``values_agree(attribute, a, b, qa, qb)``: the agreement rule (qualifiers, ~2 %, date spans).
- ``fuse.tiers``: a value's belief stays within the tier of its best evidence.
- ``fuse.lifecycle``: ``lifecycle_story(records)``, the lifecycle as an ordered sequence.
"""
from autodossier.fuse.belief import belief, independent_sources, record_date
from autodossier.fuse.changes import Change, Changes, all_conflicts, changes_since
from autodossier.fuse.groups import (
    MULTI_VALUED, FusedGroup, Position, citation, filter_as_of, fuse,
)
from autodossier.fuse.values import display_value, values_agree

__all__ = [
    "MULTI_VALUED", "Change", "Changes", "FusedGroup", "Position", "all_conflicts", "belief",
    "changes_since", "citation", "display_value", "filter_as_of", "fuse", "independent_sources",
    "record_date", "values_agree",
]
