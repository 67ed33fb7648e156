"""Fusion on hand-made claim records: agreement, conflicts, supersession, sources, as-of."""
from __future__ import annotations

import itertools

import pytest

from autodossier.errors import AutodossierError
from autodossier.fuse import (
    all_conflicts, belief, changes_since, filter_as_of, fuse, independent_sources, values_agree,
)

_ids = itertools.count(1)


def rec(subject="Infiniti Q50", attribute="power_hp", value=400, status="confirmed", *, doc=None,
        date=None, outlet=None, story=None, qualifier="=", negated=False, **extra) -> dict:
    """One claim record as the store returns it."""
    n = next(_ids)
    out = {
        "id": n, "doc": doc or f"doc{n}", "subject": subject, "attribute": attribute, "value": value,
        "status": status, "qualifier": qualifier, "negated": negated,
        "evidence": f"The sedan is said to make {value} horsepower from its twin-turbo V6.",
        "doc_title": "A title", "doc_date": date, "outlet": outlet, "url": None,
        "story": story if story is not None else n,
    }
    out.update(extra)
    return out


@pytest.mark.parametrize("a, qa, b, qb, agree", [
    (400, "=", 450, ">", False),
    (450, ">", 460, "~", True),
    (400, "=", 405, "=", True),    # within 2 %
    (400, "=", 420, "=", False),   # 5 % apart
    (300, "<", 290, "=", True),
    (300, "<", 310, "=", False),
    (450, ">=", 450, "=", True),
])
def test_numeric_agreement_respects_qualifiers(a, qa, b, qb, agree):
    assert values_agree("power_hp", a, b, qa, qb) is agree
    assert values_agree("power_hp", b, a, qb, qa) is agree


@pytest.mark.parametrize("a, b, agree", [
    ("2027", "2027-H2", True), ("2027-H1", "2027-Q3", False), ("2027-H2", "2027-09", True),
    ("2022-12", "2023", False), ("2022-11-07", "2022-Q4", True),
])
def test_date_spans_agree_when_they_overlap(a, b, agree):
    assert values_agree("on_sale", a, b) is agree


def test_strings_compare_without_case_or_punctuation():
    assert values_agree("shares_engine_with", "Nissan GT-R", "nissan gtr")
    assert not values_agree("transmission", "manual", "automatic")


def test_single_valued_disagreement_is_a_conflict_with_both_sides():
    records = [rec(value=400, status="expected", doc="a"),
               rec(value=450, qualifier=">", status="speculative", doc="b")]
    [group] = fuse(records)
    assert group.has_conflict
    sides = {p.display for p in group.conflicting}
    assert sides == {"400 hp", "> 450 hp"} or sides == {"400", "> 450"}
    assert {r["doc"] for p in group.conflicting for r in p.records} == {"a", "b"}


def test_compatible_values_merge_into_one_position():
    records = [rec(value=450, qualifier=">", status="rumored"), rec(value=460, qualifier="~", status="reported")]
    [group] = fuse(records)
    assert not group.has_conflict
    assert len(group.positions) == 1 and len(group.positions[0].records) == 2


@pytest.mark.parametrize("attribute, a, b", [
    ("market", "US", "CN"), ("shares_engine_with", "Nissan Z", "Nissan GT-R"),
])
def test_multi_valued_attributes_never_conflict_between_values(attribute, a, b):
    groups = fuse([rec(attribute=attribute, value=a), rec(attribute=attribute, value=b)])
    assert not any(g.has_conflict for g in groups)
    assert {p.display for g in groups for p in g.active} == {a, b}


def test_negated_claim_conflicts_with_its_positive_twin():
    records = [rec(attribute="market", value="EU", status="expected"),
               rec(attribute="market", value="EU", status="expected", negated=True)]
    [group] = fuse(records)
    assert group.has_conflict
    assert {p.holds for p in group.conflicting} == {True, False}


def test_denial_flips_the_statement_it_denies():
    # "Infiniti denied it would pull out of China" supports the brand staying in China.
    records = [rec(subject="Infiniti", attribute="market", value="CN", negated=True, status="denied"),
               rec(subject="Infiniti", attribute="market", value="CN", status="confirmed")]
    [group] = fuse(records)
    assert not group.has_conflict and len(group.positions) == 1 and group.positions[0].holds


def test_newer_surer_report_supersedes_and_keeps_history():
    old = rec(attribute="powertrain", value="ev", status="speculative", date="2023-05-01")
    new = rec(attribute="powertrain", value="ice", status="confirmed", date="2024-12-10")
    [group] = fuse([old, new])
    assert not group.has_conflict
    assert group.best.value == "ice"
    assert [p.value for p in group.superseded] == ["ev"]
    assert "superseded" in group.superseded[0].reason


def test_newer_but_less_certain_report_does_not_supersede():
    old = rec(attribute="transmission", value="automatic", status="confirmed", date="2023-05-01")
    new = rec(attribute="transmission", value="manual", status="rumored", date="2025-01-10")
    [group] = fuse([old, new])
    assert group.has_conflict and not group.superseded
    assert group.best.value == "automatic"


def test_syndicated_copies_and_same_outlet_count_once():
    copies = [rec(story=7, outlet="Wire A"), rec(story=7, outlet="Paper B"), rec(story=8, outlet="Wire A")]
    assert len(independent_sources(copies)) == 1
    other = rec(story=9, outlet="Magazine C")
    assert len(independent_sources(copies + [other])) == 2


def test_more_independent_sources_raise_belief():
    one, _ = belief([rec(status="rumored", outlet="A")])
    same, _ = belief([rec(status="rumored", outlet="A", story=1), rec(status="rumored", outlet="A", story=2)])
    two, reason = belief([rec(status="rumored", outlet="A"), rec(status="rumored", outlet="B")])
    assert two > one == same
    assert "2 independent sources" in reason


@pytest.mark.parametrize("weaker, stronger", [
    ("speculative", "rumored"), ("rumored", "expected"), ("expected", "reported"), ("reported", "confirmed"),
])
def test_belief_follows_status(weaker, stronger):
    assert belief([rec(status=weaker)])[0] < belief([rec(status=stronger)])[0]


def test_older_reports_are_believed_less():
    fresh, _ = belief([rec(status="expected", date="2025-01-01")], reference="2025-06-01")
    stale, _ = belief([rec(status="expected", date="2019-01-01")], reference="2025-06-01")
    assert stale < fresh


def test_as_of_sees_only_what_was_published_by_then():
    records = [rec(value=400, date="2022-11-07"), rec(value=500, date="2025-11-20"), rec(value=450)]
    kept = filter_as_of(records, "2022-12-31")
    assert [r["value"] for r in kept] == [400]
    [group] = fuse(records, as_of="2022")
    assert group.best.value == 400 and not group.has_conflict


def test_bad_as_of_is_a_user_error():
    with pytest.raises(AutodossierError):
        filter_as_of([rec()], "last tuesday")


def test_all_conflicts_lists_only_disputed_groups():
    records = [rec(value=400), rec(value=500, outlet="X"),
               rec(subject="Nissan Z", value=400), rec(subject="Nissan Z", value=402)]
    conflicts = all_conflicts(records)
    assert [g.subject for g in conflicts] == ["Infiniti Q50"]


def test_changes_since_reports_new_claims_and_changed_beliefs():
    records = [
        rec(attribute="powertrain", value="ev", status="expected", date="2022-03-01"),
        rec(attribute="powertrain", value="ice", status="confirmed", date="2024-12-01"),
        rec(attribute="drivetrain", value="rwd", status="confirmed", date="2021-01-01"),
        rec(attribute="transmission", value="manual", status="rumored", date="2025-02-01"),
    ]
    changes = changes_since(records, "2023-01-01")
    assert {r["attribute"] for r in changes.new_claims} == {"powertrain", "transmission"}
    by_attr = {c.attribute: c for c in changes.changed}
    assert set(by_attr) == {"powertrain", "transmission"}
    assert by_attr["powertrain"].before == "ev" and by_attr["powertrain"].after == "ice"
    assert by_attr["transmission"].before is None


def test_surer_statement_in_the_same_article_supersedes_without_dates():
    # "It seemed the sedan would go electric... the maker has now confirmed a petrol V6."
    ev = rec(attribute="powertrain", value="ev", status="speculative", doc="same")
    ice = rec(attribute="powertrain", value="ice", status="confirmed", doc="same")
    [group] = fuse([ev, ice])
    assert not group.has_conflict and group.best.value == "ice"
    assert [p.value for p in group.superseded] == ["ev"]


def test_undated_reports_in_different_articles_stay_in_conflict():
    records = [rec(value=400, status="confirmed", doc="x"), rec(value=500, status="rumored", doc="y")]
    [group] = fuse(records)
    assert group.has_conflict and not group.superseded


@pytest.mark.parametrize("variant, same_group", [("Q50S", True), ("Eau Rouge", False), (None, True)])
def test_new_names_of_the_line_compete_while_trims_stay_apart(variant, same_group):
    records = [rec(value=400, status="expected", variant=variant), rec(value=450, qualifier=">", status="speculative")]
    groups = fuse(records)
    assert (len(groups) == 1) is same_group
    assert any(g.has_conflict for g in groups) is same_group


@pytest.mark.parametrize("attribute, a, qa, b, qb", [
    ("power_hp", 400, "=", 405, "="), ("power_hp", 400, "=", 450, ">"), ("power_hp", 0, "=", 0, ">"),
    ("power_hp", 450, ">=", 441, "<="), ("power_hp", "400", "=", "400 hp", "="),
    ("on_sale", "2027", "=", "2027-H2", "="), ("on_sale", "2027-H1", "=", "soon", "="),
    ("transmission", "Manual", "=", "manual", "="), ("engine_code", "VR30", "=", 30, "="),
])
def test_agreement_forms_decide_exactly_as_values_agree(attribute, a, qa, b, qb):
    from autodossier.fuse.values import agreement_form, forms_agree

    for x, qx, y, qy in ((a, qa, b, qb), (b, qb, a, qa)):  # order matters at touching end points
        assert forms_agree(agreement_form(attribute, x, qx), agreement_form(attribute, y, qy)) \
            is values_agree(attribute, x, y, qx, qy)


def test_many_reports_of_one_value_form_one_position_against_each_rival():
    records = [rec(value=400 + i % 3, status="reported", doc=f"a{i}", date="2025-01-01") for i in range(60)]
    records += [rec(value=v, status="rumored", doc=f"r{v}", date="2025-02-01") for v in (300, 500, 600)]
    [group] = fuse(records)
    assert [len(p.records) for p in group.positions] == [60, 1, 1, 1]
    assert len(group.conflicts) == 6  # every pair of the four disagreeing values


@pytest.mark.parametrize("as_of, kept", [("2024-12-31", {"dated"}), ("2025-06-30", {"dated", "undated"}),
                                         ("2019-01-01", set())])
def test_as_of_counts_an_undated_report_from_the_day_it_was_read(as_of, kept):
    from autodossier.fuse.groups import filter_as_of

    records = [{"doc": "dated", "doc_date": "2020-05-01"},
               {"doc": "undated", "doc_date": None, "doc_ingested": "2025-06-01T10:00:00+00:00"},
               {"doc": "unknown", "doc_date": None}]
    assert {r["doc"] for r in filter_as_of(records, as_of)} == kept
