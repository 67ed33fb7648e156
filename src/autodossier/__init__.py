"""autodossier: a living, source-attributed dossier on every vehicle model, from the news.

Stages, one subpackage each, dependencies pointing one way:
``ingest`` (files -> documents) -> ``extract`` (document -> claims, pure) ->
``store`` (claims -> knowledge base) -> ``fuse`` (claims -> beliefs) ->
``report`` (beliefs -> dossiers, charts); ``cli`` and ``web`` are thin faces.
"""
__version__ = "0.1.0"
