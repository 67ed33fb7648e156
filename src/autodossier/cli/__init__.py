"""The command line: a thin face over the library.

Every module in this package registers its commands on :data:`app` where they
are defined; importing the package loads them all.
"""
from __future__ import annotations

import importlib
import pkgutil
import sys

from rich.console import Console
from rich.markup import escape

from autodossier.cli.app import app
from autodossier.errors import AutodossierError

for _info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
    if _info.name != "app":
        importlib.import_module(f"{__name__}.{_info.name}")

_err = Console(stderr=True, highlight=False, soft_wrap=True)


def main() -> None:
    """Console-script entry point: user errors become one red line and exit status 1."""
    try:
        app()
    except AutodossierError as exc:
        _err.print(f"[red]autodossier: error:[/red] {escape(str(exc))}")
        sys.exit(1)
    except KeyboardInterrupt:
        _err.print("[red]autodossier: interrupted[/red]")
        sys.exit(130)
