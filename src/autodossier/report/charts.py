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
from autodossier.fuse.values import as_number, date_to_year

CHART_FORMATS = ("png", "svg")
# Inches per model row and the figure's fixed parts: readable labels at 100 dpi.
ROW_HEIGHT_IN = 0.45
BASE_HEIGHT_IN = 1.6
FIGURE_WIDTH_IN = 10.0
# Fading for what is not confirmed: visible, but plainly weaker than fact.
UNCERTAIN_ALPHA = 0.45
# Width of the bar for a model whose production start is known but nothing after it.
LAUNCH_STUB_YEARS = 0.25
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
    for subject, groups in sorted(_by_subject(records, as_of).items()):
        events = []
        for attribute in EVENT_ATTRIBUTES:
            pos = _best(groups, attribute)
            year = date_to_year(pos.value) if pos else None
            if year is not None:
                events.append({"kind": attribute, "date": str(pos.value), "year": year, "status": pos.status,
                               "certain": pos.status == "confirmed", "citations": [citation(r) for r in pos.records]})
        lifecycle = _best(groups, "lifecycle")
        if not events:
            continue
        kinds = {e["kind"]: e for e in events}
        start = kinds.get("production_start") or kinds.get("on_sale")
        end = kinds.get("production_end")
        if start and end and start["year"] > date_to_year(end["date"], end=True):
            start = None  # a launch after the last production is the next generation's: a point, not a span
        span = None
        if start:
            running = lifecycle is not None and lifecycle.value == "in-production"
            span = {
                "start": start["year"],
                "end": date_to_year(end["date"], end=True) if end else None,
                "open_end": end is None and running,
                "certain": all(e["certain"] for e in (start, end) if e),
            }
        rows.append({"subject": subject, "lifecycle": lifecycle.display if lifecycle else None,
                     "lifecycle_status": lifecycle.status if lifecycle else None,
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
            if units is None or not pos.holds or not group.period:
                continue  # a figure without a period cannot be placed on the chart
            rows.append({"subject": subject, "period": group.period, "region": group.region,
                         "variant": group.variant, "units": units, "qualifier": pos.qualifier,
                         "status": pos.status, "belief": pos.belief, "disputed": group.has_conflict,
                         "citations": [citation(r) for r in pos.records]})
    rows.sort(key=lambda r: (r["period"], r["subject"], r["region"] or ""))
    return rows


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
            end = span["end"] if span["end"] is not None else (right if span["open_end"] else start + LAUNCH_STUB_YEARS)
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


def render_sales(data: list[dict], path_or_format: str | Path = "svg",
                 title: str = "Unit sales") -> str | bytes | Path:
    """Bars of units per period and model; figures not confirmed are hatched and faded."""
    fig = Figure(figsize=(FIGURE_WIDTH_IN, 5.0))
    if not data:
        _empty(fig, "no sales figures")
        return _output(fig, path_or_format)
    ax = fig.add_subplot()
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
    ax.set_xticks(range(len(periods)), periods, rotation=30, ha="right")
    ax.set_ylabel("units")
    ax.set_title(title)
    ax.legend(handles=[Patch(color=c, label=f"{s} {reg}".strip()) for c, (s, reg) in zip(colors, series)]
              + [Patch(facecolor="grey", alpha=UNCERTAIN_ALPHA, hatch="//", label="not confirmed")],
              fontsize="small")
    return _output(fig, path_or_format)
