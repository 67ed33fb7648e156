"""Track record: verdicts on uncertain claims from later confirmations, tallies, weights."""
from __future__ import annotations

import itertools
import random

import pytest

from autodossier.fuse import fuse
from autodossier.fuse.trackrecord import (
    BORNE_OUT, CONTRADICTED, OPEN, Tally, family_of, judge, source_weigher, track_record,
    wilson_interval,
)

_ids = itertools.count(1)


def rec(subject="Infiniti Q50", attribute="power_hp", value=400, status="rumored", *, date="2024-01-01",
        outlet="Motor Gossip", source=None, qualifier="=", negated=False, doc=None, **extra) -> dict:
    """One claim record as the store returns it."""
    n = next(_ids)
    out = {"id": n, "doc": doc or f"doc{n}", "subject": subject, "attribute": attribute, "value": value,
           "status": status, "qualifier": qualifier, "negated": negated, "source": source,
           "evidence": f"It makes {value} hp.", "doc_title": "t", "doc_date": date, "outlet": outlet,
           "url": None, "story": n}
    out.update(extra)
    return out


def verdict_of(records, target):
    return next(o for o in judge(records) if o.record["id"] == target["id"])


def test_later_matching_confirmation_bears_a_rumor_out_with_lead_time():
    rumor = rec(value=450, qualifier=">", date="2024-01-01")
    confirm = rec(value=460, status="confirmed", date="2024-03-01", outlet="Maker")
    out = verdict_of([rumor, confirm], rumor)
    assert out.verdict == BORNE_OUT
    assert out.days == 60
    assert out.resolved_by["id"] == confirm["id"]


def test_later_different_confirmed_value_contradicts():
    rumor = rec(value=450, qualifier=">", date="2024-01-01")
    confirm = rec(value=400, status="confirmed", date="2024-02-01")
    assert verdict_of([rumor, confirm], rumor).verdict == CONTRADICTED


def test_confirmed_negation_and_denial_contradict():
    rumor = rec(attribute="drivetrain", value="AWD", date="2024-01-01")
    negation = rec(attribute="drivetrain", value="AWD", status="confirmed", negated=True, date="2024-02-01")
    assert verdict_of([rumor, negation], rumor).verdict == CONTRADICTED
    rumor2 = rec(attribute="drivetrain", value="AWD", date="2024-01-01")
    denial = rec(attribute="drivetrain", value="AWD", status="denied", date="2024-02-01")
    assert verdict_of([rumor2, denial], rumor2).verdict == CONTRADICTED


def test_negative_rumor_is_borne_out_by_confirmed_negation():
    rumor = rec(attribute="market", value="EU", negated=True, date="2024-01-01")
    confirm = rec(attribute="market", value="EU", negated=True, status="confirmed", date="2024-05-01")
    assert verdict_of([rumor, confirm], rumor).verdict == BORNE_OUT


def test_earlier_or_same_day_confirmation_does_not_judge_and_other_values_of_multi_valued_do_not_contradict():
    rumor = rec(value=450, date="2024-03-01")
    old = rec(value=400, status="confirmed", date="2024-01-01")
    same_day = rec(value=400, status="confirmed", date="2024-03-01")
    assert verdict_of([rumor, old, same_day], rumor).verdict == OPEN
    market = rec(attribute="market", value="EU", date="2024-01-01")
    other = rec(attribute="market", value="US", status="confirmed", date="2024-02-01")
    assert verdict_of([market, other], market).verdict == OPEN


def test_earliest_later_confirmation_decides():
    rumor = rec(value=450, date="2024-01-01")
    first = rec(value=400, status="confirmed", date="2024-02-01")
    second = rec(value=450, status="confirmed", date="2024-06-01")
    assert verdict_of([rumor, second, first], rumor).verdict == CONTRADICTED


def test_different_scope_does_not_judge():
    rumor = rec(value=450, date="2024-01-01", variant="Track Spec")
    confirm = rec(value=400, status="confirmed", date="2024-02-01")
    assert verdict_of([rumor, confirm], rumor).verdict == OPEN


def test_repeated_claim_of_one_outlet_counts_once():
    records = [rec(value=450, date=d) for d in ("2024-01-01", "2024-01-05", "2024-01-09")]
    records.append(rec(value=450, status="confirmed", date="2024-02-01", outlet="Maker"))
    tr = track_record(records)
    assert tr.get("outlet", "Motor Gossip").overall.borne_out == 1


def test_as_of_hides_later_confirmations():
    rumor = rec(value=450, date="2024-01-01")
    confirm = rec(value=450, status="confirmed", date="2024-06-01")
    assert track_record([rumor, confirm], as_of="2024-03-01").get("outlet", "Motor Gossip").overall.open == 1
    assert track_record([rumor, confirm]).get("outlet", "Motor Gossip").overall.borne_out == 1


def test_tally_aggregates_per_outlet_source_family_and_status():
    records = [
        rec(value=450, date="2024-01-01", source="Best Car"),
        rec(attribute="on_sale", value="2027-H2", status="expected", date="2024-01-02", source="Best Car"),
        rec(attribute="sales_units", value=1000, status="reported", date="2024-01-03", outlet="Other"),
        rec(value=450, status="confirmed", date="2024-02-01", outlet="Maker"),
        rec(attribute="on_sale", value="2026", status="confirmed", date="2024-02-01", outlet="Maker"),
    ]
    tr = track_record(records)
    gossip = tr.get("outlet", "motor gossip")
    assert (gossip.overall.borne_out, gossip.overall.contradicted, gossip.overall.open) == (1, 1, 0)
    assert gossip.by_family["specs"].borne_out == 1 and gossip.by_family["dates"].contradicted == 1
    assert gossip.by_status["expected"].contradicted == 1
    assert tr.get("source", "Best Car").overall.resolved == 2
    assert tr.get("outlet", "Other").overall.open == 1
    assert tr.get("outlet", "Maker") is None  # confirmations are not predictions
    assert family_of("sales_units") == "sales" and family_of("lifecycle") == "lifecycle"
    assert family_of("market") == "other"


def test_wilson_interval_matches_its_formula_and_brackets_the_rate():
    assert wilson_interval(0, 0) is None
    low, high = wilson_interval(7, 9)
    assert low < 7 / 9 < high
    assert round(low, 3) == 0.453 and round(high, 3) == 0.937  # known values for 7 of 9
    rng = random.Random(5)
    for _ in range(50):
        n = rng.randint(1, 200)
        k = rng.randint(0, n)
        lo, hi = wilson_interval(k, n)
        assert 0 <= lo <= k / n <= hi <= 1


def test_tally_median_lead_and_smoothing():
    t = Tally(borne_out=7, contradicted=2, lead_days=[10, 30, 50])
    assert t.hit_rate == pytest.approx(7 / 9)
    assert t.median_lead_days == 30
    assert t.smoothed(0.3, 4) == pytest.approx((7 + 1.2) / 13)
    assert Tally().smoothed(0.3) == pytest.approx(0.3)


def _history(outlet, hits, misses, start=2020):
    """``hits`` borne-out and ``misses`` contradicted power rumors of ``outlet`` on other models."""
    out = []
    for i in range(hits + misses):
        subject = f"Make{i} {outlet[:3]}{i}"
        out.append(rec(subject=subject, value=300, date=f"{start}-01-01", outlet=outlet))
        out.append(rec(subject=subject, value=300 if i < hits else 200, status="confirmed",
                       date=f"{start}-06-01", outlet="Maker"))
    return out


def test_weigher_smooths_towards_status_weight_and_explains():
    history = _history("Good Gossip", 7, 2) + _history("Bad Gossip", 1, 8)
    weigh = source_weigher(track_record(history))
    good = weigh(rec(outlet="Good Gossip"))
    bad = weigh(rec(outlet="Bad Gossip"))
    assert good[0] > 0.3 > bad[0]
    assert good[1] == "Good Gossip: 7 of 9 power_hp claims borne out"
    assert weigh(rec(outlet="Unknown")) is None
    # Too few torque claims resolved: the family's record (all specs) speaks for them.
    assert weigh(rec(attribute="torque_lbft", outlet="Good Gossip"))[1] == "Good Gossip: 7 of 9 spec claims borne out"
    # No dates resolved at all: the whole record does.
    assert weigh(rec(attribute="on_sale", value="2027", outlet="Good Gossip"))[1] == \
        "Good Gossip: 7 of 9 uncertain claims borne out"
    assert weigh(rec(status="confirmed", outlet="Good Gossip")) is None


def test_track_record_weights_let_a_reliable_outlet_win_a_dispute():
    history = _history("Good Gossip", 8, 1) + _history("Bad Gossip", 1, 8)
    dispute = [rec(value=500, outlet="Good Gossip", date="2024-01-01"),
               rec(value=420, outlet="Bad Gossip", date="2024-01-01"),
               rec(value=420, outlet="Bad Gossip2", date="2024-01-01")]
    plain = next(g for g in fuse(dispute) if g.subject == "Infiniti Q50")
    assert plain.positions[0].value == 420  # two sources beat one by status weight alone
    weighed = next(g for g in fuse(dispute, weigh=source_weigher(track_record(history + dispute))))
    assert weighed.positions[0].value == 500
    assert "Good Gossip: 8 of 9 power_hp claims borne out" in weighed.positions[0].reason


def test_store_track_record_and_dossier_reason(kb):
    from autodossier.claims import Claim
    from autodossier.ingest.document import Document
    from autodossier.report.dossier import build_dossier
    from autodossier.report.trackrecord import rows, source_track_record

    def doc(name, date, outlet):
        return Document(doc=name, text=f"Article {name} about cars.", title=name, date=date, outlet=outlet)

    for i in range(3):
        subject = f"Nissan Test{i}"
        kb.ingest(doc(f"r{i}", "2023-01-01", "Best Car"),
                  [Claim(doc=f"r{i}", subject=subject, attribute="power_hp", value=300, unit="hp",
                         status="rumored", evidence="It will make 300 hp.")])
        kb.ingest(doc(f"c{i}", "2023-06-01", "Nissan"),
                  [Claim(doc=f"c{i}", subject=subject, attribute="power_hp", value=300, unit="hp",
                         status="confirmed", evidence="It makes 300 hp.")])
    kb.ingest(doc("q", "2024-01-01", "Best Car"),
              [Claim(doc="q", subject="Infiniti Q50", attribute="power_hp", value=450, unit="hp",
                     status="rumored", evidence="It could make 450 hp.")])
    table = rows(source_track_record(kb))
    best = next(r for r in table if r["name"] == "Best Car")
    assert (best["borne_out"], best["open"], best["hit_rate"]) == (3, 1, 1.0)
    assert best["median_lead_days"] == 151
    d = build_dossier(kb, "Infiniti Q50").to_dict()
    assert "Best Car: 3 of 3 power claims borne out" in d["rumored"][0]["reason"]
    # A dossier as of a date weighs by the record as of that date (here: already resolved).
    early = build_dossier(kb, "Infiniti Q50", as_of="2024-01-31").to_dict()
    assert "borne out" in early["rumored"][0]["reason"]
    assert not rows(source_track_record(kb, as_of="2023-03-01"), min_resolved=1)


def test_newer_rumor_does_not_retire_an_older_one_better_sources_back():
    history = _history("Good Gossip", 8, 1) + _history("Bad Gossip", 1, 8)
    older = rec(value=500, outlet="Good Gossip", date="2024-01-01")
    newer = rec(value=420, outlet="Bad Gossip", date="2024-03-01")
    plain = next(iter(fuse([older, newer])))
    assert plain.best.value == 420 and plain.positions[1].superseded_by  # newest rumor wins by default
    weighed = next(iter(fuse([older, newer], weigh=source_weigher(track_record(history)))))
    assert weighed.best.value == 500 and weighed.has_conflict  # kept in dispute, better record first
    confirmed = rec(value=420, status="confirmed", outlet="Bad Gossip", date="2024-03-01")
    settled = next(iter(fuse([older, confirmed], weigh=source_weigher(track_record(history)))))
    assert settled.best.value == 420 and not settled.has_conflict  # a confirmation still settles it


def test_cached_track_record_follows_new_ingests(kb):
    from autodossier.claims import Claim
    from autodossier.ingest.document import Document
    from autodossier.report.trackrecord import source_track_record

    def put(name, date, status):
        kb.ingest(Document(doc=name, text=f"Article {name}.", title=name, date=date, outlet="Best Car"),
                  [Claim(doc=name, subject="Nissan Z", attribute="power_hp", value=400, unit="hp",
                         status=status, evidence="It makes 400 hp.")])

    put("r", "2023-01-01", "rumored")
    assert source_track_record(kb).get("outlet", "Best Car").overall.open == 1
    assert source_track_record(kb) is source_track_record(kb)  # cached while nothing changes
    put("c", "2023-02-01", "confirmed")
    assert source_track_record(kb).get("outlet", "Best Car").overall.borne_out == 1


def test_store_judges_make_by_make_as_over_all_records(kb):
    import follow_corpus
    from autodossier.fuse.trackrecord import track_record_in_chunks

    follow_corpus.build(kb)
    chunks = list(kb.judged_claims_by_make())
    assert [sorted({r["subject"].split()[0] for r in c}) for c in chunks] == [["Infiniti"], ["Nissan"]]
    assert "evidence" not in chunks[0][0]
    whole = track_record(kb.claims())
    streamed = track_record_in_chunks(kb.judged_claims_by_make())
    assert streamed.to_dict() == whole.to_dict() and streamed.claims_judged == len(whole.outcomes) == 7
    assert streamed.outcomes == []


def test_slow_track_record_is_served_stale_while_refreshed_in_background(kb, monkeypatch):
    import time

    from autodossier.claims import Claim
    from autodossier.ingest.document import Document
    from autodossier.report import trackrecord as report_tr

    monkeypatch.setattr(report_tr, "SLOW_S", -1.0)  # every judging counts as slow

    def put(name, date, status, value=400):
        kb.ingest(Document(doc=name, text=f"Article {name}.", title=name, date=date, outlet="Best Car"),
                  [Claim(doc=name, subject="Nissan Z", attribute="power_hp", value=value, unit="hp",
                         status=status, evidence=f"It makes {value} hp.")])

    put("r", "2023-01-01", "rumored")
    assert report_tr.source_track_record(kb).get("outlet", "Best Car").overall.open == 1
    put("c", "2023-02-01", "confirmed")
    stale = report_tr.source_track_record(kb)
    assert stale.get("outlet", "Best Car").overall.open == 1  # served at once, not recomputed
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        fresh = report_tr.source_track_record(kb).get("outlet", "Best Car").overall
        if fresh.borne_out == 1:
            break
        time.sleep(0.05)
    assert fresh.borne_out == 1 and fresh.open == 0
    monkeypatch.setattr(report_tr, "MAX_STALE_S", 0.0)  # too old to serve: judged afresh
    put("c2", "2023-03-01", "rumored", value=420)  # a new prediction, not yet settled
    assert report_tr.source_track_record(kb).get("outlet", "Best Car").overall.open == 1
