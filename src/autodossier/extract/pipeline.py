"""The extraction pipeline: components registered where they are defined, run in order.

Like spaCy's pipeline, each component is a plain callable with one contract:
it takes the :class:`Annotated` article, reads the annotations it declares in
``requires`` and adds the ones it declares in ``provides``. The order of
``PIPELINE`` is checked against those declarations when the pipeline is built.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

from autodossier.claims import Claim
from autodossier.ingest.document import Document


@dataclass
class Sentence:
    """One sentence (or table row, heading, bullet) with its offsets in the document text."""

    text: str
    start: int
    end: int
    index: int
    paragraph: int = 0


@dataclass
class Annotated:
    """An article and everything the components have found in it so far."""

    doc: Document
    sentences: list[Sentence] = field(default_factory=list)
    # per sentence index: list of Mention (extract.mentions)
    mentions: dict[int, list] = field(default_factory=dict)
    # per sentence index: the Mention the sentence is mainly about (explicit or resolved)
    focus: dict[int, object] = field(default_factory=dict)
    # raw findings before subject/status assignment: extract.findings.Finding
    findings: list = field(default_factory=list)
    # the rules' proposed (finding, subject, status): extract.assemble.Proposal
    proposals: list = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    # the market the article is written for: extract.markets.Home, or None
    home: object = None


Component = Callable[[Annotated], None]


@dataclass(frozen=True)
class Registered:
    name: str
    func: Component
    requires: tuple[str, ...]
    provides: tuple[str, ...]


REGISTRY: dict[str, Registered] = {}


def component(name: str, requires: tuple[str, ...] = (), provides: tuple[str, ...] = ()):
    """Register a pipeline component under ``name`` with its declared inputs and outputs."""

    def wrap(func: Component) -> Component:
        REGISTRY[name] = Registered(name, func, tuple(requires), tuple(provides))
        return func

    return wrap


def build(names: list[str]) -> list[Registered]:
    """The components in order, checking that each one's inputs are provided before it."""
    have: set[str] = {"doc"}
    steps = []
    for name in names:
        step = REGISTRY[name]
        missing = [r for r in step.requires if r not in have]
        if missing:
            raise RuntimeError(f"pipeline component {name!r} needs {missing} before it")
        have.update(step.provides)
        steps.append(step)
    return steps
