"""The Q50 story end to end on the bundled example corpus (examples/articles, never edited).

These tests check rules, not a stored copy of the output: whatever the extractor makes of
the articles, the dossier must not present hedged talk as known, must tell the lifecycle in
order, and must show what was said by an earlier date.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest

import autodossier
from autodossier.claims import CERTAINTY_RANK
from autodossier.report.dossier import SECTION_OF_STATUS
from autodossier.report.render import render_dossier, wrap_markdown

EXAMPLES = Path(__file__).resolve().parent.parent / "examples" / "articles"


@pytest.fixture(scope="module")
def ad(tmp_path_factory):
    db = tmp_path_factory.mktemp("examples") / "kb.db"
    with autodossier.open(str(db)) as handle:
        handle.ingest([str(EXAMPLES)])
        yield handle


def test_every_line_sits_in_the_tier_of_its_best_evidence(ad):
    d = ad.dossier("Infiniti Q50").to_dict()
    assert d["known"]
    for section in ("known", "expected", "rumored"):
        for fact in d[section]:
            best = max((c["status"] for c in fact["citations"]), key=CERTAINTY_RANK.__getitem__)
            assert SECTION_OF_STATUS[best] == section, (fact["label"], fact["value"], section)


def test_manual_gearbox_is_known_only_if_a_report_confirms_it(ad):
    """The Q50's manual rests on "consideration", "Rumour has it" and "could be": corroboration
    alone must not make it known (it is known only if extraction labels a report confirmed)."""
    d = ad.dossier("Infiniti Q50").to_dict()
    manual = [f for key in ("known", "expected", "rumored") for f in d[key]
              if f["attribute"] == "transmission" and f["value"] == "manual"]
    assert manual
    confirmed = any(c["status"] == "confirmed" for f in manual for c in f["citations"])
    assert any(f in d["known"] for f in manual) == confirmed


def test_no_fused_belief_exceeds_its_tier(ad):
    d = ad.dossier("Infiniti Q50").to_dict()
    for f in d["rumored"]:
        assert f["belief"] < 0.5
    for f in d["expected"]:
        assert f["belief"] < 0.8


def test_q50_lifecycle_is_a_story_not_a_conflict(ad):
    d = ad.dossier("Infiniti Q50").to_dict()
    assert not any(c["attribute"] == "lifecycle" for c in d["conflicts"])
    assert not d["headline"]["lifecycle_disputed"]
    story = d["headline"]["lifecycle_story"]
    assert story.index("in production") < story.index("discontinued 2024") < story.index("return planned") \
        < story.index("on sale 2027-H2")
    stages = [e["stage"] for e in d["lifecycle"]]
    assert stages.index("discontinued") < stages.index("planned")


def test_generation_rows_do_not_repeat_base_rows(ad):
    d = ad.dossier("Infiniti Q50").to_dict()
    rows = [(f["attribute"], f["value"], f["scope"]) for key in ("known", "expected", "rumored") for f in d[key]]
    base = {(a, v) for a, v, scope in rows if not scope}
    repeated = [r for r in rows if r[2].startswith("gen") and (r[0], r[1]) in base]
    assert not repeated


def test_as_of_2022_shows_what_a_2022_article_said(ad):
    d = ad.dossier("Infiniti Q50", as_of="2022-12-31").to_dict()
    said = d["known"] + d["expected"] + d["rumored"] + d["mentions"]
    assert said, "the 2022 article names the Q50 but the as-of view is empty"
    assert all((c.get("date") or "9999") <= "2022-12-31" for c in d["mentions"])
    if not d["known"] + d["expected"] + d["rumored"]:  # nothing of its own by then: the sentences naming it
        assert any(re.search(r"\bQ50\b", c["evidence"]) for c in d["mentions"])
        text = render_dossier(d, "md")
        assert "Lifecycle: **not stated by 2022-12-31; named in" in text and "## Mentioned in" in text


def test_mentioned_only_model_has_a_dossier(ad):
    d = ad.dossier("Nissan Skyline").to_dict()
    assert d["headline"]["mentioned_only"]
    assert any(r["model"] == "Infiniti Q50" for r in d["related"])
    assert all("Skyline" in c["evidence"] for c in d["mentions"])


def test_markdown_reads_at_80_columns(ad):
    text = wrap_markdown(render_dossier(ad.dossier("Infiniti Q50"), "md"), 80)
    assert max(len(line) for line in text.splitlines()) <= 80
    assert "## Known (confirmed)" in text and "Lifecycle:" in text
