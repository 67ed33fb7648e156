"""The unit every stage after ingest works on: one article's text and metadata."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass


@dataclass(frozen=True)
class Document:
    """One article.

    ``text`` is the article body exactly as it stands in the source (header
    lines removed), so evidence sentences cut from it are verbatim.
    """

    doc: str  # document id: the file stem; feed entries: stem plus "-" and entry index
    text: str
    title: str | None = None
    date: str | None = None  # publication date, ISO YYYY-MM-DD, None when unknown
    outlet: str | None = None
    url: str | None = None
    path: str | None = None  # where it was read from ("-" for standard input)

    @property
    def content_hash(self) -> str:
        """A fingerprint of what the extractor sees: unchanged hash means unchanged claims."""
        h = hashlib.sha256()
        for part in (self.text, self.title or "", self.date or "", self.outlet or "", self.url or ""):
            h.update(part.encode("utf-8", "surrogatepass"))
            h.update(b"\x00")
        return h.hexdigest()
