"""Dossiers, renderers and charts over a small knowledge base of hand-made claims."""
from __future__ import annotations

import json

import pytest

from autodossier.claims import Claim
from autodossier.errors import AutodossierError
from autodossier.ingest.document import Document
from autodossier.report.dossier import STANDARD_ATTRIBUTES, build_dossier
from autodossier.report.render import render_dossier

store = pytest.importorskip("autodossier.store")

# (doc id, date, outlet, text, claims as (subject, attribute, value, status, extra))
ARTICLES = [
    ("old", "2022-11-07", "Auto Daily",
     "The Meridian GT sedan is still in production. The Meridian GT will get an electric successor.",
     [("Meridian GT", "lifecycle", "in-production", "confirmed", {}),
      ("Meridian GT", "powertrain", "ev", "speculative", {}),
      ("Meridian GT", "production_start", "2016", "confirmed", {})]),
    ("a", "2025-03-02", "Wheels Weekly",
     "According to insiders the next Meridian GT will use the 3.0-litre VQ40 twin-turbo V6 with 400 hp. "
     "It is expected to go on sale in the second half of 2027 with rear-wheel drive.",
     [("Meridian GT", "power_hp", 400, "expected", {}),
      ("Meridian GT", "engine_code", "VQ40", "expected", {}),
      ("Meridian GT", "on_sale", "2027-H2", "expected", {}),
      ("Meridian GT", "drivetrain", "rwd", "expected", {}),
      ("Meridian GT", "powertrain", "ice", "confirmed", {}),
      ("Meridian GT", "shares_engine_with", "Meridian Z", "expected", {})]),
    ("b", "2025-05-10", "Track Notes",
     "Output could exceed 450 hp, and a six-speed manual is on the wish list.",
     [("Meridian GT", "power_hp", 450, "speculative", {"qualifier": ">"}),
      ("Meridian GT", "transmission", "manual", "speculative", {})]),
    ("c", "2025-06-01", "Coupe Club",
     "The Meridian Coupe rides on the same platform as the Meridian GT.",
     [("Meridian Coupe", "shares_platform_with", "Meridian GT", "confirmed", {}),
      ("Meridian Coupe", "sales_units", 2792, "confirmed", {"period": "2020"})]),
]


def _kb(path):
    kb = store.KnowledgeBase(f"sqlite:///{path}")
    for doc_id, date, outlet, text, claims in ARTICLES:
        doc = Document(doc=doc_id, text=text, title=f"{outlet} on the Meridian", date=date, outlet=outlet,
                       url=f"https://example.test/{doc_id}")
        kb.ingest(doc, [Claim(doc=doc_id, subject=s, attribute=a, value=v, status=st,
                              evidence=text.split(". ")[0], as_of=date, **extra)
                        for s, a, v, st, extra in claims])
    return kb


@pytest.fixture(scope="module")
def kb(tmp_path_factory):
    """One store for the module: the tests only read it."""
    kb = _kb(tmp_path_factory.mktemp("kb") / "kb.db")
    yield kb
    kb.close()


def test_dossier_sorts_beliefs_into_sections(kb):
    d = build_dossier(kb, "Meridian GT")
    known = {(f["attribute"], f["value"]) for f in d.known}
    expected = {(f["attribute"], f["value"]) for f in d.expected}
    assert ("powertrain", "ice") in known
    assert ("on_sale", "2027-H2") in expected and ("engine_code", "VQ40") in expected
    assert ("transmission", "manual") in {(f["attribute"], f["value"]) for f in d.rumored}
    # The electric plan was superseded by the confirmed engine, and stays visible as history.
    assert [f["value"] for f in d.superseded if f["attribute"] == "powertrain"] == ["ev"]


def test_dossier_shows_conflict_with_sources_on_each_side(kb):
    d = build_dossier(kb, "Meridian GT")
    [conflict] = [c for c in d.conflicts if c["attribute"] == "power_hp"]
    docs = [{c["doc"] for c in side["citations"]} for side in conflict["sides"]]
    assert sorted(docs, key=sorted) == [{"a"}, {"b"}]
    assert not any(f["attribute"] == "power_hp" for f in d.known + d.expected + d.rumored)


def test_unanswered_lists_standard_attributes_without_claims(kb):
    d = build_dossier(kb, "Meridian GT")
    unanswered = {u["attribute"] for u in d.unanswered}
    assert {"torque_lbft", "accel_0_60_s", "price"} <= unanswered
    assert not unanswered & {"power_hp", "on_sale", "drivetrain", "transmission"}
    assert unanswered <= set(STANDARD_ATTRIBUTES)


def test_related_models_include_reverse_relations(kb):
    d = build_dossier(kb, "Meridian GT")
    related = {(r["relation"], r["model"], r["direction"]) for r in d.related}
    assert ("Shares engine with", "Meridian Z", "out") in related
    assert ("Shares platform with", "Meridian Coupe", "in") in related


def test_as_of_hides_later_news(kb):
    d = build_dossier(kb, "Meridian GT", as_of="2022-12-31")
    text = render_dossier(d, "md")
    assert "2027-H2" not in text and "VQ40" not in text and "Meridian Coupe" not in text
    assert {s["doc"] for s in d.sources} == {"old"}
    assert ("powertrain", "ev") in {(f["attribute"], f["value"]) for f in d.rumored}


def test_unknown_model_is_a_user_error(kb):
    with pytest.raises(AutodossierError):
        build_dossier(kb, "Meridian Qwerty 9000")


@pytest.mark.parametrize("fmt", ["md", "html", "json"])
def test_every_format_cites_evidence(kb, fmt):
    text = render_dossier(build_dossier(kb, "Meridian GT"), fmt)
    assert "Output could exceed 450 hp" in text
    assert "Wheels Weekly" in text and "2025-03-02" in text


def test_json_round_trips_the_dossier(kb):
    d = build_dossier(kb, "Meridian GT")
    assert json.loads(render_dossier(d, "json")) == json.loads(json.dumps(d.to_dict(), default=str))


def test_html_escapes_article_text(tmp_path):
    kb = _kb(tmp_path / "x.db")
    text = "The Meridian GT <script>alert(1)</script> will be sold in Japan."
    kb.ingest(Document(doc="x", text=text, date="2025-07-01", outlet="Evil"),
              [Claim(doc="x", subject="Meridian GT", attribute="market", value="JP", status="confirmed",
                     evidence=text)])
    html = render_dossier(build_dossier(kb, "Meridian GT"), "html")
    kb.close()
    assert "<script>" not in html and "&lt;script&gt;" in html


def test_unknown_format_is_a_user_error(kb):
    with pytest.raises(AutodossierError):
        render_dossier(build_dossier(kb, "Meridian GT"), "pdf")


def test_timeline_data_marks_what_is_not_confirmed(kb):
    from autodossier.report.charts import timeline_data

    [row] = [r for r in timeline_data(kb) if r["subject"] == "Meridian GT"]
    events = {e["kind"]: e for e in row["events"]}
    assert events["production_start"]["certain"] and not events["on_sale"]["certain"]
    assert 2016 <= row["span"]["start"] < 2017
    assert all(e["year"] < 2023 for r in timeline_data(kb, as_of="2022-12-31") for e in r["events"])


@pytest.mark.parametrize("fmt, check", [
    ("svg", lambda out: isinstance(out, str) and "<svg" in out),
    ("png", lambda out: isinstance(out, bytes) and out.startswith(b"\x89PNG")),
])
def test_charts_render_to_strings_for_the_web(kb, fmt, check):
    from autodossier.report.charts import render_sales, render_timeline, sales_data, timeline_data

    assert check(render_timeline(timeline_data(kb), fmt))
    assert check(render_sales(sales_data(kb), fmt))
    assert check(render_timeline([], fmt))  # an empty lineup still draws, saying so


def test_chart_to_file_needs_png_or_svg(kb, tmp_path):
    from autodossier.report.charts import render_timeline, timeline_data

    data = timeline_data(kb)
    path = render_timeline(data, tmp_path / "lineup.png")
    assert path.read_bytes().startswith(b"\x89PNG")
    with pytest.raises(AutodossierError):
        render_timeline(data, tmp_path / "lineup.pdf")


def test_sales_data_keeps_period_and_citation(kb):
    from autodossier.report.charts import sales_data

    [row] = sales_data(kb)
    assert (row["subject"], row["period"], row["units"]) == ("Meridian Coupe", "2020", 2792)
    assert row["citations"][0]["doc"] == "c"


def test_estimates_stay_apart_from_claims(kb):
    d = build_dossier(kb, "Meridian GT")
    assert not any(f["attribute"].startswith(("accel_", "top_speed")) for f in d.known + d.expected + d.rumored)
    text = render_dossier(d, "md")
    if d.estimates and d.estimates.get("available"):
        unanswered, related = text.index("## Unanswered questions"), text.index("## Related models")
        assert unanswered < text.index("ESTIMATE") < related
    else:
        assert "ESTIMATE" not in text


def test_estimate_reads_no_related_attribute_beyond_estimate_inputs(monkeypatch):
    # The dossier fetches only ESTIMATE_INPUTS of related models: an attribute the estimate
    # starts borrowing must be added there, or dossiers would silently lose it.
    inputs = pytest.importorskip("autodossier.estimate.inputs")
    from autodossier.estimate import estimate_model
    from autodossier.report.dossier import ESTIMATE_INPUTS

    asked = set()
    original = inputs.InputSource.records

    def spy(self, attribute):
        asked.add(attribute)
        return original(self, attribute)

    monkeypatch.setattr(inputs.InputSource, "records", spy)
    own = [{"subject": "Meridian GT", "attribute": "power_hp", "value": 400, "status": "confirmed"}]
    # A related torque figure makes the estimate go on to ask for displacement as well.
    related = {"Meridian Z": [{"subject": "Meridian Z", "attribute": "torque_lbft", "value": 350,
                               "status": "confirmed"}]}
    estimate_model(own, related=related)
    assert "displacement_l" in asked
    assert asked <= set(ESTIMATE_INPUTS)


class _CountingKB:
    """A knowledge base that counts claim queries."""

    def __init__(self, kb):
        self.kb, self.queries = kb, []

    def claims(self, **filters):
        self.queries.append(filters)
        return self.kb.claims(**filters)


def test_related_records_are_read_only_when_looked_up(kb):
    from autodossier.report.dossier import LazyRelatedRecords

    counting = _CountingKB(kb)
    lazy = LazyRelatedRecords(counting, build_dossier(kb, "Meridian GT").related, None)
    assert list(lazy) == ["Meridian Coupe", "Meridian Z"] and not counting.queries
    assert lazy["Meridian Coupe"] == []  # it has claims, but none the estimate reads
    assert lazy["Meridian Coupe"] == [] and len(counting.queries) == 1  # read once
    with pytest.raises(KeyError):
        lazy["Nissan Z"]


def test_dossier_estimate_equals_one_from_all_related_records(kb):
    estimate = pytest.importorskip("autodossier.estimate")
    from autodossier.report.dossier import related_records

    d = build_dossier(kb, "Meridian GT")
    related = related_records(kb, d.related, None)
    expected = estimate.estimate_model(kb.claims(subject="Meridian GT"), related=related or None)
    assert d.estimates == expected.to_dict()
