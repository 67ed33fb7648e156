"""The web face: a FastAPI app with a REST API (``/api``, documented at ``/docs``) and
server-rendered pages over the same knowledge base. Thin: every route calls the
store, report, fuse and estimate libraries; no domain logic lives here."""
from autodossier.web.app import create_app

__all__ = ["create_app"]
