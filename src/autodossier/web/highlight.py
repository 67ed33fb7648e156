"""Marks the evidence sentences of a document's claims in its text, for the document page.

The anchor id of a sentence depends only on the sentence, so the model page can link to
it without knowing where in the document it stands.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any, Iterable

# Ten hex digits (40 bits) keep ids short in URLs; a clash inside one article is negligible.
ANCHOR_DIGITS = 10


def claim_anchor(claim: Any) -> str:
    """The anchor id (``ev-...``) of the evidence sentence of a claim record or Claim."""
    evidence = claim.get("evidence") if isinstance(claim, dict) else getattr(claim, "evidence", None)
    digest = hashlib.sha1((evidence or "").strip().encode("utf-8")).hexdigest()
    return "ev-" + digest[:ANCHOR_DIGITS]


@dataclass
class Segment:
    """A run of article text; ``anchor`` is set when it is an evidence sentence."""

    text: str
    anchor: str | None = None
    claims: list[dict] = field(default_factory=list)

    @property
    def extra_anchors(self) -> list[str]:
        """Anchors of merged overlapping sentences, so links to them land here too."""
        seen = {self.anchor}
        out = []
        for claim in self.claims:
            anchor = claim_anchor(claim)
            if anchor not in seen:
                seen.add(anchor)
                out.append(anchor)
        return out


def highlight(text: str, claims: Iterable[dict]) -> tuple[list[Segment], list[dict]]:
    """Split ``text`` into plain and evidence segments.

    Returns the segments in order and the claims whose evidence was not found verbatim
    (shown apart so nothing is hidden). Overlapping evidence spans are merged into the
    first span, whose anchor every claim of the overlap shares on the page.
    """
    spans: dict[tuple[int, int], list[dict]] = {}
    missing: list[dict] = []
    for claim in claims:
        evidence = (claim.get("evidence") or "").strip()
        start = text.find(evidence) if evidence else -1
        if start < 0:
            missing.append(claim)
            continue
        spans.setdefault((start, start + len(evidence)), []).append(claim)

    segments: list[Segment] = []
    pos = 0
    current: Segment | None = None
    current_end = -1
    for (start, end), group in sorted(spans.items()):
        if current is not None and start < current_end:
            # Overlap: extend the open highlight rather than nesting marks.
            if end > current_end:
                current.text += text[current_end:end]
                current_end = pos = end
            current.claims.extend(group)
            continue
        if start > pos:
            segments.append(Segment(text[pos:start]))
        current = Segment(text[start:end], claim_anchor(group[0]), list(group))
        current_end = end
        segments.append(current)
        pos = end
    if pos < len(text):
        segments.append(Segment(text[pos:]))
    return segments, missing
