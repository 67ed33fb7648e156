"""Status tiers bound what fusion may conclude: corroboration raises belief within a tier only.

The contract folds statuses into tiers: fact (``confirmed``, and ``denied`` for the opposite
statement), likely (``reported``, ``expected``) and uncertain (``rumored``, ``speculative``).
A fused value's tier is the best tier of its own evidence, and its belief stays below the
next tier's floor however many sources repeat it: three rumors are a well-supported rumor,
never a fact.

Statuses themselves are extraction's to decide, clause by clause: a sentence-level second
guess here ("could", "rumour" anywhere in the sentence) was tried and demoted more true
facts than false ones on the shared seed, train and dev sets, so fusion trusts the labels
and only bounds what it adds.
"""
from __future__ import annotations

TIER_OF_STATUS = {
    "confirmed": "fact", "denied": "fact",
    "reported": "likely", "expected": "likely",
    "rumored": "uncertain", "speculative": "uncertain",
}
# The most belief a tier can reach by corroboration. Hearsay stays under 0.5 (below a single
# fresh expectation, weight 0.55 in fuse.belief); likely news stays under 0.8 (below a
# single fresh confirmation, 0.9). A fact may approach certainty.
TIER_CEILING = {"uncertain": 0.49, "likely": 0.79, "fact": 1.0}


def tier(status: str | None) -> str:
    """The contract tier of a status ("uncertain" for an unknown one)."""
    return TIER_OF_STATUS.get(status or "", "uncertain")


def ceiling(status: str | None) -> float:
    """The most belief a value whose best evidence has this status may reach."""
    return TIER_CEILING[tier(status)]
