"""The Typer application every command module registers on."""
from enum import Enum

import typer

app = typer.Typer(
    name="autodossier",
    help=(
        "Read automotive news and keep a source-attributed dossier on every vehicle model: "
        "what is confirmed, expected, rumored, disputed and still unanswered."
    ),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


class ClaimFormat(str, Enum):
    """How commands that print claims print them: the contract's JSON Lines, a Rich table or CSV."""

    jsonl = "jsonl"
    table = "table"
    csv = "csv"


def open_existing_kb(db: str | None):
    """The knowledge base for a read command; a missing SQLite file is an error, not a new empty store."""
    from pathlib import Path

    from autodossier.errors import AutodossierError
    from autodossier.settings import Settings
    from autodossier.store import KnowledgeBase

    settings = Settings.from_env(db=db)
    url = settings.db_url
    if url.startswith("sqlite:///"):
        path = url[len("sqlite:///"):]
        if path and path != ":memory:" and not Path(path).exists():
            raise AutodossierError(f"no knowledge base at {path}; create one with: autodossier ingest FILES --db {path}")
    return KnowledgeBase.open(settings)


def check_date(option: str, value: str | None) -> str | None:
    """``value`` if it is an ISO date (YYYY, YYYY-MM or YYYY-MM-DD); else a one-line user error."""
    from autodossier.errors import AutodossierError
    from autodossier.fuse.values import date_span

    if value is not None and date_span(value.strip()) is None:
        raise AutodossierError(f"{option}: {value!r} is not a date (use YYYY-MM-DD, YYYY-MM or YYYY)")
    return value.strip() if value is not None else None
