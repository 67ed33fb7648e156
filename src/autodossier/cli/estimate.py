"""The ``estimate`` command: 0-60 mph, 0-100 km/h and top speed of a model from its claims.

Thin: reads the model's claims (and those of the models it shares a platform or
engine with) from the knowledge base, calls :func:`autodossier.estimate.estimate_model`
and prints the figures, their 80% intervals and every claim and prior used.
"""
from __future__ import annotations

import json
import sys
from enum import Enum

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from autodossier.cli.app import app, open_existing_kb
from autodossier.report.estimates import gather_claims

_out = Console(highlight=False, soft_wrap=True)

LABELS = {"accel_0_60_s": "0-60 mph", "accel_0_100_s": "0-100 km/h",
          "top_speed_mph": "top speed"}
EVIDENCE_CHARS = 90  # evidence longer than this is cut in the table (JSON keeps it whole)


class EstimateFormat(str, Enum):
    table = "table"
    json = "json"





def _print_table(result: dict) -> None:
    subject = result["subject"]
    if not result["available"]:
        _out.print(f"[bold]{escape(subject)}[/bold]: no estimate ({escape(str(result['reason']))}).")
        return
    table = Table(title=f"{escape(subject)}: estimated performance (80% interval)", title_justify="left")
    for col in ("quantity", "estimate", "80% interval"):
        table.add_column(col)
    for key, q in result["quantities"].items():
        table.add_row(LABELS.get(key, key), f"{q['point']:g} {q['unit']}",
                      f"{q['low']:g} - {q['high']:g} {q['unit']}")
    _out.print(table)
    inputs = Table(title="Inputs used", title_justify="left")
    for col in ("attribute", "value", "from", "status", "share", "doc", "evidence / note"):
        inputs.add_column(col, overflow="fold")
    for i in result["inputs"]:
        value = i["value"]
        if isinstance(value, dict):  # a prior's shares
            value = ", ".join(f"{k} {v:.0%}" for k, v in value.items() if v)
        elif i.get("qualifier") not in (None, "="):
            value = f"{i['qualifier']}{value}"
        source = i["source"] if i["source"] != "related" else f"related: {i.get('subject')}"
        text = i.get("evidence") or i.get("note") or ""
        if len(text) > EVIDENCE_CHARS:
            text = text[:EVIDENCE_CHARS - 1] + "…"
        share = f"{i['weight']:.0%}" if i.get("weight") is not None else ""
        inputs.add_row(*map(escape, (i["attribute"], str(value), str(source), i.get("status", ""), share,
                                     i.get("doc", ""), text)))
    _out.print(inputs)
    _out.print(f"[dim]Physics model calibrated on measured cars; {result['draws']} Monte Carlo "
               f"draws, seed {result['seed']}. Estimates, not measurements.[/dim]")


@app.command()
def estimate(
    name: str = typer.Argument(..., help="The model, as 'Make Model' or any alias (e.g. 'Infiniti Q50')."),
    as_of: str = typer.Option(None, "--as-of", help="Use only claims published by this date (YYYY-MM-DD, YYYY-MM or YYYY)."),
    fmt: EstimateFormat = typer.Option(EstimateFormat.table, "--format", "-f", help="table (Rich) or json."),
    seed: int = typer.Option(0, "--seed", help="Monte Carlo seed: the same seed and claims give the same numbers."),
    db: str = typer.Option(None, "--db", help="Knowledge base: SQLite file or postgresql:// URL (default: $AUTODOSSIER_DB, else autodossier.db)."),
) -> None:
    """Estimate a model's 0-60 mph, 0-100 km/h and top speed from its power, weight, drivetrain,
    gearbox and body claims (and those of models sharing its platform or engine), with 80%
    intervals and the claims and priors used. Says so when there is no power claim to go on."""
    from autodossier.estimate import estimate_model

    with open_existing_kb(db) as kb:
        subject = kb.resolve_model(name)
        claims, related = gather_claims(kb, subject, as_of)
    result = estimate_model(claims, related, seed=seed).to_dict()
    result["subject"] = subject
    if fmt is EstimateFormat.json:
        sys.stdout.write(json.dumps(result, indent=2, ensure_ascii=False) + "\n")
    else:
        _print_table(result)
