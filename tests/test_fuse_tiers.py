"""Fusion never lifts a value above the tier of its own evidence."""
from __future__ import annotations

import itertools

from autodossier.fuse import fuse
from autodossier.fuse.tiers import TIER_CEILING, ceiling

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


def test_a_values_tier_is_its_best_evidence():
    [hearsay] = fuse([rec(status="rumored"), rec(status="speculative")])
    assert hearsay.best.status == "rumored"
    [likely] = fuse([rec(status="rumored"), rec(status="speculative"), rec(status="expected")])
    assert likely.best.status == "expected" and likely.best.belief <= TIER_CEILING["likely"]


def test_one_confirmation_among_hearsay_makes_a_fact():
    [group] = fuse([rec(status="confirmed"), rec(status="rumored"), rec(status="rumored")])
    assert group.best.status == "confirmed" and group.best.belief > TIER_CEILING["likely"]


def test_a_denial_is_as_strong_as_a_confirmation():
    assert ceiling("denied") == ceiling("confirmed") == 1.0
