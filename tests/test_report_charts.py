"""Lineup and sales charts on the example corpus: labels, bars and panels a reader can trust."""
from __future__ import annotations

from pathlib import Path

import pytest

import autodossier
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


def test_one_concept_edition_does_not_label_the_model_a_concept(kb):
    rows = {r["subject"]: r for r in timeline_data(kb)}
    qx60 = rows["Infiniti QX60"]
    assert "concept" not in (qx60["lifecycle"] or "")


def test_a_lone_launch_date_is_a_marker_not_a_production_bar(kb):
    rows = {r["subject"]: r for r in timeline_data(kb)}
    qx55 = rows["Infiniti QX55"]
    assert qx55["events"] and qx55["span"] is None
    q60 = rows["Infiniti Q60"]  # produced from 2016 to 2022: a real span
    assert q60["span"] and q60["span"]["start"] < 2017 and q60["span"]["end"] > 2022


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
