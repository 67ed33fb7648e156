"""Claim extraction: pure, text in, claims out (no storage, web or CLI here).

``extract(doc)`` runs the registered pipeline components over one document:

========== ============================== ===========================
component  reads                          adds
========== ============================== ===========================
sentences  doc                            sentences
mentions   sentences                      mentions (makes, models)
coref      sentences, mentions            resolved mentions, focus
quantities sentences                      findings (numbers + units)
specs      sentences, mentions            findings (engine, drive...)
markets    sentences                      home market, findings (local words)
lifecycle  sentences, home                findings (states, dates, launch markets)
sales      sentences                      findings (sales, markets)
relations  sentences                      findings (platform, engine)
assemble   all of the above               proposals (rules' subject, status)
attach     proposals, mentions, focus     claims (learned subject decisions)
========== ============================== ===========================
"""
from __future__ import annotations

from autodossier.claims import Claim
from autodossier.extract import (  # noqa: F401  (importing registers the components)
    assemble, attach, coref, lifecycle, markets, mentions, quantities, relations, sales, sentences, specs,
)
from autodossier.extract.pipeline import Annotated, build
from autodossier.ingest.document import Document

PIPELINE = ["sentences", "mentions", "coref", "quantities", "specs", "markets", "lifecycle", "sales", "relations",
            "assemble", "attach"]
_STEPS = build(PIPELINE)


def annotate(doc: Document) -> Annotated:
    """Run the whole pipeline and return every annotation (for debugging and the web's highlights)."""
    art = Annotated(doc)
    for step in _STEPS:
        step.func(art)
    return art


def extract(doc: Document) -> list[Claim]:
    """All claims one document makes, per the claim contract."""
    return annotate(doc).claims
