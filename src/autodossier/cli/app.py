"""The Typer application every command module registers on."""
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
