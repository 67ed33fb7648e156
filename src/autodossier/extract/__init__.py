"""Claim extraction: pure, text in, claims out (no storage, web or CLI here).

``extract(doc)`` runs the registered pipeline components over one document.
"""
from __future__ import annotations

from autodossier.claims import Claim
from autodossier.ingest.document import Document


def extract(doc: Document) -> list[Claim]:
    """All claims one document makes, per the claim contract (work in progress)."""
    return []
