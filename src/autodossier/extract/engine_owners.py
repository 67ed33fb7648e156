"""Engines described by the models they are in.

An engine figure is often stated of an engine the sentence's subject does not have, or not only:
"the 4.0-litre V8 used not only in the Urus but also in the Cayenne", "the 1.0-litre unit
found in the Axia", "swapped the V6 engine shared by the Macan and Q5 for a four". The phrase
that follows the figure names the models the engine is in; a verb of swapping before it says the
subject gave that engine up.
"""
from __future__ import annotations

import re

from autodossier.extract.findings import Finding
from autodossier.extract.mentions import Mention

# From an engine's figure to the first model it is in: "the V8 used (not only) in the Urus", "the
# unit found in the Axia", "the V6 engine shared by the Macan and Q5", "the V8 that powers the Cayenne".
_OWNED_BY = re.compile(r"[^,;:()–—]{0,60}?\b(?:(?:(?:that|which)\s+(?:is|was)\s+)?(?:currently\s+|also\s+|already\s+)?"
                       r"(?:used|found|fitted|offered|seen|shared)\s+(?:not\s+only\s+)?(?:in|by|on|to|with)"
                       r"|(?:that|which)\s+(?:currently\s+|also\s+|already\s+)?powers)\s+(?:both\s+)?(?:the\s+)?", re.I)
# Between two models an engine is in: "the Huracan and R8", "the Huracan but also later versions of the Gallardo".
_OWNER_LIST_GAP = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+|&\s+|but\s+also\s+(?:in\s+)?)(?:the\s+)?"
                             r"(?:(?:later|earlier|some|all|previous|older)\s+(?:versions|models|iterations)\s+of\s+"
                             r"(?:the\s+)?)?", re.I)
# A break between an engine's figures and the model it is shared with: "1.3 and 1.5 litre engines, among
# them the 1.3 litre unit found in the Bezza" (the 1.5 is another engine of the list).
LIST_BREAK = re.compile(r"[,;:]\s")
# How far an engine's figures may stand before the words naming the models it is in.
OWNED_REACH = 80
# How far back a verb of swapping may stand before the engine's figure.
GIVEN_UP_REACH = 60
# The engine a model gives up: "swapped the V10 ... for", "substituting for the V10", "in place of the".
_GIVEN_UP = re.compile(r"\b(?:substitut(?:es|ed|ing|e)\s+for|swap(?:s|ped|ping)?(?:\s+out)?|in\s+place\s+of|"
                       r"instead\s+of|ditch(?:es|ed|ing)?)\s+(?:the\s+|its\s+|their\s+)?[^,;:()]{0,40}$", re.I)


# Words one of which the phrase naming an engine's models holds: one substring test skips most sentences.
_OWNED_HINTS = re.compile(r"used|found|fitted|offered|seen|shared|powers")


def engine_owners(f: Finding, mentions: list[Mention], text: str, sentence: str) -> list[Mention]:
    """The models an engine figure's own phrase says the engine is in ("the 5.2-litre V10 used in
    the Huracan"), or none. ``sentence`` is the figure's sentence, for a quick test."""
    if not _OWNED_HINTS.search(sentence):
        return []
    for m in mentions:
        if not (m.model and m.kind == "explicit" and f.end <= m.start <= f.end + OWNED_REACH):
            continue
        if not _OWNED_BY.fullmatch(text, f.end, m.start):
            return []  # the first model after the figure is not the engine's owner
        owners = [m]
        for n in mentions:
            if n.model and n.kind == "explicit" and n.start >= owners[-1].end \
                    and _OWNER_LIST_GAP.fullmatch(text, owners[-1].end, n.start):
                owners.append(n)
        return owners
    return []


def given_up(f: Finding, text: str) -> bool:
    """Whether the engine of figure ``f`` is one the sentence's subject swaps out ("swapped the V6
    shared by the Macan and Q5 for ...", "substituting for the 2.9-litre V6")."""
    return _GIVEN_UP.search(text, max(0, f.start - GIVEN_UP_REACH), f.start) is not None
