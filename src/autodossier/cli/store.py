"""``autodossier ingest`` and ``autodossier stories``: fill the knowledge base and list story clusters."""
from __future__ import annotations

import re
from typing import Optional

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import (
    BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn, TimeRemainingColumn,
)
from rich.table import Table

from autodossier.cli.app import app
from autodossier.errors import AutodossierError
from autodossier.settings import Settings

DB_HELP = "Database: a SQLite file path (default autodossier.db, or $AUTODOSSIER_DB) or a postgresql://user@host/db URL."


def _settings(db: Optional[str], as_of: Optional[str] = None, **more: object) -> Settings:
    if as_of is not None:
        from autodossier.ingest.dates import normalize_date

        if normalize_date(as_of) is None:
            raise AutodossierError(f"--as-of: not a date: {as_of!r} (use YYYY-MM-DD)")
        as_of = normalize_date(as_of)
    return Settings.from_env(db=db, as_of=as_of, **more)


def input_total(paths: list[str]) -> int | None:
    """How many inputs a progress bar counts to: the files the paths name (None with stdin).

    A second walk of the folders costs milliseconds against seconds of extraction. A feed
    is one file of many articles; the bar grows its total when it passes it.
    """
    from autodossier.ingest import STDIN_PATH, expand_paths

    total = 0
    for item in expand_paths(paths):
        if item == STDIN_PATH:
            return None
        total += 1
    return total


def ingest_progress(console: Console) -> Progress:
    """The ingest bar: done of total, the file in hand, time so far and the time left."""
    return Progress(SpinnerColumn(), TextColumn("ingesting"), BarColumn(), MofNCompleteColumn(),
                    TextColumn("{task.fields[last]}"), TimeElapsedColumn(), TextColumn("ETA"),
                    TimeRemainingColumn(), console=console, transient=True,
                    disable=not console.is_terminal)  # draws only on a terminal


def advance(bar: Progress, task: int, name: str) -> None:
    """One input done: advance the bar, growing its total when a feed held more than one."""
    state = next((t for t in bar.tasks if t.id == task), None)
    if state is not None and state.total is not None and state.completed + 1 > state.total:
        bar.update(task, total=state.completed + 1)
    bar.update(task, advance=1, last=escape(name))


# A document id given on the command line: the characters the REST API accepts too.
_DOC_ID = re.compile(r"^[A-Za-z0-9_.-]{1,120}$")


def _check_doc_option(doc: str, paths: list[str]) -> None:
    """``--doc`` names the one article read from standard input: refuse it anywhere else."""
    if paths != ["-"]:
        raise AutodossierError("--doc names an article read from standard input: give - as the only PATH")
    if not _DOC_ID.match(doc):
        raise AutodossierError("--doc: use 1-120 letters, digits, '.', '_' or '-'")


@app.command()
def ingest(
    paths: list[str] = typer.Argument(..., help="Files, folders (recursive), globs, or - for standard input."),
    db: Optional[str] = typer.Option(None, "--db", help=DB_HELP),
    as_of: Optional[str] = typer.Option(None, "--as-of", help="Publication date (YYYY-MM-DD) for documents that have none."),
    engine: Optional[str] = typer.Option(
        None, "--engine", help="Where extraction runs: serial (this process, the default) or dask "
        "(a Dask cluster; $AUTODOSSIER_ENGINE)."),
    scheduler: Optional[str] = typer.Option(
        None, "--scheduler", help="Dask scheduler address, e.g. tcp://10.0.0.5:8786 ($AUTODOSSIER_SCHEDULER). "
        "Without one, --engine dask starts a local cluster."),
    workers: Optional[int] = typer.Option(
        None, "--workers", min=1, help="Worker processes of the local Dask cluster (default: one per core)."),
    doc: Optional[str] = typer.Option(
        None, "--doc", help="Document id for an article read from standard input (-); "
        "default: derived from its content, so a different article never replaces it."),
) -> None:
    """Extract claims from articles and store documents, outlets, models and claims.

    Re-ingesting unchanged articles adds nothing; a changed article replaces its own claims.
    Syndicated and rewritten copies are grouped into stories. A file that cannot be read is
    reported on stderr and skipped; the exit status is 1 if any input failed.

    With --engine dask, extraction runs on the cluster's workers while this process reads
    the inputs and writes the store; the store ends up exactly as after a serial run.
    """
    from autodossier.pipeline import ingest_paths, open_engine
    from autodossier.store import KnowledgeBase

    if doc is not None:
        _check_doc_option(doc, paths)
    settings = _settings(db, as_of, engine=engine, scheduler=scheduler, workers=workers, stdin_doc=doc)
    out = Console(highlight=False)
    err = Console(stderr=True, highlight=False, soft_wrap=True)
    bar = ingest_progress(err)
    # The engine first: a cluster that cannot be reached must not leave an empty store behind.
    with open_engine(settings) as extraction:
        kb = KnowledgeBase.open(settings)
        try:
            with bar:
                task = bar.add_task("ingest", total=input_total(paths) if err.is_terminal else None, last="")

                def progress(name: str, status: str) -> None:
                    advance(bar, task, name)

                summary = ingest_paths(kb, paths, settings, progress=progress, engine=extraction)
        finally:
            kb.close()
    for message in summary.errors:
        err.print(f"[red]autodossier: skipped[/red] {escape(message)}")
    out.print(f"documents: {summary.new} new, {summary.unchanged} unchanged, "
              f"{summary.replaced} replaced, {summary.failed} failed; "
              f"claims added: {summary.claims_added}")
    from autodossier.cli.watch import print_pending_summary

    print_pending_summary(settings, out)
    if summary.failed:
        raise typer.Exit(1)


@app.command()
def stories(
    db: Optional[str] = typer.Option(None, "--db", help=DB_HELP),
    min_size: int = typer.Option(2, "--min-size", min=1, help="Only stories told by at least this many documents (1 lists every document)."),
) -> None:
    """List story clusters: near-duplicate (syndicated or rewritten) documents, with their outlets.

    A story id is the id of the first document of its cluster; claims from one story count
    as one independent source when fused.
    """
    from autodossier.store import KnowledgeBase

    kb = KnowledgeBase.open(_settings(db))
    try:
        clusters = kb.stories(min_size=min_size)
        total = kb.count_documents()
    finally:
        kb.close()
    out = Console(highlight=False)
    if not clusters:
        out.print(f"no stories with {min_size} or more documents ({total} documents stored)")
        return
    table = Table(title=f"{len(clusters)} stories ({total} documents)")
    table.add_column("story")
    table.add_column("docs", justify="right")
    table.add_column("outlets")
    table.add_column("documents")
    for c in clusters:
        table.add_row(escape(c["story"]), str(len(c["documents"])), escape(", ".join(c["outlets"]) or "-"),
                      escape(", ".join(c["documents"])))
    out.print(table)
