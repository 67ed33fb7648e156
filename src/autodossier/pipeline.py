"""The ingest pipeline: paths -> documents -> claims -> knowledge base.

Reading and extraction stream one document at a time into the store's batched write
path, so memory stays flat however many files are given. A bad input (unreadable
file, extractor failure, a document the store refuses) is counted, reported and
skipped; the rest goes in.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field

from autodossier.claims import Claim
from autodossier.errors import AutodossierError, InputError
from autodossier.ingest.document import Document
from autodossier.scale import ENGINES, Engine, Extractor, serial_engine
from autodossier.settings import Settings

Reader = Callable[[Sequence[str], Settings], Iterable["Document | InputError"]]
# Called once per input handled: (document id or input name, status).
Progress = Callable[[str, str], None]


@dataclass
class IngestSummary:
    """Counts of one ingest run and the one-line reason of every failed input."""

    new: int = 0
    unchanged: int = 0
    replaced: int = 0
    failed: int = 0
    claims_added: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def documents(self) -> int:
        """Inputs handled, failed ones included."""
        return self.new + self.unchanged + self.replaced + self.failed

    def add_error(self, message: str) -> None:
        """Count one failed input."""
        self.failed += 1
        self.errors.append(message)


def _default_reader() -> Reader:
    from autodossier.ingest import read_paths

    return read_paths


def ingest_paths(kb, paths: Sequence[str], settings: Settings,  # noqa: ANN001 (KnowledgeBase)
                 progress: Progress | None = None, *, reader: Reader | None = None,
                 extractor: Extractor | None = None, engine: Engine | None = None,
                 batch_size: int | None = None) -> IngestSummary:
    """Read, extract and store everything under ``paths``; returns what happened.

    ``reader`` defaults to :func:`autodossier.ingest.read_paths`. Extraction runs on
    ``engine`` (see :mod:`autodossier.scale`), by default in this process with
    ``extractor`` (:func:`autodossier.extract.extract` unless given). Every engine
    returns outcomes in input order, so the store ends up the same whichever ran.
    ``progress`` is called after each input.
    """
    reader = reader or _default_reader()
    engine = engine or serial_engine(extractor)
    summary = IngestSummary()

    def report(name: str, status: str) -> None:
        if progress is not None:
            progress(name, status)

    def documents() -> Iterator[Document]:
        for item in reader(paths, settings):
            if isinstance(item, InputError):
                summary.add_error(str(item))
                report(item.name, "failed")
                continue
            yield item

    def pairs() -> Iterator[tuple[Document, list[Claim]]]:
        for doc, outcome in engine(documents()):
            if isinstance(outcome, str):
                summary.add_error(outcome)
                report(doc.doc, "failed")
                continue
            yield doc, outcome

    kwargs = {"batch_size": batch_size} if batch_size else {}
    for result in kb.iter_ingest(pairs(), **kwargs):
        if result.status == "failed":
            summary.add_error(f"{result.doc}: not stored: {result.error}")
        else:
            setattr(summary, result.status, getattr(summary, result.status) + 1)
            summary.claims_added += result.claims_added
        report(result.doc, result.status)
    return summary


@contextmanager
def open_engine(settings: Settings) -> Iterator[Engine | None]:
    """The extraction engine ``settings`` asks for, set up and torn down around a run.

    Yields None for the serial engine (``ingest_paths``'s default).
    """
    if settings.engine not in ENGINES:
        raise AutodossierError(f"unknown engine {settings.engine!r}: choose one of {', '.join(ENGINES)}")
    if settings.engine == "serial":
        if settings.scheduler:
            raise AutodossierError("a scheduler address needs the dask engine (--engine dask)")
        yield None
        return
    from autodossier.scale.dask_engine import DaskEngine

    with DaskEngine(settings.scheduler, settings.workers) as engine:
        yield engine
