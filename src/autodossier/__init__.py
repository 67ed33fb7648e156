"""autodossier: a living, source-attributed dossier on every vehicle model, from the news.

Stages, one subpackage each, dependencies pointing one way:
``ingest`` (files -> documents) -> ``extract`` (document -> claims, pure) ->
``store`` (claims -> knowledge base) -> ``fuse`` (claims -> beliefs) ->
``report`` (beliefs -> dossiers, charts); ``cli`` and ``web`` are thin faces.
"""
__version__ = "0.1.0"


def open(db: str | None = None, **settings: object) -> "autodossier.api.Autodossier":  # noqa: A001, F821
    """Open the knowledge base ``db`` (SQLite path or URL; None: $AUTODOSSIER_DB) as the Python API.

    Imported lazily so that ``import autodossier`` stays cheap for the other stages.
    """
    from autodossier.api import open as _open

    return _open(db, **settings)
