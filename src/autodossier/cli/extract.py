"""``autodossier extract``: print the claims articles make."""
from __future__ import annotations

import csv
import json
import sys
from typing import Optional

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from autodossier.claims import FIELD_ORDER
from autodossier.cli.app import ClaimFormat, app
from autodossier.errors import AutodossierError, InputError
from autodossier.settings import Settings


@app.command()
def extract(
    paths: list[str] = typer.Argument(..., help="Files, folders (recursive), globs, or - for standard input."),
    fmt: Optional[ClaimFormat] = typer.Option(
        None, "--format", "-f",
        help="jsonl (the claim contract), table or csv. Default: a table on a terminal, jsonl when piped."),
    as_of: Optional[str] = typer.Option(None, "--as-of", help="Publication date (YYYY-MM-DD) for documents that have none."),
) -> None:
    """Extract claims from articles and print them.

    Reads .txt/.md (with optional title:/date:/outlet:/url: header lines), .html pages and
    RSS/Atom feeds. A file that cannot be read is reported on stderr and skipped; the exit
    status is 1 if any input failed.
    """
    from autodossier.extract import extract as run_extract
    from autodossier.ingest import read_paths
    from autodossier.ingest.dates import normalize_date

    if as_of is not None and normalize_date(as_of) is None:
        raise AutodossierError(f"--as-of: not a date: {as_of!r} (use YYYY-MM-DD)")
    if fmt is None:  # a person reads a table; a pipe or file gets the contract's JSON Lines
        fmt = ClaimFormat.table if sys.stdout.isatty() else ClaimFormat.jsonl
    settings = Settings.from_env(as_of=normalize_date(as_of) if as_of else None)
    err = Console(stderr=True, highlight=False, soft_wrap=True)
    failed = 0
    rows = []
    writer = csv.DictWriter(sys.stdout, fieldnames=list(FIELD_ORDER), extrasaction="ignore") if fmt is ClaimFormat.csv else None
    if writer:
        writer.writeheader()
    for item in read_paths(paths, settings):
        if isinstance(item, InputError):
            failed += 1
            err.print(f"[red]autodossier: skipped[/red] {escape(str(item))}")
            continue
        for claim in run_extract(item):
            data = claim.to_dict()
            if fmt is ClaimFormat.jsonl:
                sys.stdout.write(json.dumps(data, ensure_ascii=False) + "\n")
            elif writer:
                writer.writerow(data)
            else:
                rows.append(data)
    if fmt is ClaimFormat.table:
        _print_table(rows)
    sys.stdout.flush()
    if failed:
        raise typer.Exit(1)


def _print_table(rows: list[dict]) -> None:
    table = Table(title=f"{len(rows)} claims", show_lines=False)
    for name in ("doc", "subject", "attribute", "value", "status", "source", "evidence"):
        table.add_column(name, overflow="fold", max_width=60 if name == "evidence" else None)
    for r in rows:
        value = f"{r.get('qualifier', '')}{r['value']}{' ' + r['unit'] if r.get('unit') else ''}"
        if r.get("negated"):
            value = f"not {value}"
        table.add_row(*map(escape, (r["doc"], r["subject"] + (f" ({r['variant']})" if r.get("variant") else ""),
                                    r["attribute"], value, r["status"], r.get("source") or "", r["evidence"])))
    Console().print(table)
