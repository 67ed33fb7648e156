"""Lineup and sales charts on the example corpus: labels, bars and panels a reader can trust."""
from __future__ import annotations

from pathlib import Path

import pytest

import autodossier
from autodossier.claims import Claim
from autodossier.ingest.document import Document
from autodossier.report.charts import sales_data, sales_figure, timeline_data
from autodossier.store import KnowledgeBase

EXAMPLES = Path(__file__).resolve().parent.parent / "examples" / "articles"
# How far (pixels at 100 dpi) a period label's centre may sit from its tick.
LABEL_SLACK_PX = 3


@pytest.fixture(scope="module")
def kb(tmp_path_factory):
    db = tmp_path_factory.mktemp("charts") / "kb.db"
    with autodossier.open(str(db)) as ad:
        ad.ingest([str(EXAMPLES)])
    store = KnowledgeBase(f"sqlite:///{db}")
    yield store
    store.close()


def _claim(doc: str, subject: str, attribute: str, value, status: str = "confirmed", **extra) -> Claim:
    return Claim(doc=doc, subject=subject, attribute=attribute, value=value, status=status,
                 evidence=f"{subject} {attribute} {value}.", **extra)


@pytest.fixture(scope="module")
def lineup(tmp_path_factory):
    """A lineup with the cases of the example corpus, whatever the extractor makes of it."""
    store = KnowledgeBase(f"sqlite:///{tmp_path_factory.mktemp('lineup') / 'kb.db'}")
    claims = [
        _claim("d1", "Infiniti QX60", "lifecycle", "concept", variant="Co-Creation Concept Edition"),
        _claim("d1", "Infiniti QX60", "on_sale", "2022-H2", "expected"),
        _claim("d1", "Infiniti QX55", "on_sale", "2022-03"),
        _claim("d1", "Infiniti Q60", "production_start", "2016"),
        _claim("d1", "Infiniti Q60", "production_end", "2022"),
        _claim("d1", "Nissan Z", "production_start", "2022"),
        _claim("d1", "Nissan Z", "lifecycle", "in-production"),
    ]
    store.ingest(Document(doc="d1", text=" ".join(c.evidence for c in claims), date="2022-11-07"), claims)
    yield {r["subject"]: r for r in timeline_data(store)}
    store.close()


def test_one_concept_edition_does_not_label_the_model_a_concept(lineup):
    assert "concept" not in (lineup["Infiniti QX60"]["lifecycle"] or "")


def test_a_lone_launch_date_is_a_marker_not_a_production_bar(lineup):
    qx55 = lineup["Infiniti QX55"]
    assert qx55["events"] and qx55["span"] is None
    q60 = lineup["Infiniti Q60"]  # produced from 2016 to 2022: a real span
    assert q60["span"] and q60["span"]["start"] < 2017 and q60["span"]["end"] > 2022
    z = lineup["Nissan Z"]  # in production since 2022: a bar open to the right
    assert z["span"] and z["span"]["end"] is None and z["span"]["open_end"]


def test_example_lineup_bars_have_both_ends_or_run_on(kb):
    for row in timeline_data(kb):
        if row["span"]:
            assert row["span"]["end"] is not None or row["span"]["open_end"], row["subject"]


def test_sales_rows_keep_figures_without_a_period_and_flag_brands(kb):
    rows = sales_data(kb)
    units = {r["units"] for r in rows}
    assert 1916 in units  # "Between January and October, the brand managed to sell only 1,916"
    assert all(r["brand"] == (" " not in r["subject"]) for r in rows)
    assert any(r["period"] is None for r in rows)


def test_brand_totals_and_model_figures_are_separate_panels(kb):
    fig = sales_figure(sales_data(kb))
    titles = [ax.get_title() for ax in fig.axes]
    assert any("brand totals" in t for t in titles) and any("models" in t for t in titles)
    for ax in fig.axes:
        legend = [t.get_text() for t in ax.get_legend().get_texts()]
        assert all("(" in t for t in legend if t != "not confirmed")  # every series names its region


def test_period_labels_are_centred_under_their_bars():
    rows = [{"subject": "Make Model", "period": p, "region": "US", "units": 1000 + i, "status": "confirmed",
             "disputed": False, "brand": False} for i, p in enumerate(["2020", "2021-H1", "2024-01/2024-10"])]
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    fig = sales_figure(rows)
    canvas = FigureCanvasAgg(fig)
    canvas.draw()
    renderer = canvas.get_renderer()
    [ax] = fig.axes
    for tick, label in zip(ax.get_xticks(), ax.get_xticklabels()):
        x_tick = ax.transData.transform((tick, 0))[0]
        box = label.get_window_extent(renderer)
        assert abs((box.x0 + box.x1) / 2 - x_tick) <= LABEL_SLACK_PX, label.get_text()
        assert label.get_rotation() == 0
