"""Read commands: ``dossier``, ``models``, ``claims``, ``changes``, ``timeline``, ``sales``.

Thin: each opens the knowledge base, calls the library (``autodossier.report``,
``autodossier.fuse``) and prints.
"""
from __future__ import annotations

import csv
import json
import shutil
import sys
from enum import Enum
from pathlib import Path

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from autodossier.cli.app import ClaimFormat, app, check_date, open_existing_kb
from autodossier.errors import AutodossierError

_out = Console(highlight=False, soft_wrap=True)
_err = Console(stderr=True, highlight=False, soft_wrap=True)

DB_HELP = "Knowledge base: SQLite file or postgresql:// URL (default: $AUTODOSSIER_DB, else autodossier.db)."
AS_OF_HELP = "Answer with only what had been published by this date (YYYY-MM-DD, YYYY-MM or YYYY)."
MAKE_HELP = "Only models of this make (e.g. Infiniti)."
# Claim columns shown by `claims --format table`/csv, in reading order.
# A terminal wider than this still gets dossier lines this long: longer lines read badly.
MAX_TEXT_WIDTH = 100
# Where `timeline` draws when no --out is given.
DEFAULT_TIMELINE_OUT = Path("lineup.svg")
CLAIM_COLUMNS = ("doc_date", "subject", "variant", "attribute", "qualifier", "value", "unit", "negated",
                 "status", "outlet", "source", "doc", "evidence")


class DossierFormat(str, Enum):
    md = "md"
    json = "json"
    html = "html"




@app.command()
def dossier(
    name: str = typer.Argument(..., help="The model, as 'Make Model' or any alias (e.g. 'Infiniti Q50', 'Q50S')."),
    fmt: DossierFormat = typer.Option(DossierFormat.md, "--format", "-f", help="Output format: md, json or html."),
    as_of: str = typer.Option(None, "--as-of", help=AS_OF_HELP),
    db: str = typer.Option(None, "--db", help=DB_HELP),
) -> None:
    """Print a model's dossier: lifecycle; known, expected and rumored facts; conflicts side by
    side; unanswered questions (with labelled estimates); related models; timeline; sources.
    Every line cites its sentence, document, outlet and date."""
    from autodossier.report.dossier import build_dossier
    from autodossier.report.render import render_dossier

    from autodossier.report.render import DEFAULT_WIDTH, wrap_markdown

    as_of = check_date("--as-of", as_of)
    with open_existing_kb(db) as kb:
        text = render_dossier(build_dossier(kb, name, as_of=as_of), fmt.value)
    if fmt is DossierFormat.md:
        # Wrapped to the terminal (at most MAX_TEXT_WIDTH), or to 80 columns when piped.
        width = min(shutil.get_terminal_size().columns, MAX_TEXT_WIDTH) if sys.stdout.isatty() else DEFAULT_WIDTH
        text = wrap_markdown(text, max(width, 40))
    sys.stdout.write(text)


@app.command()
def models(
    make: str = typer.Option(None, "--make", help=MAKE_HELP),
    db: str = typer.Option(None, "--db", help=DB_HELP),
) -> None:
    """List the models the knowledge base knows, with claim and document counts and when they
    were first and last reported."""
    with open_existing_kb(db) as kb:
        rows = kb.models(make=make)
    if not rows:
        raise AutodossierError("no models" + (f" of make {make!r}" if make else "") + " in the knowledge base")
    table = Table("model", "make", "claims", "documents", "first seen", "last seen")
    for r in rows:
        table.add_row(*map(escape, (r["subject"], r.get("make") or "", str(r["claims"]), str(r["documents"]),
                                    r.get("first_seen") or "-", r.get("last_seen") or "-")))
    _out.print(table)


# Below this terminal width the claims table folds its twelve columns into six readable ones.
WIDE_CLAIMS_TABLE = 160


def _value_cell(r: dict) -> str:
    """A claim's value as one phrase: "NOT ", the qualifier, the value and its unit ("> 450 hp")."""
    qualifier = r.get("qualifier")
    parts = ["NOT" if r.get("negated") else "", "" if qualifier in (None, "=") else str(qualifier),
             str(r.get("value", "")), str(r.get("unit") or "")]
    return " ".join(p for p in parts if p)


def claims_table(rows: list[dict], width: int) -> Table:
    """The claims as a table: every column on a wide terminal, six folded ones on a narrow one."""
    if width >= WIDE_CLAIMS_TABLE:
        table = Table(*CLAIM_COLUMNS[:-1])
        for r in rows:
            table.add_row(*("" if r.get(c) in (None, False, "=") else escape(str(r.get(c))) for c in CLAIM_COLUMNS[:-1]))
        return table
    table = Table("date", "subject", "attribute")
    table.add_column("value", no_wrap=True)  # short phrases; a wrapped "> 450 hp" misreads
    table.add_column("status", no_wrap=True)
    table.add_column("source")
    for r in rows:
        subject = r.get("subject", "") + (f" ({r['variant']})" if r.get("variant") else "")
        source = " / ".join(str(r[k]) for k in ("outlet", "source") if r.get(k)) or str(r.get("doc", ""))
        table.add_row(*(escape(str(v)) for v in (r.get("doc_date") or "-", subject, r.get("attribute", ""),
                                                 _value_cell(r), r.get("status", ""), source)))
    return table


@app.command()
def claims(
    subject: str = typer.Option(None, "--subject", help="Only claims about this model (name or alias)."),
    attribute: str = typer.Option(None, "--attribute", help="Only this attribute (e.g. power_hp, on_sale)."),
    status: str = typer.Option(None, "--status", help="Only this status (confirmed, reported, expected, rumored, speculative, denied)."),
    source: str = typer.Option(None, "--source", help="Only claims attributed to, or published by, this source/outlet."),
    make: str = typer.Option(None, "--make", help=MAKE_HELP),
    since: str = typer.Option(None, "--since", help="Only claims published on or after this date."),
    until: str = typer.Option(None, "--until", help="Only claims published on or before this date."),
    as_of: str = typer.Option(None, "--as-of", help=AS_OF_HELP),
    limit: int = typer.Option(None, "--limit", min=1, help="At most this many claims."),
    fmt: ClaimFormat = typer.Option(ClaimFormat.table, "--format", "-f", help="table, jsonl (one claim record a line) or csv."),
    db: str = typer.Option(None, "--db", help=DB_HELP),
) -> None:
    """List stored claims with their provenance (document, outlet, date, evidence), filtered."""
    from autodossier.claims import ATTRIBUTES, STATUSES

    if attribute and attribute not in ATTRIBUTES:
        raise AutodossierError(f"unknown attribute {attribute!r}; one of: {', '.join(ATTRIBUTES)}")
    if status and status not in STATUSES:
        raise AutodossierError(f"unknown status {status!r}; one of: {', '.join(STATUSES)}")
    since, until, as_of = check_date("--since", since), check_date("--until", until), check_date("--as-of", as_of)
    with open_existing_kb(db) as kb:
        if subject:
            subject = kb.resolve_model(subject)
        rows = kb.claims(subject=subject, attribute=attribute, status=status, source=source, make=make,
                         since=since, until=until, as_of=as_of, limit=limit)
    if fmt is ClaimFormat.jsonl:
        for r in rows:
            sys.stdout.write(json.dumps(r, ensure_ascii=False, default=str) + "\n")
    elif fmt is ClaimFormat.csv:
        writer = csv.DictWriter(sys.stdout, fieldnames=CLAIM_COLUMNS, extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)
    else:
        _out.print(claims_table(rows, _out.width))
        _err.print(f"{len(rows)} claims")


@app.command()
def changes(
    ctx: typer.Context,
    since: str = typer.Option(None, "--since", help="Cut-off date (YYYY-MM-DD): what is new after it."),
    as_of: str = typer.Option(None, "--as-of", help=AS_OF_HELP),
    as_json: bool = typer.Option(False, "--json", help="Print the changes as one JSON object."),
    watchlist: bool = typer.Option(False, "--watchlist", help="Changes to watched models (autodossier watch), "
                                   "each with evidence and source: since --since, else since the last look."),
    db: str = typer.Option(None, "--db", help=DB_HELP),
) -> None:
    """Show what is new or changed since a date: claims first published after it, and values
    whose belief differs from the belief held on that date."""
    from autodossier.fuse import changes_since

    since, as_of = check_date("--since", since), check_date("--as-of", as_of)
    if watchlist:
        from autodossier.cli.watch import print_watch_changes

        return print_watch_changes(db, since, as_json)
    if since is None:
        from typer._click import exceptions as click_errors  # the click typer vendors; main() formats it

        raise click_errors.UsageError("Missing option '--since' (or give --watchlist for changes to watched "
                                      "models).", ctx=ctx)

    with open_existing_kb(db) as kb:
        result = changes_since(kb.claims(as_of=as_of), since, as_of=as_of)
    if as_json:
        sys.stdout.write(json.dumps(result.to_dict(), indent=2, ensure_ascii=False, default=str) + "\n")
        return
    table = Table("model", "attribute", "scope", "before", "now", "status", title=f"Changed beliefs since {result.since}")
    for c in result.changed:
        table.add_row(*map(escape, (c.subject, c.attribute, c.scope or "", str(c.before or "(unknown)"),
                                    str(c.after or "(no longer held)"), c.status or "-")))
    _out.print(table)
    _out.print(f"{len(result.new_claims)} claims first published after {result.since}")


def _chart_target(out: Path) -> Path:
    if out.suffix.lower() not in (".png", ".svg"):
        raise AutodossierError(f"--out {out}: use a .png or .svg file name")
    return out


@app.command()
def timeline(
    out: Path = typer.Option(DEFAULT_TIMELINE_OUT, "--out", "-o", help="Chart file to write: .png or .svg."),
    make: str = typer.Option(None, "--make", help=MAKE_HELP),
    as_of: str = typer.Option(None, "--as-of", help=AS_OF_HELP),
    db: str = typer.Option(None, "--db", help=DB_HELP),
) -> None:
    """Draw the model lineup over time: production spans, reveals and launches; what is not
    confirmed is hatched, faded or hollow."""
    from autodossier.report.charts import render_timeline, timeline_data

    _chart_target(out)
    as_of = check_date("--as-of", as_of)
    with open_existing_kb(db) as kb:
        data = timeline_data(kb, make=make, as_of=as_of)
    if not data:
        raise AutodossierError("no dated facts (reveal, on sale, production) to draw" + (f" for make {make!r}" if make else ""))
    render_timeline(data, out, title=f"{make or 'Model'} lineup" + (f" as of {as_of}" if as_of else ""))
    _err.print(f"wrote {escape(str(out))} ({len(data)} models)")


@app.command()
def sales(
    out: Path = typer.Option(None, "--out", "-o", help="Also draw a chart into this file (.png or .svg)."),
    make: str = typer.Option(None, "--make", help=MAKE_HELP),
    as_of: str = typer.Option(None, "--as-of", help=AS_OF_HELP),
    db: str = typer.Option(None, "--db", help=DB_HELP),
) -> None:
    """Print unit sales per model and period (with status and source), and optionally chart them."""
    from autodossier.report.charts import render_sales, sales_data

    if out is not None:
        _chart_target(out)
    with open_existing_kb(db) as kb:
        data = sales_data(kb, make=make, as_of=as_of)
    if not data:
        raise AutodossierError("no sales figures" + (f" for make {make!r}" if make else ""))
    table = Table("period", "model", "region", "units", "status", "source")
    for r in data:
        cite = r["citations"][0]
        table.add_row(*map(escape, (
            str(r["period"] or "not stated"), r["subject"], r["region"] or "not stated",
            f"{r['qualifier'] if r['qualifier'] != '=' else ''}{r['units']:,.0f}",
            r["status"] + (" (disputed)" if r["disputed"] else ""),
            f"{cite.get('outlet') or cite.get('doc')} {cite.get('date') or ''}".strip())))
    _out.print(table)
    if out is not None:
        render_sales(data, out, title=f"{make or 'Model'} unit sales")
        _err.print(f"wrote {escape(str(out))}")
