"""``autodossier sources``: each outlet's and named source's track record."""
from __future__ import annotations

import json
import sys

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from autodossier.cli.app import app, open_existing_kb

_out = Console(highlight=False, soft_wrap=True)

DB_HELP = "Knowledge base: SQLite file or postgresql:// URL (default: $AUTODOSSIER_DB, else autodossier.db)."


def _pct(value: float | None) -> str:
    return "-" if value is None else f"{value * 100:.0f}%"


@app.command()
def sources(
    kind: str = typer.Option(None, "--kind", help="Only outlets (outlet) or attributed sources (source)."),
    family: str = typer.Option(None, "--family", help="Figures for one attribute family: specs, dates, lifecycle, sales, other."),
    sort: str = typer.Option("resolved", "--sort", help="Order: resolved, hit_rate, claims, name, lead."),
    min_resolved: int = typer.Option(0, "--min-resolved", min=0, help="Only sources with at least this many resolved claims."),
    as_of: str = typer.Option(None, "--as-of", help="Judge with only what had been published by this date."),
    as_json: bool = typer.Option(False, "--json", help="Print the records as JSON."),
    db: str = typer.Option(None, "--db", help=DB_HELP),
) -> None:
    """Show each outlet's and attributed source's track record: how many of its uncertain claims
    (reported, expected, rumored, speculative) later confirmations bore out or contradicted, the
    hit rate with its 95% interval, and the median days it was ahead of the confirmation."""
    from autodossier.report.trackrecord import rows, source_track_record

    with open_existing_kb(db) as kb:
        record = source_track_record(kb, as_of)
    table_rows = rows(record, kind=kind, family=family, sort=sort, min_resolved=min_resolved)
    if as_json:
        sys.stdout.write(json.dumps({"as_of": record.as_of, "family": family, "sources": table_rows},
                                    indent=2, ensure_ascii=False) + "\n")
        return
    title = "Track record" + (f" ({family})" if family else "") + (f" as of {record.as_of}" if record.as_of else "")
    table = Table(title=title, caption="lead: median days from a borne-out claim to its confirmation")
    table.add_column("source", max_width=28)
    for name in ("kind", "claims", "borne", "contra", "open", "hit", "95% CI", "lead"):
        table.add_column(name, justify="left" if name == "kind" else "right", no_wrap=True)
    for r in table_rows:
        ci = "-" if r["ci_low"] is None else f"{_pct(r['ci_low'])}-{_pct(r['ci_high'])}".replace("%-", "-")
        lead = "-" if r["median_lead_days"] is None else f"{r['median_lead_days']:g}"
        table.add_row(escape(r["name"]), r["kind"], str(r["claims"]), str(r["borne_out"]),
                      str(r["contradicted"]), str(r["open"]), _pct(r["hit_rate"]), ci, lead)
    _out.print(table)
    _out.print(f"{record.claims_judged} uncertain claims judged against later confirmations")
