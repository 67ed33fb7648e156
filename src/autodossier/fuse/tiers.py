"""Status tiers bound what fusion may conclude: corroboration raises belief within a tier only.

The contract folds statuses into tiers: fact (``confirmed``, and ``denied`` for the opposite
statement), likely (``reported``, ``expected``) and uncertain (``rumored``, ``speculative``).
A fused value's tier is the best tier of its own evidence, and its belief stays below the
next tier's floor however many sources repeat it: three rumors are a well-supported rumor,
never a fact.

The evidence also bounds its own record: a claim labelled ``confirmed`` whose sentence
itself presents the statement as hearsay or possibility ("Rumour has it...", "Infiniti's
consideration of...", "could be") and carries no confirming word counts at the tier its
wording supports. Extraction decides statuses; this is fusion refusing to let an
over-confident label turn talk into a "known" line.
"""
from __future__ import annotations

import re

TIER_OF_STATUS = {
    "confirmed": "fact", "denied": "fact",
    "reported": "likely", "expected": "likely",
    "rumored": "uncertain", "speculative": "uncertain",
}
# The most belief a tier can reach by corroboration. Hearsay stays under 0.5 (below a single
# fresh expectation, weight 0.55 in fuse.belief); likely news stays under 0.8 (below a
# single fresh confirmation, 0.9). A fact may approach certainty.
TIER_CEILING = {"uncertain": 0.49, "likely": 0.79, "fact": 1.0}

# Wording that presents a statement as hearsay (rumored) or as a possibility (speculative).
_HEARSAY = re.compile(r"\b(?:rumou?r(?:s|ed)?|reportedly|allegedly|is said to|are said to)\b", re.I)
_POSSIBILITY = re.compile(
    r"\b(?:could|might|consideration|considering|considers|mulling|speculat\w*|renderings?|hypothetical\w*)\b", re.I)
# Wording that makes a statement official whatever else the sentence says.
_CONFIRMING = re.compile(r"\b(?:confirm(?:ed|s)?|announc(?:ed|es)|officially)\b", re.I)


def tier(status: str | None) -> str:
    """The contract tier of a status ("uncertain" for an unknown one)."""
    return TIER_OF_STATUS.get(status or "", "uncertain")


def ceiling(status: str | None) -> float:
    """The most belief a value whose best evidence has this status may reach."""
    return TIER_CEILING[tier(status)]


def evidence_status(record: dict) -> str:
    """The status a record's own sentence supports: its label, lowered when a "confirmed"
    label sits on a sentence worded as rumor or possibility without a confirming word."""
    status = record.get("status") or "speculative"
    if status != "confirmed":
        return status
    text = record.get("evidence") or ""
    if not text or _CONFIRMING.search(text):
        return status
    if _HEARSAY.search(text):
        return "rumored"
    if _POSSIBILITY.search(text):
        return "speculative"
    return status


def bounded(records: list[dict]) -> list[dict]:
    """The records with each status bounded by its evidence (copies only where it changes)."""
    out = []
    for rec in records:
        status = evidence_status(rec)
        if status != rec.get("status"):
            rec = {**rec, "status": status, "labelled_status": rec.get("status")}
        out.append(rec)
    return out
