"""Lifecycle as a dated, generation-aware story; generation rows merged into base rows."""
from __future__ import annotations

import itertools

from autodossier.fuse import fuse
from autodossier.fuse.lifecycle import current_stage, lifecycle_story, lineup_status, story_text

_ids = itertools.count(1)


def rec(attribute="lifecycle", value="planned", status="confirmed", *, date=None, generation=None,
        doc=None, **extra) -> dict:
    n = next(_ids)
    out = {"id": n, "doc": doc or f"d{n}", "subject": "Infiniti Q50", "attribute": attribute, "value": value,
           "status": status, "qualifier": "=", "negated": False, "generation": generation,
           "evidence": f"The Q50 {attribute} {value}.", "doc_title": "t", "doc_date": date,
           "outlet": f"Outlet {n}", "url": None, "story": n}
    out.update(extra)
    return out


def q50_records() -> list[dict]:
    """The Q50's lifecycle claims as the example corpus gives them (mostly undated)."""
    return [
        rec("lifecycle", "planned", "confirmed"),
        rec("lifecycle", "planned", "expected", generation=2),
        rec("lifecycle", "planned", "rumored", date="2025-11-20"),
        rec("lifecycle", "discontinued", "confirmed"),
        rec("production_end", "2024", "confirmed"),
        rec("on_sale", "2027-H2", "expected"),
    ]


def test_planned_after_discontinued_is_not_a_conflict():
    [group] = [g for g in fuse(q50_records()) if g.attribute == "lifecycle"]
    assert not group.has_conflict
    assert {p.display for p in group.active} == {"planned", "discontinued"}


def test_contradictory_stages_still_conflict():
    records = [rec("lifecycle", "in-production", "confirmed", doc="a"),
               rec("lifecycle", "discontinued", "confirmed", doc="b")]
    [group] = fuse(records)
    assert group.has_conflict


def test_story_tells_the_q50_in_order():
    story = lifecycle_story(q50_records())
    stages = [e["stage"] for e in story]
    assert stages == ["in production", "discontinued", "planned", "on sale"]
    assert story[0]["inferred"] and story[1]["date"] == "2024"
    assert [e["cycle"] for e in story] == ["previous", "previous", "next", "next"]
    text = story_text(story)
    assert text.index("discontinued 2024") < text.index("return planned") < text.index("on sale 2027-H2")
    assert "(expected)" in text.split("on sale 2027-H2")[1]  # an expectation says so
    assert current_stage(story)["stage"] == "on sale"


def test_story_without_an_end_is_one_cycle_in_stage_order():
    records = [rec("on_sale", "2026-03", "expected"), rec("lifecycle", "concept"), rec("reveal", "2025-09")]
    story = lifecycle_story(records)
    assert [e["stage"] for e in story] == ["concept", "revealed", "on sale"]
    assert {e["cycle"] for e in story} == {"current"}
    assert "return" not in story_text(story)


def test_story_by_generation_puts_the_new_generation_after_the_old():
    records = [rec("lifecycle", "in-production", generation=2), rec("production_start", "2013", generation=1),
               rec("production_end", "2019", generation=1)]
    story = lifecycle_story(records)
    assert [(e["stage"], e["generation"]) for e in story] == [
        ("in production", 1), ("discontinued", 1), ("in production", 2)]


def test_dated_reports_of_one_ending_are_one_event():
    records = [rec("production_end", "2022"), rec("production_end", "2022-12", "expected", date="2022-11-07"),
               rec("lifecycle", "discontinued", date="2022-11-07")]
    ends = [e for e in lifecycle_story(records) if e["stage"] == "discontinued"]
    assert len(ends) == 1 and len(ends[0]["records"]) == 3 and ends[0]["status"] == "confirmed"


def test_plan_reported_before_the_end_belongs_to_the_old_generation():
    records = [rec("lifecycle", "planned", date="2012-01-01"), rec("production_end", "2020")]
    story = lifecycle_story(records)
    assert [e["cycle"] for e in story if e["stage"] == "planned"] == ["previous"]


def test_generation_row_that_repeats_a_base_fact_is_merged():
    records = [rec("drivetrain", "rwd"), rec("drivetrain", "rwd", "expected", generation=2)]
    [group] = fuse(records)
    assert group.generation is None and len(group.best.records) == 2


def test_generation_only_or_different_fact_keeps_its_row():
    records = [rec("drivetrain", "rwd"), rec("drivetrain", "awd", generation=2), rec("market", "US", generation=2)]
    groups = {(g.attribute, g.generation): g for g in fuse(records)}
    assert set(groups) == {("drivetrain", None), ("drivetrain", 2), ("market", 2)}
    assert groups[("drivetrain", 2)].best.display == "awd"


def test_lineup_status_is_the_last_firm_state():
    assert lineup_status(lifecycle_story(q50_records()))["value"] == "planned"
    speculated_return = [rec("lifecycle", "discontinued"), rec("production_end", "2022"),
                         rec("lifecycle", "planned", "speculative")]
    assert lineup_status(lifecycle_story(speculated_return))["value"] == "discontinued"
    only_talk = [rec("lifecycle", "planned", "rumored")]
    assert lineup_status(lifecycle_story(only_talk))["value"] == "planned"
    assert lineup_status([]) is None


def test_trim_states_are_not_the_lines_but_new_names_are():
    concept_edition = [rec("lifecycle", "concept", variant="Co-Creation Concept Edition"),
                       rec("on_sale", "2022-H2", "expected")]
    assert [e["stage"] for e in lifecycle_story(concept_edition)] == ["on sale"]
    renamed = [rec("lifecycle", "planned", variant="Q50S")]
    assert [e["stage"] for e in lifecycle_story(renamed)] == ["planned"]
