"""What a component finds in a sentence before it is tied to a subject and a status."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass
class Finding:
    """One attribute value found in a sentence, not yet a claim.

    The assembly step (``extract.assemble``) picks its subject (``subject`` when a
    component bound it already, else the sentence's focus) and its status (``status``
    when a component fixed it, else the certainty cue that governs ``start``).
    """

    sentence: int
    start: int  # absolute character offsets of the words that state it
    end: int
    attribute: str
    value: Any
    qualifier: str = "="
    negated: bool = False
    unit: str | None = None
    period: str | None = None
    region: str | None = None
    qualifier_text: str | None = None
    subject: Any = None  # a Mention the value is bound to by the grammar
    status: str | None = None
    engine: bool = False  # an engine property: also true of an engine-sharing partner
    brand: bool = False  # may be a claim about a bare make (sales, markets)
    partners_too: bool = False  # also true of the partner in "the same engine as X"
    # a market stated by a launch word or a verb ("import the Coupe here"): about the event's object
    event: bool = False
