"""Charts: a lineup timeline and sales over periods, as PNG or SVG (matplotlib).

- ``timeline_data(kb, make=None, as_of=None) -> list[dict]``: per model, its production span
  and dated events (reveal, on sale, production start/end) with their certainty.
- ``render_timeline(data, path_or_format)``: ``"svg"`` returns an SVG string (for the web),
  ``"png"`` returns PNG bytes, a path ending in .png/.svg writes the file and returns the path.
  Facts are drawn solid; anything not confirmed is hatched, dashed or faded.
- ``sales_data(kb, make=None, as_of=None) -> list[dict]``: believed unit sales per model,
  period and region, with citations. ``render_sales(data, path_or_format)`` as above.

The figures are built with ``matplotlib.figure.Figure`` (no pyplot global state), so the web
app can render them from several threads.
"""
from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from autodossier.errors import AutodossierError
from autodossier.fuse import FusedGroup, citation, fuse
from autodossier.fuse.groups import as_of_limit
from autodossier.fuse.lifecycle import current_stage, lifecycle_story, lineup_status
from autodossier.fuse.values import as_number, date_to_year

CHART_FORMATS = ("png", "svg")
# Inches per model row and the figure's fixed parts: readable labels at 100 dpi.
ROW_HEIGHT_IN = 0.45
BASE_HEIGHT_IN = 1.6
FIGURE_WIDTH_IN = 10.0
# Fading for what is not confirmed: visible, but plainly weaker than fact.
UNCERTAIN_ALPHA = 0.45
EVENT_ATTRIBUTES = ("reveal", "on_sale", "production_start", "production_end")
EVENT_MARKERS = {"reveal": "*", "on_sale": "o", "production_start": ">", "production_end": "s"}


def _best(groups: list[FusedGroup], attribute: str) -> Any:
    """The most believed positive position of an attribute over the model's scopes."""
    cands = [(bool(g.variant or g.generation), -p.belief, i, p)
             for i, g in enumerate(groups) if g.attribute == attribute for p in g.active if p.holds]
    # The line itself (no variant or generation) first: a concept's reveal is not the car's.
    cands.sort(key=lambda c: c[:3])
    return cands[0][3] if cands else None


def _by_subject(records: list[dict], as_of: str | None) -> dict[str, list[FusedGroup]]:
    out: dict[str, list[FusedGroup]] = {}
    for group in fuse(records, as_of=as_of):
        out.setdefault(group.subject, []).append(group)
    return out


def timeline_data(kb: Any, make: str | None = None, as_of: str | None = None) -> list[dict]:
    """Per model with any dated fact: production span, events and lifecycle, with certainty."""
    as_of = as_of_limit(as_of)
    records = kb.claims(make=make, attribute=list(EVENT_ATTRIBUTES) + ["lifecycle"], as_of=as_of)
    rows = []
    by_subject: dict[str, list[dict]] = {}
    for rec in records:
        by_subject.setdefault(rec["subject"], []).append(rec)
    for subject, groups in sorted(_by_subject(records, as_of).items()):
        events = []
        for attribute in EVENT_ATTRIBUTES:
            pos = _best(groups, attribute)
            year = date_to_year(pos.value) if pos else None
            if year is not None:
                events.append({"kind": attribute, "date": str(pos.value), "year": year, "status": pos.status,
                               "certain": pos.status == "confirmed", "citations": [citation(r) for r in pos.records]})
        # The line's stage now, from its lifecycle story: a concept edition or a trim's state
        # is not the line's ("QX60 (concept)" for one show car would mislabel the model).
        story = lifecycle_story(by_subject.get(subject, []))
        stage = lineup_status(story) or current_stage(story)
        if not events:
            continue
        kinds = {e["kind"]: e for e in events}
        start = kinds.get("production_start") or kinds.get("on_sale")
        end = kinds.get("production_end")
        if start and end and start["year"] > date_to_year(end["date"], end=True):
            start = None  # a launch after the last production is the next generation's: a point, not a span
        span = None
        stages = {e["stage"] for e in story}
        running = "in production" in stages and "discontinued" not in stages and end is None
        # A bar needs both ends, or a line known to be still running: a lone launch date is a
        # point (a marker), never a production run of made-up length.
        if start and (end or running):
            span = {
                "start": start["year"],
                "end": date_to_year(end["date"], end=True) if end else None,
                "open_end": end is None and running,
                "certain": all(e["certain"] for e in (start, end) if e),
            }
        rows.append({"subject": subject, "lifecycle": stage["label"] if stage else None,
                     "lifecycle_status": stage["status"] if stage else None,
                     "span": span, "events": events})
    return rows


def sales_data(kb: Any, make: str | None = None, as_of: str | None = None) -> list[dict]:
    """Believed unit sales per (model, period, region), disputed figures flagged, with citations."""
    as_of = as_of_limit(as_of)
    rows = []
    for subject, groups in sorted(_by_subject(kb.claims(make=make, attribute="sales_units", as_of=as_of), as_of).items()):
        for group in groups:
            pos = group.best
            units = as_number(pos.value) if pos else None
            if units is None or not pos.holds:
                continue
            # A figure without a period is listed (period None) but cannot be placed on the chart.
            rows.append({"subject": subject, "period": group.period, "region": group.region,
                         "brand": is_brand(subject),
                         "variant": group.variant, "units": units, "qualifier": pos.qualifier,
                         "status": pos.status, "belief": pos.belief, "disputed": group.has_conflict,
                         "citations": [citation(r) for r in pos.records]})
    rows.sort(key=lambda r: (r["period"] is None, r["period"] or "", r["subject"], r["region"] or ""))
    return rows


def is_brand(subject: str) -> bool:
    """Whether a subject is a make's own total ("Infiniti"), not a model ("Infiniti Q50")."""
    return " " not in subject.strip()


def _output(fig: Figure, path_or_format: str | Path) -> str | bytes | Path:
    target = str(path_or_format)
    fmt = target.lower() if target.lower() in CHART_FORMATS else Path(target).suffix.lower().lstrip(".")
    if fmt not in CHART_FORMATS:
        raise AutodossierError(f"cannot write a chart to {target!r}: use a .png or .svg file name")
    buf = io.BytesIO()
    fig.savefig(buf, format=fmt, bbox_inches="tight", dpi=100)
    data = buf.getvalue()
    if target.lower() in CHART_FORMATS:
        return data.decode("utf-8") if fmt == "svg" else data
    path = Path(target)
    try:
        path.write_bytes(data)
    except OSError as exc:
        raise AutodossierError(f"cannot write {target}: {exc.strerror or exc}") from None
    return path


def _empty(fig: Figure, message: str) -> None:
    ax = fig.add_subplot()
    ax.axis("off")
    ax.text(0.5, 0.5, message, ha="center", va="center")


def render_timeline(data: list[dict], path_or_format: str | Path = "svg",
                    title: str = "Model lineup") -> str | bytes | Path:
    """Draw the lineup: solid bars for confirmed production, hatched/faded for anything less."""
    fig = Figure(figsize=(FIGURE_WIDTH_IN, BASE_HEIGHT_IN + ROW_HEIGHT_IN * max(len(data), 1)))
    if not data:
        _empty(fig, "no dated facts to draw")
        return _output(fig, path_or_format)
    ax = fig.add_subplot()
    years = [e["year"] for row in data for e in row["events"]]
    right = max(years) + 1
    for y, row in enumerate(data):
        span = row["span"]
        if span:
            start = span["start"]
            # Unknown end: running models reach the right edge; others get a stub at the launch.
            end = span["end"] if span["end"] is not None else right  # still running: to the right edge
            sure = span["certain"]
            ax.barh(y, end - start, left=start, height=0.5, color="tab:blue",
                    alpha=1.0 if sure else UNCERTAIN_ALPHA, hatch=None if sure else "//",
                    edgecolor="tab:blue", linestyle="-" if sure else "--")
        for e in row["events"]:
            ax.plot(e["year"], y, marker=EVENT_MARKERS[e["kind"]], markersize=9, linestyle="none",
                    color="black", markerfacecolor="black" if e["certain"] else "white",
                    alpha=1.0 if e["certain"] else 0.8)
    ax.set_yticks(range(len(data)), [r["subject"] + (f" ({r['lifecycle']})" if r["lifecycle"] else "") for r in data])
    ax.invert_yaxis()
    ax.set_xlim(min(years) - 0.5, right)
    ax.set_xlabel("year")
    ax.set_title(title)
    ax.grid(axis="x", alpha=0.3)
    handles = [Patch(color="tab:blue", label="production (confirmed)"),
               Patch(facecolor="tab:blue", alpha=UNCERTAIN_ALPHA, hatch="//", label="production (expected / reported)")]
    handles += [Line2D([], [], marker=m, linestyle="none", color="black", label=k.replace("_", " "))
                for k, m in EVENT_MARKERS.items()]
    handles.append(Line2D([], [], marker="o", linestyle="none", color="black", markerfacecolor="white",
                          label="hollow: not confirmed"))
    ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize="small")
    return _output(fig, path_or_format)


# Label of a figure whose region the source does not state.
NO_REGION = "region not stated"


def _period_label(period: str) -> str:
    """A period as a tick label: a range on two lines, so labels stay level and short."""
    return period.replace("/", "/\n")


def _sales_axis(ax: Any, data: list[dict], title: str) -> None:
    """One panel: bars per period, one series per (subject, region); unsure ones hatched."""
    periods = sorted({r["period"] for r in data})
    series = sorted({(r["subject"], r["region"] or "") for r in data})
    width = 0.8 / len(series)
    colors = [f"C{i % 10}" for i in range(len(series))]
    for k, (subject, region) in enumerate(series):
        for r in data:
            if (r["subject"], r["region"] or "") != (subject, region):
                continue
            x = periods.index(r["period"]) - 0.4 + width * (k + 0.5)
            sure = r["status"] == "confirmed" and not r["disputed"]
            ax.bar(x, r["units"], width=width, color=colors[k], alpha=1.0 if sure else UNCERTAIN_ALPHA,
                   hatch=None if sure else "//", edgecolor=colors[k])
    # Level labels centred under their period's group of bars (rotated ones drift sideways).
    ax.set_xticks(range(len(periods)), [_period_label(p) for p in periods], ha="center")
    ax.set_xlim(-0.6, len(periods) - 0.4)
    ax.set_ylabel("units")
    ax.set_title(title)
    ax.legend(handles=[Patch(color=c, label=f"{s} ({reg or NO_REGION})") for c, (s, reg) in zip(colors, series)]
              + [Patch(facecolor="grey", alpha=UNCERTAIN_ALPHA, hatch="//", label="not confirmed")],
              fontsize="small")


def sales_figure(data: list[dict], title: str = "Unit sales") -> Figure:
    """The sales chart: brand totals and model figures in separate panels (their scales differ
    by orders of magnitude, and a brand total is not one more model)."""
    placed = [r for r in data if r.get("period")]
    panels = [(f"{title}: brand totals", [r for r in placed if r.get("brand", is_brand(r["subject"]))]),
              (f"{title}: models", [r for r in placed if not r.get("brand", is_brand(r["subject"]))])]
    panels = [(t, rows) for t, rows in panels if rows]
    fig = Figure(figsize=(FIGURE_WIDTH_IN, 4.5 * max(len(panels), 1)))
    if not panels:
        _empty(fig, "no sales figures with a period to place")
        return fig
    for i, (panel_title, rows) in enumerate(panels, start=1):
        _sales_axis(fig.add_subplot(len(panels), 1, i), rows, panel_title)
    fig.tight_layout()
    return fig


def render_sales(data: list[dict], path_or_format: str | Path = "svg",
                 title: str = "Unit sales") -> str | bytes | Path:
    """Bars of units per period and model (brand totals apart); figures not confirmed are
    hatched and faded; figures without a period are left to the table."""
    return _output(sales_figure(data, title), path_or_format)
