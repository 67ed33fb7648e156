"""``autodossier watch add|remove|list``: the models and makes to follow, and their changes."""
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

watch_app = typer.Typer(help="Follow models and makes: add, remove, list. "
                             "Then `autodossier changes --watchlist` shows what changed.",
                        no_args_is_help=True)
app.add_typer(watch_app, name="watch")


@watch_app.command("add")
def add(names: list[str] = typer.Argument(..., help="Models ('Infiniti Q50'), aliases ('Q50S') or makes ('Nissan')."),
        db: str = typer.Option(None, "--db", help=DB_HELP)) -> None:
    """Follow models, aliases or whole makes (unknown names get suggestions; nothing is added then)."""
    from autodossier.report.follow import watch_add

    with open_existing_kb(db) as kb:
        done = watch_add(kb, names)
    for item in done:
        state = "now watching" if item["added"] else "already watching"
        _out.print(f"{state} {item['kind']} {escape(item['name'])}")


@watch_app.command("remove")
def remove(names: list[str] = typer.Argument(..., help="Models or makes on the watchlist."),
           db: str = typer.Option(None, "--db", help=DB_HELP)) -> None:
    """Stop following models or makes."""
    from autodossier.report.follow import watch_remove

    with open_existing_kb(db) as kb:
        done = watch_remove(kb, names)
    for item in done:
        _out.print(f"no longer watching {item['kind']} {escape(item['name'])}")


@watch_app.command("list")
def list_(db: str = typer.Option(None, "--db", help=DB_HELP),
          as_json: bool = typer.Option(False, "--json", help="Print the watchlist as JSON.")) -> None:
    """List the followed models and makes."""
    with open_existing_kb(db) as kb:
        items = kb.watchlist()
    if as_json:
        sys.stdout.write(json.dumps(items, indent=2, ensure_ascii=False) + "\n")
        return
    if not items:
        _out.print("the watchlist is empty; add to it with: autodossier watch add NAME")
        return
    table = Table("name", "kind", "since")
    for item in items:
        table.add_row(escape(item["name"]), item["kind"], item["added_at"][:10])
    _out.print(table)


def print_watch_changes(db: str | None, since: str | None, as_json: bool) -> None:
    """`changes --watchlist`: changes to watched models since ``since`` or since the last look."""
    from autodossier.errors import AutodossierError
    from autodossier.report.follow import cited_by, summary, watch_changes

    with open_existing_kb(db) as kb:
        if not kb.watchlist():
            raise AutodossierError("the watchlist is empty; add to it with: autodossier watch add NAME")
        found = watch_changes(kb, since=since)
    if as_json:
        payload = {"since": since, "changes": [{**e.to_dict(), "summary": summary(e)} for e in found]}
        sys.stdout.write(json.dumps(payload, indent=2, ensure_ascii=False, default=str) + "\n")
        return
    when = f"since {since}" if since else "since the last look"
    if not found:
        _out.print(f"no changes to watched models {when}")
        return
    _out.print(f"[bold]{len(found)} change{'s' if len(found) != 1 else ''} to watched models {when}[/bold]")
    for e in found:
        _out.print(f"{e.date or 'undated':10}  [bold]{escape(e.kind)}[/bold]  {escape(summary(e))}")
        for cite in e.evidence:
            who = escape(", ".join(x for x in (cited_by(cite), cite.get("date")) if x) or "unknown outlet")
            _out.print(f"            {who}: \"{escape(cite.get('evidence') or '')}\" [dim]\\[{escape(str(cite.get('doc')))}][/dim]")


def print_pending_summary(settings, console: Console) -> None:  # noqa: ANN001 (Settings)
    """The ingest command's closing line about watched models (nothing without a watchlist)."""
    from autodossier.report.follow import pending_line
    from autodossier.store import KnowledgeBase

    with KnowledgeBase.open(settings) as kb:
        line = pending_line(kb)
    if line:
        console.print(escape(line), soft_wrap=True)
