"""Fusion never lifts a value above the tier of its own evidence."""
from __future__ import annotations

import itertools

from autodossier.fuse import fuse
from autodossier.fuse.tiers import TIER_CEILING, evidence_status

_ids = itertools.count(1)


def rec(value="manual", status="rumored", *, outlet=None, evidence=None, date="2025-01-10", **extra) -> dict:
    n = next(_ids)
    out = {"id": n, "doc": f"d{n}", "subject": "Infiniti Q50", "attribute": "transmission", "value": value,
           "status": status, "qualifier": "=", "negated": False,
           "evidence": evidence or f"The Q50 gets a {value} gearbox.", "doc_title": "t", "doc_date": date,
           "outlet": outlet or f"Outlet {n}", "url": None, "story": n}
    out.update(extra)
    return out


def test_three_rumors_are_a_well_supported_rumor_not_a_fact():
    [one] = fuse([rec()])
    [group] = fuse([rec(), rec(), rec()])
    pos = group.best
    assert pos.status == "rumored" and pos.sources == 3
    assert one.best.belief < pos.belief <= TIER_CEILING["uncertain"]


def test_corroborated_expectation_stays_below_a_confirmation():
    [many] = fuse([rec(status="expected") for _ in range(6)])
    [confirmed] = fuse([rec(status="confirmed")])
    assert many.best.belief <= TIER_CEILING["likely"] < confirmed.best.belief


def test_confirmed_label_on_a_rumour_sentence_counts_as_rumor():
    hedged = rec(status="confirmed", evidence="Rumour has it that the next Q50 gets a manual gearbox.")
    [group] = fuse([hedged])
    assert group.best.status == "rumored"
    assert hedged["status"] == "confirmed"  # the caller's record is not changed


def test_confirmed_label_on_a_consideration_counts_as_speculation():
    text = "Therefore, Infiniti's consideration of bringing back the manual configuration is a signal."
    assert evidence_status(rec(status="confirmed", evidence=text)) == "speculative"


def test_confirming_word_keeps_a_confirmation_despite_hedges():
    text = "Infiniti confirmed the Q50 would return, and it could get a manual gearbox."
    assert evidence_status(rec(status="confirmed", evidence=text)) == "confirmed"
    assert evidence_status(rec(status="expected", evidence="Rumour has it...")) == "expected"


def test_one_sound_confirmation_makes_a_fact_of_hedged_company():
    records = [rec(status="confirmed", evidence="The Q50 has a manual gearbox."),
               rec(status="confirmed", evidence="It could get a manual gearbox.")]
    [group] = fuse(records)
    assert group.best.status == "confirmed" and len(group.best.records) == 2
