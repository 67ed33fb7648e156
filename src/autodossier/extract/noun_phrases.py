"""What the noun phrase holding a body or powertrain word says of its owner.

"its best-selling SUV, the Tiguan" names the model in apposition; "showed its first models – a
compact hatch" names no model at all (the contract gives an unnamed car no subject); "electrified
powertrains (see the SF90 and 296)" gives models as examples of the cars it describes.
"""
from __future__ import annotations

import re

from autodossier.extract.findings import Finding
from autodossier.extract.mentions import Mention

# From a body word to the model an apposition names: "its best-selling SUV, the Tiguan", "the compact
# SUV that currently sells best, the Kia Sportage".
APPOSITION = re.compile(r"(?:\s+(?:that|which)\s+[^,.;:()–—]{0,40})?,\s+(?:the\s+|its\s+)?(?:new\s+|all-new\s+)?")

# An indefinite noun phrase: "a mid-size sedan", "an all-new electric SUV".
_INDEFINITE = re.compile(r"\b(?:a|an)\s+(?:[\w-]+\s+){0,3}$", re.I)
# What makes such a phrase say what a named model is: "is a ...", "as a ...", "the concept
# foreshadows a two-seat coupe".
_PREDICATIVE = re.compile(r"\b(?:is|was|are|were|be|becomes?|became|remains?|as|foreshadows?|previews?|"
                          r"heralds?)\s+(?:a|an)\s+(?:[\w-]+\s+){0,3}$", re.I)
# "a wagon will be derived from the new Astra": a version of a named model.
_DERIVED_AFTER = re.compile(r"[^,.;]{0,25}?\b(?:derived\s+from|based\s+on|version\s+of|variant\s+of|spun\s+off)\b",
                            re.I)
# From a model to an indefinite phrase set beside it: "the Exter, a micro SUV".
_APPOSED = re.compile(r"\s*[,(–—]\s+(?:a|an)\s+(?:[\w-]+\s+){0,3}")
# How far back an indefinite article may open the body word's noun phrase.
PHRASE_REACH = 50


def unnamed(f: Finding, mentions: list[Mention], text: str) -> bool:
    """Whether a body word names a car the sentence does not name ("showed its first models – a
    compact hatch"), rather than saying what a named model is ("is a ...", "the Exter, a micro SUV")."""
    start = max(0, f.start - PHRASE_REACH)
    if (not _INDEFINITE.search(text, start, f.start) or _PREDICATIVE.search(text, start, f.start)
            or _DERIVED_AFTER.match(text, f.end)):
        return False
    return not any(m.model and m.end <= f.start and _APPOSED.fullmatch(text, m.end, f.start) for m in mentions)


# From a class of cars named by their powertrain to the examples given of it: "hybridised powertrains
# (witness the P1 and Artura)", "electric full-size SUVs – ... – among them the EQS SUV and ...".
_EXAMPLES = re.compile(r"[^;.!?]{0,120}?(?:\bsuch\s+as|\bincluding|\bamong\s+them|\(witness|\(e\.g\.,?|\(like)\s+"
                       r"(?:the\s+)?(?:(?:new|upcoming|forthcoming|current|latest)\s+)?", re.I)


def example_of(f: Finding, mentions: list[Mention], text: str) -> Mention | None:
    """The first model a sentence gives as an example of the cars a powertrain word describes, or None
    (the models listed after it are examples too)."""
    first = next((m for m in mentions if m.model and m.kind == "explicit" and m.start >= f.end), None)
    if first is None or not _EXAMPLES.fullmatch(text, f.end, first.start):
        return None
    return first
