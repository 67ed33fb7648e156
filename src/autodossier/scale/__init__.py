"""Scale: run extraction on many cores or machines while one writer fills the store.

An *engine* maps a stream of documents to a stream of ``(document, outcome)`` pairs in
input order, where the outcome is the document's claims or a one-line error. Order is
kept so a parallel run stores exactly what a serial run stores (story clusters take the
id of their first document). The serial engine lives here; ``scale.dask_engine`` runs
the same per-document function on a Dask cluster.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from autodossier.claims import Claim
from autodossier.ingest.document import Document

Engine = Callable[[Iterable[Document]], Iterator[tuple[Document, "list[Claim] | str"]]]
Extractor = Callable[[Document], list[Claim]]

ENGINES = ("serial", "dask")


def extract_safely(doc: Document, extractor: Extractor | None = None) -> list[Claim] | str:
    """The document's claims, or a one-line reason when the extractor raised."""
    if extractor is None:
        from autodossier.extract import extract as extractor
    try:
        return extractor(doc)
    except Exception as exc:  # noqa: BLE001 - one bad article must not stop the batch
        return f"{doc.path or doc.doc}: extraction failed: {type(exc).__name__}: {exc}"


def extract_chunk(docs: list[Document]) -> list[list[Claim] | str]:
    """Outcomes of a chunk of documents: the unit of work a distributed worker runs."""
    return [extract_safely(doc) for doc in docs]


def serial_engine(extractor: Extractor | None = None) -> Engine:
    """The in-process engine: one document after another."""
    def run(docs: Iterable[Document]) -> Iterator[tuple[Document, list[Claim] | str]]:
        for doc in docs:
            yield doc, extract_safely(doc, extractor)
    return run
