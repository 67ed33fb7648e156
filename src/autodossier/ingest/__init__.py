"""Ingest: article files, folders, globs, standard input and feeds into ``Document`` objects.

``read_paths`` streams: it reads one file at a time and never holds the batch,
and every input it cannot read becomes an ``InputError`` in the stream while the
rest goes on.
"""
from __future__ import annotations

from collections.abc import Iterator, Sequence

from autodossier.errors import AutodossierError, InputError
from autodossier.ingest.dates import normalize_date
from autodossier.ingest.document import Document
from autodossier.ingest.reader import (
    STDIN_ID,
    STDIN_PATH,
    SUPPORTED_EXTENSIONS,
    document_from_text,
    documents_from_feed,
    read_bytes,
    read_file,
    read_stdin,
    sniff_format,
)
from autodossier.ingest.sources import expand_paths
from autodossier.settings import Settings

__all__ = [
    "Document",
    "STDIN_ID",
    "STDIN_PATH",
    "SUPPORTED_EXTENSIONS",
    "document_from_text",
    "documents_from_feed",
    "expand_paths",
    "normalize_date",
    "read_bytes",
    "read_file",
    "read_paths",
    "read_stdin",
    "sniff_format",
]


def _checked_as_of(settings: Settings) -> str | None:
    """``settings.as_of`` as ISO ``YYYY-MM-DD``; an unreadable one is the user's error."""
    if settings.as_of is None or not settings.as_of.strip():
        return None
    as_of = normalize_date(settings.as_of)
    if as_of is None:
        raise AutodossierError(f"as-of date: cannot read {settings.as_of!r} (use YYYY-MM-DD)")
    return as_of


def read_paths(paths: Sequence[str], settings: Settings) -> Iterator[Document | InputError]:
    """Documents from files, folders (recursively), globs and ``-`` (standard input), in order.

    Yields an ``InputError`` for each input that cannot be read and carries on.
    Documents without a publication date get ``settings.as_of``. Raises
    ``AutodossierError`` (on the first ``next``) only when ``settings.as_of``
    itself cannot be read.
    """
    as_of = _checked_as_of(settings)
    for item in expand_paths(paths):
        if isinstance(item, InputError):
            yield item
        elif item == STDIN_PATH:
            yield from read_stdin(settings.max_article_bytes, as_of, doc_id=settings.stdin_doc)
        else:
            yield from read_file(item, settings.max_article_bytes, as_of)
