"""The command line: a thin face over the library.

Every module in this package registers its commands on :data:`app` where they
are defined; importing the package loads them all.
"""
from __future__ import annotations

import importlib
import inspect
import pkgutil
import re
import sys

import typer
from rich.console import Console
from rich.markup import escape

# Typer (pinned) carries its own copy of click; its exceptions are the ones raised.
from typer._click import exceptions as click_errors

from autodossier.cli.app import app
from autodossier.errors import AutodossierError

for _info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
    if _info.name != "app":
        importlib.import_module(f"{__name__}.{_info.name}")

_err = Console(stderr=True, highlight=False, soft_wrap=True)


def reflow(text: str) -> str:
    """Help text with the source's line breaks inside paragraphs joined, so the terminal, not
    the docstring's indentation, decides where lines break."""
    return "\n\n".join(" ".join(p.split()) for p in re.split(r"\n\s*\n", inspect.cleandoc(text)))


for _info in app.registered_commands:
    if _info.help is None and _info.callback is not None and _info.callback.__doc__:
        _info.help = reflow(_info.callback.__doc__)


def main() -> None:
    """Console-script entry point: user errors become one red line and exit status 1."""
    command = typer.main.get_command(app)
    try:
        code = command.main(prog_name="autodossier", standalone_mode=False)
        sys.exit(code if isinstance(code, int) else 0)
    except click_errors.NoArgsIsHelpError as exc:
        typer.echo(exc.ctx.get_help() if exc.ctx else "")
        sys.exit(0)
    except click_errors.UsageError as exc:
        # One line, with where to look, instead of a boxed usage screen.
        where = f"{exc.ctx.command_path} --help" if exc.ctx else "autodossier --help"
        _err.print(f"[red]autodossier: error:[/red] {escape(exc.format_message())} (see: {escape(where)})")
        sys.exit(exc.exit_code)
    except click_errors.ClickException as exc:
        _err.print(f"[red]autodossier: error:[/red] {escape(exc.format_message())}")
        sys.exit(exc.exit_code)
    except typer.Abort:
        _err.print("[red]autodossier: interrupted[/red]")
        sys.exit(130)
    except AutodossierError as exc:
        _err.print(f"[red]autodossier: error:[/red] {escape(str(exc))}")
        sys.exit(1)
    except KeyboardInterrupt:
        _err.print("[red]autodossier: interrupted[/red]")
        sys.exit(130)

