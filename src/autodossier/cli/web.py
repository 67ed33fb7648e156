"""``autodossier serve``: the web app and REST API over a knowledge base."""
from __future__ import annotations

import typer
from rich.console import Console
from rich.markup import escape

from autodossier.cli.app import app
from autodossier.errors import AutodossierError
from autodossier.settings import Settings

_err = Console(stderr=True, highlight=False, soft_wrap=True)


@app.command()
def serve(
    db: str = typer.Option(None, "--db", help="Knowledge base: SQLite file or postgresql:// URL "
                           "(default: $AUTODOSSIER_DB, else autodossier.db)."),
    host: str = typer.Option(None, "--host", help="Address to listen on (default 127.0.0.1: "
                             "this machine only; 0.0.0.0 to serve the network)."),
    port: int = typer.Option(None, "--port", help="TCP port (default 8000).", min=1, max=65535),
) -> None:
    """Serve the dossiers as web pages and a REST API (OpenAPI docs at /docs).

    Read-only unless AUTODOSSIER_TOKEN is set; then POST /api/articles and /api/fetch
    accept that token as 'Authorization: Bearer <token>'. Stop with Ctrl+C.
    """
    import uvicorn

    from autodossier.web import create_app

    settings = Settings.from_env(db=db, host=host, port=port)
    try:
        application = create_app(settings)
    except AutodossierError:
        raise
    except Exception as exc:  # the store's driver errors (bad URL, unreachable server)
        raise AutodossierError(f"cannot open the knowledge base {settings.db!r}: {exc}") from None
    mode = "read-write (token set)" if settings.token else "read-only (no AUTODOSSIER_TOKEN)"
    _err.print(f"autodossier: serving {escape(settings.db)} at http://{settings.host}:{settings.port}/ ({mode})")
    try:
        uvicorn.run(application, host=settings.host, port=settings.port, log_level="warning")
    except OSError as exc:  # port in use, address not available
        raise AutodossierError(f"cannot listen on {settings.host}:{settings.port}: {exc.strerror or exc}") from None
