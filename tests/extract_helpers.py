"""Shared helpers for the extraction tests: run the pipeline on a made-up article."""
from autodossier.extract import extract
from autodossier.ingest.document import Document


def claims_of(text: str, date: str | None = "2025-06-15") -> list:
    """Claims of one article text published on ``date``."""
    return extract(Document(doc="t", text=text, date=date))


def facts(text: str, date: str | None = "2025-06-15") -> set:
    """(subject, attribute, value) triples of an article, for compact assertions."""
    return {(c.subject, c.attribute, c.value) for c in claims_of(text, date)}
