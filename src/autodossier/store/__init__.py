"""The knowledge base: documents, outlets, entities with aliases, claims with provenance.

``KnowledgeBase(url)`` opens a SQLite file or a PostgreSQL server (same code path) and
creates or migrates its schema; see :mod:`autodossier.store.kb`.
"""
from autodossier.store.kb import IngestResult, KnowledgeBase, StoreBusyError, UnknownModelError

__all__ = ["IngestResult", "KnowledgeBase", "StoreBusyError", "UnknownModelError"]
