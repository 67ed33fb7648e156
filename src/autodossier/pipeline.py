"""The ingest pipeline: paths -> documents -> claims -> knowledge base.

Reading and extraction stream one document at a time into the store's batched write
path, so memory stays flat however many files are given. A bad input (unreadable
file, extractor failure, a document the store refuses) is counted, reported and
skipped; the rest goes in.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from autodossier.claims import Claim
from autodossier.errors import InputError
from autodossier.ingest.document import Document
from autodossier.settings import Settings

Reader = Callable[[Sequence[str], Settings], Iterable["Document | InputError"]]
Extractor = Callable[[Document], list[Claim]]
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


def _default_extractor() -> Extractor:
    from autodossier.extract import extract

    return extract


def ingest_paths(kb, paths: Sequence[str], settings: Settings,  # noqa: ANN001 (KnowledgeBase)
                 progress: Progress | None = None, *, reader: Reader | None = None,
                 extractor: Extractor | None = None, batch_size: int | None = None) -> IngestSummary:
    """Read, extract and store everything under ``paths``; returns what happened.

    ``reader`` and ``extractor`` default to :func:`autodossier.ingest.read_paths` and
    :func:`autodossier.extract.extract`. ``progress`` is called after each input.
    """
    reader = reader or _default_reader()
    extractor = extractor or _default_extractor()
    summary = IngestSummary()

    def report(name: str, status: str) -> None:
        if progress is not None:
            progress(name, status)

    def pairs() -> Iterator[tuple[Document, list[Claim]]]:
        for item in reader(paths, settings):
            if isinstance(item, InputError):
                summary.add_error(str(item))
                report(item.name, "failed")
                continue
            try:
                claims = extractor(item)
            except Exception as exc:  # noqa: BLE001 - one bad article must not stop the batch
                summary.add_error(f"{item.path or item.doc}: extraction failed: "
                                  f"{type(exc).__name__}: {exc}")
                report(item.doc, "failed")
                continue
            yield item, claims

    kwargs = {"batch_size": batch_size} if batch_size else {}
    for result in kb.iter_ingest(pairs(), **kwargs):
        if result.status == "failed":
            summary.add_error(f"{result.doc}: not stored: {result.error}")
        else:
            setattr(summary, result.status, getattr(summary, result.status) + 1)
            summary.claims_added += result.claims_added
        report(result.doc, result.status)
    return summary
